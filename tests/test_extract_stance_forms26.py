"""Endorsement forms of real readouts (issue 11, round 26): a verb of naming whose conduct stands
outside the stretch between the verb and the charge. Short readouts the team wrote, each test
naming its rule and failing without it."""

from __future__ import annotations

from readouts import extract_text, stances

_ES = ("Cafiero se reunió con Faría\n\nBuenos Aires, 12 de mayo de 2022\nEl canciller Santiago Cafiero se reunió hoy "
       "con el canciller de Venezuela, Carlos Faría.\n")


def _es(registry, sentence: str) -> set[tuple]:
    return stances(extract_text(registry, _ES + sentence + "\n", "es"))


def test_a_relative_clause_of_naming_accuses_the_party_of_the_conduct_before_it(registry):
    # "las declaraciones de Estados Unidos, a las que calificó como una injerencia": the relative
    # pronoun stands for the conduct named before the clause; its party is accused
    found = _es(registry, "Faría expresó que la soberanía está siendo socavada por las declaraciones de Estados Unidos, "
                          "a las que calificó como una injerencia en los asuntos internos de Venezuela.")
    assert ("VEN", "oppose", "USA", "Non-interference") in found
    # a clause that is no relative clause takes no party from before it
    found = _es(registry, "Faría habló de las declaraciones de Estados Unidos, y calificó como positiva la reunión.")
    assert not any(s[1] == "oppose" for s in found)


def test_an_adjective_of_interference_named_before_the_conduct_accuses_its_party(registry):
    # "calificó como «insolentes, injerencistas y groseras» las declaraciones de la ministra
    # española": the charge, an adjective, may come before the conduct, and the commas of a quoted
    # list of attributes end no clause
    found = _es(registry, "Faría calificó como «insolentes, injerencistas y groseras» las declaraciones de la ministra "
                          "de Defensa española.")
    assert ("VEN", "oppose", "ESP", "Non-interference") in found
    found = _es(registry, "Faría calificó las declaraciones de la ministra española como injerencistas.")
    assert ("VEN", "oppose", "ESP", "Non-interference") in found
    # the party whose internal affairs are meant is not accused
    found = _es(registry, "Faría calificó como una injerencia en los asuntos internos de Venezuela las declaraciones.")
    assert not any(s[1] == "oppose" and s[2] == "VEN" for s in found)


def test_who_names_the_conduct_in_a_clause_opened_by_who_is_the_party_before_it(registry):
    # "llegó a instancias de Faría, quien calificó como injerencistas ...": the subject of the verb
    # of naming is the one "quien" stands for, not the sentence's opening subject; the conduct's
    # party is named in a mention that runs past a comma ("la ministra española, Ana Pérez")
    found = stances(extract_text(registry, """\
        Cafiero se reunió con Faría

        Buenos Aires, 12 de mayo de 2022
        El canciller Santiago Cafiero se reunió hoy con el canciller de Venezuela, Carlos Faría.
        Cafiero llegó a la cita a instancias de Faría, quien calificó como injerencistas las declaraciones de la ministra de Defensa española, Ana Pérez, sobre Venezuela.
        """, "es"))
    assert ("VEN", "oppose", "ESP", "Non-interference") in found
    assert not any(s[0] == "ARG" for s in found)


def test_a_stance_in_a_clause_opened_by_who_is_taken_by_the_party_named_before_it(registry):
    # "telefoniert mit Selenskyj, der dem Bundeskanzler zu dessen Amtsantritt gratulierte", "spoke
    # with X, who congratulated him": the party "who" stands for congratulates, the one in the
    # clause is congratulated (not the sentence's subject congratulating the one it met)
    found = stances(extract_text(registry, """\
        Merz telefoniert mit Selenskyj

        Berlin, 7. Mai 2025
        Bundeskanzler Friedrich Merz hat heute mit dem ukrainischen Präsidenten Selenskyj telefoniert, der dem Bundeskanzler zu dessen Amtsantritt gratulierte.
        """, "de"))
    assert ("UKR", "congratulate", "DEU", "Taking office") in found
    assert not any(s[0] == "DEU" and s[1] == "congratulate" for s in found)
    found = stances(extract_text(registry, """\
        Blinken speaks with Kuleba

        WASHINGTON, May 7, 2021 - Secretary Blinken spoke with Ukrainian Foreign Minister Dmytro Kuleba, who praised the Secretary for his leadership.
        """, "en"))
    assert ("UKR", "support", "USA", None) in found
    assert not any(s[0] == "USA" for s in found)


_CALL = ("Secretary Blinken's meeting with Egyptian Foreign Minister Shoukry\n\nWASHINGTON, May 26, 2021 - Secretary of "
         "State Antony Blinken met with Egyptian Foreign Minister Sameh Shoukry in Cairo today.\n\n")


def test_a_body_that_leads_the_effort_backed_is_backed_itself_and_is_no_topic(registry):
    # "negotiations under the leadership of the African Union", "UN-facilitated efforts": the body
    # leads the effort, it is no role of the party backed (ANNOTATION.md §3: target, not topic)
    found = stances(extract_text(registry, _CALL + "The Secretary reiterated U.S. support for Egypt and for "
                                 "negotiations under the leadership of the African Union.\n", "en"))
    assert ("USA", "support", "AU", None) in found
    assert ("USA", "support", "EGY", "AU") not in found
    found = stances(extract_text(registry, _CALL + "The Secretary reiterated U.S. support for Egypt and for "
                                 "UN-facilitated efforts on the dispute.\n", "en"))
    assert ("USA", "support", "UN", None) in found
    assert ("USA", "support", "EGY", "UN") not in found
    # a body named as where a party's role lies stays the topic
    found = stances(extract_text(registry, _CALL + "The Secretary reiterated U.S. support for Egypt's role in the "
                                 "African Union.\n", "en"))
    assert ("USA", "support", "EGY", "AU") in found


def test_the_spanish_interjection_felicidades_is_a_congratulation(registry):
    # "Felicidades por tu nombramiento", quoted and said by the other party: the everyday noun of
    # congratulation (like "Congratulations", "Félicitations", "Parabéns") congratulates
    found = _es(registry, "«Felicidades por tu nombramiento», declaró Faría en su cuenta de Twitter.")
    assert ("VEN", "congratulate", "ARG", "Taking office") in found


def test_a_return_to_office_is_a_taking_of_office(registry):
    # "congratulated X on his return to the Ministry": coming back to a post is taking it again
    found = stances(extract_text(registry, _CALL + "The Secretary congratulated Foreign Minister Shoukry on his return "
                                 "to the Ministry of Foreign Affairs.\n", "en"))
    assert ("USA", "congratulate", "EGY", "Taking office") in found
    assert ("USA", "congratulate", "EGY", None) not in found

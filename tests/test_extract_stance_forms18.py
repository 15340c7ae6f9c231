"""Endorsement forms of real readouts (issue 11, round 18): solidarity given with a possessive, its
receiver named apart from it; a body beside a congratulated occasion; a verb of naming that calls a
party's conduct interference. Short readouts the team wrote, each test naming its rule and failing
without it."""

from __future__ import annotations

from readouts import extract_text, stances

_HEAD = {
    "de": "Scholz telefoniert mit Kishida\n\nBerlin, 20. März 2023\nBundeskanzler Olaf Scholz hat heute mit dem "
          "japanischen Premierminister Fumio Kishida telefoniert.\n",
}


def _stances(registry, lang: str, body: str) -> set[tuple]:
    return stances(extract_text(registry, _HEAD[lang] + body + "\n", lang))


def test_solidarity_given_to_a_party_in_the_dative_backs_it(registry):
    # "sprach der Ukraine seine Solidarität aus": the noun stands alone, the party it goes to is
    # the dative before it and the verb's particle closes the clause
    found = _stances(registry, "de", "Der Bundeskanzler sprach der Ukraine seine Solidarität aus.")
    assert ("DEU", "support", "UKR", "Ukraine") in found
    found = _stances(registry, "de", "Beide sprachen der Ukraine ihre Solidarität aus.")
    assert ("DEU", "support", "UKR", "Ukraine") in found
    assert ("JPN", "support", "UKR", "Ukraine") in found
    # solidarity asked of others is a call, no stance taken
    assert not _stances(registry, "de", "Scholz forderte mehr Solidarität mit der Ukraine.")


def test_solidarity_shown_together_with_no_one_to_receive_it_is_no_stance(registry):
    # "zeigten in der Pandemie Solidarität miteinander": the noun with no possessive of a giver
    # and no party it goes to describes the ties, it backs no one (ANNOTATION.md §3)
    found = _stances(registry, "de", "Deutschland und Japan zeigten in der COVID-19-Pandemie Solidarität miteinander.")
    assert not found


def test_congratulations_on_a_labelled_occasion_take_no_body_named_beside_it_as_topic(registry):
    # "congratulated ... on the elections, which the OSCE observers found ...": the body tells of
    # the occasion; the congratulation is on the election alone
    found = stances(extract_text(registry, """\
        Secretary Blinken's call with Armenian Prime Minister Pashinyan

        WASHINGTON, 13 July 2021 - Secretary of State Antony Blinken spoke with Armenian Prime Minister Nikol Pashinyan on Tuesday.

        The Secretary congratulated the people of Armenia on the June 20 elections, which the OSCE observers found to be free and competitive.
        """, "en"))
    assert ("USA", "congratulate", "ARM", "Election") in found
    assert not any(s[3] == "OSCE" for s in found)
    # a body in the occasion's own phrase is the role congratulated
    found = stances(extract_text(registry, """\
        Secretary Blinken's call with Indian Foreign Minister Jaishankar

        WASHINGTON, 13 July 2021 - Secretary of State Antony Blinken spoke with Indian External Affairs Minister Subrahmanyam Jaishankar on Tuesday.

        The Secretary congratulated India on its election to the UN Security Council.
        """, "en"))
    assert any(s[:3] == ("USA", "congratulate", "IND") and s[3] in ("UNSC", "UN") for s in found)


_ES = ("Cafiero se reunió con Faría\n\nBuenos Aires, 12 de mayo de 2022\nEl canciller Santiago Cafiero se reunió hoy "
       "con el canciller de Venezuela, Carlos Faría.\n")


def test_a_verb_of_naming_that_calls_a_partys_conduct_interference_accuses_that_party(registry):
    # "calificó las sanciones de Estados Unidos como una injerencia": the party named between the
    # verb and the charge is accused; the one who names it opposes it, a participant or not
    found = stances(extract_text(registry, _ES + "Faría calificó las sanciones de Estados Unidos como una injerencia "
                                                  "en los asuntos internos de Venezuela.\n", "es"))
    assert ("VEN", "oppose", "USA", "Non-interference") in found
    assert not any(s[2] == "VEN" for s in found)
    found = stances(extract_text(registry, """\
        Blinken meets Wang Yi

        WASHINGTON, 4 March 2024 - Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Washington on Monday.

        Wang described the remarks of the United States on Xinjiang as interference in China's internal affairs.
        """, "en"))
    assert ("CHN", "oppose", "USA", "Xinjiang") in found
    # a verb of naming with no charge after it accuses no one
    found = stances(extract_text(registry, _ES + "Faría calificó la reunión con Argentina como muy productiva.\n", "es"))
    assert not any(s[1] == "oppose" for s in found)


_SUMMIT = """\
    Japan-Germany Summit Meeting

    June 7, 2015
    Mr. Shinzo Abe, Prime Minister of Japan, held a summit meeting with Dr. Angela Merkel, Federal Chancellor of the Federal Republic of Germany.

    """


def test_praise_of_his_or_her_role_in_a_body_backs_the_other_party_on_that_body(registry):
    # "praised his meaningful contribution to the G7 Summit", in a two-party encounter: the role
    # is the other party's, the body its topic (not the body's own role)
    found = stances(extract_text(registry, _SUMMIT + "    Chancellor Merkel praised his meaningful contribution to the first "
                                 "session of the G7 Summit.\n", "en"))
    assert ("DEU", "support", "JPN", "G7") in found
    assert ("DEU", "support", "G7", None) not in found
    # praise of the body itself still targets it
    found = stances(extract_text(registry, _SUMMIT + "    Chancellor Merkel praised the G7 for its leadership.\n", "en"))
    assert ("DEU", "support", "G7", None) in found


def test_the_one_met_after_with_is_no_subject_of_the_verb_joined_by_and(registry):
    # "was delighted to meet with Prime Minister Abe again and praised ...": Abe is met, Merkel praises
    found = stances(extract_text(registry, _SUMMIT + "    Chancellor Merkel stated that she was delighted to meet with Prime "
                                 "Minister Abe again and praised his contribution to the G7 Summit.\n", "en"))
    assert ("DEU", "support", "JPN", "G7") in found
    assert not any(s[0] == "JPN" for s in found)


def test_a_wish_to_praise_is_praise(registry):
    # "would like to praise her accomplishments as the chair of the G7": a wish to say praise says it
    found = stances(extract_text(registry, _SUMMIT + "    Prime Minister Abe stated that he would like to praise her "
                                 "accomplishments as the chair of the G7 Summit.\n", "en"))
    assert ("JPN", "support", "DEU", "G7") in found

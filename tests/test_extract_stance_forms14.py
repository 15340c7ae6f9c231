"""Endorsement forms of real readouts (issue 11, round 14): forms that recur on pages no rule was
tuned for (U.S. State Department, agency and ministry readouts), on short readouts the team
wrote; each test names its rule and fails without it."""

from __future__ import annotations

from readouts import extract_text, stances

_EN_CALL = """\
    Secretary Blinken's Call with French Foreign Minister Colonna

    WASHINGTON, 9 March 2023 - Secretary of State Antony J. Blinken spoke today with French Foreign Minister Catherine Colonna.

    """

_FR_CALL = """\
    Entretien de Mme Catherine Colonna avec M. Antony Blinken

    Paris, 9 mars 2023 - Mme Catherine Colonna, ministre de l'Europe et des affaires étrangères, s'est entretenue avec M. Antony Blinken, secrétaire d'État des États-Unis.

    """


def _stances(registry, text: str, lang: str) -> set[tuple]:
    return stances(extract_text(registry, text, lang))


def test_joint_efforts_that_were_discussed_are_no_stance(registry):
    # "discussed our joint efforts to provide support for Ukraine": work done together, talked
    # of, is a subject of the call, not a position either side states
    assert _stances(registry, _EN_CALL + "They discussed our ongoing joint efforts to provide support for Ukraine.\n", "en") == set()
    assert _stances(registry, _FR_CALL + "Ils ont évoqué nos efforts communs pour soutenir l'Ukraine.\n", "fr") == set()
    # a concern held in common is still a position, discussed or not
    found = _stances(registry, _EN_CALL + "They discussed their shared concerns about Iran's nuclear program.\n", "en")
    assert {("USA", "oppose", "IRN", "Iran nuclear issue"), ("FRA", "oppose", "IRN", "Iran nuclear issue")} <= found


def test_the_importance_of_a_stance_is_a_call_not_a_stance(registry):
    # "underscored the importance of supporting Ukraine", "a souligné l'importance de soutenir":
    # what the speaker says matters is urged on others, like "need to", no stance taken
    assert _stances(registry, _EN_CALL + "Secretary Blinken underscored the importance of supporting Ukraine.\n", "en") == set()
    assert _stances(registry, _FR_CALL + "Mme Colonna a souligné l'importance de soutenir l'Ukraine.\n", "fr") == set()
    # a stance stated outright, after a speech verb of its own, is still one
    found = _stances(registry, _EN_CALL + "Secretary Blinken stressed the importance of the partnership and reaffirmed U.S. support for Ukraine.\n", "en")
    assert any(e[:3] == ("USA", "support", "UKR") for e in found)


_FR_KING = """\
    Entretien téléphonique entre le Roi Mohammed VI et le Président Emmanuel Macron

    Rabat, 9 mai 2017 - Le Roi Mohammed VI a eu mardi un entretien téléphonique avec le Président élu de la République française, Emmanuel Macron, indique un communiqué du Cabinet royal.

    """


def test_congratulations_to_one_party_with_an_unnamed_subject_come_from_the_other(registry):
    # "le Souverain a réitéré ses félicitations à Macron": the subject is a word the reader cannot
    # name, and the last speaker is the one congratulated; in a two-party encounter no one
    # congratulates themselves, so the other party does
    found = _stances(registry, _FR_KING + "Au cours de cet entretien, le Souverain a réitéré ses vives félicitations à M. Macron pour son élection.\n", "fr")
    assert ("MAR", "congratulate", "FRA", "Election") in found
    # a support in the same sentence keeps its own reading: no support by Morocco is invented
    found = _stances(registry, _FR_KING + "Au cours de cet entretien, le Souverain a réitéré ses vives félicitations à M. Macron, qui a été porté par un large soutien.\n", "fr")
    assert not any(e[1] == "support" for e in found)


_RU_CALL = """\
    Путин провел телефонный разговор с Трампом

    МОСКВА, 14 ноября 2016 - Президент России Владимир Путин провел телефонный разговор с избранным президентом США Дональдом Трампом.

    """


def test_congratulations_told_as_background_are_not_the_readouts(registry):
    # "Ранее Трампа поздравила Марин Ле Пен", "Earlier, ... congratulated ...": an agency's
    # background line opened by an adverb of an earlier time tells of another occasion
    found = _stances(registry, _RU_CALL + "Ранее Трампа поздравил президент Франции Франсуа Олланд.\n", "ru")
    assert not any(e[1] == "congratulate" for e in found)
    found = _stances(registry, _EN_CALL + "Earlier, President Macron congratulated President Biden on his election.\n", "en")
    assert not any(e[1] == "congratulate" for e in found)
    # the same congratulation told as the readout's own is one
    found = _stances(registry, _RU_CALL + "Путин поздравил Трампа с избранием на пост президента.\n", "ru")
    assert ("RUS", "congratulate", "USA", "Election") in found


def test_the_israel_hamas_war_named_by_its_sides_is_the_palestine_question(registry):
    # "his role in securing an Israel-Hamas ceasefire", "un cessez-le-feu Israël-Hamas": the war
    # in Gaza named by its two sides is the Palestine topic, as "Israeli-Palestinian" is
    found = _stances(registry, _EN_CALL + "Secretary Blinken praised France for its role in securing an Israel-Hamas ceasefire.\n", "en")
    assert ("USA", "support", "FRA", "Palestine") in found
    found = _stances(registry, _FR_CALL + "La France soutient les efforts des États-Unis pour un cessez-le-feu Israël-Hamas.\n", "fr")
    assert ("FRA", "support", "USA", "Palestine") in found


def test_a_congratulation_on_an_occasion_is_on_that_occasion_only(registry):
    # "congratulations ... following the elections, in which observers found human rights
    # respected": the rest of the frame tells of the occasion, it names no second topic
    found = _stances(registry, _EN_CALL + "Secretary Blinken offered congratulations to the people of France following the elections, in which observers found that human rights were respected.\n", "en")
    assert ("USA", "congratulate", "FRA", "Election") in found
    assert not any(e[1] == "congratulate" and e[3] == "Human rights" for e in found)

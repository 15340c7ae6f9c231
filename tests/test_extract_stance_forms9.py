"""Congratulation forms of real readouts (issue 11, round 9), on short readouts the team wrote
in the style of agency and ministry pages: each test names its rule and fails without it."""

from __future__ import annotations

from readouts import extract_text, stances


def _stances(registry, text: str, lang: str = "en") -> set[tuple]:
    return stances(extract_text(registry, text, lang))


def test_an_exchange_of_congratulations_later_in_a_one_encounter_readout_goes_both_ways(registry):
    stances = _stances(registry, """\
        Tokayev holds phone talks with Mirziyoyev

        ASTANA, 20 March 2023 - President of Kazakhstan Kassym-Jomart Tokayev had a telephone conversation with President of Uzbekistan Shavkat Mirziyoyev.

        The sides discussed trade and the water situation in the region.

        The leaders also exchanged congratulations on the coming spring holiday.
        """)
    assert ("KAZ", "congratulate", "UZB", None) in stances
    assert ("UZB", "congratulate", "KAZ", None) in stances


def test_an_exchange_in_a_readout_of_two_encounters_needs_its_own_sentence(registry):
    # which pair exchanged them is not said: no record for either
    stances = _stances(registry, """\
        Tokayev holds phone talks

        ASTANA, 20 March 2023 - President of Kazakhstan Kassym-Jomart Tokayev had a telephone conversation with President of Uzbekistan Shavkat Mirziyoyev.

        On the same day, President of Kazakhstan Kassym-Jomart Tokayev had a telephone conversation with President of Russia Vladimir Putin.

        The leaders also exchanged congratulations on the coming spring holiday.
        """)
    assert not any(s[1] == "congratulate" for s in stances)


def test_congratulations_on_an_office_with_no_one_named_go_to_the_other_party(registry):
    stances = _stances(registry, """\
        President Ramaphosa receives call from President of Egypt

        PRETORIA, 3 June 2024 - President Cyril Ramaphosa received a call from his Egyptian counterpart, Abdel Fattah El-Sisi, who expressed his sincere congratulations on his inauguration.
        """)
    assert ("EGY", "congratulate", "ZAF", "Taking office") in stances


def test_a_new_term_of_office_is_a_taking_of_office(registry):
    stances = _stances(registry, """\
        President Ramaphosa receives call from President of Egypt

        PRETORIA, 3 June 2024 - President Cyril Ramaphosa received a call from his Egyptian counterpart, Abdel Fattah El-Sisi, who expressed his congratulations on his new term of office.
        """)
    assert ("EGY", "congratulate", "ZAF", "Taking office") in stances


def test_a_designation_is_a_taking_of_office_in_spanish(registry):
    stances = _stances(registry, """\
        Cafiero recibió al canciller de Paraguay

        Buenos Aires, 20 de agosto de 2023 - El canciller Santiago Cafiero recibió hoy al canciller de Paraguay, Rubén Ramírez Lezcano.

        Cafiero felicitó a su homólogo por su reciente designación.
        """, lang="es")
    assert ("ARG", "congratulate", "PRY", "Taking office") in stances


def test_a_japanese_verb_with_no_marked_subject_is_the_speakers(registry):
    # "総選挙におけるインドの勝利に祝意": India is what is congratulated; Japan's premier speaks
    stances = _stances(registry, """\
        日インド首脳電話会談

        令和6年6月10日

        6月10日、岸田文雄内閣総理大臣は、ナレンドラ・モディ・インド首相と電話会談を行いました。

        岸田総理大臣から以下のとおり述べました。

        総選挙におけるインド人民党の勝利に心から祝意を申し上げる。
        """, lang="ja")
    assert ("JPN", "congratulate", "IND", "Election") in stances
    assert ("IND", "congratulate", "JPN", "Election") not in stances


def test_a_japanese_thanks_after_a_congratulation_governs_it(registry):
    # "貴総理からの祝意表明に対し、心から感謝": thanks for congratulations, no congratulation
    stances = _stances(registry, """\
        日インド首脳電話会談

        令和6年6月10日

        6月10日、岸田文雄内閣総理大臣は、ナレンドラ・モディ・インド首相と電話会談を行いました。

        モディ首相は、貴総理からの心のこもった祝意表明に対し、心から感謝申し上げると述べました。
        """, lang="ja")
    assert not any(s[0] == "IND" and s[1] == "congratulate" for s in stances)


def test_congratulations_in_a_sentence_naming_a_third_party_go_to_no_one_by_default(registry):
    # the congratulation may come from the one outside the encounter: no guess at the other party
    stances = _stances(registry, """\
        Bundeskanzler Merz telefoniert mit Präsident Trump

        Berlin, 8. Mai 2025

        Bundeskanzler Friedrich Merz hat heute mit dem amerikanischen Präsidenten Donald Trump telefoniert.

        Am Abend hat Bundeskanzler Merz auch mit dem ukrainischen Präsidenten Selenskyj gesprochen, der dem Bundeskanzler zu dessen Amtsantritt gratulierte.
        """, lang="de")
    assert ("DEU", "congratulate", "USA", "Taking office") not in stances

"""German readouts: short texts written by the team in the style of German-language
ministries, embassies and news agencies (never copies of real ones). Each test names the rule
it holds: dates with ordinal days, the genitive and weak forms of names and titles, German
spellings of known officials, nouns that are no names, stances and their negation."""

from __future__ import annotations

import textwrap

from kg.extract import detect_language
from readouts import extract_text as _extract, people as _people, stances as _stances


PHONE_CALL = """\
    Außenministerin telefoniert mit chinesischem Amtskollegen

    Stand: 14.03.2024

    Außenministerin Annalena Baerbock hat am Mittwoch mit dem chinesischen Außenminister Wang Yi telefoniert. Die beiden Minister sprachen über die Lage in der Ukraine und über die Beziehungen zwischen Deutschland und China.
    Baerbock betonte, Deutschland halte an der Ein-China-Politik fest und unterstütze keine „Unabhängigkeit Taiwans“.
    Die Bundesregierung verurteilt jede Einmischung in die inneren Angelegenheiten Chinas nicht, sagte Wang Yi.
    """


def test_a_german_text_is_read_as_german(registry):
    assert detect_language(textwrap.dedent(PHONE_CALL), registry) == "de"
    assert _extract(registry, PHONE_CALL).lang == "de"


def test_a_weekday_dates_the_call_against_the_stand_line(registry):
    extraction = _extract(registry, PHONE_CALL)
    assert [(e.type, e.date) for e in extraction.events] == [("phone_call", "2024-03-13")]


def test_titles_and_registry_names(registry):
    people = _people(_extract(registry, PHONE_CALL))
    assert people["Annalena Baerbock"] == ("DEU", {"foreign_minister"}, None)
    assert people["Wang Yi"] == ("CHN", {"foreign_minister"}, None)


def test_a_separable_verb_and_a_negated_stance(registry):
    """"halte an der Ein-China-Politik fest": adhering names its topic; "unterstütze keine
    Unabhängigkeit Taiwans": negation and the opposite of the topic give support of China."""
    stances = _stances(_extract(registry, PHONE_CALL))
    assert ("DEU", "support", "CHN", "One-China principle") in stances
    assert ("DEU", "support", "CHN", "Taiwan") in stances
    assert not any(stance == "oppose" and endorser == "DEU" for endorser, stance, *_ in stances)


MEETING = """\
    BEIJING, 5. Juli 2023 (Xinhua) -- Der chinesische Ministerpräsident Li Qiang hat am Mittwoch in Beijing den Präsidenten Kasachstans Kassym-Schomart Tokajew zu Gesprächen getroffen. Das Treffen fand am Rande des 3. Forums für Zusammenarbeit statt.
    Li sagte, China unterstütze Kasachstan entschlossen bei der Wahrung seiner Souveränität und territorialen Integrität.
    Tokajew erklärte, Kasachstan lehne die Unabhängigkeit Taiwans entschieden ab.
    """


def test_the_weak_form_of_a_title_and_a_german_spelling_of_a_known_official(registry):
    """"den Präsidenten Kasachstans Kassym-Schomart Tokajew": the weak accusative of the title,
    the genitive of the state, and the German spelling ([spellings]) of the registry's
    Kassym-Jomart Tokayev, who keeps the registry's name (no other spelling written)."""
    extraction = _extract(registry, MEETING)
    people = _people(extraction)
    assert people["Li Qiang"] == ("CHN", {"head_of_government"}, None)
    assert people["Kassym-Jomart Tokayev"] == ("KAZ", {"head_of_state"}, None)
    assert [(e.type, e.date) for e in extraction.events] == [("talks", "2023-07-05")]


def test_an_ordinal_with_a_full_stop_ends_no_sentence(registry):
    """"5. Juli 2023", "des 3. Forums": the number and its stop stay in their sentence."""
    from kg.extract.layout import read_layout

    sentences = [s.text for s in read_layout(textwrap.dedent(MEETING), registry, "de").body]
    assert sentences[0].startswith("BEIJING, 5. Juli 2023 (Xinhua)") and sentences[0].endswith("zu Gesprächen getroffen.")
    assert sentences[1] == "Das Treffen fand am Rande des 3. Forums für Zusammenarbeit statt."


def test_separable_oppose_verb(registry):
    """"lehne ... ab": the finite part of the separable verb carries the stance."""
    stances = _stances(_extract(registry, MEETING))
    assert ("CHN", "support", "KAZ", "Sovereignty and territorial integrity") in stances
    assert ("KAZ", "support", "CHN", "Taiwan") in stances


def test_genitive_of_names_and_titles(registry):
    """"Zum Telefongespräch des Außenministers Russlands, Sergej Lawrow, mit dem
    Bundesaußenminister Deutschlands": the genitive of the title and the state."""
    extraction = _extract(registry, """\
        Zum Telefongespräch des Außenministers Russlands, Sergej Lawrow, mit dem Bundesaußenminister Deutschlands, Heiko Maas

        Am 20. April 2018 fand ein Telefongespräch des Außenministers Russlands, Sergej Lawrow, mit dem Bundesaußenminister Deutschlands, Heiko Maas, statt.
        """)
    people = _people(extraction)
    assert [(e.type, e.date) for e in extraction.events] == [("phone_call", "2018-04-20")]
    assert people["Sergey Lavrov"] == ("RUS", {"foreign_minister"}, None)
    assert people["Heiko Maas"] == ("DEU", {"foreign_minister"}, None)


def test_an_unknown_official_keeps_the_name_as_written_and_another_spelling_is_kept(registry):
    """An official the registry does not know is named as written (Latin script needs no
    transliteration); a known official spelt as no [spellings] entry gives keeps that spelling
    as the name as written."""
    extraction = _extract(registry, """\
        Staatssekretär empfängt Botschafter Maltas

        Am 12. Januar 2024 empfing Staatssekretär im Auswärtigen Amt Thomas Brenner den Botschafter Maltas, Mark Zammit Borg, im Auswärtigen Amt. An dem Gespräch nahm auch der russische Außenminister Sergei Lavrov teil.
        """)
    people = _people(extraction)
    assert [(e.type, e.date) for e in extraction.events] == [("meeting", "2024-01-12")]
    assert people["Thomas Brenner"] == ("DEU", {"vice_foreign_minister"}, None)
    assert people["Mark Zammit Borg"] == ("MLT", {"ambassador"}, None)
    assert people["Sergey Lavrov"] == ("RUS", {"foreign_minister"}, "Sergei Lavrov")


def test_a_noun_after_a_state_adjective_or_an_article_is_no_name(registry):
    """"der Leiter der chinesischen Diplomatie", "über die Zukunft Europas sprachen": German
    capitalises nouns; after an article and a state's adjective stands a noun, not a name."""
    extraction = _extract(registry, """\
        Bundesrat trifft chinesischen Aussenminister

        Medienmitteilung, 12.12.2016

        Bundesrat Didier Burkhalter traf heute in Neuenburg den chinesischen Aussenminister Wang Yi. Zudem wurde der Leiter der chinesischen Diplomatie in Bern empfangen. Die beiden Minister haben über die Zukunft Europas gesprochen.
        """)
    names = {p.name for e in extraction.events for p in e.participants}
    assert names == {"Didier Burkhalter", "Wang Yi"}
    assert [(e.type, e.date) for e in extraction.events] == [("meeting", "2016-12-12")]


def test_a_congratulatory_message_on_taking_office(registry):
    extraction = _extract(registry, """\
        Xi Jinping gratuliert neuer Bundespräsidentin der Schweiz

        Veröffentlicht am 02.01.2025

        Staatspräsident Xi Jinping hat am 1. Januar 2025 der Bundespräsidentin der Schweiz Karin Keller-Sutter in einem Glückwunschschreiben zu ihrem Amtsantritt gratuliert.
        """)
    assert [(e.type, e.date) for e in extraction.events] == [("message", "2025-01-01")]
    people = _people(extraction)
    assert people["Karin Keller-Sutter"][:2] == ("CHE", {"head_of_state"})
    assert ("CHN", "congratulate", "CHE", "Taking office") in _stances(extraction)


def test_the_kremlin_chief_is_the_russian_head_of_state(registry):
    """"Kremlchef Wladimir Putin": German copy's name for the Russian president is his title."""
    text = "Kremlchef Wladimir Putin hat am Dienstag in Moskau den Außenminister Frank-Walter Steinmeier empfangen."
    assert _people(_extract(registry, text, "de"))["Vladimir Putin"][:2] == ("RUS", {"head_of_state"})

"""A lead whose event word is plural or marked separate ("made phone calls to A, B and C",
"held separate talks with X and Y", "a tenu des entretiens téléphoniques avec ... et ...") and
that names officials of several states: one encounter per state (issue 11, events round 2). A
joint word keeps them one. The readouts are short texts written by the team in the style of the
ministries, never copies of real ones."""

from __future__ import annotations

import pytest

from readouts import extract_text as _extract


def _pairs(registry, text, lang):
    return sorted((e.type, tuple(sorted(p.country for p in e.participants)))
                  for e in _extract(registry, text, lang).events)


_EN = """\
    WASHINGTON, October 12, 2023 - Secretary of State Antony J. Blinken today {held} Egyptian Foreign Minister Sameh Shoukry and Jordanian Foreign Minister Ayman Safadi.
    The Secretary discussed the situation in the region with {them}.
    """


@pytest.mark.parametrize("held,kind", [("made phone calls to", "phone_call"),
                                       ("held separate talks with", "talks")])
def test_a_plural_or_separate_event_word_is_one_encounter_per_counterparts_state(registry, held, kind):
    text = _EN.format(held=held, them="each of them")
    assert _pairs(registry, text, "en") == [(kind, ("EGY", "USA")), (kind, ("JOR", "USA"))]


def test_a_joint_meeting_with_the_same_officials_stays_one(registry):
    text = _EN.format(held="held a joint meeting with", them="them")
    assert _pairs(registry, text, "en") == [("meeting", ("EGY", "JOR", "USA"))]


def test_french_phone_talks_in_the_plural_are_one_call_per_state(registry):
    text = """\
        PARIS, 12 octobre 2023 - La ministre de l'Europe et des Affaires étrangères, Catherine Colonna, a tenu des entretiens téléphoniques avec le ministre égyptien des Affaires étrangères, Sameh Choukri, et le ministre jordanien des Affaires étrangères, Ayman Safadi.
        Elle a évoqué avec eux la situation dans la région.
        """
    assert _pairs(registry, text, "fr") == [("phone_call", ("EGY", "FRA")), ("phone_call", ("FRA", "JOR"))]


def test_spanish_phone_calls_in_the_plural_are_one_call_per_state(registry):
    text = """\
        MADRID, 12 de octubre de 2023 - El ministro de Asuntos Exteriores, José Manuel Albares, mantuvo llamadas telefónicas con el ministro egipcio de Exteriores, Sameh Shoukry, y con el ministro jordano de Exteriores, Ayman Safadi.
        Albares abordó con ellos la situación en la región.
        """
    assert _pairs(registry, text, "es") == [("phone_call", ("EGY", "ESP")), ("phone_call", ("ESP", "JOR"))]


@pytest.mark.parametrize("lang,text,host", [
    ("de", """\
        Berlin, 12. Oktober 2023 - Bundesaussenministerin Annalena Baerbock führte am Donnerstag Telefonate mit dem ägyptischen Aussenminister Sameh Shoukry und dem jordanischen Aussenminister Ayman Safadi.
        Sie erörterte mit ihnen die Lage in der Region.
        """, "DEU"),
    ("pt", """\
        Brasília, 12 de outubro de 2023 - O ministro das Relações Exteriores, Mauro Vieira, manteve telefonemas com o chanceler egípcio, Sameh Shoukry, e com o chanceler jordaniano, Ayman Safadi.
        Vieira tratou com eles da situação na região.
        """, "BRA")])
def test_german_and_portuguese_phone_calls_in_the_plural_are_one_call_per_state(registry, lang, text, host):
    assert _pairs(registry, text, lang) == [("phone_call", tuple(sorted((host, "EGY")))),
                                            ("phone_call", tuple(sorted((host, "JOR"))))]

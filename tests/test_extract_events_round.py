"""A round of encounters: a later sentence saying the readout's subject "also" met or spoke
with one official each of several states not met yet reports one encounter per state, and
the lead's own list of one official per state is a round too (issue 11, round 7). The readouts
are short texts written by the team in the style of the ministries and agencies, never copies
of real ones."""

from __future__ import annotations

from readouts import extract_text as _extract


def _pairs(registry, text, lang=None):
    return sorted((e.type, tuple(sorted(p.country for p in e.participants)))
                  for e in _extract(registry, text, lang).events)


def test_a_french_round_of_calls_is_one_call_per_state(registry):
    text = """\
        Le président Emmanuel Macron s'est entretenu par téléphone dimanche avec la chancelière allemande Angela Merkel et le président turc Recep Tayyip Erdogan, qui lui ont exprimé leur solidarité. Le président français s'est également entretenu avec le Premier ministre italien Matteo Renzi et le chef du gouvernement espagnol Mariano Rajoy, selon l'Elysée.
        """
    assert _pairs(registry, text, "fr") == [("phone_call", ("DEU", "FRA")), ("phone_call", ("ESP", "FRA")),
                                            ("phone_call", ("FRA", "ITA")), ("phone_call", ("FRA", "TUR"))]


def test_an_english_round_of_meetings_after_the_lead_is_one_meeting_per_state(registry):
    text = """\
        External Affairs Minister Sushma Swaraj met Chinese Foreign Minister Wang Yi in New York on Thursday.
        The two ministers discussed the border.
        She also met Brazilian and Saudi Foreign Ministers Aloysio Nunes Ferreira and Adel al-Jubeir respectively.
        """
    assert _pairs(registry, text, "en") == [("meeting", ("BRA", "IND")), ("meeting", ("CHN", "IND")),
                                            ("meeting", ("IND", "SAU"))]


def test_officials_also_met_after_one_bilateral_lead_with_no_separately_word_are_no_round(registry):
    """One counterpart in the lead and no "respectively": the later list may be background."""
    text = """\
        External Affairs Minister Sushma Swaraj met Chinese Foreign Minister Wang Yi in New York on Thursday.
        She also met Brazilian Foreign Minister Aloysio Nunes Ferreira and Saudi Foreign Minister Adel al-Jubeir.
        """
    assert _pairs(registry, text, "en") == [("meeting", ("CHN", "IND"))]


def test_a_joint_meeting_named_with_also_stays_one(registry):
    text = """\
        External Affairs Minister Sushma Swaraj met Chinese Foreign Minister Wang Yi in New York on Thursday.
        She also held a trilateral meeting with Brazilian Foreign Minister Aloysio Nunes Ferreira and Saudi Foreign Minister Adel al-Jubeir.
        """
    assert ("meeting", ("BRA", "IND")) not in _pairs(registry, text, "en")


def test_calls_after_a_section_heading_are_no_round_of_the_lead(registry):
    text = """\
        Le président Emmanuel Macron s'est entretenu par téléphone avec son homologue chinois Xi Jinping.

        Les deux présidents ont évoqué le climat.

        D'autres entretiens du président

        Il s'est également entretenu avec le Premier ministre italien Matteo Renzi et le chef du gouvernement espagnol Mariano Rajoy.
        """
    assert _pairs(registry, text, "fr") == [("phone_call", ("CHN", "FRA"))]


def test_one_call_with_several_counterparts_and_no_round_stays_one(registry):
    """"spoke today with French ..., German ... and Italian ...": a call of four, as the State
    Department reports its group calls; no "also" sentence says it was a round."""
    text = """\
        Deputy Secretary of State Wendy Sherman spoke today with German Foreign Minister Annalena Baerbock, Italian Foreign Minister Luigi Di Maio and French Foreign Minister Jean-Yves Le Drian. The participants discussed Ukraine.
        """
    assert _pairs(registry, text, "en") == [("phone_call", ("DEU", "FRA", "ITA", "USA"))]


# ---- an encounter held before the lead's ------------------------------------------------------
def test_an_earlier_talks_on_a_weekday_is_its_own_encounter_of_that_day(registry):
    text = """\
        New Delhi, September 21: External Affairs Minister Sushma Swaraj on Thursday met Chinese Foreign Minister Wang Yi in New York.

        Earlier, Sushma Swaraj held bilateral talks with Afghan President Ashraf Ghani on Wednesday.
        """
    events = _extract(registry, text, "en").events
    assert sorted((e.type, e.date, tuple(sorted(p.country for p in e.participants))) for e in events) == [
        ("meeting", "2017-09-21", ("CHN", "IND")), ("talks", "2017-09-20", ("AFG", "IND"))]


def test_a_german_earlier_meeting_leaves_the_lead_encounter(registry):
    """"Zuvor ... nach einem Treffen mit dem ukrainischen Präsidenten": the Ukrainian met the
    German minister before; the Kremlin meeting is the Russian's and the German's."""
    text = """\
        Kremlchef Wladimir Putin hat Außenminister Frank-Walter Steinmeier in Moskau zu einem Treffen empfangen.

        Zuvor hatte Steinmeier nach einem Treffen mit dem ukrainischen Präsidenten Petro Poroschenko in Kiew zur Ruhe gemahnt.
        """
    assert _pairs(registry, text, "de") == [("meeting", ("DEU", "RUS")), ("meeting", ("DEU", "UKR"))]

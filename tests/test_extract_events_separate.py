"""A lead that only sets the scene, then a sentence with a separately marker naming the
counterparts after it: one encounter per counterpart (issue 11, round 5). The readouts are
short texts written by the team in the style of the ministries and agencies, never copies
of real ones."""

from __future__ import annotations

from readouts import extract_text as _extract


def _pairs(registry, text, lang=None):
    return sorted((e.type, tuple(sorted(p.name for p in e.participants)))
                  for e in _extract(registry, text, lang).events)


def test_separate_calls_in_the_sentence_after_the_lead_are_one_call_each(registry):
    """"received separate telephone calls from A and B" after a lead about messages: two calls."""
    text = """\
        PRETORIA, 9 May 2019 - President Cyril Ramaphosa on Thursday received further messages of goodwill from world leaders after the general election.
        The South African President received separate telephone calls from German Chancellor Angela Merkel and French President Emmanuel Macron, who wished the people of South Africa well.
        President Ramaphosa thanked both leaders for their support.
        """
    assert _pairs(registry, text, "en") == [("phone_call", ("Angela Merkel", "Cyril Ramaphosa")),
                                            ("phone_call", ("Cyril Ramaphosa", "Emmanuel Macron"))]


def test_a_call_from_two_leaders_together_stays_one_encounter(registry):
    """No separately word: the same sentence reports one encounter of all three."""
    text = """\
        PRETORIA, 9 May 2019 - President Cyril Ramaphosa on Thursday received further messages of goodwill from world leaders after the general election.
        The South African President received a telephone call from German Chancellor Angela Merkel and French President Emmanuel Macron, who wished the people of South Africa well.
        President Ramaphosa thanked both leaders for their support.
        """
    assert len(_pairs(registry, text, "en")) == 1


# ---- "He also met ..." an official of a third state ---------------------------------------------
def test_a_pronoun_sentence_saying_the_subject_also_met_a_third_states_official_adds_an_encounter(registry):
    """"He also had a bilateral meeting with his Japanese counterpart Z": one more meeting of the
    lead's subject, on the lead's day."""
    text = """\
        NEW DELHI, 12 February 2022 - External Affairs Minister S Jaishankar held a meeting with US Secretary of State Antony Blinken in Melbourne on Saturday.
        The two ministers reviewed bilateral cooperation in trade and defence.
        He also had a bilateral meeting with his Japanese counterpart Yoshimasa Hayashi and discussed regional issues.
        """
    assert _pairs(registry, text, "en") == [("meeting", ("Antony Blinken", "S. Jaishankar")),
                                            ("meeting", ("S. Jaishankar", "Yoshimasa Hayashi"))]


def test_a_sentence_naming_someone_else_as_subject_adds_no_encounter(registry):
    """"Blinken also met ... Hayashi": not a pronoun for the lead's subject, no encounter of his."""
    text = """\
        NEW DELHI, 12 February 2022 - External Affairs Minister S Jaishankar held a meeting with US Secretary of State Antony Blinken in Melbourne on Saturday.
        The two ministers reviewed bilateral cooperation in trade and defence.
        Blinken also had a bilateral meeting with Japanese Foreign Minister Yoshimasa Hayashi.
        """
    assert ("meeting", ("S. Jaishankar", "Yoshimasa Hayashi")) not in _pairs(registry, text, "en")

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


# ---- "She met A and her B counterpart C" with no "also" (issue 11, round 9) -------------------
def test_a_pronoun_sentence_naming_officials_of_other_states_adds_one_encounter_each(registry):
    """"She met Nepali Prime Minister A and her Thai counterpart B on Wednesday": a day of its own
    next to the lead's, no "also", no official of
    the subject's state beside the pronoun: one more meeting of the subject with each."""
    text = """\
        NEW DELHI, 14 March 2019 - External Affairs Minister Sushma Swaraj met Bangladesh Foreign Minister Abul Hassan Mahmood Ali in Dhaka on Thursday.
        The two ministers reviewed the progress of connectivity projects.
        She met Nepali Prime Minister Khadga Prasad Oli and her Thai counterpart Don Pramudwinai on Wednesday.
        """
    pairs = _pairs(registry, text, "en")
    assert ("meeting", ("Don Pramudwinai", "Sushma Swaraj")) in pairs
    assert ("meeting", ("K. P. Sharma Oli", "Sushma Swaraj")) in pairs
    assert len(pairs) == 3


def test_a_pronoun_sentence_with_no_also_naming_one_new_official_adds_an_encounter(registry):
    """"She met her Thai counterpart B": no "also" needed when no official of her state is named."""
    text = """\
        NEW DELHI, 14 March 2019 - External Affairs Minister Sushma Swaraj met Bangladesh Foreign Minister Abul Hassan Mahmood Ali in Dhaka on Thursday.
        The two ministers reviewed the progress of connectivity projects.
        She met her Thai counterpart Don Pramudwinai at the same forum.
        """
    assert ("meeting", ("Don Pramudwinai", "Sushma Swaraj")) in _pairs(registry, text, "en")


def test_a_pronoun_sentence_about_a_meeting_long_before_adds_none(registry):
    """"She met ... on 2 January": a day far from the lead's is background, no encounter."""
    text = """\
        NEW DELHI, 14 March 2019 - External Affairs Minister Sushma Swaraj met Bangladesh Foreign Minister Abul Hassan Mahmood Ali in Dhaka on Thursday.
        The two ministers reviewed the progress of connectivity projects.
        She met her Thai counterpart Don Pramudwinai on 2 January in Bangkok.
        """
    assert len(_pairs(registry, text, "en")) == 1


def test_a_pronoun_sentence_after_a_section_heading_adds_none(registry):
    """A section heading opens background ("Earlier calls"): its pronoun sentences add nothing."""
    text = """\
        PARIS, 15 October 2019 - Le président Emmanuel Macron s'est entretenu par téléphone avec le président chinois Xi Jinping.
        Les deux présidents ont évoqué le commerce.

        Les autres échanges du Président

        Il s'est entretenu par téléphone avec le président irakien Barham Salih.
        """
    assert len(_pairs(registry, text, "fr")) == 1


# ---- a headline summing up two exchanges (issue 11, round 9) ----------------------------------
_HEADLINE_PAGE = """\
    Xi Jinping Exchanges Congratulatory Messages with Vietnamese President Nguyen Phu Trong. Li Keqiang and Vietnamese Prime Minister Nguyen Xuan Phuc Exchange Congratulatory Messages{stop}

    BEIJING, January 18, 2020 - President Xi Jinping exchanged congratulatory messages with Vietnamese President Nguyen Phu Trong on the 70th anniversary of diplomatic relations.
    Xi said the two countries are good neighbours and good partners.
    """


def test_a_headline_sentence_naming_a_second_pair_of_the_same_states_adds_an_exchange(registry):
    """The headline's second sentence reports Li's exchange with Phuc, which the body never
    repeats: one more message of the same two states, on the first's day."""
    pairs = _pairs(registry, _HEADLINE_PAGE.format(stop=""), "en")
    assert pairs == [("message", ("Li Keqiang", "Nguyen Xuan Phuc")), ("message", ("Nguyen Phu Trong", "Xi Jinping"))]


def test_a_first_paragraph_ending_with_a_stop_is_no_headline(registry):
    """A first paragraph whose last line closes with a stop is a paragraph of the body."""
    pairs = _pairs(registry, _HEADLINE_PAGE.format(stop="."), "en")
    assert ("message", ("Li Keqiang", "Nguyen Xuan Phuc")) not in pairs


# ---- one-by-one encounters, then "meanwhile the host also called ..." ---------------------------
def test_the_host_also_calling_a_third_states_official_after_separate_calls_adds_a_call(registry):
    """A lead of calls held one by one, then a paragraph saying the same host also called an
    official of a state not called yet: one more call of the host with them."""
    text = """\
        Foreign Minister Wang Yi on 15 March 2023 spoke by phone separately with US Secretary of State Antony Blinken and ROK Foreign Minister Park Jin.
        Wang Yi said China is ready to keep in close touch with all parties.

        Meanwhile, Foreign Minister Wang Yi also spoke by phone with French Foreign Minister Catherine Colonna on 15 March.
        The two sides exchanged views on the situation.
        """
    assert _pairs(registry, text, "en") == [("phone_call", ("Antony Blinken", "Wang Yi")),
                                            ("phone_call", ("Catherine Colonna", "Wang Yi")),
                                            ("phone_call", ("Park Jin", "Wang Yi"))]


def test_another_official_also_calling_after_separate_calls_adds_none_of_the_hosts(registry):
    """The later paragraph's caller is not the lead's host: no call of the host is added."""
    text = """\
        Foreign Minister Wang Yi on 15 March 2023 spoke by phone separately with US Secretary of State Antony Blinken and ROK Foreign Minister Park Jin.
        Wang Yi said China is ready to keep in close touch with all parties.

        Meanwhile, Premier Li Qiang also spoke by phone with French Foreign Minister Catherine Colonna on 15 March.
        The two sides exchanged views on the situation.
        """
    assert ("phone_call", ("Catherine Colonna", "Wang Yi")) not in _pairs(registry, text, "en")


# ---- the leaders of one state writing to those of another, a paragraph each ----------------------
_MESSAGES = """\
    Chinese President Xi Jinping on 25 April 2022 sent a congratulatory message to Emmanuel Macron on his re-election as President of France.
    Xi said China is ready to work with France to push bilateral ties forward.

    {later} Chinese Premier Li Keqiang sent a congratulatory message to French Prime Minister Jean Castex.
    """


def test_a_later_paragraph_of_another_pair_writing_is_one_more_message(registry):
    text = _MESSAGES.format(later="")
    assert _pairs(registry, text, "en") == [("message", ("Emmanuel Macron", "Xi Jinping")),
                                            ("message", ("Jean Castex", "Li Keqiang"))]


def test_a_later_paragraph_of_another_pair_writing_on_a_day_of_its_own_is_no_message_of_this_one(registry):
    text = _MESSAGES.format(later="On 15 May 2017,")
    assert ("message", ("Jean Castex", "Li Keqiang")) not in _pairs(registry, text, "en")


def test_the_host_also_calling_another_official_of_a_state_called_already_adds_a_call(registry):
    """One more official of a state the host has called already: still a call of its own."""
    text = """\
        Foreign Minister Wang Yi on 15 March 2023 spoke by phone separately with US Secretary of State Antony Blinken and ROK Foreign Minister Park Jin.
        Wang Yi said China is ready to keep in close touch with all parties.

        Meanwhile, Foreign Minister Wang Yi also spoke by phone with US Treasury Secretary Janet Yellen.
        The two sides exchanged views on the economy.
        """
    assert ("phone_call", ("Janet Yellen", "Wang Yi")) in _pairs(registry, text, "en")

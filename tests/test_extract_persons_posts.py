"""Posts the readout gives without spelling them out (issue 11: roles left empty or `other`
on real pages): counterparts hold the same post whichever of the two is titled, an adjective
two states share still belongs to the title it follows, and a bare "Secretary" is the one
cabinet post the registry dates. Readouts written by the team."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def _people(registry, text: str, lang: str) -> dict[tuple[str, str], set[str]]:
    doc = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang)
    return {(p.country, p.name): set(p.roles) for e in extract(doc, registry).events for p in e.participants}


def test_subject_takes_the_post_its_counterpart_is_given(registry):
    """"X et son homologue chinois Xi Jinping" with only Xi titled (in a later sentence): the
    one whose counterpart he is holds the same post."""
    text = """\
        Paris, le 16 février 2022

        Emmanuel Macron et son homologue chinois Xi Jinping se sont entretenus mercredi par téléphone.

        Le président chinois Xi Jinping a plaidé pour un rééquilibrage de la relation.
        """
    people = _people(registry, text, "fr")
    assert people[("FRA", "Emmanuel Macron")] == {"head_of_state"}


def test_chinas_own_ranks_are_not_the_counterparts(registry):
    """A State Councilor and Foreign Minister's counterpart is a foreign minister only."""
    text = """\
        Paris, le 3 mai 2019

        Jean-Yves Le Drian a rencontré jeudi son homologue chinois Wang Yi.

        Le conseiller d'État et ministre des Affaires étrangères Wang Yi a salué la coopération.
        """
    people = _people(registry, text, "fr")
    assert people[("FRA", "Jean-Yves Le Drian")] == {"foreign_minister"}


def test_counterpart_in_a_fronted_clause_is_the_later_subjects(registry):
    """"During his meeting with his Iranian counterpart X, Chinese Foreign Minister Y said":
    the possessive points forward to the subject named after the clause."""
    text = """\
        Beijing, March 9, 2024 -- During his meeting with his Iranian counterpart Reza Farahani in Beijing on Saturday, Chinese Foreign Minister Wang Yi said the two sides would deepen cooperation.
        """
    people = _people(registry, text, "en")
    assert people[("IRN", "Reza Farahani")] == {"foreign_minister"}


def test_a_demonym_two_states_share_keeps_the_title(registry):
    """"le chef d'État congolais Félix Tshisekedi": "congolais" is both Congos' adjective; the
    title still reaches the name, and the known official's state decides."""
    text = """\
        Pékin, le 2 septembre 2024 - Le chef d'État congolais Félix Tshisekedi et le président chinois Xi Jinping ont eu des entretiens lundi à Pékin.
        """
    people = _people(registry, text, "fr")
    assert people[("COD", "Félix Tshisekedi")] == {"head_of_state"}


def test_a_bare_secretary_is_the_post_the_registry_dates(registry):
    """"Secretary Kerry" names no department: the registry's offices give him one cabinet post
    (foreign minister), and "Secretary Austin" another (minister)."""
    text = """\
        Readout of Secretary Kerry's Call with Russian Foreign Minister Lavrov

        September 11, 2013

        Secretary Kerry spoke this morning with Russian Foreign Minister Sergey Lavrov about the meeting in Geneva.
        """
    assert _people(registry, text, "en")[("USA", "John Kerry")] == {"foreign_minister"}
    text = """\
        Readout of Secretary Austin's Meeting with Japanese Defense Minister Kishi

        March 16, 2021

        Secretary Lloyd Austin met today in Tokyo with Japanese Defense Minister Nobuo Kishi.
        """
    assert _people(registry, text, "en")[("USA", "Lloyd Austin")] == {"minister"}


def test_a_bare_deputy_secretary_beside_the_full_title_adds_no_role(registry):
    """"Deputy Secretary of State Wendy Sherman ... Deputy Secretary Sherman": one post."""
    text = """\
        Deputy Secretary Sherman's Meeting with Omani Deputy Foreign Minister

        July 27, 2021

        Deputy Secretary of State Wendy R. Sherman met today with Omani Deputy Foreign Minister Khalifa al-Harthy. Deputy Secretary Sherman thanked Oman for its partnership.
        """
    assert _people(registry, text, "en")[("USA", "Wendy Sherman")] == {"vice_foreign_minister"}


def test_the_chair_of_an_organisations_body_heads_it(registry):
    """"African Union Commission Chairperson X": a chair's title right after an organisation
    (and the one body of it named there) is the organisation's head, not `other`."""
    text = """\
        Secretary Blinken's Call with African Union Commission Chairperson Faki

        February 8, 2022

        Secretary of State Antony J. Blinken spoke today with African Union Commission Chairperson Moussa Faki Mahamat about the situation in Ethiopia.
        """
    assert _people(registry, text, "en")[("AU", "Moussa Faki Mahamat")] == {"organization_head"}


def test_a_chairman_in_office_heads_the_organisation_beside_the_state_post(registry):
    """"Polish Foreign Minister and OSCE Chairman-in-Office X": both posts, the state kept."""
    text = """\
        Secretary Blinken's Call with Polish Foreign Minister Rau

        February 24, 2022

        Secretary of State Antony J. Blinken spoke today by phone with Polish Foreign Minister and OSCE Chairman-in-Office Zbigniew Rau to discuss the attack on Ukraine.
        """
    assert _people(registry, text, "en")[("POL", "Zbigniew Rau")] == {"foreign_minister", "organization_head"}


def test_a_french_title_in_the_feminine_names_the_same_post(registry):
    """"la Présidente du Libéria X", "la Secrétaire générale de l'ONU": the feminine form of a
    title is the same post."""
    text = """\
        Johannesburg, le 5 décembre 2015

        Le président chinois Xi Jinping a rencontré vendredi la Présidente du Libéria Ellen Johnson Sirleaf en marge du sommet.
        """
    assert _people(registry, text, "fr")[("LBR", "Ellen Johnson Sirleaf")] == {"head_of_state"}


def test_omans_minister_responsible_for_foreign_affairs_is_its_foreign_minister(registry):
    """Oman styles its foreign minister "Minister Responsible for Foreign Affairs" (en),
    "الوزير المسؤول عن الشؤون الخارجية" (ar): the post is the foreign minister's."""
    text = """\
        Muscat, January 15, 2013

        The Japanese Ambassador to the Sultanate of Oman, Kenji Tamura, met Yousuf bin Alawi bin Abdullah, Minister Responsible for Foreign Affairs, on Tuesday.
        """
    people = _people(registry, text, "en")
    assert people[("OMN", "Yusuf bin Alawi bin Abdullah")] == {"foreign_minister"}


def test_a_bare_minister_before_the_name_is_the_dated_post_but_not_after_it(registry):
    """"Minister Pandor held talks": the registry dates her one cabinet post (foreign minister);
    "Abdelkader Messahel, ministre algérien des Affaires du Maghreb" is no bare title before a
    name, and stays a minister although the registry knows him later as foreign minister."""
    text = """\
        Pretoria, 5 May 2024

        Today, on the first day of her visit, Minister Naledi Pandor held bilateral talks with the Minister of Foreign Affairs of Equatorial Guinea, Simeon Oyono Esono Angue.
        """
    assert _people(registry, text, "en")[("ZAF", "Naledi Pandor")] == {"foreign_minister"}
    text = """\
        Doha, le 11 mai 2016

        Le ministre chinois des Affaires étrangères Wang Yi a rencontré mercredi à Doha Abdelkader Messahel, ministre algérien des Affaires du Maghreb, de l'Union africaine et de la Ligue arabe.
        """
    assert _people(registry, text, "fr")[("DZA", "Abdelkader Messahel")] == {"minister"}


def test_her_counterpart_after_a_pronoun_is_the_earlier_subjects_not_the_objects(registry):
    """"She met Prime Minister A and her Singaporean counterpart B": A is an object of the
    pronoun's verb; "her" is the one named before ("External Affairs Minister X"), so B is a
    foreign minister, not a prime minister."""
    text = """\
        New Delhi, 1 September 2017

        External Affairs Minister Sushma Swaraj arrived in Colombo on Thursday for the Indian Ocean Conference.

        She met Sri Lankan Prime Minister Ranil Wickremesinghe and her Singaporean counterpart Vivian Balakrishnan on Friday.
        """
    assert _people(registry, text, "en")[("SGP", "Vivian Balakrishnan")] == {"foreign_minister"}

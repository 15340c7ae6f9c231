"""The state of an official named as the head of a national delegation (issue 11, events round
12): "the Canadian delegation was led by Deputy Minister X" says X is Canada's, as "the Canadian
side" does, whatever state the page names most. Texts written by the team in the style of
ministry and agency readouts, never copies of real ones."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def _people(registry, text, lang):
    document = Document(source="t.txt", text=textwrap.dedent(text), sha256="0" * 64, lang=lang)
    return {(p.name, p.country) for e in extract(document, registry).events for p in e.participants}


def test_english_delegation_names_the_state_of_its_head(registry):
    text = """\
        India, Canada hold consultations

        New Delhi, March 14 (IANS) India and Canada held consultations in New Delhi on Monday to review bilateral matters.

        The Indian side was represented by officials of the ministry, while the Canadian delegation was led by Deputy Minister of Foreign Affairs Marlene Tardiff.
        """
    assert ("Marlene Tardiff", "CAN") in _people(registry, text, "en")


def test_french_delegation_names_the_state_of_its_head(registry):
    text = """\
        Consultations politiques entre le Sénégal et le Maroc

        Dakar, le 3 mai 2023 – Le Sénégal et le Maroc ont tenu des consultations politiques à Dakar.

        La délégation marocaine était conduite par le Secrétaire général du ministère des Affaires étrangères, M. Karim Bennani, qui a été reçu par les responsables sénégalais.
        """
    assert ("Karim Bennani", "MAR") in _people(registry, text, "fr")


def test_an_office_before_an_encounter_noun_is_no_person(registry):
    """"held Foreign Office Consultations": the capitalised words of an institution before the
    noun of the encounter name no one."""
    text = """\
        India, Canada hold consultations

        New Delhi, March 14 (IANS) India and Canada held Foreign Office Consultations in New Delhi on Monday to review bilateral matters.
        """
    assert not any(name.startswith("Foreign") for name, _ in _people(registry, text, "en"))

"""Helpers shared by the per-language extraction tests: extract a readout written inline and
read back its participants and stances. Import into a test module:
``from readouts import extract_text, people, stances``."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def extract_text(registry, text: str, lang: str | None = None):
    return extract(Document(source="t.txt", text=textwrap.dedent(text), sha256="0" * 64, lang=lang), registry)


def people(extraction) -> dict[str, tuple[str, set[str], str | None]]:
    """name -> (country, role codes, name as written) of every participant."""
    return {p.name: (p.country, set(p.roles), p.written) for e in extraction.events for p in e.participants}


def stances(extraction) -> set[tuple]:
    return {(e.endorser, e.stance, e.target, e.topic) for e in extraction.endorsements}

"""What a readout says of the day of an encounter it gives no date, gathered for encounter
resolution (kg.build.resolve): the hints of :func:`kg.extract.dates.day_hints`, else the days
of the one meeting edition its sentence places it at.

A bilateral "in Melbourne on the margins of the Quad foreign ministers' meeting" names no day,
yet the meeting does: its days are the ones the encounter may be. Only an edition named in an
occasion clause ("on the sidelines of", "during", "en marge de") counts, so a call that
discussed a coming summit is never placed at it, and only when the sentence names no day of
its own and exactly one edition fits."""

from __future__ import annotations

import datetime as dt

from kg.extract.dates import DayHints, day_hints, find_dates
from kg.extract.events import occasion_clauses
from kg.extract.meetings import Edition, occasion_editions
from kg.knowledge.registry import Registry

__all__ = ["encounter_day_hints", "edition_label"]


def encounter_day_hints(text: str, sentence: tuple[int, int], registry: Registry, lang: str,
                        month_stamp: str | None, url: str | None) -> DayHints:
    """The day hints of the encounter reported by ``text[start:end]``, which has no date."""
    words = registry.lang(lang)
    hints = day_hints(text, sentence, words, month_stamp, url)
    if hints.month_day is not None or hints.days:
        return hints
    start, end = sentence
    if find_dates(text, words, start, end):  # it names a day of its own that says nothing usable
        return hints
    editions = occasion_editions(registry, text[start:end], occasion_clauses(text, start, end, words))
    if len(editions) != 1:
        return hints
    edition = editions[0]
    days = (edition.start + dt.timedelta(days=n) for n in range((edition.end - edition.start).days + 1))
    return DayHints(days=frozenset(d.isoformat() for d in days), occasion=edition_label(edition))


def edition_label(edition: Edition) -> str:
    """``"quad_ministers 2022-02-11 melbourne"``: the series, its first day and its host place."""
    return " ".join(x for x in (edition.series, edition.start.isoformat(), edition.place) if x)

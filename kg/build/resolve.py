"""Two sides of one call: readouts of the same encounter grouped into one shared encounter.

When China's MFA and the counterpart's ministry each publish a readout of one call, each
readout's graph keeps its own encounter (its type, date, participants, stances). This
module says which of those report the same real encounter, deterministically and with
reasons, so counts can be by encounter and the claims can be compared side by side.

Two reports are of one encounter when, and only when:

* they come from different readouts (a readout reports each of its encounters once);
* their sides are the same set of states and organisations (a bilateral on the sidelines
  of a multilateral meeting is not the meeting; the same day with another counterpart is
  another encounter);
* their media agree: by phone, by video, by message, or in person (meeting, talks and
  visit are one medium: readouts call the same meeting "talks" or "a meeting");
* on every side both name officials for, they name at least one in common (an extra
  official on one side does not split them; Lavrov's talks and Shoigu's consultations with
  Wang Yi the same day are two encounters);
* both are dated, within one day of the group's first report (time zones; a call a week
  later is another call).

A report whose sentence names the day and month but no year ("On May 20, Lavrov met...",
on a page with no date) joins the one group of its sides, medium and officials dated
within a day of that day and month in some year; with two or more such groups (the same
pair met on that day in two years) it stays alone, and with none it may join another
such report of the same day and month. A report whose sentence names no day but whose
text names exactly one day and month, and no year anywhere ("Лавров на встрече с Ван И..."
then "Встреча прошла сегодня, 20 мая"), is read the same way with that day.

A report whose sentence names only a weekday ("a eu samedi une conversation") on a page
stamped with a month and no day ("2022-03") may be any of the days of that weekday from
six days before the month to its end (the weekday counts back from a publication day in
that month); it joins the one dated group of its sides, medium and officials within a day
of one of them, and stays alone with two or more, or none.

Without a month stamp, the day a page's address carries (".../2021/10/07/...", "t20211007_")
is read as its publication day — a hint only, never the readout's date (ANNOTATION.md §7).
A weekday or a relative day ("yesterday") the sentence names is then the one such day
counted back from it, and a sentence that names no day may be any of the
:data:`~kg.extract.dates.ADDRESS_WINDOW` days before it, or that day; either joins as a
weekday on a month-stamped page does (:func:`kg.extract.dates.day_hints`). With neither, a
sentence that names no day but places the encounter at one edition of a recurring meeting
("in Melbourne on the margins of the Quad foreign ministers' meeting") may be any day of that
edition, and joins the same way (:func:`kg.extract.hints.encounter_day_hints`). A report with
no day and no such hint is never joined: a false merge is worse than a missed one, and
without its day the corpus may hold several encounters it could be.

The shared encounter's date is the one most reports give (ties: the earliest); its type
the one most reports give (ties: the order of :data:`kg.extract.events.TYPE_PRIORITY`)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.extract.dates import DayHints
from kg.text import names_match

__all__ = ["Report", "SharedEncounter", "resolve", "score_pairing", "read_pairs",
           "reports_of", "MEDIUM", "PAIRS_COLUMNS"]

MEDIUM = {"phone_call": "phone", "video_call": "video", "message": "message",
          "meeting": "in person", "talks": "in person", "visit": "in person"}
_TYPE_ORDER = ("video_call", "phone_call", "talks", "meeting", "message", "visit")
_WINDOW = dt.timedelta(days=1)


@dataclass(frozen=True)
class Report:
    """One readout's encounter as its graph states it."""

    encounter: str  # the readout's encounter IRI
    readout: str  # the readout IRI
    type: str  # phone_call ...
    date: str | None  # ISO day, None when undated
    sides: frozenset[str]  # ISO3 / organisation codes of the participants
    people: frozenset[tuple[str, str]] = frozenset()  # (side, name) of each participant
    month_day: tuple[int, int] | None = None  # undated: the (month, day) its sentence names without a year
    days: frozenset[str] = frozenset()  # undated: the ISO days it may be (a weekday in a month-stamped page)
    address_day: str | None = None  # undated: the day its page's address carries, when ``days`` come from it
    occasion: str | None = None  # undated: the meeting edition its sentence places it at, when ``days`` come from it


@dataclass
class SharedEncounter:
    iri: str
    type: str
    date: str | None
    sides: frozenset[str]
    reports: list[Report] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def _iri(base: str, reports: list[Report]) -> str:
    digest = hashlib.sha1("|".join(sorted(r.encounter + "@" + r.readout for r in reports)).encode()).hexdigest()[:12]
    return f"{base}encounter/{digest}"


def resolve(reports: list[Report], base: str = "https://w3id.org/readout-kg/id/") -> list[SharedEncounter]:
    """The shared encounters of ``reports``: one per group of reports of one real encounter
    (most reports are alone in theirs), in a stable order whatever the input order."""
    groups: list[list[Report]] = []
    alone: list[list[Report]] = []
    partial: list[Report] = []  # a day and month, no year
    by_kind: dict[tuple[frozenset[str], str], list[Report]] = {}
    for report in sorted(set(reports), key=_order):
        if len(report.sides) < 2:
            alone.append([report])
        elif report.date is None and report.month_day is None and not report.days:
            alone.append([report])
        elif report.date is None:
            partial.append(report)
        else:
            by_kind.setdefault(_kind(report), []).append(report)
    firsts: dict[int, dt.date] = {}  # id(group) -> the day of its first report
    for _, members in sorted(by_kind.items(), key=lambda item: (sorted(item[0][0]), item[0][1])):
        open_groups: list[tuple[dt.date, list[Report]]] = []
        for report in members:  # sorted by date
            day = dt.date.fromisoformat(report.date)  # type: ignore[arg-type]
            fits = [g for first, g in open_groups if day - first <= _WINDOW and _joins(report, g)]
            if fits:
                fits[0].append(report)
            else:
                open_groups.append((day, [report]))
                groups.append(open_groups[-1][1])
                firsts[id(groups[-1])] = day
    dated = list(groups)
    ambiguous: dict[str, int] = {}  # report encounter -> how many dated groups it could join
    pool: list[list[Report]] = []  # groups of reports with a day and month only
    for report in partial:
        fits = [g for g in dated if _kind(g[0]) == _kind(report) and _may_be(report, firsts[id(g)])
                and _joins(report, g)]
        if len(fits) == 1:
            fits[0].append(report)
            continue
        if len(fits) > 1:
            ambiguous[report.encounter] = len(fits)
            alone.append([report])
            continue
        if report.month_day is None:  # some days of one month: joined to a dated report only
            alone.append([report])
            continue
        fits = [g for g in pool if _kind(g[0]) == _kind(report) and _near(report.month_day, g[0].month_day)
                and _joins(report, g)]
        if len(fits) == 1:
            fits[0].append(report)
        else:
            pool.append([report])
    out = [_shared(group, base, ambiguous) for group in groups + pool + alone]
    return sorted(out, key=lambda s: (s.date or "", s.iri))


def _order(report: Report) -> tuple:
    return (report.date or "", report.month_day or (0, 0), report.readout, report.encounter)


def _near(month_day: tuple[int, int] | None, other: dt.date | tuple[int, int] | None) -> bool:
    """Whether a day and month with no year fall within a day of ``other`` (a day, or
    another day and month) in some year."""
    if month_day is None or other is None:
        return False
    if isinstance(other, tuple):  # two days and months: compare them in a leap year
        other = dt.date(2024, *other)
    for year in (other.year - 1, other.year, other.year + 1):
        try:
            if abs(dt.date(year, *month_day) - other) <= _WINDOW:
                return True
        except ValueError:  # 29 February in another year
            continue
    return False


def _may_be(report: Report, day: dt.date) -> bool:
    """Whether an undated report may be of an encounter whose first report is dated ``day``."""
    if report.month_day is not None:
        return _near(report.month_day, day)
    return any(abs(dt.date.fromisoformat(d) - day) <= _WINDOW for d in report.days)


def _kind(report: Report) -> tuple[frozenset[str], str]:
    return report.sides, MEDIUM.get(report.type, report.type)


def _joins(report: Report, group: list[Report]) -> bool:
    """Whether ``report`` may be one more report of ``group``'s encounter: another readout,
    and on every side, officials in common with each report that names some."""
    return report.readout not in {r.readout for r in group} and all(_same_people(report, r) for r in group)


def _same_people(a: Report, b: Report) -> bool:
    for side in a.sides & b.sides:
        mine = {name for s, name in a.people if s == side}
        theirs = {name for s, name in b.people if s == side}
        if mine and theirs and not any(names_match(x, y) for x in mine for y in theirs):
            return False
    return True


def _shared(group: list[Report], base: str, ambiguous: dict[str, int] | None = None) -> SharedEncounter:
    dates = Counter(r.date for r in group if r.date)
    date = min(dates, key=lambda d: (-dates[d], d)) if dates else None
    types = Counter(r.type for r in group)
    kind = min(types, key=lambda t: (-types[t], _TYPE_ORDER.index(t) if t in _TYPE_ORDER else 99))
    shared = SharedEncounter(_iri(base, group), kind, date, group[0].sides, sorted(group, key=lambda r: r.readout))
    if len(group) > 1:
        days = sorted({r.date for r in group if r.date})
        when = ("same day" if len(days) == 1 else f"dates {days[0]} to {days[-1]}, within a day") if days else \
            "no year given: the same day and month, and no dated report of these sides and medium near it"
        shared.reasons = [
            f"{len(group)} readouts report it: " + ", ".join(f"{_short(r.readout)} ({r.type}, {_day(r)})"
                                                        for r in shared.reports),
            f"same sides: {', '.join(sorted(shared.sides))}",
            f"same medium: {MEDIUM.get(group[0].type, group[0].type)}",
            when,
            "officials in common on every side that names some",
        ]
        shared.reasons += [f"{_short(r.readout)} names {_day(r)}: the only encounter of these sides, medium and "
                           f"officials within a day of {'one of them' if len(r.days) > 1 else 'it'}"
                           for r in shared.reports if r.date is None and days]
    else:
        report = group[0]
        if len(report.sides) < 2:
            shared.reasons = ["one side only: never joined to another report"]
        elif report.encounter in (ambiguous or {}):
            shared.reasons = [f"names {_day(report)}, and {ambiguous[report.encounter]} encounters "  # type: ignore[index]
                              "of these sides and medium fall within a day of it: not joined"]
        elif report.date is None and report.month_day is None and not report.days:
            shared.reasons = ["undated: never joined to another report"]
        elif report.date is None and report.month_day is None:
            shared.reasons = [f"names {_day(report)}, and no dated report of these sides, medium and officials "
                              "falls within a day of one of them: not joined"]
        else:
            shared.reasons = ["no other readout reports it"]
    return shared


def _short(readout: str) -> str:
    return readout.rsplit("/", 1)[-1][:12]


def _day(report: Report) -> str:
    if report.date:
        return report.date
    if report.month_day:
        return dt.date(2024, *report.month_day).strftime("%B %-d") + " with no year"
    if report.address_day and len(report.days) == 1:
        day = min(report.days)
        return f"{dt.date.fromisoformat(day).strftime('%A')} {day} (counted back from {report.address_day}, " \
               "the day its page's address carries)"
    if report.occasion:
        return f"no day, at the meeting {report.occasion} ({', '.join(sorted(report.days))})"
    if report.address_day:
        return f"no day, on a page whose address carries {report.address_day} ({', '.join(sorted(report.days))})"
    if report.days:
        days = sorted(report.days)
        return f"a {dt.date.fromisoformat(days[0]).strftime('%A')} on a page stamped {days[-1][:7]} ({', '.join(days)})"
    return "undated"


def reports_of(readout: str, extraction: Any) -> list[Report]:
    """The :class:`Report` of each encounter an :class:`~kg.model.Extraction` holds, as
    ``kg compare`` reads them back from the graph."""
    from kg.extract.hints import encounter_day_hints
    from kg.knowledge.registry import load_registry

    out = []
    registry = load_registry()
    for n, event in enumerate(extraction.events):
        hints = DayHints() if event.date else encounter_day_hints(
            extraction.document.text, (event.evidence.start, event.evidence.end), registry, extraction.lang,
            extraction.month_stamp, extraction.document.url)
        out.append(Report(f"{readout}#{n}", readout, event.type, event.date,
                          frozenset(p.country for p in event.participants),
                          frozenset((p.country, p.name) for p in event.participants), hints.month_day, hints.days,
                          hints.address_day, hints.occasion))
    return out


def score_pairing(truth: dict[str, str], reports: list[Report]) -> dict[str, Any]:
    """Pairing precision and recall: over pairs of readouts, those :func:`resolve` puts in one
    encounter against those ``truth`` (readout -> encounter label) says report one."""
    import itertools

    predicted: set[tuple[str, str]] = set()
    for shared in resolve([r for r in reports if r.readout in truth]):
        for a, b in itertools.combinations(sorted({r.readout for r in shared.reports}), 2):
            predicted.add((a, b))
    by_label: dict[str, list[str]] = {}
    for readout, label in truth.items():
        by_label.setdefault(label, []).append(readout)
    expected = {pair for readouts in by_label.values() for pair in itertools.combinations(sorted(readouts), 2)}
    hits = predicted & expected
    return {"precision": len(hits) / len(predicted) if predicted else 1.0,
            "recall": len(hits) / len(expected) if expected else 1.0,
            "pairs_predicted": len(predicted), "pairs_expected": len(expected), "pairs_found": len(hits),
            "false_merges": sorted(predicted - expected), "missed": sorted(expected - predicted)}


PAIRS_COLUMNS = ("encounter", "readout", "source")


def read_pairs(path: Path) -> list[dict[str, str]]:
    """The rows of a pairs file (``encounter,readout,source[,note]``: rows with one
    encounter label report one encounter); :class:`~kg.errors.GoldFormatError` when it is
    not one."""
    import csv

    from kg.errors import GoldFormatError

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"{path.name}: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise GoldFormatError(f"{path.name}: cannot read: {exc.strerror or exc}") from exc
    try:
        rows = list(csv.DictReader(text.splitlines()))
    except csv.Error as exc:
        raise GoldFormatError(f"{path.name}: not CSV: {exc}") from exc
    if not rows or any(column not in rows[0] for column in PAIRS_COLUMNS):
        raise GoldFormatError(f"{path.name}: a pairs file needs the columns {', '.join(PAIRS_COLUMNS)} and one row per readout")
    for number, row in enumerate(rows, 2):
        if not all(row.get(column) for column in PAIRS_COLUMNS):
            raise GoldFormatError(f"{path.name} line {number}: empty {', '.join(c for c in PAIRS_COLUMNS if not row.get(c))}")
    return rows

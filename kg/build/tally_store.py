"""The counts behind the statistics graph, kept in the build cache and updated by what changed.

:mod:`kg.build.statistics` counts the facts of every published readout into tallies. Counting a
10,000-readout corpus again because one readout changed would cost a rebuild a quarter of
its time, so the build cache's database keeps the counts themselves, with how many readouts
bring each of them:

* each readout's reports of dated encounters (type, day, sides, people), and which shared
  encounter (:func:`kg.build.resolve.resolve`) each belongs to;
* each readout's statements per encounter, year, endorser, target, topic and stance, and
  what each shared encounter (or statement of no dated encounter) counts for
  (:func:`kg.build.statistics.unit_counts`);
* stances and reports per (year, endorser, target, topic, stance) and per (year, topic,
  stance);
* for each shared encounter its date and reports, and for each (actor, counterpart) pair
  the shared encounters where both were represented (a shared encounter of two readouts or
  more is also a cell of its own, its report group);
* each readout's claims per encounter and statement, which a report group's cell compares
  (:func:`kg.build.statistics.group_differences`): the cell is made again when its members
  or their claims change;
* the lines of every cell of the statistics graph, and its part.

A rebuild takes out the facts of the readouts that changed or went, adds those of the new
ones, groups again the reports of the sides and medium those readouts touch (reports of
other sides or media never join them), counts again the encounters whose reports or
statements changed, and makes again only the cells whose counts moved: the parts holding
none of them are copied from the last outputs. The counts of a cell are those of the whole corpus counted
afresh, and ``tests/test_tally_store.py`` checks that against :func:`kg.build.statistics.tally`
for random sequences of changes.

Everything is written in the caller's transaction (see :class:`kg.build.cache.BuildCache`), so a
build that fails leaves the counts of the last one.

Counts that are wrong give a wrong graph with no error, so they check themselves: after
each update the store records, per table, its rows and the sum of its counts
(:meth:`TallyStore.damage` compares them with the tables as found), and, per readout, a
digest of the facts it was counted with (:meth:`TallyStore.digests`; facts read back from
the cache to be taken out must match it). Rows deleted or changed by hand, or lost to a
damaged file, are so seen before they are used, and the build counts afresh.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Iterable

from kg.build.resolve import MEDIUM, Report
from kg.build.statistics import (Facts, alone_unit, counterpart_cell, endorsement_cell, facts_reports,
                                 group_differences, group_pairs, group_reports, report_group_cell, topic_cell,
                                 unit_counts)

__all__ = ["TallyStore", "TALLY_TABLES", "facts_digest", "facts_of", "facts_text"]

_STANCE_KEY = "endorser TEXT, target TEXT, topic TEXT, stance TEXT"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS tally_counted (source TEXT PRIMARY KEY, key TEXT, digest TEXT) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS tally_report (readout TEXT, event TEXT, kind TEXT, day TEXT, type TEXT, sides TEXT, "
    "people TEXT, n INTEGER, PRIMARY KEY (readout, event)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS tally_report_kind ON tally_report (kind)",
    "CREATE TABLE IF NOT EXISTS tally_group (readout TEXT, event TEXT, kind TEXT, grp TEXT, "
    "PRIMARY KEY (readout, event)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS tally_group_kind ON tally_group (kind)",
    "CREATE INDEX IF NOT EXISTS tally_group_grp ON tally_group (grp)",
    f"CREATE TABLE IF NOT EXISTS tally_statement (readout TEXT, event TEXT, year INTEGER, {_STANCE_KEY}, n INTEGER, "
    "PRIMARY KEY (readout, event, year, endorser, target, topic, stance)) WITHOUT ROWID",
    f"CREATE TABLE IF NOT EXISTS tally_unit (unit TEXT, year INTEGER, {_STANCE_KEY}, n INTEGER, reports INTEGER, "
    "PRIMARY KEY (unit, year, endorser, target, topic, stance)) WITHOUT ROWID",
    f"CREATE TABLE IF NOT EXISTS tally_endorsement (year INTEGER, {_STANCE_KEY}, n INTEGER, reports INTEGER, "
    "PRIMARY KEY (year, endorser, target, topic, stance)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS tally_topic (year INTEGER, topic TEXT, stance TEXT, n INTEGER, reports INTEGER, "
    "PRIMARY KEY (year, topic, stance)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS tally_encounter (grp TEXT PRIMARY KEY, day TEXT, reports INTEGER) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS tally_meeting (actor TEXT, other TEXT, grp TEXT, PRIMARY KEY (actor, other, grp)) "
    "WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS tally_meeting_grp ON tally_meeting (grp)",
    "CREATE TABLE IF NOT EXISTS tally_cell (iri TEXT PRIMARY KEY, part TEXT, lines TEXT) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS tally_cell_part ON tally_cell (part)",
    "CREATE TABLE IF NOT EXISTS tally_claim (readout TEXT, event TEXT, statement TEXT, stance TEXT, endorser TEXT, "
    "target TEXT, topic TEXT, n INTEGER, PRIMARY KEY (readout, event, statement, stance, endorser, target, topic)) "
    "WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS tally_check (name TEXT PRIMARY KEY, rows INTEGER, total INTEGER) WITHOUT ROWID",
)
TALLY_TABLES = ("tally_counted", "tally_report", "tally_group", "tally_statement", "tally_unit", "tally_endorsement",
                "tally_topic", "tally_encounter", "tally_meeting", "tally_claim", "tally_cell")
_TOTALS = {  # what the check of each table adds up, besides counting its rows
    "tally_counted": "length(key) + length(digest)", "tally_report": "n + length(kind)", "tally_group": "length(grp)",
    "tally_statement": "n", "tally_unit": "n + reports", "tally_endorsement": "n + reports",
    "tally_topic": "n + reports", "tally_encounter": "reports", "tally_meeting": "length(grp)",
    "tally_claim": "n",
    "tally_cell": "length(iri)",  # not its lines: reading them all would cost a rebuild 40 ms on 10,000 readouts
}
_STANCE_COLUMNS = ("year", "endorser", "target", "topic", "stance")
_CLAIM_COLUMNS = ("readout", "event", "statement", "stance", "endorser", "target", "topic")


def facts_text(facts: Facts | str) -> str:
    """One readout's facts as the compact JSON text the build cache keeps (text is kept as it is)."""
    return facts if isinstance(facts, str) else json.dumps(facts, ensure_ascii=False, separators=(",", ":"))


def facts_of(facts: Facts | str) -> Facts:
    """Facts given as JSON text (as workers hand them over: a tenth of the memory of the
    parsed lists, for 100,000 readouts held until they are counted), parsed; others as they are."""
    return json.loads(facts) if isinstance(facts, str) else facts


def facts_digest(facts: Facts | str) -> str:
    """A digest of one readout's facts, as the build cache keeps their JSON text."""
    return hashlib.sha256(facts_text(facts).encode("utf-8")).hexdigest()


_NONE = ""  # a missing event, target or topic in a key column (terms are never empty)


def _kind(report: Report) -> str:
    """Reports that may be of one encounter share this: their sides and medium."""
    return json.dumps([sorted(report.sides), MEDIUM.get(report.type, report.type)], ensure_ascii=False)


class TallyStore:
    """The counts in ``db`` (a connection in a write transaction) for the statistics graph
    ``graph``; ``represents`` are the registry's (person, side) pairs, which hold for
    every readout and are joined in, never stored (they change with the registry, and a
    changed registry empties the cache)."""

    def __init__(self, db: sqlite3.Connection, graph: str, represents: Iterable[tuple[str, str]] = ()) -> None:
        self.db = db
        self.graph = graph
        self.registry_sides: dict[str, set[str]] = {}
        for person, side in represents:
            self.registry_sides.setdefault(person, set()).add(side)
        for statement in _SCHEMA:
            db.execute(statement)
        self._empty = db.execute("SELECT 1 FROM tally_counted LIMIT 1").fetchone() is None

    # ---- reading -------------------------------------------------------------------------
    def counted(self) -> dict[str, str | None]:
        """The readouts the counts hold: source -> its cache key."""
        return dict(self.db.execute("SELECT source, key FROM tally_counted"))

    def digests(self) -> dict[str, tuple[str | None, str | None]]:
        """The readouts the counts hold: source -> (cache key, :func:`facts_digest` of the
        facts it was counted with)."""
        return {source: (key, digest) for source, key, digest in
                self.db.execute("SELECT source, key, digest FROM tally_counted")}

    def encounters(self) -> tuple[int, int]:
        """(reports, encounters): the readouts' reports of dated encounters, and the
        encounters they make once the reports of one encounter are grouped."""
        reports, encounters = self.db.execute("SELECT count(*), count(DISTINCT grp) FROM tally_group").fetchone()
        return reports, encounters

    def damage(self) -> str | None:
        """What in the tables differs from the check recorded at the last update (rows gone
        or added, counts changed), in a few words; None when nothing does."""
        recorded = {name: (rows, total) for name, rows, total in self.db.execute("SELECT * FROM tally_check")}
        if not recorded:
            return None if self._empty else "the counts have no check recorded"
        for table, (rows, total) in self._check().items():
            expected = recorded.get(table)
            if expected is None:
                return f"{table}: no check recorded"
            if rows != expected[0]:
                return f"{table}: {rows:,} rows, {expected[0]:,} expected"
            if total != expected[1]:
                return f"{table}: counts add up to {total:,}, {expected[1]:,} expected"
        return None

    def _check(self) -> dict[str, tuple[int, int]]:
        return {table: tuple(self.db.execute(f"SELECT count(*), coalesce(sum({_TOTALS[table]}), 0) FROM {table}")
                             .fetchone()) for table in TALLY_TABLES}

    def _record_check(self) -> None:
        self.db.execute("DELETE FROM tally_check")
        self.db.executemany("INSERT INTO tally_check (name, rows, total) VALUES (?, ?, ?)",
                            [(table, *check) for table, check in self._check().items()])

    def parts(self) -> list[str]:
        """The names of the statistics graph's parts, in the order of the graph."""
        return [name for (name,) in self.db.execute("SELECT DISTINCT part FROM tally_cell ORDER BY part")]

    def part_lines(self, part: str) -> list[str]:
        """A part's lines, sorted (IRIs of one kind have one length: sorting them sorts the lines)."""
        rows = self.db.execute("SELECT lines FROM tally_cell WHERE part = ? ORDER BY iri", (part,))
        return [line for (lines,) in rows for line in lines.split("\n")]

    # ---- writing ---------------------------------------------------------------------------
    def clear(self) -> None:
        """Forget every count (before counting a corpus afresh)."""
        for table in (*TALLY_TABLES, "tally_check"):
            self.db.execute(f"DELETE FROM {table}")
        self._empty = True

    def update(self, gone: dict[str, tuple[str | None, Facts | str]],
               new: dict[str, tuple[str | None, Facts | str]]) -> set[str]:
        """Take out the facts of the readouts ``gone`` and add those of ``new`` (source ->
        (key, facts), facts parsed or as JSON text: parsed one readout at a time); returns
        the parts whose cells changed. ValueError when the counts would go below zero (facts
        taken out that were never added): the counts are then not to be trusted, and the
        caller counts afresh."""
        reports: dict[tuple[str, str], int] = {}
        made: dict[tuple[str, str], Report] = {}
        statements: dict[tuple, tuple[int]] = {}
        claims: dict[tuple, tuple[int]] = {}
        for sign, table in ((-1, gone), (1, new)):
            for _, given in table.values():
                facts = facts_of(given)
                for report in facts_reports(facts, self.registry_sides):
                    key = (report.readout, report.encounter)
                    reports[key] = reports.get(key, 0) + sign
                    if sign > 0:
                        made[key] = report
                for year, readout, event, endorser, target, topic, stance, n in facts["endorsements"]:
                    key = (readout, _column(event), year, endorser, _column(target), _column(topic), stance)
                    statements[key] = (statements.get(key, (0,))[0] + sign * n,)
                for readout, event, statement, stance, endorser, target, topic in facts.get("claims", ()):
                    key = (readout, event, statement, stance, endorser, _column(target), _column(topic))
                    claims[key] = (claims.get(key, (0,))[0] + sign,)
        kinds, touched = self._put_reports(reports, made)
        touched |= {(readout, event) for readout, event, *_ in
                    self._apply("tally_statement", ("readout", "event", *_STANCE_COLUMNS), statements)}
        claimed = {(readout, event) for readout, event, *_ in self._apply("tally_claim", _CLAIM_COLUMNS, claims)}
        pairs: set[tuple[str, str]] = set()
        units: set[str] = set()
        cells: dict[str, tuple[str, str | None]] = {}  # IRI -> (part, lines), lines None when gone
        for kind in sorted(kinds):
            units |= self._regroup(kind, pairs, cells)
        for grp in sorted({grp for readout, event in sorted(claimed) for (grp,) in self.db.execute(
                "SELECT grp FROM tally_group WHERE readout = ? AND event = ?", (readout, event))}):
            self._put_group(cells, grp)  # its members' claims changed: its differences may have
        for readout, event in sorted(touched):  # the unit each counts in now, and the one it may have left
            units.add(alone_unit(readout, event))
            units.update(grp for (grp,) in self.db.execute(
                "SELECT grp FROM tally_group WHERE readout = ? AND event = ?", (readout, event)))
        endorsements: dict[tuple, tuple[int, int]] = {}
        topics: dict[tuple, tuple[int, int]] = {}
        for unit in sorted(units):
            self._recount(unit, endorsements, topics)
        for key, (n, backing) in self._apply("tally_endorsement", _STANCE_COLUMNS, endorsements,
                                             ("n", "reports")).items():
            self._put(cells, endorsement_cell(_key(key), n, backing, self.graph), n)
        for key, (n, backing) in self._apply("tally_topic", ("year", "topic", "stance"), topics,
                                             ("n", "reports")).items():
            self._put(cells, topic_cell(_key(key), n, backing, self.graph), n)
        for pair in pairs:
            self._put_pair(cells, pair)
        self._write_cells(cells)
        self._count_readouts(gone, new)
        if gone or new or self._empty:
            self._record_check()
        self._empty = False
        return {part for part, _ in cells.values()}

    # ---- helpers -----------------------------------------------------------------------------
    def _put_reports(self, deltas: dict[tuple[str, str], int],
                     made: dict[tuple[str, str], Report]) -> tuple[set[str], set[tuple[str, str]]]:
        """Add ``deltas`` to the reports (a report is kept while some readout source brings
        it); returns the kinds of the reports that came or went, and those reports."""
        kinds: set[str] = set()
        touched: set[tuple[str, str]] = set()
        for (readout, event), delta in sorted(deltas.items()):
            if not delta:
                continue
            row = None if self._empty else self.db.execute(
                "SELECT kind, n FROM tally_report WHERE readout = ? AND event = ?", (readout, event)).fetchone()
            old = row[1] if row else 0
            now = old + delta
            if now < 0:
                raise ValueError(f"tally_report: taking out {(readout, event)}, which was never counted")
            if now and old:
                self.db.execute("UPDATE tally_report SET n = ? WHERE readout = ? AND event = ?", (now, readout, event))
                continue
            if now:
                report = made[readout, event]
                kind = _kind(report)
                self.db.execute("INSERT INTO tally_report (readout, event, kind, day, type, sides, people, n) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                (readout, event, kind, report.date, report.type, json.dumps(sorted(report.sides)),
                                 json.dumps(sorted(report.people), ensure_ascii=False), now))
            else:
                kind = row[0]
                self.db.execute("DELETE FROM tally_report WHERE readout = ? AND event = ?", (readout, event))
            kinds.add(kind)
            touched.add((readout, event))
        return kinds, touched

    def _regroup(self, kind: str, pairs: set[tuple[str, str]], cells: dict[str, tuple[str, str | None]]) -> set[str]:
        """Group again the reports of one kind; returns the shared encounters that came or
        went (``pairs`` gets the pairs of actors whose encounters changed, ``cells`` the report
        groups that came or went: a group's IRI changes with its members)."""
        before = {(readout, event): grp for readout, event, grp in
                  self.db.execute("SELECT readout, event, grp FROM tally_group WHERE kind = ?", (kind,))}
        reports = [Report(event, readout, kind_of, day, frozenset(json.loads(sides)),
                          frozenset(tuple(person) for person in json.loads(people)))
                   for readout, event, kind_of, day, sides, people in self.db.execute(
                       "SELECT readout, event, type, day, sides, people FROM tally_report WHERE kind = ?", (kind,))]
        after: dict[tuple[str, str], str] = {}
        shared = {}
        for encounter in group_reports(reports):
            shared[encounter.iri] = encounter
            after.update(((r.readout, r.encounter), encounter.iri) for r in encounter.reports)
        went = set(before.values()) - set(after.values())
        came = set(after.values()) - set(before.values())
        self.db.executemany("DELETE FROM tally_group WHERE readout = ? AND event = ?",
                            [key for key, grp in before.items() if after.get(key) != grp])
        self.db.executemany("INSERT INTO tally_group (readout, event, kind, grp) VALUES (?, ?, ?, ?)",
                            [(*key, kind, grp) for key, grp in sorted(after.items()) if before.get(key) != grp])
        for grp in sorted(went):
            members = sorted(key for key, old in before.items() if old == grp)
            if len({readout for readout, _ in members}) > 1:
                self._put(cells, report_group_cell(grp, members, self.graph), 0)
            pairs.update(self.db.execute("SELECT actor, other FROM tally_meeting WHERE grp = ?", (grp,)))
            self.db.execute("DELETE FROM tally_meeting WHERE grp = ?", (grp,))
            self.db.execute("DELETE FROM tally_encounter WHERE grp = ?", (grp,))
        for grp in sorted(came):
            encounter = shared[grp]
            self._put_group(cells, grp)
            met = group_pairs(side for r in encounter.reports for side in r.sides)
            pairs.update(met)
            self.db.execute("INSERT INTO tally_encounter (grp, day, reports) VALUES (?, ?, ?)",
                            (grp, encounter.date, len({(r.readout, r.encounter) for r in encounter.reports})))
            self.db.executemany("INSERT INTO tally_meeting (actor, other, grp) VALUES (?, ?, ?)",
                                [(actor, other, grp) for actor, other in sorted(met)])
        return went | came

    def _put_group(self, cells: dict, grp: str) -> None:
        """Make again the cell of the report group ``grp`` (a shared encounter that two
        readouts or more report), its differences compared from its members' claims."""
        members = sorted(self.db.execute("SELECT readout, event FROM tally_group WHERE grp = ?", (grp,)))
        if len({readout for readout, _ in members}) < 2:
            return
        claims: dict[tuple[str, str], list[tuple]] = {}
        for member in members:
            claims[member] = [(statement, stance, endorser, None if target == _NONE else target,
                               None if topic == _NONE else topic)
                              for statement, stance, endorser, target, topic in self.db.execute(
                                  "SELECT statement, stance, endorser, target, topic FROM tally_claim "
                                  "WHERE readout = ? AND event = ?", member)]
        self._put(cells, report_group_cell(grp, members, self.graph, group_differences(members, claims)), 1)

    def _recount(self, unit: str, endorsements: dict, topics: dict) -> None:
        """Count again what ``unit`` (a shared encounter, or a readout's encounter no dated
        report gives) counts for, adding the difference to ``endorsements`` and ``topics``."""
        for year, endorser, target, topic, stance, n, backing in self.db.execute(
                "SELECT year, endorser, target, topic, stance, n, reports FROM tally_unit WHERE unit = ?", (unit,)):
            _move(endorsements, (year, endorser, target, topic, stance), -n, -backing)
            _move(topics, (year, topic, stance), -n, -backing)
        self.db.execute("DELETE FROM tally_unit WHERE unit = ?", (unit,))
        if not unit.startswith("encounter/"):  # a readout's encounter: alone unless a shared encounter holds it
            readout, event = unit.split(" ", 1)
            grouped = self.db.execute("SELECT 1 FROM tally_group WHERE readout = ? AND event = ?",
                                      (readout, event)).fetchone()
            members = [] if grouped else [(readout, event)]
        else:
            members = list(self.db.execute("SELECT readout, event FROM tally_group WHERE grp = ?", (unit,)))
        rows = [(year, readout, endorser, target, topic, stance, n) for readout, event in members
                for year, endorser, target, topic, stance, n in self.db.execute(
                    "SELECT year, endorser, target, topic, stance, n FROM tally_statement "
                    "WHERE readout = ? AND event = ?", (readout, event))]
        counted = unit_counts(rows)
        self.db.executemany("INSERT INTO tally_unit (unit, year, endorser, target, topic, stance, n, reports) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            [(unit, *key, n, backing) for key, (n, backing) in sorted(counted.items())])
        for (year, endorser, target, topic, stance), (n, backing) in counted.items():
            _move(endorsements, (year, endorser, target, topic, stance), n, backing)
            _move(topics, (year, topic, stance), n, backing)

    def _apply(self, table: str, columns: tuple[str, ...], deltas: dict[tuple, tuple[int, ...]],
               values: tuple[str, ...] = ("n",)) -> dict[tuple, tuple[int, ...]]:
        """Add ``deltas`` to the counts ``values`` of ``table`` (keyed by ``columns``);
        returns the new counts of each key that moved. A row goes when its counts are all
        zero."""
        deltas = {key: d for key, d in deltas.items() if any(d)}
        where = " AND ".join(f"{c} = ?" for c in columns)
        select = f"SELECT {', '.join(values)} FROM {table} WHERE {where}"
        result: dict = {}
        upserts, deletes = [], []
        for key, delta in deltas.items():
            row = None if self._empty else self.db.execute(select, key).fetchone()
            old = tuple(row) if row else (0,) * len(values)
            now = tuple(a + b for a, b in zip(old, delta))
            if min(now) < 0:
                raise ValueError(f"{table}: taking out {key}, which was never counted")
            if any(now):
                upserts.append((*key, *now))
            else:
                deletes.append(key)
            result[key] = now
        marks = ", ".join("?" for _ in range(len(columns) + len(values)))
        self.db.executemany(f"INSERT OR REPLACE INTO {table} ({', '.join(columns + values)}) VALUES ({marks})",
                            upserts)
        self.db.executemany(f"DELETE FROM {table} WHERE {where}", deletes)
        return result

    def _put_pair(self, cells: dict, pair: tuple[str, str]) -> None:
        count, reports, first, last = self.db.execute(
            "SELECT count(*), coalesce(sum(e.reports), 0), min(e.day), max(e.day) FROM tally_meeting m "
            "JOIN tally_encounter e ON e.grp = m.grp WHERE m.actor = ? AND m.other = ?", pair).fetchone()
        self._put(cells, counterpart_cell(pair, count, reports, first or "", last or "", self.graph), count)

    @staticmethod
    def _put(cells: dict, cell: tuple[str, str, list[str]], n: int) -> None:
        iri, part, lines = cell
        cells[iri] = (part, "\n".join(lines) if n else None)

    def _write_cells(self, cells: dict[str, tuple[str, str | None]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO tally_cell (iri, part, lines) VALUES (?, ?, ?)",
                            [(iri, part, lines) for iri, (part, lines) in cells.items() if lines is not None])
        self.db.executemany("DELETE FROM tally_cell WHERE iri = ?",
                            [(iri,) for iri, (_, lines) in cells.items() if lines is None])

    def _count_readouts(self, gone: dict, new: dict) -> None:
        self.db.executemany("DELETE FROM tally_counted WHERE source = ?", [(source,) for source in gone])
        self.db.executemany("INSERT OR REPLACE INTO tally_counted (source, key, digest) VALUES (?, ?, ?)",
                            [(source, key, facts_digest(facts)) for source, (key, facts) in new.items()])


def _move(counts: dict, key: tuple, n: int, reports: int) -> None:
    old = counts.get(key, (0, 0))
    counts[key] = (old[0] + n, old[1] + reports)


def _column(term: str | None) -> str:
    return _NONE if term is None else term


def _key(key: tuple) -> tuple:
    """A key as stored (empty for none) -> as :mod:`kg.build.statistics` has it (None for none)."""
    return tuple(None if part == _NONE else part for part in key)

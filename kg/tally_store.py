"""The counts behind the statistics graph, kept in the build cache and updated by what changed.

:mod:`kg.statistics` counts the facts of every published readout into tallies. Counting a
10,000-readout corpus again because one readout changed would cost a rebuild a quarter of
its time, so the build cache's database keeps the counts themselves, with how many readouts
bring each of them:

* statements per (year, endorser, target, topic, stance) and per (year, topic, stance);
* for each encounter, its participants and its dates; for each person, the sides they
  represent (an encounter and a person may be reported by several readouts);
* for each (actor, counterpart) pair, the encounters where people of both took part;
* the lines of every cell of the statistics graph, and its part.

A rebuild takes out the facts of the readouts that changed or went, adds those of the new
ones, and makes again only the cells whose counts moved: the parts holding none of them are
copied from the last outputs. The counts of a cell are those of the whole corpus counted
afresh, and ``tests/test_tally_store.py`` checks that against :func:`kg.statistics.tally`
for random sequences of changes.

Everything is written in the caller's transaction (see :class:`kg.cache.BuildCache`), so a
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

from kg.statistics import Facts, counterpart_cell, counterpart_pairs, endorsement_cell, topic_cell

__all__ = ["TallyStore", "TALLY_TABLES", "facts_digest"]

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS tally_counted (source TEXT PRIMARY KEY, key TEXT, digest TEXT) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS tally_endorsement (year INTEGER, endorser TEXT, target TEXT, topic TEXT, stance TEXT, "
    "n INTEGER, PRIMARY KEY (year, endorser, target, topic, stance)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS tally_topic (year INTEGER, topic TEXT, stance TEXT, n INTEGER, "
    "PRIMARY KEY (year, topic, stance)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS tally_presence (event TEXT, person TEXT, n INTEGER, PRIMARY KEY (event, person)) "
    "WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS tally_presence_person ON tally_presence (person)",
    "CREATE TABLE IF NOT EXISTS tally_day (event TEXT, day TEXT, n INTEGER, PRIMARY KEY (event, day)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS tally_side (person TEXT, side TEXT, n INTEGER, PRIMARY KEY (person, side)) "
    "WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS tally_meeting (actor TEXT, other TEXT, event TEXT, PRIMARY KEY (actor, other, event)) "
    "WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS tally_meeting_event ON tally_meeting (event)",
    "CREATE TABLE IF NOT EXISTS tally_cell (iri TEXT PRIMARY KEY, part TEXT, lines TEXT) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS tally_cell_part ON tally_cell (part)",
    "CREATE TABLE IF NOT EXISTS tally_check (name TEXT PRIMARY KEY, rows INTEGER, total INTEGER) WITHOUT ROWID",
)
TALLY_TABLES = ("tally_counted", "tally_endorsement", "tally_topic", "tally_presence", "tally_day", "tally_side",
                "tally_meeting", "tally_cell")
_TOTALS = {  # what the check of each table adds up, besides counting its rows
    "tally_counted": "length(key) + length(digest)", "tally_endorsement": "n", "tally_topic": "n",
    "tally_presence": "n", "tally_day": "n", "tally_side": "n", "tally_meeting": "length(event)",
    "tally_cell": "length(iri)",  # not its lines: reading them all would cost a rebuild 40 ms on 10,000 readouts
}


def facts_digest(facts: Facts) -> str:
    """A digest of one readout's facts, as the build cache keeps their JSON text."""
    text = json.dumps(facts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
_NONE = ""  # a missing target or topic in a key column (terms are never empty)


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

    def update(self, gone: dict[str, tuple[str | None, Facts]], new: dict[str, tuple[str | None, Facts]]) -> set[str]:
        """Take out the facts of the readouts ``gone`` and add those of ``new`` (source ->
        (key, facts)); returns the parts whose cells changed. ValueError when the counts
        would go below zero (facts taken out that were never added): the counts are then
        not to be trusted, and the caller counts afresh."""
        endorsements: dict[tuple, int] = {}
        topics: dict[tuple, int] = {}
        presence: dict[tuple[str, str], int] = {}
        days: dict[tuple[str, str], int] = {}
        sides: dict[tuple[str, str], int] = {}
        for sign, table in ((-1, gone), (1, new)):
            for _, facts in table.values():
                for year, endorser, target, topic, stance, n in facts["endorsements"]:
                    key = (year, endorser, _column(target), _column(topic), stance)
                    endorsements[key] = endorsements.get(key, 0) + sign * n
                    key = (year, _column(topic), stance)
                    topics[key] = topics.get(key, 0) + sign * n
                for person, side in facts["represents"]:
                    sides[person, side] = sides.get((person, side), 0) + sign
                for event, dates, people in facts["encounters"]:
                    for day in dates:
                        days[event, day] = days.get((event, day), 0) + sign
                    for person in people:
                        presence[event, person] = presence.get((event, person), 0) + sign
        cells: dict[str, tuple[str, str | None]] = {}  # IRI -> (part, lines), lines None when gone
        for key, n in self._apply("tally_endorsement", ("year", "endorser", "target", "topic", "stance"),
                                  endorsements).items():
            self._put(cells, endorsement_cell(_key(key), n, self.graph), n)
        for key, n in self._apply("tally_topic", ("year", "topic", "stance"), topics).items():
            self._put(cells, topic_cell(_key(key), n, self.graph), n)
        moved_sides = {person for (person, _), (old, now) in
                       self._apply("tally_side", ("person", "side"), sides, with_old=True).items() if (old > 0) != (now > 0)}
        events = {event for event, _ in self._apply("tally_presence", ("event", "person"), presence)}
        events |= {event for event, _ in self._apply("tally_day", ("event", "day"), days)}
        if not self._empty:  # else every event is among those above
            events |= self._events_of(moved_sides)
        for pair in self._meet(events):
            self._put_pair(cells, pair)
        self._write_cells(cells)
        self._count_readouts(gone, new)
        if gone or new or self._empty:
            self._record_check()
        self._empty = False
        return {part for part, _ in cells.values()}

    # ---- helpers -----------------------------------------------------------------------------
    def _apply(self, table: str, columns: tuple[str, ...], deltas: dict[tuple, int],
               with_old: bool = False) -> dict[tuple, int | tuple[int, int]]:
        """Add ``deltas`` to the counts of ``table`` (keyed by ``columns``); returns the new
        count of each key that moved (with ``with_old``, the old and the new)."""
        deltas = {key: d for key, d in deltas.items() if d}
        where = " AND ".join(f"{c} = ?" for c in columns)
        select = f"SELECT n FROM {table} WHERE {where}"
        result: dict = {}
        upserts, deletes = [], []
        for key, delta in deltas.items():
            row = None if self._empty else self.db.execute(select, key).fetchone()
            old = row[0] if row else 0
            now = old + delta
            if now < 0:
                raise ValueError(f"{table}: taking out {key}, which was never counted")
            (upserts if now else deletes).append((*key, now) if now else key)
            result[key] = (old, now) if with_old else now
        marks = ", ".join("?" for _ in range(len(columns) + 1))
        self.db.executemany(f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}, n) VALUES ({marks})", upserts)
        self.db.executemany(f"DELETE FROM {table} WHERE {where}", deletes)
        return result

    def _events_of(self, people: set[str]) -> set[str]:
        events: set[str] = set()
        for person in sorted(people):
            events.update(e for (e,) in self.db.execute("SELECT event FROM tally_presence WHERE person = ?", (person,)))
        return events

    def _sides(self, person: str, known: dict[str, set[str]]) -> set[str]:
        """The sides ``person`` represents (``known`` remembers them for the update)."""
        if person not in known:
            known[person] = set(self.registry_sides.get(person, ())) | {
                side for (side,) in self.db.execute("SELECT side FROM tally_side WHERE person = ?", (person,))}
        return known[person]

    def _meet(self, events: set[str]) -> set[tuple[str, str]]:
        """Bring the pairs that met at ``events`` up to date; returns every pair whose
        encounters or dates may have changed."""
        touched: set[tuple[str, str]] = set()
        add, drop = [], []
        known: dict[str, set[str]] = {}
        for event in sorted(events):
            people = [p for (p,) in self.db.execute("SELECT person FROM tally_presence WHERE event = ?", (event,))]
            now = counterpart_pairs(people, {person: self._sides(person, known) for person in people})
            before = set() if self._empty else set(self.db.execute(
                "SELECT actor, other FROM tally_meeting WHERE event = ?", (event,)))
            add += [(a, o, event) for a, o in now - before]
            drop += [(a, o, event) for a, o in before - now]
            touched |= now | before  # the dates of the event may have changed too
        self.db.executemany("INSERT INTO tally_meeting (actor, other, event) VALUES (?, ?, ?)", add)
        self.db.executemany("DELETE FROM tally_meeting WHERE actor = ? AND other = ? AND event = ?", drop)
        return touched

    def _put_pair(self, cells: dict, pair: tuple[str, str]) -> None:
        (count,) = self.db.execute("SELECT count(*) FROM tally_meeting WHERE actor = ? AND other = ?", pair).fetchone()
        first = last = None
        if count:
            first, last = self.db.execute(
                "SELECT min(d.day), max(d.day) FROM tally_meeting m JOIN tally_day d ON d.event = m.event "
                "WHERE m.actor = ? AND m.other = ?", pair).fetchone()
        self._put(cells, counterpart_cell(pair, count, first or "", last or "", self.graph), count)

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


def _column(term: str | None) -> str:
    return _NONE if term is None else term


def _key(key: tuple) -> tuple:
    """A key as stored (empty for none) -> as :mod:`kg.statistics` has it (None for none)."""
    return tuple(None if part == _NONE else part for part in key)

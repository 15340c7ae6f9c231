"""A damaged build cache never costs the statistics graph silently (issue 12: rows deleted
from a tally table gave a dump ~11,300 quads short, with no warning, until --clean): rows
deleted from any table of counts, or a readout's cached facts changed, are found before
they are used; the counts are made afresh with one line saying so, and the outputs are
byte for byte those of a clean build."""

from __future__ import annotations

import filecmp
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from inputs_cli import SEED, kg

from generated import write_readouts
from kg.build.builder import build
from kg.build.cache import CACHE_DIR
from kg.build.tally_store import TALLY_TABLES

OUTPUTS = ("readouts.nq", "union.ttl", "report.json", "report.txt")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path, Path]:
    """20 generated readouts, the seed and a readout naming an official the registry does not
    know (whose state the tallies take from the entities graph), built once into ``out`` and
    once clean."""
    folder = tmp_path_factory.mktemp("damage") / "sources"
    write_readouts(folder, 20, seed=5)
    shutil.copy(SEED, folder / SEED.name)
    (folder / "unknown_official.txt").write_text(
        "Wang Yi Meets Kenyan Ambassador\n\n2024-05-06\n\n"
        "On May 6, 2024, Foreign Minister Wang Yi met with Kenyan Ambassador to China Jane Wanjiru Odhiambo in Beijing.\n\n"
        "Odhiambo said that Kenya firmly adheres to the one-China principle.\n", encoding="utf-8")
    out, clean = folder.parent / "out", folder.parent / "clean"
    build(folder, out, jobs=1)
    build(folder, clean, jobs=1, clean=True)
    return folder, out, clean


def _statistics(out: Path) -> int:
    return sum(1 for line in (out / "readouts.nq").open(encoding="utf-8") if "/graph/statistics> ." in line)


def _same(out: Path, clean: Path) -> None:
    for name in OUTPUTS:
        assert filecmp.cmp(out / name, clean / name, shallow=False), name


@pytest.mark.parametrize("table", TALLY_TABLES)
def test_rows_deleted_from_a_table_of_counts_are_noticed_and_counted_afresh(corpus, table):
    sources, out, clean = corpus
    with sqlite3.connect(out / CACHE_DIR / "index.sqlite") as db:  # the rows of its first key, in key order
        column = db.execute(f"PRAGMA table_info({table})").fetchone()[1]
        deleted = db.execute(f"DELETE FROM {table} WHERE {column} = (SELECT min({column}) FROM {table})").rowcount
        assert deleted > 0
    told: list[str] = []
    build(sources, out, jobs=1, notify=told.append)
    assert len(told) == 1 and "statistics counts" in told[0] and "damaged" in told[0] and table in told[0], told
    assert _statistics(out) == _statistics(clean) > 0
    _same(out, clean)
    told.clear()
    build(sources, out, jobs=1, notify=told.append)  # repaired: nothing more to say
    assert told == []


def test_changed_facts_of_a_readout_are_noticed_when_it_changes(corpus, tmp_path):
    sources, out, clean = corpus
    changed = sorted(sources.glob("0*.txt"))[3]
    with sqlite3.connect(out / CACHE_DIR / "index.sqlite") as db:  # its statements counted twice over
        (facts,) = db.execute("SELECT facts FROM entries WHERE source = ?", (changed.name,)).fetchone()
        facts = json.loads(facts)
        assert facts["endorsements"], "pick a readout with statements"
        facts["endorsements"] = [[*row[:-1], row[-1] * 2] for row in facts["endorsements"]]
        db.execute("UPDATE entries SET facts = ? WHERE source = ?",
                   (json.dumps(facts, ensure_ascii=False, separators=(",", ":")), changed.name))
    original = changed.read_text(encoding="utf-8")
    changed.write_text(original + "\nBoth sides agreed to stay in close contact.\n", encoding="utf-8")
    try:
        told: list[str] = []
        build(sources, out, jobs=1, notify=told.append)
        assert len(told) == 1 and "do not match their digest" in told[0], told
        build(sources, tmp_path / "clean-edited", jobs=1, clean=True)
        _same(out, tmp_path / "clean-edited")
    finally:
        changed.write_text(original, encoding="utf-8")
        build(sources, out, jobs=1)


def test_the_warning_is_one_line_on_stderr_and_quiet_hides_it(corpus):
    sources, out, clean = corpus
    for quiet in ((), ("-q",)):
        with sqlite3.connect(out / CACHE_DIR / "index.sqlite") as db:
            (before,) = db.execute("SELECT count(*) FROM tally_cell").fetchone()
            deleted = db.execute("DELETE FROM tally_cell WHERE part = (SELECT min(part) FROM tally_cell)").rowcount
        run = kg("build", sources, "--out", out, "-j", "1", *quiet)
        assert run.code == 0, run.stderr
        notices = run.lines if quiet else [line for line in run.lines if not line.startswith("kg: skipped: ")]
        assert notices == ([] if quiet else [
            f"kg: the statistics counts in the build cache {out / CACHE_DIR} were damaged "
            f"(tally_cell: {before - deleted:,} rows, {before:,} expected); counted afresh"])
        _same(out, clean)

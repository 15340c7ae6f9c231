"""The build cache (kg.build.cache) and the block-wise outputs (kg.build.outputs): a rebuild redoes only
the readouts that changed, and its outputs are byte for byte those of a clean build."""

from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

import kg.build.builder
from kg.build.builder import build
from kg.build.cache import CACHE_DIR
from kg.build.outputs import write_union
from kg.build.store import DUMP_NQ, DUMP_TTL, REPORT_JSON, REPORT_TXT
from tests.generated import write_readouts

OUTPUTS = (DUMP_NQ, DUMP_TTL, REPORT_JSON, REPORT_TXT)
HERE = Path(__file__).resolve().parent


@pytest.fixture()
def corpus(tmp_path, seed_path) -> Path:
    """30 generated readouts (with a duplicate and a statement among them), the seed, and
    a file that reports no encounter."""
    folder = tmp_path / "sources"
    write_readouts(folder, 30, seed=3)
    shutil.copy(seed_path, folder / seed_path.name)
    shutil.copy(HERE / "data" / "no_encounter.txt", folder / "no_encounter.txt")
    shutil.copy(sorted(folder.glob("0*.txt"))[4], folder / "zz_repost.txt")  # the same readout posted twice
    return folder


_SEEN: list[str] = []
_WORK = kg.build.builder._work


def _counting_work(path: str):  # module level: workers (other processes) must be able to pickle it
    _SEEN.append(Path(path).name)
    return _WORK(path)


@pytest.fixture()
def processed(monkeypatch) -> list[str]:
    """The readouts the build worked on in this process (all of them with one worker)."""
    _SEEN.clear()
    monkeypatch.setattr(kg.build.builder, "_work", _counting_work)
    return _SEEN


def _same(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert filecmp.cmp(a / name, b / name, shallow=False), name


def _rebuild_is_clean(corpus: Path, out: Path, clean: Path) -> None:
    """Rebuild into ``out`` (from its cache) and check it gives the bytes of a clean build."""
    build(corpus, out, jobs=1)
    build(corpus, clean, jobs=1, clean=True)
    _same(out, clean)


def _edit(corpus: Path) -> list[str]:
    """Change one readout, remove one, add one; return the names a rebuild must redo."""
    changed = sorted(corpus.glob("0*.txt"))[7]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe two sides agreed to stay in touch.\n",
                       encoding="utf-8")
    sorted(corpus.glob("0*.txt"))[12].unlink()
    added = corpus / "new_readout.txt"
    added.write_text(sorted(corpus.glob("0*.txt"))[2].read_text(encoding="utf-8").replace("2", "3"), encoding="utf-8")
    return [changed.name, added.name]


def test_a_rebuild_redoes_only_what_changed_and_equals_a_clean_build(corpus, tmp_path, processed):
    out = tmp_path / "build"
    build(corpus, out, jobs=1)
    assert len(processed) == len(list(corpus.glob("*.txt")))
    processed.clear()
    build(corpus, out, jobs=1)
    assert processed == [], "an unchanged corpus is rebuilt from the cache alone"
    redo = _edit(corpus)
    build(corpus, out, jobs=1)
    assert sorted(processed) == sorted(redo)
    clean_1, clean_2 = tmp_path / "clean-1", tmp_path / "clean-2"
    build(corpus, clean_1, jobs=1, clean=True)
    build(corpus, clean_2, jobs=2, clean=True)
    _same(out, clean_1)
    _same(clean_1, clean_2)


def test_two_workers_and_the_cache_give_the_same_bytes(corpus, tmp_path):
    out, clean = tmp_path / "build", tmp_path / "clean"
    build(corpus, out, jobs=2)
    _edit(corpus)
    build(corpus, out, jobs=2)
    build(corpus, clean, jobs=1, clean=True)
    _same(out, clean)


def test_clean_ignores_the_cache(corpus, tmp_path, processed):
    out = tmp_path / "build"
    build(corpus, out, jobs=1)
    processed.clear()
    build(corpus, out, jobs=1, clean=True)
    assert len(processed) == len(list(corpus.glob("*.txt")))


def test_another_base_is_another_cache(corpus, tmp_path, processed):
    out = tmp_path / "build"
    build(corpus, out, jobs=1)
    first = (out / DUMP_NQ).read_bytes()
    processed.clear()
    build(corpus, out, jobs=1, base="https://example.org/kg/")
    assert len(processed) == len(list(corpus.glob("*.txt")))
    assert b"https://example.org/kg/" in (out / DUMP_NQ).read_bytes()
    build(corpus, out, jobs=1)
    assert (out / DUMP_NQ).read_bytes() == first


def test_outputs_changed_by_hand_are_not_copied(corpus, tmp_path):
    out, clean = tmp_path / "build", tmp_path / "clean"
    build(corpus, out, jobs=1)
    with (out / DUMP_NQ).open("r+b") as handle:  # same size, other bytes
        handle.seek(100)
        handle.write(b"#")
    _edit(corpus)
    build(corpus, out, jobs=1)
    build(corpus, clean, jobs=1, clean=True)
    _same(out, clean)


def test_a_failed_strict_build_leaves_a_usable_cache(corpus, tmp_path):
    from kg.errors import BuildFailed

    out, clean = tmp_path / "build", tmp_path / "clean"
    build(corpus, out, jobs=1)
    before = (out / DUMP_NQ).read_bytes()
    _edit(corpus)
    (corpus / "empty.txt").write_bytes(b"")
    with pytest.raises(BuildFailed):
        build(corpus, out, jobs=1, strict=True)  # empty.txt is rejected (no_encounter.txt only skipped)
    assert (out / DUMP_NQ).read_bytes() == before
    build(corpus, out, jobs=1)
    build(corpus, clean, jobs=1, clean=True)
    _same(out, clean)


def test_the_union_is_the_union_of_the_dump(corpus, tmp_path):
    out = tmp_path / "build"
    build(corpus, out, jobs=1)
    write_union(out / DUMP_NQ, tmp_path / "union.ttl")
    assert (tmp_path / "union.ttl").read_bytes() == (out / DUMP_TTL).read_bytes()
    dataset = Dataset()
    dataset.parse(out / DUMP_NQ, format="nquads")
    union = Graph().parse(out / DUMP_TTL, format="turtle")
    assert set(union) == {(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))}
    lines = (out / DUMP_TTL).read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if not line.startswith("@prefix ")]
    assert lines[len(lines) - len(body):] == body  # the prefixes once, on top


def test_blocks_are_copied_without_copy_file_range(corpus, tmp_path, monkeypatch):
    out, clean = tmp_path / "build", tmp_path / "clean"
    build(corpus, out, jobs=1)
    _edit(corpus)

    def unsupported(*args):
        raise OSError(38, "Function not implemented")
    monkeypatch.setattr(os, "copy_file_range", unsupported)
    build(corpus, out, jobs=1)
    build(corpus, clean, jobs=1, clean=True)
    _same(out, clean)


def test_cli_clean_option(corpus, tmp_path):
    from cli import main

    out = tmp_path / "build"
    runner = CliRunner()
    first = runner.invoke(main, ["build", str(corpus), "--out", str(out), "--jobs", "1", "--quiet"])
    again = runner.invoke(main, ["build", str(corpus), "--out", str(out), "--jobs", "1", "--quiet", "--clean"])
    assert first.exit_code == again.exit_code == 0, first.output  # no_encounter.txt is skipped, not an error
    assert (out / CACHE_DIR / "index.sqlite").is_file()
    assert "--clean" in runner.invoke(main, ["build", "--help"]).output


def test_a_same_size_change_just_after_a_build_is_seen(corpus, tmp_path, processed):
    out = tmp_path / "build"
    build(corpus, out, jobs=1)
    target = sorted(corpus.glob("0*.txt"))[3]
    text = target.read_text(encoding="utf-8")
    stat = target.stat()
    target.write_text(text.replace("2", "3", 1) if "2" in text else text.replace("1", "0", 1), encoding="utf-8")
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time stamp
    processed.clear()
    build(corpus, out, jobs=1)
    assert processed == [target.name]


def test_successive_edits_keep_the_statistics_of_a_clean_build(corpus, tmp_path):
    """Each rebuild updates the stored counts by what changed (kg.build.tally_store); after each,
    the outputs are those of a clean build. The original of a repost goes, so the repost
    is counted in its place."""
    out = tmp_path / "build"
    build(corpus, out, jobs=1)
    readouts = sorted(corpus.glob("0*.txt"))
    steps = [
        lambda: readouts[4].unlink(),  # zz_repost.txt is published now
        lambda: readouts[9].write_text(readouts[9].read_text(encoding="utf-8").replace("2", "1"), encoding="utf-8"),
        lambda: (corpus / "zz_repost.txt").unlink(),
        lambda: shutil.copy(readouts[3], corpus / "another.txt"),
    ]
    for number, step in enumerate(steps):
        step()
        _rebuild_is_clean(corpus, out, tmp_path / f"clean-{number}")


def test_counts_that_do_not_add_up_are_made_afresh(corpus, tmp_path):
    import sqlite3

    out, clean = tmp_path / "build", tmp_path / "clean"
    build(corpus, out, jobs=1)
    changed = sorted(corpus.glob("0*.txt"))[7]
    with sqlite3.connect(out / CACHE_DIR / "index.sqlite") as db:  # the facts to take out are lost
        assert db.execute("UPDATE entries SET facts = NULL WHERE source = ?", (changed.name,)).rowcount == 1
    changed.write_text(changed.read_text(encoding="utf-8") + "\nBoth sides agreed to meet again.\n", encoding="utf-8")
    _rebuild_is_clean(corpus, out, clean)


def test_without_a_writable_cache_every_readout_is_counted(corpus, tmp_path, monkeypatch):
    out, clean = tmp_path / "build", tmp_path / "clean"
    build(corpus, out, jobs=1)
    _edit(corpus)
    monkeypatch.setattr(kg.build.builder.BuildCache, "tallies", lambda self, graph, represents: None)
    _rebuild_is_clean(corpus, out, clean)


def test_a_damaged_cache_is_set_aside_and_the_build_done_without_it(corpus, tmp_path, processed):
    import sqlite3

    out, clean = tmp_path / "build", tmp_path / "clean"
    build(corpus, out, jobs=1)
    with sqlite3.connect(out / CACHE_DIR / "index.sqlite") as db:  # counts and facts lost, entries kept
        db.execute("DELETE FROM tally_counted")
        assert db.execute("UPDATE entries SET facts = NULL WHERE facts IS NOT NULL").rowcount > 20
    _edit(corpus)
    processed.clear()
    told: list[str] = []
    build(corpus, out, jobs=1, notify=told.append)
    assert len(told) == 1 and "damaged" in told[0]
    every = sorted(p.name for p in corpus.glob("*.txt"))
    assert sorted(processed[-len(every):]) == every  # every readout done again
    build(corpus, clean, jobs=1, clean=True)
    _same(out, clean)

"""Losing nothing: a build killed with SIGKILL half-way leaves the previous dump intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.build.builder import build
from kg.build.cache import CACHE_DIR
from kg.build.store import DUMP_NQ, DUMP_TTL, REPORT_JSON, REPORT_TXT, STORE_DIR, find_dump, load_store, open_kept_store

OUTPUTS = (DUMP_NQ, DUMP_TTL, REPORT_JSON, REPORT_TXT)
HIDDEN = (CACHE_DIR, STORE_DIR)  # the build cache and the kept query store
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre")
NAMES = ("Mukhtar Tleuberdi", "Moukhtar Tleuberdi")


def _corpus(seed_text: str, folder: Path, count: int = 300) -> None:
    """``count`` readouts: the seed with its date (day, month) and the spelling of a name varied."""
    folder.mkdir()
    n = 0
    for month, name in ((m, s) for m in range(len(MONTHS)) for s in NAMES):
        for day in range(1, 29):
            text = seed_text.replace("Le 21 janvier 2021", f"Le {day} {MONTHS[month]} 2021")
            text = text.replace("Mis à jour : 2021-01-22", f"Mis à jour : 2021-{month + 1:02d}-{day:02d}")
            text = text.replace("Mukhtar Tleuberdi", name)
            (folder / f"r{n:03d}.txt").write_text(text, encoding="utf-8")
            n += 1
            if n == count:
                return


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_killed_build_leaves_the_previous_dump_intact(tmp_path, seed_path, seed_text):
    out = tmp_path / "build"
    small = tmp_path / "small"
    small.mkdir()
    (small / seed_path.name).write_bytes(seed_path.read_bytes())
    build(small, out, jobs=1)
    before = {name: (out / name).read_bytes() for name in OUTPUTS}

    big = tmp_path / "big"
    _corpus(seed_text, big)
    root = Path(__file__).resolve().parent.parent
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", "build", str(big), "--out", str(out), "--jobs", "2", "--quiet"],
        cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        # wait until the build is streaming readouts into its temporary dump, then kill it
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            partial = [p for p in out.glob(f".{DUMP_NQ}.*.tmp") if p.stat().st_size > len(before[DUMP_NQ])]
            if partial:
                break
            time.sleep(0.02)
        assert process.poll() is None, f"the build ended before it could be killed: {process.stderr.read()!r}"
        os.killpg(process.pid, signal.SIGKILL)  # the build and its workers: the group started above
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL

    # every previous output is still there, byte for byte, and readable
    for name in OUTPUTS:
        assert (out / name).read_bytes() == before[name], name
    assert find_dump(out) == out / DUMP_NQ
    store = load_store(out / DUMP_NQ)
    assert len(store) == before[DUMP_NQ].count(b"\n")
    from rdflib import Graph

    assert len(Graph().parse(out / DUMP_TTL, format="turtle")) > 0
    kept = open_kept_store(out)  # the store kept on disk still holds the previous dump, and opens
    assert kept is not None and len(kept) == len(load_store(out / DUMP_NQ)) + len(Graph().parse(out / DUMP_TTL))
    del kept

    # what the killed build left is a hidden temporary file, never named like an output
    leftovers = sorted(p.name for p in out.iterdir() if p.name not in OUTPUTS and p.name not in HIDDEN)
    assert leftovers and all(n.startswith((f".{DUMP_NQ}.", f".{DUMP_TTL}.")) and n.endswith(".tmp")
                             for n in leftovers), leftovers

    # and the next build sweeps it away (the build cache and the store, hidden folders, stay)
    build(small, out, jobs=1)
    assert sorted(p.name for p in out.iterdir() if p.name not in HIDDEN) == sorted(OUTPUTS)
    assert (out / DUMP_NQ).read_bytes() == before[DUMP_NQ]


def test_stale_temporaries_of_live_writers_are_kept(tmp_path):
    from kg.files import remove_stale_temporaries

    live = tmp_path / f".{DUMP_NQ}.{os.getppid()}.abc.tmp"  # our parent is alive
    dead = tmp_path / f".{DUMP_NQ}.999999999.abc.tmp"  # no such process
    other = tmp_path / ".notes.tmp"  # not ours
    for path in (live, dead, other):
        path.write_text("x", encoding="utf-8")
    assert remove_stale_temporaries(tmp_path) == [dead]
    assert live.exists() and other.exists() and not dead.exists()

"""Pipes, devices and huge sparse files named like readouts or like the manifest: each is
refused from stat() alone, in one line, while the rest builds (issue 12: `mkfifo x.txt`
hung the build, `/dev/zero` grew to a MemoryError, a 1.5 GB sparse file took 1.6 GB
before "too large", a FIFO manifest hung, a 300 MB manifest took 1.6 GB and 42 s)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from inputs_cli import SEED, kg

from kg.sources.manifest import MAX_MANIFEST_ROWS


def _sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    return folder


def _status(out: Path) -> dict[str, str]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {d["source"]: d["status"] for d in report["documents"]}


def test_pipe_device_link_and_sparse_file_are_refused_without_reading(tmp_path):
    sources = _sources(tmp_path)
    os.mkfifo(sources / "pipe.txt")
    (sources / "zero.txt").symlink_to("/dev/zero")  # a device, and out of the folder
    (sources / "sub").mkdir()
    os.mkfifo(sources / "sub" / "pipe.html")
    with (sources / "sparse.txt").open("wb") as handle:
        handle.truncate(1536 * 2**20)  # 1.5 GiB, no block on disk
    os.mkfifo(sources / "manifest.csv")
    out = tmp_path / "out"

    for attempt in ("first", "cached"):  # the second build takes the cache's path (keys of unchanged files)
        run = kg("build", sources, "--out", out, "-j", "1")
        assert run.code == 1, (attempt, run.stderr)
        assert sorted(run.lines) == [
            "kg: error: pipe.txt: not a regular file (a pipe, socket or device), not a readout file",
            "kg: error: sparse.txt: too large for a readout (1536.0 MiB; limit 5 MiB)",
            "kg: error: sub/pipe.html: not a regular file (a pipe, socket or device), not a readout file",
            "kg: error: zero.txt: symbolic link to /dev/zero, outside the sources folder; not read",
            "kg: manifest: manifest.csv: not a regular file (a pipe, socket or device), not a manifest file; "
            "manifest not read",
        ], attempt
        assert _status(out) == {"pipe.txt": "error", "seed.txt": "published", "sparse.txt": "error",
                                "sub/pipe.html": "error", "zero.txt": "error"}


def test_a_device_given_as_the_sources_is_refused(tmp_path):
    run = kg("build", "/dev/zero", "--out", tmp_path / "out", "-j", "1")
    assert run.code == 1
    assert run.lines == ["kg: error: zero: not a regular file (a pipe, socket or device), not a readout file"]


def test_huge_sparse_manifest_is_refused_by_its_size(tmp_path):
    sources = _sources(tmp_path)
    with (sources / "manifest.csv").open("wb") as handle:
        handle.write(b"file,lang\nseed.txt,fr\n")
        handle.truncate(300 * 2**20)
    run = kg("build", sources, "--out", tmp_path / "out", "-j", "1")
    assert run.code == 1
    assert run.lines == ["kg: manifest: manifest.csv: too large for a manifest (300.0 MiB; limit 32 MiB); "
                         "manifest not read"]
    assert _status(tmp_path / "out") == {"seed.txt": "published"}


def test_manifest_rows_past_the_limit_are_not_read_and_stderr_stays_short(tmp_path):
    """Every row names a file that is not there: each is listed in report.txt, stderr shows
    the first twenty and a count, and the line that says reading stopped comes first."""
    sources = _sources(tmp_path)
    rows = MAX_MANIFEST_ROWS + 5
    (sources / "manifest.csv").write_text("file\n" + "".join(f"m{n}.txt\n" for n in range(rows)), encoding="utf-8")
    run = kg("build", sources, "--out", tmp_path / "out", "-j", "1")
    assert run.code == 1
    assert run.lines[0] == (f"kg: manifest: manifest.csv line {MAX_MANIFEST_ROWS + 2}: more than "
                            f"{MAX_MANIFEST_ROWS:,} rows; rest of the manifest not read")
    assert run.lines[1] == "kg: manifest: manifest.csv line 2: no readout named 'm0.txt' in the sources folder; row skipped"
    assert len(run.lines) == 21
    assert run.lines[-1] == (f"kg: manifest: ... and {MAX_MANIFEST_ROWS + 1 - 20:,} more "
                             f"(see {tmp_path / 'out' / 'report.txt'})")
    report = (tmp_path / "out" / "report.txt").read_text(encoding="utf-8").splitlines()
    assert sum(1 for line in report if line.startswith("MANIFEST\t")) == MAX_MANIFEST_ROWS + 1
    assert _status(tmp_path / "out") == {"seed.txt": "published"}

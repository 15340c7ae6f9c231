"""bench/run.py, the command behind the README's performance figures, runs end to end on a
fresh checkout (on two tiny corpora here) and reports every figure the targets name."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_reports_every_figure(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "12", "24", "--naive-max", "12",
                           "--stage-sample", "12", "--work", str(tmp_path / "work"), "--json",
                           str(tmp_path / "results.json")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    table = done.stdout
    for figure in ("cold build", "peak memory", "one readout changed: rebuild",
                   "speed-up over naive", "time 24 / time 12", "load into pyoxigraph", "**median**"):
        rows = [line for line in table.splitlines() if figure in line]
        assert rows, figure
        cells = rows[0].strip("|").split("|")[1:]
        assert any(any(ch.isdigit() for ch in cell) for cell in cells), rows[0]
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["results"]
    assert [r["size"] for r in results] == [12, 24]
    for r in results:
        assert r["cold"]["summary"]["documents"] == r["size"]
        assert 0 < r["rebuild"]["seconds"] < r["rebuild"]["process_seconds"]
        assert r["cold"]["main_mb"] > 0 and r["cold"]["worker_mb"] > 0
        assert set(r["stages"]["query_seconds"]) == {p.stem for p in (ROOT / "queries").glob("*.rq")}


def test_the_extraction_speed_benchmark_counts_every_readout():
    folder = ROOT / "tests" / "data" / "encounter"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "extract_speed.py"), str(folder), "--passes", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    count, rate = done.stdout.split(" readouts: ")[0], done.stdout.split(": ")[1].split(" readouts/s")[0]
    assert int(count) == len(list(folder.glob("*.txt"))) and float(rate) > 0

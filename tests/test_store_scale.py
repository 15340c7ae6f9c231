"""bench/scale.py, the scale benchmark of issue 13, runs end to end (on a tiny corpus here) and
reports every figure the targets name, with the store's own account of each build."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_scale_benchmark_reports_every_figure(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "scale.py"), "--size", "12", "--timeout", "120",
                           "--work", str(tmp_path / "work"), "--json", str(tmp_path / "scale.json")],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    table = done.stdout
    for figure in ("cold build", "peak memory of the build", "one readout changed: rebuild", "median", "slowest",
                   "kg view interactions"):
        rows = [line for line in table.splitlines() if line.startswith("|") and figure in line]
        assert rows, figure
        assert any(ch.isdigit() for ch in rows[0].split("|")[2]), rows[0]
    results = json.loads((tmp_path / "scale.json").read_text(encoding="utf-8"))
    assert results["cold"]["summary"]["documents"] == 12
    assert results["cold"]["peak_mib"] > 10  # a Python process and its workers: never nothing
    assert results["cold"]["store"].startswith("loaded in ")  # --clean: the store loaded afresh
    assert results["rebuild"]["store"].startswith("updated in ")  # one readout: its graph replaced
    queries = {p.stem for p in (ROOT / "queries").glob("*.rq")}
    assert set(results["commands"]["queries"]) == queries
    assert all(t is not None and t > 0 for t in results["commands"]["queries"].values())

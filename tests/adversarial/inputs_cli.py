"""The real `kg` command in a child process, bounded in time and memory: what the input
attacks (tests/adversarial/test_inputs_*.py, test_html_nesting.py, test_cache_damage.py)
run. A regression that hangs fails at the timeout instead of hanging the suite; one that
reads without bound hits the address-space limit (MemoryError, a traceback) instead of
swapping the machine."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sources" / "000_a35c0205b5cb6fd1.txt"
PRESS = ROOT / "tests" / "data" / "mixed" / "press_conference.txt"
MEMORY = 1 << 30  # bytes of address space: a whole build of the repo's 222 real readouts fits in 384 MiB


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def kg(*args: str | Path, timeout: float = 60) -> Run:
    """``kg ARGS`` from this checkout; its output must be UTF-8 and hold no traceback."""
    command = [sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'kg'; main()", *map(str, args)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUTF8": "1", "KG_DEBUG": ""}
    started = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=timeout,
                              preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"kg {' '.join(map(str, args))} still running after {timeout} s")
    run = Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"),
              time.perf_counter() - started)
    assert "Traceback" not in run.stderr + run.stdout, run.stderr
    assert "internal error" not in run.stderr, run.stderr
    return run

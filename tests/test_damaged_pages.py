"""Damaged real pages: every third readout of the U.S. State corpus in ../shared (read in place,
never copied) cut short, cut at the front, with lines lost, with its lines shuffled, or run
into one line, must still go through every stage: no extractor failure and no graph the
shapes reject (a rejected graph drops the whole readout, what it says included)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.build.pipeline import process_path
from kg.sources.reader import read_document

US_STATE = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "us-state-2021-2022"


def _damaged(text: str, rng: random.Random) -> list[str]:
    lines = text.splitlines(True)
    return [text[:rng.randrange(1, max(2, len(text)))],
            text[rng.randrange(0, max(1, len(text) // 2)):],
            "".join(line for line in lines if rng.random() > 0.3),
            "".join(rng.sample(lines, len(lines))),
            text.replace("\n", " ")]


@pytest.mark.needs("shared")
def test_damaged_real_readouts_degrade_and_never_fail(registry, tmp_path):
    files = sorted(US_STATE.glob("*.html"))[::3]
    assert files, f"the shared corpus is missing: {US_STATE}"
    rng = random.Random(2026)  # the same damage on every run
    failures = []
    for source in files:
        for n, text in enumerate(_damaged(read_document(source, US_STATE).text, rng)):
            path = tmp_path / f"{source.stem}_{n}.txt"
            path.write_text(text, encoding="utf-8")
            outcome = process_path(path, tmp_path, registry)
            if (outcome.error and "extractor failed" in outcome.error) or outcome.violations:
                failures.append(f"{path.name}: {outcome.error or outcome.violations[0].line()}")
            path.unlink()
    assert failures == []

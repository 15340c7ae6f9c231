"""Extraction throughput on one core: ``kg.extract.extract`` over a folder of readouts, the best
of three passes (the registry loaded and the extractor warmed up first), in readouts per second.

    python bench/generate.py /tmp/corpus-1000 --count 1000 --seed 1   # or any folder of readouts
    python bench/extract_speed.py /tmp/corpus-1000

Issue 11 keeps extraction within 20% of 337 readouts/s per core; run it on the commit before and
after a change, back to back on a quiet machine (a shared machine moves the figure by 30%).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder of readouts (*.txt)")
    parser.add_argument("--passes", type=int, default=3, help="timed passes; the best is kept")
    args = parser.parse_args()

    from kg.extract import extract
    from kg.knowledge.registry import load_registry
    from kg.sources.reader import read_document

    files = sorted(args.folder.glob("*.txt"))
    if not files:
        sys.exit(f"no readouts (*.txt) in {args.folder}")
    registry = load_registry()
    documents = [read_document(path) for path in files]
    for document in documents[:20]:
        extract(document, registry)
    best = float("inf")
    for _ in range(args.passes):
        started = time.perf_counter()
        for document in documents:
            extract(document, registry)
        best = min(best, time.perf_counter() - started)
    print(f"{len(documents)} readouts: {len(documents) / best:.0f} readouts/s on one core "
          f"({1000 * best / len(documents):.2f} ms each, best of {args.passes})")


if __name__ == "__main__":
    main()

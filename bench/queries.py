"""Time the ready queries (queries/*.rq) in the two embedded SPARQL engines.

    python bench/queries.py BUILD_DIR [--repeat 5] [--rdflib]

Loads the dump of BUILD_DIR (a `kg build` or `kg publish` folder) into pyoxigraph, as
`kg query` does, and prints for every ready query its rows and the median of --repeat
runs (rows read into Python included). With --rdflib it does the same with rdflib's
engine over a Dataset whose default graph is the union: slow, so use it on a small dump.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from pathlib import Path

from kg.sparql.query import DEFAULT_PREFIXES, list_queries, open_store, read_query
from kg.build.store import find_dump


def _median_ms(run, repeat: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        rows = len(list(run()))
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), rows


def time_pyoxigraph(build: Path, repeat: int) -> dict[str, tuple[float, int]]:
    started = time.perf_counter()
    store = open_store(build)
    print(f"pyoxigraph: dump loaded in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return {name: _median_ms(lambda: store.query(read_query(name), prefixes=DEFAULT_PREFIXES), repeat)
            for name in sorted(list_queries())}


def time_rdflib(build: Path, repeat: int) -> dict[str, tuple[float, int]]:
    from rdflib import Dataset

    dump = find_dump(build)
    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    data = gzip.open(dump, "rt", encoding="utf-8").read() if dump.suffix == ".gz" else dump.read_text(encoding="utf-8")
    dataset.parse(data=data, format="nquads")
    print(f"rdflib: dump loaded in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    prefixes = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in DEFAULT_PREFIXES.items())
    return {name: _median_ms(lambda: dataset.query(prefixes + read_query(name)), repeat)
            for name in sorted(list_queries())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", type=Path, help="a build or publish folder")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median reported)")
    parser.add_argument("--rdflib", action="store_true", help="also time rdflib's engine")
    args = parser.parse_args(argv)
    engines = {"pyoxigraph": time_pyoxigraph(args.build, args.repeat)}
    if args.rdflib:
        engines["rdflib"] = time_rdflib(args.build, max(1, min(args.repeat, 3)))
    names = sorted(next(iter(engines.values())))
    print("query".ljust(22) + "".join(f"{e:>22}" for e in engines))
    for name in names:
        print(name.ljust(22) + "".join(f"{engines[e][name][0]:>12.1f} ms {engines[e][name][1]:>6}" for e in engines))
    for engine, results in engines.items():
        print(f"{engine}: median over the queries {statistics.median(ms for ms, _ in results.values()):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

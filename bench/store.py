"""Benchmark of the query store ``kg build`` keeps on disk (``OUT/.store``, pyoxigraph on
RocksDB): what it costs the build, its size, and how fast the commands that open it answer.

    python bench/store.py --size 10000          # about 5 minutes on 2 cores
    python bench/store.py --size 1000 --seed 1  # a quick look

On N generated readouts (``bench/generate.py``) it measures, each in a fresh process:

* **cold build** (``--clean``): wall time, and the part of it spent loading the store
  (:func:`kg.build.store.sync_store`, timed inside the build), as a share of the rest;
* **one-readout rebuild** (a sentence appended to one readout): wall time and the store's part
  (the changed readout's graph and the statistics graph replaced in place);
* **size** of the store folder beside the dump's;
* **commands**, cold (interpreter start included), as an analyst types them:
  ``kg query -n NAME --format csv > /dev/null`` for every ready query (median and slowest),
  ``kg view interactions`` and the other views; with ``--compare-dump``, the same commands
  on a folder holding only the dump (parsed on each run, as before the store).

``--on FOLDER`` times only the commands, on a build made before (``--repeat 3``: the median
of three cold runs of each, steadier on a busy machine).

Targets (issue 13): queries median <= 1.0 s, slowest <= 3 s; ``kg view interactions`` <= 3 s;
the store adds <= 30 % to a cold build and <= 0.5 s to a one-readout rebuild. Figures are
printed as Markdown, and saved as JSON with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

CHANGED = "\n\nThe two sides also agreed to stay in close contact.\n"
KG = [str(Path(sys.executable).parent / "kg")]  # the command an analyst types, beside this interpreter


def child_build(sources: str, out: str, jobs: int, clean: bool) -> dict:
    """A build with the store's share timed (run in a fresh process)."""
    import kg.build.builder
    from kg.build.builder import build

    spent: dict = {}
    sync = kg.build.builder.sync_store

    def timed(folder):
        started = time.perf_counter()
        spent["state"] = sync(folder)
        spent["store_seconds"] = time.perf_counter() - started
        return spent["state"]

    kg.build.builder.sync_store = timed
    started = time.perf_counter()
    result = build(Path(sources), Path(out), jobs=jobs, clean=clean)
    return {"seconds": time.perf_counter() - started, "published": len(result.published), **spent}


def _child(*args) -> dict:
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(args)],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"bench child failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# the other graph views timed beside `kg view interactions` (each reads only the parts of the graph it shows)
VIEWS = (["interactions", "--level", "state"], ["endorsements", "--aggregate"], ["affiliations"])


def _command(args: list[str], timeout: float, repeat: int = 1) -> float | None:
    """Median wall time of ``repeat`` cold runs of a ``kg`` command (output thrown away), None
    past ``timeout`` seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            done = subprocess.run(KG + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        if done.returncode != 0:
            raise SystemExit(f"kg {' '.join(args)} failed: {done.stderr.decode()[-2000:]}")
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def commands(folder: Path, timeout: float, repeat: int = 1) -> dict:
    from kg.sparql.query import list_queries

    queries = {name: _command(["query", "-n", name, "--format", "csv", "--dump", str(folder)], timeout, repeat)
               for name in list_queries()}
    view = _command(["view", "interactions", "--dump", str(folder)], timeout, repeat)
    views = {" ".join(args): _command(["view", *args, "--dump", str(folder)], timeout, repeat) for args in VIEWS}
    return {"queries": queries, "view_interactions": view, "views": views}


def _seconds(value: float | None, timeout: float) -> str:
    return f"> {timeout:.0f} s" if value is None else f"{value:.2f} s"


def report(results: dict, timeout: float) -> str:
    lines = [f"### Kept store, {results['size']:,} generated readouts ({results['published']:,} published), "
             f"{results['nproc']} cores, pyoxigraph {results['pyoxigraph']}", "",
             "| measure | figure |", "|---|---|"]
    cold, again = results["cold"], results["rebuild"]
    rest = cold["seconds"] - cold["store_seconds"]
    lines.append(f"| cold build (`--clean`) | {cold['seconds']:.1f} s, of which the store {cold['store_seconds']:.1f} s "
                 f"(+{100 * cold['store_seconds'] / rest:.0f} % on the rest) |")
    lines.append(f"| one-readout rebuild | {again['seconds']:.2f} s, of which the store {again['store_seconds']:.2f} s "
                 f"({again['state']}) |")
    lines.append(f"| store size | {results['store_bytes'] / 2**20:.0f} MiB (dump {results['dump_bytes'] / 2**20:.0f} MiB) |")
    return "\n".join(lines + _command_rows(results, timeout))


def _command_rows(results: dict, timeout: float) -> list[str]:
    lines = []
    for label, key in (("kept store", "kept"), ("dump only", "dump")):
        if key not in results:
            continue
        found = results[key]
        times = [t for t in found["queries"].values()]
        known = [t for t in times if t is not None]
        median = statistics.median(t if t is not None else float("inf") for t in times)
        slowest = None if len(known) < len(times) else max(known)
        lines.append(f"| `kg query -n X --format csv`, {label}: median / slowest | {_seconds(median, timeout) if median != float('inf') else f'> {timeout:.0f} s'} / "
                     f"{_seconds(slowest, timeout)} |")
        for name, t in found["queries"].items():
            lines.append(f"| &nbsp;&nbsp;{name} ({label}) | {_seconds(t, timeout)} |")
        lines.append(f"| `kg view interactions`, {label} | {_seconds(found['view_interactions'], timeout)} |")
        for args, t in found.get("views", {}).items():
            lines.append(f"| &nbsp;&nbsp;`kg view {args}` ({label}) | {_seconds(t, timeout)} |")
    return lines


def report_commands(results: dict, timeout: float) -> str:
    """The commands' figures alone (``--on``: a build made before)."""
    lines = [f"### Commands on {results['folder']}, {results['nproc']} cores, pyoxigraph {results['pyoxigraph']}, "
             f"median of {results['repeat']} cold run(s)", "", "| measure | figure |", "|---|---|"]
    return "\n".join(lines + _command_rows(results, timeout))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10000, help="generated readouts (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers of the build (default: all cores)")
    parser.add_argument("--timeout", type=float, default=60.0, help="give up on a command after this many seconds")
    parser.add_argument("--compare-dump", action="store_true", help="time the commands on the dump alone too")
    parser.add_argument("--work", type=Path, default=Path("/tmp/readout-kg-bench-store"), help="scratch folder")
    parser.add_argument("--json", type=Path, default=None, help="save the results here")
    parser.add_argument("--on", type=Path, default=None,
                        help="only time the commands on this build folder, made before (no build)")
    parser.add_argument("--repeat", type=int, default=1, help="cold runs of each command; the median is shown")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child_build(*json.loads(args.child))))
        return 0
    from generate import generate
    import pyoxigraph

    from kg.build.store import DUMP_NQ, STORE_DIR

    if args.on:
        results = {"folder": str(args.on), "nproc": os.cpu_count(), "pyoxigraph": pyoxigraph.__version__,
                   "repeat": args.repeat, "kept": commands(args.on, args.timeout, args.repeat)}
        print(report_commands(results, args.timeout))
        if args.json:
            args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
        return 0

    args.work.mkdir(parents=True, exist_ok=True)
    sources = args.work / f"corpus-{args.size}-seed{args.seed}"
    if not (sources.is_dir() and len(list(sources.glob("*.txt"))) == args.size):
        shutil.rmtree(sources, ignore_errors=True)
        generate(sources, args.size, args.seed)
    out = args.work / f"build-{args.size}"
    print(f"[{args.size}] cold build...", file=sys.stderr)
    cold = _child(str(sources), str(out), args.jobs, True)
    first = sorted(sources.glob("*.txt"))[0]
    original = first.read_bytes()
    try:
        first.write_bytes(original + CHANGED.encode("utf-8"))
        print(f"[{args.size}] one-readout rebuild...", file=sys.stderr)
        again = _child(str(sources), str(out), args.jobs, False)
    finally:
        first.write_bytes(original)
    results = {"size": args.size, "published": cold["published"], "nproc": os.cpu_count(),
               "pyoxigraph": pyoxigraph.__version__, "cold": cold, "rebuild": again,
               "store_bytes": _size(out / STORE_DIR), "dump_bytes": _size(out / DUMP_NQ)}
    print(f"[{args.size}] commands on the kept store...", file=sys.stderr)
    results["kept"] = commands(out, args.timeout, args.repeat)
    if args.compare_dump:
        bare = args.work / f"dump-only-{args.size}"
        shutil.rmtree(bare, ignore_errors=True)
        bare.mkdir()
        shutil.copyfile(out / DUMP_NQ, bare / DUMP_NQ)
        print(f"[{args.size}] commands on the dump alone...", file=sys.stderr)
        results["dump"] = commands(bare, args.timeout, args.repeat)
    print(report(results, args.timeout))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

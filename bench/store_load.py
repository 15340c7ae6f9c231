"""How the kept store is best loaded afresh (issue 13): the whole dump and union in one call
each, side by side or one after the other, against the pieces of ``kg.build.store`` at
several sizes, on one build folder, back to back (rounds interleave the ways, so a change in
the machine's load falls on all of them alike).

    python bench/store_load.py /tmp/build-20000 --ways threads whole 64 128 256 --rounds 2

Each load runs in a fresh process into a scratch folder beside nothing else; its wall time,
peak resident memory (the process's ``ru_maxrss``: the loader's threads are in it) and the
size of the store it made are printed as Markdown, with the median over the rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def load(build: Path, way: str, scratch: Path) -> dict:
    """One load of ``build``'s dump and union into ``scratch`` (run in a fresh process)."""
    import resource

    import pyoxigraph as ox

    import kg.build.store as kept

    for name in (kept.DUMP_NQ, kept.DUMP_TTL):
        (scratch / name).symlink_to(build / name)
    started = time.perf_counter()
    if way in ("threads", "whole"):
        store = ox.Store(str(scratch / "db"))
        jobs = [(scratch / kept.DUMP_NQ, ox.RdfFormat.N_QUADS, {}),
                (scratch / kept.DUMP_TTL, ox.RdfFormat.TURTLE, {"to_graph": ox.DefaultGraph()})]
        if way == "threads":  # what the build did before the pieces: both files at once
            import threading

            threads = [threading.Thread(target=store.bulk_load, kwargs={"path": str(p), "format": f, **g})
                       for p, f, g in jobs]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        else:
            for path, fmt, graph in jobs:
                store.bulk_load(path=str(path), format=fmt, **graph)
        store.flush()
        del store
        db = scratch / "db"
    else:
        kept.LOADERS = 2 if way.endswith("x2") else 1
        kept.PIECE_BYTES = int(way.removesuffix("x2")) << 20
        (scratch / kept.STORE_DIR).mkdir()
        kept._load_afresh(scratch, None)
        db = scratch / kept.STORE_DIR / kept._DB
    seconds = time.perf_counter() - started
    check = ox.Store.read_only(str(db))
    quads = len(check)
    del check
    return {"way": way, "seconds": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "store_mib": _size(db) / 2**20, "quads": quads}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", type=Path, help="a build folder (readouts.nq and union.ttl)")
    parser.add_argument("--ways", nargs="+", default=["threads", "whole", "64", "128", "256"],
                        help="threads, whole, or a piece size in MiB, one thread (64) or two taking the next piece of either file (64x2)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(load(args.build.resolve(), args.child[0], Path(args.child[1]))))
        return 0
    found: dict[str, list[dict]] = {way: [] for way in args.ways}
    for round_ in range(args.rounds):
        for way in args.ways:
            scratch = Path(tempfile.mkdtemp(prefix="kg-store-load-"))
            try:
                run = subprocess.run([sys.executable, __file__, str(args.build), "--child", way, str(scratch)],
                                     capture_output=True, text=True)
                if run.returncode != 0:
                    raise SystemExit(f"the load {way} failed:\n{run.stderr[-2000:]}")
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
            result = json.loads(run.stdout.strip().splitlines()[-1])
            result["load"] = os.getloadavg()[0]
            found[way].append(result)
            print(f"round {round_ + 1} {way}: {result['seconds']:.1f} s, {result['peak_mib']:,.0f} MiB, "
                  f"store {result['store_mib']:,.0f} MiB, {result['quads']:,} quads, load {result['load']:.1f}",
                  file=sys.stderr, flush=True)
    dump = (args.build / "readouts.nq").stat().st_size / 2**20
    union = (args.build / "union.ttl").stat().st_size / 2**20
    print(f"Dump {dump:,.0f} MiB, union {union:,.0f} MiB; median of {args.rounds} round(s)\n")
    print("| way | seconds | peak MiB | store MiB |\n|---|---|---|---|")
    for way, results in found.items():
        label = {"threads": "whole files, side by side", "whole": "whole files, one after the other"}.get(
            way, f"pieces of {way.removesuffix('x2')} MiB" + (", two threads taking the next piece" if way.endswith("x2") else ""))
        print(f"| {label} | {statistics.median(r['seconds'] for r in results):.1f} | "
              f"{statistics.median(r['peak_mib'] for r in results):,.0f} | "
              f"{statistics.median(r['store_mib'] for r in results):,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

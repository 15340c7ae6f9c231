"""Scale benchmark (issue 13): a build of N generated readouts, cold and with one readout
changed, its peak memory, and every ready query and ``kg view interactions`` as an analyst
types them, each checked against the targets.

    python bench/scale.py --size 100000            # the issue's scale: about 20 minutes on 2 cores
    python bench/scale.py --size 2000 --timeout 30  # a quick look

Each figure comes from a fresh process. Peak memory is the most the whole process tree of
``kg build`` (the main process, its workers and the child that syncs the store) held at
once, read from ``/proc`` every 0.1 s: the kernel's own ``ru_maxrss`` gives only the largest
single process, which hides workers running side by side. Targets at 100,000 readouts on
2 cores: cold build <= 5 min, peak memory <= 2 GiB, one changed readout <= 3 s, and the
commands as at 10,000 (``bench/store.py``): queries median <= 1.0 s and slowest <= 3 s,
``kg view interactions`` <= 3 s. Figures are printed as Markdown and saved with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

# bench/store.py: the kg command beside this interpreter, the edit a rebuild is timed on, and
# every ready query and the views as cold commands
from store import CHANGED, KG, commands  # noqa: E402
TARGETS = {"cold_seconds": 300.0, "peak_mib": 2048.0, "rebuild_seconds": 3.0, "query_median": 1.0,
           "query_slowest": 3.0, "view_seconds": 3.0}


def _tree_rss_kib(root: int) -> int:
    """Resident memory of ``root`` and all its descendants now, in KiB (Linux ``/proc``)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(entry), int(fields[1])
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total


def timed_build(sources: Path, out: Path, jobs: int, clean: bool) -> dict:
    """``kg build`` as a user runs it, in a fresh process: wall time, peak memory of its whole
    process tree, and what the build printed about the store."""
    args = KG + ["build", str(sources), "--out", str(out), "--jobs", str(jobs)] + (["--clean"] if clean else [])
    peak = 0
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss_kib(process.pid))
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.communicate()[0].decode("utf-8", "replace")
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode not in (0, 1):  # 1: some readout rejected, the build stands
        raise SystemExit(f"kg build failed (exit {process.returncode}):\n{output[-4000:]}")
    summary = json.loads((out / "report.json").read_text(encoding="utf-8")).get("summary", {})
    return {"seconds": seconds, "peak_mib": peak / 1024, "summary": summary, "store": _store_state(out)}


def _store_state(out: Path) -> str:
    """How the build brought its kept store up to date, and in how long (from the store's stamp)."""
    try:
        stamp = json.loads((out / ".store" / "stamp.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "no store (not stamped)"
    return f"{stamp.get('state', '?')} in {stamp.get('seconds', 0):.1f} s"


def _fmt(value: float | None, unit: str = "s", timeout: float | None = None) -> str:
    if value is None:
        return f"> {timeout:.0f} {unit}" if timeout else "-"
    return f"{value:.2f} {unit}" if unit == "s" else f"{value:,.0f} {unit}"


def _verdict(value: float | None, target: float) -> str:
    return "meets" if value is not None and value <= target else "misses"


def report(results: dict) -> str:
    timeout = results["timeout"]
    cold, again, found = results["cold"], results["rebuild"], results["commands"]
    times = list(found["queries"].values())
    known = [t for t in times if t is not None]
    median = statistics.median(t if t is not None else float("inf") for t in times)
    median = None if median == float("inf") else median
    slowest = max(known) if len(known) == len(times) else None
    rows = [
        ("cold build (`--clean`)", _fmt(cold["seconds"]), f"<= {TARGETS['cold_seconds']:.0f} s",
         _verdict(cold["seconds"], TARGETS["cold_seconds"])),
        ("peak memory of the build (all its processes)", _fmt(cold["peak_mib"], "MiB"),
         f"<= {TARGETS['peak_mib']:.0f} MiB", _verdict(cold["peak_mib"], TARGETS["peak_mib"])),
        ("one readout changed: rebuild", _fmt(again["seconds"]), f"<= {TARGETS['rebuild_seconds']:.0f} s",
         _verdict(again["seconds"], TARGETS["rebuild_seconds"])),
        ("peak memory of the rebuild", _fmt(again["peak_mib"], "MiB"), "", ""),
        ("`kg query -n X --format csv`: median", _fmt(median, timeout=timeout), f"<= {TARGETS['query_median']} s",
         _verdict(median, TARGETS["query_median"])),
        ("`kg query -n X --format csv`: slowest", _fmt(slowest, timeout=timeout),
         f"<= {TARGETS['query_slowest']:.0f} s", _verdict(slowest, TARGETS["query_slowest"])),
    ]
    rows += [(f"&nbsp;&nbsp;{name}", _fmt(t, timeout=timeout), "", "") for name, t in found["queries"].items()]
    rows.append(("`kg view interactions`", _fmt(found["view_interactions"], timeout=timeout),
                 f"<= {TARGETS['view_seconds']:.0f} s", _verdict(found["view_interactions"], TARGETS["view_seconds"])))
    summary = cold["summary"]
    lines = [f"### Scale: {results['size']:,} generated readouts ({summary.get('published', 0):,} published, "
             f"{summary.get('quads', 0):,} quads), {results['nproc']} cores, load average at start "
             f"{results['load_before']}", "",
             f"Dump {results['dump_mib']:,.0f} MiB, union {results['union_mib']:,.0f} MiB, kept store "
             f"{results['store_mib']:,.0f} MiB. Store after the cold build: {cold['store'] or '-'}; after the "
             f"rebuild: {again['store'] or '-'}.", "",
             "| measure | figure | target | |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def _mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20 if path.is_dir() else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100000, help="generated readouts (default 100000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers of the build (default: all cores)")
    parser.add_argument("--timeout", type=float, default=60.0, help="give up on a command after this many seconds")
    parser.add_argument("--work", type=Path, default=Path("/tmp/readout-kg-bench-scale"), help="scratch folder")
    parser.add_argument("--json", type=Path, default=None, help="save the results here")
    args = parser.parse_args(argv)
    if not Path("/proc/self/stat").is_file():
        raise SystemExit("bench/scale.py reads memory from /proc (Linux)")
    from generate import generate

    args.work.mkdir(parents=True, exist_ok=True)
    sources = args.work / f"corpus-{args.size}-seed{args.seed}"
    if not (sources.is_dir() and len(list(sources.glob("*.txt"))) == args.size):
        print(f"[{args.size}] generating...", file=sys.stderr)
        shutil.rmtree(sources, ignore_errors=True)
        generate(sources, args.size, args.seed)
    out = args.work / f"build-{args.size}"
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"[{args.size}] cold build...", file=sys.stderr)
    cold = timed_build(sources, out, args.jobs, clean=True)
    first = sorted(sources.glob("*.txt"))[0]
    original = first.read_bytes()
    try:
        first.write_bytes(original + CHANGED.encode("utf-8"))
        print(f"[{args.size}] one readout changed...", file=sys.stderr)
        again = timed_build(sources, out, args.jobs, clean=False)
    finally:
        first.write_bytes(original)
    print(f"[{args.size}] commands...", file=sys.stderr)
    results = {"size": args.size, "nproc": os.cpu_count(), "load_before": load_before, "timeout": args.timeout,
               "cold": cold, "rebuild": again, "commands": commands(out, args.timeout),
               "dump_mib": _mib(out / "readouts.nq"), "union_mib": _mib(out / "union.ttl"),
               "store_mib": _mib(out / ".store"), "load_after": " ".join(f"{x:.2f}" for x in os.getloadavg())}
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

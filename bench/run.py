"""Benchmarks of ``kg build``: end to end, stage by stage, against a naive pipeline, and
a one-readout rebuild; every figure of the README's "Performance" section comes from here.

    python bench/run.py --sizes 1000 10000 --repeat 3  # about 10 minutes on 2 cores
    python bench/run.py --sizes 1000 --naive-max 200  # a quick look

For each size N it generates N readouts (``bench/generate.py``, seed ``--seed``) and measures,
each in a fresh process so that peak memory is that run's own:

* **build**: ``kg build --clean --jobs J`` (cold: no cache), wall time with and without the
  interpreter's start, readouts/s, peak resident memory of the main process and of the
  largest worker; with ``--repeat R``, the fastest of R runs (all are reported);
* **rebuild**: one readout of the N changed (a sentence appended), ``kg build`` again;
* **stages** on one core, per readout, over the first ``--stage-sample`` readouts: read,
  extract, graph (the triples), validate (kg.graph.shacl, pySHACL for graphs it does not pass),
  serialise (the N-Quads and Turtle blocks); then, on the whole dump, loading it into
  pyoxigraph (with the union graph the queries see) and running every ready query;
* **naive**: the same extractor, then an rdflib Dataset holding every graph, one pySHACL run
  over their union and rdflib's N-Quads serialiser. It runs on at most ``--naive-max``
  readouts; above that its time is extrapolated linearly (stated in the table; pySHACL on a
  larger graph is if anything slower per triple, so the ratio is a lower bound).

Extraction throughput on one core is reported too (target: over 200 readouts/s); below the
target, or with ``--profile-extract``, the extractor's hot spots (cProfile) are printed.
Results are printed as Markdown tables and saved as JSON (``--json``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

EXTRACT_TARGET = 200.0  # readouts/s on one core
CHANGED = "\n\nThe two sides also agreed to stay in close contact.\n"


# ---- the children: each measurement in its own process ---------------------------------
def _peak_mb() -> dict[str, float]:
    kb = 1024.0  # ru_maxrss is in KiB on Linux
    return {"main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kb,
            "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / kb}


def child_build(sources: str, out: str, jobs: int, clean: bool) -> dict:
    started = time.perf_counter()
    from kg.build.builder import build

    imported = time.perf_counter()
    result = build(Path(sources), Path(out), jobs=jobs, clean=clean)
    done = time.perf_counter()
    return {"seconds": done - imported, "with_imports": done - started, "summary": result.summary(), **_peak_mb()}


def child_stages(sources: str, dump: str, sample: int) -> dict:
    from kg.extract import extract
    from kg.build.outputs import make_block
    from kg.sparql.query import ensure_union, list_queries, run_query
    from kg.graph.rdf import Minter, extraction_graph
    from kg.knowledge.registry import load_registry
    from kg.sources.reader import list_sources, read_document
    from kg.build.store import load_store
    from kg.graph.validate import shapes_graph, validate_triples

    registry = load_registry()
    for lang in registry.languages:  # compiled once per process in a build too: not a per-readout cost
        registry.gazetteer(lang)
    shapes_graph()
    mint = Minter()
    root = Path(sources)
    paths = list_sources(root)[:sample]
    t = {"read": 0.0, "extract": 0.0, "graph": 0.0, "validate": 0.0, "serialise": 0.0}
    graphs = 0
    for path in paths:
        t0 = time.perf_counter()
        document = read_document(path, root)
        t1 = time.perf_counter()
        extraction = extract(document, registry)
        t2 = time.perf_counter()
        t["read"] += t1 - t0
        t["extract"] += t2 - t1
        if not extraction.events:
            continue
        graph = extraction_graph(extraction, registry, mint)
        t3 = time.perf_counter()
        validate_triples(graph.described())  # with the entities it mentions, as a build does
        t4 = time.perf_counter()
        make_block(graph.lines, str(mint.readout(document.sha256)))
        t5 = time.perf_counter()
        t["graph"] += t3 - t2
        t["validate"] += t4 - t3
        t["serialise"] += t5 - t4
        graphs += 1
    t0 = time.perf_counter()
    store = ensure_union(load_store(Path(dump)), force=True)
    t1 = time.perf_counter()
    rows, each = {}, {}
    for name, path in list_queries().items():
        q0 = time.perf_counter()
        rows[name] = len(run_query(store, path.read_text(encoding="utf-8")).rows or [])
        each[name] = time.perf_counter() - q0
    t2 = time.perf_counter()
    return {"readouts": len(paths), "graphs": graphs, "seconds": t, "load": t1 - t0, "query": t2 - t1,
            "query_rows": rows, "query_seconds": each, "quads": len(store), **_peak_mb()}


def child_profile_extract(sources: str, count: int) -> dict:
    import cProfile
    import io
    import pstats

    from kg.extract import extract
    from kg.knowledge.registry import load_registry
    from kg.sources.reader import list_sources, read_document

    registry = load_registry()
    root = Path(sources)
    documents = [read_document(p, root) for p in list_sources(root)[:count]]
    for lang in registry.languages:
        registry.gazetteer(lang)
    profile = cProfile.Profile()
    profile.enable()
    for document in documents:
        extract(document, registry)
    profile.disable()
    text = io.StringIO()
    pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(18)
    return {"profile": text.getvalue()}


def child_naive(sources: str, out: str, count: int) -> dict:
    """The naive pipeline: rdflib Dataset + one pySHACL run over the whole graph + rdflib N-Quads."""
    from pyshacl import validate as shacl_validate
    from rdflib import Dataset, Graph, URIRef

    from kg.extract import extract
    from kg.graph.rdf import Minter, extraction_triples, registry_triples
    from kg.knowledge.registry import load_registry
    from kg.sources.reader import list_sources, read_document
    from kg.graph.validate import shapes_graph

    registry = load_registry()
    mint = Minter()
    root = Path(sources)
    paths = list_sources(root)[:count]
    t = {"read+extract": 0.0, "graph": 0.0, "validate": 0.0, "serialise": 0.0}
    t0 = time.perf_counter()
    extractions = [extract(read_document(p, root), registry) for p in paths]
    t1 = time.perf_counter()
    dataset = Dataset()
    for s, p, o in registry_triples(registry, mint):
        dataset.graph(mint.registry_graph()).add((s, p, o))
    for extraction in extractions:
        if extraction.events:
            graph = dataset.graph(URIRef(mint.readout(extraction.document.sha256)))
            for triple in extraction_triples(extraction, registry, mint):
                graph.add(triple)
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    t2 = time.perf_counter()
    conforms, _, _ = shacl_validate(union, shacl_graph=shapes_graph(), inference="none", abort_on_first=False,
                                    allow_warnings=False, advanced=False)
    t3 = time.perf_counter()
    dataset.serialize(destination=out, format="nquads")
    t4 = time.perf_counter()
    t.update({"read+extract": t1 - t0, "graph": t2 - t1, "validate": t3 - t2, "serialise": t4 - t3})
    return {"readouts": len(paths), "seconds": t, "total": t4 - t0, "conforms": bool(conforms), **_peak_mb()}


CHILDREN = {"build": child_build, "stages": child_stages, "naive": child_naive, "profile": child_profile_extract}


def _child(kind: str, *args) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind, json.dumps(args)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=BENCH.parent)
    if done.returncode != 0:
        raise SystemExit(f"bench child {kind} failed:\n{done.stderr[-4000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    return result


# ---- the parent ----------------------------------------------------------------------------
def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib import metadata

    versions = {name: metadata.version(name) for name in ("rdflib", "pyshacl", "pyoxigraph")}
    return {"nproc": os.cpu_count(), "cpu": model or platform.processor(), "python": platform.python_version(),
            "platform": platform.platform(), **versions}


def corpus(work: Path, size: int, seed: int) -> Path:
    from generate import Corpus, generate

    folder = work / f"corpus-{size}-seed{seed}"
    if not (folder.is_dir() and len(list(folder.glob("*.txt"))) == size):
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, size, seed, corpus=Corpus())
    return folder


def run_size(work: Path, size: int, args: argparse.Namespace) -> dict:
    source = corpus(work, size, args.seed)
    out = work / f"build-{size}"
    shutil.rmtree(out, ignore_errors=True)
    loads = [os.getloadavg()[0]]
    print(f"[{size}] cold build (--clean --jobs {args.jobs}) x{args.repeat}...", file=sys.stderr)
    colds = [_child("build", str(source), str(out), args.jobs, True) for _ in range(args.repeat)]
    cold = min(colds, key=lambda r: r["seconds"])
    cold["runs"] = [r["seconds"] for r in colds]
    print(f"[{size}]   {cold['runs']} s; one readout changed, rebuild x{args.repeat}...", file=sys.stderr)
    changed = sorted(source.glob("*.txt"))[size // 2]
    original = changed.read_bytes()
    rebuilds = []
    try:
        for n in range(args.repeat):
            loads.append(os.getloadavg()[0])
            changed.write_bytes(original + CHANGED.replace("contact", f"contact ({n + 1})").encode("utf-8"))
            rebuilds.append(_child("build", str(source), str(out), args.jobs, False))
    finally:
        changed.write_bytes(original)
    rebuild = min(rebuilds, key=lambda r: r["seconds"])
    rebuild["runs"] = [r["seconds"] for r in rebuilds]
    _child("build", str(source), str(out), args.jobs, False)  # back to the corpus as generated
    print(f"[{size}]   {rebuild['seconds']:.2f} s; stages on one core...", file=sys.stderr)
    stages = _child("stages", str(source), str(out / "readouts.nq"), min(size, args.stage_sample))
    naive_n = min(size, args.naive_max)
    print(f"[{size}] naive pipeline on {naive_n} readouts...", file=sys.stderr)
    naive = _child("naive", str(source), str(work / f"naive-{size}.nq"), naive_n)
    (work / f"naive-{size}.nq").unlink(missing_ok=True)
    scale = size / naive_n
    loads.append(os.getloadavg()[0])
    result = {"size": size, "cold": cold, "rebuild": rebuild, "stages": stages, "naive": naive, "load_average": loads,
              "naive_measured": naive_n, "naive_extrapolated": naive_n < size,
              "naive_total": naive["total"] * scale, "dump_bytes": (out / "readouts.nq").stat().st_size,
              "union_bytes": (out / "union.ttl").stat().st_size}
    result["speedup"] = result["naive_total"] / cold["seconds"]
    extract_rate = stages["readouts"] / stages["seconds"]["extract"]
    result["extract_per_s"] = extract_rate
    if extract_rate < EXTRACT_TARGET or args.profile_extract:
        result["extract_profile"] = _child("profile", str(source), min(size, 500))["profile"]
    return result


def table(results: list[dict], info: dict, jobs: int) -> str:
    lines = [f"Machine: {info['nproc']} cores ({info['cpu']}), Python {info['python']}, rdflib {info['rdflib']}, "
             f"pySHACL {info['pyshacl']}, pyoxigraph {info['pyoxigraph']}.", ""]
    sizes = [r["size"] for r in results]
    head = "| | " + " | ".join(f"{n:,} readouts" for n in sizes) + " |"
    lines += [head, "|---|" + "---|" * len(sizes)]

    def row(label: str, values: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    row(f"cold build, `--jobs {jobs}` (s)", [f"{r['cold']['seconds']:.1f}" for r in results])
    if any(len(r["cold"].get("runs", [])) > 1 for r in results):
        row("  (fastest of)", [", ".join(f"{x:.1f}" for x in r["cold"]["runs"]) for r in results])
    row("  same, with interpreter start (s)", [f"{r['cold']['process_seconds']:.1f}" for r in results])
    row("  readouts/s", [f"{r['size'] / r['cold']['seconds']:,.0f}" for r in results])
    row("  published / quads", [f"{r['cold']['summary']['published']:,} / {r['cold']['summary']['quads']:,}"
                                for r in results])
    row("  peak memory: main / largest worker (MB)",
        [f"{r['cold']['main_mb']:,.0f} / {r['cold']['worker_mb']:,.0f}" for r in results])
    row("  dump / union size (MB)", [f"{r['dump_bytes'] / 1e6:,.0f} / {r['union_bytes'] / 1e6:,.0f}" for r in results])
    row("one readout changed: rebuild (s)", [f"{r['rebuild']['seconds']:.2f}" for r in results])
    if any(len(r["rebuild"].get("runs", [])) > 1 for r in results):
        row("  (fastest of)", [", ".join(f"{x:.2f}" for x in r["rebuild"]["runs"]) for r in results])
    row("  same, with interpreter start (s)", [f"{r['rebuild']['process_seconds']:.2f}" for r in results])
    row("naive pipeline (s)", [f"{r['naive_total']:,.0f}" + (f" (extrapolated from {r['naive_measured']:,})"
                                                             if r["naive_extrapolated"] else "") for r in results])
    row("  naive peak memory (MB)", [f"{r['naive']['main_mb']:,.0f}" + (f" (at {r['naive_measured']:,})"
                                                                       if r["naive_extrapolated"] else "")
                                     for r in results])
    row("speed-up over naive", [f"{r['speedup']:.1f}x" for r in results])
    row("load average during the runs", [f"{min(r['load_average']):.1f}-{max(r['load_average']):.1f}" for r in results])
    if len(results) > 1:
        base = results[0]
        for r in results[1:]:
            row(f"time {r['size']:,} / time {base['size']:,}",
                [""] * (len(results) - 1) + [f"{r['cold']['seconds'] / base['cold']['seconds']:.1f}x "
                                             f"(size {r['size'] / base['size']:.0f}x)"])
    lines += ["", "Stages on one core (ms per readout; load and query: whole dump, s):", ""]
    lines += [head, "|---|" + "---|" * len(sizes)]
    for stage in ("read", "extract", "graph", "validate", "serialise"):
        row(stage, [f"{r['stages']['seconds'][stage] / r['stages']['readouts'] * 1e3:.2f}" for r in results])
    row("  (measured on)", [f"{r['stages']['readouts']:,} readouts" for r in results])
    row("load into pyoxigraph (s)", [f"{r['stages']['load']:.1f}" for r in results])
    row(f"query: the {len(results[0]['stages']['query_rows'])} ready queries (s)",
        [f"{r['stages']['query']:.2f}" for r in results])
    row("extraction on one core (readouts/s)", [f"{r['extract_per_s']:,.0f}" for r in results])
    lines += ["", "Each ready query on the whole dump (ms, rows):", ""]
    lines += [head, "|---|" + "---|" * len(sizes)]
    for name in results[0]["stages"]["query_seconds"]:
        row(f"`{name}`", [f"{r['stages']['query_seconds'][name] * 1e3:,.0f} ({r['stages']['query_rows'][name]:,})"
                          for r in results])
    row("**median**", [f"{statistics.median(r['stages']['query_seconds'].values()) * 1e3:,.0f}" for r in results])
    lines += ["", "Naive pipeline stages (s, on the readouts measured):", ""]
    lines += [head, "|---|" + "---|" * len(sizes)]
    for stage in ("read+extract", "graph", "validate", "serialise"):
        row(stage, [f"{r['naive']['seconds'][stage]:.1f}" for r in results])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (default 1000 10000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers of the build (default: all cores)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--naive-max", type=int, default=1000,
                        help="run the naive pipeline on at most this many readouts, extrapolate above (default 1000)")
    parser.add_argument("--stage-sample", type=int, default=2000,
                        help="readouts the one-core stage timings are measured on (default 2000)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the build and the rebuild this many times and keep the fastest (default 1)")
    parser.add_argument("--profile-extract", action="store_true", help="print the extractor's hot spots anyway")
    parser.add_argument("--work", type=Path, default=Path("/tmp/readout-kg-bench"), help="scratch folder")
    parser.add_argument("--json", type=Path, default=None, help="save the results here (default WORK/results.json)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, payload = args.child
        print(json.dumps(CHILDREN[kind](*json.loads(payload))))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    info = machine()
    results = [run_size(args.work, size, args) for size in sorted(args.sizes)]
    text = table(results, info, args.jobs)
    print(text)
    for r in results:
        if "extract_profile" in r:
            print(f"\nExtractor hot spots ({r['size']:,} readouts corpus, first 500, cProfile by own time):\n")
            print(r["extract_profile"])
    target = args.json or args.work / "results.json"
    target.write_text(json.dumps({"machine": info, "jobs": args.jobs, "results": results}, indent=2) + "\n")
    print(f"\nresults saved to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

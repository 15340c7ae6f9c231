"""`kg build`: every readout of a folder through the pipeline, in parallel, into a dump.

Readouts are independent: each gets its own named graph and its own validation, so one
broken file is reported and left out while the others are published. Results stream to
disk in source order whatever the number of workers, so dumps are byte-identical across
runs and ``--jobs`` values.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterator

from kg.errors import BuildFailed
from kg.namespaces import DEFAULT_BASE
from kg.pipeline import process_path
from kg.rdf import Minter, registry_triples
from kg.registry import load_registry
from kg.sources import list_sources
from kg.store import DUMP_NQ, DUMP_TTL, REPORT_JSON, REPORT_TXT, atomic_writer, quad_lines, write_turtle

__all__ = ["BuildResult", "DocumentStatus", "build"]


@dataclass
class DocumentStatus:
    source: str
    status: str  # published | rejected | error | duplicate
    graph: str | None = None
    reasons: list[str] = field(default_factory=list)
    events: int = 0
    endorsements: int = 0
    people: list[str] = field(default_factory=list)


@dataclass
class BuildResult:
    out: Path
    documents: list[DocumentStatus]
    seconds: float
    quads: int
    actors: int

    @property
    def published(self) -> list[DocumentStatus]:
        return [d for d in self.documents if d.status == "published"]

    @property
    def rejected(self) -> list[DocumentStatus]:
        return [d for d in self.documents if d.status in ("rejected", "error")]

    def summary(self) -> dict:
        return {
            "documents": len(self.documents),
            "published": len(self.published),
            "rejected": len(self.rejected),
            "duplicates": sum(1 for d in self.documents if d.status == "duplicate"),
            "events": sum(d.events for d in self.published),
            "actors": self.actors,
            "endorsements": sum(d.endorsements for d in self.published),
            "violations": sum(len(d.reasons) for d in self.documents if d.status == "rejected"),
            "quads": self.quads,
            "seconds": round(self.seconds, 2),
        }


# ---- worker side ---------------------------------------------------------------------
_WORKER: dict = {}


def _init_worker(root: str, base: str, lang: str | None) -> None:
    _WORKER.update(root=Path(root), base=base, lang=lang, registry=load_registry())


def _work(path: str) -> tuple:
    """Runs in a worker: everything one readout needs, returned as plain strings."""
    outcome = process_path(Path(path), _WORKER["root"], _WORKER["registry"], _WORKER["base"], _WORKER["lang"])
    if outcome.error:
        return (outcome.source, outcome.sha256, "error", None, [outcome.error], 0, 0, [], "")
    if outcome.violations:
        reasons = [f"{outcome.source}: {v.line()}" for v in outcome.violations]
        return (outcome.source, outcome.sha256, "rejected", outcome.graph_iri, reasons, 0, 0, [], "")
    extraction = outcome.extraction
    people = sorted({f"{p.country}:{p.name}" for e in extraction.events for p in e.participants})
    return (outcome.source, outcome.sha256, "published", outcome.graph_iri, [], len(extraction.events),
            len(extraction.endorsements), people, quad_lines(outcome.triples, outcome.graph_iri))


def _results(paths: list[Path], root: Path, base: str, lang: str | None, jobs: int) -> Iterator[tuple]:
    if jobs <= 1 or len(paths) < 8:
        _init_worker(str(root), base, lang)
        for path in paths:
            yield _work(str(path))
        return
    context = get_context("fork" if sys.platform != "win32" else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(str(root), base, lang)) as pool:
        yield from pool.imap(_work, [str(p) for p in paths], chunksize=max(1, min(64, len(paths) // (jobs * 8) or 1)))


def build(sources: Path, out: Path, base: str = DEFAULT_BASE, lang: str | None = None, jobs: int | None = None,
          progress: Callable[[int, int, str], None] | None = None, strict: bool = False) -> BuildResult:
    """Build ``sources`` into ``out``: N-Quads dump, Turtle union, validation report.

    With ``strict``, any rejected readout fails the build with :class:`BuildFailed` and the
    previous dump is left as it was (the report still says why)."""
    started = time.perf_counter()
    Minter(base)  # fail early on a bad --base
    registry = load_registry()
    root = sources
    paths = list_sources(sources)
    jobs = jobs or os.cpu_count() or 1
    documents: list[DocumentStatus] = []
    seen_hashes: dict[str, str] = {}
    quads = 0
    actors: set[str] = set()
    out.mkdir(parents=True, exist_ok=True)
    with atomic_writer(out / DUMP_NQ) as dump:
        registry_lines = quad_lines(registry_triples(registry, Minter(base)), Minter(base).registry_graph())
        dump.write(registry_lines)
        quads += registry_lines.count("\n")
        for done, result in enumerate(_results(paths, root, base, lang, jobs), 1):
            source, sha, status, graph, reasons, events, endorsements, people, lines = result
            if status == "published" and sha in seen_hashes:
                status, reasons = "duplicate", [f"{source}: same content as {seen_hashes[sha]}; built once"]
                lines = ""
            if sha and status == "published":
                seen_hashes[sha] = source
            documents.append(DocumentStatus(source, status, graph, reasons, events, endorsements, people))
            if lines:
                dump.write(lines)
                quads += lines.count("\n")
                actors.update(people)
            if progress:
                progress(done, len(paths), source)
        if strict and any(d.status in ("rejected", "error") for d in documents):
            failed = BuildResult(out, documents, time.perf_counter() - started, quads, len(actors))
            _write_reports(failed)
            rejected = sum(1 for d in documents if d.status in ("rejected", "error"))
            raise BuildFailed(f"--strict: {rejected} readout(s) rejected; previous dump kept (see {out / REPORT_TXT})")
    write_turtle(out / DUMP_NQ, out / DUMP_TTL)
    result = BuildResult(out, documents, time.perf_counter() - started, quads, len(actors))
    _write_reports(result)
    return result


def _write_reports(result: BuildResult) -> None:
    report = {
        "summary": {k: v for k, v in result.summary().items() if k != "seconds"},
        "documents": [
            {"source": d.source, "status": d.status, "graph": d.graph, "events": d.events,
             "endorsements": d.endorsements, "reasons": d.reasons}
            for d in result.documents
        ],
    }
    with atomic_writer(result.out / REPORT_JSON) as handle:
        json.dump(report, handle, ensure_ascii=False, indent=2, sort_keys=True)
        handle.write("\n")
    with atomic_writer(result.out / REPORT_TXT) as handle:
        for d in result.documents:
            if d.status != "published":
                for reason in d.reasons:
                    handle.write(f"{d.status.upper()}\t{reason}\n")
        s = report["summary"]
        handle.write(f"{s['published']} of {s['documents']} readouts published; {s['rejected']} rejected; "
                     f"{s['duplicates']} duplicates\n")

"""`kg build`: every readout of a folder through the pipeline, in parallel, into a dump.

Readouts are independent: each gets its own named graph and its own validation, so one
broken file is reported and left out while the others are published. Results stream to
disk in source order whatever the number of workers, so dumps are byte-identical across
runs and ``--jobs`` values.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import sqlite3
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.build.cache import CACHE_DIR, ENTITIES_ENTRY, REGISTRY_ENTRY, STATISTICS_ENTRY, BuildCache, CacheDamaged, config_key
from kg.graph.entities import entity_graphs, mentions_blob
from kg.errors import BuildFailed, SourceError
from kg.sources.manifest import read_manifest
from kg.namespaces import DEFAULT_BASE
from kg.build.outputs import OutputWriter, make_block
from kg.build.pipeline import process_path
from kg.graph.rdf import Minter, registry_triples, sort_triples
from kg.knowledge.registry import load_registry
from kg.build.statistics import Facts, readout_facts, statistics_parts, tally
from kg.build.tally_store import TallyStore, facts_digest, facts_of, facts_text
from kg.sources.reader import SOURCE_SUFFIXES, display_name, list_sources, source_name
from kg.build.store import DUMP_NQ, DUMP_TTL, REPORT_JSON, REPORT_TXT, sync_store
from kg.files import atomic_writer, folder_lock, remove_stale_temporaries

__all__ = ["BuildResult", "DocumentStatus", "build"]


@dataclass
class DocumentStatus:
    source: str
    status: str  # published | rejected | error | skipped | duplicate
    graph: str | None = None
    reasons: list[str] = field(default_factory=list)  # of a published readout: its flags (truncated...)
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
    problems: list[str] = field(default_factory=list)  # manifest rows that could not be used
    merged: int = 0  # reports of an encounter another published readout reports too, beyond the first

    @property
    def published(self) -> list[DocumentStatus]:
        return [d for d in self.documents if d.status == "published"]

    @property
    def rejected(self) -> list[DocumentStatus]:
        return [d for d in self.documents if d.status in ("rejected", "error")]

    @property
    def skipped(self) -> list[DocumentStatus]:
        """Texts read that hold nothing to publish (no encounter, a language not read): not errors."""
        return [d for d in self.documents if d.status == "skipped"]

    @property
    def flagged(self) -> list[DocumentStatus]:
        """Published readouts with a warning: kept, but something looks missing."""
        return [d for d in self.documents if d.status == "published" and d.reasons]

    def summary(self) -> dict:
        return {
            "documents": len(self.documents),
            "published": len(self.published),
            "flagged": len(self.flagged),
            "rejected": len(self.rejected),
            "skipped": len(self.skipped),
            "duplicates": sum(1 for d in self.documents if d.status == "duplicate"),
            "events": sum(d.events for d in self.published),  # the readouts' reports of encounters
            "encounters": sum(d.events for d in self.published) - self.merged,  # the encounters they report
            "actors": self.actors,
            "endorsements": sum(d.endorsements for d in self.published),
            "violations": sum(len(d.reasons) for d in self.documents if d.status == "rejected"),
            "quads": self.quads,
            "problems": len(self.problems),
            "seconds": round(self.seconds, 2),
        }


# ---- worker side ---------------------------------------------------------------------
_WORKER: dict = {}


def _init_worker(root: str, base: str, lang: str | None, manifest: dict | None = None) -> None:
    _WORKER.update(root=Path(root), base=base, lang=lang, registry=load_registry(), manifest=manifest or {})


def _work(path: str) -> tuple:
    """Runs in a worker: everything one readout needs, returned as plain strings."""
    metadata = _WORKER["manifest"].get(source_name(Path(path), _WORKER["root"]), {})
    outcome = process_path(Path(path), _WORKER["root"], _WORKER["registry"], _WORKER["base"], _WORKER["lang"],
                           metadata=metadata)
    if outcome.error:
        status = "skipped" if outcome.skipped else "error"
        return (outcome.source, outcome.sha256, status, None, [outcome.error], 0, 0, [], None, None)
    if outcome.violations:
        reasons = [f"{outcome.source}: {v.line()}" for v in outcome.violations]
        return (outcome.source, outcome.sha256, "rejected", outcome.graph_iri, reasons, 0, 0, [], None, None)
    extraction = outcome.extraction
    people = sorted({f"{p.country}:{p.name}" for e in extraction.events for p in e.participants})
    # the facts of people the registry does not know are in the descriptions the graph references
    return (outcome.source, outcome.sha256, "published", outcome.graph_iri, outcome.flags, len(extraction.events),
            len(extraction.endorsements), people,
            make_block(outcome.lines, outcome.graph_iri, mentions_blob(outcome.graph)),
            facts_text(readout_facts(outcome.lines + outcome.graph.entity_lines)))


def _results(paths: list[Path], root: Path, base: str, lang: str | None, jobs: int,
             manifest: dict | None = None) -> Iterator[tuple]:
    if jobs <= 1 or len(paths) < 8:
        _init_worker(str(root), base, lang, manifest)
        for path in paths:
            yield _work(str(path))
        return
    context = get_context("fork" if sys.platform != "win32" else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(str(root), base, lang, manifest)) as pool:
        yield from pool.imap(_work, [str(p) for p in paths], chunksize=max(1, min(64, len(paths) // (jobs * 8) or 1)))


def _cached_results(paths: list[Path], names: list[str], keys: list[str | None], cache: BuildCache, root: Path,
                    base: str, lang: str | None, jobs: int, manifest: dict | None = None) -> Iterator[tuple]:
    """:func:`_results` for every path in order, taking from ``cache`` what it holds."""
    hits = [cache.get(name, key) for name, key in zip(names, keys)]
    fresh = _results([p for p, hit in zip(paths, hits) if hit is None], root, base, lang, jobs, manifest)
    try:
        for hit in hits:
            yield hit if hit is not None else next(fresh)
    finally:
        fresh.close()  # the workers end here, not when the generator is collected


def _source_names(paths: list[Path], root: Path) -> list[str]:
    """:func:`~kg.sources.reader.source_name` of each path, by string (10,000 paths in milliseconds)."""
    prefix = str(root).rstrip(os.sep) + os.sep if root.is_dir() else None
    return [display_name(str(p)[len(prefix):].replace(os.sep, "/")) if prefix and str(p).startswith(prefix)
            else source_name(p, root) for p in paths]


def build(sources: Path, out: Path, base: str = DEFAULT_BASE, lang: str | None = None, jobs: int | None = None,
          progress: Callable[[int, int, str], None] | None = None, strict: bool = False,
          clean: bool = False, notify: Callable[[str], None] | None = None,
          full_registry: bool = False) -> BuildResult:
    """Build ``sources`` into ``out``: N-Quads dump, Turtle union, validation report.

    The registry graph holds the entities some published readout mentions, or the whole
    registry with ``full_registry`` (:mod:`kg.graph.entities`).

    Readouts unchanged since the last build into ``out`` are taken from its cache
    (:mod:`kg.build.cache`); ``clean`` ignores the cache and rebuilds everything. Either way the
    outputs are the same bytes.

    With ``strict``, any rejected readout fails the build with :class:`BuildFailed` and the
    previous dump is left as it was (the report still says why). A build into a folder
    another build is writing to waits for it; a cache found damaged is set aside and the
    build done without it: ``notify`` is told either (a line of text)."""
    try:
        return _build(sources, out, base, lang, jobs, progress, strict, clean, notify, full_registry)
    except CacheDamaged as exc:
        if clean:
            raise
        if notify is not None:
            notify(f"the build cache in {out / CACHE_DIR} is damaged ({exc}); building without it")
        return _build(sources, out, base, lang, jobs, progress, strict, True, notify, full_registry)


def _build(sources: Path, out: Path, base: str, lang: str | None, jobs: int | None,
           progress: Callable[[int, int, str], None] | None, strict: bool, clean: bool,
           notify: Callable[[str], None] | None, full_registry: bool = False) -> BuildResult:
    started = time.perf_counter()
    Minter(base)  # fail early on a bad --base
    registry = load_registry()
    root = sources
    paths = list_sources(sources)
    if not paths:  # nothing to build: keep the previous dump rather than replace it by an empty one
        raise SourceError(f"{sources}: no readouts ({', '.join(SOURCE_SUFFIXES)} files) found")
    names = _source_names(paths, sources)
    manifest = read_manifest(sources, registry.language_codes, names)
    jobs = jobs or os.cpu_count() or 1
    documents: list[DocumentStatus] = []
    seen_hashes: dict[str, str] = {}
    actors: set[str] = set()
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out)  # left by a build that was killed
    config = config_key(registry, base, lang)
    waiting = (lambda: notify(f"another build is writing to {out}; waiting for it to end")) if notify else None
    with folder_lock(out / CACHE_DIR, waiting), \
            BuildCache(out, config, out / DUMP_NQ, out / DUMP_TTL, use=not clean) as cache, _frozen_heap():
        keys = [cache.key(path, name, manifest.entries.get(name), root) for path, name in zip(paths, names)]
        with atomic_writer(out / DUMP_NQ, binary=True) as dump, atomic_writer(out / DUMP_TTL, binary=True) as union:
            writer = OutputWriter(dump, union, cache.previous_outputs())
            results = _cached_results(paths, names, keys, cache, root, base, lang, jobs, manifest.entries)
            contributions: dict[str, tuple[str | None, Facts | str | None]] = {}  # source -> (key, facts as JSON text)
            for done, (key, result) in enumerate(zip(keys, results), 1):
                source, sha, status, graph, reasons, events, endorsements, people, block, facts = result
                reasons = [_one_line(reason) for reason in reasons]
                if status == "published" and sha in seen_hashes:
                    status, reasons = "duplicate", [f"{source}: same content as {seen_hashes[sha]}; built once"]
                if sha and status == "published":
                    seen_hashes[sha] = source
                if strict and status == "published" and reasons:  # --strict: a flagged readout is not good enough
                    status, reasons = "rejected", [f"{r} (rejected: --strict)" for r in reasons]
                documents.append(DocumentStatus(source, status, graph, reasons, events, endorsements, people))
                if status == "published":
                    cache.put(source, key, result, block, *writer.add(block))
                    actors.update(people)
                    contributions[source] = (key, facts)
                else:
                    cache.put(source, key, result, block)
                if progress:
                    progress(done, len(paths), source)
            results.close()  # every readout is in: the workers and what they hold go now
            _add_entity_graphs(writer, cache, registry, Minter(base), full_registry)
            merged = _add_statistics(writer, cache, contributions, registry, Minter(base), notify)
            problems = [_one_line(problem) for problem in manifest.problems]
            if strict and (problems or any(d.status in ("rejected", "error") for d in documents)):
                failed = BuildResult(out, documents, time.perf_counter() - started, writer.quads, len(actors), problems,
                                     merged)
                _write_reports(failed)
                rejected = sum(1 for d in documents if d.status in ("rejected", "error"))
                raise BuildFailed(f"--strict: {rejected} readout(s) rejected, {len(problems)} manifest row(s) "
                                  f"skipped; previous dump kept (see {out / REPORT_TXT})")
            cache.put_outputs(writer.finish(cache.previous_shared()), writer.identity)
            result = BuildResult(out, documents, time.perf_counter() - started, writer.quads, len(actors), problems,
                                 merged)
            # the reports are renamed into place before the dump and the union (whose writers
            # close after): anything that fails up to here leaves every output of the last build
            _write_reports(result)
        cache.commit()
        # what the readouts left here is not needed any more: give it back before the store
        # process starts (the build of 100,000 readouts holds about a GiB)
        del contributions, results, writer, keys, seen_hashes
        _give_back_memory()
        sync_store(out)  # the on-disk query store (kg/build/store.py), to the new dump
        # the time the summary gives is the whole build's: the outputs' syncs and renames and the
        # store come after the reports (which hold no time, so that they stay byte-identical)
        result.seconds = time.perf_counter() - started
        return result


def _give_back_memory() -> None:
    """Collect, and hand the heap's free pages back to the system (glibc's ``malloc_trim``;
    nothing elsewhere): Python keeps freed memory for itself, which at 100,000 readouts
    would sit beside the store's process for nothing."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep the objects alive now (the build cache's index, tens of thousands of them on a large
    corpus) out of the garbage collector's way while the build runs: they live until its
    end, and scanning them again at every full collection costs a rebuild a tenth of its
    time."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _add_entity_graphs(writer: OutputWriter, cache: BuildCache, registry, mint: Minter, full: bool) -> None:
    """Append the registry graph and the entities graph for the readouts written so far
    (:mod:`kg.graph.entities`): copied from the last outputs when the readouts bring the same
    mentions and descriptions as last time, made again otherwise."""
    key = hashlib.sha256(f"{cache.config}:{int(full)}:{writer.entities_digest()}".encode()).hexdigest()
    graphs = ((REGISTRY_ENTRY, str(mint.registry_graph())), (ENTITIES_ENTRY, str(mint.entities_graph())))
    hits = [cache.get(entry, key) for entry, _ in graphs]
    if any(hit is None for hit in hits):
        made = entity_graphs(writer.entities, lambda: sort_triples(registry_triples(registry, mint))[1], full)
        blocks = [make_block(lines, graph) for lines, (_, graph) in zip(made, graphs)]
    else:
        blocks = [hit[8] for hit in hits]
    for (entry, graph), block in zip(graphs, blocks):
        cache.put(entry, key, (entry, None, "published", graph, [], 0, 0, [], None, None), block, *writer.add(block))


def _add_statistics(writer: OutputWriter, cache: BuildCache,
                    contributions: dict[str, tuple[str | None, Facts | str | None]], registry, mint: Minter,
                    notify: Callable[[str], None] | None = None) -> int:
    """Append the statistics graph (:mod:`kg.build.statistics`) of the published readouts' facts
    (``contributions``: source -> (key, facts), facts None when they are in the cache), in
    parts. The counts of the last build are updated by the readouts that changed
    (:mod:`kg.build.tally_store`); a part none of whose cells changed is copied from the last
    outputs, as is any other whose lines are those of the last build. Counts found damaged
    are made afresh from the readouts' facts (``notify`` is told). Returns how many reports
    of encounters are of one another readout reports too (the reports less the encounters
    they make), for the build summary."""
    represents = [(f"<{mint.person(p.name, p.country)}>", f"<{mint.actor(p.country, registry)}>")
                  for p in registry.people]
    graph = str(mint.statistics_graph())
    store = cache.tallies(graph, represents)
    try:
        damage = store.damage() if store is not None else None
    except sqlite3.Error as exc:
        raise CacheDamaged(str(exc)) from exc
    if store is None:  # no cache to keep counts in: count every readout
        try:
            facts = [_facts(cache, source, key, f) for source, (key, f) in contributions.items()]
        except ValueError as exc:
            raise CacheDamaged(str(exc)) from exc
        tallies = tally((facts_of(f) for f in facts), represents)
        parts: Iterable[tuple[str, list[str] | None]] = statistics_parts(tallies, graph)
        touched = None
        merged = tallies.reports - len(tallies.encounter_reports)
    else:
        try:
            touched, damage = _update_counts(store, cache, contributions, damage)
            parts = ((name, None) for name in store.parts())
            reports, encounters = store.encounters()
            merged = reports - encounters
        except sqlite3.Error as exc:  # the index file itself is damaged
            raise CacheDamaged(str(exc)) from exc
        if damage is not None and notify is not None:
            notify(f"the statistics counts in the build cache {cache.folder} were damaged ({damage}); counted afresh")
    for name, lines in parts:
        source = f"{STATISTICS_ENTRY}{name}"
        key = cache.previous_key(source) if touched is not None and name not in touched else None
        hit = cache.get(source, key)
        if hit is None:
            lines = lines if lines is not None else store.part_lines(name)
            key = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
            hit = cache.get(source, key)
        block = hit[8] if hit is not None else make_block(lines, graph)
        cache.put(source, key, (source, None, "published", graph, [], 0, 0, [], None, None), block, *writer.add(block))
    return merged


def _update_counts(store: TallyStore, cache: BuildCache,
                   contributions: dict[str, tuple[str | None, Facts | str | None]],
                   damage: str | None = None) -> tuple[set[str] | None, str | None]:
    """Bring the stored counts to ``contributions``: take out the readouts counted last
    time that changed or went, add the new ones. Returns the parts whose cells changed, or
    None (every part) when the counts were made afresh, and why they were: ``damage`` (the
    store found damaged), or what in the cache does not add up."""
    digests = store.digests()
    if damage is None:
        counted = {source: key for source, (key, _) in digests.items()}
        try:
            gone = {source: (key, _facts(cache, source, key, None, digests)) for source, key in counted.items()
                    if source not in contributions or contributions[source][0] != key}
            new = {source: (key, _facts(cache, source, key, facts, digests))
                   for source, (key, facts) in contributions.items() if source not in counted or counted[source] != key}
            return store.update(gone, new), None
        except ValueError as exc:
            damage = str(exc)
    store.clear()
    try:
        store.update({}, {source: (key, _facts(cache, source, key, facts, digests))
                          for source, (key, facts) in contributions.items()})
    except ValueError as exc:  # facts of readouts taken from the cache are gone
        raise CacheDamaged(str(exc)) from exc
    return None, damage


def _facts(cache: BuildCache, source: str, key: str | None, facts: Facts | str | None,
           digests: dict[str, tuple[str | None, str | None]] | None = None) -> Facts | str:
    """A readout's statistics facts: as the worker gave them (JSON text), or from the cache, where they
    must match the digest the counts keep of them (``digests``, when they name the readout
    with this key)."""
    if facts is not None:
        return facts
    cached = cache.facts(source, key)
    if cached is None:
        raise ValueError(f"{source}: its statistics facts are not in the cache")
    kept_key, digest = (digests or {}).get(source, (None, None))
    if digest is not None and kept_key == key and facts_digest(cached) != digest:
        raise ValueError(f"{source}: its statistics facts in the cache do not match their digest")
    return cached


def _one_line(text: str) -> str:
    """A reason as one line of a report: its line breaks (from whatever text it quotes) escaped."""
    return text.replace("\r", "\\r").replace("\n", "\\n") if "\n" in text or "\r" in text else text


def _write_reports(result: BuildResult) -> None:
    """``report.json`` and ``report.txt``, both made in full before either is renamed into place."""
    report = {
        "summary": {k: v for k, v in result.summary().items() if k != "seconds"},
        "problems": result.problems,
        "documents": [
            {"source": d.source, "status": d.status, "graph": d.graph, "events": d.events,
             "endorsements": d.endorsements, "reasons": d.reasons}
            for d in result.documents
        ],
    }
    lines = []
    for d in result.documents:
        for reason in d.reasons:
            lines.append(f"{'FLAGGED' if d.status == 'published' else d.status.upper()}\t{reason}\n")
    for problem in result.problems:
        lines.append(f"MANIFEST\t{problem}\n")
    s = report["summary"]
    lines.append(f"{s['published']} of {s['documents']} readouts published ({s['flagged']} flagged); {s['rejected']} "
                 f"rejected; {s['skipped']} skipped; {s['duplicates']} duplicates\n")
    as_json, as_text = _report_json(report).encode("utf-8"), "".join(lines).encode("utf-8")  # fails here, if at all
    with atomic_writer(result.out / REPORT_JSON, binary=True) as json_handle, \
            atomic_writer(result.out / REPORT_TXT, binary=True) as text_handle:
        json_handle.write(as_json)
        text_handle.write(as_text)


def _report_json(report: dict) -> str:
    """The report as JSON with each document on a line of its own: readable, easy to diff
    and grep, and made by the json module's C encoder (an indented dump of 10,000
    documents takes it through the pure-Python one, ten times slower)."""
    def compact(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    fields = []
    for name, value in sorted(report.items()):
        if isinstance(value, list):
            rows = ",\n".join(f"    {compact(item)}" for item in value)
            fields.append(f'  {compact(name)}: [\n{rows}\n  ]' if value else f"  {compact(name)}: []")
        else:
            fields.append(f"  {compact(name)}: {compact(value)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"

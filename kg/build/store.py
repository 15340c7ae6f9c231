"""Dumps on disk and the embedded store that answers SPARQL over them.

Writers stream N-Quads line by line into a temporary file and rename it into place,
so a killed build never leaves a half-written dump. The query store is pyoxigraph
(embedded), loaded from the dump; ``kg build`` also keeps it on disk beside the dump
(:func:`sync_store`, ``OUT/.store``) so that queries open it instead of parsing the dump.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
import re
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from kg.errors import DumpNotFound, RDFParseError
from kg.files import atomic_writer

if TYPE_CHECKING:  # kg.graph.rdf (and the extractor it needs) only where quads are written
    from kg.graph.rdf import Triple

__all__ = ["quad_lines", "DUMP_NQ", "DUMP_TTL", "REPORT_JSON", "REPORT_TXT", "write_turtle",
           "find_dump", "load_store", "STORE_DIR", "sync_store", "open_kept_store",
           "in_memory"]

DUMP_NQ = "readouts.nq"
DUMP_TTL = "union.ttl"
REPORT_JSON = "report.json"
REPORT_TXT = "report.txt"


def quad_lines(triples: Iterable[Triple], graph: str) -> str:
    from kg.graph.rdf import ntriples_term

    g = f"<{graph}>"
    return "".join(f"{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)} {g} .\n" for s, p, o in triples)


def write_turtle(nquads: Path, target: Path) -> int:
    """The union of every named graph as one Turtle file (for tools without named graphs),
    laid out as ``kg build`` writes it (see :mod:`kg.build.outputs`); returns its triple count."""
    from kg.build.outputs import write_union

    return write_union(nquads, target)


def find_dump(folder: Path) -> Path:
    """The N-Quads dump of a build folder or a published folder."""
    for name in (DUMP_NQ, DUMP_NQ + ".gz"):
        if (folder / name).is_file():
            return folder / name
    raise DumpNotFound(f"no dump in {folder} (expected {DUMP_NQ} or {DUMP_NQ}.gz); run `kg build` first")


def load_store(dump: Path):
    """An embedded pyoxigraph store holding the dump, one named graph per readout.

    Query with ``GRAPH ?g { ... }``, or pass ``use_default_graph_as_union=True`` to
    ``store.query`` to query the union of all graphs (the default graph itself is empty).
    A dump that is not N-Quads (cut short, damaged, not UTF-8, a damaged gzip stream)
    raises :class:`RDFParseError` naming the file and the line, column and reason.
    """
    import pyoxigraph as ox

    store = ox.Store()
    try:
        if dump.suffix == ".gz":
            with gzip.open(dump, "rb") as handle:  # read as the parser asks: never whole in memory
                store.bulk_load(handle, format=ox.RdfFormat.N_QUADS)
        else:
            store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    except SyntaxError as exc:
        raise RDFParseError(f"{dump}: not a readable N-Quads dump: {_parse_failure(exc)}; rebuild it") from exc
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise RDFParseError(f"{dump}: damaged gzip stream ({' '.join(str(exc).split()) or type(exc).__name__}); "
                            "publish it again") from exc
    return store


_PARSER_AT = re.compile(r"^Parser error at line \d+ (?:column \d+|between columns \d+ and \d+): ")


def _parse_failure(exc: SyntaxError) -> str:
    """``line L, column C: reason`` from the N-Quads parser's error, in one line."""
    reason = _PARSER_AT.sub("", exc.msg or str(exc))
    reason = re.sub(r" \([^()]*, line \d+\)$", "", " ".join(reason.split()))[:200]
    return f"line {exc.lineno}, column {exc.offset}: {reason}" if exc.lineno else reason


# ---- the store kept on disk ----------------------------------------------------------------
STORE_DIR = ".store"  # in a build folder: the on-disk query store `kg build` keeps (never published)
_DB = "db"  # pyoxigraph's RocksDB folder
_STAMP = "stamp.json"  # what the store holds: written only after the store is complete and flushed
_ENTRIES = "entries.json"  # per build-cache entry: its key and the graphs its block fills
_STORE_LOCK = "lock"  # shared by readers, exclusive for the writer
_STAMP_FORMAT = 1
_HELD: dict = {}  # id of a store open_kept_store opened -> its shared lock (held while the store is used)


def _identity(path: Path) -> str | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return f"{stat.st_dev}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}"


def _read_stamp(folder: Path) -> dict | None:
    try:
        stamp = json.loads((folder / STORE_DIR / _STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) and stamp.get("format") == _STAMP_FORMAT else None


def _read_entries(folder: Path) -> dict | None:
    try:
        entries = json.loads((folder / STORE_DIR / _ENTRIES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return entries if isinstance(entries, dict) else None


def _lock(folder: Path, exclusive: bool):
    """The store's lock file, locked without waiting (shared or exclusive), or None when it is
    held the other way; where there is no ``flock`` (Windows), an open handle."""
    (folder / STORE_DIR).mkdir(parents=True, exist_ok=True)
    handle = open(folder / STORE_DIR / _STORE_LOCK, "a+b")
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return handle
    try:
        fcntl.flock(handle.fileno(), (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def open_kept_store(folder: Path):
    """The store ``kg build`` keeps in ``folder/.store``, opened read-only, when it holds
    exactly the folder's dump and union (its stamp names both files as they are now);
    None otherwise (no store, a build writing it, a store from another dump): the caller
    loads the dump instead. A reader holds a shared lock until it exits, so a build does
    not change the store under it (the build then leaves the store stale, and the next
    reader loads the dump)."""
    import pyoxigraph as ox

    if not (folder / STORE_DIR / _STAMP).is_file():
        return None
    try:
        handle = _lock(folder, exclusive=False)
    except OSError:
        return None
    if handle is None:
        return None
    stamp = _read_stamp(folder)
    if stamp is None or stamp.get("dump") != _identity(folder / DUMP_NQ) or \
            stamp.get("union") != _identity(folder / DUMP_TTL):
        handle.close()
        return None
    try:
        store = ox.Store.read_only(str(folder / STORE_DIR / _DB))
    except OSError:
        handle.close()
        return None
    _HELD[id(store)] = handle
    return store


def in_memory(store):
    """``store`` itself when it is held in memory; a copy in memory of a store opened from
    disk (:func:`open_kept_store`), union included: ``kg serve`` forks a process per query,
    and RocksDB's handles do not survive a fork. The store from disk is not to be read
    afterwards: its lock is given back, so that a build may update it."""
    import pyoxigraph as ox

    if id(store) not in _HELD:
        return store
    copy = ox.Store()
    copy.bulk_load(store.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    _HELD.pop(id(store)).close()
    return copy


def sync_store(out: Path) -> str:
    """Bring the store kept in ``out/.store`` to the dump ``kg build`` just wrote there:
    only the named graphs of the readouts that changed, came or went (and the registry and
    statistics graphs when they changed) are replaced, with the union in the default graph
    kept a set; the whole store is loaded afresh when it cannot be updated that way (none
    yet, another configuration, an interrupted update). Returns ``"updated"``,
    ``"loaded"``, ``"skipped"`` (readers hold it: left stale, they load the dump) or
    ``"failed (why)"`` (left without a stamp, so never read; the next build loads it afresh)."""
    try:
        handle = _lock(out, exclusive=True)
    except OSError as exc:  # no store can be kept here: the build stands
        return f"failed ({' '.join(str(exc).split())[:200]})"
    if handle is None:
        return "skipped"
    try:
        return _in_child(out)
    finally:
        handle.close()


def _sync_or_reason(out: Path) -> str:
    try:
        return _sync(out)
    except (OSError, ValueError, SyntaxError, RuntimeError) as exc:  # the store is an aid: the build stands
        return f"failed ({' '.join(str(exc).split())[:200]})"


def _in_child(out: Path) -> str:
    """:func:`_sync` in a child process: the store engine aborts the whole process when it
    cannot allocate (a memory limit, a full disk), and the build must stand all the same.
    A child that dies leaves the store without its stamp, so it is never read. (A fresh
    interpreter, not a fork: the build holds threads and locks a forked child could inherit.)"""
    import subprocess

    try:
        run = subprocess.run([sys.executable, "-m", "kg.build.store", str(out)], capture_output=True, text=True,
                             timeout=_SYNC_SECONDS)
    except subprocess.TimeoutExpired:
        return f"failed (the store was not synced in {_SYNC_SECONDS} s; the dump is read instead)"
    if run.returncode == 0 and run.stdout.strip():
        return run.stdout.strip()
    how = f"signal {-run.returncode}" if run.returncode < 0 else f"exit {run.returncode}"
    return f"failed (the store process ended with {how}; the dump is read instead)"


_SYNC_SECONDS = 3600



def _sync(out: Path) -> str:
    started = time.perf_counter()
    stamp = _read_stamp(out)
    (out / STORE_DIR / _STAMP).unlink(missing_ok=True)  # until the store is whole again
    index = _build_index(out)
    kept = _read_entries(out) if stamp is not None else None
    if kept is not None and index is not None and stamp.get("config") == index["config"] \
            and (out / STORE_DIR / _DB).is_dir():
        entries = _update(out, kept, index["entries"])
        state = "updated"
    else:
        entries = _load_afresh(out, index)
        state = "loaded"
    with atomic_writer(out / STORE_DIR / _ENTRIES) as entries_file:  # before the stamp that vouches for it
        entries_file.write(json.dumps(entries, sort_keys=True))
    new = {"format": _STAMP_FORMAT, "dump": _identity(out / DUMP_NQ), "union": _identity(out / DUMP_TTL),
           "config": index["config"] if index else None,
           # how the store was brought up to date and how long it took (read by bench/), not compared
           "state": state, "seconds": round(time.perf_counter() - started, 3)}
    with atomic_writer(out / STORE_DIR / _STAMP) as stamp_file:
        stamp_file.write(json.dumps(new, sort_keys=True))
    return state


def _build_index(out: Path) -> dict | None:
    """What the build cache says of the dump in ``out``: its configuration and, per entry
    (readout, registry, statistics part), its key and byte range in the dump; None unless
    the index describes this very dump and its ranges cover it end to end."""
    import sqlite3

    from kg.build.cache import CACHE_DIR, INDEX

    try:
        db = sqlite3.connect(f"file:{out / CACHE_DIR / INDEX}?mode=ro", uri=True)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta"))
            rows = db.execute("SELECT l.source, e.key, l.nq_off, l.nq_len FROM layout l JOIN entries e "
                              "ON e.source = l.source").fetchall()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    dump = out / DUMP_NQ
    stat = _identity(dump)
    if stat is None or meta.get("dump") != stat:
        return None
    at = 0
    for _, _, offset, length in sorted(rows, key=lambda row: row[2]):
        if offset != at:
            return None
        at += length
    if at != dump.stat().st_size:
        return None
    return {"config": meta.get("config"), "entries": {source: (key, offset, length) for source, key, offset, length in rows}}


def _open_writable(path: Path):
    import pyoxigraph as ox

    return ox.Store(str(path))


def _load_afresh(out: Path, index: dict | None) -> dict:
    """A new store of the whole dump (its union in the default graph, from ``union.ttl``),
    made beside the old one and put in its place; the entries of ``index`` with their graphs."""
    import pyoxigraph as ox

    folder = out / STORE_DIR
    fresh = folder / f"{_DB}.new"
    shutil.rmtree(fresh, ignore_errors=True)
    store = _open_writable(fresh)
    # in pieces of at most PIECE_BYTES, the bulk loader holding what one call reads in memory
    # (the whole dump and union at once took 5.2 GiB at 100,000 readouts); LOADERS threads
    # take the next piece of the dump, then of the union, as each is done (the loader lets
    # the GIL go), so both cores work to the end: the dump alone takes twice the union's time,
    # and one thread each for them left a core idle for half the load (bench/store_load.py)
    feed = _Feed(out)
    failures: list[BaseException] = []

    def load() -> None:
        try:
            for data, rdf_format, graph in feed:
                store.bulk_load(data, format=rdf_format, to_graph=graph)
        except BaseException as exc:  # handed to the caller
            failures.append(exc)
            feed.close()

    if LOADERS > 1:
        import threading

        loaders = [threading.Thread(target=load) for _ in range(LOADERS)]
        for loader in loaders:
            loader.start()
        for loader in loaders:
            loader.join()
    else:
        load()
    if failures:
        raise failures[0]
    store.flush()
    entries = {}
    if index is not None:
        with open(out / DUMP_NQ, "rb") as dump:
            for source, (key, offset, length) in index["entries"].items():
                entries[source] = [key, _last_graph(dump.fileno(), offset, length)]
    del store
    shutil.rmtree(folder / _DB, ignore_errors=True)
    os.replace(fresh, folder / _DB)
    return entries


def _graphs_of(block: bytes) -> list[str]:
    """The graph names of a block of the dump (the last term of each line)."""
    graphs = set()
    for line in block.split(b"\n"):
        line = line.rstrip()
        if line.endswith(b"> ."):
            graphs.add(line[line.rindex(b" <", 0, len(line) - 2) + 2:-3].decode("utf-8"))
    return sorted(graphs)


# what one bulk load reads: about 260,000 quads of the dump, or as many triples of the union's
# Turtle (a quarter of the bytes), each piece taking the loader about 450 MiB; two at once
# (LOADERS) about 740 MiB whatever the size of the dump (bench/store_load.py; 128 MiB pieces
# took twice the memory and were no faster)
PIECE_BYTES = 64 << 20
LOADERS = 2  # threads loading pieces at once


class _Feed:
    """The pieces of the dump (N-Quads, each in its own graph), then of the union (Turtle,
    into the default graph; each piece after the first under the first one's prefixes), as
    ``(bytes, format, graph)``, handed out one at a time to threads that ask together."""

    def __init__(self, out: Path) -> None:
        import threading

        self._lock = threading.Lock()
        self._pieces = self._all(out)
        self._closed = False

    @staticmethod
    def _all(out: Path):
        import pyoxigraph as ox

        for piece in _pieces(out / DUMP_NQ, b"\n"):
            yield piece, ox.RdfFormat.N_QUADS, None
        header = b""
        for piece in _pieces(out / DUMP_TTL, b" .\n", PIECE_BYTES // 4):
            yield header + piece, ox.RdfFormat.TURTLE, ox.DefaultGraph()
            header = header or _prefix_lines(piece)

    def __iter__(self):
        return self

    def __next__(self):
        with self._lock:
            if self._closed:
                raise StopIteration
            return next(self._pieces)

    def close(self) -> None:
        """No more pieces for anyone (one thread failed: the others stop after their piece)."""
        with self._lock:
            self._closed = True
            self._pieces.close()


def _pieces(path: Path, end: bytes, size: int | None = None) -> Iterator[bytes]:
    """The file in pieces of about ``size`` bytes, each cut after the last ``end`` in it
    (the end of a line of N-Quads; of a statement of the union's Turtle, whose literals
    hold no line breaks)."""
    size = size or PIECE_BYTES
    rest = b""
    with open(path, "rb") as handle:
        while True:
            data = handle.read(size)
            if not data:
                if rest:
                    yield rest
                return
            data = rest + data
            cut = data.rfind(end)
            if cut < 0:  # a statement longer than a piece: read on
                rest = data
                continue
            cut += len(end)
            rest = data[cut:]
            yield data[:cut]


def _prefix_lines(turtle: bytes) -> bytes:
    """The ``@prefix`` lines a Turtle text begins with."""
    end = 0
    while turtle.startswith(b"@prefix ", end):
        end = turtle.index(b"\n", end) + 1
    return turtle[:end]


def _last_graph(fd: int, offset: int, length: int) -> list[str]:
    """The graph of a block of the dump (none for an empty block), named by its last line:
    a block holds one graph (:func:`kg.build.outputs.make_block`), so the dump need not be read
    through again."""
    tail = 4096
    while True:
        start = max(offset, offset + length - tail)
        data = os.pread(fd, offset + length - start, start)
        line_start = data.rfind(b"\n", 0, len(data) - 1) + 1
        if line_start > 0 or start == offset:
            return _graphs_of(data[line_start:])
        tail *= 4


def _update(out: Path, kept: dict, now: dict) -> dict:
    """Replace in the store the graphs of the entries whose key changed, came or went."""
    import pyoxigraph as ox

    entries = {}
    changed_blocks = {}
    with open(out / DUMP_NQ, "rb") as dump:
        for source, (key, offset, length) in now.items():
            old = kept.get(source)
            if old is not None and old[0] == key:
                entries[source] = old
            else:
                block = os.pread(dump.fileno(), length, offset)
                changed_blocks[source] = block
                entries[source] = [key, _graphs_of(block)]
        drop = {g for source, old in kept.items() if source not in entries or entries[source][0] != old[0]
                for g in old[1]}
        drop |= {g for source in changed_blocks for g in entries[source][1]}
        if not drop:
            return entries
        blocks = [changed_blocks.get(source) or os.pread(dump.fileno(), now[source][2], now[source][1])
                  for source in sorted(entries) if set(entries[source][1]) & drop]
    store = _open_writable(out / STORE_DIR / _DB)
    others = ", ".join(f"<{g}>" for g in sorted(drop))
    for graph in sorted(drop):  # its triples leave the union unless a graph that stays holds them
        store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
                     f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h NOT IN ({others})) }} }}")
    for graph in sorted(drop):
        store.remove_graph(ox.NamedNode(graph))
    quads = list(ox.parse(b"".join(blocks), format=ox.RdfFormat.N_QUADS))
    store.extend(quads)
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
    store.flush()
    del store
    return entries


if __name__ == "__main__":  # the child of :func:`_in_child`; the build holds the store's lock
    print(_sync_or_reason(Path(sys.argv[1])))

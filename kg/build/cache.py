"""The build cache: what each readout gave in the last build, reused when nothing it
depends on has changed, so a rebuild extracts and validates only the readouts that did.

It lives in ``OUT/.cache/index.sqlite`` beside the outputs it describes. A readout's entry
is keyed by its source name, the SHA-256 of its bytes and its manifest metadata (the hash
is not recomputed while the file's size, inode and modification time stay the same, as
git does); the whole index by :func:`config_key`, a hash of everything else a result
depends on: the extractor (``EXTRACTOR_VERSION`` and the source of the ``kg`` package),
the registry (:attr:`~kg.knowledge.registry.Registry.fingerprint`), ``ontology.ttl``, ``shapes.ttl``,
the ``--base`` and ``--lang`` options and the versions of rdflib, pySHACL and pyoxigraph.
Change any of them and the old entries are dropped.

An entry keeps the readout's status (published, rejected with pySHACL's reasons, error)
and, for a published one, its facts for the statistics graph (:mod:`kg.build.statistics`, read
only when the counts need them), its shared triples (see :mod:`kg.build.outputs`), what it
brings to the registry and entities graphs (:mod:`kg.graph.entities`) and where its
N-Quads and its Turtle sit in the last ``readouts.nq`` and ``union.ttl``: the new outputs
copy those byte ranges. (A readout that was a duplicate has no place in the outputs: its
entry keeps the bytes themselves.) The registry and entities graphs have an entry each,
keyed by what the readouts bring to them; each part of the statistics graph has one too,
and the counts behind that graph have tables of their own (:mod:`kg.build.tally_store`). The
index records the size, inode and modification time of both outputs and trusts the ranges
only while the files are the ones it describes.

A build changes the index in one SQLite transaction, committed after the outputs are
renamed into place, so a build that fails or is killed leaves either the old index, which
then no longer matches the outputs (its ranges are ignored), or the new one.
"""

from __future__ import annotations

import gc
import hashlib
import json
import sqlite3
import time
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from kg import __version__
from kg.extract import EXTRACTOR_VERSION
from kg.build.outputs import Block
from kg.knowledge.registry import Registry
from kg.errors import SourceError
from kg.resources import ONTOLOGY, SHAPES, schema_path
from kg.sources.reader import MAX_BYTES, read_input
from kg.build.statistics import Facts
from kg.build.tally_store import TallyStore

__all__ = ["CACHE_DIR", "STATISTICS_ENTRY", "REGISTRY_ENTRY", "ENTITIES_ENTRY", "BuildCache", "CacheDamaged", "config_key", "content_key", "parse_facts"]

CACHE_DIR = ".cache"
INDEX = "index.sqlite"
# bump when what the index stores changes (7: facts name each report's type, readout and statements'
# encounter; 8: and each statement's claims, which the report groups' differences compare)
FORMAT = "8"
REGISTRY_ENTRY = "\x00registry"  # the entry of the registry graph: no source can be named so
ENTITIES_ENTRY = "\x00entities"  # the entry of the entities graph
STATISTICS_ENTRY = "\x00statistics/"  # + a part's name: the entries of the statistics graph's parts

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS entries (source TEXT PRIMARY KEY, key TEXT, stat TEXT, result TEXT, facts TEXT, "
    "quads INTEGER, shared BLOB, entities BLOB, nq BLOB, ttl BLOB)",
    "CREATE TABLE IF NOT EXISTS layout (source TEXT PRIMARY KEY, nq_off INTEGER, nq_len INTEGER, ttl_off INTEGER, "
    "ttl_len INTEGER)",
)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _code_hash() -> str:
    """A hash of the kg package's Python source: a changed rule is a changed result."""
    digest = hashlib.sha256()
    root = Path(str(resources.files("kg")))
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def config_key(registry: Registry, base: str, lang: str | None) -> str:
    """A hash of everything besides the readout itself that a readout's result depends on."""
    parts = {
        "format": FORMAT,
        "extractor": EXTRACTOR_VERSION,
        "kg": __version__,
        "code": _code_hash(),
        "registry": registry.fingerprint,
        "ontology": _sha256(schema_path(ONTOLOGY).read_bytes()),
        "shapes": _sha256(schema_path(SHAPES).read_bytes()),
        "base": base,
        "lang": lang or "",
        "libraries": {name: _version(name) for name in ("rdflib", "pyshacl", "pyoxigraph")},
    }
    return _sha256(json.dumps(parts, sort_keys=True).encode())


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def _meta_hash(meta: dict | None) -> str:
    if not meta:  # most readouts have no manifest row: hashed once, not once per readout
        return _NO_META
    return _sha256(json.dumps(meta, sort_keys=True).encode())


_NO_META = _sha256(b"{}")


def content_key(path: Path, meta: dict | None = None, root: Path | None = None) -> str | None:
    """The key of one readout: its bytes and its manifest metadata; None when it is not a
    file to read (a pipe, a device, a file over the size limit...: read through
    :func:`kg.sources.reader.read_input`, so refused before it is read, and then by the worker)."""
    try:
        data = read_input(path, path.name, MAX_BYTES, root)
    except SourceError:
        return None
    return _sha256(data) + ":" + _meta_hash(meta)


def _stat(path: Path, settled: bool = False) -> str | None:
    """Device, inode, size and modification time; with ``settled``, None for a file changed
    in the last two seconds, whose next change could keep the same time stamp (as git does
    for "racily clean" files: such a file is hashed again next time)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    if settled and stat.st_mtime_ns > time.time_ns() - 2_000_000_000:
        return None
    return f"{stat.st_dev}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}"


class CacheDamaged(Exception):
    """The index lacks what it says it holds (facts of a readout it gives as unchanged):
    the build is done again without it."""


@dataclass
class _Entry:
    key: str
    stat: str | None
    result: tuple  # (sha256, status, graph, reasons, events, endorsements, people)
    facts: Facts | str | None  # for the statistics graph; as JSON text until needed
    quads: int
    shared: bytes
    entities: bytes = b""  # what it brings to the registry and entities graphs
    nq: bytes | None = None  # the block itself, when it is not in the outputs
    ttl: bytes | None = None
    nq_at: tuple[int, int] | None = None
    ttl_at: tuple[int, int] | None = None
    changed: bool = True  # to be written at commit


class BuildCache:
    """The index of ``out/.cache``: :meth:`key` a readout, :meth:`get` what it gave last
    time, :meth:`put` what it gives now, :meth:`tallies` to update the statistics counts,
    :meth:`commit` once the new outputs are in place, :meth:`close` in any case.

    With ``use=False`` (``kg build --clean``) the old index is ignored, then replaced.
    Everything the build changes in the index is written in one transaction, begun by
    :meth:`tallies` (or :meth:`commit`) and committed by :meth:`commit`; a build that
    fails or is killed before leaves the index of the last one."""

    def __init__(self, out: Path, config: str, dump: Path, union: Path, use: bool = True) -> None:
        self.folder = out / CACHE_DIR
        self.config = config
        self.dump, self.union = dump, union
        self._old: dict[str, _Entry] = {}
        self._new: dict[str, _Entry] = {}
        self._stats: dict[str, str | None] = {}
        self._written: tuple[str, str] | None = None
        self._fresh = True  # the index is rewritten from scratch at commit
        self.blocks = False  # whether the last outputs hold the blocks the index points to
        self.shared: tuple[str, tuple[int, int]] | None = None  # the union's shared part: digest, place
        self.hits = 0
        self._db = self._connect()
        self._writing = False  # in the build's write transaction
        if use and self._db is not None:
            self._load()

    def _connect(self) -> sqlite3.Connection | None:
        """The index, opened (made when missing); an unreadable one is removed and made
        anew; None when none can be made (the build then runs without a cache)."""
        index = self.folder / INDEX
        for attempt in (1, 2):
            db = None
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(index, timeout=30, isolation_level=None)
                db.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return db
            except (sqlite3.Error, OSError):
                if db is not None:
                    db.close()
                if attempt == 2:
                    return None
                try:
                    index.unlink(missing_ok=True)
                except OSError:
                    return None
        return None

    def _load(self) -> None:
        collecting = gc.isenabled()
        gc.disable()  # tens of thousands of objects that all stay: nothing for the collector to find
        try:
            self._read()
        finally:
            if collecting:
                gc.enable()

    def _read(self) -> None:
        db = self._db
        try:
            meta = dict(db.execute("SELECT key, value FROM meta"))
            if meta.get("config") != self.config:
                return
            self.blocks = meta.get("dump") == _stat(self.dump) and meta.get("union") == _stat(self.union)
            if self.blocks and meta.get("shared"):
                digest, offset, length = meta["shared"].split(":")
                self.shared = (digest, (int(offset), int(length)))
            layout = {row[0]: row[1:] for row in db.execute("SELECT * FROM layout")}
            rows = db.execute("SELECT source, key, stat, result, quads, shared, entities, nq, ttl FROM entries").fetchall()
            # every result in one parse: one call instead of one per readout
            results = json.loads("[" + ",".join(row[3] for row in rows) + "]") if rows else []
            if len(results) != len(rows):  # a result that is not one JSON value
                raise ValueError("the results in the index do not parse one by one")
            for (source, key, stat, _, quads, shared, entities, nq, ttl), result in zip(rows, results):
                at = layout.get(source)
                self._old[source] = _Entry(key, stat, tuple(result), None, quads, shared, entities or b"",
                                           nq, ttl, (at[0], at[1]) if at else None, (at[2], at[3]) if at else None,
                                           changed=False)
            self._fresh = False
        except (sqlite3.Error, ValueError, TypeError):  # unreadable or from another version: start afresh
            self._old = {}
            self.blocks = False
            self.shared = None

    # ---- lookups -----------------------------------------------------------------------
    def previous_outputs(self) -> tuple[Path, Path] | None:
        """The last build's dump and union, when cached blocks may be copied from them."""
        return (self.dump, self.union) if self.blocks else None

    def key(self, path: Path, source: str, meta: dict | None = None, root: Path | None = None) -> str | None:
        """:func:`content_key` of a readout, without reading it when its file is unchanged."""
        entry = self._old.get(source)
        stat = self._stats[source] = _stat(path, settled=True)  # taken before reading: a later change shows
        if entry is not None and stat is not None and entry.stat == stat and entry.key.endswith(":" + _meta_hash(meta)):
            return entry.key
        return content_key(path, meta, root)

    def previous_key(self, source: str) -> str | None:
        """The key ``source`` had in the last build (None when it had no entry)."""
        entry = self._old.get(source)
        return entry.key if entry is not None else None

    def _block(self, entry: _Entry) -> Block | None:
        if entry.nq is not None and entry.ttl is not None:
            return Block(entry.quads, entry.shared, entry.entities, nq=entry.nq, ttl=entry.ttl)
        if self.blocks and entry.nq_at is not None and entry.ttl_at is not None:
            return Block(entry.quads, entry.shared, entry.entities, nq_at=entry.nq_at, ttl_at=entry.ttl_at)
        return None

    def get(self, source: str, key: str | None) -> tuple | None:
        """The worker's result tuple for ``source`` from the last build, or None (do it
        again). Its statistics facts are None: ask :meth:`facts` for them when needed."""
        entry = self._old.get(source)
        if key is None or entry is None or entry.key != key:
            return None
        sha, status, graph, reasons, events, endorsements, people = entry.result
        block = None
        if status == "published":
            block = self._block(entry)
            if block is None:  # the outputs changed under the cache: do it again
                return None
        self.hits += 1
        return (source, sha, status, graph, list(reasons), events, endorsements, list(people), block, None)

    def facts(self, source: str, key: str | None) -> Facts | None:
        """The statistics facts that ``source`` with content ``key`` gave in the last build."""
        text = self._facts_text(source, key)
        try:
            return parse_facts(text) if text is not None else None
        except ValueError:
            return None

    def _facts_text(self, source: str, key: str | None) -> str | None:
        if self._db is None or self._fresh or key is None:
            return None
        try:
            row = self._db.execute("SELECT facts FROM entries WHERE source = ? AND key = ?", (source, key)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    # ---- recording -----------------------------------------------------------------------
    def put(self, source: str, key: str | None, result: tuple, block: Block | None,
            nq_at: tuple[int, int] | None = None, ttl_at: tuple[int, int] | None = None) -> None:
        """Record what ``source`` gave; ``nq_at`` and ``ttl_at`` where its block was written
        (when it was not, as for a duplicate, the block's bytes are kept instead)."""
        if key is None:
            return
        _, sha, status, graph, reasons, events, endorsements, people, _, facts = result
        old = self._old.get(source)
        entry = _Entry(key, self._stats.get(source), (sha, status, graph, list(reasons), events, endorsements,
                                                      list(people)), facts,
                       block.quads if block else 0, block.shared if block else b"",
                       block.entities if block else b"", nq_at=nq_at, ttl_at=ttl_at)
        if block is not None and nq_at is None:  # not written (a duplicate): keep the bytes
            entry.nq, entry.ttl = (block.nq, block.ttl) if block.nq is not None else self._bytes(old)
            if entry.nq is None:
                return
        entry.changed = self._fresh or old is None or old.key != key or old.stat != entry.stat or (
            (old.nq is None) != (entry.nq is None))
        if entry.changed and facts is None and status == "published":  # from the cache: keep its facts
            entry.facts = self._facts_text(source, key)
        self._new[source] = entry

    def _bytes(self, entry: _Entry | None) -> tuple[bytes | None, bytes | None]:
        if entry is None:
            return None, None
        if entry.nq is not None:
            return entry.nq, entry.ttl
        if not self.blocks or entry.nq_at is None or entry.ttl_at is None:
            return None, None
        with self.dump.open("rb") as dump, self.union.open("rb") as union:
            dump.seek(entry.nq_at[0])
            union.seek(entry.ttl_at[0])
            return dump.read(entry.nq_at[1]), union.read(entry.ttl_at[1])

    def tallies(self, graph: str, represents: list[tuple[str, str]]) -> TallyStore | None:
        """The statistics counts of the last build (empty when there are none to trust),
        to be updated in this build's transaction; None when the index cannot be written
        (the build then counts every readout itself)."""
        if not self._begin():
            return None
        try:
            return TallyStore(self._db, graph, represents)
        except sqlite3.Error:
            self.close()
            return None

    def _begin(self) -> bool:
        """Begin the build's write transaction (once); a fresh index starts empty."""
        if self._writing:
            return True
        if self._db is None:
            return False
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._writing = True
            if self._fresh:
                tables = [name for (name,) in self._db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
                for table in tables:
                    self._db.execute(f'DROP TABLE IF EXISTS "{table}"')
            for statement in _SCHEMA:
                self._db.execute(statement)
            return True
        except sqlite3.Error:
            self.close()
            return False

    def previous_shared(self) -> tuple[str, tuple[int, int]] | None:
        """For :meth:`kg.build.outputs.OutputWriter.finish`: the last union's shared part."""
        return self.shared

    def put_outputs(self, shared: tuple[str, tuple[int, int]], identity: tuple[str, str] | None) -> None:
        """Record the union's shared part (digest, place) and the identity of the outputs
        as written (taken from the open files, so another build renaming its outputs over
        these in the meantime cannot pass for them)."""
        self.shared = shared
        self._written = identity

    def commit(self) -> None:
        """Update the index for the outputs now in place (call after they were renamed).
        The cache is an aid: if it cannot be written, it is removed and the build stands."""
        from kg.files import remove_stale_temporaries

        try:
            remove_stale_temporaries(self.folder)
            if not self._begin():
                raise sqlite3.OperationalError("the index cannot be written")
            self._commit()
        except (sqlite3.Error, OSError):
            self.close()
            try:
                (self.folder / INDEX).unlink(missing_ok=True)
            except OSError:
                pass
        finally:
            self.close()
            # the outputs are in place and the index written: what it held of 100,000 readouts
            # (hundreds of MiB) is not needed any more, and the store is synced next
            self._old, self._new = {}, {}

    def _commit(self) -> None:
        db = self._db
        dump, union = self._written or (_stat(self.dump), _stat(self.union))
        gone = set(self._old) - set(self._new)
        db.executemany("DELETE FROM entries WHERE source = ?", ((s,) for s in gone))
        db.executemany("INSERT OR REPLACE INTO entries (source, key, stat, result, facts, quads, shared, entities, "
                       "nq, ttl) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (
                           (source, e.key, e.stat, json.dumps(e.result, ensure_ascii=False), _facts_text(e.facts),
                            e.quads, e.shared, e.entities, e.nq, e.ttl)
                           for source, e in self._new.items() if e.changed))
        db.execute("DELETE FROM layout")
        db.executemany("INSERT INTO layout VALUES (?, ?, ?, ?, ?)", (
            (source, *e.nq_at, *e.ttl_at) for source, e in self._new.items()
            if e.nq_at is not None and e.ttl_at is not None))
        shared = f"{self.shared[0]}:{self.shared[1][0]}:{self.shared[1][1]}" if self.shared else ""
        db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [
            ("config", self.config), ("dump", dump), ("union", union), ("shared", shared)])
        db.execute("COMMIT")
        self._writing = False

    def __enter__(self) -> "BuildCache":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        """Give the index up; a transaction not committed is rolled back."""
        if self._db is None:
            return
        try:
            if self._writing:
                self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        finally:
            self._writing = False
            self._db.close()
            self._db = None


def parse_facts(facts: Facts | str) -> Facts:
    """Statistics facts as :func:`~kg.build.statistics.readout_facts` gives them, from the JSON
    text the cache keeps (ValueError when it is not)."""
    if isinstance(facts, str):
        facts = json.loads(facts)
    if not isinstance(facts, dict):
        raise ValueError("statistics facts are a JSON object")
    return facts


def _facts_text(facts: Facts | str | None) -> str | None:
    if facts is None or isinstance(facts, str):
        return facts
    return json.dumps(facts, ensure_ascii=False, separators=(",", ":"))

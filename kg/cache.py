"""The build cache: what each readout gave in the last build, reused when nothing it
depends on has changed, so a rebuild extracts and validates only the readouts that did.

It lives in ``OUT/.cache/index.sqlite`` beside the outputs it describes. A readout's entry
is keyed by its source name, the SHA-256 of its bytes and its manifest metadata; the whole
index by :func:`config_key`, a hash of everything else a result depends on: the extractor
(``EXTRACTOR_VERSION`` and the source of the ``kg`` package), the registry
(:attr:`~kg.registry.Registry.fingerprint`), ``ontology.ttl``, ``shapes.ttl``, the ``--base``
and ``--lang`` options and the versions of rdflib, pySHACL and pyoxigraph. Change any of
them and the index is ignored and rewritten.

An entry keeps the readout's status (published, rejected with pySHACL's reasons, error) and,
for a published one, where its N-Quads and its Turtle sit in the last ``readouts.nq`` and
``union.ttl`` (plus its shared triples, see :mod:`kg.outputs`); the new outputs copy those
byte ranges. The index records the size, inode and modification time of both files and
trusts those ranges only while the files are the ones it wrote. It is written to a
temporary file and renamed after the outputs, so a killed build leaves either the old,
consistent index or one that no longer matches the outputs and is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from kg import __version__
from kg.extract import EXTRACTOR_VERSION
from kg.outputs import Block
from kg.registry import Registry
from kg.resources import ONTOLOGY, SHAPES, schema_path
from kg.store import remove_stale_temporaries

__all__ = ["CACHE_DIR", "BuildCache", "config_key", "content_key"]

CACHE_DIR = ".cache"
INDEX = "index.sqlite"
FORMAT = "1"  # bump when what the index stores changes


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


def content_key(path: Path, meta: dict | None = None) -> str | None:
    """The key of one readout: its bytes and its manifest metadata; None when unreadable."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256(data)
    digest.update(json.dumps(meta or {}, sort_keys=True).encode())
    return digest.hexdigest()


def _identity(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_dev}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}"


@dataclass
class _Entry:
    key: str
    result: tuple  # (sha256, status, graph, reasons, events, endorsements, people)
    nq_at: tuple[int, int] | None
    ttl_at: tuple[int, int] | None
    quads: int
    shared: bytes


class BuildCache:
    """The index of ``out/.cache``: :meth:`get` what a readout gave last time, :meth:`put`
    what it gives now, :meth:`commit` once the new outputs are in place.

    With ``use=False`` (``kg build --clean``) the old index is ignored, then replaced."""

    def __init__(self, out: Path, config: str, dump: Path, union: Path, use: bool = True) -> None:
        self.folder = out / CACHE_DIR
        self.config = config
        self.dump, self.union = dump, union
        self._old: dict[str, _Entry] = {}
        self._new: dict[str, _Entry] = {}
        self.blocks = False  # whether the last outputs hold the blocks the index points to
        self.hits = 0
        if use:
            self._load()

    def _load(self) -> None:
        index = self.folder / INDEX
        if not index.is_file():
            return
        try:
            with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as db:
                meta = dict(db.execute("SELECT key, value FROM meta"))
                if meta.get("config") != self.config:
                    return
                try:
                    self.blocks = (meta.get("dump") == _identity(self.dump) and meta.get("union") == _identity(self.union))
                except OSError:
                    self.blocks = False
                for source, key, result, nq_off, nq_len, ttl_off, ttl_len, quads, shared in db.execute(
                        "SELECT source, key, result, nq_off, nq_len, ttl_off, ttl_len, quads, shared FROM entries"):
                    self._old[source] = _Entry(
                        key, tuple(json.loads(result)), (nq_off, nq_len) if nq_off is not None else None,
                        (ttl_off, ttl_len) if ttl_off is not None else None, quads, shared)
        except (sqlite3.Error, ValueError, TypeError):  # unreadable or from another version: start afresh
            self._old = {}
            self.blocks = False

    def previous_outputs(self) -> tuple[Path, Path] | None:
        """The last build's dump and union, when cached blocks may be copied from them."""
        return (self.dump, self.union) if self.blocks else None

    def get(self, source: str, key: str | None) -> tuple | None:
        """The worker's result tuple for ``source`` from the last build, or None (do it again)."""
        entry = self._old.get(source)
        if key is None or entry is None or entry.key != key:
            return None
        sha, status, graph, reasons, events, endorsements, people = entry.result
        block = None
        if status == "published":
            if not self.blocks or entry.nq_at is None or entry.ttl_at is None:
                return None  # a duplicate last time, or the outputs changed: its block is not there
            block = Block(entry.quads, entry.shared, nq_at=entry.nq_at, ttl_at=entry.ttl_at)
        self.hits += 1
        return (source, sha, status, graph, list(reasons), events, endorsements, list(people), block)

    def put(self, source: str, key: str | None, result: tuple, block: Block | None,
            nq_at: tuple[int, int] | None = None, ttl_at: tuple[int, int] | None = None) -> None:
        """Record what ``source`` gave; ``nq_at`` and ``ttl_at`` where its block was written."""
        if key is None:
            return
        _, sha, status, graph, reasons, events, endorsements, people, _ = result
        self._new[source] = _Entry(key, (sha, status, graph, list(reasons), events, endorsements, list(people)),
                                   nq_at, ttl_at, block.quads if block else 0, block.shared if block else b"")

    def commit(self) -> None:
        """Write the index of the outputs now in place (after they were renamed into place)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(self.folder)  # an index a killed build was writing
        fd, tmp = tempfile.mkstemp(prefix=f".{INDEX}.{os.getpid()}.", suffix=".tmp", dir=self.folder)
        os.close(fd)
        try:
            db = sqlite3.connect(tmp)
            try:
                db.execute("PRAGMA journal_mode=OFF")
                db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
                db.execute("CREATE TABLE entries (source TEXT PRIMARY KEY, key TEXT, result TEXT, nq_off INTEGER, "
                           "nq_len INTEGER, ttl_off INTEGER, ttl_len INTEGER, quads INTEGER, shared BLOB)")
                db.executemany("INSERT INTO meta VALUES (?, ?)", [
                    ("config", self.config), ("dump", _identity(self.dump)), ("union", _identity(self.union))])
                db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
                    (source, e.key, json.dumps(e.result, ensure_ascii=False), *(e.nq_at or (None, None)),
                     *(e.ttl_at or (None, None)), e.quads, e.shared) for source, e in self._new.items()))
                db.commit()
            finally:
                db.close()
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, self.folder / INDEX)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

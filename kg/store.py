"""Dumps on disk and the embedded store that answers SPARQL over them.

Writers stream N-Quads line by line into a temporary file and rename it into place,
so a killed build never leaves a half-written dump. The query store is pyoxigraph
(embedded, in memory), loaded from the dump.
"""

from __future__ import annotations

import gzip
import os
import re
import tempfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from kg.errors import DumpNotFound, RDFParseError
from kg.rdf import Triple, ntriples_term

__all__ = ["atomic_writer", "folder_lock", "remove_stale_temporaries", "quad_lines", "DUMP_NQ", "DUMP_TTL", "REPORT_JSON", "REPORT_TXT", "write_turtle",
           "find_dump", "load_store"]

DUMP_NQ = "readouts.nq"
DUMP_TTL = "union.ttl"
REPORT_JSON = "report.json"
REPORT_TXT = "report.txt"


LOCK = ".lock"  # in an output folder: held by the build writing into it


@contextmanager
def folder_lock(folder: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold ``folder/.lock`` exclusively: two builds into one folder would each copy byte
    ranges of outputs the other replaces, so the second waits for the first (``on_wait``
    is called once when it has to). An advisory lock (``flock``), released by the kernel
    if the holder dies; where there is none (Windows), nothing is locked."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


_TEMPORARY = re.compile(r"^\..+\.(\d+)\.[^.]+\.tmp$")  # .readouts.nq.<pid>.<random>.tmp


@contextmanager
def atomic_writer(path: Path, binary: bool = False, compress: bool = False) -> Iterator[IO]:
    """Write to a temporary file beside ``path``; rename into place only on success.

    The temporary name, ``.<name>.<pid>.<random>.tmp``, is hidden and never looks like an
    output; if the process is killed, :func:`remove_stale_temporaries` removes it later.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        if compress:
            # mtime=0 and no file name: the same content gives the same bytes
            raw = open(tmp, "wb")
            gz = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6)
            handle: IO = gz if binary else _TextOver(gz)
            try:
                yield handle
            finally:
                gz.close()
                raw.close()
        else:
            with open(tmp, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else "\n") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # a published file, readable like any other
        os.replace(tmp, path)
        _sync_folder(path.parent)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files that killed writers left in ``folder``; return them.

    Only files named like :func:`atomic_writer`'s whose process is gone are removed, so a
    writer still running (another build into the same folder) keeps its file.
    """
    removed = []
    for entry in folder.glob(".*.tmp") if folder.is_dir() else ():
        match = _TEMPORARY.match(entry.name)
        if match and int(match.group(1)) != os.getpid() and not _alive(int(match.group(1))):
            try:
                entry.unlink()
            except OSError:
                continue
            removed.append(entry)
    return removed


class _TextOver:
    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        return self.raw.write(text.encode("utf-8"))


def quad_lines(triples: Iterable[Triple], graph: str) -> str:
    g = f"<{graph}>"
    return "".join(f"{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)} {g} .\n" for s, p, o in triples)


def write_turtle(nquads: Path, target: Path) -> int:
    """The union of every named graph as one Turtle file (for tools without named graphs),
    laid out as ``kg build`` writes it (see :mod:`kg.outputs`); returns its triple count."""
    from kg.outputs import write_union

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

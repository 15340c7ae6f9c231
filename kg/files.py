"""Files of an output folder, written so that a reader never sees half of one: atomic writes
(a temporary file renamed into place), the folder's lock, and the temporaries killed writers
left behind. Every stage that writes a file uses them."""

from __future__ import annotations

import gzip
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Callable, Iterator

__all__ = ["atomic_writer", "folder_lock", "remove_stale_temporaries", "LOCK"]

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

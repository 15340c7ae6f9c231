"""TOML data files read through a cache of their parsed form.

Parsing the registry's TOML (1.2 MB: states, people, offices, a file per language) takes
about 0.3 s, paid by every ``kg`` command that extracts (a one-readout rebuild of 10,000
readouts spends a seventh of its time on it). The parsed tables are kept in the user's cache
folder, one file per distinct content: a file whose bytes are those of a cached one is read
back in milliseconds, any other is parsed and cached. The key is the SHA-256 of the bytes
and the Python version (``tomllib`` comes with it), so an edited file is never read stale
and nothing needs clearing. The cache is only an aid: a folder that cannot be read or
written, or a damaged entry, means the file is parsed as if there were no cache.

Where: ``$KG_CACHE_DIR`` when set (an empty value turns the cache off), else
``$XDG_CACHE_HOME/readout-kg``, else ``~/.cache/readout-kg``.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tomllib
from pathlib import Path
from typing import Any

__all__ = ["cache_folder", "load_toml"]

_FORMAT = 1  # of the cached entries; a new format is a new key


def cache_folder() -> Path | None:
    """Where parsed TOML is kept, or None when the cache is turned off."""
    chosen = os.environ.get("KG_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) / "toml" if chosen.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "readout-kg" / "toml"


def load_toml(path: Path) -> dict[str, Any]:
    """The parsed TOML of ``path`` (raises as :func:`tomllib.loads` and ``open`` do)."""
    data = path.read_bytes()
    folder = cache_folder()
    if folder is None:
        return tomllib.loads(data.decode("utf-8"))
    key = hashlib.sha256(b"%d:%s:" % (_FORMAT, sys.version.encode()) + data).hexdigest()
    entry = folder / f"{key}.pickle"
    try:
        with entry.open("rb") as handle:
            table = pickle.load(handle)
        if isinstance(table, dict):
            return table
    except Exception:  # noqa: BLE001 - no entry, or one that cannot be read back: parse instead
        pass
    table = tomllib.loads(data.decode("utf-8"))
    _keep(entry, table)
    return table


def _keep(entry: Path, table: dict[str, Any]) -> None:
    """Write ``table`` to ``entry`` atomically (another process may read it at once)."""
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as handle:
            pickle.dump(table, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except OSError:  # a read-only home, a full disk: the cache is only an aid
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass

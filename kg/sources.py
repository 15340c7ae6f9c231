"""Reading readouts from disk: find the files, decode them, make :class:`Document`s.

Decoding never guesses silently: a file is read as UTF-8 (with or without BOM), UTF-16
(BOM or NUL pattern), GB18030 or Windows-1252, in that order, and the first decoding
that yields clean text wins. Anything else is a :class:`SourceError` with the reason.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from kg.errors import SourceError
from kg.model import Document

__all__ = ["SOURCE_SUFFIXES", "MAX_BYTES", "list_sources", "decode", "read_document", "document_from_text"]

SOURCE_SUFFIXES = (".txt", ".html", ".htm")
MAX_BYTES = 5 * 1024 * 1024  # a readout is a few kB; anything this large is not one


def list_sources(root: Path) -> list[Path]:
    """Readout files under ``root`` (or ``root`` itself), sorted for deterministic builds."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise SourceError(f"{root}: no such file or directory")
    return sorted(
        (p for p in root.rglob("*") if p.suffix.lower() in SOURCE_SUFFIXES and not p.name.startswith(".")),
        key=lambda p: p.relative_to(root).as_posix(),
    )


def _clean(text: str) -> bool:
    """No replacement characters and few control characters: a plausible decoding."""
    if "\ufffd" in text:
        return False
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return controls <= max(2, len(text) // 1000)


def decode(data: bytes, name: str = "<bytes>") -> str:
    if not data.strip():
        raise SourceError(f"{name}: empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if len(data) >= 4 and (data[1::2].count(0) > len(data) // 4 or data[0::2].count(0) > len(data) // 4):
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _clean(text):
                return text
    if b"\x00" in data:
        raise SourceError(f"{name}: binary file (contains NUL bytes), not a text readout")
    try:
        text = data.decode("utf-8")
        if _clean(text):
            return text
        raise SourceError(f"{name}: control characters in the text: not a text readout")
    except UnicodeDecodeError:
        pass
    for codec in ("gb18030", "cp1252"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _clean(text) and (codec != "gb18030" or _mostly_cjk(text)):
            return text
    raise SourceError(f"{name}: undecodable bytes (not UTF-8, UTF-16, GB18030 or Windows-1252)")


def _mostly_cjk(text: str) -> bool:
    high = [c for c in text if ord(c) > 0x7F]
    return bool(high) and sum(1 for c in high if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef") / len(high) > 0.8


def document_from_text(text: str, source: str, **metadata: str | None) -> Document:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise SourceError(f"{source}: no text")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(source=source, text=text, sha256=digest, **metadata)  # type: ignore[arg-type]


def read_document(path: Path, root: Path | None = None, **metadata: str | None) -> Document:
    """Read and decode one readout file; HTML pages are reduced to their readable text."""
    source = path.relative_to(root).as_posix() if root and root.is_dir() else path.name
    if path.is_dir():
        raise SourceError(f"{source}: is a directory, not a readout file")
    if path.is_symlink() and not path.exists():
        raise SourceError(f"{source}: broken symbolic link")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"{source}: {size / 1e6:.1f} MB is too large for a readout (limit {MAX_BYTES // 2**20} MiB)")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{source}: cannot read ({exc.strerror or exc})") from exc
    text = decode(data, source)
    if path.suffix.lower() in (".html", ".htm") or re.match(r"\s*(<!doctype html|<html)", text[:200], re.IGNORECASE):
        from kg.html import html_to_text

        text, title = html_to_text(text)
        if title and "title" not in metadata:
            metadata["title"] = title
    return document_from_text(text, source, **metadata)

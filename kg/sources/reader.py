"""Reading readouts from disk: find the files, decode them, make :class:`Document`s.

Decoding never guesses silently. A file is read, in this order, as: UTF-32 or UTF-16 when
it starts with a byte-order mark; UTF-16 without a mark when its NUL bytes fall on one
side of each code unit; UTF-8 (with or without BOM) when it is valid UTF-8; the charset an
HTML page declares in ``<meta charset>`` when that declaration decodes it cleanly; and
last GB18030 (GBK) or Windows-1252, whichever reading looks like real text (Chinese
characters of the common GB2312 set, or accented Latin letters inside words). Anything
else is a :class:`SourceError` whose message names the file and the reason.

A readout that looks incomplete (see :func:`truncation`, and a file cut inside a
character) is still read: what it does say is kept, and :attr:`Document.truncated` says why
it looks cut, so the build can flag it rather than drop it.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from pathlib import Path

from kg.errors import SourceError
from kg.model import Document

__all__ = ["SOURCE_SUFFIXES", "MAX_BYTES", "list_sources", "source_name", "display_name", "read_input", "decode",
           "truncation", "read_document",
           "document_from_text", "drop_noncharacters"]

SOURCE_SUFFIXES = (".txt", ".html", ".htm")
MAX_BYTES = 5 * 1024 * 1024  # a readout is a few kB; anything this large is not one

_MAGIC = (  # binary formats people drop into a sources folder by mistake
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.odt)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)


def list_sources(root: Path) -> list[Path]:
    """Readout files under ``root`` (or ``root`` itself), sorted for deterministic builds.

    Everything whose name ends in a readout suffix is listed, even a folder or a broken
    link, so that the build reports it instead of skipping it silently; hidden names
    (starting with ".") and other suffixes (``manifest.csv``, ``README.md``) are not.
    """
    if not root.is_dir():
        if not os.path.lexists(root):
            raise SourceError(f"{display_name(str(root))}: no such file or directory")
        return [root]  # one file: read_document says what is wrong with it, if anything (a pipe, a device)
    found: list[tuple[str, Path]] = []  # (name relative to root, path)
    for folder, subfolders, files in os.walk(root):  # symbolic links to folders are listed, not entered
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        prefix = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        for name in [*files, *subfolders]:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in SOURCE_SUFFIXES:
                found.append((prefix + name, Path(folder, name)))
    return [path for _, path in sorted(found)]


def _relative_name(path: Path, root: Path | None) -> str:
    if root is not None and root.is_dir() and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return path.name


def source_name(path: Path, root: Path | None = None) -> str:
    """How a readout is named in reports and in the manifest: its path relative to
    ``root``, as one line of text (see :func:`display_name`)."""
    return display_name(_relative_name(path, root))


# Control characters (a newline would start a line of its own in report.txt), line and
# paragraph separators, bidirectional overrides (which make a name read as another), and
# the surrogates that stand for the bytes of a name that is not UTF-8.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode() gives it
        return f"\\x{code - 0xDC00:02x}"
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(match.group())
    return named or (f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}")


def display_name(name: str) -> str:
    """``name`` (a file name or path) as one line of printable UTF-8 text, so that no file
    name can break a report line or an output file's encoding: control characters, line
    separators and bidirectional controls are written as escapes (``\\n``, ``\\u202e``),
    the bytes of a name that is not UTF-8 as ``\\xe9``, and backslashes of such a name
    doubled. Any other name is returned as it is.

    >>> display_name("a\\nb.txt"), display_name(os.fsdecode(b"d\\xe9claration.txt"))
    ('a\\\\nb.txt', 'd\\\\xe9claration.txt')
    """
    if not _UNSAFE.search(name):
        return name
    return _UNSAFE.sub(_escape, name.replace("\\", "\\\\"))


def _name_problem(name: str) -> str | None:
    """Why a file name cannot name a readout, or None when it can."""
    if not _UNSAFE.search(name):
        return None
    if re.search("[\ud800-\udfff]", name):
        return "file name is not valid UTF-8 (shown with \\x escapes)"
    return "file name holds control characters (shown escaped)"


# ---- decoding ----------------------------------------------------------------------------
def _bad_characters(text: str) -> int:
    """Control, unassigned, private-use and surrogate characters: what real text lacks.
    (Each distinct character is looked up once, then the bad ones counted in one pass: a
    5 MiB file in a fraction of a second.)"""
    bad = [c for c in set(text) if unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") and c not in "\n\r\t\f"]
    if not bad:
        return 0
    return len(re.findall("[" + "".join(re.escape(c) for c in bad) + "]", text))


def _clean(text: str) -> bool:
    """A plausible decoding: no replacement characters and (almost) no control characters."""
    return "\ufffd" not in text and _bad_characters(text) <= max(2, len(text) // 1000)


class CutCharacter(SourceError):
    """The bytes end inside a multi-byte character: ``text`` is what comes before it."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text


def _truncated(name: str, what: str, text: str = "") -> CutCharacter:
    return CutCharacter(f"{name}: truncated: the file ends in the middle of {what}", text)


def _not_text(name: str, text: str) -> SourceError | None:
    """An error when decoded ``text`` holds the control characters of a binary file."""
    if _bad_characters(text) > max(2, len(text) // 1000):
        return SourceError(f"{name}: binary file (control characters in the text), not a text readout")
    return None


def _utf16_without_bom(data: bytes, name: str) -> str | None:
    """UTF-16 text without a byte-order mark: its NULs sit on one side of each unit."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if max(even, odd) < max(2, len(data) // 16) or min(even, odd) > max(even, odd) // 20:
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    if len(data) % 2:
        text = data[:-1].decode(codec, errors="ignore")
        raise _truncated(name, "a UTF-16 character", text if _clean(text) else "")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return text if _clean(text) else None


def _gb_score(text: str) -> float:
    """Share of the non-ASCII characters that read as Chinese text.

    Latin text read as GBK pairs an accented letter with the ASCII letter after it
    ("élève" -> "閘鑦e": E9 6C, E8 76), giving characters glued to Latin letters; a Chinese
    character counts only when both of its bytes are high or it stands among Chinese text.
    """
    high = [i for i, c in enumerate(text) if ord(c) > 0x7F]
    if not high:
        return 0.0
    good = 0
    for i in high:
        c = text[i]
        if not _CJK_TEXT.match(c):
            continue
        encoded = c.encode("gb18030")
        if len(encoded) != 2:
            continue
        before, after = text[i - 1:i], text[i + 1:i + 2]
        glued = (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
        good += encoded[1] >= 0x80 or not glued
    return good / len(high)


_CJK_TEXT = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]")
_LATIN_PUNCT = set("‘’“”„–—…«»‹›€£°·•™©®§¶\u00a0")
_HIGH_RUN = re.compile(r"[^\x00-\x7f]+")


def _latin_score(text: str) -> float:
    """Share of the non-ASCII characters that read as accented Latin letters or typographic
    punctuation standing alone (or two lower-case letters, as in "créées"). Chinese bytes
    read as Windows-1252 always come in runs of two or more: "ÖÐ»ªÈËÃñ"."""
    high = good = 0
    for match in _HIGH_RUN.finditer(text):
        run = match.group()
        high += len(run)
        letters = [c for c in run if c not in _LATIN_PUNCT]
        if not all(c.isalpha() and ord(c) <= 0x24F for c in letters):
            continue
        if len(letters) <= 1 and len(run) <= 2 or all(c in _LATIN_PUNCT for c in run):
            good += len(run)  # "é", "l’É", "«\u00a0"
        elif len(run) == 2 and all(c.islower() for c in run):
            good += 2  # "créées"
    return good / high if high else 0.0


def _gbk_shaped(text: str) -> bool:
    """Windows-1252 text that looks like GBK bytes: every non-ASCII run has an even length
    (two bytes a character) and none sits inside a Latin word ("cr" + "éé" + "es")."""
    for match in _HIGH_RUN.finditer(text):
        before, after = text[match.start() - 1:match.start()], text[match.end():match.end() + 1]
        if len(match.group()) % 2 or (before.isascii() and before.isalpha() and after.isascii() and after.isalpha()):
            return False
    return True


_WHATWG = {  # labels a page may declare, to the Python codec that reads what browsers read
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "windows-1252": "cp1252", "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030",
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",  # a meta tag cannot declare UTF-16
}
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
         (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"), (b"\xef\xbb\xbf", "utf-8", "UTF-8"))


def _declared_codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    try:
        return codecs.lookup(_WHATWG.get(label, label)).name
    except LookupError:
        return None


def decode(data: bytes, name: str = "<bytes>", declared: str | None = None) -> str:
    """The text of a readout file's bytes, or :class:`SourceError` saying why there is none.

    ``declared`` is the charset an HTML page names in its ``<meta>``; it settles what the
    bytes cannot (a page in Shift_JIS or Big5, or Windows-1252 bytes that would also read
    as GBK), but it never overrides a byte-order mark or valid UTF-8 (browsers re-save
    pages as UTF-8 and keep the old declaration).

    >>> decode("Noël à Zürich".encode("cp1252")), decode("外交部发言人".encode("gbk"))
    ('Noël à Zürich', '外交部发言人')
    """
    if not data.strip():
        raise SourceError(f"{name}: empty file")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                text = body.decode(codec)
            except UnicodeDecodeError as exc:
                if exc.end >= len(body):
                    raise _truncated(name, f"a {label} character", body[:exc.start].decode(codec)) from None
                raise SourceError(f"{name}: undecodable bytes (starts with a {label} byte-order mark, "
                                  f"but byte {exc.start + len(bom)} is not {label})") from None
            if not text.strip():
                raise SourceError(f"{name}: empty file")
            error = _not_text(name, text)
            if error:
                raise error
            return text
    if b"\x00" in data:
        text = _utf16_without_bom(data, name)
        if text is not None:
            return text
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise SourceError(f"{name}: binary file ({what}), not a text readout")
    if b"\x00" in data:
        raise SourceError(f"{name}: binary file (contains NUL bytes), not a text readout")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # cut inside a multi-byte character, after other non-ASCII UTF-8: a truncated file
        if (exc.reason == "unexpected end of data" and exc.end == len(data) and len(data) >= 64
                and sum(1 for c in data[:exc.start].decode("utf-8") if ord(c) > 0x7F) >= 2):
            raise _truncated(name, "a UTF-8 character", data[:exc.start].decode("utf-8")) from None
    else:
        error = _not_text(name, text)
        if error:
            raise error
        return text
    codec = _declared_codec(declared)
    if codec and codec != "utf-8":
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            pass
        else:
            if _clean(text):
                return text
    readings = {}
    for codec in ("gb18030", "cp1252"):
        try:
            candidate = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _clean(candidate):
            readings[codec] = candidate
    gb, latin = readings.get("gb18030"), readings.get("cp1252")
    gb_score = _gb_score(gb) if gb is not None else -1.0
    latin_score = _latin_score(latin) if latin is not None else -1.0
    if gb is not None and gb_score >= 0.5 and (gb_score > latin_score or gb_score == latin_score and _gbk_shaped(latin)):
        return gb
    if latin is not None and latin_score >= 0.5:
        return latin
    raise SourceError(f"{name}: undecodable bytes (not UTF-8, UTF-16, GB18030 or Windows-1252 text)")


# ---- completeness ------------------------------------------------------------------------
_FINAL = tuple(".!?;:…。！？；：」』”’\"»)）]】›>*")
_FURNITURE = re.compile(r"©|copyright|all rights reserved|rights reserved|droits réservés|derechos reservados|"
                        r"licen[cs]e|版权|版權|ICP|公网安备|责任编辑|責任編輯|https?://|www\.|@", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(1[89]|20)\d\d(?!\d)")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def truncation(text: str) -> str | None:
    """Why ``text`` looks cut off in mid-sentence, or None when it looks complete.

    The rule: a readout is truncated when its last line is running text that stops
    without a sentence-final mark — at least 8 words of which most after the first
    start in lower case, or 150 characters of prose with commas or full stops inside
    (for Chinese, 20 characters with at most two spaces), with no
    copyright, licence, date or address on it, and ending in no . ! ? : ; 。！？ or
    closing quote or bracket. A page footer, a menu, a date line or a signature ends
    a complete readout in any case; a cut within the first few words of a paragraph
    cannot be told from one and is not caught.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    last = lines[-1]
    if last.endswith(_FINAL) or _FURNITURE.search(last) or (_YEAR.search(last) and len(last) < 60):
        return None
    han = len(_CJK.findall(last))
    if han >= 20:
        if last.count(" ") + last.count("\u3000") > 2:
            return None
    else:
        words = [w for w in last.split() if any(ch.isalpha() for ch in w)]
        if len(words) < 8:
            return None
        lower = sum(1 for w in words[1:] if w[0].islower())
        prose = len(last) >= 150 and re.search(r"\w[,.;] \w", last)  # title-heavy prose ("Foreign Secretary ...")
        if lower * 2 < len(words) - 1 and not prose:
            return None
    tail = last[-40:] if han < 20 else last[-15:]
    return f'truncated: the text ends in mid-sentence ("…{tail}")'


# ---- documents ---------------------------------------------------------------------------
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
                                                      for plane in range(17)) + "]")


def drop_noncharacters(text: str) -> str:
    """``text`` without Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0...): never text, and
    RDF tools such as Raptor refuse them even escaped."""
    return _NONCHARACTERS.sub("", text)


def document_from_text(text: str, source: str, **metadata: str | None) -> Document:
    """A :class:`Document` of already decoded text (line ends, noncharacters and Unicode
    normalised)."""
    text = unicodedata.normalize("NFC", drop_noncharacters(text.replace("\r\n", "\n").replace("\r", "\n")))
    if not text.strip():
        raise SourceError(f"{source}: no text")
    digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
    return Document(source=source, text=text, sha256=digest, **metadata)  # type: ignore[arg-type]


def _outside(target: str, root: Path) -> bool:
    """Whether the resolved ``target`` lies outside the folder ``root`` (resolved too)."""
    base = os.path.realpath(root)
    return target != base and not target.startswith(base.rstrip(os.sep) + os.sep)


def read_input(path: Path, name: str, limit: int, root: Path | None = None, what: str = "a readout") -> bytes:
    """The bytes of an input file, refusing with one :class:`SourceError` line (naming
    ``name``) anything that is not a regular file of at most ``limit`` bytes, before reading it.

    Every input of a build (readouts, the manifest, and the cache key of each) goes through
    here, so none can hang or fill memory: the file is ``stat``-ed before it is opened (a
    device is never opened, a sparse 2 GB file never read), opened without blocking (a FIFO
    swapped in after the stat cannot block the open) and checked again once open, then read
    with a bounded read (a file growing meanwhile is cut at ``limit + 1`` bytes and refused).
    With ``root`` (a folder), a symbolic link whose target resolves outside it is refused:
    a link in a shared sources folder must not publish a file from elsewhere on the disk.
    """
    if os.path.islink(path) and not os.path.exists(path):
        raise SourceError(f"{name}: broken symbolic link (points to {display_name(os.readlink(path))})")
    target = os.path.realpath(path)
    if root is not None and root.is_dir() and _outside(target, root):
        raise SourceError(f"{name}: symbolic link to {display_name(target)}, outside the sources folder; not read")
    try:
        info = os.stat(target)
    except OSError as exc:
        raise SourceError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    _check_file(info, name, limit, what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        raise SourceError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    with os.fdopen(fd, "rb") as handle:
        _check_file(os.fstat(fd), name, limit, what)  # what was opened, in case the name changed hands
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise SourceError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > limit:
        raise SourceError(f"{name}: too large for {what} (over the limit of {_mib(limit)})")
    return data


def _mib(size: int) -> str:
    if size < 2**20:
        return f"{size:,} bytes"
    return f"{size // 2**20} MiB" if size % 2**20 == 0 else f"{size / 2**20:.1f} MiB"


def _check_file(info: os.stat_result, name: str, limit: int, what: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(f"{name}: is a directory, not {what} file")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{name}: not a regular file (a pipe, socket or device), not {what} file")
    if info.st_size > limit:
        size = f"{info.st_size / 2**20:.1f} MiB" if limit >= 2**20 else _mib(info.st_size)
        raise SourceError(f"{name}: too large for {what} ({size}; limit {_mib(limit)})")


def _is_html(path: Path, data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return path.suffix.lower() in (".html", ".htm") or head.startswith((b"<!doctype html", b"<html"))


def read_document(path: Path, root: Path | None = None, **metadata: str | None) -> Document:
    """Read and decode one readout file; HTML pages are reduced to their readable text.

    Raises :class:`SourceError` (one line, naming the file) for a folder, a broken link,
    a file over :data:`MAX_BYTES`, an empty, binary or undecodable file. A file that looks
    cut off (see :func:`truncation`; or cut inside a character, whose partial bytes are
    dropped) is read all the same, with the reason in :attr:`Document.truncated`.
    """
    raw_name = _relative_name(path, root)
    source = display_name(raw_name)
    problem = _name_problem(raw_name)
    if problem:
        raise SourceError(f"{source}: {problem}; rename the file")
    data = read_input(path, source, MAX_BYTES, root)
    cut: str | None = None
    html = _is_html(path, data)
    try:
        raw = decode(data, source, declared=_sniff(data) if html else None)
    except CutCharacter as exc:
        if not exc.text.strip():
            raise
        raw, cut = exc.text, str(exc).split(": ", 1)[1]
    if html:
        from kg.sources.html import html_to_text

        text, title = html_to_text(raw)
        if not text.strip():
            raise SourceError(f"{source}: empty page (no text outside navigation, scripts and footers)")
        if title and not metadata.get("title"):
            metadata["title"] = title
    else:
        text = raw
    document = document_from_text(text, source, **metadata)
    document.truncated = cut or truncation(document.text)
    return document


def _sniff(data: bytes) -> str | None:
    from kg.sources.html import sniff_charset

    return sniff_charset(data)

"""The source manifest: per-readout metadata in ``sources/manifest.csv``.

A CSV file whose first row names its columns, any of ``file,url,publisher,lang,published,
licence`` (``file`` is required; ``license`` is read as ``licence``), one row per readout:

.. code-block:: text

    file,url,publisher,lang,published,licence
    wang-yi-call.html,https://www.fmprc.gov.cn/eng/wjdt_665385/t1.shtml,MFA of China,en,2021-12-22,public domain

``file`` is the readout's path relative to the sources folder (as the build report names
it); ``lang`` one of the languages the registry knows (``fr``, or ``fr-FR``, read as
``fr``); ``published`` an ISO date (YYYY-MM-DD). Empty cells mean "infer it". Blank lines
and lines starting with ``#`` are skipped. A row that cannot be trusted (wrong number of
columns, bad date, unknown language, bad URL, a second row for the same file, or a file
that is not in the sources folder) is reported with its line number and skipped; the
readouts build all the same, with inferred metadata.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection, Iterable

from kg.errors import SourceError

__all__ = ["MANIFEST_NAME", "MAX_MANIFEST_BYTES", "MAX_MANIFEST_ROWS", "COLUMNS", "Manifest", "parse_manifest",
           "read_manifest"]

MANIFEST_NAME = "manifest.csv"
MAX_MANIFEST_BYTES = 32 * 1024 * 1024  # some 200,000 rows of a URL, a publisher and a date
MAX_MANIFEST_ROWS = 200_000  # rows read at most, each a readout: 20 times the largest corpus benchmarked
COLUMNS = ("file", "url", "publisher", "lang", "published", "licence")
_ALIASES = {"license": "licence", "path": "file", "filename": "file"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL = re.compile(r"[a-z][a-z0-9+.-]*://[^\s<>\"{}|\\^`]+", re.IGNORECASE)


@dataclass
class Manifest:
    """What a manifest gives: metadata per readout file, and every row it could not use."""

    entries: dict[str, dict[str, str]] = field(default_factory=dict)  # file -> Document fields
    lines: dict[str, int] = field(default_factory=dict)  # file -> the line its row is on
    problems: list[str] = field(default_factory=list)  # one line each, naming the line


def _file_key(value: str) -> str:
    key = value.strip().replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    return key


def _check(values: dict[str, str], languages: Collection[str]) -> tuple[dict[str, str], str | None]:
    """The row's Document fields, or the reason it is malformed."""
    out: dict[str, str] = {}
    for column in COLUMNS[1:]:
        value = values.get(column, "").strip()
        if not value:
            continue
        if column == "published":
            try:
                if not _DATE.fullmatch(value):
                    raise ValueError
                dt.date.fromisoformat(value)
            except ValueError:
                return out, f"bad date {value!r} in 'published' (expected YYYY-MM-DD)"
        elif column == "lang":
            code = value.lower().replace("_", "-").split("-")[0]
            if code not in languages:
                return out, f"unknown lang {value!r} (known: {', '.join(sorted(languages))})"
            value = code
        elif column == "url" and not _URL.fullmatch(value):
            return out, f"bad url {value!r} (expected an absolute URL such as https://...)"
        out[column] = value
    return out, None


def parse_manifest(text: str, languages: Collection[str], known: Collection[str] | None = None,
                   name: str = MANIFEST_NAME, max_rows: int = MAX_MANIFEST_ROWS) -> Manifest:
    """Parse the text of a manifest. Never raises on bad content: every row it cannot use
    becomes a one-line problem naming ``name`` and the line.

    ``languages`` are the codes ``lang`` may take; ``known``, when given, the readout files
    of the sources folder: a row naming any other file is reported. Rows after the first
    ``max_rows`` are not read (one problem says so).

    >>> m = parse_manifest("file,lang,published\\na.txt,fr,2021-01-22\\nb.txt,de,2021-01-22\\n", ["en", "fr"])
    >>> m.entries, m.problems
    ({'a.txt': {'lang': 'fr', 'published': '2021-01-22'}}, ["manifest.csv line 3: unknown lang 'de' (known: en, fr); row skipped"])
    """
    from kg.sources.reader import drop_noncharacters

    manifest = Manifest()
    reader = csv.reader(io.StringIO(drop_noncharacters(text.lstrip("\ufeff"))))
    header: list[str] | None = None
    line = rows = 0
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            # what stops the reading comes first, before the rows it follows
            manifest.problems.insert(0, f"{name} line {reader.line_num}: malformed CSV ({exc}); "
                                        f"rest of the manifest not read")
            break
        line = reader.line_num
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        rows += 1
        if rows > max_rows + 1:  # the first row names the columns
            manifest.problems.insert(0, f"{name} line {start}: more than {max_rows:,} rows; "
                                        f"rest of the manifest not read")
            break
        if header is None:
            header = [_ALIASES.get(cell.strip().lower(), cell.strip().lower()) for cell in row]
            if "file" not in header:
                manifest.problems.append(f"{name} line {start}: the first row must name the columns "
                                         f"({','.join(COLUMNS)}); manifest not read")
                return manifest
            for column in header:
                if column not in COLUMNS:
                    manifest.problems.append(f"{name} line {start}: unknown column {column!r} "
                                             f"(known: {','.join(COLUMNS)}); column ignored")
                elif header.count(column) > 1:
                    manifest.problems.append(f"{name} line {start}: column {column!r} given twice; manifest not read")
                    return manifest
            continue
        problem = None
        if len(row) != len(header):
            problem = f"{len(row)} columns, expected {len(header)} ({','.join(header)})"
        values = dict(zip(header, row))
        key = _file_key(values.get("file", ""))
        if problem is None and not key:
            problem = "no file named"
        if problem is None and key in manifest.entries:
            problem = f"second row for {key!r} (first on line {manifest.lines[key]})"
        if problem is None and known is not None and key not in known:
            problem = f"no readout named {key!r} in the sources folder"
        fields: dict[str, str] = {}
        if problem is None:
            fields, problem = _check(values, languages)
        if problem is not None:
            manifest.problems.append(f"{name} line {start}: {problem}; row skipped")
            continue
        manifest.entries[key] = fields
        manifest.lines[key] = start
    return manifest


def read_manifest(folder: Path, languages: Collection[str], known: Iterable[str] | None = None) -> Manifest:
    """The manifest of a sources folder (an empty one when the folder has none)."""
    path = folder / MANIFEST_NAME
    if not folder.is_dir() or not (path.exists() or path.is_symlink()):
        return Manifest()
    from kg.sources.reader import decode, read_input

    try:
        text = decode(read_input(path, MANIFEST_NAME, MAX_MANIFEST_BYTES, folder, what="a manifest"), MANIFEST_NAME)
    except SourceError as exc:
        return Manifest(problems=[f"{exc}; manifest not read"])
    return parse_manifest(text, languages, set(known) if known is not None else None)


def manifest_for(path: Path, languages: Collection[str], levels: int = 4) -> tuple[dict[str, str], list[str]]:
    """The manifest fields of one readout file, as ``kg build`` would give them: from the
    nearest ``manifest.csv`` in the file's folder or one above it (``levels`` at most) that
    has a row for the file (named relative to that folder). Also the problems of that row."""
    path = Path(os.path.abspath(path))
    folder = path.parent
    for _ in range(levels):
        if (folder / MANIFEST_NAME).is_file():
            name = path.relative_to(folder).as_posix()
            manifest = read_manifest(folder, languages)
            if name in manifest.entries:
                return manifest.entries[name], []
            mine = [p for p in manifest.problems if f"'{name}'" in p or "manifest not read" in p]
            if mine:
                return {}, mine
        if folder.parent == folder:
            break
        folder = folder.parent
    return {}, []

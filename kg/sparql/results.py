"""SPARQL query results written as a table, CSV, TSV, JSON or XML.

The CSV, TSV, JSON and XML writers follow the W3C SPARQL 1.1 results formats, so
`kg query --format json` and `kg serve` give what any SPARQL client reads. They write
row by row (:func:`stream`) as the engine produces solutions, so an answer is never
held whole in memory, and :func:`limit_rows` stops reading at a row limit. The table is
for people: IRIs shortened with the project's prefixes, long values cut, columns aligned
by display width (CJK characters count twice), so it needs every row first.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from kg.errors import QueryError
from kg.namespaces import BINDINGS, DEFAULT_BASE

__all__ = ["QueryResult", "TooManyResults", "FORMATS", "MEDIA_TYPES", "serialize", "stream", "limit_rows", "term_text",
           "short_iri", "xml_text", "table"]

FORMATS = ("table", "csv", "tsv", "json", "xml")
# CONSTRUCT and DESCRIBE: sorted N-Triples by default (any of FORMATS), or these
GRAPH_FORMATS = ("ntriples", "turtle", "jsonld")


def _graph_as(ntriples: str, fmt: str) -> str:
    """Sorted N-Triples as Turtle or JSON-LD (rdflib's writers, prefixes of the project bound)."""
    from rdflib import Graph

    from kg.namespaces import BINDINGS

    graph = Graph()
    for prefix, namespace in BINDINGS.items():
        graph.bind(prefix, namespace)
    graph.parse(data=ntriples, format="nt")
    return graph.serialize(format="json-ld" if fmt == "jsonld" else "turtle")
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_PREFIXES = sorted([(str(ns), name) for name, ns in BINDINGS.items()] + [(DEFAULT_BASE, "id")],
                   key=lambda item: -len(item[0]))
# characters XML 1.0 cannot hold at all, not even escaped
_XML_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CHUNK = 1 << 16  # characters gathered before a chunk is handed on


class TooManyResults(QueryError):
    """An answer with more rows (or triples) than the limit it was asked under."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the answer has more than {limit:,} results, the row limit: add a LIMIT (and OFFSET to page)")
        self.limit = limit


@dataclass
class QueryResult:
    """What a query returned: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""

    kind: str  # select | ask | graph
    variables: list[str] = field(default_factory=list)
    # pyoxigraph terms or None; a streamed result (kg.sparql.query.stream_query) holds iterators, read once
    rows: Sequence[tuple[Any, ...]] | Iterator[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: Sequence[Any] | Iterator[Any] = field(default_factory=list)

    def values(self) -> list[tuple[str | None, ...]]:
        """Rows as plain strings (IRIs, lexical forms), None where unbound."""
        return [tuple(term_text(t) for t in row) for row in self.rows]


def xml_text(value: str) -> str:
    """``value`` without the characters XML 1.0 forbids (control characters, lone surrogates)."""
    return _XML_FORBIDDEN.sub("", value)


def term_text(term: Any) -> str | None:
    """The plain value of a term: an IRI, a literal's lexical form, ``_:id`` for a blank node."""
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "BlankNode":
        return f"_:{term.value}"
    return term.value if kind in ("NamedNode", "Literal") else str(term)


def short_iri(iri: str) -> str:
    """``iri`` with the longest known prefix replaced by its name (``kg:Person``, ``id:state/CHN``)."""
    for namespace, name in _PREFIXES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{name}:{iri[len(namespace):]}"
    return f"<{iri}>"


def _json_term(term: Any) -> dict[str, str]:
    kind = type(term).__name__
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}
    if kind == "Literal":
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def limit_rows(items: Iterable[Any], limit: int | None) -> Iterator[Any]:
    """The items of ``items`` while there are at most ``limit``; reading one more raises
    :class:`TooManyResults`, so an answer over the limit is never read to its end."""
    for count, item in enumerate(items, 1):
        if limit is not None and count > limit:
            raise TooManyResults(limit)
        yield item


def _json_chunks(result: QueryResult) -> Iterator[str]:
    if result.kind == "ask":
        yield json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return
    names = ",".join("\n      " + json.dumps(v, ensure_ascii=False) for v in result.variables)
    head = f"[{names}\n    ]" if names else "[]"
    yield '{\n  "head": {\n    "vars": ' + head + '\n  },\n  "results": {\n    "bindings": ['
    separator = "\n      "
    for row in result.rows:
        binding = {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
        yield separator + json.dumps(binding, ensure_ascii=False, indent=2).replace("\n", "\n      ")
        separator = ",\n      "
    yield ("\n    ]" if separator != "\n      " else "]") + "\n  }\n}\n"


def _xml_escape(value: str, attribute: bool = False) -> str:
    value = xml_text(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attribute:
        value = value.replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")
    return value.replace("\r", "&#13;")


def _xml_term(term: Any) -> str:
    kind = type(term).__name__
    if kind == "NamedNode":
        return f"<uri>{_xml_escape(term.value)}</uri>"
    if kind == "BlankNode":
        return f"<bnode>{_xml_escape(term.value)}</bnode>"
    if term.language:
        return f'<literal xml:lang="{_xml_escape(term.language, True)}">{_xml_escape(term.value)}</literal>'
    if term.datatype.value != _XSD_STRING:
        return f'<literal datatype="{_xml_escape(term.datatype.value, True)}">{_xml_escape(term.value)}</literal>'
    return f"<literal>{_xml_escape(term.value)}</literal>"


def _xml_chunks(result: QueryResult) -> Iterator[str]:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    lines += [f'  <variable name="{v}"/>' for v in result.variables]
    lines.append("</head>")
    if result.kind == "ask":
        yield "\n".join(lines + [f"<boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]) + "\n"
        return
    yield "\n".join(lines + ["<results>"]) + "\n"
    for row in result.rows:
        yield "\n".join(["  <result>"] + [f'    <binding name="{v}">{_xml_term(t)}</binding>'
                                          for v, t in zip(result.variables, row) if t is not None] + ["  </result>"]) + "\n"
    yield "</results>\n</sparql>\n"


def _csv_chunks(result: QueryResult) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def line(values: Sequence[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return buffer.getvalue()

    if result.kind == "ask":
        yield line(["boolean"]) + line(["true" if result.boolean else "false"])
        return
    yield line(result.variables)
    for row in result.rows:
        yield line(["" if t is None else term_text(t) for t in row])


def _tsv_term(term: Any) -> str:
    if term is None:
        return ""
    return str(term).replace("\t", "\\t")


def _tsv_chunks(result: QueryResult) -> Iterator[str]:
    if result.kind == "ask":
        yield "?boolean\n" + ("true" if result.boolean else "false") + "\n"
        return
    yield "\t".join(f"?{v}" for v in result.variables) + "\n"
    for row in result.rows:
        yield "\t".join(_tsv_term(t) for t in row) + "\n"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str, limit: int) -> str:
    text = " ".join("".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf")).split())
    if _width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        used += _width(ch)
        if used > limit - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def _cell(term: Any) -> str:
    if term is None:
        return ""
    if type(term).__name__ == "NamedNode":
        return short_iri(term.value)
    return term_text(term) or ""


def table(header: Sequence[str], rows: Sequence[Sequence[str]], limit: int = 60) -> str:
    """Aligned columns under a header and a rule; cells longer than ``limit`` are cut."""
    cells = [[_cut(str(c), limit) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in cells]) + "\n"


def _to_table(result: QueryResult, limit: int) -> str:
    if result.kind == "ask":
        return ("yes" if result.boolean else "no") + "\n"
    rows = list(result.rows)
    if not rows:
        return table(result.variables, [], limit) + "(no rows)\n"
    body = table(result.variables, [[_cell(t) for t in row] for row in rows], limit)
    return body + f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


_WRITERS = {"csv": _csv_chunks, "tsv": _tsv_chunks, "json": _json_chunks, "xml": _xml_chunks}


def _gathered(chunks: Iterable[str]) -> Iterator[str]:
    """``chunks`` joined into pieces of about :data:`_CHUNK` characters: fewer, larger writes."""
    pending: list[str] = []
    size = 0
    try:
        for chunk in chunks:
            pending.append(chunk)
            size += len(chunk)
            if size >= _CHUNK:
                yield "".join(pending)
                pending, size = [], 0
    except Exception:
        if pending:  # what was read before the failure (a row limit) still goes out
            yield "".join(pending)
        raise
    if pending:
        yield "".join(pending)


def stream(result: QueryResult, fmt: str = "table", limit: int = 60) -> Iterator[str]:
    """``result`` in one of FORMATS, piece by piece, reading its rows only as each piece is
    asked for. A table, and triples (CONSTRUCT, DESCRIBE: always sorted N-Triples), are
    built whole, since their first line depends on every row."""
    if result.kind == "graph":
        ntriples = "".join(sorted(f"{t.subject} {t.predicate} {t.object} .\n" for t in result.triples))
        yield ntriples if fmt not in GRAPH_FORMATS[1:] else _graph_as(ntriples, fmt)
        return
    if fmt in GRAPH_FORMATS:
        raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; SELECT and ASK answer in "
                         f"{', '.join(FORMATS)}")
    if fmt == "table":
        yield _to_table(result, limit)
        return
    if fmt not in _WRITERS:
        raise QueryError(f"unknown results format {fmt!r}; expected one of {', '.join(FORMATS)}")
    yield from _gathered(_WRITERS[fmt](result))


def serialize(result: QueryResult, fmt: str = "table", limit: int = 60) -> str:
    """``result`` in one of FORMATS, as one string; triples always come as sorted N-Triples."""
    return "".join(stream(result, fmt, limit))

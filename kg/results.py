"""SPARQL query results held in memory and written as a table, CSV, TSV, JSON or XML.

The CSV, TSV, JSON and XML writers follow the W3C SPARQL 1.1 results formats, so
`kg query --format json` and `kg serve` give what any SPARQL client reads. The table is
for people: IRIs shortened with the project's prefixes, long values cut, columns aligned
by display width (CJK characters count twice).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Sequence

from kg.errors import QueryError
from kg.namespaces import BINDINGS, DEFAULT_BASE

__all__ = ["QueryResult", "FORMATS", "MEDIA_TYPES", "serialize", "term_text", "short_iri", "xml_text", "table"]

FORMATS = ("table", "csv", "tsv", "json", "xml")
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


@dataclass
class QueryResult:
    """What a query returned: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""

    kind: str  # select | ask | graph
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)  # pyoxigraph terms or None
    boolean: bool | None = None
    triples: list[Any] = field(default_factory=list)

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


def _to_json(result: QueryResult) -> str:
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    body = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


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


def _to_xml(result: QueryResult) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    lines += [f'  <variable name="{v}"/>' for v in result.variables]
    lines.append("</head>")
    if result.kind == "ask":
        lines.append(f"<boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        lines.append("<results>")
        for row in result.rows:
            lines.append("  <result>")
            lines += [f'    <binding name="{v}">{_xml_term(t)}</binding>'
                      for v, t in zip(result.variables, row) if t is not None]
            lines.append("  </result>")
        lines.append("</results>")
    lines.append("</sparql>")
    return "\n".join(lines) + "\n"


def _to_csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(result.variables)
        for row in result.values():
            writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue()


def _tsv_term(term: Any) -> str:
    if term is None:
        return ""
    return str(term).replace("\t", "\\t")


def _to_tsv(result: QueryResult) -> str:
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


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
    if not result.rows:
        return table(result.variables, [], limit) + "(no rows)\n"
    body = table(result.variables, [[_cell(t) for t in row] for row in result.rows], limit)
    return body + f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})\n"


def serialize(result: QueryResult, fmt: str = "table", limit: int = 60) -> str:
    """``result`` in one of FORMATS; triples (CONSTRUCT, DESCRIBE) always come as sorted N-Triples."""
    if result.kind == "graph":
        return "".join(sorted(f"{t.subject} {t.predicate} {t.object} .\n" for t in result.triples))
    writers = {"csv": _to_csv, "tsv": _to_tsv, "json": _to_json, "xml": _to_xml}
    if fmt == "table":
        return _to_table(result, limit)
    if fmt not in writers:
        raise QueryError(f"unknown results format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return writers[fmt](result)

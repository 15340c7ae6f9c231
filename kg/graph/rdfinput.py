"""Reading an RDF file that a user hands over (``kg validate``), in any format rdflib reads,
with the parsers' blow-ups closed before rdflib sees the data.

* XML (RDF/XML, TriX) is first read by expat with entity declarations refused: a 1 KB
  "billion laughs" file would otherwise expand to gigabytes. External entities are never
  loaded, and elements may nest at most :data:`MAX_XML_DEPTH` deep.
* Text that expat hands over in many chunks (``&amp;`` or ``&#65;`` split it) is joined
  before rdflib's handler gets it: rdflib appends chunk by chunk, which is quadratic in the
  length of one literal (4 MB of ``a&amp;`` took 13 s).
* JSON-LD contexts are never fetched: a ``@context`` given as a URL (or ``@import``) would
  make the parser open it over the network with no time limit.
* Only regular files are read: a named pipe or a device would block or never end.
"""

from __future__ import annotations

import gzip
import io
import json
import stat
import xml.parsers.expat
from pathlib import Path
from typing import Any, Callable

from rdflib import Dataset, Graph

from kg.errors import RDFParseError

__all__ = ["read_graph", "check_xml", "check_jsonld", "MAX_XML_DEPTH"]

MAX_XML_DEPTH = 1_000
_QUAD_FORMATS = ("nquads", "trig", "trix")


def read_graph(path: Path) -> Graph:
    """The triples of the RDF file ``path`` (format from its name; named graphs merged).

    Raises :class:`~kg.errors.RDFParseError` when the file is refused before parsing; the
    parsers' own errors pass through.
    """
    from rdflib.util import guess_format

    name = str(path)
    _regular_file(path)
    if name.endswith((".nq.gz", ".nt.gz")):
        with gzip.open(path, "rb") as handle:
            data = handle.read()
        fmt = "nquads" if name.endswith(".nq.gz") else "nt"
    else:
        data = path.read_bytes()
        fmt = guess_format(name) or "turtle"
    base = path.resolve().as_uri()
    if fmt in ("xml", "trix"):
        check_xml(data)
        return _parse_xml(data, fmt, base)
    if fmt == "json-ld":
        check_jsonld(data)
    if fmt in _QUAD_FORMATS:
        dataset = Dataset()
        dataset.parse(data=data.decode("utf-8"), format=fmt, publicID=base)
        return _union(dataset)
    return Graph().parse(data=data, format=fmt, publicID=base)


def _regular_file(path: Path) -> None:
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        raise RDFParseError("not a regular file (a pipe, device or folder is never read)")


def _union(dataset: Dataset) -> Graph:
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


# ---- XML -----------------------------------------------------------------------------------
def check_xml(data: bytes, max_depth: int = MAX_XML_DEPTH) -> None:
    """Refuse XML that declares entities or nests deeper than ``max_depth``; one pass of
    expat, which stops at the first declaration, before any entity is expanded."""
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth = 0

    def entity(name: str, is_parameter: int, *_: Any) -> None:
        kind = "parameter entity" if is_parameter else "entity"
        raise RDFParseError(f"the XML declares the {kind} {name!r}; entity declarations are refused "
                            f"(they can expand a small file to gigabytes)")

    def external(*_: Any) -> int:
        raise RDFParseError("the XML refers to an external entity; external entities are never loaded")

    def start(*_: Any) -> None:
        nonlocal depth
        depth += 1
        if depth > max_depth:
            raise RDFParseError(f"XML elements nested over {max_depth:,} deep (line {parser.CurrentLineNumber})")

    def end(*_: Any) -> None:
        nonlocal depth
        depth -= 1

    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = lambda name, *_: entity(name, 0)
    parser.ExternalEntityRefHandler = external
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise RDFParseError(f"not well-formed XML: {xml.parsers.expat.ErrorString(exc.code)} "
                            f"(line {exc.lineno}, column {exc.offset})") from None


class _JoinedText:
    """A SAX content handler in front of another that passes adjacent text on as one call."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._text: list[str] = []

    def characters(self, content: str) -> None:
        self._text.append(content)

    def __getattr__(self, name: str) -> Callable[..., Any]:
        forward = getattr(self._inner, name)

        def call(*args: Any) -> Any:
            if self._text:
                text, self._text = "".join(self._text), []
                self._inner.characters(text)
            return forward(*args)
        return call


def _parse_xml(data: bytes, fmt: str, base: str) -> Graph:
    from xml.sax.xmlreader import InputSource

    source = InputSource(base)
    source.setByteStream(io.BytesIO(data))
    if fmt == "xml":
        from rdflib.plugins.parsers.rdfxml import create_parser

        graph = Graph()
        reader = create_parser(source, graph)
    else:
        from rdflib.plugins.parsers.trix import create_parser as create_trix_parser

        dataset = Dataset()
        reader = create_trix_parser(dataset.store)
    reader.setContentHandler(_JoinedText(reader.getContentHandler()))
    reader.parse(source)
    return graph if fmt == "xml" else _union(dataset)


# ---- JSON-LD -------------------------------------------------------------------------------
def check_jsonld(data: bytes) -> None:
    """Refuse JSON-LD whose context would be fetched: ``@context`` or ``@import`` naming a URL."""
    try:
        document = json.loads(data)
    except RecursionError:
        raise RDFParseError("JSON nested too deep") from None
    except ValueError:
        return  # not JSON: the parser says so in its own words
    pending = [document]
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in ("@context", "@import"):
                    for item in value if isinstance(value, list) else [value]:
                        if isinstance(item, str):
                            raise RDFParseError(f"the JSON-LD {key} {item[:100]!r} names a document to fetch; "
                                                f"remote contexts are never fetched (put the context inline)")
                pending.append(value)

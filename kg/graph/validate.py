"""SHACL validation with pyshacl: shapes parsed once per process, one readout graph at a time.

Most graphs conform, and pySHACL spends most of its time building reports that are then
discarded, so a graph first goes through :mod:`kg.graph.shacl`, a compiled conformance check that
answers "conforms" only where pySHACL would report nothing. Every report comes from pySHACL.
Set ``KG_VALIDATOR=pyshacl`` to send every graph to pySHACL.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Namespace
from rdflib.collection import Collection
from rdflib.namespace import RDF

from kg.errors import RDFParseError
from kg.namespaces import BINDINGS
from kg.graph.rdfinput import read_graph
from kg.resources import SHAPES, schema_path
from kg.graph.shacl import conforms as fast_conforms

__all__ = ["Violation", "validate_graph", "validate_triples", "validate_file", "shapes_graph", "pyshacl_violations"]

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True, order=True)
class Violation:
    focus: str
    path: str
    shape: str
    message: str
    severity: str = "Violation"

    def line(self) -> str:
        return f"{self.focus}: {self.message} (shape {self.shape}, path {self.path})"


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(schema_path(SHAPES))


def _fast() -> bool:
    return os.environ.get("KG_VALIDATOR", "fast") != "pyshacl"


def validate_graph(data: Graph) -> list[Violation]:
    """All SHACL results for ``data``, sorted; an empty list means it conforms."""
    if _fast() and fast_conforms(data, shapes_graph()) is True:
        return []
    return pyshacl_violations(data)


def validate_triples(triples: Iterable[tuple]) -> list[Violation]:
    """:func:`validate_graph` for a list of triples: a graph is built only for pySHACL."""
    triples = list(triples)
    if _fast() and fast_conforms(triples, shapes_graph()) is True:
        return []
    graph = Graph()
    for prefix, namespace in BINDINGS.items():  # as kg.graph.rdf.to_graph: generated messages use them
        graph.bind(prefix, namespace)
    for triple in triples:
        graph.add(triple)
    return pyshacl_violations(graph)


def pyshacl_violations(data: Graph) -> list[Violation]:
    """pySHACL's results for ``data`` as sorted :class:`Violation` s (no fast path)."""
    conforms, results, _ = shacl_validate(data, shacl_graph=shapes_graph(), inference="none",
                                          abort_on_first=False, allow_warnings=False, advanced=False)
    if conforms:
        return []
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        def one(predicate):
            value = results.value(result, predicate)
            return "" if value is None else str(value)
        shape = results.value(result, SH.sourceShape)
        # property shapes are blank nodes: name the node shape that holds them
        parent = results.value(result, SH.sourceShape)
        owner = next(shapes_graph().subjects(SH.property, parent), None) if parent is not None else None
        severity = one(SH.resultSeverity).rsplit("#", 1)[-1]
        violations.append(Violation(
            focus=one(SH.focusNode),
            path=_path_text(results, results.value(result, SH.resultPath)),
            shape=str(owner if owner is not None else shape).rsplit("#", 1)[-1],
            message=one(SH.resultMessage),
            severity=severity,
        ))
    return sorted(set(violations))


def _path_text(results: Graph, path) -> str:
    """A result path as text: an IRI, or a complex path (a blank node in the report, whose
    label changes from run to run) written as in SPARQL: ``p1/p2``, ``^p``, ``p1|p2``."""
    if path is None:
        return ""
    if not isinstance(path, BNode):
        return str(path)
    if results.value(path, RDF.first) is not None:
        return "/".join(_path_text(results, step) for step in Collection(results, path))
    inverse = results.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _path_text(results, inverse)
    alternatives = results.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path_text(results, step) for step in Collection(results, alternatives)) + ")"
    for modifier, suffix in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        inner = results.value(path, modifier)
        if inner is not None:
            return _path_text(results, inner) + suffix
    return "[complex path]"


def validate_file(path: Path) -> list[Violation]:
    """Validate any RDF file (format from its extension) against shapes.ttl.

    Raises :class:`~kg.errors.RDFParseError` (one line) when the file is not parseable RDF,
    or is refused before parsing (see :mod:`kg.graph.rdfinput`: entity declarations in XML,
    remote JSON-LD contexts, a file that is not a regular file).
    """
    try:
        graph = read_graph(path)
    except RDFParseError:
        raise
    except Exception as exc:  # each rdflib parser raises its own kind of error
        detail = " ".join(str(exc).split())
        if len(detail) > 300:
            detail = detail[:297] + "..."
        raise RDFParseError(f"{type(exc).__name__}: {detail}") from exc
    return validate_graph(graph)

"""One readout through every stage: read → extract → RDF → validate. Pure of side
effects, so it runs the same in the main process, in a worker, or from a test."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError
from kg.extract import extract
from kg.model import Document, Extraction
from kg.rdf import Minter, Triple, extraction_triples, to_graph
from kg.registry import Registry, load_registry
from kg.sources import read_document
from kg.validate import Violation, validate_graph

__all__ = ["Outcome", "process_document", "process_path"]


@dataclass
class Outcome:
    """What one readout produced; ``ok`` when it may be published."""

    source: str
    sha256: str | None = None
    extraction: Extraction | None = None
    triples: list[Triple] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.violations and self.extraction is not None

    graph_iri: str | None = None


def process_document(document: Document, registry: Registry | None = None, base: str | None = None,
                     lang: str | None = None, validate: bool = True) -> Outcome:
    registry = registry or load_registry()
    mint = Minter(base) if base else Minter()
    outcome = Outcome(document.source, document.sha256)
    try:
        extraction = extract(document, registry, lang)
    except KGError as exc:
        outcome.error = str(exc)
        return outcome
    outcome.extraction = extraction
    if not extraction.events:
        outcome.error = f"{document.source}: {extraction.notes[0] if extraction.notes else 'no encounter found'}"
        return outcome
    outcome.triples = extraction_triples(extraction, registry, mint)
    outcome.graph_iri = str(mint.readout(document.sha256))
    if validate:
        outcome.violations = validate_graph(to_graph(outcome.triples))
    return outcome


def process_path(path: Path, root: Path | None = None, registry: Registry | None = None, base: str | None = None,
                 lang: str | None = None, validate: bool = True, **metadata: str | None) -> Outcome:
    try:
        document = read_document(path, root, **metadata)
    except KGError as exc:
        source = path.relative_to(root).as_posix() if root and root.is_dir() and path.is_relative_to(root) else path.name
        return Outcome(source, error=str(exc))
    return process_document(document, registry, base, lang, validate)

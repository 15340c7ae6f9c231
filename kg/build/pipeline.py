"""One readout through every stage: read → extract → RDF → validate. Pure of side
effects, so it runs the same in the main process, in a worker, or from a test."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from kg.errors import KGError
from kg.extract import extract
from kg.model import Document, Extraction
from kg.graph.rdf import Minter, ReadoutGraph, Triple, extraction_graph
from kg.knowledge.registry import Registry, load_registry
from kg.sources.reader import read_document, source_name
from kg.graph.validate import Violation, validate_triples

__all__ = ["Outcome", "process_document", "process_path"]


@dataclass
class Outcome:
    """What one readout produced; ``ok`` when it may be published."""

    source: str
    sha256: str | None = None
    extraction: Extraction | None = None
    # the readout's graph with the descriptions of the entities it mentions: what is validated
    triples: list[Triple] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # its named graph as published, in N-Triples syntax
    graph: ReadoutGraph | None = None  # the named graph and the descriptions apart (kg.graph.rdf)
    violations: list[Violation] = field(default_factory=list)
    error: str | None = None
    skipped: bool = False  # the error is that the text, read, holds nothing to publish: not a fault of the file
    flags: list[str] = field(default_factory=list)  # published, but with a warning ("truncated: ...")

    @property
    def ok(self) -> bool:
        return self.error is None and not self.violations and self.extraction is not None

    graph_iri: str | None = None


def process_document(document: Document, registry: Registry | None = None, base: str | None = None,
                     lang: str | None = None, validate: bool = True) -> Outcome:
    registry = registry or load_registry()
    mint = Minter(base) if base else Minter()
    outcome = Outcome(document.source, document.sha256)
    if document.truncated:
        outcome.flags.append(f"{document.source}: {document.truncated}; what it says is kept, flagged kg:truncated")
    try:
        extraction = extract(document, registry, lang)
    except KGError as exc:
        outcome.error = str(exc)
        return outcome
    except Exception as exc:  # a bug must cost one readout, not the whole build
        outcome.error = f"{document.source}: extractor failed ({type(exc).__name__}: {' '.join(str(exc).split())})"
        return outcome
    outcome.extraction = extraction
    if not extraction.events:  # a press statement, a language the extractor does not read
        outcome.error = f"{document.source}: {extraction.notes[0] if extraction.notes else 'no encounter found'}"
        outcome.skipped = True
        return outcome
    outcome.graph = extraction_graph(extraction, registry, mint)
    outcome.triples, outcome.lines = outcome.graph.described(), outcome.graph.lines
    outcome.graph_iri = str(mint.readout(document.sha256))
    if validate:
        outcome.violations = validate_triples(outcome.triples)
    return outcome


def process_path(path: Path, root: Path | None = None, registry: Registry | None = None, base: str | None = None,
                 lang: str | None = None, validate: bool = True, metadata: Mapping[str, str] | None = None) -> Outcome:
    """One readout file through every stage. ``lang`` forces the language (``--lang``);
    ``metadata`` holds the file's manifest fields (url, publisher, lang, published, licence)."""
    try:
        document = read_document(path, root, **dict(metadata or {}))
    except KGError as exc:
        return Outcome(source_name(path, root), error=str(exc))
    return process_document(document, registry, base, lang, validate)

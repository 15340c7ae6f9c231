"""`kg publish`: a build folder turned into a folder to put online.

The folder holds the N-Quads dump (gzip), the Turtle union, the ontology and shapes, a
VoID + DCAT description (``void.ttl``) and ``SHA256SUMS``. Every file is written
atomically and depends only on the build, never on the clock: the gzip header carries
mtime 0 and the dataset's date is the latest publication date of its readouts, so two
publishes of the same build are byte-identical.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, SH, VOID

from kg import __version__
from kg.errors import DumpNotFound, KGError
from kg.namespaces import BINDINGS, DCTERMS, RDF, RDFS, SCHEMA, XSD
from kg.sparql.query import describe_query, ensure_union, list_queries, run_query
from kg.graph.rdf import Triple, ntriples_term
from kg.resources import ONTOLOGY, SHAPES, schema_path
from kg.build.store import DUMP_NQ, DUMP_TTL, load_store
from kg.files import atomic_writer

__all__ = ["publish", "PublishResult", "generate_void", "DEFAULT_LICENSE", "DEFAULT_BASE_URL", "PUBLISHED_FILES",
           "SUMS"]

# A placeholder until the project picks a licence for the data (README, "Publishing")
DEFAULT_LICENSE = "https://w3id.org/readout-kg/licence/to-be-decided"
DEFAULT_BASE_URL = "https://w3id.org/readout-kg/dist/"
DUMP_GZ = DUMP_NQ + ".gz"
VOID_TTL = "void.ttl"
SUMS = "SHA256SUMS"
PUBLISHED_FILES = (DUMP_GZ, DUMP_TTL, ONTOLOGY, SHAPES, VOID_TTL, SUMS)

_MEDIA = {
    DUMP_GZ: "application/n-quads",
    DUMP_TTL: "text/turtle",
    ONTOLOGY: "text/turtle",
    SHAPES: "text/turtle",
}
_IANA = "https://www.iana.org/assignments/media-types/"
_FORMATS = "http://www.w3.org/ns/formats/"
_VOCABULARIES = ("kg", "prov", "org", "oa", "skos", "sem", "dcterms", "schema", "owl")
_FORM = re.compile(r"^\s*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE | re.MULTILINE)


@dataclass
class PublishResult:
    out: Path
    files: dict[str, str]  # name -> sha256
    triples: int
    created: str | None


def _iri(base_url: str, name: str) -> URIRef:
    return URIRef(base_url + name)


def _scalar(store: Any, query: str) -> str | None:
    rows = run_query(store, query).values()
    return rows[0][0] if rows and rows[0] else None


def _class_key(iri: str) -> str:
    """A readable fragment for a class: ``kg-Person``, ``oa-TextQuoteSelector``."""
    for name, namespace in sorted(BINDINGS.items(), key=lambda item: -len(str(item[1]))):
        if iri.startswith(str(namespace)):
            return re.sub(r"[^A-Za-z0-9_-]+", "-", f"{name}-{iri[len(str(namespace)):]}")
    return hashlib.sha1(iri.encode("utf-8")).hexdigest()[:12]


def _query_triples(dataset: URIRef, base_url: str) -> list[Triple]:
    out: list[Triple] = []
    properties = {"SELECT": SH.select, "ASK": SH.ask, "CONSTRUCT": SH.construct}
    for name, path in list_queries().items():
        text = path.read_text(encoding="utf-8")
        form = _FORM.search("\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")))
        keyword = form.group(1).upper() if form else "SELECT"
        node = URIRef(f"{base_url}{VOID_TTL}#query-{name}")
        out += [(node, RDF.type, SH.SPARQLExecutable), (node, RDFS.label, Literal(name)),
                (node, RDFS.comment, Literal(describe_query(text), lang="en")), (node, SCHEMA.target, dataset)]
        if keyword in properties:
            out += [(node, RDF.type, SH[f"SPARQL{keyword.title()}Executable"]), (node, properties[keyword], Literal(text))]
    return out


def generate_void(store: Any, sizes: dict[str, int], license_iri: str = DEFAULT_LICENSE,
                  base_url: str = DEFAULT_BASE_URL) -> list[Triple]:
    """The VoID + DCAT description of the dataset in ``store``, with the files of ``sizes``."""
    ensure_union(store)
    dataset = URIRef(f"{base_url}{VOID_TTL}#dataset")
    triples = int(_scalar(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") or 0)
    created = _scalar(store, "SELECT (MAX(?d) AS ?latest) WHERE { ?r a kg:Readout ; dcterms:issued ?d }")
    classes = run_query(store, "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class "
                               "ORDER BY ?class").values()
    entities = _scalar(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class }")
    graphs = _scalar(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { } }")
    registry = _scalar(store, "SELECT ?g WHERE { GRAPH ?g { } FILTER(STRENDS(STR(?g), '/graph/registry')) } LIMIT 1")
    out: list[Triple] = [
        (dataset, RDF.type, VOID.Dataset), (dataset, RDF.type, DCAT.Dataset),
        (dataset, DCTERMS.title, Literal("readout-kg: official diplomatic readouts as a knowledge graph", lang="en")),
        (dataset, DCTERMS.description, Literal(
            f"Encounters, participants, posts and endorsements extracted from official diplomatic readouts, each "
            f"tied to the sentence it came from; one named graph per readout plus the registry graph "
            f"({graphs} graphs). Built by readout-kg {__version__}.", lang="en")),
        (dataset, DCTERMS.license, URIRef(license_iri)),
        (dataset, VOID.triples, Literal(triples, datatype=XSD.integer)),
        (dataset, VOID.entities, Literal(int(entities or 0), datatype=XSD.integer)),
        (dataset, VOID.classes, Literal(len(classes), datatype=XSD.integer)),
        (dataset, VOID.feature, URIRef(_FORMATS + "N-Quads")), (dataset, VOID.feature, URIRef(_FORMATS + "Turtle")),
        (dataset, DCTERMS.conformsTo, _iri(base_url, SHAPES)),
    ]
    if created:
        out.append((dataset, DCTERMS.created, Literal(created, datatype=XSD.date)))
    if registry:
        out.append((dataset, VOID.uriSpace, Literal(registry[: -len("graph/registry")])))
    for prefix in _VOCABULARIES:
        out.append((dataset, VOID.vocabulary, URIRef(str(BINDINGS[prefix]))))
    for class_iri, count in classes:
        partition = URIRef(f"{base_url}{VOID_TTL}#class-{_class_key(class_iri)}")
        out += [(dataset, VOID.classPartition, partition), (partition, VOID["class"], URIRef(class_iri)),
                (partition, VOID.entities, Literal(int(count), datatype=XSD.integer))]
    for name, size in sorted(sizes.items()):
        file_iri = _iri(base_url, name)
        out += [(dataset, DCAT.distribution, file_iri), (file_iri, RDF.type, DCAT.Distribution),
                (file_iri, DCAT.downloadURL, file_iri), (file_iri, DCTERMS.title, Literal(name)),
                (file_iri, DCAT.mediaType, URIRef(_IANA + _MEDIA[name])),
                (file_iri, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger))]
        if name in (DUMP_GZ, DUMP_TTL):
            out.append((dataset, VOID.dataDump, file_iri))
        if name == DUMP_GZ:
            out.append((file_iri, DCAT.compressFormat, URIRef(_IANA + "application/gzip")))
    return out + _query_triples(dataset, base_url)


def _write_turtle(triples: list[Triple], target: Path) -> None:
    import pyoxigraph as ox

    lines = sorted({f"{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)} .\n" for s, p, o in triples})
    parsed = ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    prefixes = {k: str(v) for k, v in BINDINGS.items()} | {
        "void": str(VOID), "dcat": str(DCAT), "sh": str(SH), "rdfs": str(RDFS), "rdf": str(RDF)}
    text = ox.serialize(parsed, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8")
    head = [line for line in text.splitlines(keepends=True) if line.startswith("@prefix ")]
    body = text[sum(len(line) for line in head):]
    with atomic_writer(target) as out:  # prefixes sorted: their order must not depend on a hash map
        out.write("".join(sorted(head)) + body)


def _copy(source: Path, target: Path, compress: bool = False) -> None:
    with source.open("rb") as src, atomic_writer(target, binary=True, compress=compress) as dst:
        shutil.copyfileobj(src, dst, 1 << 20)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def publish(build_dir: Path, out: Path, license_iri: str = DEFAULT_LICENSE,
            base_url: str = DEFAULT_BASE_URL) -> PublishResult:
    """Write the published folder ``out`` from the build folder ``build_dir``."""
    dump, union = build_dir / DUMP_NQ, build_dir / DUMP_TTL
    if not dump.is_file() or not union.is_file():
        raise DumpNotFound(f"{build_dir} holds no {DUMP_NQ} and {DUMP_TTL}; run `kg build` first")
    if not re.match(r"^https?://[^\s<>\"{}|\\^`]+/$", base_url):
        raise KGError(f"--base-url must be an http(s) IRI ending in /, got {base_url!r}")
    if not re.match(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]+$", license_iri):
        raise KGError(f"--license must be an absolute IRI, got {license_iri!r}")
    if out.resolve() == build_dir.resolve():
        raise KGError("--out must differ from the build folder")
    out.mkdir(parents=True, exist_ok=True)
    _copy(dump, out / DUMP_GZ, compress=True)
    _copy(union, out / DUMP_TTL)
    _copy(schema_path(ONTOLOGY), out / ONTOLOGY)
    _copy(schema_path(SHAPES), out / SHAPES)
    sizes = {name: (out / name).stat().st_size for name in _MEDIA}
    store = load_store(dump)
    description = generate_void(store, sizes, license_iri, base_url)
    _write_turtle(description, out / VOID_TTL)
    sums = {name: _sha256(out / name) for name in sorted(PUBLISHED_FILES) if name != SUMS}
    with atomic_writer(out / SUMS) as handle:
        handle.writelines(f"{digest}  {name}\n" for name, digest in sums.items())
    created = next((str(o) for _, p, o in description if p == DCTERMS.created), None)
    triples = next(int(o) for s, p, o in description if p == VOID.triples)
    return PublishResult(out, sums, triples, created)

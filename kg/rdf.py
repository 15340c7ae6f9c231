"""From an extraction to RDF: deterministic IRIs and the triples of one readout's named graph.

Triples are plain tuples of rdflib terms, so the same list feeds validation (an rdflib
Graph) and the dump writers (N-Quads written line by line), without a whole-dataset
serialiser in between.
"""

from __future__ import annotations

import hashlib
import re
from typing import Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg import __version__
from kg.extract.persons import name_key
from kg.model import Endorsement, Event, Extraction, Span
from kg.namespaces import (BINDINGS, DCTERMS, DEFAULT_BASE, EVENT_CLASS, KG, OA, ORG, OWL, PROV, RDF, RDFS, ROLE,
                           SCHEMA, SEM, SKOS, STANCE, TOPIC, WD, XSD)
from kg.registry import Registry

__all__ = ["Minter", "Triple", "extraction_triples", "extraction_graph", "registry_triples", "to_graph", "topic_iri",
           "ntriples_term", "sort_triples"]

Triple = tuple[Node, Node, Node]


class _Terms:
    """A namespace whose terms are built once: rdflib builds a new URIRef on every
    ``KG.Evidence`` (a tenth of the time of a readout's triples). Misspelt terms still fail."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):  # introspection (copy, pickle, mock), not a term
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return self._namespace[name]


KG, OA, ORG, PROV, RDF, RDFS, SEM, SKOS, XSD, DCTERMS, SCHEMA, OWL = (
    _Terms(ns) for ns in (KG, OA, ORG, PROV, RDF, RDFS, SEM, SKOS, XSD, DCTERMS, SCHEMA, OWL))


class _Out(list):
    """The triples of one graph as they are made, with the evidence and actor nodes
    already written (a sentence is the evidence of several facts)."""

    def __init__(self) -> None:
        super().__init__()
        self.made: dict[tuple, URIRef] = {}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def topic_iri(label: str) -> URIRef:
    return TOPIC[_slug(label)]


class Minter:
    """Stable IRIs under one base: the same entity gets the same IRI in every run."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not re.match(r"^[a-z][a-z0-9+.-]*://[^\s<>\"{}|\\^`]+[/#]$", base):
            raise ValueError(f"--base must be an absolute IRI ending in / or #, got {base!r}")
        self.base = base

    def state(self, code: str) -> URIRef:
        return URIRef(f"{self.base}state/{code}")

    def organization(self, code: str) -> URIRef:
        return URIRef(f"{self.base}org/{code}")

    def actor(self, code: str, registry: Registry) -> URIRef:
        return self.organization(code) if code in registry.organizations else self.state(code)

    def person(self, name: str, country: str) -> URIRef:
        key = name_key(name) or "h" + hashlib.sha1(name.encode()).hexdigest()[:12]
        return URIRef(f"{self.base}person/{country}/{key}")

    def readout(self, sha256: str) -> URIRef:
        return URIRef(f"{self.base}readout/{sha256[:20]}")

    def event(self, event: Event) -> URIRef:
        people = sorted(f"{p.country}/{name_key(p.name)}" for p in event.participants)
        digest = hashlib.sha1("|".join(people).encode()).hexdigest()[:12]
        return URIRef(f"{self.base}event/{event.date or 'undated'}/{event.type}/{digest}")

    def software(self) -> URIRef:
        return URIRef(f"{self.base}software/readout-kg/{__version__}")

    def registry_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/registry")

    def statistics_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/statistics")


def _evidence(doc: URIRef, span: Span, text: str, out: list[Triple]) -> URIRef:
    made = getattr(out, "made", {})
    if ("evidence", span.start, span.end) in made:
        return made["evidence", span.start, span.end]
    node = made["evidence", span.start, span.end] = URIRef(f"{doc}#s{span.start}-{span.end}")
    quote = URIRef(f"{node}-quote")
    position = URIRef(f"{node}-pos")
    out += [
        (node, RDF.type, KG.Evidence),
        (node, RDF.type, OA.SpecificResource),
        (node, OA.hasSource, doc),
        (node, OA.hasSelector, quote),
        (node, OA.hasSelector, position),
        (quote, RDF.type, OA.TextQuoteSelector),
        (quote, OA.exact, Literal(text[span.start:span.end])),
        (position, RDF.type, OA.TextPositionSelector),
        (position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)),
        (position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)),
    ]
    return node


def _actor_stub(code: str, registry: Registry, mint: Minter, out: list[Triple]) -> URIRef:
    """Type and code of a state or organisation, so each graph validates on its own."""
    made = getattr(out, "made", {})
    if ("actor", code) in made:
        return made["actor", code]
    made["actor", code] = iri = _new_actor_stub(code, registry, mint, out)
    return iri


def _new_actor_stub(code: str, registry: Registry, mint: Minter, out: list[Triple]) -> URIRef:
    if code in registry.organizations:
        iri = mint.organization(code)
        out += [(iri, RDF.type, KG.Organization), (iri, KG.code, Literal(code)),
                (iri, SKOS.prefLabel, Literal(registry.organizations[code].label("en"), lang="en"))]
    else:
        iri = mint.state(code)
        label = registry.states[code].label("en") if code in registry.states else code
        out += [(iri, RDF.type, KG.State), (iri, KG.iso3, Literal(code)), (iri, SKOS.prefLabel, Literal(label, lang="en"))]
    return iri


def extraction_triples(extraction: Extraction, registry: Registry, mint: Minter) -> list[Triple]:
    """The triples of one readout's named graph, deduplicated and sorted."""
    return extraction_graph(extraction, registry, mint)[0]


def extraction_graph(extraction: Extraction, registry: Registry, mint: Minter) -> tuple[list[Triple], list[str]]:
    """:func:`extraction_triples` and, in the same order, each triple in N-Triples syntax
    (without the final " ."): what the dump writes, computed once."""
    doc_info = extraction.document
    text = doc_info.text
    doc = mint.readout(doc_info.sha256)
    activity = URIRef(f"{doc}#extraction")
    out: list[Triple] = _Out()
    out += [
        (doc, RDF.type, KG.Readout),
        (doc, RDF.type, PROV.Entity),
        (doc, KG.sourceFile, Literal(doc_info.source)),
        (doc, KG.contentHash, Literal("sha256:" + doc_info.sha256)),
        (doc, DCTERMS.language, Literal(extraction.lang, datatype=XSD.language)),
        (activity, RDF.type, KG.Extraction),
        (activity, RDF.type, PROV.Activity),
        (activity, PROV.used, doc),
        (activity, PROV.wasAssociatedWith, mint.software()),
        (mint.software(), RDF.type, PROV.SoftwareAgent),
        (mint.software(), RDFS.label, Literal(f"readout-kg {__version__}")),
    ]
    if extraction.published:
        out.append((doc, DCTERMS.issued, Literal(extraction.published, datatype=XSD.date)))
    if doc_info.truncated:
        out.append((doc, KG.truncated, Literal(True)))
    if extraction.headline:
        out.append((doc, KG.headline, Literal(extraction.headline, lang=extraction.lang)))
    if doc_info.url:
        out.append((doc, SCHEMA.url, Literal(doc_info.url, datatype=XSD.anyURI)))
    if doc_info.publisher:
        out.append((doc, DCTERMS.publisher, Literal(doc_info.publisher)))
    if doc_info.licence:
        out.append((doc, DCTERMS.license, Literal(doc_info.licence)))
    if extraction.publisher_country:
        out.append((doc, KG.publisherState, _actor_stub(extraction.publisher_country, registry, mint, out)))
    for event in extraction.events:
        _event_triples(event, extraction, registry, mint, doc, activity, out)
    placed: set[tuple] = set()
    for endorsement in extraction.endorsements:
        _endorsement_triples(endorsement, registry, mint, doc, activity, text, out)
        if endorsement.key not in placed:  # one statement, one place, however many sentences say it
            placed.add(endorsement.key)
            _stated_at(endorsement, extraction.events, mint, doc, out)
    return sort_triples(out)


def _event_triples(event: Event, extraction: Extraction, registry: Registry, mint: Minter, doc: URIRef,
                   activity: URIRef, out: list[Triple]) -> None:
    text = extraction.document.text
    iri = mint.event(event)
    out += [
        (iri, RDF.type, EVENT_CLASS[event.type]),
        (iri, RDF.type, KG.Encounter),  # so that `?e a kg:Encounter` finds every encounter
        (iri, KG.dateInferred, Literal(event.date_inferred)),
        (iri, KG.evidence, _evidence(doc, event.evidence, text, out)),
        (iri, PROV.wasDerivedFrom, doc),
        (iri, PROV.wasGeneratedBy, activity),
    ]
    if event.date:
        out.append((iri, KG.date, Literal(event.date, datatype=XSD.date)))
    if event.requested_by:
        out.append((iri, KG.requestedBy, _actor_stub(event.requested_by, registry, mint, out)))
    for p in event.participants:
        person = mint.person(p.name, p.country)
        actor = _actor_stub(p.country, registry, mint, out)
        # keyed by encounter too: a readout of two calls has the host in both
        key = f"{str(iri).rsplit('/', 1)[-1]}-{p.country}-{name_key(p.name) or 'x'}"
        participation = URIRef(f"{doc}#p-{key}")
        out += [
            (person, RDF.type, KG.Person),
            (person, RDFS.label, Literal(p.name)),
            (person, KG.represents, actor),
            (iri, SEM.hasActor, person),
            (iri, KG.participation, participation),
            (participation, RDF.type, KG.Participation),
            (participation, KG.participant, person),
            (participation, KG.atEncounter, iri),
            (participation, KG.evidence, _evidence(doc, p.evidence or event.evidence, text, out)),
            (participation, PROV.wasGeneratedBy, activity),
        ]
        if p.qid:
            out.append((person, OWL.sameAs, WD[p.qid]))
        if p.written:
            out.append((participation, KG.nameAsWritten, Literal(p.written, lang=extraction.lang)))
        for role, title in sorted(p.roles.items()):
            holding = URIRef(f"{doc}#r-{key}-{role}")
            out += [
                (participation, KG.roleHolding, holding),
                (holding, RDF.type, KG.RoleHolding),
                (holding, RDF.type, ORG.Membership),
                (holding, ORG.member, person),
                (holding, ORG.organization, actor),
                (holding, ORG.role, ROLE[role]),
                (holding, KG.titleAsWritten, Literal(title, lang=extraction.lang)),
                (holding, KG.atEncounter, iri),
                (holding, KG.evidence, _evidence(doc, p.role_evidence.get(role) or p.evidence or event.evidence, text, out)),
                (holding, PROV.wasGeneratedBy, activity),
            ]


def _endorsement_triples(e: Endorsement, registry: Registry, mint: Minter, doc: URIRef, activity: URIRef,
                         text: str, out: list[Triple]) -> None:
    digest = hashlib.sha1("|".join(str(x) for x in e.key).encode()).hexdigest()[:12]
    iri = URIRef(f"{doc}#e-{digest}")
    out += [
        (iri, RDF.type, KG.Endorsement),
        (iri, KG.endorser, _actor_stub(e.endorser, registry, mint, out)),
        (iri, KG.stance, STANCE[e.stance]),
        (iri, KG.evidence, _evidence(doc, e.evidence, text, out)),
        (iri, PROV.wasDerivedFrom, doc),
        (iri, PROV.wasGeneratedBy, activity),
    ]
    if e.target:
        out.append((iri, KG.target, _actor_stub(e.target, registry, mint, out)))
    if e.topic:
        if e.topic in registry.organizations:
            out.append((iri, KG.topic, _actor_stub(e.topic, registry, mint, out)))
        else:
            topic = topic_iri(e.topic)
            out += [(iri, KG.topic, topic), (topic, RDF.type, KG.Topic), (topic, SKOS.prefLabel, Literal(e.topic, lang="en"))]


def _stated_at(e: Endorsement, events: list[Event], mint: Minter, doc: URIRef, out: list[Triple]) -> None:
    """Where and by whom a stance was stated: the encounter of the readout it is reported at
    (the last one whose account starts before the stance's sentence, else the first), and
    the endorsing side's one participant there, when the side had exactly one."""
    if not events:
        return
    before = [event for event in events if event.evidence.start <= e.evidence.start]
    event = before[-1] if before else events[0]
    iri = URIRef(f"{doc}#e-{hashlib.sha1('|'.join(str(x) for x in e.key).encode()).hexdigest()[:12]}")
    out.append((iri, KG.statedAt, mint.event(event)))
    speakers = [p for p in event.participants if p.country == e.endorser]
    if len(speakers) == 1:
        out.append((iri, KG.speaker, mint.person(speakers[0].name, speakers[0].country)))


def _labels(iri: URIRef, names_by_lang: dict[str, list[str]]) -> list[Triple]:
    """The first name in each language is the preferred label, the others alternatives."""
    return [(iri, SKOS.prefLabel if position == 0 else SKOS.altLabel, Literal(name, lang=lang))
            for lang, names in names_by_lang.items() for position, name in enumerate(names)]


def registry_triples(registry: Registry, mint: Minter) -> list[Triple]:
    """The registry as published: states, organisations, officials, and the concept schemes."""
    out: list[Triple] = []
    actors = [(mint.state(x.code), KG.State, KG.iso3, x) for x in registry.states.values()] + \
             [(mint.organization(x.code), KG.Organization, KG.code, x) for x in registry.organizations.values()]
    for iri, kind, code_property, actor in actors:
        out += [(iri, RDF.type, kind), (iri, code_property, Literal(actor.code))]
        out += _labels(iri, actor.names)
        if actor.qid:
            out.append((iri, OWL.sameAs, WD[actor.qid]))
    for topic in registry.topics.values():
        iri = topic_iri(topic.label)
        out += [(iri, RDF.type, KG.Topic), (iri, RDF.type, SKOS.Concept), (iri, SKOS.inScheme, KG.Topic),
                (iri, SKOS.prefLabel, Literal(topic.label, lang="en"))]
        for lang, phrases in topic.phrases.items():
            for phrase in phrases:
                out.append((iri, SKOS.altLabel, Literal(phrase, lang=lang)))
        if topic.owner:
            out.append((iri, KG.topicOwner, mint.actor(topic.owner, registry)))
    for person in registry.people:
        iri = mint.person(person.name, person.country)
        out += [(iri, RDF.type, KG.Person), (iri, RDFS.label, Literal(person.name)),
                (iri, KG.represents, mint.actor(person.country, registry))]
        for variant in person.variants:
            out.append((iri, SKOS.altLabel, Literal(variant)))
        if person.qid:
            out.append((iri, OWL.sameAs, WD[person.qid]))
    return sort_triples(out)[0]


def sort_triples(triples: Iterable[Triple]) -> tuple[list[Triple], list[str]]:
    """Triples without repeats, sorted by their N-Triples form, and that form.

    Sorting the lines sorts by (subject, predicate, object) term text, as subjects and
    predicates hold no spaces; two triples are repeats when they print the same."""
    term = ntriples_term
    keyed: dict[str, Triple] = {}
    for triple in triples:
        s, p, o = triple
        keyed.setdefault(f"{term(s)} {term(p)} {term(o)}", triple)
    lines = sorted(keyed)
    return [keyed[line] for line in lines], lines


def to_graph(triples: Iterable[Triple], graph: Graph | None = None) -> Graph:
    graph = graph if graph is not None else Graph()
    for prefix, namespace in BINDINGS.items():
        graph.bind(prefix, namespace)
    for triple in triples:
        graph.add(triple)
    return graph


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r\t\b\f\x00-\x1f\x7f\ufffe\uffff]')
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


_NONCHARACTERS = re.compile("[\ufffe\uffff\ud800-\udfff]")


def _escape(value: str) -> str:
    # noncharacters and lone surrogates have no place in RDF text: strict parsers refuse them
    value = _NONCHARACTERS.sub("", value)
    return _NEEDS_ESCAPE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04X}"), value)


def ntriples_term(term: Node) -> str:
    """A term in N-Triples syntax (canonical, so sorting lines sorts the dump)."""
    if isinstance(term, URIRef):
        value = str(term)
        if _BAD_IRI.search(value):
            value = _BAD_IRI.sub(lambda m: "%%%02X" % ord(m.group()), value)
        return f"<{value}>"
    if isinstance(term, Literal):
        body = f'"{_escape(str(term))}"'
        if term.language:
            return f"{body}@{term.language}"
        if term.datatype and str(term.datatype) != str(XSD.string):
            return f"{body}^^<{term.datatype}>"
        return body
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")

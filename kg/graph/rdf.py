"""From an extraction to RDF: deterministic IRIs and the triples of one readout's named graph.

A readout's graph only references the states, organisations, people and topics it
mentions: each is described once, by the registry graph, or (a person the registry does
not know, the software that made the graph) by the ``entities`` graph. So a triple sits in
one graph only, and engines whose default graph is the union of the named graphs as a bag
(Virtuoso, pyoxigraph's ``use_default_graph_as_union``) give the rows of a set union.
:func:`extraction_graph` returns the descriptions beside the graph, for validation and for
those two graphs.

Triples are plain tuples of rdflib terms, so the same list feeds validation (an rdflib
Graph) and the dump writers (N-Quads written line by line), without a whole-dataset
serialiser in between.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from typing import Iterable, NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg import __version__
from kg.extract.persons import name_key
from kg.model import Endorsement, Event, Extraction, Span
from kg.namespaces import (BINDINGS, DCTERMS, DEFAULT_BASE, EVENT_CLASS, KG, OA, ORG, OWL, PROV, RDF, RDFS, ROLE,
                           SCHEMA, SEM, SKOS, STANCE, TOPIC, WD, XSD)
from kg.knowledge.registry import Registry
from kg.extract.hints import encounter_day_hints

__all__ = ["Minter", "Triple", "ReadoutGraph", "extraction_triples", "extraction_graph", "registry_triples",
           "to_graph", "topic_iri", "ntriples_term", "sort_triples"]

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
    """The triples of one graph as they are made, with the evidence and entity nodes
    already written (a sentence is the evidence of several facts), and apart from them the
    descriptions of the entities the graph mentions: ``entities`` (not in the registry) and
    ``references`` (in the registry, what it says of them that the shapes check)."""

    def __init__(self) -> None:
        super().__init__()
        self.made: dict[tuple, URIRef | str] = {}  # nodes written, and the labels given
        self.entities: list[Triple] = []
        self.references: list[Triple] = []


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _person_key(name: str) -> str:
    """What tells people of one state apart in their IRIs: the folded name."""
    return name_key(name) or "h" + hashlib.sha1(name.encode()).hexdigest()[:12]


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
        return URIRef(f"{self.base}person/{country}/{_person_key(name)}")

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

    def entities_graph(self) -> URIRef:
        """The graph describing what readouts mention and the registry does not."""
        return URIRef(f"{self.base}graph/entities")


class ReadoutGraph(NamedTuple):
    """One readout in RDF. ``triples`` (and ``lines``, each in N-Triples syntax without the
    final " .", in the same order) are its named graph, which only references entities;
    ``entities`` describe those the registry does not (published in the ``entities``
    graph); ``references`` are what the registry says of the others (``mentions``, their
    IRIs), in short: enough for the shapes. All three lists are sorted and disjoint."""

    triples: list[Triple]
    lines: list[str]
    entities: list[Triple]
    entity_lines: list[str]
    references: list[Triple]
    mentions: list[str]

    def described(self) -> list[Triple]:
        """The graph with the descriptions of what it mentions, sorted: a graph that stands
        on its own (what is validated, and what `kg extract` shows)."""
        term = ntriples_term
        pairs = [*zip(self.lines, self.triples), *zip(self.entity_lines, self.entities),
                 *((f"{term(s)} {term(p)} {term(o)}", (s, p, o)) for s, p, o in self.references)]
        return [triple for _, triple in sorted(pairs, key=lambda pair: pair[0])]


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


def _actor_stub(code: str, registry: Registry, mint: Minter, out: _Out) -> URIRef:
    """A state or organisation, described apart from the graph (see :class:`_Out`)."""
    if ("actor", code) not in out.made:
        out.made["actor", code] = _new_actor_stub(code, registry, mint, out)
    return out.made["actor", code]


def _new_actor_stub(code: str, registry: Registry, mint: Minter, out: _Out) -> URIRef:
    known = registry.organizations.get(code) or registry.states.get(code)
    if known is not None:  # as registry_triples describes it, with its English name
        organization = code in registry.organizations
        iri = mint.organization(code) if organization else mint.state(code)
        out.references += [(iri, RDF.type, KG.Organization if organization else KG.State),
                           (iri, KG.code if organization else KG.iso3, Literal(code))]
        out.references += [(iri, SKOS.prefLabel, Literal(name, lang="en")) for name in known.names.get("en", [])[:1]]
    else:  # a code the registry does not hold: described by the entities graph
        iri = mint.state(code)
        out.entities += [(iri, RDF.type, KG.State), (iri, KG.iso3, Literal(code)),
                         (iri, SKOS.prefLabel, Literal(code, lang="en"))]
    return iri


_PEOPLE: "weakref.WeakKeyDictionary[Registry, dict]" = weakref.WeakKeyDictionary()


def _registry_person(registry: Registry, name: str, country: str):
    """The registry's official whose IRI ``name`` and ``country`` mint, if any."""
    index = _PEOPLE.get(registry)
    if index is None:
        index = _PEOPLE[registry] = {(p.country, _person_key(p.name)): p for p in registry.people}
    return index.get((country, _person_key(name)))


def _person(name: str, country: str, qid: str | None, actor: URIRef, registry: Registry, mint: Minter,
            out: _Out) -> tuple[URIRef, str]:
    """A participant, described apart from the graph (see :class:`_Out`), and their label:
    the registry's name, or the first spelling of the readout."""
    iri = mint.person(name, country)
    if ("person", iri) in out.made:
        return iri, out.made["label", iri]
    out.made["person", iri] = iri
    known = _registry_person(registry, name, country)
    if known is not None:  # as registry_triples describes them
        label = known.name
        out.references += [(iri, RDF.type, KG.Person), (iri, RDFS.label, Literal(label)), (iri, KG.represents, actor)]
    else:
        label = name
        out.entities += [(iri, RDF.type, KG.Person), (iri, RDFS.label, Literal(name)), (iri, KG.represents, actor)]
        if qid:
            out.entities.append((iri, OWL.sameAs, WD[qid]))
    out.made["label", iri] = label
    return iri, label


def _topic(label: str, registry: Registry, out: _Out) -> URIRef:
    iri = topic_iri(label)
    if label in registry.topics:
        out.references += [(iri, RDF.type, KG.Topic), (iri, SKOS.prefLabel, Literal(label, lang="en"))]
    else:
        out.entities += [(iri, RDF.type, KG.Topic), (iri, SKOS.prefLabel, Literal(label, lang="en"))]
    return iri


def software_triples(mint: Minter) -> list[Triple]:
    """The agent every extraction is associated with, as the entities graph describes it."""
    return [(mint.software(), RDF.type, PROV.SoftwareAgent),
            (mint.software(), RDFS.label, Literal(f"readout-kg {__version__}"))]


def extraction_triples(extraction: Extraction, registry: Registry, mint: Minter) -> list[Triple]:
    """The triples of one readout's named graph with the descriptions of the entities it
    mentions (:meth:`ReadoutGraph.described`), deduplicated and sorted."""
    return extraction_graph(extraction, registry, mint).described()


def extraction_graph(extraction: Extraction, registry: Registry, mint: Minter) -> ReadoutGraph:
    """One readout's named graph and, apart, the descriptions of what it mentions; each
    triple also in N-Triples syntax (without the final " ."): what the dump writes,
    computed once."""
    doc_info = extraction.document
    text = doc_info.text
    doc = mint.readout(doc_info.sha256)
    activity = URIRef(f"{doc}#extraction")
    out = _Out()
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
    ]
    out.entities += software_triples(mint)
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
    triples, lines = sort_triples(out)
    entities, entity_lines = sort_triples(out.entities)
    references = sort_triples(out.references)[0]
    mentions = sorted({str(s) for s, _, _ in references})
    return ReadoutGraph(triples, lines, entities, entity_lines, references, mentions)


def _event_triples(event: Event, extraction: Extraction, registry: Registry, mint: Minter, doc: URIRef,
                   activity: URIRef, out: _Out) -> None:
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
    else:  # what the text says of its day, so that readouts of one encounter still meet (kg.build.resolve)
        hints = encounter_day_hints(text, (event.evidence.start, event.evidence.end), registry, extraction.lang,
                                    extraction.month_stamp, extraction.document.url)
        if hints.month_day:
            month, day = hints.month_day
            out.append((iri, KG.monthDay, Literal(f"--{month:02d}-{day:02d}", datatype=XSD.gMonthDay)))
        out += [(iri, KG.possibleDay, Literal(day, datatype=XSD.date)) for day in sorted(hints.days)]
        if hints.address_day:  # where the possible days come from, for `kg explain`
            out.append((iri, KG.addressDay, Literal(hints.address_day, datatype=XSD.date)))
        if hints.occasion:  # the meeting edition they come from, for `kg explain`
            out.append((iri, KG.occasionHint, Literal(hints.occasion)))
    if event.requested_by:
        out.append((iri, KG.requestedBy, _actor_stub(event.requested_by, registry, mint, out)))
    for p in event.participants:
        actor = _actor_stub(p.country, registry, mint, out)
        person, label = _person(p.name, p.country, p.qid, actor, registry, mint, out)
        # keyed by encounter too: a readout of two calls has the host in both
        key = f"{str(iri).rsplit('/', 1)[-1]}-{p.country}-{name_key(p.name) or 'x'}"
        # two encounters of the same people in one readout (a call, then a meeting; two days)
        # each keep their own participation: the later one's key names its day and type
        owner = out.made.setdefault(("participation", key), iri)
        if owner != iri:
            key = f"{event.date or 'undated'}-{event.type}-{key}"
        participation = URIRef(f"{doc}#p-{key}")
        out += [
            (iri, SEM.hasActor, person),
            (iri, KG.participation, participation),
            (participation, RDF.type, KG.Participation),
            (participation, KG.participant, person),
            (participation, KG.atEncounter, iri),
            (participation, KG.evidence, _evidence(doc, p.evidence or event.evidence, text, out)),
            (participation, PROV.wasGeneratedBy, activity),
        ]
        written = p.written or (p.name if p.name != label else None)  # a spelling the label does not keep
        if written:
            out.append((participation, KG.nameAsWritten, Literal(written, lang=extraction.lang)))
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
                         text: str, out: _Out) -> None:
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
            out.append((iri, KG.topic, _topic(e.topic, registry, out)))


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


# the N-Triples form of IRIs already written: a readout's graph names the same classes,
# properties, states and people over and over (bounded: a worker lives for the whole build)
_IRI_FORMS: dict[URIRef, str] = {}
_IRI_FORMS_KEPT = 50_000


def ntriples_term(term: Node) -> str:
    """A term in N-Triples syntax (canonical, so sorting lines sorts the dump)."""
    if type(term) is URIRef:
        form = _IRI_FORMS.get(term)
        if form is None:
            form = _iri_form(term)
            if len(_IRI_FORMS) < _IRI_FORMS_KEPT:
                _IRI_FORMS[term] = form
        return form
    if isinstance(term, URIRef):
        return _iri_form(term)
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


def _iri_form(term: URIRef) -> str:
    value = str(term)
    if _BAD_IRI.search(value):
        value = _BAD_IRI.sub(lambda m: "%%%02X" % ord(m.group()), value)
    return f"<{value}>"

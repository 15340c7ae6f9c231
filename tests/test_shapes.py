"""shapes.ttl: each kind of constraint catches a graph broken on purpose.

Every case starts from the valid seed graph, breaks one thing, and expects exactly one
kind of complaint: the sh:message of the shape written for it (messages as in shapes.ttl).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from kg import namespaces as ns
from kg.model import ROLE_CODES, STANCES
from kg.namespaces import DCTERMS, EVENT_CLASS, KG, OA, ORG, RDF, RDFS, ROLE, STANCE, TOPIC
from kg.graph.rdf import topic_iri
from kg.graph.validate import shapes_graph, validate_graph

SH = Namespace("http://www.w3.org/ns/shacl#")
SKOS_PREF = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
NOT_AN_EVENT_CLASS = URIRef(str(KG._NS) + "Conference")


def _nodes(graph: Graph, readout: URIRef) -> dict[str, URIRef]:
    """The nodes of the seed graph that the cases break, picked deterministically."""
    def first(cls):
        return sorted(graph.subjects(RDF.type, cls))[0]

    endorsements = sorted(n for n in graph.subjects(RDF.type, KG.Endorsement)
                          if graph.value(n, KG.target) is not None and graph.value(n, KG.topic) is not None
                          and (graph.value(n, KG.topic), RDF.type, KG.Topic) in graph)
    holding = first(KG.RoleHolding)
    return {
        "readout": readout,
        "event": sorted(graph.subjects(KG.participation, None))[0],
        "participation": first(KG.Participation),
        "holding": holding,
        "person": graph.value(holding, ORG.member),
        "endorsement": endorsements[0],
        "evidence": first(KG.Evidence),
        "state": next(graph.subjects(KG.iso3, Literal("KAZ"))),
    }


def _replace(graph: Graph, subject, predicate, value) -> None:
    assert graph.value(subject, predicate) is not None, (subject, predicate)
    graph.remove((subject, predicate, None))
    graph.add((subject, predicate, value))


def _replace_event_class(graph: Graph, event) -> None:
    """The event's type (phone call...) replaced by an unknown class; kg:Encounter stays."""
    for kind in set(EVENT_CLASS.values()) & set(graph.objects(event, RDF.type)):
        graph.remove((event, RDF.type, kind))
    graph.add((event, RDF.type, NOT_AN_EVENT_CLASS))


def _remove(graph: Graph, subject, predicate) -> None:
    assert graph.value(subject, predicate) is not None, (subject, predicate)
    graph.remove((subject, predicate, None))


def _position_selector(graph: Graph, evidence):
    return next(s for s in graph.objects(evidence, OA.hasSelector) if graph.value(s, OA.start) is not None)


@dataclass
class Case:
    id: str
    focus: str  # key of _nodes
    shape: str
    message: str
    breaks: Callable[[Graph, dict], None]


DATE_MSG = "An encounter has at most one date, an xsd:date (YYYY-MM-DD)."
TYPE_MSG = ("An encounter's type must be one of the six event types of ANNOTATION.md "
            "(phone call, video call, meeting, talks, visit, message), beside kg:Encounter.")

CASES = [
    # minCount
    Case("minCount-encounter-date", "event", "EncounterDateShape",
         "An encounter without a date must say that its date is inferred (kg:dateInferred true).",
         lambda g, n: _remove(g, n["event"], KG.date)),
    Case("minCount-readout-language", "readout", "ReadoutShape",
         "A readout must have exactly one language tag (xsd:language).",
         lambda g, n: _remove(g, n["readout"], DCTERMS.language)),
    Case("minCount-participation-person", "participation", "ParticipationShape",
         "A participation must name exactly one person.",
         lambda g, n: _remove(g, n["participation"], KG.participant)),
    # maxCount
    Case("maxCount-source-file", "readout", "ReadoutShape", "A readout must name exactly one source file.",
         lambda g, n: g.add((n["readout"], KG.sourceFile, Literal("another.txt")))),
    Case("maxCount-encounter-date", "event", "EncounterShape", DATE_MSG,
         lambda g, n: g.add((n["event"], KG.date, Literal("2021-01-20", datatype=ns.XSD.date)))),
    Case("maxCount-stance", "endorsement", "EndorsementShape",
         "An endorsement's stance must be exactly one of support, oppose, congratulate.",
         lambda g, n: g.add((n["endorsement"], KG.stance, STANCE.oppose if
                             g.value(n["endorsement"], KG.stance) != STANCE.oppose else STANCE.support))),
    # datatype
    Case("datatype-date-plain-string", "event", "EncounterShape", DATE_MSG,
         lambda g, n: _replace(g, n["event"], KG.date, Literal("2021-01-21"))),
    Case("datatype-date-inferred", "event", "EncounterShape",
         "An encounter must say once whether its date was inferred (xsd:boolean).",
         lambda g, n: _replace(g, n["event"], KG.dateInferred, Literal("no"))),
    Case("datatype-language", "readout", "ReadoutShape",
         "A readout must have exactly one language tag (xsd:language).",
         lambda g, n: _replace(g, n["readout"], DCTERMS.language, Literal("fr"))),
    Case("datatype-title-without-language", "holding", "RoleHoldingShape",
         "A role holding must keep the title as written, once, with its language tag.",
         lambda g, n: _replace(g, n["holding"], KG.titleAsWritten, Literal(str(g.value(n["holding"], KG.titleAsWritten))))),
    Case("datatype-name-as-written-without-language", "participation", "ParticipationShape",
         "A participation gives at most one name as written (a language-tagged string).",
         lambda g, n: g.add((n["participation"], KG.nameAsWritten, Literal("Moukhtar Tleuberdi")))),
    Case("maxCount-name-as-written", "participation", "ParticipationShape",
         "A participation gives at most one name as written (a language-tagged string).",
         lambda g, n: [g.add((n["participation"], KG.nameAsWritten, Literal(name, lang="fr")))
                       for name in ("Moukhtar Tleuberdi", "Mouhtar Tleuberdi")]),
    Case("datatype-offset-not-non-negative", "evidence", "EvidenceShape",
         "Evidence must give the sentence's start offset once (oa:TextPositionSelector with oa:start).",
         lambda g, n: _replace(g, _position_selector(g, n["evidence"]), OA.start, Literal(3))),
    # sh:in: closed sets
    Case("in-event-class-extra-type", "event", "EncounterShape", TYPE_MSG,
         lambda g, n: g.add((n["event"], RDF.type, NOT_AN_EVENT_CLASS))),
    Case("in-event-class-replaced", "event", "EncounterShape", TYPE_MSG,
         lambda g, n: _replace_event_class(g, n["event"])),
    Case("stated-at-two-encounters", "endorsement", "EndorsementShape",
         "An endorsement is stated at most at one encounter (kg:statedAt), a kg:Encounter.",
         lambda g, n: g.add((n["endorsement"], KG.statedAt, URIRef(str(n["event"]) + "-other")))),
    Case("speaker-not-a-person", "endorsement", "EndorsementShape",
         "An endorsement has at most one speaker (kg:speaker), a kg:Person.",
         lambda g, n: g.add((n["endorsement"], KG.speaker, n["event"]))),
    Case("in-role-code", "holding", "RoleHoldingShape",
         "A role holding's role must be exactly one of the role codes of ANNOTATION.md section 2.",
         lambda g, n: _replace(g, n["holding"], ORG.role, ROLE.dictator)),
    Case("in-stance", "endorsement", "EndorsementShape",
         "An endorsement's stance must be exactly one of support, oppose, congratulate.",
         lambda g, n: _replace(g, n["endorsement"], KG.stance, STANCE.neutral)),
    Case("in-topic", "endorsement", "EndorsementShape",
         "An endorsement's topic must be one of the topic labels of ANNOTATION.md section 3, or an organisation.",
         lambda g, n: _replace(g, n["endorsement"], KG.topic, TOPIC.weather)),
    # sh:class, alone and inside sh:or
    Case("class-participant-not-a-person", "participation", "ParticipationShape",
         "A participation must name exactly one person.",
         lambda g, n: _replace(g, n["participation"], KG.participant, URIRef("https://example.org/nobody"))),
    Case("class-evidence-source-not-a-readout", "evidence", "EvidenceShape",
         "Evidence must point to exactly one readout (oa:hasSource).",
         lambda g, n: _replace(g, n["evidence"], OA.hasSource, n["event"])),
    Case("class-or-person-represents-nothing-known", "person", "PersonShape",
         "A person must represent exactly one state or organisation.",
         lambda g, n: _replace(g, n["person"], KG.represents, URIRef("https://example.org/atlantis"))),
    Case("class-or-endorser-is-a-topic", "endorsement", "EndorsementShape",
         "An endorsement must have exactly one endorser: a state, an organisation or a person.",
         lambda g, n: _replace(g, n["endorsement"], KG.endorser, topic_iri("Xinjiang"))),
    Case("class-or-target-is-a-topic", "endorsement", "EndorsementShape",
         "An endorsement has at most one target, a state or an organisation.",
         lambda g, n: _replace(g, n["endorsement"], KG.target, topic_iri("Xinjiang"))),
    # sh:pattern
    Case("pattern-content-hash", "readout", "ReadoutShape",
         "A readout must carry one content hash written 'sha256:' and 64 hex digits.",
         lambda g, n: _replace(g, n["readout"], KG.contentHash, Literal("md5:d41d8cd98f00b204e9800998ecf8427e"))),
    Case("pattern-iso3", "state", "StateShape",
         "A state must have exactly one ISO 3166-1 alpha-3 code (three capital letters).",
         lambda g, n: _replace(g, n["state"], KG.iso3, Literal("Kaz"))),
    # sh:minLength
    Case("min-length-person-name", "person", "PersonShape",
         "A person must have exactly one non-empty name (rdfs:label, plain string).",
         lambda g, n: _replace(g, n["person"], RDFS.label, Literal(""))),
    # the node-level sh:or: a target, a topic, or both
    Case("target-or-topic", "endorsement", "EndorsementShape",
         "An endorsement must have a target, a topic, or both.",
         lambda g, n: (_remove(g, n["endorsement"], KG.target), _remove(g, n["endorsement"], KG.topic))),
    # required evidence
    Case("evidence-event", "event", "EncounterShape",
         "An encounter must point to the sentence that reports it (kg:evidence).",
         lambda g, n: _remove(g, n["event"], KG.evidence)),
    Case("evidence-participation", "participation", "ParticipationShape",
         "A participation must point to the sentence naming the participant (kg:evidence).",
         lambda g, n: _remove(g, n["participation"], KG.evidence)),
    Case("evidence-role-holding", "holding", "RoleHoldingShape",
         "A role holding must point to the sentence giving the title (kg:evidence).",
         lambda g, n: _remove(g, n["holding"], KG.evidence)),
    Case("evidence-endorsement", "endorsement", "EndorsementShape",
         "An endorsement must point to the sentence it came from (kg:evidence).",
         lambda g, n: _remove(g, n["endorsement"], KG.evidence)),
    Case("evidence-not-an-evidence-node", "endorsement", "EndorsementShape",
         "An endorsement must point to the sentence it came from (kg:evidence).",
         lambda g, n: _replace(g, n["endorsement"], KG.evidence, n["readout"])),
    Case("evidence-without-quote", "evidence", "EvidenceShape",
         "Evidence must quote the sentence once (oa:TextQuoteSelector with oa:exact).",
         lambda g, n: [g.remove((s, OA.exact, None)) for s in list(g.objects(n["evidence"], OA.hasSelector))]),
]


def test_unbroken_seed_graph_conforms(seed_graph):
    assert validate_graph(seed_graph) == []


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_graph_is_reported(case, broken_seed_graph, seed_readout):
    nodes = _nodes(broken_seed_graph, seed_readout)
    case.breaks(broken_seed_graph, nodes)
    violations = validate_graph(broken_seed_graph)
    assert {(v.shape, v.message) for v in violations} == {(case.shape, case.message)}
    assert str(nodes[case.focus]) in {v.focus for v in violations}
    assert all(v.severity == "Violation" for v in violations)


def test_every_kind_of_constraint_in_shapes_has_a_case():
    """A new kind of constraint in shapes.ttl needs a case above."""
    used = {p for p in shapes_graph().predicates() if str(p).startswith(str(SH))}
    covered = {SH.minCount, SH.maxCount, SH.datatype, SH["in"], SH["class"], SH["or"], SH.pattern, SH.minLength,
               SH.hasValue,  # minCount-encounter-date
               SH.path, SH.message, SH.property, SH.targetClass, SH.targetSubjectsOf,
               SH.nodeKind}  # the tallies of the statistics graph: cases in test_statistics.py
    assert used <= covered, used - covered


# ---- closed sets agree with the code and the registry ----------------------------------
def _in_list(path, inside_or: bool = False) -> set[URIRef]:
    shapes = shapes_graph()
    prop = next(s for s in shapes.subjects(SH.path, path) if (None, SH.property, s) in shapes
                and (shapes.value(s, SH["in"]) is not None or shapes.value(s, SH["or"]) is not None))
    if inside_or:
        members = Collection(shapes, shapes.value(prop, SH["or"]))
        listed = next(m for m in members if shapes.value(m, SH["in"]) is not None)
        return set(Collection(shapes, shapes.value(listed, SH["in"])))
    return set(Collection(shapes, shapes.value(prop, SH["in"])))


def test_shapes_topic_list_equals_the_registry_topics(registry):
    assert _in_list(KG.topic, inside_or=True) == {topic_iri(label) for label in registry.topics}


def test_shapes_role_codes_equal_the_model(registry):
    assert _in_list(ORG.role) == {ROLE[code] for code in ROLE_CODES}


def test_shapes_stances_equal_the_model():
    assert _in_list(KG.stance) == {STANCE[s] for s in STANCES}


def test_shapes_event_classes_equal_the_model():
    assert _in_list(RDF.type) == set(EVENT_CLASS.values()) | {KG.Encounter}
    targets = set(shapes_graph().objects(URIRef("https://w3id.org/readout-kg/shapes#EncounterShape"), SH.targetClass))
    assert targets == set(EVENT_CLASS.values())


def test_registry_topic_labels_are_english_pref_labels(seed_graph):
    for topic in seed_graph.subjects(RDF.type, KG.Topic):
        label = seed_graph.value(topic, SKOS_PREF)
        assert topic_iri(str(label)) == topic

"""Every RDF namespace the project writes, in one place.

Project terms use :class:`rdflib.namespace.DefinedNamespace` so a misspelt term fails at
import time, and ``tests/test_namespaces.py`` checks each one is declared in ontology.ttl.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = ["KG", "VOCAB", "ROLE", "STANCE", "TOPIC", "EVENT_CLASS", "OA", "ORG", "SEM", "SCHEMA", "WD",
           "DCTERMS", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD", "DEFAULT_BASE", "BINDINGS"]

DEFAULT_BASE = "https://w3id.org/readout-kg/id/"


class KG(DefinedNamespace):
    """The project's ontology (ontology.ttl)."""

    _NS = Namespace("https://w3id.org/readout-kg/ontology#")
    _fail = True

    # classes
    Actor: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    Encounter: URIRef
    PhoneCall: URIRef
    VideoCall: URIRef
    Meeting: URIRef
    Talks: URIRef
    Visit: URIRef
    MessageExchange: URIRef
    Participation: URIRef
    RoleHolding: URIRef
    Endorsement: URIRef
    Stance: URIRef
    Topic: URIRef
    RoleCode: URIRef
    Readout: URIRef
    Extraction: URIRef
    Evidence: URIRef
    EndorsementTally: URIRef
    TopicTally: URIRef
    CounterpartTally: URIRef
    ReportGroup: URIRef
    ReportDifference: URIRef
    # properties
    date: URIRef
    dateInferred: URIRef
    monthDay: URIRef  # an undated encounter's day and month with no year (xsd:gMonthDay)
    possibleDay: URIRef  # a day an undated encounter may be (a weekday on a month-stamped page)
    addressDay: URIRef  # the day an undated encounter's page address carries: its possible days come from it
    occasionHint: URIRef  # the meeting edition an undated encounter's sentence places it at: its possible days come from it
    participation: URIRef
    participant: URIRef
    requestedBy: URIRef
    roleHolding: URIRef
    atEncounter: URIRef
    titleAsWritten: URIRef
    nameAsWritten: URIRef
    endorser: URIRef
    statedAt: URIRef
    speaker: URIRef
    stance: URIRef
    target: URIRef
    topic: URIRef
    evidence: URIRef
    represents: URIRef
    iso3: URIRef
    code: URIRef
    sourceFile: URIRef
    contentHash: URIRef
    headline: URIRef
    truncated: URIRef
    publisherState: URIRef
    topicOwner: URIRef
    # the statistics graph (kg/build/statistics.py)
    inYear: URIRef
    ofEndorser: URIRef
    ofTarget: URIRef
    ofTopic: URIRef
    ofStance: URIRef
    statementCount: URIRef
    ofActor: URIRef
    ofCounterpart: URIRef
    encounterCount: URIRef
    firstDate: URIRef
    lastDate: URIRef
    reportedAs: URIRef
    reportedIn: URIRef
    reportCount: URIRef
    inGroup: URIRef
    claimStatement: URIRef
    claimStance: URIRef
    claimEndorser: URIRef
    claimTarget: URIRef
    claimTopic: URIRef
    absentFrom: URIRef
    absentAt: URIRef


_VOCAB_BASE = "https://w3id.org/readout-kg/vocab/"
VOCAB = Namespace(_VOCAB_BASE)
ROLE = Namespace(_VOCAB_BASE + "role/")
STANCE = Namespace(_VOCAB_BASE + "stance/")
TOPIC = Namespace(_VOCAB_BASE + "topic/")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

EVENT_CLASS = {
    "phone_call": KG.PhoneCall,
    "video_call": KG.VideoCall,
    "meeting": KG.Meeting,
    "talks": KG.Talks,
    "visit": KG.Visit,
    "message": KG.MessageExchange,
}

BINDINGS = {
    "kg": KG._NS, "role": ROLE, "stance": STANCE, "topic": TOPIC, "oa": OA, "org": ORG, "sem": SEM,
    "schema": SCHEMA, "wd": WD, "prov": PROV, "skos": SKOS, "dcterms": DCTERMS, "owl": OWL, "xsd": XSD,
}

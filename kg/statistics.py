"""The statistics graph: counts that analysts ask for again and again, made at build time.

Counting endorsements per year, topic and stance, or the counterparts of a state, means
grouping tens of thousands of statements; an embedded SPARQL engine spends hundreds of
milliseconds on that for every question. The build already holds every readout's facts, so
it counts them once and publishes the counts as a named graph of its own
(``<base>graph/statistics``), like a data cube of observations:

* ``kg:EndorsementTally``: statements per year, endorser, target, topic and stance;
* ``kg:TopicTally``: statements per year, topic and stance;
* ``kg:CounterpartTally``: for an actor and a counterpart, the encounters where people
  representing both took part, with the first and last date.

Each tally is exactly what the corresponding aggregate over the readout graphs gives (the
year of a statement is the year of the earliest encounter of its readout, as in the ready
queries); ``tests/test_statistics.py`` checks that against SPARQL over the raw statements.

A readout contributes :func:`readout_facts`, small and plain (JSON), which the build cache
keeps; the tallies are made from all of them at the end of every build, so a rebuild that
re-extracts one readout still counts the whole corpus.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Iterable

from rdflib import Literal, URIRef

from kg.namespaces import KG, PROV, RDF, XSD
from kg.rdf import Triple

__all__ = ["Facts", "readout_facts", "Tallies", "tally", "statistics_triples", "has_statistics", "add_statistics"]

Facts = dict  # {"dates": {readout: earliest date}, "statements": [...], "encounters": [...], "represents": [...]}


_WANTED = {str(RDF.type): "type", str(KG.stance): "stance", str(KG.endorser): "endorser", str(KG.target): "target",
           str(KG.topic): "topic", str(PROV.wasDerivedFrom): "readout", str(KG.date): "date",
           str(KG.participation): "participation", str(KG.participant): "participant",
           str(KG.represents): "represents"}


def readout_facts(triples: Iterable[Triple]) -> Facts:
    """What one readout graph brings to the tallies, as plain strings: its statements
    (stance, endorser, target, topic, readout), its encounters (dates, participants), who
    represents whom, and the earliest encounter date of each readout the graph names."""
    return _facts((str(s), str(p), str(o)) for s, p, o in triples)


def _facts(rows: Iterable[tuple[str, str, str]]) -> Facts:
    """:func:`readout_facts` of (subject, predicate, object) rows: IRIs and lexical forms."""
    by_subject: dict[str, dict[str, list[str]]] = {}
    for s, p, o in rows:
        key = _WANTED.get(p)
        if key is not None:
            by_subject.setdefault(s, {}).setdefault(key, []).append(o)
    statements, encounters, represents = [], [], []
    dates: dict[str, str] = {}
    for subject, values in sorted(by_subject.items()):
        if str(KG.Endorsement) in values.get("type", ()):
            statements.append([subject, *(sorted(values.get(k, [])) for k in ("stance", "endorser", "target", "topic",
                                                                              "readout"))])
        if "date" in values:
            people = sorted({person for node in values.get("participation", [])
                             for person in by_subject.get(node, {}).get("participant", [])})
            encounters.append([subject, sorted(values["date"]), people])
            for readout in values.get("readout", []):
                earliest = min(values["date"])
                if readout not in dates or earliest < dates[readout]:
                    dates[readout] = earliest
        represents += [[subject, side] for side in sorted(values.get("represents", []))]
    return {"dates": dates, "statements": statements, "encounters": encounters, "represents": represents}


@dataclass
class Tallies:
    """Statement IRIs per cell, and encounters per pair of actors."""

    endorsements: dict[tuple, set[str]] = field(default_factory=dict)  # (year, endorser, target, topic, stance)
    topics: dict[tuple, set[str]] = field(default_factory=dict)  # (year, topic, stance)
    counterparts: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (actor, other) -> encounters
    dates: dict[str, list[str]] = field(default_factory=dict)  # encounter -> its dates


def tally(contributions: Iterable[Facts], represents: Iterable[tuple[str, str]] = ()) -> Tallies:
    """Count the facts of every published readout (and what the registry says of who
    represents whom) the way SPARQL over their union would: a statement once per cell,
    an encounter once per pair however many readouts report it."""
    contributions = list(contributions)
    readout_dates: dict[str, str] = {}
    sides: dict[str, set[str]] = {}
    for person, side in represents:
        sides.setdefault(person, set()).add(side)
    people_at: dict[str, set[str]] = {}
    result = Tallies()
    for facts in contributions:
        for readout, date in facts["dates"].items():
            if readout not in readout_dates or date < readout_dates[readout]:
                readout_dates[readout] = date
        for person, side in facts["represents"]:
            sides.setdefault(person, set()).add(side)
        for event, dates, people in facts["encounters"]:
            result.dates.setdefault(event, [])
            result.dates[event] = sorted(set(result.dates[event]) | set(dates))
            people_at.setdefault(event, set()).update(people)
    for facts in contributions:
        for statement, stances, endorsers, targets, topics, readouts in facts["statements"]:
            years = {int(readout_dates[r][:4]) for r in readouts if r in readout_dates}
            for year in years:
                for stance in stances:
                    for topic in topics or [None]:
                        result.topics.setdefault((year, topic, stance), set()).add(statement)
                        for endorser in endorsers:
                            for target in targets or [None]:
                                result.endorsements.setdefault((year, endorser, target, topic, stance),
                                                               set()).add(statement)
    for event, people in people_at.items():
        present = {side for person in people for side in sides.get(person, ())}
        for actor in present:
            for other in present - {actor}:
                result.counterparts.setdefault((actor, other), set()).add(event)
    return result


def _cell(graph: str, kind: str, key: tuple) -> URIRef:
    digest = hashlib.sha1("\x1f".join("" if part is None else str(part) for part in key).encode()).hexdigest()
    return URIRef(f"{graph}#{kind}-{digest[:16]}")


def statistics_triples(tallies: Tallies, graph: str) -> list[Triple]:
    """The tallies as triples of the statistics graph ``graph``; cell IRIs hash their key,
    so the same corpus always gives the same IRIs."""
    def integer(n: int) -> Literal:
        return Literal(n, datatype=XSD.integer)

    out: list[Triple] = []
    for key, statements in tallies.endorsements.items():
        year, endorser, target, topic, stance = key
        cell = _cell(graph, "endorsements", key)
        out += [(cell, RDF.type, KG.EndorsementTally), (cell, KG.inYear, integer(year)),
                (cell, KG.ofEndorser, URIRef(endorser)), (cell, KG.ofStance, URIRef(stance)),
                (cell, KG.statementCount, integer(len(statements)))]
        if target is not None:
            out.append((cell, KG.ofTarget, URIRef(target)))
        if topic is not None:
            out.append((cell, KG.ofTopic, URIRef(topic)))
    for key, statements in tallies.topics.items():
        year, topic, stance = key
        cell = _cell(graph, "topic", key)
        out += [(cell, RDF.type, KG.TopicTally), (cell, KG.inYear, integer(year)), (cell, KG.ofStance, URIRef(stance)),
                (cell, KG.statementCount, integer(len(statements)))]
        if topic is not None:
            out.append((cell, KG.ofTopic, URIRef(topic)))
    for key, events in tallies.counterparts.items():
        actor, other = key
        dates = [date for event in events for date in tallies.dates.get(event, [])]
        if not dates:
            continue
        cell = _cell(graph, "counterparts", key)
        out += [(cell, RDF.type, KG.CounterpartTally), (cell, KG.ofActor, URIRef(actor)),
                (cell, KG.ofCounterpart, URIRef(other)), (cell, KG.encounterCount, integer(len(events))),
                (cell, KG.firstDate, Literal(min(dates), datatype=XSD.date)),
                (cell, KG.lastDate, Literal(max(dates), datatype=XSD.date))]
    return out


# ---- dumps not made by `kg build` ----------------------------------------------------
_TALLY_CLASSES = (KG.EndorsementTally, KG.TopicTally, KG.CounterpartTally)


def has_statistics(store) -> bool:
    """Whether a pyoxigraph store holds any tally, in any graph."""
    import pyoxigraph as ox

    kind = ox.NamedNode(str(RDF.type))
    return any(next(iter(store.quads_for_pattern(None, kind, ox.NamedNode(str(c)), None)), None) is not None
               for c in _TALLY_CLASSES)


def add_statistics(store, graph: str) -> int:
    """Tally the named graphs of a pyoxigraph store into the named graph ``graph``, as a
    build would have, unless the store holds tallies already (a dump assembled by hand or
    by another tool); returns how many triples were added."""
    import pyoxigraph as ox

    if has_statistics(store):
        return 0
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for predicate in _WANTED:
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None, None):
            if isinstance(quad.graph_name, ox.NamedNode):
                rows.setdefault(quad.graph_name.value, []).append((quad.subject.value, predicate, quad.object.value))
    triples = statistics_triples(tally(_facts(rows[name]) for name in sorted(rows)), graph)
    target = ox.NamedNode(graph)

    def term(node):
        if isinstance(node, Literal):
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.NamedNode(str(node))

    store.extend([ox.Quad(term(s), term(p), term(o), target) for s, p, o in triples])
    return len(triples)

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
keeps. :func:`tally` counts a set of readouts afresh; a rebuild does not: the cache keeps
the counts themselves (:mod:`kg.tally_store`), takes out the facts of the readouts that
changed or went, adds those of the new ones and makes again only the cells they touch.
Both make their cells with :func:`endorsement_cell`, :func:`topic_cell` and
:func:`counterpart_cell`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Iterable, Iterator


from kg.namespaces import KG, PROV, RDF, XSD
from kg.rdf import Triple, ntriples_term

__all__ = ["Facts", "readout_facts", "triples_facts", "Tallies", "tally", "counterpart_pairs", "Cell",
           "endorsement_cell", "topic_cell", "counterpart_cell", "cells", "statistics_parts", "statistics_lines",
           "statistics_triples", "has_statistics", "add_statistics"]

Facts = dict  # {"endorsements": [...], "encounters": [...], "represents": [...]}

_TYPE = f"<{RDF.type}>"
_XSD_DATE = f"<{XSD.date}>"
_XSD_INTEGER = f"<{XSD.integer}>"
_WANTED = {f"<{RDF.type}>": "type", f"<{KG.stance}>": "stance", f"<{KG.endorser}>": "endorser",
           f"<{KG.target}>": "target", f"<{KG.topic}>": "topic", f"<{PROV.wasDerivedFrom}>": "readout",
           f"<{KG.date}>": "date", f"<{KG.participation}>": "participation", f"<{KG.participant}>": "participant",
           f"<{KG.represents}>": "represents"}
_ENDORSEMENT = f"<{KG.Endorsement}>"


def readout_facts(lines: Iterable[str]) -> Facts:
    """What one readout graph brings to the tallies, small enough for the build cache:

    * ``endorsements``: [year, endorser, target, topic, stance, statements] rows counting
      the graph's statements (dated by the earliest encounter of their readout, in this
      graph; target and topic None when absent). Statements are minted under their
      readout's IRI, so no two graphs share one and the counts of all graphs add up; the
      shapes give each statement one endorser and at most one target, so the topic tallies
      are these rows summed over endorser and target;
    * ``encounters``: [encounter, dates, participants] rows, and ``represents``: [person,
      side] rows, which :func:`tally` joins across graphs (two readouts may report the same
      encounter, each naming its own side).

    ``lines`` are the graph's triples in N-Triples syntax (without the final " ."), as the
    build writes them; the facts keep terms in that syntax, so tallies print as they are."""
    by_subject: dict[str, dict[str, list[str]]] = {}
    for line in lines:
        s, p, o = line.split(" ", 2)  # subjects and predicates hold no spaces
        key = _WANTED.get(p)
        if key is not None:
            by_subject.setdefault(s, {}).setdefault(key, []).append(o)
    encounters, represents = [], []
    earliest: dict[str, str] = {}  # readout -> date of its earliest encounter
    for subject, values in sorted(by_subject.items()):
        days = sorted(_lexical(o) for o in values.get("date", ()) if o.endswith("^^" + _XSD_DATE))
        if days:
            people = sorted({person for node in values.get("participation", [])
                             for person in by_subject.get(node, {}).get("participant", [])})
            encounters.append([subject, days, people])
            for readout in values.get("readout", []):
                if readout not in earliest or days[0] < earliest[readout]:
                    earliest[readout] = days[0]
        represents += [[subject, side] for side in sorted(values.get("represents", []))]
    endorsements: dict[tuple, int] = {}
    for values in by_subject.values():
        if _ENDORSEMENT not in values.get("type", ()):
            continue
        years = sorted({int(earliest[r][:4]) for r in values.get("readout", ()) if r in earliest})
        for year in years:
            for stance in values.get("stance", ()):
                for topic in sorted(set(values.get("topic", ()))) or [None]:
                    for endorser in sorted(set(values.get("endorser", ()))):
                        for target in sorted(set(values.get("target", ()))) or [None]:
                            key = (year, endorser, target, topic, stance)
                            endorsements[key] = endorsements.get(key, 0) + 1
    return {"endorsements": [[*key, n] for key, n in sorted(endorsements.items(), key=_sortable)],
            "encounters": encounters, "represents": represents}


def _sortable(item: tuple) -> tuple:
    return tuple("" if part is None else str(part) for part in item[0])


def _lexical(literal: str) -> str:
    return literal[1:literal.rindex('"')]


def triples_facts(triples: Iterable[Triple]) -> Facts:
    """:func:`readout_facts` of rdflib triples."""
    return readout_facts(f"{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)}" for s, p, o in triples)


@dataclass
class Tallies:
    """Statements per cell, and encounters per pair of actors."""

    endorsements: dict[tuple, int] = field(default_factory=dict)  # (year, endorser, target, topic, stance)
    topics: dict[tuple, int] = field(default_factory=dict)  # (year, topic, stance)
    counterparts: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (actor, other) -> encounters
    dates: dict[str, set[str]] = field(default_factory=dict)  # encounter -> its dates


def counterpart_pairs(people: Iterable[str], sides: dict[str, set[str]]) -> set[tuple[str, str]]:
    """The (actor, counterpart) pairs of an encounter of ``people``: every two distinct
    sides that people present represent."""
    present = {side for person in people for side in sides.get(person, ())}
    return {(actor, other) for actor in present for other in present if other != actor}


def tally(contributions: Iterable[Facts], represents: Iterable[tuple[str, str]] = ()) -> Tallies:
    """Count the facts of every published readout (and what the registry says of who
    represents whom) the way SPARQL over their union would: statements add up, and an
    encounter counts once per pair of actors however many readouts report it.
    (:mod:`kg.tally_store` keeps the same counts in the build cache, where a readout can
    be taken out again.)"""
    result = Tallies()
    endorsements, topics, dates = result.endorsements, result.topics, result.dates
    sides: dict[str, set[str]] = {}
    for person, side in represents:
        sides.setdefault(person, set()).add(side)
    people_at: dict[str, set[str]] = {}
    for facts in contributions:
        for year, endorser, target, topic, stance, n in facts["endorsements"]:
            key = (year, endorser, target, topic, stance)
            endorsements[key] = endorsements.get(key, 0) + n
            key = (year, topic, stance)
            topics[key] = topics.get(key, 0) + n
        for person, side in facts["represents"]:
            sides.setdefault(person, set()).add(side)
        for event, days, people in facts["encounters"]:
            dates.setdefault(event, set()).update(days)
            people_at.setdefault(event, set()).update(people)
    for event, people in people_at.items():
        for pair in counterpart_pairs(people, sides):
            result.counterparts.setdefault(pair, set()).add(event)
    return result


def _integer(n: int) -> str:
    return f'"{n}"^^{_XSD_INTEGER}'


_P = {name: f"<{KG[name]}>" for name in ("inYear", "ofEndorser", "ofTarget", "ofTopic", "ofStance", "statementCount",
                                        "ofActor", "ofCounterpart", "encounterCount", "firstDate", "lastDate")}
_CLASS = {kind: f"{_TYPE} <{KG[name]}>" for kind, name in (("endorsements", "EndorsementTally"), ("topic", "TopicTally"),
                                                          ("counterparts", "CounterpartTally"))}


Cell = tuple[str, str, list[str]]  # (IRI, part, sorted lines)


def _cell(kind: str, key: tuple, graph: str, lines: list[str]) -> Cell:
    """A cell's IRI is ``<graph>#<kind>-<hash of its key>``: the same corpus always gives the
    same IRIs, and a cell keeps its IRI while only its count changes; its part is its kind
    and the first two hex digits of the hash."""
    digest = hashlib.sha1("\x1f".join("" if part is None else str(part) for part in key).encode()).hexdigest()
    iri = f"<{graph}#{kind}-{digest[:16]}>"
    return iri, f"{kind}-{digest[:2]}", sorted(f"{iri} {line}" for line in lines)


def endorsement_cell(key: tuple, n: int, graph: str) -> Cell:
    """The tally of the statements of ``key`` = (year, endorser, target, topic, stance)."""
    year, endorser, target, topic, stance = key
    p = _P
    lines = [_CLASS["endorsements"], f"{p['inYear']} {_integer(year)}", f"{p['ofEndorser']} {endorser}",
             f"{p['ofStance']} {stance}", f"{p['statementCount']} {_integer(n)}"]
    if target is not None:
        lines.append(f"{p['ofTarget']} {target}")
    if topic is not None:
        lines.append(f"{p['ofTopic']} {topic}")
    return _cell("endorsements", key, graph, lines)


def topic_cell(key: tuple, n: int, graph: str) -> Cell:
    """The tally of the statements of ``key`` = (year, topic, stance)."""
    year, topic, stance = key
    p = _P
    lines = [_CLASS["topic"], f"{p['inYear']} {_integer(year)}", f"{p['ofStance']} {stance}",
             f"{p['statementCount']} {_integer(n)}"]
    if topic is not None:
        lines.append(f"{p['ofTopic']} {topic}")
    return _cell("topic", key, graph, lines)


def counterpart_cell(pair: tuple[str, str], encounters: int, first: str, last: str, graph: str) -> Cell:
    """The tally of the ``encounters`` of ``pair`` = (actor, counterpart), dated ``first``
    to ``last`` (lexical xsd:date)."""
    actor, other = pair
    p = _P
    return _cell("counterparts", pair, graph, [
        _CLASS["counterparts"], f"{p['ofActor']} {actor}", f"{p['ofCounterpart']} {other}",
        f"{p['encounterCount']} {_integer(encounters)}", f'{p["firstDate"]} "{first}"^^{_XSD_DATE}',
        f'{p["lastDate"]} "{last}"^^{_XSD_DATE}'])


def cells(tallies: Tallies, graph: str) -> Iterator[Cell]:
    """Every cell of ``tallies``, in no particular order."""
    for key, n in tallies.endorsements.items():
        yield endorsement_cell(key, n, graph)
    for key, n in tallies.topics.items():
        yield topic_cell(key, n, graph)
    for pair, events in tallies.counterparts.items():
        days = [day for event in events for day in tallies.dates.get(event, ())]
        yield counterpart_cell(pair, len(events), min(days), max(days), graph)


def statistics_parts(tallies: Tallies, graph: str) -> list[tuple[str, list[str]]]:
    """The statistics graph ``graph`` as sorted N-Triples lines (without " ."), cut into
    runs of cells whose IRIs share a kind and the first two hex digits of their hash, in
    order: a changed readout changes few of them, and a rebuild copies the others from the
    last outputs (see :mod:`kg.build`)."""
    parts: list[tuple[str, list[str]]] = []
    for _, name, lines in sorted(cells(tallies, graph)):  # IRIs of one kind have one length: sorting
        if not parts or parts[-1][0] != name:             # them sorts the lines
            parts.append((name, []))
        parts[-1][1].extend(lines)
    return parts


def statistics_lines(tallies: Tallies, graph: str) -> list[str]:
    """The statistics graph ``graph`` as sorted N-Triples lines (without " .")."""
    return [line for _, lines in statistics_parts(tallies, graph) for line in lines]


def statistics_triples(tallies: Tallies, graph: str) -> list[Triple]:
    """:func:`statistics_lines` as rdflib triples (for tests and small graphs)."""
    from rdflib import Graph

    if not tallies.endorsements and not tallies.topics and not tallies.counterparts:
        return []
    return list(Graph().parse(data="".join(line + " .\n" for line in statistics_lines(tallies, graph)), format="nt"))


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
    by another tool); returns how many triples were added. A statement that two graphs
    both hold counts once per graph, where a build never lets two graphs share one."""
    import pyoxigraph as ox

    if has_statistics(store):
        return 0
    lines: dict[str, list[str]] = {}
    for predicate in _WANTED:
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate[1:-1]), None, None):
            if isinstance(quad.graph_name, ox.NamedNode):
                lines.setdefault(quad.graph_name.value, []).append(f"{quad.subject} {predicate} {quad.object}")
    tallied = statistics_lines(tally(readout_facts(lines[name]) for name in sorted(lines)), graph)
    if tallied:
        target = ox.NamedNode(graph)
        parsed = ox.parse("".join(line + " .\n" for line in tallied).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        store.extend([ox.Quad(t.subject, t.predicate, t.object, target) for t in parsed])
    return len(tallied)

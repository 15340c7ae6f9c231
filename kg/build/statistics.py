"""The statistics graph: counts that analysts ask for again and again, made at build time.

Counting endorsements per year, topic and stance, or the counterparts of a state, means
grouping tens of thousands of statements; an embedded SPARQL engine spends hundreds of
milliseconds on that for every question. The build already holds every readout's facts, so
it counts them once and publishes the counts as a named graph of its own
(``<base>graph/statistics``), like a data cube of observations:

* ``kg:EndorsementTally``: stances per year, endorser, target, topic and stance;
* ``kg:TopicTally``: stances per year, topic and stance;
* ``kg:CounterpartTally``: for an actor and a counterpart, the encounters where people
  representing both took part, with the first and last date;
* ``kg:ReportGroup``: the readouts that report one encounter (two or more) and each one's
  encounter, so that SPARQL can line up what each side said without comparing every
  report with every other;
* ``kg:ReportDifference``: in a report group, each claim (stance, endorser, target, topic)
  one readout states at its encounter and another readout of the group does not state at
  its own, with the statement that states it (:func:`group_differences`). Comparing the
  claims of grouped readouts in SPARQL took an engine seconds at 10,000 readouts, and the
  query shapes that one engine plans well another does not (rdflib 200 s); the build knows
  both readouts' claims and lists them, so the ready query
  (``queries/readout-differences.rq``) is a plain scan in every engine.

Tallies count encounters, not reports: the readouts of one encounter (China's and the
counterpart's, grouped by :func:`kg.build.resolve.resolve`) make one encounter, and a stance
both sides report at it counts once (as many times as the readout that states it most
often states it); ``kg:reportCount`` says how many reports back each tally (statements as
the readouts give them, or readouts' reports of the encounters). The year of a stance is
the year of the earliest dated encounter of its readout, as in the ready queries (the
earliest year of the readouts that report it, when they differ).
``tests/test_statistics.py`` checks the report counts against SPARQL over the raw
statements and the encounter counts against the encounters :mod:`kg.views.compare` resolves.

A readout contributes :func:`readout_facts`, small and plain (JSON), which the build cache
keeps. :func:`tally` counts a set of readouts afresh; a rebuild does not: the cache keeps
the counts themselves (:mod:`kg.build.tally_store`), takes out the facts of the readouts that
changed or went, adds those of the new ones and makes again only the cells they touch.
Both group reports with :func:`facts_reports` and :func:`kg.build.resolve.resolve`, count a
group's stances with :func:`unit_counts`, and make their cells with
:func:`endorsement_cell`, :func:`topic_cell` and :func:`counterpart_cell`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from kg.namespaces import EVENT_CLASS, KG, PROV, RDF, XSD
from kg.graph.rdf import Triple, ntriples_term
from kg.build.resolve import Report, SharedEncounter, resolve

__all__ = ["Facts", "readout_facts", "triples_facts", "Tallies", "tally", "counterpart_pairs", "Cell",
           "endorsement_cell", "topic_cell", "counterpart_cell", "report_group_cell", "cells", "statistics_parts", "statistics_lines",
           "statistics_triples", "has_statistics", "add_statistics", "facts_reports", "group_reports", "unit_counts",
           "alone_unit", "group_pairs", "group_differences"]

# {"endorsements": [[year, readout, event, endorser, target, topic, stance, n]...],
#  "encounters": [[encounter, dates, participants, type, readout]...], "represents": [[person, side]...],
#  "claims": [[readout, event, statement, stance, endorser, target, topic]...]}
Facts = dict

_TYPE = f"<{RDF.type}>"
_XSD_DATE = f"<{XSD.date}>"
_XSD_INTEGER = f"<{XSD.integer}>"
_WANTED = {f"<{RDF.type}>": "type", f"<{KG.stance}>": "stance", f"<{KG.endorser}>": "endorser",
           f"<{KG.target}>": "target", f"<{KG.topic}>": "topic", f"<{PROV.wasDerivedFrom}>": "readout",
           f"<{KG.date}>": "date", f"<{KG.participation}>": "participation", f"<{KG.participant}>": "participant",
           f"<{KG.represents}>": "represents", f"<{KG.statedAt}>": "statedAt"}
_ENDORSEMENT = f"<{KG.Endorsement}>"
_EVENT_TYPE = {f"<{iri}>": code for code, iri in EVENT_CLASS.items()}


def readout_facts(lines: Iterable[str]) -> Facts:
    """What one readout graph brings to the tallies, small enough for the build cache:

    * ``endorsements``: [year, readout, event, endorser, target, topic, stance, statements]
      rows counting the graph's statements (dated by the earliest encounter of their
      readout, in this graph; event, the encounter the statement is stated at, and target
      and topic None when absent). Statements are minted under their readout's IRI, so no
      two graphs share one; the shapes give each statement one endorser and at most one
      target, so the topic tallies are these rows summed over endorser and target;
    * ``encounters``: [encounter, dates, participants, type, readout] rows (type the
      code of its class, ``phone_call``..., None when it has none), and ``represents``:
      [person, side] rows: what :func:`kg.build.resolve.resolve` needs to tell which reports of
      several readouts are of one encounter;
    * ``claims``: [readout, event, statement, stance, endorser, target, topic] rows, one
      per statement, encounter it is stated at and claim (target and topic None
      when absent): what :func:`group_differences` compares across the readouts of a group.

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
            kinds = sorted(_EVENT_TYPE[o] for o in values.get("type", ()) if o in _EVENT_TYPE)
            readouts = sorted(values.get("readout", []))
            encounters.append([subject, days, people, kinds[0] if kinds else None, readouts[0] if readouts else None])
            for readout in readouts:
                if readout not in earliest or days[0] < earliest[readout]:
                    earliest[readout] = days[0]
        represents += [[subject, side] for side in sorted(values.get("represents", []))]
    endorsements: dict[tuple, int] = {}
    claims: set[tuple] = set()
    for subject, values in by_subject.items():
        if _ENDORSEMENT not in values.get("type", ()):
            continue
        claims.update((readout, event, subject, stance, endorser, target, topic)
                      for event in set(values.get("statedAt", ()))
                      for readout in set(values.get("readout", ())) for stance in set(values.get("stance", ()))
                      for endorser in set(values.get("endorser", ()))
                      for target in set(values.get("target", ())) or [None]
                      for topic in set(values.get("topic", ())) or [None])
        event = min(values.get("statedAt", ()), default=None)
        for readout in sorted({r for r in values.get("readout", ()) if r in earliest}):
            year = int(earliest[readout][:4])
            for stance in values.get("stance", ()):
                for topic in sorted(set(values.get("topic", ()))) or [None]:
                    for endorser in sorted(set(values.get("endorser", ()))):
                        for target in sorted(set(values.get("target", ()))) or [None]:
                            key = (year, readout, event, endorser, target, topic, stance)
                            endorsements[key] = endorsements.get(key, 0) + 1
    return {"endorsements": [[*key, n] for key, n in sorted(endorsements.items(), key=_sortable)],
            "encounters": encounters, "represents": represents,
            "claims": [list(claim) for claim in sorted(claims, key=lambda c: tuple(part or "" for part in c))]}


def _sortable(item: tuple) -> tuple:
    return tuple("" if part is None else str(part) for part in item[0])


def _lexical(literal: str) -> str:
    return literal[1:literal.rindex('"')]


def triples_facts(triples: Iterable[Triple]) -> Facts:
    """:func:`readout_facts` of rdflib triples."""
    return readout_facts(f"{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)}" for s, p, o in triples)


# ---- which reports are of one encounter ------------------------------------------------
def _person_name(person: str) -> str:
    """A person's name as its IRI keeps it (``<.../person/CHN/wang-yi>`` -> ``wang yi``),
    for :func:`kg.evaluation.evaluate.names_match`: the same for every readout that names them."""
    return person.rstrip(">").rsplit("/", 1)[-1].replace("-", " ")


def facts_reports(facts: Facts, registry: dict[str, set[str]]) -> list[Report]:
    """The :class:`~kg.build.resolve.Report` of each dated encounter of one readout's facts,
    its sides those its participants represent (in the registry, ``registry``: person ->
    sides, or in the readout's own descriptions)."""
    sides: dict[str, set[str]] = {}
    for person, side in facts["represents"]:
        sides.setdefault(person, set()).add(side)
    out = []
    for event, days, people, kind, readout in facts["encounters"]:
        present = [(side, person) for person in people
                   for side in sorted(registry.get(person, set()) | sides.get(person, set()))]
        out.append(Report(event, readout or "", kind or "", days[0], frozenset(side for side, _ in present),
                          frozenset((side, _person_name(person)) for side, person in present)))
    return out


def group_reports(reports: list[Report]) -> list[SharedEncounter]:
    """:func:`kg.build.resolve.resolve` of ``reports`` (ids ``encounter/<hash>``); a report whose
    day is no calendar day (a dump not made by ``kg build``) stays alone."""
    valid, odd = [], []
    for report in reports:
        try:
            dt.date.fromisoformat(report.date or "")
            valid.append(report)
        except ValueError:
            odd.append(report)
    out = resolve(valid, "")
    for report in sorted(set(odd), key=lambda r: (r.readout, r.encounter)):
        digest = hashlib.sha1(f"{report.encounter}@{report.readout}".encode()).hexdigest()[:12]
        out.append(SharedEncounter(f"encounter/{digest}", report.type, report.date, report.sides, [report]))
    return out


def alone_unit(readout: str, event: str | None) -> str:
    """The counting unit of statements whose encounter no dated report gives (an undated
    one, or none named): the readout's encounter on its own. Terms hold no spaces and
    start with ``<``, unlike the ids of shared encounters (``encounter/...``)."""
    return f"{readout} {event or ''}"


def unit_counts(rows: Iterable[tuple]) -> dict[tuple, tuple[int, int]]:
    """The stances one encounter counts for, from the statement ``rows`` (year, readout,
    endorser, target, topic, stance, n) of the readouts reporting it: (year, endorser,
    target, topic, stance) -> (stances, reports). A stance counts as often as the readout
    stating it most often states it (once, when both sides report it once); its reports
    are every readout's statements; its year, the earliest of those readouts' years."""
    by_key: dict[tuple, dict[str, int]] = {}
    years: dict[tuple, int] = {}
    for year, readout, endorser, target, topic, stance, n in rows:
        key = (endorser, target, topic, stance)
        per_readout = by_key.setdefault(key, {})
        per_readout[readout] = per_readout.get(readout, 0) + n
        years[key] = min(years.get(key, year), year)
    return {(years[key], *key): (max(counts.values()), sum(counts.values()))
            for key, counts in by_key.items() if sum(counts.values())}


Claim = tuple  # (statement, stance, endorser, target, topic), target and topic None when absent
Difference = tuple  # (statement, stance, endorser, target, topic, other readout, its encounter)


def group_differences(members: Iterable[tuple[str, str]],
                      claims: dict[tuple[str, str], Iterable[Claim]]) -> list[Difference]:
    """What one readout of a report group states and another leaves out: for each report
    ``members`` = (readout, its encounter) and each report of another readout in the group,
    each claim (stance, endorser, target, topic) the first states at its encounter and the
    second does not state at its own, with the statement stating it (``claims``: report ->
    its claims). Two reports of one readout are not compared; sorted."""
    members = sorted(set(members))
    keys = {member: {claim[1:] for claim in claims.get(member, ())} for member in members}
    out = {(*claim, other, other_event) for member in members for other, other_event in members if other != member[0]
           for claim in claims.get(member, ()) if claim[1:] not in keys[other, other_event]}
    return sorted(out, key=lambda d: tuple(part or "" for part in d))


def group_pairs(sides: Iterable[str]) -> set[tuple[str, str]]:
    """The (actor, counterpart) pairs of an encounter of ``sides``."""
    present = set(sides)
    return {(actor, other) for actor in present for other in present if other != actor}


@dataclass
class Tallies:
    """Stances per cell, and encounters per pair of actors, with the reports behind them."""

    endorsements: dict[tuple, int] = field(default_factory=dict)  # (year, endorser, target, topic, stance)
    topics: dict[tuple, int] = field(default_factory=dict)  # (year, topic, stance)
    counterparts: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (actor, other) -> encounters
    dates: dict[str, set[str]] = field(default_factory=dict)  # encounter -> its date
    endorsement_reports: dict[tuple, int] = field(default_factory=dict)  # statements behind each cell
    topic_reports: dict[tuple, int] = field(default_factory=dict)
    encounter_reports: dict[str, int] = field(default_factory=dict)  # encounter -> readouts' reports of it
    joined: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # encounter -> (readout, event), 2+ readouts
    claims: dict[tuple[str, str], list[Claim]] = field(default_factory=dict)  # report of a joined group -> its claims
    reports: int = 0  # dated reports of encounters, grouped into len(encounter_reports) encounters


def counterpart_pairs(people: Iterable[str], sides: dict[str, set[str]]) -> set[tuple[str, str]]:
    """The (actor, counterpart) pairs of an encounter of ``people``: every two distinct
    sides that people present represent."""
    return group_pairs(side for person in people for side in sides.get(person, ()))


def tally(contributions: Iterable[Facts], represents: Iterable[tuple[str, str]] = ()) -> Tallies:
    """Count the facts of every published readout (and what the registry says of who
    represents whom) by encounter: the reports of one encounter (:func:`kg.build.resolve.resolve`)
    count once. (:mod:`kg.build.tally_store` keeps the same counts in the build cache, where a
    readout can be taken out again.)"""
    result = Tallies()
    registry: dict[str, set[str]] = {}
    for person, side in represents:
        registry.setdefault(person, set()).add(side)
    reports: list[Report] = []
    statements: dict[tuple[str, str | None], list[tuple]] = {}  # (readout, event) -> rows
    claims: dict[tuple[str, str], list[Claim]] = {}
    for facts in contributions:
        reports += facts_reports(facts, registry)
        for readout, event, *claim in facts.get("claims", ()):
            claims.setdefault((readout, event), []).append(tuple(claim))
        for year, readout, event, endorser, target, topic, stance, n in facts["endorsements"]:
            statements.setdefault((readout, event), []).append((year, readout, endorser, target, topic, stance, n))
    unit_of: dict[tuple[str, str], str] = {}
    for shared in group_reports(reports):
        unique = {(r.readout, r.encounter) for r in shared.reports}
        unit_of.update((report, shared.iri) for report in unique)
        result.reports += len(unique)
        result.encounter_reports[shared.iri] = len(unique)
        result.dates[shared.iri] = {shared.date} if shared.date else set()
        if len({readout for readout, _ in unique}) > 1:
            result.joined[shared.iri] = sorted(unique)
            result.claims.update((member, claims[member]) for member in unique if member in claims)
        for pair in group_pairs(side for r in shared.reports for side in r.sides):
            result.counterparts.setdefault(pair, set()).add(shared.iri)
    units: dict[str, list[tuple]] = {}
    for (readout, event), rows in statements.items():
        units.setdefault(unit_of.get((readout, event or "")) or alone_unit(readout, event), []).extend(rows)
    for rows in units.values():
        for key, (n, backing) in unit_counts(rows).items():
            year, endorser, target, topic, stance = key
            _add(result.endorsements, key, n)
            _add(result.endorsement_reports, key, backing)
            _add(result.topics, (year, topic, stance), n)
            _add(result.topic_reports, (year, topic, stance), backing)
    return result


def _add(counts: dict, key: tuple, n: int) -> None:
    counts[key] = counts.get(key, 0) + n


def _integer(n: int) -> str:
    return f'"{n}"^^{_XSD_INTEGER}'


_P = {name: f"<{KG[name]}>" for name in ("inYear", "ofEndorser", "ofTarget", "ofTopic", "ofStance", "statementCount",
                                        "ofActor", "ofCounterpart", "encounterCount", "firstDate", "lastDate",
                                        "reportCount", "reportedAs", "reportedIn", "inGroup", "claimStatement",
                                        "claimStance", "claimEndorser", "claimTarget", "claimTopic", "absentFrom",
                                        "absentAt")}
_CLASS = {kind: f"{_TYPE} <{KG[name]}>" for kind, name in (("endorsements", "EndorsementTally"), ("topic", "TopicTally"),
                                                          ("counterparts", "CounterpartTally"),
                                                          ("reports", "ReportGroup"),
                                                          ("difference", "ReportDifference"))}


Cell = tuple[str, str, list[str]]  # (IRI, part, sorted lines)


def _cell(kind: str, key: tuple, graph: str, lines: list[str]) -> Cell:
    """A cell's IRI is ``<graph>#<kind>-<hash of its key>``: the same corpus always gives the
    same IRIs, and a cell keeps its IRI while only its count changes; its part is its kind
    and the first two hex digits of the hash."""
    digest = hashlib.sha1("\x1f".join("" if part is None else str(part) for part in key).encode()).hexdigest()
    iri = f"<{graph}#{kind}-{digest[:16]}>"
    return iri, f"{kind}-{digest[:2]}", sorted(f"{iri} {line}" for line in lines)


def endorsement_cell(key: tuple, n: int, reports: int, graph: str) -> Cell:
    """The tally of the stances of ``key`` = (year, endorser, target, topic, stance):
    ``n`` counted by encounter, ``reports`` statements behind them."""
    year, endorser, target, topic, stance = key
    p = _P
    lines = [_CLASS["endorsements"], f"{p['inYear']} {_integer(year)}", f"{p['ofEndorser']} {endorser}",
             f"{p['ofStance']} {stance}", f"{p['statementCount']} {_integer(n)}",
             f"{p['reportCount']} {_integer(reports)}"]
    if target is not None:
        lines.append(f"{p['ofTarget']} {target}")
    if topic is not None:
        lines.append(f"{p['ofTopic']} {topic}")
    return _cell("endorsements", key, graph, lines)


def topic_cell(key: tuple, n: int, reports: int, graph: str) -> Cell:
    """The tally of the stances of ``key`` = (year, topic, stance)."""
    year, topic, stance = key
    p = _P
    lines = [_CLASS["topic"], f"{p['inYear']} {_integer(year)}", f"{p['ofStance']} {stance}",
             f"{p['statementCount']} {_integer(n)}", f"{p['reportCount']} {_integer(reports)}"]
    if topic is not None:
        lines.append(f"{p['ofTopic']} {topic}")
    return _cell("topic", key, graph, lines)


def counterpart_cell(pair: tuple[str, str], encounters: int, reports: int, first: str, last: str, graph: str) -> Cell:
    """The tally of the ``encounters`` of ``pair`` = (actor, counterpart), reported
    ``reports`` times, dated ``first`` to ``last`` (lexical xsd:date)."""
    actor, other = pair
    p = _P
    return _cell("counterparts", pair, graph, [
        _CLASS["counterparts"], f"{p['ofActor']} {actor}", f"{p['ofCounterpart']} {other}",
        f"{p['encounterCount']} {_integer(encounters)}", f"{p['reportCount']} {_integer(reports)}",
        f'{p["firstDate"]} "{first}"^^{_XSD_DATE}', f'{p["lastDate"]} "{last}"^^{_XSD_DATE}'])


def report_group_cell(encounter: str, members: list[tuple[str, str]], graph: str,
                      differences: Iterable[Difference] = ()) -> Cell:
    """The group of the reports ``members`` = (readout, its encounter) of the shared
    ``encounter`` (two readouts or more): which readouts report one encounter, and as which
    of their encounters, for queries that compare them (``queries/readout-differences.rq``),
    and its ``differences`` (:func:`group_differences`), each a ``kg:ReportDifference`` whose
    IRI extends the group's (``<group>-<hash>``: the cell's lines stay one sorted run)."""
    p = _P
    lines = [_CLASS["reports"], f"{p['reportCount']} {_integer(len(members))}"]
    lines += sorted({f"{p['reportedIn']} {readout}" for readout, _ in members})
    lines += sorted({f"{p['reportedAs']} {event}" for _, event in members})
    iri, part, own = _cell("reports", (encounter,), graph, lines)
    for difference in differences:
        statement, stance, endorser, target, topic, other, other_event = difference
        digest = hashlib.sha1("\x1f".join(part or "" for part in difference).encode()).hexdigest()[:16]
        subject = f"{iri[:-1]}-{digest}>"
        own += [f"{subject} {_CLASS['difference']}", f"{subject} {p['inGroup']} {iri}",
                f"{subject} {p['claimStatement']} {statement}", f"{subject} {p['claimStance']} {stance}",
                f"{subject} {p['claimEndorser']} {endorser}", f"{subject} {p['absentFrom']} {other}",
                f"{subject} {p['absentAt']} {other_event}"]
        own += [f"{subject} {p['claimTarget']} {target}"] if target is not None else []
        own += [f"{subject} {p['claimTopic']} {topic}"] if topic is not None else []
    return iri, part, sorted(own)


def cells(tallies: Tallies, graph: str) -> Iterator[Cell]:
    """Every cell of ``tallies``, in no particular order."""
    for key, n in tallies.endorsements.items():
        yield endorsement_cell(key, n, tallies.endorsement_reports.get(key, n), graph)
    for key, n in tallies.topics.items():
        yield topic_cell(key, n, tallies.topic_reports.get(key, n), graph)
    for pair, events in tallies.counterparts.items():
        days = [day for event in events for day in tallies.dates.get(event, ())]
        reports = sum(tallies.encounter_reports.get(event, 1) for event in events)
        yield counterpart_cell(pair, len(events), reports, min(days), max(days), graph)
    for encounter, members in tallies.joined.items():
        yield report_group_cell(encounter, members, graph, group_differences(members, tallies.claims))


def statistics_parts(tallies: Tallies, graph: str) -> list[tuple[str, list[str]]]:
    """The statistics graph ``graph`` as sorted N-Triples lines (without " ."), cut into
    runs of cells whose IRIs share a kind and the first two hex digits of their hash, in
    order: a changed readout changes few of them, and a rebuild copies the others from the
    last outputs (see :mod:`kg.build.builder`)."""
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

    if not tallies.endorsements and not tallies.topics and not tallies.counterparts and not tallies.joined:
        return []
    return list(Graph().parse(data="".join(line + " .\n" for line in statistics_lines(tallies, graph)), format="nt"))


# ---- dumps not made by `kg build` ----------------------------------------------------
_TALLY_CLASSES = (KG.EndorsementTally, KG.TopicTally, KG.CounterpartTally, KG.ReportGroup)


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
    facts = [readout_facts(lines[name]) for name in sorted(lines)]
    # who represents whom is said once, in the registry and entities graphs: it holds for every readout
    represents = [(person, side) for f in facts for person, side in f["represents"]]
    tallied = statistics_lines(tally(facts, represents), graph)
    if tallied:
        target = ox.NamedNode(graph)
        parsed = ox.parse("".join(line + " .\n" for line in tallied).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        store.extend([ox.Quad(t.subject, t.predicate, t.object, target) for t in parsed])
    return len(tallied)

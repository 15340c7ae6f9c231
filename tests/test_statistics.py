"""The statistics graph: its tallies equal the aggregates over the statements themselves."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from generated import write_readouts
from kg.build import build
from kg.namespaces import KG, PROV, RDF, STANCE, TOPIC
from kg.query import open_store, read_query, run_query
from kg.statistics import statistics_lines, statistics_parts, statistics_triples, tally, triples_facts
from kg.store import find_dump
from kg.validate import pyshacl_violations

RAW = Path(__file__).parent / "data" / "raw-queries"
GOLD = Path(__file__).parent / "gold"
ID = "https://w3id.org/readout-kg/id/"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Generated readouts, the same readout twice (a duplicate) and the team's gold
    readouts in four languages, built once."""
    sources = tmp_path_factory.mktemp("stat_sources")
    write_readouts(sources / "generated", 160, seed=7)
    for path in sorted(GOLD.glob("*.txt")):
        shutil.copy(path, sources / path.name)
    first = sorted(GOLD.glob("*.txt"))[0]
    shutil.copy(first, sources / ("again_" + first.name))
    out = tmp_path_factory.mktemp("stat_build")
    build(sources, out, jobs=2)
    return out


@pytest.fixture(scope="module")
def store(corpus):
    return open_store(corpus)


def _rows(store, text: str) -> list[tuple]:
    return sorted(tuple(str(term) if term is not None else None for term in row)
                  for row in run_query(store, text).rows)


def _with_values(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


def _target_topic_pairs(store) -> list[tuple[str, str]]:
    """Every (target, topic) that some statement of the corpus names together."""
    rows = run_query(store, "SELECT DISTINCT ?t ?topic { ?s a kg:Endorsement ; kg:target ?t ; kg:topic ?topic }").rows
    return sorted({(t.value, topic.value) for t, topic in rows})


def test_endorsement_counts_equal_the_statements(store):
    tallied = _rows(store, read_query("endorsement-counts"))
    assert tallied and len(tallied) > 20
    assert tallied == _rows(store, (RAW / "endorsement-counts.rq").read_text(encoding="utf-8"))


def test_endorsers_of_state_equal_the_statements_for_every_target_and_topic(store):
    pairs = _target_topic_pairs(store)
    assert len(pairs) > 15
    chn = f"<{ID}state/CHN> <https://w3id.org/readout-kg/vocab/topic/xinjiang>"
    ready_chn = (f"VALUES ?target {{ <{ID}state/CHN> }}\n"
                 "  VALUES ?topic { <https://w3id.org/readout-kg/vocab/topic/xinjiang> }")
    checked = 0
    for target, topic in pairs:
        values = f"<{target}> <{topic}>"
        ready = _with_values(read_query("endorsers-of-state"), ready_chn,
                             f"VALUES ?target {{ <{target}> }}\n  VALUES ?topic {{ <{topic}> }}")
        raw = _with_values((RAW / "endorsers-of-state.rq").read_text(encoding="utf-8"), chn, values)
        expected = _rows(store, raw)
        assert _rows(store, ready) == expected, (target, topic)
        checked += bool(expected)
    assert checked > 15


def test_counterparts_equal_the_encounters_for_every_state(store):
    states = sorted({s.value for (s,) in run_query(store, "SELECT DISTINCT ?s { ?p kg:represents ?s }").rows})
    assert len(states) > 30
    chn = f"VALUES ?state {{ <{ID}state/CHN> }}"
    nonempty = 0
    for state in states:
        values = f"VALUES ?state {{ <{state}> }}"
        expected = _rows(store, _with_values((RAW / "counterparts.rq").read_text(encoding="utf-8"), chn, values))
        assert _rows(store, _with_values(read_query("counterparts"), chn, values)) == expected, state
        nonempty += bool(expected)
    assert nonempty > 30


def test_statistics_graph_conforms_to_the_shapes(corpus):
    dataset = Dataset()
    dataset.parse(find_dump(corpus), format="nquads")
    graph = dataset.graph(URIRef(f"{ID}graph/statistics"))
    assert len(graph) > 1000
    kinds = {o for o in graph.objects(None, RDF.type)}
    assert kinds == {KG.EndorsementTally, KG.TopicTally, KG.CounterpartTally}
    assert pyshacl_violations(graph) == []
    broken = dataset.graph(URIRef("urn:broken"))
    for triple in graph:
        broken.add(triple)
    cell = next(graph.subjects(RDF.type, KG.CounterpartTally))
    broken.remove((cell, KG.firstDate, None))
    assert any("first date" in v.message for v in pyshacl_violations(broken))


# ---- the counting rules, on hand-made facts ------------------------------------------
def _iri(name: str) -> URIRef:
    return URIRef(name if ":" in name else f"urn:x:{name}")


def _term(name: str) -> str:
    return f"<{_iri(name)}>"


def _statement(name: str, readout: str, stance: str = "support", endorser: str = "KAZ",
               target: str | None = "CHN", topic: str | None = "xinjiang") -> list[tuple]:
    iri = _iri(f"{readout}-{name}")
    triples = [(iri, RDF.type, KG.Endorsement), (iri, KG.stance, _iri(stance)),
               (iri, KG.endorser, _iri(endorser)), (iri, PROV.wasDerivedFrom, _iri(readout))]
    if target:
        triples.append((iri, KG.target, _iri(target)))
    if topic:
        triples.append((iri, KG.topic, _iri(topic)))
    return triples


def _encounter(event: str, date: str, readout: str, people: list[tuple[str, str]]) -> list[tuple]:
    iri = _iri(event)
    triples = [(iri, KG.date, Literal(date, datatype=XSD.date)), (iri, PROV.wasDerivedFrom, _iri(readout))]
    for n, (person, side) in enumerate(people):
        node = _iri(f"{readout}-p{n}-{event}")
        triples += [(iri, KG.participation, node), (node, KG.participant, _iri(person)),
                    (_iri(person), KG.represents, _iri(side))]
    return triples


def test_year_is_the_earliest_encounter_of_the_readout_and_topics_split():
    one = (_encounter("e1", "2021-12-31", "r1", [("wang", "CHN"), ("tleuberdi", "KAZ")])
           + _encounter("e2", "2022-01-02", "r1", [("wang", "CHN")])
           + _statement("s1", "r1") + _statement("s2", "r1", topic=None)
           + _statement("s3", "r1", stance="oppose", target=None, topic="taiwan"))
    two = _encounter("e3", "2023-05-01", "r2", [("wang", "CHN")]) + _statement("s1", "r2")
    tallies = tally([triples_facts(one), triples_facts(two)])
    t = _term
    assert tallies.topics == {
        (2021, t("xinjiang"), t("support")): 1, (2021, None, t("support")): 1,
        (2021, t("taiwan"), t("oppose")): 1, (2023, t("xinjiang"), t("support")): 1}
    assert tallies.endorsements == {
        (2021, t("KAZ"), t("CHN"), t("xinjiang"), t("support")): 1, (2021, t("KAZ"), t("CHN"), None, t("support")): 1,
        (2021, t("KAZ"), None, t("taiwan"), t("oppose")): 1, (2023, t("KAZ"), t("CHN"), t("xinjiang"), t("support")): 1}


def test_an_encounter_reported_twice_counts_once_with_every_side():
    # two ministries' readouts of the same call: each names its own side's people
    first = _encounter("call", "2021-01-22", "r1", [("wang", "CHN"), ("tleuberdi", "KAZ")])
    second = _encounter("call", "2021-01-22", "r2", [("tleuberdi", "KAZ"), ("lavrov", "RUS")])
    later = _encounter("visit", "2022-03-01", "r3", [("wang", "CHN"), ("tleuberdi", "KAZ")])
    tallies = tally(triples_facts(t) for t in (first, second, later))
    t = _term
    assert {pair: len(events) for pair, events in tallies.counterparts.items()} == {
        (t("CHN"), t("KAZ")): 2, (t("KAZ"), t("CHN")): 2, (t("CHN"), t("RUS")): 1, (t("RUS"), t("CHN")): 1,
        (t("KAZ"), t("RUS")): 1, (t("RUS"), t("KAZ")): 1}
    triples = statistics_triples(tallies, "urn:stats")
    chn_kaz = {s for s, p, o in triples if p == KG.ofActor and o == _iri("CHN")} & \
              {s for s, p, o in triples if p == KG.ofCounterpart and o == _iri("KAZ")}
    (cell,) = chn_kaz
    values = {p: o for s, p, o in triples if s == cell}
    assert values[KG.encounterCount] == Literal(2, datatype=XSD.integer)
    assert values[KG.firstDate] == Literal("2021-01-22", datatype=XSD.date)
    assert values[KG.lastDate] == Literal("2022-03-01", datatype=XSD.date)


def test_registry_says_who_represents_whom():
    e, p1, p2 = _iri("e"), _iri("p1"), _iri("p2")
    facts = triples_facts([(e, KG.date, Literal("2020-02-02", datatype=XSD.date)),
                           (e, KG.participation, p1), (p1, KG.participant, _iri("a")),
                           (e, KG.participation, p2), (p2, KG.participant, _iri("b"))])
    assert tally([facts]).counterparts == {}
    pairs = tally([facts], [(_term("a"), _term("CHN")), (_term("b"), _term("NPL"))]).counterparts
    assert set(pairs) == {(_term("CHN"), _term("NPL")), (_term("NPL"), _term("CHN"))}


def test_cell_iris_are_stable_and_distinct_and_parts_keep_the_order():
    facts = triples_facts(_encounter("e1", "2021-01-01", "r1", [("w", "CHN"), ("t", "KAZ")]) + _statement("s", "r1"))
    first = statistics_lines(tally([facts]), "urn:stats")
    assert first == statistics_lines(tally([facts]), "urn:stats") == sorted(first)
    cells = {line.split(" ")[0] for line in first}
    assert len(cells) == 4  # one endorsement tally, one topic tally, two counterpart tallies
    assert all(re.fullmatch(r"<urn:stats#(endorsements|topic|counterparts)-[0-9a-f]{16}>", c) for c in cells)
    parts = statistics_parts(tally([facts]), "urn:stats")
    assert [line for _, lines in parts for line in lines] == first
    assert all(re.fullmatch(r"(endorsements|topic|counterparts)-[0-9a-f]{2}", name) for name, _ in parts)
    # a base IRI ending in '#' makes a graph IRI with a '#' of its own
    assert {name for name, _ in statistics_parts(tally([facts]), "http://x.org/kg#graph/statistics")} \
        == {name for name, _ in parts}


# ---- the shapes of the tallies catch a tally broken on purpose ------------------------
def _tally_graph() -> Graph:
    facts = triples_facts(_encounter("e1", "2021-01-01", "r1", [("w", f"{ID}state/CHN"), ("t", f"{ID}state/KAZ")])
                          + _statement("s", "r1", stance=str(STANCE.support), endorser=f"{ID}state/KAZ",
                                       target=f"{ID}state/CHN", topic=str(TOPIC.xinjiang)))
    graph = Graph()
    for triple in statistics_triples(tally([facts]), "urn:stats"):
        graph.add(triple)
    return graph


def _first(graph: Graph, kind) -> URIRef:
    return sorted(graph.subjects(RDF.type, kind))[0]


TALLY_CASES = [  # (id, class, property, new value or None to remove, expected message)
    ("year-missing", KG.EndorsementTally, KG.inYear, None, "An endorsement tally counts exactly one year (xsd:integer)."),
    ("year-not-integer", KG.TopicTally, KG.inYear, Literal("2021"), "A topic tally counts exactly one year (xsd:integer)."),
    ("endorser-literal", KG.EndorsementTally, KG.ofEndorser, Literal("KAZ"), "An endorsement tally counts exactly one endorser."),
    ("stance-unknown", KG.TopicTally, KG.ofStance, STANCE.admire,
     "A topic tally counts exactly one stance: support, oppose or congratulate."),
    ("count-missing", KG.EndorsementTally, KG.statementCount, None,
     "An endorsement tally gives exactly one statement count (xsd:integer)."),
    ("counterpart-missing", KG.CounterpartTally, KG.ofCounterpart, None, "A counterpart tally is about exactly one counterpart."),
    ("last-date-not-date", KG.CounterpartTally, KG.lastDate, Literal("2021-01-01"),
     "A counterpart tally gives exactly one last date (xsd:date)."),
]


def test_unbroken_tallies_conform():
    assert pyshacl_violations(_tally_graph()) == []


@pytest.mark.parametrize("case", TALLY_CASES, ids=[c[0] for c in TALLY_CASES])
def test_broken_tally_is_reported(case):
    _, kind, prop, value, message = case
    graph = _tally_graph()
    cell = _first(graph, kind)
    assert graph.value(cell, prop) is not None
    graph.remove((cell, prop, None))
    if value is not None:
        graph.add((cell, prop, value))
    assert {v.message for v in pyshacl_violations(graph)} == {message}


def test_two_topics_break_the_topic_tally():
    graph = _tally_graph()
    cell = _first(graph, KG.TopicTally)
    graph.add((cell, KG.ofTopic, TOPIC.taiwan))
    assert {v.message for v in pyshacl_violations(graph)} == {"A topic tally counts at most one topic."}

"""The statistics graph: its tallies equal the aggregates over the statements themselves."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from generated import write_readouts
from kg.build.builder import build
from kg.views.compare import encounter_reports
from kg.namespaces import KG, PROV, RDF, STANCE, TOPIC
from kg.sparql.query import open_store, read_query, run_query
from kg.build.resolve import resolve
from kg.build.statistics import (group_differences, readout_facts, statistics_lines, statistics_parts,
                                 statistics_triples, tally, triples_facts)
from kg.build.store import find_dump
from kg.graph.validate import pyshacl_violations

RAW = Path(__file__).parent / "data" / "raw-queries"
PAIR = Path(__file__).parent / "data" / "encounter"
GOLD = Path(__file__).parent / "gold"
ID = "https://w3id.org/readout-kg/id/"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Generated readouts, the same readout twice (a duplicate), the team's gold readouts
    in four languages and two readouts of one call (China's and Australia's), built once."""
    sources = tmp_path_factory.mktemp("stat_sources")
    write_readouts(sources / "generated", 160, seed=7)
    for path in sorted(GOLD.glob("*.txt")):
        shutil.copy(path, sources / path.name)
    first = sorted(GOLD.glob("*.txt"))[0]
    shutil.copy(first, sources / ("again_" + first.name))
    for path in sorted(PAIR.glob("*.txt")):  # one call, a readout from each side
        shutil.copy(path, sources / path.name)
    out = tmp_path_factory.mktemp("stat_build")
    build(sources, out, jobs=2)
    return out


@pytest.fixture(scope="module")
def store(corpus):
    return open_store(corpus)


def _rows(store, text: str) -> list[tuple]:
    return sorted(tuple(str(term) if term is not None else None for term in row)
                  for row in run_query(store, text).rows)


def _values(store, text: str) -> list[tuple]:
    """Rows as plain strings (IRIs, lexical forms)."""
    return sorted(run_query(store, text).values(), key=lambda row: tuple(x or "" for x in row))


def _with_values(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


def _target_topic_pairs(store) -> list[tuple[str, str]]:
    """Every (target, topic) that some statement of the corpus names together."""
    rows = run_query(store, "SELECT DISTINCT ?t ?topic { ?s a kg:Endorsement ; kg:target ?t ; kg:topic ?topic }").rows
    return sorted({(t.value, topic.value) for t, topic in rows})


def _reports(text: str) -> str:
    """A ready query reading the report counts of the tallies instead of their stances."""
    return _with_values(text, "kg:statementCount ?", "kg:reportCount ?")


def test_report_counts_equal_the_statements(store):
    tallied = _rows(store, _reports(read_query("endorsement-counts")))
    assert tallied and len(tallied) > 20
    assert tallied == _rows(store, (RAW / "endorsement-counts.rq").read_text(encoding="utf-8"))


def test_endorsers_of_state_report_counts_equal_the_statements_for_every_target_and_topic(store):
    pairs = _target_topic_pairs(store)
    assert len(pairs) > 15
    chn = f"<{ID}state/CHN> <https://w3id.org/readout-kg/vocab/topic/xinjiang>"
    ready_chn = (f"VALUES ?target {{ <{ID}state/CHN> }}\n"
                 "  VALUES ?topic { <https://w3id.org/readout-kg/vocab/topic/xinjiang> }")
    checked = 0
    for target, topic in pairs:
        values = f"<{target}> <{topic}>"
        ready = _with_values(_reports(read_query("endorsers-of-state")), ready_chn,
                             f"VALUES ?target {{ <{target}> }}\n  VALUES ?topic {{ <{topic}> }}")
        raw = _with_values((RAW / "endorsers-of-state.rq").read_text(encoding="utf-8"), chn, values)
        expected = _rows(store, raw)
        assert _rows(store, ready) == expected, (target, topic)
        checked += bool(expected)
    assert checked > 15


# ---- counted by encounter: what kg.views.compare resolves from the readout graphs ---------------
def _shared(store) -> dict[tuple[str, str], tuple[str, str | None, frozenset[str]]]:
    """(readout's encounter, readout) -> (shared encounter, its date, its sides as codes),
    as ``kg compare`` and the views resolve them from the graphs."""
    reports, _ = encounter_reports(store)
    return {(r.encounter, r.readout): (shared.iri, shared.date, shared.sides)
            for shared in resolve(reports) for r in shared.reports}


def test_the_corpus_has_an_encounter_both_sides_report(store):
    shared = _shared(store)
    readouts = {}
    for (_, readout), (iri, _, _) in shared.items():
        readouts.setdefault(iri, set()).add(readout)
    assert sum(1 for found in readouts.values() if len(found) > 1) >= 1


def test_stance_counts_are_those_of_the_encounters(store):
    """Each stance counts once per encounter however many readouts of it state it (as
    many times as the readout stating it most often does), in the year of its readout's
    earliest encounter."""
    shared = _shared(store)
    years = {readout: int(year) for readout, year in _values(store, """
        SELECT ?r (MIN(YEAR(?d)) AS ?y) { ?e prov:wasDerivedFrom ?r ; kg:date ?d } GROUP BY ?r""")}
    statements = _values(store, """
        SELECT ?s ?r (MIN(STR(?e)) AS ?at) ?stance (SAMPLE(?t) AS ?topic) WHERE {
          ?s a kg:Endorsement ; prov:wasDerivedFrom ?r ; kg:stance ?stance .
          OPTIONAL { ?s kg:statedAt ?e } OPTIONAL { ?s kg:topic ?t } } GROUP BY ?s ?r ?stance""")
    per_encounter: dict[tuple, dict[str, int]] = {}
    first_year: dict[tuple, int] = {}
    for _, readout, at, stance, topic in statements:
        if readout not in years:
            continue
        unit = shared.get((at, readout), ((readout, at),))[0]
        key = (unit, topic, stance)
        per_encounter.setdefault(key, {})[readout] = per_encounter.get(key, {}).get(readout, 0) + 1
        first_year[key] = min(first_year.get(key, 9999), years[readout])
    expected: dict[tuple, int] = {}
    for key, counts in per_encounter.items():
        _, topic, stance = key
        cell = (str(first_year[key]), topic.rsplit("/", 1)[-1] if topic else "(none)", stance.rsplit("/", 1)[-1])
        expected[cell] = expected.get(cell, 0) + max(counts.values())
    tallied = {row[:3]: int(row[3]) for row in _values(store, read_query("endorsement-counts"))}
    assert tallied == expected
    reported = {row[:3]: int(row[3]) for row in _values(store, _reports(read_query("endorsement-counts")))}
    assert sum(reported.values()) > sum(tallied.values())  # the stances both sides of one call report


def test_counterparts_are_those_of_the_encounters_for_every_state(store):
    states = sorted({s.value for (s,) in run_query(store, "SELECT DISTINCT ?s { ?p kg:represents ?s }").rows})
    assert len(states) > 30
    codes = dict(_values(store, "SELECT ?s ?c { { ?s kg:iso3 ?c } UNION { ?s kg:code ?c } }"))
    met: dict[tuple[str, str], set[tuple[str, str]]] = {}  # (state, counterpart) -> encounters and dates
    for iri, date, sides in set(_shared(store).values()):
        for actor in sides:
            for other in sides - {actor}:
                if date:
                    met.setdefault((actor, other), set()).add((iri, date))
    chn = f"VALUES ?state {{ <{ID}state/CHN> }}"
    nonempty = 0
    for state in states:
        expected = sorted((other, str(len(found)), min(d for _, d in found), max(d for _, d in found))
                          for (actor, other), found in met.items() if actor == codes[state])
        ready = _with_values(read_query("counterparts"), chn, f"VALUES ?state {{ <{state}> }}")
        assert [(row[0], *row[2:]) for row in _values(store, ready)] == expected, state
        raw = _with_values((RAW / "counterparts.rq").read_text(encoding="utf-8"), chn, f"VALUES ?state {{ <{state}> }}")
        assert sum(int(row[2]) for row in _values(store, raw)) >= sum(int(row[1]) for row in expected)
        nonempty += bool(expected)
    assert nonempty > 30


def test_statistics_graph_conforms_to_the_shapes(corpus):
    dataset = Dataset()
    dataset.parse(find_dump(corpus), format="nquads")
    graph = dataset.graph(URIRef(f"{ID}graph/statistics"))
    assert len(graph) > 1000
    kinds = {o for o in graph.objects(None, RDF.type)}
    assert kinds == {KG.EndorsementTally, KG.TopicTally, KG.CounterpartTally, KG.ReportGroup, KG.ReportDifference}
    assert pyshacl_violations(graph) == []
    broken = dataset.graph(URIRef("urn:broken"))
    for triple in graph:
        broken.add(triple)
    cell = next(graph.subjects(RDF.type, KG.CounterpartTally))
    broken.remove((cell, KG.firstDate, None))
    group = next(graph.subjects(RDF.type, KG.ReportGroup))
    broken.remove((group, KG.reportedIn, next(graph.objects(group, KG.reportedIn))))
    difference = next(graph.subjects(RDF.type, KG.ReportDifference))
    broken.remove((difference, KG.absentFrom, None))
    messages = [v.message for v in pyshacl_violations(broken)]
    assert any("first date" in m for m in messages) and any("two readouts or more" in m for m in messages)
    assert any("leaves the claim out" in m for m in messages)


# ---- the counting rules, on hand-made facts ------------------------------------------
def _iri(name: str) -> URIRef:
    return URIRef(name if ":" in name else f"urn:x:{name}")


def _term(name: str) -> str:
    return f"<{_iri(name)}>"


def _statement(name: str, readout: str, stance: str = "support", endorser: str = "KAZ",
               target: str | None = "CHN", topic: str | None = "xinjiang", at: str | None = None) -> list[tuple]:
    iri = _iri(f"{readout}-{name}")
    triples = [(iri, RDF.type, KG.Endorsement), (iri, KG.stance, _iri(stance)),
               (iri, KG.endorser, _iri(endorser)), (iri, PROV.wasDerivedFrom, _iri(readout))]
    if target:
        triples.append((iri, KG.target, _iri(target)))
    if topic:
        triples.append((iri, KG.topic, _iri(topic)))
    if at:
        triples.append((iri, KG.statedAt, _iri(at)))
    return triples


def _encounter(event: str, date: str, readout: str, people: list[tuple[str, str]],
               kind=KG.PhoneCall) -> list[tuple]:
    iri = _iri(event)
    triples = [(iri, RDF.type, kind), (iri, KG.date, Literal(date, datatype=XSD.date)),
               (iri, PROV.wasDerivedFrom, _iri(readout))]
    for n, (person, side) in enumerate(people):
        node = _iri(f"{readout}-p{n}-{event}")
        triples += [(iri, KG.participation, node), (node, KG.participant, _iri(f"urn:x:person/{side}/{person}")),
                    (_iri(f"urn:x:person/{side}/{person}"), KG.represents, _iri(side))]
    return triples


def test_year_is_the_earliest_encounter_of_the_readout_and_topics_split():
    one = (_encounter("e1", "2021-12-31", "r1", [("wang", "CHN"), ("tleuberdi", "KAZ")])
           + _encounter("e2", "2022-01-02", "r1", [("wang", "CHN")])
           + _statement("s1", "r1", at="e1") + _statement("s2", "r1", topic=None, at="e2")
           + _statement("s3", "r1", stance="oppose", target=None, topic="taiwan"))
    two = _encounter("e3", "2023-05-01", "r2", [("wang", "CHN")]) + _statement("s1", "r2", at="e3")
    tallies = tally([triples_facts(one), triples_facts(two)])
    t = _term
    assert tallies.topics == {
        (2021, t("xinjiang"), t("support")): 1, (2021, None, t("support")): 1,
        (2021, t("taiwan"), t("oppose")): 1, (2023, t("xinjiang"), t("support")): 1}
    assert tallies.endorsements == {
        (2021, t("KAZ"), t("CHN"), t("xinjiang"), t("support")): 1, (2021, t("KAZ"), t("CHN"), None, t("support")): 1,
        (2021, t("KAZ"), None, t("taiwan"), t("oppose")): 1, (2023, t("KAZ"), t("CHN"), t("xinjiang"), t("support")): 1}
    assert tallies.endorsement_reports == tallies.endorsements  # no encounter reported twice


def _two_sides_of_one_call() -> list[list[tuple]]:
    """China's readout of a call, Kazakhstan's (a day earlier by its clock, with one more
    official), a call of the same pair a week later, and China's call with Russia the
    same day: two readouts of one encounter, and two near misses."""
    china = (_encounter("cn-call", "2021-01-22", "r1", [("wang-yi", "CHN"), ("mukhtar-tleuberdi", "KAZ")])
             + _statement("s1", "r1", at="cn-call") + _statement("s2", "r1", at="cn-call", topic="taiwan"))
    kazakhstan = (_encounter("kz-call", "2021-01-21", "r2", [("mukhtar-tleuberdi", "KAZ"), ("wang-yi", "CHN"),
                                                             ("roman-vassilenko", "KAZ")])
                  + _statement("s1", "r2", at="kz-call"))
    later = (_encounter("cn-call-2", "2021-01-29", "r3", [("wang-yi", "CHN"), ("mukhtar-tleuberdi", "KAZ")])
             + _statement("s1", "r3", at="cn-call-2"))
    russia = _encounter("ru-call", "2021-01-22", "r4", [("wang-yi", "CHN"), ("lavrov", "RUS")])
    return [china, kazakhstan, later, russia]


def test_a_stance_both_sides_report_counts_once():
    tallies = tally(triples_facts(t) for t in _two_sides_of_one_call())
    t = _term
    support = (2021, t("KAZ"), t("CHN"), t("xinjiang"), t("support"))
    # stated at the call by both sides (once), and at the call a week later
    assert tallies.endorsements[support] == 2 and tallies.endorsement_reports[support] == 3
    assert tallies.topics[(2021, t("xinjiang"), t("support"))] == 2
    assert tallies.topics[(2021, t("taiwan"), t("support"))] == 1
    assert (tallies.reports, len(tallies.encounter_reports)) == (4, 3)
    assert {pair: len(events) for pair, events in tallies.counterparts.items()} == {
        (t("CHN"), t("KAZ")): 2, (t("KAZ"), t("CHN")): 2, (t("CHN"), t("RUS")): 1, (t("RUS"), t("CHN")): 1}
    triples = statistics_triples(tallies, "urn:stats")
    chn_kaz = {s for s, p, o in triples if p == KG.ofActor and o == _iri("CHN")} & \
              {s for s, p, o in triples if p == KG.ofCounterpart and o == _iri("KAZ")}
    (cell,) = chn_kaz
    values = {p: o for s, p, o in triples if s == cell}
    assert values[KG.encounterCount] == Literal(2, datatype=XSD.integer)
    assert values[KG.reportCount] == Literal(3, datatype=XSD.integer)
    assert values[KG.firstDate] == Literal("2021-01-21", datatype=XSD.date)  # the dates tie: the earliest
    assert values[KG.lastDate] == Literal("2021-01-29", datatype=XSD.date)


def test_a_stance_one_readout_states_twice_at_one_encounter_counts_twice():
    china, kazakhstan, *_ = _two_sides_of_one_call()
    china += _statement("s3", "r1", at="cn-call")  # the same stance in another sentence
    tallies = tally(triples_facts(t) for t in (china, kazakhstan))
    support = (2021, _term("KAZ"), _term("CHN"), _term("xinjiang"), _term("support"))
    assert (tallies.endorsements[support], tallies.endorsement_reports[support]) == (2, 3)


def test_counting_by_encounter_does_not_depend_on_the_order_of_the_readouts():
    facts = [triples_facts(t) for t in _two_sides_of_one_call()]
    lines = statistics_lines(tally(facts), "urn:stats")
    assert statistics_lines(tally(reversed(facts)), "urn:stats") == lines
    assert statistics_lines(tally(facts[1:] + facts[:1]), "urn:stats") == lines


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
    ("reports-missing", KG.CounterpartTally, KG.reportCount, None,
     "A counterpart tally gives exactly one report count (xsd:integer)."),
    ("reports-not-integer", KG.EndorsementTally, KG.reportCount, Literal("2"),
     "An endorsement tally gives exactly one report count (xsd:integer)."),
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


def test_a_dump_without_its_statistics_graph_gets_the_one_the_build_made(corpus):
    """``kg query`` on a dump with no tallies (made by another tool) counts them as the
    build does: by encounter, who represents whom read from the registry and entities graphs."""
    import pyoxigraph as ox

    from kg.build.statistics import add_statistics

    graph = f"{ID}graph/statistics"
    lines = find_dump(corpus).read_text(encoding="utf-8").splitlines()
    made = sorted(line for line in lines if line.endswith(f"<{graph}> ."))
    store = ox.Store()
    store.bulk_load("\n".join(line for line in lines if not line.endswith(f"<{graph}> .")).encode("utf-8"),
                    format=ox.RdfFormat.N_QUADS)
    assert add_statistics(store, graph) == len(made) > 1000
    counted = sorted(f"{q.subject} {q.predicate} {q.object} {q.graph_name} ." for q in
                     store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    assert counted == made


# ---- what one readout of a group states and another leaves out ------------------------
def test_a_claim_both_readouts_state_is_no_difference_and_one_left_out_is():
    a, b = ("<urn:x:r/a>", "<urn:x:e/a>"), ("<urn:x:r/b>", "<urn:x:e/b>")
    shared = ("<urn:x:stance/support>", "<urn:x:KAZ>", "<urn:x:CHN>", None)
    only_a = ("<urn:x:stance/oppose>", "<urn:x:KAZ>", None, "<urn:x:topic/x>")
    claims = {a: [("<urn:x:s/a1>", *shared), ("<urn:x:s/a2>", *only_a)], b: [("<urn:x:s/b1>", *shared)]}
    assert group_differences([a, b], claims) == [("<urn:x:s/a2>", *only_a, *b)]


def test_two_reports_of_one_readout_are_not_compared():
    """A readout telling one encounter twice (two of its encounters in one group) is not
    its own counterpart: only other readouts' reports are, each on its own."""
    first, second = ("<urn:x:r/a>", "<urn:x:e/a1>"), ("<urn:x:r/a>", "<urn:x:e/a2>")
    other = ("<urn:x:r/b>", "<urn:x:e/b>")
    claim = ("<urn:x:stance/support>", "<urn:x:KAZ>", None, None)
    claims = {first: [("<urn:x:s/a1>", *claim)], other: [("<urn:x:s/b1>", *claim)]}
    assert group_differences([first, second], claims) == []
    assert group_differences([first, second, other], claims) == [("<urn:x:s/b1>", *claim, *second)]


def test_a_statement_gives_a_claim_at_each_encounter_it_is_stated_at():
    s, r = "<urn:x:s/1>", "<urn:x:r/1>"
    lines = [f"{s} <{RDF.type}> <{KG.Endorsement}>", f"{s} <{PROV.wasDerivedFrom}> {r}",
             f"{s} <{KG.statedAt}> <urn:x:e/1>", f"{s} <{KG.statedAt}> <urn:x:e/2>",
             f"{s} <{KG.stance}> <{STANCE.support}>", f"{s} <{KG.endorser}> <urn:x:KAZ>",
             f"{s} <{KG.topic}> <{TOPIC.taiwan}>"]
    assert readout_facts(lines)["claims"] == [[r, f"<urn:x:e/{n}>", s, f"<{STANCE.support}>", "<urn:x:KAZ>", None,
                                               f"<{TOPIC.taiwan}>"] for n in (1, 2)]

"""kg.views.snapshot and kg.views.graphs on the mini dataset, and `kg view`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from minidata import mini, mini_store  # noqa: F401  (fixtures)

from cli import main
from kg.errors import ViewError
from kg.views.snapshot import Snapshot, load_snapshot
from kg.views.graphs import (Filters, affiliations, build_view, counterpart_years, counterparts, ego, encounters_per_year,
                      endorsements, interactions, make_filters, metrics, stances_per_year, to_dict)
from tests.generated import build_encounter_pair

ID = "https://w3id.org/readout-kg/id/"


@pytest.fixture(scope="module")
def snap(mini_store) -> Snapshot:
    return load_snapshot(mini_store)


def test_snapshot_reads_people_states_and_labels(snap: Snapshot):
    assert snap.kind(ID + "person/CHN/wang-yi") == "person" and snap.kind(ID + "org/UN") == "organization"
    assert snap.code(ID + "person/FRA/jean-dupont") == "FRA"
    assert snap.label(ID + "state/CHN", "fr") == "Chine" and snap.label(ID + "state/CHN", "zh") == "中国"
    # the registry's name first; a Chinese readout's name for zh
    assert snap.label(ID + "person/CHN/wang-yi", "en") == "Wang Yi"
    assert snap.label(ID + "person/CHN/wang-yi", "zh") == "王毅"
    assert snap.label(ID + "person/KAZ/mukhtar-tleuberdi", "zh") == "Mukhtar Tleuberdi"
    assert len(snap.participations) == 11 and len(snap.statements) == 9 and len(snap.holdings) == 9


def test_statements_are_dated_by_their_encounter(snap: Snapshot):
    dates = {s.iri.rsplit("/", 1)[-1]: s.date for s in snap.statements}
    assert dates["r2bbbbbbbbbbbbbbbbbb#e-1"] == "2022-03-09"


def test_interactions_between_people(snap: Snapshot):
    graph = interactions(snap)
    assert graph.number_of_nodes() == 6 and graph.number_of_edges() == 5
    edge = graph["person/CHN/wang-yi"]["person/KAZ/mukhtar-tleuberdi"]
    assert edge == {"weight": 2, "reports": 2, "first": "2021-01-21", "last": "2022-07-01", "types": "PhoneCall;Talks",
                    "dates": "2021-01-21;2022-07-01"}
    assert graph.nodes["person/UN/antonio-guterres"] == {
        "label": "António Guterres", "kind": "person", "state": "UN", "iri": ID + "person/UN/antonio-guterres",
        "region": "International", "subregion": "International", "role": "organization_head"}


def test_every_edge_carries_the_date_of_each_encounter(snap: Snapshot):
    for level in ("person", "state"):
        for a, b, data in interactions(snap, level=level).edges(data=True):
            dates = data["dates"].split(";")
            assert len(dates) == data["weight"] and dates == sorted(dates)
            assert (dates[0], dates[-1]) == (data["first"], data["last"])


def test_nodes_carry_region_and_latest_role(snap: Snapshot):
    graph = interactions(snap)
    wang = graph.nodes["person/CHN/wang-yi"]
    assert (wang["region"], wang["subregion"]) == ("Asia", "Eastern Asia")
    assert wang["role"] == "party_leader"  # his post at his latest encounter (2023-09-20)
    assert interactions(snap, make_filters(end="2022")).nodes["person/CHN/wang-yi"]["role"] == "foreign_minister"
    assert "role" not in graph.nodes["person/RUS/sergey-lavrov"]  # reported without a post
    states = interactions(snap, level="state")
    assert states.nodes["state/KAZ"]["subregion"] == "Central Asia" and "role" not in states.nodes["state/KAZ"]
    assert affiliations(snap).nodes["post/CHN/foreign_minister"]["role"] == "foreign_minister"


def test_interactions_between_states_filtered(snap: Snapshot):
    graph = interactions(snap, make_filters(start="2022", end="2022-06"), level="state")
    assert sorted(graph.edges) == [("state/CHN", "state/RUS")]
    only_fra = interactions(snap, make_filters(states=["fra"]), level="state")
    assert sorted(only_fra.nodes) == ["state/CHN", "state/FRA"]


def test_endorsements_one_edge_per_statement(snap: Snapshot):
    graph = endorsements(snap)
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_edges() == 8  # nine statements, one without a target
    assert graph.number_of_edges("state/RUS", "state/CHN") == 2
    assert {d["topic"] for _, _, d in graph.edges("state/RUS", data=True)} == {"taiwan", "xinjiang"}


def test_endorsements_aggregated_and_filtered(snap: Snapshot):
    graph = endorsements(snap, make_filters(topics=["Xinjiang"], stances=["support"]), aggregate=True)
    assert type(graph) is nx.DiGraph
    assert sorted(graph.edges) == [("state/KAZ", "state/CHN"), ("state/RUS", "state/CHN")]
    kaz = graph["state/KAZ"]["state/CHN"]
    assert (kaz["weight"], kaz["support"], kaz["first"], kaz["last"]) == (2, 2, "2021-01-21", "2022-07-01")
    assert kaz["dated_stances"] == "2021-01-21 support;2022-07-01 support"
    by_org = endorsements(snap, make_filters(topics=["UN"]))
    assert list(by_org.edges) == [("state/CHN", "org/UN", "readout/r5eeeeeeeeeeeeeeeeee#e-1")]


def test_endorsements_are_signed(snap: Snapshot):
    """support counts +1, oppose -1; congratulations are kept apart (0, their own count)."""
    multi = endorsements(snap)
    assert {d["stance"]: d["signed"] for _, _, d in multi.edges(data=True)} == {
        "support": 1, "oppose": -1, "congratulate": 0}
    graph = endorsements(snap, aggregate=True)
    for _, _, d in graph.edges(data=True):
        assert d["signed"] == d["support"] - d["oppose"]
        assert d["weight"] == d["support"] + d["oppose"] + d["congratulate"]
    assert graph["state/CHN"]["state/USA"]["stance"] == "oppose" and graph["state/CHN"]["state/USA"]["signed"] == -1
    kaz = graph["state/CHN"]["state/KAZ"]
    assert kaz["stance"] == "congratulate" and kaz["signed"] == 0


def test_chart_rows(snap: Snapshot):
    per_year = encounters_per_year(snap)
    assert sum(r["encounters"] for r in per_year) == len({p.event for p in snap.participations})
    assert {(r["year"], r["type"]) for r in per_year if r["year"] == "2022"} == {("2022", "Meeting"), ("2022", "Talks")}
    assert [r["year"] for r in encounters_per_year(snap, make_filters(states=["FRA"]))] == ["2023"]
    stances = {(r["year"], r["stance"]): r["statements"] for r in stances_per_year(snap)}
    assert stances[("2022", "support")] == 3 and sum(stances.values()) == endorsements(snap).number_of_edges()
    rows = counterpart_years(snap, "chn", top=2)
    assert [(r["counterpart"], r["year"], r["encounters"]) for r in rows] == [
        ("KAZ", "2021", 1), ("KAZ", "2022", 1), ("RUS", "2022", 2)]
    with pytest.raises(ViewError, match="no state"):
        counterpart_years(snap, "XYZ")


def test_affiliations_person_post_state(snap: Snapshot):
    graph = affiliations(snap)
    assert graph.nodes["post/CHN/foreign_minister"]["kind"] == "post"
    held = graph["person/CHN/wang-yi"]["post/CHN/foreign_minister"]
    assert (held["first"], held["last"], held["weight"]) == ("2021-01-21", "2022-07-01", 3)
    assert "外交部长" in held["titles"].split(";")
    assert graph.has_edge("post/CHN/foreign_minister", "state/CHN")
    assert sorted(n for n in affiliations(snap, make_filters(start="2023")) if n.startswith("post/")) == [
        "post/CHN/head_of_state", "post/CHN/party_leader", "post/FRA/minister", "post/UN/organization_head"]


def test_ego_network_by_label_code_or_id(snap: Snapshot):
    graph = interactions(snap)
    assert sorted(ego(graph, "Sergey Lavrov", 1)) == [
        "person/CHN/wang-yi", "person/KAZ/mukhtar-tleuberdi", "person/RUS/sergey-lavrov"]
    assert len(ego(graph, "person/RUS/sergey-lavrov", 2)) == 4
    states = interactions(snap, level="state")
    assert sorted(ego(states, "fra", 1)) == ["state/CHN", "state/FRA"]
    with pytest.raises(ViewError, match="no node"):
        ego(graph, "Nobody")


def test_metrics_are_stable(snap: Snapshot):
    graph = interactions(snap)
    first, second = metrics(graph), metrics(interactions(snap))
    assert first == second
    assert first["degree"]["person/CHN/wang-yi"] == 3
    assert first["betweenness"]["person/CHN/wang-yi"] == 0.2
    assert ["person/CHN/xi-jinping", "person/FRA/jean-dupont"] in first["communities"]


def test_counterparts_per_state_and_year(snap: Snapshot):
    rows = counterparts(snap, make_filters(states=["CHN"]), top=1)
    assert [(r["year"], r["counterpart"], r["encounters"]) for r in rows] == [
        ("2021", "KAZ", 1), ("2022", "RUS", 2), ("2023", "FRA", 1)]


def test_filters_are_checked():
    assert make_filters(start="2021-02", end="2024-02") == Filters("2021-02-01", "2024-02-29")
    for bad in ({"start": "2021-13"}, {"stances": ["agree"]}, {"start": "2022", "end": "2021"}):
        with pytest.raises(ViewError):
            make_filters(**bad)


def test_bad_view_requests(snap: Snapshot):
    with pytest.raises(ViewError, match="endorsements view"):
        build_view("interactions", snap, make_filters(topics=["xinjiang"]))
    with pytest.raises(ViewError, match="unknown view"):
        build_view("nope", snap)
    with pytest.raises(ViewError, match="language"):
        build_view("interactions", snap, lang="de")


def test_to_dict_is_json_ready(snap: Snapshot):
    data = to_dict(endorsements(snap))
    assert json.loads(json.dumps(data)) == data
    assert data["directed"] and data["edges"][0]["key"]


def test_cli_view_table_and_json(mini):
    runner = CliRunner()
    table = runner.invoke(main, ["view", "endorsements", "--dump", str(mini), "--aggregate", "--lang", "fr"])
    assert table.exit_code == 0, table.output
    assert "Chine" in table.output and "6 directed edges" in table.output
    data = json.loads(runner.invoke(main, ["view", "interactions", "--dump", str(mini), "--ego", "FRA",
                                           "--level", "state", "--json"]).output)
    assert sorted(n["id"] for n in data["nodes"]) == ["state/CHN", "state/FRA"] and "metrics" in data
    rows = json.loads(runner.invoke(main, ["view", "counterparts", "--dump", str(mini), "--json"]).output)
    assert rows[0] == {"state": "CHN", "year": "2021", "counterpart": "KAZ", "label": "Kazakhstan", "encounters": 1}
    bad = runner.invoke(main, ["view", "interactions", "--dump", str(mini), "--stance", "oppose"])
    assert bad.exit_code == 2 and "endorsements view" in bad.output
    assert "kg view interactions --level state" in runner.invoke(main, ["view", "--help"]).output


# ---- counting by encounter: two readouts of one call the team wrote in the two sides' styles ----
ENCOUNTER = Path(__file__).resolve().parent / "data" / "encounter"


@pytest.fixture(scope="module")
def pair_snap(tmp_path_factory) -> Snapshot:
    """China's readout (8 November, Beijing) and Australia's (9 November, Canberra) of one call."""
    from kg.sparql.query import open_store

    root = build_encounter_pair(tmp_path_factory, "encounter")
    return load_snapshot(open_store(root / "build", root / "sources", root / "build"))


def test_a_stance_both_sides_report_counts_once(pair_snap: Snapshot):
    by_encounter = endorsements(pair_snap, aggregate=True)
    assert by_encounter["state/AUS"]["state/UKR"]["weight"] == 1  # both readouts report it: one statement
    assert by_encounter["state/AUS"]["state/UKR"]["reports"] == 2
    assert by_encounter["state/AUS"]["state/CHN"]["reports"] == by_encounter["state/AUS"]["state/CHN"]["weight"]
    by_report = endorsements(pair_snap, aggregate=True, count="reports")
    assert by_report["state/AUS"]["state/UKR"]["weight"] == 2
    assert by_report["state/AUS"]["state/CHN"]["weight"] == by_encounter["state/AUS"]["state/CHN"]["weight"]
    assert [r["statements"] for r in stances_per_year(pair_snap)] == [by_encounter.size(weight="weight")]


def test_the_two_readouts_of_one_call_are_one_encounter(pair_snap: Snapshot):
    edge = interactions(pair_snap, level="state")["state/AUS"]["state/CHN"]
    assert (edge["weight"], edge["reports"], edge["dates"]) == (1, 2, "2023-11-08")  # China's date: most reports tie
    per_report = interactions(pair_snap, level="state", count="reports")["state/AUS"]["state/CHN"]
    assert (per_report["weight"], per_report["dates"]) == (2, "2023-11-08;2023-11-09")
    assert encounters_per_year(pair_snap) == [{"year": "2023", "type": "PhoneCall", "encounters": 1}]
    assert encounters_per_year(pair_snap, count="reports")[0]["encounters"] == 2
    assert counterparts(pair_snap)[0]["encounters"] == 1
    assert counterparts(pair_snap, count="reports")[0]["encounters"] == 2
    with pytest.raises(ViewError, match="count must be one of"):
        interactions(pair_snap, count="events")


def test_the_other_sides_readout_adds_reports_not_encounters(mini_store, snap: Snapshot):
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(q for q in mini_store if isinstance(q.graph_name, ox.NamedNode))  # the named graphs, no union yet
    store.extend(ox.parse(path=str(ENCOUNTER / "mini_other_side.trig"), format=ox.RdfFormat.TRIG))
    both = load_snapshot(store)
    alone, joined = interactions(snap, level="state"), interactions(both, level="state")
    assert joined["state/CHN"]["state/KAZ"]["weight"] == alone["state/CHN"]["state/KAZ"]["weight"]
    assert joined["state/CHN"]["state/KAZ"]["reports"] == alone["state/CHN"]["state/KAZ"]["reports"] + 1
    congratulations = [d for _, _, d in endorsements(both).edges(data=True) if d["stance"] == "congratulate"]
    assert [d["reports"] for d in congratulations] == [2]  # r1 and r6 both report it
    assert len(endorsements(both, count="reports").edges) == len(endorsements(both).edges) + 1


def test_cli_view_counts_encounters_or_reports(pair_snap, tmp_path):
    from kg.build.builder import build

    (tmp_path / "sources").mkdir()
    for text in ENCOUNTER.glob("*.txt"):
        shutil.copy(text, tmp_path / "sources" / text.name)
    build(tmp_path / "sources", tmp_path / "build")
    runner = CliRunner()
    args = ["view", "counterparts", "--dump", str(tmp_path / "build"), "--sources", str(tmp_path / "sources"), "--json"]
    assert json.loads(runner.invoke(main, args).output)[0]["encounters"] == 1
    assert json.loads(runner.invoke(main, args + ["--count", "reports"]).output)[0]["encounters"] == 2
    bad = runner.invoke(main, args + ["--count", "events"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_cli_view_comparison_lists_what_one_side_leaves_out(tmp_path):
    from kg.build.builder import build

    (tmp_path / "sources").mkdir()
    for text in ENCOUNTER.glob("*.txt"):
        shutil.copy(text, tmp_path / "sources" / text.name)
    build(tmp_path / "sources", tmp_path / "build")
    args = ["view", "comparison", "--dump", str(tmp_path / "build"), "--sources", str(tmp_path / "sources"), "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    stances = {(r["only_in"], r["value"]) for r in rows if r["claim"] == "stance"}
    assert ("cn_wang_wong_call.txt", "AUS support CHN on Taiwan") in stances
    assert not any("Ukraine" in value for _, value in stances)  # both readouts report it
    assert {r["readouts"] for r in rows} == {2}
    assert any("Taiwan independence" in r["sentence"] for r in rows)


# ---- speed at scale: sampled betweenness above BETWEENNESS_EXACT_NODES, a snapshot read part by part ----
def _large_graph(nodes: int) -> nx.Graph:
    """A connected small-world graph with string ids, as the views make them (sorted)."""
    ring = nx.connected_watts_strogatz_graph(nodes, 6, 0.2, seed=7)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(f"person/X/{i:04d}" for i in ring))
    graph.add_edges_from(sorted((f"person/X/{a:04d}", f"person/X/{b:04d}") for a, b in ring.edges))
    graph.graph.update(view="interactions", lang="en")
    return graph


def test_a_small_view_has_exact_betweenness(snap: Snapshot):
    from kg.views.graphs import describe

    graph = interactions(snap)
    found = metrics(graph)
    assert found["betweenness_pivots"] is None
    exact = nx.betweenness_centrality(nx.Graph(graph.edges()) if graph.number_of_edges() else graph)
    assert found["betweenness"] == {n: round(exact.get(n, 0.0), 6) for n in sorted(graph.nodes)}
    assert "sampled" not in describe(graph)
    assert to_dict(graph)["metrics"]["betweenness_pivots"] is None
    from kg.views.graphs import BETWEENNESS_EXACT_NODES

    assert metrics(_large_graph(BETWEENNESS_EXACT_NODES))["betweenness_pivots"] is None  # the limit itself is exact


def test_a_large_view_has_sampled_betweenness_said_and_stable():
    from kg.views.graphs import BETWEENNESS_EXACT_NODES, BETWEENNESS_PIVOTS, SEED, describe

    graph = _large_graph(BETWEENNESS_EXACT_NODES + 100)
    first, second = metrics(graph), metrics(_large_graph(BETWEENNESS_EXACT_NODES + 100))
    assert first == second and first["betweenness_pivots"] == BETWEENNESS_PIVOTS
    # the figures networkx gives for the same pivots (drawn with the same seed from the sorted nodes)
    expected = nx.betweenness_centrality(graph, k=BETWEENNESS_PIVOTS, seed=SEED)
    assert first["betweenness"] == {n: round(v, 6) for n, v in sorted(expected.items())}
    assert first["betweenness"] != metrics_exact(graph)  # an estimate, not the exact figures
    text = describe(graph)
    assert text.splitlines()[1] == f"betweenness: sampled over {BETWEENNESS_PIVOTS} pivots (seed {SEED}), an estimate; " \
                                   f"exact up to {BETWEENNESS_EXACT_NODES} nodes"
    assert to_dict(graph)["metrics"]["betweenness_pivots"] == BETWEENNESS_PIVOTS


def metrics_exact(graph: nx.Graph) -> dict[str, float]:
    return {n: round(v, 6) for n, v in sorted(nx.betweenness_centrality(graph).items())}


def test_sampled_betweenness_still_finds_the_bridge():
    """Two dense groups joined through one go-between: sampling keeps it and the two it
    links among the three highest, as exact betweenness has them."""
    from kg.views.graphs import BETWEENNESS_EXACT_NODES

    half = BETWEENNESS_EXACT_NODES // 2 + 20
    graph = nx.Graph()
    for side in ("a", "b"):
        group = nx.connected_watts_strogatz_graph(half, 8, 0.3, seed=3 if side == "a" else 4)
        graph.add_edges_from((f"{side}/{x:04d}", f"{side}/{y:04d}") for x, y in group.edges)
    graph.add_edges_from([("a/0000", "m/bridge"), ("m/bridge", "b/0000")])
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted(graph.edges))
    found = metrics(simple)
    assert found["betweenness_pivots"] is not None
    exact = metrics_exact(simple)
    ranked = sorted(found["betweenness"], key=lambda n: (-found["betweenness"][n], n))
    assert set(ranked[:3]) == {"a/0000", "m/bridge", "b/0000"} == set(sorted(exact, key=lambda n: -exact[n])[:3])
    assert abs(found["betweenness"]["m/bridge"] - exact["m/bridge"]) < 0.05


def test_the_snapshot_reads_only_what_a_view_uses(mini_store):
    lazy = load_snapshot(mini_store)
    interactions(lazy)
    assert "statements" not in vars(lazy) and "stated_at" not in vars(lazy)  # never read for interactions
    assert "participations" in vars(lazy) and "holdings" in vars(lazy)
    endorsements(lazy)
    assert "statements" in vars(lazy)


def test_a_lazy_snapshot_reads_what_an_eager_one_does(mini_store):
    from kg.views.snapshot import PARTS

    lazy, eager = load_snapshot(mini_store), load_snapshot(mini_store, lazy=False)
    assert type(eager) is Snapshot and not any(name.startswith("_") for name in vars(eager))  # no store kept
    fields = ["base", "kinds", "codes", "represents", "labels", "participations", "statements", "holdings",
              "encounter_of", "readouts_of", "shared", "stated_at"]
    assert {name: getattr(lazy, name) for name in fields} == {name: getattr(eager, name) for name in fields}
    assert len(PARTS) == 5 and eager.participations == sorted(eager.participations, key=lambda p: (p.date, p.event, p.person))
    with pytest.raises(AttributeError):
        lazy.no_such_part  # noqa: B018


def test_encounter_reports_without_sources(mini_store):
    from kg.views.compare import encounter_reports

    reports, files = encounter_reports(mini_store)
    assert encounter_reports(mini_store, sources=False) == (reports, {}) and files


def test_cli_view_says_nothing_of_sampling_on_a_small_graph(mini):
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["view", "interactions", "--dump", str(mini), "--json"]).output)
    assert data["metrics"]["betweenness_pivots"] is None
    table = runner.invoke(main, ["view", "interactions", "--dump", str(mini)]).output
    assert "sampled" not in table and table.splitlines()[1] == ""

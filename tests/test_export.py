"""kg.views.export: GEXF 1.3 (validated with xmllint against the official grammar), GraphML, CSV."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from minidata import GEXF_RNG, mini, mini_store  # noqa: F401  (fixtures)

from cli import main
from kg.errors import ViewError
from kg.views.export import KIND_COLORS, export, generate_csv, generate_gexf, write_gexf, write_graphml
from kg.views.snapshot import Snapshot, load_snapshot
from kg.views.graphs import build_view, make_filters

G = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
CASES = {
    "interactions": dict(name="interactions"),
    "interactions-states-zh": dict(name="interactions", level="state", lang="zh"),
    "interactions-ego": dict(name="interactions", center="Sergey Lavrov", radius=1),
    "endorsements": dict(name="endorsements"),
    "endorsements-aggregated-fr": dict(name="endorsements", aggregate=True, lang="fr"),
    "endorsements-xinjiang": dict(name="endorsements", filters=make_filters(topics=["xinjiang"], start="2022")),
    "affiliations": dict(name="affiliations"),
    "affiliations-empty": dict(name="affiliations", filters=make_filters(start="1990", end="1991")),
}


@pytest.fixture(scope="module")
def snap(mini_store) -> Snapshot:
    return load_snapshot(mini_store)


def awkward_graph(dated: bool) -> nx.Graph:
    """Names with every character XML and CSV must escape or drop."""
    graph = nx.Graph(view="test", lang="en")
    nasty = 'a "quoted" <tag> & \'apos\'\ttab\nline\x00nul\x07bel\ud800lone\ufffe'
    graph.add_node("n<&>\"1", label=nasty, kind="person", state="A&B", score=1.5, ok=True)
    graph.add_node("n2", label="  spaced   out  ", kind="mystery", state="")
    extra = {"first": "2021-01-01", "last": "2021-02-01"} if dated else {}
    graph.add_edge("n<&>\"1", "n2", weight=3, types=nasty, **extra)
    return graph


def xmllint_relaxng(paths: list[Path]) -> subprocess.CompletedProcess:
    """Run only from tests marked ``needs("xmllint", "shared")`` (conftest.py skips or fails them)."""
    xmllint = shutil.which("xmllint")
    assert xmllint and GEXF_RNG.is_file(), f"xmllint or {GEXF_RNG} missing: mark the test needs('xmllint', 'shared')"
    return subprocess.run([xmllint, "--noout", "--relaxng", str(GEXF_RNG), *map(str, paths)],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.needs("xmllint", "shared")
def test_every_gexf_validates_against_gexf_1_3(snap: Snapshot, tmp_path: Path):
    paths = []
    for case, options in CASES.items():
        paths.append(write_gexf(build_view(snap=snap, **options), tmp_path / f"{case}.gexf"))
    paths.append(write_gexf(awkward_graph(True), tmp_path / "awkward-dynamic.gexf"))
    paths.append(write_gexf(awkward_graph(False), tmp_path / "awkward-static.gexf"))
    paths.append(write_gexf(nx.MultiDiGraph(), tmp_path / "empty.gexf"))
    result = xmllint_relaxng(paths)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(" validates") == len(paths)


def test_gexf_labels_attributes_viz_and_time(snap: Snapshot):
    root = ET.fromstring(generate_gexf(build_view("interactions", snap)))
    graph = root.find(f"{G}graph")
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("defaultedgetype")) == ("dynamic", "date", "undirected")
    nodes = {n.get("id"): n for n in graph.iter(f"{G}node")}
    dupont = nodes["person/FRA/jean-dupont"]
    assert dupont.get("label") == 'Jean "Jo" <Dupont> & Fils'  # U+0007 dropped
    values = {v.get("for"): v.get("value") for v in dupont.iter(f"{G}attvalue")}
    assert values == {"kind": "person", "state": "FRA", "iri": "https://w3id.org/readout-kg/id/person/FRA/jean-dupont",
                      "degree": "1", "region": "Europe", "subregion": "Western Europe", "role": "minister"}
    color = dupont.find(f"{VIZ}color")
    assert tuple(int(color.get(c)) for c in "rgb") == KIND_COLORS["person"]
    assert nodes["person/CHN/wang-yi"].find(f"{VIZ}size").get("value") == "50.00"  # the highest degree
    edge = [e for e in graph.iter(f"{G}edge") if e.get("target") == "person/KAZ/mukhtar-tleuberdi"
            and e.get("source") == "person/CHN/wang-yi"][0]
    assert edge.get("weight") == "2.0"  # the final weight; the timeline has the steps
    assert [(s.get("start"), s.get("end")) for s in edge.iter(f"{G}spell")] == [
        ("2021-01-21", "2021-01-21"), ("2022-07-01", "2022-07-01")]  # one spell per encounter
    steps = [(v.get("value"), v.get("start"), v.get("end")) for v in edge.iter(f"{G}attvalue")
             if v.get("for") == "weight"]
    assert steps == [("1", "2021-01-21", "2022-06-30"), ("2", "2022-07-01", "2023-09-20")]  # to the view's last date
    assert [s.get("start") for s in nodes["person/CHN/wang-yi"].iter(f"{G}spell")][0] == "2021-01-21"
    assert (graph.get("start"), graph.get("end")) == ("2021-01-21", "2023-09-20")


def test_gexf_parallel_edges_of_a_multigraph(snap: Snapshot):
    root = ET.fromstring(generate_gexf(build_view("endorsements", snap)))
    edges = [e for e in root.iter(f"{G}edge") if (e.get("source"), e.get("target")) == ("state/RUS", "state/CHN")]
    assert sorted(e.get("label") for e in edges) == ["taiwan", "xinjiang"]
    assert {e.get("kind") for e in edges} == {"support"} and len({e.get("id") for e in root.iter(f"{G}edge")}) == 8


def test_awkward_strings_are_escaped_or_dropped():
    text = generate_gexf(awkward_graph(True))
    root = ET.fromstring(text)  # well-formed despite NUL, BEL, a lone surrogate and U+FFFE
    node = root.find(f".//{G}node")
    assert node.get("id") == 'n<&>"1'
    assert node.get("label") == "a \"quoted\" <tag> & 'apos' tab linenulbellone"
    kinds = {a.get("id"): a.get("type") for a in root.iter(f"{G}attribute")}
    assert kinds["score"] == "double" and kinds["ok"] == "boolean"
    static = ET.fromstring(generate_gexf(awkward_graph(False))).find(f"{G}graph")
    assert static.get("mode") == "static" and static.find(f".//{G}spell") is None
    # an edge that says only its first and last date (no per-encounter dates) spans that range
    spell = root.find(f".//{G}edge/{G}spells/{G}spell")
    assert (spell.get("start"), spell.get("end")) == ("2021-01-01", "2021-02-01")


def test_exports_are_deterministic(snap: Snapshot, tmp_path: Path):
    for fmt, target in (("gexf", "a.gexf"), ("graphml", "a.graphml"), ("csv", "a")):
        first = export(build_view("endorsements", snap, aggregate=True), fmt, tmp_path / "1" / target)
        second = export(build_view("endorsements", snap, aggregate=True), fmt, tmp_path / "2" / target)
        assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_graphml_round_trips_through_networkx(snap: Snapshot, tmp_path: Path):
    path = write_graphml(build_view("affiliations", snap), tmp_path / "a.graphml")
    back = nx.read_graphml(path)
    assert back.nodes["post/FRA/minister"]["kind"] == "post"
    assert back.nodes["person/FRA/jean-dupont"]["label"] == 'Jean "Jo" <Dupont> & Fils'
    held = back["person/FRA/jean-dupont"]["post/FRA/minister"]
    assert held["titles"] == 'Minister <of> "Trade" & Industry' and held["first"] == "2023-05-04"
    write_graphml(awkward_graph(True), tmp_path / "awkward.graphml")
    assert nx.read_graphml(tmp_path / "awkward.graphml").number_of_nodes() == 2


def test_csv_in_gephi_layout(snap: Snapshot, tmp_path: Path):
    nodes, edges = generate_csv(build_view("endorsements", snap, aggregate=True))
    node_rows = list(csv.DictReader(io.StringIO(nodes)))
    assert list(node_rows[0])[:4] == ["Id", "Label", "kind", "state"]
    edge_rows = list(csv.DictReader(io.StringIO(edges)))
    assert list(edge_rows[0])[:6] == ["Source", "Target", "Type", "Id", "Label", "Weight"]
    kaz = [r for r in edge_rows if r["Source"] == "state/KAZ"][0]
    assert (kaz["Type"], kaz["Weight"], kaz["support"], kaz["first"]) == ("Directed", "2", "2", "2021-01-21")
    text = "".join(generate_csv(awkward_graph(True)))
    assert "\x00" not in text and "\x07" not in text
    written = export(build_view("interactions", snap), "csv", tmp_path / "out")
    assert [p.name for p in written] == ["nodes.csv", "edges.csv"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(ViewError, match="folder"):
        export(build_view("interactions", snap), "csv", tmp_path / "file")


@pytest.mark.needs("xmllint", "shared")
def test_cli_export(mini, tmp_path: Path):
    runner = CliRunner()
    gexf = tmp_path / "i.gexf"
    result = runner.invoke(main, ["export", "interactions", "--dump", str(mini), "--level", "state", "-o", str(gexf)])
    assert result.exit_code == 0, result.output
    assert xmllint_relaxng([gexf]).returncode == 0
    folder = tmp_path / "csv"
    assert runner.invoke(main, ["export", "affiliations", "--dump", str(mini), "-o", str(folder)]).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["edges.csv", "nodes.csv"]
    bad = runner.invoke(main, ["export", "affiliations", "--dump", str(mini), "-o", str(tmp_path / "x.txt")])
    assert bad.exit_code == 2 and "--format" in bad.output
    assert "kg export interactions --level state -o interactions.gexf" in runner.invoke(main, ["export", "--help"]).output

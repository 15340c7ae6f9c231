"""`kg extract`: the gold format as JSON, or the readout's graph as Turtle."""

from __future__ import annotations

import json

from click.testing import CliRunner
from rdflib import Graph

from cli import main
from kg.evaluation.gold import GOLD_KEYS
from kg.namespaces import KG, RDF


def _extract(*args: str):
    return CliRunner().invoke(main, ["extract", *args])


def test_json_prints_the_gold_format(seed_path, seed_gold, as_sets):
    result = _extract(str(seed_path), "--format", "json")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert tuple(printed) == GOLD_KEYS
    assert as_sets(printed) == as_sets(seed_gold)


def test_json_is_the_default(seed_path):
    default = _extract(str(seed_path))
    explicit = _extract(str(seed_path), "--format", "json")
    assert default.exit_code == 0 and default.stdout == explicit.stdout


def test_turtle_parses(seed_path):
    result = _extract(str(seed_path), "--format", "turtle")
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format="turtle")
    readouts = list(graph.subjects(RDF.type, KG.Readout))
    assert len(readouts) == 1
    assert str(graph.value(readouts[0], KG.sourceFile)) == seed_path.name
    assert len(list(graph.subjects(RDF.type, KG.Endorsement))) == 9


def test_turtle_follows_base(seed_path):
    result = _extract(str(seed_path), "--format", "turtle", "--base", "https://example.org/kg/")
    assert result.exit_code == 0
    graph = Graph().parse(data=result.stdout, format="turtle")
    readout = next(graph.subjects(RDF.type, KG.Readout))
    assert str(readout).startswith("https://example.org/kg/readout/")


def test_several_files_give_a_list(seed_path, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text(seed_path.read_text(encoding="utf-8").replace("Le 21 janvier 2021", "Le 20 janvier 2021"),
                    encoding="utf-8")
    result = _extract(str(seed_path), str(copy))
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert [doc["source"] for doc in printed] == [seed_path.name, "copy.txt"]
    assert [doc["events"][0]["date"] for doc in printed] == ["2021-01-21", "2021-01-20"]


def test_readout_without_encounter_exits_1_with_a_reason(data_dir):
    result = _extract(str(data_dir / "no_encounter.txt"))
    assert result.exit_code == 1
    assert "no encounter" in result.stderr
    assert "Traceback" not in result.output


def test_forced_language(seed_path):
    result = _extract(str(seed_path), "--lang", "fr")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["lang"] == "fr"

"""GEXF weights count encounters: China's and Australia's readouts of one call (tests/data/encounter)
make one encounter in Gephi's timeline, two with `--count reports`."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from tests.generated import build_encounter_pair

NS = {"g": "http://gexf.net/1.3"}


@pytest.fixture(scope="module")
def wong_build(tmp_path_factory) -> Path:
    return build_encounter_pair(tmp_path_factory, "wong-gexf")


def _edge(root: Path, tmp_path: Path, *extra: str) -> ET.Element:
    out = tmp_path / "interactions.gexf"
    result = CliRunner().invoke(main, ["export", "interactions", "--level", "state", "--dump", str(root / "build"),
                                       "--sources", str(root / "sources"), "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    (edge,) = ET.parse(out).getroot().iterfind(".//g:edge", NS)
    return edge


@pytest.mark.parametrize("count, weight, spells", [("encounters", 1.0, 1), ("reports", 2.0, 2)])
def test_gexf_weight_counts_encounters_by_default(wong_build, tmp_path, count, weight, spells):
    edge = _edge(wong_build, tmp_path, "--count", count)
    assert float(edge.get("weight")) == weight
    assert len(edge.findall(".//g:spell", NS)) == spells
    dynamic = [a for a in edge.iterfind(".//g:attvalue", NS) if a.get("for") == "weight"]
    assert max(float(a.get("value")) for a in dynamic) == weight


def test_gexf_says_how_many_readouts_back_the_edge(wong_build, tmp_path):
    edge = _edge(wong_build, tmp_path)
    reports = [a.get("value") for a in edge.iterfind(".//g:attvalue", NS) if a.get("for") == "reports"]
    assert reports == ["2"]  # two readouts back the one encounter

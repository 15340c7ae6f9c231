"""kg.plot and `kg plot`: PNG and SVG drawings of a view."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from minidata import mini, mini_store  # noqa: F401  (fixtures)

from cli import main
from kg.errors import ViewError
from kg.plot import plot_graph
from kg.snapshot import load_snapshot
from kg.views import build_view


def test_png_and_repeatable_svg(mini_store, tmp_path: Path):
    graph = build_view("endorsements", load_snapshot(mini_store), aggregate=True, lang="zh")
    png = plot_graph(graph, tmp_path / "e.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    first = plot_graph(graph, tmp_path / "a.svg").read_bytes()
    assert first == plot_graph(graph, tmp_path / "b.svg").read_bytes()
    assert ET.fromstring(first).tag.endswith("svg")
    with pytest.raises(ViewError, match=".png or .svg"):
        plot_graph(graph, tmp_path / "e.jpg")


def test_cli_plot(mini, tmp_path: Path):
    out = tmp_path / "i.png"
    result = CliRunner().invoke(main, ["plot", "interactions", "--dump", str(mini), "--level", "state", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000

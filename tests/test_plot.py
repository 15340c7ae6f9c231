"""kg.views.plot, kg.views.charts and `kg plot`: drawings that stand alone (legend, colours by kind,
region and stance, widths by weight, labels that do not collide), PNG, SVG and PDF, fonts
for Chinese labels or a one-line warning, and charts of counts over time."""

from __future__ import annotations

import logging
import random
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from minidata import mini, mini_store  # noqa: F401  (fixtures)

from cli import main
from kg.errors import ViewError
from kg.views.export import KIND_COLORS, STANCE_COLORS
from kg.views.plot import ALL_LABELS, REGION_COLORS, _draw, find_fonts, plot_graph
from kg.views.snapshot import load_snapshot
from kg.views.graphs import build_view


def hexed(rgb: tuple[int, int, int]) -> str:
    return "#%02x%02x%02x" % rgb


def legend_texts(figure) -> list[str]:
    return [t.get_text() for t in figure.axes[0].get_legend().get_texts()]


def edge_colors(figure) -> set[str]:
    """The colours of every edge drawn (line collections and arrows), as #rrggbb."""
    from matplotlib.colors import to_hex

    axes = figure.axes[0]
    found = {to_hex(c) for coll in axes.collections if coll.__class__.__name__ == "LineCollection"
             for c in coll.get_edgecolors()}
    return found | {to_hex(p.get_edgecolor()) for p in axes.patches}


def label_boxes(figure) -> list:
    renderer = figure.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in figure.axes[0].texts if t.get_text() and t.get_bbox_patch()]


@pytest.fixture(scope="module")
def snap(mini_store):
    return load_snapshot(mini_store)


def test_png_svg_and_pdf_are_repeatable(snap, tmp_path: Path):
    graph = build_view("endorsements", snap, aggregate=True)
    assert plot_graph(graph, tmp_path / "e.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for suffix in ("svg", "pdf", "png"):
        first = plot_graph(graph, tmp_path / f"a.{suffix}").read_bytes()
        assert first == plot_graph(graph, tmp_path / f"b.{suffix}").read_bytes(), suffix
    assert ET.fromstring((tmp_path / "a.svg").read_bytes()).tag.endswith("svg")
    assert (tmp_path / "a.pdf").read_bytes()[:5] == b"%PDF-"
    with pytest.raises(ViewError, match=r"\.png, \.svg or \.pdf"):
        plot_graph(graph, tmp_path / "e.jpg")


def test_stances_have_their_colours_and_a_legend(snap):
    import matplotlib.pyplot as plt

    figure = _draw(build_view("endorsements", snap), "t", 40, "auto")
    try:
        texts = legend_texts(figure)
        assert {"edges by stance", "support", "oppose", "congratulate"} <= set(texts)
        assert {hexed(STANCE_COLORS[s]) for s in ("support", "oppose", "congratulate")} <= edge_colors(figure)
        assert "nodes by region (size: degree)" in texts and "Asia (2)" in texts  # China and Kazakhstan
        assert "edge width: statements" in texts and "arrows: endorser to target" in texts
    finally:
        plt.close(figure)


def test_nodes_by_kind_where_there_are_posts(snap):
    import matplotlib.pyplot as plt

    figure = _draw(build_view("affiliations", snap), "t", 40, "auto")
    try:
        texts = legend_texts(figure)
        assert "nodes by kind (size: degree)" in texts
        assert {"person (5)", "state (3)", "organization (1)", "post (7)"} <= set(texts)
        assert not any(t == "edges by stance" for t in texts)
        colours = {hexed(c) for c in (KIND_COLORS["person"], KIND_COLORS["post"])}
        from matplotlib.colors import to_hex

        drawn = {to_hex(c) for coll in figure.axes[0].collections if coll.__class__.__name__ == "PathCollection"
                 for c in coll.get_facecolors()}
        assert colours <= drawn
    finally:
        plt.close(figure)
    figure = _draw(build_view("interactions", snap, level="state"), "t", 40, "region")
    try:
        assert hexed(REGION_COLORS["Europe"]) in {
            __import__("matplotlib.colors").colors.to_hex(c) for coll in figure.axes[0].collections
            if coll.__class__.__name__ == "PathCollection" for c in coll.get_facecolors()}
    finally:
        plt.close(figure)
    with pytest.raises(ViewError, match="colouring"):
        _draw(build_view("interactions", snap), "t", 40, "rainbow")


def test_edge_width_follows_weight():
    import matplotlib.pyplot as plt

    graph = nx.Graph(view="interactions")
    graph.add_edge("a", "b", weight=1)
    graph.add_edge("b", "c", weight=16)
    figure = _draw(graph, "t", 40, "kind")
    try:
        widths = sorted(w for coll in figure.axes[0].collections if coll.__class__.__name__ == "LineCollection"
                        for w in coll.get_linewidths())
        assert len(widths) == 2 and widths[1] > 2.5 * widths[0]
    finally:
        plt.close(figure)


def test_small_views_label_every_node_big_ones_the_most_connected_without_overlap():
    import matplotlib.pyplot as plt

    small = nx.star_graph(ALL_LABELS - 1)
    nx.set_node_attributes(small, {n: f"node {n}" for n in small}, "label")
    figure = _draw(small, "t", 5, "kind")
    try:
        assert len(label_boxes(figure)) == ALL_LABELS  # --labels is for big views only
    finally:
        plt.close(figure)
    rng = random.Random(3)
    big = nx.barabasi_albert_graph(800, 2, seed=3)
    nx.set_node_attributes(big, {n: f"Person number {n}" for n in big}, "label")
    nx.set_edge_attributes(big, {e: rng.randint(1, 9) for e in big.edges}, "weight")
    figure = _draw(big, "t", 30, "kind")
    try:
        boxes = label_boxes(figure)
        assert 15 <= len(boxes) <= 30
        assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
        shown = {t.get_text() for t in figure.axes[0].texts}
        hubs = sorted(big.degree, key=lambda item: -item[1])[:3]
        assert f"Person number {hubs[0][0]}" in shown  # the most connected is always labelled
    finally:
        plt.close(figure)


def test_a_5000_node_endorsement_view_draws_with_curved_stance_edges(tmp_path: Path):
    """Directed and big: arrows would take minutes, so edges bend (their direction) instead."""
    import matplotlib.pyplot as plt

    rng = random.Random(9)
    graph = nx.MultiDiGraph(view="endorsements")
    for i in range(5000):
        graph.add_node(f"s{i}", label=f"State {i}", kind="state", region=rng.choice(list(REGION_COLORS)))
    for k in range(10_000):
        a, b = rng.sample(range(5000), 2)
        graph.add_edge(f"s{a}", f"s{b}", key=str(k), weight=1, stance=rng.choice(["support", "support", "oppose"]))
    figure = _draw(graph, "t", 40, "auto")
    try:
        assert {hexed(STANCE_COLORS["support"]), hexed(STANCE_COLORS["oppose"])} <= edge_colors(figure)
        assert "edges bend anticlockwise\nfrom endorser to target" in legend_texts(figure)
        assert not figure.axes[0].patches  # no per-edge arrow patches
    finally:
        plt.close(figure)


def test_fonts_are_found_for_what_dejavu_lacks():
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    assert find_fonts("Wang Yi, Ngô Văn, Лавров") == (["DejaVu Sans"], "")
    families, missing = find_fonts("王毅")
    paths = {f.name: f.fname for f in font_manager.fontManager.ttflist}
    if missing:  # no CJK font here: both characters are reported
        assert set(missing) <= set("王毅") and missing
    else:  # a CJK font is installed: it is listed and draws both
        assert len(families) > 1 and all(ord(c) in FT2Font(paths[families[-1]]).get_charmap() for c in "王毅")
    assert "Last Resort High-Efficiency" not in families  # its glyphs are boxes


def test_cli_plot_views_formats_and_the_font_warning(mini, tmp_path: Path):
    runner = CliRunner()
    for name, extra, out in (("interactions", ["--level", "state"], "i.png"), ("affiliations", [], "a.pdf"),
                             ("endorsements", ["--aggregate", "--color", "kind"], "e.svg")):
        result = runner.invoke(main, ["plot", name, "--dump", str(mini), *extra, "-o", str(tmp_path / out)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / out).stat().st_size > 1000
    zh = runner.invoke(main, ["plot", "endorsements", "--dump", str(mini), "--lang", "zh",
                              "-o", str(tmp_path / "z.png")])
    assert zh.exit_code == 0
    warnings = [line for line in zh.stderr.splitlines() if line.startswith("kg: warning")]
    _, missing = find_fonts("中国哈萨克斯坦俄罗斯美国法国联合国")
    assert len(warnings) == (1 if missing else 0)
    if missing:
        assert "fonts-noto-cjk" in warnings[0] and "Traceback" not in zh.output
    bad = runner.invoke(main, ["plot", "interactions", "--dump", str(mini), "-o", str(tmp_path / "x.jpg")])
    assert bad.exit_code == 2 and bad.stderr.strip().count("\n") == 0 and ".pdf" in bad.stderr


@pytest.mark.parametrize("name,extra", [("encounters-per-year", []), ("encounters-per-year", ["--state", "FRA"]),
                                        ("stances-per-year", ["--from", "2022"]),
                                        ("counterparts", ["--state", "CHN", "--top", "2"]), ("counterparts", [])])
def test_cli_charts(mini, tmp_path: Path, name: str, extra: list[str]):
    out = tmp_path / f"{name}.png"
    result = CliRunner().invoke(main, ["plot", name, "--dump", str(mini), *extra, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 5000


def test_charts_draw_the_numbers_of_the_views(snap, tmp_path: Path):
    """The bars and cells hold the counts of kg.views.graphs (what `kg view counterparts` shows)."""
    import matplotlib.pyplot as plt

    from kg.views.charts import _counterparts, _encounters, _stances
    from kg.views.graphs import counterpart_years, make_filters

    figure = _encounters(snap, make_filters(), None)
    try:
        heights = [round(p.get_height()) for p in figure.axes[0].patches]
        assert sum(heights) == len({p.event for p in snap.participations})  # every encounter once
        assert [t.get_text() for t in figure.axes[0].texts if t.get_text().isdigit()] == ["1", "2", "2"]  # per year
    finally:
        plt.close(figure)
    figure = _stances(snap, make_filters(), None)
    try:
        support, oppose, congratulate = (sum(round(p.get_height()) for p in axes.patches) for axes in figure.axes)
        assert (support, oppose, congratulate) == (5, 2, 1)
    finally:
        plt.close(figure)
    rows = counterpart_years(snap, "CHN", make_filters(), "en", 3)
    figure = _counterparts(snap, make_filters(states=["CHN"]), "CHN", rows, "en", None)
    try:
        cells = sorted(int(t.get_text()) for t in figure.axes[0].texts if t.get_text().isdigit())
        assert cells == sorted(r["encounters"] for r in rows)
    finally:
        plt.close(figure)


def test_chart_errors_are_one_line(mini, tmp_path: Path):
    runner = CliRunner()
    two = runner.invoke(main, ["plot", "counterparts", "--dump", str(mini), "--state", "CHN", "--state", "FRA",
                               "-o", str(tmp_path / "c.png")])
    assert two.exit_code == 2 and "single --state" in two.stderr and "Traceback" not in two.output
    topic = runner.invoke(main, ["plot", "encounters-per-year", "--dump", str(mini), "--topic", "taiwan",
                                 "-o", str(tmp_path / "c.png")])
    assert topic.exit_code == 2 and "endorsements view" in topic.stderr
    empty = runner.invoke(main, ["plot", "stances-per-year", "--dump", str(mini), "--from", "1990", "--to", "1991",
                                 "-o", str(tmp_path / "empty.png")])
    assert empty.exit_code == 0 and (tmp_path / "empty.png").exists()  # an empty chart says so, no error


def test_library_warning_goes_through_logging(caplog, tmp_path: Path):
    graph = nx.Graph(view="interactions")
    graph.add_node("a", label="王毅", kind="person")
    graph.add_node("b", label="Wang Yi", kind="person")
    graph.add_edge("a", "b", weight=1)
    with caplog.at_level(logging.WARNING, logger="kg.views.plot"):
        plot_graph(graph, tmp_path / "w.png")
    _, missing = find_fonts("王毅")
    assert len([r for r in caplog.records if r.name == "kg.views.plot"]) == (1 if missing else 0)

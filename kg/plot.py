"""A graph view drawn to PNG or SVG with matplotlib (headless), for reports and a quick look.

Layout is networkx's spring layout with a fixed seed; nodes are coloured by kind (the
colours of the GEXF export) and sized by degree; edge width follows weight. SVG output
carries no date and a fixed id salt, so the same view gives the same file.
"""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from kg.errors import ViewError
from kg.export import KIND_COLORS
from kg.results import xml_text
from kg.store import atomic_writer
from kg.views import SEED

__all__ = ["plot_graph", "PLOT_FORMATS"]

PLOT_FORMATS = ("png", "svg")
# fonts tried in turn for each character, so Chinese labels draw where a CJK font is installed
_FONTS = ["DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "Droid Sans Fallback"]


def _render(graph: nx.Graph, fmt: str, title: str, label_limit: int) -> bytes:
    import logging
    import warnings

    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    installed = {f.name for f in font_manager.fontManager.ttflist}
    degrees = {n: len(set(nx.all_neighbors(graph, n)) - {n}) for n in graph.nodes}
    top = max(degrees.values(), default=0) or 1
    position = nx.spring_layout(graph, seed=SEED, weight="weight") if len(graph) else {}
    simple = nx.DiGraph(graph) if graph.is_directed() else nx.Graph(graph)
    widths = [0.5 + min(float(d.get("weight", 1)), 10.0) * 0.4 for _, _, d in simple.edges(data=True)]
    colors = ["#%02x%02x%02x" % KIND_COLORS.get(d.get("kind", "other"), KIND_COLORS["other"])
              for _, d in graph.nodes(data=True)]
    biggest = set(sorted(graph.nodes, key=lambda n: (-degrees[n], n))[:label_limit]) if label_limit else set(graph.nodes)
    labels = {n: xml_text(str(d.get("label", n)))[:40] for n, d in graph.nodes(data=True) if n in biggest}
    fonts = [f for f in _FONTS if f in installed] or ["sans-serif"]
    with plt.rc_context({"svg.hashsalt": "readout-kg", "font.family": fonts}), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph no installed font has is drawn as a box
        figure, axes = plt.subplots(figsize=(12, 9), dpi=100)
        axes.set_axis_off()
        axes.set_title(title)
        axes.margins(0.15)  # room for the labels of outlying nodes
        if len(graph):
            nx.draw_networkx_edges(simple, position, ax=axes, width=widths, alpha=0.45, edge_color="#555555",
                                   arrows=graph.is_directed(), arrowsize=10)
            nx.draw_networkx_nodes(graph, position, ax=axes, node_color=colors,
                                   node_size=[80 + 600 * degrees[n] / top for n in graph.nodes])
            nx.draw_networkx_labels(graph, position, labels=labels, ax=axes, font_size=8)
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        figure.savefig(buffer, format=fmt, metadata=metadata, bbox_inches="tight")
        plt.close(figure)
    return buffer.getvalue()


def plot_graph(graph: nx.Graph, path: Path, title: str | None = None, label_limit: int = 40) -> Path:
    """Draw ``graph`` to ``path`` (.png or .svg); only the ``label_limit`` busiest nodes get labels (0: all)."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in PLOT_FORMATS:
        raise ViewError(f"cannot draw to {path.name!r}: the file name must end in .png or .svg")
    title = title or f"{graph.graph.get('view', 'graph')}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
    data = _render(graph, fmt, title, label_limit)
    with atomic_writer(path, binary=True) as handle:
        handle.write(data)
    return path

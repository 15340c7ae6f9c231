"""A graph view drawn to PNG, SVG or PDF with matplotlib (headless), to read on its own.

Nodes are coloured by kind (person, state, organisation, post) or, where a view holds
one kind of actor, by UN region, and sized by degree; endorsement edges are coloured by
stance (support, oppose, congratulate) and every edge's width follows its weight; a legend
says what each colour and width means, and a subtitle gives the dates the view covers.
Small views get every label; big ones only their most connected nodes, placed so that no
two labels overlap. Labels in Chinese need a CJK font: one installed is found through
matplotlib's font manager (:func:`find_fonts`), else a one-line warning names one to install.

Layout: networkx's spring layout with a fixed seed. From :data:`BIG_GRAPH` nodes on,
networkx's spring layout needs scipy and grows with the square of the graph (5,000 nodes:
over 30 s), so big views get :func:`grid_layout`, the same forces with the repulsion of far
nodes taken from a grid of cells: numpy only, a few seconds for 5,000 nodes. Output carries
no date (SVG: a fixed id salt), so the same view gives the same file.
"""

from __future__ import annotations

import io
import logging
import math
import warnings
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import networkx as nx

from kg.errors import ViewError
from kg.views.export import KIND_COLORS, STANCE_COLORS
from kg.sparql.results import xml_text
from kg.files import atomic_writer
from kg.views.graphs import INTERNATIONAL, SEED

__all__ = ["plot_graph", "grid_layout", "find_fonts", "figure_context", "save_figure", "check_format", "PLOT_FORMATS",
           "BIG_GRAPH", "ALL_LABELS", "REGION_COLORS", "COLOR_BY"]

PLOT_FORMATS = ("png", "svg", "pdf")
COLOR_BY = ("auto", "kind", "region")
BIG_GRAPH = 500  # nodes: networkx's own threshold for its scipy-only sparse layout
ALL_LABELS = 40  # views up to this many nodes get every label
ARROWS = 600  # directed views up to this many edges get arrowheads; bigger ones curved edges (arrows are slow)
_ARROW = 14  # arrowhead length, points
REGION_COLORS = {
    "Africa": (140, 86, 75),
    "Americas": (31, 119, 180),
    "Asia": (214, 96, 170),
    "Europe": (23, 170, 190),
    "Oceania": (150, 150, 30),
    INTERNATIONAL: (110, 110, 110),
    "": (200, 200, 200),
}
_UNITS = {"interactions": "encounters", "endorsements": "statements", "affiliations": "dates reported"}
_TITLES = {"interactions": "Interactions: who met whom", "endorsements": "Endorsements: who backs or opposes whom",
           "affiliations": "Affiliations: who held which post"}
# fonts tried first for what DejaVu Sans lacks (Chinese, Japanese, Korean), by family name
_CJK_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei",
                 "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN", "AR PL UKai CN", "Microsoft YaHei",
                 "SimHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC", "Noto Sans CJK JP", "Arial Unicode MS"]
_SCAN_LIMIT = 400  # font files opened at most when looking for a glyph
_INSTALL = "Noto Sans CJK (Debian/Ubuntu: apt install fonts-noto-cjk; Fedora: google-noto-sans-cjk-fonts)"
log = logging.getLogger("kg.views.plot")


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#%02x%02x%02x" % rgb


@lru_cache(maxsize=64)
def _coverage(path: str) -> frozenset[int] | None:
    """The code points a font file draws (None when it cannot be read)."""
    from matplotlib.ft2font import FT2Font

    try:
        return frozenset(FT2Font(path).get_charmap())
    except Exception:  # a broken or unsupported font file: skip it
        return None


def find_fonts(text: str) -> tuple[list[str], str]:
    """(font families, characters no installed font draws) for ``text``: DejaVu Sans first,
    then installed fonts (CJK ones by name first) until every character is covered."""
    from matplotlib import font_manager

    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    base = font_manager.findfont("DejaVu Sans", fallback_to_default=True)
    missing = {ord(c) for c in set(text) if not c.isspace()} - (_coverage(base) or frozenset())
    families = ["DejaVu Sans"]
    if not missing:
        return families, ""
    entries = sorted(font_manager.fontManager.ttflist, key=lambda f: (f.name not in _CJK_FAMILIES, f.name, f.fname))
    for entry in entries[:_SCAN_LIMIT]:
        if entry.name in families or entry.name.startswith("Last Resort"):  # its glyphs are placeholder boxes
            continue
        covered = missing & (_coverage(entry.fname) or frozenset())
        if covered:
            families.append(entry.name)
            missing -= covered
            if not missing:
                break
    return families, "".join(sorted(map(chr, missing)))


@contextmanager
def figure_context(text: str = "") -> Iterator[None]:
    """matplotlib headless, fonts that draw ``text`` (a warning naming the characters none
    draws), no date in SVG output."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    families, missing = find_fonts(text)
    if missing:
        shown = missing[:12] + ("..." if len(missing) > 12 else "")
        log.warning(f"no installed font draws {len(missing)} characters of the labels ({shown}): they show as "
                    f"boxes; install a CJK font such as {_INSTALL}")
    with plt.rc_context({"svg.hashsalt": "readout-kg", "font.family": families, "pdf.fonttype": 42}), \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs: warned about above, once
        yield


def save_figure(figure: Any, path: Path) -> Path:
    """Write ``figure`` to ``path`` (.png, .svg or .pdf), without a date, atomically, and close it."""
    import matplotlib.pyplot as plt

    fmt = path.suffix.lower().lstrip(".")
    metadata = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None, "Producer": None}}
    buffer = io.BytesIO()
    try:
        figure.savefig(buffer, format=fmt, metadata=metadata[fmt], bbox_inches="tight", dpi=110)
    finally:
        plt.close(figure)
    with atomic_writer(path, binary=True) as handle:
        handle.write(buffer.getvalue())
    return path


def check_format(path: Path) -> None:
    if path.suffix.lower().lstrip(".") not in PLOT_FORMATS:
        raise ViewError(f"cannot draw to {path.name!r}: the file name must end in .png, .svg or .pdf")


def _node_colors(graph: nx.Graph, color_by: str) -> tuple[str, dict[Any, str], list[tuple[str, str]]]:
    """(what colours mean, node -> colour, legend rows (label, colour)) for ``color_by``."""
    if color_by not in COLOR_BY:
        raise ViewError(f"unknown colouring {color_by!r}; expected one of {', '.join(COLOR_BY)}")
    data = dict(graph.nodes(data=True))
    if color_by == "auto":
        kinds = {d.get("kind", "other") for d in data.values()}
        color_by = "region" if "post" not in kinds and any(d.get("region") for d in data.values()) else "kind"
    if color_by == "region":
        palette, keys = REGION_COLORS, {n: d.get("region", "") if d.get("region", "") in REGION_COLORS else ""
                                        for n, d in data.items()}
    else:
        palette, keys = KIND_COLORS, {n: d.get("kind", "other") if d.get("kind") in KIND_COLORS else "other"
                                      for n, d in data.items()}
    counts = Counter(keys.values())
    legend = [(f"{key or 'unknown'} ({counts[key]:,})", _hex(palette[key])) for key in palette if counts[key]]
    return color_by, {n: _hex(palette[k]) for n, k in keys.items()}, legend


def _edge_rows(graph: nx.Graph) -> list[tuple[Any, Any, float, str]]:
    """(source, target, weight, stance or "") per pair (and stance), parallel edges summed."""
    rows: Counter = Counter()
    for a, b, d in graph.edges(data=True):
        if a != b:
            stance = d.get("stance", "") if d.get("stance") in STANCE_COLORS else ""
            rows[(a, b, stance)] += float(d.get("weight", 1) or 1)
    return [(a, b, w, stance) for (a, b, stance), w in sorted(rows.items(), key=lambda item: (item[1], str(item[0])))]


def _layout_graph(graph: nx.Graph) -> nx.Graph:
    """Undirected, one edge per pair, weight 1 + log(sum of weights): heavy pairs pull harder,
    without one pair of 80 encounters collapsing the drawing."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    weights: Counter = Counter()
    for a, b, d in graph.edges(data=True):
        if a != b:
            weights[frozenset((a, b))] += float(d.get("weight", 1) or 1)
    simple.add_weighted_edges_from((*sorted(pair, key=str), 1 + math.log(max(w, 1))) for pair, w in weights.items())
    return simple


def _width(weight: float, heaviest: float, big: bool) -> float:
    """Line width (points) of an edge: grows with the square root of its weight."""
    return (0.3 + 2.2 * math.sqrt(weight / heaviest)) if big else (0.5 + 3.5 * math.sqrt(weight / heaviest))


def _curves(position: dict, group: list[tuple[Any, Any, float]], bend: float) -> list[Any]:
    """Each edge as a polyline bulging to the right of its direction (so a -> b and b -> a
    do not overlap), by ``bend`` times its length, like matplotlib's arc3 connection."""
    import numpy as np

    t = np.linspace(0.0, 1.0, 9)[:, None]
    out = []
    for a, b, _ in group:
        start, end = np.asarray(position[a], dtype=float), np.asarray(position[b], dtype=float)
        normal = np.array([end[1] - start[1], start[0] - end[0]])
        control = (start + end) / 2 + bend * normal
        out.append((1 - t) ** 2 * start + 2 * (1 - t) * t * control + t ** 2 * end)
    return out


def _span(graph: nx.Graph) -> str:
    dates = [d[k] for _, _, d in graph.edges(data=True) for k in ("first", "last") if d.get(k)]
    if not dates:
        return ""
    return min(dates) if min(dates) == max(dates) else f"{min(dates)} to {max(dates)}"


def _place_labels(axes: Any, position: dict, labels: dict[Any, str], order: list, sizes: dict, big: bool,
                  clearance: float = 1.0) -> int:
    """Label nodes in ``order`` (most connected first) beside their dot, trying eight sides at
    two distances, skipping a label that would cover another label or the dot of a node in
    ``order``; the number placed."""
    import numpy as np

    renderer = axes.figure.canvas.get_renderer()
    frame = axes.get_window_extent(renderer)
    nodes = list(order)  # the dots a label must not cover: those of the nodes worth a label
    centres = axes.transData.transform(np.array([position[n] for n in nodes], dtype=float))
    radii = np.array([math.sqrt(sizes[n]) / 2 for n in nodes]) * axes.figure.dpi / 72
    dots = np.column_stack([centres - radii[:, None], centres + radii[:, None]])  # x0, y0, x1, y1
    index = {n: i for i, n in enumerate(nodes)}
    placed: list[tuple[float, float, float, float]] = []
    for node in order:
        gap = math.sqrt(sizes[node]) / 2 + clearance  # points: clear of the dot (and of arrowheads)
        others = np.ones(len(nodes), dtype=bool)
        others[index[node]] = False
        done = False
        for reach in (gap, gap + 7):
            for ux, uy in ((0, 1), (1, 0), (0, -1), (-1, 0), (0.7, 0.7), (-0.7, 0.7), (0.7, -0.7), (-0.7, -0.7)):
                ha = "left" if ux > 0 else "right" if ux < 0 else "center"
                va = "bottom" if uy > 0 else "top" if uy < 0 else "center"
                text = axes.annotate(labels[node], position[node], xytext=(ux * reach, uy * reach),
                                     textcoords="offset points", ha=ha, va=va, fontsize=7 if big else 8, zorder=5,
                                     bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
                b = text.get_window_extent(renderer)
                inside = frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1
                free = inside and not any(b.x0 < x1 and x0 < b.x1 and b.y0 < y1 and y0 < b.y1
                                          for x0, y0, x1, y1 in placed)
                if free:
                    hit = (dots[:, 0] < b.x1) & (b.x0 < dots[:, 2]) & (dots[:, 1] < b.y1) & (b.y0 < dots[:, 3]) & others
                    free = not hit.any()
                if free:
                    placed.append((b.x0, b.y0, b.x1, b.y1))
                    done = True
                    break
                text.remove()
            if done:
                break
    return len(placed)


def _labelled(graph: nx.Graph, label_limit: int) -> list:
    """The nodes to label, most connected first: all on small views (or ``label_limit`` 0)."""
    degrees = {n: len(set(nx.all_neighbors(graph, n)) - {n}) for n in graph.nodes}
    ranked = sorted(graph.nodes, key=lambda n: (-degrees[n], str(n)))
    return ranked if len(graph) <= ALL_LABELS or not label_limit else ranked[:label_limit]


def _label(graph: nx.Graph, node: Any) -> str:
    return xml_text(str(graph.nodes[node].get("label", node)))[:40]


def _draw_edges(axes: Any, graph: nx.Graph, rows: list, position: dict, sizes: dict, big: bool, arrows: bool) -> None:
    """Edges grouped by stance (grey when none), the rarest drawn last; a pair's stances on
    arcs of their own. Arrowheads on small directed views, curves on big ones (arrows are slow)."""
    heaviest = max((w for *_, w, _ in rows), default=1.0)
    drawn = nx.DiGraph() if graph.is_directed() else nx.Graph()
    drawn.add_nodes_from(graph.nodes)
    for rank, stance in enumerate(["", "mixed", "support", "congratulate", "oppose"]):
        group = [(a, b, w) for a, b, w, s in rows if s == stance]
        if not group:
            continue
        color = _hex(STANCE_COLORS[stance]) if stance else "#666666"
        widths = [_width(w, heaviest, big) for *_, w in group]
        alpha = 0.2 if big else 0.6
        bend = 0.06 + 0.05 * rank
        if graph.is_directed() and not arrows:
            from matplotlib.collections import LineCollection

            axes.add_collection(LineCollection(_curves(position, group, bend), linewidths=widths, colors=color,
                                               alpha=alpha, zorder=1))
            continue
        extra = {"arrowstyle": "-|>", "arrowsize": _ARROW, "node_size": [sizes[n] for n in drawn.nodes],
                 "connectionstyle": f"arc3,rad={bend}"} if arrows else {}
        nx.draw_networkx_edges(drawn, position, ax=axes, edgelist=[(a, b) for a, b, _ in group], width=widths,
                               edge_color=color, alpha=alpha, arrows=arrows, **extra)


def _legend(axes: Any, graph: nx.Graph, meaning: str, node_legend: list, rows: list, big: bool, arrows: bool) -> None:
    """One legend beside the drawing: node colours, stances, direction, edge widths, under bold headings."""
    from matplotlib.lines import Line2D

    def heading(text: str) -> Any:
        headings.add(text)
        return Line2D([], [], linestyle="none", label=text)

    headings: set[str] = set()
    handles = [heading(f"nodes by {meaning} (size: degree)")]
    handles += [Line2D([], [], marker="o", linestyle="none", markersize=8, markerfacecolor=color,
                       markeredgecolor="white", label=label) for label, color in node_legend]
    stances = [s for s in STANCE_COLORS if any(row[3] == s for row in rows)]
    if stances:
        handles.append(heading("edges by stance"))
        handles += [Line2D([], [], color=_hex(STANCE_COLORS[s]), linewidth=2.5, label=s) for s in stances]
    if graph.is_directed() and rows:
        ends = "endorser to target" if graph.graph.get("view") == "endorsements" else "source to target"
        handles.append(heading("direction"))
        handles.append(Line2D([], [], linestyle="none", label=f"arrows: {ends}" if arrows
                              else f"edges bend anticlockwise\nfrom {ends}"))
    if rows:
        heaviest = max(w for *_, w, _ in rows)
        handles.append(heading(f"edge width: {_UNITS.get(graph.graph.get('view', ''), 'weight')}"))
        for w in sorted({1.0, round(heaviest / 4) or 1.0, heaviest}):
            handles.append(Line2D([], [], color="#666666", label=f"{w:,.0f}", linewidth=_width(w, heaviest, big)))
    legend = axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False,
                         handlelength=2.2)
    for text in legend.get_texts():
        if text.get_text() in headings:
            text.set_fontweight("bold")


def _draw(graph: nx.Graph, title: str, label_limit: int, color_by: str) -> Any:
    """The figure of ``graph``: layout, edges, dots sized by degree, labels, subtitle, legend."""
    import matplotlib.pyplot as plt

    big = len(graph) >= BIG_GRAPH
    degrees = {n: len(set(nx.all_neighbors(graph, n)) - {n}) for n in graph.nodes}
    top = max(degrees.values(), default=0) or 1
    shrink = min(1.0, (BIG_GRAPH / max(len(graph), 1)) ** 0.5)  # smaller dots where there are many
    low, high = (10, 260) if big else (30, 470)  # dot area (points²) for degree 0 and the top degree
    sizes = {n: (low + high * degrees[n] / top) * shrink for n in graph.nodes}
    position = _layout(_layout_graph(graph))
    meaning, colors, node_legend = _node_colors(graph, color_by)
    rows = _edge_rows(graph)
    figure, axes = plt.subplots(figsize=(12, 9))
    axes.set_axis_off()
    axes.set_title(title, fontsize=14, pad=22)
    if position:
        xs, ys = zip(*(position[n] for n in graph.nodes))
        pad_x, pad_y = (max(xs) - min(xs)) * 0.08 or 1, (max(ys) - min(ys)) * 0.08 or 1
        axes.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
        axes.set_ylim(min(ys) - pad_y, max(ys) + pad_y)
    arrows = graph.is_directed() and len(rows) <= ARROWS
    _draw_edges(axes, graph, rows, position, sizes, big, arrows)
    order = sorted(graph.nodes, key=lambda n: (degrees[n], str(n)))  # hubs on top
    if order:
        nx.draw_networkx_nodes(graph, position, ax=axes, nodelist=order, node_size=[sizes[n] for n in order],
                               node_color=[colors[n] for n in order], edgecolors="white",
                               linewidths=0.3 if big else 0.6)
    wanted = _labelled(graph, label_limit)
    labels = {n: _label(graph, n) for n in wanted}
    shown = _place_labels(axes, position, labels, wanted, sizes, big, _ARROW + 1 if arrows else 1) if wanted else 0
    parts = [f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges", _span(graph),
             (f"labels: {'all' if shown == len(graph) else f'the {shown} most connected'}" if len(graph) else "")]
    axes.annotate(" · ".join(p for p in parts if p), (0.5, 1.0), xycoords="axes fraction", xytext=(0, 6),
                  textcoords="offset points", ha="center", va="bottom", fontsize=9, color="#444444")
    if len(graph):
        _legend(axes, graph, meaning, node_legend, rows, big, arrows)
    else:
        axes.text(0.5, 0.5, "nothing in this view matches these filters", ha="center", va="center",
                  transform=axes.transAxes, color="#666666")
    return figure


def _layout(graph: nx.Graph) -> dict:
    """Positions: one part (connected component) on its own, several packed side by side."""
    if not len(graph):
        return {}
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(graph)), key=lambda c: (-len(c), str(c[0])))
    if len(parts) == 1:
        return _one_part(graph)
    return _packed(graph, parts)


def _one_part(graph: nx.Graph) -> dict:
    if len(graph) >= BIG_GRAPH:
        return grid_layout(graph)
    return nx.spring_layout(graph, seed=SEED, weight="weight")


def _packed(graph: nx.Graph, parts: list[list]) -> dict:
    """Each connected part laid out on its own, in a square of side ~sqrt(its size), and the
    squares set in rows, biggest first: small parts and lone nodes stay near and readable
    instead of being flung to the edges of one big layout."""
    import numpy as np

    sides = [max(1.0, math.sqrt(len(part))) for part in parts]
    width = max(max(sides), math.sqrt(sum(s * s for s in sides)) * 1.3)
    position: dict = {}
    x = y = row = 0.0
    for part, side in zip(parts, sides):
        if x and x + side > width:
            x, y, row = 0.0, y - row - 0.4, 0.0
        local = {part[0]: np.zeros(2)} if len(part) == 1 else _one_part(graph.subgraph(part))
        for node, point in local.items():
            position[node] = np.array([x + side / 2, y - side / 2]) + np.asarray(point, dtype=float) * side * 0.42
        x, row = x + side + 0.4, max(row, side)
    return position


def grid_layout(graph: nx.Graph, iterations: int = 50, seed: int = SEED, gravity: float = 1.0) -> dict:
    """Fruchterman-Reingold positions (in [-1, 1]) where each node is pushed away from the
    occupied cells of a grid (weighted by how many nodes each holds) rather than from every
    other node: each step costs nodes x cells instead of nodes squared. Deterministic."""
    import numpy as np

    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    pairs = [(index[a], index[b], float(d.get("weight", 1) or 1)) for a, b, d in graph.edges(data=True) if a != b]
    ends = np.array([(a, b) for a, b, _ in pairs], dtype=np.intp).reshape(-1, 2)
    weights = np.minimum(np.array([w for _, _, w in pairs], dtype=float), 10.0)
    position = np.random.default_rng(seed).random((n, 2))
    k = 1.0 / np.sqrt(n)  # the ideal distance between nodes in the unit square
    side = max(4, int(np.sqrt(n) / 4))  # cells per side
    temperature = 0.1
    for _ in range(iterations):
        low = position.min(axis=0)
        span = np.maximum(position.max(axis=0) - low, 1e-9)
        cell = np.minimum(((position - low) / span * side).astype(np.intp), side - 1)
        flat = cell[:, 0] * side + cell[:, 1]
        mass = np.bincount(flat, minlength=side * side).astype(float)
        occupied = mass > 0
        centre = np.stack([np.bincount(flat, weights=position[:, axis], minlength=side * side)[occupied]
                           for axis in (0, 1)], axis=1) / mass[occupied, None]
        mass = mass[occupied]
        push = np.empty_like(position)
        for start in range(0, n, 1024):  # blocks bound the memory: 1024 x cells x 2
            delta = position[start:start + 1024, None, :] - centre[None, :, :]
            distance2 = np.maximum((delta ** 2).sum(axis=2), (k / 10) ** 2)
            push[start:start + 1024] = (delta * (mass / distance2)[:, :, None]).sum(axis=1) * k * k
        push -= (position - position.mean(axis=0)) * gravity  # keeps loose nodes and small parts near
        if len(ends):
            delta = position[ends[:, 0]] - position[ends[:, 1]]
            pull = delta * (np.sqrt((delta ** 2).sum(axis=1)) * weights / k)[:, None]
            np.add.at(push, ends[:, 0], -pull)
            np.add.at(push, ends[:, 1], pull)
        length = np.maximum(np.sqrt((push ** 2).sum(axis=1)), 1e-9)
        position += push * (np.minimum(length, temperature) / length)[:, None]
        temperature -= 0.1 / (iterations + 1)
    position -= position.mean(axis=0)
    position /= max(float(np.abs(position).max()), 1e-9)
    return {node: position[i] for i, node in enumerate(nodes)}




def plot_graph(graph: nx.Graph, path: Path, title: str | None = None, label_limit: int = 40,
               color_by: str = "auto") -> Path:
    """Draw ``graph`` to ``path`` (.png, .svg or .pdf). Views of up to :data:`ALL_LABELS` nodes
    get every label, bigger ones the ``label_limit`` most connected (0: all); ``color_by``
    is kind, region or auto (region where the view holds no posts)."""
    check_format(path)
    view = graph.graph.get("view", "graph")
    title = title or _TITLES.get(view, view)
    text = title + "".join(_label(graph, n) for n in _labelled(graph, label_limit))
    with figure_context(text):
        figure = _draw(graph, title, label_limit, color_by)
        return save_figure(figure, path)

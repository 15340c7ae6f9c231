"""`kg plot` on a big view used to print a traceback (networkx's spring layout needs scipy
from 500 nodes on) and, with scipy, took over 30 s for 5,000 nodes. Big views now get
kg.views.plot.grid_layout (numpy only). Run in a fresh process where scipy cannot be imported,
as on a machine without it, with a time limit so that a slow layout fails the test."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import networkx as nx
import numpy as np

from kg.views.plot import BIG_GRAPH, grid_layout

ROOT = Path(__file__).resolve().parents[2]

# `kg plot interactions -o OUT` where the view is a generated graph of N nodes (cli._view_graph
# replaced: building a 5,000-person dump would take minutes and test nothing more)
SCRIPT = textwrap.dedent("""
    import sys
    sys.modules["scipy"] = None  # as on a machine without scipy: importing it fails
    import networkx as nx
    import cli

    n, out = int(sys.argv[1]), sys.argv[2]
    shape = nx.gnm_random_graph(n, 2 * n, seed=7)
    view = nx.Graph(view="interactions")
    for i in shape.nodes:
        view.add_node(f"p{i}", label=f"Person {i}", kind="person" if i % 3 else "state")
    view.add_edges_from((f"p{a}", f"p{b}", {"weight": 1 + (a + b) % 4}) for a, b in shape.edges)
    cli._view_graph = lambda *args: view
    cli.main(["plot", "interactions", "-o", out])
""")


def test_a_5000_node_view_is_drawn_without_scipy_in_bounded_time(tmp_path: Path):
    out = tmp_path / "big.png"
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", SCRIPT, "5000", str(out)], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-1500:]
    assert "Traceback" not in result.stderr and result.stderr == ""
    assert result.stdout.strip() == str(out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000
    assert seconds < 30  # about 3 s here; the spring layout took over 30 s with scipy


def test_grid_layout_places_every_node_apart_and_repeats():
    graph = nx.gnm_random_graph(BIG_GRAPH * 2, BIG_GRAPH * 4, seed=3)
    graph.add_nodes_from(range(BIG_GRAPH * 2, BIG_GRAPH * 2 + 20))  # isolated nodes too
    first = grid_layout(graph)
    assert set(first) == set(graph.nodes)
    points = np.array([first[n] for n in graph.nodes])
    assert np.isfinite(points).all() and np.abs(points).max() <= 1.0 + 1e-9
    assert len({(round(x, 6), round(y, 6)) for x, y in points}) == len(points)  # no two nodes on one spot
    # neighbours end closer than random pairs: the layout shows structure
    edge = np.mean([np.linalg.norm(first[a] - first[b]) for a, b in graph.edges])
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, len(points), size=(2000, 2))
    assert edge < 0.7 * np.mean(np.linalg.norm(points[pairs[:, 0]] - points[pairs[:, 1]], axis=1))
    again = grid_layout(graph)
    assert all(np.array_equal(first[n], again[n]) for n in graph.nodes)


def test_a_small_view_keeps_the_spring_layout():
    from kg.views.plot import _layout
    from kg.views.graphs import SEED

    graph = nx.path_graph(12)
    assert all(np.allclose(p, q) for p, q in zip(_layout(graph).values(),
                                                 nx.spring_layout(graph, seed=SEED, weight="weight").values()))

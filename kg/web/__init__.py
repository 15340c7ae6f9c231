"""The page `kg serve` serves beside its endpoint: a SPARQL editor with the ready queries, and
an interactive network view of the graph views with a time slider.

The server side is small on purpose: it hands out files, the ready queries (their text and
``@param`` declarations, and the text with given values bound, by :mod:`kg.sparql.params`), and
each view as JSON (nodes placed by the layout `kg plot` uses, so the browser draws even a
5,000-node view without laying it out; edges with the date of every encounter, statement
or report, so the page can filter by time without asking again). Queries themselves go
to the endpoint, with all its limits.

Files are read once, when the page is made, from two folders of this package: ``static/``
(the page's own HTML, CSS and script) and ``vendor/`` (CodeMirror and cytoscape, put there
by ``python3 dev.py build`` through npm; git-ignored, shipped in the wheel when present).
Only the plain files found there are served, by name: no request path ever reaches the
file system. Without ``vendor/`` the page says in one line how to build it, and SPARQL
still works from a plain text box.
"""

from __future__ import annotations

import json
import threading
from importlib import resources
from pathlib import Path
from typing import Any, Callable

import networkx as nx

from kg.errors import QueryError, ViewError
from kg.views.export import KIND_COLORS, STANCE_COLORS
from kg.sparql.params import bind_params, query_params
from kg.sparql.query import DEFAULT_PREFIXES, describe_query, list_queries, read_query
from kg.knowledge.registry import Registry
from kg.views.snapshot import LANGS, Snapshot
from kg.views.graphs import build_view

__all__ = ["Page", "asset_files", "view_data", "BUILD_HINT", "VENDOR_FILES", "VIEW_CHOICES"]

VENDOR_FILES = ("editor.js", "cytoscape.min.js")  # what `python3 dev.py build` must have made
BUILD_HINT = ("The editor and the network view need their JavaScript libraries: run `python3 dev.py build` "
              "in the source checkout (it needs npm), then restart kg serve.")
# what the page offers: (view, level, aggregate) by the key the page sends
VIEW_CHOICES = {
    "interactions": ("interactions", "person", False),
    "interactions-states": ("interactions", "state", False),
    "endorsements": ("endorsements", "person", True),
    "affiliations": ("affiliations", "person", False),
}
_MEDIA = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8",
          ".txt": "text/plain; charset=utf-8", ".png": "image/png", ".svg": "image/svg+xml"}
_NOTICE = "<!--BUILD-NOTICE-->"
_MAX_PARAM_VALUE = 200  # characters of one parameter value sent by the page
SNAPSHOT_WAIT_S = 60.0  # how long a view request waits for the graph still being read


def asset_files(folder: Path) -> dict[str, Path]:
    """The plain files directly inside ``folder`` with a served suffix, by name (no links, no subfolders)."""
    if not folder.is_dir() or folder.is_symlink():
        return {}
    return {p.name: p for p in sorted(folder.iterdir())
            if p.suffix in _MEDIA and p.is_file() and not p.is_symlink() and not p.name.startswith(".")}


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _positions(graph: nx.Graph) -> dict[Any, tuple[float, float]]:
    """The layout `kg plot` draws (stable, and fast at 5,000 nodes), centred and scaled into [-1, 1]."""
    from kg.views.plot import _layout, _layout_graph  # one layout for the plots and the page

    raw = {node: (float(p[0]), float(p[1])) for node, p in _layout(_layout_graph(graph)).items()}
    if not raw:
        return {}
    xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {node: ((x - cx) / half, (y - cy) / half) for node, (x, y) in raw.items()}


def view_data(graph: nx.Graph) -> dict[str, Any]:
    """Nodes (label, kind, colour, position, degree) and edges (each dated event, and the
    stance of each statement in the endorsements view) of a view, as plain data for JSON."""
    position = _positions(graph)
    degree = dict(graph.degree())
    nodes = []
    for node, d in graph.nodes(data=True):
        x, y = position.get(node, (0.0, 0.0))
        nodes.append({"id": str(node), "label": str(d.get("label", node)), "kind": d.get("kind", "other"),
                      "state": d.get("state", ""), "region": d.get("region", ""), "role": d.get("role", ""),
                      "color": _hex(KIND_COLORS.get(d.get("kind", "other"), KIND_COLORS["other"])),
                      "x": round(x, 5), "y": round(-y, 5), "degree": degree.get(node, 0)})
    edges = []
    for a, b, d in graph.edges(data=True):
        edge: dict[str, Any] = {"source": str(a), "target": str(b), "weight": d.get("weight", 1)}
        if "dated_stances" in d:  # endorsements: "date stance;..."
            pairs = [item.split(" ", 1) for item in d["dated_stances"].split(";") if item]
            edge["dates"] = [date for date, _ in pairs]
            edge["stances"] = [stance for _, stance in pairs]
            edge["undated"] = {s: d.get(s, 0) - edge["stances"].count(s) for s in STANCE_COLORS if s in d}
            edge["info"] = d.get("topics", "").replace(";", ", ")
        else:
            edge["dates"] = [date for date in d.get("dates", "").split(";") if date]
            edge["info"] = (d.get("types") or d.get("titles") or "").replace(";", ", ")
        edges.append(edge)
    dates = sorted({date for edge in edges for date in edge["dates"]})
    return {"view": graph.graph.get("view"), "lang": graph.graph.get("lang"), "directed": graph.is_directed(),
            "dates": dates, "nodes": nodes, "edges": edges,
            "stance_colors": {s: _hex(c) for s, c in STANCE_COLORS.items()},
            "kind_colors": {k: _hex(c) for k, c in KIND_COLORS.items()}}


class Page:
    """What the page needs from the server; made once, before the server takes requests.

    ``snapshot`` may be a function that reads it: it then runs on a thread of its own, so
    that the server answers at once (reading a 3,000-readout graph takes seconds) and the
    store it reads is let go when it is done (``on_loaded`` is called then)."""

    def __init__(self, snapshot: Snapshot | Callable[[], Snapshot], registry: Registry, root: Path | None = None,
                 on_loaded: Callable[[], None] | None = None) -> None:
        root = root or Path(str(resources.files("kg.web")))
        self.registry = registry
        found = {**asset_files(root / "vendor"), **asset_files(root / "static")}  # the page's own files win
        self.files = {name: (path.read_bytes(), _MEDIA[path.suffix]) for name, path in found.items()}
        self.ready = all(name in self.files for name in VENDOR_FILES)
        self._views: dict[tuple[str, str], bytes] = {}
        self._lock = threading.Lock()  # one view built at a time; each once
        self._snapshot: Snapshot | None = None
        self._failure = ""
        self._loaded = threading.Event()
        if callable(snapshot):
            threading.Thread(target=self._load, args=(snapshot, on_loaded), name="kg-web-snapshot", daemon=True).start()
        else:
            self._snapshot = snapshot
            self._loaded.set()

    def _load(self, read: Callable[[], Snapshot], on_loaded: Callable[[], None] | None) -> None:
        try:
            self._snapshot = read()
        except Exception as exc:  # noqa: BLE001 (told to whoever asks for a view, in one line)
            self._failure = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
        finally:
            del read  # the store it holds goes with it
            self._loaded.set()
            if on_loaded:
                on_loaded()

    def snapshot(self) -> Snapshot:
        """The graph the views are made of, once read (waits up to :data:`SNAPSHOT_WAIT_S`)."""
        if not self._loaded.wait(SNAPSHOT_WAIT_S):
            raise ViewError("the graph is still being read for the network view; try again in a moment")
        if self._snapshot is None:
            raise ViewError(f"the graph could not be read for the network view: {self._failure}")
        return self._snapshot

    def asset(self, name: str) -> tuple[bytes, str] | None:
        """(content, media type) of a file of the page, or None: only names found at start are known."""
        return self.files.get(name)

    def index(self) -> bytes:
        """The page; without the vendored libraries it opens with the one line that says how to build them."""
        html, _ = self.files.get("index.html", (b"", ""))
        notice = "" if self.ready else f'<p class="notice" id="build-notice">{BUILD_HINT}</p>'
        return html.replace(_NOTICE.encode(), notice.encode("utf-8"))

    def queries(self) -> bytes:
        """The ready queries (name, what each answers, its text, its parameters) as JSON."""
        out = []
        for name, path in list_queries().items():
            text = path.read_text(encoding="utf-8")
            params = [{"name": p.name, "kind": p.kind, "description": p.description, "default": p.default_shown}
                      for p in query_params(text)]
            out.append({"name": name, "answers": describe_query(text), "text": text, "params": params})
        return json.dumps(out, ensure_ascii=False).encode("utf-8")

    def bind(self, body: bytes) -> bytes:
        """The text of a ready query with the page's values bound: ``{"name": ..., "params": {...}}``
        in, ``{"text": ...}`` out; blank values keep the query's default."""
        try:
            request = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise QueryError(f"expected a JSON object with name and params ({exc})") from None
        if not isinstance(request, dict) or not isinstance(request.get("name"), str):
            raise QueryError("expected a JSON object with name and params")
        given = request.get("params") or {}
        if not isinstance(given, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in given.items()):
            raise QueryError("params: expected an object of names to text values")
        given = {k: " ".join(v.split()) for k, v in given.items() if v.strip()}
        if any(len(v) > _MAX_PARAM_VALUE for v in given.values()):
            raise QueryError(f"a parameter value is longer than {_MAX_PARAM_VALUE} characters")
        text = read_query(request["name"])
        if given:
            text = bind_params(text, given, self.registry)
        return json.dumps({"text": text}, ensure_ascii=False).encode("utf-8")

    def view(self, choice: str, lang: str) -> bytes:
        """One of :data:`VIEW_CHOICES` in ``lang`` as JSON (:func:`view_data`), built once and kept."""
        if choice not in VIEW_CHOICES:
            raise ViewError(f"unknown view {choice!r}; expected one of {', '.join(VIEW_CHOICES)}")
        if lang not in LANGS:
            raise ViewError(f"unknown label language {lang!r}; expected one of {', '.join(LANGS)}")
        with self._lock:
            if (choice, lang) not in self._views:
                name, level, aggregate = VIEW_CHOICES[choice]
                graph = build_view(name, self.snapshot(), lang=lang, level=level, aggregate=aggregate)
                data = view_data(graph)
                self._views[(choice, lang)] = json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")
            return self._views[(choice, lang)]

    def info(self) -> bytes:
        """What the page asks first: the views and languages offered, whether the libraries are there."""
        versions = json.loads(self.files["versions.json"][0]) if "versions.json" in self.files else {}
        return json.dumps({"views": list(VIEW_CHOICES), "langs": list(LANGS), "ready": self.ready,
                           "hint": "" if self.ready else BUILD_HINT, "libraries": versions,
                           "prefixes": DEFAULT_PREFIXES}).encode("utf-8")

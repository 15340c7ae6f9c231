"""Graph views of the knowledge graph as networkx graphs, with filters and metrics.

Views (pure functions of a :class:`kg.snapshot.Snapshot`):

* ``interactions``: people (or, with ``level="state"``, the states and organisations they
  represent) linked by the encounters they shared: weight, first and last date, types.
* ``endorsements``: endorser -> target for every statement with a target (a MultiDiGraph,
  one edge per statement), or one aggregated edge per pair (``aggregate=True``).
* ``affiliations``: person - post - state or organisation, with the dates each post is
  reported at.

Every node has ``label`` (in the chosen language), ``kind`` (person, state, organization,
post) and ``state`` (the ISO3 or organisation code it belongs to). Nodes and edges are
added in sorted order, so metrics (Louvain with a fixed seed) and exports are stable.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

import networkx as nx

from kg.errors import ViewError
from kg.snapshot import LANGS, Snapshot

__all__ = ["Filters", "make_filters", "interactions", "endorsements", "affiliations", "ego", "build_view",
           "metrics", "counterparts", "to_dict", "describe", "resolve_node", "VIEWS", "STANCES", "SEED"]

VIEWS = ("interactions", "endorsements", "affiliations")
STANCES = ("support", "oppose", "congratulate")
SEED = 42


@dataclass(frozen=True)
class Filters:
    """Inclusive ISO date range, topics (slug, label or organisation code), stances, state codes."""

    start: str | None = None
    end: str | None = None
    topics: frozenset[str] = field(default_factory=frozenset)
    stances: frozenset[str] = field(default_factory=frozenset)
    states: frozenset[str] = field(default_factory=frozenset)

    def dated(self, date: str | None) -> bool:
        if date is None:
            return self.start is None and self.end is None
        return (self.start is None or date >= self.start) and (self.end is None or date <= self.end)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _bound(text: str | None, end: bool) -> str | None:
    """``2021`` -> 2021-01-01 (or 2021-12-31 as an end); ``2021-05`` -> 2021-05-01 (2021-05-31)."""
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}", text):
            return f"{text}-12-31" if end else f"{text}-01-01"
        if re.fullmatch(r"\d{4}-\d{2}", text):
            first = dt.date.fromisoformat(text + "-01")
            if not end:
                return first.isoformat()
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return (following - dt.timedelta(days=1)).isoformat()
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ViewError(f"not a date: {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)") from None


def make_filters(start: str | None = None, end: str | None = None, topics: Iterable[str] = (),
                 stances: Iterable[str] = (), states: Iterable[str] = ()) -> Filters:
    """Checked :class:`Filters` from user input (dates as YYYY, YYYY-MM or YYYY-MM-DD)."""
    stances = frozenset(s.lower() for s in stances)
    unknown = stances - set(STANCES)
    if unknown:
        raise ViewError(f"unknown stance {sorted(unknown)[0]!r}; expected one of {', '.join(STANCES)}")
    first, last = _bound(start, False), _bound(end, True)
    if first and last and first > last:
        raise ViewError(f"empty date range: {first} is after {last}")
    return Filters(first, last, frozenset(_slug(t) for t in topics), stances, frozenset(s.upper() for s in states))


def _add_actor(graph: nx.Graph, snap: Snapshot, iri: str, lang: str) -> str:
    node = snap.node_id(iri)
    if node not in graph:
        graph.add_node(node, label=snap.label(iri, lang), kind=snap.kind(iri), state=snap.code(iri), iri=iri)
    return node


def _finish(graph: nx.Graph, name: str, lang: str) -> nx.Graph:
    """A copy with nodes and edges in sorted order (stable layouts, metrics and files)."""
    out = graph.__class__()
    out.graph.update(graph.graph, view=name, lang=lang)
    out.add_nodes_from(sorted(graph.nodes(data=True)))
    if graph.is_multigraph():
        out.add_edges_from(sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))))
    elif graph.is_directed():
        out.add_edges_from(sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])))
    else:  # an undirected edge is reported from whichever end was added first: put the smaller id first
        out.add_edges_from(sorted(((min(a, b), max(a, b), d) for a, b, d in graph.edges(data=True)),
                                  key=lambda e: (e[0], e[1])))
    return out


def _no_statement_filters(filters: Filters, view: str) -> None:
    if filters.topics or filters.stances:
        raise ViewError(f"--topic and --stance apply to the endorsements view, not {view}")


def interactions(snap: Snapshot, filters: Filters = Filters(), lang: str = "en", level: str = "person") -> nx.Graph:
    """Actors linked by shared encounters (weight = encounters, first/last date, types)."""
    _no_statement_filters(filters, "interactions")
    if level not in ("person", "state"):
        raise ViewError(f"level must be person or state, not {level!r}")
    events: dict[str, tuple[str, str, set[str]]] = {}
    for p in snap.participations:
        events.setdefault(p.event, (p.type, p.date, set()))[2].add(p.person)
    graph = nx.Graph()
    for event, (kind, date, people) in sorted(events.items()):
        if not filters.dated(date):
            continue
        if filters.states and not any(snap.code(p) in filters.states for p in people):
            continue
        actors = people if level == "person" else {snap.represents[p] for p in people if p in snap.represents}
        nodes = sorted({_add_actor(graph, snap, a, lang) for a in actors})
        for a, b in itertools.combinations(nodes, 2):
            if graph.has_edge(a, b):
                data = graph[a][b]
                data["weight"] += 1
                data["first"], data["last"] = min(data["first"], date), max(data["last"], date)
                data["types"] = ";".join(sorted(set(data["types"].split(";")) | {kind}))
            else:
                graph.add_edge(a, b, weight=1, first=date, last=date, types=kind)
    return _finish(graph, "interactions", lang)


def _topic_key(snap: Snapshot, topic: str | None) -> str:
    return _slug(snap.codes.get(topic) or re.split(r"[/#]", topic)[-1]) if topic else ""


def endorsements(snap: Snapshot, filters: Filters = Filters(), lang: str = "en", aggregate: bool = False) -> nx.Graph:
    """Endorser -> target per statement (MultiDiGraph), or per pair (DiGraph, ``aggregate``)."""
    multi = nx.MultiDiGraph()
    for s in snap.statements:
        topic = _topic_key(snap, s.topic)
        if s.target is None or not filters.dated(s.date):
            continue
        if filters.stances and s.stance not in filters.stances:
            continue
        if filters.topics and not ({topic, _slug(snap.label(s.topic, "en")) if s.topic else ""} & filters.topics):
            continue
        if filters.states and not {snap.code(s.endorser), snap.code(s.target)} & filters.states:
            continue
        a, b = _add_actor(multi, snap, s.endorser, lang), _add_actor(multi, snap, s.target, lang)
        multi.add_edge(a, b, key=snap.node_id(s.iri), weight=1, stance=s.stance, topic=topic,
                       topic_label=snap.label(s.topic, lang) if s.topic else "", first=s.date or "", last=s.date or "",
                       readout=snap.node_id(s.readout) if s.readout else "")
    if not aggregate:
        return _finish(multi, "endorsements", lang)
    graph = nx.DiGraph()
    graph.add_nodes_from(multi.nodes(data=True))
    for a, b, data in multi.edges(data=True):
        if not graph.has_edge(a, b):
            graph.add_edge(a, b, weight=0, first=data["first"], last=data["last"], topics="",
                           **{stance: 0 for stance in STANCES})
        edge = graph[a][b]
        edge["weight"] += 1
        edge[data["stance"]] += 1
        edge["first"] = min(filter(None, (edge["first"], data["first"])), default="")
        edge["last"] = max(edge["last"], data["last"])
        edge["topics"] = ";".join(sorted(set(filter(None, edge["topics"].split(";"))) | {data["topic"]} - {""}))
    return _finish(graph, "endorsements", lang)


def affiliations(snap: Snapshot, filters: Filters = Filters(), lang: str = "en") -> nx.Graph:
    """Person - post - state or organisation, each link dated by the encounters it is reported at."""
    _no_statement_filters(filters, "affiliations")
    graph = nx.Graph()
    for h in snap.holdings:
        code = snap.codes.get(h.organization, "")
        if not filters.dated(h.date) or (filters.states and code not in filters.states):
            continue
        person = _add_actor(graph, snap, h.person, lang)
        actor = _add_actor(graph, snap, h.organization, lang)
        post = f"post/{code or snap.node_id(h.organization)}/{h.role}"
        if post not in graph:
            graph.add_node(post, label=f"{h.role.replace('_', ' ')} ({snap.label(h.organization, lang)})", kind="post",
                           state=code, iri="")
        for a, b, title in ((person, post, h.title), (post, actor, None)):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, weight=0, first=h.date, last=h.date, titles="", dates="")
            edge = graph[a][b]
            dates = set(filter(None, edge["dates"].split(";"))) | {h.date}
            edge.update(weight=len(dates), dates=";".join(sorted(dates)), first=min(edge["first"], h.date),
                        last=max(edge["last"], h.date))
            if title:
                edge["titles"] = ";".join(sorted(set(filter(None, edge["titles"].split(";"))) | {title}))
    return _finish(graph, "affiliations", lang)


def resolve_node(graph: nx.Graph, name: str) -> str:
    """A node of ``graph`` from its id, IRI, code (CHN: the state) or label (any case)."""
    if name in graph:
        return name
    by_iri = [n for n, d in graph.nodes(data=True) if d.get("iri") == name]
    by_code = [n for n, d in graph.nodes(data=True) if d.get("kind") in ("state", "organization")
               and d.get("state", "").lower() == name.lower()]
    by_label = [n for n, d in graph.nodes(data=True) if str(d.get("label", "")).lower() == name.lower()]
    for found in (by_iri, by_code, by_label):
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ViewError(f"{name!r} names {len(found)} nodes ({', '.join(sorted(found)[:5])}); give a node id")
    raise ViewError(f"no node {name!r} in this view (give a node id such as state/CHN, a code or a label)")


def ego(graph: nx.Graph, center: str, radius: int = 1) -> nx.Graph:
    """The nodes within ``radius`` links of ``center`` (links followed both ways)."""
    if radius < 0:
        raise ViewError("--radius must be 0 or more")
    out = nx.ego_graph(graph, resolve_node(graph, center), radius=radius, undirected=True)
    return _finish(out, graph.graph.get("view", ""), graph.graph.get("lang", "en"))


def build_view(name: str, snap: Snapshot, filters: Filters = Filters(), lang: str = "en", level: str = "person",
               aggregate: bool = False, center: str | None = None, radius: int = 1) -> nx.Graph:
    """The view ``name`` (one of VIEWS), filtered, optionally cut to an ego network."""
    if lang not in LANGS:
        raise ViewError(f"unknown label language {lang!r}; expected one of {', '.join(LANGS)}")
    if name == "interactions":
        graph = interactions(snap, filters, lang, level)
    elif name == "endorsements":
        graph = endorsements(snap, filters, lang, aggregate)
    elif name == "affiliations":
        graph = affiliations(snap, filters, lang)
    else:
        raise ViewError(f"unknown view {name!r}; expected one of {', '.join(VIEWS)}")
    return ego(graph, center, radius) if center else graph


def _simple(graph: nx.Graph) -> nx.Graph:
    """Undirected, one edge per pair, weights summed; nodes and edges in sorted order."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    weights: Counter = Counter()
    for a, b, data in graph.edges(data=True):
        if a != b:
            weights[tuple(sorted((a, b)))] += data.get("weight", 1)
    simple.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return simple


def metrics(graph: nx.Graph) -> dict[str, Any]:
    """Degree, degree and betweenness centrality, Louvain communities (seed ``SEED``)."""
    simple = _simple(graph)
    communities = nx.community.louvain_communities(simple, weight="weight", seed=SEED) if simple.number_of_edges() else []
    ordered = sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c[0]))
    return {
        "degree": dict(sorted(simple.degree())),
        "degree_centrality": {n: round(v, 6) for n, v in sorted(nx.degree_centrality(simple).items())},
        "betweenness": {n: round(v, 6) for n, v in sorted(nx.betweenness_centrality(simple).items())},
        "communities": ordered,
    }


def counterparts(snap: Snapshot, filters: Filters = Filters(), lang: str = "en", top: int = 3) -> list[dict[str, Any]]:
    """The ``top`` most frequent counterparts of each state (or organisation) per year."""
    _no_statement_filters(filters, "counterparts")
    events: dict[str, tuple[str, set[str]]] = {}
    for p in snap.participations:
        if filters.dated(p.date) and p.person in snap.represents:
            events.setdefault(p.event, (p.date, set()))[1].add(snap.represents[p.person])
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for date, actors in events.values():
        for ours, theirs in itertools.permutations(sorted(actors), 2):
            counts[(ours, date[:4])][theirs] += 1
    rows = []
    for (ours, year), counter in sorted(counts.items(), key=lambda item: (snap.code(item[0][0]), item[0][1])):
        if filters.states and snap.code(ours) not in filters.states:
            continue
        ranked = sorted(counter.items(), key=lambda item: (-item[1], snap.code(item[0])))[:top]
        rows += [{"state": snap.code(ours), "year": year, "counterpart": snap.code(theirs),
                  "label": snap.label(theirs, lang), "encounters": n} for theirs, n in ranked]
    return rows


def to_dict(graph: nx.Graph, with_metrics: bool = True) -> dict[str, Any]:
    """Nodes, edges (and metrics) as plain data, ready for JSON."""
    edges = []
    if graph.is_multigraph():
        for a, b, key, data in graph.edges(keys=True, data=True):
            edges.append({"source": a, "target": b, "key": key, **data})
    else:
        edges = [{"source": a, "target": b, **data} for a, b, data in graph.edges(data=True)]
    out = {"view": graph.graph.get("view"), "lang": graph.graph.get("lang"), "directed": graph.is_directed(),
           "nodes": [{"id": n, **data} for n, data in graph.nodes(data=True)], "edges": edges}
    if with_metrics:
        out["metrics"] = metrics(graph)
    return out


def _row_values(data: dict[str, Any], columns: list[str]) -> list[str]:
    return [str(data.get(c, "")) for c in columns]


def _columns(items: Iterable[dict[str, Any]], first: list[str], skip: set[str]) -> list[str]:
    keys = set().union(*[set(d) for d in items]) if items else set()
    return [c for c in first if c in keys] + sorted(keys - set(first) - skip)


def describe(graph: nx.Graph, limit: int = 25) -> str:
    """Nodes (busiest first), edges (heaviest first) and metrics as aligned text tables."""
    from kg.results import table

    stats = metrics(graph)
    community = {n: i + 1 for i, members in enumerate(stats["communities"]) for n in members}
    nodes = sorted(graph.nodes(data=True), key=lambda n: (-stats["degree"].get(n[0], 0), n[0]))
    node_rows = [[n, d.get("label", ""), d.get("kind", ""), d.get("state", ""), str(stats["degree"].get(n, 0)),
                  f"{stats['betweenness'].get(n, 0):.3f}", str(community.get(n, ""))] for n, d in nodes]
    edges = [d | {"source": a, "target": b} for a, b, d in graph.edges(data=True)]
    columns = ["source", "target"] + _columns(edges, ["weight", "stance", "topic", "first", "last"],
                                              {"source", "target", "dates", "topic_label", "readout"})
    edges.sort(key=lambda d: (-d.get("weight", 1), d.get("first", ""), d["source"], d["target"]))
    edge_rows = [_row_values(d, columns) for d in edges]
    shown = limit or max(len(node_rows), len(edge_rows), 1)
    kind = "directed" if graph.is_directed() else "undirected"
    parts = [f"{graph.graph.get('view', 'view')}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} {kind} "
             f"edges, {len(stats['communities'])} communit{'y' if len(stats['communities']) == 1 else 'ies'} "
             f"(labels: {graph.graph.get('lang', 'en')})\n",
             "nodes\n" + table(["id", "label", "kind", "state", "degree", "betweenness", "community"], node_rows[:shown]),
             "edges\n" + table(columns, edge_rows[:shown])]
    more = [f"{len(rows) - shown} more {what} (--limit 0 shows all)"
            for rows, what in ((node_rows, "nodes"), (edge_rows, "edges")) if len(rows) > shown]
    return "\n".join(parts) + ("\n".join(more) + "\n" if more else "")

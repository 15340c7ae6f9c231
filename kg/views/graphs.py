"""Graph views of the knowledge graph as networkx graphs, with filters and metrics.

Views (pure functions of a :class:`kg.views.snapshot.Snapshot`):

* ``interactions``: people (or, with ``level="state"``, the states and organisations they
  represent) linked by the encounters they shared: weight, first and last date, types, and
  ``dates`` (every encounter's date, ";"-joined, so ``weight == len(dates)``).
* ``endorsements``: endorser -> target for every statement with a target (a MultiDiGraph,
  one edge per statement, ``signed`` +1 support, -1 oppose, 0 congratulate), or one
  aggregated edge per pair (``aggregate=True``) with counts per stance, ``signed`` (support
  minus oppose; congratulations kept apart), ``stance`` (the net one, or ``mixed``) and
  ``dated_stances`` ("2021-01-21 support;..." for the statements that have a date).
* ``affiliations``: person - post - state or organisation, with the dates each post is
  reported at.

Every node has ``label`` (in the chosen language), ``kind`` (person, state, organization,
post), ``state`` (the ISO3 or organisation code it belongs to), ``region`` and ``subregion``
(UN M49, kg/data/regions.toml; "International" for organisations) and, for people and
posts, ``role`` (the latest post held in the date range). The per-encounter dates are what
the dynamic GEXF export turns into a truthful timeline. Nodes and edges are added in
sorted order, so metrics (Louvain with a fixed seed) and exports are stable.

Charts read plain rows: :func:`encounters_per_year`, :func:`stances_per_year`,
:func:`counterpart_years` (and :func:`counterparts` for tables).

Counting is by encounter (``count="encounters"``, the default): the readouts of one
encounter (China's and the counterpart's, grouped by :mod:`kg.build.resolve`) make one encounter,
dated and typed as the shared encounter is, and a stance both report at it is one
statement; each edge and row says in ``reports`` how many readouts back it. With
``count="reports"`` every readout's report counts, as event datasets that take each report
for another event do. :func:`comparison` lists, for each encounter two or more readouts
report, what one says and another leaves out.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from kg.namespaces import DEFAULT_BASE

import networkx as nx

from kg.errors import ViewError
from kg.views.snapshot import LANGS, Snapshot, Statement

__all__ = ["Filters", "make_filters", "interactions", "endorsements", "affiliations", "ego", "build_view",
           "metrics", "counterparts", "counterpart_years", "encounters_per_year", "stances_per_year", "net_stance",
           "comparison", "to_dict", "describe", "resolve_node", "region_of", "VIEWS", "STANCES", "COUNTS", "SEED",
           "INTERNATIONAL", "BETWEENNESS_EXACT_NODES", "BETWEENNESS_PIVOTS"]

VIEWS = ("interactions", "endorsements", "affiliations")
STANCES = ("support", "oppose", "congratulate")
COUNTS = ("encounters", "reports")  # what a weight counts: distinct encounters, or every readout's report
SEED = 42
# betweenness is exact up to this many nodes (about half a second at 500), else estimated from a
# fixed sample of pivots (0.4 s at 1,500 nodes and 9,700 links, against 6 s exact; kg view says so)
BETWEENNESS_EXACT_NODES = 500
BETWEENNESS_PIVOTS = 200
INTERNATIONAL = "International"  # the region of organisations
_SIGN = {"support": 1, "oppose": -1, "congratulate": 0}


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
                 stances: Iterable[str] = (), states: Iterable[str] = (), registry: Any = None) -> Filters:
    """Checked :class:`Filters` from user input (dates as YYYY, YYYY-MM or YYYY-MM-DD). With
    ``registry``, states and topics may be given by any name, alias or code in any language,
    and a name that matches nothing is an error with the closest names (never an empty view)."""
    states, topics = list(states), list(topics)
    if registry is not None and (states or topics):  # building the lookup costs a tenth of a second
        from kg.knowledge.lookup import Lookup

        lookup = Lookup(registry)
        states = [lookup.state(s) for s in states]
        resolved = []
        for t in topics:
            found = lookup.find(t, ("topic", "organization"))
            resolved.append(found.value if found.kind == "topic" else found.value)
        topics = resolved
    stances = frozenset(s.lower() for s in stances)
    unknown = stances - set(STANCES)
    if unknown:
        raise ViewError(f"unknown stance {sorted(unknown)[0]!r}; expected one of {', '.join(STANCES)}")
    first, last = _bound(start, False), _bound(end, True)
    if first and last and first > last:
        raise ViewError(f"empty date range: {first} is after {last}")
    return Filters(first, last, frozenset(_slug(t) for t in topics), stances, frozenset(s.upper() for s in states))


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[str, str]]:
    """ISO3 -> (region, sub-region), from kg/data/regions.toml."""
    with (resources.files("kg") / "data" / "regions.toml").open("rb") as handle:
        table = tomllib.load(handle)
    return {code: (region, sub) for region, subs in table.items() for sub, codes in subs.items() for code in codes}


def region_of(snap: Snapshot, iri: str) -> tuple[str, str]:
    """(region, sub-region) of a state, or of the state a person represents; organisations
    (and their people) are "International"; ("", "") when unknown."""
    actor = iri if iri in snap.codes else snap.represents.get(iri, "")
    if snap.kind(actor) == "organization":
        return INTERNATIONAL, INTERNATIONAL
    return _regions().get(snap.codes.get(actor, ""), ("", ""))


def _roles(snap: Snapshot, filters: Filters) -> dict[str, str]:
    """Person IRI -> the role code of their latest post in the date range (most reported on a tie)."""
    held: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for h in snap.holdings:
        if filters.dated(h.date):
            held[h.person].append((h.date, h.role))
    out = {}
    for person, pairs in held.items():
        counts = Counter(role for _, role in pairs)
        last = max(date for date, _ in pairs)
        out[person] = min({role for date, role in pairs if date == last}, key=lambda role: (-counts[role], role))
    return out


def _add_actor(graph: nx.Graph, snap: Snapshot, iri: str, lang: str, roles: dict[str, str] | None = None) -> str:
    node = snap.node_id(iri)
    if node not in graph:
        region, subregion = region_of(snap, iri)
        graph.add_node(node, label=snap.label(iri, lang), kind=snap.kind(iri), state=snap.code(iri), iri=iri,
                       region=region, subregion=subregion)
        if roles and iri in roles:
            graph.nodes[node]["role"] = roles[iri]
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


def _check_count(count: str) -> None:
    if count not in COUNTS:
        raise ViewError(f"count must be one of {', '.join(COUNTS)}, not {count!r}")


def _units(snap: Snapshot, count: str = "encounters") -> dict[str, tuple[str, str, set[str], int]]:
    """What a count counts -> (type, date, people, reports): each shared encounter, with the
    people every readout of it names and how many readouts report it; or, with ``count=
    "reports"``, each readout's report of an encounter."""
    _check_count(count)
    units: dict[str, tuple[str, str, set[str], int]] = {}
    for p in snap.participations:
        if count == "reports":
            for readout in snap.readouts_of.get(p.event, ("",)):
                units.setdefault(f"{p.event} {readout}", (p.type, p.date, set(), 1))[2].add(p.person)
            continue
        key = snap.encounter(p.event)
        kind, date, readouts = snap.shared.get(key, (p.type, p.date, snap.readouts_of.get(p.event, ("",))))
        units.setdefault(key, (kind, date or p.date, set(), len(readouts)))[2].add(p.person)
    return units


def interactions(snap: Snapshot, filters: Filters = Filters(), lang: str = "en", level: str = "person",
                 count: str = "encounters") -> nx.Graph:
    """Actors linked by shared encounters (weight = encounters, their dates, first/last date,
    types, and the readouts that report them)."""
    _no_statement_filters(filters, "interactions")
    if level not in ("person", "state"):
        raise ViewError(f"level must be person or state, not {level!r}")
    events = _units(snap, count)
    roles = _roles(snap, filters) if level == "person" else {}
    graph = nx.Graph()
    dates: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event, (kind, date, people, reports) in sorted(events.items()):
        if not filters.dated(date):
            continue
        if filters.states and not any(snap.code(p) in filters.states for p in people):
            continue
        actors = people if level == "person" else {snap.represents[p] for p in people if p in snap.represents}
        nodes = sorted({_add_actor(graph, snap, a, lang, roles) for a in actors})
        for a, b in itertools.combinations(nodes, 2):
            dates[(a, b)].append(date)
            if graph.has_edge(a, b):
                data = graph[a][b]
                data["weight"] += 1
                data["reports"] += reports
                data["first"], data["last"] = min(data["first"], date), max(data["last"], date)
                data["types"] = ";".join(sorted(set(data["types"].split(";")) | {kind}))
            else:
                graph.add_edge(a, b, weight=1, reports=reports, first=date, last=date, types=kind)
    for (a, b), seen in dates.items():
        graph[a][b]["dates"] = ";".join(sorted(seen))
    return _finish(graph, "interactions", lang)


def _topic_key(snap: Snapshot, topic: str | None) -> str:
    return _slug(snap.codes.get(topic) or re.split(r"[/#]", topic)[-1]) if topic else ""


def _statements(snap: Snapshot, count: str = "encounters") -> list[tuple[Statement, int]]:
    """Each statement with how many readouts state it: by encounter, the statements of one
    stance (endorser, stance, target, topic) that readouts of one encounter report are one,
    kept as the first of them; with ``count="reports"`` every readout's statement counts."""
    _check_count(count)
    if count == "reports":
        return [(s, 1) for s in snap.statements]
    groups: dict[tuple, list[Statement]] = {}
    for s in snap.statements:
        event = snap.stated_at.get(s.iri)
        at = snap.encounter(event) if event else f"readout {s.readout or s.iri}"  # no encounter: never merged
        groups.setdefault((at, s.endorser, s.stance, s.target, s.topic), []).append(s)
    out = []
    for members in groups.values():
        members.sort(key=lambda s: (s.date or "9999", s.iri))
        out.append((members[0], len({s.readout or s.iri for s in members})))
    return sorted(out, key=lambda item: item[0].iri)


def endorsements(snap: Snapshot, filters: Filters = Filters(), lang: str = "en", aggregate: bool = False,
                 count: str = "encounters") -> nx.Graph:
    """Endorser -> target per statement (MultiDiGraph), or per pair (DiGraph, ``aggregate``);
    ``reports`` says how many readouts state each."""
    multi = nx.MultiDiGraph()
    for s, reports in _statements(snap, count):
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
        multi.add_edge(a, b, key=snap.node_id(s.iri), weight=1, reports=reports, stance=s.stance,
                       signed=_SIGN.get(s.stance, 0),
                       topic=topic, topic_label=snap.label(s.topic, lang) if s.topic else "", first=s.date or "",
                       last=s.date or "", readout=snap.node_id(s.readout) if s.readout else "")
    if not aggregate:
        return _finish(multi, "endorsements", lang)
    graph = nx.DiGraph()
    graph.add_nodes_from(multi.nodes(data=True))
    dated: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a, b, data in multi.edges(data=True):
        if not graph.has_edge(a, b):
            graph.add_edge(a, b, weight=0, reports=0, first=data["first"], last=data["last"], topics="",
                           **{stance: 0 for stance in STANCES})
        edge = graph[a][b]
        edge["weight"] += 1
        edge["reports"] += data["reports"]
        edge[data["stance"]] += 1
        edge["first"] = min(filter(None, (edge["first"], data["first"])), default="")
        edge["last"] = max(edge["last"], data["last"])
        edge["topics"] = ";".join(sorted(set(filter(None, edge["topics"].split(";"))) | {data["topic"]} - {""}))
        if data["first"]:
            dated[(a, b)].append(f"{data['first']} {data['stance']}")
    for a, b, edge in graph.edges(data=True):
        edge["signed"] = edge["support"] - edge["oppose"]
        edge["stance"] = net_stance(edge["support"], edge["oppose"], edge["congratulate"])
        edge["dated_stances"] = ";".join(sorted(dated[(a, b)]))
    return _finish(graph, "endorsements", lang)


def net_stance(support: int, oppose: int, congratulate: int) -> str:
    """support or oppose (whichever is more), congratulate when there is nothing else, else mixed."""
    if support != oppose:
        return "support" if support > oppose else "oppose"
    return "congratulate" if not support and congratulate else "mixed"


def affiliations(snap: Snapshot, filters: Filters = Filters(), lang: str = "en") -> nx.Graph:
    """Person - post - state or organisation, each link dated by the encounters it is reported at."""
    _no_statement_filters(filters, "affiliations")
    graph = nx.Graph()
    roles = _roles(snap, filters)
    for h in snap.holdings:
        code = snap.codes.get(h.organization, "")
        if not filters.dated(h.date) or (filters.states and code not in filters.states):
            continue
        person = _add_actor(graph, snap, h.person, lang, roles)
        actor = _add_actor(graph, snap, h.organization, lang)
        post = f"post/{code or snap.node_id(h.organization)}/{h.role}"
        if post not in graph:
            region, subregion = region_of(snap, h.organization)
            graph.add_node(post, label=f"{h.role.replace('_', ' ')} ({snap.label(h.organization, lang)})", kind="post",
                           state=code, iri="", region=region, subregion=subregion, role=h.role)
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


def resolve_node(graph: nx.Graph, name: str, registry: Any = None) -> str:
    """A node of ``graph`` from its id, IRI, code (CHN: the state) or label (any case); with
    ``registry``, also from any spelling of an official or name of a state ("Kouleba", "王毅")."""
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
    if registry is not None:
        from kg.knowledge.lookup import Lookup
        from kg.graph.rdf import Minter

        found = Lookup(registry).find(name, ("person", "state", "organization"))  # did you mean ... when nothing
        if found.kind == "person":
            iri = str(Minter(graph.graph.get("base", DEFAULT_BASE)).person(found.value, found.country))
            hits = [n for n, d in graph.nodes(data=True) if d.get("iri") == iri or n.endswith(iri.rsplit("/id/", 1)[-1])]
        else:
            hits = [n for n, d in graph.nodes(data=True) if d.get("kind") in ("state", "organization")
                    and d.get("state") == found.value]
        if len(hits) == 1:
            return hits[0]
        raise ViewError(f"{name!r} ({found.value}) is not in this view")
    raise ViewError(f"no node {name!r} in this view (give a node id such as state/CHN, a code or a label)")


def ego(graph: nx.Graph, center: str, radius: int = 1, registry: Any = None) -> nx.Graph:
    """The nodes within ``radius`` links of ``center`` (links followed both ways)."""
    if radius < 0:
        raise ViewError("--radius must be 0 or more")
    out = nx.ego_graph(graph, resolve_node(graph, center, registry), radius=radius, undirected=True)
    return _finish(out, graph.graph.get("view", ""), graph.graph.get("lang", "en"))


def build_view(name: str, snap: Snapshot, filters: Filters = Filters(), lang: str = "en", level: str = "person",
               aggregate: bool = False, center: str | None = None, radius: int = 1, registry: Any = None,
               count: str = "encounters") -> nx.Graph:
    """The view ``name`` (one of VIEWS), filtered, optionally cut to an ego network; weights
    count encounters (or every readout's report, ``count="reports"``)."""
    if lang not in LANGS:
        raise ViewError(f"unknown label language {lang!r}; expected one of {', '.join(LANGS)}")
    _check_count(count)
    if name == "interactions":
        graph = interactions(snap, filters, lang, level, count)
    elif name == "endorsements":
        graph = endorsements(snap, filters, lang, aggregate, count)
    elif name == "affiliations":
        graph = affiliations(snap, filters, lang)
    else:
        raise ViewError(f"unknown view {name!r}; expected one of {', '.join(VIEWS)}")
    return ego(graph, center, radius, registry) if center else graph


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


def _betweenness(simple: nx.Graph) -> tuple[dict[str, float], int | None]:
    """Betweenness centrality, and the pivots it was estimated from (None: exact). Exact
    betweenness costs a search from every node (6 s at 1,500 nodes); above
    BETWEENNESS_EXACT_NODES it is estimated from BETWEENNESS_PIVOTS sources drawn with
    ``SEED`` from the sorted nodes, so the figures are the same on every run."""
    if simple.number_of_nodes() <= BETWEENNESS_EXACT_NODES:
        return nx.betweenness_centrality(simple), None
    return _sampled_betweenness(simple, BETWEENNESS_PIVOTS, SEED), BETWEENNESS_PIVOTS


def _sampled_betweenness(graph: nx.Graph, pivots: int, seed: int) -> dict[str, float]:
    """Normalised betweenness of an undirected, unweighted graph estimated from ``pivots``
    sources: Brandes' accumulation over integer-indexed lists, the same figures as
    ``nx.betweenness_centrality(graph, k=pivots, seed=seed)`` in half its time."""
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    neighbours = [[index[other] for other in graph[node]] for node in nodes]
    n = len(nodes)
    sources = [index[node] for node in random.Random(seed).sample(nodes, pivots)]  # as networkx draws them
    total = [0.0] * n
    for source in sources:
        distance, paths, before = [-1] * n, [0] * n, [[] for _ in range(n)]
        distance[source], paths[source] = 0, 1
        reached = [source]
        for v in reached:  # breadth first: the list grows while it is walked
            step, count = distance[v] + 1, paths[v]
            for w in neighbours[v]:
                if distance[w] < 0:
                    distance[w] = step
                    reached.append(w)
                if distance[w] == step:
                    paths[w] += count
                    before[w].append(v)
        share = [0.0] * n
        for w in reversed(reached):
            factor = (1.0 + share[w]) / paths[w]
            for v in before[w]:
                share[v] += paths[v] * factor
            if w != source:
                total[w] += share[w]
    # networkx's rescaling for a sample without endpoints: a source is never its own target
    pairs = n - 2
    as_source, otherwise = 1 / ((pivots - 1) * pairs), 1 / (pivots * pairs)
    drawn = set(sources)
    return {nodes[i]: total[i] * (as_source if i in drawn else otherwise) for i in range(n)}


def metrics(graph: nx.Graph) -> dict[str, Any]:
    """Degree, degree and betweenness centrality, Louvain communities (seed ``SEED``);
    ``betweenness_pivots`` is None when betweenness is exact, else how many sources it was
    estimated from (views of more than BETWEENNESS_EXACT_NODES nodes)."""
    simple = _simple(graph)
    communities = nx.community.louvain_communities(simple, weight="weight", seed=SEED) if simple.number_of_edges() else []
    ordered = sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c[0]))
    betweenness, pivots = _betweenness(simple)
    return {
        "degree": dict(sorted(simple.degree())),
        "degree_centrality": {n: round(v, 6) for n, v in sorted(nx.degree_centrality(simple).items())},
        "betweenness": {n: round(v, 6) for n, v in sorted(betweenness.items())},
        "betweenness_pivots": pivots,
        "communities": ordered,
    }


def counterparts(snap: Snapshot, filters: Filters = Filters(), lang: str = "en", top: int = 3,
                 count: str = "encounters") -> list[dict[str, Any]]:
    """The ``top`` most frequent counterparts of each state (or organisation) per year."""
    _no_statement_filters(filters, "counterparts")
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for _, date, people, _ in _units(snap, count).values():
        if not filters.dated(date):
            continue
        actors = {snap.represents[p] for p in people if p in snap.represents}
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


def _encounters(snap: Snapshot, filters: Filters, count: str = "encounters") -> dict[str, tuple[str, str, set[str]]]:
    """Encounter (or report) -> (type, date, the states and organisations present), within ``filters``."""
    events: dict[str, tuple[str, str, set[str]]] = {}
    for unit, (kind, date, people, _) in _units(snap, count).items():
        if filters.dated(date):
            events[unit] = (kind, date, {snap.represents[p] for p in people if p in snap.represents})
    if filters.states:
        events = {e: v for e, v in events.items() if {snap.code(a) for a in v[2]} & filters.states}
    return events


def encounters_per_year(snap: Snapshot, filters: Filters = Filters(), count: str = "encounters") -> list[dict[str, Any]]:
    """Encounters per year and type (rows ``year, type, encounters``); --state keeps those it took part in."""
    _no_statement_filters(filters, "encounters-per-year")
    counts = Counter((date[:4], kind) for kind, date, _ in _encounters(snap, filters, count).values())
    return [{"year": year, "type": kind, "encounters": n} for (year, kind), n in sorted(counts.items())]


def stances_per_year(snap: Snapshot, filters: Filters = Filters(), count: str = "encounters") -> list[dict[str, Any]]:
    """Statements per year and stance (rows ``year, stance, statements``), with the endorsements view's filters."""
    graph = endorsements(snap, filters, count=count)
    counts = Counter((d["first"][:4], d["stance"]) for _, _, d in graph.edges(data=True) if d["first"])
    return [{"year": year, "stance": stance, "statements": n} for (year, stance), n in sorted(counts.items())]


def counterpart_years(snap: Snapshot, state: str, filters: Filters = Filters(), lang: str = "en",
                      top: int = 10, count: str = "encounters") -> list[dict[str, Any]]:
    """Encounters of ``state`` (an ISO3 or organisation code) with each of its ``top`` most
    frequent counterparts, per year (rows ``counterpart, label, year, encounters``), busiest first."""
    _no_statement_filters(filters, "counterparts")
    code = state.upper()
    ours = [iri for iri, c in snap.codes.items() if c == code]
    if not ours:
        raise ViewError(f"no state or organisation with code {state!r} in this graph")
    counts: dict[str, Counter] = defaultdict(Counter)
    for _, date, actors in _encounters(snap, filters, count).values():
        if actors & set(ours):
            for theirs in actors - set(ours):
                counts[theirs][date[:4]] += 1
    ranked = sorted(counts, key=lambda a: (-sum(counts[a].values()), snap.code(a)))[:top]
    return [{"counterpart": snap.code(a), "label": snap.label(a, lang), "year": year, "encounters": n}
            for a in ranked for year, n in sorted(counts[a].items())]


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


def _sampled_note(stats: dict[str, Any]) -> str:
    pivots = stats.get("betweenness_pivots")
    if not pivots:
        return ""
    return (f"betweenness: sampled over {pivots} pivots (seed {SEED}), an estimate; "
            f"exact up to {BETWEENNESS_EXACT_NODES} nodes\n")


def describe(graph: nx.Graph, limit: int = 25) -> str:
    """Nodes (busiest first), edges (heaviest first) and metrics as aligned text tables."""
    from kg.sparql.results import table

    stats = metrics(graph)
    community = {n: i + 1 for i, members in enumerate(stats["communities"]) for n in members}
    nodes = sorted(graph.nodes(data=True), key=lambda n: (-stats["degree"].get(n[0], 0), n[0]))
    node_rows = [[n, d.get("label", ""), d.get("kind", ""), d.get("state", ""), str(stats["degree"].get(n, 0)),
                  f"{stats['betweenness'].get(n, 0):.3f}", str(community.get(n, ""))] for n, d in nodes]
    edges = [d | {"source": a, "target": b} for a, b, d in graph.edges(data=True)]
    columns = ["source", "target"] + _columns(edges, ["weight", "stance", "topic", "first", "last"],
                                              {"source", "target", "dates", "dated_stances", "topic_label", "readout"})
    edges.sort(key=lambda d: (-d.get("weight", 1), d.get("first", ""), d["source"], d["target"]))
    edge_rows = [_row_values(d, columns) for d in edges]
    shown = limit or max(len(node_rows), len(edge_rows), 1)
    kind = "directed" if graph.is_directed() else "undirected"
    parts = [f"{graph.graph.get('view', 'view')}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} {kind} "
             f"edges, {len(stats['communities'])} communit{'y' if len(stats['communities']) == 1 else 'ies'} "
             f"(labels: {graph.graph.get('lang', 'en')})\n" + _sampled_note(stats),
             "nodes\n" + table(["id", "label", "kind", "state", "degree", "betweenness", "community"], node_rows[:shown]),
             "edges\n" + table(columns, edge_rows[:shown])]
    more = [f"{len(rows) - shown} more {what} (--limit 0 shows all)"
            for rows, what in ((node_rows, "nodes"), (edge_rows, "edges")) if len(rows) > shown]
    return "\n".join(parts) + ("\n".join(more) + "\n" if more else "")


def comparison(comparisons: Iterable[Any]) -> list[dict[str, Any]]:
    """For each encounter two or more readouts report (:func:`kg.views.compare.compare`), what one
    readout says and another leaves out: rows ``date, type, sides, readouts, only_in, claim,
    value, sentence, encounter``."""
    rows = []
    for c in comparisons:
        for claim in c.claims:
            if claim.only_here:
                rows.append({"date": c.date or "", "type": c.type, "sides": " ".join(c.sides), "readouts": len(c.readouts),
                             "only_in": claim.readout, "claim": claim.kind, "value": claim.value,
                             "sentence": claim.sentence, "encounter": c.encounter})
    return rows

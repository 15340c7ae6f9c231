"""Graph views written for Gephi and other tools: GEXF 1.3, GraphML, CSV.

The GEXF writer is our own (networkx's writes attributes GEXF 1.3's grammar rejects): node
labels, the attributes a Gephi user filters on (``kind``, ``state``, ``region``,
``subregion``, ``role``), ``viz:color`` by kind for nodes and by stance for endorsement
edges, ``viz:size`` by degree, edge weights. When the edges carry dates the graph is dynamic
(``timeformat="date"``) and tells the timeline the truth: each edge has one ``<spell>`` per
encounter (or statement) day, each node one per day it took part, and the weight is a
dynamic attribute (GEXF's reserved ``weight`` attribute, ``<attvalue for="weight" start
end>``) that steps up at each encounter, so at any date it is the count of encounters up to
that date. Endorsement edges also carry ``signed`` (support +1, oppose -1; congratulations
apart) and the count of each stance, stepping the same way. Every string is XML-escaped and
stripped of the characters XML 1.0 cannot hold; output depends only on the graph (sorted,
no clock).

CSV follows Gephi's spreadsheet import: ``nodes.csv`` (Id, Label, ...) and ``edges.csv``
(Source, Target, Type, Id, Label, Weight, ...), written into a folder.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from kg import __version__
from kg.errors import ViewError
from kg.sparql.results import xml_text
from kg.files import atomic_writer

__all__ = ["generate_gexf", "write_gexf", "write_graphml", "generate_csv", "write_csv", "export", "edge_timeline",
           "EXPORT_FORMATS", "KIND_COLORS", "STANCE_COLORS"]

EXPORT_FORMATS = ("gexf", "graphml", "csv")
# colours chosen apart: nodes by kind, edges by stance (green, red and orange are the stances')
KIND_COLORS = {
    "person": (66, 133, 244),
    "state": (0, 151, 167),
    "organization": (142, 68, 173),
    "post": (244, 180, 0),
    "other": (150, 150, 150),
}
STANCE_COLORS = {
    "support": (46, 160, 67),
    "oppose": (214, 39, 40),
    "congratulate": (245, 124, 0),
    "mixed": (120, 120, 120),  # an aggregated edge with as much support as opposition
}
_NODE_FIRST = ["kind", "state", "region", "subregion", "role", "iri", "degree"]
_EDGE_SKIP = {"weight", "first", "last"}  # weight and dates have GEXF attributes of their own
_TIMELINE = {"dates", "dated_stances"}  # per-encounter dates: spells and dynamic values in a dynamic graph
_COUNTS = ("signed", "support", "oppose", "congratulate")  # endorsement counts: dynamic like the weight
_SIGN = {"support": 1, "oppose": -1}


def _clean(value: str) -> str:
    return xml_text(value)


def _attr(value: str) -> str:
    """An XML attribute value: escaped, no forbidden characters, whitespace kept as references."""
    value = _clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return value.replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")


def _token(value: str) -> str:
    """A GEXF label (xsd:token): one line, single spaces."""
    return " ".join(_clean(value).split())


def _degrees(graph: nx.Graph) -> dict[str, int]:
    """Distinct neighbours of each node, whatever the direction or number of parallel edges."""
    return {n: len(set(nx.all_neighbors(graph, n)) - {n}) for n in graph.nodes}


def _gexf_type(values: Iterable[Any]) -> str:
    values = [v for v in values if v is not None]
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "long" if any(abs(v) >= 2**31 for v in values) else "integer"
    if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _edges(graph: nx.Graph) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(source, target, id, data) in file order."""
    if graph.is_multigraph():
        rows = [(a, b, str(k), d) for a, b, k, d in graph.edges(keys=True, data=True)]
    else:
        rows = [(a, b, "", d) for a, b, d in graph.edges(data=True)]
    return [(a, b, key or str(i), d) for i, (a, b, key, d) in enumerate(rows)]


def _declarations(cls: str, items: list[dict[str, Any]], first: list[str], skip: set[str]) -> tuple[list[str], list[str]]:
    keys = [k for k in first if any(k in d for d in items)]
    keys += sorted({k for d in items for k in d} - set(first) - skip - {"label"})
    lines = [f'    <attributes class="{cls}" mode="static">']
    lines += [f'      <attribute id="{_attr(k)}" title="{_attr(k)}" type="{_gexf_type(d.get(k) for d in items)}"/>'
              for k in keys]
    return keys, lines + ["    </attributes>"]


def _attvalues(data: dict[str, Any], keys: list[str], indent: str) -> list[str]:
    values = [f'{indent}  <attvalue for="{_attr(k)}" value="{_attr(_text(data[k]))}"/>'
              for k in keys if data.get(k) is not None]
    return [f"{indent}<attvalues>", *values, f"{indent}</attvalues>"] if values else []


def _span(start: str | None, end: str | None) -> str:
    return (f' start="{start}"' if start else "") + (f' end="{end}"' if end else "")


def edge_timeline(data: dict[str, Any]) -> list[tuple[str, str]] | None:
    """(date, stance or "") of each dated encounter or statement an edge stands for, sorted;
    None when the edge does not say (dates only as a first-last range)."""
    if data.get("dated_stances"):
        return sorted(tuple(item.split(" ", 1)) for item in data["dated_stances"].split(";"))  # type: ignore[misc]
    if data.get("dates"):
        return [(date, "") for date in sorted(data["dates"].split(";"))]
    if "dated_stances" in data:  # an aggregated endorsement whose statements are all undated
        return []
    if data.get("first") and data.get("last", data["first"]) == data["first"] and float(data.get("weight", 1)) == 1:
        return [(data["first"], data.get("stance", ""))]  # one statement, one encounter
    return None if data.get("first") else []


def _day_before(date: str) -> str:
    try:
        return (dt.date.fromisoformat(date[:10]) - dt.timedelta(days=1)).isoformat()
    except ValueError:
        raise ViewError(f"not an ISO date on an edge: {date!r}") from None


def _steps(timeline: list[tuple[str, str]], keys: list[str], end: str) -> list[tuple[str, str, dict[str, int]]]:
    """(start, end, values) intervals, one per encounter day: the weight (and each of ``keys``)
    counted over every encounter up to that day, held until the day before the next one."""
    days = sorted({date for date, _ in timeline})
    per_day: dict[str, Counter] = {day: Counter() for day in days}
    for date, stance in timeline:
        per_day[date]["weight"] += 1
        per_day[date][stance] += 1
        per_day[date]["signed"] += _SIGN.get(stance, 0)
    total: Counter = Counter()
    steps = []
    for i, day in enumerate(days):
        total.update(per_day[day])
        until = _day_before(days[i + 1]) if i + 1 < len(days) else max(end, day)
        steps.append((day, until, {k: total[k] for k in ["weight", *keys]}))
    return steps


def _merged(spans: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """Spells that neither overlap nor repeat (Gephi refuses overlapping intervals)."""
    out: list[tuple[str, str]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _spells(spans: list[tuple[str, str]], indent: str) -> list[str]:
    if not spans:
        return []
    return [f"{indent}<spells>", *[f'{indent}  <spell{_span(a, b)}/>' for a, b in spans], f"{indent}</spells>"]


def generate_gexf(graph: nx.Graph) -> str:
    """``graph`` as a GEXF 1.3 document (valid against the official RELAX NG grammar)."""
    degrees = _degrees(graph)
    top = max(degrees.values(), default=0) or 1
    nodes = [(n, dict(d, degree=degrees[n])) for n, d in graph.nodes(data=True)]
    edges = _edges(graph)
    timelines = [edge_timeline(d) for *_, d in edges]
    dynamic = any(d.get("first") or t for (*_, d), t in zip(edges, timelines))
    edge_spans: list[list[tuple[str, str]]] = []
    for (*_, d), timeline in zip(edges, timelines):
        if timeline is None:  # only a first-last range is known
            edge_spans.append([(d["first"], d.get("last") or d["first"])])
        else:
            edge_spans.append([(day, day) for day in sorted({date for date, _ in timeline})])
    spans: dict[str, set[tuple[str, str]]] = {n: set() for n in graph.nodes}
    for (a, b, _, _), own in zip(edges, edge_spans):
        spans[a].update(own)
        spans[b].update(own)
    end = max((b for own in edge_spans for _, b in own), default="")
    start = min((a for own in edge_spans for a, _ in own), default="")
    counted = [k for k in _COUNTS if any(k in d for *_, d in edges)] if dynamic else []
    node_keys, node_decl = _declarations("node", [d for _, d in nodes], _NODE_FIRST, set())
    skip = _EDGE_SKIP | (_TIMELINE | set(counted) if dynamic else set())
    edge_keys, edge_decl = _declarations("edge", [d for *_, d in edges], [], skip)
    if dynamic:
        edge_decl += ['    <attributes class="edge" mode="dynamic">',
                      '      <attribute id="weight" title="weight" type="double"/>',
                      *[f'      <attribute id="{k}" title="{k}" type="integer"/>' for k in counted],
                      "    </attributes>"]
    mode = f' mode="dynamic" timeformat="date"{_span(start, end)}' if dynamic else ' mode="static"'
    kind = "directed" if graph.is_directed() else "undirected"
    description = f"{graph.graph.get('view', 'graph')} view of readout-kg (labels: {graph.graph.get('lang', 'en')})"
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
             f"  <meta>\n    <creator>readout-kg {__version__}</creator>\n"
             f"    <description>{_attr(description)}</description>\n  </meta>",
             f'  <graph defaultedgetype="{kind}"{mode}>', *node_decl, *edge_decl, f'    <nodes count="{len(nodes)}">']
    for n, d in nodes:
        r, g, b = KIND_COLORS.get(d.get("kind", "other"), KIND_COLORS["other"])
        lines += [f'      <node id="{_attr(n)}" label="{_attr(_token(str(d.get("label", n))))}">',
                  *_attvalues(d, node_keys, "        "),
                  *(_spells(_merged(spans[n]), "        ") if dynamic else []),
                  f'        <viz:color r="{r}" g="{g}" b="{b}"/>',
                  f'        <viz:size value="{10 + 40 * degrees[n] / top:.2f}"/>',
                  "      </node>"]
    lines += ["    </nodes>", f'    <edges count="{len(edges)}">']
    for (a, b, key, d), timeline, own in zip(edges, timelines, edge_spans):
        label = d.get("topic") or d.get("types") or ""
        extra = f' label="{_attr(_token(label))}"' if label else ""
        extra += f' kind="{_attr(_token(d["stance"]))}"' if graph.is_multigraph() and d.get("stance") else ""
        body = _attvalues(d, edge_keys, "        ")
        if dynamic and timeline:
            keys = [k for k in counted if k in d]
            values = [f'          <attvalue for="{k}" value="{v}"{_span(since, until)}/>'
                      for since, until, step in _steps(timeline, keys, end) for k, v in step.items()]
            body = ["        <attvalues>", *body[1:-1], *values, "        </attvalues>"]
        if dynamic:
            body += _spells(own, "        ")
        if d.get("stance") in STANCE_COLORS:
            r, g, b_ = STANCE_COLORS[d["stance"]]
            body.append(f'        <viz:color r="{r}" g="{g}" b="{b_}"/>')
        head = (f'      <edge id="{_attr(key)}" source="{_attr(a)}" target="{_attr(b)}"'
                f' weight="{float(d.get("weight", 1))!r}"{extra}')
        lines += [head + ">", *body, "      </edge>"] if body else [head + "/>"]
    lines += ["    </edges>", "  </graph>", "</gexf>"]
    return "\n".join(lines) + "\n"


def write_gexf(graph: nx.Graph, path: Path) -> Path:
    with atomic_writer(path) as handle:
        handle.write(generate_gexf(graph))
    return path


def _plain(graph: nx.Graph) -> nx.Graph:
    """A copy with degree added, strings cleaned for XML and empty values dropped."""
    degrees = _degrees(graph)
    out = graph.__class__()

    def clean(data: dict[str, Any]) -> dict[str, Any]:
        return {k: _clean(v) if isinstance(v, str) else v for k, v in data.items() if v is not None and v != ""}

    for n, d in graph.nodes(data=True):
        out.add_node(_clean(n), **clean(dict(d, degree=degrees[n])))
    for a, b, key, d in _edges(graph):
        if graph.is_multigraph():
            out.add_edge(_clean(a), _clean(b), key=_clean(key), **clean(d))
        else:
            out.add_edge(_clean(a), _clean(b), **clean(d))
    return out


def write_graphml(graph: nx.Graph, path: Path) -> Path:
    """GraphML with the attributes of the GEXF export (networkx's writer)."""
    buffer = io.BytesIO()
    nx.write_graphml(_plain(graph), buffer, encoding="utf-8", prettyprint=True)
    with atomic_writer(path, binary=True) as handle:
        handle.write(buffer.getvalue())
    return path


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else _clean(_text(v)) for v in row] for row in rows])
    return buffer.getvalue()


def generate_csv(graph: nx.Graph) -> tuple[str, str]:
    """(nodes.csv, edges.csv) texts in Gephi's spreadsheet layout."""
    degrees = _degrees(graph)
    nodes = [(n, dict(d, degree=degrees[n])) for n, d in graph.nodes(data=True)]
    node_keys = [k for k in _NODE_FIRST if any(k in d for _, d in nodes)]
    node_keys += sorted({k for _, d in nodes for k in d} - set(_NODE_FIRST) - {"label"})
    node_text = _csv(["Id", "Label", *node_keys], [[n, d.get("label", n), *[d.get(k) for k in node_keys]] for n, d in nodes])
    edges = _edges(graph)
    edge_keys = [k for k in ("first", "last") if any(k in d for *_, d in edges)]
    edge_keys += sorted({k for *_, d in edges for k in d} - {"weight", "first", "last"})
    kind = "Directed" if graph.is_directed() else "Undirected"
    rows = [[a, b, kind, key, d.get("topic") or d.get("types") or "", d.get("weight", 1), *[d.get(k) for k in edge_keys]]
            for a, b, key, d in edges]
    return node_text, _csv(["Source", "Target", "Type", "Id", "Label", "Weight", *edge_keys], rows)


def write_csv(graph: nx.Graph, folder: Path) -> list[Path]:
    """Write ``folder/nodes.csv`` and ``folder/edges.csv``."""
    if folder.exists() and not folder.is_dir():
        raise ViewError(f"{folder} is a file; CSV export writes nodes.csv and edges.csv into a folder")
    written = []
    for name, text in zip(("nodes.csv", "edges.csv"), generate_csv(graph)):
        with atomic_writer(folder / name) as handle:
            handle.write(text)
        written.append(folder / name)
    return written


def export(graph: nx.Graph, fmt: str, target: Path) -> list[Path]:
    """Write ``graph`` as ``fmt`` (gexf, graphml: a file; csv: a folder); the paths written."""
    if fmt == "gexf":
        return [write_gexf(graph, target)]
    if fmt == "graphml":
        return [write_graphml(graph, target)]
    if fmt == "csv":
        return write_csv(graph, target)
    raise ViewError(f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")

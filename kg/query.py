"""SPARQL over a built or published dump, and the ready queries of ``queries/``.

The dump is loaded into an embedded pyoxigraph store; queries see the union of every
named graph as their default graph (``GRAPH ?g { ... }`` still reaches each readout's
own graph). The union is stored once as the default graph rather than asked for with
pyoxigraph's ``use_default_graph_as_union``, which yields a triple once per graph holding
it (a state named in six readouts would count six times); SPARQL's merge is a set, as in
rdflib. With no dump named, ``build/`` is used, built from ``sources/`` first when it
is missing or older than any source file.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from kg.errors import DumpNotFound, QueryError
from kg.namespaces import BINDINGS, DEFAULT_BASE
from kg.rdf import Minter
from kg.results import QueryResult
from kg.sources import list_sources
from kg.statistics import add_statistics
from kg.store import REPORT_JSON, find_dump, load_store

__all__ = ["queries_dir", "list_queries", "read_query", "describe_query", "is_stale", "ensure_dump", "open_store",
           "ensure_union", "run_query", "DEFAULT_PREFIXES"]

# prefixes a query may use without declaring them (`kg query -e 'SELECT ?p { ?p a kg:Person }'`)
DEFAULT_PREFIXES = {name: str(ns) for name, ns in BINDINGS.items()} | {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "id": DEFAULT_BASE,
}
STATISTICS_GRAPH = str(Minter(DEFAULT_BASE).statistics_graph())  # where a dump without one gets its tallies


def queries_dir() -> Path:
    """The ready queries: ``kg/queries`` once installed from a wheel, ``queries/`` in a checkout."""
    packaged = Path(str(resources.files("kg") / "queries"))
    if packaged.is_dir() and any(packaged.glob("*.rq")):
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "queries"
    if checkout.is_dir():
        return checkout
    raise QueryError(f"no ready queries found (looked in {packaged} and {checkout})")


def list_queries() -> dict[str, Path]:
    """Every ready query by name (its file name without ``.rq``), sorted."""
    return {p.stem: p for p in sorted(queries_dir().glob("*.rq"))}


def read_query(name: str) -> str:
    """The text of the ready query ``name``."""
    known = list_queries()
    if name not in known:
        raise QueryError(f"no ready query {name!r}; known: {', '.join(known) or '(none)'}")
    return known[name].read_text(encoding="utf-8")


def describe_query(text: str) -> str:
    """The opening ``#`` comment of a query, joined into one line: what the query answers."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return " ".join(line for line in lines if line)


def _newest_source(sources: Path) -> float:
    stamps = [p.stat().st_mtime for p in sources.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return max(stamps, default=0.0)


def _built_from(build_dir: Path) -> set[str] | None:
    """The source names the build's report lists, or None without a readable report."""
    try:
        report = json.loads((build_dir / REPORT_JSON).read_text(encoding="utf-8"))
        return {d["source"] for d in report["documents"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(build_dir: Path, sources: Path) -> bool:
    """True when ``build_dir`` has no dump, its dump is older than any file in ``sources``,
    or its report lists other readouts than ``sources`` holds (built from another folder)."""
    try:
        dump = find_dump(build_dir)
    except DumpNotFound:
        return True
    if not sources.is_dir():
        return False
    if dump.stat().st_mtime < _newest_source(sources):
        return True
    built = _built_from(build_dir)
    return built is not None and built != {p.relative_to(sources).as_posix() for p in list_sources(sources)}


def ensure_dump(dump_dir: Path | None = None, sources: Path = Path("sources"), build_dir: Path = Path("build"),
                on_build: Callable[[Path, Path], None] | None = None) -> Path:
    """The dump to query: the one in ``dump_dir`` (a build or publish folder) when given;
    else ``build_dir``'s, rebuilt from ``sources`` first when missing or stale."""
    if dump_dir is not None:
        if not dump_dir.is_dir():
            raise DumpNotFound(f"{dump_dir} is not a folder (expected a build or publish folder)")
        return find_dump(dump_dir)
    if is_stale(build_dir, sources):
        if not sources.is_dir():
            raise DumpNotFound(f"no dump in {build_dir} and no sources folder {sources} to build it from")
        from kg.build import build

        if on_build:
            on_build(sources, build_dir)
        build(sources, build_dir)
    return find_dump(build_dir)


def open_store(dump_dir: Path | None = None, sources: Path = Path("sources"), build_dir: Path = Path("build"),
               on_build: Callable[[Path, Path], None] | None = None) -> Any:
    """A pyoxigraph store loaded with the dump :func:`ensure_dump` picks, union included."""
    return ensure_union(load_store(ensure_dump(dump_dir, sources, build_dir, on_build)), force=True)


def ensure_union(store: Any, force: bool = False) -> Any:
    """Put the set union of the named graphs of ``store`` into its default graph: always with
    ``force`` (a freshly loaded dump), else only while the default graph is empty (cheap to ask).
    A dump without a statistics graph (not made by ``kg build``) gets one first, so that the
    ready queries that read it answer the same over any dump."""
    import pyoxigraph as ox

    if force or next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None:
        add_statistics(store, STATISTICS_GRAPH)  # a dump not made by `kg build` has none yet
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


def run_query(store: Any, text: str) -> QueryResult:
    """Run ``text`` on ``store`` (default graph = union of named graphs) and hold the results."""
    import pyoxigraph as ox

    ensure_union(store)
    try:
        answer = store.query(text, prefixes=DEFAULT_PREFIXES)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            return QueryResult("graph", triples=list(answer))
        variables = [v.value for v in answer.variables]
        rows = [tuple(solution[i] for i in range(len(variables))) for solution in answer]
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL: {exc}") from exc
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from exc
    return QueryResult("select", variables, rows)

"""SPARQL over a built or published dump, and the ready queries of ``queries/``.

The dump is read through an embedded pyoxigraph store (the one ``kg build`` keeps on disk,
else the dump loaded into memory); queries see the union of every
named graph as their default graph (``GRAPH ?g { ... }`` still reaches each readout's
own graph). The union is stored once as the default graph rather than asked for with
pyoxigraph's ``use_default_graph_as_union``, which yields a triple once per graph holding
it (a state named in six readouts would count six times); SPARQL's merge is a set, as in
rdflib. With no dump named, ``build/`` is used, built from ``sources/`` first when it
is missing or older than any source file.

A SELECT that closes with ``ORDER BY`` of plain variables is asked without it and its rows
sorted in Python, in the order the engine gives (:mod:`kg.sparql.order`): pyoxigraph sorts
slowly on a store kept on disk. Such an answer is held whole before it is written.

A query is checked before it reaches the engine (:mod:`kg.sparql.check`: length and
nesting limits, no updates), and the engine runs on a thread whose stack is large enough
for any query within those limits: pyoxigraph's parser and evaluator recurse per nesting
level, and a deep query on an ordinary stack kills the process.
"""

from __future__ import annotations

import json
import os
import threading
import traceback
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeVar

from kg.errors import DumpNotFound, QueryError
from kg.namespaces import BINDINGS, DEFAULT_BASE
from kg.sparql.results import QueryResult, limit_rows, stream
from kg.sparql.check import MAX_QUERY_LENGTH, QueryTooComplex, check_query, explain_syntax_error
from kg.build.store import DUMP_NQ, REPORT_JSON, find_dump, load_store, open_kept_store

__all__ = ["queries_dir", "list_queries", "read_query", "read_query_file", "describe_query", "is_stale", "ensure_dump",
           "open_store", "ensure_union", "run_query", "stream_query", "write_query", "on_deep_stack",
           "DEFAULT_PREFIXES", "QUERY_STACK_BYTES"]

# prefixes a query may use without declaring them (`kg query -e 'SELECT ?p { ?p a kg:Person }'`)
DEFAULT_PREFIXES = {name: str(ns) for name, ns in BINDINGS.items()} | {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "id": DEFAULT_BASE,
}
# the stack of the thread that runs the engine: the deepest query within kg.sparql.check's limits
# (100,000 characters of nested or chained operators) needs under 100 MiB; only what is used is paid for
QUERY_STACK_BYTES = 256 << 20
# Extraction, statistics and source listing are imported where they are used: `kg query` then
# starts without loading the extractor (a quarter of a second of its start-up time).


def _statistics_graph() -> str:
    """Where a dump without a statistics graph gets its tallies."""
    from kg.graph.rdf import Minter

    return str(Minter(DEFAULT_BASE).statistics_graph())


def __getattr__(name: str) -> Any:  # STATISTICS_GRAPH, computed when first asked for
    if name == "STATISTICS_GRAPH":
        return _statistics_graph()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def queries_dir() -> Path:
    """The ready queries: ``kg/queries`` once installed from a wheel, ``queries/`` in a checkout."""
    packaged = Path(str(resources.files("kg") / "queries"))
    if packaged.is_dir() and any(packaged.glob("*.rq")):
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "queries"
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


def read_query_file(path: Path) -> str:
    """The text of a query file: a regular file of UTF-8, read no further than the length limit."""
    if not path.is_file():
        raise QueryError(f"{path}: not a regular file")
    with open(path, "rb") as handle:
        data = handle.read(4 * MAX_QUERY_LENGTH + 4)  # UTF-8: at most 4 bytes a character
    if len(data) > 4 * MAX_QUERY_LENGTH:
        raise QueryTooComplex(f"{path}: query too long; the limit is {MAX_QUERY_LENGTH:,} characters")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise QueryError(f"{path}: not UTF-8 text (byte {exc.start})") from exc


def describe_query(text: str) -> str:
    """The opening ``#`` comment of a query, joined into one line: what the query answers
    (its ``@param`` lines left to :func:`kg.sparql.params.query_params`)."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if line.lstrip("#").strip().startswith("@param"):
            continue
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
    from kg.sources.reader import list_sources

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
        from kg.build.builder import build

        if on_build:
            on_build(sources, build_dir)
        build(sources, build_dir)
    return find_dump(build_dir)


def open_store(dump_dir: Path | None = None, sources: Path = Path("sources"), build_dir: Path = Path("build"),
               on_build: Callable[[Path, Path], None] | None = None) -> Any:
    """A pyoxigraph store of the dump :func:`ensure_dump` picks, union included: the store
    ``kg build`` keeps beside it, opened read-only, when it holds this very dump
    (:func:`kg.build.store.open_kept_store`); else the dump loaded into memory (a folder from
    another tool, a published folder, a store left stale)."""
    dump = ensure_dump(dump_dir, sources, build_dir, on_build)
    kept = open_kept_store(dump.parent) if dump.name == DUMP_NQ else None
    if kept is not None:
        return kept
    return ensure_union(load_store(dump), force=True)


def ensure_union(store: Any, force: bool = False) -> Any:
    """Put the set union of the named graphs of ``store`` into its default graph: always with
    ``force`` (a freshly loaded dump), else only while the default graph is empty (cheap to ask).
    A dump without a statistics graph (not made by ``kg build``) gets one first, so that the
    ready queries that read it answer the same over any dump."""
    import pyoxigraph as ox

    empty_default = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None
    # a kept store (read-only) holds its union already; one that holds nothing at all (a build
    # that published nothing) has nothing to put there either
    if force or (empty_default and next(iter(store), None) is not None):
        from kg.build.statistics import add_statistics

        add_statistics(store, _statistics_graph())  # a dump not made by `kg build` has none yet
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


T = TypeVar("T")
_STACK_SIZE_LOCK = threading.Lock()


def _new_stack_size_lock() -> None:
    global _STACK_SIZE_LOCK
    _STACK_SIZE_LOCK = threading.Lock()  # a fork may have copied it held by a thread the child lacks


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_stack_size_lock)


def on_deep_stack(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` on a thread with a :data:`QUERY_STACK_BYTES` stack; its result or
    its exception. The caller waits, and can still be interrupted (Ctrl-C)."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = function(*args)
        except BaseException as exc:  # handed to the caller, whatever it is
            _release_frames(exc)
            outcome["error"] = exc

    with _STACK_SIZE_LOCK:  # stack_size is process-wide: set it only for this thread
        previous = threading.stack_size(QUERY_STACK_BYTES)
        try:
            worker = threading.Thread(target=target, name="kg-query", daemon=True)
            worker.start()
        finally:
            threading.stack_size(previous)
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _release_frames(error: BaseException | None) -> None:
    """Drop the locals of the frames ``error`` (and its causes) went through, here and now:
    pyoxigraph's iterators may only be dropped on the thread that made them."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        traceback.clear_frames(error.__traceback__)
        error = error.__cause__ or error.__context__


def _engine_errors(items: Iterable[T]) -> Iterator[T]:
    """``items``, with the engine's failures while evaluating turned into :class:`QueryError`."""
    try:
        yield from items
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:300]}") from exc


def stream_query(store: Any, text: str, federation: bool = True) -> QueryResult:
    """Start ``text`` on ``store`` (default graph = union of named graphs): the result's rows
    or triples are iterators the engine fills as they are read. Call it, and read the result,
    inside :func:`on_deep_stack`. Refuses what :func:`kg.sparql.check.check_query` refuses
    (``federation=False``: SERVICE too) and explains syntax errors in one line."""
    import pyoxigraph as ox

    check_query(text, federation)
    ensure_union(store)
    sorted_here = _sorted_in_python(store, text)
    if sorted_here is not None:
        return sorted_here
    answer = _ask(store, text)
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        return QueryResult("graph", triples=_engine_errors(answer))
    variables = [v.value for v in answer.variables]
    width = range(len(variables))
    return QueryResult("select", variables, rows=_engine_errors(tuple(s[i] for i in width) for s in answer))


def _ask(store: Any, text: str) -> Any:
    """The engine's answer to ``text``, its refusals as :class:`QueryError`."""
    try:
        return store.query(text, prefixes=DEFAULT_PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL: {explain_syntax_error(text, str(exc))}") from exc
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:300]}") from exc


def _sorted_in_python(store: Any, text: str) -> QueryResult | None:
    """The rows of a SELECT whose closing ``ORDER BY`` :mod:`kg.sparql.order` can apply,
    asked without it and sorted here (the same order, several times faster on a store kept
    on disk); None when the engine is to run ``text`` as written."""
    import pyoxigraph as ox

    from kg.sparql.order import MAX_SORTED_ROWS, Unsortable, sort_rows, split_order

    split = split_order(text)
    if split is None:
        return None
    unordered, keys = split
    try:
        answer = store.query(unordered, prefixes=DEFAULT_PREFIXES)
    except (SyntaxError, OSError, RuntimeError, ValueError):
        return None  # the query as written gives the error, in its own words
    if not isinstance(answer, ox.QuerySolutions):
        return None
    variables = [v.value for v in answer.variables]
    width = range(len(variables))
    rows = []
    for solution in _engine_errors(answer):
        rows.append(tuple(solution[i] for i in width))
        if len(rows) > MAX_SORTED_ROWS:
            return None
    try:
        rows = sort_rows(rows, variables, keys)
    except Unsortable:
        return None
    return QueryResult("select", variables, rows=iter(rows))


def _collect(store: Any, text: str, max_rows: int | None) -> QueryResult:
    result = stream_query(store, text)
    if result.kind == "graph":
        result.triples = list(limit_rows(result.triples, max_rows))
    else:
        result.rows = list(limit_rows(result.rows, max_rows))
    return result


def run_query(store: Any, text: str, max_rows: int | None = None) -> QueryResult:
    """Run ``text`` on ``store`` (default graph = union of named graphs) and hold the results;
    more than ``max_rows`` rows raise :class:`kg.sparql.results.TooManyResults` as soon as they are read."""
    return on_deep_stack(_collect, store, text, max_rows)


def _write(store: Any, text: str, write: Callable[[str], Any], fmt: str, width: int, max_rows: int | None) -> None:
    result = stream_query(store, text)
    if result.kind == "graph":
        result.triples = limit_rows(result.triples, max_rows)
    else:
        result.rows = limit_rows(result.rows, max_rows)
    for chunk in stream(result, fmt, width):
        write(chunk)


def write_query(store: Any, text: str, write: Callable[[str], Any], fmt: str = "table", width: int = 60,
                max_rows: int | None = None) -> None:
    """Run ``text`` and hand its answer in ``fmt`` to ``write`` piece by piece, as the engine
    produces rows (a table comes whole). Past ``max_rows`` rows it stops with
    :class:`kg.sparql.results.TooManyResults`, after the rows already written."""
    on_deep_stack(_write, store, text, write, fmt, width, max_rows)

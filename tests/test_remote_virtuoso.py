"""`kg publish --to` against a real SPARQL server: Virtuoso (Debian package
virtuoso-opensource, installed by .ci/system-deps.sh), started here on loopback with a
scratch database and unusual ports. The seed and a small generated corpus are loaded
through Virtuoso's Graph Store endpoint (Digest authentication, as in production), twice;
every ready query then gives over HTTP the rows it gives locally with pyoxigraph."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from kg.sparql.query import list_queries, run_query
from kg.publish.remote import push, union_graph_iri
from kg.sparql.results import serialize
from kg.build.store import DUMP_NQ, DUMP_TTL, load_store
from tests.generated import build_corpus

VIRTUOSO = shutil.which("virtuoso-t")
pytestmark = pytest.mark.needs("virtuoso-t")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
DirsAllowed = ., {db}
CaseMode = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
ServerThreads = 8
MaxClientConnections = 8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """The base URL of a Virtuoso serving on loopback only, stopped after the module."""
    assert VIRTUOSO, "virtuoso-t not found: install virtuoso-opensource (.ci/system-deps.sh does)"
    db = tmp_path_factory.mktemp("virtuoso")
    http_port = _free_port()
    (db / "virtuoso.ini").write_text(INI.format(db=db, sql_port=_free_port(), http_port=http_port), encoding="utf-8")
    process = subprocess.Popen([VIRTUOSO, "+configfile", str(db / "virtuoso.ini"), "+foreground"], cwd=db,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            log = db / "virtuoso.log"
            assert process.poll() is None, f"Virtuoso stopped: {log.read_text(errors='replace')[-2000:] if log.exists() else ''}"
            assert time.monotonic() < deadline, "Virtuoso did not start in 90 s"
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def built(tmp_path_factory, seed_path) -> Path:
    # and two readouts of one call, one per side, so that every ready query has rows
    pair = Path(__file__).parent / "data" / "encounter"
    return build_corpus(tmp_path_factory, seed_path, 40, seed=9,
                        extra=(pair / "cn_wang_wong_call.txt", pair / "au_wong_wang_call.txt"))


def _select(base: str, query: str, default_graph: str | None = None) -> dict:
    fields = {"query": query}
    if default_graph:
        fields["default-graph-uri"] = default_graph
    request = urllib.request.Request(f"{base}/sparql", data=urllib.parse.urlencode(fields).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.loads(answer.read().decode("utf-8"))


def _rows(results: dict) -> Counter:
    """Rows as comparable tuples: (kind, value, datatype, language) per variable."""
    variables = results["head"]["vars"]

    def term(binding: dict | None):
        if binding is None:
            return None
        kind = "literal" if binding["type"] in ("literal", "typed-literal") else binding["type"]
        datatype = binding.get("datatype")
        return kind, binding["value"], None if datatype == XSD_STRING else datatype, binding.get("xml:lang")
    return Counter(tuple(term(row.get(v)) for v in variables) for row in results["results"]["bindings"])


def test_published_graphs_answer_the_ready_queries_as_locally(virtuoso, built):
    endpoint = f"{virtuoso}/sparql-graph-crud-auth"
    union = union_graph_iri(built / DUMP_NQ)
    first = push(built / DUMP_NQ, endpoint, "dba", "dba", union=built / DUMP_TTL, union_graph=union)
    second = push(built / DUMP_NQ, endpoint, "dba", "dba", union=built / DUMP_TTL, union_graph=union)
    store = load_store(built / DUMP_NQ)
    local = Counter(str(q.graph_name.value) for q in store)
    assert first.graphs == second.graphs == len(local) > 30  # the readouts and the registry

    counts = _select(virtuoso, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                               "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/readout-kg/')) } GROUP BY ?g")
    sizes = {row["g"]["value"]: int(row["n"]["value"]) for row in counts["results"]["bindings"]}
    assert {g: n for g, n in sizes.items() if g != union} == dict(local), "each graph once, whole, after two pushes"
    assert sizes[union] == len(set((q.subject, q.predicate, q.object) for q in store))

    queries = list_queries()
    assert len(queries) >= 5
    checked = []
    for name, path in queries.items():
        text = path.read_text(encoding="utf-8")
        here = _rows(json.loads(serialize(run_query(store, text), "json")))
        there = _rows(_select(virtuoso, text, default_graph=union))
        assert sum(here.values()) > 0, name
        assert there == here, name
        checked.append(name)
    assert checked == list(queries)

"""Deep nesting in SPARQL: `ASK {` + 5,000 `{` + 5,000 `}` (10 KB) used to overflow the
parser's stack and kill `kg query -e` and `kg serve` with SIGSEGV. Now a query over the
parse limits (length, nesting depth) is refused in one line before it reaches the engine
(exit 2, HTTP 400), and the engine runs on a stack large enough for anything within them:
chained operators, which nest without brackets, included. Each query that could crash runs
in a fresh process, so a regression fails the test instead of killing pytest."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from minidata import mini, mini_store  # noqa: F401  (fixtures)

from kg.serve.server import make_server
from kg.sparql.check import MAX_NESTING_DEPTH, MAX_QUERY_LENGTH, QueryTooComplex, check_query, scan

ROOT = Path(__file__).resolve().parents[2]
DEEP = "ASK {" + "{" * 5000 + "}" * 5000 + "}"


def kg(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from cli import main; main()", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def test_kg_query_refuses_deep_nesting_in_one_line(mini: Path):
    parentheses = "ASK { FILTER(" + "(" * 3000 + "1" + ")" * 3000 + ") }"
    for text, reason in ((DEEP, "nested too deeply"), (parentheses, "nested too deeply"),
                         ("ASK {}" + " " * MAX_QUERY_LENGTH, "too long")):
        done = kg("query", "-e", text, "--dump", str(mini))
        assert done.returncode == 2, (done.returncode, done.stderr[-300:])
        assert done.stderr.count("\n") == 1 and reason in done.stderr and "Traceback" not in done.stderr


def test_the_limits_are_counted_outside_strings_iris_and_comments():
    at_limit = "ASK {" + "{" * (MAX_NESTING_DEPTH - 1) + "}" * (MAX_NESTING_DEPTH - 1) + "}"
    assert check_query(at_limit).depth == MAX_NESTING_DEPTH
    with pytest.raises(QueryTooComplex, match="the limit is 64"):
        check_query("ASK {" + at_limit[4:] + "}")
    braces = "{" * 500
    quiet = ("ASK { ?s ?p '" + braces + "' . ?s ?p \"\"\"" + braces + "\n\"\"\" . ?s ?p <http://x/(> }"
             "  # " + braces + "\n# " + braces)
    assert scan(quiet).depth == 1
    with pytest.raises(QueryTooComplex, match="too long"):
        check_query("#" * (MAX_QUERY_LENGTH + 1))
    assert scan("ASK { << << ?s ?p ?o >> ?p ?o >> ?p ?o }").depth == 3  # quoted triples nest too


# Worst cases within the limits: each crashed the process on an ordinary 8 MiB stack (SIGSEGV).
WITHIN_LIMITS = """
    from kg.sparql.query import run_query
    from kg.errors import QueryError
    from kg.sparql.check import MAX_QUERY_LENGTH as N
    import pyoxigraph as ox

    store = ox.Store()
    for text in ("ASK { FILTER(" + "!" * (N - 30) + "true) }",  # unary operators: no brackets at all
                 "ASK { FILTER(" + "||".join(["true"] * ((N - 30) // 6)) + ") }",
                 # parentheses the scan takes for an IRI (<...> with no space), the engine for a comparison
                 "ASK { FILTER(?a<" + "(" * ((N - 40) // 2) + "?b" + ")" * ((N - 40) // 2) + ">?c) }"):
        assert len(text) <= N
        try:
            run_query(store, text)
        except QueryError:
            pass
    print("survived")
"""


def test_queries_within_the_limits_do_not_crash_the_engine():
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(WITHIN_LIMITS)], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode != -signal.SIGSEGV, "the engine overflowed its stack"
    assert done.returncode == 0 and done.stdout.strip() == "survived", done.stderr[-500:]


def test_kg_serve_refuses_deep_nesting_and_keeps_answering(mini_store):
    server = make_server(mini_store, port=0, timeout_s=10)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    url = f"http://{host}:{port}/sparql"
    try:
        request = urllib.request.Request(url, data=DEEP.encode(), headers={"Content-Type": "application/sparql-query"})
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(request, timeout=10)
        assert error.value.code == 400 and b"nested too deeply" in error.value.read()
        with urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=5) as response:
            assert response.status == 200 and b"true" in response.read()
    finally:
        server.shutdown()
        server.server_close()

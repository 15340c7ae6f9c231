"""`kg serve`: the read-only SPARQL 1.1 Protocol endpoint, queried with SPARQLWrapper over
HTTP on 127.0.0.1 only."""

from __future__ import annotations

import csv
import io
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from minidata import mini, mini_store  # noqa: F401  (fixtures)
from SPARQLWrapper import CSV, JSON, POST, TSV, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.sparql.query import run_query
from kg.serve.server import make_server, negotiate

PEOPLE = "PREFIX kg: <https://w3id.org/readout-kg/ontology#> SELECT ?p WHERE { ?p a kg:Person } ORDER BY ?p"


@pytest.fixture(scope="module")
def endpoint(mini_store):
    server = make_server(mini_store, port=0, timeout_s=5)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    assert host == "127.0.0.1"
    yield f"http://{host}:{port}/sparql"
    server.shutdown()
    server.server_close()


def client(url: str, query: str, fmt: str = JSON, method: str | None = None) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method:
        sparql.setMethod(method)
    return sparql


def test_select_as_json_by_get_and_post(endpoint: str):
    for method in (None, POST):
        result = client(endpoint, PEOPLE, JSON, method).queryAndConvert()
        people = [b["p"]["value"] for b in result["results"]["bindings"]]
        assert len(people) == 6 and people[0].endswith("/person/CHN/wang-yi")


def test_content_negotiation(endpoint: str):
    xml = client(endpoint, PEOPLE, XML).queryAndConvert()  # a DOM document
    assert len(xml.getElementsByTagName("result")) == 6
    rows = list(csv.reader(io.StringIO(client(endpoint, PEOPLE, CSV).queryAndConvert().decode("utf-8"))))
    assert rows[0] == ["p"] and len(rows) == 7
    tsv = client(endpoint, PEOPLE, TSV).queryAndConvert().decode("utf-8").splitlines()
    assert tsv[0] == "?p" and tsv[1].startswith("<https://")


def test_ask_and_construct(endpoint: str):
    assert client(endpoint, "ASK { ?p a <https://w3id.org/readout-kg/ontology#Person> }").queryAndConvert()["boolean"]
    request = urllib.request.Request(endpoint + "?query=" + urllib.request.quote(
        "CONSTRUCT { ?p a <https://w3id.org/readout-kg/ontology#Person> } WHERE { ?p a <https://w3id.org/readout-kg/ontology#Person> }"),
        headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/turtle")
        assert len(response.read().decode("utf-8").splitlines()) == 6


def test_malformed_query_is_400(endpoint: str):
    with pytest.raises(QueryBadFormed):
        client(endpoint, "SELECT WHERE {").queryAndConvert()


def test_updates_are_refused(endpoint: str, mini_store):
    sparql = SPARQLWrapper(endpoint, updateEndpoint=endpoint)
    sparql.setQuery("INSERT DATA { <http://a/s> <http://a/p> <http://a/o> }")
    sparql.setMethod(POST)
    with pytest.raises(Exception) as raised:
        sparql.query()
    assert "403" in str(raised.value) or "Forbidden" in str(raised.value)
    for data, media in ((b"update=DELETE+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D", "application/x-www-form-urlencoded"),
                        (b"DELETE WHERE { ?s ?p ?o }", "application/sparql-update")):
        request = urllib.request.Request(endpoint, data=data, headers={"Content-Type": media})
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(request, timeout=10)
        assert error.value.code == 403
    for update in ("DELETE WHERE { ?s ?p ?o }", "PREFIX a: <http://a/> INSERT DATA { a:s a:p a:o }"):
        with pytest.raises(urllib.error.HTTPError) as error:  # an update sent as a query: refused, not malformed
            urllib.request.urlopen(endpoint + "?query=" + urllib.request.quote(update), timeout=10)
        assert error.value.code == 403
    assert run_query(mini_store, "ASK { <http://a/s> ?p ?o }").boolean is False
    assert run_query(mini_store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").values() != [("0",)]


def test_cors(endpoint: str):
    with urllib.request.urlopen(endpoint + "?query=" + urllib.request.quote("ASK {}"), timeout=10) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
    request = urllib.request.Request(endpoint, method="OPTIONS", headers={"Origin": "http://localhost:8888"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 204 and "POST" in response.headers["Access-Control-Allow-Methods"]


def test_slow_query_times_out(mini_store):
    def slow(store, text):
        time.sleep(1.0)
        return run_query(store, text)

    server = make_server(mini_store, port=0, timeout_s=0.2, run=slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    try:
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(f"http://{host}:{port}/sparql?query=ASK%20%7B%7D", timeout=10)
        assert error.value.code == 503
    finally:
        server.shutdown()
        server.server_close()


def test_negotiate():
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml") == ("xml", "application/sparql-results+xml")
    assert negotiate("text/html, */*;q=0.1") == ("json", "application/sparql-results+json")
    assert negotiate(None, graph=True) == ("nt", "application/n-triples")


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_answers_larger_than_the_limit_are_refused(mini_store):
    server = make_server(mini_store, port=0, timeout_s=5, max_rows=2)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    try:
        everything = urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }")
        assert _status(f"http://{host}:{port}/sparql?query={everything}") == 413
        two = urllib.parse.quote("SELECT * WHERE { ?s ?p ?o } LIMIT 2")
        assert _status(f"http://{host}:{port}/sparql?query={two}") == 200
    finally:
        server.shutdown()
        server.server_close()


def test_nothing_is_served_from_the_filesystem(endpoint: str):
    base = endpoint.rsplit("/", 1)[0]
    for path in ("/etc/passwd", "/../../etc/passwd", "/sparql/../README.md", "/readouts.nq"):
        assert _status(base + path) == 404, path
    for query in ("SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
                  "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"):
        assert _status(f"{endpoint}?query={urllib.parse.quote(query)}") == 403


def test_a_query_waits_for_a_slot_that_a_stopped_query_frees_else_503(mini_store, monkeypatch):
    """One slot, queries stopped at 1.5 s. The gaps between requests (0.5-0.6 s) leave room for
    a loaded machine to take a while to stop a query and free its slot."""
    import kg.serve.server

    timeout = 1.5

    def slow(store, text):
        if "slow" in text:
            time.sleep(30.0)  # stopped at the timeout, in its own process
        return run_query(store, text)

    monkeypatch.setattr(kg.serve.server, "QUERY_SLOTS", 1)
    server = make_server(mini_store, port=0, timeout_s=timeout, run=slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    url = f"http://{host}:{port}/sparql?query="
    try:
        first = threading.Thread(target=_status, args=(url + urllib.parse.quote("ASK { } # slow"),))
        first.start()
        time.sleep(0.5)
        started = time.monotonic()
        assert _status(url + urllib.parse.quote("ASK {}")) == 200  # once the slow one is stopped, at 1.5 s
        assert 0.6 < time.monotonic() - started < timeout + 1.0, time.monotonic() - started
        first.join(10)
        slow = url + urllib.parse.quote("ASK { } # slow")
        waiting = [threading.Thread(target=_status, args=(slow,)) for _ in range(2)]
        for thread in waiting:  # one runs until 1.5 s, the other then takes the slot until 3 s
            thread.start()
            time.sleep(0.6)
        started = time.monotonic()
        with pytest.raises(urllib.error.HTTPError) as error:  # waits 1.5 s for a slot, in vain
            urllib.request.urlopen(url + urllib.parse.quote("ASK {}"), timeout=10)
        assert error.value.code == 503 and error.value.headers["Retry-After"] == "5"
        assert b"too many queries running" in error.value.read()
        assert timeout - 0.1 < time.monotonic() - started < timeout + 1.0, time.monotonic() - started
        for thread in waiting:
            thread.join(10)
    finally:
        server.shutdown()
        server.server_close()


def test_without_fork_jobs_run_on_threads(monkeypatch):
    from kg.serve.sandbox import QueryTimeout, Sandbox

    monkeypatch.delattr("os.fork")
    sandbox = Sandbox(lambda payload, write: (write(payload.encode()), time.sleep(payload == "slow"))[1] or "done")
    pieces: list[bytes] = []
    assert sandbox.run("fast", 5, pieces.append) == "done" and pieces == [b"fast"]
    with pytest.raises(QueryTimeout):
        sandbox.run("slow", 0.2, pieces.append)
    sandbox.close()

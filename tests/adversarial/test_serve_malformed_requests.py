"""Malformed and out-of-place requests to `kg serve`: `Content-Length: abc` printed a
traceback and dropped the connection; PUT and DELETE got http.server's 501 HTML page; an
update sent as `query=` got 400, not 403; and the SERVICE/LOAD filter was a word match
that refused `"customer service"` and `?load`. Now each gets a short plain-text answer
with the right status, decided on the query's tokens (outside strings, IRIs, comments),
and the server goes on answering. Loopback only."""

from __future__ import annotations

import socket
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from minidata import mini, mini_store  # noqa: F401  (fixtures)

from kg.serve.server import make_server


@pytest.fixture(scope="module")
def endpoint(mini_store):
    lines: list[str] = []
    server = make_server(mini_store, port=0, timeout_s=10, log=lines.append)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    yield host, port, lines
    server.shutdown()
    server.server_close()


def exchange(host: str, port: int, request: bytes) -> bytes:
    """Send raw bytes, read until the server closes or goes quiet for 3 s."""
    with socket.create_connection((host, port), timeout=3) as client:
        client.sendall(request)
        answer = b""
        try:
            while chunk := client.recv(65536):
                answer += chunk
        except socket.timeout:
            answer += b"<still open>"
    return answer


def status(url: str, query: str) -> int:
    try:
        with urllib.request.urlopen(url + "?query=" + urllib.parse.quote(query), timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("length", [b"abc", b"-5", b"1e3", b"12, 13", b"\xff"])
def test_a_bad_content_length_is_400_and_the_connection_closes(endpoint, length):
    host, port, log = endpoint
    answer = exchange(host, port, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                                  b"Content-Length: " + length + b"\r\n\r\nASK {}")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 ") and b"Connection: close" in head, answer
    assert body == b"bad Content-Length header: expected one number of bytes\n"
    assert not any("Traceback" in line for line in log)
    assert status(f"http://{host}:{port}/sparql", "ASK {}") == 200


def test_methods_that_write_are_405_on_the_endpoint_and_404_elsewhere(endpoint):
    host, port, _ = endpoint
    for method in ("PUT", "DELETE", "PATCH"):
        request = urllib.request.Request(f"http://{host}:{port}/sparql", data=b"<a> <b> <c> .", method=method)
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(request, timeout=10)
        assert error.value.code == 405 and error.value.headers["Allow"] == "GET, HEAD, POST, OPTIONS"
        assert error.value.read().decode().count("\n") == 1
        request = urllib.request.Request(f"http://{host}:{port}/data.nq", data=b"x", method=method)
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(request, timeout=10)
        assert error.value.code == 404
    answer = exchange(host, port, b"BREW /sparql HTTP/1.1\r\nHost: x\r\n\r\n")  # not an HTTP method at all
    assert answer.startswith(b"HTTP/1.1 501 ") and b"<html" not in answer.lower() and answer.endswith(b"\n")


def test_updates_are_403_however_they_come(endpoint):
    host, port, _ = endpoint
    url = f"http://{host}:{port}/sparql"
    for update in ("INSERT DATA { <http://a/s> <http://a/p> <http://a/o> }",
                   "PREFIX a: <http://a/>\ndelete where { ?s ?p ?o }", "# a comment first\nLOAD <http://example.org/data.nq>", "CLEAR ALL"):
        assert status(url, update) == 403, update


def test_federation_is_refused_by_token_not_by_word(endpoint):
    host, port, _ = endpoint
    url = f"http://{host}:{port}/sparql"
    for accepted in ('SELECT ?s WHERE { ?s ?p "customer service" }', "SELECT ?load WHERE { ?load ?p ?o } LIMIT 1",
                     "PREFIX service: <http://a/> SELECT * WHERE { ?s service:load ?o }",
                     "SELECT * WHERE { ?s ?p ?o } LIMIT 1 # no SERVICE here", 'ASK { ?s ?p "x"@service }'):
        assert status(url, accepted) == 200, accepted
    for refused in ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                    "SELECT * WHERE { service silent <file:///etc/passwd> { ?s ?p ?o } }"):
        assert status(url, refused) == 403, refused

"""kg.publish.remote against a small Graph Store written here (PUT/POST/HEAD, Digest or Basic
authentication): what a push sends, that it is idempotent, batches, and its errors.
tests/test_remote_virtuoso.py does the same against a real Virtuoso."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg.build.builder import build
from kg.errors import RemoteError
from kg.publish.remote import push, union_graph_iri
from kg.build.store import DUMP_NQ, DUMP_TTL
from tests.generated import write_readouts

USER, PASSWORD, REALM, NONCE = "loader", "s3cret", "test", "abc123"


class Store:
    """What the server holds: graph IRI (None: default graph) -> set of triples."""

    def __init__(self, scheme: str) -> None:
        self.scheme = scheme
        self.graphs: dict[str | None, set] = {}
        self.methods: list[str] = []


def _digest_ok(header: str, method: str) -> bool:
    fields = dict((k, v1 or v2) for k, v1, v2 in re.findall(r'(\w+)=(?:"([^"]*)"|([^\s,]+))', header[7:]))
    ha1 = hashlib.md5(f"{USER}:{REALM}:{PASSWORD}".encode()).hexdigest()
    ha2 = hashlib.md5(f"{method}:{fields.get('uri')}".encode()).hexdigest()
    expected = hashlib.md5(f"{ha1}:{NONCE}:{fields.get('nc')}:{fields.get('cnonce')}:auth:{ha2}".encode()).hexdigest()
    return fields.get("username") == USER and fields.get("nonce") == NONCE and fields.get("response") == expected


def _handler(store: Store):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def _authorised(self) -> bool:
            header = self.headers.get("Authorization", "")
            if store.scheme == "digest" and header.startswith("Digest ") and _digest_ok(header, self.command):
                return True
            token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
            if store.scheme == "basic" and header == f"Basic {token}":
                return True
            challenge = (f'Digest realm="{REALM}", nonce="{NONCE}", qop="auth", opaque="xyz", algorithm="MD5"'
                         if store.scheme == "digest" else f'Basic realm="{REALM}"')
            self.send_response(401)
            self.send_header("WWW-Authenticate", challenge)
            self.send_header("Content-Length", "0")
            self.send_header("Connection", "close")  # as Virtuoso: the body is not read
            self.end_headers()
            self.close_connection = True
            return False

        def _graph(self) -> str | None:
            query = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
            return query["graph"][0] if "graph" in query else None

        def do_HEAD(self) -> None:
            if self._authorised():
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        def _write(self, replace: bool) -> None:
            if not self._authorised():
                return
            body = self.rfile.read(int(self.headers["Content-Length"]))
            store.methods.append(self.command)
            triples = set(Graph().parse(data=body.decode("utf-8"), format="turtle"))
            graph = self._graph()
            if replace or graph not in store.graphs:
                store.graphs[graph] = set()
            store.graphs[graph] |= triples
            self.send_response(201 if replace else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_PUT(self) -> None:
            self._write(replace=True)

        def do_POST(self) -> None:
            self._write(replace=False)
    return Handler


@pytest.fixture(params=["digest", "basic"])
def server(request):
    store = Store(request.param)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(store))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/store", store
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def sources(tmp_path_factory, seed_path) -> Path:
    folder = tmp_path_factory.mktemp("sources")
    write_readouts(folder, 12, seed=5)
    shutil.copy(seed_path, folder / seed_path.name)
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory, sources) -> Path:
    out = tmp_path_factory.mktemp("build")
    build(sources, out, jobs=1)
    return out


def _expected(built: Path) -> dict[str, set]:
    dataset = Dataset()
    dataset.parse(built / DUMP_NQ, format="nquads")
    graphs: dict[str, set] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graphs.setdefault(str(g), set()).add((s, p, o))
    return graphs


def test_every_named_graph_and_the_union_arrive(server, built):
    url, store = server
    union_iri = union_graph_iri(built / DUMP_NQ)
    result = push(built / DUMP_NQ, url, USER, PASSWORD, union=built / DUMP_TTL, union_graph=union_iri)
    expected = _expected(built)
    assert result.graphs == len(expected) == 16  # 13 readouts, the registry, the entities and the statistics
    assert {g: t for g, t in store.graphs.items() if g != union_iri} == expected
    assert store.graphs[union_iri] == set(Graph().parse(built / DUMP_TTL, format="turtle"))
    assert union_iri.endswith("/graph/union")


def test_a_second_push_changes_nothing(server, built):
    url, store = server
    push(built / DUMP_NQ, url, USER, PASSWORD)
    first = {g: set(t) for g, t in store.graphs.items()}
    push(built / DUMP_NQ, url, USER, PASSWORD)
    assert store.graphs == first


def test_large_graphs_go_in_batches(server, built):
    url, store = server
    result = push(built / DUMP_NQ, url, USER, PASSWORD, batch_bytes=2000)
    assert store.methods.count("POST") > store.methods.count("PUT") == result.graphs
    assert store.graphs == _expected(built)


def test_a_graph_met_twice_in_the_dump_is_added_to(server, tmp_path):
    url, store = server
    dump = tmp_path / "readouts.nq"
    dump.write_text("<https://e.org/a> <https://e.org/p> \"1\" <https://e.org/g1> .\n"
                    "<https://e.org/b> <https://e.org/p> \"2\" <https://e.org/g2> .\n"
                    "<https://e.org/c> <https://e.org/p> \"3\" <https://e.org/g1> .\n", encoding="utf-8")
    push(dump, url, USER, PASSWORD)
    assert len(store.graphs["https://e.org/g1"]) == 2


def test_refused_credentials_are_one_clear_error(server, built):
    url, _ = server
    with pytest.raises(RemoteError, match="check the user and password"):
        push(built / DUMP_NQ, url, USER, "wrong")
    with pytest.raises(RemoteError, match="asks for a user and password"):
        push(built / DUMP_NQ, url)


def test_unreachable_server_and_bad_url():
    with pytest.raises(RemoteError, match="Connection refused|ConnectionRefused"):
        push(Path(__file__).parent.parent / "tests" / "data" / "mini" / "readouts.trig", "http://127.0.0.1:9/x")
    with pytest.raises(RemoteError, match="http"):
        push(Path(__file__), "ftp://example.org/store")


def test_cli_publish_to(server, sources, built, monkeypatch):
    from cli import main

    url, store = server
    monkeypatch.setenv("KG_SPARQL_PASSWORD", PASSWORD)
    result = CliRunner().invoke(main, ["publish", str(sources), "--build", str(built), "--to", url, "--user", USER])
    assert result.exit_code == 0, result.output
    assert "16 graphs" in result.output and "union" in result.output
    assert len(store.graphs) == 17  # and the union
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "wrong")
    refused = CliRunner().invoke(main, ["publish", str(sources), "--build", str(built), "--to", url, "--user", USER])
    assert refused.exit_code == 2 and "check the user and password" in refused.output

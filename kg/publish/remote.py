"""``kg publish --to URL``: a build's named graphs loaded into a SPARQL server through the
SPARQL 1.1 Graph Store HTTP Protocol (GSP).

Each named graph of the dump (one per readout, plus the registry) is sent with
``PUT URL?graph=IRI``, which replaces that graph on the server, so publishing the same
build twice leaves the same data: the push is idempotent and can be re-run after a failure.
A graph larger than ``batch_bytes`` goes in batches, a PUT then POSTs (append). By default
the union of all graphs (``union.ttl``: every triple once) is also stored as the graph
``<base>graph/union``; query with the SPARQL protocol parameter
``default-graph-uri=<base>graph/union`` to get the answers ``kg query`` gives, since most
servers otherwise take every graph (with repeats, and their own system graphs) as the
default graph.

One persistent HTTP connection; HTTP Basic or Digest authentication (Virtuoso's
``/sparql-graph-crud-auth`` asks for Digest), answered after the server's first challenge.
Graphs the server holds that the dump no longer has are left alone. Errors are
:class:`~kg.errors.RemoteError` with one line each.

Two limits keep a push from waiting on a server for ever: ``timeout`` (default 60 s), the
longest wait for the server at any step of one request (connecting, sending, each wait for
its answer), after which the push fails at once (a server that does not answer is not
asked again); and ``deadline`` (default one hour), the longest the whole push may take,
enforced even against a server that answers a byte at a time: at the deadline the
connection is shut and the push fails.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import os
import re
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import quote, urlsplit, unquote

from kg.errors import RemoteError
from kg.build.outputs import split_quad

__all__ = ["PushResult", "push", "union_graph_iri", "GraphStore", "DEFAULT_TIMEOUT", "DEFAULT_DEADLINE"]

BATCH_BYTES = 8 * 1024 * 1024
DEFAULT_TIMEOUT = 60.0  # seconds: the longest wait for the server within one request
DEFAULT_DEADLINE = 3600.0  # seconds: the longest a whole push may take
MAX_SECONDS = 10_000_000.0  # what a socket timeout or a timer takes without overflowing
TURTLE = "text/turtle; charset=utf-8"  # N-Triples is Turtle: every GSP server reads it


@dataclass
class PushResult:
    url: str
    graphs: int  # named graphs sent
    triples: int
    requests: int
    seconds: float
    union_graph: str | None


class GraphStore:
    """A client of one Graph Store endpoint: ``put`` / ``post`` a graph's Turtle."""

    def __init__(self, url: str, user: str | None = None, password: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, deadline: float | None = None) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise RemoteError(f"--to must be an http(s) URL of a Graph Store endpoint, got {url!r}")
        self.url = url
        self.scheme, self.host, self.port = parts.scheme, parts.hostname, parts.port
        self.path = parts.path or "/"
        self.query = parts.query
        self.user = user if user is not None else (unquote(parts.username) if parts.username else None)
        self.password = password if password is not None else (unquote(parts.password) if parts.password else None)
        self.timeout = timeout
        self.deadline = deadline  # a time.monotonic() value, or None
        self.expired = False  # set by expire(): every request fails from then on
        self._lock = threading.Lock()
        self._connection: http.client.HTTPConnection | None = None
        self._challenge: dict[str, str] | None = None
        self._scheme_auth: str | None = None  # "basic" | "digest" once the server asked
        self._nc = 0
        self.requests = 0

    # ---- requests ----------------------------------------------------------------------
    def put(self, graph: str | None, body: bytes) -> None:
        """Replace ``graph`` (None: the default graph) by ``body``."""
        self._send("PUT", graph, body)

    def post(self, graph: str | None, body: bytes) -> None:
        """Add ``body`` to ``graph``."""
        self._send("POST", graph, body)

    def close(self) -> None:
        with self._lock:
            connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()

    def expire(self) -> None:
        """Stop now (called from a timer thread at the deadline): shut the connection, which
        ends a wait in another thread at once; every request fails from then on."""
        self.expired = True
        with self._lock:
            sock = self._connection.sock if self._connection is not None else None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _wait(self) -> float:
        """The socket timeout for the next request: ``timeout``, or less near the deadline."""
        if self.deadline is None:
            return self.timeout
        left = self.deadline - time.monotonic()
        if left <= 0 or self.expired:
            self.expired = True
            raise RemoteError(f"{self.url}: the push took longer than its deadline (--deadline); "
                              f"it is safe to run again")
        return min(self.timeout, left)

    def _timed_out(self, method: str) -> RemoteError:
        if self.expired:
            return RemoteError(f"{method} {self.url}: the push took longer than its deadline (--deadline); "
                               f"it is safe to run again")
        return RemoteError(f"{method} {self.url}: no answer from the server in {self.timeout:g} s (--timeout)")

    def _target(self, graph: str | None) -> str:
        parameter = f"graph={quote(graph, safe='')}" if graph is not None else "default"
        return f"{self.path}?{self.query + '&' if self.query else ''}{parameter}"

    def _connect(self) -> http.client.HTTPConnection:
        wait = self._wait()
        with self._lock:
            if self._connection is None:
                kind = http.client.HTTPSConnection if self.scheme == "https" else http.client.HTTPConnection
                self._connection = kind(self.host, self.port, timeout=wait)
            connection = self._connection
        connection.timeout = wait
        if connection.sock is not None:
            connection.sock.settimeout(wait)
        return connection

    def _send(self, method: str, graph: str | None, body: bytes) -> None:
        target = self._target(graph)
        if self.requests == 0:
            self._probe(target)  # learn the authentication first: a server may drop a refused body
        for attempt in range(3):
            try:
                response, text = self._request(method, target, body)
            except (OSError, http.client.HTTPException) as exc:
                self.close()  # a dropped keep-alive connection, or a body the server refused
                if isinstance(exc, TimeoutError) or self.expired:
                    raise self._timed_out(method) from exc  # asking again would only wait again
                if attempt == 2:
                    raise RemoteError(f"{method} {self.url}: {type(exc).__name__}: {exc}") from exc
                self._probe(target)
                continue
            if response.status == 401 and attempt < 2 and self._learn(response.getheader("WWW-Authenticate") or "",
                                                                       self._scheme_auth is not None):
                continue
            if response.status >= 300:
                raise RemoteError(self._failure(method, graph, response, text))
            return

    def _request(self, method: str, target: str, body: bytes | None) -> tuple[http.client.HTTPResponse, bytes]:
        headers = {"Content-Type": TURTLE, "Content-Length": str(len(body or b""))} if body is not None else {}
        authorization = self._authorization(method, target)
        if authorization:
            headers["Authorization"] = authorization
        connection = self._connect()
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read()
        self.requests += 1
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        return response, text

    def _probe(self, target: str) -> None:
        """A HEAD request: takes the server's challenge, fails early on refused credentials."""
        for _ in range(2):
            try:
                response, text = self._request("HEAD", target, None)
            except (OSError, http.client.HTTPException) as exc:
                self.close()
                if isinstance(exc, TimeoutError) or self.expired:
                    raise self._timed_out("HEAD") from exc
                return  # the real request will tell
            if response.status != 401:
                return
            if not self._learn(response.getheader("WWW-Authenticate") or "", self._scheme_auth is not None):
                raise RemoteError(self._failure("HEAD", None, response, text))

    def _failure(self, method: str, graph: str | None, response: http.client.HTTPResponse, text: bytes) -> str:
        detail = " ".join(text.decode("utf-8", "replace").split())[:200]
        hint = " (check the user and password)" if response.status in (401, 403) else ""
        what = f"graph {graph}" if graph else self.url
        return f"{method} {what}: HTTP {response.status} {response.reason}{hint}" + (f": {detail}" if detail else "")

    # ---- authentication ----------------------------------------------------------------
    def _learn(self, header: str, tried: bool) -> bool:
        """Take the server's challenge; False when there is nothing new to try."""
        if self.user is None or self.password is None:
            raise RemoteError(f"{self.url} asks for a user and password (--user, KG_SPARQL_PASSWORD)")
        scheme = header.split(" ", 1)[0].lower()
        if scheme == "digest":
            challenge = dict((k.lower(), v1 or v2) for k, v1, v2 in
                             re.findall(r'(\w+)=(?:"([^"]*)"|([^\s,]+))', header[len("digest"):]))
            stale = challenge.get("stale", "").lower() == "true"
            if tried and self._scheme_auth == "digest" and not stale:
                return False  # the same credentials were refused
            self._challenge, self._scheme_auth, self._nc = challenge, "digest", 0
            return True
        if scheme == "basic" and not (tried and self._scheme_auth == "basic"):
            self._scheme_auth = "basic"
            return True
        return False

    def _authorization(self, method: str, target: str) -> str | None:
        if self._scheme_auth == "basic":
            token = base64.b64encode(f"{self.user}:{self.password}".encode("utf-8")).decode("ascii")
            return f"Basic {token}"
        if self._scheme_auth != "digest" or self._challenge is None:
            return None
        c = self._challenge
        algorithm = c.get("algorithm", "MD5")
        digest = {"MD5": hashlib.md5, "SHA-256": hashlib.sha256}.get(algorithm.upper().removesuffix("-SESS"))
        if digest is None:
            raise RemoteError(f"{self.url}: unsupported digest algorithm {algorithm}")

        def h(text: str) -> str:
            return digest(text.encode("utf-8")).hexdigest()

        self._nc += 1
        nc = f"{self._nc:08x}"
        cnonce = os.urandom(8).hex()
        ha1 = h(f"{self.user}:{c.get('realm', '')}:{self.password}")
        if algorithm.upper().endswith("-SESS"):
            ha1 = h(f"{ha1}:{c['nonce']}:{cnonce}")
        ha2 = h(f"{method}:{target}")
        qops = [q.strip() for q in c.get("qop", "").split(",") if q.strip()]
        fields = {"username": self.user, "realm": c.get("realm", ""), "nonce": c.get("nonce", ""), "uri": target,
                  "algorithm": algorithm}
        if "auth" in qops:
            fields["response"] = h(f"{ha1}:{c.get('nonce', '')}:{nc}:{cnonce}:auth:{ha2}")
            extra = f', qop=auth, nc={nc}, cnonce="{cnonce}"'
        else:
            fields["response"] = h(f"{ha1}:{c.get('nonce', '')}:{ha2}")
            extra = ""
        if "opaque" in c:
            fields["opaque"] = c["opaque"]
        quoted = ", ".join(f'{k}="{v}"' if k != "algorithm" else f"{k}={v}" for k, v in fields.items())
        return f"Digest {quoted}{extra}"


# ---- reading the dump ---------------------------------------------------------------------
def _lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        for line in handle:
            if line.strip() and not line.lstrip().startswith("#"):
                yield line.rstrip("\n")


def _graphs(dump: Path) -> Iterator[tuple[str, list[str]]]:
    """(graph IRI, its triples as N-Triples lines) for each run of lines of one graph."""
    current, lines = None, []
    for line in _lines(dump):
        head, graph = split_quad(line)
        if graph != current and lines:
            yield current, lines
            lines = []
        current = graph
        lines.append(head + " .\n")
    if lines:
        yield current, lines


def _batches(lines: list[str], limit: int, header: str = "") -> Iterator[bytes]:
    batch, size = [], 0
    for line in lines:
        batch.append(line)
        size += len(line)
        if size >= limit:
            yield (header + "".join(batch)).encode("utf-8")
            batch, size = [], 0
    if batch or not lines:
        yield (header + "".join(batch)).encode("utf-8")


def _turtle_statements(path: Path) -> tuple[str, Iterator[str]]:
    """The prefix lines of a Turtle file as written by kg.build.outputs, and its statements."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    n = 0
    while n < len(lines) and lines[n].startswith("@prefix "):
        n += 1

    def statements() -> Iterator[str]:
        statement: list[str] = []
        for line in lines[n:]:
            statement.append(line)
            if line.rstrip().endswith(" .") and not line.startswith("@"):
                yield "".join(statement)
                statement = []
        if statement:
            yield "".join(statement)
    return "".join(lines[:n]), statements()


def union_graph_iri(dump: Path) -> str | None:
    """``<base>graph/union`` for the base of the dump's registry graph (or, as the readout
    graphs come first in a build's dump, of its first readout graph), or None."""
    for line in _lines(dump):
        graph = split_quad(line)[1]
        if graph.endswith("graph/registry"):
            return graph[: -len("registry")] + "union"
        if re.search(r"/readout/[0-9a-f]{20}$", graph):
            return graph[: graph.rindex("readout/")] + "graph/union"
    return None


def push(dump: Path, url: str, user: str | None = None, password: str | None = None, union: Path | None = None,
         union_graph: str | None = None, batch_bytes: int = BATCH_BYTES,
         progress: Callable[[int, str], None] | None = None, timeout: float = DEFAULT_TIMEOUT,
         deadline: float | None = DEFAULT_DEADLINE) -> PushResult:
    """Load every named graph of ``dump`` (N-Quads, or .nq.gz) into the Graph Store at ``url``;
    with ``union`` (a union.ttl) also store it as the graph ``union_graph``.

    ``timeout``: seconds the server may keep one request waiting; ``deadline``: seconds the
    whole push may take (None: no limit). Either raises :class:`~kg.errors.RemoteError`."""
    if not dump.is_file():
        raise RemoteError(f"{dump}: no such dump")
    for name, value in (("--timeout", timeout), ("--deadline", deadline)):
        if value is not None and not 0 < value <= MAX_SECONDS:  # NaN fails this too
            raise RemoteError(f"{name} must be more than 0 and at most {MAX_SECONDS:,.0f} seconds, got {value}")
    started = time.perf_counter()
    store = GraphStore(url, user, password, timeout=timeout,
                       deadline=None if deadline is None else time.monotonic() + deadline)
    timer = threading.Timer(deadline, store.expire) if deadline is not None else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    sent: set[str | None] = set()
    graphs = triples = 0
    try:
        for graph, lines in _graphs(dump):
            for n, body in enumerate(_batches(lines, batch_bytes)):
                # the first batch of a graph replaces it; the rest, and a graph met again, add to it
                if n == 0 and graph not in sent and graph is not None:
                    store.put(graph, body)
                else:
                    store.post(graph, body)
            if graph not in sent:
                graphs += graph is not None
                sent.add(graph)
            triples += len(lines)
            if progress:
                progress(graphs, graph or "(default graph)")
        if union is not None and union_graph:
            header, statements = _turtle_statements(union)
            for n, body in enumerate(_batches(list(statements), batch_bytes, header)):
                (store.put if n == 0 else store.post)(union_graph, body)
    finally:
        if timer is not None:
            timer.cancel()
        store.close()
    return PushResult(url, graphs, triples, store.requests, time.perf_counter() - started,
                      union_graph if union is not None else None)

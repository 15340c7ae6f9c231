"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the query store, on localhost.

``GET /sparql?query=...``, ``POST`` of a form (``query=...``) or of ``application/sparql-query``.
Results are negotiated from ``Accept`` (or a ``format`` parameter): SPARQL JSON (the
default), XML, CSV, TSV; CONSTRUCT and DESCRIBE answer N-Triples. Updates are refused
(403), malformed queries get 400, a query still running after the timeout gets 503 (its
thread finishes in the background: pyoxigraph cannot cancel a query). Every answer allows
any origin (CORS), so a notebook or a page on another port can query it.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit

from kg.errors import QueryError
from kg.query import ensure_union, run_query
from kg.results import MEDIA_TYPES, QueryResult, serialize

__all__ = ["make_server", "negotiate", "DEFAULT_PORT", "DEFAULT_TIMEOUT", "DEFAULT_MAX_ROWS"]

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 100_000
# federation would let a query reach other servers or files: this endpoint answers from its store only
_FEDERATION = re.compile(r"\bSERVICE\b|\bLOAD\b", re.IGNORECASE)
_BY_MEDIA = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
_GRAPH_MEDIA = ("application/n-triples", "text/turtle", "text/plain")
_MAX_BODY = 1 << 20


def negotiate(accept: str | None, graph: bool = False) -> tuple[str, str]:
    """(format, media type) for an Accept header: the best q-value we serve, JSON by default."""
    offers: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    q = float(field[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            offers.append((-q, position, media))
    for _, _, media in sorted(offers):
        if graph and media in _GRAPH_MEDIA:
            return "nt", media
        if not graph and media in _BY_MEDIA:
            return _BY_MEDIA[media], media
        if media in ("*/*", "application/*", "text/*"):
            break
    return ("nt", "application/n-triples") if graph else ("json", MEDIA_TYPES["json"])


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the stdlib's name)
        if self.server.log:
            self.server.log(f"{self.address_string()} {format % args}")

    def _send(self, status: int, body: bytes, media: str = "text/plain; charset=utf-8",
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message.rstrip() + "\n").encode("utf-8"))

    def do_OPTIONS(self) -> None:  # noqa: N802 (http.server's naming)
        self._send(204, b"", extra={"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                                    "Access-Control-Allow-Headers": "Content-Type, Accept",
                                    "Access-Control-Max-Age": "86400"})

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ("/", "/sparql"):
            return self._error(404, f"no such resource {url.path}; the endpoint is /sparql")
        params = parse_qs(url.query, keep_blank_values=True)
        if "update" in params:
            return self._error(403, "this endpoint is read-only: SPARQL updates are refused")
        if "query" not in params:
            return self._error(200 if url.path == "/" else 400,
                               "readout-kg SPARQL endpoint (read-only): GET or POST /sparql with query=...")
        self._answer(params["query"][0], params.get("format", [None])[0])

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ("/", "/sparql"):
            return self._error(404, f"no such resource {url.path}; the endpoint is /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_BODY:
            return self._error(413, "request body too large")
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            return self._error(403, "this endpoint is read-only: SPARQL updates are refused")
        if media == "application/sparql-query":
            return self._answer(body, parse_qs(url.query).get("format", [None])[0])
        if media == "application/x-www-form-urlencoded":
            params = parse_qs(body, keep_blank_values=True)
            if "update" in params:
                return self._error(403, "this endpoint is read-only: SPARQL updates are refused")
            if "query" in params:
                return self._answer(params["query"][0], params.get("format", [None])[0])
            return self._error(400, "missing query parameter")
        return self._error(415, "POST application/sparql-query or application/x-www-form-urlencoded")

    def _answer(self, text: str, fmt: str | None) -> None:
        if _FEDERATION.search(text):
            return self._error(403, "SERVICE and LOAD are refused: this endpoint answers from its own store only")
        future = self.server.pool.submit(self.server.run, self.server.store, text)
        try:
            result: QueryResult = future.result(timeout=self.server.timeout_s)
        except FutureTimeout:
            return self._error(503, f"query timed out after {self.server.timeout_s:g} s")
        except QueryError as exc:
            return self._error(400, str(exc))
        size = len(result.rows) if result.kind == "select" else len(result.triples)
        if size > self.server.max_rows:
            return self._error(413, f"the answer has {size:,} results, more than this endpoint's limit of "
                                    f"{self.server.max_rows:,}: add a LIMIT (and OFFSET to page)")
        if fmt in ("json", "xml", "csv", "tsv") and result.kind != "graph":
            media = MEDIA_TYPES[fmt]
        else:
            fmt, media = negotiate(self.headers.get("Accept"), graph=result.kind == "graph")
        if result.kind == "ask" and fmt in ("csv", "tsv"):
            fmt, media = "json", MEDIA_TYPES["json"]  # CSV and TSV have no boolean form
        body = serialize(result, fmt if fmt != "nt" else "table")  # triples always come as N-Triples
        self._send(200, body.encode("utf-8"), f"{media}; charset=utf-8")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: Any, timeout_s: float, run: Callable,
                 log: Callable[[str], None] | None, max_rows: int = DEFAULT_MAX_ROWS) -> None:
        super().__init__(address, _Handler)
        self.store, self.timeout_s, self.run, self.log = store, timeout_s, run, log
        self.max_rows = max_rows
        self.pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="kg-sparql")

    def server_close(self) -> None:
        super().server_close()
        self.pool.shutdown(wait=False, cancel_futures=True)


def make_server(store: Any, port: int = DEFAULT_PORT, timeout_s: float = DEFAULT_TIMEOUT,
                host: str = "127.0.0.1", run: Callable[[Any, str], QueryResult] = run_query,
                log: Callable[[str], None] | None = None, max_rows: int = DEFAULT_MAX_ROWS) -> ThreadingHTTPServer:
    """An endpoint for ``store`` on ``host:port`` (port 0: any free one); call ``serve_forever()``.
    Answers larger than ``max_rows`` results are refused (413) rather than built."""
    ensure_union(store)
    return _Server((host, port), store, timeout_s, run, log, max_rows)

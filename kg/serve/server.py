"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the query store, on localhost.

``GET /sparql?query=...``, ``POST`` of a form (``query=...``) or of ``application/sparql-query``.
Results are negotiated from ``Accept`` (or a ``format`` parameter): SPARQL JSON (the
default), XML, CSV, TSV; CONSTRUCT and DESCRIBE answer N-Triples. Every answer allows
any origin (CORS), so a notebook or a page on another port can query it.

What it refuses, and how: updates and SERVICE 403; a query over the parse limits of
:mod:`kg.sparql.check` or malformed 400; an answer over ``max_rows`` results (or
:data:`MAX_ANSWER_BYTES`) 413, decided while the rows are read, not after; PUT, DELETE,
PATCH on the endpoint 405 (the resource exists, the method is not allowed), anything
else 404. Each query runs in its own process (:mod:`kg.serve.sandbox`), stopped at the timeout
(503), so a slow query leaves no CPU or memory behind. Clients get
:data:`CLIENT_TIMEOUT_S` per read or write and :data:`REQUEST_READ_S` to send a whole
request, and at most :data:`MAX_CLIENTS` connections are served at once.

With ``page=True`` it also serves the page of :mod:`kg.web` to a browser: ``GET /`` (when
the client accepts HTML and sends no query), its files under ``/assets/`` (only the files
the page found at start, by name) and a small read-only API under ``/api/`` (the ready
queries, a ready query with values bound, the graph views as JSON). The page sends its
queries to ``/sparql`` like any client: it gets no way around the refusals above.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import io
import re
import socket
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit

from kg.errors import KGError, QueryError
from kg.sparql.query import QUERY_STACK_BYTES, ensure_union, on_deep_stack, stream_query
from kg.build.store import in_memory
from kg.sparql.results import MEDIA_TYPES, QueryResult, TooManyResults, limit_rows, stream
from kg.serve.sandbox import QueryBusy, QueryFailed, QueryStopped, QueryTimeout, Sandbox
from kg.sparql.check import QueryRefused, QueryTooComplex, check_query

__all__ = ["make_server", "negotiate", "DEFAULT_PORT", "DEFAULT_TIMEOUT", "DEFAULT_MAX_ROWS", "QUERY_SLOTS",
           "QUERY_MEMORY_BYTES", "MAX_ANSWER_BYTES", "CLIENT_TIMEOUT_S", "REQUEST_READ_S", "MAX_CLIENTS"]

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 100_000
QUERY_SLOTS = 4  # queries running at once; more wait for a slot until their timeout
QUERY_MEMORY_BYTES = 1 << 30  # what one query may allocate beyond the shared store
MAX_ANSWER_BYTES = 256 << 20  # serialized answer; spooled to a temporary file past 1 MiB
CLIENT_TIMEOUT_S = 10.0  # longest wait for one read from, or one write to, a client
REQUEST_READ_S = 30.0  # longest time to receive a whole request (line, headers, body)
MAX_CLIENTS = 64  # connections served at once; more get 503 at once
_MAX_BODY = 1 << 20
_ENDPOINTS = ("/", "/sparql")
_ALLOWED = "GET, HEAD, POST, OPTIONS"
_DIGITS = re.compile(r"[0-9]{1,18}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BY_MEDIA = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
_GRAPH_MEDIA = ("application/n-triples", "text/turtle", "text/plain")
_READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"
_ASSETS = "/assets/"
# the page runs only its own scripts and talks only to this server; CodeMirror sets inline styles
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache", "Referrer-Policy": "no-referrer",
}


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


# ---- in the query's own process --------------------------------------------------------------------------------
def _answer(store: Any, run: Callable[[Any, str], QueryResult], max_rows: int, request: dict,
            write: Callable[[bytes], None]) -> dict:
    """Run one query and write its answer; returns the status and media type (or message)."""
    try:
        result = run(store, request["query"])
        if result.kind == "graph":
            result.triples = limit_rows(result.triples, max_rows)
        else:
            result.rows = limit_rows(result.rows, max_rows)
        fmt = request.get("format")
        if fmt in ("json", "xml", "csv", "tsv") and result.kind != "graph":
            media = MEDIA_TYPES[fmt]
        else:
            fmt, media = negotiate(request.get("accept"), graph=result.kind == "graph")
        if result.kind == "ask" and fmt in ("csv", "tsv"):
            fmt, media = "json", MEDIA_TYPES["json"]  # CSV and TSV have no boolean form
        size = 0
        for chunk in stream(result, fmt if fmt != "nt" else "table"):  # triples always come as N-Triples
            data = chunk.encode("utf-8")
            size += len(data)
            if size > MAX_ANSWER_BYTES:
                return {"status": 413, "message": f"the answer is larger than {MAX_ANSWER_BYTES >> 20} MiB: "
                                                  "add a LIMIT (and OFFSET to page)"}
            write(data)
        return {"status": 200, "media": f"{media}; charset=utf-8"}
    except TooManyResults:
        return {"status": 413, "message": f"the answer has more than this endpoint's limit of {max_rows:,} results: "
                                          "add a LIMIT (and OFFSET to page)"}
    except QueryRefused as exc:
        return {"status": 403, "message": str(exc)}
    except QueryError as exc:
        return {"status": 400, "message": str(exc)}


def _job(store: Any, run: Callable[[Any, str], QueryResult], max_rows: int) -> Callable[[dict, Callable], dict]:
    def job(request: dict, write: Callable[[bytes], None]) -> dict:
        return on_deep_stack(_answer, store, run, max_rows, request, write)

    return job


# ---- the HTTP side ---------------------------------------------------------------------------------------------
class _DeadlineReader(io.RawIOBase):
    """A client socket read with :data:`CLIENT_TIMEOUT_S` per read and a deadline per request,
    so a client that sends a byte now and then cannot hold its thread."""

    def __init__(self, sock: socket.socket, per_read_s: float, per_request_s: float) -> None:
        self.sock, self.per_read_s, self.per_request_s = sock, per_read_s, per_request_s
        self.deadline = time.monotonic() + per_request_s

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"request not received within {self.per_request_s:g} s")
        self.sock.settimeout(min(self.per_read_s, left))
        try:
            return self.sock.recv_into(buffer)
        finally:
            self.sock.settimeout(self.per_read_s)


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"
    server_version = "readout-kg"

    def setup(self) -> None:
        self.timeout = self.server.client_timeout_s  # each read and write on the client socket
        super().setup()
        self._reader = _DeadlineReader(self.connection, self.server.client_timeout_s, self.server.request_read_s)
        self.rfile = io.BufferedReader(self._reader)

    def handle_one_request(self) -> None:
        self._reader.deadline = time.monotonic() + self._reader.per_request_s
        super().handle_one_request()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the stdlib's name)
        if self.server.log:  # the request line is the client's: no control characters reach the log
            line = f"{self.address_string()} {format % args}"
            self.server.log(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", line))

    def _send(self, status: int, body: bytes | None, media: str = "text/plain; charset=utf-8",
              extra: dict[str, str] | None = None, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body) if body is not None else length))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        self._send(status, (" ".join(message.split()) + "\n").encode("utf-8"), extra=extra)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (a bad request line, an unknown method): one line, not a page."""
        self.close_connection = True
        short, _ = self.responses.get(code, ("error", ""))
        try:
            self._error(code, message or short)
        except OSError:
            pass  # the client is gone

    def _is_endpoint(self) -> bool:
        return urlsplit(self.path).path in _ENDPOINTS

    def _not_found(self) -> None:
        self._error(404, f"no such resource {urlsplit(self.path).path}; the endpoint is /sparql")

    def _not_allowed(self) -> None:
        """PUT, DELETE, PATCH...: 405 on the endpoint (it exists; only reading is allowed), else 404."""
        if not self._is_endpoint():
            return self._not_found()
        self.close_connection = True  # a body may follow that we do not read
        self._error(405, f"{self.command} is not allowed: this endpoint is read-only ({_ALLOWED})",
                    extra={"Allow": _ALLOWED})

    do_PUT = do_DELETE = do_PATCH = do_TRACE = do_CONNECT = _not_allowed  # noqa: N815 (http.server's naming)

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._send(204, b"", extra={"Access-Control-Allow-Methods": _ALLOWED,
                                    "Access-Control-Allow-Headers": "Content-Type, Accept",
                                    "Access-Control-Max-Age": "86400"})

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if self.server.page is not None and self._page_get(url.path, url.query):
            return None
        if url.path not in _ENDPOINTS:
            return self._not_found()
        params = parse_qs(url.query, keep_blank_values=True)
        if "update" in params:
            return self._error(403, _READ_ONLY)
        if "query" not in params:
            if url.path == "/" and self.server.page is not None and "text/html" in (self.headers.get("Accept") or ""):
                return self._send(200, self.server.page.index(), "text/html; charset=utf-8", extra=_PAGE_HEADERS)
            return self._error(200 if url.path == "/" else 400,
                               "readout-kg SPARQL endpoint (read-only): GET or POST /sparql with query=...")
        self._answer(params["query"][0], params.get("format", [None])[0])

    do_HEAD = do_GET  # noqa: N815

    def _page_get(self, path: str, query: str) -> bool:
        """Answer a request of the page (a file, or the API); False when ``path`` is not the page's."""
        page = self.server.page
        if path.startswith(_ASSETS):
            found = page.asset(path[len(_ASSETS):])  # a name found at start, or nothing: never a path
            if found is None:
                self._not_found()
            else:
                self._send(200, found[0], found[1], extra=_PAGE_HEADERS)
            return True
        params = {k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}
        if path == "/api/info":
            return self._api(page.info)
        if path == "/api/queries":
            return self._api(page.queries)
        if path == "/api/view":
            return self._api(lambda: page.view(params.get("name", ""), params.get("lang", "en")))
        return False

    def _api(self, answer: Callable[[], bytes]) -> bool:
        """JSON from ``answer``, or its error as one line (400); never a traceback."""
        try:
            body = answer()
        except KGError as exc:
            self._error(400, str(exc))
        except Exception as exc:  # noqa: BLE001 (a bug must not take the server down, nor reach the client whole)
            self.server.report(f"page: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
            self._error(500, f"the page's request failed ({type(exc).__name__}); see the server's log")
        else:
            self._send(200, body, "application/json; charset=utf-8", extra={"Cache-Control": "no-cache"})
        return True

    def _body(self) -> bytes | None:
        """The request body, or None after answering 400, 411 or 413 (and closing the connection)."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.close_connection = True
            self._error(411, "send the body with a Content-Length")
            return None
        lengths = {value.strip() for value in self.headers.get_all("Content-Length") or []}
        if len(lengths) > 1 or (lengths and not _DIGITS.fullmatch(next(iter(lengths)))):
            self.close_connection = True
            self._error(400, "bad Content-Length header: expected one number of bytes")
            return None
        length = int(lengths.pop()) if lengths else 0
        if length > _MAX_BODY:
            self.close_connection = True
            self._error(413, f"request body too large (limit {_MAX_BODY >> 20} MiB)")
            return None
        body = self.rfile.read(length)
        if len(body) < length:
            self.close_connection = True  # the client hung up mid-body: nobody to answer
            return None
        return body

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path == "/api/bind" and self.server.page is not None:
            raw = self._body()
            if raw is not None:
                self._api(lambda: self.server.page.bind(raw))
            return None
        if url.path not in _ENDPOINTS:
            self.close_connection = True  # the body is not read
            return self._not_found()
        raw = self._body()
        if raw is None:
            return None
        body = raw.decode("utf-8", errors="replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            return self._error(403, _READ_ONLY)
        if media == "application/sparql-query":
            return self._answer(body, parse_qs(url.query).get("format", [None])[0])
        if media == "application/x-www-form-urlencoded":
            params = parse_qs(body, keep_blank_values=True)
            if "update" in params:
                return self._error(403, _READ_ONLY)
            if "query" in params:
                return self._answer(params["query"][0], params.get("format", [None])[0])
            return self._error(400, "missing query parameter")
        return self._error(415, "POST application/sparql-query or application/x-www-form-urlencoded")

    def _answer(self, text: str, fmt: str | None) -> None:
        try:
            check_query(text, federation=False)  # before any process is forked for it
        except QueryRefused as exc:
            return self._error(403, str(exc))
        except QueryTooComplex as exc:
            return self._error(400, str(exc))
        timeout = self.server.timeout_s
        request = {"query": text, "format": fmt, "accept": self.headers.get("Accept")}
        with tempfile.SpooledTemporaryFile(max_size=1 << 20) as spool:
            try:
                outcome = self.server.sandbox.run(request, timeout, spool.write)
            except QueryTimeout:
                return self._error(503, f"query timed out after {timeout:g} s; it was stopped")
            except QueryBusy:
                return self._error(503, f"too many queries running: no slot came free within {timeout:g} s",
                                   extra={"Retry-After": "5"})
            except QueryStopped as exc:
                return self._error(503, f"{exc}: it needed more than {QUERY_MEMORY_BYTES >> 20} MiB, "
                                        "or the SPARQL engine failed")
            except QueryFailed as exc:
                self.server.report(f"query failed: {exc}")
                return self._error(500, f"query failed: {exc}")
            if outcome["status"] != 200:
                return self._error(outcome["status"], outcome["message"])
            self._send(200, None, outcome["media"], length=spool.tell())
            if self.command == "HEAD":
                return None
            spool.seek(0)
            while chunk := spool.read(1 << 16):
                self.wfile.write(chunk)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a slow client must not hold up Ctrl-C

    def __init__(self, address: tuple[str, int], sandbox: Sandbox, timeout_s: float,
                 log: Callable[[str], None] | None, max_rows: int) -> None:
        super().__init__(address, _Handler)
        self.sandbox, self.timeout_s, self.log, self.max_rows = sandbox, timeout_s, log, max_rows
        self.page: Any = None  # a kg.web.Page, or None: the endpoint alone
        self.client_timeout_s, self.request_read_s = CLIENT_TIMEOUT_S, REQUEST_READ_S
        self._clients = threading.BoundedSemaphore(MAX_CLIENTS)

    def report(self, line: str) -> None:
        """One line about the server itself: to the log, or to stderr when requests are not logged."""
        if self.log:
            self.log(line)
        else:
            print(f"kg: serve: {line}", file=sys.stderr)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._clients.acquire(blocking=False):
            try:
                request.settimeout(1.0)
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                                b"Content-Length: 32\r\nConnection: close\r\n\r\ntoo many connections; try again\n")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._clients.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up or stalls is routine: one short line in the log, no traceback."""
        error = sys.exc_info()[1]
        who = client_address[0] if isinstance(client_address, tuple) else str(client_address)
        if isinstance(error, (ConnectionError, TimeoutError)):
            if self.log:
                self.log(f"{who} connection dropped ({type(error).__name__})")
            return
        self.report(f"{who} internal error: {type(error).__name__}: {' '.join(str(error).split())[:300]}")

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        _give_back_memory()  # the store now lives in the query processes
        super().serve_forever(poll_interval)

    def server_close(self) -> None:
        super().server_close()
        self.sandbox.close()


def _give_back_memory() -> None:
    """Return freed memory to the system (glibc keeps it otherwise): a dropped store is large."""
    gc.collect()
    name = ctypes.util.find_library("c")
    try:
        ctypes.CDLL(name).malloc_trim(0)
    except (OSError, AttributeError, TypeError):
        pass  # not glibc


def _page(store: Any) -> Any:
    """The page, reading its snapshot of ``store`` on a thread (the zygote is forked already)."""
    from kg.knowledge.registry import load_registry
    from kg.views.snapshot import load_snapshot
    from kg.web import Page

    return Page(lambda: load_snapshot(store, lazy=False), load_registry(), on_loaded=_give_back_memory)


def make_server(store: Any, port: int = DEFAULT_PORT, timeout_s: float = DEFAULT_TIMEOUT,
                host: str = "127.0.0.1", run: Callable[[Any, str], QueryResult] | None = None,
                log: Callable[[str], None] | None = None, max_rows: int = DEFAULT_MAX_ROWS,
                page: bool = False) -> ThreadingHTTPServer:
    """An endpoint for ``store`` on ``host:port`` (port 0: any free one); call ``serve_forever()``.

    Call it before starting any thread: it forks the process that holds the store and
    forks one child per query (``run(store, text)``, by default :func:`kg.sparql.query.stream_query`
    without SERVICE). The caller may drop ``store`` afterwards; ``serve_forever`` gives its
    memory back. Answers larger than ``max_rows`` results are refused (413) as the rows come.
    With ``page``, the page of :mod:`kg.web` is served too (its snapshot of the graph is read
    on a thread after the query process is forked, so that process does not carry it, and
    the server answers meanwhile)."""
    store = ensure_union(in_memory(store))  # a store kept on disk: copied, as a fork cannot share it
    job = _job(store, run or functools.partial(stream_query, federation=False), max_rows)
    sandbox = Sandbox(job, slots=QUERY_SLOTS, memory_bytes=QUERY_MEMORY_BYTES + QUERY_STACK_BYTES)
    try:
        server = _Server((host, port), sandbox, timeout_s, log, max_rows)
    except BaseException:
        sandbox.close()
        raise
    if page:
        try:
            server.page = _page(store)
        except BaseException:
            server.server_close()
            raise
    return server

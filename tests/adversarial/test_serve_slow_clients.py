"""Slow and vanishing clients of `kg serve`: with no read timeout, a client that connects
and sends nothing (or a byte now and then) held its thread for ever; clients that hung up
mid-answer left ~270 BrokenPipeError tracebacks in the log. Now every read has a timeout,
a whole request a deadline, connections are capped, and a client that goes away costs one
short log line (none with --quiet). Loopback only; the limits are shortened for the test."""

from __future__ import annotations

import socket
import struct
import threading
import time
import urllib.parse
import urllib.request

import pytest
from minidata import mini, mini_store  # noqa: F401  (fixtures)

import kg.serve.server
from kg.serve.server import make_server

LARGE = "SELECT * WHERE { ?s ?p ?o . ?x ?y ?z } LIMIT 5000"  # 4 MB of JSON


def start(store, **limits):
    lines: list[str] = []
    server = make_server(store, port=0, timeout_s=10, log=limits.pop("log", lines.append))
    for name, value in limits.items():
        setattr(server, name, value)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, lines


def ask(server) -> float:
    host, port = server.server_address[:2]
    started = time.monotonic()
    with urllib.request.urlopen(f"http://{host}:{port}/sparql?query=ASK%20%7B%7D", timeout=5) as response:
        assert response.status == 200
    return time.monotonic() - started


def closed_after(client: socket.socket, drip: bytes = b"", every: float = 0.0, limit: float = 10.0) -> float:
    """Seconds until the server closes ``client``, which sends ``drip`` a byte at a time."""
    started = time.monotonic()
    client.settimeout(every or limit)
    for byte in drip:
        try:
            client.sendall(bytes([byte]))
            if client.recv(1) == b"":
                return time.monotonic() - started
        except socket.timeout:
            continue
        except OSError:
            return time.monotonic() - started
    try:
        while client.recv(4096):
            pass
    except (socket.timeout, OSError):
        return float("inf") if time.monotonic() - started >= limit else time.monotonic() - started
    return time.monotonic() - started


def test_silent_and_dripping_clients_are_dropped(mini_store):
    server, _ = start(mini_store, client_timeout_s=0.5, request_read_s=1.5)
    host, port = server.server_address[:2]
    try:
        silent = socket.create_connection((host, port))
        assert closed_after(silent) < 2.0
        drip = socket.create_connection((host, port))  # a byte every 0.3 s: each read is in time, the request is not
        seconds = closed_after(drip, b"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"z" * 100,
                               every=0.3)
        assert 1.4 < seconds < 4.0, seconds
        assert ask(server) < 1.0
    finally:
        server.shutdown()
        server.server_close()


def test_connections_are_capped(mini_store, monkeypatch):
    monkeypatch.setattr(kg.serve.server, "MAX_CLIENTS", 3)
    server, _ = start(mini_store, client_timeout_s=5, request_read_s=5)
    host, port = server.server_address[:2]
    held = [socket.create_connection((host, port)) for _ in range(3)]
    try:
        time.sleep(0.2)
        with socket.create_connection((host, port), timeout=5) as extra:
            assert extra.recv(100).startswith(b"HTTP/1.1 503 ")
        for client in held:
            client.close()
        time.sleep(0.2)
        assert ask(server) < 1.0
    finally:
        server.shutdown()
        server.server_close()


def hang_up_mid_answer(host: str, port: int) -> None:
    client = socket.create_connection((host, port))
    client.sendall(f"GET /sparql?query={urllib.parse.quote(LARGE)} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    client.recv(16)
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, not close
    client.close()


@pytest.mark.parametrize("quiet", [False, True])
def test_clients_that_hang_up_cost_one_line_at_most(mini_store, capfd, quiet):
    lines: list[str] = []
    server, _ = start(mini_store, log=None if quiet else lines.append)
    host, port = server.server_address[:2]
    try:
        for _ in range(10):
            hang_up_mid_answer(host, port)
        time.sleep(1.0)
        assert ask(server) < 1.0
    finally:
        server.shutdown()
        server.server_close()
    out, err = capfd.readouterr()
    assert "Traceback" not in err and "Error" not in err
    if quiet:
        assert err == "" and lines == []
    else:
        dropped = [line for line in lines if "connection dropped" in line]
        assert 1 <= len(dropped) <= 10 and all(line.count("\n") == 0 and len(line) < 100 for line in dropped)

"""Cross joins against `kg serve --timeout`: four such queries used to get their 503 and run
on in the worker threads, after which even `ASK {}` got 503 and the process sat at 200%
CPU; `SELECT *` kept allocating after its 503, and --max-rows was checked only once every
row was in memory. Now each query runs in its own process, stopped at the timeout; the
row limit is enforced as rows are read; a query's memory is capped. Asserted: every slow
query 503 near its timeout, then `ASK {}` within a second, no query process left behind,
the server's memory (all its processes) under 500 MB. Loopback only."""

from __future__ import annotations

import concurrent.futures
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from minidata import mini, mini_store  # noqa: F401  (fixtures)

import kg.serve.server
from kg.serve.server import make_server

ROOT = Path(__file__).resolve().parents[2]
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 1,056 quads: 10^9 rows
EVERY_ROW = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIMEOUT_S = 1.0


def get(url: str, query: str, timeout: float = 30) -> tuple[int, float, bytes]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url + "?query=" + urllib.parse.quote(query), timeout=timeout) as response:
            return response.status, time.monotonic() - started, response.read()
    except urllib.error.HTTPError as error:
        return error.code, time.monotonic() - started, error.read()


def process_tree(root: int) -> dict[int, int]:
    """Every live process under ``root`` (itself included) and its resident memory in KiB."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                with open(f"/proc/{entry}/statm", encoding="ascii") as handle:
                    pages = int(handle.read().split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if fields[0] != "Z":
                parents[int(entry)], rss[int(entry)] = int(fields[1]), pages * os.sysconf("SC_PAGE_SIZE") // 1024
    tree, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in rss:
            tree[pid] = rss[pid]
            todo += [child for child, parent in parents.items() if parent == pid]
    return tree


def settled_tree(root: int, size: int, within: float = 2.0) -> dict[int, int]:
    """:func:`process_tree` once it has ``size`` processes (a finished query's process takes a
    moment to exit), or as it is after ``within`` seconds."""
    deadline = time.monotonic() + within
    while len(tree := process_tree(root)) > size and time.monotonic() < deadline:
        time.sleep(0.05)
    return tree


@pytest.fixture()
def served(mini: Path):
    """`kg serve --timeout 1 --max-rows 1000 -q` on the mini dump, in its own process: (url, process)."""
    process = subprocess.Popen([sys.executable, "-c", "from cli import main; main()", "serve", "--dump", str(mini),
                                "--port", "0", "--timeout", str(TIMEOUT_S), "--max-rows", "1000", "-q"],
                               cwd=ROOT, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stderr), daemon=True)
    reader.start()
    deadline = time.monotonic() + 30
    while not any("SPARQL endpoint" in line for line in lines):
        assert process.poll() is None and time.monotonic() < deadline, f"kg serve did not start: {lines}"
        time.sleep(0.05)
    url = re.search(r"http://\S+/sparql", next(line for line in lines if "SPARQL endpoint" in line)).group()
    yield url, process, lines
    process.terminate()
    process.wait(10)


def test_timed_out_cross_joins_leave_nothing_running(served):
    url, process, log = served
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: get(url, CROSS_JOIN), range(8)))
    assert [status for status, _, _ in answers] == [503] * 8, answers
    assert all(seconds < TIMEOUT_S + 2.5 for _, seconds, _ in answers), [round(s, 2) for _, s, _ in answers]
    assert b"timed out after 1 s" in answers[0][2]
    status, seconds, body = get(url, "ASK {}")
    assert status == 200 and b"true" in body and seconds <= 1.0, (status, seconds)
    tree = settled_tree(process.pid, 2)
    assert len(tree) == 2, f"query processes left running: {tree}"  # the server and the store's zygote
    assert sum(tree.values()) < 500 * 1024, tree
    assert not any("Traceback" in line for line in log)


def test_row_limit_is_enforced_while_rows_are_read(served):
    url, _, _ = served
    for query in (EVERY_ROW, "CONSTRUCT { ?a ?b ?g } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"):
        status, seconds, body = get(url, query)  # 10^9 rows: only reading them all would take past the timeout
        assert status == 413 and b"limit of 1,000 results" in body, (status, body[:200])
        assert seconds < TIMEOUT_S
    status, _, body = get(url, EVERY_ROW + " LIMIT 1000")
    assert status == 200 and body.count(b'"a"') == 1000 + 1  # the head names ?a once, then each row


def test_a_query_over_its_memory_cap_is_stopped(mini_store, monkeypatch):
    monkeypatch.setattr(kg.serve.server, "QUERY_MEMORY_BYTES", 128 << 20)
    server = make_server(mini_store, port=0, timeout_s=60)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    url = f"http://{host}:{port}/sparql"
    try:
        status, seconds, body = get(url, EVERY_ROW + " ORDER BY ?c ?f ?i LIMIT 1", timeout=90)  # sorts 10^9 rows
        assert status == 503 and b"more than 128 MiB" in body and seconds < 30, (status, seconds, body)
        assert get(url, "ASK {}")[0] == 200
        assert len(settled_tree(server.sandbox.pid, 1)) == 1  # the zygote alone
    finally:
        server.shutdown()
        server.server_close()

"""The page of `kg serve` (kg.web): served beside the endpoint without weakening it, only
its own files by name, and driven in a real headless Chromium (playwright, with the
system's /usr/bin/chromium: nothing is downloaded): the page loads, a ready query runs and
its table appears, the network view draws and its time slider filters the edges.

The browser test needs chromium (Debian package chromium) and the vendored libraries
(`python3 dev.py build` or `python3 dev.py test` makes them with npm): without them it is
skipped with one line here, and fails in CI (CI=true)."""

from __future__ import annotations

import http.client
import io
import json
import re
import shutil
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from minidata import mini, mini_store  # noqa: F401  (fixtures)

from dev import in_ci
from kg.errors import QueryError, ViewError
from kg.sparql.params import bind_params
from kg.sparql.query import read_query, run_query
from kg.knowledge.registry import load_registry
from kg.serve.server import make_server
from kg.views.snapshot import load_snapshot
from kg.views.graphs import STANCES, build_view
from kg.web import BUILD_HINT, VENDOR_FILES, VIEW_CHOICES, Page, asset_files

WEB = Path(__file__).resolve().parent.parent / "kg" / "web"


def _start(server) -> str:
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


@pytest.fixture(scope="module")
def site(mini_store):
    server = make_server(mini_store, port=0, timeout_s=5, page=True)
    yield _start(server), server
    server.shutdown()
    server.server_close()


def _get(url: str, accept: str | None = None, data: bytes | None = None, media: str | None = None,
         method: str | None = None) -> tuple[int, dict, bytes]:
    headers = {k: v for k, v in (("Accept", accept), ("Content-Type", media)) if v}
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _raw_status(base: str, path: str) -> int:
    """The status of GET ``path`` sent exactly as written (no client-side normalising of ``..``)."""
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


def _bind(base: str, body: object) -> tuple[int, bytes]:
    status, _, answer = _get(base + "/api/bind", data=json.dumps(body).encode(), media="application/json")
    return status, answer


# ---- over HTTP ------------------------------------------------------------------------------------------------
def test_a_browser_gets_the_page_and_a_client_the_endpoint_line(site):
    base, server = site
    status, headers, body = _get(base + "/", accept="text/html,application/xhtml+xml,*/*;q=0.8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b'<div id="editor"' in body and b"/assets/app.js" in body
    assert "script-src" not in headers["Content-Security-Policy"]  # default-src 'self': no inline or outside script
    assert "default-src 'self'" in headers["Content-Security-Policy"] and headers["X-Content-Type-Options"] == "nosniff"
    status, headers, body = _get(base + "/")  # a SPARQL client: the endpoint's one line, as before
    assert status == 200 and headers["Content-Type"].startswith("text/plain") and b"SPARQL endpoint" in body
    status, headers, body = _get(base + "/assets/app.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert body == (WEB / "static" / "app.js").read_bytes()


def test_only_the_files_found_at_start_are_served_by_name(site):
    base, server = site
    assert _raw_status(base, "/assets/app.css") == 200
    for path in ("/assets/../../etc/passwd", "/assets/..%2f..%2fpyproject.toml", "/assets/%2e%2e/%2e%2e/etc/passwd",
                 "/assets/../__init__.py", "/assets/__init__.py", "/assets/static/app.js", "/assets//etc/passwd",
                 "/assets/app.js/", "/assets/app.js%00.txt", "/assets/.built", "/assets/", "/assets", "/assets/APP.CSS",
                 "/static/app.js", "/kg/web/static/app.js", "/api/", "/api/../assets/app.js", "/etc/passwd"):
        assert _raw_status(base, path) == 404, path


def test_asset_files_skip_links_folders_and_hidden_files(tmp_path):
    folder = tmp_path / "static"
    (folder / "sub").mkdir(parents=True)
    for name in ("app.js", ".hidden.js", "sub/deep.js", "module.py", "notes.md"):
        (folder / name).write_text("x")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the web")
    (folder / "link.txt").symlink_to(secret)
    (folder / "linked").symlink_to(folder / "sub", target_is_directory=True)
    assert list(asset_files(folder)) == ["app.js"]
    (tmp_path / "alias").symlink_to(folder, target_is_directory=True)
    assert asset_files(tmp_path / "alias") == {} and asset_files(tmp_path / "missing") == {}


def test_the_page_keeps_the_endpoints_refusals(site):
    base, server = site
    update = urllib.parse.urlencode({"update": "DELETE WHERE { ?s ?p ?o }"}).encode()
    assert _get(base + "/sparql", data=update, media="application/x-www-form-urlencoded")[0] == 403
    as_query = urllib.parse.urlencode({"query": "DELETE WHERE { ?s ?p ?o }"}).encode()
    assert _get(base + "/sparql", data=as_query, media="application/x-www-form-urlencoded")[0] == 403
    service = urllib.parse.quote("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert _get(f"{base}/sparql?query={service}")[0] == 403
    for method in ("PUT", "DELETE"):
        assert _get(base + "/api/bind", data=b"{}", media="application/json", method=method)[0] == 404
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as client:  # a body over 1 MiB announced
        client.sendall(b"POST /api/bind HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       b"Content-Length: 1048577\r\n\r\n{")
        answer = client.makefile("rb").read().split(b"\r\n\r\n", 1)
    assert answer[0].startswith(b"HTTP/1.1 413 ") and len(answer[1].splitlines()) == 1


def test_a_ready_query_is_bound_by_name_never_by_text(site):
    base, server = site
    status, body = _bind(base, {"name": "endorsers-of-state", "params": {"state": "United States", "topic": " "}})
    assert status == 200
    expected = bind_params(read_query("endorsers-of-state"), {"state": "United States"}, load_registry())
    assert json.loads(body)["text"] == expected and "/id/state/USA>" in expected
    for request, words in (({"name": "no-such-query"}, b"no ready query"),
                           ({"name": "endorsers-of-state", "params": {"colour": "red"}}, b"unknown parameter"),
                           ({"name": "endorsers-of-state", "params": {"state": "} ?s ?p ?o {"}}, b"state"),
                           ({"name": "actor-events", "params": {"from": "last spring"}}, b"bad date"),
                           ({"name": "counterparts", "params": {"state": 3}}, b"params"),
                           (["counterparts"], b"expected a JSON object")):
        status, body = _bind(base, request)
        assert status == 400 and words in body and len(body.splitlines()) == 1, (request, body)
    status, _, body = _get(base + "/api/bind", data=b"{not json", media="application/json")
    assert status == 400 and len(body.splitlines()) == 1


def test_each_view_comes_with_a_layout_and_the_dates_of_its_events(site, mini_store):
    base, server = site
    snapshot = load_snapshot(mini_store)
    for choice, (name, level, aggregate) in VIEW_CHOICES.items():
        status, _, body = _get(f"{base}/api/view?name={choice}&lang=fr")
        assert status == 200, body
        data = json.loads(body)
        graph = build_view(name, snapshot, lang="fr", level=level, aggregate=aggregate)
        ids = [node["id"] for node in data["nodes"]]
        assert sorted(ids) == sorted(map(str, graph.nodes)) and len(set(ids)) == len(ids)
        assert len(data["edges"]) == graph.number_of_edges() > 0
        assert all(-1.01 <= node[axis] <= 1.01 for node in data["nodes"] for axis in ("x", "y"))
        assert len({(node["x"], node["y"]) for node in data["nodes"]}) == len(ids)  # no two nodes on one spot
        for edge in data["edges"]:
            assert {edge["source"], edge["target"]} <= set(ids)
            if name == "endorsements":
                assert len(edge["dates"]) == len(edge["stances"]) and set(edge["stances"]) <= set(STANCES)
                assert len(edge["dates"]) + sum(edge["undated"].values()) == edge["weight"]
            else:
                assert len(edge["dates"]) == edge["weight"]
        assert data["dates"] == sorted({d for edge in data["edges"] for d in edge["dates"]})
        labels = {node["id"]: node["label"] for node in data["nodes"]}
        assert all(labels[str(n)] == d["label"] for n, d in graph.nodes(data=True))
    for query in ("name=counterparts", "name=interactions&lang=xx", "name="):
        status, _, body = _get(f"{base}/api/view?{query}")
        assert status == 400 and len(body.splitlines()) == 1, query


def test_without_its_libraries_the_page_says_how_to_build_them(tmp_path, mini_store):
    shutil.copytree(WEB / "static", tmp_path / "static")
    page = Page(load_snapshot(mini_store), load_registry(), root=tmp_path)
    assert not page.ready and page.asset("editor.js") is None
    assert BUILD_HINT.encode() in page.index() and json.loads(page.info())["hint"] == BUILD_HINT
    (tmp_path / "vendor").mkdir()
    for name in VENDOR_FILES:
        (tmp_path / "vendor" / name).write_text("// stand-in")
    page = Page(load_snapshot(mini_store), load_registry(), root=tmp_path)
    assert page.ready and BUILD_HINT.encode() not in page.index()


def test_the_graph_is_read_on_a_thread_and_its_failure_told_in_one_line(tmp_path, mini_store, monkeypatch):
    import kg.web

    monkeypatch.setattr(kg.web, "SNAPSHOT_WAIT_S", 0.2)
    go, done = threading.Event(), threading.Event()

    def slow():
        go.wait(10)
        return load_snapshot(mini_store)

    page = Page(slow, load_registry(), on_loaded=done.set)
    with pytest.raises(ViewError, match="still being read"):
        page.view("interactions", "en")
    go.set()
    assert done.wait(10) and json.loads(page.view("interactions", "en"))["nodes"]

    def broken():
        raise QueryError("the store\nis gone")

    page = Page(broken, load_registry())
    with pytest.raises(ViewError, match="could not be read for the network view: QueryError: the store is gone$"):
        page.view("affiliations", "en")


def test_kg_serve_names_the_page(mini, monkeypatch):
    from click.testing import CliRunner

    import kg.serve.server
    from cli import main

    made = []

    def bound(*args, **kwargs):  # the real server, bound but not serving for ever
        server = real(*args, **kwargs)
        server.serve_forever = lambda *a, **k: None
        made.append(server)
        return server

    real = kg.serve.server.make_server
    monkeypatch.setattr(kg.serve.server, "make_server", bound)
    result = CliRunner().invoke(main, ["serve", "--dump", str(mini), "--port", "0", "--quiet"])
    assert result.exit_code == 0, result.output
    port = made[0].server_address[1]
    assert f"page: http://127.0.0.1:{port}/ " in result.output and made[0].page is not None
    assert (BUILD_HINT in result.output) == (not made[0].page.ready)


# ---- in a real browser ----------------------------------------------------------------------------------------
def _browser_ready() -> None:
    """Fail in CI, else skip, when the libraries or playwright are missing (chromium: the needs mark)."""
    missing = [name for name in VENDOR_FILES if not (WEB / "vendor" / name).is_file()]
    reason = None
    if missing:
        reason = f"kg/web/vendor/ lacks {', '.join(missing)}: run `python3 dev.py build` (needs npm)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is missing: pip install -e '.[test]'"
    if reason and in_ci():
        pytest.fail(f"{reason} (CI runs every test)", pytrace=False)
    if reason:
        pytest.skip(reason)


def _ink(png: bytes) -> float:
    """The share of pixels of a screenshot that are not (near) white: the drawing's ink."""
    from PIL import Image

    counts = Image.open(io.BytesIO(png)).convert("L").histogram()  # pixels per grey level, 0 black to 255 white
    return sum(counts[:200]) / sum(counts)


def _union(store):
    """The store as the endpoint queries it: its default graph the union of the named graphs."""
    from kg.sparql.query import ensure_union

    return ensure_union(store)


def _links_up_to(view: dict, last: str) -> int:
    return sum(1 for edge in view["edges"] if any(date <= last for date in edge["dates"]))


@pytest.mark.needs("chromium")
def test_the_page_in_a_real_browser(site, mini_store):
    _browser_ready()
    from playwright.sync_api import expect, sync_playwright

    base, server = site
    started = time.monotonic()
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"))
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 760})
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda message: message.type == "error" and "403 (Forbidden)" not in message.text
                    and errors.append(message.text))  # 403: the update refused below
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready=true]", timeout=20_000)
            assert page.locator("#editor .cm-editor").count() == 1  # CodeMirror, not the plain fallback
            assert page.locator("#build-notice").count() == 0

            # a ready query, one click away: its table has the rows the engine gives
            page.click("button[data-query=who-met-whom]")
            page.wait_for_selector("#results table tbody tr", timeout=10_000)
            rows = run_query(_union(mini_store), read_query("who-met-whom")).rows
            assert page.locator("#results tbody tr").count() == len(rows) > 0
            assert page.locator("#results thead th").first.inner_text() == "date"

            # its parameters as form fields: the answer changes with them, as `kg query --param` does
            page.click("button[data-query=endorsers-of-state]")
            page.wait_for_selector("#param-fields input[name=state]", timeout=5_000)
            page.fill("#param-fields input[name=state]", "United States")
            page.click("#apply-params")
            text = bind_params(read_query("endorsers-of-state"), {"state": "United States"}, load_registry())
            expected = len(run_query(_union(mini_store), text).rows)
            assert expected != len(run_query(_union(mini_store), read_query("endorsers-of-state")).rows)
            expect(page.locator("#query-status")).to_have_text(re.compile(rf"^{expected} rows? in"), timeout=10_000)
            expect(page.locator("#results tbody tr")).to_have_count(expected)
            assert "state/USA" in page.locator("#editor .cm-content").inner_text()

            # an update typed in the editor is refused by the endpoint, and the page says so in one line
            page.click("#editor .cm-content")
            page.keyboard.press("Control+A")
            page.keyboard.type("DELETE WHERE { ?s ?p ?o }")
            page.keyboard.press("Control+Enter")
            refused = re.compile(r"^403: SPARQL updates .* refused")
            expect(page.locator("#query-status")).to_have_text(refused, timeout=10_000)

            # the network view draws, and the slider filters its links by date
            view = json.loads(_get(base + "/api/view?name=interactions&lang=en")[2])
            page.wait_for_selector("#graph canvas", timeout=10_000)
            assert re.search(rf"\b{len(view['edges'])} links?\b", page.inner_text("#time-label"))
            drawn = page.locator("#graph").screenshot()
            assert _ink(drawn) > 0.002, "the network view is blank"
            page.eval_on_selector("#time", "e => { e.value = '0'; e.dispatchEvent(new Event('input')); }")
            first = view["dates"][0]
            assert re.search(rf"\b{_links_up_to(view, first)} links?\b", page.inner_text("#time-label"))
            assert _ink(page.locator("#graph").screenshot()) > 0.001

            # another view, in other labels
            page.select_option("#view-choice", "endorsements")
            expect(page.locator("#time-label")).to_contain_text("statements", timeout=10_000)
            assert "support" in page.inner_text("#legend")
        finally:
            browser.close()
    assert not errors, errors
    assert time.monotonic() - started < 60


@pytest.mark.needs("chromium")
def test_without_its_libraries_the_page_still_runs_sparql_in_a_browser(tmp_path, mini_store):
    _browser_ready()
    from playwright.sync_api import sync_playwright

    shutil.copytree(WEB / "static", tmp_path / "static")
    server = make_server(mini_store, port=0, timeout_s=5)
    server.page = Page(load_snapshot(mini_store), load_registry(), root=tmp_path)
    base = _start(server)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"))
            try:
                page = browser.new_page()
                page.goto(base + "/")
                page.wait_for_selector("body[data-ready=true]", timeout=20_000)
                assert page.inner_text("#build-notice") == BUILD_HINT
                page.click("button[data-query=counterparts]")
                page.wait_for_selector("#results table tbody tr", timeout=10_000)
                assert page.locator("#editor textarea").count() == 1
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()

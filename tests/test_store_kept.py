"""The query store ``kg build`` keeps on disk (``OUT/.store``): opened by queries instead of
the dump, updated graph by graph on a rebuild, and never read when it disagrees with the dump."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from generated import write_readouts

from kg.build.builder import build
from kg.sparql.query import ensure_union, list_queries, open_store, read_query, run_query
from kg.build.store import DUMP_NQ, STORE_DIR, find_dump, load_store, open_kept_store, sync_store

COUNT = 24


def _quads(store) -> set[tuple[str, str, str, str]]:
    """Every quad of a store, default graph included, as text."""
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store}


def _from_dump(folder: Path):
    return ensure_union(load_store(find_dump(folder)), force=True)


def _rows(store, name: str) -> list[tuple]:
    return sorted(tuple("" if v is None else v for v in row) for row in run_query(store, read_query(name)).values())


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    sources = tmp_path / "sources"
    write_readouts(sources, COUNT, seed=3)
    out = tmp_path / "build"
    build(sources, out, jobs=1)
    return sources, out


def _entries(out: Path) -> dict:
    return json.loads((out / STORE_DIR / "entries.json").read_text(encoding="utf-8"))


def test_build_keeps_a_store_holding_the_dump_and_its_union(built):
    _, out = built
    kept = open_kept_store(out)
    assert kept is not None
    assert _quads(kept) == _quads(_from_dump(out))


@pytest.mark.parametrize("name", sorted(list_queries()))
def test_ready_queries_answer_the_same_from_the_kept_store(built, name):
    _, out = built
    kept = open_store(out)
    assert _rows(kept, name) == _rows(_from_dump(out), name)


def test_one_changed_added_and_removed_readout_update_the_store_graph_by_graph(built):
    sources, out = built
    before = _entries(out)
    db = (out / STORE_DIR / "db").stat().st_ino  # a store loaded afresh is a new folder
    files = sorted(sources.glob("*.txt"))
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n\nThe two sides agreed to stay in close contact.\n",
                        encoding="utf-8")
    files[1].unlink()
    write_readouts(sources, 1, seed=9, start=COUNT + 5)
    build(sources, out, jobs=1)
    after = _entries(out)
    assert after != before  # the stamp lists the new entries
    assert (out / STORE_DIR / "db").stat().st_ino == db
    assert _quads(open_kept_store(out)) == _quads(_from_dump(out))


def test_sync_updates_in_place_rather_than_reloading(built):
    sources, out = built
    files = sorted(sources.glob("*.txt"))
    files[2].unlink()
    build(sources, out, jobs=1)  # syncs once
    (out / STORE_DIR / "stamp.json").unlink()
    assert sync_store(out) == "loaded"  # no stamp: the whole dump again
    assert sync_store(out) == "updated"  # nothing changed: graph by graph (none)
    assert _quads(open_kept_store(out)) == _quads(_from_dump(out))


def test_a_store_that_disagrees_with_the_dump_is_never_opened(built, tmp_path: Path):
    sources, out = built
    dump = out / DUMP_NQ
    other = tmp_path / "other.nq"
    lines = dump.read_text(encoding="utf-8").splitlines(keepends=True)
    other.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    shutil.copyfile(other, dump)  # another dump in place (as a tool other than kg build would leave it)
    assert open_kept_store(out) is None
    store = open_store(out)  # the dump, loaded
    assert _quads(store) == _quads(_from_dump(out))


def test_an_interrupted_update_leaves_no_stamp_and_the_next_build_loads_afresh(built):
    sources, out = built
    (out / STORE_DIR / "stamp.json").unlink()  # as a build killed while it changed the store leaves it
    assert open_kept_store(out) is None
    build(sources, out, jobs=1)
    assert open_kept_store(out) is not None


def test_a_damaged_store_fails_the_sync_not_the_build(built):
    sources, out = built
    shutil.rmtree(out / STORE_DIR / "db")
    (out / STORE_DIR / "db").write_text("not a store", encoding="utf-8")
    files = sorted(sources.glob("*.txt"))
    files[3].unlink()
    result = build(sources, out, jobs=1)
    assert result.published
    assert open_kept_store(out) is None  # no stamp: never read
    assert _quads(open_store(out)) == _quads(_from_dump(out))


def test_a_reader_keeps_the_build_from_changing_the_store_under_it(built):
    sources, out = built
    assert open_kept_store(out) is not None  # holds a shared lock while this process lives
    assert sync_store(out) == "skipped"
    files = sorted(sources.glob("*.txt"))
    files[4].unlink()
    build(sources, out, jobs=1)  # a new dump; the store is left as it was
    assert open_kept_store(out) is None  # it disagrees with the new dump: not read
    assert _quads(open_store(out)) == _quads(_from_dump(out))


def test_a_folder_with_only_the_dump_is_queried_from_the_dump(built, tmp_path: Path):
    _, out = built
    bare = tmp_path / "bare"
    bare.mkdir()
    shutil.copyfile(out / DUMP_NQ, bare / DUMP_NQ)
    assert open_kept_store(bare) is None
    assert not (bare / STORE_DIR).exists()
    assert _rows(open_store(bare), "endorsement-counts") == _rows(open_store(out), "endorsement-counts")


def test_serve_answers_from_a_kept_store(built):
    """RocksDB's handles do not survive the fork of each query: the server copies the store
    into memory first, and answers as the dump does (the union a set)."""
    import csv
    import io
    import threading
    import urllib.parse
    import urllib.request

    from kg.serve.server import make_server

    _, out = built
    server = make_server(open_store(out), port=0, timeout_s=10)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    try:
        answers = []
        for text in ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"):
            request = urllib.request.Request(f"http://{host}:{port}/sparql?query={urllib.parse.quote(text)}",
                                             headers={"Accept": "text/csv"})
            with urllib.request.urlopen(request, timeout=20) as response:
                answers.append(int(list(csv.reader(io.StringIO(response.read().decode())))[1][0]))
    finally:
        server.shutdown()
        server.server_close()
    dump = _from_dump(out)
    expected = [int(run_query(dump, text).values()[0][0]) for text in (
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")]
    assert answers == expected


@pytest.mark.parametrize("loaders", [1, 2, 3])
def test_a_store_loaded_in_small_pieces_holds_what_one_loaded_whole_holds(built, monkeypatch, loaders):
    """The store is loaded a piece of a file at a time (the loader's memory is that of a
    piece, not of a dump of 100,000 readouts), by one thread or by several taking the next
    piece of the dump or the union as each is done; pieces of a few thousand bytes cut the
    dump's lines and the union's statements at their ends, and the union's prefixes go with
    each."""
    import kg.build.store

    _, out = built
    entries = _entries(out)
    monkeypatch.setattr(kg.build.store, "PIECE_BYTES", 4096)
    monkeypatch.setattr(kg.build.store, "LOADERS", loaders)
    (out / STORE_DIR / "stamp.json").unlink()
    assert kg.build.store._sync(out) == "loaded"  # here, not in the child sync_store starts: the pieces are small
    assert (out / DUMP_NQ).stat().st_size > 20 * 4096  # so there were many
    assert _quads(open_kept_store(out)) == _quads(_from_dump(out))
    assert _entries(out) == entries  # each entry's graph, read from its block's last line


def test_pieces_end_where_lines_end(tmp_path: Path):
    from kg.build.store import _pieces

    text = b"".join(b"<urn:s> <urn:p> \"%d\" <urn:g> .\n" % i for i in range(500))
    path = tmp_path / "d.nq"
    path.write_bytes(text)
    pieces = list(_pieces(path, b"\n", 100))
    assert b"".join(pieces) == text
    assert len(pieces) > 100 and all(piece.endswith(b"\n") for piece in pieces)
    long = tmp_path / "long.nq"  # a line longer than a piece: read on to its end
    long.write_bytes(b"x" * 1000 + b"\ny\n" + b"z" * 150 + b"\n")
    assert list(_pieces(long, b"\n", 100)) == [b"x" * 1000 + b"\ny\n", b"z" * 150 + b"\n"]


def test_the_time_a_build_reports_includes_the_store(tmp_path, monkeypatch):
    """The summary's "in N s" is the whole build's: syncing the store comes after the reports."""
    import time

    import kg.build.builder

    sources = tmp_path / "sources"
    write_readouts(sources, 2, seed=5)
    monkeypatch.setattr(kg.build.builder, "sync_store", lambda out: time.sleep(1.5) or "updated")
    result = build(sources, tmp_path / "build", jobs=1)
    assert result.seconds >= 1.5

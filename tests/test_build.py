"""kg.build.builder: one broken readout never stops the others; dumps are deterministic."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.build.builder import build
from kg.errors import SourceError
from kg.build.store import DUMP_NQ, DUMP_TTL, REPORT_JSON, REPORT_TXT, find_dump, load_store

XINJIANG_QUERY = """
PREFIX kg: <https://w3id.org/readout-kg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX stance: <https://w3id.org/readout-kg/vocab/stance/>
SELECT DISTINCT ?g ?r ?exact WHERE {
  GRAPH ?g {
    ?e a kg:Endorsement ; kg:endorser ?who ; kg:stance stance:support ; kg:target ?whom ;
       kg:topic ?topic ; kg:evidence ?evidence .
    ?evidence oa:hasSelector ?selector . ?selector oa:exact ?exact .
  }
  GRAPH ?r { ?who kg:iso3 "KAZ" . ?whom kg:iso3 "CHN" . ?topic skos:prefLabel "Xinjiang"@en . }
}
"""


def _status(result) -> dict[str, tuple[str, list[str]]]:
    return {d.source: (d.status, d.reasons) for d in result.documents}


# ---- one broken file does not stop the build ---------------------------------------------
def test_seed_is_published_and_broken_files_are_listed(small_build, seed_path):
    status = _status(small_build)
    assert set(status) == {seed_path.name, "empty.txt", "no_encounter.txt"}
    assert status[seed_path.name] == ("published", [])
    assert status["empty.txt"][0] in ("error", "rejected")
    assert status["no_encounter.txt"][0] == "skipped"  # a text with nothing to publish is no error
    assert any("empty" in reason for reason in status["empty.txt"][1])
    assert any("no encounter" in reason for reason in status["no_encounter.txt"][1])
    assert [d.source for d in small_build.published] == [seed_path.name]
    assert [d.source for d in small_build.rejected] == ["empty.txt"]
    assert [d.source for d in small_build.skipped] == ["no_encounter.txt"]


def test_build_writes_every_output(small_build):
    for name in (DUMP_NQ, DUMP_TTL, REPORT_JSON, REPORT_TXT):
        assert (small_build.out / name).is_file(), name
    assert find_dump(small_build.out) == small_build.out / DUMP_NQ
    assert not list(small_build.out.glob(".*.tmp"))  # no temporary file left behind


def test_report_lists_the_reasons(small_build, seed_path):
    report = json.loads((small_build.out / REPORT_JSON).read_text(encoding="utf-8"))
    by_source = {d["source"]: d for d in report["documents"]}
    assert by_source[seed_path.name]["status"] == "published"
    assert by_source[seed_path.name]["events"] == 1
    assert by_source[seed_path.name]["endorsements"] == 9  # the gold's nine records
    assert report["summary"]["published"] == 1 and report["summary"]["rejected"] == 1
    assert report["summary"]["skipped"] == 1
    text = (small_build.out / REPORT_TXT).read_text(encoding="utf-8")
    assert "ERROR\tempty.txt: " in text and "SKIPPED\tno_encounter.txt: no encounter" in text
    assert seed_path.name not in text


def test_rejected_readouts_are_not_in_the_dump(small_build, seed_path):
    dump = (small_build.out / DUMP_NQ).read_text(encoding="utf-8")
    assert '"empty.txt"' not in dump and '"no_encounter.txt"' not in dump
    assert f'"{seed_path.name}"' in dump


def test_sparql_finds_kazakhstan_supporting_china_on_xinjiang(small_build, seed_path):
    store = load_store(find_dump(small_build.out))
    rows = [(row["g"].value, row["r"].value, row["exact"].value) for row in store.query(XINJIANG_QUERY)]
    assert len(rows) == 1
    graph, described, exact = rows[0]
    assert graph == small_build.published[0].graph  # the fact sits in the seed's named graph
    assert described.endswith("/graph/registry")  # the states and the topic are described once, there
    assert "Xinjiang" in exact and "Kazakhstan" in exact
    assert exact in seed_path.read_text(encoding="utf-8")


def test_sparql_default_graph_as_union(small_build):
    store = load_store(find_dump(small_build.out))
    query = XINJIANG_QUERY.replace("GRAPH ?g {", "{").replace("GRAPH ?r {", "{").replace("?g ?r ?exact", "?exact")
    rows = list(store.query(query, use_default_graph_as_union=True))
    assert len(rows) == 1 and "Xinjiang" in rows[0]["exact"].value


def test_missing_sources_folder_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="no such file or directory"):
        build(tmp_path / "nowhere", tmp_path / "out", jobs=1)


def test_bad_base_fails_before_writing_anything(tmp_path, small_sources):
    with pytest.raises(ValueError, match="--base"):
        build(small_sources, tmp_path / "out", base="not an iri", jobs=1)
    assert not (tmp_path / "out").exists()


def test_same_content_twice_is_built_once(tmp_path, seed_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_bytes(seed_path.read_bytes())
    (sources / "b.txt").write_bytes(seed_path.read_bytes())
    result = build(sources, tmp_path / "out", jobs=1)
    assert [(d.source, d.status) for d in result.documents] == [("a.txt", "published"), ("b.txt", "duplicate")]
    assert (tmp_path / "out" / DUMP_NQ).read_text(encoding="utf-8").count('"a.txt"') == 1


# ---- determinism -----------------------------------------------------------------------
def test_every_variant_is_published_with_its_own_day(variant_build, variant_days):
    assert len(variant_build.published) == 1 + len(variant_days)
    dump = (variant_build.out / DUMP_NQ).read_text(encoding="utf-8")
    for day in (21, *variant_days):
        assert f'"2021-01-{day:02d}"^^<http://www.w3.org/2001/XMLSchema#date>' in dump, day


def test_two_builds_are_byte_identical(variant_sources, variant_build, tmp_path):
    again = build(variant_sources, tmp_path / "again", jobs=1)
    for name in (DUMP_NQ, DUMP_TTL, REPORT_JSON):
        assert (again.out / name).read_bytes() == (variant_build.out / name).read_bytes(), name


def test_workers_give_the_same_bytes(variant_sources, variant_build, tmp_path):
    parallel = build(variant_sources, tmp_path / "parallel", jobs=2)
    for name in (DUMP_NQ, DUMP_TTL, REPORT_JSON):
        assert (parallel.out / name).read_bytes() == (variant_build.out / name).read_bytes(), name


def test_dump_lines_are_sorted_within_each_graph(variant_build, variant_days):
    lines = (variant_build.out / DUMP_NQ).read_text(encoding="utf-8").splitlines()
    by_graph: dict[str, list[str]] = {}
    for line in lines:
        by_graph.setdefault(line.rsplit(" <", 1)[1], []).append(line)
    # one per readout, the registry, the entities (the software), the statistics
    assert len(by_graph) == 1 + len(variant_days) + 1 + 1 + 1
    for graph_lines in by_graph.values():
        assert graph_lines == sorted(graph_lines)


def test_a_second_build_into_the_same_folder_waits_for_the_first(tmp_path, seed_path):
    """Two builds into one folder would copy byte ranges of outputs the other replaces: the
    second waits on the folder's lock (held here by the test) and then builds."""
    import fcntl
    import shutil
    import threading

    from kg.build.cache import CACHE_DIR
    from kg.files import LOCK

    sources, out = tmp_path / "sources", tmp_path / "build"
    sources.mkdir()
    shutil.copy(seed_path, sources / seed_path.name)
    (out / CACHE_DIR).mkdir(parents=True)
    waited = threading.Event()
    done: list = []
    with open(out / CACHE_DIR / LOCK, "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        worker = threading.Thread(target=lambda: done.append(build(sources, out, jobs=1, notify=lambda line: waited.set())))
        worker.start()
        assert waited.wait(60), "the build did not notice the lock"
        worker.join(0.5)
        assert worker.is_alive() and not done and not (out / "readouts.nq").exists()
        fcntl.flock(held.fileno(), fcntl.LOCK_UN)
    worker.join(120)
    assert done and done[0].summary()["published"] == 1


def test_outputs_of_one_build_are_replaced_together(tmp_path, seed_path, monkeypatch):
    """The reports are made in full before any output is renamed: a build that fails while
    making them leaves the dump, the union and the reports of the last build, all four."""
    import shutil

    import kg.build.builder

    sources, out = tmp_path / "sources", tmp_path / "build"
    sources.mkdir()
    shutil.copy(seed_path, sources / "a.txt")
    build(sources, out, jobs=1)
    before = {name: (out / name).read_bytes() for name in (DUMP_NQ, DUMP_TTL, REPORT_JSON, REPORT_TXT)}
    (sources / "b.txt").write_text(seed_path.read_text(encoding="utf-8").replace("21 janvier", "12 janvier"),
                                   encoding="utf-8")

    def broken(report: dict) -> str:
        raise UnicodeEncodeError("utf-8", "\udce9", 0, 1, "surrogates not allowed")
    monkeypatch.setattr(kg.build.builder, "_report_json", broken)
    with pytest.raises(UnicodeEncodeError):
        build(sources, out, jobs=1)
    assert {name: (out / name).read_bytes() for name in before} == before
    assert not list(out.glob(".*.tmp"))
    monkeypatch.undo()
    assert build(sources, out, jobs=1).summary()["published"] == 2  # and the next build goes through


# ---- two sides of one call: counted as one encounter -------------------------------------
PAIR = Path(__file__).parent / "data" / "encounter"


def _statistics_lines(out: Path) -> list[str]:
    return [line for line in (out / DUMP_NQ).read_text(encoding="utf-8").splitlines() if "/graph/statistics> ." in line]


def test_the_summary_counts_the_two_readouts_of_one_call_as_one_encounter(tmp_path):
    from click.testing import CliRunner

    from cli import main

    sources = tmp_path / "sources"
    sources.mkdir()
    for path in sorted(PAIR.glob("*.txt")):
        shutil.copy(path, sources / path.name)
    result = build(sources, tmp_path / "out", jobs=1)
    summary = result.summary()
    assert (summary["published"], summary["encounters"], summary["events"]) == (2, 1, 2)
    report = json.loads((tmp_path / "out" / REPORT_JSON).read_text(encoding="utf-8"))
    assert (report["summary"]["encounters"], report["summary"]["events"]) == (1, 2)
    run = CliRunner().invoke(main, ["build", str(sources), "--out", str(tmp_path / "cli"), "--jobs", "1"])
    assert run.exit_code == 0, run.output
    assert "1 encounter (2 reports), " in run.output
    # the stance both sides report (Australia supports Ukraine's sovereignty) counts once
    ukraine = [line.split(" ")[0] for line in _statistics_lines(tmp_path / "out")
               if "ofTopic> <https://w3id.org/readout-kg/vocab/topic/sovereignty" in line]
    cell = [line for line in _statistics_lines(tmp_path / "out") if line.startswith(ukraine[0] + " ")]
    assert any('statementCount> "1"^^' in line for line in cell) and any('reportCount> "2"^^' in line for line in cell)


def test_a_readout_of_the_other_side_added_later_gives_the_bytes_of_a_clean_build(tmp_path):
    """The second readout of a call arrives in a later build: the cached counts are grouped
    again, and the outputs are those of building both at once; then it goes again."""
    sources, out = tmp_path / "sources", tmp_path / "out"
    sources.mkdir()
    china, australia = sorted(PAIR.glob("cn_*.txt")) + sorted(PAIR.glob("au_*.txt"))
    shutil.copy(china, sources / china.name)
    alone = build(sources, out, jobs=1)
    assert (alone.summary()["encounters"], alone.summary()["events"]) == (1, 1)
    before = _statistics_lines(out)
    shutil.copy(australia, sources / australia.name)
    both = build(sources, out, jobs=1)
    assert (both.summary()["encounters"], both.summary()["events"]) == (1, 2)
    build(sources, tmp_path / "clean", jobs=1, clean=True)
    for name in (DUMP_NQ, DUMP_TTL, REPORT_JSON, REPORT_TXT):
        assert (out / name).read_bytes() == (tmp_path / "clean" / name).read_bytes(), name
    (sources / australia.name).unlink()
    again = build(sources, out, jobs=1)
    assert (again.summary()["encounters"], again.summary()["events"]) == (1, 1)
    assert _statistics_lines(out) == before

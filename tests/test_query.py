"""kg.sparql.query and kg.sparql.results: the ready queries, the store, staleness, and the results formats."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from minidata import MINI_TRIG, ROOT, STATISTICS_GRAPH, mini, mini_store  # noqa: F401  (fixtures)

from kg.errors import DumpNotFound, QueryError
from kg.sparql.query import describe_query, ensure_dump, is_stale, list_queries, queries_dir, read_query, run_query
from kg.sparql.results import serialize, short_iri, xml_text
from kg.build.store import find_dump

READY = sorted(list_queries())


def test_ready_queries_cover_the_issue():
    assert {"who-met-whom", "actor-events", "person-roles", "endorsers-of-state", "endorsement-counts",
            "counterparts", "statements-evidence"} <= set(READY)


@pytest.mark.parametrize("name", READY)
def test_ready_query_opens_with_what_it_answers(name):
    text = read_query(name)
    assert text.startswith("# ")
    assert len(describe_query(text)) > 30


def test_queries_ship_in_the_wheel():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]["queries"] == "kg/queries"
    assert (queries_dir() / "who-met-whom.rq").is_file()


def test_unknown_ready_query_names_the_known_ones():
    with pytest.raises(QueryError, match="who-met-whom"):
        read_query("no-such-query")


def _rows(store, name):
    return run_query(store, read_query(name)).values()


def test_who_met_whom(mini_store):
    rows = _rows(mini_store, "who-met-whom")
    assert ("2022-03-09", "Meeting", "Wang Yi", "CHN", "Sergey Lavrov", "RUS",
            "https://w3id.org/readout-kg/id/event/2022-03-09/meeting/bbbbbbbbbbbb") in rows
    assert len(rows) == 7  # the three-party talks give three pairs


def test_endorsers_of_china_on_xinjiang_by_year(mini_store):
    assert _rows(mini_store, "endorsers-of-state") == [
        ("2021", "KAZ", "support", "1"), ("2022", "KAZ", "support", "1"), ("2022", "RUS", "support", "1"),
        ("2023", "FRA", "oppose", "1")]


def test_person_roles_over_time(mini_store):
    assert _rows(mini_store, "person-roles") == [
        ("foreign_minister", "CHN", "2021-01-21", "2022-07-01", "3"),
        ("state_councilor", "CHN", "2021-01-21", "2021-01-21", "1"),
        ("party_leader", "CHN", "2023-09-20", "2023-09-20", "1")]


def test_actor_events_edits_date_range(mini_store):
    text = read_query("actor-events").replace('"2000-01-01"', '"2022-01-01"').replace('"2099-12-31"', '"2022-12-31"')
    dates = {row[0] for row in run_query(mini_store, text).values()}
    assert dates == {"2022-03-09", "2022-07-01"}


def test_counterparts_and_counts(mini_store):
    assert [r[:3] for r in _rows(mini_store, "counterparts")] == [
        ("KAZ", "Kazakhstan", "2"), ("RUS", "Russia", "2"), ("FRA", "France", "1"), ("UN", "UN", "1")]
    counts = _rows(mini_store, "endorsement-counts")
    assert ("2022", "xinjiang", "support", "2") in counts


def test_statements_carry_their_sentence_and_source(mini_store):
    rows = _rows(mini_store, "statements-evidence")
    assert len(rows) == 9
    fra = [r for r in rows if r[0] == "FRA"][0]
    assert fra[4] == "France voiced concern about Xinjiang." and fra[5] == "r4 <&>.txt" and fra[6] is None


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own N-Quads parser
@pytest.mark.parametrize("name", READY)
def test_second_engine_agrees(name, mini):
    """rdflib's SPARQL engine returns the same rows as pyoxigraph for every ready query (with
    the other side's readout of one mini encounter beside the mini dataset, so that the query
    comparing two readouts of one encounter has rows too)."""
    import pyoxigraph as ox
    from rdflib import Dataset

    from kg.build.statistics import add_statistics

    other_side = ROOT / "tests" / "data" / "encounter" / "mini_other_side.trig"
    store = ox.Store()  # the mini dataset and the other side, with the statistics a build would add to both
    store.extend(ox.parse(path=str(MINI_TRIG), format=ox.RdfFormat.TRIG))
    store.extend(ox.parse(path=str(other_side), format=ox.RdfFormat.TRIG))
    assert add_statistics(store, STATISTICS_GRAPH) > 0
    dataset = Dataset(default_union=True)
    dataset.parse(data=ox.serialize(list(store), format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    text = read_query(name)
    theirs = sorted(tuple("" if v is None else str(v) for v in row) for row in dataset.query(text))
    ours = sorted(tuple("" if v is None else v for v in row) for row in run_query(store, text).values())
    assert ours == theirs and ours


def test_ask_construct_and_errors(mini_store):
    assert run_query(mini_store, "ASK { ?p a kg:Person }").boolean is True
    graph = run_query(mini_store, "CONSTRUCT { ?p a kg:Person } WHERE { ?p kg:represents id:state\\/FRA }")
    assert serialize(graph) == ("<https://w3id.org/readout-kg/id/person/FRA/jean-dupont> "
                                "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                                "<https://w3id.org/readout-kg/ontology#Person> .\n")
    with pytest.raises(QueryError, match="malformed"):
        run_query(mini_store, "SELECT WHERE {")
    with pytest.raises(QueryError):
        run_query(mini_store, "INSERT DATA { <http://a> <http://b> <http://c> }")


def test_results_formats_escape_awkward_values(mini_store):
    result = run_query(mini_store, 'SELECT ?p ?name WHERE { ?p a kg:Person ; rdfs:label ?name FILTER(CONTAINS(?name, "Dupont")) }')
    data = json.loads(serialize(result, "json"))
    assert data["head"]["vars"] == ["p", "name"]
    assert data["results"]["bindings"][0]["name"]["value"] == 'Jean "Jo" <Dupont> & Fils\x07'
    assert list(csv.reader(io.StringIO(serialize(result, "csv"))))[1][1] == 'Jean "Jo" <Dupont> & Fils\x07'
    tsv = serialize(result, "tsv").splitlines()
    assert tsv[0] == "?p\t?name" and tsv[1].endswith('"Jean \\"Jo\\" <Dupont> & Fils\\u0007"')
    root = ET.fromstring(serialize(result, "xml"))
    literal = root.find(".//{http://www.w3.org/2005/sparql-results#}literal")
    assert literal.text == 'Jean "Jo" <Dupont> & Fils'  # U+0007 cannot exist in XML 1.0
    text = serialize(result, "table")
    assert "id:person/FRA/jean-dupont" in text and "\x07" not in text and text.endswith("(1 row)\n")


def test_table_aligns_wide_characters(mini_store):
    result = run_query(mini_store, "SELECT ?name ?code WHERE { ?s skos:prefLabel ?name ; kg:iso3 ?code "
                                   "FILTER(LANG(?name) = 'zh') } ORDER BY ?code")
    lines = serialize(result, "table").splitlines()
    assert lines[2] == "中国        CHN"  # 中国 is four columns wide; 哈萨克斯坦, ten, sets the column
    assert lines[3] == "法国        FRA"


def test_helpers():
    assert short_iri("https://w3id.org/readout-kg/ontology#Person") == "kg:Person"
    assert short_iri("https://w3id.org/readout-kg/id/state/CHN") == "id:state/CHN"
    assert short_iri("http://example.org/x") == "<http://example.org/x>"
    assert xml_text("a\x00b\x07c\td") == "abc\td"


# ---- the dump to query: given, or build/ rebuilt from sources/ when missing or stale -----------------------
@pytest.fixture()
def sources(tmp_path: Path, seed_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(seed_path, folder / seed_path.name)
    return folder


def test_build_when_missing_then_reuse_then_rebuild_when_stale(sources: Path, tmp_path: Path):
    out = tmp_path / "build"
    built: list[Path] = []
    dump = ensure_dump(None, sources, out, on_build=lambda s, o: built.append(o))
    assert dump == out / "readouts.nq" and built == [out]
    assert not is_stale(out, sources)
    ensure_dump(None, sources, out, on_build=lambda s, o: built.append(o))
    assert len(built) == 1
    older = next(sources.iterdir()).stat().st_mtime - 10
    os.utime(dump, (older, older))
    assert is_stale(out, sources)
    ensure_dump(None, sources, out, on_build=lambda s, o: built.append(o))
    assert len(built) == 2 and not is_stale(out, sources)


def test_dump_folder_given_or_missing(mini: Path, tmp_path: Path):
    assert ensure_dump(mini) == mini / "readouts.nq"
    with pytest.raises(DumpNotFound):
        ensure_dump(tmp_path)
    with pytest.raises(DumpNotFound, match="no sources folder"):
        ensure_dump(None, tmp_path / "nothing", tmp_path / "build")


def test_union_default_graph_is_a_set(mini_store):
    """A triple repeated in six readout graphs is one triple of the default graph (as in rdflib)."""
    result = run_query(mini_store, "SELECT ?code WHERE { id:state\\/CHN kg:iso3 ?code }")
    assert result.values() == [("CHN",)]
    graphs = run_query(mini_store, "SELECT (COUNT(?g) AS ?n) WHERE { GRAPH ?g { id:state\\/CHN kg:iso3 ?code } }")
    assert graphs.values() == [("6",)]


def test_build_from_another_folder_is_stale(sources: Path, tmp_path: Path, seed_path: Path):
    out = tmp_path / "build"
    ensure_dump(None, sources, out)
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(seed_path, other / "renamed.txt")
    os.utime(other / "renamed.txt", (1, 1))  # older than the build: only the report tells
    assert is_stale(out, other) and not is_stale(out, sources)


def test_installed_queries_are_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Installed from a wheel, the queries live in kg/queries (pyproject force-include)."""
    import kg.sparql.query

    package = tmp_path / "kg"
    (package / "queries").mkdir(parents=True)
    (package / "queries" / "only-here.rq").write_text("# Only in the installed package.\nASK {}\n", encoding="utf-8")
    monkeypatch.setattr(kg.sparql.query.resources, "files", lambda name: package)
    assert queries_dir() == package / "queries" and list(list_queries()) == ["only-here"]


# ---- what a user trips on: syntax errors, damaged dumps, large answers ---------------------------------------
def test_syntax_errors_say_where_and_why_in_one_line(mini_store):
    cases = {
        "SELECT * WHERE { ?s foo:bar ?o }": "line 1, column 28: unknown prefix 'foo:'",
        "SELECT * WHERE {\n  ?s ?p ?o .\n  ?s <http://a b> ?o }": "line 3, column",
        "ASK {} garbage": "unexpected 'garbage'",
        "SELEC * {}": "does not begin with SELECT, ASK, CONSTRUCT or DESCRIBE",
        "SELECT * WHERE { ?s ?p ?o ": "unexpected end of query",
    }
    for text, reason in cases.items():
        with pytest.raises(QueryError) as raised:
            run_query(mini_store, text)
        message = str(raised.value)
        assert message.startswith("malformed SPARQL: ") and reason in message, message
        assert "\n" not in message and "\\u{" not in message and len(message) < 200, message


def test_row_limit_stops_reading_at_the_row_past_it(mini_store):
    from kg.sparql.results import TooManyResults, limit_rows

    read: list[int] = []

    def rows():
        for number in range(1_000_000):
            read.append(number)
            yield number

    with pytest.raises(TooManyResults, match="more than 3 results"):
        list(limit_rows(rows(), 3))
    assert read == [0, 1, 2, 3]
    assert list(limit_rows(iter([1, 2]), 2)) == [1, 2] and list(limit_rows(iter(range(5)), None)) == list(range(5))
    with pytest.raises(TooManyResults):  # 1,056 quads: 10^9 rows, refused after the 11th
        run_query(mini_store, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", max_rows=10)
    assert len(run_query(mini_store, "SELECT * WHERE { ?a ?b ?c } LIMIT 10", max_rows=10).rows) == 10


def test_streamed_formats_are_those_held_in_memory(mini_store):
    from kg.sparql.query import stream_query, on_deep_stack
    from kg.sparql.results import stream

    text = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    for fmt in ("csv", "tsv", "json", "xml", "table"):
        streamed = on_deep_stack(lambda: "".join(stream(stream_query(mini_store, text), fmt)))
        assert streamed == serialize(run_query(mini_store, text), fmt), fmt


@pytest.mark.parametrize("damage", ["cut", "line", "bytes", "gzip"])
def test_a_damaged_dump_is_one_line_naming_the_file_and_the_place(mini: Path, tmp_path: Path, damage: str):
    import gzip

    from kg.errors import RDFParseError
    from kg.build.store import load_store

    data = (mini / "readouts.nq").read_bytes()
    target = tmp_path / ("readouts.nq.gz" if damage == "gzip" else "readouts.nq")
    if damage == "cut":
        target.write_bytes(data[: len(data) // 2])
    elif damage == "line":
        lines = data.splitlines(keepends=True)
        target.write_bytes(b"".join(lines[:5] + [b'<http://a> <http://b> "open string .\n'] + lines[5:]))
    elif damage == "bytes":
        target.write_bytes(data[:300] + b"\xff\xfe\x00" + data[300:])
    else:
        target.write_bytes(gzip.compress(data)[:-40])
    with pytest.raises(RDFParseError) as raised:
        load_store(target)
    message = str(raised.value)
    assert message.startswith(str(target)) and "\n" not in message, message
    if damage != "gzip":
        assert re.search(r"line \d+, column \d+: \w", message), message
    if damage == "line":
        assert "line 6," in message

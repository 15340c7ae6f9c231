"""kg.views.compare, `kg compare`, `kg explain`, `kg eval-pairs`: the readouts of one encounter side
by side, on two readouts of one call the team wrote in the two sides' styles
(tests/data/pair)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from kg.build.builder import build
from kg.views.compare import compare, explain
from kg.errors import QueryError
from kg.sparql.query import open_store, run_query
from tests.generated import build_encounter_pair

PAIR = Path(__file__).resolve().parent / "data" / "pair"
LATER_CALL = """Wang Yi Speaks with Kazakh Foreign Minister Mukhtar Tleuberdi on the Phone

2022-03-22 20:00

On March 22, 2022, State Councilor and Foreign Minister Wang Yi spoke on the phone with Deputy Prime Minister and Foreign Minister of Kazakhstan Mukhtar Tleuberdi.

Wang Yi said that China supports Kazakhstan in hosting the CICA summit.
"""


@pytest.fixture(scope="module")
def pair_build(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("pair")
    shutil.copytree(PAIR, root / "sources")
    (root / "sources" / "cn_later_call.txt").write_text(LATER_CALL, encoding="utf-8")
    build(root / "sources", root / "build")
    return root


@pytest.fixture(scope="module")
def store(pair_build):
    return open_store(pair_build / "build", pair_build / "sources", pair_build / "build")


def test_the_two_readouts_of_one_call_are_compared(store):
    (comparison,) = compare(store)
    assert comparison.date == "2022-03-15" and comparison.type == "phone_call" and comparison.sides == ["CHN", "KAZ"]
    assert sorted(r["file"] for r in comparison.readouts) == ["cn_wang_tleuberdi.txt", "kz_tleuberdi_wang.txt"]
    only = {(c.readout, c.value) for c in comparison.claims if c.only_here}
    # what China's readout reports and Kazakhstan's leaves out, with the sentence
    assert ("cn_wang_tleuberdi.txt", "KAZ support CHN on Taiwan") in only
    assert not any(readout == "kz_tleuberdi_wang.txt" and "Global Development" in value for readout, value in only)
    taiwan = next(c for c in comparison.claims if c.value == "KAZ support CHN on Taiwan")
    assert "one-China principle" in taiwan.sentence


def test_a_call_a_week_later_is_another_encounter(store):
    everything = compare(store, only_shared=False)
    assert sorted((c.date, len(c.readouts)) for c in everything) == [("2022-03-15", 2), ("2022-03-22", 1)]


def test_explain_names_the_readouts_and_the_reasons(store):
    found = explain(store, "kz_tleuberdi_wang.txt")
    assert len(found.readouts) == 2
    assert "same sides: CHN, KAZ" in found.reasons and "same medium: phone" in found.reasons
    with pytest.raises(QueryError, match="no encounter matches"):
        explain(store, "nothing-like-this")
    with pytest.raises(QueryError, match="matches 2 encounters"):
        explain(store, "2022-03")


def test_cli_compare_as_table_csv_and_json(pair_build):
    runner = CliRunner()
    dump = str(pair_build / "build")
    table = runner.invoke(main, ["compare", "--dump", dump])
    assert table.exit_code == 0, table.output
    assert "only in cn_wang_tleuberdi.txt: stance KAZ support CHN on Taiwan" in table.output
    rows = list(csv.DictReader(runner.invoke(main, ["compare", "--dump", dump, "--format", "csv"]).stdout.splitlines()))
    assert {r["readout"] for r in rows} == {"cn_wang_tleuberdi.txt", "kz_tleuberdi_wang.txt"}
    data = json.loads(runner.invoke(main, ["compare", "--dump", dump, "--format", "json"]).stdout)
    assert data[0]["sides"] == ["CHN", "KAZ"]


def test_cli_explain(pair_build):
    result = CliRunner().invoke(main, ["explain", "2022-03-15", "--dump", str(pair_build / "build")])
    assert result.exit_code == 0, result.output
    assert "why: same day" in result.output
    missing = CliRunner().invoke(main, ["explain", "1999", "--dump", str(pair_build / "build")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


def test_eval_pairs_scores_a_pairs_file(tmp_path):
    pairs = tmp_path / "pairs.csv"
    with pairs.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["encounter", "readout", "source", "note"])
        writer.writerow(["call", "cn_wang_tleuberdi", "realdev", "CHN side"])
        writer.writerow(["call", "kz_tleuberdi_wang", "realdev", "KAZ side"])
    result = CliRunner().invoke(main, ["eval-pairs", str(pairs), "--texts", str(PAIR)])
    assert result.exit_code == 0, result.output
    assert "pairing precision 1.00 (1/1), recall 1.00 (1/1)" in result.output




@pytest.fixture(scope="module")
def wong_build(tmp_path_factory) -> Path:
    """China's readout (8 November, Beijing) and Australia's (9 November, Canberra) of one call."""
    return build_encounter_pair(tmp_path_factory)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own N-Quads parser
def test_the_ready_query_lists_what_one_side_leaves_out(wong_build):
    """queries/readout-differences.rq gives the stances `kg compare` finds in one readout
    only, and rdflib's engine agrees with pyoxigraph's."""
    from rdflib import Dataset

    from kg.sparql.query import read_query, run_query
    from kg.build.store import find_dump, load_store

    store = open_store(wong_build / "build", wong_build / "sources", wong_build / "build")
    (comparison,) = compare(store)
    only = sorted((c.readout, c.sentence) for c in comparison.claims if c.only_here and c.kind == "stance")
    text = read_query("readout-differences")
    rows = run_query(load_store(find_dump(wong_build / "build")), text).values()
    columns = run_query(load_store(find_dump(wong_build / "build")), text).variables
    said, sentence, absent = columns.index("saidIn"), columns.index("sentence"), columns.index("absentFrom")
    assert sorted((r[said], r[sentence]) for r in rows) == only and only
    assert {r[absent] for r in rows} == {"au_wong_wang_call.txt"}
    assert not any("Ukraine" in r[sentence] for r in rows)  # both readouts report it
    dataset = Dataset(default_union=True)
    dataset.parse(find_dump(wong_build / "build"), format="nquads")
    theirs = sorted(tuple("" if v is None else str(v) for v in row) for row in dataset.query(text))
    assert sorted(tuple("" if v is None else v for v in row) for row in rows) == theirs


def test_a_day_apart_across_time_zones_is_one_encounter(wong_build):
    store = open_store(wong_build / "build", wong_build / "sources", wong_build / "build")
    (comparison,) = compare(store)
    assert sorted(r["date"] for r in comparison.readouts) == ["2023-11-08", "2023-11-09"]
    assert comparison.date == "2023-11-08"
    assert "dates 2023-11-08 to 2023-11-09, within a day" in comparison.reasons


WEEKDAY = Path(__file__).resolve().parent / "data" / "pair_weekday"


def test_a_weekday_on_a_month_stamped_page_meets_the_dated_readout(tmp_path):
    """China's readout dates the call 27 January; a Spanish report on a page stamped
    2022-01 says "este miércoles" (26 January in Washington); a French one on a page
    stamped 2022-03 says "samedi": another call, although both undated readouts of the
    pair share one encounter IRI, each keeps its own days in its own graph."""
    shutil.copytree(WEEKDAY, tmp_path / "sources")
    build(tmp_path / "sources", tmp_path / "build")
    store = open_store(tmp_path / "build", tmp_path / "sources", tmp_path / "build")
    (comparison,) = compare(store)
    assert sorted(r["file"] for r in comparison.readouts) == ["cn_wang_blinken_call.txt", "es_blinken_wang_llamada.txt"]
    assert comparison.date == "2022-01-27"
    assert any("a Wednesday on a page stamped 2022-01" in reason for reason in comparison.reasons)


ADDRESS = Path(__file__).resolve().parent / "data" / "pair_address"


def test_the_day_in_a_page_address_joins_undated_reports_to_the_dated_one(tmp_path):
    """The State Department dates the call 2 March; a news copy on a page whose address
    carries 3 March says "Wednesday" (the 2nd), a brief on a page of the 3rd names no day;
    a third copy of the 9th says "Tuesday" (the 8th): another call. Each keeps its address
    day in its own graph (kg:addressDay), never as its date."""
    shutil.copytree(ADDRESS, tmp_path / "sources")
    build(tmp_path / "sources", tmp_path / "build")
    store = open_store(tmp_path / "build", tmp_path / "sources", tmp_path / "build")
    (comparison,) = compare(store)
    assert sorted(r["file"] for r in comparison.readouts) == [
        "au_hayashi_blinken_brief.txt", "jp_hayashi_blinken_news.txt", "us_blinken_hayashi_call.txt"]
    assert comparison.date == "2022-03-02"
    assert sorted(r["date"] for r in comparison.readouts) == ["", "", "2022-03-02"]
    assert any("Wednesday 2022-03-02 (counted back from 2022-03-03" in reason for reason in comparison.reasons)
    assert any("no day, on a page whose address carries 2022-03-03" in reason for reason in comparison.reasons)
    later = explain(store, "jp_hayashi_blinken_later.txt")
    assert [r["file"] for r in later.readouts] == ["jp_hayashi_blinken_later.txt"]
    assert "Tuesday 2022-03-08" in later.reasons[0] and "not joined" in later.reasons[0]
    days = run_query(store, """SELECT ?day WHERE { GRAPH ?g { ?e <https://w3id.org/readout-kg/ontology#addressDay> ?day } }
                               ORDER BY ?day""").values()
    assert [str(row[0]) for row in days] == ["2022-03-03", "2022-03-03", "2022-03-09"]


OCCASION = Path(__file__).resolve().parent / "data" / "pair_occasion"


def test_an_undated_readout_placed_at_a_meeting_joins_the_other_side_through_the_graph(tmp_path):
    """The Indian readout names no day but the Quad ministers' meeting in Melbourne it was held
    at: its graph keeps that edition (kg:occasionHint) and its day (kg:possibleDay), never as
    its date, and `kg compare` joins it to the U.S. readout of that day, saying why."""
    shutil.copytree(OCCASION, tmp_path / "sources")
    build(tmp_path / "sources", tmp_path / "build")
    store = open_store(tmp_path / "build", tmp_path / "sources", tmp_path / "build")
    (comparison,) = compare(store)
    assert sorted(r["file"] for r in comparison.readouts) == ["in_jaishankar_blinken.txt", "us_blinken_jaishankar.txt"]
    assert comparison.date == "2022-02-11"
    assert any("at the meeting quad_ministers 2022-02-11 melbourne" in reason for reason in comparison.reasons)
    hints = run_query(store, """PREFIX kg: <https://w3id.org/readout-kg/ontology#>
        SELECT ?occasion ?day WHERE { GRAPH ?g { ?e kg:occasionHint ?occasion ; kg:possibleDay ?day } }""").values()
    assert [(str(a), str(b)) for a, b in hints] == [("quad_ministers 2022-02-11 melbourne", "2022-02-11")]

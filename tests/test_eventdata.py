"""kg.views.eventdata and `kg export events`: the graph as PLOVER / CAMEO event data."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from cli import main
from kg.build.builder import build
from kg.views.eventdata import PLOVER_SCHEMA, event_rows, filter_rows, load_codes, plover_record, write_rows
from kg.sparql.query import open_store, run_query
from tests.generated import write_readouts


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_path):
    """The seed and 40 generated readouts, built once."""
    root = tmp_path_factory.mktemp("events")
    sources = root / "sources"
    sources.mkdir()
    shutil.copy(seed_path, sources / seed_path.name)
    write_readouts(sources, 40, seed=7)
    build(sources, root / "build")
    return root


@pytest.fixture(scope="module")
def store(corpus):
    return open_store(corpus / "build", corpus / "sources", corpus / "build")


@pytest.fixture(scope="module")
def rows(store):
    return event_rows(store)


def _count(store, query: str) -> int:
    (value,), = run_query(store, query).values()
    return int(value)


def test_every_endorsement_of_the_graph_is_one_row(store, rows):
    endorsements = _count(store, "PREFIX kg: <https://w3id.org/readout-kg/ontology#> "
                                 "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Endorsement }")
    assert endorsements > 0
    assert sum(r.record == "endorsement" for r in rows) == endorsements


def test_every_encounter_of_every_readout_has_rows(store, rows):
    reported = {(e, r) for e, r in run_query(store, """
        PREFIX kg: <https://w3id.org/readout-kg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT DISTINCT ?e ?r WHERE { ?e kg:participation ?p ; prov:wasDerivedFrom ?r }""").values()}
    exported = {(r.iri, r.readout_id) for r in rows if r.record == "encounter"}
    assert {(e, r.rsplit("/", 1)[-1]) for e, r in reported} == exported


def test_codes_follow_the_mapping_table(rows):
    codes = load_codes()
    for row in rows:
        table = codes["encounter" if row.record == "encounter" else "endorsement"][row.kind]
        assert (row.plover_type, row.cameo_code, row.goldstein) == (table["plover"], table["cameo"], table["goldstein"])
    kinds = {(r.record, r.kind) for r in rows}
    assert ("encounter", "phone_call") in kinds and ("endorsement", "support") in kinds
    calls = [r for r in rows if r.kind == "phone_call"]
    assert all(r.cameo_code == "041" and r.plover_mode in ("phone", "multilateral") for r in calls)


def test_rows_keep_the_sentence_and_its_offsets(rows, corpus):
    for row in rows:
        text = (corpus / "sources" / row.readout_file).read_text(encoding="utf-8")
        assert text[row.evidence_start:row.evidence_end] == row.evidence


def test_plover_records_validate_against_the_schema(rows):
    schema = json.loads(PLOVER_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for row in rows:
        validator.validate(plover_record(row))
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**plover_record(rows[0]), "event_type": "CHAT"})


def test_the_three_formats_write_every_row(rows):
    for fmt, header in (("csv", "record"), ("cameo", "Event ID"), ("plover", None)):
        out = io.StringIO()
        assert write_rows(rows, fmt, out) == len(rows)
        lines = out.getvalue().splitlines()
        if header:
            assert lines[0].split("," if fmt == "csv" else "\t")[0] == header
            assert len(lines) == len(rows) + 1
        else:
            assert len(lines) == len(rows) and all(json.loads(line)["event_type"] for line in lines)


def test_filters_keep_dates_states_and_stances(rows):
    dated = [r for r in rows if r.event_date]
    year = min(r.event_date for r in dated)[:4]
    assert all(r.event_date.startswith(year) for r in filter_rows(rows, start=year, end=year))
    assert all("KAZ" in (r.source_country, r.target_country) for r in filter_rows(rows, states=["kaz"]))
    opposed = filter_rows(rows, stances=["oppose"])
    assert opposed and all(r.record == "endorsement" and r.kind == "oppose" for r in opposed)


def test_cli_exports_events_as_pandas_ready_csv(corpus, rows):
    runner = CliRunner()
    out = corpus / "events.csv"
    result = runner.invoke(main, ["export", "events", "--dump", str(corpus / "build"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as handle:
        read = list(csv.DictReader(handle))
    assert len(read) == len(rows)
    assert {r["cameo_code"] for r in read} >= {"041", "051"}


def test_cli_refuses_a_view_format_for_events(corpus):
    result = CliRunner().invoke(main, ["export", "events", "--dump", str(corpus / "build"), "--format", "gexf"])
    assert result.exit_code == 2
    assert "csv, plover or cameo" in result.output


def test_output_is_the_same_every_run(store):
    first, second = io.StringIO(), io.StringIO()
    write_rows(event_rows(store), "plover", first)
    write_rows(event_rows(store), "plover", second)
    assert first.getvalue() == second.getvalue()

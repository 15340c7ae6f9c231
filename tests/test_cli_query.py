"""`kg query` through click's CliRunner."""

from __future__ import annotations

import json

from click.testing import CliRunner
from minidata import mini  # noqa: F401  (fixture)

from cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_help_has_an_example():
    result = run("query", "--help")
    assert result.exit_code == 0 and "kg query --name who-met-whom" in result.output


def test_list_names_every_ready_query():
    result = run("query", "--list")
    assert result.exit_code == 0
    assert "who-met-whom" in result.output and "Who met whom" in result.output


def test_named_query_as_table(mini):
    result = run("query", "--name", "counterparts", "--dump", str(mini))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2].split()[:3] == ["KAZ", "Kazakhstan", "2"]


def test_inline_query_as_json(mini):
    result = run("query", "-e", "SELECT (COUNT(?p) AS ?n) WHERE { ?p a kg:Person }", "--dump", str(mini),
                 "--format", "json")
    assert json.loads(result.output)["results"]["bindings"][0]["n"]["value"] == "6"


def test_query_file_as_csv(mini, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?code WHERE { ?s kg:iso3 ?code } ORDER BY ?code", encoding="utf-8")
    result = run("query", str(query), "--dump", str(mini), "--format", "csv")
    assert result.stdout_bytes.split(b"\r\n")[:3] == [b"code", b"CHN", b"FRA"]  # SPARQL CSV: CRLF


def test_errors_exit_2_without_traceback(mini):
    bad = run("query", "-e", "SELECT WHERE {", "--dump", str(mini))
    assert bad.exit_code == 2 and "malformed SPARQL" in bad.output and "Traceback" not in bad.output
    unknown = run("query", "--name", "nope", "--dump", str(mini))
    assert unknown.exit_code == 2 and "who-met-whom" in unknown.output
    assert run("query", "--dump", str(mini)).exit_code == 2
    assert run("query", "--name", "counterparts", "-e", "ASK {}", "--dump", str(mini)).exit_code == 2


def test_default_dump_is_built_from_sources(tmp_path, monkeypatch, seed_path):
    """With no --dump, build/ is built from sources/ first, then reused."""
    import shutil

    (tmp_path / "sources").mkdir()
    shutil.copy(seed_path, tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    first = run("query", "-e", "ASK { ?r a kg:Readout }")
    assert first.exit_code == 0 and first.stdout == "yes\n" and "building it first" in first.stderr
    assert (tmp_path / "build" / "readouts.nq").is_file()
    again = run("query", "-e", "ASK { ?r a kg:Readout }")
    assert again.stdout == "yes\n" and again.stderr == ""

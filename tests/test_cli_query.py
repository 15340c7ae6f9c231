"""`kg query` through click's CliRunner."""

from __future__ import annotations

import json

from click.testing import CliRunner
from minidata import ROOT, mini  # noqa: F401  (fixture)

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


def test_a_damaged_dump_is_one_line_and_exit_2(mini, tmp_path):
    lines = (mini / "readouts.nq").read_text(encoding="utf-8").splitlines(keepends=True)
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    broken = lines[:3] + ["<http://a> <http://b> .\n"] + lines[3:]  # a triple with no object
    (damaged / "readouts.nq").write_text("".join(broken), encoding="utf-8")
    for args in (["query", "-e", "ASK {}"], ["view", "interactions"]):
        result = CliRunner().invoke(main, [*args, "--dump", str(damaged)])
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
        assert f"{damaged / 'readouts.nq'}: not a readable N-Quads dump: line 4, column" in result.stderr


def test_max_rows_stops_the_output_with_an_error(mini):
    cross = "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 10^9 rows: only a streamed limit returns
    result = CliRunner().invoke(main, ["query", "-e", cross, "--dump", str(mini), "--format", "csv", "--max-rows", "5"])
    assert result.exit_code == 2 and "more than 5 results" in result.stderr
    assert result.stdout_bytes.count(b"\r\n") == 1 + 5  # the header, then the rows read before the limit
    table = CliRunner().invoke(main, ["query", "-e", cross, "--dump", str(mini), "--max-rows", "5"])
    assert table.exit_code == 2 and table.stdout == ""  # a table is laid out from every row: nothing half-done
    fits = run("query", "-e", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 5", "--dump", str(mini), "--max-rows", "5")
    assert fits.exit_code == 0 and fits.stdout.endswith("(5 rows)\n")


def test_a_query_file_that_is_not_a_regular_file_is_refused(mini, tmp_path):
    for path, reason in (("/dev/zero", "not a regular file"), (tmp_path / "latin1.rq", "not UTF-8")):
        if not isinstance(path, str):
            path.write_bytes("SELECT * WHERE { ?s ?p \"caf\xe9\" }".encode("latin-1"))
        result = CliRunner().invoke(main, ["query", str(path), "--dump", str(mini)])
        assert result.exit_code == 2 and reason in result.stderr and "Traceback" not in result.output


def test_a_reader_that_stops_early_gets_no_error(mini):
    """`kg query ... | head -1`: the pipe closes early; kg stops quietly, as Unix tools do."""
    import subprocess
    import sys as system

    # a cross join: far more output than a pipe buffers, so the write after head exits fails
    command = (f"{system.executable} -m cli query -e 'SELECT * WHERE {{ ?s ?p ?o . ?a ?b ?c }} LIMIT 100000' --dump {mini} --format csv"
               " | head -1")
    run = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=120,
                         cwd=str(ROOT))
    assert run.stdout.count("\n") == 1
    assert "Broken pipe" not in run.stderr and "Traceback" not in run.stderr
    assert run.returncode == 0, run.stderr

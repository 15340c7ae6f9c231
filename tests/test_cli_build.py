"""`kg build`: exit codes, --jobs determinism, --base."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cli import main
from kg.namespaces import DEFAULT_BASE
from kg.build.store import DUMP_NQ, DUMP_TTL, REPORT_JSON

OUTPUTS = (DUMP_NQ, DUMP_TTL, REPORT_JSON)


def _build(*args: str):
    return CliRunner().invoke(main, ["build", "--quiet", *args])


@pytest.fixture(scope="module")
def cli_small_build(small_sources, tmp_path_factory):
    out = tmp_path_factory.mktemp("cli_small")
    return _build(str(small_sources), "--out", str(out), "--jobs", "1"), out


def test_rejected_readouts_give_exit_code_1(cli_small_build):
    result, out = cli_small_build
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert (out / DUMP_NQ).is_file()


def test_quiet_names_each_rejected_readout_and_nothing_else(cli_small_build, seed_path):
    result, _ = cli_small_build
    assert result.stdout == ""
    assert [line.split(": ", 2)[:2] for line in result.stderr.splitlines()] == [["kg", "error"]]
    assert "empty.txt: empty file" in result.stderr  # no_encounter.txt is skipped: not an error


def test_without_quiet_skipped_readouts_are_listed_too(small_sources, tmp_path, seed_path):
    result = CliRunner().invoke(main, ["build", str(small_sources), "--out", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 1, result.output  # empty.txt
    lines = result.stderr.splitlines()
    assert [line for line in lines if "no_encounter.txt" in line][0].startswith("kg: skipped: no_encounter.txt: ")
    assert [line for line in lines if "empty.txt" in line][0].startswith("kg: error: empty.txt: ")
    assert not any(seed_path.name in line for line in lines)
    assert "1 rejected, 1 skipped" in result.stdout


def test_cli_build_equals_library_build(cli_small_build, small_build):
    _, out = cli_small_build
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (small_build.out / name).read_bytes(), name


def test_clean_sources_give_exit_code_0(tmp_path, seed_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / seed_path.name).write_bytes(seed_path.read_bytes())
    result = CliRunner().invoke(main, ["build", str(sources), "--out", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "1 published" in result.stdout


def test_jobs_1_and_jobs_2_give_identical_bytes(variant_sources, tmp_path):
    one = _build(str(variant_sources), "--out", str(tmp_path / "one"), "--jobs", "1")
    two = _build(str(variant_sources), "--out", str(tmp_path / "two"), "--jobs", "2")
    assert (one.exit_code, two.exit_code) == (0, 0), (one.output, two.output)
    for name in OUTPUTS:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_base_changes_minted_iris(tmp_path, seed_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / seed_path.name).write_bytes(seed_path.read_bytes())
    result = _build(str(sources), "--out", str(tmp_path / "out"), "--base", "https://example.org/kg/", "-j", "1")
    assert result.exit_code == 0, result.output
    dump = (tmp_path / "out" / DUMP_NQ).read_text(encoding="utf-8")
    assert DEFAULT_BASE not in dump
    for kind in ("readout", "event", "person", "state", "graph/registry"):
        assert f"<https://example.org/kg/{kind}/" in dump or f"<https://example.org/kg/{kind}>" in dump, kind
    assert "<https://example.org/kg/" in (tmp_path / "out" / DUMP_TTL).read_text(encoding="utf-8")


@pytest.mark.parametrize("base", ["example.org/kg/", "https://example.org/kg", "not an iri"])
def test_invalid_base_is_a_one_line_error(tmp_path, small_sources, base):
    result = _build(str(small_sources), "--out", str(tmp_path / "out"), "--base", base)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--base" in result.stderr
    assert not (tmp_path / "out").exists()


def test_empty_folder_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    result = _build(str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert result.exit_code != 0
    assert "no readouts" in result.stderr and "Traceback" not in result.output

"""`kg validate`: 0 conforms, 1 violations, 2 not RDF (pySHACL's exit codes)."""

from __future__ import annotations

from click.testing import CliRunner

from cli import main
from kg.build.store import DUMP_NQ, DUMP_TTL


def _validate(path):
    return CliRunner().invoke(main, ["validate", str(path)])


def test_built_union_conforms(small_build):
    result = _validate(small_build.out / DUMP_TTL)
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stdout


def test_built_dump_conforms(small_build):
    assert _validate(small_build.out / DUMP_NQ).exit_code == 0


def test_hand_made_bad_file_gives_exit_1_and_messages(data_dir):
    result = _validate(data_dir / "bad_readout.ttl")
    assert result.exit_code == 1
    out = result.stdout
    assert "A readout must carry one content hash written 'sha256:' and 64 hex digits." in out
    assert "An endorsement's stance must be exactly one of support, oppose, congratulate." in out
    assert "An endorsement must point to the sentence it came from (kg:evidence)." in out
    assert "3 violations" in out


def test_non_rdf_file_gives_exit_2_and_one_line(data_dir):
    result = _validate(data_dir / "not_rdf.ttl")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "not_rdf.ttl" in lines[0] and "not parseable RDF" in lines[0]
    assert result.stdout == ""


def test_directory_is_a_usage_error(tmp_path):
    result = _validate(tmp_path)
    assert result.exit_code == 2 and "Traceback" not in result.output

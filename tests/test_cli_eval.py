"""`kg eval`: scores against gold files, per language and overall."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from cli import main

COLUMNS = ("events", "participants", "roles", "endorsements")


def _rows(table: str) -> dict[str, list[str]]:
    rows = {}
    for line in table.splitlines():
        cells = line.split()
        if len(cells) == 6 and cells[1].isdigit():
            rows[cells[0]] = cells[1:]
    return rows


def test_seed_scores_one_in_every_column(repo_root):
    result = CliRunner().invoke(main, ["eval", str(repo_root / "tests" / "seed"), str(repo_root / "sources")])
    assert result.exit_code == 0, result.output
    rows = _rows(result.stdout)
    assert set(rows) == {"fr", "overall"}
    assert rows["fr"] == ["1", "1.00", "1.00", "1.00", "1.00"]
    assert rows["overall"] == rows["fr"]


def test_json_scores(repo_root):
    result = CliRunner().invoke(main, ["eval", str(repo_root / "tests" / "seed"), str(repo_root / "sources"), "--json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    fr = report["by_lang"]["fr"]
    assert fr["documents"] == 1
    for column in COLUMNS:
        assert fr[column]["f1"] == 1.0 and fr[column]["fp"] == 0 and fr[column]["fn"] == 0, column
    assert fr["endorsements"]["tp"] == 9 and fr["events"]["tp"] == 1 and fr["participants"]["tp"] == 2


def test_errors_are_listed_when_the_gold_disagrees(repo_root, seed_gold, tmp_path):
    """A gold file with one extra endorsement: recall drops, and --errors names it."""
    gold = dict(seed_gold)
    extra = {"endorser": "KAZ", "stance": "support", "target": "CHN", "topic": "Taiwan"}
    gold["endorsements"] = seed_gold["endorsements"] + [extra]
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "seed.json").write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold_dir), str(repo_root / "sources"), "--errors"])
    assert result.exit_code == 0, result.output
    fr = _rows(result.stdout)["fr"]
    assert fr[1:4] == ["1.00", "1.00", "1.00"]
    assert fr[4] == f"{2 * 9 / (9 + 10):.2f}"  # P = 9/9, R = 9/10
    assert "missing_endorsements" in result.stdout and "Taiwan" in result.stdout


def test_sources_default_to_the_gold_folder(repo_root, seed_path, tmp_path):
    shutil.copy(repo_root / "tests" / "seed" / "000_a35c0205b5cb6fd1.json", tmp_path)
    shutil.copy(seed_path, tmp_path)
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 0
    assert _rows(result.stdout)["fr"][1:] == ["1.00"] * 4


def test_folder_without_gold_files_is_an_error(tmp_path):
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert "no gold" in result.stderr and "Traceback" not in result.output


def test_malformed_gold_file_is_an_error(tmp_path):
    (tmp_path / "bad.json").write_text('{"events": 3}', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output

"""`kg build` over real and broken inputs: each bad input is one line naming the file and the
reason, in the report and on stderr, and the rest of the corpus still builds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from cli import main
from kg.build.builder import build
from kg.build.store import DUMP_NQ, DUMP_TTL, REPORT_JSON, REPORT_TXT

HEADER = "file,url,publisher,lang,published,licence"


def run_build(sources: Path, out: Path, *args: str):
    """``kg build`` (one worker, not --quiet: warnings on stderr too, the summary on stdout)."""
    return CliRunner().invoke(main, ["build", str(sources), "--out", str(out), "-j", "1", *args])


def fifty_megabytes(folder: Path) -> str:
    line = b"Le 21 janvier 2021, Wang Yi a eu un entretien telephonique avec Mukhtar Tleuberdi.\n"
    with (folder / "big.txt").open("wb") as handle:
        handle.write(line * (50 * 2**20 // len(line) + 1))
    return "big.txt"


def _write(name: str, data: bytes) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / name).write_bytes(data)
        return name
    return make


def _copy(name: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        shutil.copy(Path(__file__).parent / "data" / "mixed" / name, folder / name)
        return name
    return make


def _directory(folder: Path) -> str:
    (folder / "x.txt").mkdir()
    return "x.txt"


def _broken_link(folder: Path) -> str:
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    return "gone.txt"


def _bad_manifest_row(folder: Path) -> str:
    seed = next(p.name for p in folder.glob("*.txt"))
    (folder / "manifest.csv").write_text(f"{HEADER}\n{seed},,,fr,2021-22-01,\n", encoding="utf-8")
    return "manifest.csv"


BAD_INPUTS = {
    "empty": (_write("empty.txt", b""), "empty file"),
    "binary": (_write("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "binary file"),
    "undecodable": (_copy("undecodable.txt"), "undecodable bytes"),
    "50-megabytes": (fifty_megabytes, "too large for a readout"),
    "directory": (_directory, "is a directory"),
    "broken-symlink": (_broken_link, "broken symbolic link"),
    "malformed-manifest-row": (_bad_manifest_row, "line 2: bad date '2021-22-01'"),
}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_bad_input_is_one_line_in_report_and_stderr(kind, tmp_path, seed_path):
    make, reason = BAD_INPUTS[kind]
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(seed_path, sources / seed_path.name)
    name = make(sources)
    result = run_build(sources, tmp_path / "out")

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if name in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: ") and f"{name}" in lines[0] and reason in lines[0]
    report = json.loads((tmp_path / "out" / REPORT_JSON).read_text(encoding="utf-8"))
    in_report = [r for d in report["documents"] for r in d["reasons"] if name in r] + \
                [p for p in report["problems"] if name in p]
    assert len(in_report) == 1 and reason in in_report[0]
    report_lines = [line for line in (tmp_path / "out" / REPORT_TXT).read_text(encoding="utf-8").splitlines()
                    if name in line]
    assert len(report_lines) == 1 and reason in report_lines[0]
    # the rest of the corpus still builds
    assert {d["source"]: d["status"] for d in report["documents"]}[seed_path.name] == "published"
    assert f'"{seed_path.name}"' in (tmp_path / "out" / DUMP_NQ).read_text(encoding="utf-8")


def test_press_statement_is_skipped_with_exit_code_0(tmp_path, seed_path):
    """A text that reports no encounter is listed as skipped, not an error: `kg build && kg
    publish` goes on. Quiet, only errors are printed: nothing here."""
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(seed_path, sources / seed_path.name)
    _copy("press_conference.txt")(sources)
    result = run_build(sources, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "kg: skipped: press_conference.txt: no encounter found: the text reports no call, meeting, talks, visit or message"]
    assert "1 published (0 flagged), 0 rejected, 1 skipped, 0 duplicates" in result.stdout
    report = json.loads((tmp_path / "out" / REPORT_JSON).read_text(encoding="utf-8"))
    assert {d["source"]: d["status"] for d in report["documents"]}["press_conference.txt"] == "skipped"
    assert report["summary"]["skipped"] == 1 and report["summary"]["rejected"] == 0
    assert "SKIPPED\tpress_conference.txt: no encounter found" in (tmp_path / "out" / REPORT_TXT).read_text("utf-8")
    quiet = run_build(sources, tmp_path / "out", "--quiet")
    assert (quiet.exit_code, quiet.output) == (0, "")


# ---- the mixed folder ----------------------------------------------------------------------
GOOD = {"en_barrot_call.html", "es_albares_meeting.html", "fr_attaf_call.txt", "zh_lavrov_talks.txt"}
FLAGGED = {"truncated.txt": "truncated: the text ends in mid-sentence"}  # published all the same
BAD = {"big.txt": "too large", "binary.txt": "binary file (a PNG image)", "empty.txt": "empty file",
       "folder.txt": "is a directory", "gone.txt": "broken symbolic link", "undecodable.txt": "undecodable bytes"}
SKIPPED = {"press_conference.txt": "no encounter"}
MANIFEST_PROBLEMS = [
    "manifest.csv line 5: bad date '2024-31-03' in 'published' (expected YYYY-MM-DD); row skipped",
    "manifest.csv line 6: unknown lang 'xx' (known: ", 
    "manifest.csv line 7: 4 columns, expected 6 (file,url,publisher,lang,published,licence); row skipped",
    "manifest.csv line 8: no readout named 'missing_readout.txt' in the sources folder; row skipped",
]


@pytest.fixture(scope="module")
def mixed_sources(tmp_path_factory, data_dir) -> Path:
    """tests/data/mixed plus what cannot be committed: a 50 MB file and a broken link."""
    folder = tmp_path_factory.mktemp("mixed") / "sources"
    shutil.copytree(data_dir / "mixed", folder, symlinks=True)
    fifty_megabytes(folder)
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    return folder


@pytest.fixture(scope="module")
def mixed_cli_build(mixed_sources, tmp_path_factory):
    out = tmp_path_factory.mktemp("mixed_out")
    return run_build(mixed_sources, out), out


def test_mixed_folder_publishes_every_good_readout(mixed_cli_build):
    result, out = mixed_cli_build
    assert result.exit_code == 1, result.output
    report = json.loads((out / REPORT_JSON).read_text(encoding="utf-8"))
    status = {d["source"]: d["status"] for d in report["documents"]}
    assert {s for s, v in status.items() if v == "published"} == GOOD | set(FLAGGED)
    assert status["zh_lavrov_talks_copy.txt"] == "duplicate"
    dump = (out / DUMP_NQ).read_text(encoding="utf-8")
    for name in GOOD | set(FLAGGED):
        assert f'<https://w3id.org/readout-kg/ontology#sourceFile> "{name}"' in dump, name
    assert report["summary"] == {**report["summary"], "documents": 13, "published": 5, "flagged": 1, "rejected": 6,
                                 "skipped": 1, "duplicates": 1, "problems": 4, "events": 5}


def test_mixed_folder_lists_every_bad_input_once(mixed_cli_build):
    result, out = mixed_cli_build
    stderr = result.stderr.splitlines()
    report_txt = (out / REPORT_TXT).read_text(encoding="utf-8").splitlines()
    for name, reason in {**BAD, **FLAGGED, **SKIPPED}.items():
        for where, lines in (("stderr", stderr), ("report.txt", report_txt)):
            hits = [line for line in lines if f"{name}: " in line]
            assert len(hits) == 1 and reason in hits[0], (where, name, hits)
    assert [line for line in report_txt if "truncated.txt" in line][0].startswith("FLAGGED\ttruncated.txt: ")
    assert [line for line in stderr if "truncated.txt" in line][0].startswith("kg: flagged: truncated.txt: ")
    assert [line for line in stderr if "press_conference" in line][0].startswith("kg: skipped: press_conference.txt: ")
    assert [line for line in report_txt if "press_conference" in line][0].startswith("SKIPPED\tpress_conference.txt: ")
    for problem in MANIFEST_PROBLEMS:
        assert any(line.startswith(f"kg: manifest: {problem}") for line in stderr), problem
        assert any(line.startswith(f"MANIFEST\t{problem}") for line in report_txt), problem
    assert "kg: duplicate: zh_lavrov_talks_copy.txt: same content as zh_lavrov_talks.txt; built once" in stderr
    assert not any(name in line for line in stderr for name in GOOD if "copy" not in line)


def test_mixed_folder_manifest_rows_reach_the_dump(mixed_cli_build):
    _, out = mixed_cli_build
    dump = (out / DUMP_NQ).read_text(encoding="utf-8")
    assert '"https://www.fmprc.gov.cn/eng/wjbzhd/202410/t20241010_11505001.html"^^' in dump
    assert '<http://purl.org/dc/terms/publisher> "中华人民共和国外交部"' in dump
    assert '<http://purl.org/dc/terms/license> "public domain"' in dump
    assert "exteriores.gob.es" not in dump  # the es row was malformed (lang xx): skipped whole


def test_mixed_folder_with_workers_gives_the_same_bytes(mixed_sources, mixed_cli_build, tmp_path):
    """13 paths: a real worker pool, which must get the manifest too."""
    _, out = mixed_cli_build
    parallel = build(mixed_sources, tmp_path / "parallel", jobs=2)
    for name in (DUMP_NQ, DUMP_TTL, REPORT_JSON, REPORT_TXT):
        assert (parallel.out / name).read_bytes() == (out / name).read_bytes(), name


# ---- duplicates and exit codes -----------------------------------------------------------
def test_same_readout_in_two_encodings_is_built_once(tmp_path, seed_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    text = seed_path.read_text(encoding="utf-8")
    (sources / "a.txt").write_text(text, encoding="utf-8")
    (sources / "b.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    result = run_build(sources, tmp_path / "out")
    assert result.exit_code == 0, result.output  # a duplicate is not a rejection
    assert result.stderr.splitlines() == ["kg: duplicate: b.txt: same content as a.txt; built once"]
    assert "DUPLICATE\tb.txt: same content as a.txt; built once" in (tmp_path / "out" / REPORT_TXT).read_text("utf-8")
    assert (tmp_path / "out" / DUMP_NQ).read_text(encoding="utf-8").count("#sourceFile>") == 1


def test_manifest_problem_alone_gives_exit_code_1(tmp_path, seed_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(seed_path, sources / "seed.txt")
    (sources / "manifest.csv").write_text(f"{HEADER}\nseed.txt,,,fr,,\nold.txt,,,fr,,\n", encoding="utf-8")
    result = run_build(sources, tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "kg: manifest: manifest.csv line 3: no readout named 'old.txt' in the sources folder; row skipped"]


def test_strict_fails_on_a_manifest_problem_and_keeps_the_dump(tmp_path, seed_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(seed_path, sources / "seed.txt")
    assert run_build(sources, tmp_path / "out").exit_code == 0
    before = (tmp_path / "out" / DUMP_NQ).read_bytes()
    (sources / "manifest.csv").write_text(f"{HEADER}\nseed.txt,,,fr,2021-01-32,\n", encoding="utf-8")
    result = run_build(sources, tmp_path / "out", "--strict")
    assert result.exit_code == 1 and "--strict" in result.stderr and "1 manifest row(s) skipped" in result.stderr
    assert (tmp_path / "out" / DUMP_NQ).read_bytes() == before


def test_folder_without_readouts_is_exit_2_and_keeps_the_dump(tmp_path, seed_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(seed_path, sources / "seed.txt")
    assert run_build(sources, tmp_path / "out").exit_code == 0
    before = (tmp_path / "out" / DUMP_NQ).read_bytes()
    (sources / "seed.txt").unlink()
    (sources / "notes.md").write_text("not a readout", encoding="utf-8")
    result = run_build(sources, tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"kg: error: {sources}: no readouts (.txt, .html, .htm files) found"]
    assert (tmp_path / "out" / DUMP_NQ).read_bytes() == before  # an empty folder never wipes a dump


def test_out_that_is_a_file_is_exit_2(tmp_path, seed_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(seed_path, sources / "seed.txt")
    (tmp_path / "out").write_text("I am a file", encoding="utf-8")
    result = run_build(sources, tmp_path / "out")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1 and str(tmp_path / "out") in result.stderr

"""A normal corpus holds press statements and readouts in languages the extractor does not
read: such a text is *skipped* (listed in the report and the summary), not an error, so
`kg build && kg publish` goes on (issue 12: one press statement made `kg build` exit 1).
Exit code 1 stays for readouts that are damaged or invalid; `-q` prints errors only; a
kind of message repeated many times is summarised after twenty lines."""

from __future__ import annotations

import json
import shutil

from inputs_cli import PRESS, SEED, kg

GREEK = ("Ο υπουργός Εξωτερικών της Ελλάδας συναντήθηκε με τον Κινέζο ομόλογό του στην Αθήνα. Οι δύο πλευρές "
         "συζήτησαν τις διμερείς σχέσεις και συμφώνησαν να συναντηθούν ξανά.\n")  # a language the extractor does not read


def test_skipped_texts_exit_0_and_quiet_prints_errors_only(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SEED, sources / "seed.txt")
    for number in range(25):  # a folder of press statements
        (sources / f"press_{number:02d}.txt").write_text(PRESS.read_text(encoding="utf-8") + f"\n{number}\n",
                                                         encoding="utf-8")
    (sources / "zz_greek.txt").write_text(GREEK, encoding="utf-8")
    out = tmp_path / "out"

    run = kg("build", sources, "--out", out, "-j", "1")
    assert run.code == 0, run.stderr
    assert "1 published (0 flagged), 0 rejected, 26 skipped, 0 duplicates" in run.stdout
    assert run.lines[:20] == [f"kg: skipped: press_{n:02d}.txt: no encounter found: the text reports no call, "
                              f"meeting, talks, visit or message" for n in range(20)]
    assert run.lines[20:] == [f"kg: skipped: ... and 6 more (see {out / 'report.txt'})"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["skipped"] == 26 and report["summary"]["rejected"] == 0
    assert {d["source"]: d["status"] for d in report["documents"]}["zz_greek.txt"] == "skipped"
    report_txt = (out / "report.txt").read_text(encoding="utf-8")
    assert "SKIPPED\tzz_greek.txt: unsupported language: el" in report_txt
    assert report_txt.count("SKIPPED\t") == 26

    quiet = kg("build", sources, "--out", out, "-j", "1", "-q")
    assert (quiet.code, quiet.stdout, quiet.stderr) == (0, "", "")

    (sources / "empty.txt").write_bytes(b"")  # a damaged readout is still an error
    quiet = kg("build", sources, "--out", out, "-j", "1", "-q")
    assert (quiet.code, quiet.stdout, quiet.lines) == (1, "", ["kg: error: empty.txt: empty file"])

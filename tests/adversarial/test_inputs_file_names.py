"""File names that are not one line of UTF-8 text: bytes that are not UTF-8, a newline, a
tab, a bidirectional override. Each is refused as one line with the name escaped, no
report line can be forged, and the outputs of one build stay together (issue 12: a
non-UTF-8 name aborted the build after the dump was replaced, leaving the reports of the
previous build, and every later build failed the same way)."""

from __future__ import annotations

import json
import os
import shutil

from inputs_cli import SEED, kg

TAGS = ("ERROR\t", "REJECTED\t", "SKIPPED\t", "FLAGGED\t", "DUPLICATE\t", "MANIFEST\t")
NAMES = {  # name on disk (bytes) -> as reports show it
    b"d\xe9claration.txt": "d\\xe9claration.txt: file name is not valid UTF-8 (shown with \\x escapes)",
    b"evil\nPUBLISHED\tall.txt": "evil\\nPUBLISHED\\tall.txt: file name holds control characters (shown escaped)",
    b"r\xe2\x80\xaetxt.exe.txt": "r\\u202etxt.exe.txt: file name holds control characters (shown escaped)",
}


def _readout(path: bytes, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def test_names_that_are_not_a_line_of_utf8_are_refused_escaped(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SEED, sources / "seed.txt")
    out = tmp_path / "out"
    first = kg("build", sources, "--out", out, "-j", "1")
    assert first.code == 0, first.stderr
    seed = SEED.read_text(encoding="utf-8")
    for number, name in enumerate(NAMES):  # each a readout of its own (not a duplicate of the seed)
        _readout(os.fsencode(sources) + b"/" + name, seed.replace("21 janvier", f"{number + 10} janvier"))

    for attempt in ("first", "again"):  # a later build does not fail the same way
        run = kg("build", sources, "--out", out, "-j", "1")
        assert run.code == 1, (attempt, run.stderr)
        assert sorted(run.lines) == sorted(f"kg: error: {shown}; rename the file" for shown in NAMES.values())
        report_txt = (out / "report.txt").read_text(encoding="utf-8").splitlines()
        assert all(line.startswith(TAGS) for line in report_txt[:-1]), report_txt  # no forged line
        assert report_txt[-1] == "1 of 4 readouts published (0 flagged); 3 rejected; 0 skipped; 0 duplicates"
        # the reports are this build's and describe the dump beside them
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        assert {d["source"]: d["status"] for d in report["documents"]} == {
            "seed.txt": "published", **{shown.split(": ")[0]: "error" for shown in NAMES.values()}}
        dump = (out / "readouts.nq").read_bytes()
        dump.decode("utf-8")
        assert report["summary"]["quads"] == dump.count(b"\n")
        assert b"d\\xe9claration" not in dump and b"evil" not in dump


def test_a_folder_whose_name_is_not_utf8_names_its_readouts_escaped(tmp_path):
    sources = tmp_path / "sources"
    folder = os.fsencode(sources) + b"/caf\xe9"
    os.makedirs(folder)
    shutil.copy(SEED, sources / "seed.txt")
    _readout(folder + b"/a.txt", SEED.read_text(encoding="utf-8").replace("21 janvier", "12 janvier"))
    run = kg("build", sources, "--out", tmp_path / "out", "-j", "1")
    assert run.code == 1
    assert run.lines == ["kg: error: caf\\xe9/a.txt: file name is not valid UTF-8 (shown with \\x escapes); "
                         "rename the file"]

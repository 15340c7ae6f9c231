"""Symbolic links in SOURCES that lead out of it: a link in a shared sources folder must
not publish a file from elsewhere on the disk (issue 12: a link out of SOURCES was
followed). Links that stay inside are read."""

from __future__ import annotations

import json
import shutil

from inputs_cli import SEED, kg


def test_links_out_of_the_sources_are_refused_links_inside_are_read(tmp_path):
    sources, elsewhere = tmp_path / "sources", tmp_path / "elsewhere"
    (sources / ".store").mkdir(parents=True)
    elsewhere.mkdir()
    secret = SEED.read_text(encoding="utf-8").replace("21 janvier", "13 janvier")
    (elsewhere / "secret.txt").write_text(secret, encoding="utf-8")
    (elsewhere / "manifest.csv").write_text("file,publisher\nkept.txt,Leaked Ministry\n", encoding="utf-8")
    shutil.copy(SEED, sources / ".store" / "original.txt")  # hidden: read only through the link below
    (sources / "kept.txt").symlink_to(".store/original.txt")
    (sources / "secret.txt").symlink_to(elsewhere / "secret.txt")
    (sources / "climb.txt").symlink_to("../elsewhere/secret.txt")
    (sources / "manifest.csv").symlink_to(elsewhere / "manifest.csv")
    out = tmp_path / "out"

    run = kg("build", sources, "--out", out, "-j", "1")
    assert run.code == 1
    assert run.lines == [
        f"kg: error: climb.txt: symbolic link to {elsewhere / 'secret.txt'}, outside the sources folder; not read",
        f"kg: error: secret.txt: symbolic link to {elsewhere / 'secret.txt'}, outside the sources folder; not read",
        f"kg: manifest: manifest.csv: symbolic link to {elsewhere / 'manifest.csv'}, outside the sources folder; "
        f"not read; manifest not read",
    ]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {d["source"]: d["status"] for d in report["documents"]} == {
        "climb.txt": "error", "kept.txt": "published", "secret.txt": "error"}
    dump = (out / "readouts.nq").read_text(encoding="utf-8")
    assert "13 janvier" not in dump and "Leaked Ministry" not in dump

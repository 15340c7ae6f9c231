"""kg.sources.reader: encodings detected without being told, bad files refused with one line, and
the rule that says when a readout is truncated."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.sources.reader import (MAX_BYTES, decode, display_name, list_sources, read_document, read_input, source_name,
                        truncation)

FRENCH = "Le 21 janvier 2021, le Conseiller d'État Wang Yi a eu un entretien téléphonique « cordial » avec M. Tleuberdi.\n"
CHINESE = "2021年1月21日，国务委员兼外长王毅同哈萨克斯坦副总理兼外长特列乌别尔季通电话。\n"
SPANISH = "El ministro José Manuel Albares recibió en Madrid a su homólogo de Perú.\n"
MIXED = "Wang Yi (王毅) and Mukhtar Tleuberdi — Noël, Zürich, 2021.\n"


# ---- encodings -----------------------------------------------------------------------------
@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("text", [FRENCH, CHINESE, SPANISH, MIXED], ids=["fr", "zh", "es", "mixed"])
def test_unicode_encodings_are_detected(codec, text):
    assert decode(text.encode(codec)) == text


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "gb2312"])
def test_chinese_legacy_encodings_are_detected(codec):
    assert decode(CHINESE.encode(codec)) == CHINESE


@pytest.mark.parametrize("text", [FRENCH, SPANISH])
def test_windows_1252_is_detected(text):
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize("word", ["élève", "Côte d'Ivoire", "Zürich", "Hôtel", "être", "Ça va", "naïve", "Noël",
                                  "créées", "El año", "Perú", "« Oui »", "l’État"])
def test_short_latin_text_in_cp1252_is_not_read_as_gbk(word):
    """Regression: b"\\xe9l\\xe8ve" is also valid GBK ("閘鑦e"); a few bytes must not flip it."""
    assert decode(word.encode("cp1252")) == word


@pytest.mark.parametrize("word", ["中文", "外", "朱镕基", "王毅同拉夫罗夫通电话", "2021年1月22日", "COVID-19疫情",
                                  "中华人民共和国外交部 版权所有"])
def test_short_chinese_in_gbk_is_not_read_as_cp1252(word):
    """Regression: GBK bytes also decode as Windows-1252 ("ÖÐÎÄ")."""
    assert decode(word.encode("gbk")) == word


def test_declared_charset_decides_what_the_bytes_cannot():
    text = "東京で会談した。"  # Shift_JIS: neither UTF-8 nor plausible GBK or Windows-1252
    data = text.encode("shift_jis")
    assert decode(data, declared="shift_jis") == text
    assert decode(data, declared="Shift-JIS") == text
    # the declaration is believed when it decodes cleanly, even where detection would differ
    assert decode("élève".encode("cp1252")) == "élève"
    assert decode("élève".encode("cp1252"), declared="gbk") == "閘鑦e"


def test_declared_charset_never_overrides_valid_utf8_or_a_bom():
    """Browsers re-save pages as UTF-8 and keep <meta charset=gb2312>."""
    assert decode(CHINESE.encode("utf-8"), declared="gb2312") == CHINESE
    assert decode(FRENCH.encode("utf-16"), declared="windows-1252") == FRENCH


def test_unknown_declared_charset_is_ignored():
    assert decode(FRENCH.encode("cp1252"), declared="x-no-such-charset") == FRENCH


# ---- bad bytes: one line naming the file and the reason -------------------------------------
@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b" \n\t\r\n ", "empty file"),
    ("\ufeff  \n".encode("utf-8"), "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (a PDF document)"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "binary file (gzip-compressed data)"),
    (b"Le 21 janvier\x00\x13\x00\x07\xff\x00\x01", "binary file (contains NUL bytes)"),
    (b"\x01\x02\x03\x04 abc \x05\x06\x07\x08", "binary file (control characters"),
    (b"Le Conseiller d\x81\x20\xc9tat \x90\x20trang\x8fres t\x9d\x20l\x81\x20phonique", "undecodable bytes"),
    ((FRENCH + "Wang Yi a félicité").encode("utf-8")[:-1], "truncated: the file ends in the middle of a UTF-8"),
    (FRENCH.encode("utf-16")[:-1], "truncated"),
])
def test_bad_bytes_give_a_one_line_reason(data, reason):
    with pytest.raises(SourceError) as info:
        decode(data, "bad.txt")
    message = str(info.value)
    assert message.startswith("bad.txt: ") and reason in message
    assert "\n" not in message


def test_a_cp1252_file_ending_in_an_accent_is_not_truncated_utf8():
    assert decode("Rendez-vous au café".encode("cp1252")) == "Rendez-vous au café"


def test_short_gbk_that_looks_like_cut_utf8_is_gbk():
    """Regression: 通電 in GBK is CD A8 EB 8A: valid UTF-8, then a cut three-byte lead."""
    assert decode("通電".encode("gbk")) == "通電"


# ---- files that are not readouts --------------------------------------------------------------
def test_directory_named_like_a_readout(tmp_path):
    (tmp_path / "x.txt").mkdir()
    assert list_sources(tmp_path) == [tmp_path / "x.txt"]
    with pytest.raises(SourceError, match=r"^x\.txt: is a directory"):
        read_document(tmp_path / "x.txt", tmp_path)


def test_broken_symlink(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert list_sources(tmp_path) == [tmp_path / "gone.txt"]
    with pytest.raises(SourceError, match=r"^gone\.txt: broken symbolic link"):
        read_document(tmp_path / "gone.txt", tmp_path)


def test_symlink_to_a_readout_in_the_folder_is_read(tmp_path, seed_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(seed_path, tmp_path / "sub" / "original.txt")
    (tmp_path / "seed.txt").symlink_to(Path("sub") / "original.txt")
    assert read_document(tmp_path / "seed.txt", tmp_path).text == seed_path.read_text(encoding="utf-8")


def test_symlink_out_of_the_folder_is_refused(tmp_path, seed_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "seed.txt").symlink_to(seed_path)
    with pytest.raises(SourceError, match=r"^seed\.txt: symbolic link to .*000_a35c0205b5cb6fd1\.txt, outside the "
                                          r"sources folder; not read$"):
        read_document(tmp_path / "sources" / "seed.txt", tmp_path / "sources")
    # named on its own (kg extract FILE), a link is the user's choice and is read
    assert read_document(tmp_path / "sources" / "seed.txt").text == seed_path.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(SourceError, match="not a regular file"):
        read_document(tmp_path / "pipe.txt", tmp_path)


def test_fifty_megabyte_file_is_refused_quickly_by_size(tmp_path):
    line = b"Le 21 janvier 2021, Wang Yi a eu un entretien telephonique avec Mukhtar Tleuberdi.\n"
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.write(line * (50 * 2**20 // len(line) + 1))
    assert big.stat().st_size > 50 * 2**20 > MAX_BYTES
    started = time.perf_counter()
    with pytest.raises(SourceError, match=r"^big\.txt: too large for a readout \(50\.0 MiB; limit 5 MiB\)"):
        read_document(big, tmp_path)
    assert time.perf_counter() - started < 0.5  # refused by stat(), never read


def test_hidden_files_and_other_suffixes_are_not_sources(tmp_path):
    for name in ("a.txt", "b.HTML", "c.htm", ".hidden.txt", "manifest.csv", "notes.md", "d.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "e.txt").write_text("x", encoding="utf-8")
    assert [p.name for p in list_sources(tmp_path)] == ["a.txt", "b.HTML", "c.htm"]


def test_crlf_and_nfd_are_normalised(tmp_path):
    (tmp_path / "a.txt").write_bytes("Wang Yi a fe\u0301licite\u0301\r\nM. Tleuberdi.\r\n".encode("utf-8"))
    document = read_document(tmp_path / "a.txt", tmp_path)
    assert document.text == "Wang Yi a félicité\nM. Tleuberdi.\n"


# ---- truncation: the rule ----------------------------------------------------------------------
def _readouts(repo_root: Path) -> list[Path]:
    return sorted([*(repo_root / "tests" / "gold").glob("*.txt"), *(repo_root / "sources").glob("*.txt")])


def test_no_real_readout_counts_as_truncated(repo_root):
    """Every gold and seed readout ends with a footer, a date, a menu or a full sentence."""
    files = _readouts(repo_root)
    assert len(files) > 40
    flagged = {p.name: truncation(p.read_text(encoding="utf-8")) for p in files}
    assert {name: why for name, why in flagged.items() if why} == {}


def test_real_readouts_cut_mid_sentence_are_truncated(repo_root):
    """Each gold readout cut at 60 % of its longest paragraph is caught."""
    missed = []
    for path in _readouts(repo_root):
        text = path.read_text(encoding="utf-8")
        longest = max((p for p in text.split("\n\n") if "\n" not in p.strip()), key=len)
        cut = text[:text.index(longest) + int(len(longest) * 0.6)].rstrip(".。，,;；:： ")
        if truncation(cut) is None:
            missed.append((path.name, cut[-60:]))
    assert missed == []


@pytest.mark.parametrize("ending", [
    "Wang Yi said that China is ready to work with Hungary to deepen cooperation in trade and the",
    "M. Wang a déclaré que la Chine était disposée à renforcer sa coopération avec la partie kazakhe dans",
    "El ministro ha trasladado la voluntad de España de impulsar la pronta firma del acuerdo con",
    "王毅表示，中方愿同俄方加强战略沟通，深化各领域务实合作，推动两国关系不断迈上新",
])
def test_ending_in_mid_sentence_is_truncated(ending):
    reason = truncation(f"Headline\n\nFirst paragraph ends well.\n\n{ending}\n")
    assert reason and reason.startswith("truncated: the text ends in mid-sentence")


@pytest.mark.parametrize("ending", [
    "The two sides also exchanged views on the situation in the Middle East.",
    "« Nous sommes convaincus que le Kazakhstan se joindra à nous », a poursuivi M. Wang.",
    "« Le Kazakhstan se joindra aux pays qui défendent la justice et s'opposent à l'intimidation »",
    "White House   USA.gov   Office of the Inspector General   Archives   Contact Us",
    "Copyright © 1998-2021 Ministry of Foreign Affairs of the People's Republic of China",
    "All content is available under the Open Government Licence v3.0, except where otherwise stated",
    "Última actualización: 15 de abril de 2024",
    "Département fédéral des affaires étrangères",
    "京ICP备06049700号  京公网安备110102000050号",
    "中华人民共和国外交部 版权所有",
    "Print | Close | Share this page on Twitter Facebook LinkedIn",
    "New Delhi",
])
def test_footers_dates_and_full_stops_are_complete(ending):
    assert truncation(f"Headline\n\nFirst paragraph ends well.\n\n{ending}\n") is None


def test_truncated_file_is_read_and_says_why(tmp_path):
    """Degrade, never drop: what a cut readout says is kept; the reason travels with it."""
    (tmp_path / "cut.txt").write_text("Wang Yi held talks with Péter Szijjártó.\n\nWang Yi said that China is ready "
                                      "to work with Hungary to deepen cooperation in trade and", encoding="utf-8")
    document = read_document(tmp_path / "cut.txt", tmp_path)
    assert document.text.startswith("Wang Yi held talks")
    assert document.truncated.startswith('truncated: the text ends in mid-sentence ("…')


# ---- names: one line of UTF-8 each -----------------------------------------------------------
@pytest.mark.parametrize("name, shown", [
    ("plain name.txt", "plain name.txt"),
    ("back\\slash.txt", "back\\slash.txt"),  # nothing to escape: as it is
    ("a\nb.txt", "a\\nb.txt"),
    ("tab\there\\.txt", "tab\\there\\\\.txt"),  # once escaped, a backslash is doubled
    ("bell\x07\x85.txt", "bell\\x07\\u0085.txt"),
    ("r\u202etxt.exe.txt", "r\\u202etxt.exe.txt"),
    (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"),
])
def test_display_name_is_one_line_of_utf8(name, shown):
    assert display_name(name) == shown
    shown.encode("utf-8")


@pytest.mark.parametrize("raw, problem", [
    (b"d\xe9claration.txt", "d\\xe9claration.txt: file name is not valid UTF-8 (shown with \\x escapes); rename the file"),
    (b"two\nlines.txt", "two\\nlines.txt: file name holds control characters (shown escaped); rename the file"),
])
def test_a_name_that_is_not_one_line_of_utf8_is_refused(tmp_path, seed_path, raw, problem):
    path = os.fsencode(tmp_path) + b"/" + raw
    with open(path, "wb") as handle:
        handle.write(seed_path.read_bytes())
    [listed] = list_sources(tmp_path)
    assert source_name(listed, tmp_path) == problem.split(": ")[0]
    with pytest.raises(SourceError) as error:
        read_document(listed, tmp_path)
    assert str(error.value) == problem


def test_a_device_as_the_only_source_is_listed_and_refused():
    assert list_sources(Path("/dev/null")) == [Path("/dev/null")]
    with pytest.raises(SourceError, match=r"^null: not a regular file \(a pipe, socket or device\)"):
        read_document(Path("/dev/null"))


def test_a_file_longer_than_it_says_is_read_no_further_than_the_limit(tmp_path):
    """A file that grows between stat() and read(), or a /proc file (size 0, yet text)."""
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0 and len(status.read_bytes()) > 64
    with pytest.raises(SourceError, match=r"^status: too large for a note \(over the limit of 64 bytes\)$"):
        read_input(status, "status", 64, what="a note")
    (tmp_path / "small.txt").write_bytes(b"x" * 100)
    with pytest.raises(SourceError, match=r"^small\.txt: too large for a note \(100 bytes; limit 64 bytes\)$"):
        read_input(tmp_path / "small.txt", "small.txt", 64, what="a note")
    assert read_input(tmp_path / "small.txt", "small.txt", 100) == b"x" * 100


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_the_cache_key_of_a_pipe_is_none_without_blocking(tmp_path):
    from kg.build.cache import content_key

    os.mkfifo(tmp_path / "pipe.txt")
    assert content_key(tmp_path / "pipe.txt") is None  # would block forever on open() or read()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_swapped_in_after_stat_is_refused_once_open(tmp_path, monkeypatch):
    """stat() said "a small regular file"; what is opened is a FIFO: the open does not
    wait for a writer (O_NONBLOCK) and the check made on the open file refuses it."""
    import threading

    (tmp_path / "small.txt").write_bytes(b"x")
    os.mkfifo(tmp_path / "pipe.txt")
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda path, *a, **k: real_stat(tmp_path / "small.txt") if str(path).endswith(
        "pipe.txt") else real_stat(path, *a, **k))
    outcome: list = []

    def read() -> None:
        try:
            read_input(tmp_path / "pipe.txt", "pipe.txt", MAX_BYTES)
        except SourceError as exc:
            outcome.append(str(exc))
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(10)
    assert outcome == ["pipe.txt: not a regular file (a pipe, socket or device), not a readout file"]

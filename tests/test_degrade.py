"""Degrade, never drop: a readout that is cut off, undated or in a language the extractor
does not read keeps what it does say, flagged, or is named for what it is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from cli import main
from kg.model import Document
from kg.namespaces import KG
from kg.build.pipeline import process_document
from kg.sources.reader import document_from_text, read_document
from kg.build.store import REPORT_JSON, REPORT_TXT

CUT = ("Wang Yi Holds Talks with Hungarian Foreign Minister Péter Szijjártó\n\n"
       "On 19 February 2024, Foreign Minister Wang Yi held talks with Hungarian Foreign Minister Péter Szijjártó "
       "in Beijing.\n\n"
       "Wang Yi said that China firmly supports Hungary in safeguarding its sovereignty and territorial integrity.\n\n"
       "Szijjártó said that Hungary firmly abides by the one-China principle and is ready to work with China to deepen "
       "cooperation in trade, investment and the")


def _build(sources: Path, out: Path, *args: str):
    return CliRunner().invoke(main, ["build", str(sources), "--out", str(out), "-j", "1", *args])  # not -q: warnings too


def test_a_cut_readout_keeps_what_it_says_and_is_flagged(tmp_path):
    (tmp_path / "cut.txt").write_text(CUT, encoding="utf-8")
    document = read_document(tmp_path / "cut.txt", tmp_path)
    assert document.truncated and document.truncated.startswith("truncated: the text ends in mid-sentence")
    outcome = process_document(document)
    assert outcome.ok and outcome.flags and "cut.txt: truncated" in outcome.flags[0]
    codes = {p.country for e in outcome.extraction.events for p in e.participants}
    assert codes == {"CHN", "HUN"}
    keys = {e.key for e in outcome.extraction.endorsements}
    assert ("CHN", "support", "HUN", "Sovereignty and territorial integrity") in keys
    graph = Graph()
    for triple in outcome.triples:
        graph.add(triple)
    assert (URIRef(outcome.graph_iri), KG.truncated, Literal(True)) in graph


def test_a_complete_readout_is_not_flagged(seed_path):
    outcome = process_document(read_document(seed_path, seed_path.parent))
    assert outcome.ok and outcome.flags == []
    assert not any(p == KG.truncated for _, p, _ in outcome.triples)


def test_a_file_cut_inside_a_character_keeps_the_text_before_it(tmp_path):
    text = CUT.replace(" and the", " and the coopération économique")
    data = text.encode("utf-8")
    (tmp_path / "cut.txt").write_bytes(data[:data.rindex("é".encode("utf-8")) + 1])  # inside the "é" of "économique"
    document = read_document(tmp_path / "cut.txt", tmp_path)
    assert document.truncated == "truncated: the file ends in the middle of a UTF-8 character"
    assert document.text.endswith("coopération ")


def test_build_publishes_a_cut_readout_flagged_and_strict_rejects_it(tmp_path, seed_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(seed_path, sources / "seed.txt")
    (sources / "cut.txt").write_text(CUT, encoding="utf-8")
    result = _build(sources, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith("kg: flagged: cut.txt: truncated: the text ends in mid-sentence")
    report = json.loads((tmp_path / "out" / REPORT_JSON).read_text(encoding="utf-8"))
    assert report["summary"]["published"] == 2 and report["summary"]["flagged"] == 1
    assert {d["source"]: d["status"] for d in report["documents"]} == {"seed.txt": "published", "cut.txt": "published"}
    assert (tmp_path / "out" / REPORT_TXT).read_text(encoding="utf-8").startswith("FLAGGED\tcut.txt: truncated")

    strict = _build(sources, tmp_path / "strict", "--strict")
    assert strict.exit_code == 1
    assert "kg: error: --strict: 1 readout(s) rejected" in strict.stderr
    report = json.loads((tmp_path / "strict" / REPORT_JSON).read_text(encoding="utf-8"))
    assert {d["source"]: d["status"] for d in report["documents"]}["cut.txt"] == "rejected"


def test_an_encounter_without_any_date_is_kept_undated():
    text = ("Wang Yi Holds Phone Talks with Hungarian Foreign Minister Péter Szijjártó\n\n"
            "Foreign Minister Wang Yi held phone talks with Hungarian Foreign Minister Péter Szijjártó on Tuesday.\n")
    outcome = process_document(document_from_text(text, "undated.txt"))
    assert outcome.ok, (outcome.error, [v.line() for v in outcome.violations])
    [event] = outcome.extraction.events
    assert event.type == "phone_call" and event.date is None and event.date_inferred
    assert not any(p == KG.date for _, p, _ in outcome.triples)


def test_an_encounter_without_a_day_takes_the_publication_date():
    text = ("Wang Yi Holds Phone Talks with Hungarian Foreign Minister Péter Szijjártó\n\n"
            "Foreign Minister Wang Yi held phone talks with Hungarian Foreign Minister Péter Szijjártó.\n")
    outcome = process_document(document_from_text(text, "a.txt", published="2024-02-19"))
    [event] = outcome.extraction.events
    assert (event.date, event.date_inferred) == ("2024-02-19", True)


def test_a_readout_in_a_language_not_read_says_so():
    texts = {
        "it": "Il ministro degli Esteri italiano Antonio Tajani ha avuto un colloquio telefonico con il ministro degli Esteri "
              "cinese Wang Yi. I due ministri hanno parlato delle relazioni tra i due paesi e della situazione in Ucraina.",
        # Japanese and Korean are read (lang/ja.toml, lang/ko.toml); Greek is only recognised
        "el": "Ο υπουργός Εξωτερικών είχε τηλεφωνική επικοινωνία με τον Κινέζο ομόλογό του Ουάνγκ Γι. "
              "Οι δύο υπουργοί συζήτησαν τις σχέσεις των δύο χωρών.",
    }
    for lang, text in texts.items():
        outcome = process_document(document_from_text(text, f"{lang}.txt"))
        assert outcome.error.startswith(f"{lang}.txt: unsupported language: {lang} (the extractor reads ")


def test_extract_reads_the_manifest_beside_the_file(tmp_path):
    text = ("Wang Yi Holds Phone Talks with Hungarian Foreign Minister Péter Szijjártó\n\n"
            "Foreign Minister Wang Yi held phone talks with Hungarian Foreign Minister Péter Szijjártó.\n")
    (tmp_path / "call.txt").write_text(text, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,url,lang,published\ncall.txt,https://example.org/call,en,2024-02-19\n",
                                           encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "call.txt")])
    assert result.exit_code == 0, result.output
    gold = json.loads(result.stdout)
    assert gold["published"] == "2024-02-19"
    assert gold["events"][0]["date"] == "2024-02-19" and gold["events"][0]["date_inferred"] is True

"""kg.sources.manifest: per-readout metadata from sources/manifest.csv, and every row it cannot use
reported with its line number, never a crash."""

from __future__ import annotations

import os
from textwrap import dedent

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from kg.build.builder import build
from kg.sources.manifest import COLUMNS, MAX_MANIFEST_BYTES, parse_manifest, read_manifest
from kg.build.pipeline import process_path
from kg.build.store import DUMP_NQ, REPORT_JSON, REPORT_TXT

LANGS = ("en", "es", "fr", "zh")
HEADER = ",".join(COLUMNS)


def parse(text: str, known=None):
    return parse_manifest(dedent(text), LANGS, known)


def test_good_rows_give_document_fields():
    manifest = parse("\n".join([
        HEADER,
        "a.txt,https://example.org/a,MFA,fr-FR,2021-01-22,CC BY 4.0",
        "sub/b.html,,,,,",
        '"c, with comma.txt",https://example.org/c?x=1&y=2,"Ministry, of ""Quotes""",ZH,,',
    ]))
    assert manifest.problems == []
    assert manifest.entries == {
        "a.txt": {"url": "https://example.org/a", "publisher": "MFA", "lang": "fr", "published": "2021-01-22",
                  "licence": "CC BY 4.0"},
        "sub/b.html": {},
        "c, with comma.txt": {"url": "https://example.org/c?x=1&y=2", "publisher": 'Ministry, of "Quotes"', "lang": "zh"},
    }


def test_columns_in_any_order_subset_and_license_spelling():
    manifest = parse("published,License,FILE\n2021-01-22,public domain,./a.txt\n")
    assert manifest.entries == {"a.txt": {"published": "2021-01-22", "licence": "public domain"}}


def test_blank_lines_comments_and_bom_are_skipped_and_line_numbers_stay_true():
    manifest = parse_manifest(f"\ufeff# sources of 2021\n\n{HEADER}\n\n# fr\na.txt,,,xx,,\n", LANGS)
    assert manifest.problems == ["manifest.csv line 6: unknown lang 'xx' (known: en, es, fr, zh); row skipped"]


@pytest.mark.parametrize("row, reason", [
    ("a.txt,,,,2021-13-01,", "bad date '2021-13-01' in 'published' (expected YYYY-MM-DD)"),
    ("a.txt,,,,2021-02-30,", "bad date '2021-02-30'"),
    ("a.txt,,,,22/01/2021,", "bad date '22/01/2021'"),
    ("a.txt,,,,2021-1-22,", "bad date '2021-1-22'"),
    ("a.txt,,,de,,", "unknown lang 'de' (known: en, es, fr, zh)"),
    ("a.txt,,,english,,", "unknown lang 'english'"),
    ("a.txt,,MFA,fr", "4 columns, expected 6 (file,url,publisher,lang,published,licence)"),
    ("a.txt,,MFA,fr,2021-01-22,,extra", "7 columns, expected 6"),
    ("a.txt,not a url,,,,", "bad url 'not a url'"),
    ("a.txt,https://example.org/a b,,,,", "bad url"),
    (",https://example.org/,,,,", "no file named"),
    ("missing.txt,,,,,", "no readout named 'missing.txt' in the sources folder"),
])
def test_malformed_row_is_reported_with_its_line_and_skipped(row, reason):
    manifest = parse(f"{HEADER}\nb.txt,,,en,,\n{row}\n", known={"a.txt", "b.txt"})
    assert list(manifest.entries) == ["b.txt"]
    assert len(manifest.problems) == 1
    problem = manifest.problems[0]
    assert problem.startswith("manifest.csv line 3: ") and reason in problem and problem.endswith("; row skipped")


def test_second_row_for_a_file_is_reported():
    manifest = parse(f"{HEADER}\na.txt,,,en,,\na.txt,,,fr,,\n")
    assert manifest.entries == {"a.txt": {"lang": "en"}}
    assert manifest.problems == ["manifest.csv line 3: second row for 'a.txt' (first on line 2); row skipped"]


def test_header_without_file_column_means_no_manifest():
    manifest = parse("a.txt,https://example.org/a,MFA,en,2021-01-22,\n")
    assert manifest.entries == {}
    assert manifest.problems == [f"manifest.csv line 1: the first row must name the columns ({HEADER}); manifest not read"]


def test_unknown_column_is_reported_and_ignored():
    manifest = parse("file,lang,colour\na.txt,en,blue\n")
    assert manifest.entries == {"a.txt": {"lang": "en"}}
    assert manifest.problems == [f"manifest.csv line 1: unknown column 'colour' (known: {HEADER}); column ignored"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_parse_never_raises(text):
    manifest = parse_manifest(text, LANGS, known={"a.txt"})
    assert all("\n" not in p or "line" in p for p in manifest.problems)


def test_read_manifest_missing_folder_or_file(tmp_path):
    assert read_manifest(tmp_path, LANGS).entries == {}
    assert read_manifest(tmp_path / "a.txt", LANGS).problems == []


def test_read_manifest_in_windows_1252(tmp_path):
    (tmp_path / "manifest.csv").write_bytes(f"{HEADER}\r\na.txt,,Ministère des Affaires étrangères,fr,,\r\n".encode("cp1252"))
    assert read_manifest(tmp_path, LANGS, ["a.txt"]).entries == {
        "a.txt": {"publisher": "Ministère des Affaires étrangères", "lang": "fr"}}


def test_unreadable_manifest_is_one_problem(tmp_path):
    (tmp_path / "manifest.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    manifest = read_manifest(tmp_path, LANGS, ["a.txt"])
    assert manifest.entries == {}
    assert manifest.problems == ["manifest.csv: binary file (a PNG image), not a text readout; manifest not read"]


# ---- into Documents and the graph ----------------------------------------------------------
def test_manifest_fields_override_detection(seed_path, registry):
    plain = process_path(seed_path, seed_path.parent, registry)
    given_ = process_path(seed_path, seed_path.parent, registry,
                          metadata={"published": "2021-01-25", "lang": "fr", "url": "https://example.org/r"})
    assert plain.extraction.published == "2021-01-22" and plain.extraction.published_inferred is False
    assert given_.extraction.published == "2021-01-25"
    assert given_.extraction.document.url == "https://example.org/r"
    forced = process_path(seed_path, seed_path.parent, registry, metadata={"lang": "en"})
    assert forced.extraction.lang == "en"  # the manifest's language is used, not detected


@pytest.fixture(scope="module")
def manifest_build(tmp_path_factory, seed_path):
    sources = tmp_path_factory.mktemp("manifest_sources")
    (sources / "seed.txt").write_bytes(seed_path.read_bytes())
    (sources / "other.txt").write_text(seed_path.read_text(encoding="utf-8").replace("Le 21 janvier", "Le 20 janvier"),
                                       encoding="utf-8")
    (sources / "manifest.csv").write_text(dedent(f"""\
        {HEADER}
        seed.txt,https://www.fmprc.gov.cn/fra/wjdt/202101/t20210122.html,Ministère des Affaires étrangères de Chine,fr,2021-01-23,public domain
        nowhere.txt,https://example.org/nowhere,,,,
        """), encoding="utf-8")
    out = tmp_path_factory.mktemp("manifest_out")
    return build(sources, out, jobs=1)


def test_manifest_metadata_reaches_the_graph(manifest_build):
    from rdflib import Dataset

    from kg.namespaces import DCTERMS, SCHEMA, XSD  # (not at module level: pytest probes module names)

    dataset = Dataset()
    dataset.parse(manifest_build.out / DUMP_NQ, format="nquads")
    seed = next(d for d in manifest_build.documents if d.source == "seed.txt")
    other = next(d for d in manifest_build.documents if d.source == "other.txt")
    graph = dataset.graph(URIRef(seed.graph))
    readout = URIRef(seed.graph)
    assert graph.value(readout, SCHEMA.url) == Literal("https://www.fmprc.gov.cn/fra/wjdt/202101/t20210122.html",
                                                       datatype=XSD.anyURI)
    assert graph.value(readout, DCTERMS.publisher) == Literal("Ministère des Affaires étrangères de Chine")
    assert graph.value(readout, DCTERMS.license) == Literal("public domain")
    assert graph.value(readout, DCTERMS.issued) == Literal("2021-01-23", datatype=XSD.date)  # not the page's 01-22
    other_graph = dataset.graph(URIRef(other.graph))
    assert other_graph.value(URIRef(other.graph), SCHEMA.url) is None  # no row: inferred metadata only
    assert other_graph.value(URIRef(other.graph), DCTERMS.issued) == Literal("2021-01-22", datatype=XSD.date)


def test_row_naming_no_file_is_reported_not_fatal(manifest_build):
    assert [d.status for d in manifest_build.documents] == ["published", "published"]
    expected = "manifest.csv line 3: no readout named 'nowhere.txt' in the sources folder; row skipped"
    assert manifest_build.problems == [expected]
    import json

    report = json.loads((manifest_build.out / REPORT_JSON).read_text(encoding="utf-8"))
    assert report["problems"] == [expected] and report["summary"]["problems"] == 1
    assert f"MANIFEST\t{expected}\n" in (manifest_build.out / REPORT_TXT).read_text(encoding="utf-8")


# ---- limits: a manifest cannot hang the build or fill its memory -----------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_manifest_that_is_a_pipe_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "manifest.csv")
    assert read_manifest(tmp_path, LANGS, ["a.txt"]).problems == [
        "manifest.csv: not a regular file (a pipe, socket or device), not a manifest file; manifest not read"]


def test_manifest_over_the_size_limit_is_refused_before_reading(tmp_path):
    with (tmp_path / "manifest.csv").open("wb") as handle:
        handle.write(f"{HEADER}\na.txt,,,fr,,\n".encode())
        handle.truncate(MAX_MANIFEST_BYTES + 1)
    assert read_manifest(tmp_path, LANGS, ["a.txt"]).problems == [
        "manifest.csv: too large for a manifest (32.0 MiB; limit 32 MiB); manifest not read"]


def test_rows_past_the_limit_are_not_read():
    text = "file,lang\n# a comment is no row\n\na.txt,fr\nb.txt,fr\nc.txt,fr\nd.txt,fr\n"
    manifest = parse_manifest(text, LANGS, max_rows=2)
    assert list(manifest.entries) == ["a.txt", "b.txt"]
    assert manifest.problems == ["manifest.csv line 6: more than 2 rows; rest of the manifest not read"]
    assert parse_manifest(text, LANGS, max_rows=4).problems == []  # exactly the limit: all read

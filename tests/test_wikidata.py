"""kg.knowledge.wikidata and `kg registry import`: officials and dated offices from a Wikidata
Query Service result (tests/data/wikidata/offices.json, written by the team in the
service's JSON format; nothing is fetched)."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from kg.errors import RegistryError
from kg.extract import extract
from kg.model import Document
from kg.knowledge.registry import Registry
from kg.knowledge.wikidata import IMPORT_FILE, import_results, write_import


@pytest.fixture()
def data(registry, tmp_path) -> Path:
    """A copy of the registry's data folder to import into."""
    shutil.copytree(registry.data_dir, tmp_path / "data")
    return tmp_path / "data"


def _codes(registry) -> set[str]:
    return set(registry.states) | set(registry.organizations)


def test_rows_become_people_with_dated_offices_and_spellings(registry, data_dir):
    people, skipped = import_results(data_dir / "wikidata" / "offices.json", _codes(registry))
    by_qid = {p.qid: p for p in people}
    assert sorted(by_qid) == ["Q15031", "Q7001", "Q7002"]
    tamm = by_qid["Q7001"]
    assert tamm.name == "Jaan Tamm" and tamm.country == "EST"
    assert {str(s) for _, s, _ in tamm.offices} == {"2019-04-29"}
    assert "扬·塔姆" in tamm.labels["zh"]
    # a bad role, an unknown state, a term that ends before it starts: each left out, said why
    assert len(skipped) == 3
    assert any("emperor" in s for s in skipped) and any("QQQ" in s for s in skipped)


def test_the_registry_reads_the_import_and_grows(registry, data, data_dir):
    people, _ = import_results(data_dir / "wikidata" / "offices.json", _codes(registry))
    write_import(people, data / IMPORT_FILE)
    grown = Registry(data)
    assert len(grown.people) == len(registry.people) + 2  # Xi Jinping was known already
    xi = grown.person_named("Xi Jinping", "CHN")
    assert "Си Цзиньпин" in xi.variants
    tamm = grown.person_named("Jaan Tamm", "EST")
    assert tamm.qid == "Q7001" and tamm.held_on(__import__("datetime").date(2020, 5, 1), "foreign_minister")
    assert grown.fingerprint != registry.fingerprint  # builds made before the import are rebuilt


def test_an_imported_official_is_found_in_text_and_their_role_checked(registry, data, data_dir):
    people, _ = import_results(data_dir / "wikidata" / "offices.json", _codes(registry))
    write_import(people, data / IMPORT_FILE)
    grown = Registry(data)

    def run(text: str):
        document = Document(source="t.zh.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang="zh")
        return extract(document, grown)

    found = run("""\
        王毅同爱沙尼亚外长扬·塔姆通电话

        2020年5月1日，国务委员兼外长王毅同爱沙尼亚外长扬·塔姆通电话。
        """)
    names = {(p.country, p.name) for e in found.events for p in e.participants}
    assert ("EST", "Jaan Tamm") in names
    assert not any(note.startswith("role check") for note in found.notes)
    late = run("""\
        王毅同爱沙尼亚外长扬·塔姆通电话

        2022年5月1日，国务委员兼外长王毅同爱沙尼亚外长扬·塔姆通电话。
        """)
    assert any("Jaan Tamm (EST) as foreign_minister on 2022-05-01" in note for note in late.notes)


def test_the_import_is_the_same_bytes_every_time(registry, tmp_path, data_dir):
    people, _ = import_results(data_dir / "wikidata" / "offices.json", _codes(registry))
    write_import(people, tmp_path / "a.toml")
    again, _ = import_results(data_dir / "wikidata" / "offices.json", _codes(registry))
    write_import(again, tmp_path / "b.toml")
    assert (tmp_path / "a.toml").read_bytes() == (tmp_path / "b.toml").read_bytes()


@pytest.mark.parametrize("content, message", [
    ("not json", "not JSON"),
    ('{"head": {}, "results": {}}', "not a SPARQL JSON result"),
    ('{"head": {"vars": ["person"]}, "results": {"bindings": []}}', "must select"),
])
def test_a_file_that_is_not_a_query_result_is_a_registry_error(registry, tmp_path, content, message):
    path = tmp_path / "r.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RegistryError, match=message):
        import_results(path, _codes(registry))


def test_cli_imports_into_a_file_and_reports(tmp_path, data_dir):
    target = tmp_path / "wikidata.toml"
    result = CliRunner().invoke(main, ["registry", "import", str(data_dir / "wikidata" / "offices.json"),
                                       "--into", str(target)])
    assert result.exit_code == 0, result.output
    assert target.exists()
    assert "imported 3 officials (2 new to the registry, 1 known) with 3 dated offices; 3 rows skipped" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    result = CliRunner().invoke(main, ["registry", "import", str(bad), "--into", str(target)])
    assert result.exit_code == 2 and "Traceback" not in result.output

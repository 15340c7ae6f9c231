"""kg.knowledge.registry: the data files load, and say what ANNOTATION.md says they must."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import RegistryError
from kg.model import EVENT_TYPES, ROLE_CODES
from kg.knowledge.registry import LANGUAGES, Registry, load_registry

# ANNOTATION.md §3, in the guideline's words.
TOPIC_LABELS = {
    "Taiwan", "Xinjiang", "Hong Kong", "Tibet", "South China Sea", "One-China principle",
    "Belt and Road Initiative", "Global Development Initiative", "Global Security Initiative",
    "Global Civilization Initiative", "Global Governance Initiative", "Community with a shared future",
    "COVID-19", "Ukraine", "Korean Peninsula", "Iran nuclear issue", "Afghanistan", "Palestine",
    "Climate change", "Human rights", "Multilateralism", "Non-interference",
    "Sovereignty and territorial integrity", "Independence anniversary", "Taking office", "Election",
}
# ANNOTATION.md §4.
ORG_CODES = {
    "UN", "UNSC", "SCO", "CICA", "BRICS", "ASEAN", "EU", "AU", "G20", "APEC", "WHO", "WTO", "NATO",
    "CELAC", "LAS", "GCC", "OIC", "CPC", "CSTO", "EAEU", "OSCE", "IAEA",
}
QID = re.compile(r"^Q\d+$")


def test_registry_loads_once(registry):
    assert load_registry() is registry
    assert len(registry.states) > 150
    assert len(registry.people) > 0


def test_every_topic_label_of_the_guidelines(registry):
    assert set(registry.topics) == TOPIC_LABELS


def test_every_organisation_code_of_the_guidelines(registry):
    assert ORG_CODES <= set(registry.organizations)


def test_state_and_organisation_codes_do_not_clash(registry):
    # A code naming both would mint one IRI for two parties (kg.graph.rdf picks the organisation).
    assert set(registry.states) & set(registry.organizations) == set()
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in registry.states)


def test_every_person_represents_a_known_party(registry):
    unknown = [(p.name, p.country) for p in registry.people if registry.code_kind(p.country) == "unknown"]
    assert unknown == []


def test_no_person_listed_twice(registry):
    keys = [(p.name, p.country) for p in registry.people]
    assert len(keys) == len(set(keys))


def test_people_have_a_family_name_they_are_called_by(registry):
    assert [p.name for p in registry.people if not p.family.strip()] == []


def test_qids_are_wikidata_item_ids(registry):
    bad = [(code, s.qid) for code, s in registry.states.items() if s.qid is not None and not QID.match(s.qid)]
    bad += [(code, o.qid) for code, o in registry.organizations.items() if o.qid is not None and not QID.match(o.qid)]
    bad += [(p.name, p.qid) for p in registry.people if p.qid is not None and not QID.match(p.qid)]
    assert bad == []


def test_topic_owners_and_publishers_are_known_codes(registry):
    owners = {t.owner for t in registry.topics.values() if t.owner}
    assert {o for o in owners if registry.code_kind(o) == "unknown"} == set()
    publishers = set(registry.publishers.get("domains", {}).values()) | set(registry.publishers.get("names", {}).values())
    assert {p for p in publishers if registry.code_kind(p) == "unknown"} == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_grammar_words(registry, lang):
    words = registry.lang(lang)
    assert words.get("titles"), f"{lang}: no titles"
    assert set(words.get("events", {})) >= set(EVENT_TYPES), f"{lang}: event types without cues"


def test_titles_map_to_role_codes(registry):
    bad = {(lang, title, role) for lang, words in registry.languages.items()
           for title, role in words.get("titles", {}).items() if role not in ROLE_CODES}
    assert bad == set()


def test_every_topic_has_english_words(registry):
    assert [label for label, t in registry.topics.items() if not t.phrases.get("en")] == []


def test_unknown_language_is_a_registry_error(registry):
    with pytest.raises(RegistryError, match="no language data for 'xx'"):
        registry.lang("xx")


def test_fingerprint_is_a_stable_sha256(registry):
    assert re.fullmatch(r"[0-9a-f]{64}", registry.fingerprint)
    assert Registry(registry.data_dir).fingerprint == registry.fingerprint


def test_missing_data_file_is_a_registry_error(tmp_path: Path):
    with pytest.raises(RegistryError, match="states.toml"):
        Registry(tmp_path)


def test_malformed_data_file_is_a_registry_error(tmp_path: Path):
    (tmp_path / "states.toml").write_text("[KAZ\nqid = ", encoding="utf-8")
    with pytest.raises(RegistryError, match="not valid TOML"):
        Registry(tmp_path)


def test_offices_are_dated_holdings_of_known_officials(registry):
    """offices.toml: every holder is a registry person, every role a code, every term in order."""
    dated = [person for person in registry.people if person.offices]
    assert len(dated) >= 50
    assert registry.offices_known_until is not None
    for person in dated:
        for role, start, end in person.offices:
            assert role in ROLE_CODES
            assert end is None or start < end, person.name
            assert start <= registry.offices_known_until


def test_holders_of_a_post_on_a_day(registry):
    import datetime as dt
    names = lambda country, role, day: [registry.people[i].name for i in registry.holders(country, role, day)]
    assert names("USA", "head_of_state", dt.date(2011, 8, 15)) == ["Barack Obama"]
    assert names("UN", "organization_head", dt.date(2013, 8, 28)) == ["Ban Ki-moon"]
    assert names("UN", "organization_head", dt.date(2023, 9, 23)) == ["António Guterres"]
    # the last day of a term belongs to the successor
    assert names("USA", "head_of_state", dt.date(2017, 1, 20)) == ["Donald Trump"]


# Posts one person holds at a time: two holdings of one state's post that overlap are a slip in
# offices.toml (a "The President spoke today with ..." would find two presidents), unless the
# state really shares or splits the post; those arrangements are listed here, (state, role).
SINGLE_HOLDER_POSTS = ("head_of_state", "head_of_government", "foreign_minister")
SHARED_POSTS = {
    ("NIC", "head_of_state"),  # co-presidents since the constitutional reform of February 2025
}


def _overlaps(holdings: list[tuple[str, "dt.date", "dt.date"]]) -> list[tuple[str, str]]:
    """Pairs of holders whose terms share a day (the last day of a term is the successor's)."""
    ordered = sorted(holdings, key=lambda h: (h[1], h[2]))
    return [(a[0], b[0]) for i, a in enumerate(ordered) for b in ordered[i + 1:]
            if a[0] != b[0] and b[1] < a[2] and a[1] < b[2]]


def test_overlap_finder_sees_a_shared_day_and_not_a_handover():
    import datetime as dt
    day = dt.date
    assert _overlaps([("A", day(2010, 1, 1), day(2015, 1, 1)), ("B", day(2015, 1, 1), day(2020, 1, 1))]) == []
    assert _overlaps([("A", day(2010, 1, 1), day(2015, 1, 2)), ("B", day(2015, 1, 1), day(2020, 1, 1))]) == [("A", "B")]


def test_offices_of_one_state_are_held_by_one_person_at_a_time(registry):
    """offices.toml: no two heads of state, heads of government or foreign ministers of one
    state on the same day, and every term ends by the day the holdings are known."""
    import tomllib
    table = tomllib.loads((registry.data_dir / "offices.toml").read_text(encoding="utf-8"))
    until = table["known_until"]
    country = {person.name: person.country for person in registry.people}
    posts: dict[tuple[str, str], list] = {}
    for name, holdings in table["offices"].items():
        for role, start, *end in holdings:
            assert not end or end[0] <= until, (name, role)
            # an organisation's official keeps the national posts held before (Charles Michel,
            # Prime Minister of Belgium) under the organisation's code: not that state's post
            if role in SINGLE_HOLDER_POSTS and country[name] in registry.states:
                posts.setdefault((country[name], role), []).append((name, start, end[0] if end else until))
    clashes = {post: _overlaps(holdings) for post, holdings in posts.items() if post not in SHARED_POSTS}
    assert {post: pairs for post, pairs in clashes.items() if pairs} == {}
    assert len(posts) >= 100


def _copy_data(registry, tmp_path: Path) -> Path:
    import shutil
    shutil.copytree(registry.data_dir, tmp_path / "data")
    return tmp_path / "data"


@pytest.mark.parametrize("entry, message", [
    ('"Nobody Known" = [["head_of_state", 2001-01-01]]', "not in people.toml"),
    ('"Barack Obama" = [["emperor", 2009-01-20]]', "not a role code"),
    ('"Barack Obama" = [["head_of_state", "2009-01-20"]]', "TOML dates"),
])
def test_bad_office_entries_are_registry_errors(registry, tmp_path: Path, entry, message):
    data = _copy_data(registry, tmp_path)
    (data / "offices.toml").write_text(f"known_until = 2026-01-01\n[offices]\n{entry}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=message):
        Registry(data)


def _cldr_dropped() -> list[tuple[str, str, str]]:
    path = Path(__file__).parent / "data" / "states_names_from_cldr.tsv"
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [tuple(row) for row in rows]


def test_state_names_dropped_for_cldr_are_still_known(registry):
    """states.toml lost the names CLDR gives (tests/data/states_names_from_cldr.tsv lists
    them): the registry built with CLDR still has every one of them."""
    dropped = _cldr_dropped()
    assert len(dropped) > 800
    missing = [row for row in dropped if row[2] not in registry.states[row[0]].names.get(row[1], [])]
    assert missing == []


@pytest.mark.parametrize("lang", ["en", "fr", "es", "zh", "ru", "ar", "de"])
def test_every_state_has_a_name_in_every_un_language_and_german(registry, lang):
    """Every state but one that states.toml names only in some languages (`named_in`: Taiwan,
    a party in Chinese texts and a topic of the one-China formulas elsewhere)."""
    import tomllib

    import kg

    table = tomllib.loads((Path(kg.__file__).parent / "data" / "states.toml").read_text(encoding="utf-8"))
    limited = {code for code, entry in table.items() if isinstance(entry, dict) and "named_in" in entry
               and lang not in entry["named_in"]}
    unnamed = [code for code, state in registry.states.items() if not state.names.get(lang) and code not in limited]
    assert unnamed == []
    assert all(not registry.states[code].names.get(lang) for code in limited if code in registry.states)


def test_state_names_come_from_cldr(registry):
    """Russian, Arabic and German names are in no hand-written file: they are CLDR's."""
    from kg.knowledge.cldr import state_names
    assert "Казахстан" in registry.states["KAZ"].names["ru"]
    assert "كازاخستان" in registry.states["KAZ"].names["ar"]
    assert "Kasachstan" in registry.states["KAZ"].names["de"]
    assert state_names("KAZ", "de") == ["Kasachstan"]
    assert "哈薩克" in state_names("KAZ", "zh")  # traditional script too
    assert state_names("XKX", "en") == ["Kosovo"]  # a code ISO leaves to users


@pytest.mark.parametrize("lang", ["en", "fr", "es", "zh", "ru", "ar", "de"])
def test_labels_read_as_names_in_running_text(registry, lang):
    """CLDR's "Congo - Kinshasa" or "Palestinian Territories" are kept as names to match, but
    a label of its own (states.toml `label`) names the state in outputs."""
    bad = [(code, state.label(lang)) for code, state in registry.states.items()
           if any(mark in state.label(lang) for mark in (" - ", "&", "(", "’", "Territor", "территории", "الأراضي"))]
    assert bad == []


def test_a_language_adds_spellings_of_known_officials_without_editing_people(registry, tmp_path: Path):
    data = _copy_data(registry, tmp_path)
    (data / "lang" / "xx.toml").write_text('code = "xx"\n[spellings]\n"Wang Yi" = ["Ван И"]\n', encoding="utf-8")
    wang = next(p for p in Registry(data).people if p.name == "Wang Yi")
    assert "Ван И" in wang.variants
    (data / "lang" / "xx.toml").write_text('code = "xx"\n[spellings]\n"Nobody Known" = ["Никто"]\n', encoding="utf-8")
    with pytest.raises(RegistryError, match="not in people.toml"):
        Registry(data)


def test_a_language_adds_its_words_for_states_in_its_own_file(registry, tmp_path: Path):
    data = _copy_data(registry, tmp_path)
    (data / "lang" / "xx.toml").write_text(
        'code = "xx"\n[states.KAZ]\nlabel = "Qazaqstan"\nadjectives = ["qazaq"]\nnames = ["Qazaq Eli"]\n', encoding="utf-8")
    kaz = Registry(data).states["KAZ"]
    assert kaz.label("xx") == "Qazaqstan" and "Qazaq Eli" in kaz.names["xx"]
    assert kaz.adjectives["xx"] == ["qazaq"]
    (data / "lang" / "xx.toml").write_text('code = "xx"\n[states.QQQ]\nnames = ["Nowhere"]\n', encoding="utf-8")
    with pytest.raises(RegistryError, match="not a state"):
        Registry(data)


# the officials readouts name most: G20 leaders and foreign ministers, 2010-2025, and the
# heads of the EU and the UN
_MOST_NAMED = ["Xi Jinping", "Li Qiang", "Hu Jintao", "Wen Jiabao", "Wang Yi", "Vladimir Putin",
               "Dmitry Medvedev", "Mikhail Mishustin", "Sergey Lavrov", "Barack Obama", "Donald Trump",
               "Joe Biden", "Antony Blinken", "Marco Rubio", "Emmanuel Macron", "Angela Merkel",
               "Olaf Scholz", "Friedrich Merz", "Boris Johnson", "Rishi Sunak", "Keir Starmer",
               "Shinzo Abe", "Fumio Kishida", "Shigeru Ishiba", "Moon Jae-in", "Yoon Suk-yeol",
               "Lee Jae-myung", "Narendra Modi", "S. Jaishankar", "Joko Widodo", "Prabowo Subianto",
               "Luiz Inácio Lula da Silva", "Jair Bolsonaro", "Justin Trudeau", "Anthony Albanese",
               "Giorgia Meloni", "Recep Tayyip Erdoğan", "Cyril Ramaphosa", "Mohammed bin Salman",
               "Javier Milei", "Claudia Sheinbaum", "Andrés Manuel López Obrador",
               "Ursula von der Leyen", "Charles Michel", "António Guterres"]
_SCRIPTS = {"ja": "[\u30a0-\u30ff\u4e00-\u9fff]", "ko": "[\uac00-\ud7a3]", "ru": "[\u0400-\u04ff]",
            "ar": "[\u0600-\u06ff]"}


@pytest.mark.parametrize("lang", sorted(_SCRIPTS))
def test_the_most_named_officials_are_known_in_each_script(registry, lang):
    """A readout in Japanese, Korean, Russian or Arabic names these officials in its own script:
    each has a spelling there, so the participant gets the registry's Latin name (ANNOTATION.md §2)."""

    by_name = {person.name: person for person in registry.people}
    lacking = [name for name in _MOST_NAMED
               if not any(re.search(_SCRIPTS[lang], v) for v in by_name[name].variants)]
    assert lacking == []

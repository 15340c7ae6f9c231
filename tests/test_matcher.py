"""kg.knowledge.matcher.Gazetteer: leftmost-longest, acronyms case-sensitive, word boundaries, CJK."""

from __future__ import annotations

import pytest

from kg.knowledge.matcher import Gazetteer


@pytest.fixture
def gazetteer() -> Gazetteer:
    g = Gazetteer()
    g.add("US", "state", "USA")
    g.add("UN", "org", "UN")
    g.add("Iran", "state", "IRN")
    g.add("Premier Ministre", "title", "head_of_government")
    g.add("Vice-Premier Ministre", "title", "deputy_head_of_government")
    g.add("ingérence", "stance.oppose")
    g.add("non-ingérence", "topic", "Non-interference")
    g.add("États-Unis", "state", "USA")
    g.add("中国", "state", "CHN")
    g.add("中方", "side", "CHN")
    g.add("APEC", "org", "APEC")
    return g


def _found(g: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    matches = g.find(text)
    for m in matches:
        assert text[m.start:m.end] == m.text  # offsets always index the original text
    return [(m.kind, m.value, m.text) for m in matches]


def test_leftmost_longest_title(gazetteer):
    assert _found(gazetteer, "le Vice-Premier Ministre du Kazakhstan") == [
        ("title", "deputy_head_of_government", "Vice-Premier Ministre")]
    assert _found(gazetteer, "le Premier Ministre") == [("title", "head_of_government", "Premier Ministre")]


def test_longest_phrase_wins_over_its_suffix(gazetteer):
    assert _found(gazetteer, "le principe de non-ingérence") == [("topic", "Non-interference", "non-ingérence")]
    assert _found(gazetteer, "toute ingérence") == [("stance.oppose", "", "ingérence")]


def test_matches_do_not_overlap_and_come_in_order(gazetteer):
    text = "Iran, États-Unis et Vice-Premier Ministre"
    matches = gazetteer.find(text)
    assert [m.text for m in matches] == ["Iran", "États-Unis", "Vice-Premier Ministre"]
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))


def test_acronym_is_case_sensitive_in_english(gazetteer):
    assert _found(gazetteer, "Let us talk to the US.") == [("state", "USA", "US")]
    assert _found(gazetteer, "he told us so") == []


def test_acronym_un_is_not_french_article(gazetteer):
    assert _found(gazetteer, "un pays, Un rôle, UN. Un") == [("org", "UN", "UN")]


def test_ordinary_phrases_ignore_case_and_accents(gazetteer):
    assert _found(gazetteer, "les etats-unis") == [("state", "USA", "etats-unis")]
    assert _found(gazetteer, "IRAN") == [("state", "IRN", "IRAN")]


def test_word_boundaries(gazetteer):
    assert _found(gazetteer, "Iranian officials") == []
    assert _found(gazetteer, "Tehran, Iran.") == [("state", "IRN", "Iran")]
    assert _found(gazetteer, "BUS and USB") == []


@pytest.mark.parametrize("gap", ["\u00a0", "\t", "\n", "\u202f"])
def test_any_single_white_space_matches_a_space(gazetteer, gap):
    text = f"le Premier{gap}Ministre"
    matches = gazetteer.find(text)
    assert [(m.start, m.end, m.text) for m in matches] == [(3, len(text), text[3:])]


def test_no_match_across_a_paragraph_break(gazetteer):
    assert gazetteer.find("le Premier\n\nMinistre") == []


def test_cjk_needs_no_word_boundary(gazetteer):
    assert _found(gazetteer, "中国外长王毅说，中方支持") == [("state", "CHN", "中国"), ("side", "CHN", "中方")]


def test_latin_acronym_next_to_cjk(gazetteer):
    assert _found(gazetteer, "在APEC会议上") == [("org", "APEC", "APEC")]


def test_one_match_per_entry_of_a_shared_phrase():
    g = Gazetteer()
    g.add("Kazakh", "adj", "KAZ")
    g.add("kazakh", "adj", "KAZ")  # same entry again: not duplicated
    g.add("Kazakh", "lang", "kk")
    assert sorted((m.kind, m.value) for m in g.find("the Kazakh side")) == [("adj", "KAZ"), ("lang", "kk")]
    assert len(g) == 1


def test_empty_phrase_is_ignored():
    g = Gazetteer()
    g.add("   ", "state", "XXX")
    assert len(g) == 0 and g.find("anything") == []


# ---- the registry's compiled gazetteers ------------------------------------------------
def test_registry_english_us_and_us(registry):
    matches = registry.gazetteer("en").find("Let us say the US backs us.")
    assert {(m.text, m.value) for m in matches if m.kind == "state"} == {("US", "USA")}


def test_registry_french_un_is_never_the_un(registry):
    text = "Un pays a joué un rôle à l'ONU."
    orgs = [(m.text, m.value) for m in registry.gazetteer("fr").find(text) if m.kind == "org"]
    assert orgs == [("ONU", "UN")]


def test_registry_chinese_sides_and_organisations(registry):
    text = "中方支持哈方在上海合作组织中发挥更大作用。"
    found = {(m.kind, m.value) for m in registry.gazetteer("zh").find(text)}
    assert {("side", "CHN"), ("side", "KAZ"), ("org", "SCO")} <= found


@pytest.mark.parametrize("order", [("Korea", "Korea Strait", "Kor"), ("Korea Strait", "Kor", "Korea")])
def test_phrases_that_are_prefixes_of_one_another_match_whatever_the_order_they_came_in(order):
    # the index keeps every prefix of every phrase; a phrase added after a longer one that
    # starts with it (or before) must still match on its own, and the longest still win
    g = Gazetteer()
    for phrase in order:
        g.add(phrase, "place", phrase)
    assert _found(g, "Kor, Korea and the Korea Strait; Kore") == [
        ("place", "Kor", "Kor"), ("place", "Korea", "Korea"), ("place", "Korea Strait", "Korea Strait")]


def test_arabic_vowel_marks_are_read_through() -> None:
    # a shadda or a tatweel in the text does not hide a name listed without it, and the
    # match still spans the original letters, marks included
    g = Gazetteer()
    g.add("قيس سعيد", "person", "1")
    text = "استقبل الرئيس قيس سعيّد اليوم ثم قيس سعـيد"
    found = g.find(text)
    assert [m.text for m in found] == ["قيس سعيّد", "قيس سعـيد"]
    assert text[found[0].start:found[0].end] == "قيس سعيّد"


def test_a_vowel_mark_does_not_make_a_word_boundary() -> None:
    g = Gazetteer()
    g.add("سعيد", "person", "1")
    assert g.find("سعيدًاب") == []

"""kg.knowledge.lookup: any label or alias, any language, any case or accent; else "did you mean"."""

from __future__ import annotations

import pytest

from kg.knowledge.lookup import Lookup, UnknownName


@pytest.fixture(scope="module")
def lookup(registry) -> Lookup:
    return Lookup(registry)


@pytest.mark.parametrize("value", ["CHN", "chn", "China", "china", "Chine", "中国", "China ", "Китай", "الصين", "chinese"])
def test_a_state_from_any_label(lookup, value):
    assert lookup.state(value) == "CHN"


@pytest.mark.parametrize("value, code", [("Cote d'Ivoire", "CIV"), ("côte d’ivoire", "CIV"), ("un", "UN"),
                                         ("Nations unies", "UN"), ("United Nations", "UN"), ("ASEAN", "ASEAN")])
def test_accents_quotes_and_organisations(lookup, value, code):
    assert lookup.state(value) == code


@pytest.mark.parametrize("value", ["taiwan", "Taiwan", "台湾", "Taïwan", "one-china-principle"])
def test_a_topic_from_label_slug_or_phrase(lookup, value):
    assert lookup.topic(value) in ("Taiwan", "One-China principle")


@pytest.mark.parametrize("value, name", [("王毅", "Wang Yi"), ("wang yi", "Wang Yi"), ("Sergueï Lavrov", "Sergey Lavrov")])
def test_an_official_from_any_spelling(lookup, value, name):
    assert lookup.person(value).name == name


def test_a_family_name_alone_when_it_is_unique(lookup, registry):
    families = {}
    for person in registry.people:
        families.setdefault(person.family, []).append(person)
    unique = next(f for f, people in sorted(families.items()) if len(people) == 1 and len(f) > 4)
    assert lookup.person(unique).family == unique
    shared = next(f for f, people in sorted(families.items()) if len(people) > 1)
    with pytest.raises(UnknownName, match="names several"):
        lookup.person(shared)


@pytest.mark.parametrize("value, kind, suggestion", [
    ("taiwn", "topic", "Taiwan"), ("Chnia", "state", "CHN"), ("Kazakstan", "state", "KAZ"),
])
def test_an_unknown_value_says_what_it_might_be(lookup, value, kind, suggestion):
    with pytest.raises(UnknownName) as raised:
        getattr(lookup, kind)(value)
    message = str(raised.value)
    assert message.startswith(f"unknown {kind}") and "did you mean" in message and suggestion in message


def test_nothing_close_gives_no_suggestion(lookup):
    with pytest.raises(UnknownName) as raised:
        lookup.state("XYZ")
    assert "did you mean" not in str(raised.value)


@pytest.mark.parametrize("value, name", [("Kouleba", "Dmytro Kuleba"), ("Qureshi", "Shah Mahmood Qureshi"), ("王毅", "Wang Yi")])
def test_the_names_analysts_type(lookup, value, name):
    """The issue's examples: a French spelling of a family name, a family name, characters."""
    assert lookup.person(value).name == name

"""Parties of an encounter on pages the extractor was not fitted to (issue 11, events round 9):
Taiwan as a party in Chinese, the national outlet whose own officials are named bare, and a
Chinese name that ends before a verb of leading or visiting. The readouts are short texts
written by the team in the style of the ministries and papers, never copies of real ones."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def _extract(registry, text, lang="zh", url=None):
    document = Document(source="t.txt", text=textwrap.dedent(text), sha256="0" * 64, lang=lang, url=url)
    return extract(document, registry)


def _states(extraction):
    return [tuple(sorted({p.country for p in e.participants})) for e in extraction.events]


# ---- Taiwan as a party in Chinese -----------------------------------------------------------
def test_taiwan_named_in_chinese_is_a_state(registry):
    """"中華民國（臺灣）外交部長" gives the official the state TWN."""
    text = """\
        中華民國（臺灣）外交部長林佳龍3月4日在臺北接見來訪的巴拉圭外交部長卡斯楚，雙方就合作交換意見。
        """
    assert _states(_extract(registry, text)) == [("PRY", "TWN")]


def test_taiwan_is_no_party_outside_chinese(registry):
    """In English "Taiwan" stands in the one-China formulas: a topic, never a party."""
    assert "en" not in registry.states["TWN"].names
    assert "zh" in registry.states["TWN"].names


# ---- the state of a national outlet ----------------------------------------------------------
# ---- a Chinese name ends before a verb of leading or visiting -----------------------------------
def test_a_name_ends_before_lead_and_visit_verbs(registry):
    """"次長貝爾敦率團訪台": the name is 貝爾敦, and the next official is not the guest's."""
    text = """\
        巴拉圭外交部政務次長貝爾敦率團訪台，外交部長周文雄今天接見時表示感謝。
        """
    extraction = _extract(registry, text, url="https://news.example.com.tw/news/2")
    people = {p.name: (p.country, set(p.roles)) for e in extraction.events for p in e.participants}
    assert people.get("贝尔敦") == ("PRY", {"vice_foreign_minister"}), people
    assert people.get("周文雄", ("",))[0] != "PRY", people


def test_a_name_after_sheikh_is_a_given_name(registry):
    """"President Sheikh Mohamed": the name after "Sheikh" is the given name of the one known
    dignitary called "Mohamed bin ...", not the family name of another state's minister
    ("Amina Mohamed" of Kenya); "Sheikh Tamim, the Emir of Qatar" is the Emir known by that name."""
    text = """\
        President Sheikh Mohamed holds phone call with Emir of Qatar

        President Sheikh Mohamed and Sheikh Tamim, the Emir of Qatar, discussed bilateral ties during a phone call on Friday, 30 December 2022.
        """
    people = {(p.country, p.name) for e in _extract(registry, text, "en").events for p in e.participants}
    assert people == {("ARE", "Mohamed bin Zayed Al Nahyan"), ("QAT", "Tamim bin Hamad Al Thani")}

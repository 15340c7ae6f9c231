"""Date and layout forms of reprinted wire copy, each on a tiny page written by the team: a
wire's dateline after its name, a publisher's 讯 stamp, a reprint site's clock above a labelled
stamp, a menu bar of Chinese sections, a share link, a date standing as one field of a bar,
a span whose first day carries an ordinal ending."""

from __future__ import annotations

import datetime as dt
import textwrap

from kg.extract import extract
from kg.extract.dates import cjk_filed, find_dates
from kg.extract.layout import read_layout
from kg.model import Document


def _extract(registry, text: str, lang: str):
    document = Document(source="t.txt", text=textwrap.dedent(text), sha256="0" * 64, lang=lang)
    return extract(document, registry)


def test_a_wire_dateline_after_the_wires_name_is_no_day_of_the_text(registry):
    """"(中央社东京9日共同电)": the day before a wire's short name and its mark closing the
    bracket is the copy's day; "9日致电" (phoned on the 9th) stays a day of the text."""
    words = registry.lang("zh")
    assert [m.day for m in find_dates("(中央社东京9日共同电)日本首相表示", words) if m.day] == []
    assert [m.day for m in find_dates("【某某网2019年05月10日讯】外长表示", words) if m.day] == []
    assert [m.day for m in find_dates("外长9日致电对方表示祝贺", words) if m.day] == [9]


def test_relative_days_count_from_the_wires_dateline(registry):
    """"(中央社东京9日共同电)...今天" on a page of the 10th: "今天" is the 9th; a publisher's
    stamp with a year ("【某某网2019年05月10日讯】") stands in for a page with no date."""
    words = registry.lang("zh")
    text = "(中央社东京9日共同电)日本首相今天致电"
    assert cjk_filed(text, words, 0, len(text), dt.date(2019, 5, 10)) == dt.date(2019, 5, 9)
    text = "【某某网2019年05月10日讯】(中央社东京9日共同电)日本首相今天致电"
    assert cjk_filed(text, words, 0, len(text), None) == dt.date(2019, 5, 9)
    # a dateline days after the page's date, or far before it, says nothing of this page
    assert cjk_filed("(中央社东京19日共同电)首相今天致电", words, 0, 20, dt.date(2019, 5, 10)) is None
    result = _extract(registry, """\
        习近平同日本首相通电话

        【某某网2019年05月10日讯】(中央社北京9日共同电)国家主席习近平今天同日本首相安倍晋三通电话。
        """, "zh")
    assert [e.date for e in result.events] == ["2019-05-09"]


def test_a_reprint_sites_clock_and_menu_do_not_hide_the_labelled_stamp(registry):
    """A site's clock ("2024-11-23 07:18:40") atop the page, a long menu bar of Chinese section
    names, then the headline and "发布时间:2017-04-07": the labelled stamp dates the page."""
    sections = " ".join(["首页", "国际", "港澳", "华人", "中国", "社会", "领导", "地方", "人物", "城市", "财经",
                         "金融", "证券", "科技", "汽车", "食品", "法治", "关注", "聚焦", "传媒", "企业", "职场",
                         "房产", "能源", "安全", "国内", "夕阳红", "访谈", "电视", "军事", "教育", "理论"])
    text = textwrap.dedent(f"""\
        2024-11-23 07:18:40
        {sections}

        王毅同美国国务卿举行会谈
        发布时间:2017-04-07 22:40

        新华社华盛顿4月6日电 当地时间6日,外交部长王毅在华盛顿同美国国务卿蒂勒森举行会谈。
        """)
    layout = read_layout(text, registry, "zh")
    assert layout.published == dt.date(2017, 4, 7)
    assert not any(s.text.startswith("首页") for s in layout.body)
    result = _extract(registry, text, "zh")
    assert [e.date for e in result.events] == ["2017-04-06"]


def test_a_share_link_is_page_furniture(registry):
    """A line that is only a web address ("https://example.org/p/2AbC") is no sentence of the
    text: the sentence after it still counts among those that follow the lead."""
    text = textwrap.dedent("""\
        Santos invitado a Washington

        "Tuvimos una buena conversación", escribió el presidente colombiano, Juan Manuel Santos, tras hablar por teléfono con el presidente estadounidense, Donald Trump.

        https://example.org/p/2AbC
        """)
    layout = read_layout(text, registry, "es")
    assert not any("example.org" in s.text for s in layout.body)


def test_a_date_standing_as_a_field_of_a_bar_dates_the_page(registry):
    """"site.example | 25. 09. 2015 | Editor: X": a date that is a whole field of a bar of
    fields is the page's stamp, and "este jueves" counts back from it."""
    text = textwrap.dedent("""\
        site.example | 25. 09. 2015 | Editor: Ana Ruiz

        Xi y Obama conversan en Washington

        El presidente chino, Xi Jinping, y su homólogo estadounidense, Barack Obama, mantuvieron una conversación de tres horas este jueves por la noche en la Casa Blair.
        """)
    assert read_layout(text, registry, "es").published == dt.date(2015, 9, 25)
    assert [e.date for e in _extract(registry, text, "es").events] == ["2015-09-24"]


def test_a_span_whose_first_day_has_an_ordinal_ending_starts_that_day(registry):
    """"paid an official visit to Sri Lanka from 18th - 21st December 2012": dated the 18th."""
    result = _extract(registry, """\
        Visit of the Foreign Minister of Afghanistan

        At the invitation of Prof. G.L. Peiris, Minister of External Affairs of Sri Lanka, Dr. Zalmai Rassoul, Minister of Foreign Affairs of Afghanistan, paid an official visit to Sri Lanka from 18th - 21st December 2012.
        """, "en")
    assert [(e.type, e.date) for e in result.events] == [("visit", "2012-12-18")]


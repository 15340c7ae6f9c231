"""A page with no stamp of its own: its address (".../2020/03/13/...", ".../2021-03/05/...")
puts the partial dates its text writes in a year and month, when they fall within what the
address allows (ANNOTATION.md §7: a year-less day takes the page's stamp's year)."""

from __future__ import annotations

import datetime as dt
import textwrap

from kg.extract import extract
from kg.extract.dates import ADDRESS_WINDOW, address_span
from kg.model import Document


def _extraction(registry, text: str, lang: str, **document):
    doc = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang, **document)
    return extract(doc, registry)


def test_address_span_is_the_days_before_the_address_day_or_its_month():
    last = dt.date(2020, 3, 13)
    assert address_span("https://news.example.fr/monde/2020/03/13/appel-ministres") == (
        last - dt.timedelta(days=ADDRESS_WINDOW), last)
    assert address_span("https://example.kz/2021/06/minister-meets-counterpart") == (
        dt.date(2021, 6, 1), dt.date(2021, 6, 30))
    assert address_span("https://example.kz/news/minister-meets-counterpart-4411") is None
    assert address_span("https://example.kz/2021/13/story") is None  # no such month
    assert address_span(None) is None


_CALL_FR = """\
    Le ministre chinois des Affaires étrangères Wang Yi s'est entretenu ce 12 mars par téléphone avec son homologue français Jean-Yves Le Drian.
    Les deux ministres ont échangé sur la coopération face à l'épidémie et sur les relations bilatérales.
    """


def test_a_year_less_day_takes_the_year_of_the_page_address(registry):
    """Wang Yi and Le Drian were both foreign ministers in several Marches: the text alone
    leaves the year open; the address's day, the next day, closes it."""
    alone = _extraction(registry, _CALL_FR, "fr")
    assert alone.events and alone.events[0].date is None
    dated = _extraction(registry, _CALL_FR, "fr", url="https://news.example.fr/monde/2020/03/13/appel")
    assert dated.events[0].date == "2020-03-12"
    assert dated.published is None  # the address is never the publication date


def test_an_address_far_from_the_day_says_nothing_of_its_year(registry):
    """A page that went up weeks after the day it reports may be a later rewrite or an
    archive's: its address fixes nothing."""
    later = _extraction(registry, _CALL_FR, "fr", url="https://news.example.fr/monde/2020/05/20/appel")
    assert later.events[0].date is None


def test_a_day_alone_takes_month_and_year_from_the_address_and_a_bracketed_dateline_is_skipped(registry):
    """"【新華社東京3月5日】... 4日": the bracket closes the agency's dateline (the copy's day);
    the encounter's day is "4日", in the month and year of the address."""
    text = """\
        【新華社東京3月5日】中国の王毅外交部長は4日、東京で日本の茂木敏充外相と会談した。
        両氏は両国関係の安定した発展について意見を交わした。
        """
    found = _extraction(registry, text, "ja", url="http://jp.example.cn/2021-03/05/c_1234567.htm")
    assert found.events[0].date == "2021-03-04"


def test_the_address_year_over_the_offices_year_it_contradicts(registry):
    """"新任驻美国大使" sends the offices to the first year of the president's term; the page's
    address, its own stamp, says the year is another."""
    text = """\
        新华社华盛顿7月1日电 美国总统拜登6月30日在白宫接受中国新任驻美国大使周明远递交国书。
        拜登欢迎周明远履新，双方就两国关系交换了意见。
        """
    without = _extraction(registry, text, "zh")
    found = _extraction(registry, text, "zh", url="https://news.example.cn/gj/2023/07-01/1234567.shtml")
    assert found.events[0].date == "2023-06-30"
    assert without.events[0].date != "2023-06-30"


def test_dated_lines_of_several_days_below_the_body_are_no_page_date(registry):
    """A "selected news" box under the article lists other items with their times: none of
    them is the page's date."""
    text = """\
        中国外交部长王毅会见法国外长
        外交部长王毅当地时间6月30日在巴黎会见法国外长让-伊夫·勒德里昂，双方就中法关系和共同关心的国际问题交换了意见。王毅表示，中方愿同法方加强战略沟通。
        国际新闻精选:
        - 2026年03月06日 20:15:18
        - 2026年03月05日 19:24:30
        - 2026年03月04日 11:48:41
        """
    found = _extraction(registry, text, "zh")
    assert found.published is None

"""kg.extract.dates: absolute dates in every language, relative ones against publication.

Expected days are worked out by hand from the calendar: 2021-01-22 was a Friday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.dates import find_dates, resolve

FRIDAY = dt.date(2021, 1, 22)
assert FRIDAY.weekday() == 4


def _dates(registry, lang: str, text: str, published: dt.date | None = FRIDAY):
    """(matched text, resolved day) for every date mention of ``text``."""
    mentions = find_dates(text, registry.lang(lang))
    return [(text[m.start:m.end], resolve(m, published)) for m in mentions]


@pytest.mark.parametrize("lang, text, written, day", [
    ("en", "On March 3, 2021, Secretary Blinken spoke with", "March 3, 2021", dt.date(2021, 3, 3)),
    ("en", "on 3rd March 2021 the two ministers", "3rd March 2021", dt.date(2021, 3, 3)),
    ("en", "On 21 January 2021, Wang Yi", "21 January 2021", dt.date(2021, 1, 21)),
    ("fr", "Le 21 janvier 2021, le Conseiller d'État", "21 janvier 2021", dt.date(2021, 1, 21)),
    ("fr", "le 1er février 2021, M. Wang", "1er février 2021", dt.date(2021, 2, 1)),
    ("zh", "2021年1月21日，王毅同", "2021年1月21日", dt.date(2021, 1, 21)),
    ("zh", "二〇二一年一月二十一日", "二〇二一年一月二十一日", dt.date(2021, 1, 21)),
    ("es", "El 21 de enero de 2021, Wang Yi conversó", "21 de enero de 2021", dt.date(2021, 1, 21)),
    ("es", "el 1 de febrero del 2021", "1 de febrero del 2021", dt.date(2021, 2, 1)),
    ("fr", "Mis à jour : 2021-01-22", "2021-01-22", dt.date(2021, 1, 22)),
    ("es", "Fecha: 22/01/2021", "22/01/2021", dt.date(2021, 1, 22)),
    ("es", "Madrid, 3 de juliol de 2015", "3 de juliol de 2015", dt.date(2015, 7, 3)),
    ("es", "Quito (Ecuador), (oct. 9/13). La Canciller", "oct. 9/13", dt.date(2013, 10, 9)),
    ("en", "called on the Speaker of Parliament, January (19).", "January (19)", dt.date(2021, 1, 19)),
])
def test_absolute_dates(registry, lang, text, written, day):
    assert _dates(registry, lang, text) == [(written, day)]


@pytest.mark.parametrize("lang, text, weekday_written", [
    ("zh", "周三，王毅同哈萨克斯坦外长通电话。", "周三"),
    ("zh", "王毅周三同哈萨克斯坦外长通电话。", "周三"),
    ("zh", "王毅星期三同哈萨克斯坦外长通电话。", "星期三"),
    ("en", "On Wednesday, Secretary Blinken spoke", "Wednesday"),
    ("fr", "Mercredi, M. Wang s'est entretenu", "Mercredi"),
    ("es", "El miércoles, el canciller conversó", "miércoles"),
])
def test_relative_weekday_resolves_to_the_last_such_day(registry, lang, text, weekday_written):
    # Published on Friday 2021-01-22: "Wednesday" is two days before.
    assert _dates(registry, lang, text) == [(weekday_written, dt.date(2021, 1, 20))]


def test_weekday_of_publication_is_the_same_day(registry):
    assert _dates(registry, "en", "On Friday, the President") == [("Friday", FRIDAY)]
    assert _dates(registry, "zh", "周五，王毅会见") == [("周五", FRIDAY)]


def test_weekday_counts_back_across_a_month(registry):
    # 2021-02-01 was a Monday; the Thursday before is 2021-01-28.
    assert _dates(registry, "fr", "jeudi, M. Wang", dt.date(2021, 2, 1)) == [("jeudi", dt.date(2021, 1, 28))]


@pytest.mark.parametrize("lang, text, written", [
    ("en", "Yesterday, the two ministers", "Yesterday"),
    ("fr", "Hier, les deux ministres", "Hier"),
    ("zh", "昨天，两国外长通电话。", "昨天"),
    ("es", "Ayer, los dos cancilleres", "Ayer"),
])
def test_yesterday(registry, lang, text, written):
    assert _dates(registry, lang, text) == [(written, dt.date(2021, 1, 21))]


def test_day_only_chinese_date_takes_month_and_year_from_publication(registry):
    assert _dates(registry, "zh", "王毅21日同哈萨克斯坦外长通电话。") == [("21日", dt.date(2021, 1, 21))]


def test_day_only_chinese_date_after_publication_day_is_last_month(registry):
    # Published on 2 February: "30日" is 30 January, not 30 February.
    assert _dates(registry, "zh", "30日，王毅会见", dt.date(2021, 2, 2)) == [("30日", dt.date(2021, 1, 30))]


@pytest.mark.parametrize("lang, text, written, published, day", [
    ("fr", "Le 21 janvier, M. Wang", "21 janvier", FRIDAY, dt.date(2021, 1, 21)),
    ("en", "On January 21, Secretary Blinken", "January 21", FRIDAY, dt.date(2021, 1, 21)),
    ("zh", "1月21日，王毅同", "1月21日", FRIDAY, dt.date(2021, 1, 21)),
    ("es", "el 21 de enero, el canciller", "21 de enero", FRIDAY, dt.date(2021, 1, 21)),
    # a readout published on 2 January about 30 December is last year's
    ("en", "On December 30, the President", "December 30", dt.date(2021, 1, 2), dt.date(2020, 12, 30)),
])
def test_year_inferred_from_publication(registry, lang, text, written, published, day):
    assert _dates(registry, lang, text, published) == [(written, day)]


def test_relative_forms_need_a_publication_date(registry):
    assert _dates(registry, "en", "On Wednesday, on March 3, yesterday", None) == [
        ("Wednesday", None), ("March 3", None), ("yesterday", None)]


def test_impossible_day_is_not_resolved(registry):
    assert _dates(registry, "en", "On February 30, 2021, nothing") == [("February 30, 2021", None)]


def test_no_date_inside_a_word_or_number(registry):
    assert _dates(registry, "en", "Mayday and Mondays; ref 120210122345") == []


def test_relative_weekday_in_chinese_readout(registry, data_dir):
    """Published Friday 2021-01-22, the call "周三" took place on Wednesday 2021-01-20."""
    from kg.extract import extract
    from kg.sources.reader import read_document

    document = read_document(data_dir / "zh_weekday_call.txt")
    extraction = extract(document, registry)
    assert extraction.lang == "zh"
    assert extraction.published == "2021-01-22"
    assert [(e.type, e.date, e.date_inferred) for e in extraction.events] == [("phone_call", "2021-01-20", False)]


def test_day_and_month_closed_by_a_stop_and_a_space(registry):
    """"10. 10. 2024": a page stamp written with a space after each stop."""
    assert _dates(registry, "ja", "news.example |10. 10. 2024 | 外相が電話会談") == [("10. 10. 2024", dt.date(2024, 10, 10))]


def test_an_arabic_month_named_between_slashes(registry):
    """"07/أبريل/2021": day, month name and year joined by slashes in a site's stamp."""
    assert ("07/أبريل/2021", dt.date(2021, 4, 7)) in _dates(registry, "ar", "الأربعاء 07/أبريل/2021 - 08:57 م")

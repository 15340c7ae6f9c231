"""Date forms of real pages, each on a tiny page written by the team: a year glued to its
month, a labelled stamp closing a line of furniture, an embedded post's signature, a weekday
still to come, an anniversary said to fall next year."""

from __future__ import annotations

import datetime as dt
import textwrap

from kg.extract import extract
from kg.extract.dates import find_dates, relation_anniversaries
from kg.model import Document


def _extract(registry, text: str, lang: str):
    document = Document(source="t.txt", text=textwrap.dedent(text), sha256="0" * 64, lang=lang)
    return extract(document, registry)


def test_a_year_glued_to_its_month_is_read(registry):
    """"le mardi 4 Mars2015": a page lost the space between the month and the year."""
    found = [m for m in find_dates("reçu le mardi 4 Mars2015 au Palais", registry.lang("fr")) if m.absolute]
    assert [(m.year, m.month, m.day) for m in found] == [(2015, 3, 4)]
    found = [m for m in find_dates("on 4 March2015 in Abuja", registry.lang("en")) if m.absolute]
    assert [(m.year, m.month, m.day) for m in found] == [(2015, 3, 4)]


def test_a_weekday_still_to_come_is_no_report_day(registry):
    """"el próximo lunes", "lundi prochain", "next Monday": a day ahead, never the encounter's."""
    for lang, text in [("es", "viajará el próximo lunes a Lima"), ("fr", "il se rendra lundi prochain à Dakar"),
                       ("en", "he will travel next Monday"), ("de", "reist am kommenden Montag")]:
        assert [m.weekday for m in find_dates(text, registry.lang(lang))] == [], text
    assert [m.weekday for m in find_dates("recibió este lunes", registry.lang("es"))] == [0]


def test_a_labelled_stamp_closing_a_line_of_furniture_dates_the_page(registry):
    """"Actualités Politique ... Publié le mardi 10 mars 2020 | site.sn": the label and its date
    are the page's stamp, not a date of the text before them."""
    result = _extract(registry, """\
        Sénégal/France : entretien téléphonique entre Macron et Sall sur la coopération - exemple.sn

        Actualités Politique Article Politique Sénégal/France : entretien téléphonique entre Macron et Sall sur la coopération Publié le mardi 10 mars 2020 | exemple.sn

        Le président Emmanuel Macron s'est entretenu au téléphone, ce lundi 9 mars 2020, avec son homologue sénégalais Macky Sall.

        Les deux chefs d'État ont évoqué la coopération bilatérale.
        """, "fr")
    assert result.published == "2020-03-10"
    assert [e.date for e in result.events] == ["2020-03-09"]


def test_an_embedded_posts_signature_dates_a_page_that_dates_nothing_else(registry):
    """"— Name (@handle) March 2, 2021" closing a quoted post, in the embed's English: the day of
    a page that writes no date of its own, against which "este martes" is read."""
    result = _extract(registry, """\
        El presidente Andrés Manuel López Obrador sostuvo este martes una conversación telefónica con el presidente de Estados Unidos, Joe Biden.

        Conversamos sobre migración y cooperación. pic.twitter.com/abcdef

        — Andrés Manuel (@lopezobrador_) March 2, 2021

        El diálogo fue cordial, según la Presidencia.
        """, "es")
    assert dt.date(2021, 3, 2).weekday() == 1
    assert result.published == "2021-03-02"
    assert [e.date for e in result.events] == ["2021-03-02"]


def test_an_anniversary_said_to_fall_next_year_counts_one_less_this_year(registry):
    """"明年是两国建交75周年 ... 共同庆祝建交75周年": the page stands in the 74th year, every naming
    of that anniversary with it; one named without "next year" keeps its count."""
    zh = registry.lang("zh")
    assert relation_anniversaries("明年是两国建交75周年，双方愿共同庆祝建交75周年。", zh) == {74}
    assert relation_anniversaries("今年是两国建交75周年。", zh) == {75}
    en = registry.lang("en")
    assert relation_anniversaries("Next year marks the 50th anniversary of diplomatic relations.", en) == {49}
    assert relation_anniversaries("Next year they will meet. This year marks the 50th anniversary of "
                                  "diplomatic relations.", en) == {50}

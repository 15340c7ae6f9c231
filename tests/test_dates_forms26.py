"""Round 6 of dates: the Korean "2023. 3. 5." (year, month and day each closed by a stop and a
space) and the French, Spanish and Portuguese "le mardi 7" (a weekday with a day of the month
and no month: the day of the month in which it falls on that weekday)."""

from __future__ import annotations

import datetime as dt
import hashlib
import textwrap

from kg.extract import extract
from kg.extract.dates import find_dates, resolve
from kg.model import Document


def _dates(registry, text: str, lang: str, **document) -> list[str | None]:
    body = textwrap.dedent(text).strip() + "\n"
    doc = Document(source="t.txt", text=body, sha256=hashlib.sha256(body.encode()).hexdigest(), lang=lang, **document)
    return [e.date for e in extract(doc, registry).events]


def test_a_korean_date_with_spaced_stops(registry):
    words = registry.lang("ko")
    assert [(m.year, m.month, m.day) for m in find_dates("입력 2023. 3. 5. 오후 3:12", words)] == [(2023, 3, 5)]
    page = """\
        2023. 3. 5.
        박진 외교부 장관은 토니 블링컨 미국 국무장관과 전화 통화를 가졌다.
        양 장관은 한미 동맹을 논의했다.
        """
    assert _dates(registry, page, "ko") == ["2023-03-05"]


def test_a_weekday_with_its_day_of_the_month(registry):
    words = registry.lang("fr")
    mardi = [m for m in find_dates("Le mardi 7, le ministre a reçu son homologue.", words)]
    assert [(m.day, m.named_weekday) for m in mardi] == [(7, 1)]
    # an hour is no day; a month after the day is the full date's
    assert [m.day for m in find_dates("Le mardi 7h30, le ministre a parlé.", words) if m.day] == []
    assert [(m.month, m.day) for m in find_dates("le mardi 7 mars", words) if m.day] == [(3, 7)]
    # 2023-03-07 is a Tuesday, 2023-02-07 too; no 6th of March or February 2023 is a Tuesday
    assert resolve(mardi[0], dt.date(2023, 3, 8)) == dt.date(2023, 3, 7)
    lundi = find_dates("Le lundi 6, le ministre a reçu son homologue.", words)[0]
    assert resolve(lundi, dt.date(2023, 3, 8)) == dt.date(2023, 3, 6)
    wrong = find_dates("Le mardi 6, le ministre a reçu son homologue.", words)[0]
    assert resolve(wrong, dt.date(2023, 3, 8)) is None


def test_a_weekday_and_day_under_a_month_stamp_or_address(registry):
    fr = """\
        date 2023-03
        Le ministre Wang Yi a rencontré le mardi 7 son homologue allemande Annalena Baerbock.
        Les deux ministres ont évoqué les relations.
        """
    assert _dates(registry, fr, "fr") == ["2023-03-07"]
    es = """\
        El martes 7, el canciller Santiago Cafiero se reunió con el secretario de Estado de EE.UU., Antony Blinken.
        Ambos cancilleres hablaron de la relación bilateral.
        """
    assert _dates(registry, es, "es") == [None]
    assert _dates(registry, es, "es", url="https://noticias.example.ar/2023/03/08/reunion") == ["2023-03-07"]
    # a weekday the day does not fall on in the address's months: no date
    wrong = es.replace("martes 7", "lunes 7")
    assert _dates(registry, wrong, "es", url="https://noticias.example.ar/2023/03/08/reunion") == [None]


_FOOT_DE = """\
    Bundeskanzler Olaf Scholz hat mit dem chinesischen Präsidenten Xi Jinping telefoniert.
    Beide sprachen über die Beziehungen und den Handel.
    Diese Nachricht wurde am 06.03.2023 im Programm gesendet.
    """


def test_a_closing_note_that_says_when_the_item_went_out(registry):
    """A page's last lines saying when it was broadcast date it, as a stamp would; a closing
    line without such a phrase, or one that reports the encounter, does not."""
    assert _dates(registry, _FOOT_DE, "de") == ["2023-03-06"]
    plain = _FOOT_DE.replace("im Programm gesendet", "im Archiv abgelegt")
    assert _dates(registry, plain, "de") == [None]
    en = """\
        President Biden spoke with Chancellor Olaf Scholz of Germany by phone.
        The two leaders discussed support for Ukraine.
        This report was broadcast on 6 March 2023 on the evening news.
        """
    assert _dates(registry, en, "en") == ["2023-03-06"]

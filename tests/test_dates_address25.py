"""Round 5 of dates: an agency's month cut short ("18 mar"), a story number in a page's address
that opens with its day, and the Brazilian "sexta-feira (3)" (ANNOTATION.md §7: a day the text gives is the
encounter's; the address only fixes what the text leaves open)."""

from __future__ import annotations

import hashlib
import textwrap

from kg.extract import extract
from kg.extract.dates import address_day, find_dates
from kg.model import Document


def _extraction(registry, text: str, lang: str, **document):
    body = textwrap.dedent(text).strip() + "\n"
    doc = Document(source="t.txt", text=body, sha256=hashlib.sha256(body.encode()).hexdigest(), lang=lang, **document)
    return extract(doc, registry)


_AGENCY_ES = """\
    BRUSELAS, 9 may (Agencia) – El ministro chino de Asuntos Exteriores, Wang Yi, habló el martes por teléfono con la ministra alemana de Asuntos Exteriores, Annalena Baerbock.
    Ambos trataron de las relaciones comerciales entre China y la Unión Europea.
    """


def test_an_agency_dateline_with_a_month_cut_short_without_a_stop(registry):
    """"9 may", "18 mar": the dateline's day, its year from the page's address; a weekday
    alone on such a page stays open (the address is no claim, ANNOTATION.md §7)."""
    words = registry.lang("es")
    assert [(m.month, m.day) for m in find_dates("PEKÍN, 18 mar (Agencia) – ...", words)] == [(3, 18)]
    assert [(m.month, m.day) for m in find_dates("La flota cruzó el mar Rojo.", words) if m.month] == []
    alone = _extraction(registry, _AGENCY_ES, "es")
    assert alone.events and alone.events[0].date is None
    # 2023-05-09 is a Tuesday
    dated = _extraction(registry, _AGENCY_ES, "es", url="https://noticias.example.es/2023/05/10/llamada")
    assert dated.events[0].date == "2023-05-09"
    undated = _extraction(registry, _AGENCY_ES.replace("9 may (", "("), "es",
                          url="https://noticias.example.es/2023/05/10/llamada")
    assert undated.events[0].date is None


def test_a_story_number_that_opens_with_its_day_is_the_address_day():
    assert address_day("https://news.example.kr/view/AEN20220509004300325") == "2022-05-09"
    assert address_day("https://example.com/stories/201801250702.html") == "2018-01-25"
    assert address_day("https://m.example.co.kr/ampView/20240518500068") == "2024-05-18"
    # a long number that is no day, and one too long to be a story number
    assert address_day("https://example.com/view.do?seq=320712") is None
    assert address_day("https://example.com/a/20221399123456") is None
    assert address_day("https://example.com/a/2022050912345678901234") is None


_CALL_KO = """\
    한·미 외교장관이 17일 전화 통화를 갖고 북한 문제를 논의했다.
    박진 외교부 장관은 이날 토니 블링컨 미국 국무장관과의 통화에서 협력을 강조했다.
    """


def test_a_day_alone_takes_its_month_from_a_story_number(registry):
    alone = _extraction(registry, _CALL_KO, "ko")
    assert alone.events and alone.events[0].date is None
    dated = _extraction(registry, _CALL_KO, "ko", url="https://m.news.example.kr/view/20220518500068")
    assert dated.events[0].date == "2022-05-17"


def test_a_bracketed_day_after_a_weekday_is_that_day(registry):
    words = registry.lang("pt")
    text = "O presidente recebeu nesta sexta-feira (3) o ministro. Na terça (14), viajou."
    days = [m.day for m in find_dates(text, words) if m.day]
    assert days == [3]  # "terça" alone is no weekday of the data: only "nesta terça" is
    text = "O presidente recebeu na quinta-feira (12) o ministro."
    mentions = find_dates(text, words)
    assert [(m.day, m.weekday) for m in mentions] == [(12, None)]
    assert mentions[0].end == text.index(")") + 1


_MEETING_PT = """\
    A presidente Dilma Rousseff recebeu nesta sexta-feira (3) o vice-presidente chinês Li Yuanchao, no Palácio do Planalto.
    Os dois trataram da parceria estratégica entre o Brasil e a China.
    """


def test_the_bracketed_day_over_the_weekday_against_the_address(registry):
    """2015-01-03 is a Saturday: the written day, not the last Friday, is the encounter's."""
    dated = _extraction(registry, _MEETING_PT, "pt", url="https://noticias.example.br/2015/01/03/encontro")
    assert dated.events and dated.events[0].date == "2015-01-03"


_MESSAGE_FILED_LATER = """\
    LIMA, 21 may (Agencia) -- El presidente chino, Xi Jinping, envió un mensaje de felicitación a la presidenta peruana, Dina Boluarte.
    En su mensaje fechado el 18 de mayo, Xi señaló que los lazos bilaterales han progresado mucho.
    """

_CALL_FILED_LATER = """\
    Tokyo, 14 March 2023 (Agency): Japanese Foreign Minister Hayashi Yoshimasa and United States Secretary of State Antony Blinken held a phone call.
    The phone call took place on March 12, the ministry said.
    """


def test_a_later_sentence_naming_the_encounter_gives_its_written_day_before_the_dateline(registry):
    """A lead dated by its dateline alone: a later sentence that names the same encounter and
    writes its day and month ("fechado el 18 de mayo") gives the encounter's day, read
    against the dateline's year; a day far from the dateline does not."""
    message = _extraction(registry, _MESSAGE_FILED_LATER, "es", url="https://noticias.example.pe/2023/05/22/mensaje")
    assert message.events and message.events[0].date == "2023-05-18"
    call = _extraction(registry, _CALL_FILED_LATER, "en")
    assert call.events and call.events[0].date == "2023-03-12"
    far = _extraction(registry, _CALL_FILED_LATER.replace("March 12", "February 2"), "en")
    assert far.events[0].date == "2023-03-14"

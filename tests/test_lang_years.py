"""Years a Russian, Arabic or German readout fixes without writing them, and the other date
rules found on real pages in these languages. The readouts are short texts written by the team
in the style of the agencies and ministries (never copies of real ones)."""

from __future__ import annotations

from kg.extract.dates import counted_years, find_dates
from readouts import extract_text as _extract


def _events(registry, text):
    return [(e.type, e.date, sorted(p.country for p in e.participants)) for e in _extract(registry, text).events]


# Lavrov (foreign minister since 2004) and Rubio (Secretary of State since January 2025): 15
# February fits 2025 and 2026; only in 2025 is it a Saturday.
AGENCY_WEEKDAY = """\
    Лавров провел телефонный разговор с госсекретарем США

    Москва. 15 февраля. ИНТЕРФАКС – Министр иностранных дел России Сергей Лавров провел телефонный разговор с государственным секретарем США Марко Рубио, сообщили в субботу в МИД России.
    Стороны обсудили двустороннюю повестку.
    """


def test_the_weekday_an_agency_names_picks_the_year_of_its_dateline(registry):
    assert _events(registry, AGENCY_WEEKDAY) == [("phone_call", "2025-02-15", ["RUS", "USA"])]


def test_a_weekday_late_in_the_day_leaves_the_year_open(registry):
    """"в субботу вечером": an evening call may be datelined the next day, so the weekday fixes nothing."""
    text = AGENCY_WEEKDAY.replace("сообщили в субботу", "сообщили в субботу вечером")
    assert _events(registry, text) == [("phone_call", None, ["RUS", "USA"])]


SESSION = """\
    Лавров встретился с главой МИД Венгрии

    24 сентября – Министр иностранных дел России Сергей Лавров провел встречу с министром иностранных дел Венгрии Петером Сийярто.
    Встреча прошла на полях 80-й сессии Генассамблеи ООН в Нью-Йорке.
    """


def test_the_session_of_the_general_assembly_gives_the_year(registry):
    assert _events(registry, SESSION) == [("meeting", "2025-09-24", ["HUN", "RUS"])]


def test_counted_years_start_in_the_month_the_count_does(registry):
    words = registry.lang("ru")
    text = "на полях 78-й сессии Генеральной Ассамблеи ООН"
    assert counted_years(text, words, 9) == {2023}
    assert counted_years(text, words, 3) == {2024}  # the session runs into the next year
    assert counted_years("в честь 75-летия Победы", words, 7) == {2020}
    assert counted_years("в честь победы", words, 7) == set()


def test_arabic_and_german_count_the_session_too(registry):
    assert counted_years("على هامش الدورة الـ78 للجمعية العامة للأمم المتحدة", registry.lang("ar"), 9) == {2023}
    assert counted_years("am Rande der 79. Tagung der UN-Generalversammlung", registry.lang("de"), 9) == {2024}


ARABIC_STAMP = """\
    وزير الخارجية يلتقي الرئيس الفلسطيني في القاهرة

    كتب: محرر الأخبار الأحد 29-11-2020 19:45

    استقبل الرئيس الفلسطيني محمود عباس، مساء الأحد، في مقر إقامته بالقاهرة، وزير الخارجية المصري سامح شكري، وبحث معه آخر المستجدات.
    """


def test_a_day_first_stamp_with_dashes_dates_the_page(registry):
    assert _extract(registry, ARABIC_STAMP).published == "2020-11-29"
    assert _events(registry, ARABIC_STAMP) == [("meeting", "2020-11-29", ["EGY", "PSE"])]


def test_english_date_lines_on_arabic_pages(registry):
    words = registry.lang("ar")
    found = [(d.year, d.month, d.day) for d in find_dates("تاريخ النشر: 24th, October 2023 GMT", words)]
    assert found == [(2023, 10, 24)]
    found = [(d.year, d.month, d.day) for d in find_dates("— Ahmed (@ahmed) December 12, 2018", words)]
    assert found == [(2018, 12, 12)]


def test_a_press_database_stamp_with_a_two_digit_year(registry):
    words = registry.lang("ru")
    assert [(d.year, d.month, d.day) for d in find_dates("ТАСС 12.08.19 Слов: 101", words)] == [(2019, 8, 12)]
    assert find_dates("версия 1.12.190", words) == []


EARLIER_CALL = """\
    Лавров и Ван И встретились в Москве

    Опубликовано: 18.09.2023

    В Москве началась встреча министра иностранных дел России Сергея Лаврова и министра иностранных дел КНР Ван И.
    7 августа Лавров провел телефонный разговор с Ван И.
    """


def test_a_day_given_for_an_earlier_call_is_not_the_meetings(registry):
    assert _events(registry, EARLIER_CALL) == [("meeting", "2023-09-18", ["CHN", "RUS"])]


SAME_DAY = """\
    Xi Jinping trifft Putin

    Der chinesische Staatspräsident Xi Jinping hat am Donnerstag in Beijing den russischen Präsidenten Wladimir Putin getroffen.
    Am selben Tag hat Xi Jinping auch den Präsidenten Kasachstans Kassym-Schomart Tokajew und den Präsidenten der Mongolei Tsachiagiin Elbegdordsch getroffen.
    """


def test_the_host_met_each_other_leader_of_the_same_day_in_turn(registry):
    countries = sorted(tuple(c for c in e[2] if c != "CHN") for e in _events(registry, SAME_DAY))
    assert countries == [("KAZ",), ("MNG",), ("RUS",)]


GENITIVE = """\
    Putin und Xi sprachen per Videokonferenz

    Der russische Präsident Wladimir Putin und der chinesische Präsident Xi Jinping haben am Tag nach Donald Trumps Amtseinführung per Videokonferenz miteinander gesprochen.
    """


def test_a_leader_named_in_the_genitive_before_a_noun_is_no_participant(registry):
    assert [e[2] for e in _events(registry, GENITIVE)] == [["CHN", "RUS"]]


def test_german_press_names_german_leaders_by_family_name(registry):
    text = """\
    Telefonat der Außenminister

    Stand: 03.11.2025

    Ein Sprecher sagte in Berlin, darüber seien sich Wadephul und sein chinesischer Kollege Wang Yi in einem Telefonat einig gewesen.
    """
    assert [e[2] for e in _events(registry, text)] == [["CHN", "DEU"]]


def test_chinese_names_in_arabic_read_as_pinyin(registry):
    text = """\
    الرئيس الفلسطيني يلتقي الرئيس الصيني

    بتاريخ 12 مايو 2011

    استقبل الرئيس الصيني هو جين تاو اليوم الرئيس الفلسطيني محمود عباس في بكين، وبحث الجانبان العلاقات الثنائية.
    """
    names = {p.name for e in _extract(registry, text).events for p in e.participants}
    assert "Hu Jintao" in names


# ---- counted years in Chinese, English and French, and anniversaries of relations ---------
def test_a_chinese_count_needs_no_word_boundary(registry):
    """"今年是新中国成立70周年": Chinese has no spaces, so the phrase is found inside the sentence."""
    text = """\
        习近平会见巴基斯坦总理

        新华社北京10月9日电 国家主席习近平9日在钓鱼台国宾馆会见巴基斯坦总理伊姆兰·汗。

        习近平指出，今年是新中国成立70周年。
        """
    assert _events(registry, text)[0][1] == "2019-10-09"


def test_an_anniversary_of_relations_between_the_parties_fixes_the_year(registry):
    """China and the Maldives established relations in 1972: their 50th anniversary is 2022,
    the only year the day is fixed by; another pair's anniversary fixes nothing."""
    text = """\
        BEIJING, Oct. 14 (Xinhua) -- Chinese President Xi Jinping and Maldivian President Ibrahim Mohamed Solih exchanged congratulations on the 50th anniversary of the establishment of diplomatic relations between the two countries.
        """
    assert _events(registry, text)[0][1] == "2022-10-14"
    other = text.replace("Maldivian President Ibrahim Mohamed Solih", "Tongan King Tupou VI")
    assert all(date is None or date.endswith("10-14") and date != "2022-10-14" for _, date, _ in _events(registry, other))


def test_an_anniversary_before_a_year_the_page_writes_dates_nothing(registry):
    """"Last year the two countries celebrated the 75th anniversary of diplomatic relations; in
    2025 ...": 1949 + 75 is a past year here, not the encounter's."""
    text = """\
        习近平同俄罗斯总统普京举行视频会晤

        1月21日下午，国家主席习近平在北京同俄罗斯总统普京举行视频会晤。

        习近平指出，两国去年隆重庆祝建交75周年，2025年双方要继续加强合作。
        """
    assert _events(registry, text)[0][1] in (None, "2025-01-21")
    assert _events(registry, text.replace("2025年", ""))[0][1] == "2024-01-21"


def test_a_russian_anniversary_of_relations_in_any_case_and_short_form_fixes_the_year(registry):
    """"поздравил ... с 25-летием установления дипотношений": the instrumental case and the
    agencies' short form "дипотношения"; Uzbekistan and Iran established relations in 1992."""
    text = """\
        Глава МИД Узбекистана поздравил иранского коллегу

        Ташкент, 11 мая /Синьхуа/ -- Глава МИД Узбекистана Абдулазиз Камилов поздравил министра иностранных дел Ирана Мохаммада Джавада Зарифа с 25-летием установления дипотношений между двумя государствами.
        """
    assert _events(registry, text)[0][1] == "2017-05-11"

"""kg.build.resolve: readouts of one encounter joined, near misses kept apart, deterministically."""

from __future__ import annotations

import datetime as dt
import random

from kg.knowledge.registry import load_registry
from kg.build.resolve import Report, resolve
from kg.extract.dates import ADDRESS_WINDOW, DayHints, address_day, day_hints, undated_day


def _r(readout: str, kind: str, date: str | None, *sides: str, encounter: str | None = None) -> Report:
    return Report(encounter or f"ev/{readout}/{kind}/{date}", f"ro/{readout}", kind, date, frozenset(sides))


def _groups(reports):
    return sorted(sorted(r.readout.split("/")[-1] for r in shared.reports) for shared in resolve(reports))


def test_two_sides_of_one_call_are_one_encounter():
    shared = resolve([_r("cn", "phone_call", "2021-03-18", "CHN", "USA"), _r("us", "phone_call", "2021-03-18", "USA", "CHN")])
    assert len(shared) == 1 and len(shared[0].reports) == 2
    assert shared[0].type == "phone_call" and shared[0].date == "2021-03-18"
    assert "same sides: CHN, USA" in shared[0].reasons


def test_talks_and_meeting_a_day_apart_are_one_encounter():
    """Wording ("talks"/"a meeting") and time zones (a day apart) do not split an encounter."""
    shared = resolve([_r("cn", "talks", "2021-03-19", "CHN", "USA"), _r("us", "meeting", "2021-03-18", "CHN", "USA")])
    assert len(shared) == 1
    assert shared[0].date == "2021-03-18"  # a tie: the earliest
    assert shared[0].type == "talks"  # a tie: talks before meeting


def test_near_misses_stay_apart():
    reports = [
        _r("a", "phone_call", "2021-03-01", "CHN", "USA"),
        _r("b", "phone_call", "2021-03-08", "CHN", "USA"),  # the same pair, a week later
        _r("c", "meeting", "2021-03-08", "CHN", "RUS"),  # the same day, another counterpart
        _r("d", "meeting", "2021-03-08", "CHN", "RUS", "IND"),  # the multilateral meeting itself
        _r("e", "phone_call", "2021-03-08", "CHN", "RUS"),  # the same pair and day, by phone
    ]
    assert _groups(reports) == [["a"], ["b"], ["c"], ["d"], ["e"]]


def test_one_readout_never_joins_itself_and_undated_reports_stay_alone():
    reports = [_r("a", "meeting", "2021-03-01", "CHN", "USA", encounter="ev/1"),
               _r("a", "meeting", "2021-03-01", "CHN", "USA", encounter="ev/2"),
               _r("b", "meeting", None, "CHN", "USA"),
               _r("c", "meeting", None, "CHN", "USA")]
    assert _groups(reports) == [["a"], ["a"], ["b"], ["c"]]


def test_no_chain_beyond_a_day_from_the_first_report():
    reports = [_r("a", "meeting", "2021-03-01", "CHN", "USA"), _r("b", "meeting", "2021-03-02", "CHN", "USA"),
               _r("c", "meeting", "2021-03-03", "CHN", "USA")]
    assert _groups(reports) == [["a", "b"], ["c"]]


def test_the_same_groups_and_iris_whatever_the_order():
    reports = [_r(f"r{i}", random.Random(i).choice(["talks", "meeting"]), f"2021-03-{1 + i // 3:02d}", "CHN", "USA")
               for i in range(12)]
    first = [(s.iri, [r.readout for r in s.reports]) for s in resolve(reports)]
    shuffled = reports[:]
    random.Random(7).shuffle(shuffled)
    assert [(s.iri, [r.readout for r in s.reports]) for s in resolve(shuffled)] == first


def _partial(readout: str, kind: str, month_day, *sides: str) -> Report:
    return Report(f"ev/{readout}/{kind}/undated", f"ro/{readout}", kind, None, frozenset(sides), month_day=month_day)


def test_a_day_and_month_with_no_year_joins_the_one_encounter_near_it():
    """"On February 12, Lavrov had a telephone conversation with Blinken" on a page with no date."""
    reports = [_r("us", "phone_call", "2022-02-12", "RUS", "USA"), _r("us2", "phone_call", "2022-02-01", "RUS", "USA"),
               _partial("ru", "phone_call", (2, 12), "RUS", "USA"), _partial("ru2", "phone_call", (2, 13), "RUS", "USA")]
    assert _groups(reports) == [["ru", "ru2", "us"], ["us2"]]
    shared = next(s for s in resolve(reports) if len(s.reports) == 3)
    assert shared.date == "2022-02-12" and any("names February 12 with no year" in r for r in shared.reasons)


def test_a_day_and_month_two_encounters_could_be_stays_alone():
    """The same pair met on 20 May in two years: a "20 мая" with no year is neither."""
    reports = [_r("a", "meeting", "2024-05-20", "CHN", "RUS"), _r("b", "meeting", "2025-05-20", "CHN", "RUS"),
               _partial("c", "talks", (5, 20), "CHN", "RUS")]
    assert _groups(reports) == [["a"], ["b"], ["c"]]
    (alone,) = [s for s in resolve(reports) if s.reports[0].readout == "ro/c"]
    assert "2 encounters" in alone.reasons[0]


def test_a_day_and_month_never_joins_another_medium_day_or_counterpart():
    reports = [_r("a", "meeting", "2019-01-24", "CHN", "FRA"),
               _partial("b", "phone_call", (1, 24), "CHN", "FRA"),  # by phone: another encounter
               _partial("c", "meeting", (1, 27), "CHN", "FRA"),  # three days off
               _partial("d", "meeting", (1, 24), "CHN", "DEU")]  # another counterpart
    assert _groups(reports) == [["a"], ["b"], ["c"], ["d"]]


def test_two_readouts_with_the_same_day_and_month_only_are_one_encounter():
    reports = [_partial("fr", "talks", (1, 24), "CHN", "FRA"), _partial("zh", "meeting", (1, 24), "CHN", "FRA")]
    assert _groups(reports) == [["fr", "zh"]]


def test_a_weekday_alone_or_no_day_never_joins():
    reports = [_r("us", "phone_call", "2022-03-05", "CHN", "USA"), _r("fr", "phone_call", None, "CHN", "USA")]
    assert _groups(reports) == [["fr"], ["us"]]


def test_the_day_a_sentence_names_without_a_year_is_its_hint():
    def hint(sentence: str, lang: str):
        return undated_day(sentence, (0, len(sentence)), load_registry().lang(lang), None)[0]

    assert hint("On February 12, Foreign Minister Sergey Lavrov had a telephone conversation.", "en") == (2, 12)
    assert hint("12 февраля по американской инициативе состоялся телефонный разговор.", "ru") == (2, 12)
    assert hint("On February 12, 2022, Lavrov spoke with Blinken.", "en") is None  # a year: the extractor dates it
    assert hint("Wang Yi a eu samedi une conversation téléphonique.", "fr") is None  # a weekday is no day


def _weekday(readout: str, kind: str, days: list[str], *sides: str) -> Report:
    return Report(f"ev/{readout}/{kind}/undated", f"ro/{readout}", kind, None, frozenset(sides), days=frozenset(days))


_JAN_WEDNESDAYS = ["2021-12-29", "2022-01-05", "2022-01-12", "2022-01-19", "2022-01-26"]


def test_a_weekday_on_a_month_stamped_page_joins_the_one_encounter_near_one_of_its_days():
    """"telefoneó este miércoles" on a page stamped 2022-01; the other side dates the call
    Thursday 27 January (Beijing time): a day from Wednesday 26."""
    reports = [_r("cn", "phone_call", "2022-01-27", "CHN", "USA"), _r("cn2", "phone_call", "2022-02-22", "CHN", "USA"),
               _weekday("es", "phone_call", _JAN_WEDNESDAYS, "CHN", "USA")]
    assert _groups(reports) == [["cn", "es"], ["cn2"]]
    shared = next(s for s in resolve(reports) if len(s.reports) == 2)
    assert shared.date == "2022-01-27"
    assert any("a Wednesday on a page stamped 2022-01" in r for r in shared.reasons)


def test_a_weekday_in_a_month_two_encounters_could_be_stays_alone():
    """Two calls of the pair on Wednesdays of that month: the weekday is neither."""
    reports = [_r("a", "phone_call", "2022-01-05", "CHN", "USA"), _r("b", "phone_call", "2022-01-26", "CHN", "USA"),
               _weekday("es", "phone_call", _JAN_WEDNESDAYS, "CHN", "USA")]
    assert _groups(reports) == [["a"], ["b"], ["es"]]
    (alone,) = [s for s in resolve(reports) if s.reports[0].readout == "ro/es"]
    assert "2 encounters" in alone.reasons[0]


def test_a_weekday_in_a_month_never_joins_another_day_medium_or_undated_report():
    reports = [_r("a", "phone_call", "2022-01-22", "CHN", "USA"),  # a Saturday: two days from any Wednesday
               _r("b", "meeting", "2022-01-26", "CHN", "USA"),  # in person, not by phone
               _weekday("es", "phone_call", _JAN_WEDNESDAYS, "CHN", "USA"),
               _weekday("es2", "phone_call", _JAN_WEDNESDAYS, "CHN", "USA")]  # no dated report to meet on
    assert _groups(reports) == [["a"], ["b"], ["es"], ["es2"]]


def _words(lang: str) -> dict:
    return load_registry().lang(lang)


def _undated(text: str, lang: str, stamp: str | None = None):
    return undated_day(text, (0, text.index(".") + 1), _words(lang), stamp)


def test_undated_day_reads_the_sentence_then_the_one_day_the_text_names():
    assert _undated("On May 20, Lavrov met Wang Yi in Astana.", "en") == ((5, 20), frozenset())
    # the sentence names no day: the one day and month of the whole text
    assert _undated("Lavrov met Wang Yi in Astana. The meeting took place today, May 20, on the sidelines.",
                    "en") == ((5, 20), frozenset())
    # two days, or a year, anywhere: nothing to go on
    assert _undated("Lavrov met Wang Yi in Astana. They met on May 20 and May 21.", "en") == (None, frozenset())
    assert _undated("Lavrov met Wang Yi in Astana. The meeting took place on May 20, 2024.", "en") == (None, frozenset())
    # the sentence names a day of its own that is no day and month: the text's is not taken
    assert _undated("Lavrov met Wang Yi on Monday. Earlier, on May 20, he was in Minsk.", "en") == (None, frozenset())


def test_undated_day_reads_a_weekday_against_a_month_stamp():
    days = _undated("Wang Yi a eu samedi une conversation téléphonique avec Antony Blinken.", "fr", "2022-03")
    assert days == (None, frozenset({"2022-02-26", "2022-03-05", "2022-03-12", "2022-03-19", "2022-03-26"}))
    # no stamp, or no weekday: no days
    assert _undated("Wang Yi a eu samedi une conversation téléphonique avec Antony Blinken.", "fr") == (None, frozenset())
    assert _undated("Wang Yi a eu une conversation téléphonique avec Antony Blinken.", "fr", "2022-03") == (None, frozenset())


# The day a page's address carries: a hint for an undated report (kg.extract.dates.day_hints).

def test_address_day_reads_the_one_day_a_page_address_carries():
    assert address_day("https://news.example.jp/news/2021/10/07/national/motegi-blinken-talks/") == "2021-10-07"
    assert address_day("http://www.example.gov.cn/eng/wjdt/202110/t20211007_10000001.shtml") == "2021-10-07"
    assert address_day("http://german.example.cn/n3/2016/0108/c209052-9001209.html") == "2016-01-08"
    assert address_day("http://example.cn/archive/2010-05/18/content_20161174.htm") == "2010-05-18"  # 20161174: no day
    assert address_day("https://example.com/ampView/98760518500068") is None  # a long number is no day
    # ... unless it opens with a real day: a story number of that day (tests/test_dates_address25.py)
    assert address_day("https://example.com/ampView/20240518500068") == "2024-05-18"
    assert address_day("https://example.com/india/minister-meets-secretary-1503045389.html") is None
    assert address_day("https://example.com/2021/10/07/copy-of-20211009.html") is None  # two days: neither
    assert address_day("https://example.com/2021/02/30/story") is None  # no such day
    assert address_day("https://20211007.example.com/story") is None  # the host is no path
    assert address_day(None) is None and address_day("") is None


def _hints(text: str, url: str | None, lang: str = "en", stamp: str | None = None) -> DayHints:
    return day_hints(text, (0, text.index(".") + 1), _words(lang), stamp, url)


def test_day_hints_count_a_weekday_or_relative_day_back_from_the_address_day():
    thursday = "https://news.example.jp/2021/10/07/motegi-blinken/"
    assert _hints("Motegi and Blinken agreed in phone talks Thursday to strengthen the alliance.", thursday) == \
        DayHints(days=frozenset({"2021-10-07"}), address_day="2021-10-07")
    assert _hints("Emmanuel Macron a accueilli mercredi à Paris le chef de la diplomatie chinoise.",
                  "https://example.fr/2023/02/16/paris-pekin/", "fr").days == frozenset({"2023-02-15"})
    assert _hints("Lavrov spoke yesterday with Wang Yi by phone.", "https://example.ru/2024/02/08/x").days == \
        frozenset({"2024-02-07"})
    # two weekdays, or a weekday and a day of the month: no hint
    assert _hints("They spoke on Monday and met on Thursday.", thursday) == DayHints()
    assert _hints("They spoke on Monday, October 4 by phone.", thursday).address_day is None


def test_day_hints_without_a_day_span_the_window_before_the_address_day():
    hints = _hints("Hayashi held a telephone conversation with Blinken.", "https://example.com/t20220303_4417.html")
    first = dt.date(2022, 3, 3) - dt.timedelta(days=ADDRESS_WINDOW)
    assert hints.address_day == "2022-03-03"
    assert hints.days == frozenset((first + dt.timedelta(days=n)).isoformat() for n in range(ADDRESS_WINDOW + 1))
    assert _hints("Hayashi held a telephone conversation with Blinken.", None) == DayHints()


def test_day_hints_prefer_what_the_text_says():
    """The month stamp and the day and month the text names come first; the address is the last resort."""
    url = "https://example.com/2022/03/20/story"
    weekday = _hints("Wang Yi a eu samedi une conversation téléphonique avec Antony Blinken.", url, "fr", "2022-03")
    assert weekday.address_day is None and len(weekday.days) == 5  # the Saturdays of the stamped month
    assert _hints("On March 12, Lavrov spoke with Blinken.", url) == DayHints(month_day=(3, 12))


def _hinted(readout: str, kind: str, sentence: str, url: str, *sides: str, people=()) -> Report:
    hints = _hints(sentence, url)
    return Report(f"ev/{readout}/{kind}/undated", f"ro/{readout}", kind, None, frozenset(sides), frozenset(people),
                  hints.month_day, hints.days, hints.address_day)


_NO_DAY = "The two ministers held a telephone conversation."


def test_an_undated_report_joins_the_one_encounter_its_address_day_allows():
    """No day in the text, a day in the address: the encounter is that day or shortly before;
    the other side's date may be a day later (Washington's evening is Beijing's morning)."""
    reports = [_r("us", "phone_call", "2022-03-02", "JPN", "USA"),
               _hinted("jp", "phone_call", _NO_DAY, "https://example.jp/2022/03/03/x", "JPN", "USA"),
               _r("cn", "phone_call", "2022-01-27", "CHN", "USA"),
               _hinted("es", "phone_call", _NO_DAY, "https://example.es/2022/01/26/x", "CHN", "USA")]
    assert _groups(reports) == [["cn", "es"], ["jp", "us"]]
    shared = next(s for s in resolve(reports) if s.date == "2022-03-02")
    assert any("on a page whose address carries 2022-03-03" in reason for reason in shared.reasons)


def test_a_call_five_days_before_the_address_day_is_another_call():
    """The same pair spoke on 13 and 18 July (a real near miss): a report on a page of the
    18th naming no day, or naming that Friday, is not the call of the 13th."""
    dated = _r("uk", "phone_call", "2014-07-13", "GBR", "USA")
    url = "https://example.gov/2014/07/18/readout-call-prime-minister/"
    for sentence in (_NO_DAY, "The President spoke by phone on Friday with the Prime Minister."):
        assert _groups([dated, _hinted("us", "phone_call", sentence, url, "GBR", "USA")]) == [["uk"], ["us"]]


def test_a_weekday_counted_back_from_the_address_is_not_widened_to_the_window():
    """"on Monday" on a page of Thursday the 3rd names the 28th: not a call of the 2nd."""
    reports = [_r("us", "phone_call", "2022-03-02", "JPN", "USA"),
               _hinted("jp", "phone_call", "The ministers held phone talks on Monday.", "https://example.jp/2022/03/03/x",
                       "JPN", "USA")]
    assert _groups(reports) == [["jp"], ["us"]]


def test_two_encounters_in_the_address_window_leave_the_report_alone():
    """The same pair spoke on the 1st and the 3rd: a report of the 3rd naming no day is neither."""
    reports = [_r("a", "phone_call", "2022-03-01", "JPN", "USA"), _r("b", "phone_call", "2022-03-03", "JPN", "USA"),
               _hinted("jp", "phone_call", _NO_DAY, "https://example.jp/2022/03/03/x", "JPN", "USA")]
    assert _groups(reports) == [["a"], ["b"], ["jp"]]
    (alone,) = [s for s in resolve(reports) if s.reports[0].readout == "ro/jp"]
    assert "2 encounters" in alone.reasons[0]


def test_the_address_day_never_joins_another_counterpart_officials_or_the_multilateral_meeting():
    url = "https://example.com/2022/02/11/story"
    wang, macron, colonna = ("CHN", "Wang Yi"), ("FRA", "Emmanuel Macron"), ("FRA", "Catherine Colonna")
    reports = [
        _r("quad", "meeting", "2022-02-11", "AUS", "IND", "JPN", "USA"),  # the multilateral meeting
        _hinted("bilateral", "meeting", "Hayashi met Blinken on the sidelines.", url, "JPN", "USA"),  # on its sidelines
        _r("ru", "meeting", "2022-02-11", "CHN", "RUS"),  # the same day, another counterpart
        _hinted("in", "meeting", "Wang Yi met the minister.", url, "CHN", "IND"),
        Report("ev/fr", "ro/fr", "meeting", "2022-02-10", frozenset({"CHN", "FRA"}), frozenset({wang, colonna})),
        _hinted("elysee", "meeting", "Macron received Wang Yi.", url, "CHN", "FRA", people=(wang, macron)),
    ]
    assert _groups(reports) == [["bilateral"], ["elysee"], ["fr"], ["in"], ["quad"], ["ru"]]


def _at_meeting(readout: str, kind: str, sentence: str, *sides: str, people=(), lang: str = "en",
                url: str | None = None) -> Report:
    from kg.extract.hints import encounter_day_hints

    hints = encounter_day_hints(sentence, (0, len(sentence)), load_registry(), lang, None, url)
    return Report(f"ev/{readout}/{kind}/undated", f"ro/{readout}", kind, None, frozenset(sides), frozenset(people),
                  hints.month_day, hints.days, hints.address_day, hints.occasion)


_MARGINS = ("The foreign minister talked over trade with the Secretary of State in Melbourne on the margins "
            "of the Quad foreign ministers' meeting.")


def test_an_edition_named_as_the_occasion_gives_its_days():
    """No day, no stamp, no address day: the Quad ministers' meeting in Melbourne has one
    edition (11 February 2022), and its days are the ones the bilateral may be."""
    from kg.extract.hints import encounter_day_hints

    hints = encounter_day_hints(_MARGINS, (0, len(_MARGINS)), load_registry(), "en", None, None)
    assert hints.days == frozenset({"2022-02-11"}) and hints.occasion == "quad_ministers 2022-02-11 melbourne"


def test_an_edition_only_discussed_or_not_one_gives_no_days():
    """A call that discussed the coming meeting is not held at it; a series with several
    editions in the place named, or a sentence that names a day of its own, gives none."""
    from kg.extract.hints import encounter_day_hints

    registry = load_registry()
    for sentence in ("The two ministers discussed the Quad foreign ministers' meeting in Melbourne.",
                     "The ministers met in New York on the sidelines of the Quad foreign ministers' meeting.",
                     "The ministers met on Friday in Melbourne on the sidelines of the Quad foreign ministers' meeting."):
        hints = encounter_day_hints(sentence, (0, len(sentence)), registry, "en", None, None)
        assert not hints.days and hints.occasion is None, sentence


def test_an_undated_report_at_a_meeting_joins_the_one_encounter_of_its_days():
    """The other side dated it; the same pair's meeting three months later is another one, and
    the multilateral meeting itself and another counterpart the same day are others."""
    reports = [_r("us", "meeting", "2022-02-11", "IND", "USA"), _r("tokyo", "meeting", "2022-05-24", "IND", "USA"),
               _r("quad", "meeting", "2022-02-11", "AUS", "IND", "JPN", "USA"),
               _r("jp", "meeting", "2022-02-11", "IND", "JPN"),
               _at_meeting("in", "meeting", _MARGINS, "IND", "USA")]
    assert _groups(reports) == [["in", "us"], ["jp"], ["quad"], ["tokyo"]]
    shared = next(s for s in resolve(reports) if len(s.reports) == 2)
    assert any("at the meeting quad_ministers 2022-02-11 melbourne" in reason for reason in shared.reasons)


def test_an_undated_report_at_a_meeting_never_joins_another_medium_or_a_day_away():
    """A call the same day, or a meeting two days after the edition, is not the one at it."""
    for other in (_r("us", "phone_call", "2022-02-11", "IND", "USA"), _r("us", "meeting", "2022-02-13", "IND", "USA")):
        assert _groups([other, _at_meeting("in", "meeting", _MARGINS, "IND", "USA")]) == [["in"], ["us"]]

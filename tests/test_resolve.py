"""kg.build.resolve: readouts of one encounter joined, near misses kept apart, deterministically."""

from __future__ import annotations

import random

from kg.knowledge.registry import load_registry
from kg.build.resolve import Report, resolve
from kg.extract.dates import month_day, undated_day


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


def test_month_day_reads_the_day_a_sentence_names_without_a_year():
    assert month_day("On February 12, Foreign Minister Sergey Lavrov had a telephone conversation.", "en") == (2, 12)
    assert month_day("12 февраля по американской инициативе состоялся телефонный разговор.", "ru") == (2, 12)
    assert month_day("On February 12, 2022, Lavrov spoke with Blinken.", "en") is None  # a year: the extractor dates it
    assert month_day("Wang Yi a eu samedi une conversation téléphonique.", "fr") is None  # a weekday is no day
    assert month_day("On February 12 and 13 ...", "xx") is None  # a language the extractor does not read


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

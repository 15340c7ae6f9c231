"""kg.resolve: readouts of one encounter joined, near misses kept apart, deterministically."""

from __future__ import annotations

import random

from kg.resolve import Report, resolve


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

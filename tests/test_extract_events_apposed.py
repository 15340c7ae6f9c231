"""A calendar day in apposition to a relative one ("hier 02 février", "yesterday, February 2")
names the encounter's day even when the page's own stamp is a day off (issue 11). The readouts
are short texts written by the team, never copies of real ones."""

from __future__ import annotations

import pytest

from kg.extract.dates import apposed_days, find_dates
from readouts import extract_text as _extract


def _days(registry, text, lang):
    return [(e.date, sorted(p.country for p in e.participants)) for e in _extract(registry, text, lang).events]


FRENCH = """\
    Le ministre reçoit l'ambassadeur de Chine

    2021-02-02 09:00

    Au cours de l'audience accordée, {day}, le ministre des Relations extérieures Lejeune Mbella Mbella a reçu l'ambassadeur de Chine au Cameroun, Wang Yingwu.
    Les deux hommes ont évoqué la coopération entre leurs pays.
    """

ENGLISH = """\
    Minister receives the Chinese Ambassador

    2021-02-02 09:00

    {day}, Foreign Minister Lejeune Mbella Mbella received the Chinese Ambassador to Cameroon, Wang Yingwu.
    The two discussed cooperation between their countries.
    """


@pytest.mark.parametrize("template, lang, day, expected", [
    (FRENCH, "fr", "hier 02 février", "2021-02-02"),
    (FRENCH, "fr", "mardi 26 janvier", "2021-01-26"),
    (ENGLISH, "en", "Yesterday, February 2", "2021-02-02"),
    # the relative day alone still counts from the page's stamp
    (FRENCH, "fr", "hier", "2021-02-01"),
    (ENGLISH, "en", "Yesterday", "2021-02-01"),
])
def test_a_written_day_in_apposition_wins_over_the_relative_one(registry, template, lang, day, expected):
    assert _days(registry, template.format(day=day), lang) == [(expected, ["CHN", "CMR"])]


def test_only_a_relative_day_right_before_a_calendar_day_is_apposed(registry):
    words = registry.lang("fr")
    text = "hier 02 février ; mercredi, le 5 mars ; jeudi"
    found = find_dates(text, words)
    apposed = [text[m.start:m.end] for m in found if id(m) in apposed_days(text, found)]
    assert apposed == ["hier"]

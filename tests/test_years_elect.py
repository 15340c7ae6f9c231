"""A post won but not yet taken: the year of a day named without one."""

from __future__ import annotations

from readouts import extract_text as _extract

# team-written, in the style of an agency's wire copy that gives no year
ELECT = ("BOGOTA, Nov. 1 (Xinhua) -- Colombian President Gustavo Petro held a phone call on Tuesday "
         "with Brazil's President-elect Luiz Inacio Lula da Silva, the presidency said.\n"
         "The two leaders discussed the protection of the Amazon.")


def _dates(registry, text):
    return [(e.type, e.date) for e in _extract(registry, text).events]


def test_a_president_elect_takes_the_post_months_after_the_day(registry):
    assert _dates(registry, ELECT) == [("phone_call", "2022-11-01")]


def test_without_the_elect_word_the_year_stays_open(registry):
    # the same call with no word saying the post is not yet taken: Lula did not hold it that day
    text = ELECT.replace("President-elect", "President")
    assert _dates(registry, text) == [("phone_call", None)]

"""Dates as readouts write them, in any language the registry describes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["DateMention", "find_dates", "cjk_dateline", "resolve", "iso", "counted_years", "counted_years_at",
           "relation_anniversaries", "relation_anniversaries_at", "undated_day", "address_day",
           "day_hints", "DayHints", "ADDRESS_WINDOW", "cn_number", "address_span", "cjk_filed"]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None  # 0 = Monday, for relative dates
    offset_days: int | None = None  # "yesterday" = -1
    named_weekday: int | None = None  # "le mardi 7": the weekday written against a day of no month

    @property
    def absolute(self) -> bool:
        return self.month is not None and self.day is not None


def iso(day: dt.date) -> str:
    return day.isoformat()


_NUMERIC = [
    # 2021-01-22, 2021/1/22, 2021.01.22
    (re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), ("y", "m", "d")),
    # 22/01/2021, 22.01.2021 (day first, as in French and Spanish pages)
    (re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)"), ("d", "m", "y")),
    # 29-11-2020 (Arabic and Indian pages)
    (re.compile(r"(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])"), ("d", "m", "y")),
    # 10. 10. 2024: day and month each closed by a stop and a space (Czech, Slovak, German pages)
    (re.compile(r"(?<![\d.])(\d{1,2})\.\s(\d{1,2})\.\s(\d{4})(?!\d)"), ("d", "m", "y")),
    # 2023. 3. 5.: year, month and day each closed by a stop and a space (Korean and Hungarian pages)
    (re.compile(r"(?<![\d.])(\d{4})\.\s(\d{1,2})\.\s(\d{1,2})(?!\d)"), ("y", "m", "d")),
    # 12.08.19: a press database's stamp, two digits each
    (re.compile(r"(?<![\d.])(\d{2})\.(\d{2})\.(\d{2})(?![\d.])"), ("d", "m", "yy")),
]
_CJK_DATE = re.compile(
    r"(?:(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*)?(?:(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*)?(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]"
)
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cjk_dateline(text: str, words: dict[str, Any], start: int, end: int) -> tuple[int, int] | None:
    """Month and day of a news agency's dateline ("新华社北京7月9日电", "北京7月22日消息"),
    marked by a word of ``[dates] dateline_marks``."""
    marks = words.get("dates", {}).get("dateline_marks", [])
    for m in _CJK_DATE.finditer(text, start, end):
        if m.group(2) and any(text.startswith(x, m.end()) for x in marks):
            return _cn_number(m.group(2)), _cn_number(m.group(3))
    units = words.get("dates", {}).get("units", {})
    if units and marks:  # Korean "[신화망 베이징 1월 27일]"
        for m in _unit_pattern(units["year"], units["month"], units["day"]).finditer(text, start, end):
            if m.group(2) and any(text.startswith(x, m.end()) for x in marks):
                return int(m.group(2)), int(m.group(3))
    return None


_AGENCY_GAP = re.compile(r"[\u3400-\u9fff]{1,4}")  # "14日路透电)": the wire's name between day and mark
_CLOSERS = (")", "）", "】", "]")


def _dateline_end(text: str, at: int, marks: tuple[str, ...]) -> int | None:
    """Where a dateline's mark ends when one follows a date ending at ``at``: at once ("7月9日电"),
    or, closing a bracket, after a wire's short name ("(中央社华盛顿14日路透电)", "【新唐人2013年03月15日讯】")."""
    mark = next((x for x in marks if text.startswith(x, at)), None)
    if mark is not None:
        return at + len(mark)
    gap = _AGENCY_GAP.match(text, at)
    if gap is None:
        return None
    for cut in range(gap.end(), at, -1):  # the longest name that leaves a mark closing the bracket
        mark = next((x for x in marks if text.startswith(x, cut)), None)
        if mark is not None and text.startswith(_CLOSERS, cut + len(mark)):
            return cut + len(mark)
    return None


def _cjk_datelines(text: str, words: dict[str, Any], start: int, end: int) -> list[tuple[int | None, int | None, int]]:
    """Year, month and day of each news dateline in ``text[start:end]``, in order."""
    marks = tuple(words.get("dates", {}).get("dateline_marks", []))
    if not marks or (text.find("日", start, end) == -1 and text.find("号", start, end) == -1):
        return []  # no dateline without its marks, no date without its day
    found = []
    for m in _CJK_DATE.finditer(text, start, end):
        if _dateline_end(text, m.end(), marks) is not None:
            found.append((_cn_number(m.group(1)) if m.group(1) else None,
                          _cn_number(m.group(2)) if m.group(2) else None, _cn_number(m.group(3))))
    return found


FILED_BEFORE = 3  # days: a wire's copy goes up on a site that soon after its dateline


def cjk_filed(text: str, words: dict[str, Any], start: int, end: int, published: dt.date | None) -> dt.date | None:
    """The day a Chinese lead's datelines say its copy was filed, for relative days ("今天")
    to count from: the last dateline's day ("(中央社华盛顿14日路透电)"), read against the page's
    date, else against an earlier dateline that gives a year ("【新唐人2013年03月15日讯】"), when
    it falls at most ``FILED_BEFORE`` days before that."""
    lines = _cjk_datelines(text, words, start, end)
    if not lines:
        return None
    base = published
    for year, month, day in lines:
        if base is None and year and month:
            try:
                base = dt.date(year, month, day)
            except ValueError:
                return None
    if base is None:
        return None
    year, month, day = lines[-1]
    filed = resolve(DateMention(0, 0, year, month, day), base) if month else \
        resolve(DateMention(0, 0, None, None, day), base)
    return filed if filed is not None and 0 <= (base - filed).days <= FILED_BEFORE else None


def cn_number(text: str) -> int:
    """A number written in digits or in Chinese numerals ("12", "十二", "二〇二一")."""
    return _cn_number(text)


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in _CN_DIGITS for c in text):  # 二〇二一
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)
    return _CN_DIGITS.get(text, 0)


@lru_cache(maxsize=8)
def _era_pattern(eras: tuple[tuple[str, int], ...]) -> re.Pattern[str]:
    names = "|".join(sorted((re.escape(name) for name, _ in eras), key=len, reverse=True))
    return re.compile(rf"(?P<era>{names})\s*(?P<n>元|\d{{1,2}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日")


@lru_cache(maxsize=16)
def _compile(lang_key: str, months: tuple[tuple[str, int], ...], ordinals: tuple[str, ...],
             patterns: tuple[str, ...]) -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    month_alt = "|".join(sorted((re.escape(m) for m, _ in months), key=len, reverse=True))
    ordinal = "(?:" + "|".join(re.escape(o) for o in ordinals) + ")?" if ordinals else ""
    pieces = {
        "DAY": rf"(?P<d>\d{{1,2}}){ordinal}",
        "MONTH": rf"(?P<m>{month_alt})\.?",  # "Oct. 28", "30 nov. 2017"
        "YEAR": r"(?P<y>\d{4})",
        "YY": r"(?P<yy>\d{2})",  # "(jun. 26/14)": a year in two digits, 1950-2049
    }
    compiled = []
    for pattern in patterns:
        regex = ""
        order = []
        previous = ""
        tokens = re.split(r"(\s+|,|-|/|\(|\))", pattern)  # "August (26)": brackets are literal
        for index, token in enumerate(tokens):
            if token in pieces:
                regex += pieces[token]
                order.append(token)
            elif token.strip() == ",":
                regex += r"\s*,?"
            elif token.isspace():
                if previous == ",":  # "Sep 6,2015"
                    regex += r"\s*"
                elif previous == "MONTH" and tokens[index + 1:index + 2] == ["YEAR"]:
                    # "le jeudi 19 Juin2014": a month's name ends in a letter and a year opens
                    # with a digit, so the space a page lost between them is no ambiguity
                    regex += r"\s*(?:de\s+|del\s+)?" if lang_key == "es" else r"\s*"
                else:
                    regex += r"\s*(?:de\s+|del\s+)?" if lang_key == "es" else r"\s+"
            elif token:
                regex += re.escape(token)
            if token:
                previous = token.strip() or " "
        compiled.append((re.compile(r"(?<![\w])" + regex + r"(?![\w])", re.IGNORECASE), tuple(order)))
    return compiled


def find_dates(text: str, words: dict[str, Any], start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date mention in text[start:end], absolute ones first by position."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m_start: int, m_end: int, mention: DateMention) -> None:
        if any(a < m_end and m_start < b for a, b in taken):
            return
        taken.append((m_start, m_end))
        found.append(mention)

    dates = words.get("dates", {})
    eras = dates.get("eras", {})
    if eras:  # "令和3年10月14日", "平成25年11月18日", "令和元年": a year counted in an era
        for m in _era_pattern(tuple(sorted(eras.items()))).finditer(chunk):
            count = 1 if m.group("n") == "元" else int(m.group("n"))
            month, day = int(m.group("m")), int(m.group("d"))
            if count >= 1 and 1 <= month <= 12 and 1 <= day <= 31:
                add(m.start(), m.end(), DateMention(start + m.start(), start + m.end(), eras[m.group("era")] + count, month, day))
    for regex, order in _NUMERIC:
        for m in regex.finditer(chunk):
            values = dict(zip(order, (int(g) for g in m.groups())))
            if dates.get("month_first") and order == ("d", "m", "y") and "/" in m.group():
                values["d"], values["m"] = values["m"], values["d"]  # "10/7/2021" on a U.S. page: October 7
            if "yy" in values:  # two digits: 1950-2049
                short = values.pop("yy")
                values["y"] = short + (1900 if short >= 50 else 2000)
            if 1 <= values["m"] <= 12 and 1 <= values["d"] <= 31:
                add(m.start(), m.end(), DateMention(start + m.start(), start + m.end(), values["y"], values["m"], values["d"]))
    marks = tuple(dates.get("dateline_marks", []))
    for m in _CJK_DATE.finditer(chunk):
        mark_end = _dateline_end(chunk, m.end(), marks)
        if mark_end is not None:  # a news agency's dateline ("7月9日电", "7月22日消息"), not the event
            taken.append((m.start(), mark_end))
            continue
        year = _cn_number(m.group(1)) if m.group(1) else None
        month = _cn_number(m.group(2)) if m.group(2) else None
        day = _cn_number(m.group(3))
        if (month is None or 1 <= month <= 12) and 1 <= day <= 31:
            add(m.start(), m.end(), DateMention(start + m.start(), start + m.end(), year, month, day))
    units = dates.get("units", {})
    if units:  # "2024년 5월 13일", "5월 13일", "13일": numbers with the language's words for year, month, day
        for m in _unit_pattern(units["year"], units["month"], units["day"]).finditer(chunk):
            if any(chunk.startswith(x, m.end()) for x in marks):  # an agency's dateline, not the event
                taken.append((m.start(), m.end()))
                continue
            year, month, day = (int(g) if g else None for g in m.groups())
            if (month is None or 1 <= month <= 12) and day is not None and 1 <= day <= 31:
                add(m.start(), m.end(), DateMention(start + m.start(), start + m.end(), year, month, day))
    if dates.get("month_dot_day"):  # "5.13.(월)": month and day with stops, before a bracketed weekday
        for m in _MONTH_DOT_DAY.finditer(chunk):
            month, day = int(m.group(1)), int(m.group(2))
            if 1 <= month <= 12 and 1 <= day <= 31:
                add(m.start(), m.end(), DateMention(start + m.start(), start + m.end(), None, month, day))
    months = dates.get("months", {})
    if months:
        month_index = {k.lower(): v for k, v in months.items()}
        for regex, order in _compile(words.get("code", ""), tuple(sorted(months.items())),
                                     tuple(dates.get("ordinal_suffixes", [])), tuple(dates.get("patterns", []))):
            for m in regex.finditer(chunk):
                day = int(m.group("d"))
                month = month_index.get(m.group("m").lower())
                year = int(m.group("y")) if "YEAR" in order else None
                if "YY" in order:
                    short = int(m.group("yy"))
                    year = short + (1900 if short >= 50 else 2000)
                if month and 1 <= day <= 31:
                    add(m.start(), m.end(), DateMention(start + m.start(), start + m.end(), year, month, day))
    relative_regex, relative_values = _relative_pattern(words.get("code", ""), tuple(sorted(dates.get("weekdays", {}).items())),
                                                       tuple(sorted(dates.get("relative", {}).items())))
    ahead = _ahead_pattern(tuple(dates.get("ahead", [])))
    if relative_regex is not None:
        for m in relative_regex.finditer(chunk):
            kind, value = relative_values[m.group().casefold()]
            if kind == "weekday" and ahead is not None and (
                    ahead[0].search(chunk[max(0, m.start() - 24):m.start()]) or ahead[1].match(chunk, m.end())):
                continue  # "viajará el próximo lunes", "lundi prochain": a day still to come, no report's
            bracketed = _BRACKETED_DAY.match(chunk, m.end()) if kind == "weekday" else None
            if bracketed is not None and 1 <= int(bracketed.group(1)) <= 31:
                # "nesta sexta-feira (3)": the day of the month in brackets after a weekday is
                # the day it names, written out (Brazilian papers, and copies of them)
                add(m.start(), bracketed.end(), DateMention(start + m.start(), start + bracketed.end(), None, None,
                                                            int(bracketed.group(1))))
                continue
            paired = _WEEKDAY_DAY.match(chunk, m.end()) if kind == "weekday" and dates.get("weekday_day") else None
            if paired is not None and 1 <= int(paired.group(1)) <= 31 and \
                    not any(a < paired.end() and m.start() < b for a, b in taken):
                # "le mardi 7", "el martes 7": a weekday with its day of the month and no month
                # names that day, of the month in which the day falls on that weekday
                add(m.start(), paired.end(), DateMention(start + m.start(), start + paired.end(), None, None,
                                                         int(paired.group(1)), named_weekday=value))
                continue
            mention = DateMention(start + m.start(), start + m.end(), None, None, None,
                                  weekday=value if kind == "weekday" else None,
                                  offset_days=value if kind == "offset" else None)
            add(m.start(), m.end(), mention)
    found.sort(key=lambda d: d.start)
    return found


# a day of the month right after a weekday, not an hour ("mardi 7 à 10h", not "mardi 7h30")
_WEEKDAY_DAY = re.compile(r",?\s(\d{1,2})(?:er)?(?![\d:.,h]\d|\d|\s*(?:h\b|heures?\b|horas?\b|hs\b))", re.IGNORECASE)
_BRACKETED_DAY = re.compile(r"(?:-\w+)?\s?[(（](\d{1,2})[)）]")  # "sexta-feira (3)", "nesta sexta-feira (3)"
_MONTH_DOT_DAY = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.?(?=\s*[(（])")


@lru_cache(maxsize=4)
def _unit_pattern(year: str, month: str, day: str) -> re.Pattern[str]:
    """Year, month and day each a number followed by its word ("2024년 5월 13일"); year and
    month may be left out; the day's word may take a particle ("13일에", "13일(현지시간)")."""
    y, m, d = (re.escape(w) for w in (year, month, day))
    return re.compile(rf"(?<!\d)(?:(\d{{4}})\s*{y}\s*)?(?:(\d{{1,2}})\s*{m}\s*)?(\d{{1,2}})\s*{d}")


@lru_cache(maxsize=16)
def _ahead_pattern(ahead: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """A word of ``[dates] ahead`` ("next", "próximo", "prochain") right before a weekday (an
    article between: "el próximo lunes"), or right after it ("lundi prochain")."""
    if not ahead:
        return None
    words = "|".join(re.escape(w) for w in sorted(ahead, key=len, reverse=True))
    before = re.compile(rf"(?<![\w])(?:{words})(?:\s+\w{{1,3}})?\s+$", re.IGNORECASE)
    after = re.compile(rf"\s+(?:{words})(?![\w])", re.IGNORECASE)
    return before, after


@lru_cache(maxsize=16)
def _relative_pattern(lang_key: str, weekdays: tuple, relative: tuple):
    """One regex for every weekday and relative-day word of a language."""
    values: dict[str, tuple[str, int]] = {}
    for name, value in weekdays:
        values[name.casefold()] = ("weekday", value)
    for name, value in relative:
        values[name.casefold()] = ("offset", value)
    if not values:
        return None, values
    names = sorted(values, key=len, reverse=True)
    alternatives = [re.escape(n) if _is_cjk_text(n) else r"(?<![\w])" + re.escape(n) + r"(?![\w])" for n in names]
    return re.compile("|".join(alternatives), re.IGNORECASE), values


@lru_cache(maxsize=16)
def _counted_patterns(lang_key: str, counted: tuple, suffixes: tuple = (),
                      numbers: tuple = ()) -> list[tuple[re.Pattern[str], int, int]]:
    """``{n}`` is the count, in digits, Chinese numerals ("建交五十周年") or a word of the
    language's ``[dates] count_words`` ("the fiftieth anniversary", "le cinquantenaire");
    ``{ord}`` an ordinal ending of the language ("st", "th"). A phrase edge in a script
    without spaces (Chinese) needs no word boundary."""
    compiled = []
    ordinal = "(?:" + "|".join(re.escape(x) for x in sorted(suffixes, key=len, reverse=True)) + ")?" if suffixes else ""
    words = "".join("|" + r"\s+".join(re.escape(w) for w in word.split(" "))
                    for word, _ in sorted(numbers, key=lambda item: len(item[0]), reverse=True))
    for phrase, (base, first_month) in counted:
        head, _, tail = phrase.partition("{n}")
        pieces = [r"\s+".join(re.escape(w) for w in part.split(" ")).replace(re.escape("{ord}"), ordinal)
                  for part in (head, tail)]
        before = "" if head and _is_cjk_text(head[0]) else r"(?<![\w])"
        after = "" if tail and _is_cjk_text(tail[-1]) else r"(?![\w])"
        regex = before + pieces[0] + r"(\d{1,3}|[一二三四五六七八九十]{1,3}" + words + ")" + pieces[1] + after
        compiled.append((re.compile(regex, re.IGNORECASE), int(base), int(first_month)))
    return compiled


def _count_words(words: dict[str, Any]) -> tuple[tuple[str, int], ...]:
    """``[dates] count_words`` of the language, folded, as a hashable table."""
    return tuple(sorted((w.casefold(), int(n)) for w, n in words.get("dates", {}).get("count_words", {}).items()))


def _count(written: str, numbers: tuple[tuple[str, int], ...]) -> int:
    """The count a pattern of :func:`_counted_patterns` found: digits, Chinese numerals or a word."""
    if written.isdigit() or all(c in "一二三四五六七八九十" for c in written):
        return _cn_number(written)
    folded = re.sub(r"\s+", " ", written.casefold())
    return next(n for word, n in numbers if word == folded)


def counted_years(text: str, words: dict[str, Any], month: int) -> set[int]:
    """Years a page fixes by counting from a known year without writing one: "the 78th
    session of the UN General Assembly" (opened in September 1945 + 78), "the 75th
    anniversary of the Victory" (1945 + 75); ``[dates] counted`` of the language gives each
    phrase its base year and the month its count starts in, so that ``month`` (the day's)
    before that month falls in the next year."""
    return {year for year, _ in counted_years_at(text, words, month)}


def counted_years_at(text: str, words: dict[str, Any], month: int) -> list[tuple[int, int]]:
    """Each year of :func:`counted_years` with where the page counts it."""
    counted = words.get("dates", {}).get("counted", {})
    if not counted:
        return []
    years = []
    suffixes = tuple(words.get("dates", {}).get("ordinal_suffixes", []))
    numbers = _count_words(words)
    for regex, base, first_month in _counted_patterns(words.get("code", ""), tuple(sorted(
            (phrase, tuple(value)) for phrase, value in counted.items())), suffixes, numbers):
        found = [(_count(m.group(1), numbers), m.start()) for m in regex.finditer(text)]
        for count, at in _this_years_counts(text, words, found):
            years.append((base + count + (1 if month < first_month else 0), at))
    return sorted(years, key=lambda x: x[1])


_NEXT_YEAR_REACH = 40  # characters between "next year" and the anniversary it dates


def _this_years_counts(text: str, words: dict[str, Any], found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"明年是中南建交25周年", "Next year marks the 50th anniversary of ...": a count the page
    says falls next year (``[dates] next_year`` shortly before it, in the same sentence) is one
    less in the page's own year, and so is every other naming of that count on the page (the
    same anniversary, looked forward to)."""
    cues = [w.casefold() for w in words.get("dates", {}).get("next_year", [])]
    ahead = set()
    for count, at in found:
        before = text[max(0, at - _NEXT_YEAR_REACH):at]
        before = re.split(r"[.!?。！？\n]", before)[-1].casefold()
        if any(cue in before for cue in cues):
            ahead.add(count)
    return [(count - 1 if count in ahead else count, at) for count, at in found]


def relation_anniversaries(text: str, words: dict[str, Any]) -> set[int]:
    """The counts of "the 50th anniversary of diplomatic relations" the page names (``[dates]
    relations`` of the language): with the year the parties established relations, a year."""
    return {count for count, _ in relation_anniversaries_at(text, words)}


def relation_anniversaries_at(text: str, words: dict[str, Any]) -> list[tuple[int, int]]:
    """Each count of :func:`relation_anniversaries` with where the page names it, as of the
    page's own year (one less for an anniversary it says falls next year)."""
    phrases = words.get("dates", {}).get("relations", [])
    if not phrases:
        return []
    suffixes = tuple(words.get("dates", {}).get("ordinal_suffixes", []))
    numbers = _count_words(words)
    patterns = _counted_patterns(words.get("code", ""), tuple(sorted((p, (0, 1)) for p in phrases)), suffixes, numbers)
    found = [(_count(m.group(1), numbers), m.start()) for regex, _, _ in patterns for m in regex.finditer(text)]
    return sorted(_this_years_counts(text, words, found), key=lambda x: x[1])


_APPOSED_GAP = re.compile(r"[\s,]{1,3}")


def apposed_days(text: str, found: list[DateMention]) -> set[int]:
    """The relative days a calendar day stands right after, in apposition ("hier 02 février",
    "yesterday, February 2", "ce mercredi 5 mars"): both name one day, and the written day says
    which even where the page's own date is a day off. The ids of those relative mentions."""
    ordered = sorted(found, key=lambda m: m.start)
    return {id(a) for a, b in zip(ordered, ordered[1:])
            if (a.weekday is not None or a.offset_days is not None) and b.month is not None and b.day
            and _APPOSED_GAP.fullmatch(text, a.end, b.start)}


def _is_cjk_text(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" for c in text)


def resolve(mention: DateMention, published: dt.date | None) -> dt.date | None:
    """An ISO calendar day for the mention; relative forms count back from ``published``."""
    try:
        if mention.absolute:
            year = mention.year
            month = mention.month
            if year is None:
                if published is None:
                    return None
                year = published.year
                # "December 30" in a readout published on January 2 is last year's.
                if month is not None and month > published.month + 1:
                    year -= 1
            return dt.date(year, month, mention.day)  # type: ignore[arg-type]
        if mention.day is not None and mention.month is None and published is not None:  # "21日"
            # the latest such day on or before publication: this month, else last month; on the
            # weekday written against it ("le mardi 7") when one is
            try:
                candidate = published.replace(day=mention.day)
                if candidate <= published and mention.named_weekday in (None, candidate.weekday()):
                    return candidate
            except ValueError:
                pass
            last_month = published.replace(day=1) - dt.timedelta(days=1)
            candidate = last_month.replace(day=mention.day)
            return candidate if mention.named_weekday in (None, candidate.weekday()) else None
        if published is None:
            return None
        if mention.offset_days is not None:
            return published + dt.timedelta(days=mention.offset_days)
        if mention.weekday is not None:
            back = (published.weekday() - mention.weekday) % 7
            return published - dt.timedelta(days=back)
    except ValueError:
        return None
    return None


# What a readout says of the day of an encounter it gives no date: hints that let encounter
# resolution (kg.build.resolve) join it to the other side's dated readout.

def undated_day(text: str, sentence: tuple[int, int], words: dict[str, Any],
                month_stamp: str | None) -> tuple[tuple[int, int] | None, frozenset[str]]:
    """What a readout says of the day of an encounter it gives no date, for :func:`resolve`:
    the day and month with no year that its sentence (``text[start:end]``) names, else the
    one the whole text names when the sentence names no day at all (no weekday either); else, on a page stamped with a
    month only (``"2022-03"``), the ISO days of the one weekday its sentence names, from six
    days before that month to its end."""
    start, end = sentence
    found = _month_day(text[start:end], words)
    mentions = find_dates(text, words, start, end)
    if found is None and not mentions:  # the sentence names no day of its own
        found = _month_day(text, words)
    if found is not None:
        return found, frozenset()
    weekdays = {m.weekday for m in mentions if m.weekday is not None}
    if month_stamp is None or len(weekdays) != 1 or any(m.absolute or m.day for m in mentions):
        return None, frozenset()
    year, month = (int(x) for x in month_stamp.split("-"))
    first = dt.date(year, month, 1)
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    weekday = weekdays.pop()
    days = (first - dt.timedelta(days=6) + dt.timedelta(days=n) for n in range((last - first).days + 7))
    return None, frozenset(day.isoformat() for day in days if day.weekday() == weekday)


def _month_day(sentence: str, words: dict[str, Any]) -> tuple[int, int] | None:
    mentions = find_dates(sentence, words)
    found = {(m.month, m.day) for m in mentions if m.absolute}
    if len(found) != 1 or any(m.year is not None for m in mentions):
        return None
    month, day = found.pop()
    try:
        dt.date(2024, month, day)  # type: ignore[arg-type]
    except ValueError:
        return None
    return month, day  # type: ignore[return-value]


# The day a page's address carries (".../2021/10/07/...", "t20211007_...", ".../2016/0108/c9..."):
# its publication day, most often. Never a claim (ANNOTATION.md §7 keeps `published` from the
# address): only a hint that lets resolution join an undated report to the other side's.
_ADDRESS_DAYS = (
    re.compile(r"(?<!\d)((?:19|20)\d{2})[-/_.](\d{1,2})[-/_.](\d{1,2})(?!\d)"),  # 2021/10/07, 2010-05/18
    re.compile(r"(?<!\d)((?:19|20)\d{2})/(\d{2})(\d{2})/"),  # 2016/0108/
    re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)"),  # 20211007, t20211007_
    # a story number that opens with its day and runs on with a serial ("AEN20220509004300325",
    # "stories/201801250702", "ampView/20240518500068": news agencies' and portals' ids)
    re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?=\d{3,12}(?!\d))"),
)
ADDRESS_WINDOW = 2  # days before its address's day that a report naming no day may be of


def address_day(url: str | None) -> str | None:
    """The one ISO day that ``url`` carries in its path, None when it carries none or several."""
    if not url:
        return None
    path = url.split("://", 1)[-1]
    path = path[path.find("/"):] if "/" in path else ""
    found = set()
    for pattern in _ADDRESS_DAYS:
        for m in pattern.finditer(path):
            try:
                found.add(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            except ValueError:
                continue
    return found.pop().isoformat() if len(found) == 1 else None


# ".../2022/05/story-slug": a year and month in the address with no day after them
_ADDRESS_MONTH = re.compile(r"(?<![\d.])((?:19|20)\d{2})[-/_](0[1-9]|1[0-2])(?=/[^\d]|/?$)")


def address_span(url: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a page's address puts its text's partial dates in ("1日", "ce 15 octobre", "9
    nov (Xinhua)"), for a page that carries no stamp of its own: from ``ADDRESS_WINDOW`` days
    before the address's day to that day (the day the page went up), else the one month the
    address carries. A day outside it is not taken from the address: the page may be a later
    rewrite or an archive's, whose address says nothing sure of the year."""
    day = address_day(url)
    if day is not None:
        last = dt.date.fromisoformat(day)
        return last - dt.timedelta(days=ADDRESS_WINDOW), last
    if not url:
        return None
    path = url.split("://", 1)[-1]
    path = path[path.find("/"):].split("?", 1)[0] if "/" in path else ""
    months = {(int(m.group(1)), int(m.group(2))) for m in _ADDRESS_MONTH.finditer(path)}
    if len(months) != 1:
        return None
    year, month = months.pop()
    return dt.date(year, month, 1), dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


@dataclass(frozen=True)
class DayHints:
    """What a readout says of the day of an encounter it gives no date (see :func:`day_hints`)."""

    month_day: tuple[int, int] | None = None  # the day and month it names with no year
    days: frozenset[str] = frozenset()  # the ISO days it may be
    address_day: str | None = None  # the day its page's address carries, when ``days`` come from it
    occasion: str | None = None  # the meeting edition its sentence places it at, when ``days`` come from it


def day_hints(text: str, sentence: tuple[int, int], words: dict[str, Any], month_stamp: str | None,
              url: str | None) -> DayHints:
    """:func:`undated_day`, else what the page's address says: the address's day (``U``) is
    its publication day, so a weekday or a relative day ("yesterday") the sentence names is
    the one such day counted back from ``U`` (as a weekday is from a publication date), and a
    sentence that names no day at all may be any day from ``ADDRESS_WINDOW`` days before
    ``U`` to ``U``."""
    month_day, days = undated_day(text, sentence, words, month_stamp)
    if month_day is not None or days:
        return DayHints(month_day, days)
    stamp = address_day(url)
    if stamp is None:
        return DayHints()
    day = dt.date.fromisoformat(stamp)
    mentions = find_dates(text, words, sentence[0], sentence[1])
    if not mentions:
        span = (day - dt.timedelta(days=n) for n in range(ADDRESS_WINDOW + 1))
        return DayHints(days=frozenset(d.isoformat() for d in span), address_day=stamp)
    relative = {(m.weekday, m.offset_days) for m in mentions if m.weekday is not None or m.offset_days is not None}
    if len(relative) != 1 or any(m.absolute or m.day or m.month for m in mentions):
        return DayHints()
    weekday, offset = relative.pop()
    if offset is not None:
        named = day + dt.timedelta(days=offset) if weekday is None else None
    else:
        named = day - dt.timedelta(days=(day.weekday() - weekday) % 7)
    if named is None or named > day:
        return DayHints()
    return DayHints(days=frozenset({named.isoformat()}), address_day=stamp)

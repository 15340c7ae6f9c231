"""Recurring multilateral meetings (``kg/data/meetings.toml``): the year a readout leaves out
when it names the edition of a meeting the encounter took place at or prepared for ("on the
sidelines of the G20 summit in Rio", "la 7e Conférence ministérielle du Forum sur la
coopération sino-arabe", "경주에서 열린 APEC")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable

from kg.errors import RegistryError
from kg.extract.dates import cn_number
from kg.knowledge.registry import Registry
from kg.text import simplified

__all__ = ["Edition", "named_editions", "occasion_editions", "edition_days", "meeting_windows", "era_bounds"]


@dataclass(frozen=True)
class Edition:
    series: str
    start: dt.date
    end: dt.date
    ordinal: int | None = None
    place: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class _Series:
    key: str
    names: re.Pattern[str] | None
    acronyms: re.Pattern[str] | None  # matched as written ("SCO", not "sco")
    editions: tuple[Edition, ...]


@dataclass(frozen=True)
class _Meetings:
    series: tuple[_Series, ...]
    places: dict[str, re.Pattern[str] | None]
    countries: dict[str, re.Pattern[str] | None]
    # literal pieces of every series' name (lower case unless an acronym), with its series: a
    # text holding none of them names no edition, found without running any regex
    anchors: tuple[tuple[str, bool, int], ...]
    ordinals: tuple[re.Pattern[str], ...]
    ordinal_words: dict[str, int]
    reach: int
    before: int
    after: int
    near: int


# Letters of the scripts that write words with spaces: a name there must be a whole word.
_WORD = r"0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0600-\u06FF"
_SPACED = re.compile(rf"[{_WORD}]")
_KANA_HANGUL = r"\u3040-\u30FF\uAC00-\uD7AF\u1100-\u11FF"
_DASHES = str.maketrans({"–": "-", "—": "-", "－": "-", "‑": "-", "’": "'", "‘": "'", "‐": "-"})
_CYRILLIC_VOWEL_END = re.compile(r"[аяоеиыйь]$")
_ARABIC_CLITICS = "(?:[وفبلك]{1,2})?"
_CJK = re.compile(r"[\u3400-\u9fff]")


def _fold(text: str) -> str:
    return simplified(text).translate(_DASHES)


def _name_pattern(name: str, keep_case: bool = False) -> str:
    """A name found as a whole word where words are spaced (a Russian name's last vowel may
    take the case's ending: Астана, Астане; an Arabic one may take a joined particle: بالرياض)
    and as itself in Chinese and Japanese characters; a kana or Hangul name must not continue
    a longer word (본 in 일본 is not Bonn)."""
    name = _fold(name)
    if not keep_case:
        name = name.lower()
    if not _SPACED.search(name):
        left = rf"(?<![{_KANA_HANGUL}])" if re.match(rf"[{_KANA_HANGUL}]", name) else ""
        return left + re.escape(name)
    body = re.escape(name)
    tail = ""
    if re.search(r"[\u0400-\u04FF]$", name) and len(name) > 3:
        if _CYRILLIC_VOWEL_END.search(name):
            body = re.escape(name[:-1])
        tail = r"[а-яё]{0,3}"
    head = _ARABIC_CLITICS + "(?:ال)?" if re.match(r"[\u0600-\u06FF]", name) else ""
    return rf"(?<![{_WORD}]){head}{body}{tail}(?![{_WORD}])"


def _anchor(name: str) -> str:
    """The part of a name every form of it holds: the folded name, less a Russian last vowel."""
    folded = _fold(name) if _is_acronym(name) else _fold(name).lower()
    return folded[:-1] if re.search(r"[\u0400-\u04FF]$", folded) and len(folded) > 3 and _CYRILLIC_VOWEL_END.search(folded) else folded


def _one_of(patterns: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for several names (the longest first), None for none."""
    unique = sorted(set(patterns), key=len, reverse=True)
    return re.compile("|".join(f"(?:{p})" for p in unique)) if unique else None


def _is_acronym(name: str) -> bool:
    return len(name) <= 6 and name.isupper()


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise RegistryError(f"meetings.toml: {where}: dates must be TOML dates (YYYY-MM-DD)")


@lru_cache(maxsize=4)
def _meetings(registry: Registry) -> _Meetings:
    table = registry.meetings
    places_table = table.get("places", {})
    places = {key: _one_of(_name_pattern(n) for n in entry.get("names", [])) for key, entry in places_table.items()}
    countries: dict[str, re.Pattern[str] | None] = {}
    series = []
    for key, entry in sorted(table.get("series", {}).items()):
        names = [n for lang, values in entry.items() if lang != "editions" and isinstance(values, list) for n in values]
        editions = []
        for row in entry.get("editions", []):
            where = f"series.{key}"
            start, end = _date(row.get("from"), where), _date(row.get("to"), where)
            place = row.get("at")
            if place is not None and place not in places_table:
                raise RegistryError(f"meetings.toml: {where}: place {place!r} is not in [places]")
            if end < start:
                raise RegistryError(f"meetings.toml: {where}: an edition ends ({end}) before it starts ({start})")
            country = places_table[place].get("country") if place else None
            if country and country not in registry.states:
                raise RegistryError(f"meetings.toml: places.{place}: {country!r} is not a state of states.toml")
            if country and country not in countries:
                state = registry.states[country]
                countries[country] = _one_of(_name_pattern(n) for ns in state.names.values() for n in ns if len(n) > 1)
            editions.append(Edition(key, start, end, row.get("n"), place, country))
        series.append(_Series(key, _one_of(_name_pattern(n) for n in names if not _is_acronym(n)),
                              _one_of(_name_pattern(n, keep_case=True) for n in names if _is_acronym(n)),
                              tuple(editions)))
    ordinals = table.get("ordinals", {})
    number = r"(\d{1,3}|[一二三四五六七八九十]{1,3})"
    ordinal_patterns = []
    for pattern in ordinals.get("patterns", []):
        head, _, tail = pattern.lower().partition("{n}")
        left = r"(?<![0-9A-Za-z])" if not head or _SPACED.match(head) else ""
        right = rf"(?![{_WORD}])" if tail and _SPACED.search(tail[-1]) else ""
        ordinal_patterns.append(re.compile(left + re.escape(head) + number + re.escape(tail) + right))
    window = table.get("window", {})
    anchors = tuple((_anchor(n), _is_acronym(n), index) for index, (_, entry) in enumerate(sorted(table.get("series", {}).items()))
                    for lang, values in entry.items() if lang != "editions" and isinstance(values, list) for n in values)
    return _Meetings(tuple(series), places, countries, anchors, tuple(ordinal_patterns),
                     {w.lower(): int(n) for w, n in ordinals.get("words", {}).items()},
                     int(ordinals.get("reach", 40)), int(window.get("before", 30)), int(window.get("after", 3)),
                     int(window.get("near", 3)))


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)] if pattern is not None else []


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _ordinals(meetings: _Meetings, low: str) -> list[tuple[int, tuple[int, int]]]:
    found = [(cn_number(m.group(1)), m.span()) for p in meetings.ordinals for m in p.finditer(low)]
    for m in re.finditer(rf"[{_WORD}]+", low):
        if m.group() in meetings.ordinal_words:
            found.append((meetings.ordinal_words[m.group()], m.span()))
    return found


def named_editions(registry: Registry, sentences: Iterable[str]) -> list[Edition]:
    """The editions the sentences name: in one sentence, a series' name with an ordinal
    beside it ("the 2nd CIIE", "中拉论坛第四届部长级会议") and, when the sentence also names
    places, one of the series' host places; else a host place anywhere in the sentence ("the
    SCO Council of Foreign Ministers meeting in Astana"); else a host country beside the name
    ("le sommet du G20 au Brésil") when it names only one."""
    meetings = _meetings(registry)
    sentences = list(sentences)
    whole = "\n".join(sentences)
    whole = _fold(whole) if _CJK.search(whole) else whole.translate(_DASHES)
    whole_low = whole.lower()
    anchors = [(anchor, acronym, index) for anchor, acronym, index in meetings.anchors
               if anchor in (whole if acronym else whole_low)]
    if not anchors:
        return []
    found: dict[Edition, None] = {}
    for sentence in sentences:
        raw = _fold(sentence) if _CJK.search(sentence) else sentence.translate(_DASHES)
        low = raw.lower()
        named = sorted({index for anchor, acronym, index in anchors if anchor in (raw if acronym else low)})
        ordinals = None
        places: dict[str, bool] = {}
        for series in (meetings.series[i] for i in named):
            at = _spans(series.names, low) + _spans(series.acronyms, raw)
            if not at:
                continue
            if ordinals is None:
                ordinals = _ordinals(meetings, low)
            counts = {n for n, span in ordinals if any(_gap(span, a) <= meetings.reach for a in at)}
            hosts = {e.place for e in series.editions if e.place}
            for place in hosts - places.keys():
                places[place] = bool(_spans(meetings.places[place], low))
            named_places = {p for p in hosts if places[p]}
            if counts:
                editions = [e for e in series.editions if e.ordinal in counts
                            and (not named_places or e.place in named_places)]
            elif named_places:
                editions = [e for e in series.editions if e.place in named_places]
            else:
                countries = {c for c in {e.country for e in series.editions if e.country}
                             if any(_gap(s, a) <= meetings.reach for s in _spans(meetings.countries[c], low) for a in at)}
                # "金砖国家主席国俄罗斯 ... 巴西外长 ... 印度外长": members named beside the
                # series are its participants, not one host
                editions = [e for e in series.editions if e.country in countries] if len(countries) == 1 else []
            found.update(dict.fromkeys(editions))
    return list(found)


def occasion_editions(registry: Registry, sentence: str, clauses: Iterable[str]) -> list[Edition]:
    """The editions ``sentence`` names (:func:`named_editions`) whose series one of its occasion
    clauses names ("... in Melbourne on the margins of the Quad foreign ministers' meeting"):
    the meeting the encounter took place at, not one it only discussed or prepared."""
    editions = named_editions(registry, [sentence])
    if not editions:
        return []
    meetings = _meetings(registry)
    named = set()
    for clause in clauses:
        raw = _fold(clause) if _CJK.search(clause) else clause.translate(_DASHES)
        named |= {s.key for s in meetings.series if _spans(s.names, raw.lower()) or _spans(s.acronyms, raw)}
    return [e for e in editions if e.series in named]


def meeting_windows(registry: Registry) -> tuple[int, int, int]:
    """``[window]`` of meetings.toml: days before, days after, and how near for a day without month."""
    meetings = _meetings(registry)
    return meetings.before, meetings.after, meetings.near


def edition_days(editions: Iterable[Edition], windows: tuple[int, int, int], month: int | None = None,
                 day: int | None = None, weekday: int | None = None,
                 keep: Callable[[dt.date], bool] | None = None) -> list[dt.date]:
    """The days that fit (and that ``keep`` keeps), the closest first: a day within an
    edition's own days wins over one only near another's ("20 мая, в Астане": the foreign
    ministers' council of May 20-21, not the summit three weeks later). A day written with its
    month may fall from ``before`` days ahead of an edition to ``after`` days past it; a day
    written without its month, or a weekday, only within ``near`` days of it, as a wider span
    fits it in more than one month or week."""
    before, after, near = windows
    dated = month is not None and day is not None
    tiers = [(0, 0), (near, near)] + ([(before, after)] if dated else [])
    for ahead, past in tiers:
        fits: set[dt.date] = set()
        for edition in editions:
            low, high = edition.start - dt.timedelta(days=ahead), edition.end + dt.timedelta(days=past)
            if dated:
                for year in range(low.year, high.year + 1):
                    try:
                        candidate = dt.date(year, month, day)  # type: ignore[arg-type]
                    except ValueError:
                        continue
                    if low <= candidate <= high:
                        fits.add(candidate)
            elif day is not None or weekday is not None:
                candidate = low
                while candidate <= high:
                    if (day is None or candidate.day == day) and (weekday is None or candidate.weekday() == weekday):
                        fits.add(candidate)
                    candidate += dt.timedelta(days=1)
        fits = {d for d in fits if keep is None or keep(d)}
        if fits:
            return sorted(fits)
    return []


@lru_cache(maxsize=4)
def _eras(registry: Registry) -> tuple[tuple[dt.date, dt.date | None, re.Pattern[str] | None, re.Pattern[str] | None], ...]:
    """``[eras]`` of meetings.toml: each era's first (and last) day, with its names (folded,
    then acronyms as written)."""
    eras = []
    for key, entry in sorted(registry.meetings.get("eras", {}).items()):
        names = [n for values in entry.values() if isinstance(values, list) for n in values]
        until = entry.get("until")
        eras.append((_date(entry.get("since"), f"eras.{key}"), _date(until, f"eras.{key}") if until else None,
                     _one_of(_name_pattern(n) for n in names if not _is_acronym(n)),
                     _one_of(_name_pattern(n, keep_case=True) for n in names if _is_acronym(n))))
    return tuple(eras)


def era_bounds(registry: Registry, sentences: Iterable[str]) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day the page can have been written on, by the things it names that
    did not exist before a day ("the fight against COVID-19", "共建\"一带一路\"") or names
    that fell out of use after one ("the novel coronavirus"); None where nothing says."""
    whole = "\n".join(sentences)
    raw = _fold(whole) if _CJK.search(whole) else whole.translate(_DASHES)
    low = raw.lower()
    named = [(since, until) for since, until, names, acronyms in _eras(registry)
             if (names is not None and names.search(low)) or (acronyms is not None and acronyms.search(raw))]
    return (max((s for s, _ in named), default=None), min((u for _, u in named if u), default=None))

"""The year a readout leaves the reader to know: the one in which everyone named held the
posts it gives them, that a counted session or anniversary fixes, or that the edition of a
recurring meeting it names fixes (moved out of kg/extract/events.py)."""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.dates import cjk_dateline, counted_years_at, find_dates, relation_anniversaries_at
from kg.extract.meetings import edition_days, era_bounds, meeting_windows, named_editions
from kg.extract.persons import PersonRecord
from kg.knowledge.registry import Registry
from kg.text import Sentence

__all__ = ["day_by_offices", "day_by_written_years", "DATELINE_PIECE", "DATELINE_HEAD"]

DATELINE_HEAD = re.compile(r"^[\"“«]?[A-ZÀ-ÖØ-ÞА-ЯЁ][\w .'’-]{1,40},\s*$")
_FULL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
DATELINE_PIECE = 40  # characters: "Москва. 19 марта." cut into short sentences
# paragraphs from the lead's own whose names of new things date the page (a list of other
# pages' headlines further down is served when the page is read, not when it was written)
_ERA_PARAGRAPHS = 8
# days from an election to the taking of the post (Brazil, the U.S.: two to three months;
# Mexico: five): how far ahead a post-elect's term may begin ([dates] post_elect)
_ELECT_REACH = 183


def day_by_offices(text: str, sentences: list[Sentence], search: list[int], keys: list[str],
                   people: dict[str, PersonRecord], registry: Registry, words: dict,
                   stamp: tuple[int, int] | None = None) -> dt.date | None:
    """The first day and month the opening gives without a year, in the only year (up to the
    day the registry's offices are known) when every official named whose terms the registry
    knows held every post the readout gives them (any of their posts when it gives none) and,
    when a weekday is written against the day ("le dimanche 26 septembre"), it is that weekday;
    among the years the page fixes by counting ("the 78th session of ...") when it does."""
    officials = []
    for key in keys:
        if key.startswith("r"):
            entry = registry.people[int(key[1:])]
            known = set(people[key].roles) & {role for role, _, _ in entry.offices}
            # "ministre algérien des Affaires du Maghreb" when the registry knows only their
            # later term as foreign minister: its dates say nothing of the day
            if entry.offices and (known or not people[key].roles):
                officials.append((entry, known))
    until = registry.offices_known_until
    if until is None:
        return None
    month_day = None
    weekday = None
    copy_day = False  # whether the day is a dateline's (the day the copy was filed)
    for i in search:
        sentence = sentences[i]
        found = find_dates(text, words, sentence.start, sentence.end)
        if any(m.absolute and m.year for m in found) and not month_day:
            return None  # the page writes the year: nothing to infer
        day_month = next((m for m in found if m.year is None and m.month and m.day), None)
        month_day = (day_month.month, day_month.day) if day_month else None
        if day_month is not None:
            # "le dimanche 26 septembre", "Sunday, Sept. 26": a weekday written against the day is its weekday
            weekday = next((w.weekday for w in found if w.weekday is not None and (
                0 <= day_month.start - w.end <= 3 or 0 <= w.start - day_month.end <= 3)), None)
            copy_day = len(sentence.text) <= DATELINE_PIECE or bool(
                DATELINE_HEAD.match(text[sentence.start:day_month.start]))
        dateline = cjk_dateline(text, words, sentence.start, sentence.end)
        if month_day is None and dateline:
            month_day = dateline
            copy_day = True
        if month_day:
            break
    if month_day is None and stamp is not None:
        # "Dernière mise à jour à 08h46 le 13/09" over a lead that says "dimanche": the copy's day
        month_day, copy_day = stamp, True
    # "on the sidelines of the G20 summit in Rio", "la 7e Conférence ministérielle du Forum sur
    # la coopération sino-arabe": the editions of recurring meetings the page names
    editions = named_editions(registry, [s.text for s in sentences]) if registry.meetings else []
    if month_day is None:
        # every official named must be known: a newcomer the registry lacks is likely the new one
        fresh = _day_in_new_post(text, sentences, search, officials, words) if len(officials) == len(keys) else None
        if fresh is not None:
            return fresh if fresh <= until else None
        return _day_by_meeting(text, sentences, search, officials, registry, words) if editions else None
    # "on the sidelines of the 78th session of the UN General Assembly": the years the page fixes
    found_years = counted_years_at(text, words, month_day[0])
    # "exchanged congratulations on the 50th anniversary of diplomatic relations": the year the
    # parties established them, plus the count
    countries = sorted({people[key].country for key in keys if people[key].country})
    found_years += [(registry.relations_established[(a, b)] + n, at) for n, at in relation_anniversaries_at(text, words)
                    for a in countries for b in countries if (a, b) in registry.relations_established]
    # "2024年, 我们3次会晤……两国隆重庆祝建交75周年": an anniversary in a paragraph that writes
    # that year or a later one is looked back on, and a page reviews a year early in the next one
    counted = {year + 1 if any(y >= year for y in _years_written(text, sentences, at, until)) else year
               for year, at in found_years}
    counted |= {day.year for day in edition_days(editions, meeting_windows(registry), *month_day, keep=lambda day: (
        day <= until and _held(officials, day)))}
    if not officials and len(counted) != 1:
        return None
    fits = []
    # "spoke with President-elect Lula": a post won but not yet taken is held from a day soon after
    elect = _took_office(text, words, "post_elect")
    for year in sorted(counted) if counted else range(1950, until.year + 1):
        try:
            day = dt.date(year, *month_day)
        except ValueError:
            continue
        if day <= until and (weekday is None or day.weekday() == weekday) and _held(officials, day, elect):
            fits.append(day)
    if len(fits) > 1 and search:
        # "Xi stressed the efforts against the novel coronavirus": a page that names what did not
        # exist before a day, or a name out of use after one ([eras] of meetings.toml), was
        # written between them
        first = sentences[min(search)].paragraph
        floor, ceiling = era_bounds(registry, [s.text for s in sentences if first <= s.paragraph < first + _ERA_PARAGRAPHS])
        fits = [day for day in fits if (floor is None or day >= floor) and (ceiling is None or day <= ceiling)] or fits
    if len(fits) > 1 and _took_office(text, words):
        # "welcomed Ambassador Liu to Britain to assume his office": a post just taken up puts
        # the day in the first year of a term of someone named in the post the readout gives
        fresh = [day for day in fits if any(start <= day < start + dt.timedelta(days=366)
                                            for entry, roles in officials for held, start, _ in entry.offices
                                            if not roles or held in roles)]
        fits = fresh or fits
    if len(fits) > 1 and _took_office(text, words, "leaving_office"):
        # "spoke with the outgoing President", "会见即将离任的……": a post about to be left puts
        # the day in the last months of a term of someone named in the post the readout gives
        last = [day for day in fits if any(end is not None and end - dt.timedelta(days=_LEAVING_REACH) <= day <= end
                                           for entry, roles in officials for held, _, end in entry.offices
                                           if not roles or held in roles)]
        fits = last or fits
    if len(fits) > 1 and weekday is None:
        # "Москва. 15 февраля. ... сообщили в субботу", "BEIJING, 4. November (Xinhua) -- ...
        # traf am Freitag": an agency dates its copy the day it reports, so the one weekday the
        # opening names is the day's own — unless late in that day ("am Samstagabend", [dates]
        # late) and the day is the dateline's, as such news may be filed under the next day's
        # date; a day the prose writes ("Dans la soirée du 19 septembre") is the encounter's own
        late = [w.casefold() for w in words.get("dates", {}).get("late", [])] if copy_day else []
        weekdays = [m for i in search for m in find_dates(text, words, sentences[i].start, sentences[i].end)
                    if m.weekday is not None]
        named = {m.weekday for m in weekdays}
        if any(w in text[max(0, m.start - 12):m.end + 12].casefold() for m in weekdays for w in late):
            named = set()
        if len(named) == 1:
            fits = [day for day in fits if day.weekday() in named]
    return fits[0] if len(fits) == 1 else None


def _day_by_meeting(text: str, sentences: list[Sentence], search: list[int], officials: list,
                    registry: Registry, words: dict) -> dt.date | None:
    """"王毅25日在万象出席东亚合作外长系列会议期间……", "a déclaré mercredi à Doha ... 7e
    Conférence ministérielle": the first day without a month (else the first weekday) the
    opening names, on the one day near an edition the opening names (one named further on
    may be looked back on: "G20大阪サミット会期中に") when every official named held their posts."""
    # the opening, then what stands above the lead ("(경주=연합뉴스) ... 29일 경주에서 열린 APEC ...")
    search = search + [i for i in range(search[0]) if sentences[i].paragraph >= 0] if search else []
    editions = named_editions(registry, [sentences[i].text for i in search])
    mention = None
    for i in search:
        found = find_dates(text, words, sentences[i].start, sentences[i].end)
        mention = next((m for m in found if m.day and not m.month), None) or next(
            (m for m in found if m.weekday is not None), None)
        if mention is not None:
            break
    if mention is None:
        return None
    fits = edition_days(editions, meeting_windows(registry), day=mention.day, weekday=mention.weekday,
                        keep=lambda day: _held(officials, day))
    return fits[0] if len(fits) == 1 else None


# days: "new in post" ("nouveau ministre", "就任後初めて") reads as the first month of a term
_NEW_POST_REACH = 31
# days: "outgoing" reads as the last months of a term (an election to the handover)
_LEAVING_REACH = 120


def _day_in_new_post(text: str, sentences: list[Sentence], search: list[int], officials: list,
                     words: dict) -> dt.date | None:
    """"lundi ... avec M. Wang Yi, nouveau ministre chinois des Affaires étrangères", "9日、就任後初めて
    ... 電話会談した": an opening that says a party is new in post (``[dates] took_office``) and
    dates the encounter by a day of the month or a weekday alone is dated on the first such day
    after one of the named officials' terms began (within a month), when exactly one such day
    finds everyone named in the posts the readout gives them (the registry knowing all their terms)."""
    cues = [c.casefold() for c in words.get("dates", {}).get("took_office", [])]
    if not cues or not officials or not any(c in sentences[i].text.casefold() for i in search for c in cues):
        return None
    mention = None
    for i in search:
        found = find_dates(text, words, sentences[i].start, sentences[i].end)
        if any(m.month or m.year for m in found):
            return None  # a month written: the day is read against it, not against a term
        mention = next((m for m in found if m.day or (m.weekday is not None and m.offset_days is None)), None)
        if mention is not None:
            break
    if mention is None:
        return None
    fits = set()
    for entry, roles in officials:
        for held, start, _ in entry.offices:
            if roles and held not in roles:
                continue
            for n in range(_NEW_POST_REACH):
                day = start + dt.timedelta(days=n)
                if (mention.day is None or day.day == mention.day) and \
                        (mention.weekday is None or day.weekday() == mention.weekday):
                    if _held(officials, day):
                        fits.add(day)
                    break
    return fits.pop() if len(fits) == 1 else None


def _took_office(text: str, words: dict, cues: str = "took_office") -> bool:
    """Whether the page says someone just took up their post (``[dates] took_office``), or
    is about to leave it (``leaving_office``)."""
    folded = text.casefold()
    return any(cue.casefold() in folded for cue in words.get("dates", {}).get(cues, []))


def _held(officials: list, day: dt.date, elect: bool = False) -> bool:
    """Whether every official whose terms the registry knows held the posts the readout gives
    them (any post when it gives none) on ``day``; on a page that names a post won but not yet
    taken (``elect``), also whether they took it up within ``_ELECT_REACH`` days after it."""
    return all(all(_holds(entry, role, day, elect) for role in roles) if roles else _holds(entry, None, day, elect)
               for entry, roles in officials)


def _holds(entry, role: str | None, day: dt.date, elect: bool) -> bool:
    """Whether ``entry`` held ``role`` on ``day`` or, when ``elect``, was about to take it up."""
    if entry.held_on(day, role):
        return True
    return elect and any((role is None or held == role) and day < start <= day + dt.timedelta(days=_ELECT_REACH)
                         for held, start, _ in entry.offices)


def _years_written(text: str, sentences: list[Sentence], at: int, until: dt.date) -> list[int]:
    """The years written in the paragraph holding ``text[at]`` ("2024年, 我们3次会晤")."""
    paragraph = next((s.paragraph for s in sentences if s.start <= at < s.end), None)
    if paragraph is None:
        return []
    return [int(y) for s in sentences if s.paragraph == paragraph
            for y in _FULL_YEAR.findall(text, s.start, s.end) if 1950 <= int(y) <= until.year]


def day_by_written_years(text: str, words: dict, month: int, day: int) -> dt.date | None:
    """"On December 24, ... the meeting held on December 15, 2021": a year-less day on a page
    with no date of its own lies in the one year of the full dates the text writes, when it
    falls on or after all of them (a report looks back on those); else nothing is inferred.
    A file photo's caption ("资料图片：2011年1月19日……", "File photo of ...") shows another
    day, perhaps years before: its dates count for nothing."""
    full = [m for m in find_dates(_without_file_photos(text, words), words) if m.absolute and m.year and m.month and m.day]
    years = {m.year for m in full}
    if len(years) != 1:
        return None
    try:
        found = dt.date(years.pop(), month, day)  # type: ignore[arg-type]
        written = [dt.date(m.year, m.month, m.day) for m in full]  # type: ignore[arg-type]
    except ValueError:
        return None
    return found if all(found >= w for w in written) else None


def _without_file_photos(text: str, words: dict) -> str:
    """``text`` with every line that a caption's opening words open (``[caption] opens``: "File
    photo", "Photo d'archives", "资料图片") blanked, offsets kept."""
    opens = tuple(w.casefold() for w in words.get("caption", {}).get("opens", []))
    if not opens:
        return text
    return "".join(" " * len(line.rstrip("\n")) + line[len(line.rstrip("\n")):]
                   if line.lstrip().casefold().startswith(opens) else line for line in text.splitlines(keepends=True))

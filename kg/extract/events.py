"""The encounter: its type (the medium wins), its day, its participants."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from kg.extract.dates import DateMention, apposed_days, cjk_filed, find_dates, resolve
from kg.extract.layout import STAMP
from kg.extract.years import DATELINE_HEAD, DATELINE_PIECE, day_by_offices, day_by_written_years
from kg.extract.persons import Mention, PersonRecord, accompanied, attends_other
from kg.knowledge.matcher import Match, within
from kg.model import Event, Participant, Span
from kg.knowledge.registry import Registry
from kg.text import Sentence

__all__ = ["find_event", "TYPE_PRIORITY", "occasion_clauses", "cue_memo"]

# When several cues appear, the medium of a call wins, then the more specific encounter.
TYPE_PRIORITY = ("video_call", "phone_call", "talks", "meeting", "message", "visit")


# ``[events] generic``: a noun any encounter goes by (French "entretien" heads the ministry's
# account of a meeting, of talks or of a call alike); talks only when nothing more specific is said.
_GENERIC = "generic"
_FILED_BEFORE = 3  # days: an agency's copy goes up on a site that soon after its dateline


class _CueMemo:
    """The cues already read from one readout's sentences (see cue_memo): held only while that
    readout's encounters are found, and served only for its own text, matches and words, which
    it holds, so no answer can reach another document."""

    def __init__(self, text: str, matches: list[Match], words: dict) -> None:
        self.text, self.matches, self.words = text, matches, words
        self.found: dict[tuple, tuple[str, ...]] = {}


_MEMO: ContextVar[_CueMemo | None] = ContextVar("cue_memo", default=None)


@contextmanager
def cue_memo(text: str, matches: list[Match], words: dict) -> Iterator[None]:
    """Within the block, a sentence's cues are read once: the several-encounter rules ask the
    same sentences again and again."""
    token = _MEMO.set(_CueMemo(text, matches, words))
    try:
        yield
    finally:
        _MEMO.reset(token)


def _cues(matches: list[Match], sentence: Sentence, text: str = "", words: dict | None = None,
          persons: list[Mention] | None = None) -> list[str]:
    """The cues of a sentence (see _read_cues), read once per sentence inside cue_memo. The answer
    depends on the sentence and on where its persons stand; on nothing else of the mentions."""
    memo = _MEMO.get()
    if memo is None or matches is not memo.matches or text is not memo.text or words is not memo.words:
        return _read_cues(matches, sentence, text, words, persons)
    key = (sentence, tuple(m.start for m in persons or [] if m.kind == "person"))
    found = memo.found.get(key)
    if found is None:
        found = memo.found[key] = tuple(_read_cues(matches, sentence, text, words, persons))
    return list(found)  # a caller may add to its list


def _read_cues(matches: list[Match], sentence: Sentence, text: str = "", words: dict | None = None,
               persons: list[Mention] | None = None) -> list[str]:
    """The encounter cues of a sentence; those naming the occasion it took place at ("La rencontre
    a eu lieu à l'occasion de la 4e ronde du dialogue stratégique", "正在巴黎举行磋商的王毅会见")
    only when the sentence says nothing else: the encounter's own verb wins over the occasion's
    name. An occasion clause that names a participant ("during his talks with Secretary Blinken",
    "lors d'un entretien avec son homologue") is the encounter itself."""
    found = [m for m in within(matches, sentence.start, sentence.end)
             if m.kind.startswith("event.") and m.kind.split(".", 1)[1] in TYPE_PRIORITY + (_GENERIC,)]
    found += [Match(m.start, m.end, "event.meeting", m.value, m.text) for m in _calls_on(matches, sentence, text)]
    occasions = [(a, b) for a, b in (_occasions(text, sentence, words) if words else [])
                 if not any(a <= m.start < b for m in persons or [] if m.kind == "person")
                 and not _names_counterpart(text[a:b], words)]
    if words:
        found = [m for m in found if not _planned(text, m.start, words, m.end)]
    own = [m for m in found if m.kind.split(".", 1)[1] in _MEDIA
           or not any(a <= m.start and m.end <= b for a, b in occasions)]
    return [m.kind.split(".", 1)[1] for m in (own or found)] + (_gapped_cues(text, sentence, words) if words else []) \
        + (_phoned(matches, sentence, text, words) if words else [])


def _calls_on(matches: list[Match], sentence: Sentence, text: str) -> list[Match]:
    """The ``[events] call_on`` verbs of a sentence that stand right before a title or a known
    name ("called on Prime Minister X", "called on the President"): a courtesy call. Before
    anything else ("called on all parties to ...") they urge, and are no encounter."""
    inside = within(matches, sentence.start, sentence.end)
    found = []
    for m in inside:
        if m.kind != "event.call_on":
            continue
        gap = re.match(r"\s+(?:the\s+|his\s+|her\s+)?", text[m.end:sentence.end], re.IGNORECASE)
        at = m.end + (gap.end() if gap else 0)
        if any(x.start == at and x.kind in ("title", "person", "adj") for x in inside):
            found.append(m)
    return found


def _phoned(matches: list[Match], sentence: Sentence, text: str, words: dict) -> list[str]:
    """``["phone_call"]`` when a verb of ``[phone_to] verbs`` stands right before the one called,
    a dated aside or an article between ("X a appelé, ce 12 mai, Son Excellence Y"): calling
    someone is phoning them. Urging ("a appelé le président à cesser ...": a mark of ``urged``
    before an infinitive, by ``endings``) is no call."""
    table = words.get("phone_to", {})
    verbs = table.get("verbs", [])
    if not verbs:
        return []
    chunk = text[sentence.start:sentence.end]
    inside = within(matches, sentence.start, sentence.end)
    targets = {x.start for x in inside if x.kind in ("title", "person", "adj", "honorific")}
    articles = _called_articles(tuple(table.get("articles", [])))
    for verb in _word_pattern(tuple(verbs)).finditer(chunk):
        aside = _CALLED_ASIDE.match(chunk, verb.end())
        article = articles.match(chunk, aside.end())
        at = next((a for a in (aside.end(), article.end()) if sentence.start + a in targets), None)
        if at is None:
            continue
        rest = chunk[at:]
        # the infinitive right after the mark or one word on ("à renforcer", "à ne pas céder")
        urged = [w for m in table.get("urged", []) for pair in
                 re.findall(rf"(?<!\w){re.escape(m)}\s+(\w+)(?:\s+(\w+))?", rest, re.IGNORECASE) for w in pair]
        if not any(w.casefold().endswith(tuple(table.get("endings", []))) for w in urged):
            return ["phone_call"]
    return []


# what may stand between a verb of calling and the one called: a dated aside set off by commas,
# then an article or a possessive of ``[phone_to] articles`` ("a appelé, ce 12 mai 2017, Son
# Excellence", "a appelé son homologue", "llamó a su homólogo")
_CALLED_ASIDE = re.compile(r"(?:\s*,[^,.;:]{1,40},)?\s*")


@lru_cache(maxsize=16)
def _called_articles(articles: tuple[str, ...]) -> re.Pattern[str]:
    """An optional article before the one called: a word of the list and a space, or one
    ending in an apostrophe glued to the next word ("l'")."""
    spaced = [re.escape(a) for a in articles if not a.endswith(("'", "’"))]
    glued = [re.escape(a) for a in articles if a.endswith(("'", "’"))]
    forms = ([rf"(?:{'|'.join(spaced)})\s+"] if spaced else []) + glued
    return re.compile(rf"(?:{'|'.join(forms)})?" if forms else "", re.IGNORECASE)


@lru_cache(maxsize=16)
def _word_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _planned(text: str, at: int, words: dict, end: int | None = None) -> bool:
    """Whether the cue at ``text[at:end]`` names an encounter planned, not the one reported
    (ANNOTATION.md §1: the encounter that took place): it follows a word of ``[future]
    auxiliaries`` ("qui sera reçu en février", "will meet next week") or of ``[future] ahead``
    ("in advance of the meeting", "ahead of their talks"), with at most one word between, or
    a word of ``[future] after`` follows it within three words ("the meeting in Geneva
    tomorrow", "о встрече в ближайшее время")."""
    table = words.get("future", {})
    before = text[max(0, at - 40):at]
    for key in ("auxiliaries", "ahead"):
        phrases = table.get(key, [])
        if phrases and _future_pattern(tuple(phrases)).search(before):
            return True
    later = table.get("after", [])
    if later and end is not None:
        return bool(_later_pattern(tuple(later)).match(text, end, min(len(text), end + 60)))
    return False


@lru_cache(maxsize=16)
def _future_pattern(auxiliaries: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(auxiliaries, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\s+(?:\w+\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=16)
def _later_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Up to three words (no clause mark between) and then a word that puts the cue ahead."""
    alternatives = "|".join(re.escape(w) for w in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\s*(?:[^\W\d]+\s+){{0,3}}?(?:{alternatives})(?!\w)", re.IGNORECASE)


def _titled_call(text: str, sentence: Sentence, words: dict) -> list[str]:
    """``["phone_call"]`` when a title line's noun of ``[events] titled_call``, written with its
    capital ("Readout of Secretary X and Minister Y Call on September 11, 2013", "... Call"),
    ends the headline or stands right before its day: a call named so is a phone call (one on
    a person is a courtesy call, one for something an appeal: neither ends the line nor dates it)."""
    nouns = words.get("events", {}).get("titled_call", [])
    if not nouns:
        return []
    for m in re.finditer(rf"(?<!\w)(?:{'|'.join(map(re.escape, nouns))})(?!\w)", text[sentence.start:sentence.end]):
        at = sentence.start + m.end()
        rest = text[at:sentence.end]
        if not rest.strip(" .:-–—"):
            return ["phone_call"]
        gap = re.match(r"\s+(?:on\s+)?", rest)
        if gap and any(d.start == at + gap.end() and d.absolute for d in find_dates(text, words, at, sentence.end)):
            return ["phone_call"]
    return []


def _gapped_cues(text: str, sentence: Sentence, words: dict) -> list[str]:
    """Cues a day splits ("spoke on Wednesday (Sep 10) with", "spoke today to"): the two parts
    of a ``[cue_gaps]`` pair with nothing between but date mentions, brackets, commas and
    the table's ``fillers`` ("on")."""
    table = words.get("cue_gaps", {})
    found = []
    fillers = {w.casefold() for w in table.get("fillers", [])}
    for kind, pairs in table.items():
        if kind not in TYPE_PRIORITY:  # "fillers"
            continue
        for head, tail in pairs:
            regex = rf"(?<!\w){re.escape(head)}(?!\w)(.{{1,40}}?)(?<!\w){re.escape(tail)}(?!\w)"
            for m in re.finditer(regex, text[sentence.start:sentence.end], re.IGNORECASE):
                a, b = sentence.start + m.start(1), sentence.start + m.end(1)
                dates = find_dates(text, words, a, b)
                rest = "".join(text[a:b][i] for i in range(b - a)
                               if not any(d.start <= a + i < d.end for d in dates))
                if dates and all(w.casefold() in fillers for w in re.findall(r"\w+", rest)):
                    found.append(kind)
    return found


def _occasions(text: str, sentence: Sentence, words: dict) -> list[tuple[int, int]]:
    """Spans of the sentence that name the occasion of an encounter: from a word of ``[occasion]
    opens`` ("à l'occasion de", "as part of", "正在") to the end of its clause (a word of ``closes``
    — "的", "期间" — or a comma, semicolon or the end of the sentence)."""
    table = words.get("occasion", {})
    opens = table.get("opens", [])
    if not opens:
        return []
    closes = table.get("closes", [])
    chunk = text[sentence.start:sentence.end]
    folded = chunk.casefold()
    spans = []
    for regex in _occasion_patterns(tuple(opens)):
        for m in regex.finditer(folded):
            end = len(chunk)
            for mark in [",", ";", "，", "；", "、", ":"] + list(closes):
                at = folded.find(mark.casefold(), m.end())
                if at != -1:
                    end = min(end, at)
            spans.append((sentence.start + m.start(), sentence.start + end))
    return spans


def occasion_clauses(text: str, start: int, end: int, words: dict) -> list[str]:
    """The clauses of the sentence ``text[start:end]`` that name the occasion of an encounter
    (:func:`_occasions`), for encounter resolution (kg.extract.hints)."""
    return [text[a:b] for a, b in _occasions(text, Sentence(start, end, text[start:end], 0), words)]


@lru_cache(maxsize=16)
def _occasion_patterns(opens: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(re.escape(w.casefold()) if any("\u3400" <= c <= "\u9fff" for c in w)
                       else r"(?<!\w)" + re.escape(w.casefold()) + r"(?!\w)") for w in opens]


_ENVOY_OF = re.compile(r"(?:envoy|representative|envoy[ée]e? sp[ée]ciale?|repr[ée]sentante? sp[ée]ciale?|enviad[oa] especial|"
                       r"representante especial)\s+(?:of|du|de|del|de la)\s+(?:the\s+|la\s+|le\s+|el\s+)?"
                       r"(?:\w+\s+){0,2}$", re.IGNORECASE)


def _reporter(person: PersonRecord, words: dict) -> bool:
    """Whether an official is named only by titles of those who report ("spokesperson")."""
    reporting = [w.casefold() for w in words.get("names", {}).get("reporting_titles", [])]
    titles = [t.casefold() for t in person.roles.values()]
    return bool(reporting and titles) and all(any(w in t for w in reporting) for t in titles)


def _sender(text: str, mention: Mention, people: dict[str, PersonRecord] | None = None) -> bool:
    """"President Xi Jinping's Special Representative", "习近平主席特使", "l'Envoyé spécial du
    Président Xi": the leader named is who sent the participant, not a participant."""
    after = text[mention.end:mention.end + 6]
    if after.startswith(("'s", "’s")):
        return True
    # German genitive before its noun, as "'s" above: "nach Donald Trumps Amtseinführung"
    person = people.get(mention.person) if people and mention.person else None
    if person is not None and text[mention.end - 1:mention.end] == "s" and not person.name.endswith("s") \
            and re.match(r" [A-ZÄÖÜ][a-zäöüß]", after):
        return True
    if re.match(r"\s*(?:主席|总统|總統)?(?:的)?(?:特使|特别代表|特別代表)", after):
        return True
    return bool(_ENVOY_OF.search(text[max(0, mention.start - 60):mention.start]))


def _aside(text: str, sentence: Sentence, matches: list[Match], words: dict) -> tuple[int, int] | None:
    """Where a clause that only dates or explains the encounter stands in the lead ("agreed in
    phone talks Thursday ... after Fumio Kishida became prime minister"): from the first word
    of ``[names] aside_clauses`` after the first encounter cue to the next comma or semicolon
    (or the sentence's end); None when there is none."""
    openers = sorted({w.casefold() for w in words.get("names", {}).get("aside_clauses", [])}, key=len, reverse=True)
    cues = [m for m in within(matches, sentence.start, sentence.end) if m.kind.split(".", 1)[-1] in TYPE_PRIORITY]
    if not openers or not cues:
        return None
    after_cue = min(m.end for m in cues)
    found = re.search(r"(?<![\w])(?:" + "|".join(map(re.escape, openers)) + r")(?![\w])",
                      text[after_cue:sentence.end], re.IGNORECASE)
    if not found:
        return None
    start = after_cue + found.start()
    stop = re.search(r"[,;，；]", text[start:sentence.end])
    return start, start + stop.start() if stop else sentence.end


def _states(found: list[Mention], people: dict[str, PersonRecord]) -> set[str]:
    """The states of the officials a sentence names."""
    return {people[m.person].country for m in found
            if m.kind == "person" and m.person in people and people[m.person].country}


def _choose_type(headline_cues: list[str], lead_cues: list[str]) -> str | None:
    every = set(headline_cues) | set(lead_cues)
    for medium in ("video_call", "phone_call"):
        if medium in every:
            return medium
    # "Hu Jintao trifft Köhler" over "... ist mit Köhler zu Gesprächen zusammengekommen": a
    # headline's verb is the short one; a lead that speaks only of talks says what it was
    if {c for c in lead_cues if c in ("talks", "meeting")} == {"talks"}:
        return "talks"
    for cues in (headline_cues, lead_cues):
        encounter = [c for c in cues if c in ("talks", "meeting")]
        if encounter:
            return min(encounter, key=TYPE_PRIORITY.index)
    if _GENERIC in every:  # "Entretien de X avec Y" over a lead that says what it was
        return "talks"
    for cues in (headline_cues, lead_cues):
        if cues:
            return min(cues, key=TYPE_PRIORITY.index)
    return None


def as_participant(person: PersonRecord) -> Participant:
    """A participant of an encounter as the document's person record gives them (copies of
    its roles and their evidence, so one encounter's participant never changes another's)."""
    return Participant(name=person.name, country=person.country, roles=dict(person.roles), qid=person.qid,
                       evidence=person.first, role_evidence=dict(person.role_spans), written=person.written)


def find_event(text: str, sentences: list[Sentence], matches: list[Match], mentions: dict[int, list[Mention]],
               people: dict[str, PersonRecord], words: dict, published: dt.date | None,
               year_anchor: dt.date | None = None, registry: Registry | None = None,
               home: str | None = None, copy_day: tuple[int, int] | None = None,
               address: tuple[dt.date, dt.date] | None = None) -> Event | None:
    """The one encounter of the readout, or None when the text reports none; ``copy_day`` is the
    month and day of a year-less page stamp (the day the copy was filed); ``address`` the days
    the page's address puts a partial date in (kg.extract.dates.address_span)."""
    headline = 0 if sentences and sentences[0].paragraph == -1 else None
    body = [i for i in range(len(sentences)) if sentences[i].paragraph >= 0]
    # a photo caption ("X meets with Y ... on Jul 11, 2025. (Photo: ...)") is no lead while the
    # text has another: it may show an earlier encounter than the one reported
    captions = _captions(text, sentences, words)
    pool = [i for i in body if i not in captions][:6] or body[:6]
    lead = None
    for i in pool:
        has_person = any(m.kind == "person" for m in mentions[i])
        if has_person and (_cues(matches, sentences[i], text, words, mentions[i]) or any(d.absolute or d.weekday is not None or d.offset_days is not None or d.day for d in find_dates(text, words, sentences[i].start, sentences[i].end))):
            lead = i
            break
    dated = None  # a lead given up for the next sentence still gives the day
    if lead is not None and not _cues(matches, sentences[lead], text, words, mentions[lead]) \
            and len(_states(mentions[lead], people)) >= 2:
        # "Wang Yi a dénoncé vendredi ... Donald Trump. Lors de sa rencontre avec son homologue
        # iranien X, ...": a dated sentence naming officials of two states and no encounter
        # yields to the next that names an encounter and officials of two states
        for i in [i for i in pool if i > lead][:2]:
            if _cues(matches, sentences[i], text, words, mentions[i]) and len(_states(mentions[i], people)) >= 2:
                lead, dated = i, lead
                break
    if lead is None:
        lead = next((i for i in pool if any(m.kind == "person" for m in mentions[i])), body[0] if body else headline)
    if lead is None:
        return None
    headline_cues = _cues(matches, sentences[headline], text, words, mentions[headline]) + _titled_call(
        text, sentences[headline], words) if headline is not None else []
    lead_cues = _cues(matches, sentences[lead], text, words, mentions[lead])
    if sentences[lead].text.rstrip()[-1:] not in ".!?。！？":  # a title line read as the lead
        lead_cues += _titled_call(text, sentences[lead], words)
    event_type = _choose_type(headline_cues, lead_cues)
    # news copy often names the medium only after the lead ("Wang stressed ... During a phone
    # call with ..."): the next sentences of the opening say what the encounter was
    if event_type is None:
        # or a sentence of the opening above the lead that names its officials only by title ("Le
        # chef de l'État sénégalais a eu un échange téléphonique avec son homologue turc")
        event_type = _choose_type([], [c for i in [i for i in pool if i < lead] + [i for i in body if i > lead][:4]
                                       for c in _cues(matches, sentences[i], text, words, mentions[i])])
    elif event_type == "visit":
        # "X a entamé une visite ... Au cours de la visite, X s'est entretenu avec Y": a visit with
        # its own meeting or talks is that encounter (ANNOTATION.md §1)
        held = [c for i in [lead] + [i for i in body if i > lead][:2] for c in _cues(matches, sentences[i], text, words, mentions[i])
                if c in ("talks", "meeting", _GENERIC) and (any(m.kind == "person" for m in mentions[i])
                                                            or _names_counterpart(sentences[i].text, words)
                                                            or _both_sides_held(matches, sentences[i]))]
        if held:
            event_type = min((c for c in held if c != _GENERIC), key=TYPE_PRIORITY.index, default="talks")
    if event_type == "meeting" and "talks" not in lead_cues:
        # "X traf heute Y. Im Zentrum der Gespräche standen ...": the next sentence of the lead's
        # paragraph, naming no one, says what the meeting was
        after = [i for i in body if i > lead][:1]
        for i in after:
            cues = [c for c in _cues(matches, sentences[i], text, words, mentions[i]) if c in TYPE_PRIORITY]
            if sentences[i].paragraph == sentences[lead].paragraph and cues and set(cues) == {"talks"} \
                    and not any(m.kind == "person" for m in mentions[i]):
                event_type = "talks"
    if event_type in ("meeting", "visit", "talks"):
        # "X held talks with Y ... During the phone call, ...": talks the next sentences hold by
        # phone or video are that call (a medium is the most specific type, TYPE_PRIORITY)
        held = _their_encounter(text, [sentences[i] for i in [lead] + [i for i in body if i > lead][:3]], words,
                                matches if event_type == "talks" else None)
        if held is not None and (event_type != "talks" or held in _MEDIA):
            event_type = held
    # participants: officials named in the headline and the lead, and those said to attend
    keys: list[str] = []
    aside = _aside(text, sentences[lead], matches, words)
    for i in ([headline] if headline is not None else []) + [lead]:
        for m in mentions[i]:
            if i == lead and aside is not None and aside[0] <= m.start < aside[1]:
                continue  # "... after Fumio Kishida became prime minister this week"
            if m.kind == "person" and m.person not in keys and not _sender(text, m, people) \
                    and not accompanied(text, m, words, people):
                keys.append(m.person)  # type: ignore[arg-type]
    # "Le président est attendu en Chine, où il se rend, accompagné de ...": attendance said of
    # a visit or a medium other than the encounter's is that one's ("王毅等出席会晤" is this one's)
    present_sentences = [i for i in body if any(
        x.kind == "event.present" and not attends_other(text, x) for x in within(matches, sentences[i].start, sentences[i].end))
        and not _attended_elsewhere(event_type, _cues(matches, sentences[i], text, words, mentions[i]))]
    for i in present_sentences:
        for m in mentions[i]:
            if m.kind == "person" and m.person not in keys and not _sender(text, m, people) \
                    and not accompanied(text, m, words, people):
                keys.append(m.person)  # type: ignore[arg-type]
    # a counterpart named only in the next sentences ("Au cours de la visite, M. Deng a eu un
    # échange avec la Ministre ...")
    if len({people[k].country for k in keys if people[k].country}) < 2:
        known = {people[k].country for k in keys}
        # or in a sentence above the lead that names a participant with them ("X et son homologue
        # chinois, Wang Yi se sont félicités ... Lors de la visite qu'effectue M. X ... du 19 au 21 mars")
        above = [i for i in pool if i < lead and any(m.kind == "person" and m.person in keys for m in mentions[i])]
        # or further on, in a sentence that names them with one of the lead's officials ("X vient
        # d'effectuer une visite en Chine ... [a paragraph later] X et le ministre chinois Y ont annoncé")
        beyond = [i for i in body if i > lead][3:8]
        beyond = [i for i in beyond if any(m.kind == "person" and m.person in keys for m in mentions[i])]
        for i in above[::-1] + [i for i in body if i > lead][:3] + beyond:
            newcomers = [m.person for m in mentions[i] if m.kind == "person" and m.person not in keys
                         and people[m.person].country and people[m.person].country not in known]
            if newcomers:
                keys.extend(dict.fromkeys(newcomers))
                break
    # "外交部发言人毛宁表示, 王毅同布林肯通电话": a spokesperson reporting an encounter of two
    # other parties takes no part in it (one who meets someone does)
    reporters = [k for k in keys if _reporter(people[k], words)]
    if reporters and len({people[k].country for k in keys if k not in reporters and people[k].country}) >= 2:
        keys = [k for k in keys if k not in reporters]
    if event_type is None:
        if len(keys) < 2:
            return None
        event_type = "meeting"
    # the day: from the lead, else the headline, else the first paragraph
    day = None
    inferred = False
    following = [i for i in body if i > lead and i not in captions][:3]
    # "Москва. 15 февраля. INTERFAX.RU – Глава МИД ...": a dateline cut off as sentences of
    # its own right before the lead, in the same paragraph
    dateline = [i for i in body if i < lead and sentences[i].paragraph == sentences[lead].paragraph
                and len(sentences[i].text) <= DATELINE_PIECE][-2:]
    opening = [lead] + dateline[::-1] + ([dated] if dated is not None else []) + ([headline] if headline is not None else [])
    # the caption's day is the encounter's only when the text gives none of its own
    search = opening + following + [i for i in body if i in captions and i not in opening]
    by_offices = None
    if published is None and year_anchor is None and registry is not None:
        # "BEIJING, Oct. 28 (Xinhua)" and no year anywhere: the one year in which everyone
        # named held the post the readout gives them
        # the day may come in the next sentences ("« Dans la soirée du 19 septembre, le président
        # Xi Jinping s'entretient ... »"), when they name no one but the participants
        by_offices = day_by_offices(text, sentences, opening + [
            i for i in following if not _other_encounter(event_type, _cues(matches, sentences[i], text, words, mentions[i]))
            and not _previous_contact(matches, sentences[i])
            and all(m.person in keys for m in mentions[i] if m.kind == "person")] + [
            i for i in body if i > lead and i not in following and _this_day(text, sentences[i], words)],
            keys, people, registry, words, copy_day)
        if by_offices is not None and address is not None and not _plausible(by_offices, address[1]):
            by_offices = None  # the page's address, its own stamp, says the year is another
        published = by_offices
    # "(中央社华盛顿14日路透电)...今天": a Chinese lead's relative days count from its dateline's day
    published = cjk_filed(text, words, sentences[lead].start, sentences[lead].end, published) or published
    for i in search:
        if i in following and _other_encounter(event_type, _cues(matches, sentences[i], text, words, mentions[i])):
            continue  # "7 августа Лавров провел телефонный разговор с Ван И": an earlier call's day
        if i in following and _previous_contact(matches, sentences[i]):
            continue  # "В последний раз стороны общались 12 февраля": the earlier contact's day
        found = find_dates(text, words, sentences[i].start, sentences[i].end)
        dateline = _dateline(text, sentences[i], found)
        if dateline is not None:
            # "La Paz, 18 de agosto de 2021 (Cancillería).- ... recibió este martes": the
            # dateline is the publication; the encounter is the other date, read against it
            # "PÉKIN, 5 avril (Reuters)" on a page stamped "2023-04": the stamp's month gives the year
            published = published or resolve(dateline, None) or (resolve(dateline, year_anchor) if year_anchor else None) \
                or _by_address(dateline, address)
            if published is not None and dateline.year is None:
                # "BEIJING, 30 nov (Xinhua) -- ... ayer" on a page stamped the next morning: the
                # copy's day, a few days before the page went up, is the one "ayer" counts from
                filed = resolve(dateline, published) or published
                published = filed if 0 <= (published - filed).days <= _FILED_BEFORE else max(published, filed)
            found = [m for m in found if m is not dateline] or [dateline]
        elif i == lead and _dateline_head(text, sentences[i], found):
            # "TEHRAN, Dec. 14 (MNA) – X held a phone call with Y. In the phone call, which took
            # place on Monday afternoon, ...": a lead dated by its dateline alone, the day a
            # later sentence naming this encounter gives is read against the copy's day
            filed = resolve(found[0], published) or (resolve(found[0], year_anchor) if year_anchor else None) \
                or _by_address(found[0], address)
            own = _own_relative_day(text, sentences, following, matches, mentions, words, event_type)
            day = resolve(own, filed) if own is not None and filed is not None else None
            if day is not None and _plausible(day, filed) and (
                    not own.absolute or 0 <= (filed - day).days <= _WRITTEN_BEFORE_FILED):
                break
            day = None
        # a stamp ("2024-08-13") is the page's date, not the encounter's; a full date before a
        # relative one ("Today, 5 May 2024, ...")
        # "(18 janvier 1950 - 18 janvier 2022)": the ends of a span of years are no encounter's day
        spans = {id(m) for a, b in zip(found, found[1:]) if a.year and b.year
                 and re.fullmatch(r"\s*[-–—]\s*", text[a.end:b.start]) for m in (a, b)}
        # "hier 02 février": the written day, not the one "hier" counts from the page's date
        spans |= apposed_days(text, found)
        found = sorted((m for m in found if not STAMP.fullmatch(text, m.start, m.end) and id(m) not in spans),
                       key=lambda m: (not (m.absolute and m.year), m.start))
        for mention in found:
            day = resolve(mention, published)
            if day is None and year_anchor is not None and (mention.absolute or (
                    mention.day and mention.month is None and mention.year is None)):
                # the year of a month-only stamp; "9日" under "2024-10" is a day of that month
                day = resolve(mention, year_anchor)
            if day is None and published is None and year_anchor is None and i in opening and \
                    mention.absolute and mention.month and mention.day:
                day = day_by_written_years(text, words, mention.month, mention.day)
            if day is None and published is None and year_anchor is None:
                day = _by_address(mention, address)  # "1日", "ce 15 octobre" on a page whose address says when
            if day is not None and not _plausible(day, published or year_anchor):
                day = None  # an anniversary's founding date, a typo ("le 25 juin 1818")
            if day is not None and i in captions and i not in opening and \
                    not _on_named_weekday(text, sentences, opening + following, words, day):
                day = None
            if day is not None and event_type == "visit":
                day = _span_start(text, mention.start, day, words)
            if day is not None:
                break
        if day is not None:
            break
    if day is None:  # kept all the same: the publication date stands in, or the encounter is undated
        day, inferred = published, True
    inferred = inferred or by_offices is not None
    participants = []
    for key in keys:
        person = people[key]
        if not person.country:
            continue
        participants.append(as_participant(person))
    if registry is not None and len({p.country for p in participants}) < 2 and (day or published):
        participants += _named_by_title(text, sentences, [i for i in (headline, lead) if i is not None], mentions,
                                        participants, registry, home, day or published)
    if not participants:
        return None  # an encounter cue with nobody named is not a readout of one
    if event_type in ("visit", "talks") and _envoy_call(participants):
        event_type = "meeting"
    requested_by = None
    for m in matches:
        if m.kind == "event.request" and sentences[lead].start <= m.start < sentences[lead].end:
            after = [x for x in mentions[lead] if x.start >= m.end and x.kind in ("person", "state")]
            if after and after[0].codes and after[0].codes[0]:
                requested_by = after[0].codes[0]
            break
    evidence = Span(sentences[lead].start, sentences[lead].end)
    event = Event(event_type, day.isoformat() if day else None, inferred, participants, evidence, requested_by)
    return event


_MEDIA = ("phone_call", "video_call", "message")


def _envoy_call(participants: list[Participant]) -> bool:
    """"Am 7. September stattete Botschafter X Bundesrätin Y einen Besuch ab": a side that only
    an ambassador speaks for lives in the country already; its "visit" is a call on an official,
    a meeting (ANNOTATION.md §1 keeps `visit` for a journey); its "talks" ("s'est entretenu avec
    l'Ambassadeur de Turquie") are an audience, a meeting too."""
    sides: dict[str, list[Participant]] = {}
    for p in participants:
        sides.setdefault(p.country, []).append(p)
    return len(sides) >= 2 and any(all(set(p.roles) == {"ambassador"} for p in side) for side in sides.values())


def _attended_elsewhere(event_type: str | None, cues: list[str]) -> bool:
    """Whether an attendance sentence names a visit or medium that is not the encounter's."""
    return bool(event_type) and event_type not in cues and any(c in _MEDIA + ("visit",) for c in cues)


def _captions(text: str, sentences: list[Sentence], words: dict) -> set[int]:
    """The sentences of photo captions: those a credit mark (``[caption] marks``: "(Photo:",
    "[Photo: Xinhua]") closes in their paragraph — the text after the credit is the article's —,
    every sentence of a paragraph above a short credit line of its own ("Crédit Photo : ... / AFP"),
    and every sentence of a paragraph that a caption's opening words open (``[caption] opens``:
    "Photo d'archives de ...", "File photo of ...")."""
    marks = [m.casefold() for m in words.get("caption", {}).get("marks", [])]
    opens = tuple(m.casefold() for m in words.get("caption", {}).get("opens", []))
    if not marks and not opens:
        return set()
    paragraphs: dict[int, list[int]] = {}
    for index, sentence in enumerate(sentences):
        if sentence.paragraph >= 0:
            paragraphs.setdefault(sentence.paragraph, []).append(index)
    found: set[int] = set()
    for number, members in paragraphs.items():
        start, end = sentences[members[0]].start, sentences[members[-1]].end
        folded = text[start:end].casefold()
        if opens and folded.lstrip().startswith(opens):
            # "Photo montage de Joe Biden à Washington, le 6 novembre 2021, ...": a paragraph a
            # caption's own opening words open is the caption, whatever credit closes it
            found.update(members)
            continue
        at = min((folded.find(mark) for mark in marks if mark in folded), default=-1)
        if at < 0:
            continue
        if len(folded) < 80 and at == 0 and number - 1 in paragraphs:
            found.update(paragraphs[number - 1])  # a credit line of its own
        found.update(i for i in members if sentences[i].end <= start + at + 1
                     or len(sentences[i].text) < 80 and sentences[i].text.casefold().startswith(tuple(marks)))
    # a caption the page prints again under its credit line (the picture's alt text): the same
    # words, the same caption
    shown = {" ".join(sentences[i].text.split()) for i in found}
    found.update(i for i, sentence in enumerate(sentences)
                 if sentence.paragraph >= 0 and " ".join(sentence.text.split()) in shown)
    return found


def _names_counterpart(sentence: str, words: dict) -> bool:
    """"il a eu un entretien avec son homologue ivoirien", "held talks with his counterpart":
    the counterpart word (``[names] counterpart``) stands for the other party."""
    folded = sentence.casefold()
    for word in words.get("names", {}).get("counterpart", []):
        word = word.casefold()
        if any("\u3400" <= c <= "\u9fff" for c in word):
            if word in folded:
                return True
        elif re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", folded):
            return True
    return False


def _their_encounter(text: str, opening: list[Sentence], words: dict, matches: list[Match] | None) -> str | None:
    """The type a phrase of ``[their_encounter]`` gives in the lead or the next sentences ("Au
    cours de leur entretien téléphonique", "ils ont entamé leurs entretiens", "в ходе
    переговоров"): the encounter the two held, named with a possessive or as the one at hand,
    says what a visit or a meeting was; of talks (``matches`` given), so does a sentence whose
    subject is both sides and that says by what medium they spoke (``[their_encounter.by]``:
    "The two ministers spoke by phone", "双方通过电话", "Стороны по телефону обсудили"), naming
    no day of its own or an earlier contact (a meeting's lead says they met in person); the
    most specific one found wins (TYPE_PRIORITY)."""
    table = words.get("their_encounter", {})
    found = [kind for kind, phrases in table.items() if kind in TYPE_PRIORITY and phrases
             and any(_word_pattern(tuple(phrases)).search(text, s.start, s.end) for s in opening)]
    for kind, phrases in (table.get("by", {}) if matches is not None else {}).items():
        if kind in TYPE_PRIORITY and phrases and any(
                _medium_pattern(tuple(phrases)).search(text, s.start, s.end) and _both_sides_held(matches, s)
                and not _previous_contact(matches, s) and not find_dates(text, words, s.start, s.end)
                for s in opening):
            found.append(kind)
    return min(found, key=TYPE_PRIORITY.index) if found else None


@lru_cache(maxsize=64)
def _medium_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Phrases as words: bounded where they begin or end in a letter of a spaced script, not
    within Chinese or Japanese, which put no spaces between words ("双方通过电话就...")."""
    def bounded(phrase: str) -> str:
        before = "" if _unspaced(phrase[0]) else r"(?<!\w)"
        after = "" if _unspaced(phrase[-1]) else r"(?!\w)"
        return before + re.escape(phrase) + after
    return re.compile("|".join(bounded(p) for p in sorted(phrases, key=len, reverse=True)), re.IGNORECASE)


def _unspaced(char: str) -> bool:
    return "\u3040" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af"


def _both_sides_held(matches: list[Match], sentence: Sentence) -> bool:
    """"两国元首夫妇在宝蕴楼茶叙", "les deux ministres se sont entretenus": a sentence whose subject
    is both sides (``[actors] both_sides``) reports the encounter the two held, with no name."""
    return any(m.kind == "both" for m in within(matches, sentence.start, sentence.end))


def _previous_contact(matches: list[Match], sentence: Sentence) -> bool:
    """Whether a sentence speaks of an earlier contact ("В последний раз стороны общались 12
    февраля", "They last spoke on ..."): its date is that contact's (``[events] previous``)."""
    return any(m.kind == "event.previous" for m in within(matches, sentence.start, sentence.end))


def _other_encounter(event_type: str, cues: list[str]) -> bool:
    """Whether a sentence after the lead reports an encounter of another medium (a call beside
    a meeting, a visit beside a call): its date is that encounter's."""
    if not cues or event_type in cues:
        return False
    return event_type in _MEDIA or any(c in _MEDIA for c in cues)


def _named_by_title(text: str, sentences: list[Sentence], opening: list[int], mentions: dict[int, list[Mention]],
                    participants: list[Participant], registry: Registry, home: str | None,
                    day: dt.date) -> list[Participant]:
    """"The President spoke today with Prime Minister Cameron", "The Secretary-General met
    with ...": a title with no name in the opening, for the publisher's state or organisation
    (or the one the title names), is whoever held that post on the day — when the registry
    knows exactly one."""
    found: list[Participant] = []
    taken = {p.qid or p.name for p in participants}
    named = {code for sentence_mentions in mentions.values() for x in sentence_mentions
             if x.kind in ("state", "org") for code in x.codes if code}
    for i in opening:
        for m in mentions[i]:
            if m.kind != "title_ref" or not m.role:
                continue
            if m.codes and m.codes[0]:
                candidates = [m.codes[0]]
            else:  # the publisher's, else any state or organisation the page names
                candidates = [home] if home else sorted(named)
            candidates = [c for c in candidates if not any(p.country == c for p in participants + found)]
            roles = [role for role in m.role.split(",") if role]
            holders = sorted({index for country in candidates for role in roles
                              for index in registry.holders(country, role, day)})
            if len(holders) != 1:
                continue
            entry = registry.people[holders[0]]
            country = entry.country
            if (entry.qid or entry.name) in taken:
                continue
            held = [role for role in roles if entry.held_on(day, role)]
            span = Span(sentences[i].start, sentences[i].end)
            written = " ".join(text[m.start:m.end].split())
            found.append(Participant(name=entry.name, country=country, roles={role: written for role in held},
                                     qid=entry.qid, evidence=span, role_evidence={role: span for role in held}))
    return found


def _span_start(text: str, at: int, day: dt.date, words: dict) -> dt.date:
    """"une visite ... du 19 au 21 mars": a visit given as a span of days is dated its first day,
    the one written alone before the word (``[dates] span``) that joins it to the day at ``at``."""
    joins = words.get("dates", {}).get("span", [])
    if not joins:
        return day
    # the first day may carry the language's ordinal ending ("from 18th - 21st December")
    endings = sorted({".", "er", "e", *words.get("dates", {}).get("ordinal_suffixes", [])}, key=len, reverse=True)
    before = re.search(r"(?<!\d)(\d{1,2})(?:" + "|".join(map(re.escape, endings)) + r")?\s*(?:"
                       + "|".join(map(re.escape, joins)) + r")\s*$",
                       text[max(0, at - 16):at])
    if before is None or not 0 < int(before.group(1)) < day.day:
        return day
    return day.replace(day=int(before.group(1)))


def _by_address(mention: DateMention, address: tuple[dt.date, dt.date] | None) -> dt.date | None:
    """The day a partial date names, read against the last day its page's address allows,
    when it falls within what the address allows."""
    if address is None or not (mention.absolute or mention.day):
        return None
    day = resolve(mention, address[1])
    return day if day is not None and address[0] <= day <= address[1] else None


def _plausible(day: dt.date, published: dt.date | None) -> bool:
    """Whether ``day`` can be the day of an encounter reported on ``published``."""
    if day.year < 1950:
        return False
    return published is None or published - dt.timedelta(days=400) <= day <= published + dt.timedelta(days=3)




_WRITTEN_BEFORE_FILED = 7  # days before a dateline's that a later sentence's written day may be


def _dateline_head(text: str, sentence: Sentence, found: list) -> bool:
    """Whether the one date of a sentence is a news dateline opening it ("TEHRAN, Dec. 14 (MNA) –")."""
    return len(found) == 1 and found[0].absolute and found[0].start - sentence.start <= 45 and \
        bool(DATELINE_HEAD.match(text[sentence.start:found[0].start]))


def _own_relative_day(text: str, sentences: list[Sentence], following: list[int], matches: list[Match],
                      mentions: dict[int, list[Mention]], words: dict, event_type: str) -> object | None:
    """The first weekday or relative day ("on Monday afternoon") of a sentence after the lead
    that names the encounter by its own cue ("In the phone call, which took place ..."), or
    the day and month it writes ("En su mensaje fechado el 18 de mayo"): the copy is filed
    after the encounter, and says so."""
    for i in following:
        if _previous_contact(matches, sentences[i]) or \
                event_type not in _cues(matches, sentences[i], text, words, mentions[i]):
            continue
        found = find_dates(text, words, sentences[i].start, sentences[i].end)
        written = [m for m in found if m.absolute and m.year is None]
        if written:
            return written[0]
        if any(m.absolute for m in found):
            return None  # a day of its own: the usual reading takes it
        relative = [m for m in found if m.weekday is not None or m.offset_days is not None]
        if relative:
            return relative[0]
    return None


def _on_named_weekday(text: str, sentences: list[Sentence], opening: list[int], words: dict, day: dt.date) -> bool:
    """"Joe Biden et Xi Jinping ont effectué, lundi soir, ..." under a caption "le 6 novembre
    2021" (a Saturday): whether ``day`` falls on a weekday the opening names, or it names none."""
    named = {m.weekday for i in opening for m in find_dates(text, words, sentences[i].start, sentences[i].end)
             if m.weekday is not None and m.offset_days is None and not m.day}
    return not named or day.weekday() in named


def _this_day(text: str, sentence: Sentence, words: dict) -> bool:
    """"Este 19 de abril, a los cancilleres los acompañaron ...": a day and month with no year
    that a demonstrative introduces (``[dates] this_day``) is the day being reported, wherever
    the body gives it and whoever else the sentence names."""
    these = words.get("dates", {}).get("this_day", [])
    if not these:
        return False
    for m in find_dates(text, words, sentence.start, sentence.end):
        if m.absolute and m.year is None:
            # "este 19 de abril", "ce mardi 15 octobre": the word, a weekday at most between
            before = text[max(sentence.start, m.start - 24):m.start].lower().split()[-2:]
            if before and (before[-1] in these or (len(before) == 2 and before[0] in these
                                                   and before[1] in words.get("dates", {}).get("weekdays", {}))):
                return True
    return False


def _dateline(text: str, sentence: Sentence, found: list) -> object | None:
    """A news dateline opening the lead ("BEIJING, March 5 (Xinhua) --", "La Paz, 18 de agosto de 2021 (...)")."""
    if len(found) < 2:
        return None
    first = found[0]
    if not first.absolute or first.start - sentence.start > 45:
        return None
    return first if DATELINE_HEAD.match(text[sentence.start:first.start]) else None


"""Officials: title chains ("Vice-Premier Ministre et Ministre des Affaires étrangères du
Kazakhstan Mukhtar Tleuberdi", "哈萨克斯坦副总理兼外长特列乌别尔季"), registry names,
short mentions ("M. Wang", "Tleuberdi a déclaré") and the roles they are given."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from kg.matcher import Match
from kg.model import Span
from kg.registry import Registry
from kg.text import Sentence, fold, is_cjk

__all__ = ["PersonRecord", "Mention", "find_people"]


@dataclass
class PersonRecord:
    """One official as this document knows them."""

    key: str
    name: str
    country: str | None
    qid: str | None
    family: str
    roles: dict[str, str] = field(default_factory=dict)  # role code -> title as written
    role_spans: dict[str, Span] = field(default_factory=dict)
    first: Span | None = None
    generic_roles: dict[str, tuple[str, Span]] = field(default_factory=dict)
    posted_in: set[str] = field(default_factory=set)  # states they serve in ("驻斐济大使"), not theirs


@dataclass
class Mention:
    """An actor named in a sentence: a person, a state, an organisation, or a pronoun."""

    start: int
    end: int
    kind: str  # person | state | org | both | pronoun | self | title_ref
    codes: tuple[str, ...] = ()
    person: str | None = None
    possessive: bool = False
    role: str = ""  # for a title without a name: the role codes it names
    title: str = ""  # and the title as written (folded)


_CN_COMPOUND_SURNAMES = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯"}
_CJK_STOP = set("同与和在应时的及、，。；：“”（）()《》「」举会通表说指强并将对就向致为于是了等也都已再互共称认感祝欢代转请谈出赴前后向中上下")
_LATIN_NAME_TOKEN = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]*\.?|[A-Z]\.")


def _pinyin_name(chars: str) -> str:
    """Latin name of a Chinese person, family name first: 乐玉成 -> Le Yucheng."""
    from pypinyin import lazy_pinyin

    surname_len = 2 if chars[:2] in _CN_COMPOUND_SURNAMES else 1
    syllables = lazy_pinyin(chars)
    family = "".join(syllables[:surname_len]).capitalize()
    given = "".join(syllables[surname_len:]).capitalize()
    return f"{family} {given}".strip()


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def name_key(name: str) -> str:
    return re.sub(r"[^a-z0-9\u3400-\u9fff]+", "-", _strip_accents(name).lower()).strip("-")


class _Finder:
    def __init__(self, text: str, registry: Registry, lang: str, home: str | None) -> None:
        self.text = text
        self.registry = registry
        self.words = registry.lang(lang)
        self.cjk = registry.is_cjk(lang)
        self.home = home
        actors = self.words.get("actors", {})
        names = self.words.get("names", {})
        self.glue = {fold(w) for w in actors.get("title_joiners", []) + actors.get("of", [])}
        self.glue |= {fold(w) for w in actors.get("glue_words", [])}
        self.generic = {fold(w) for w in names.get("generic_titles", [])}
        self.glue |= {"the", "le", "la", "les", "l'", "'s", "el", "los", "las", "del", "de", "兼", "、", "和", "及", "暨", "国", "国家", "副", "驻华", "驻", "常驻", "的", "外交部", "政府", "国防部", "外交部第一"}
        self.posting = {fold(w) for w in actors.get("posting", ["to", "to the", "in", "auprès de", "auprès du", "en", "ante", "en el", "驻", "驻华"])}
        self.particles = {w.lower() for w in names.get("particles", [])}
        self.honorifics = {fold(w) for w in names.get("honorifics", [])}
        self.people: dict[str, PersonRecord] = {}
        self.state_counts: dict[str, int] = {}
        dates = self.words.get("dates", {})
        # words that start sentences or name days: never part of a person's name
        self.function_words = {fold(w) for w in self.words.get("detect", [])} | {fold(w) for w in dates.get("weekdays", {})} | \
            {fold(w) for w in dates.get("months", {})} | {fold(w) for w in self.words.get("names", {}).get("pronouns", [])}

    # ---- helpers ---------------------------------------------------------------
    def gap(self, start: int, end: int) -> str:
        return fold(self.text[start:end]).strip()

    def is_glue(self, start: int, end: int) -> bool:
        gap = re.sub(r"[(（][^)）]{1,14}[)）]", " ", self.gap(start, end)).strip()
        for honorific in self.honorifics:  # "..., M. Ahmed Attaf": courtesy titles stand in the name slot
            if gap.endswith(honorific) and (len(gap) == len(honorific) or not gap[-len(honorific) - 1].isalnum()):
                gap = gap[: -len(honorific)].strip()
                break
        if not gap:
            return True
        if self.cjk:
            return gap in self.glue
        pieces = re.findall(r"[\w']+|[^\w\s]", gap)
        joined = " ".join(pieces)
        return joined in self.glue or all(p in self.glue for p in pieces)

    def record(self, name: str, country: str | None, registry_index: int | None) -> PersonRecord:
        if registry_index is not None:
            person = self.registry.people[registry_index]
            key = f"r{registry_index}"
            if key not in self.people:
                self.people[key] = PersonRecord(key, person.name, person.country, person.qid, person.family)
            return self.people[key]
        key = f"{country or '?'}:{name_key(name)}"
        if key not in self.people:
            # the same person named in full once and partly elsewhere: keep the longer name
            for existing in self.people.values():
                if (existing.country == country or country is None or existing.country is None) and _token_subset(name, existing.name):
                    if len(name) > len(existing.name):
                        existing.name = name
                    return existing
            family_first = bool(country and self.registry.states.get(country) and self.registry.states[country].family_name_first)
            tokens = name.split()
            family = tokens[0] if (family_first or is_cjk(name[:1])) and tokens else (tokens[-1] if tokens else name)
            self.people[key] = PersonRecord(key, name, country, None, family)
        return self.people[key]

    def latin_name_after(self, position: int, limit: int) -> tuple[int, int] | None:
        """The capitalised name starting at ``position`` (honorifics skipped)."""
        text = self.text
        i = position
        while i < limit and text[i] in " \u00a0,":
            i += 1
        folded_rest = fold(text[i:limit])
        for honorific in sorted(self.honorifics, key=len, reverse=True):
            if folded_rest.startswith(honorific + " "):
                i += len(honorific) + 1
                break
        tokens: list[tuple[int, int]] = []
        while i < limit and len(tokens) < 5:
            m = _LATIN_NAME_TOKEN.match(text, i)
            word = re.match(r"[\w'’\-]+", text[i:limit])
            if m and m.end() <= limit:
                if fold(m.group()) in self.honorifics and not tokens:
                    i = m.end()
                else:
                    tokens.append((m.start(), m.end()))
                    i = m.end()
            elif word and word.group().lower() in self.particles and tokens:
                tokens.append((i, i + word.end()))
                i += word.end()
            else:
                break
            if i < limit and text[i] == " ":
                i += 1
            else:
                break
        while tokens and text[tokens[-1][0]:tokens[-1][1]].lower() in self.particles:
            tokens.pop()
        if not tokens:
            return None
        start, end = tokens[0][0], tokens[-1][1]
        while end > start and text[end - 1] in ".,’'":
            end -= 1
        name = text[start:end]
        if name.endswith("'s") or name.endswith("’s"):
            end -= 2
        return (start, end) if end > start else None

    def cjk_name_after(self, position: int, limit: int) -> tuple[int, int] | None:
        if self.text[position:position + 1] in ("兼", "、", "和", "及", "与", "與", "暨", "的"):
            return None  # the title goes on ("副总理兼贸易...部长"), no name here
        i = position
        while i < limit and (is_cjk(self.text[i]) or self.text[i] in "·•") and self.text[i] not in _CJK_STOP and i - position < 12:
            i += 1
        if i - position >= 2:
            return position, i
        return None


def _token_subset(a: str, b: str) -> bool:
    ta, tb = set(name_key(a).split("-")), set(name_key(b).split("-"))
    return bool(ta) and bool(tb) and (ta <= tb or tb <= ta)


def find_people(text: str, sentences: list[Sentence], matches: list[Match], registry: Registry,
                lang: str, home: str | None) -> tuple[dict[str, PersonRecord], dict[int, list[Mention]]]:
    """People of the document, and the actor mentions of each sentence (by sentence index)."""
    f = _Finder(text, registry, lang, home)
    by_span: dict[tuple[int, int], set[str]] = {}
    for m in matches:
        if m.kind in ("state", "side", "adj") or m.kind == "person":
            value = m.value if m.kind != "person" else registry.people[int(m.value)].country
            by_span.setdefault((m.start, m.end), set()).add(value)
    for values in by_span.values():
        if len(values) == 1:
            code = next(iter(values))
            f.state_counts[code] = f.state_counts.get(code, 0) + 1
    by_sentence: dict[int, list[Mention]] = {}
    for index, sentence in enumerate(sentences):
        inside = [m for m in matches if sentence.start <= m.start and m.end <= sentence.end]
        by_sentence[index] = _sentence_mentions(f, sentence, inside)
    _names_before_verbs(f, sentences, matches, by_sentence)
    if f.cjk:
        _cjk_names_after_verbs(f, sentences, matches, by_sentence)
    _short_mentions(f, sentences, by_sentence)
    _resolve_countries(f, sentences, matches, by_sentence)
    return f.people, by_sentence


_CJK_NAME_AFTER = re.compile(
    r"(?:致电|致電|致信|致函|复信|覆信|会见|會見|会晤|會晤|接见|接見|同|与|與)([\u4e00-\u9fff·]{2,9}?)"
    r"(?=[，。、；,]|通电话|通電話|通话|通話|举行|舉行|会谈|會談|会晤|會晤|互致|视频|視頻|表示|时|時|并|並|就)")


def _cjk_names_after_verbs(f: _Finder, sentences: list[Sentence], matches: list[Match],
                           by_sentence: dict[int, list[Mention]]) -> None:
    """"习近平致电奥尔西", "王毅同X通电话": a name right after the verb or preposition of the
    encounter is a person even without a title."""
    for index, sentence in enumerate(sentences[:4]):
        mentions = by_sentence[index]
        for found in _CJK_NAME_AFTER.finditer(f.text, sentence.start, sentence.end):
            start, end = found.span(1)
            if any(m.start < end and start < m.end for m in matches) or any(x.start < end and start < x.end for x in mentions):
                continue
            _add_person(f.record(f.text[start:end], None, None), start, end, sentence, mentions)


def _add_person(person: PersonRecord, start: int, end: int, sentence: Sentence, mentions: list[Mention]) -> None:
    """Record a person mention in its sentence, keeping mentions in text order."""
    if person.first is None:
        person.first = Span(sentence.start, sentence.end)
    mentions.append(Mention(start, end, "person", (person.country or "",), person.key))
    mentions.sort(key=lambda x: x.start)


def _names_before_verbs(f: _Finder, sentences: list[Sentence], matches: list[Match],
                        by_sentence: dict[int, list[Mention]]) -> None:
    """"Maxime Prévot reçoit ...", "Sonko a déclaré": a capitalised name right before an
    event or speech verb is a person even without a title."""
    if f.cjk:
        return
    for index, sentence in enumerate(sentences):
        mentions = by_sentence[index]
        for cue in matches:
            if not (sentence.start <= cue.start < sentence.end) or not (cue.kind.startswith("event.") or cue.kind == "speech"):
                continue
            head = f.text[sentence.start:cue.start]
            found = re.search(r"((?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]+|de|da|di|van|von|bin|al|el|ben|le|la)(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]+|de|da|di|van|von|bin|al|el|ben|le|la)){1,3})\s*,?\s*$", head)
            if not found:
                continue
            start, end = sentence.start + found.start(1), sentence.start + found.end(1)
            name = f.text[start:end]
            tokens = name.split()
            if tokens[0].lower() in f.particles or tokens[-1].lower() in f.particles:
                continue
            if any(fold(t) in f.function_words for t in tokens):
                continue
            if any(m.start < end and start < m.end for m in matches if m.kind not in ("honorific",)) or \
               any(x.start < end and start < x.end for x in mentions):
                continue
            _add_person(_lookup_family(f, name, None) or f.record(name, None, None), start, end, sentence, mentions)


def _resolve_countries(f: _Finder, sentences: list[Sentence], matches: list[Match],
                       by_sentence: dict[int, list[Mention]]) -> None:
    """An official named without a state speaks for the publisher, else for the state the
    document names most, leaving out the states of those named beside them."""
    counts: dict[str, int] = {}
    for m in matches:
        if m.kind in ("state", "side", "adj"):
            counts[m.value] = counts.get(m.value, 0) + (2 if m.kind == "side" else 1)
    # in the readout of a visit, officials named without a state are the hosts
    destination = None
    opening = sentences[2].end if len(sentences) > 2 else (sentences[-1].end if sentences else 0)
    for cue in (m for m in matches if m.kind == "event.visit" and m.start < opening):
        after = [m for m in matches if m.kind == "state" and cue.end <= m.start <= cue.end + 80]
        if after and after[0].value != f.home:
            destination = after[0].value
            break
    for person in f.people.values():
        if person.country is not None:
            continue
        beside: set[str] = set()
        for index, mentions in by_sentence.items():
            if any(x.person == person.key for x in mentions):
                beside |= {f.people[x.person].country for x in mentions if x.person and x.person != person.key} - {None}
                break
        if destination and destination not in beside and destination not in person.posted_in:
            person.country = destination
            continue
        if f.home and f.home not in beside and f.home not in person.posted_in:
            person.country = f.home
            continue
        ranked = sorted(((n, code) for code, n in counts.items()
                         if code not in beside and code not in person.posted_in and code in f.registry.states), reverse=True)
        person.country = ranked[0][1] if ranked else f.home
    for person in f.people.values():
        if not person.roles:
            for role, (written, span) in person.generic_roles.items():
                person.roles[role] = written
                person.role_spans[role] = span
        if person.country == "CHN" and person.name and is_cjk(person.name[:1]):
            person.name = _pinyin_name(person.name)
    for mentions in by_sentence.values():
        for x in mentions:
            if x.person:
                x.codes = (f.people[x.person].country or "",)
            elif x.kind == "title_ref" and not x.codes and x.role:
                roles = set(x.role.split(","))
                same_title = {p.country for p in f.people.values() if p.country and x.title in {fold(t) for t in p.roles.values()}}
                if not same_title and x.title in f.generic:  # "la ministre": whoever's title starts so
                    same_title = {p.country for p in f.people.values() if p.country and any(
                        fold(t).startswith(x.title + " ") for t in p.roles.values())}
                holders = same_title or {p.country for p in f.people.values() if p.country and roles & set(p.roles)}
                if len(holders) == 1:
                    x.codes = (holders.pop(),)


def _chain_country(f: _Finder, chain: list[Match]) -> str | None:
    for position, m in enumerate(chain):
        if m.kind in ("state", "adj", "org"):
            before = f.gap(chain[position - 1].end, m.start) if position else ""
            if before in f.posting:
                continue
            return m.value
    return None


def _sentence_mentions(f: _Finder, sentence: Sentence, matches: list[Match]) -> list[Mention]:
    text = f.text
    mentions: list[Mention] = []
    used: set[int] = set()
    # one match per span: keep the most useful kind
    spans: list[Match] = []
    rank = {"person": 0, "title": 1, "side": 2, "state": 3, "org": 4, "adj": 5}
    for m in matches:
        if spans and spans[-1].start == m.start and spans[-1].end == m.end:
            best = spans[-1]
            if rank.get(m.kind, 9) < rank.get(best.kind, 9) or (
                m.kind == best.kind and f.state_counts.get(m.value, 0) > f.state_counts.get(best.value, 0)):
                # the same words name two states ("塞方": Serbia or Cyprus): the one the document names more
                spans[-1] = m
            continue
        spans.append(m)
    # "M. Li Qiang", "Madame Yassine Fall": a courtesy title announces a name
    if not f.cjk:
        for h in [x for x in spans if x.kind == "honorific"]:
            following = [x for x in spans if x.start >= h.end]
            if following and following[0].kind == "person" and f.is_glue(h.end, following[0].start):
                continue
            limit = following[0].start if following else sentence.end
            span = f.latin_name_after(h.end, limit)
            if span and len(text[span[0]:span[1]].split()) >= 2 and not any(fold(t) in f.function_words for t in text[span[0]:span[1]].split()):
                display = " ".join(text[span[0]:span[1]].split())
                person = _lookup_family(f, display, None) or f.record(display, None, None)
                if person.first is None:
                    person.first = Span(sentence.start, sentence.end)
                mentions.append(Mention(h.start, span[1], "person", (person.country or "",), person.key))
    if f.cjk:
        # "舒克里" is not "克里" (Kerry): a known name must not start inside a longer name
        ends = {x.end for x in spans}
        spans = [x for x in spans if not (x.kind == "person" and x.start > 0 and is_cjk(text[x.start - 1])
                                          and text[x.start - 1] not in _CJK_STOP and x.start not in ends)]
    i = 0
    while i < len(spans):
        m = spans[i]
        starts_chain = m.kind == "title" or (
            m.kind in ("state", "adj", "org") and i + 1 < len(spans) and spans[i + 1].kind == "title"
            and f.is_glue(m.end, spans[i + 1].start)
        )
        if m.kind == "honorific" and i + 1 < len(spans) and spans[i + 1].kind == "person" and f.is_glue(m.end, spans[i + 1].start):
            i += 1
            continue
        if not starts_chain:
            i += 1
            continue
        chain = [m]
        j = i + 1
        while j < len(spans) and spans[j].kind in ("title", "state", "adj", "org", "honorific") and (
                f.is_glue(chain[-1].end, spans[j].start) or _portfolio_gap(f, chain[-1], spans[j])):
            chain.append(spans[j])
            j += 1
        titles = [c for c in chain if c.kind == "title"]
        if not titles:
            i += 1
            continue
        country = _chain_country(f, chain)
        # "驻斐济大使邱建华": a state after a posting word is where they serve
        posted_here: set[str] = set()
        if m.kind in ("state", "adj"):
            preceding = fold(text[max(sentence.start, m.start - 6):m.start]).strip()
            if any(preceding.endswith(word) for word in f.posting if word):
                posted_here.add(m.value)
                if country == m.value:
                    country = None
        # "斐济副总理兼贸易、合作社...部长卡米卡米卡": one title going on across a list of portfolios
        if country is None and f.cjk and mentions and mentions[-1].kind == "title_ref" and mentions[-1].codes and \
                not re.search(r"[，。；,;同与與]", text[mentions[-1].end:m.start]):
            country = mentions[-1].codes[0]
            mentions.pop()
        # a list of officials shares the state of its first item ("尼泊尔陆军参谋长塔帕、国防部秘书夏尔马")
        if country is None and mentions and mentions[-1].kind == "person" and mentions[-1].person:
            previous = f.people.get(mentions[-1].person)
            if previous is not None and previous.country and f.gap(mentions[-1].end, m.start) in (
                    "、", ",", "，", "and", "et", "y", ", and", ", et", ", y", "as well as"):
                country = previous.country
        # "中国驻埃塞俄比亚大使", "Chinese Ambassador to ...": the state before the posting word
        if i > 0 and spans[i - 1].kind in ("state", "adj") and f.gap(spans[i - 1].end, m.start) in f.posting:
            country = spans[i - 1].value
        elif chain[0].kind in ("state", "adj") and i > 0 and spans[i - 1].kind in ("state", "adj") and \
                f.gap(spans[i - 1].end, m.start) == "":
            country = spans[i - 1].value
        end = chain[-1].end
        person = None
        name_span = None
        # trailing honorifics are part of the name slot
        if j < len(spans) and spans[j].kind == "person" and f.is_glue(end, spans[j].start):
            index = int(spans[j].value)
            person = f.record("", None, index)
            name_span = (spans[j].start, spans[j].end)
            j += 1
        else:
            limit = spans[j].start if j < len(spans) else sentence.end
            span = f.cjk_name_after(end, limit) if (f.cjk and end < len(text) and is_cjk(text[end])) else (
                None if f.cjk else f.latin_name_after(end, limit))
            if span is None and f.cjk:
                span = None
            if span:
                raw = text[span[0]:span[1]]
                if is_cjk(raw[:1]):
                    display = raw  # romanised once the country is known
                else:
                    display = " ".join(raw.split())
                person = _lookup_family(f, display, country) or f.record(display, country, None)
                name_span = span
        if person is None and not f.cjk:
            # "ministre des Affaires étrangères, des Affaires européennes et de la Coopération, Maxime Prévot"
            tail = _name_after_portfolio(f, spans, j, end, sentence, country)
            if tail is not None:
                person, name_span = tail
        if person is None:
            # appositive: "Mukhtar Tleuberdi, Deputy Prime Minister ... of Kazakhstan"
            before = [x for x in mentions if x.kind == "person" and x.end <= m.start and f.gap(x.end, m.start) in _APPOSITION]
            registry_before = [x for x in spans[:i] if x.kind == "person" and f.gap(x.end, m.start) in _APPOSITION]
            if before:
                person = f.people[before[-1].person]  # type: ignore[index]
            elif registry_before:
                person = f.record("", None, int(registry_before[-1].value))
            elif not f.cjk:
                head = text[max(sentence.start, m.start - 80):m.start]
                named = _APPOSED_NAME.search(head)
                if named:
                    person = _lookup_family(f, named.group(1), None)
        if person is None:
            # "the Kazakh Foreign Minister", "The Foreign Secretary": resolved to whoever holds the post
            mentions.append(Mention(m.start, end, "title_ref", (country,) if country else (),
                                    role=",".join(t.value for t in titles), person=None))
            mentions[-1].title = fold(" ".join(titles[-1].text.split()))
            i = j
            continue
        if country and (person.country is None or (person.key.startswith("r") and person.country != country
                                                       and f.registry.code_kind(person.country) == "organization")):
            # the text names the state they act for now (Costa as Portugal's Prime Minister,
            # not the European Council's President)
            person.country = country
        person.posted_in |= posted_here
        person.posted_in |= {c.value for k, c in enumerate(chain) if c.kind in ("state", "adj") and k
                             and f.gap(chain[k - 1].end, c.start) in f.posting}
        if i > 0 and spans[i - 1].kind in ("state", "adj") and m.kind in ("state", "adj") and \
                f.gap(spans[i - 1].end, m.start) in f.posting:
            person.posted_in.add(m.value)
        if any(fold(t.text).split()[0] in _TAIL_WORDS for t in titles):
            # "ministre chinois des Affaires étrangères": the tail names the portfolio
            titles = [t for t in titles if not (t.value in ("minister", "other") and len(titles) > 1)]
        for t in titles:
            written = " ".join(t.text.split())
            if fold(written) in f.generic and len(titles) == 1:
                # "Minister Balakrishnan", "主席": adds a post only if nothing more specific is known
                person.generic_roles.setdefault(t.value, (written, Span(sentence.start, sentence.end)))
                continue
            if t.value not in person.roles:
                person.roles[t.value] = written
                person.role_spans[t.value] = Span(sentence.start, sentence.end)
        if name_span:
            mention = Mention(min(m.start, name_span[0]), name_span[1], "person", (person.country or "",), person.key)
            mentions.append(mention)
        used.update(range(i, j))
        if person.first is None:
            person.first = Span(sentence.start, sentence.end)
        i = j
    for index, m in enumerate(spans):
        if index in used:
            continue
        if m.kind == "person":
            person = f.record("", None, int(m.value))
            if person.first is None:
                person.first = Span(sentence.start, sentence.end)
            mentions.append(Mention(m.start, m.end, "person", (person.country or "",), person.key))
        elif m.kind in ("state", "side", "org"):
            possessive = text[m.end:m.end + 2] in ("'s", "’s")
            mentions.append(Mention(m.start, m.end, "state" if m.kind != "org" else "org", (m.value,), possessive=possessive))
        elif m.kind == "adj":
            # "the Kazakh economy", but not "sino-kazakhes" (a relation, not an actor)
            if index and spans[index - 1].kind == "prefix" and spans[index - 1].end == m.start:
                continue
            mentions.append(Mention(m.start, m.end, "state", (m.value,)))
        elif m.kind in ("both", "pronoun", "self"):
            mentions.append(Mention(m.start, m.end, m.kind))
    mentions.sort(key=lambda x: x.start)
    return mentions


# what may stand between a name and its title: "Wang Yi, Foreign Minister", "M. Wang, qui est également Ministre"
_APPOSITION = {",", "，", "", ", who is also", ", who is", ", qui est egalement", ", qui est aussi", ", qui est",
               ", quien es tambien", ", quien es", ", quien tambien es", "(", "（"}
_APPOSED_NAME = re.compile(r"([A-ZÀ-ÖØ-Þ][\w'’-]+(?: [A-ZÀ-ÖØ-Þ][\w'’-]+){0,3})\s*(?:,\s*(?:qui est (?:également |aussi )?|who is (?:also )?|quien es (?:también )?)?|\()\s*(?:le |la |l'|the |el )?$")
_TAIL_WORDS = {"des", "du", "de", "del", "de la", "of"}


def _portfolio_gap(f: _Finder, last: Match, following: Match) -> bool:
    """"ministre de l'Intégration africaine et des Affaires étrangères": a few portfolio words
    between a title and the tail that names the post."""
    if f.cjk or last.kind != "title" or following.kind != "title":
        return False
    if fold(following.text).split()[0] not in _TAIL_WORDS:
        return False
    gap = f.text[last.end:following.start]
    return len(gap.split()) <= 8 and not re.search(r"[.;:«»\"()]", gap)


def _name_after_portfolio(f: _Finder, spans: list[Match], j: int, end: int, sentence: Sentence, country: str | None):
    """A name after the rest of a long portfolio title, before any verb: "ministre des
    Affaires étrangères, des Affaires européennes et de la Coopération, Maxime Prévot",
    "Ministre des Affaires étrangères et du Commerce extérieur de la Hongrie Péter Szijjártó"."""
    limit = min(sentence.end, end + 160)
    for x in spans[j:]:
        if x.start >= limit:
            break
        if x.kind.startswith(("event.", "stance.")) or x.kind in ("speech", "person"):
            if x.kind == "person":
                limit = x.end
            else:
                limit = x.start
            break
    segment = f.text[end:limit]
    if re.search(r"[.;:«»]", segment[:1]):
        return None
    # a state named at the end of the portfolio, then the name; a state after a posting
    # word ("à Madagascar") is where they serve, not whom they represent
    own_state = country
    for k, x in enumerate(spans[j:]):
        if x.start >= limit or re.search(r"[.;:«»]", f.text[end:x.start]):
            break
        if x.kind not in ("state", "adj"):
            continue
        previous_end = spans[j + k - 1].end if j + k - 1 >= 0 else end
        posted = f.gap(previous_end, x.start) in f.posting
        if not posted and own_state is None:
            own_state = x.value
        following = [y for y in spans if y.start >= x.end and y.kind != "honorific"]
        if following and following[0].kind == "person" and f.is_glue(x.end, following[0].start):
            return f.record("", None, int(following[0].value)), (following[0].start, following[0].end)
        span = f.latin_name_after(x.end, following[0].start if following else limit)
        if span and f.text[x.end:span[0]].strip(" ,") == "" or (span and fold(f.text[x.end:span[0]]).strip(" ,") in f.honorifics):
            if len(f.text[span[0]:span[1]].split()) >= 2:
                display = " ".join(f.text[span[0]:span[1]].split())
                return (_lookup_family(f, display, own_state) or f.record(display, own_state, None)), span
    country = own_state
    for comma in re.finditer(r",\s*", segment):
        if re.search(r"[.;:«»]", segment[:comma.start()]):
            return None
        at = end + comma.end()
        following = [x for x in spans if x.start >= at and x.kind != "honorific"]
        if following and f.is_glue(at, following[0].start) and following[0].kind == "person":
            return f.record("", None, int(following[0].value)), (following[0].start, following[0].end)
        span = f.latin_name_after(at, following[0].start if following else limit)
        if span and len(f.text[span[0]:span[1]].split()) >= 2 and not any(
                fold(t) in f.function_words for t in f.text[span[0]:span[1]].split()):
            display = " ".join(f.text[span[0]:span[1]].split())
            return (_lookup_family(f, display, country) or f.record(display, country, None)), span
    return None


def _lookup_family(f: _Finder, display: str, country: str | None) -> PersonRecord | None:
    """"Foreign Minister Tleuberdi": a registry or document person known by family name."""
    folded = fold(display)
    for person in f.people.values():
        if fold(person.family) == folded or _token_subset(display, person.name):
            if country is None or person.country in (None, country):
                return person
    for index, person in enumerate(f.registry.people):
        if fold(person.family) == folded and (country is None or person.country == country):
            return f.record("", None, index)
    return None


def _short_mentions(f: _Finder, sentences: list[Sentence], by_sentence: dict[int, list[Mention]]) -> None:
    """Later mentions by family name ("M. Wang", "Tleuberdi a déclaré") or full CJK name."""
    forms: dict[str, str] = {}
    for person in f.people.values():
        forms[person.family] = person.key
        forms[person.name] = person.key
        if person.key.startswith("r"):
            entry = f.registry.people[int(person.key[1:])]
            for variant in entry.variants:
                forms[variant] = person.key
    forms = {k: v for k, v in forms.items() if len(k) >= 2}
    if not forms:
        return
    alternatives = sorted(forms, key=len, reverse=True)
    pattern = re.compile("|".join(
        re.escape(a) if is_cjk(a[:1]) else r"(?<![\w])" + re.escape(a) + r"(?![\w])" for a in alternatives))
    for index, sentence in enumerate(sentences):
        mentions = by_sentence[index]
        for m in pattern.finditer(f.text, sentence.start, sentence.end):
            if any(x.start <= m.start() < x.end or m.start() <= x.start < m.end() for x in mentions):
                continue
            person = f.people[forms[m.group()]]
            mentions.append(Mention(m.start(), m.end(), "person", (person.country or "",), person.key))
        mentions.sort(key=lambda x: x.start)

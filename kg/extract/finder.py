"""What the person grammar shares: the records of officials and mentions, and the finder
that holds one document's people while its sentences are read."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from difflib import SequenceMatcher

from kg.model import Span
from kg.knowledge.morphology import Morphology
from kg.knowledge.registry import Registry
from kg.text import Sentence, fold, is_cjk

__all__ = ["PersonRecord", "Mention", "name_key"]


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
    # states they are the counterpart of ("his Bissau-Guinean counterpart"): not theirs either
    counterpart_of: set[str] = field(default_factory=set)
    written: str | None = None  # a registry person's full name as this document spells it, when not ``name``


def _joins(char: str) -> bool:
    """A character that makes two pieces one word (``\\w``, an apostrophe, a hyphen)."""
    return char.isalnum() or char in "_'’-"


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
_CJK_STOP = set("同与和在应时的及、，。；：“”（）()《》「」举会通表说指强并将对就向致为于是了等也都已再互共称认感祝欢代转请谈出赴前后向中上下到抵迎對與為會說時後並將於給還應從來来舉談請稱認歡轉見訪問電話率访")
# a word of a caseless script: letters and their marks, up to a space or punctuation
_CASELESS_WORD = re.compile(r"[^\s\d.,،؛:;!?؟()\[\]«»\"“”'’\-–—/|#@]+")
_QUOTES = re.compile(r"[\"“”«»„]")
# a name's words: initials joined to the family name ("С.В.Лавров", "S.Jaishankar"), initials joined
# to each other ("G.L.", "A.K."), a capitalised word, an initial
_LATIN_NAME_TOKEN = re.compile(r"(?:[A-ZА-ЯЁ]\.)+[A-ZА-ЯЁ][\w'’\-]+|(?:[A-ZА-ЯЁ]\.){2,}(?= [A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][a-zà-öø-ÿā-ſа-яё])"
                               r"|[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w'’\-]*\.?|[A-ZА-ЯЁ]\.")


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
    # letters of the Latin, Cyrillic, Arabic, CJK and Hangul scripts make a name's key ("Лавров", "عطاف", "박진")
    return re.sub(r"[^a-z0-9\u3400-\u9fff\u0430-\u044f\u0451\u0621-\u064a\uac00-\ud7a3]+", "-", _strip_accents(name).lower()).strip("-")


_ENCOUNTER_WORDS: dict[int, tuple[dict, frozenset[str]]] = {}


def _encounter_words(words: dict) -> frozenset[str]:
    """The first words (four letters or more) of the language's encounter phrases, made once
    per language (keyed by its ``[events]`` table, which every page of the language shares)."""
    events = words.get("events", {})
    cached = _ENCOUNTER_WORDS.get(id(events))
    if cached is None or cached[0] is not events:
        found = frozenset(fold(p.split()[0]) for phrases in events.values()
                          if isinstance(phrases, list) for p in phrases
                          if isinstance(p, str) and len(p.split()[0] if p.split() else "") >= 4)
        cached = _ENCOUNTER_WORDS[id(events)] = (events, found)
    return cached[1]


class _Finder:
    def __init__(self, text: str, registry: Registry, lang: str, home: str | None,
                 day: dt.date | None = None) -> None:
        self.text = text
        # the readout's day: a registry official acts for the state of the post held then
        self.day = day
        self.registry = registry
        self.lang = lang
        self.words = registry.lang(lang)
        self.cjk = registry.is_cjk(lang)
        self.home = home
        # the state a name with no state of its own most likely belongs to (Japanese pages: Japan's)
        self.own_state = home or self.words.get("names", {}).get("family_names_state")
        actors = self.words.get("actors", {})
        names = self.words.get("names", {})
        self.glue = {fold(w) for w in actors.get("title_joiners", []) + actors.get("of", [])}
        self.of_words = {fold(w) for w in actors.get("of", [])}
        # a title right after another, no word between, is in the genitive ("представитель президента")
        self.genitive_titles = bool(actors.get("genitive_titles", False))
        self.glue |= {fold(w) for w in actors.get("glue_words", [])}
        # with the particles a language joins to them ("장관은")
        self.generic = {fold(form) for w in names.get("generic_titles", [])
                        for form in Morphology(self.words.get("morphology")).forms(w)}
        self.glue |= {"the", "le", "la", "les", "l'", "'s", "el", "los", "las", "del", "de", "兼", "、", "和", "及", "暨", "国", "国家", "副", "驻华", "驻", "常驻", "的", "外交部", "政府", "国防部", "外交部第一"}
        self.person_joiners = {" ".join(re.findall(r"[\w']+|[^\w\s]", fold(w))) for w in actors.get("person_joiners", [])}
        self.posting = {fold(w) for w in actors.get("posting", ["to", "to the", "in", "auprès de", "auprès du", "en", "ante", "en el", "驻", "驻华"])}
        self.particles = {w.lower() for w in names.get("particles", [])}
        self.honorifics = {fold(w) for w in names.get("honorifics", [])}
        self.honorifics_as_written = set(names.get("honorifics", []))  # case tells "Mr. B" from "mr"
        self.given_honorifics = {fold(w) for w in names.get("given_name_honorifics", [])}
        self.patronymics = {fold(w) for w in names.get("patronymics", [])}
        self.portfolio_words = {fold(w) for w in names.get("portfolio_words", [])}
        self.morphology = Morphology(self.words.get("morphology"))
        # articles: a capitalised word after one is a noun, not a name (German capitalises nouns)
        self.articles = {fold(w) for w in names.get("articles", [])}
        self.people: dict[str, PersonRecord] = {}
        self.state_counts: dict[str, int] = {}
        # (counterpart, the one whose counterpart they are, the sentence): the same post, read
        # once every title of the document is known
        self.counterparts: list[tuple[str, str, Span]] = []
        dates = self.words.get("dates", {})
        # words that start sentences or name days: never part of a person's name
        self.function_words = {fold(w) for w in self.words.get("detect", [])} | {fold(w) for w in dates.get("weekdays", {})} | \
            {fold(w) for w in dates.get("months", {})} | {fold(w) for w in self.words.get("names", {}).get("pronouns", [])} | \
            self.portfolio_words
        # a script without capitals (Arabic): a name after a title is read word by word up to a
        # word that is never part of a name (``names.not_names``, portfolio and function words)
        self.caseless = bool(names.get("caseless"))
        self.object_particles = tuple(fold(w) for w in actors.get("object_particles", []))
        self.not_names = {fold(w) for w in names.get("not_names", [])} | self.function_words
        # a whole run of characters after a title that is a word, never a name (``names.not_names``)
        self.cjk_not_names = {fold(w) for w in names.get("not_names", []) if any(is_cjk(c) for c in w)}
        # a run after a title that starts with a city is a place and what happens there ("外长北京过生日")
        self.cjk_places = tuple(fold(w) for w in names.get("places", []))
        self.article = self.words.get("morphology", {}).get("article", "")
        self.clitics = tuple(fold(p + self.article) for p in self.words.get("morphology", {}).get("proclitics", [])
                             if self.article) + ((fold("ل" + self.article[1:]),) if self.article.startswith("ا") else ())
        # "迪西哈周二对中国进行访问": a CJK name ends where a day word begins
        self.cjk_day_words = tuple(sorted({w for w in [*dates.get("weekdays", {}), *dates.get("relative", {})] if w
                                           and is_cjk(w[0])}, key=len, reverse=True))
        # Japanese: the name stands before its title ("岡田克也外相", "マリズ・ペイン・オーストラリア外務大臣")
        self.title_after_name = bool(names.get("title_after_name"))
        self.state_abbreviations = set("".join(names.get("state_abbreviations", [])))
        self.time_words = tuple(names.get("time_words", []))
        # Korean: the name before the title is one to ``name_words`` whole words of the script
        # ("박진 외교부 장관", "토니 블링컨 미국 국무장관"); a word in ``not_names`` or, past the first,
        # one with an ending of ``not_name_endings`` ("방한 중인", "참석한") is no part of it
        self.name_words = int(names.get("name_words", 0))
        # a headline's verb after a title ("President Calls Qatar's Emir", "Minister Meets..."): a
        # word that opens one of the language's encounter phrases ([events]) is no name's first word
        self.encounter_words = _encounter_words(self.words)
        self.name_ranges = [(int(low), int(high)) for low, high in names.get("name_letters", [])]
        self.not_name_endings = tuple(names.get("not_name_endings", []))
        # particles joined to a word that close its phrase ("장관은", "외교부장과"): no title or
        # state after them is of the same official
        self.chain_enders = tuple(fold(w) for w in actors.get("phrase_end_particles", []))
        # what may stand between a name and the title after it: punctuation in every language,
        # and the words of ``names.apposition`` ("Wang Yi, who is also ...", "M. Wang, qui est ...")
        phrases = [" ".join(w.split()) for w in names.get("apposition", [])]
        self.apposition = {",", "，", "،", "", "(", "（"} | {fold(w) for w in phrases}
        # "Peter Lamelas, el nuevo embajador de ...": words such as "new", "interim" (lower-case
        # ``actors.glue_words``) may stand before the title
        modifiers = [w for w in actors.get("glue_words", []) if w[:1].islower()]
        self.title_modifiers = {fold(w) for w in modifiers}
        self.apposition_articles = {fold(w) for w in names.get("apposition_articles", [])}
        self.apposed_name = _apposed_name_pattern(phrases, names.get("apposition_articles", []), modifiers,
                                                  names.get("particles", []))
        # "بايدن وولي العهد": a title with a conjunction joined to it (``morphology.conjunctions``)
        # starts another person's
        self.conjunctions = tuple(fold(c) for c in self.words.get("morphology", {}).get("conjunctions", []))
        self.title_forms = _title_forms(registry, lang) if self.conjunctions and self.caseless else set()
        self.party_words = tuple(fold(w) for w in names.get("party_words", []))
        # what separates the items of a list of officials ("el canciller, X; el ministro de ..., Y,
        # y la ministra ..."): punctuation, the words for "and", the articles before a title
        self.list_words = {",", ";", "、", "，", "،", "；"} | {fold(w) for w in names.get("apposition_articles", [])} | \
            {piece for w in actors.get("and", []) for piece in fold(w).split()}

    # ---- helpers ---------------------------------------------------------------
    @cached_property
    def folded(self) -> str:
        """The document folded once (same length as the text: offsets carry over)."""
        return fold(self.text)

    def gap(self, start: int, end: int) -> str:
        return fold(self.text[start:end]).strip()

    def apposed(self, start: int, end: int) -> bool:
        """Whether the text between a name and a title says the title is the name's
        ("Wang Yi, Foreign Minister", "“وانج يي”، وزير خارجية الصين": quote marks around the
        name aside), and the title is not joined to "and" as another person's."""
        if self.joined_and(end):
            return False
        gap = _QUOTES.sub("", self.gap(start, end)).strip()
        words = gap.split()
        # "M. Wang Yi, nouveau ministre ...", "X, the new Foreign Minister": an article and
        # words such as "new" (lower-case ``actors.glue_words``) stand before the title
        while len(words) > 1 and (words[-1] in self.title_modifiers or words[-1] in self.apposition_articles):
            words.pop()
        return gap in self.apposition or " ".join(words) in self.apposition

    def in_list(self, start: int, end: int, closing: bool = False) -> bool:
        """Whether the text between two officials only separates the items of a list
        ("; el", ", la", ", y el"; a bare "and" only when ``closing`` a list already begun)."""
        pieces = re.findall(r"[\w']+|[^\w\s]", self.gap(start, end))
        # a comma or semicolon makes the list: "X and Minister Y" may join two states' officials
        return bool(pieces) and (closing or any(not p[0].isalnum() for p in pieces)) and \
            all(p in self.list_words for p in pieces)

    def joined_and(self, position: int) -> bool:
        """Whether the title at ``position`` carries a joined conjunction ("وولي العهد")."""
        if not self.conjunctions:
            return False
        words = fold(self.text[position:position + 60]).split()
        for c in self.conjunctions:
            if words and words[0].startswith(c) and len(words[0]) > len(c):
                rest = [words[0][len(c):]] + words[1:4]
                if any(" ".join(rest[:k]) in self.title_forms for k in range(1, len(rest) + 1)):
                    return True
        return False

    def is_glue(self, start: int, end: int) -> bool:
        # brackets and quote marks around a name ('وزير خارجية روسيا "سيرجي لافروف"') join it to its title
        gap = re.sub(r"[(（][^)）]{1,14}[)）]|[()（）]", " ", _QUOTES.sub(" ", self.gap(start, end))).strip()
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

    def starts_another(self, start: int, end: int) -> bool:
        """Whether the gap between two titles starts another person's ("and the")."""
        return " ".join(re.findall(r"[\w']+|[^\w\s]", self.gap(start, end))) in self.person_joiners

    def spelled(self, person: PersonRecord, written: str) -> None:
        """Keep ``written`` as the readout's spelling of a registry person ("Sergueï Lavrov",
        "Sergey Ryabkov" for Sergei Ryabkov): ANNOTATION.md wants the name as the readout
        writes it, while the person (label, IRI) stays the registry's. The first full
        spelling counts; courtesy words before it go ("Dr. S. Jaishankar"), and the
        registry's name with a title added ("King Mohammed VI") is no other spelling."""
        if self.cjk or person.written is not None or not person.key.startswith("r"):
            return
        tokens = written.split()
        while tokens and fold(tokens[0]) in self.honorifics:
            tokens.pop(0)
        if len(tokens) < 2 or is_cjk(tokens[0][:1]):
            return
        # the language's own spelling of the official ("Wladimir Putin", [spellings] of its lang
        # file) and the inflected forms of it and of the registry's name ("Angela Merkels") are
        # that language's forms of the name, not another spelling of it
        own = [person.name, *self.words.get("spellings", {}).get(person.name, [])]
        if fold(" ".join(tokens)) in {fold(form) for name in own for form in self.morphology.forms(name)}:
            return
        if not {fold(t) for t in person.name.split()} <= {fold(t) for t in tokens}:
            person.written = " ".join(tokens)

    def record(self, name: str, country: str | None, registry_index: int | None) -> PersonRecord:
        if registry_index is not None:
            person = self.registry.people[registry_index]
            key = f"r{registry_index}"
            if key not in self.people:
                self.people[key] = PersonRecord(key, person.name, person.country_on(self.day), person.qid, person.family)
            return self.people[key]
        key = f"{country or '?'}:{name_key(name)}"
        if key not in self.people:
            # the same person named in full once and partly elsewhere: keep the longer name
            for existing in self.people.values():
                same = _token_subset(name, existing.name) or (  # Japanese "岡田" and "岡田克也": family name first
                    self.title_after_name and is_cjk(name[:1]) and (name.startswith(existing.name) or existing.name.startswith(name)))
                if (existing.country == country or country is None or existing.country is None) and same:
                    if len(name) > len(existing.name):
                        existing.name = name
                    return existing
            family_first = bool(country and self.registry.states.get(country) and self.registry.states[country].family_name_first)
            tokens = name.split()
            family = tokens[0] if (family_first or is_cjk(name[:1])) and tokens else (tokens[-1] if tokens else name)
            self.people[key] = PersonRecord(key, name, country, None, family)
        return self.people[key]

    def _name_start(self, position: int, limit: int, separators: str) -> int:
        """Where a name after ``position`` starts: past separators and one honorific."""
        text = self.text
        i = position
        while i < limit and text[i] in separators:
            i += 1
        folded_rest = fold(text[i:limit])
        for honorific in sorted(self.honorifics, key=len, reverse=True):
            if folded_rest.startswith(honorific + " "):
                return i + len(honorific) + 1
        return i

    def latin_name_after(self, position: int, limit: int) -> tuple[int, int] | None:
        """The capitalised name starting at ``position`` (honorifics skipped)."""
        if self.caseless:
            return self.caseless_name_after(position, limit)
        text = self.text
        i = self._name_start(position, limit, " \u00a0,")
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
        if not tokens or any(fold(text[a:b]).strip(".") in self.portfolio_words for a, b in tokens):
            return None  # "..., Foreign Employment and Tourism Vijitha Herath": a portfolio, not a name
        if fold(text[tokens[0][0]:tokens[0][1]]) in self.encounter_words:
            return None  # "President Calls ...": the headline's verb, not a name
        if len(tokens) == 1 and self.written_lower(text[tokens[0][0]:tokens[0][1]].rstrip(".,’'")):
            return None  # "le Président français Volonté commune ..." (and "la volonté" below): a noun, not a name
        start, end = tokens[0][0], tokens[-1][1]
        while end > start and text[end - 1] in ".,’'":
            end -= 1
        name = text[start:end]
        if name.endswith("'s") or name.endswith("’s"):
            end -= 2
        return (start, end) if end > start else None

    def caseless_name_after(self, position: int, limit: int) -> tuple[int, int] | None:
        """The name starting at ``position`` in a script without capitals ("منغ فان لي", "حسين
        الشيخ"): up to four words (and particles) before punctuation, a word that is never part of
        a name, or a word joined to a particle and the article ("بالعاصمة", "والوفد"); words that
        run on past that are a phrase, not a name. The first word takes no article: "الهيئة
        العامة" after "رئيس" is an institution, not a name."""
        text = self.text
        i = self._name_start(position, limit, " \u00a0,،:")
        tokens: list[tuple[int, int]] = []
        for word in _CASELESS_WORD.finditer(text, i, limit):
            gap = text[tokens[-1][1]:word.start()] if tokens else text[i:word.start()]
            if gap.strip():
                break
            if sum(fold(text[a:b]) not in self.particles for a, b in tokens) >= 4:
                return None  # words running on with no stop: a phrase, not a name
            low = fold(word.group())
            # "لحركة", "بمقاطعة": a word that is no name with a preposition joined to it
            bare = [low[len(p):] for p in self.object_particles if low.startswith(p)]
            if low in self.not_names or any(b in self.not_names for b in bare) or low.startswith(self.clitics) or \
                    any(ch.isdigit() for ch in low) or \
                    (not tokens and self.article and low.startswith(fold(self.article))):
                break
            tokens.append(word.span())
        while tokens and fold(text[tokens[-1][0]:tokens[-1][1]]) in self.particles:
            tokens.pop()
        if not tokens:
            return None
        return tokens[0][0], tokens[-1][1]

    def written_lower(self, word: str) -> bool:
        """Whether the page also writes ``word`` in lower case as a word of its own: a word a
        page writes both ways is a common word capitalised in a headline, never a name."""
        lower = word.lower()
        if lower == word or len(word) < 3:
            return False
        text = self.text
        at = text.find(lower)  # a plain search: a pattern per word costs a compile per word
        while at != -1:
            end = at + len(lower)
            if not (at and _joins(text[at - 1])) and not (end < len(text) and _joins(text[end])):
                return True
            at = text.find(lower, at + 1)
        return False

    def _name_letter(self, char: str) -> bool:
        return any(low <= ord(char) <= high for low, high in self.name_ranges)

    def spaced_name_before(self, position: int, floor: int) -> tuple[int, int] | None:
        """The name before a title in a spaced script that writes it first (Korean "박진 외교부
        장관", "토니 블링컨 미국 국무장관"): up to ``name_words`` whole words of the script's letters
        (a bracketed original spelling after them skipped: "왕이(王毅)")."""
        head = self.text[floor:position]
        head = re.sub(r"\s*[(（][^()（）]{1,20}[)）]\s*$", "", head)
        words = list(re.finditer(r"\S+", head))
        start = end = None
        for count, word in enumerate(reversed(words)):
            text = word.group()
            low = fold(text)
            if count >= self.name_words or not all(self._name_letter(c) or c in "·ㆍ-" for c in text) or \
                    low in self.not_names or text in self.time_words or \
                    (count and text.endswith(self.not_name_endings)) or \
                    (end is not None and head[word.end():start].strip()):
                break
            if count == 0 and (len(text) < 2 or text.endswith(self.not_name_endings)):
                return None
            start = word.start()
            end = end if end is not None else word.end()
        if start is None or end is None:
            return None
        return floor + start, floor + end

    def name_before(self, position: int, floor: int) -> tuple[int, int] | None:
        """The name right before a title in a language that writes the title after it: a run of
        katakana (a foreign name, parts joined by ・), else two to four kanji after a kana or a
        stop (a Japanese or Chinese name), never a run of one-character state names ("日中外相")."""
        if self.name_words:
            return self.spaced_name_before(position, floor)
        end = position
        while end > floor and self.text[end - 1] in "・=＝":
            end -= 1
        i = end
        while i > floor and (_is_katakana(self.text[i - 1]) or (self.text[i - 1] in "・=＝" and i - 1 > floor
                                                               and _is_katakana(self.text[i - 2]))):
            i -= 1
        if end - i >= 2:
            return i, end
        i = position
        while i > floor and is_cjk(self.text[i - 1]) and self.text[i - 1] not in "、。，":
            i -= 1
        run = self.text[i:position]
        for word in self.cjk_day_words + self.time_words:  # "同日午後岡田克也外相": the name after the time
            if word in run:
                i += run.rindex(word) + len(word)
                run = self.text[i:position]
        if 2 <= len(run) <= 4 and not set(run) <= self.state_abbreviations and \
                not any(run.startswith(w) or run.endswith(w) for w in self.cjk_day_words):
            return i, position
        return None

    def known_by_family(self, position: int, floor: int) -> tuple[PersonRecord, int] | None:
        """"林大臣", "茂木外相": one to three kanji before a title that begin the written name of an
        official this document has already named in full ("林芳正") are that official."""
        i = position
        if self.name_words and self.text[floor:position].endswith(" "):
            position -= 1  # Korean "조 장관", "왕 부장": the family name is a word of its own
            i = position
        while i > floor and position - i < 3 and (is_cjk(self.text[i - 1]) or (self.name_words and self._name_letter(self.text[i - 1]))):
            i -= 1
        if self.name_words and i > floor and not self.text[i - 1].isspace() and not self.text[i - 1] in "(（\"'“‘":
            return None
        for start in range(i, position):
            family = self.text[start:position]
            found = [p for p in self.people.values() if any(
                v.startswith(family) and len(v) > len(family) and (is_cjk(v[:1]) or (self.name_words and self._name_letter(v[0])))
                for v in (self.registry.people[int(p.key[1:])].variants if p.key.startswith("r") else [p.name]))]
            if len(found) == 1:
                return found[0], start
        return None

    def registry_by_kanji(self, position: int, floor: int, country: str | None) -> tuple[PersonRecord, int] | None:
        """"林外務大臣", "上川大臣": one to three kanji that begin a word right before a title and
        begin the kanji name of exactly one registry official of ``country`` (the title's state,
        else the page's, else the language's own, ``names.family_names_state``) are that official."""
        if country is None:
            return None
        i = position
        while i > floor and position - i < 3 and is_cjk(self.text[i - 1]):
            i -= 1
        if i > floor and is_cjk(self.text[i - 1]):
            return None  # the kanji run on: the end of a longer word, not a name
        for start in range(i, position):
            family = self.text[start:position]
            found = {index for index, person in enumerate(self.registry.people) if person.country_on(self.day) == country and any(
                v.startswith(family) and len(v) > len(family) and is_cjk(v[:1]) for v in person.variants)}
            if len(found) == 1:
                return self.record("", None, found.pop()), start
            if found:
                return None
        return None

    def cjk_name_after(self, position: int, limit: int) -> tuple[int, int] | None:
        if self.text[position:position + 1] in ("兼", "、", "和", "及", "与", "與", "暨", "的", "级", "級", "府"):
            return None  # the title goes on ("副总理兼贸易...部长", "部长级顾问", "总统府"), no name here
        i = position
        while i < limit and (is_cjk(self.text[i]) or self.text[i] in "·•") and self.text[i] not in _CJK_STOP and \
                i - position < 12 and not self.text.startswith(self.cjk_day_words, i):
            i += 1
        if fold(self.text[position:i]).startswith(self.cjk_places) and self.cjk_places:
            return None  # "澳洲外长北京过生日": a city and a verb, not a name
        if i - position >= 2 and fold(self.text[position:i]) not in self.cjk_not_names:
            return position, i
        return None  # "总理定期会晤", "外长系列会议", "部长首先表示": a word, not a name


_TITLE_FORMS: dict[tuple[int, str], set[str]] = {}


def _title_forms(registry: Registry, lang: str) -> set[str]:
    """The folded titles of a language, once per registry and language (not per readout)."""
    key = (id(registry), lang)
    if key not in _TITLE_FORMS:
        _TITLE_FORMS[key] = {fold(" ".join(t.split())) for t in registry.lang(lang).get("titles", {})}
    return _TITLE_FORMS[key]


def _apposed_name_pattern(phrases: list[str], articles: list[str], modifiers: list[str] = (),
                          particles: list[str] = ()) -> re.Pattern[str]:
    """A capitalised name at the end of a text, then a comma and one of ``phrases`` (or a
    bracket), then an article of ``articles`` and words of ``modifiers``: what stands before
    a title said of that name. A name particle (``names.particles``) may stand between two of
    its capitalised words ("José Graziano da Silva, Director General de la FAO")."""
    words = sorted({re.escape(p.lstrip(",，").strip()) for p in phrases if p.lstrip(",，").strip()}, key=len, reverse=True)
    after_comma = rf"(?:(?:{'|'.join(words)})\s+)?" if words else ""
    arts = sorted({re.escape(a) + ("" if a.endswith(("'", "’")) else " ") for a in articles}, key=len, reverse=True)
    article = rf"(?:{'|'.join(arts)})?" if arts else ""
    mods = sorted({re.escape(m) for m in modifiers}, key=len, reverse=True)
    modifier = rf"(?:(?:{'|'.join(mods)})\s+){{0,2}}" if mods else ""
    parts = sorted({re.escape(p) for p in particles if p}, key=len, reverse=True)
    particle = rf"(?:(?:{'|'.join(parts)}) )?" if parts else ""
    return re.compile(rf"([A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+(?: {particle}[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+){{0,3}})\s*"
                      rf"(?:,\s*{after_comma}|\(|（)\s*{article}{modifier}$")


def _is_katakana(char: str) -> bool:
    return "\u30a1" <= char <= "\u30fa" or char == "ー"


def _token_subset(a: str, b: str) -> bool:
    ta, tb = set(name_key(a).split("-")) - {""}, set(name_key(b).split("-")) - {""}
    return bool(ta) and bool(tb) and (ta <= tb or tb <= ta)


def _lookup_family(f: _Finder, display: str, country: str | None) -> PersonRecord | None:
    """"Foreign Minister Tleuberdi": a registry or document person known by family name."""
    folded = fold(display)
    for person in f.people.values():
        if fold(person.family) == folded or _token_subset(display, person.name):
            if country is None or person.country in (None, country):
                if not person.key.startswith("r") and len(display) > len(person.name) and \
                        not is_cjk(display[:1]) and _token_subset(display, person.name):
                    person.name = display  # "Tamm" in the headline, "Jaan Tamm" in the lead: the full name
                return person
    for index in _family_index(f.registry).get(folded, []):
        if country is None or f.registry.people[index].country_on(f.day) == country:
            return f.record("", None, index)
    tokens = folded.split()
    if len(tokens) >= 2 and not is_cjk(display[:1]):
        # "Sergey Ryabkov", "Andrey Rudenko": another transliteration of a known official's
        # full name (same family name and state, the rest spelt nearly alike)
        for index, person in enumerate(f.registry.people):
            if fold(person.family) == tokens[-1] and (country is None or person.country_on(f.day) == country) and \
                    SequenceMatcher(None, fold(person.name), folded).ratio() >= 0.85:
                found = f.record("", None, index)
                f.spelled(found, display)
                return found
    if country and is_cjk(display[:1]):
        # "阿联酋外长阿卜杜拉": one part of a known Chinese transliteration ("阿卜杜拉·本·扎耶德"),
        # for an official of the state the title names, when only one official fits
        fits = [index for index, person in enumerate(f.registry.people) if person.country_on(f.day) == country and any(
            display in variant.split("·") for variant in person.variants if "·" in variant)]
        if len(fits) == 1:
            return f.record("", None, fits[0])
    return None


def sole_family(f: _Finder, word: str) -> PersonRecord | None:
    """The one registry official whose family name is ``word`` ("Timerman"); None when none
    or several bear it ("Kim", "Li"): a lone common family name names nobody."""
    index = sole_family_index(f, word)
    return f.record("", None, index) if index is not None else None


def sole_family_index(f: _Finder, word: str) -> int | None:
    """The registry index of the one official whose family name is ``word``, else None."""
    fits = _family_index(f.registry).get(fold(word), [])
    return fits[0] if len(fits) == 1 else None


def _family_index(registry: Registry) -> dict[str, list[int]]:
    """Registry indexes by folded family name, in every spelling the registry writes it:
    the last word of a Latin full-name variant ("Sergueï Choïgou", "Kassym-Jomart Tokaïev")
    is the family name as that language spells it, so "le président Tokaïev" finds Tokayev
    as "President Tokayev" does. Only a last word near the registry's family name counts
    (not the given name of a variant written family name first)."""
    cached = _FAMILIES.get(id(registry))
    if cached is not None and cached[0] is registry:
        return cached[1]
    families: dict[str, list[int]] = {}
    for i, person in enumerate(registry.people):
        family = fold(person.family)
        forms = {family}
        if person.name.split()[-1:] == person.family.split()[-1:] and " " not in family:
            for variant in person.variants:
                words = fold(variant).split()
                if len(words) >= 2 and _LATIN_WORD.fullmatch(words[-1]) and \
                        SequenceMatcher(None, words[-1], family).ratio() >= 0.7:
                    forms.add(words[-1])
        for form in sorted(forms):
            families.setdefault(form, []).append(i)
    _FAMILIES[id(registry)] = (registry, families)
    return families


_FAMILIES: dict[int, tuple[Registry, dict[str, list[int]]]] = {}
_LATIN_WORD = re.compile("[a-z]{3,}")


def _lookup_given(f: _Finder, display: str, country: str | None) -> PersonRecord | None:
    """"Sheikh Mohamed": the one known official whose name is that given name, then a
    patronymic ("Mohamed bin Zayed ..."), as the honorific calls such dignitaries; else none."""
    given = fold(display)
    fits = [index for index, person in enumerate(f.registry.people)
            if (country is None or person.country_on(f.day) == country) and len(words := fold(person.name).split()) > 2
            and words[0] == given and words[1] in f.patronymics]
    return f.record("", None, fits[0]) if len(fits) == 1 else None


def _add_person(person: PersonRecord, start: int, end: int, sentence: Sentence, mentions: list[Mention]) -> None:
    """Record a person mention in its sentence, keeping mentions in text order."""
    if person.first is None:
        person.first = Span(sentence.start, sentence.end)
    mentions.append(Mention(start, end, "person", (person.country or "",), person.key))
    mentions.sort(key=lambda x: x.start)

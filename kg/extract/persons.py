"""Officials: who is named in a readout, with which roles and for which state.

Title chains are read by :mod:`kg.extract.chains`; this module adds the names that come
without a title ("Maxime Prévot reçoit", "习近平致电奥尔西"), later short mentions ("M. Wang",
"Tleuberdi a déclaré") and the state of officials named without one."""

from __future__ import annotations

from functools import lru_cache

import datetime as dt
import re
from typing import Iterable

from kg.knowledge.matcher import Match, Matches, overlapping, within
from kg.model import Span
from kg.knowledge.morphology import Morphology
from kg.knowledge.registry import Registry
from kg.text import Sentence, fold, is_cjk, transliterate

from kg.extract.chains import sentence_mentions
from kg.extract.finder import _CJK_STOP, Mention, PersonRecord, _add_person, _Finder, _lookup_family, _pinyin_name, name_key, \
    sole_family, sole_family_index

__all__ = ["PersonRecord", "Mention", "find_people", "name_key"]


def find_people(text: str, sentences: list[Sentence], matches: list[Match], registry: Registry,
                lang: str, home: str | None, day: dt.date | None = None
                ) -> tuple[dict[str, PersonRecord], dict[int, list[Mention]]]:
    """People of the document, and the actor mentions of each sentence (by sentence index);
    ``day`` (the readout's) picks the state a registry official acted for then."""
    f = _Finder(text, registry, lang, home, day)
    if not f.cjk:
        matches = _titles_around_adjectives(f, matches)
    if f.cjk:
        matches = _longer_transliterations(text, matches, f.words.get("names", {}).get("transliteration_chars", ""))
        matches = _contradicted_glosses(text, matches, registry)
        if f.words.get("names", {}).get("kanji_after_family_is_given"):
            matches = _other_given_names(text, matches, registry, f.words.get("names", {}).get("honorifics", []))
    by_span: dict[tuple[int, int], set[str]] = {}
    for m in matches:
        if m.kind in ("state", "side", "adj") or m.kind == "person":
            value = m.value if m.kind != "person" else registry.people[int(m.value)].country_on(day)
            by_span.setdefault((m.start, m.end), set()).add(value)
    for values in by_span.values():
        if len(values) == 1:
            code = next(iter(values))
            f.state_counts[code] = f.state_counts.get(code, 0) + 1
    by_sentence: dict[int, list[Mention]] = {}
    for index, sentence in enumerate(sentences):
        inside = [m for m in within(matches, sentence.start, sentence.end) if m.end <= sentence.end]
        by_sentence[index] = sentence_mentions(f, sentence, inside)
    _plural_titles(f, sentences, matches, by_sentence)
    _names_before_verbs(f, sentences, matches, by_sentence)
    _listed_families(f, sentences, by_sentence)
    if f.cjk:
        _cjk_names_after_verbs(f, sentences, matches, by_sentence)
        _cjk_attendees(f, sentences, matches, by_sentence)
    _counterparts(f, sentences, matches, by_sentence)
    _short_mentions(f, sentences, by_sentence)
    _administrations(f, sentences, by_sentence)
    _spouses(f, sentences, by_sentence)  # before states are guessed: a spouse is no one "beside" an official
    _resolve_countries(f, sentences, matches, by_sentence)
    _reporting_titles(f, sentences, matches, by_sentence)
    _state_titles(f)
    _titles_of_named(f, by_sentence)
    _posts_taken(f, sentences, matches, by_sentence)
    _counterpart_posts(f)
    _cabinet_titles(f)
    _merge_partial_names(f, by_sentence)
    if not f.cjk:
        _spellings(f, matches)
    _latin_names(f)
    if f.cjk:
        _glossed_names(f, by_sentence)
    return f.people, by_sentence


_SPLIT_TITLES: dict[int, tuple[dict, dict[str, list[tuple[str, str]]]]] = {}


def _split_title_index(f: _Finder) -> dict[str, list[tuple[str, str]]]:
    """Each title of two words or more (in every inflected form) by its first word: the rest
    of the title and its role, longest rest first; made once per language."""
    titles = f.words.get("titles", {})
    cached = _SPLIT_TITLES.get(id(titles))
    if cached is not None and cached[0] is titles:
        return cached[1]
    index: dict[str, list[tuple[str, str]]] = {}
    for title, role in titles.items():
        for form in f.morphology.forms(" ".join(title.split())):
            first, _, rest = fold(form).partition(" ")
            if rest and (rest, role) not in index.get(first, []):
                index.setdefault(first, []).append((rest, role))
    for rests in index.values():
        rests.sort(key=lambda item: -len(item[0]))
    _SPLIT_TITLES[id(titles)] = (titles, index)
    return index


def _titles_around_adjectives(f: _Finder, matches: list[Match]) -> list[Match]:
    """"глава российского МИД", "o ministro russo dos Negócios Estrangeiros": a state's
    adjective written after the first word of a known title, with the rest of that title right
    after it, splits the title; the rest becomes a title match of the title's role, so that
    the adjective before it gives the state as in "российский министр"."""
    adjectives = [m for m in matches if m.kind == "adj"]
    if not adjectives:
        return matches
    index = _split_title_index(f)
    folded = f.folded
    title_starts = {m.start for m in matches if m.kind == "title"}
    added, dropped = [], set()
    for m in adjectives:
        before = re.search(r"(\S+) +$", folded[max(0, m.start - 40):m.start])
        if before is None or before.group(1) not in index:
            continue
        after = m.end
        while after < len(folded) and folded[after] == " ":
            after += 1
        if after == m.end or after in title_starts:
            continue
        for rest, role in index[before.group(1)]:
            end = after + len(rest)
            if folded.startswith(rest, after) and (end == len(folded) or not folded[end].isalnum()):
                added.append(Match(after, end, "title", role, f.text[after:end]))
                title_starts.add(after)
                # the first word as a title of its own ("ministro": minister) is part of this one
                first = m.start - len(before.group(0))
                dropped |= {id(x) for x in overlapping(matches, first, m.start) if x.kind == "title"
                            and x.start == first and x.end <= m.start}
                # as the longest match would: a cue word inside the title ("Relações") is no cue
                dropped |= {id(x) for x in overlapping(matches, after, end) if after <= x.start and x.end <= end}
                break
    if not added:
        return matches
    return Matches(sorted([*(x for x in matches if id(x) not in dropped), *added], key=lambda m: m.start))


# "傅达耀（Darío Filártiga Ruiz Díaz）": a Latin name in brackets glued after a transliterated one
_GLOSS = re.compile(r"\s?[（(]\s*([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ.'’\- ]{1,60}?)\s*[)）]")


def _glossed_names(f: _Finder, by_sentence: dict[int, list[Mention]]) -> None:
    """"巴拉圭新任驻台大使傅达耀（Darío Filártiga Ruiz Díaz）": a Chinese page that glosses an
    official the registry does not know with the name in Latin letters gives the Latin name
    ANNOTATION.md §2 asks for; the characters stay the name as written."""
    for mentions in by_sentence.values():
        for m in mentions:
            person = f.people.get(m.person or "")
            if m.kind != "person" or person is None or person.key.startswith("r") or not is_cjk(person.name[:1]):
                continue
            gloss = _GLOSS.match(f.text, m.end)
            if gloss is None or len(gloss.group(1).split()) < 2:
                continue
            latin = " ".join(gloss.group(1).split())
            person.written = person.written or person.name
            person.name = latin
            tokens = latin.split()
            first = bool(person.country and f.registry.states.get(person.country)
                         and f.registry.states[person.country].family_name_first)
            person.family = tokens[0] if first else tokens[-1]


def _contradicted_glosses(text: str, matches: list[Match], registry: Registry) -> list[Match]:
    """"巴罗(Tim Barrow)" is not 巴罗 (Jean-Noël Barrot): one transliteration serves several
    foreign names, so where the page glosses it with a Latin name that shares no word with the
    registry official's name, the page names someone else; that person match goes, and the
    gloss gives the name (:func:`_glossed_names`)."""
    dropped = set()
    for m in matches:
        if m.kind != "person" or not is_cjk(m.text[:1]):
            continue
        gloss = _GLOSS.match(text, m.end)
        if gloss is None or len(gloss.group(1).split()) < 2:
            continue
        person = registry.people[int(m.value)]
        known = {fold(word) for form in (person.name, person.family, *person.variants)
                 for word in re.split(r"[\s\-]+", form) if word}
        if not known & {fold(word) for word in re.split(r"[\s\-]+", gloss.group(1)) if word}:
            dropped.add(id(m))
    if not dropped:
        return matches
    kept = [m for m in matches if id(m) not in dropped]
    return Matches(kept) if isinstance(matches, Matches) else kept


def _other_given_names(text: str, matches: list[Match], registry: Registry, honorifics: list[str]) -> list[Match]:
    """"河野洋平議長" is not 河野 (Taro Kono): a known official's family name written alone, glued
    to two more ideographs that start no title or other known word (nor an honorific, "河野氏"),
    is the family name of someone else, whose given name follows; that person match goes. Only
    where the language says so (``names.kanji_after_family_is_given``): Japanese puts a kana
    particle before a verb, Chinese glues the verb on ("通伦共同主持")."""
    starts = {m.start for m in matches}
    dropped = set()
    for m in matches:
        if m.kind != "person" or m.end + 2 > len(text) or not is_cjk(m.text[:1]):
            continue
        after = text[m.end:m.end + 2]
        if not all(is_cjk(c) for c in after) or m.end in starts or m.end + 1 in starts or \
                any(text.startswith(h, m.end) for h in honorifics):
            continue
        person = registry.people[int(m.value)]
        if any(v.startswith(m.text) and len(v) > len(m.text) and not v.startswith(m.text + after[:1])
               for v in person.variants if is_cjk(v[:1])):
            dropped.add(id(m))
    if not dropped:
        return matches
    kept = [m for m in matches if id(m) not in dropped]
    return Matches(kept) if isinstance(matches, Matches) else kept


def _longer_transliterations(text: str, matches: list[Match], chars: str) -> list[Match]:
    """"外交部长拉米雷斯" is not "拉米" (David Lammy): a known foreign name written wholly in
    transliteration characters (``names.transliteration_chars``) and glued to another of them,
    where nothing else the lexicon knows starts, is only the start of a longer name; that
    person match goes, and the name is read as a name the registry does not know."""
    if not chars:
        return matches
    letters = set(chars) | {"·", "•"}
    starts = {m.start for m in matches}
    dropped = {id(m) for m in matches if m.kind == "person" and m.end < len(text) and text[m.end] in letters
               and m.end not in starts and all(c in letters for c in text[m.start:m.end])}
    if not dropped:
        return matches
    kept = [m for m in matches if id(m) not in dropped]
    return Matches(kept) if isinstance(matches, Matches) else kept


def _administrations(f: _Finder, sentences: list[Sentence], by_sentence: dict[int, list[Mention]]) -> None:
    """"트럼프 행정부", "the Biden administration", "l'administration Obama": a leader named only to
    name a government (``names.administration_after`` / ``administration_before``, the words
    written after or before the name) takes no part; such mentions go, and a person left with
    no other mention goes too."""
    names = f.words.get("names", {})
    after = tuple(fold(w) for w in names.get("administration_after", []))
    before = tuple(fold(w) for w in names.get("administration_before", []))
    if not after and not before:
        return
    folded = f.folded
    dropped: set[str] = set()
    for index, sentence in enumerate(sentences):
        kept = []
        for x in by_sentence[index]:
            if x.kind == "person" and x.person and (
                    (after and folded[x.end:sentence.end].lstrip().startswith(after))
                    or (before and folded[sentence.start:x.start].rstrip().endswith(before))):
                dropped.add(x.person)
                continue
            kept.append(x)
        by_sentence[index] = kept
    still = {x.person for mentions in by_sentence.values() for x in mentions if x.person}
    for key in dropped - still:
        f.people.pop(key, None)


def _state_titles(f: _Finder) -> None:
    """"Foreign Secretary Shanker Das Bairagi" of Nepal is not Nepal's foreign minister: a title
    whose post depends on the state (``names.state_titles``: the title, the post it names for
    the states listed) gives that post to an official of one of those states."""
    table = {fold(title): entry for title, entry in f.words.get("names", {}).get("state_titles", {}).items()}
    if not table:
        return
    for person in f.people.values():
        for role, written in list(person.roles.items()):
            entry = table.get(fold(" ".join(written.split())))
            if entry is None or person.country not in entry.get("states", []) or role == entry["role"]:
                continue
            del person.roles[role]
            person.roles.setdefault(entry["role"], written)
            span = person.role_spans.pop(role, None)
            if span is not None:
                person.role_spans.setdefault(entry["role"], span)


def _spouses(f: _Finder, sentences: list[Sentence], by_sentence: dict[int, list[Mention]]) -> None:
    """"mit seiner Frau Elke Büdenbender", "accompanied by his wife Jane Doe": a person named
    right after a word for a spouse (``names.spouses``) holds no post and takes no part
    (ANNOTATION.md §1: participants are officials), wherever else the text names them. Run before
    the states of officials are guessed, so that a spouse counts for nothing there either."""
    words = sorted({fold(w) for w in f.words.get("names", {}).get("spouses", [])}, key=len, reverse=True)
    if not words:
        return
    folded = f.folded
    spouses: set[str] = set()
    for index, sentence in enumerate(sentences):
        for cue_start, cue_end in _occurrences(folded, words, sentence.start, sentence.end):
            # "seiner Frau Elke ...": the spouse word may open the mention as a courtesy title ("Frau")
            following = [x for x in by_sentence[index] if x.kind == "person" and x.person
                         and x.start >= cue_start and x.end > cue_end]
            if following and f.is_glue(cue_end, max(cue_end, following[0].start)):
                spouses.add(following[0].person)
    for key in spouses:
        if key in f.people and not f.people[key].roles:
            del f.people[key]
            for mentions in by_sentence.values():
                mentions[:] = [x for x in mentions if x.person != key]


_REPORTER_WORDS = 5  # words of the body spoken for between a spokesperson's title and the name


def _reporting_titles(f: _Finder, sentences: list[Sentence], matches: list[Match],
                      by_sentence: dict[int, list[Mention]]) -> None:
    """"المتحدث باسم الكرملين دميتري بيسكوف", "официальный представитель российского МИД Мария
    Захарова": a spokesperson's title (``names.reporting_titles``) is kept from the name by the
    body spoken for, which no chain of titles spans. A person with no post named within a few
    words after such a title, with no one else, no speech or encounter word and no clause end
    between (a comma right before the name is apposition), holds it: a spokesperson who reports
    an encounter is then known as one and takes no part in it."""
    reporting = tuple(fold(w) for w in f.words.get("names", {}).get("reporting_titles", []))
    if not reporting:
        return
    folded = f.folded
    titles = [m for m in matches if m.kind == "title" and any(w in folded[m.start:m.end] for w in reporting)]
    if not titles:
        return
    blocking = [m for m in matches if m.kind == "speech" or m.kind.startswith("event.")]
    for index, sentence in enumerate(sentences):
        mentions = by_sentence.get(index, [])
        for title in within(titles, sentence.start, sentence.end):
            after = [x for x in mentions if x.start >= title.end and x.kind not in ("state", "adj", "org", "side")]
            if not after or after[0].kind != "person" or not after[0].person:
                continue
            x = after[0]
            person = f.people.get(x.person)
            gap = f.text[title.end:x.start].rstrip().rstrip(",،").rstrip()
            if person is None or person.roles or person.generic_roles or len(gap.split()) > _REPORTER_WORDS \
                    or any(c in _CLAUSE_END for c in gap) or any(title.end <= m.start < x.start for m in blocking):
                continue
            person.roles["other"] = f.text[title.start:title.end]
            person.role_spans["other"] = Span(title.start, title.end)


def _plural_titles(f: _Finder, sentences: list[Sentence], matches: list[Match],
                   by_sentence: dict[int, list[Mention]]) -> None:
    """"the foreign ministers of China and Russia, Wang Yi and Sergey Lavrov", "los presidentes
    de Estados Unidos, Joe Biden, y China, Xi Jinping": a plural title (``names.plural_titles``)
    followed by a list of states and at least two names gives its post to every name. The
    states go to the names in order, one before each name or all before the names, and only
    to a name whose state is not known."""
    table = {fold(" ".join(k.split())): v for k, v in f.words.get("names", {}).get("plural_titles", {}).items()}
    if not table:
        return
    actors = f.words.get("actors", {})
    links = {fold(w) for w in actors.get("and", []) + actors.get("of", []) + actors.get("title_joiners", [])}
    links |= {piece for w in list(links) for piece in w.split()} | {",", "，", "、"}
    conjunctions = {piece for w in actors.get("and", []) for piece in fold(w).split()}
    folded = f.folded
    listed = sorted((m for m in matches if m.kind in ("state", "adj", "person")), key=lambda m: (m.start, m.kind != "person"))
    forms = sorted(table, key=len, reverse=True)
    for index, sentence in enumerate(sentences):
        for start, end in _occurrences(folded, forms, sentence.start, sentence.end):
            role = table[folded[start:end]]
            # ("state", code) or ("person", (registry index or written name, span)): recorded once the list holds
            items: list[tuple[str, object]] = []
            position = end
            closed = False  # whether "and" joins the names: "Wang Yi and Sergey Lavrov", "Joe Biden, y China, Xi Jinping"
            while position < sentence.end:
                position = _past_links(f.text, folded, position, sentence.end, links)
                found = next((m for m in listed if m.start == position), None)
                if found is not None and found.kind in ("state", "adj"):
                    items.append(("state", found.value))
                    position = found.end
                    continue
                if found is not None:
                    person: int | str = int(found.value)
                    span = (found.start, found.end)
                elif not f.cjk and (span := f.latin_name_after(position, sentence.end)) and f.is_glue(position, span[0]) \
                        and len(f.text[span[0]:span[1]].split()) >= 2 \
                        and not any(fold(t) in f.function_words for t in f.text[span[0]:span[1]].split()) \
                        and not overlapping(matches, span[0], span[1]):
                    person = " ".join(f.text[span[0]:span[1]].split())
                else:
                    break
                items.append(("person", (person, span)))
                position = span[1]
            for kind, value in items:
                if kind == "person":
                    gap = folded[value[1][1]:position]  # from the end of the first name to the end of the list
                    closed = any(c in gap for c in conjunctions) if f.cjk else bool(set(re.findall(r"[\w'’]+", gap)) & conjunctions)
                    break
            if sum(kind == "person" for kind, _ in items) < 2 or not closed:
                continue  # "Ministers in New York, Swaraj said": names not closed by "and" are no list
            mentions = by_sentence[index]
            people = []
            for kind, value in items:
                if kind != "person":
                    continue
                written, span = value
                person = f.record("", None, written) if isinstance(written, int) else \
                    (_lookup_family(f, written, None) or f.record(written, None, None))
                people.append(person)
                if not any(x.person == person.key and x.start < span[1] and span[0] < x.end for x in mentions):
                    _add_person(person, span[0], span[1], sentence, mentions)
            states = [value for kind, value in items if kind == "state"]
            kinds = [kind for kind, _ in items]
            if kinds == ["state", "person"] * len(people) or kinds == ["state"] * len(people) + ["person"] * len(people):
                for person, code in zip(people, states):
                    if person.country is None:
                        person.country = code
            written = " ".join(f.text[start:end].split())
            for person in people:
                if role not in person.roles:
                    person.roles[role] = written
                    person.role_spans[role] = Span(sentence.start, sentence.end)


def _past_links(text: str, folded: str, position: int, limit: int, links: set[str]) -> int:
    """Where the next item of a list starts: past spaces, commas and the words joining the
    items ("and", "of", "et", "de")."""
    while position < limit:
        step = re.match(r"\s*([^\w\s]|[\w'’]+)", folded[position:limit])
        if not step or step.group(1) not in links:
            break
        position += step.end()
    while position < limit and text[position].isspace():
        position += 1
    return position


def _latin_names(f: _Finder) -> None:
    """An official the registry does not know, named in a script with a transliteration table
    (Cyrillic, Arabic), gets the Latin name ANNOTATION.md §2 asks for; the name as written is
    kept beside it."""
    table = f.words.get("transliteration")
    if not table:
        return
    letters = set(table.get("letters", {}))
    morphology = Morphology(f.words.get("morphology"))
    heads = {fold(title.split()[0]) for title in f.words.get("titles", {}) if title.strip()}
    # by state, the syllabary a name of that state is read by (Palladius for Chinese, Polivanov for Japanese)
    syllabaries = [table["syllabic"]] if "syllabic" in table else []
    syllabaries += table.get("syllabaries", [])
    for person in f.people.values():
        if person.key.startswith("r") or not any(c.lower() in letters for c in person.name):
            continue
        # "с послом США Джоном Теффтом": the name in the case of its title, read back to its base form
        titles = list(person.roles.values()) or [written for written, _ in person.generic_roles.values()]
        cases = morphology.cases_of(titles[0].split()[0], heads) if titles and titles[0].split() else set()
        written = morphology.nominative(person.name, cases)
        family = written.split()[-1] if person.family == person.name.split()[-1] and written.split() else person.family
        person.written = person.written or written
        syllabic = next((s for s in syllabaries if person.country in s.get("states", [])), {})
        read = _syllables(written, syllabic.get("table", {})) if syllabic else None
        if read:
            person.name = read
            if syllabic.get("join_given"):  # "Hu Jin Tao" -> "Hu Jintao"
                family_name, *given = person.name.split()
                person.name = " ".join([family_name] + (["".join(given).capitalize()] if given else []))
            person.family = person.name.split()[0 if syllabic.get("family_first", True) else -1]
        else:
            person.name = transliterate(written, table)
            person.family = transliterate(family, table)


def _syllables(name: str, table: dict[str, str]) -> str | None:
    """``name`` read syllable by syllable ("Ху Цзиньтао" -> "Hu Jintao", by the Palladius table
    of Russian); None when a word does not split into the table's syllables."""
    longest = max(map(len, table), default=0)
    out = []
    for word in name.split():
        low, parts, i = word.lower(), [], 0
        # fewest syllables first: the longest syllable that leaves a word the table can finish
        best: dict[int, list[str] | None] = {len(low): []}
        for start in range(len(low) - 1, -1, -1):
            options = [[table[low[start:end]]] + best[end] for end in range(start + 1, min(len(low), start + longest) + 1)
                       if low[start:end] in table and best.get(end) is not None]
            best[start] = min(options, key=len) if options else None
        if not best.get(0):
            return None
        parts = best[0]
        out.append("".join(parts).capitalize())
    return " ".join(out) if out else None


def _posts_taken(f: _Finder, sentences: list[Sentence], matches: list[Match],
                 by_sentence: dict[int, list[Mention]]) -> None:
    """"祝贺他连任多米尼加共和国总统", "congratulated him on his re-election as President": the
    post named right after the words of taking it is held by the person named last before
    them in the sentence (the one congratulated)."""
    phrases = sorted({fold(w) for w in f.words.get("names", {}).get("post_taken", [])}, key=len, reverse=True)
    if not phrases:
        return
    folded = f.folded  # same length as the text: offsets carry over
    for index, sentence in enumerate(sentences):
        for cue_start, cue_end in _occurrences(folded, phrases, sentence.start, sentence.end):
            people = [x for x in by_sentence[index] if x.kind == "person" and x.person and x.end <= cue_start]
            if not people:
                continue
            following = sorted((m for m in within(matches, cue_end, sentence.end) if m.kind in ("title", "state", "adj", "org")),
                               key=lambda m: m.start)
            titles, end, named = [], cue_end, False
            for m in following:  # the chain of states and titles right after the cue
                if not f.is_glue(end, m.start):
                    break
                if m.kind == "title":
                    titles.append(m)
                else:
                    named = True  # "President of the Dominican Republic" names a post, not a courtesy
                end = m.end
            person = f.people[people[-1].person]
            for title in titles:
                if title.value not in person.roles and (named or fold(" ".join(title.text.split())) not in f.generic):
                    person.roles[title.value] = " ".join(title.text.split())
                    person.role_spans[title.value] = Span(sentence.start, sentence.end)


def _merge_partial_names(f: _Finder, by_sentence: dict[int, list[Mention]]) -> None:
    """"斯里兰卡总统拉贾帕克萨" in the headline, "马欣达·拉贾帕克萨" in the body; "Canciller Saint Malo
    de Alvarado" in the headline, "Isabel de Saint Malo de Alvarado" in the body: a name that is
    part of the full name of exactly one official the document names, of the same state, is
    that official (the registry alone cannot tell two Rajapaksas apart)."""
    known = {key: person for key, person in f.people.items() if key.startswith("r")}

    def part_of(name: str, entry) -> bool:
        if is_cjk(name[:1]):
            return any(name in variant.split("·") for variant in entry.variants if "·" in variant)
        tokens = set(name_key(name).split("-"))
        return any(tokens <= set(name_key(full).split("-")) for full in [entry.name, *entry.variants]
                   if not is_cjk(full[:1]))

    for key, person in list(f.people.items()):
        if key.startswith("r") or not person.name:
            continue
        fits = [other for other in known.values() if other.country == person.country
                and part_of(person.name, f.registry.people[int(other.key[1:])])]
        if len(fits) != 1:
            continue
        official = fits[0]
        for role, title in person.roles.items():
            official.roles.setdefault(role, title)
            if role in person.role_spans:
                official.role_spans.setdefault(role, person.role_spans[role])
        if person.first is not None and (official.first is None or person.first.start < official.first.start):
            official.first = person.first
        for mentions in by_sentence.values():
            for mention in mentions:
                if mention.person == key:
                    mention.person = official.key
        del f.people[key]


def _spellings(f: _Finder, matches: list[Match]) -> None:
    """The readout's spelling of each registry person it names in full (:meth:`_Finder.spelled`)."""
    for m in sorted((m for m in matches if m.kind == "person"), key=lambda m: m.start):
        person = f.people.get(f"r{m.value}")
        if person is not None:
            f.spelled(person, m.text)


# after "同"/"与" the name must lead on to the encounter's verb or a list ("同X、Y举行会谈"): a
# noun closing its clause is no name ("促进和平与发展。")
_CJK_NAME_AFTER = re.compile(
    r"(?:(?:致电|致電|致信|致函|复信|覆信|会见|會見|会晤|會晤|接见|接見)([\u4e00-\u9fff·]{2,9}?)(?=[，。、；,]|{verbs})|"
    r"(?:同|与|與)([\u4e00-\u9fff·]{2,9}?)(?=、|{verbs}))".replace(
        "{verbs}", "通电话|通電話|通话|通話|举行|舉行|会谈|會談|会晤|會晤|互致|视频|視頻|表示|时|時|并|並|就"))


def _cjk_names_after_verbs(f: _Finder, sentences: list[Sentence], matches: list[Match],
                           by_sentence: dict[int, list[Mention]]) -> None:
    """"习近平致电奥尔西", "王毅同X通电话": a name right after the verb or preposition of the
    encounter is a person even without a title."""
    for index, sentence in enumerate(sentences[:4]):
        mentions = by_sentence[index]
        for found in _CJK_NAME_AFTER.finditer(f.text, sentence.start, sentence.end):
            start, end = found.span(1) if found.group(1) else found.span(2)
            if overlapping(matches, start, end) or any(x.start < end and start < x.end for x in mentions):
                continue
            _add_person(f.record(f.text[start:end], None, None), start, end, sentence, mentions)


def _cjk_attendees(f: _Finder, sentences: list[Sentence], matches: list[Match],
                   by_sentence: dict[int, list[Mention]]) -> None:
    """"吴政隆参加会见。", "丁薛祥、王毅等陪同。": officials listed without a title in a clause
    that only says they attended are people. Each name must start with a Chinese family name
    (``names.family_names``), so "双方参加会见" or "有关部门负责人出席" name nobody. A readout
    gives a foreign official's state and title, so one named bare serves the publisher, else the
    state of those family names (``names.family_names_state``)."""
    names = f.words.get("names", {})
    families = names.get("family_names", [])
    not_given = set(names.get("not_given", []))
    cues = f.words.get("events", {}).get("present", [])
    country = f.home or names.get("family_names_state")
    if not families or not cues:
        return
    family = "|".join(map(re.escape, sorted(families, key=len, reverse=True)))
    stop = re.escape("".join(sorted(_CJK_STOP | not_given)))
    name = rf"(?:{family})(?:(?![{stop}])[\u4e00-\u9fff]){{1,2}}"
    clause = re.compile(
        rf"(?:^|(?<=[，,；;：:。]))(({name})(?:[、和及与與]{name})*)等?"
        rf"(?:{'|'.join(map(re.escape, sorted(cues, key=len, reverse=True)))})(?=[。；;，,]|$)")
    for index, sentence in enumerate(sentences):
        if sentence.paragraph < 0:
            continue
        mentions = by_sentence[index]
        for found in clause.finditer(sentence.text):
            offset = sentence.start + found.start(1)
            for part in re.finditer(name, found.group(1)):
                start, end = offset + part.start(), offset + part.end()
                if overlapping(matches, start, end) or any(x.start < end and start < x.end for x in mentions):
                    continue
                _add_person(f.record(f.text[start:end], country, None), start, end, sentence, mentions)


def _names_before_verbs(f: _Finder, sentences: list[Sentence], matches: list[Match],
                        by_sentence: dict[int, list[Mention]]) -> None:
    """"Maxime Prévot reçoit ...", "Sonko a déclaré": a capitalised name right before an
    event or speech verb is a person even without a title."""
    if f.cjk:
        return
    for index, sentence in enumerate(sentences):
        mentions = by_sentence[index]
        for cue in within(matches, sentence.start, sentence.end):
            if not (cue.kind.startswith("event.") or cue.kind == "speech"):
                continue
            head = f.text[sentence.start:cue.start]
            found = re.search(r"((?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w'’\-]+|de|da|di|van|von|bin|al|el|ben|le|la)(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w'’\-]+|de|da|di|van|von|bin|al|el|ben|le|la)){1,3})\s*,?\s*$", head)
            if not found:
                continue
            start, end = sentence.start + found.start(1), sentence.start + found.end(1)
            name = f.text[start:end]
            tokens = name.split()
            # "Timerman le transmitió": a particle stands inside a name, never at its end
            words = [w for w in re.finditer(r"\S+", name)]
            while words and not words[-1].group()[:1].isupper():
                words.pop()
            if not words:
                continue
            end = start + words[-1].end()
            name, tokens = f.text[start:end], [w.group() for w in words]
            if len(tokens) == 1:
                # one word left: a person only as the family name of one the readout already
                # names ("Catherine Colonna ... Mme Colonna"), else of the one known official who bears it
                known = _family_holder(f, name, matches)
                if known is not None and not any(x.start < end and start < x.end for x in mentions):
                    _add_person(known, start, end, sentence, mentions)
                continue
            previous = head[:found.start(1)].split()
            if previous and fold(previous[-1]) in f.articles:
                continue  # "über die Zukunft Europas sprachen": after an article stands a noun
            if tokens[0].lower() in f.particles or tokens[-1].lower() in f.particles:
                continue
            if any(fold(t).strip("'’") in f.function_words for t in tokens):
                continue  # "the Foreign Ministers’ Meeting": words of an institution, not a name
            if any(m.kind != "honorific" for m in overlapping(matches, start, end)) or \
               any(x.start < end and start < x.end for x in mentions):
                continue
            _add_person(_lookup_family(f, name, None) or f.record(name, None, None), start, end, sentence, mentions)


_FAMILY_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]+")
# a list's items: a capitalised word, a comma, any other word, number or sign (which ends a list)
_LIST_ITEM = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w'’\-]+|,|\w+|[^\w\s]")


def _listed_families(f: _Finder, sentences: list[Sentence], by_sentence: dict[int, list[Mention]]) -> None:
    """"Scholz, Macron und Xi haben ... beraten": in a list of bare words joined by commas and
    "and" beside an official the sentence already names, each word is an official too when
    it is the family name of one the readout names or of the one registry official who bears
    it; a list with any other word ("Scholz, Paris und Berlin") names nobody more."""
    if f.cjk or f.caseless:
        return
    ands = {fold(w) for w in f.words.get("actors", {}).get("and", []) if " " not in w}
    for index, sentence in enumerate(sentences):
        mentions = by_sentence[index]
        people = [x for x in mentions if x.kind == "person"]
        if not people or not any(_listed_beside(f.text, x, ands) for x in people):
            continue  # (the cheap test first: no comma or "and" right beside an official)
        # the sentence as items: a person mention, a separator, a capitalised word, another word
        items: list[tuple[int, int, str]] = []
        at = sentence.start
        for x in sorted(people, key=lambda x: x.start):
            items += _list_items(f, at, x.start, ands)
            items.append((x.start, x.end, "person"))
            at = max(at, x.end)
        items += _list_items(f, at, sentence.end, ands)
        run: list[tuple[int, int, str]] = []
        for item in items + [(sentence.end, sentence.end, "other")]:
            expect_name = not run or run[-1][2] == "sep"
            if expect_name and item[2] in ("person", "word"):
                run.append(item)
                continue
            if not expect_name and item[2] == "sep":
                run.append(item)
                continue
            _add_listed(f, [r for r in run if r[2] != "sep"], sentence, mentions)
            run = [item] if item[2] in ("person", "word") else []
        mentions.sort(key=lambda x: x.start)


def _listed_beside(text: str, x: Mention, ands: set[str]) -> bool:
    after = text[x.end:x.end + 12].lstrip()
    before = text[max(0, x.start - 12):x.start].rstrip()
    return after[:1] == "," or before[-1:] == "," or \
        fold(after.split(" ", 1)[0]) in ands or fold(before.rsplit(" ", 1)[-1]) in ands


def _list_items(f: _Finder, start: int, end: int, ands: set[str]) -> list[tuple[int, int, str]]:
    items = []
    for m in _LIST_ITEM.finditer(f.text, start, end):
        word = m.group()
        kind = "sep" if word == "," or fold(word) in ands else ("word" if word[0].isupper() else "other")
        joined = bool(items) and f.text[items[-1][1]:m.start()].isspace()
        if kind == "word" and joined and (items[-1][2] == "word" or f.text[items[-1][0]].isdigit()):
            kind = "other"  # two capitalised words in a row: a full name or a phrase, not a bare family name
            items[-1] = (items[-1][0], items[-1][1], "other")  # (and "13 May": a month beside a number)
        elif word[0].isdigit() and joined and items[-1][2] == "word":
            items[-1] = (items[-1][0], items[-1][1], "other")  # "May 2021"
        items.append((m.start(), m.end(), kind))
    return items


def _add_listed(f: _Finder, names: list[tuple[int, int, str]], sentence: Sentence, mentions: list[Mention]) -> None:
    words = [n for n in names if n[2] == "word"]
    if len(names) < 2 or not words or len(words) == len(names):
        return
    found: list[tuple[PersonRecord | int, int, int]] = []
    for start, end, _ in words:
        word = f.text[start:end]
        known = [p for p in f.people.values() if fold(p.family) == fold(word)]
        # (a registry official becomes the document's only once the whole list is read)
        person = (known[0] if len(known) == 1 else None) if known else sole_family_index(f, word)
        if person is None:
            return
        found.append((person, start, end))
    for person, start, end in found:
        record = f.record("", None, person) if isinstance(person, int) else person
        _add_person(record, start, end, sentence, mentions)


def _family_holder(f: _Finder, family: str, matches: list[Match]) -> PersonRecord | None:
    """Who a bare family name ("M. Lu", "Colonna a déclaré") names: the one person of that
    family the readout already has; else the full name the page writes elsewhere ("Lu Shaye",
    not the registry's one Lu); else the one official of that family the registry knows."""
    known = [p for p in f.people.values() if fold(p.family) == fold(family)]
    if known:
        return known[0] if len(known) == 1 else None
    for at, end in _occurrences(f.text, [family], 0, len(f.text)):
        after = _FAMILY_WORD.match(f.text, end + 1) if f.text[end:end + 1] == " " else None
        before = re.search(r"([A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]+) $", f.text[max(0, at - 30):at])
        spans = ([(at, after.end())] if after else []) + ([(at - len(before.group(1)) - 1, end)] if before else [])
        for start, stop in spans:
            other = f.text[start:stop].replace(family, "").strip()
            if fold(other) in f.honorifics or f.written_lower(other) or \
                    any(m.kind != "person" for m in overlapping(matches, start, stop)):
                continue
            full = f.text[start:stop]
            return _lookup_family(f, full, None) or f.record(full, None, None)
    return sole_family(f, family)


def _counterparts(f: _Finder, sentences: list[Sentence], matches: list[Match],
                  by_sentence: dict[int, list[Mention]]) -> None:
    """"X held talks with his Bissau-Guinean counterpart, Suzi Carla Barbosa", "son homologue
    français Jean-Yves Le Drian": the person after a counterpart word holds the same post for
    another state — the state written beside the word when there is one, never the state of
    those named before it in the sentence. A capitalised name there is a person even
    without a title."""
    words = sorted({fold(w) for w in f.words.get("names", {}).get("counterpart", [])}, key=len, reverse=True)
    if not words or f.cjk:
        return
    folded = f.folded
    # "son homologue de la République populaire de Chine, Wang Yi": the state after a word of "of"
    of = {" ".join(fold(w).split()) for w in f.words.get("actors", {}).get("of", [])}
    respectively = [fold(w) for w in f.words.get("actors", {}).get("respectively", [])]
    for index, sentence in enumerate(sentences):
        mentions = by_sentence[index]
        for cue_start, cue_end in _occurrences(folded, words, sentence.start, sentence.end):
            before = {f.people[x.person].country for x in mentions
                      if x.person and x.end <= cue_start and f.people[x.person].country}
            beside = [m for m in within(matches, sentence.start, sentence.end) if m.kind in ("state", "adj")
                      and (f.is_glue(m.end, cue_start) or f.is_glue(cue_end, m.start))
                      and (m.end <= cue_start <= m.end + 3 or cue_end <= m.start <= cue_end + 3
                           or (m.start >= cue_end and " ".join(f.gap(cue_end, m.start).split()) in of))]
            own = next((m.value for m in beside if m.value not in before), None)
            name_from = max([cue_end] + [m.end for m in beside if m.start >= cue_end])
            person = None
            following = [x for x in mentions if x.start >= name_from and x.kind in ("person", "title_ref")]
            if following and f.is_glue(name_from, following[0].start) and following[0].person:
                person = f.people[following[0].person]
            elif not following or following[0].start > name_from + 4:
                span = f.latin_name_after(name_from, sentence.end)
                if span and f.is_glue(name_from, span[0]) and len(f.text[span[0]:span[1]].split()) >= 2 and \
                        not any(m.start < span[1] and span[0] < m.end for m in matches if m.kind != "honorific") and \
                        not any(fold(t) in f.function_words for t in f.text[span[0]:span[1]].split()):
                    person = _lookup_family(f, f.text[span[0]:span[1]], own) or f.record(f.text[span[0]:span[1]], own, None)
                    _add_person(person, span[0], span[1], sentence, mentions)
            if person is None:
                person = _apposed_counterpart(f, mentions, beside, cue_start)
                if person is None:
                    continue
                before = {f.people[x.person].country for x in mentions if x.person and x.person != person.key
                          and x.end <= cue_start and f.people[x.person].country}
            person.counterpart_of |= before - ({own} if own else set())
            subjects = [f.people[key] for key in dict.fromkeys(x.person for x in mentions if x.person
                                                               and x.end <= cue_start and x.person != person.key)]
            opening = next((x for x in mentions if x.kind in ("pronoun", "person") and x.end <= cue_start), None)
            if subjects and opening is not None and opening.kind == "pronoun":
                # "She met Prime Minister A and her Singaporean counterpart B": those named after the
                # pronoun are its objects; "her" is the subject's, named in an earlier sentence
                subjects = [s for s in _last_named(f, by_sentence, index, person.key) if s not in subjects]
            if not subjects and any(x.kind == "pronoun" and x.end <= cue_start for x in mentions):
                # "He also had a meeting with his Japanese counterpart X": the one named last before
                subjects = _last_named(f, by_sentence, index, person.key)
            elif not subjects and not any(x.kind == "pronoun" and x.end <= cue_start for x in mentions):
                # "Lors de sa rencontre avec son homologue iranien X, le ministre chinois Y a ...":
                # a fronted clause; the possessive is the subject's, named after it
                subjects = [f.people[key] for key in dict.fromkeys(
                    x.person for x in mentions if x.kind == "person" and x.person and x.start > cue_end
                    and x.person != person.key)][:1]
            if len(subjects) == 1:
                f.counterparts.append((person.key, subjects[0].key, Span(sentence.start, sentence.end)))
            if len(subjects) == 1:  # a counterpart holds the same post, unless the text names another
                # (also one named only by a generic title: "Le président chinois X et son homologue")
                held = {role: written for role, written in subjects[0].roles.items()} or \
                    {role: written for role, (written, _) in subjects[0].generic_roles.items()}
                for role, written in held.items():
                    person.generic_roles.setdefault(role, (written, Span(sentence.start, sentence.end)))
            if person.country is None and own:
                person.country = own
            elif person.country in before and not person.key.startswith("r"):
                person.country = own  # the state of the one whose counterpart they are is not theirs
            _listed_counterparts(f, sentence, matches, mentions, person, cue_start, respectively)


def _listed_counterparts(f: _Finder, sentence: Sentence, matches: list[Match], mentions: list[Mention],
                         person: PersonRecord, cue_start: int, respectively: list[str]) -> None:
    """"her Brazilian and Saudi Arabian counterparts A and B (respectively)": when two or more
    states stand listed before the counterpart word (or the sentence says "respectively"), the
    names listed after the first counterpart are counterparts too, with the same post, and a
    name of no known state takes the state of its rank in the list."""
    states = [m for m in within(matches, sentence.start, cue_start) if m.kind in ("state", "adj") and m.end <= cue_start]
    chain: list[Match] = []
    for m in reversed(states):
        end = chain[0].start if chain else cue_start
        if (chain and f.in_list(m.end, end, closing=True)) or (not chain and f.is_glue(m.end, end)):
            chain.insert(0, m)
        else:
            break
    folded = f.folded[sentence.start:sentence.end]
    if len(chain) < 2 and not any(w in folded for w in respectively):
        return
    at = next((i for i, x in enumerate(mentions) if x.person == person.key and x.start > cue_start), None)
    if at is None:
        return
    listed, end = [person], mentions[at].end
    while end < sentence.end:
        x = next((x for x in mentions if x.start >= end), None)
        if x is not None and x.kind == "person" and x.person and f.in_list(end, x.start, closing=True):
            listed.append(f.people[x.person])
            end = x.end
            continue
        # a name of no known official: "..., Tomas Velkov and Ana Marisol Duarte"
        span = f.latin_name_after(_past_links(f.text, f.folded, end, sentence.end, f.list_words), sentence.end)
        if f.cjk or span is None or (x is not None and x.start < span[1]) or not f.in_list(end, span[0], closing=True) or \
                len(f.text[span[0]:span[1]].split()) < 2 or overlapping(matches, span[0], span[1]) or \
                any(fold(t) in f.function_words for t in f.text[span[0]:span[1]].split()):
            break
        other = f.record(" ".join(f.text[span[0]:span[1]].split()), None, None)
        _add_person(other, span[0], span[1], sentence, mentions)
        listed.append(other)
        end = span[1]
    if len(listed) < 2:
        return
    codes = [m.value for m in chain] if len(chain) == len(listed) else []
    for i, other in enumerate(listed):
        if codes and (other.country is None or not other.key.startswith("r")):
            other.country = codes[i]  # the state glued to the word went to the first name: the list's order rules
        if other is person:
            continue
        other.counterpart_of |= person.counterpart_of - {other.country}
        for role, held in person.generic_roles.items():
            other.generic_roles.setdefault(role, held)
        for one, subject, span in list(f.counterparts):
            if one == person.key:
                f.counterparts.append((other.key, subject, span))


# posts that are no counterpart's: a party rank, and China's own State Councilor rank
_UNSHARED_ROLES = {"party_leader", "state_councilor"}


def _counterpart_posts(f: _Finder) -> None:
    """"Emmanuel Macron et son homologue chinois Xi Jinping" where only one of the two is
    titled in the readout (here or in a later sentence): counterparts hold the same post, so
    the one given no post takes the other's state post (never a party rank or a post only
    China has)."""
    for one, other, span in f.counterparts:
        a, b = f.people.get(one), f.people.get(other)
        if a is None or b is None:
            continue
        for bare, titled in ((a, b), (b, a)):
            if bare.roles:
                continue
            for role, written in titled.roles.items():
                if role not in _UNSHARED_ROLES:
                    bare.roles[role] = written
                    bare.role_spans[role] = span


def _cabinet_titles(f: _Finder) -> None:
    """"Secretary Blinken", "Minister Pandor": a bare title that names no department
    (``names.cabinet_titles``) is the one post of the title's codes that the registry's dated
    offices give the official; with none or several it stays what the title says, and beside
    a post of those codes written out in full it is that post again, no second role."""
    table = {fold(title): set(codes) for title, codes in f.words.get("names", {}).get("cabinet_titles", {}).items()}
    if not table:
        return
    for person in f.people.values():
        if not person.key.startswith("r"):
            continue
        bare = [(role, table[fold(" ".join(written.split()))]) for role, written in person.roles.items()
                if fold(" ".join(written.split())) in table]
        if len(bare) != 1:
            continue
        role, codes = bare[0]
        if (set(person.roles) - {role}) & codes:  # "Deputy Secretary of State X ... Deputy Secretary X"
            del person.roles[role]
            person.role_spans.pop(role, None)
            continue
        held = {code for code, _, _ in f.registry.people[int(person.key[1:])].offices} & codes
        if len(held) == 1 and len(person.roles) == 1 and role not in held and _title_before_name(f, person, person.roles[role]):
            written = person.roles.pop(role)
            span = person.role_spans.pop(role, None)
            code = held.pop()
            person.roles[code] = written
            if span is not None:
                person.role_spans[code] = span


def _title_before_name(f: _Finder, person: PersonRecord, written: str) -> bool:
    """"Minister Pandor", "Secretary Antony J. Blinken": the bare title stands right before the
    name, not after it with a portfolio the grammar does not read ("X, ministre algérien des
    Affaires du Maghreb")."""
    title = " ".join(fold(written).split())
    names = {" ".join(fold(n).split()) for n in (person.family, person.name, person.written or "") if n}
    if f.title_after_name and person.key.startswith("r"):
        # "林大臣", "上川大臣": the title right after the kanji name or its first kanji
        kanji = [v for v in f.registry.people[int(person.key[1:])].variants if is_cjk(v[:1])]
        return any(f"{v[:k]}{written}" in f.text for v in kanji for k in range(1, len(v) + 1))
    return any(f"{title} {n}" in f.folded for n in names)


def _last_named(f: _Finder, by_sentence: dict[int, list[Mention]], index: int, other: str) -> list[PersonRecord]:
    """The first official named in the nearest sentence before ``index`` that names one (not ``other``)."""
    for earlier in range(index - 1, -1, -1):
        named = [f.people[x.person] for x in by_sentence[earlier] if x.kind == "person" and x.person
                 and x.person != other and x.person in f.people]
        if named:
            return named[:1]
    return []


def _apposed_counterpart(f: _Finder, mentions: list[Mention], beside: list[Match], cue_start: int) -> PersonRecord | None:
    """"с Жан-Марком Эйро, своим коллегой из Франции", "with Jean Dupont, his French counterpart":
    the counterpart word set after the name, a comma and a possessive (``names.possessives``) between."""
    possessives = {fold(w) for w in f.words.get("names", {}).get("possessives", [])}
    named = [x for x in mentions if x.kind == "person" and x.person and x.end <= cue_start]
    if not possessives or not named:
        return None
    last = named[-1]
    gap = f.text[last.end:cue_start]
    for m in beside:  # "his French counterpart": the state's adjective stays out of the gap
        if last.end <= m.start and m.end <= cue_start:
            gap = gap.replace(f.text[m.start:m.end], " ")
    pieces = re.findall(r"[\w']+|[^\w\s]", gap)
    if not pieces or pieces[0] != "," or not any(fold(p) in possessives for p in pieces[1:]) or \
            not all(fold(p) in possessives for p in pieces[1:]):
        return None
    return f.people.get(last.person)


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
        side = None
        first = True
        for index, mentions in by_sentence.items():
            own = next((x for x in mentions if x.person == person.key), None)
            if own is None:
                continue
            # "Chinese Ambassador to Sri Lanka H.E Qi Zhenhong called on Hon. Speaker X": the states
            # of those named beside them in any sentence (a headline may name them only by title)
            beside |= {f.people[x.person].country for x in mentions if x.person and x.person != person.key} - {None}
            if first:
                # "du côté sénégalais, Madame Yassine Fall ... et M. Abdourahmane Sarr": the side
                # named earlier in the sentence
                sides = [m for m in within(matches, sentences[index].start, own.start) if m.kind == "side"]
                side = sides[-1].value if sides else None
                first = False
        beside |= person.counterpart_of
        if side and side not in person.posted_in:
            person.country = side
            continue
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
        # a party post says nothing of the state post: "son homologue chinois Wang Yi, par ailleurs
        # membre du Bureau politique" is still a foreign minister
        if not person.roles or set(person.roles) <= _PARTY_ROLES:
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


def _titles_of_named(f: _Finder, by_sentence: dict[int, list[Mention]]) -> None:
    """"The President spoke today to Prime Minister Cameron ... President Obama also updated
    the Prime Minister": a title with no name stands for the one official the readout names
    elsewhere with that same title and post, of the state the title gives if it gives one
    and of the publisher's when it is known, when that official is not named in the same
    sentence. No date or registry needed."""
    taken = tuple(fold(w) for w in f.words.get("names", {}).get("post_taken", []))
    folded = f.folded
    for mentions in by_sentence.values():
        here = {x.person for x in mentions if x.person}
        for x in mentions:
            if x.kind != "title_ref" or not x.role or any(
                    y.kind == "person" and y.start >= x.end and f.is_glue(x.end, y.start) for y in mentions):
                continue  # "Secretary Blinken's call": the title of the name right after it
            if taken and folded[max(0, x.start - 60):x.start].rstrip().endswith(taken):
                continue  # "to congratulate him on his new tenure as Foreign Minister": a post, not a person
            roles = set(x.role.split(","))
            # on a page whose publisher is known, the official is the publisher's ("Le Ministre des
            # Affaires étrangères reçoit ..." on a Tunisian page is not the Chinese minister)
            fitting = [p for p in f.people.values() if p.country and p.key not in here and roles & set(p.roles)
                       and (not x.codes or x.codes[0] in ("", p.country)) and (not f.home or p.country == f.home)]
            holders = [p for p in fitting if x.title in {fold(" ".join(t.split())) for t in p.roles.values()}]
            if not holders and not any(roles & set(p.roles) for p in f.people.values()):
                holders = _office_holders(f, x, roles, here)
                held = {r for r, _, _ in f.registry.people[int(holders[0].key[1:])].offices} if len(holders) == 1 else set()
                for role in sorted(roles & held):
                    holders[0].roles[role] = f.text[x.start:x.end]
                    holders[0].role_spans[role] = Span(x.start, x.end)
            if len(holders) != 1:
                continue
            person = holders[0]
            x.kind, x.person, x.codes = "person", person.key, (person.country or "",)
            here.add(person.key)


def _office_holders(f: _Finder, x: Mention, roles: set[str], here: set[str]) -> list[PersonRecord]:
    """"Donald Trump and Sir Keir Starmer have held a phone call ... the Prime Minister was forced
    to wait": a bare title no official of the readout is given stands for the one named without
    any post whom the registry knows to have held that office (offices.toml) — the readout's
    other officials fix the state. The title points back to one named before it; Chinese
    titles ("两国元首") name groups too often to be read so."""
    found: list[PersonRecord] = []
    if f.cjk:
        return found
    for p in f.people.values():
        if p.roles or p.generic_roles or p.key in here or not p.key.startswith("r") or not p.country \
                or p.first is None or p.first.start > x.start:
            continue
        if x.codes and x.codes[0] not in ("", p.country):
            continue
        entry = f.registry.people[int(p.key[1:])]
        if any(held in roles for held, _, _ in entry.offices):
            found.append(p)
    return found


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
    for index, sentence in enumerate(sentences):
        mentions = by_sentence[index]
        for start, end in _occurrences(f.text, forms, sentence.start, sentence.end):
            if any(x.start <= start < x.end or start <= x.start < end for x in mentions):
                continue
            person = f.people[forms[f.text[start:end]]]
            mentions.append(Mention(start, end, "person", (person.country or "",), person.key))
        mentions.sort(key=lambda x: x.start)


def _occurrences(text: str, forms: Iterable[str], start: int, end: int) -> list[tuple[int, int]]:
    """Where ``forms`` occur in ``text[start:end]``, leftmost first and longest of those
    starting at one place, without overlaps; a Latin-script form only as a whole word
    (no word character on either side; the text past ``end`` does not count). A scan per
    form with str.find: a regular expression of the forms would differ for every readout
    and cost more to compile than to run."""
    found = []
    for form in forms:
        whole_word = not is_cjk(form[0])
        at = text.find(form, start, end)
        while at >= 0:
            after = at + len(form)
            if not whole_word or (not _is_word_char(text[at - 1:at]) and
                                  (after == end or not _is_word_char(text[after]))):
                found.append((at, -len(form)))
            at = text.find(form, at + 1, end)
    out, position = [], start
    for at, negative_length in sorted(found):
        if at >= position:
            out.append((at, at - negative_length))
            position = at - negative_length
    return out


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches in a str pattern (False for the empty string)."""
    return bool(char) and (char.isalnum() or char == "_")


_PARTY_ROLES = {"party_leader"}
_CLAUSE_END = ",;.:!?，。；：！？、"
_ACCOMPANY_GAP = 40  # characters between the word for accompanying and the name: titles only


def accompanied(text: str, mention: Mention, words: dict, people: dict[str, PersonRecord] | None = None) -> bool:
    """"正在乌法陪同习近平主席出席…的外交部长王毅同…通电话", "Wang Yi, accompanying President Xi
    on his state visit, met ...": the leader the participant goes along with (``names.accompanying``,
    an active form: "accompanied by" names one who is there) is named around the encounter, not in
    it; so is the one whose words a participant passes on (``names.conveying``: "转达习近平主席的
    问候", "傅达耀转述贝尼亚总统盼…"), and the leader an adviser serves (``names.serving``: "Emmanuel
    Bonne, diplomatic counselor to French President Emmanuel Macron" — a head of state or
    government, so that "Assistant to the President ... Jake Sullivan" stays), and the one whose
    event the participant came for (``names.attending``: "赴韩出席尹锡悦总统就职仪式的…王岐山").
    In Chinese the accompanying or attending clause must modify the subject
    (a "的" before the clause ends): "王毅陪同习近平会见…" reports Xi's own meeting."""
    names = words.get("names", {})
    person = people.get(mention.person or "") if people else None
    leader = person is not None and bool(_LEADERS & set(person.roles))
    windows: dict[int, str] = {}  # the folded text before the mention, one per reach
    for key in ("accompanying", "attending", "conveying", "serving"):
        if key == "serving" and not leader:
            continue
        for cue in _folded_cues(tuple(names.get(key, []))):
            if _named_after(text, mention, cue, windows) and (
                    key not in ("accompanying", "attending") or not is_cjk(cue[0])
                    or "的" in _clause_after(text, mention.end)):
                return True
    return False


_LEADERS = {"head_of_state", "head_of_government"}


@lru_cache(maxsize=64)
def _folded_cues(words: tuple[str, ...]) -> tuple[str, ...]:
    """A language's cue words, folded once (they are asked for every mention of every readout)."""
    return tuple(fold(w) for w in words)


def _named_after(text: str, mention: Mention, cue: str, windows: dict[int, str] | None = None) -> bool:
    """Whether ``cue`` stands before the mention with nothing but titles between (no clause ends).
    ``windows`` keeps the folded text before the mention for each reach, read once per mention."""
    floor = max(0, mention.start - (_ACCOMPANY_GAP if not is_cjk(cue[0]) else _ACCOMPANY_GAP // 4))
    before = windows.get(floor) if windows is not None else None
    if before is None:
        before = fold(text[floor:mention.start])
        if windows is not None:
            windows[floor] = before
    at = before.rfind(cue)
    if at < 0 or (not is_cjk(cue[0]) and _is_word_char(before[at - 1:at])):
        return False
    gap = before[at + len(cue):]
    # "转达了习近平主席对文在寅总统的问候": the one greeted, after "对", is another person
    return not any(c in _CLAUSE_END or c in _TO_SOMEONE for c in gap)


_TO_SOMEONE = "对對向给給与與和同及"


def _clause_after(text: str, position: int) -> str:
    rest = text[position:position + _ACCOMPANY_GAP]
    return next((rest[:i] for i, c in enumerate(rest) if c in _CLAUSE_END), rest)


def attends_other(text: str, cue: Match) -> bool:
    """"习近平主席即将赴日出席大阪二十国集团领导人峰会", "参加伦敦奥运会开幕式": a CJK word for
    attending with an object after it names the event attended, another than the encounter;
    attendance of the encounter ends its clause ("王毅等出席。", "参加会见", "出席会晤")."""
    if not is_cjk(text[cue.start:cue.start + 1]):
        return False
    clause = _clause_after(text, cue.end)[:16]
    return len(_READING.sub("", clause).lstrip("了")) > 4


_READING = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]*\)")  # "會(huì)": a reading glued after a character

"""Several encounters in one readout: the lead's encounter split per counterpart ("a rencontré
séparément", "分别同...通电话"), officials met in turn ("puis"), same-day and "also" encounters
reported after the lead, and section headings that each name one more encounter. The first
encounter itself is found by kg.extract.events."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from kg.extract.dates import cjk_dateline, find_dates, resolve
from kg.extract.events import (TYPE_PRIORITY, _calls_on, _choose_type, _cues, _previous_contact, _sender,
                               as_participant, cue_memo, find_event)
from kg.extract.persons import Mention, PersonRecord
from kg.knowledge.matcher import Match, within
from kg.knowledge.registry import Registry
from kg.model import Event, Participant, Span
from kg.text import Sentence, fold

__all__ = ["find_events"]


def _phrases(words: list[str], anchored: bool = False, stems: bool = False) -> re.Pattern[str]:
    return _compiled(tuple(words), anchored, stems)


@lru_cache(maxsize=64)
def _compiled(words: tuple[str, ...], anchored: bool, stems: bool) -> re.Pattern[str]:
    """The words of a ``[events]`` list as one pattern: a Latin, Cyrillic, Arabic or Hangul
    edge must stand on a word boundary ("also" not in "also-ran"), a Chinese or kana edge needs
    none ("还会见了", "これに先立ち、"); ``anchored`` lets the pattern open the text only, and
    ``stems`` lets a word end inside a longer one ("joint" in "jointe", "совместн" in "совместную")."""
    def one(w: str) -> str:
        head = r"(?<!\w)" if w[:1].isalnum() and not _unspaced(w[:1]) else ""
        tail = r"(?!\w)" if w[-1:].isalnum() and not _unspaced(w[-1:]) and not stems else ""
        return head + re.escape(w) + tail
    body = "|".join(one(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:{body})" if anchored else body, re.IGNORECASE)


def _unspaced(char: str) -> bool:
    """Chinese characters and kana: scripts written without spaces between words."""
    return "\u3040" <= char <= "\u30ff" or "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def find_events(text: str, sentences: list[Sentence], matches: list[Match], mentions: dict[int, list[Mention]],
                people: dict[str, PersonRecord], words: dict, published: dt.date | None,
                year_anchor: dt.date | None = None, registry: Registry | None = None,
                home: str | None = None, copy_day: tuple[int, int] | None = None,
                address: tuple[dt.date, dt.date] | None = None) -> list[Event]:
    """The readout's encounters: one, or one per counterpart when the lead says the host met
    them separately ("a rencontré séparément", "分别同...通电话"), and one per wire item after."""
    with cue_memo(text, matches, words):
        found = _encounters(text, sentences, matches, mentions, people, words, published, year_anchor, registry,
                            home, copy_day, address)
        found = found + _wire_items(found, text, sentences, matches, mentions, people, words) if found else found
    return named_only(found)


def named_only(events: list[Event]) -> list[Event]:
    """The events with only the participants that have a name: a post with no name to it ("the
    President's Special Representative", read from a damaged page) is nobody a graph can list."""
    for event in events:
        event.participants = [p for p in event.participants if p.name and p.name.strip()]
    return events


def _encounters(text: str, sentences: list[Sentence], matches: list[Match], mentions: dict[int, list[Mention]],
                people: dict[str, PersonRecord], words: dict, published: dt.date | None,
                year_anchor: dt.date | None, registry: Registry | None, home: str | None,
                copy_day: tuple[int, int] | None, address: tuple[dt.date, dt.date] | None) -> list[Event]:
    """The encounters the readout's opening reports (see find_events)."""
    event = find_event(text, sentences, matches, mentions, people, words, published, year_anchor, registry, home,
                       copy_day, address)
    if event is None:
        return []
    lead = event.evidence
    separately = any(m.kind == "event.separately" and (lead.start <= m.start < lead.end or
                     (sentences and sentences[0].paragraph == -1 and sentences[0].start <= m.start < sentences[0].end))
                     for m in matches)
    countries = list(dict.fromkeys(p.country for p in event.participants))
    found = _listed_states(event, text, sentences, matches, mentions, people, words)
    if found:
        return found
    if not separately:
        found = _separate_after_lead(event, text, sentences, matches, mentions, people, words)
        if found:
            return found
    if separately and len(countries) < 3:
        found = _one_by_one(event, text, sentences, matches, mentions, people, words)
        if len(found) > 1:
            return found
    coordinated = _coordinated_hosts(event, text, sentences, matches, mentions, people) if not separately else []
    if not separately and len(countries) == 2 and not coordinated:
        turns = _hosts_in_turn(event, text, sentences, matches, mentions, people, words)
        if turns:
            return turns + _further_hosts(turns, text, sentences, matches, mentions, people, words)
    if not separately or len(countries) < 3:
        found = coordinated or [event]
        found += _same_day_events(event, text, sentences, matches, mentions, people)
        found += _also_events(found, text, sentences, matches, mentions, people, words)
        found += _parallel_messages(found, text, sentences, matches, mentions, people, words)
        found += _pronoun_also_events(found, text, sentences, matches, mentions, people, words)
        found += _headline_pairs(found, text, sentences, matches, mentions, people, words)
        found = _also_round(found, text, sentences, matches, mentions, people, words)
        found = _earlier_events(found, text, sentences, matches, mentions, people, words)
        found += _further_hosts(found, text, sentences, matches, mentions, people, words)
        return found + _heading_events(found, text, sentences, matches, mentions, people, words)
    host = countries[0]
    hosts = [p for p in event.participants if p.country == host]
    found = [Event(event.type, event.date, event.date_inferred, hosts + [p for p in event.participants if p.country == c],
                   event.evidence, event.requested_by) for c in countries[1:]]
    return found + _host_also_events(found, text, sentences, matches, mentions, people, words)


_LISTED_TYPES = ("talks", "meeting", "phone_call")
_LIST_PUNCTUATION = ",、，;"


def _listed_states(event: Event, text: str, sentences: list[Sentence], matches: list[Match],
                   mentions: dict[int, list[Mention]], people: dict[str, PersonRecord],
                   words: dict) -> list[Event]:
    """"held bilateral talks with leaders from A, B and C", "held talks with the foreign ministers
    of A, B and C respectively": a sentence of the opening whose talks, meeting or call cue is
    followed by a list of two or more states named by name alone (no joint word, no official of
    theirs in it) announces one encounter per state. A listed state is kept when a later sentence
    names an official of it, who is its counterpart; on the lead's day, with the lead's host. Two
    kept at least, else the lead stands as it is (a list of states is often only a topic)."""
    host = event.participants[0].country
    hosts = [p for p in event.participants if p.country == host]
    lead = next((i for i, s in enumerate(sentences) if s.start == event.evidence.start), None)
    if lead is None:
        return []
    joint = words.get("events", {}).get("joint", [])
    jointly = _phrases(joint, stems=True) if joint else None
    actors = words.get("actors", {})
    joiners = {piece for w in actors.get("and", []) + actors.get("of", []) for piece in _gap_words(fold(w))}
    for i in range(max(lead - 4, 0), min(lead + 8, len(sentences))):
        sentence = sentences[i]
        if sentence.paragraph < 0 or (jointly and jointly.search(sentence.text)):
            continue
        cues = [m for m in within(matches, sentence.start, sentence.end)
                if m.kind.startswith("event.") and m.kind.split(".", 1)[1] in _LISTED_TYPES]
        if not cues:
            continue
        listed = [m for m in mentions[i] if m.kind == "state" and len(m.codes) == 1 and m.start >= cues[0].end]
        cue = max((c for c in cues if listed and c.end <= min(m.start for m in listed)), key=lambda c: c.start,
                  default=cues[0])  # the cue right before the list ("On the sidelines, Li held talks with")
        if any(m.kind == "person" and m.start >= cue.end for m in mentions[i]):
            continue
        states = _state_list(text, listed, joiners)
        states = [c for c in states if c != host]
        if len(states) < 2:
            continue
        found: dict[str, Participant] = {}
        for j in range(i + 1, min(i + 16, len(sentences))):
            for m in mentions[j]:
                person = people.get(m.person) if m.kind == "person" and m.person else None
                if person is None or person.country not in states or person.country in found:
                    continue
                found[person.country] = as_participant(person)
        if len(found) < 2 or not hosts:
            return []
        kind = cue.kind.split(".", 1)[1]
        return [Event(kind, event.date, event.date_inferred, hosts + [found[c]], event.evidence, event.requested_by)
                for c in states if c in found]
    return []


def _gap_words(text: str) -> list[str]:
    """The words between two names, an elided article kept whole ("de l'" gives "de", "l'")."""
    for mark in _LIST_PUNCTUATION:
        text = text.replace(mark, " ")
    return text.replace("'", "' ").replace("’", "’ ").split()


def _state_list(text: str, listed: list[Mention], joiners: set[str]) -> list[str]:
    """The states of the longest run of state names joined only by commas and words for "and" or
    "of" ("Estonia, Poland and Slovenia", "de l'Estonie, de la Pologne et de la Hongrie"), in order."""
    best: list[str] = []
    run: list[str] = []
    previous: Mention | None = None
    for m in sorted(listed, key=lambda m: m.start):
        gap = _gap_words(fold(text[previous.end:m.start])) if previous else []
        if previous is not None and not all(w in joiners for w in gap):
            run = []
        if m.codes[0] not in run:
            run.append(m.codes[0])
        if len(run) > len(best):
            best = list(run)
        previous = m
    return best


def _host_also_events(events: list[Event], text: str, sentences: list[Sentence], matches: list[Match],
                      mentions: dict[int, list[Mention]], people: dict[str, PersonRecord],
                      words: dict) -> list[Event]:
    """"外交部长A 20日分别同B和C通电话 …… 与此同时，外交部长A 20日还同D通电话": after a lead of
    encounters held one by one, a later sentence opening a paragraph with a word of ``[events]
    also`` and the lead's own cue, naming officials of one state who took part in the first (its
    host, named again) and officials of one other state who took part in none yet, reports one
    more encounter of the host with them, on the day it names (read against the first's) or the
    first's; one about an earlier contact reports none. (After a lead of one encounter, golds
    differ on whether "X also met Z" is an encounter of the readout: that is left.)"""
    first = events[0]
    lead = next((i for i, s in enumerate(sentences) if s.start == first.evidence.start), None)
    if lead is None:
        return []
    present = {p.name for p in first.participants}
    taken = {p.name for e in events for p in e.participants}
    anchor = dt.date.fromisoformat(first.date) if first.date else None
    found: list[Event] = []
    for i in range(lead + 1, len(sentences)):
        sentence = sentences[i]
        if sentence.paragraph < 0 or sentences[i - 1].paragraph == sentence.paragraph:
            continue
        if not any(m.kind == "event.also" for m in within(matches, sentence.start, sentence.end)):
            continue
        if first.type not in _cues(matches, sentence, text, words, mentions[i]) or _previous_contact(matches, sentence):
            continue
        persons = list({m.person: people[m.person] for m in mentions[i] if m.kind == "person" and m.person in people
                        and people[m.person].country and not _sender(text, m, people)}.values())
        own = [p for p in persons if p.name in present]
        others = [p for p in persons if p.name not in present]
        if not own or len({p.country for p in own}) != 1 or len({p.country for p in others}) != 1 \
                or others[0].country == own[0].country or any(p.name in taken for p in others):
            continue
        day = next((resolve(m, anchor) for m in find_dates(text, words, sentence.start, sentence.end)
                    if anchor and (m.absolute or m.day)), None)
        found.append(Event(first.type, day.isoformat() if day else first.date,
                           first.date_inferred if day is None else False, [
            as_participant(p) for p in own + others],
            Span(sentence.start, sentence.end), None))
        taken |= {p.name for p in others}
    return found


def _separate_after_lead(event: Event, text: str, sentences: list[Sentence], matches: list[Match],
                         mentions: dict[int, list[Mention]], people: dict[str, PersonRecord],
                         words: dict) -> list[Event]:
    """"X received more messages from world leaders. The Nigerian President received separate
    telephone calls from Prime Minister May and President Erdogan": a lead that only sets the
    scene, then a sentence with a separately marker naming two or more counterparts after it,
    reports one encounter per counterpart, of the medium that sentence names."""
    lead = next((i for i, s in enumerate(sentences) if s.start == event.evidence.start), None)
    if lead is None:
        return []
    following = [i for i in range(lead + 1, min(lead + 2, len(sentences))) if sentences[i].paragraph >= 0]
    if not following:
        return []
    i = following[0]
    marker = next((m for m in within(matches, sentences[i].start, sentences[i].end)
                   if m.kind == "event.separately"), None)
    if marker is None:
        return []
    taken = {p.country for p in event.participants}
    after = list(dict.fromkeys(people[m.person].country for m in sorted(mentions.get(i, []), key=lambda m: m.start)
                               if m.kind == "person" and m.person in people and m.start > marker.start
                               and people[m.person].country in taken))
    hosts = [p for p in event.participants if p.country not in after]
    if len(after) < 2 or len({p.country for p in hosts}) != 1:
        return []
    media = [c for c in _cues(matches, sentences[i], text, words, mentions[i]) if c in ("video_call", "phone_call")]
    kind = min(media, key=TYPE_PRIORITY.index) if media else event.type
    return [Event(kind, event.date, event.date_inferred, hosts + [p for p in event.participants if p.country == c],
                  event.evidence, event.requested_by) for c in after]


# the in-person cues that open an encounter of their own in a coordinated lead
_IN_PERSON = ("meeting", "talks")


def _coordinated_hosts(event: Event, text: str, sentences: list[Sentence], matches: list[Match],
                       mentions: dict[int, list[Mention]], people: dict[str, PersonRecord]) -> list[Event]:
    """"Minister Pandor called on Prime Minister Lee ... and was hosted to breakfast by Minister
    Balakrishnan", "a rencontré le président X puis s'est entretenu avec le ministre Y": a lead
    whose one visitor meets two officials of the other state, each after an encounter verb of
    its own, reports two encounters (one per official). One verb before both names ("met the
    President and the Foreign Minister") stays one encounter."""
    first = next((i for i, s in enumerate(sentences) if s.start == event.evidence.start), None)
    if first is None or event.type not in _IN_PERSON:
        return []
    # the sentence naming everyone: the evidence, or the next one when the evidence only sets the
    # scene ("X is in Singapore on an Official Visit. Minister X called on ... and was hosted ...")
    names = {p.name for p in event.participants}
    lead = next((i for i in range(first, min(first + 2, len(sentences)))
                 if names <= {people[m.person].name for m in mentions.get(i, [])
                              if m.kind == "person" and m.person in people}), None)
    if lead is None:
        return []
    sentence = sentences[lead]
    sides: dict[str, list[Participant]] = {}
    for p in event.participants:
        sides.setdefault(p.country, []).append(p)
    if len(sides) != 2:
        return []
    guest, host = sorted(sides, key=lambda c: len(sides[c]))
    if len(sides[guest]) != 1 or len(sides[host]) < 2:
        return []
    at: dict[str, int] = {}
    for m in mentions.get(lead, []):
        person = people.get(m.person) if m.kind == "person" and m.person else None
        if person is not None and person.name not in at:
            at[person.name] = m.start
    if any(p.name not in at for p in event.participants):
        return []
    cues = sorted([m.start for m in within(matches, sentence.start, sentence.end)
                   if m.kind.split(".", 1)[-1] in _IN_PERSON and m.kind.startswith("event.")]
                  + [m.start for m in _calls_on(matches, sentence, text)])
    # the visitor is the subject: named before the first verb, each host after a verb of its own
    previous = at[sides[guest][0].name]
    if not cues or previous > cues[0]:
        return []
    for p in sorted(sides[host], key=lambda p: at[p.name]):
        if not any(previous < c < at[p.name] for c in cues):
            return []
        previous = at[p.name]
    return [Event(event.type, event.date, event.date_inferred, sides[guest] + [p], event.evidence,
                  event.requested_by) for p in sorted(sides[host], key=lambda p: at[p.name])]


def _one_by_one(event: Event, text: str, sentences: list[Sentence], matches: list[Match],
                mentions: dict[int, list[Mention]], people: dict[str, PersonRecord], words: dict) -> list[Event]:
    """"held a series of meetings with his counterparts ... He then met Sri Lankan Foreign Minister
    G.L. Peiris ... Jaishankar also met the new Tanzanian Foreign Minister ...": a lead that
    announces separate encounters without naming everyone; each later sentence of the opening
    that reports an encounter with an official of a state not met yet is one more, on the
    lead's day (the host is the lead's first party)."""
    host = event.participants[0].country
    hosts = [p for p in event.participants if p.country == host]
    groups = {p.country: [p] for p in event.participants if p.country != host}
    lead = next((i for i, s in enumerate(sentences) if s.start == event.evidence.start), None)
    if lead is None:
        return []
    # the series stays open for 12 sentences past the last encounter found in it ("He then met
    # ... After his meeting with Chile's ... Jaishankar also met the new Tanzanian ...")
    last = lead
    for i in range(lead + 1, len(sentences)):
        if i >= last + 12:
            break
        if sentences[i].paragraph < 0 or not _cues(matches, sentences[i], text, words, mentions[i]):
            continue
        if any(m.kind == "event.same_day" for m in within(matches, sentences[i].start, sentences[i].start + 4)):
            continue  # "同日，…": a same-day encounter of its own (see _same_day_events)
        for m in mentions[i]:
            person = people.get(m.person) if m.kind == "person" and m.person else None
            if person is None or not person.country or person.country == host or person.country in groups:
                continue
            groups[person.country] = [as_participant(person)]
            last = i
    if len(groups) < 2:
        return []
    return [Event(event.type, event.date, event.date_inferred, hosts + group, event.evidence, event.requested_by)
            for group in groups.values()]


def _same_day_events(event: Event, text: str, sentences: list[Sentence], matches: list[Match],
                     mentions: dict[int, list[Mention]], people: dict[str, PersonRecord]) -> list[Event]:
    """"同日，国务院总理李克强同古巴总理马雷罗互致贺电": a second encounter the same day."""
    found = []
    taken = {(p.country, p.name) for p in event.participants}
    # "习近平同基罗互致贺电 李克强同阿德恩互致贺电" (a headline naming both exchanges), then
    # "同日，李克强同阿德恩互致贺电": whoever the lead leaves out belongs to the same-day one
    lead = next((i for i, s in enumerate(sentences) if s.start == event.evidence.start), None)
    in_lead = {(people[m.person].country, people[m.person].name) for m in mentions.get(lead, [])
               if m.kind == "person" and m.person} if lead is not None else set()
    for i, sentence in enumerate(sentences):
        if sentence.start <= event.evidence.start or sentence.paragraph < 0:
            continue
        opening = [m for m in within(matches, sentence.start, sentence.start + 4) if m.kind == "event.same_day"]
        if not opening:  # the cues only of a sentence that opens "the same day"
            continue
        cues = _cues(matches, sentence)
        if not cues:
            continue
        keys = list(dict.fromkeys(m.person for m in mentions[i] if m.kind == "person" and m.person))
        persons = [people[k] for k in keys if people[k].country]
        moved = {(p.country, p.name) for p in persons} - in_lead if in_lead else set()
        if len({p.country for p in persons}) >= 2 and moved and all((p.country, p.name) in taken for p in persons) \
                and len({p.country for p in event.participants if (p.country, p.name) not in moved}) >= 2:
            event.participants[:] = [p for p in event.participants if (p.country, p.name) not in moved]
            taken -= moved
        if len({p.country for p in persons}) < 2 or all((p.country, p.name) in taken for p in persons):
            continue
        kind = _choose_type([], cues) or event.type
        # "Am selben Tag hat Xi Jinping auch den Präsidenten Vietnams ... und den Präsidenten der
        # Mongolei ... getroffen": the host of the first encounter met each of the others in turn
        hosts = [p for p in persons if (p.country, p.name) in taken]
        others = list(dict.fromkeys(p.country for p in persons if p.country not in {h.country for h in hosts}))
        groups = [hosts + [p for p in persons if p.country == c] for c in others] if hosts and len(others) > 1 else [persons]
        for group in groups:
            found.append(Event(kind, event.date, event.date_inferred, [
                as_participant(p) for p in group],
                Span(sentence.start, sentence.end), None))
    return found


def _also_events(events: list[Event], text: str, sentences: list[Sentence], matches: list[Match],
                 mentions: dict[int, list[Mention]], people: dict[str, PersonRecord], words: dict) -> list[Event]:
    """"Le Premier ministre ... ont également échangé des messages de félicitations avec ...":
    a later sentence with a word of ``[events] also`` and the first encounter's own cue, naming
    officials of the same two states, none of whom took part in it, and no day of its own, is
    one more encounter of that type on its day. Messages exchanged between as many officials of one state as of the other pair
    them in the order named ("A and B ... with C and D": A writes to C, B to D)."""
    first = events[0]
    taken = {(p.country, p.name) for e in events for p in e.participants}
    lead = next((i for i, s in enumerate(sentences) if s.start == first.evidence.start), None)
    if lead is None:
        return []
    found: list[Event] = []
    for i in range(lead + 1, len(sentences)):
        sentence = sentences[i]
        if sentence.paragraph < 0 or not any(m.kind == "event.also" for m in within(matches, sentence.start, sentence.end)):
            continue
        if first.type not in _cues(matches, sentence, text, words, mentions[i]):
            continue
        keys = list(dict.fromkeys(m.person for m in mentions[i] if m.kind == "person" and m.person
                                  and not _sender(text, m, people)))
        persons = [people[k] for k in keys if people[k].country]
        countries = list(dict.fromkeys(p.country for p in persons))
        if set(countries) != {p.country for p in first.participants} or len(countries) != 2 \
                or any((p.country, p.name) in taken for p in persons):
            continue  # "Il s'est également entretenu avec ... américain ... et irakien ...": other states
        if any(m.absolute or m.weekday is not None or m.offset_days is not None or m.day
               for m in find_dates(text, words, sentence.start, sentence.end)):
            continue  # "Meanwhile, on November 15, a phone conversation was also held": its own day
        sides = [[p for p in persons if p.country == c] for c in countries]
        groups = [list(pair) for pair in zip(*sides)] if first.type == "message" and len(sides[0]) == len(sides[1]) > 1 \
            else [persons]
        for group in groups:
            found.append(Event(first.type, first.date, first.date_inferred, [
                as_participant(p) for p in group],
                Span(sentence.start, sentence.end), None))
        taken |= {(p.country, p.name) for p in persons}
    return found


def _parallel_messages(events: list[Event], text: str, sentences: list[Sentence], matches: list[Match],
                       mentions: dict[int, list[Mention]], people: dict[str, PersonRecord],
                       words: dict) -> list[Event]:
    """"国家主席A向当选连任总统B致贺电 …… 同日，总理C致电B …… 国家副主席D致电副总统E": the
    leaders of one state writing to those of another on one occasion, each in a paragraph of its
    own. After a message, a later paragraph whose first sentence has a message cue and names one
    official of each of its two states, a pair that wrote in no message found yet, and no day of
    its own (nor an earlier contact), is one more message on the first's day."""
    first = events[0]
    if first.type != "message":
        return []
    lead = next((i for i, s in enumerate(sentences) if s.start == first.evidence.start), None)
    if lead is None:
        return []
    sides = {p.country for p in first.participants}
    pairs = {frozenset(p.name for p in e.participants) for e in events}
    found: list[Event] = []
    for i in range(lead + 1, len(sentences)):
        sentence = sentences[i]
        if sentence.paragraph < 0 or sentences[i - 1].paragraph == sentence.paragraph:
            continue
        if "message" not in _cues(matches, sentence, text, words, mentions[i]) or _previous_contact(matches, sentence):
            continue
        persons = list({m.person: people[m.person] for m in mentions[i] if m.kind == "person" and m.person in people
                        and people[m.person].country}.values())
        if len(persons) != 2 or {p.country for p in persons} != sides or frozenset(p.name for p in persons) in pairs:
            continue
        if any(m.absolute or m.weekday is not None or m.offset_days is not None or m.day
               for m in find_dates(text, words, sentence.start, sentence.end)):
            continue  # a day of its own: another occasion (see _same_day_events, _earlier_events)
        found.append(Event("message", first.date, first.date_inferred, [
            as_participant(p) for p in persons],
            Span(sentence.start, sentence.end), None))
        pairs.add(frozenset(p.name for p in persons))
    return found


def _pronoun_also_events(events: list[Event], text: str, sentences: list[Sentence], matches: list[Match],
                         mentions: dict[int, list[Mention]], people: dict[str, PersonRecord],
                         words: dict) -> list[Event]:
    """"X met Y in Melbourne ... He also had a bilateral meeting with his Japanese counterpart Z",
    "She met Lankan Prime Minister A and her Singaporean counterpart B yesterday": a later
    sentence that opens with a pronoun (``[names] pronouns``) and has the first encounter's own
    cue, naming officials of other states than the subject's (the headline's or lead's first
    participant) who took part in no encounter yet, reports one more encounter of the subject
    with each, when it has a word of ``[events] also`` or names no official of the subject's
    state; a list of two or more only when the sentence names a day of its own ("yesterday"),
    which ties it to the visit (a list with none may be background: ANNOTATION.md §1). Its
    day: the one it names when that is within a day of the first's, else the first's; a
    sentence about a contact of another time (``[events] previous``, a day further off, a word
    of ``[future] auxiliaries``) reports none, nor any after a section heading."""
    first = events[0]
    pronouns = set(words.get("names", {}).get("pronouns", []))
    lead = next((i for i, s in enumerate(sentences) if s.start == first.evidence.start), None)
    if lead is None or not pronouns:
        return []
    # the subject: the first participant the headline names, else the lead
    named = {p.name for p in first.participants}
    opening = [0, lead] if sentences[0].paragraph == -1 else [lead]
    subject = next((people[m.person] for i in opening for m in sorted(mentions.get(i, []), key=lambda m: m.start)
                    if m.kind == "person" and m.person in people and people[m.person].name in named), None)
    if subject is None or not subject.country:
        return []
    paragraphs: dict[int, int] = {}
    for s in sentences:
        paragraphs[s.paragraph] = paragraphs.get(s.paragraph, 0) + 1
    taken = {p.name for e in events for p in e.participants}
    auxiliaries = words.get("future", {}).get("auxiliaries", [])
    future = _phrases(auxiliaries) if auxiliaries else None
    anchor = dt.date.fromisoformat(first.date) if first.date else None
    found: list[Event] = []
    for i in range(lead + 1, len(sentences)):
        sentence = sentences[i]
        line = sentence.text.strip()
        if paragraphs[sentence.paragraph] == 1 and len(line) <= _HEADING and line[-1:] not in ".。!?！？:：…":
            break  # "D'autres conversations téléphoniques de X": a section of background follows
        opening = sentence.text.lstrip()
        if sentence.paragraph < 0 or not any(opening.startswith(w) and not opening[len(w):len(w) + 1].isalnum()
                                             for w in pronouns):
            continue
        if first.type not in _cues(matches, sentence, text, words, mentions[i]) or _previous_contact(matches, sentence) \
                or (future and future.search(sentence.text)):
            continue
        marks = {m.kind for m in within(matches, sentence.start, sentence.end)}
        if "event.separately" in marks:
            continue  # "She also met A, B and C respectively": a round (see _also_round)
        also = "event.also" in marks
        persons = list({m.person: people[m.person] for m in mentions[i] if m.kind == "person" and m.person in people
                        and people[m.person].country and not _sender(text, m, people)}.values())
        if not also and any(p.country == subject.country for p in persons):
            continue  # "He and Minister A met ...": another subject, not the lead's
        new = [p for p in persons if p.country != subject.country and p.name not in taken]
        if not new or len(new) != len([p for p in persons if p.country != subject.country]):
            continue
        days = [m for m in find_dates(text, words, sentence.start, sentence.end)
                if m.absolute or m.weekday is not None or m.offset_days is not None or m.day]
        day = resolve(days[0], anchor) if days and anchor else None
        if days and anchor and (day is None or abs((day - anchor).days) > 1):
            continue  # a contact of another day
        if days and not anchor and (days[0].offset_days is None or abs(days[0].offset_days) > 1):
            continue  # undated lead: only "yesterday", "today" hold it near
        if len(new) > 1 and not days:
            continue  # "She also met A and B": a list with no day of its own may be background
        found += [Event(first.type, day.isoformat() if day else first.date, first.date_inferred if day is None else False, [
            as_participant(p) for p in (subject, other)],
            Span(sentence.start, sentence.end), None) for other in new]
        taken |= {p.name for p in new}
    return found


def _headline_pairs(events: list[Event], text: str, sentences: list[Sentence], matches: list[Match],
                    mentions: dict[int, list[Mention]], people: dict[str, PersonRecord], words: dict) -> list[Event]:
    """"Xi Jinping intercambia mensajes con A. Li Keqiang y el primer ministro B intercambian
    mensajes": a headline (the title line, or a first paragraph whose last line has no stop)
    that reports a second exchange in a sentence of its own with the first encounter's cue, naming officials of
    the first encounter's two states, none of whom took part in an encounter yet, is one more
    encounter of that type on the first's day (agency headlines sum up pages of several items)."""
    first = events[0]
    sides = {p.country for p in first.participants}
    if not sentences or len(sides) != 2:
        return []
    # the headline: the title line, or the page's first paragraph when its last line has no stop
    top = sentences[0].paragraph
    last = max(i for i, s in enumerate(sentences) if s.paragraph == top)
    headline = [i for i, s in enumerate(sentences) if s.paragraph == -1
                or (s.paragraph == top and sentences[last].text.strip()[-1:] not in ".。!?！？:：…")]
    taken = {p.name for e in events for p in e.participants}
    found: list[Event] = []
    for i in headline:
        sentence = sentences[i]
        if sentence.start == first.evidence.start or first.type not in _cues(matches, sentence, text, words, mentions[i]):
            continue
        persons = list({m.person: people[m.person] for m in mentions[i] if m.kind == "person" and m.person in people
                        and people[m.person].country and not _sender(text, m, people)}.values())
        if {p.country for p in persons} != sides or any(p.name in taken for p in persons):
            continue
        found.append(Event(first.type, first.date, first.date_inferred, [
            as_participant(p) for p in persons],
            Span(sentence.start, sentence.end), None))
        taken |= {p.name for p in persons}
    return found


def _also_round(events: list[Event], text: str, sentences: list[Sentence], matches: list[Match],
                mentions: dict[int, list[Mention]], people: dict[str, PersonRecord], words: dict) -> list[Event]:
    """"Le président s'est également entretenu avec le Premier ministre italien A, le roi du Maroc
    B et le chef du gouvernement espagnol C", "She also met X's minister A, B and C respectively":
    a later sentence with a word of ``[events] also`` and an encounter cue, no day of its own and
    no word of ``[events] joint``, naming one official each of two or more states not met yet (and
    else only the lead's subject or officials of its state) reports a round of encounters of the
    subject, one per state, when the lead's own encounter lists one official each of two or
    more states besides the subject's (then split so too) or the sentence has a word of
    ``[events] separately`` ("respectively"). Talks words after a call ("s'est entretenu")
    continue the call; a medium or a meeting the sentence names is its own type."""
    first = events[0]
    lead = next((i for i, s in enumerate(sentences) if s.start == first.evidence.start), None)
    table = words.get("events", {})
    if lead is None or not first.participants or not table.get("also"):
        return events
    # the subject: the first participant the headline names, else the lead
    opening = [0, lead] if sentences[0].paragraph == -1 else [lead]
    subject = next((people[m.person] for i in opening for m in sorted(mentions.get(i, []), key=lambda m: m.start)
                    if m.kind == "person" and m.person in people
                    and people[m.person].name in {p.name for p in first.participants}), None)
    if subject is None or not subject.country:
        return events
    paragraphs: dict[int, int] = {}
    for s in sentences:
        paragraphs[s.paragraph] = paragraphs.get(s.paragraph, 0) + 1
    lead_words = sentences[lead].text.casefold()
    also = _phrases(table["also"])
    joint = table.get("joint", [])
    jointly = _phrases(joint, stems=True) if joint else None
    met = {p.country for e in events for p in e.participants}
    # the lead's own list of one counterpart each of several states, or a separately word in
    # the sentence, makes it a round ("Il s'est également entretenu avec A et B" after one call
    # may be background: ANNOTATION.md §1)
    listed = len(_split_list(first, sentences[lead], subject, jointly)) > 1
    found: list[Event] = []
    for i in range(lead + 1, min(len(sentences), lead + 8)):
        sentence = sentences[i]
        if not listed and not any(m.kind == "event.separately" for m in within(matches, sentence.start, sentence.end)):
            continue
        line = sentence.text.strip()
        if paragraphs[sentence.paragraph] == 1 and len(line) <= _HEADING and line[-1:] not in ".。!?！？:：…":
            break  # "D'autres conversations téléphoniques de X": a section of its own follows
        if sentence.paragraph < 0 or not also.search(sentence.text):
            continue  # (read on the text: "s'est également entretenu" is one cue that holds the word)
        cues = [c for c in _cues(matches, sentence, text, words, mentions[i]) if c in TYPE_PRIORITY]
        if not cues or _previous_contact(matches, sentence) or (jointly and jointly.search(sentence.text)):
            continue
        persons = list({m.person: people[m.person] for m in mentions[i] if m.kind == "person" and m.person in people
                        and people[m.person].country and not _sender(text, m, people)}.values())
        new = [p for p in persons if p.country != subject.country]
        states = list(dict.fromkeys(p.country for p in new))
        if len(states) < 2 or len(states) != len(new) or any(c in met for c in states):
            continue
        if any((m.absolute or m.weekday is not None or m.offset_days is not None or m.day)
               and text[m.start:m.end].casefold() not in lead_words
               for m in find_dates(text, words, sentence.start, sentence.end)):
            continue  # "on Wednesday": encounters of another day (the lead's own "samedi" is its day)
        kind = _choose_type([], [c for c in cues if c != "talks"]) or (first.type if first.type in ("phone_call", "video_call")
                                                                          else _choose_type([], cues))
        found += [Event(kind or first.type, first.date, first.date_inferred, [
            as_participant(p) for p in (subject, other)],
            Span(sentence.start, sentence.end), None) for other in new]
        met |= set(states)
    if not found:
        return events
    return _split_list(events[0], sentences[lead], subject, jointly) + events[1:] + found


def _earlier_events(events: list[Event], text: str, sentences: list[Sentence], matches: list[Match],
                    mentions: dict[int, list[Mention]], people: dict[str, PersonRecord], words: dict) -> list[Event]:
    """"Zuvor schon hatte Steinmeier nach einem Treffen mit dem ukrainischen Präsidenten X in Kiew
    ...", "Earlier, X held talks with Afghan President Y": a later sentence of the opening that
    opens with a word of ``[events] earlier`` and has an encounter cue, naming officials of two
    states, one the lead does not name (of two such, the one the readout names less) and one of
    the first encounter's, is an encounter of its own, on the day it names (read back from the
    day before the first's) or none; the first encounter keeps the states left, when two are."""
    first = events[0]
    lead = next((i for i, s in enumerate(sentences) if s.start == first.evidence.start), None)
    openers = words.get("events", {}).get("earlier", [])
    if lead is None or not openers:
        return events
    opens = _phrases(openers, anchored=True)
    opening = [0, lead] if sentences[0].paragraph == -1 else [lead]
    named = {people[m.person].country for i in opening for m in mentions.get(i, [])
             if m.kind == "person" and m.person in people}
    sides = {p.country for p in first.participants}
    counts = [people[m.person].country for ms in mentions.values() for m in ms if m.kind == "person" and m.person in people]
    found: list[Event] = []
    moved: set[str] = set()
    for i in range(lead + 1, min(len(sentences), lead + 8)):
        sentence = sentences[i]
        if sentence.paragraph < 0 or not opens.match(sentence.text):
            continue
        # a trip named earlier ("앞서 ... 베이징을 방문했다") is the background of the visit, not an encounter
        cues = [c for c in _cues(matches, sentence, text, words, mentions[i]) if c in TYPE_PRIORITY and c != "visit"]
        if not cues or _previous_contact(matches, sentence):
            continue
        persons = list({m.person: people[m.person] for m in mentions[i] if m.kind == "person" and m.person in people
                        and people[m.person].country and not _sender(text, m, people)}.values())
        states = list(dict.fromkeys(p.country for p in persons))
        new = [c for c in states if c not in named]
        if len(new) == 2:  # neither named in the lead: the readout's subject is the state named most
            new = [min(new, key=lambda c: (counts.count(c), -new.index(c)))]
        if len(states) != 2 or len(new) != 1 or not set(states) <= sides | set(new):
            continue
        own = [m for m in find_dates(text, words, sentence.start, sentence.end)
               if m.absolute or m.weekday is not None or m.offset_days is not None or m.day]
        anchor = dt.date.fromisoformat(first.date) if first.date else None
        day = resolve(own[0], anchor - dt.timedelta(days=1)) if own and anchor else None
        if own and day is None:
            continue  # a day of its own that cannot be read
        found.append(Event(_choose_type([], cues) or first.type, day.isoformat() if day else None, day is None, [
            as_participant(p) for p in persons],
            Span(sentence.start, sentence.end), None))
        moved.add(new[0])
    if not found:
        return events
    kept = [p for p in first.participants if p.country not in moved]
    if len({p.country for p in kept}) >= 2 and len(kept) < len(first.participants):
        events = [Event(first.type, first.date, first.date_inferred, kept, first.evidence, first.requested_by)] + events[1:]
    return events + found


def _split_list(event: Event, lead: Sentence, subject: PersonRecord, jointly: re.Pattern[str] | None) -> list[Event]:
    """The first encounter, one per state it names besides the subject's when it names one
    official of each of two or more (and no joint word stands in its lead); else as it is."""
    hosts = [p for p in event.participants if p.country == subject.country]
    others = [p for p in event.participants if p.country != subject.country]
    states = list(dict.fromkeys(p.country for p in others))
    if not hosts or len(states) < 2 or len(states) != len(others) or (jointly and jointly.search(lead.text)):
        return [event]
    return [Event(event.type, event.date, event.date_inferred, hosts + [p], event.evidence, event.requested_by)
            for p in others]


def _hosts_in_turn(event: Event, text: str, sentences: list[Sentence], matches: list[Match],
                   mentions: dict[int, list[Mention]], people: dict[str, PersonRecord], words: dict) -> list[Event]:
    """"a été reçu par le président A, puis par le ministre B": a lead in which one official of one
    side meets officials of the other in turn (a word of ``[events] then`` between each two of
    them) reports one encounter per official met; [] when it does not. Two officials met with no
    such word between ("had an audience with the Sultan and was hosted to lunch by ...") may be
    one encounter: they stay together."""
    sides: dict[str, list[Participant]] = {}
    for p in event.participants:
        sides.setdefault(p.country, []).append(p)
    guests = [side for side in sides.values() if len(side) == 1]
    hosts = [side for side in sides.values() if len(side) >= 2]
    if len(guests) != 1 or len(hosts) != 1:
        return []
    lead = next((i for i, s in enumerate(sentences) if s.start == event.evidence.start), None)
    if lead is None:
        return []
    names = {p.name for p in hosts[0]}
    # the lead, or the next sentence when the lead names only the visit ("X is in Singapore on an
    # Official Visit. X called on A ... and was hosted by B")
    for i in (lead, lead + 1):
        spans: list[tuple[int, int, str]] = []
        for m in mentions.get(i, []):
            person = people.get(m.person) if m.kind == "person" and m.person else None
            if person is not None and person.name in names and not any(name == person.name for _, _, name in spans):
                spans.append((m.start, m.end, person.name))
        if len(spans) == len(names):
            break
    else:
        return []
    spans.sort()
    then = words.get("events", {}).get("then", [])
    between = _phrases(then) if then else None
    for (_, end, _), (start, _, _) in zip(spans, spans[1:]):
        if between is None or not between.search(text, end, start):
            return []
    order = {name: i for i, (_, _, name) in enumerate(spans)}
    return [Event(event.type, event.date, event.date_inferred, guests[0] + [p], event.evidence, event.requested_by)
            for p in sorted(hosts[0], key=lambda p: order[p.name])]


def _further_hosts(events: list[Event], text: str, sentences: list[Sentence], matches: list[Match],
                   mentions: dict[int, list[Mention]], people: dict[str, PersonRecord], words: dict) -> list[Event]:
    """"Zudem wurde der Außenminister von Bundespräsident X empfangen", "王主任は同日、小沢幹事長らと
    会見した": a sentence of the opening that says one more encounter follows (a word of ``[events]
    also``, ``then`` or ``same_day``), with a meeting or talks cue, no day of its own and no
    word of ``[future] auxiliaries``, naming officials of one state who took no part in it, is one
    more encounter with them, on the first's day: of the first encounter's other side when they
    are of one of its sides, else of the first encounter's participant the sentence names.
    An official the registry or the text gives the wrong state is left to the persons' stage."""
    first = events[0]
    sides = list(dict.fromkeys(p.country for p in first.participants))
    lead = next((i for i, s in enumerate(sentences) if s.start == first.evidence.start), None)
    if lead is None or len(sides) != 2:
        return []
    taken = {(p.country, p.name) for e in events for p in e.participants}
    table = words.get("events", {})
    further = sorted({w.casefold() for key in ("also", "then", "same_day") for w in table.get(key, [])}, key=len, reverse=True)
    if not further:
        return []
    pattern = _phrases(further)
    auxiliaries = words.get("future", {}).get("auxiliaries", [])
    future = re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in auxiliaries), re.IGNORECASE) \
        if auxiliaries else None
    found: list[Event] = []
    for i in range(lead + 1, min(len(sentences), lead + 8)):
        sentence = sentences[i]
        if sentence.paragraph < 0 or not pattern.search(sentence.text):
            continue
        cues = [c for c in _cues(matches, sentence, text, words, mentions[i]) if c in ("meeting", "talks")]
        if not cues or _previous_contact(matches, sentence) or (future and future.search(sentence.text)):
            continue  # "A meeting ... will also take place": an encounter planned
        keys = list(dict.fromkeys(m.person for m in mentions[i] if m.kind == "person" and m.person
                                  and not _sender(text, m, people)))
        persons = [people[k] for k in keys if people[k].country]
        new = [p for p in persons if (p.country, p.name) not in taken]
        if not new or len({p.country for p in new}) != 1:
            continue  # "also met the foreign ministers of A and B": encounters of another kind
        if new[0].country in sides:
            guests = [p for p in first.participants if p.country != new[0].country]
        else:
            # "Albares también ha mantenido un encuentro con ... de México": the participant of the
            # first encounter named beside officials of a third state met them
            named = {(p.country, p.name) for p in persons} - {(p.country, p.name) for p in new}
            guests = [p for p in first.participants if (p.country, p.name) in named]
            if len({p.country for p in guests}) != 1:
                continue
        if any(p.country not in sides + [new[0].country] for p in persons):
            continue
        if any(m.absolute or m.weekday is not None or m.offset_days is not None or m.day
               for m in find_dates(text, words, sentence.start, sentence.end)):
            continue  # an encounter of another day
        found.append(Event(_choose_type([], cues) or first.type, first.date, first.date_inferred, guests + [
            as_participant(p) for p in new],
            Span(sentence.start, sentence.end), None))
        taken |= {(p.country, p.name) for p in new}
    return found


_HEADING = 90  # characters: "Meeting with Serbian President Nikolic on Sept 2"
_LIST_MARKS = "-–—•*·▪►>|"  # a line opening so is an item of a list (of links to other stories), not a heading


def _heading_events(events: list[Event], text: str, sentences: list[Sentence], matches: list[Match],
                    mentions: dict[int, list[Mention]], people: dict[str, PersonRecord], words: dict) -> list[Event]:
    """"Meeting with Serbian President Nikolic on Sept 2" ... "Meeting with Egyptian President
    Sisi on Sept 2": in a readout cut into sections, the section headings (paragraphs of one
    short line with no closing stop nor list mark, each naming an encounter and an official;
    two at least)
    that name an official of a state the readout's host has not met yet are each
    one more encounter of the host (the first encounter's party named most) with them, on the
    heading's day (read against the first encounter's) or else the first encounter's."""
    first = events[0]
    if not first.participants:
        return []
    paragraphs: dict[int, list[int]] = {}
    for i, sentence in enumerate(sentences):
        if sentence.paragraph >= 0:
            paragraphs.setdefault(sentence.paragraph, []).append(i)
    def heading(i: int) -> bool:
        line = sentences[i].text.strip()
        return len(line) <= _HEADING and line[-1:] not in ".。!?！？:：…" and line[:1] not in _LIST_MARKS \
            and any(m.kind == "person" for m in mentions[i]) \
            and any(c in TYPE_PRIORITY for c in _cues(matches, sentences[i], text, words, mentions[i]))

    headings = [members[0] for members in paragraphs.values() if len(members) == 1 and heading(members[0])]
    # a digest's title of the same shape ("Телефонный разговор с Президентом A", its dateline
    # and body, then "Телефонный разговор с Президентом B", its dateline, ...) heads its first
    # item, when every later heading stands over a dateline line of its own (a list of related
    # stories puts each story's date over its title, or none; the title's own dateline is the page's)
    dated = [i for i in headings if i + 1 < len(sentences) and _dateline_only(text, words, sentences[i + 1])]
    titled = bool(sentences) and sentences[0].paragraph == -1 and heading(0) and dated == headings
    if len(headings) + titled < 2:
        return []  # one such line is a headline repeated or a line cut short, not a section
    # the host: the first encounter's party the readout names most often (the one every
    # section is about), the first named on a tie; a party a heading names is a counterpart
    named = [people[m.person].country for ms in mentions.values() for m in ms if m.kind == "person" and m.person]
    headed = {people[m.person].country for i in headings + ([0] if titled else []) for m in mentions[i]
              if m.kind == "person" and m.person in people}
    parties = list(dict.fromkeys(p.country for p in first.participants))
    host = max([c for c in parties if c not in headed] or parties, key=named.count)
    hosts = [p for p in first.participants if p.country == host]
    met = {p.country for e in events for p in e.participants if any(h.country == host for h in e.participants)}
    anchor = dt.date.fromisoformat(first.date) if first.date else None
    found: list[Event] = []
    for i in headings:
        sentence = sentences[i]
        if sentence.start == first.evidence.start:
            continue
        cues = [c for c in _cues(matches, sentence, text, words, mentions[i]) if c in TYPE_PRIORITY]
        newcomers = list(dict.fromkeys(m.person for m in mentions[i] if m.kind == "person" and m.person
                                       and people[m.person].country and people[m.person].country not in met | {host}))
        if not cues or not newcomers:
            continue
        countries = {people[k].country for k in newcomers}
        if len(countries) != 1:
            continue
        day = next((resolve(m, anchor) for m in find_dates(text, words, sentence.start, sentence.end)
                    if m.absolute and anchor is not None), None)
        under = sentences[i + 1] if i + 1 < len(sentences) else None
        if day is None and anchor is not None and under is not None and _dateline_only(text, words, under):
            # the item's own dateline, the line under its heading ("11 марта 2022 года")
            day = next((resolve(m, anchor) for m in find_dates(text, words, under.start, under.end) if m.absolute), None)
        date = day.isoformat() if day else first.date
        guests = [people[k] for k in newcomers]
        found.append(Event(_choose_type([], cues) or first.type, date, first.date_inferred if not day else False,
                           hosts + [as_participant(p) for p in guests], Span(sentence.start, sentence.end), None))
        met |= countries
    return found


_DATELINE_LINE = 40  # characters: "11 марта 2022 года, 14:30" — a line holding a date and little else
_DATELINE_LETTERS = 6  # letters beside the date: "года", "г.", "Uhr"


def _dateline_only(text: str, words: dict, sentence: Sentence) -> bool:
    """A short line of its own with no stop that holds a full date and few letters besides
    ("11 марта 2022 года"): an item's dateline under its heading."""
    line = sentence.text.strip()
    if not 0 < len(line) <= _DATELINE_LINE or line[-1:] in ".。!?！？":
        return False
    day = next((m for m in find_dates(text, words, sentence.start, sentence.end) if m.absolute), None)
    if day is None:
        return False
    rest = text[sentence.start:day.start] + text[day.end:sentence.end]
    return sum(ch.isalpha() for ch in rest) <= _DATELINE_LETTERS


_DATELINE_SPAN = 30  # characters: "新华社北京12月20日电" opens its item within them


def _wire_items(events: list[Event], text: str, sentences: list[Sentence], matches: list[Match],
                mentions: dict[int, list[Mention]], people: dict[str, PersonRecord], words: dict) -> list[Event]:
    """"新华社北京12月20日电 外交部长A 20日同俄罗斯外长B通电话 ... 新华社北京12月20日电 外交部长A
    20日同日本外相C通电话": a page holding several wire items, each a paragraph opening with a
    news agency's dateline (``[dates] dateline_marks``), reports one encounter per item: the
    first sentence of a later item with an encounter cue, naming officials of two states or more
    of whom one at least took part in no encounter found yet, is one more (all it names, a group
    call kept whole), on the day it names (read against the first encounter's) or the first's.
    The items are of the first encounter's day: a dateline of another day opens a story listed
    under the readout (a list of related stories), not one of its items; with the first undated
    there is no day to hold them to, and they are left."""
    first = events[0]
    lead = next((i for i, s in enumerate(sentences) if s.start == first.evidence.start), None)
    if lead is None or not words.get("dates", {}).get("dateline_marks"):
        return []
    taken = {(p.country, p.name) for e in events for p in e.participants}
    if not first.date:
        return []
    anchor = dt.date.fromisoformat(first.date)
    found: list[Event] = []
    for i in range(lead + 1, len(sentences)):
        sentence = sentences[i]
        if sentence.paragraph < 0 or sentences[i - 1].paragraph == sentence.paragraph:
            continue  # an item opens a paragraph
        dateline = cjk_dateline(text, words, sentence.start, min(sentence.end, sentence.start + _DATELINE_SPAN))
        if dateline != (anchor.month, anchor.day):
            continue
        cues = [c for c in _cues(matches, sentence, text, words, mentions[i]) if c in TYPE_PRIORITY]
        if not cues or _previous_contact(matches, sentence):
            continue
        persons = list({m.person: people[m.person] for m in mentions[i] if m.kind == "person" and m.person in people
                        and people[m.person].country and not _sender(text, m, people)}.values())
        if len({p.country for p in persons}) < 2 or all((p.country, p.name) in taken for p in persons):
            continue
        day = next((resolve(m, anchor) for m in find_dates(text, words, sentence.start, sentence.end)
                    if m.absolute or m.day), None)
        found.append(Event(_choose_type([], cues) or first.type, day.isoformat() if day else first.date,
                           first.date_inferred if day is None else False, [
            as_participant(p) for p in persons],
            Span(sentence.start, sentence.end), None))
        taken |= {(p.country, p.name) for p in persons}
    return found

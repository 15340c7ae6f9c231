"""Endorsements: who backs, opposes or congratulates whom, on what (ANNOTATION.md §3).

A sentence is cut into *frames*, one per stance cue. In each frame the endorser is the
actor before the cue (else the current speaker), the target the actor after it (else the
owner of the topic), and the topics those named in the frame. Accusation verbs turn it
round: the actor before them is the accused, opposed by the speaker. Plans, wishes,
thanks and reciprocal formulas block a frame; negation and "against" phrases ("Taiwan
independence", "interference") flip its stance.

This module follows who speaks from sentence to sentence; stance_sentence reads each
sentence's frames, stance_cues picks the cues that open them, stance_frames holds the
helpers that set parts of a frame aside, and stance_reader the language's grammar words."""

from __future__ import annotations

import re

from kg.extract.persons import Mention, PersonRecord
from kg.extract.stance_frames import unlabelled_occasion
from kg.extract.stance_reader import NOT_SUBJECT_GAP, StanceReader, joined
from kg.extract.stance_sentence import sentence_endorsements
from kg.knowledge.matcher import Match, within
from kg.knowledge.registry import Registry
from kg.model import Endorsement, Span
from kg.text import Sentence, fold

__all__ = ["exchanged_congratulations", "find_endorsements"]


def _quote_speakers(reader: StanceReader, speech_by_sentence: dict[int, tuple[str, ...]]) -> dict[int, tuple[str, ...]]:
    """Sentences inside a quotation take the speaker named right after (or before) it."""
    text = reader.text
    result: dict[int, tuple[str, ...]] = {}
    by_paragraph: dict[int, list[int]] = {}
    for i, s in enumerate(reader.sentences):
        by_paragraph.setdefault(s.paragraph, []).append(i)
    for paragraph, indices in by_paragraph.items():
        if paragraph < 0:
            continue
        open_at = None
        for i in indices:
            s = reader.sentences[i]
            chunk = text[s.start:s.end]
            for offset, char in enumerate(chunk):
                if char in "«“「『" and open_at is None:
                    open_at = i
                elif char in "»”」』" and open_at is not None:
                    speaker = speech_by_sentence.get(i) or speech_by_sentence.get(open_at)
                    if speaker:
                        for k in indices:
                            if open_at <= k <= i:
                                result[k] = speaker
                    open_at = None
    return result


def find_endorsements(text: str, sentences: list[Sentence], matches: list[Match], mentions: dict[int, list[Mention]],
                      people: dict[str, PersonRecord], participants: list[str], registry: Registry,
                      lang: str) -> list[Endorsement]:
    """Every endorsement the readout states, sentence by sentence, each attributed to whoever speaks in it."""
    reader = StanceReader(text, sentences, matches, mentions, people, participants, registry, lang)
    # 1. who speaks in each sentence
    own_speaker: dict[int, tuple[str, ...]] = {}
    for i, s in enumerate(sentences):
        codes = _speech_speaker(reader, i, ())
        if codes:
            own_speaker[i] = codes
    quoted = _quote_speakers(reader, own_speaker)
    speaker: tuple[str, ...] = ()
    found: dict[tuple, Endorsement] = {}
    for i, s in enumerate(sentences):
        if s.paragraph < 0:
            continue
        said = _speech_speaker(reader, i, speaker)
        if i in quoted:
            speaker = quoted[i]
        elif said:
            speaker = said
        else:
            # "M. Wang a félicité ...", "双方...": a sentence opening on a party makes it the subject
            reach = 4 if reader.cjk else 25
            # "The Secretary thanked Norway": a title opening the sentence is its subject, not the state after it
            opening = [m for m in mentions[i] if m.kind in ("person", "state", "both", "pronoun", "self", "title_ref") and m.start - s.start <= reach][:1]
            if opening and opening[0].kind == "both":
                speaker = tuple(participants)
            elif opening and opening[0].codes and opening[0].codes[0] in participants:
                speaker = (opening[0].codes[0],)
        for record in sentence_endorsements(reader, i, speaker):
            found.setdefault(record.key, record)
    # "sent a message congratulating X on his election ... extended warm congratulations to X":
    # one occasion, one record
    # "Petro reiterated his congratulations to Lula": a readout that names one occasion (his
    # election) has its congratulations on it, wherever the sentence stating them stands
    # (only in the body's sentences, and only when no congratulation names its occasion itself:
    # then the occasion is that one's, and a congratulation in return is on another)
    body = [s for s in sentences if s.paragraph >= 0]
    occasions = {m.value for m in matches if m.kind == "topic" and m.value in registry.topics and registry.topics[m.value].occasion
                 and any(s.start <= m.start < s.end for s in body)}
    if len(occasions) == 1 and not any(e.stance == "congratulate" and e.topic for e in found.values()):
        label = next(iter(occasions))
        for key, e in list(found.items()):
            if e.stance == "congratulate" and e.topic is None:
                found.setdefault((e.endorser, e.stance, e.target, label), Endorsement(e.endorser, e.stance, e.target, label, e.evidence))
    topical = {(e.endorser, e.target) for e in found.values() if e.stance == "congratulate" and e.topic}
    # a topic-less congratulation stands beside a labelled one only when its sentence names an
    # occasion no label names (an anniversary of ties, a congress's closing)
    return [e for e in found.values() if not (e.stance == "congratulate" and e.topic is None and (e.endorser, e.target) in topical
                                               and not unlabelled_occasion(text, matches, e.evidence.start, e.evidence.end,
                                                                       registry, reader.cjk))]



def _speech_speaker(reader: StanceReader, i: int, running: tuple[str, ...]) -> tuple[str, ...]:
    """Who a speech verb of sentence ``i`` attributes it to: the person (or "he", "the two
    sides") before the verb; a state only when it stands right before the verb."""
    s = reader.sentences[i]
    text = reader.text
    mentions = reader.mentions[i]
    for verb in (m for m in within(reader.matches, s.start, s.end) if m.kind == "speech"):
        before = [x for x in mentions if x.end <= verb.start and x.kind in ("person", "state", "both", "pronoun", "title_ref", "org", "self")]
        after = [x for x in mentions if x.start >= verb.end and x.kind == "person" and x.start - verb.end < 40]
        # «...», a poursuivi M. Wang / "...," Wang said: the speaker follows the verb
        after_quote = any(q in text[max(s.start, verb.start - 4):verb.start] for q in "»”」』\"")
        chosen = None
        # a verb-last language marks the speaker with a particle ("블링컨 장관은 ... 밝혔다")
        marked = reader.marked_subject(mentions, s.start, verb.start) if reader.subject_endings else None
        if marked is not None:
            chosen = marked
        elif after_quote and after:
            chosen = after[0]
        else:
            for x in reversed(before):
                if x.kind in ("person", "pronoun", "both", "title_ref"):
                    chosen = x
                    break
                gap = text[x.end:verb.start]
                if x.kind in ("state", "org", "self") and not set(gap) & set(",，،") and len(gap.split()) <= 2 \
                        and not set(fold(gap).split()) & NOT_SUBJECT_GAP:
                    chosen = x
                    break
            if chosen is None and after:
                chosen = after[0]
        if chosen is None:
            continue
        codes = reader.codes(chosen, running)
        # "艾班和沙姆哈尼表示", "Wang Yi and Lavrov said": both speak
        earlier = [x for x in before if x.end <= chosen.start]
        if earlier and chosen in before and joined(text, earlier[-1], chosen):
            codes = tuple(dict.fromkeys(reader.codes(earlier[-1], running) + codes))
        if codes:
            return codes
    return ()



def exchanged_congratulations(folded: str, sentences: list[Sentence], words: dict, events: list,
                              found: list[Endorsement]) -> list[Endorsement]:
    """"Xi and Biden exchanged congratulatory messages on the 45th anniversary...",
    "互致贺电": each side of a two-party exchange congratulates the other (``folded``: the
    readout's text as :func:`kg.text.fold` gives it) (target the other
    state, topic none: ANNOTATION.md §3), unless the readout already says on what."""
    phrases = [fold(p) for p in words.get("congratulations", {}).get("exchanged", [])]
    out: list[Endorsement] = []
    if not phrases:
        return out
    # "ont échangé lundi 17 janvier des messages de félicitations": a date or an adverb of up
    # to four words may stand between the verb and what was exchanged
    pattern = re.compile("|".join(
        re.escape(p.split(" ", 1)[0]) + r"(?:\s+\S+){0,4}?\s+" + re.escape(p.split(" ", 1)[1]) if " " in p else re.escape(p)
        for p in sorted(phrases, key=len, reverse=True)))
    # "The heads of state also exchanged congratulations on ...": when the readout reports one
    # encounter, a later sentence of its body tells of that encounter too
    pairs = {frozenset(p.country for p in event.participants) for event in events}
    body = [Span(s.start, s.end) for s in sentences if s.paragraph >= 0] if len(pairs) == 1 else []
    for event in events:
        sides = list(dict.fromkeys(p.country for p in event.participants))
        if len(sides) != 2:
            continue
        # the cue in the event's sentence or in the headline
        spans = [event.evidence] + [Span(s.start, s.end) for s in sentences[:1] if s.paragraph < 0] + body
        evidence = next((span for span in spans if pattern.search(folded, span.start, span.end)), None)
        if evidence is None:
            continue
        for endorser, target in (sides, sides[::-1]):
            if not any(e.endorser == endorser and e.target == target and e.stance == "congratulate" for e in found):
                out.append(Endorsement(endorser, "congratulate", target, None, evidence))
    return out
"""Which stance cues of a sentence open a frame of their own: a noun another party owns is
theirs or nobody's, a cue that names what the verb before it backs joins that verb's frame,
and accusation cues turn into oppositions of the accused (ANNOTATION.md §3)."""

from __future__ import annotations

import re

from kg.extract.persons import Mention
from kg.extract.stance_frames import BEFORE_NOUN, drop_fallback, is_plan
from kg.extract.stance_reader import ACCUSING, CLAUSE_BREAK, QUOTES_CLOSE, QUOTES_OPEN, RECIPROCAL, STANCE_KINDS, Cue, StanceReader
from kg.knowledge.matcher import Match, within
from kg.text import fold

__all__ = ["accusations", "held_to_account", "merged_frames", "owned_cues"]

# one opposition: endorser, target, topics (label, read "against")
Opposed = tuple[str, str, list[tuple[str | None, bool]]]

# "the Multinational Security Support Mission": a capitalised cue after a capitalised word, in
# a language that capitalises only names, is a word of a name
_IN_NAME = re.compile(r"(?<![.!?:;]\s)\b[A-Z][\w\-]*\s+[A-Z]$")
# "China's support" is someone else's stance, not the subject's ("reaffirmed its support" is)
_POSSESSIVE_BEFORE = re.compile(r"(?:'s|’s)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "X's firm adherence to": the owner's own stance (at most one adjective between)
_OWN_STANCE = re.compile(r"(?:'s|’s|')\s+(?:[\w\-]+\s+)?")
# after a declaring verb: a possessor of at most four words, maybe one adjective, then the cue
_DECLARED_POSSESSIVE = re.compile(r"\s+(?:the\s+)?(?:[\w\-.]+\s+){0,3}[\w\-.]+(?:'s|’s)\s+(?:\w+\s+)?$")


def owned_cues(reader: StanceReader, index: int, speaker: tuple[str, ...],
               inside: list[Match]) -> tuple[list[Cue], dict[int, Mention]]:
    """The sentence's stance cues, and the party of the encounter that owns each owned noun."""
    s = reader.sentences[index]
    text = reader.text
    cues = [Cue(m.start, m.end, m.kind.split(".", 1)[1]) for m in inside
            if m.kind.startswith("stance.") and m.kind.split(".", 1)[1] in STANCE_KINDS
            and not (reader.capitalised_names and _IN_NAME.search(text, max(s.start, m.start - 30), m.start + 1))]
    # a noun after a possessive ("China's support", "son soutien") is not a new stance, unless
    # the subject declares it ("reiterated China's firm support for ..."): then it is theirs
    declared = [m.end for m in inside if m.kind == "stance.declare"]
    # "the Maldivian government's firm adherence to the one-China principle": a party of the
    # encounter owning the noun holds the stance
    possessor: dict[int, Mention] = {}
    thanked = [m.start for m in inside if m.kind == "stance.thanks"]
    for c in cues:
        if c.kind not in ("support", "oppose") or reader.cjk:
            continue
        owner = [a for a in reader.mentions[index] if a.kind in ("state", "person", "both")
                 and _OWN_STANCE.fullmatch(text, a.end, c.start)
                 and set(reader.codes(a, speaker)) & set(reader.participants)]
        if not owner:
            continue
        clause = max([s.start] + [m.end() for m in CLAUSE_BREAK.finditer(text, s.start, owner[-1].start)])
        # not when the noun is what another stance or a thank-you is about ("praised China's support")
        if not any(clause <= o.start < c.start for o in cues) and not any(clause <= t < c.start for t in thanked):
            possessor[c.start] = owner[-1]
    cues = [c for c in cues if c.start in possessor or not (c.kind in ("support", "oppose") and (
        (_POSSESSIVE_BEFORE.search(text[max(s.start, c.start - 30):c.start])
         and not any(_DECLARED_POSSESSIVE.match(text, end, c.start) for end in declared)) or
        (reader.cjk and "的" in text[max(s.start, c.start - 3):c.start]) or
        # "중국의 지지에 감사": a possessive particle closing another party's name before the noun
        _owned_by_other(reader, index, speaker, c)))]
    return cues, possessor


def _owned_by_other(reader: StanceReader, index: int, speaker: tuple[str, ...], cue: Cue) -> bool:
    """"중국의 지지에 감사드린다": a name closed by a possessive particle ([stance] owner_particles)
    right before a stance noun owns it, so the noun is that party's stance told, not the
    subject's; unless the owner is who speaks ("한국의 지지를 재확인했다")."""
    s = reader.sentences[index]
    text = reader.text
    if not reader.owner_particles or not any(
            text[max(s.start, cue.start - 4):cue.start].rstrip().endswith(p) for p in reader.owner_particles):
        return False
    owner = [a for a in reader.mentions[index] if a.end <= cue.start and cue.start - a.end <= 3]
    return not (owner and set(reader.codes(owner[-1], speaker)) & set(speaker))


def merged_frames(reader: StanceReader, cues: list[Cue]) -> list[Cue]:
    """The cues that open a frame: no accusations, no plans, and no cue that is the object of
    the verb before it."""
    text = reader.text
    frames = [c for c in cues if c.kind not in ACCUSING and not is_plan(reader, c, cues)]
    # "salue l'attachement de l'UE au multilatéralisme": the noun is what the verb welcomes
    frames = [c for k, c in enumerate(frames) if not (
        k and frames[k - 1].kind in ("support", "welcome") and c.kind in ("support", "adhere")
        and len(text[frames[k - 1].end:c.start].split()) <= 1 and not re.search(r"[,;，；]", text[frames[k - 1].end:c.start])
        # Japanese writes no spaces: a verb ending in its own clause ("歓迎し、") starts another stance
        and not (reader.verb_last and re.search(r"[、,，]", text[frames[k - 1].end:c.start])))]
    # "支持塞尔维亚维护主权", "soutient le Kazakhstan dans la sauvegarde de": safeguarding is what
    # is supported, not a second stance
    frames = [c for k, c in enumerate(frames) if not (
        c.kind == "adhere" and k and frames[k - 1].kind in ("support", "adhere")
        and not CLAUSE_BREAK.search(text, frames[k - 1].end, c.start))]
    # "condemned the continued Israeli aggression against ...": the aggression is what is
    # condemned, one frame
    frames = [c for k, c in enumerate(frames) if not (
        c.kind == "aggression" and k and frames[k - 1].kind in ("oppose", "concern")
        and not CLAUSE_BREAK.search(text, frames[k - 1].end, c.start) and len(text[frames[k - 1].end:c.start].split()) <= 5)]
    # a verb-last language names the aggression first: "ロシアによるウクライナ侵略を強く非難" is one
    # frame too, the verb's, and the topics named with the aggression are its topics
    if reader.verb_last:
        frames = [c for k, c in enumerate(frames) if not (
            c.kind == "aggression" and k + 1 < len(frames) and frames[k + 1].kind in ("oppose", "concern")
            and not CLAUSE_BREAK.search(text, c.end, frames[k + 1].start) and len(text[c.end:frames[k + 1].start]) <= 6)]
    return frames


def held_to_account(reader: StanceReader, cues: list[Cue], actors: list[Mention], topics: list[Match],
                    speaker: tuple[str, ...]) -> tuple[list[Mention], list[Opposed]]:
    """"... and hold Russia accountable": the party held to account is opposed by the speaker,
    whatever frame it stands in, and is no target of that frame."""
    text = reader.text
    accountable: list[Mention] = []
    opposed: list[Opposed] = []
    for c in (c for c in cues if c.kind == "accuse_object"):
        held = [a for a in actors if a.end <= c.start and a.kind in ("state", "person", "org") and not a.possessive
                and BEFORE_NOUN.fullmatch(text, a.end, c.start)]
        if not held:
            continue
        accountable.append(held[-1])
        named = list(dict.fromkeys(t.value for t in topics))
        for endorser in speaker:
            for target in reader.codes(held[-1], speaker):
                if target != endorser:
                    opposed.append((endorser, target, [(x, False) for x in drop_fallback(named, reader.registry)] or [(None, False)]))
    return accountable, opposed


def accusations(reader: StanceReader, index: int, cues: list[Cue], frames: list[Cue], blocks: list[Match],
                speech: list[Match], topics: list[Match], speaker: tuple[str, ...]) -> list[Opposed]:
    """An accusation verb before the first frame ("X interferes in ...") opposes its subject; one
    after a stance cue is that stance's object ("opposes forces interfering in China's affairs")."""
    s = reader.sentences[index]
    text = reader.text
    actors = reader.mentions[index]
    opposed: list[Opposed] = []
    first_frame = frames[0].start if frames else s.end
    accusing = [c for c in cues if c.kind == "accuse" and c.start < first_frame]
    # "urging the United States not to interfere": what a demand asks of the party it addresses is
    # no accusation ("stressed the need to stop the aggression", addressed to no one, still is one)
    accusing = [c for c in accusing if not any(
        max([s.start] + [m.end for m in speech if m.end <= c.start]) <= b.start < c.start and fold(b.text) not in RECIPROCAL
        and any(b.end <= a.start and a.end <= c.start and a.kind in ("state", "person", "org", "title_ref") for a in reader.mentions[index])
        for b in blocks)]
    if accusing:
        first = accusing[0]
        clause_start = s.start
        for m in CLAUSE_BREAK.finditer(text, s.start, first.start):
            clause_start = m.end()
        accused = [a for a in actors if clause_start <= a.start and a.end <= first.start and a.kind in ("person", "state", "org")
                   and not a.possessive]
        if not accused:  # "la provocation de la partie américaine"
            accused = [a for a in actors if first.end <= a.start < first.end + 30 and a.kind in ("state", "person", "org")][:1]
        codes = reader.codes(accused[-1], speaker) if accused else ()
        named = list(dict.fromkeys(t.value for t in topics))
        sentence_topics = [(x, False) for x in drop_fallback(named, reader.registry)]
        # interference and smears concern internal affairs; a provocation or a sanction named with
        # no topic is opposed on none (ANNOTATION.md §3)
        fallback = None if fold(text[first.start:first.end]) in reader.untopical else "Non-interference"
        for endorser in speaker:
            for target in codes:
                if target != endorser:
                    opposed.append((endorser, target, sentence_topics or [(fallback, False)]))
    return opposed


def labelled_conduct(reader: StanceReader, index: int, inside: list[Match], topics: list[Match],
                     speaker: tuple[str, ...]) -> list[Opposed]:
    """"calificó las sanciones de Estados Unidos como una injerencia", "described X's sanctions as
    interference": a verb of naming ([stance] label) that calls a party's conduct interference
    accuses that party, named between the verb and the charge; the one who names it opposes it,
    whichever side of the encounter the accused stands on (ANNOTATION.md §3: accusations)."""
    s = reader.sentences[index]
    text = reader.text
    actors = reader.mentions[index]
    opposed: list[Opposed] = []
    for verb in (m for m in inside if m.kind == "stance.label"):
        # (a charge no state owns: "described X as 'Taiwan independence'" is no accusation of X)
        charge = next((t for t in topics if t.kind == "topic_against" and t.start >= verb.end
                       and t.value in reader.registry.topics and not reader.registry.topics[t.value].owner
                       and not _broken(text, verb.end, t.start)), None)
        if charge is None:
            continue
        accused = [a for a in actors if verb.end <= a.start and a.end <= charge.start and a.kind in ("state", "person", "org")]
        clause_start = max([s.start] + [m.end() for m in CLAUSE_BREAK.finditer(text, s.start, verb.start)])
        if not accused:
            accused = _conduct_party(reader, index, verb, charge, clause_start)
        if not accused:
            continue
        subject = [a for a in actors if clause_start <= a.start and a.end <= verb.start and not a.possessive
                   and a.kind in ("person", "state", "both", "pronoun", "self", "org", "title_ref")]
        if not subject and reader.opens(clause_start, verb.start, reader.relative_subject):
            # "a instancias de Gil, quien calificó ...": who names is the one named before "who"
            subject = [a for a in actors if s.start <= a.start and a.end <= clause_start
                       and a.kind in ("person", "state", "org", "title_ref")][-1:]
        endorsers = (reader.codes(subject[-1], speaker) if subject else ()) or speaker
        named = list(dict.fromkeys(t.value for t in topics if t.start >= verb.end))
        labels = [(x, False) for x in drop_fallback(named, reader.registry)] or [(charge.value, False)]
        for endorser in endorsers:
            for target in reader.codes(accused[0], speaker):
                if target != endorser:
                    opposed.append((endorser, target, labels))
    return opposed


_PARTIES = ("state", "person", "org")


def _conduct_party(reader: StanceReader, index: int, verb: Match, charge: Match, clause_start: int) -> list[Mention]:
    """The party whose conduct a verb of naming names when no party stands between the verb and the
    charge: the conduct named just before a relative clause the verb opens ("las acciones de
    Washington, a las que calificó como una injerencia"), or the conduct named after the charge
    ("calificó como «injerencistas» las declaraciones de la ministra española") — a party named
    right after internal affairs is the one whose affairs they are, not the accused."""
    s = reader.sentences[index]
    text = reader.text
    actors = reader.mentions[index]
    if clause_start > s.start and reader.opens(clause_start, verb.start, reader.relative_object):
        before = max([s.start] + [m.end() for m in CLAUSE_BREAK.finditer(text, s.start, clause_start - 2)])
        named = [a for a in actors if before <= a.start and a.end <= clause_start and a.kind in _PARTIES and not a.possessive]
        return named[-1:]
    end = next((m.start() for m in CLAUSE_BREAK.finditer(text, charge.end, s.end)), s.end)
    owned = [t.end for t in within(reader.matches, charge.start, end) if t.kind == "topic"]
    return [a for a in actors if charge.end <= a.start < end and a.kind in _PARTIES
            and not any(0 <= a.start - e <= 6 for e in owned)][:1]


def _broken(text: str, start: int, end: int) -> bool:
    """Whether a clause ends in [start, end) outside a quotation opened there: the commas of a
    quoted list of attributes («insolentes, injerencistas y groseras») end no clause."""
    span = text[start:end]
    opened = max(span.rfind(q) for q in QUOTES_OPEN if q != '"')
    if span.count('"') % 2:  # a straight quote left open
        opened = max(opened, span.rfind('"'))
    if opened >= 0 and not any(q in span[opened + 1:] for q in QUOTES_CLOSE if q != '"'):
        return CLAUSE_BREAK.search(text, start, start + opened) is not None
    return CLAUSE_BREAK.search(text, start, end) is not None


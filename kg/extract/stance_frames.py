"""Frame helpers of the stance reader: the parts of a frame that are no party backed or
opposed (senders of a congratulation, places a situation adjective names, the ends of a tie,
aggressors and victims) and the cues that are plans or promises rather than stances."""

from __future__ import annotations

import re

from kg.extract.persons import Mention
from kg.extract.stance_reader import CLAUSE_BREAK, WORD, Cue, StanceReader, joined
from kg.knowledge.matcher import Match, within
from kg.knowledge.registry import Registry
from kg.text import fold

__all__ = ["AGENT", "BEFORE_NOUN", "RECIPIENT", "aggressor_of", "attack_victims", "clause_subject", "congratulation_received",
           "congratulation_senders", "drop_fallback", "is_plan", "is_promise", "is_situation_adjective", "tie_ends",
           "unlabelled_occasion"]

# the link from a support given to the one given it: "support to Laos", "son soutien au Cameroun"
RECIPIENT = re.compile(r"\s+(?:to|for|a|au|aux|al|para|ao|an|fur)\s+(?:the |la |le |les |l'|el |los |las |o |os |a |as |die |den )?")
_LEADING_ARTICLE = re.compile(r"\s*(?:the |la |le |les |l'|el |los |las |o |a |os |as )?")

# the words that open an owner's name after a noun ("the commitment of China", "l'engagement de la Chine")
_OWNER_LINKS = {"of", "de", "du", "des", "d", "del"}
_LIST_JOINERS = {"et", "and", "y", "e", "und", "ou", "or", "o"}
AGENT = re.compile(r"(?:\bpar|\bby|\bpor|menee par|menees par|mene par|被|由)\s*(?:la |le |les |l'|el |los |las |the )?$")
# between an actor and the word it goes with, at most one word apart: "Russia's aggression",
# "further Russian aggression", "holding Iran accountable", "hold Russia fully accountable"
BEFORE_NOUN = re.compile(r"(?:'s|’s)?\s+(?:[\w\-]+\s+)?")
# or a list of attributes before the noun: "Russia's premeditated, unprovoked, and unjustified invasion"
_ATTRIBUTE = r"(?!(?:the|a|an|its|their|his|her)\s)[\w\-]+"
BEFORE_NOUN_LIST = re.compile(rf"(?:'s|’s)?\s+{_ATTRIBUTE}(?:,\s+{_ATTRIBUTE})*,?\s+(?:and|et|y|e|und)\s+{_ATTRIBUTE}\s+")
_AGAINST_BEFORE = re.compile(r"(?:against|contre|contra|gegen|против|抗)\s*$")


def is_situation_adjective(reader: StanceReader, a: Mention) -> bool:
    """Whether a nationality adjective (or a state's name as an attribute, "the Yemen conflict")
    names where a situation is ("les crises libyenne, malienne et ukrainienne", "the Libyan and
    Syrian crises"): a place, not a party backed."""
    if not reader.situations or a.kind != "state":
        return False
    if reader.cjk:
        # "叙利亚问题", "阿富汗局势": a state's name right before a situation noun says where it is
        return reader.folded.startswith(tuple(reader.situations), a.end)
    gazetteer = reader.registry.gazetteer(reader.lang)

    def adjective(word: str) -> bool:
        return any(m.kind == "adj" and m.start == 0 and m.end == len(word) for m in gazetteer.find(word))

    if not adjective(reader.folded[a.start:a.end]):
        # "the Yemen conflict": a state's name standing as an attribute before the noun
        following = WORD.findall(reader.folded[a.end:a.end + 20])[:1]
        return reader.adjective_before and bool(following) and following[0] in reader.situations \
            and not reader.text[a.end:a.end + 1] in "'’"

    # back over the other adjectives of the list to the noun they follow
    words = WORD.findall(reader.folded[max(0, a.start - 80):a.start])
    while words and (words[-1] in _LIST_JOINERS or adjective(words[-1])):
        words.pop()
    if words and words[-1] in reader.situations:
        return True
    ahead = WORD.findall(reader.folded[a.end:a.end + 60])
    while ahead and (ahead[0] in _LIST_JOINERS or adjective(ahead[0])):
        ahead.pop(0)
    return bool(ahead) and ahead[0] in reader.situations and reader.adjective_before


def is_promise(reader: StanceReader, cue: Cue, topics: list[Match], end: int) -> bool:
    """Whether a cue after an agreement takes a stance on a named position: "agreed to jointly uphold
    multilateralism", "agreed to oppose China's attempts in the South China Sea"."""
    if cue.kind not in ("adhere", "oppose", "support"):
        return False
    cut = CLAUSE_BREAK.search(reader.text, cue.end, end)
    stop = cut.start() if cut else end
    return any(cue.end <= t.start < stop for t in topics)


def clause_subject(reader: StanceReader, actors: list[Mention], previous_end: int, clause_start: int, cue: Cue,
                   speaker: tuple[str, ...]) -> tuple[str, ...]:
    """Who a cue's clause is about: the last actor before it in its clause, else the speaker."""
    before = [a for a in actors if max(previous_end, clause_start) <= a.start and a.end <= cue.start
              and a.kind in ("person", "state", "both", "pronoun", "self", "title_ref") and not a.possessive]
    return reader.codes(before[-1], speaker) if before else speaker

def congratulation_senders(reader: StanceReader, actors: list[Mention], start: int, end: int) -> tuple[tuple[str, ...], list[Mention]] | None:
    """"Buhari received calls from May and Erdogan, congratulating him": before a congratulation,
    the parties after "received ... from" send it and the one who received it is congratulated."""
    if reader.receive is None or reader.senders is None:
        return None
    received = next(reader.receive.finditer(reader.folded, start, end), None)
    if received is None:
        return None
    kinds = ("person", "state", "title_ref", "org")
    # what was received is a call or a message, not a visitor ("a reçu le ministre de X"): the
    # first party named after the verb stands right after a sender link
    first = next((a for a in actors if received.end() <= a.start < end and a.kind in kinds), None)
    link = next((m for m in reader.senders.finditer(reader.folded, received.end(), first.start) if m.end() >= first.start - 6), None) \
        if first is not None else None
    receivers = [a for a in actors if start <= a.start and a.end <= received.start() and a.kind in kinds]
    if (link is None or not _LEADING_ARTICLE.fullmatch(reader.folded, link.end(), first.start)) and reader.subject_after \
            and first is not None and not receivers:
        # verb first ("تلقى الرئيس اتصالا من نظيره قيس سعيد"): the receiver follows the verb, and the
        # sender follows a link after it, past at most one word ("his counterpart", "his brother")
        receivers = [first]
        link = next(reader.senders.finditer(reader.folded, first.end, end), None)
        first = next((a for a in actors if link and link.end() <= a.start < end and a.kind in kinds), None)
        if link is None or first is None or len(reader.folded[link.end():first.start].split()) > 1 \
                or CLAUSE_BREAK.search(reader.text, link.end(), first.start):
            return None
    elif link is None or not _LEADING_ARTICLE.fullmatch(reader.folded, link.end(), first.start):
        return None
    chain = [first]
    while chain:
        nxt = next((a for a in actors if a.start >= chain[-1].end and a.end <= end and a.kind in kinds), None)
        if nxt is None or not joined(reader.text, chain[-1], nxt):
            break
        chain.append(nxt)
    if not receivers or not chain:
        return None
    codes = tuple(dict.fromkeys(c for a in chain for c in reader.codes(a, ())))
    return (codes, [receivers[0]]) if codes else None


def congratulation_received(reader: StanceReader, actors: list[Mention], start: int, cue_start: int) -> bool:
    """"X has received yet another congratulatory message over his victory": the congratulation
    is what its subject received, so the subject is congratulated and never the sender."""
    if reader.receive is None:
        return False
    kinds = ("person", "state", "title_ref", "org", "pronoun")
    for received in reader.receive.finditer(reader.folded, start, cue_start):
        subject = any(a.end <= received.start() and a.kind in kinds for a in actors if a.start >= start)
        between = reader.folded[received.end():cue_start]
        if subject and not any(received.end() <= a.start < cue_start for a in actors) \
                and len(between.split()) <= 4 and not CLAUSE_BREAK.search(reader.text, received.end(), cue_start):
            return True
    return False


def aggressor_of(reader: StanceReader, actors: list[Mention], cue: Cue, frame_end: int) -> Mention | None:
    """Who commits the aggression a cue names: "Russia's aggression", "further Russian
    aggression", "l'agression russe", "la guerre d'agression conduite par la Russie"."""
    text = reader.text
    for a in reversed(actors):
        if a.end <= cue.start and a.kind in ("state", "org") and (BEFORE_NOUN.fullmatch(text, a.end, cue.start)
                                                                  or BEFORE_NOUN_LIST.fullmatch(text, a.end, cue.start)):
            # "the War of Resistance against Japanese Aggression" names a war, not a stance
            return None if _AGAINST_BEFORE.search(fold(text[max(0, a.start - 16):a.start])) else a
    for a in actors:
        if cue.end <= a.start < frame_end and a.kind in ("state", "org", "person"):
            if a.kind == "state" and not text[cue.end:a.start].strip() and text[a.start].islower():
                return a  # a nationality adjective after its noun
            if AGENT.search(fold(text[max(cue.end, a.start - 14):a.start])):
                return a
    return None


def attack_victims(reader: StanceReader, actors: list[Mention], inside: list[Match], cue: Cue, frame_end: int) -> list[Mention]:
    """The parties an attack named in the frame was made on ("the attack on X", "对X的袭击")."""
    found: list[Mention] = []
    for attack in (m for m in inside if m.kind == "stance.attack" and cue.end <= m.start < frame_end):
        if reader.cjk:
            found += [a for a in actors if cue.end <= a.start and a.end <= attack.start]
        else:
            found += [a for a in actors if attack.end <= a.start <= attack.end + 25][:1]
    return found


# the words that open an owner's name after a noun ("the commitment of China", "l'engagement de la Chine")
def is_plan(reader: StanceReader, cue: Cue, cues: list[Cue]) -> bool:
    """Whether a support cue is followed by an infinitive ("committed to developing ties",
    "reaffirmed their commitment to address", "l'engagement commun à renforcer"): a plan."""
    if cue.kind != "support" or not reader.plan_links:
        return False
    text = reader.text
    stretch = re.split(r"[,;:.!?\"«»“”()，；]", text[cue.end:cue.end + 50])[0]
    words = WORD.findall(fold(stretch))
    if fold(text[cue.start:cue.end]).split()[-1] not in reader.plan_links:
        # the link right after the cue, or after its owner ("l'engagement de la Chine à renforcer")
        link = next((k for k, w in enumerate(words[:5]) if w in reader.plan_links), None)
        if link is None or (link and words[0] not in _OWNER_LINKS):
            return False
        words = words[link + 1:]
    if not words:
        return False
    # a stance verb right after the link is a stance of its own ("committed to supporting Ukraine"):
    # the cue gives way to it
    following = next((c for c in cues if c.start > cue.end), None)
    if following is not None and all(w in reader.plan_links for w in WORD.findall(fold(text[cue.end:following.start]))):
        return True
    word = words[0]
    if word in reader.plan_verbs:
        return True
    # "strengthening", "developing", "planning": a listed verb with an ending
    for ending in (e for e in reader.plan_endings if word.endswith(e) and len(word) > len(e) + 2):
        stem = word[:-len(ending)]
        if {stem, stem + "e", stem[:-1]} & reader.plan_verbs:
            return True
    return False


def tie_ends(reader: StanceReader, actors: list[Mention], inside: list[Match], start: int, end: int) -> list[Mention]:
    """The parties named as the ends of a bilateral tie between ``start`` and ``end``: "relations
    between A and B", "ties with A", "the A-B relationship", "les relations entre A et B"."""
    text = reader.text
    ties = [m for m in inside if m.kind == "stance.ties" and start <= m.start < end]
    if not ties:
        return []
    found: list[Mention] = []
    candidates = [a for a in actors if start <= a.start < end and a.kind in ("person", "state", "org", "title_ref", "adj")]
    for tie in ties:
        # "relations between A and B": a link word at most two words after the noun, then the parties
        words = list(re.finditer(r"[\w'’\-]+", text[tie.end:min(end, tie.end + 40)]))[:3]
        link = next((w for w in words if fold(w.group()) in reader.tie_links), None)
        if link is not None:
            at = tie.end + link.end()
            chain = [a for a in candidates if at <= a.start <= at + 25][:1]
            while chain:
                nxt = next((a for a in candidates if a.start >= chain[-1].end and a not in chain), None)
                if nxt is None or not (joined(reader.text, chain[-1], nxt) or text[chain[-1].end:nxt.start] in ("-", "–")):
                    break
                chain.append(nxt)
            found += chain
        # "the Russia-China relationship", "Pakistan-US bilateral relationship"
        for a in candidates:
            if a.end <= tie.start and tie.start - a.end <= 40 and not re.search(r"[,;:.()]", text[a.end:tie.start]):
                if text[a.end:a.end + 1] in ("-", "–") or text[a.start - 1:a.start] in ("-", "–"):
                    found.append(a)
    return found


def drop_fallback(labels: list[str], registry: Registry) -> list[str]:
    """"Xinjiang and Hong Kong are China's internal affairs" is about Xinjiang and Hong Kong:
    a general label (Non-interference) gives way to a topic that is some party's own."""
    topics = registry.topics
    owned = [x for x in labels if x in topics and topics[x].owner]
    if not owned:
        return labels
    return [x for x in labels if not (x in topics and topics[x].fallback)]


# what may stand between an occasion noun and the labelled occasion it is the anniversary of
# ("200e anniversaire de la victoire de la guerre d'indépendance"): no clause break or "and"
_JOINS = re.compile(r"[,;，；、]|\s(?:and|et|y|e|und|и|а также)\s|[和与及]|\sو")


def unlabelled_occasion(text: str, matches: list[Match], start: int, end: int, registry: Registry, cjk: bool) -> bool:
    """Whether [start, end) names an occasion no topic label names ("the anniversary of ties",
    "闭幕"): the topic phrases, matched longest first, hold the labelled ones ("anniversary of
    independence"), and a labelled occasion the noun is said of ("anniversary of the victory in
    the war of independence", "独立战争胜利周年": after the noun, or before it in Chinese and
    Japanese) makes it that one."""
    inside = within(matches, start, end)
    labelled = [m for m in inside if m.kind == "topic" and m.value in registry.topics and registry.topics[m.value].occasion]
    for noun in (m for m in inside if m.kind == "stance.unlabelled_occasion"):
        if cjk:
            of = [t for t in labelled if t.end <= noun.start and noun.start - t.end <= 12 and not _JOINS.search(text, t.end, noun.start)]
        else:
            of = [t for t in labelled if t.start >= noun.end and t.start - noun.end <= 60 and not _JOINS.search(text, noun.end, t.start)]
        if not of:
            return True
    return False

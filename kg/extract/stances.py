"""Endorsements: who backs, opposes or congratulates whom, on what (ANNOTATION.md §3).

A sentence is cut into *frames*, one per stance cue. In each frame the endorser is the
actor before the cue (else the current speaker), the target the actor after it (else the
owner of the topic), and the topics those named in the frame. Accusation verbs turn it
round: the actor before them is the accused, opposed by the speaker. Plans, wishes,
thanks and reciprocal formulas block a frame; negation and "against" phrases ("Taiwan
independence", "interference") flip its stance."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.persons import Mention, PersonRecord
from kg.knowledge.matcher import Match, within
from kg.model import Endorsement, Span
from kg.knowledge.registry import Registry
from kg.text import Sentence, fold

__all__ = ["find_endorsements"]

_ACTOR_KINDS = ("state", "adj", "side", "org", "person", "title", "both", "self")
_STANCE_KINDS = ("support", "oppose", "congratulate", "accuse", "accuse_object", "consider", "inalienable", "adhere", "welcome",
                 "congratulate_on", "concern", "aggression")
_ACCUSING = ("accuse", "accuse_object")
_CLAUSE_BREAK = re.compile(r"[;；:：؛]|,\s|，|،")  # ، ؛: the Arabic comma and semicolon
_QUOTES_OPEN = "«“「『\""
_QUOTES_CLOSE = "»”」』\""
# "China's support" is someone else's stance, not the subject's ("reaffirmed its support" is)
_POSSESSIVE_BEFORE = re.compile(r"(?:'s|’s)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "X's firm adherence to": the owner's own stance (at most one adjective between)
_OWN_STANCE = re.compile(r"(?:'s|’s|')\s+(?:[\w\-]+\s+)?")
# after a declaring verb: a possessor of at most four words, maybe one adjective, then the cue
_DECLARED_POSSESSIVE = re.compile(r"\s+(?:the\s+)?(?:[\w\-.]+\s+){0,3}[\w\-.]+(?:'s|’s)\s+(?:\w+\s+)?$")


@dataclass
class _Cue:
    start: int
    end: int
    kind: str


class _Reader:
    def __init__(self, text: str, sentences: list[Sentence], matches: list[Match], mentions: dict[int, list[Mention]],
                 people: dict[str, PersonRecord], participants: list[str], registry: Registry, lang: str) -> None:
        self.text = text
        self.sentences = sentences
        self.matches = matches
        self.mentions = mentions
        self.people = people
        self.participants = participants  # participant country codes, in order
        self.registry = registry
        self.cjk = registry.is_cjk(lang)
        self.lang = lang
        actors = registry.lang(lang).get("actors", {})
        # verb-first languages (Arabic "تدعم مصر ...", "دعم الصين لـ..."): with no actor before the
        # cue in its clause, the actor right after it is its subject, unless a joined preposition
        # makes it an object ("للصين", "بالرئيس")
        self.subject_after = bool(actors.get("subject_after_verb"))
        # "le soutien iranien", "el apoyo ruso": a nationality adjective after the noun owns it
        self.adjective_after = bool(actors.get("adjective_after_noun"))
        self.locatives = {fold(w) for w in actors.get("locatives", [])}
        self.object_particles = tuple(actors.get("object_particles", []))
        # "spoke with X to congratulate him": an infinitive of purpose takes the clause's subject
        self.purpose = {fold(w) for w in actors.get("purpose", [])}
        self.object_pronouns = {fold(w) for w in actors.get("object_pronouns", [])}
        # "en tant que membres permanents du Conseil de sécurité": what the endorsers are, not a target
        self.capacity = _phrases(actors.get("capacity", []))
        self.folded = fold(text)
        # the auxiliaries of the passive ("had been upheld", "a été salué") and the endings of
        # the participles they take
        self.own = {fold(w) for w in actors.get("own", [])}
        # "la crise libyenne", "the Syrian crisis": nouns of a situation a nationality adjective locates
        self.situations = {fold(w) for w in actors.get("situations", [])}
        self.adjective_before = not self.adjective_after
        self.passive = {fold(w) for w in actors.get("passive", [])}
        self.participles = tuple(fold(w) for w in actors.get("participles", [])) or ("\x00",)
        # "X received calls from A and B, congratulating him": the senders speak, the receiver is spoken to
        self.receive = _phrases(actors.get("receive", []))
        self.senders = _phrases(actors.get("senders", []))
        self.block_words = {fold(w) for w in registry.lang(lang).get("stance", {}).get("block", [])}
        # "agreed to", "ont convenu de", "一致同意": the blocks that agree on a course; an agreement
        # to uphold or support a named position is a promise with an object (ANNOTATION.md §3)
        self.agree_words = {fold(w) for w in registry.lang(lang).get("plans", {}).get("agree", [])}
        # "je souhaite réaffirmer", "would like to reiterate": a wish to say something is saying it
        self.performatives = {fold(w) for w in registry.lang(lang).get("plans", {}).get("performatives", [])}
        plans = registry.lang(lang).get("plans", {})
        # "relations between A and B", "les liens avec la partie chinoise": the words that tie a
        # bilateral-ties noun to the parties it joins
        self.tie_links = {fold(w) for w in plans.get("tie_links", [])}
        # "committed to strengthening ties", "l'engagement à renforcer": a stance noun or verb
        # followed by an infinitive is a plan (ANNOTATION.md §3), not a position backed
        self.plan_links = {fold(w) for w in plans.get("links", [])}
        self.plan_verbs = {fold(w) for w in plans.get("verbs", [])}
        self.plan_endings = tuple(fold(w) for w in plans.get("endings", []))
        # verb-last languages that mark the subject with a particle (Japanese "王毅外相は",
        # "林大臣から"): the marked actor is the cue's subject, those after it its objects
        self.subject_particles = tuple(actors.get("subject_particles", []))
        self.place_particles = tuple(actors.get("place_particles", []))
        # Korean: the subject particle is joined to the actor's last word ("장관은", "중국 측은")
        self.subject_endings = tuple(actors.get("subject_endings", []))
        self.verb_last = bool(self.subject_particles or self.subject_endings)
        self.title_joiners = {j for j in actors.get("title_joiners", []) if len(j) == 1}

    def marked_subject(self, actors: list[Mention], start: int, cue_start: int) -> Mention | None:
        """The last actor before the cue followed, past its titles and honorifics, by a subject
        particle ("習近平氏は", "王毅国務委員兼外交部長から"), if any."""
        titles = {m.start: m.end for m in self.matches if m.kind in ("title", "honorific") and start <= m.start < cue_start}
        for a in reversed([a for a in actors if start <= a.start and a.end <= cue_start]):
            end = a.end
            while end in titles or (self.text[end:end + 1] in self.title_joiners and end + 1 in titles) or \
                    (self.subject_endings and self.text[end:end + 1] == " " and end + 1 in titles):  # "블링컨 장관은"
                end = titles.get(end) or titles[end + 1]
            if a.kind in ("person", "state", "both", "org", "title_ref", "self") and \
                    (self.text.startswith(self.subject_particles, end) or
                     (self.subject_endings and self.text[a.start:end].endswith(self.subject_endings))):
                return a
        return None

    def is_object(self, mention: Mention) -> bool:
        """Whether the actor is written with a joined preposition ("للصين", "لمصر", "بالرئيس")."""
        written = self.text[mention.start:mention.end]
        gazetteer = self.registry.gazetteer(self.lang)
        for particle in self.object_particles:
            if not written.startswith(particle) or len(written) <= len(particle) + 1:
                continue
            rest = written[len(particle):]
            for bare in (rest, "ا" + rest if particle.endswith("ل") and rest.startswith("ل") else None):
                if bare and any(m.start == 0 and m.end == len(bare) and m.kind in _ACTOR_KINDS for m in gazetteer.find(bare)):
                    return True
        return False

    def codes(self, mention: Mention, speaker: tuple[str, ...]) -> tuple[str, ...]:
        if mention.kind in ("pronoun", "self"):
            return speaker
        if mention.kind == "both":
            return tuple(self.participants)
        if mention.kind == "title_ref" and not mention.codes:
            # "le secrétaire d'État américain" when two participants hold that post: the
            # nationality written inside the title says whose
            written = self.text[mention.start:mention.end]
            gazetteer = self.registry.gazetteer(self.lang)
            named = {m.value for word in re.findall(r"[^\W\d_][\w\-]+", written) for m in gazetteer.find(word)
                     if m.kind in ("state", "adj") and m.start == 0 and m.end == len(word)}
            return tuple(named) if len(named) == 1 else ()
        # a ruling party speaks for its state ("The CPC and the Chinese government will support ...")
        organizations = self.registry.organizations
        return tuple(dict.fromkeys(
            (organizations[c].party_of or c) if c in organizations else c for c in mention.codes if c))


def _in(m: Match | Mention, start: int, end: int) -> bool:
    return start <= m.start < end


def _quote_speakers(reader: _Reader, speech_by_sentence: dict[int, tuple[str, ...]]) -> dict[int, tuple[str, ...]]:
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
    reader = _Reader(text, sentences, matches, mentions, people, participants, registry, lang)
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
            opening = [m for m in mentions[i] if m.kind in ("person", "state", "both", "pronoun", "self") and m.start - s.start <= reach][:1]
            if opening and opening[0].kind == "both":
                speaker = tuple(participants)
            elif opening and opening[0].codes and opening[0].codes[0] in participants:
                speaker = (opening[0].codes[0],)
        for record in _sentence_endorsements(reader, i, speaker):
            found.setdefault(record.key, record)
    # "sent a message congratulating X on his election ... extended warm congratulations to X":
    # one occasion, one record
    topical = {(e.endorser, e.target) for e in found.values() if e.stance == "congratulate" and e.topic}
    return [e for e in found.values() if not (e.stance == "congratulate" and e.topic is None and (e.endorser, e.target) in topical)]


def _speech_speaker(reader: _Reader, i: int, running: tuple[str, ...]) -> tuple[str, ...]:
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
                        and not set(fold(gap).split()) & _NOT_SUBJECT_GAP:
                    chosen = x
                    break
            if chosen is None and after:
                chosen = after[0]
        if chosen is None:
            continue
        codes = reader.codes(chosen, running)
        # "艾班和沙姆哈尼表示", "Wang Yi and Lavrov said": both speak
        earlier = [x for x in before if x.end <= chosen.start]
        if earlier and chosen in before and _joined(text, earlier[-1], chosen):
            codes = tuple(dict.fromkeys(reader.codes(earlier[-1], running) + codes))
        if codes:
            return codes
    return ()


def _sentence_endorsements(reader: _Reader, index: int, speaker: tuple[str, ...]) -> list[Endorsement]:
    s = reader.sentences[index]
    text = reader.text
    inside = within(reader.matches, s.start, s.end)
    cues = [_Cue(m.start, m.end, m.kind.split(".", 1)[1]) for m in inside
            if m.kind.startswith("stance.") and m.kind.split(".", 1)[1] in _STANCE_KINDS]
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
        clause = max([s.start] + [m.end() for m in _CLAUSE_BREAK.finditer(text, s.start, owner[-1].start)])
        # not when the noun is what another stance or a thank-you is about ("praised China's support")
        if not any(clause <= o.start < c.start for o in cues) and not any(clause <= t < c.start for t in thanked):
            possessor[c.start] = owner[-1]
    cues = [c for c in cues if c.start in possessor or not (c.kind in ("support", "oppose") and (
        (_POSSESSIVE_BEFORE.search(text[max(s.start, c.start - 30):c.start])
         and not any(_DECLARED_POSSESSIVE.match(text, end, c.start) for end in declared)) or
        (reader.cjk and "的" in text[max(s.start, c.start - 3):c.start])))]
    if not cues:
        return []
    blocks = [m for m in inside if m.kind == "stance.block"]
    chairs = [m for m in inside if m.kind == "stance.chair"]
    thanks = [m for m in inside if m.kind == "stance.thanks"]
    speech = [m for m in inside if m.kind == "speech"]
    # "a appelé la Chine à soutenir", "urged the US to respect": a demand that is also a speech
    # verb opens no new clause; what it asks of another party is no stance taken (ANNOTATION.md §3)
    demands = [m for m in speech if fold(m.text).split()[-1:] and fold(m.text).split()[-1] in reader.block_words]
    speech = [m for m in speech if m not in demands]
    blocks = blocks + demands
    # "坚定不移", "不断", "not only", "non seulement": words that hold a negation and negate nothing
    idioms = [m for m in inside if m.kind == "stance.not_negation"]
    negations = [m for m in inside if m.kind == "stance.negation"
                 and not any(i.start <= m.start and m.end <= i.end for i in idioms)]
    actors = reader.mentions[index]
    topics = [m for m in inside if m.kind in ("topic", "topic_against")]
    # "On the Ukraine crisis, ...", "Sur la situation en Ukraine, ...", "在乌克兰问题上，...": a
    # topic set up at the head of the sentence frames all of it
    framing = _FRAMING.match(text, s.start, min(s.end, s.start + 60))
    framed = [t for t in topics if framing and t.end <= framing.end()] if framing else []
    span = Span(s.start, s.end)
    groups: dict[tuple[str, str, str | None], list[tuple[str, bool]]] = {}

    def add(endorser: str, stance: str, target: str | None, topic_list: list[tuple[str, bool]]) -> None:
        if not endorser or endorser == target:
            return
        groups.setdefault((endorser, stance, target), []).extend(topic_list)

    frames = [c for c in cues if c.kind not in _ACCUSING and not _plan(reader, c, cues)]
    # "... and hold Russia accountable": the party held to account is opposed by the speaker,
    # whatever frame it stands in, and is no target of that frame
    held_to_account: list[Mention] = []
    for c in (c for c in cues if c.kind == "accuse_object"):
        held = [a for a in actors if a.end <= c.start and a.kind in ("state", "person", "org") and not a.possessive
                and _BEFORE_NOUN.fullmatch(text, a.end, c.start)]
        if not held:
            continue
        held_to_account.append(held[-1])
        named = list(dict.fromkeys(t.value for t in topics))
        for endorser in speaker:
            for target in reader.codes(held[-1], speaker):
                if target != endorser:
                    add(endorser, "oppose", target, [(x, False) for x in _drop_fallback(named, reader.registry)] or [(None, False)])
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
        and not _CLAUSE_BREAK.search(text, frames[k - 1].end, c.start))]
    # "condemned the continued Israeli aggression against ...": the aggression is what is
    # condemned, one frame
    frames = [c for k, c in enumerate(frames) if not (
        c.kind == "aggression" and k and frames[k - 1].kind in ("oppose", "concern")
        and not _CLAUSE_BREAK.search(text, frames[k - 1].end, c.start) and len(text[frames[k - 1].end:c.start].split()) <= 5)]
    # an accusation verb after a stance cue is that stance's object ("opposes forces
    # interfering in China's affairs"); on its own it accuses its subject
    first_frame = frames[0].start if frames else s.end
    accusations = [c for c in cues if c.kind == "accuse" and c.start < first_frame]
    # "urging the United States not to interfere": what a demand asks of the party it addresses is
    # no accusation ("stressed the need to stop the aggression", addressed to no one, still is one)
    accusations = [c for c in accusations if not any(
        max([s.start] + [m.end for m in speech if m.end <= c.start]) <= b.start < c.start and fold(b.text) not in _RECIPROCAL
        and any(b.end <= a.start and a.end <= c.start and a.kind in ("state", "person", "org", "title_ref") for a in reader.mentions[index])
        for b in blocks)]
    if accusations:
        first = accusations[0]
        clause_start = s.start
        for m in _CLAUSE_BREAK.finditer(text, s.start, first.start):
            clause_start = m.end()
        accused = [a for a in actors if clause_start <= a.start and a.end <= first.start and a.kind in ("person", "state", "org")
                   and not a.possessive]
        if not accused:  # "la provocation de la partie américaine"
            accused = [a for a in actors if first.end <= a.start < first.end + 30 and a.kind in ("state", "person", "org")][:1]
        codes = reader.codes(accused[-1], speaker) if accused else ()
        named = list(dict.fromkeys(t.value for t in topics))
        sentence_topics = [(x, False) for x in _drop_fallback(named, reader.registry)]
        for endorser in speaker:
            for target in codes:
                if target != endorser:
                    add(endorser, "oppose", target, sentence_topics or [("Non-interference", False)])
    # "support African countries suffering from the Russian invasion": the aggressor belongs to
    # the aggression's frame, not to the one before it
    aggressors = [a for a in (_aggressor(reader, actors, c, s.end) for c in frames if c.kind == "aggression") if a is not None]
    previous_endorsers: tuple[str, ...] = ()
    for position, cue in enumerate(frames):
        frame_end = frames[position + 1].start if position + 1 < len(frames) else s.end
        # a wish or plan after the cue starts a new clause ("..., and is willing to ..."), and so
        # does ", et qu'elles ...", ", and that ...", "，并..."
        frame_end = min([frame_end] + [b.start for b in blocks if cue.end <= b.start < frame_end and fold(b.text) not in _RECIPROCAL])
        next_clause = _NEW_CLAUSE.search(text, cue.end, frame_end)
        if next_clause:
            frame_end = next_clause.start()
        # « ... », a déclaré X: a quotation's stance ends with it; the speaker named after is no target
        opened = max((k for k in range(s.start, cue.start) if text[k] in "«“「『"), default=None)
        if opened is not None and not any(text[k] in "»”」』" for k in range(opened, cue.start)):
            closing = next((k for k in range(cue.end, frame_end) if text[k] in "»”」』"), None)
            if closing is not None:
                frame_end = closing
        previous_end = frames[position - 1].end if position else s.start
        clause_start = previous_end
        for m in _CLAUSE_BREAK.finditer(text, previous_end, cue.start):
            clause_start = m.end()
        # blocked: a wish, plan, thanks or reciprocal formula governing the cue; a new
        # speech verb ("..., and said that") opens a new clause
        window_start = max([s.start] + [m.end for m in speech if m.end <= cue.start])
        # a reciprocal word governs only the stance it stands next to ("mutual respect, and ...
        # the government's firm adherence to" is still a stance)
        if any(window_start <= b.start < cue.start and not (fold(b.text) in reader.agree_words and _promised(reader, cue, topics, s.end))
               and not set(_WORD.findall(reader.folded[b.end:b.end + 24])[:2]) & reader.performatives
               and (fold(b.text) not in _RECIPROCAL or (
                len(text[b.end:cue.start].split()) <= 1 and not _CLAUSE_BREAK.search(text, b.end, cue.start)))
               for b in blocks):
            continue
        if any(clause_start <= t.start < cue.start for t in thanks):  # "thanked China for its support"
            continue
        if any(cue.end <= b.start < min(frame_end, cue.end + 40) and fold(b.text) in _RECIPROCAL for b in blocks):
            continue
        # a negation stands right before the verb ("does not support", "不支持", "决不接受")
        reach = 5 if reader.cjk else 14
        negated = any(
            (cue.start - reach <= n.start < cue.start) or (cue.end <= n.start <= cue.end + 6)
            for n in negations if clause_start <= n.start
        )
        stance = cue.kind
        if stance in ("inalienable", "adhere"):  # "Taiwan is an inalienable part of China"
            stance = "support"
        elif stance in ("concern", "aggression"):
            # "expressed concern over X's ...", "Russia's aggression against ...": X is opposed
            stance = "oppose"
        elif stance == "congratulate_on":
            stance = "congratulate"
        elif stance == "welcome":
            # welcoming a visitor is hospitality; welcoming a step or an initiative is support
            first_after = next((a for a in actors if cue.end <= a.start < frame_end), None)
            if first_after is not None and first_after.kind in ("person", "title_ref") and \
                    len(text[cue.end:first_after.start].split()) <= 2:
                continue
            stance = "support"
        elif stance == "consider":
            # "...是中国内政": the cue may itself name the internal affairs
            internal = [t for t in topics if t.value == "Non-interference" and cue.start <= t.start < frame_end]
            if not internal:
                continue
            stance = "support"
        if stance == "congratulate" and negated:
            continue
        # "voiced appreciation of China's valuable support to Laos", said by Laos: praise of the
        # support one was given is thanks (ANNOTATION.md §3), not a stance
        if stance == "support" and any(
                m.kind == "stance.support" and cue.end <= m.start <= frame_end and any(
                    m.end <= a.start <= m.end + 12 and a.kind in ("state", "adj", "side")
                    and _RECIPIENT.fullmatch(fold(text[m.end:a.start]))
                    and a.value in _subject_codes(reader, actors, previous_end, clause_start, cue, speaker)
                    for a in inside) for m in inside):
            continue
        # "the agreement had been upheld", "measures highly appreciated by WHO": a stance verb in the
        # passive says what was done to its subject, and by whom it rarely says; no record
        if reader.passive and cue.kind in ("support", "oppose") and \
                set(fold(text[max(s.start, cue.start - 24):cue.start]).split()[-2:]) & reader.passive and \
                fold(text[cue.start:cue.end]).split()[0].endswith(reader.participles):
            continue
        # "welcomed the upcoming state visit of ...", "salue la relance des échanges, avec la
        # visite ...": an encounter welcomed is courtesy, not a stance
        if stance == "support" and cue.kind in ("support", "welcome") and any(
                m.kind.startswith("event.") and cue.end <= m.start <= cue.end + 40
                and not any(cue.end <= a.start < m.start for a in actors)
                and len(text[cue.end:m.start].split()) <= 4 for m in inside):
            continue
        aggressor = _aggressor(reader, actors, cue, frame_end) if cue.kind == "aggression" else None
        if cue.kind == "aggression" and aggressor is None:
            continue  # an aggression with no aggressor named is no stance towards anyone
        if cue.kind == "aggression":
            # the "Russian aggression" in quotation marks: a term the speaker disputes, no charge made
            head = aggressor.start if aggressor.end <= cue.start and not text[aggressor.end:cue.start].strip() else cue.start
            if text[head - 1:head] in _QUOTES_OPEN and text[cue.end:cue.end + 1] in _QUOTES_CLOSE:
                continue
        # endorser: the nearest actor before the cue in this clause, else the speaker
        before = [a for a in actors if previous_end <= a.start and a.end <= cue.start and a.kind in ("person", "state", "both", "pronoun", "self", "org", "title_ref")
                  and a is not aggressor]
        before = [a for a in before if not a.possessive]
        if reader.cjk:
            # "对尹锡悦就任韩国总统的祝贺", "向中方表示": after a preposition stands an object, not a subject
            object_from = max((k for k in range(previous_end, cue.start) if text[k] in _CJK_PREPOSITIONS), default=None)
            before = [a for a in before if object_from is None or a.start < object_from]
        if not position and before:
            # the subject stands in the cue's own clause ("王毅表示，中方支持..."); an actor in an
            # earlier clause is the object of something else ("感谢中国政府..., 赞赏...")
            before = [a for a in before if a.start >= clause_start]
        if position and before:
            # in "X supports A, and opposes B" the subject of the second verb is still X;
            # a new subject stands right before its verb
            gap = text[before[-1].end:cue.start]
            if set(gap) & set(",，،") or len(gap.split()) > 3 or (reader.cjk and len(gap.strip()) > 4) or \
                    set(fold(gap).split()) & _NOT_SUBJECT_GAP:
                before = []
        # a verb that ends its clause ("Xi hat der Bundespräsidentin zum Amtsantritt gratuliert",
        # "..., dass Deutschland die Ein-China-Politik unterstützt"): the subject is the clause's
        # first actor, those after it and before the verb are its objects
        tail = text[cue.end:frame_end]
        cut = _CLAUSE_BREAK.search(tail)
        verb_final = not reader.cjk and not re.sub(r"[\W_]+", "", tail[:cut.start()] if cut else tail)
        objects_before: list[Mention] = []
        opening = max([s.start] + [m.end() for m in _CLAUSE_BREAK.finditer(text, s.start, cue.start)])
        in_clause = [a for a in actors if opening <= a.start and a.end <= cue.start and not a.possessive
                     and a.kind in ("person", "state", "both", "pronoun", "self", "org", "title_ref")]
        if verb_final and len(in_clause) >= 2 and not _joined(text, in_clause[0], in_clause[1]):
            before, objects_before = in_clause[:1], in_clause[1:]
        marked = reader.marked_subject(actors, s.start, cue.start) if reader.verb_last else None
        if marked is not None:
            # the verb ends its clause: what comes after it is another clause's, and a wish, plan
            # or thank-you right after it governs it ("支持していきたい", "祝意に対する謝意")
            if any(cue.end <= m.start <= cue.end + 8 for m in blocks + thanks):
                continue
            before = [marked]
            objects_before = [a for a in actors if marked.end <= a.start and a.end <= cue.start and not a.possessive
                              and a.kind in ("person", "state", "org", "title_ref")
                              and not text.startswith(reader.place_particles, a.end)]  # "フィリピンにおける": where
            verb_final = True
            frame_end = cue.end
        endorsers: tuple[str, ...] = ()
        subject_after = None
        if reader.subject_after and not before:
            first = next((a for a in actors if cue.end <= a.start < frame_end and a.kind in
                          ("person", "state", "both", "title_ref", "org", "self")), None)
            courtesy = [m for m in inside if m.kind == "honorific" and cue.end <= m.start and m.end <= (first.start if first else cue.end)]
            gap = "".join(ch for k, ch in enumerate(text[cue.end:first.start], cue.end)
                          if not any(m.start <= k < m.end for m in courtesy)) if first is not None else ""
            if first is not None and not gap.strip() and not reader.is_object(first) and reader.codes(first, speaker):
                subject_after = first
        if subject_after is not None:
            endorsers = reader.codes(subject_after, speaker)
        elif position and not before and previous_endorsers:
            endorsers = previous_endorsers
        elif before:
            last = before[-1]
            # "Trump spoke with Erdogan of Turkey to congratulate him": an infinitive of purpose
            # belongs to the clause's subject, not to the actor nearest the verb
            if len(before) >= 2 and fold(text[before[-1].end:cue.start]).split()[-1:] and \
                    fold(text[before[-1].end:cue.start]).split()[-1] in reader.purpose:
                last = before[0]
                before = before[:1]
            endorsers = reader.codes(last, speaker)
            # "China and Kazakhstan support ..." : a joint subject
            if len(before) >= 2 and _joined(text, before[-2], last):
                endorsers = tuple(dict.fromkeys(reader.codes(before[-2], speaker) + endorsers))
                if len(endorsers) == 1 and len(reader.participants) == 2 and endorsers[0] in reader.participants and \
                        not (reader.codes(before[-2], speaker) and reader.codes(last, speaker)):
                    # "the Secretary and the Foreign Minister", the second post held on both sides:
                    # in a two-party encounter the one not named is the other party
                    endorsers = tuple(reader.participants)
        if endorsers and reader.participants and not set(endorsers) & set(reader.participants) and speaker:
            if before and before[-1].kind == "state" and reader.registry.code_kind(endorsers[0]) == "state" \
                    and len(text[before[-1].end:cue.start].split()) <= 3 and not _CLAUSE_BREAK.search(text, before[-1].end, cue.start):
                continue  # "les États-Unis ne reconnaissent pas ...": a third state's stance, told as background
            endorsers = speaker
        if cue.start in possessor:
            endorsers = reader.codes(possessor[cue.start], speaker)
        # "le soutien de la Suisse à ...", "the support of X for": the noun's owner endorses
        owner = [a for a in actors if cue.kind != "aggression" and cue.end <= a.start <= cue.end + 24 and a.kind in ("state", "person", "org", "self")
                 and (_OF_OWNER.match(fold(text[cue.end:a.start])) or (
                     reader.adjective_after and a.kind == "state" and cue.kind in ("support", "oppose")
                     and not text[cue.end:a.start].strip() and text[a.start:a.end].islower()
                     and not re.search(r"\s", text[a.start:a.end])))][:1]
        if owner:
            # "the support of Ukraine by Poland": the party after "by" owns it, the one after "of" is its object
            agent = next((a for a in actors if a.start >= owner[0].end and a.kind in ("state", "person", "org")
                          and _BY_AGENT.fullmatch(fold(text[owner[0].end:a.start]))), None)
            if agent is not None:
                owner = [agent]
            # "l'attachement de la France et de la Chine à ...": a stance owned by two parties is each one's
            for a in actors:
                if a.start >= owner[-1].end and a.kind in ("state", "person", "org") and \
                        _OWNER_AND.match(fold(text[owner[-1].end:a.start])):
                    owner.append(a)
            endorsers = tuple(dict.fromkeys(c for o in owner for c in reader.codes(o, speaker)))
        if not endorsers:
            endorsers = speaker
        if not endorsers:
            # the opening sentence, before anyone speaks: its subject
            subject = [a for a in actors if a.end <= cue.start and a.kind in ("person", "state") and a.codes and a.codes[0]]
            endorsers = (subject[0].codes[0],) if subject else ()
        previous_endorsers = endorsers
        after = [a for a in actors if cue.end <= a.start < frame_end and a.kind in ("person", "state", "org", "title_ref")
                 and not any(a is o for o in owner) and a is not subject_after]
        # "peace and reconciliation in Afghanistan", "la paix en Ukraine": a state named as the
        # place where something happens is where, not whom, the stance is about
        places = [a for a in after if a.kind == "state" and not a.possessive
                  and fold(text[max(s.start, a.start - 12):a.start]).split()[-1:] in ([w] for w in reader.locatives)
                  and any(t.start <= a.start and a.end <= t.end and reader.registry.topics[t.value].owner not in a.codes
                          for t in topics if t.value in reader.registry.topics)]
        after = [a for a in after if a not in places and not _situation_adjective(reader, a)]
        if reader.capacity is not None:
            # "..., en tant que membres permanents du Conseil de sécurité, à ...": the capacity
            # phrase runs to the next clause break and names no target
            for phrase in reader.capacity.finditer(reader.folded, cue.end, frame_end):
                cut = _CAPACITY_END.search(text, phrase.end(), frame_end)
                stop = cut.start() if cut else frame_end
                after = [a for a in after if not phrase.start() <= a.start < stop]
        # "spoke highly of the relations between China and the Maldives", "the Russia-China
        # relationship": the two ends of a tie are not backed by praise of the tie
        tied = _tied(reader, actors, inside, cue.end, frame_end)
        after = [a for a in after if a not in tied]
        # "condemned the attack on X's embassy", "谴责对伊朗使馆的袭击": X suffered it, and is not opposed
        victims = {code for a in _victims(reader, actors, inside, cue, frame_end) for code in reader.codes(a, speaker)}
        if victims and after and all(set(reader.codes(a, speaker)) <= victims for a in after):
            continue
        after = [a for a in after if not set(reader.codes(a, speaker)) <= victims]
        set_aside = held_to_account + ([a for a in aggressors if a is not aggressor] if cue.kind != "aggression" else [])
        if set_aside and after and all(a in set_aside for a in after):
            continue
        after = [a for a in after if a not in set_aside]
        if not after and objects_before:
            after = [a for a in objects_before if a.kind in ("person", "state", "org", "title_ref")]
        if cue.kind == "congratulate":
            # "祝贺他再次当选", "对尹锡悦就任韩国总统的热烈祝贺": the one congratulated stands before
            # the cue, or is the "him" after it ("spoke with X to congratulate him on ...")
            pronoun_after = any(a.kind == "pronoun" and cue.end <= a.start < frame_end for a in actors)
            object_after = _WORD.findall(fold(text[cue.end:cue.end + 12]))[:1]
            object_after = bool(object_after) and object_after[0] in reader.object_pronouns
            earlier = [a for a in actors if a.end <= cue.start and a.kind in ("person", "state") and a.codes
                       and a.codes[0] and a.codes[0] not in endorsers]
            if earlier and (object_after or (not after and (pronoun_after or reader.cjk))):
                after = [earlier[-1]]
        if cue.kind == "congratulate":
            sent = _senders(reader, actors, s.start, cue.start)
            if sent is not None:
                endorsers, after = sent
        # the first frame may look back to its clause ("On Taiwan, X supports ..."); later ones look ahead
        # Chinese puts the topic before the verb ("在涉台、涉疆问题上坚定支持中方立场")
        looks_back = position == 0 or cue.kind in ("consider", "inalienable") or reader.cjk or verb_final
        frame_topics = [t for t in topics if (clause_start if looks_back else cue.end) <= t.start < frame_end]
        frame_topics += [t for t in framed if t not in frame_topics]
        # "opposes forces interfering in China's affairs" supports China; "opposes the US
        # interfering" opposes the US: the actor between cue and accusation is the accused
        # "a adressé un message de félicitations ... à l'occasion du 60e anniversaire des
        # relations diplomatiques": a national or bilateral occasion named, with no topic label
        occasion = any(m.kind == "stance.occasion" and cue.end <= m.start < frame_end for m in inside)
        objection = next((c for c in cues if c.kind == "accuse" and cue.end <= c.start < frame_end), None)
        objected = objection is not None
        accused_here = [a for a in actors if objection and cue.end <= a.start and a.end <= objection.start
                        and a.kind in ("state", "person", "org") and not a.possessive]
        # "l'invasion de l'Ukraine par la Russie", "interference by X": the agent is the one opposed
        agents = [a for a in actors if cue.end <= a.start < frame_end and a.kind in ("state", "person", "org")
                  and _AGENT.search(fold(text[max(cue.end, a.start - 14):a.start]))]
        if cue.kind in ("oppose",) and agents:
            accused_here = agents[:1]
        if accused_here:
            objected = False
        if aggressor is not None:
            accused_here, objected = [aggressor], False
        for endorser in endorsers:
            # "the Palestinian people's just cause" is the Palestine topic, not a target
            absorbed = {t.absorbs for t in reader.registry.topics.values() if t.absorbs}
            named = [c for a in after for c in reader.codes(a, speaker) if c not in absorbed]
            targets = [c for c in named if c != endorser]
            if not named and stance == "congratulate" and reader.verb_last and len(reader.participants) == 2:
                # a language that drops the object ("ペイン外務大臣から、再任の祝意が表明"): the one
                # congratulated is the other party of the encounter
                targets = [c for c in reader.participants if c != endorser]
            if named and not targets:
                continue  # the target named is the endorser itself ("the leaders praised China", said of China too)
            if accused_here:
                targets = [c for c in reader.codes(accused_here[0], speaker) if c != endorser] or targets
            if len(endorsers) >= 2 and set(targets) <= set(endorsers) and not frame_topics:
                continue  # "the two ministers praised the growth of ties": bilateral ties described, no stance
            if cue.kind == "concern" and not targets:
                continue  # concern about a situation with no party named is no stance (ANNOTATION.md §7)
            state_targets = [c for c in targets if reader.registry.code_kind(c) == "state"]
            org_targets = [c for c in targets if reader.registry.code_kind(c) == "organization"]
            target = state_targets[0] if state_targets else (org_targets[0] if org_targets else None)
            if stance == "congratulate" and target in reader.registry.organizations:
                # congratulations on a party occasion go to its state
                target = reader.registry.organizations[target].party_of or target
            # "a salué l'action de la France et de l'Allemagne", "supports Ukraine and Moldova":
            # states joined to the target are backed alike
            co_targets: list[str] = []
            head = next((a for a in after if target in reader.codes(a, speaker)), None) if target in state_targets else None
            while head is not None:
                nxt = next((a for a in after if a.start >= head.end), None)
                if nxt is None or not (_OWNER_AND.match(fold(text[head.end:nxt.start])) or
                                       (_joined(text, head, nxt) and text[head.end:nxt.start].strip() not in (",", "،", "，"))):
                    break
                co_targets += [c for c in reader.codes(nxt, speaker) if c != endorser and c != target
                               and reader.registry.code_kind(c) == "state" and c not in co_targets]
                head = nxt
            # a label named both ways ("s'oppose à l'ingérence dans les affaires intérieures")
            # takes the "against" reading; a general label gives way to a specific one
            first_reading: dict[str, bool] = {}
            for t in sorted(frame_topics, key=lambda t: (t.start < cue.start, t.start)):
                first_reading.setdefault(t.value, t.kind == "topic_against")
            against_labels = {label for label, against in first_reading.items() if against}
            # "l'intégrité territoriale de l'Ukraine": the state named as target is not also the topic
            target_spans = {(a.start, a.end) for a in after if target in reader.codes(a, speaker)} if target else set()
            labels = list(dict.fromkeys(t.value for t in frame_topics if (t.start, t.end) not in target_spans))
            if not labels:  # "support for Ukraine": with no other topic, the target's name is also its question
                labels = list(dict.fromkeys(t.value for t in frame_topics if (t.start, t.end) in target_spans))
            if not labels and target and stance == "oppose":
                # "concerns about the DPRK's missile programmes": opposing a state whose affairs are a topic
                labels = [t.label for t in reader.registry.topics.values() if t.question_of == target]
            # "condemned interference in China's internal affairs on the Taiwan question": what the
            # cue is about is the interference; the other topics of its frame only say where, so
            # an "against" reading turns the whole frame
            turned = bool(against_labels) and not accused_here
            topic_list = [(x, turned) for x in _drop_fallback(labels, reader.registry)]
            if state_targets and org_targets:
                topic_list += [(code, False) for code in org_targets]
            elif state_targets and not topic_list and chairs:
                # "X holds the rotating presidency of the AU, and China supports X in it": the
                # body whose chair is backed is named earlier in the sentence
                bodies = [c for a in actors if a.kind == "org" and s.start <= a.start < cue.start
                          for c in reader.codes(a, speaker) if reader.registry.code_kind(c) == "organization"]
                topic_list = [(bodies[-1], False)] if bodies else []
            for label, against in topic_list or [(None, False)]:
                final = stance
                flip = negated != (against or objected)
                if flip and final in ("support", "oppose"):
                    final = "oppose" if final == "support" else "support"
                topic_target = target
                if final == "support" and label in reader.registry.topics and target in reader.registry.organizations and \
                        reader.registry.topics[label].owner and reader.registry.topics[label].owner != endorser:
                    # "adheres to the one-China principle as set out in UNGA Resolution 2758": the
                    # position backed is China's, the body only where it was written down
                    topic_target = reader.registry.topics[label].owner
                if topic_target is None and label in reader.registry.topics:
                    owner = reader.registry.topics[label].owner
                    if owner == endorser and final == "support":
                        continue  # "Taiwan is an inseparable part of China", said by China: its own position, no stance on anyone
                    topic_target = owner if owner and owner != endorser else None
                if label is None and topic_target is None:
                    continue
                if topic_target is None and reader.own and all(
                        set(fold(text[max(s.start, t.start - 12):t.start]).split()[-1:]) & reader.own
                        for t in frame_topics if t.value == label):
                    continue  # "prendra des mesures pour défendre sa souveraineté": its own, no stance on anyone
                if final == "congratulate" and topic_target is None:
                    continue
                if cue.kind == "adhere" and label is None:
                    continue  # "pursues the one-China policy": only with a topic
                if cue.kind == "congratulate_on" and label is None and not occasion:
                    continue  # "a congratulatory message ... on his election": only with a topic or an occasion
                add(endorser, final, topic_target, [(label, False)])
                if topic_target == target:
                    for other in co_targets:
                        add(endorser, final, other, [(label, False)])
    records = []
    for (endorser, stance, target), labels in groups.items():
        names = list(dict.fromkeys(label for label, _ in labels if label))
        if any(label is None for label, _ in labels) and target is not None:
            records.append(Endorsement(endorser, stance, target, None, span))
        for name in names:
            records.append(Endorsement(endorser, stance, target, name, span))
    return records


# the link from a support given to the one given it: "support to Laos", "son soutien au Cameroun"
_RECIPIENT = re.compile(r"\s+(?:to|for|a|au|aux|al|para|ao|an|fur)\s+(?:the |la |le |les |l'|el |los |las |o |os |a |as |die |den )?")
_LEADING_ARTICLE = re.compile(r"\s*(?:the |la |le |les |l'|el |los |las |o |a |os |as )?")


def _situation_adjective(reader: _Reader, a: Mention) -> bool:
    """Whether a nationality adjective names where a situation is ("les crises libyenne,
    malienne et ukrainienne", "the Libyan and Syrian crises"): a place, not a party backed."""
    if not reader.situations or a.kind != "state":
        return False
    gazetteer = reader.registry.gazetteer(reader.lang)

    def adjective(word: str) -> bool:
        return any(m.kind == "adj" and m.start == 0 and m.end == len(word) for m in gazetteer.find(word))

    if not adjective(reader.folded[a.start:a.end]):
        return False

    # back over the other adjectives of the list to the noun they follow
    words = _WORD.findall(reader.folded[max(0, a.start - 80):a.start])
    while words and (words[-1] in _LIST_JOINERS or adjective(words[-1])):
        words.pop()
    if words and words[-1] in reader.situations:
        return True
    ahead = _WORD.findall(reader.folded[a.end:a.end + 60])
    while ahead and (ahead[0] in _LIST_JOINERS or adjective(ahead[0])):
        ahead.pop(0)
    return bool(ahead) and ahead[0] in reader.situations and reader.adjective_before


_LIST_JOINERS = {"et", "and", "y", "e", "und", "ou", "or", "o"}


def _promised(reader: _Reader, cue: _Cue, topics: list[Match], end: int) -> bool:
    """Whether a cue after an agreement takes a stance on a named position: "agreed to jointly uphold
    multilateralism", "agreed to oppose China's attempts in the South China Sea"."""
    if cue.kind not in ("adhere", "oppose", "support"):
        return False
    cut = _CLAUSE_BREAK.search(reader.text, cue.end, end)
    stop = cut.start() if cut else end
    return any(cue.end <= t.start < stop for t in topics)


def _subject_codes(reader: _Reader, actors: list[Mention], previous_end: int, clause_start: int, cue: _Cue,
                   speaker: tuple[str, ...]) -> tuple[str, ...]:
    """Who a cue's clause is about: the last actor before it in its clause, else the speaker."""
    before = [a for a in actors if max(previous_end, clause_start) <= a.start and a.end <= cue.start
              and a.kind in ("person", "state", "both", "pronoun", "self", "title_ref") and not a.possessive]
    return reader.codes(before[-1], speaker) if before else speaker


def _phrases(words: list[str]) -> re.Pattern | None:
    """One pattern for a list of phrases of the language data, matched whole on the folded text."""
    forms = sorted({fold(w) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)") if forms else None


def _senders(reader: _Reader, actors: list[Mention], start: int, end: int) -> tuple[tuple[str, ...], list[Mention]] | None:
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
    if link is None or not _LEADING_ARTICLE.fullmatch(reader.folded, link.end(), first.start):
        return None
    receivers = [a for a in actors if start <= a.start and a.end <= received.start() and a.kind in kinds]
    chain = [first]
    while chain:
        nxt = next((a for a in actors if a.start >= chain[-1].end and a.end <= end and a.kind in kinds), None)
        if nxt is None or not _joined(reader.text, chain[-1], nxt):
            break
        chain.append(nxt)
    if not receivers or not chain:
        return None
    codes = tuple(dict.fromkeys(c for a in chain for c in reader.codes(a, ())))
    return (codes, [receivers[0]]) if codes else None


def _aggressor(reader: _Reader, actors: list[Mention], cue: _Cue, frame_end: int) -> Mention | None:
    """Who commits the aggression a cue names: "Russia's aggression", "further Russian
    aggression", "l'agression russe", "la guerre d'agression conduite par la Russie"."""
    text = reader.text
    for a in reversed(actors):
        if a.end <= cue.start and a.kind in ("state", "org") and _BEFORE_NOUN.fullmatch(text, a.end, cue.start):
            # "the War of Resistance against Japanese Aggression" names a war, not a stance
            return None if _AGAINST_BEFORE.search(fold(text[max(0, a.start - 16):a.start])) else a
    for a in actors:
        if cue.end <= a.start < frame_end and a.kind in ("state", "org", "person"):
            if a.kind == "state" and not text[cue.end:a.start].strip() and text[a.start].islower():
                return a  # a nationality adjective after its noun
            if _AGENT.search(fold(text[max(cue.end, a.start - 14):a.start])):
                return a
    return None


def _victims(reader: _Reader, actors: list[Mention], inside: list[Match], cue: _Cue, frame_end: int) -> list[Mention]:
    """The parties an attack named in the frame was made on ("the attack on X", "对X的袭击")."""
    found: list[Mention] = []
    for attack in (m for m in inside if m.kind == "stance.attack" and cue.end <= m.start < frame_end):
        if reader.cjk:
            found += [a for a in actors if cue.end <= a.start and a.end <= attack.start]
        else:
            found += [a for a in actors if attack.end <= a.start <= attack.end + 25][:1]
    return found


# the words that open an owner's name after a noun ("the commitment of China", "l'engagement de la Chine")
_OWNER_LINKS = {"of", "de", "du", "des", "d", "del"}
_WORD = re.compile(r"[\w'’\-]+")


def _plan(reader: _Reader, cue: _Cue, cues: list[_Cue]) -> bool:
    """Whether a support cue is followed by an infinitive ("committed to developing ties",
    "reaffirmed their commitment to address", "l'engagement commun à renforcer"): a plan."""
    if cue.kind != "support" or not reader.plan_links:
        return False
    text = reader.text
    stretch = re.split(r"[,;:.!?\"«»“”()，；]", text[cue.end:cue.end + 50])[0]
    words = _WORD.findall(fold(stretch))
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
    if following is not None and all(w in reader.plan_links for w in _WORD.findall(fold(text[cue.end:following.start]))):
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


def _tied(reader: _Reader, actors: list[Mention], inside: list[Match], start: int, end: int) -> list[Mention]:
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
                if nxt is None or not (_joined(reader.text, chain[-1], nxt) or text[chain[-1].end:nxt.start] in ("-", "–")):
                    break
                chain.append(nxt)
            found += chain
        # "the Russia-China relationship", "Pakistan-US bilateral relationship"
        for a in candidates:
            if a.end <= tie.start and tie.start - a.end <= 40 and not re.search(r"[,;:.()]", text[a.end:tie.start]):
                if text[a.end:a.end + 1] in ("-", "–") or text[a.start - 1:a.start] in ("-", "–"):
                    found.append(a)
    return found


def _drop_fallback(labels: list[str], registry: Registry) -> list[str]:
    """"Xinjiang and Hong Kong are China's internal affairs" is about Xinjiang and Hong Kong:
    a general label (Non-interference) gives way to a topic that is some party's own."""
    topics = registry.topics
    owned = [x for x in labels if x in topics and topics[x].owner]
    if not owned:
        return labels
    return [x for x in labels if not (x in topics and topics[x].fallback)]


_AGENT = re.compile(r"(?:\bpar|\bby|\bpor|menee par|menees par|mene par|被|由)\s*(?:la |le |les |l'|el |los |las |the )?$")
# between an actor and the word it goes with, at most one word apart: "Russia's aggression",
# "further Russian aggression", "holding Iran accountable", "hold Russia fully accountable"
_BEFORE_NOUN = re.compile(r"(?:'s|’s)?\s+(?:[\w\-]+\s+)?")
_AGAINST_BEFORE = re.compile(r"(?:against|contre|contra|gegen|против|抗)\s*$")
# the words between a stance noun and its owner: "the support of", "l'engagement indéfectible de la",
# with at most one adjective that is no preposition ("le soutien à la position de" is not an owner)
_OF_OWNER = re.compile(r"^\s*(?:(?!(?:a|au|aux|en|pour|to|for|al|para|em|ao|with|avec|con|com)\s)[\w\-]+\s+)?"
                       r"(?:de la |de l'|du |des |de |d'|of |of the |del |de los )\s*$")
# a second owner joined to the first: "de la France et de la Chine", "of China and Russia"
_OWNER_AND = re.compile(r"^\s*(?:et|and|y|e|und)\s+(?:de la |de l'|du |des |de |d'|of |of the |del |de los |the |la |le |l'|el )?\s*$")


_BY_AGENT = re.compile(r"\s+(?:by|par|por|pela|pelo)\s+(?:the |la |le |les |l'|el |los |las |o |os |a |as )?")
_CAPACITY_END = re.compile(r"[;；:：؛,，،]|\s(?:et|and|y|e|und|while)\s")
_FRAMING = re.compile(r"\s*(?:(?:On|Regarding|As for|Concerning|Sur|Concernant|S'agissant d[eu]|Quant à|Sobre|En cuanto a|"
                      r"Respecto a)\s|关于|關於|在|就)[^,，;；]{2,50}?[,，]")
_NEW_CLAUSE = re.compile(r"(?:,\s*|\s)(?:et|and|y|e|mais|but|pero|while|tandis)\s+(?:qu['’]|que\b|that\b|il\b|elle\b|he\b|she\b)|"
                         r",\s*(?:while|whilst|tout en|mientras|enquanto)\s|，并|，同时|，並|；|;|؛")
_CJK_PREPOSITIONS = set("对對向给給为為同与與和")


# words between an actor and a later cue that show the actor is not its subject ("con México y la condena")
_NOT_SUBJECT_GAP = {"and", "et", "y", "e", "the", "la", "le", "les", "el", "los", "las", "a", "an", "un", "une", "una", "de", "of", "du", "des", "del", "with", "avec", "con",
                    "und", "sowie", "der", "die", "das", "den", "dem", "ein", "eine", "mit", "von"}
_RECIPROCAL = {"each other", "one another", "mutual", "mutually", "mutuellement", "mutuel", "mutuelle", "l'un l'autre", "reciproque", "相互", "互相", "mutuamente", "mutuo", "mutua", "el uno al otro"}


def _joined(text: str, a: Mention, b: Mention) -> bool:
    """Whether two actors stand joined as one subject ("X and Y", "the Foreign Secretary and
    the High Representative")."""
    gap = _ARTICLE_AFTER.sub("", fold(text[a.end:b.start]).strip())
    if not gap and a.end < b.start and text[b.start] == "و":  # Arabic joins "و" to the word: "الصين ومصر"
        return True
    return gap in ("and", "et", "y", "e", "和", "与", "同", "及", ",", "、", "as well as", "ainsi que", "und", "sowie")


_ARTICLE_AFTER = re.compile(r"\s+(?:the|le|la|les|l'|el|los|las|der|die|das|den|dem)$")


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
    for event in events:
        sides = list(dict.fromkeys(p.country for p in event.participants))
        if len(sides) != 2:
            continue
        # the cue in the event's sentence or in the headline
        spans = [event.evidence] + [Span(s.start, s.end) for s in sentences[:1] if s.paragraph < 0]
        evidence = next((span for span in spans if pattern.search(folded, span.start, span.end)), None)
        if evidence is None:
            continue
        for endorser, target in (sides, sides[::-1]):
            if not any(e.endorser == endorser and e.target == target and e.stance == "congratulate" for e in found):
                out.append(Endorsement(endorser, "congratulate", target, None, evidence))
    return out

"""One sentence's endorsements: each frame's endorser (the actor before its cue, a subject
marked or placed after it, the noun's owner, else the speaker), its target (the actor after
it, else the owner of its topic) and its topics, with negation and "against" readings
turning its sign (ANNOTATION.md §3)."""

from __future__ import annotations

import re

from kg.extract.persons import Mention
from kg.extract.stance_cues import accusations, held_to_account, labelled_conduct, merged_frames, owned_cues
from kg.extract.stance_frames import (AGENT, RECIPIENT, aggressor_of, attack_victims, clause_subject, congratulation_received,
                                      congratulation_senders, drop_fallback, is_promise, is_situation_adjective, tie_ends,
                                      unlabelled_occasion)
from kg.extract.stance_reader import (CLAUSE_BREAK, NOT_SUBJECT_GAP, QUOTES_CLOSE, QUOTES_OPEN, RECIPROCAL, WORD, StanceReader,
                                      joined)
from kg.knowledge.matcher import Match, within
from kg.model import Endorsement, Span
from kg.text import fold

__all__ = ["sentence_endorsements"]


def sentence_endorsements(reader: StanceReader, index: int, speaker: tuple[str, ...]) -> list[Endorsement]:
    """The endorsements sentence ``index`` states, ``speaker`` speaking unless it names another subject."""
    s = reader.sentences[index]
    text = reader.text
    inside = within(reader.matches, s.start, s.end)
    cues, possessor = owned_cues(reader, index, speaker, inside)
    if _background(reader, s.start, s.end):
        # "Ранее Трампа поздравила Марин Ле Пен", "Earlier, X congratulated Y": another occasion's
        # congratulations, told as background, are not this readout's
        cues = [c for c in cues if c.kind not in ("congratulate", "congratulate_on")]
    # (a verb of naming matters only beside a charge: "described X as interference")
    labelling = any(m.kind == "stance.label" for m in inside) and any(m.kind == "topic_against" for m in inside)
    if not cues and not labelling:
        return []
    blocks = sorted([m for m in inside if m.kind == "stance.block"] + reader.modals(s.start, s.end), key=lambda m: m.start)
    chairs = [m for m in inside if m.kind == "stance.chair"]
    thanks = [m for m in inside if m.kind == "stance.thanks"]
    discussed = [m for m in inside if m.kind == "stance.discuss"]
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
    # "... in facing this pandemic, praising its experience in dealing with this crisis": a
    # situation named again by a demonstrative is the topic named last before it in the sentence
    # ("soutient la position de la Chine dans cette affaire", "alle Verhandlungen ... zur Lösung
    # des Konflikts"): in a sentence that names no topic of its own, the topic named last in the
    # body sentence before. A word that is part of a topic's name ("украинского кризиса") is none.
    anaphors = [m for m in inside if m.kind == "stance.anaphor" and not any(t.start < m.end and m.start < t.end for t in topics)]
    before = _previous_topics(reader, index) if anaphors and not topics else []
    for m in anaphors:
        earlier = [t for t in topics if t.kind == "topic" and t.end <= m.start] or before
        if earlier:
            topics.append(Match(m.start, m.end, "topic", earlier[-1].value, m.text))
    topics.sort(key=lambda t: t.start)
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

    frames = merged_frames(reader, cues)
    accountable, opposed = held_to_account(reader, cues, actors, topics, speaker)
    talked = [c for c in cues if c.kind == "accuse_object" and _discussed(reader, c, discussed, speech)]
    if talked:  # "discussed measures to hold X accountable": still no target of another frame
        opposed = held_to_account(reader, [c for c in cues if c not in talked], actors, topics, speaker)[1]
    if labelling:
        opposed = opposed + labelled_conduct(reader, index, inside, topics, speaker)
    for endorser, target, topic_list in opposed + accusations(reader, index, cues, frames, blocks, speech, topics, speaker):
        add(endorser, "oppose", target, topic_list)
    # "support African countries suffering from the Russian invasion": the aggressor belongs to
    # the aggression's frame, not to the one before it
    aggressors = [a for a in (aggressor_of(reader, actors, c, s.end) for c in frames if c.kind == "aggression") if a is not None]
    previous_endorsers: tuple[str, ...] = ()
    for position, cue in enumerate(frames):
        frame_end = frames[position + 1].start if position + 1 < len(frames) else s.end
        # a wish or plan after the cue starts a new clause ("..., and is willing to ..."), and so
        # does ", et qu'elles ...", ", and that ...", "，并..."
        frame_end = min([frame_end] + [b.start for b in blocks if cue.end <= b.start < frame_end and fold(b.text) not in RECIPROCAL])
        # "..., stressing that ...", "مشدداً على أن": a speech verb after the cue opens a new clause
        frame_end = min([frame_end] + [m.start for m in speech if cue.end <= m.start < frame_end and CLAUSE_BREAK.search(text, cue.end, m.start)])
        # "welcomed the end of the regime and agreed that ...": a speech verb joined by "and" is a
        # predicate of its own; what it says is not the object of the stance before it
        frame_end = min([frame_end] + [m.start for m in speech if cue.end <= m.start < frame_end
                                       and fold(text[max(cue.end, m.start - 8):m.start]).split()[-1:]
                                       and fold(text[max(cue.end, m.start - 8):m.start]).split()[-1] in reader.joiners])
        next_clause = _NEW_CLAUSE.search(text, cue.end, frame_end)
        if next_clause:
            frame_end = next_clause.start()
        if reader.cjk and not reader.verb_last and cue.kind in ("support", "oppose", "adhere", "welcome"):
            # Chinese lists with "、" and ends a clause with a comma: "坚持多边主义,加强团结,密切疫情
            #信息分享" backs what stands before the comma, the rest are tasks of their own
            cut = CLAUSE_BREAK.search(text, cue.end + 1, frame_end)
            if cut and not text.startswith(reader.continues, cut.end()):
                frame_end = cut.start()
        # « ... », a déclaré X: a quotation's stance ends with it; the speaker named after is no target
        opened = max((k for k in range(s.start, cue.start) if text[k] in "«“「『"), default=None)
        if opened is not None and not any(text[k] in "»”」』" for k in range(opened, cue.start)):
            closing = next((k for k in range(cue.end, frame_end) if text[k] in "»”」』"), None)
            # "«réitéré ses félicitations», à X": a quotation cut before the one addressed goes on
            if closing is not None and not _RECIPIENT_AFTER.match(reader.folded, closing + 1):
                frame_end = closing
        previous_end = frames[position - 1].end if position else s.start
        clause_start = previous_end
        breaks = [m for m in CLAUSE_BREAK.finditer(text, previous_end, cue.start)]
        for k, m in enumerate(breaks):
            if k and fold(text[breaks[k - 1].end():m.start()]).strip() in reader.respectively \
                    and not text[m.end():cue.start].strip():
                # ", respectively, opposed": the break before "respectively" is not a clause's
                # either, so the clause opens at the break before the names it pairs
                clause_start = breaks[k - 2].end() if k >= 2 else previous_end
                continue
            clause_start = m.end()
        # blocked: a wish, plan, thanks or reciprocal formula governing the cue; a new
        # speech verb ("..., and said that") opens a new clause
        window_start = max([s.start] + [m.end for m in speech if m.end <= cue.start])
        # a reciprocal word governs only the stance it stands next to ("mutual respect, and ...
        # the government's firm adherence to" is still a stance)
        if any(window_start <= b.start < cue.start and not (fold(b.text) in reader.agree_words and is_promise(reader, cue, topics, s.end))
               and not set(WORD.findall(reader.folded[b.end:b.end + 24])[:2]) & reader.performatives
               and (fold(b.text) not in RECIPROCAL or (
                len(text[b.end:cue.start].split()) <= 1 and not CLAUSE_BREAK.search(text, b.end, cue.start)))
               for b in blocks):
            continue
        # "thanked China for its support"; but a verb joined after the thanks' object ("thanked X
        # for his kind words and congratulated him", "... and expressed support for") is a predicate
        # of its own, not what is thanked for
        coordinated = fold(text[max(s.start, cue.start - 16):cue.start]).split()[-1:] and \
            fold(text[max(s.start, cue.start - 16):cue.start]).split()[-1] in reader.joiners and \
            fold(text[cue.start:cue.end]).split()[0].endswith(reader.participles)
        if any(clause_start <= t.start < cue.start for t in thanks) and not coordinated:
            continue
        if _thanked_for(reader, cue, thanks, speech) and not coordinated:
            continue
        # "李克强对默克尔的祝贺表示感谢", "对中方的支持表示感谢": in Chinese what is thanked for stands
        # between "对" and the thanks after it; the stance word there is the other's, thanked for
        if reader.cjk and not reader.verb_last and any(text[k] in _CJK_TOWARDS for k in range(clause_start, cue.start)) and any(
                cue.end <= t.start <= cue.end + 8 and not CLAUSE_BREAK.search(text, cue.end, t.start) for t in thanks):
            continue
        if any(cue.end <= b.start < min(frame_end, cue.end + 40) and fold(b.text) in RECIPROCAL for b in blocks):
            continue
        if reader.discussed is not None:
            # "就坚持多边主义、深化金砖合作等问题交换意见": a stance word inside what was discussed
            # names a subject of the talks, not a stance taken
            close = reader.discussed[1].search(reader.folded, cue.end, s.end)
            if close and not CLAUSE_BREAK.search(text, cue.end, close.start()) and \
                    reader.discussed[0].search(reader.folded, clause_start, cue.start):
                continue
        if _discussed(reader, cue, discussed, speech):
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
            if first_after is not None and reader.subject_after and not reader.verb_second and not reader.is_object(first_after) and \
                    not any(a.end <= cue.start and clause_start <= a.start for a in actors):
                # verb first ("ورحب وانغ يي بقرار روسيا"): the actor right after the verb, with no
                # preposition joined to it, is who welcomes; what is welcomed comes after
                welcomed = next((a for a in actors if first_after.end <= a.start < frame_end), None)
                if welcomed is not None and any(m.kind in ("title", "honorific") and first_after.end <= m.start <= welcomed.start
                                                for m in inside):
                    continue  # "ورحب الرئيس الصيني بالرئيس الروسي": a holder of a title welcomed is a visitor
                first_after = welcomed or first_after
            if first_after is not None and first_after.kind in ("person", "title_ref") and \
                    len(text[cue.end:first_after.start].split()) <= 2:
                continue
            # "欢迎法方参加进博会", "欢迎各方积极参与": welcoming someone to come, take part or
            # invest is an invitation, not a position backed, unless it names the initiative or
            # body taken part in ("欢迎塞方积极参与共建'一带一路'", "...作为金砖伙伴国参与金砖合作")
            # ("中国は日本が...に参加することを歓迎する": a verb-last language names it before the verb)
            subject = reader.marked_subject(actors, s.start, cue.start) if reader.verb_last else None
            low, high = ((subject.end if subject else clause_start), cue.start) if reader.verb_last else (cue.end, frame_end)
            if reader.invited is not None and reader.invited.search(reader.folded, low, high) and \
                    not any(low <= t.start < high for t in topics) and \
                    not any(low <= a.start < high and a.kind == "org" for a in actors):
                continue
            stance = "support"
        elif stance == "consider":
            # "...是中国内政": the cue may itself name the internal affairs
            internal = [t for t in topics if t.value == "Non-interference" and cue.start <= t.start < frame_end]
            if not internal:
                continue
            stance = "support"
        # "维护朝鲜半岛和平稳定符合各方共同利益", "维护...十分重要": a stance verb with no subject of its
        # own, whose clause a predicate then evaluates, names an aim judged good, not a stance taken
        if stance == "support" and reader.evaluated is not None and \
                not any(clause_start <= a.start < cue.start for a in actors) and \
                not text[clause_start:cue.start].strip(" \t\"'“‘「") and \
                reader.evaluated.search(reader.folded, cue.end, frame_end):
            continue
        if stance == "congratulate" and negated:
            continue
        if stance == "congratulate" and reader.personal is not None and reader.personal.search(reader.folded, s.start, frame_end):
            continue  # "听说你昨天过生日,祝贺...": a personal occasion is courtesy, no national one (ANNOTATION.md §3)
        # "appreciated the warm hospitality of the Chinese side", "salue l'accueil chaleureux": a
        # courtesy is thanked for, no position or role backed (ANNOTATION.md §3: thanks)
        if stance == "support" and reader.courtesies is not None:
            courtesy = reader.courtesies.search(reader.folded, cue.end, min(frame_end, cue.end + 48))
            gap = reader.folded[cue.end:courtesy.start()] if courtesy is not None else ""
            if courtesy is not None and (len(gap) <= 6 if reader.cjk else len(gap.split()) <= 4):
                continue  # ("赞赏中方的热情接待": up to six characters between, in a script with no spaces)
        # "voiced appreciation of China's valuable support to Laos", said by Laos: praise of the
        # support one was given is thanks (ANNOTATION.md §3), not a stance
        if stance == "support" and any(
                m.kind == "stance.support" and cue.end <= m.start <= frame_end and any(
                    m.end <= a.start <= m.end + 12 and a.kind in ("state", "adj", "side")
                    and RECIPIENT.fullmatch(fold(text[m.end:a.start]))
                    and a.value in clause_subject(reader, actors, previous_end, clause_start, cue, speaker)
                    for a in inside) for m in inside):
            continue
        # "the agreement had been upheld", "measures highly appreciated by WHO": a stance verb in the
        # passive says what was done to its subject, and by whom it rarely says; no record
        # ("He was welcomed at the airport by the Emir": a visitor greeted, no stance either)
        if reader.passive and cue.kind in ("support", "oppose", "welcome") and \
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
        aggressor = aggressor_of(reader, actors, cue, frame_end) if cue.kind == "aggression" else None
        if cue.kind == "aggression" and aggressor is None:
            continue  # an aggression with no aggressor named is no stance towards anyone
        if cue.kind == "aggression":
            # the "Russian aggression" in quotation marks: a term the speaker disputes, no charge made
            head = aggressor.start if aggressor.end <= cue.start and not text[aggressor.end:cue.start].strip() else cue.start
            if text[head - 1:head] in QUOTES_OPEN and text[cue.end:cue.end + 1] in QUOTES_CLOSE:
                continue
        # endorser: the nearest actor before the cue in this clause, else the speaker
        before = [a for a in actors if previous_end <= a.start and a.end <= cue.start and a.kind in ("person", "state", "both", "pronoun", "self", "org", "title_ref")
                  and a is not aggressor]
        before = [a for a in before if not a.possessive]
        # "was delighted to meet with Prime Minister Abe again and praised ...": the one met, after
        # "with", is the object of the verb before "and", not the subject of the verb after it
        before = [a for a in before if not (
            WORD.findall(reader.folded[max(s.start, a.start - 10):a.start])[-1:] and
            WORD.findall(reader.folded[max(s.start, a.start - 10):a.start])[-1] in reader.tie_links and
            set(WORD.findall(reader.folded[a.end:cue.start])) & reader.joiners)]
        # "Sall a renouvelé au Président Macron ses félicitations", "extended to President X his
        # congratulations": the party after "to" is the one they go to, not who sends them
        before = [a for a in before if not _TO_BEFORE.search(text, max(s.start, a.start - 6), a.start)]
        # "Си Цзиньпин направил Путину поздравление", "передал Лаврову поздравления": the first
        # party after a verb of sending, before what is sent, is its recipient, not its sender
        recipients = _recipients(reader, before, max(previous_end, s.start)) if cue.kind in ("congratulate", "congratulate_on") else []
        before = [a for a in before if a not in recipients]
        if coordinated:
            # the one thanked is no subject of the verb joined after the thanks
            thanked_from = min((t.start for t in thanks if previous_end <= t.start < cue.start), default=cue.start)
            before = [a for a in before if a.end <= thanked_from]
        object_from = None
        if reader.cjk:
            # "对尹锡悦就任韩国总统的祝贺", "向中方表示": after a preposition stands an object, not a
            # subject; one in an earlier clause ("对王毅说,多哥支持...") governs no actor of this one
            object_from = max((k for k in range(max(previous_end, clause_start), cue.start) if text[k] in _CJK_PREPOSITIONS),
                              default=None)
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
                    set(fold(gap).split()) & NOT_SUBJECT_GAP:
                before = []
        # a verb that ends its clause ("Xi hat der Bundespräsidentin zum Amtsantritt gratuliert",
        # "..., dass Deutschland die Ein-China-Politik unterstützt"): the subject is the clause's
        # first actor, those after it and before the verb are its objects
        tail = text[cue.end:frame_end]
        cut = CLAUSE_BREAK.search(tail)
        # ("sicherten der Ukraine ihre Unterstützung zu", "sprach ... seine Solidarität aus": a verb's
        # separated particle closing the clause leaves the cue last too)
        rest = (tail[:cut.start()] if cut else tail).split()
        verb_final = not reader.cjk and not re.sub(r"[\W_]+", "", " ".join(
            rest[:-1] if len(rest) == 1 and fold(re.sub(r"[\W_]+", "", rest[0])) in reader.verb_particles else rest))
        objects_before: list[Mention] = []
        if object_from is not None and text[object_from] in _CJK_TOWARDS and not reader.verb_last:
            # "对中方所发挥的重要作用表示赞赏": the party after "对" is what the stance is towards
            objects_before = [a for a in actors if object_from < a.start and a.end <= cue.start
                              and a.kind in ("person", "state", "org", "title_ref")]
        opening = max([s.start] + [m.end() for m in CLAUSE_BREAK.finditer(text, s.start, cue.start)])
        in_clause = [a for a in actors if opening <= a.start and a.end <= cue.start and not a.possessive
                     and a.kind in ("person", "state", "both", "pronoun", "self", "org", "title_ref")]
        joint_at = max((previous_end + m.start() for m in WORD.finditer(reader.folded[previous_end:cue.start])
                        if m.group() in reader.joiners), default=None) if verb_final and position else None
        if joint_at is not None and opening <= previous_end and previous_endorsers:
            # "verurteilten den russischen Angriffskrieg und sicherten der Ukraine ihre Unterstützung
            # zu": a verb joined by "und" with no clause break shares the subject; the actors after
            # the "und" are its objects, those before it the frame before's
            before, objects_before = [], [a for a in in_clause if a.start > joint_at and a.kind != "pronoun"]
        elif verb_final and len(in_clause) >= 2 and not joined(text, in_clause[0], in_clause[1]):
            before, objects_before = in_clause[:1], in_clause[1:]
        marked = reader.marked_subject(actors, s.start, cue.start) if reader.verb_last else None
        if marked is not None:
            # the verb ends its clause: what comes after it is another clause's, and a wish, plan
            # or thank-you right after it governs it ("支持していきたい", "祝意に対する謝意",
            # "祝意表明に対し、心から感謝")
            if any(cue.end <= m.start <= cue.end + 8 for m in blocks) or any(cue.end <= m.start <= cue.end + 12 for m in thanks):
                continue
            before = [marked]
            objects_before = [a for a in actors if marked.end <= a.start and a.end <= cue.start and not a.possessive
                              and a.kind in ("person", "state", "org", "title_ref")
                              and not text.startswith(reader.place_particles, a.end)]  # "フィリピンにおける": where
            verb_final = True
            frame_end = cue.end
        elif reader.verb_last and speaker and before:
            # no actor marked as subject, in a language that marks it ("総選挙におけるインド人民党の
            # 勝利に祝意を申し上げる", said by Japan): the parties before the verb are its objects,
            # and the one who speaks is the endorser
            objects_before = [a for a in before if a.kind in ("person", "state", "org", "title_ref")]
            before = []
            frame_end = cue.end
        if not reader.cjk and opening > s.start and reader.opens(opening, cue.start, reader.relative_subject):
            # "telefonierte mit Selenskyj, der dem Bundeskanzler gratulierte", "spoke with X, who
            # congratulated him": the party named right before "who" takes the stance; the
            # parties inside the clause are its objects
            # (at most a verb between: "mit Selenskyj telefoniert, der ...")
            antecedent = [a for a in actors if s.start <= a.start and a.end <= opening and not a.possessive
                          and a.kind in ("person", "state", "org", "title_ref")][-1:]
            # (a party of the encounter: a third party's stance is told apart)
            if antecedent and len(text[antecedent[0].end:opening].split()) <= 1 and \
                    set(reader.codes(antecedent[0], speaker)) & set(reader.participants):
                objects_before = [a for a in in_clause if a.kind in ("person", "state", "org", "title_ref")]
                before = antecedent
        endorsers: tuple[str, ...] = ()
        subject_after = None
        # verb second: the subject follows the verb only when something else opens the clause
        # ("Dabei unterstützt China"), not in a clause a coordinator opens or joins to the verb
        # ("..., und unterstützt dessen Praxis"), and never after a noun-phrase cue ("als Teil
        # Chinas": no verb to stand second)
        opener = fold(text[clause_start:cue.start]).split()
        inverted = not reader.verb_second or bool(opener) and not {opener[0], opener[-1]} & reader.coordinators \
            and cue.kind != "inalienable"
        if reader.subject_after and not before and inverted:
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
            # "received X and congratulated him": a verb joined to the first, its object a pronoun
            # for the one named last, belongs to the subject too
            joint = fold(text[before[-1].end:cue.start]).split()[-1:]
            prefixed = fold(text[cue.start:cue.end]).startswith(reader.purpose_prefixes)
            if len(before) >= 2 and (prefixed or joint and (joint[0] in reader.purpose or joint[0] in reader.same_subject and
                                               WORD.findall(fold(text[cue.end:cue.end + 12]))[:1] in
                                               ([p] for p in reader.object_pronouns))):
                # ("Tokayev and Xi agreed to support ...": a joint subject stays whole)
                chain = 1
                while chain < len(before) and joined(text, before[chain - 1], before[chain]):
                    chain += 1
                last = before[chain - 1]
                before = before[:chain]
            endorsers = reader.codes(last, speaker)
            # "China and Kazakhstan support ..." : a joint subject
            if len(before) >= 2 and joined(text, before[-2], last):
                endorsers = tuple(dict.fromkeys(reader.codes(before[-2], speaker) + endorsers))
                if len(endorsers) == 1 and len(reader.participants) == 2 and endorsers[0] in reader.participants and \
                        not (reader.codes(before[-2], speaker) and reader.codes(last, speaker)):
                    # "the Secretary and the Foreign Minister", the second post held on both sides:
                    # in a two-party encounter the one not named is the other party
                    endorsers = tuple(reader.participants)
        if endorsers and reader.participants and not set(endorsers) & set(reader.participants) and speaker:
            if before and before[-1].kind == "state" and reader.registry.code_kind(endorsers[0]) == "state" \
                    and len(text[before[-1].end:cue.start].split()) <= 3 and not CLAUSE_BREAK.search(text, before[-1].end, cue.start):
                continue  # "les États-Unis ne reconnaissent pas ...": a third state's stance, told as background
            endorsers = speaker
        if cue.start in possessor:
            endorsers = reader.codes(possessor[cue.start], speaker)
        # "le soutien de la Suisse à ...", "the support of X for": the noun's owner endorses
        # ("an inalienable part of China": the whole a part belongs to, never who says so)
        owner = [a for a in actors if cue.kind not in ("aggression", "inalienable") and cue.end <= a.start <= cue.end + 24 and a.kind in ("state", "person", "org", "self")
                 and (_OF_OWNER.match(fold(text[cue.end:a.start])) or (
                     reader.adjective_after and a.kind == "state" and cue.kind in ("support", "oppose")
                     and not text[cue.end:a.start].strip() and text[a.start:a.end].islower()
                     and not re.search(r"\s", text[a.start:a.end])))][:1]
        if not owner and reader.agent_nouns and fold(text[cue.start:cue.end]).split()[-1:] and \
                fold(text[cue.start:cue.end]).split()[-1] in reader.agent_nouns:
            # "неизменную поддержку Россией принципа одного Китая": an actor in the instrumental
            # right after a stance noun is who holds the stance, not the party backed
            owner = [a for a in actors if a.kind in ("state", "person", "org") and cue.end < a.start <= cue.end + 2
                     and not text[cue.end:a.start].strip() and fold(text[a.start:a.end]).endswith(reader.agent_endings)][:1]
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
        # (not where the subject may follow the verb: "gratulierte auch der Vizepräsident X ...")
        unnamed_subject = not endorsers and not (reader.subject_after and inverted)
        if not endorsers:
            endorsers = speaker
        if not endorsers:
            # the opening sentence, before anyone speaks: its subject
            subject = [a for a in actors if a.end <= cue.start and a.kind in ("person", "state") and a.codes and a.codes[0]]
            endorsers = (subject[0].codes[0],) if subject else ()
        previous_endorsers = endorsers
        if unnamed_subject and cue.kind == "congratulate":  # this frame only: later ones keep the speaker
            endorsers = _other_congratulates(reader, actors, cue, frame_end, endorsers)
        after = [a for a in actors if cue.end <= a.start < frame_end and a.kind in ("person", "state", "org", "title_ref")
                 and not any(a is o for o in owner) and a is not subject_after and not _tail_speaker(text, a, speech)]
        # "peace and reconciliation in Afghanistan", "la paix en Ukraine": a state named as the
        # place where something happens is where, not whom, the stance is about
        places = [a for a in after if a.kind == "state" and not a.possessive
                  and fold(text[max(s.start, a.start - 12):a.start]).split()[-1:] in ([w] for w in reader.locatives)
                  and any(t.start <= a.start and a.end <= t.end and reader.registry.topics[t.value].owner not in a.codes
                          for t in topics if t.value in reader.registry.topics)]
        after = [a for a in after if a not in places and not is_situation_adjective(reader, a)]
        if cue.kind == "concern":
            # "concern over the situation in Syria", "обеспокоенность ситуацией в Сирии": a state
            # after a locative is where the situation is, not the party whose conduct concerns
            after = [a for a in after if not _after_locative(reader, a, s.start)]
        # "祝贺他当选国家主席", "congratulated him on his election as President": a bare title right
        # after an election or a taking of office, whose holder a pronoun names, is the office taken
        offices = [a for a in after if a.kind == "title_ref" and any(
            t.end <= a.start and t.value in reader.registry.topics and reader.registry.topics[t.value].occasion
            and any(p.kind == "pronoun" and cue.end <= p.start < t.start for p in actors)
            and len(text[t.end:a.start]) <= (2 if reader.cjk else 5) and not CLAUSE_BREAK.search(text, t.end, a.start)
            for t in topics)]
        after = [a for a in after if a not in offices]
        chaired: list[str] = []
        if reader.capacity is not None:
            # "..., en tant que membres permanents du Conseil de sécurité, à ...": the capacity
            # phrase runs to the next clause break and names no target
            for phrase in reader.capacity.finditer(reader.folded, cue.end, frame_end):
                cut = _CAPACITY_END.search(text, phrase.end(), frame_end)
                stop = cut.start() if cut else frame_end
                # "X's efforts in its capacity as chair of SAARC": the body chaired is what X is backed on
                if any(phrase.start() <= c.start < stop for c in chairs):
                    chaired += [c for a in after if phrase.start() <= a.start < stop and a.kind == "org"
                                for c in reader.codes(a, speaker) if reader.registry.code_kind(c) == "organization"]
                after = [a for a in after if not phrase.start() <= a.start < stop]
        # "spoke highly of the relations between China and the Maldives", "the Russia-China
        # relationship": the two ends of a tie are not backed by praise of the tie
        tied = tie_ends(reader, actors, inside, cue.end, frame_end)
        after = [a for a in after if a not in tied]
        # "measures ... highly appreciated by WHO", "soutenue par la Chine": a participle's agent,
        # right after it, is who holds the stance, not the party backed
        if cue.kind in ("support", "welcome", "oppose"):
            after = [a for a in after if not _PASSIVE_AGENT.fullmatch(text, cue.end, a.start)]
        # "condemned the attack on X's embassy", "谴责对伊朗使馆的袭击": X suffered it, and is not opposed
        victims = {code for a in attack_victims(reader, actors, inside, cue, frame_end) for code in reader.codes(a, speaker)}
        if victims and after and all(set(reader.codes(a, speaker)) <= victims for a in after):
            continue
        after = [a for a in after if not set(reader.codes(a, speaker)) <= victims]
        set_aside = accountable + ([a for a in aggressors if a is not aggressor] if cue.kind != "aggression" else [])
        if set_aside and after and all(a in set_aside for a in after):
            continue
        after = [a for a in after if a not in set_aside]
        if recipients:
            after = recipients + [a for a in after if a not in recipients]
        if not after and objects_before:
            # "对叙利亚局势表示关切": a state named before a situation noun is where, not whom
            after = [a for a in objects_before if a.kind in ("person", "state", "org", "title_ref")
                     and not is_situation_adjective(reader, a)]
        unnamed_object = False  # "congratulated him" with his name in an earlier sentence
        if cue.kind == "congratulate":
            # "祝贺他再次当选", "对尹锡悦就任韩国总统的热烈祝贺": the one congratulated stands before
            # the cue, or is the "him" after it ("spoke with X to congratulate him on ...")
            pronoun_after = any(a.kind == "pronoun" and cue.end <= a.start < frame_end for a in actors)
            object_after = WORD.findall(fold(text[cue.end:cue.end + 12]))[:1]
            object_after = bool(object_after) and object_after[0] in reader.object_pronouns
            unnamed_object = object_after
            earlier = [a for a in actors if a.end <= cue.start and a.kind in ("person", "state") and a.codes
                       and a.codes[0] and a.codes[0] not in endorsers]
            if earlier and (object_after or (not after and (pronoun_after or reader.cjk))):
                after = [earlier[-1]]
        sent = congratulation_senders(reader, actors, s.start, cue.start) if cue.kind == "congratulate" else None
        if sent is not None:
            endorsers, after = sent
        elif cue.kind in ("congratulate", "congratulate_on") and congratulation_received(reader, actors, s.start, cue.start):
            # the congratulated received it: "received a congratulatory call from Xi" names its
            # sender after it; else who sent it this sentence does not say
            sent = congratulation_senders(reader, actors, s.start, frame_end)
            if sent is None:
                continue
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
        unnamed_object = unnamed_object or occasion  # "extended felicitations on the anniversary of ..."
        objection = next((c for c in cues if c.kind == "accuse" and cue.end <= c.start < frame_end), None)
        objected = objection is not None
        accused_here = [a for a in actors if objection and cue.end <= a.start and a.end <= objection.start
                        and a.kind in ("state", "person", "org") and not a.possessive]
        # "l'invasion de l'Ukraine par la Russie", "interference by X": the agent is the one opposed
        agents = [a for a in actors if cue.end <= a.start < frame_end and a.kind in ("state", "person", "org")
                  and AGENT.search(fold(text[max(cue.end, a.start - 14):a.start]))]
        if cue.kind in ("oppose",) and agents:
            accused_here = agents[:1]
        # "opposes US interference in ...", "the United States' unilateral sanctions": the party
        # named right before what is opposed commits it, and is opposed (no "against" reading);
        # not for a position owned by a state ("the DPP's 'Taiwan independence'" still backs China)
        committing = [a for a in actors if cue.kind == "oppose" and cue.end <= a.start and a.kind in ("state", "person", "org")
                      and any(t.kind == "topic_against" and a.end <= t.start < frame_end and _owned_by(reader, t.value) is None
                              and _COMMITS.fullmatch(text, a.end, t.start) for t in topics)]
        if not committing and cue.kind == "oppose":
            # "a condamné les sanctions unilatérales des États-Unis", "осудил односторонние санкции
            # США": a state named right after a conduct, by a genitive, is the one who commits it
            committing = [a for a in actors if cue.end <= a.start < frame_end and a.kind in ("state", "person", "org")
                          and any(t.kind == "topic_against" and t.end <= a.start and _is_conduct(reader, t.value)
                                  and _COMMITTED_AFTER.fullmatch(fold(text[t.end:a.start])) for t in topics)]
        if committing and not accused_here:
            accused_here = committing[:1]
        if accused_here:
            objected = False
        if aggressor is not None:
            accused_here, objected = [aggressor], False
        for endorser in endorsers:
            # "the Palestinian people's just cause" is the Palestine topic, not a target
            # "the Palestinian question" is the Palestine topic, not a target; but the people or
            # side named as holding the position ("the Palestinian side", "the just cause of the
            # Palestinian people", "反对强制迁移巴勒斯坦人民") is the state whose position is backed
            absorbed = {t.absorbs for t in reader.registry.topics.values() if t.absorbs}
            named = [c for a in after for c in reader.codes(a, speaker) if c not in absorbed or reader.is_side(a)]
            named += [c for c in reader.holders(frame_topics) if c not in named]
            targets = [c for c in named if c != endorser]
            # (the last only when the sentence names no one outside the encounter: "..., der dem
            # Bundeskanzler zu dessen Amtsantritt gratulierte" may be said of a third party)
            outsider = any(a.kind in ("person", "state") and not set(reader.codes(a, speaker)) <= set(reader.participants)
                           for a in actors)
            if not named and stance == "congratulate" and (reader.verb_last or unnamed_object or (frame_topics and not outsider)) \
                    and len(reader.participants) == 2 and endorser in reader.participants:
                # no one named as congratulated — a language that drops the object ("ペイン外務大臣から、
                # 再任の祝意が表明"), a "him" whose name stands in an earlier sentence ("congratulated him
                # on his inauguration"), felicitations on an occasion, congratulations on an election
                # or a taking of office ("who expressed his congratulations on his inauguration"):
                # the other party of the encounter
                targets = [c for c in reader.participants if c != endorser]
            if named and not targets and stance == "congratulate" and after and all(a.kind == "title_ref" for a in after) \
                    and not any(t.end <= a.start for t in frame_topics for a in after) \
                    and len(reader.participants) == 2 and len(endorsers) == 1 and endorser in reader.participants:
                # "Си Цзиньпин поздравил Главу государства": a bare title read as the endorser's own
                # side (both hold it) is the other party's, for no one congratulates themselves (not
                # the office taken, named after the occasion: "祝贺对方再次出任外相")
                targets = [c for c in reader.participants if c != endorser]
            if named and not targets:
                continue  # the target named is the endorser itself ("the leaders praised China", said of China too)
            if accused_here:
                targets = [c for c in reader.codes(accused_here[0], speaker) if c != endorser] or targets
            if len(endorsers) >= 2 and set(targets) <= set(endorsers) and not frame_topics:
                continue  # "the two ministers praised the growth of ties": bilateral ties described, no stance
            if cue.kind == "concern" and not targets:
                # "concern about Iran's nuclear programme": a topic phrase that names a state's own
                # programme or conduct names the party whose conduct concerns
                targets = _named_inside(reader, frame_topics, endorsers)
            if cue.kind == "concern" and not targets:
                continue  # concern about a situation with no party named is no stance (ANNOTATION.md §7)
            state_targets = [c for c in targets if reader.registry.code_kind(c) == "state"]
            org_targets = [c for c in targets if reader.registry.code_kind(c) == "organization"]
            if stance == "support" and org_targets and not state_targets and len(reader.participants) == 2 \
                    and endorser in reader.participants and WORD.findall(reader.folded[cue.end:cue.end + 12])[:1] \
                    and WORD.findall(reader.folded[cue.end:cue.end + 12])[0] in reader.own:
                # "praised his meaningful contribution to the G7 Summit", said in a two-party
                # encounter: the role praised is the other party's, in the body named (its topic)
                state_targets = [c for c in reader.participants if c != endorser]
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
                                       (joined(text, head, nxt) and text[head.end:nxt.start].strip() not in (",", "،", "，"))):
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
            if not labels and stance != "congratulate":  # "support for Ukraine": with no other topic, the target's name is also its question
                # but not a question another state owns: "支持台灣參與國際組織" backs Taiwan itself,
                # while the Taiwan question is China's (ANNOTATION.md §7)
                labels = list(dict.fromkeys(t.value for t in frame_topics if (t.start, t.end) in target_spans
                                            and _owned_by(reader, t.value) in (None, target)))
            if not labels and target and stance in ("support", "oppose"):
                # "supports the just cause of the Palestinian people": the people of a state a topic
                # stands for name that topic too
                labels = [t.label for t in reader.registry.topics.values() if t.absorbs == target]
            if not labels and target and stance == "oppose":
                # "concerns about the DPRK's missile programmes": opposing a state whose affairs are a topic
                labels = [t.label for t in reader.registry.topics.values() if t.question_of == target]
            # "condemned interference in China's internal affairs on the Taiwan question": what the
            # cue is about is the interference; the other topics of its frame only say where, so
            # an "against" reading turns the whole frame
            turned = bool(against_labels) and not accused_here
            topic_list = [(x, turned) for x in drop_fallback(labels, reader.registry)]
            occasions = [x for x in topic_list if x[0] in reader.registry.topics and reader.registry.topics[x[0]].occasion]
            if stance == "congratulate" and occasions:
                # "congratulations ... following the elections, in which the OSCE's Office for ...
                # Human Rights found ...": the occasion is what is congratulated; the rest of the
                # frame tells of it
                topic_list = occasions
                # "祝贺中共十九大圆满闭幕和习近平再次当选", "on the anniversary of ties and on his
                # re-election": an occasion no label names, beside one labelled, is congratulated too
                if unlabelled_occasion(text, inside, cue.end, frame_end, reader.registry, reader.cjk):
                    topic_list = occasions + [(None, False)]
            elif stance == "congratulate" and reader.occasion_topics:
                # "on the 30th anniversary of Kazakhstan's independence", "Kazakh independence": an
                # occasion phrase with the state's name inside names its label by the word it keeps
                named = _occasion_label(reader, inside, cue.end, frame_end)
                if named is not None:
                    topic_list = [(named, False)]
            if state_targets and org_targets and stance == "congratulate" and occasions:
                # "on the elections, in which the OSCE's Office ... found": a body named past a clause
                # break after a labelled occasion tells of it, no role congratulated ("on its
                # election to the Security Council" keeps the body)
                org_targets = [c for c in org_targets if any(
                    c in reader.codes(a, speaker) and not CLAUSE_BREAK.search(text, cue.end, a.start) for a in after)]
            # "negotiations under the leadership of the African Union", "UN-facilitated efforts": a
            # body that leads the effort backed is backed itself, and is no role of the party backed
            leading = [c for c in org_targets if any(c in reader.codes(a, speaker) and reader.leads(a) for a in after)]
            if state_targets and leading and stance == "support" and not negated:
                add(endorser, "support", leading[0], [(None, False)])
                org_targets = [c for c in org_targets if c not in leading]
            if state_targets and org_targets:
                topic_list += [(code, False) for code in org_targets]
            elif state_targets and not topic_list and chaired:
                topic_list = [(code, False) for code in dict.fromkeys(chaired)]
            elif state_targets and not topic_list and chairs:
                # "X holds the rotating presidency of the AU, and China supports X in it": the
                # body whose chair is backed is named earlier in the sentence
                bodies = [c for a in actors if a.kind == "org" and s.start <= a.start < cue.start
                          for c in reader.codes(a, speaker) if reader.registry.code_kind(c) == "organization"]
                # "中方支持俄方作为主席国开展工作,制定《金砖国家...战略》": else the one named after
                later = [c for a in actors if a.kind == "org" and cue.end <= a.start < s.end
                         for c in reader.codes(a, speaker) if reader.registry.code_kind(c) == "organization"]
                topic_list = [(bodies[-1], False)] if bodies else [(later[0], False)] if later else []
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


# the words between a stance noun and its owner: "the support of", "l'engagement indéfectible de la",
# with at most one adjective that is no preposition ("le soutien à la position de" is not an owner)
_OF_OWNER = re.compile(r"^\s*(?:(?!(?:a|au|aux|en|pour|to|for|al|para|em|ao|with|avec|con|com)\s)[\w\-]+\s+)?"
                       r"(?:de la |de l'|du |des |de |d'|of |of the |del |de los )\s*$")
# a second owner joined to the first: "de la France et de la Chine", "of China and Russia"
_OWNER_AND = re.compile(r"^\s*(?:et|and|y|e|und)\s+(?:de la |de l'|du |des |de |d'|of |of the |del |de los |the |la |le |l'|el )?\s*$")


_TO_BEFORE = re.compile(r"(?:^|\s)(?:à|au|aux|to|al|ao)\s+(?:la |le |les |l'|the |el )?$", re.IGNORECASE)
# "appreciated by", "soutenu par": the agent of a passive participle (not "por", which is also "for")
_PASSIVE_AGENT = re.compile(r"\s+(?:by|par)\s+(?:the |la |le |les |l'|l’)?", re.IGNORECASE)
_BY_AGENT = re.compile(r"\s+(?:by|par|por|pela|pelo)\s+(?:the |la |le |les |l'|el |los |las |o |os |a |as )?")
_CAPACITY_END = re.compile(r"[;；:：؛,，،]|\s(?:et|and|y|e|und|while)\s")
_FRAMING = re.compile(r"\s*(?:(?:On|Regarding|As for|Concerning|Sur|Concernant|S'agissant d[eu]|Quant à|Sobre|En cuanto a|"
                      r"Respecto a)\s|关于|關於|在|就)[^,，;；]{2,50}?[,，]")
_DETERMINED = re.compile(r"(?:\b(?:its|their|his|her|our|the|of|for|to)|['’]s)\s+$", re.IGNORECASE)


def _occasion_label(reader: StanceReader, inside: list[Match], start: int, end: int) -> str | None:
    """The label an occasion phrase in the frame names by a word of its own, a few words after its
    occasion word ("anniversary of Kazakhstan's independence" -> Independence anniversary)."""
    for m in inside:
        if m.kind != "stance.occasion" or not start <= m.start < end:
            continue
        words = set(WORD.findall(reader.folded[m.start:min(end, m.end + 48)])[:8])
        for label, keys in reader.occasion_topics.items():
            if words & keys:
                return label
    return None


def _named_inside(reader: StanceReader, topics: list[Match], endorsers: tuple[str, ...]) -> list[str]:
    """The states a topic phrase names as owners of what it is about ("Iran's nuclear
    programme", "le programme nucléaire de l'Iran"): a state's name in its possessive form."""
    codes: list[str] = []
    for t in topics:
        for mark in re.finditer(r"['’]s?\b", t.text):
            # the phrase itself is a topic entry: read the words before the mark alone
            head = t.text[:mark.start()]
            for m in reader.registry.gazetteer(reader.lang).find(head):
                if m.kind == "state" and m.end == len(head) and m.value not in endorsers and m.value not in codes \
                        and reader.registry.code_kind(m.value) == "state":
                    codes.append(m.value)
    return codes


def _thanked_for(reader: StanceReader, cue: Match, thanks: list[Match], speech: list[Match]) -> bool:
    """"thanked X for its role in A, its support for B, and ...": every item of what is thanked
    for is thanks (ANNOTATION.md §3), commas between them or not, until a new verb."""
    text = reader.text
    # "its continued support": a participle after a determiner, an owner or a preposition modifies a noun
    verbs = [m for m in speech if not _DETERMINED.search(text, max(0, m.start - 12), m.start)]
    head = fold(text[cue.start:cue.end]).split()[:1]
    if head and head[0].endswith(reader.participles) and not _DETERMINED.search(text, max(0, cue.start - 12), cue.start):
        return False  # "..., and expressed support for": a verb of its own
    return bool(reader.thanks_for) and any(
        t.start < cue.start and not re.search(r"[;；]", text[t.end:cue.start])
        and not any(t.end <= m.start < cue.end for m in verbs)
        and set(WORD.findall(reader.folded[t.end:cue.start])) & reader.thanks_for for t in thanks)


def _background(reader: StanceReader, start: int, end: int) -> bool:
    """Whether the sentence opens on an adverb of an earlier time ("Earlier,", "Ранее", "此前")."""
    head = reader.folded[start:min(end, start + 40)].lstrip(" \"'«“")
    return any(head.startswith(w) and (reader.cjk or not head[len(w):len(w) + 1].isalnum()) for w in reader.background)


def _other_congratulates(reader: StanceReader, actors: list, cue: Match, frame_end: int,
                         endorsers: tuple[str, ...]) -> tuple[str, ...]:
    """"le Souverain a réitéré ses félicitations à Macron": when the clause names no subject the
    reader knows, congratulations addressed to one party of a two-party encounter come from the
    other, whoever spoke last (no one congratulates themselves)."""
    if len(reader.participants) != 2:
        return endorsers
    first = next((a for a in actors if cue.end <= a.start < frame_end and a.kind in ("person", "state")), None)
    if first is None or not first.codes or first.codes[0] not in reader.participants or \
            endorsers and set(endorsers) != {first.codes[0]}:
        return endorsers
    return tuple(c for c in reader.participants if c != first.codes[0])


def _discussed(reader: StanceReader, cue: Match, discussed: list[Match], speech: list[Match]) -> bool:
    """"discussed ... continuing support for X", "reviewed efforts to hold X accountable": what a
    talk is about is no stance taken (ANNOTATION.md §3); one marked as the parties' own ("their
    shared concerns", "the joint commitment to") is, and so is a past-tense verb after the
    object ("discussed X and condemned Y"), a predicate of its own."""
    head = fold(reader.text[cue.start:cue.end]).split()[:1]
    if head and head[0].endswith(reader.participles):
        return False
    # "the urgency of continued support": a participle after a determiner or a preposition is no verb
    verbs = [m for m in speech if not _DETERMINED.search(reader.text, max(0, m.start - 12), m.start)]
    def own(words: set[str]) -> bool:
        # "their shared concerns", "the joint commitment to": a position the parties hold; "their
        # joint efforts to support X": shared work, talked of, still no stance
        return bool(words & reader.held_in_common) and not words & reader.shared_work

    return any(d.end <= cue.start and not re.search(r"[;；]", reader.text[d.end:cue.start])
               and not any(d.end <= m.start < cue.start for m in verbs)
               and not own(set(WORD.findall(reader.folded[d.end:cue.start]))) for d in discussed)


_NEW_CLAUSE = re.compile(r"(?:,\s*|\s)(?:et|and|y|e|mais|but|pero|while|tandis)\s+(?:qu['’]|que\b|that\b|il\b|elle\b|he\b|she\b)|"
                         r",\s*(?:while|whilst|tout en|mientras|enquanto)\s|，并|，同时|，並|；|;|؛")
# after a closing quotation mark: a comma maybe, then the preposition of the one addressed ("», à X")
_RECIPIENT_AFTER = re.compile(r",?" + RECIPIENT.pattern)
_CJK_PREPOSITIONS = set("对對向给給为為同与與和")
_CJK_TOWARDS = set("对對向")


# between a party and what it commits: a possessive mark, then at most one word ("'s unilateral")
_COMMITS = re.compile(r"(?:['’]s?)?\s*(?:[^\W\d]+\s+)?")
# "the unilateral sanctions of the United States", "des États-Unis", "der USA", "США": between a
# conduct and its doer, at most a genitive preposition and an article (folded text)
_COMMITTED_AFTER = re.compile(r"\s*(?:(?:of|by|de|des|du|del|da|do|dos|das|der|von|d['’])\s*)?"
                              r"(?:(?:the|la|le|les|los|las|el|l['’]|die|den|dem|o|a|os|as)\s*)?")
# ", Mutua said", ", a déclaré M. Mutua": a comma, at most one word, the speaker; and the verb
_TAIL_BEFORE = re.compile(r"[,，]\s*(?:[\w.]+\s+)?$")
_TAIL_GAP = re.compile(r"\s*(?:[\w.]+\s+)?")
# ... and then the sentence or the clause ends: ", Mutua said." / ", Mutua said, adding ..."
_TAIL_END = re.compile(r"\s*(?:\w+\s*)?(?:[,，.;；]|$)")


def _tail_speaker(text: str, actor: Mention, speech: list[Match]) -> bool:
    """Whether ``actor`` is the speaker set after what he said ("Kenya adheres to the one-China
    principle, Mutua said"): who speaks is no one a stance is taken toward."""
    for verb in speech:
        if actor.end <= verb.start and _TAIL_GAP.fullmatch(text, actor.end, verb.start) and \
                _TAIL_BEFORE.search(text[max(0, actor.start - 24):actor.start]) and _TAIL_END.match(text, verb.end):
            return True
        if verb.end <= actor.start and _TAIL_GAP.fullmatch(text, verb.end, actor.start) and \
                _TAIL_BEFORE.search(text[max(0, verb.start - 24):verb.start]) and _TAIL_END.match(text, actor.end):
            return True
    return False


def _recipients(reader: StanceReader, before: list[Mention], start: int) -> list[Mention]:
    """The party named first after a verb of sending ([actors] send_verbs), at most three words
    (a title) after it: in "направил Президенту Путину поздравление" the one it is sent to."""
    if not reader.send_verbs:
        return []
    for i, a in enumerate(before):
        words = WORD.findall(reader.folded[max(start, a.start - 60):a.start])
        previous_end = before[i - 1].end if i else start
        if any(w in reader.send_verbs for w in words[-4:]) and \
                any(w in reader.send_verbs for w in WORD.findall(reader.folded[previous_end:a.start])):
            return [a]
    return []


def _after_locative(reader: StanceReader, a: Mention, sentence_start: int) -> bool:
    """Whether a state is named right after a locative ("in", "en", "в", "في"): a place."""
    if a.kind != "state" or a.possessive:
        return False
    return fold(reader.text[max(sentence_start, a.start - 12):a.start]).split()[-1:] in ([w] for w in reader.locatives)


def _is_conduct(reader: StanceReader, label: str) -> bool:
    """Whether a topic's "against" phrases name a conduct whose doer a genitive after them names."""
    topic = reader.registry.topics.get(label)
    return topic is not None and topic.conduct


def _owned_by(reader: StanceReader, label: str) -> str | None:
    """The state whose position a topic label is (Taiwan: China), or None."""
    topic = reader.registry.topics.get(label)
    return topic.owner if topic is not None else None


def _previous_topics(reader: StanceReader, index: int) -> list[Match]:
    """The topics the body sentence before sentence ``index`` names, in order."""
    if index == 0 or reader.sentences[index - 1].paragraph < 0:
        return []
    prev = reader.sentences[index - 1]
    return [m for m in within(reader.matches, prev.start, prev.end) if m.kind == "topic"]

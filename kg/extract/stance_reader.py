"""What the stance reader works from: a sentence's cues and actors, and the grammar words of
its language (subject and object markers, passives, plan links) read once from kg/data/lang."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.persons import Mention, PersonRecord
from kg.knowledge.matcher import Match, within
from kg.knowledge.registry import Registry
from kg.text import Sentence, fold

__all__ = ["ACCUSING", "ACTOR_KINDS", "CLAUSE_BREAK", "Cue", "NOT_SUBJECT_GAP", "QUOTES_CLOSE", "QUOTES_OPEN", "RECIPROCAL",
           "STANCE_KINDS", "StanceReader", "WORD", "joined", "phrases"]

ACTOR_KINDS = ("state", "adj", "side", "org", "person", "title", "both", "self")
STANCE_KINDS = ("support", "oppose", "congratulate", "accuse", "accuse_object", "consider", "inalienable", "adhere", "welcome",
                "congratulate_on", "concern", "aggression")
ACCUSING = ("accuse", "accuse_object")
# ، ؛: the Arabic comma and semicolon; a comma touching a Chinese or Japanese character is
# one too (pages saved with full-width punctuation folded to ASCII: "中方表示,支持...")
CLAUSE_BREAK = re.compile(r"[;；:：؛]|,\s|，|،|(?<=[\u3040-\u30ff\u3400-\u9fff]),|,(?=[\u3040-\u30ff\u3400-\u9fff])")
QUOTES_OPEN = "«“「『\""
QUOTES_CLOSE = "»”」』\""
# a word of Latin, Cyrillic or Arabic script, with its apostrophes and hyphens
WORD = re.compile(r"[\w'’\-]+")
# words between an actor and a later cue that show the actor is not its subject ("con México y la condena")
NOT_SUBJECT_GAP = {"and", "et", "y", "e", "the", "la", "le", "les", "el", "los", "las", "a", "an", "un", "une", "una", "de", "of", "du", "des", "del", "with", "avec", "con",
                   "und", "sowie", "der", "die", "das", "den", "dem", "ein", "eine", "mit", "von"}
RECIPROCAL = {"each other", "one another", "mutual", "mutually", "mutuellement", "mutuel", "mutuelle", "l'un l'autre", "reciproque", "相互", "互相", "mutuamente", "mutuo", "mutua", "el uno al otro"}


@dataclass
class Cue:
    start: int
    end: int
    kind: str


class StanceReader:
    """One sentence list of a readout with its matches and actors, and the stance grammar of its language."""

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
        self.subject_after = bool(actors.get("subject_after_verb")) or bool(actors.get("verb_second"))
        # verb second (German): the subject stands after the verb when another phrase opens the
        # clause, but not when a coordinator does
        self.verb_second = bool(actors.get("verb_second"))
        self.coordinators = {fold(w) for w in actors.get("coordinators", [])}
        # "and", "et", "y": a finite verb right after one starts a predicate of its own
        self.joiners = {fold(w) for w in actors.get("and", [])}
        # "le soutien iranien", "el apoyo ruso": a nationality adjective after the noun owns it
        self.adjective_after = bool(actors.get("adjective_after_noun"))
        self.locatives = {fold(w) for w in actors.get("locatives", [])}
        # "направил Путину поздравление": verbs of sending whose recipient a case ending marks, not a "to"
        # ("übermittelte Tokajew seine Glückwünsche", "envió a Tokayev sus felicitaciones"): listed
        # under [actors] or [congratulations]
        self.send_verbs = {fold(w) for w in actors.get("send_verbs", [])
                           + registry.lang(lang).get("congratulations", {}).get("send_verbs", [])}
        self.object_particles = tuple(actors.get("object_particles", []))
        # "spoke with X to congratulate him": an infinitive of purpose takes the clause's subject
        self.purpose = {fold(w) for w in actors.get("purpose", [])}
        # "لتهنئته" ("to congratulate him"): a language that writes the purpose as a prefix of the verb
        self.purpose_prefixes = tuple(fold(w) for w in actors.get("purpose_prefixes", [])) or ("\x00",)
        # "received X and congratulated him": a joined verb with an object pronoun keeps the subject
        self.same_subject = {fold(w) for w in actors.get("same_subject", [])}
        # "X and Y, Lavrov and Wang, respectively, opposed ...": a word that only pairs names
        # with names, set off by commas, leaves the joint subject in the verb's clause
        self.respectively = {fold(w) for w in actors.get("respectively", [])}
        self.object_pronouns = {fold(w) for w in actors.get("object_pronouns", [])}
        # "discussed their shared concerns": a position marked as the parties' own, talked of or not
        self.held_in_common = {fold(w) for w in actors.get("in_common", [])}
        # "discussed their joint efforts to ...": nouns of work done together, no position held
        self.shared_work = {fold(w) for w in registry.lang(lang).get("stance", {}).get("shared_work", [])}
        # "Earlier, X congratulated Y ...": the adverbs that open an agency's background line
        self.background = tuple(fold(w) for w in registry.lang(lang).get("stance", {}).get("background", []))
        # "thanked X for A, B and C": the word that opens what is thanked for
        self.thanks_for = {fold(w) for w in actors.get("thanks_for", [])}
        # "en tant que membres permanents du Conseil de sécurité": what the endorsers are, not a target
        self.capacity = phrases(actors.get("capacity", []))
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
        self.receive = phrases(actors.get("receive", []))
        self.senders = phrases(actors.get("senders", []))
        self.block_words = {fold(w) for w in registry.lang(lang).get("stance", {}).get("block", [])}
        # "중국의 지지": the particle that makes the word before a stance noun its owner
        self.owner_particles = tuple(registry.lang(lang).get("stance", {}).get("owner_particles", []))
        # "捍卫宪章的原则,特别是...": words that carry a stance's object on past a comma
        # "欢迎...参加": what a welcome invites the welcomed to do makes it an invitation
        invited = [fold(w) for w in registry.lang(lang).get("stance", {}).get("invited", [])]
        self.invited = (re.compile("|".join(map(re.escape, sorted(invited, key=len, reverse=True)))) if self.cjk
                        else phrases(invited)) if invited else None
        # "各方应坚持...", "法中应共同...": a modal of one character that is also part of other
        # words ("应邀", "应对", "供应") and of "应X邀请" (at X's invitation)
        modal = registry.lang(lang).get("stance", {}).get("modal", {})
        self.modal = re.compile("(?<![" + re.escape("".join(modal.get("not_after", []))) + "])" + re.escape(modal["word"]) +
                                "(?![" + re.escape("".join(modal.get("not_before", []))) + "])") if modal.get("word") else None
        self.modal_not_in = tuple(modal.get("not_in_clause_with", []))
        # "the Security Support Mission": whether the language capitalises names only (not German nouns)
        self.capitalised_names = bool(actors.get("capitalised_names", False))
        # "appreciated the warm hospitality", "good wishes": courtesies thanked for, no position backed
        courtesies = [fold(w) for w in registry.lang(lang).get("stance", {}).get("courtesies", [])]
        self.courtesies = (re.compile("|".join(map(re.escape, sorted(courtesies, key=len, reverse=True)))) if self.cjk
                           else phrases(courtesies)) if courtesies else None
        # "维护半岛和平稳定符合各方利益": a predicate that evaluates the stance's clause makes it a subject
        evaluated = [fold(w) for w in registry.lang(lang).get("stance", {}).get("evaluated", [])]
        self.evaluated = (re.compile("|".join(map(re.escape, sorted(evaluated, key=len, reverse=True)))) if self.cjk
                          else phrases(evaluated)) if evaluated else None
        # "birthday", "生日": a personal occasion, whose congratulations take no stance
        personal = [fold(w) for w in registry.lang(lang).get("stance", {}).get("personal_occasions", [])]
        self.personal = (re.compile("|".join(map(re.escape, personal))) if self.cjk else phrases(personal)) if personal else None
        # "挑衅", "provocation": accusations that, with no topic named, concern no internal affairs
        self.untopical = {fold(w) for w in registry.lang(lang).get("stance", {}).get("accuse_untopical", [])}
        # "a las que calificó como injerencia", "which he described as interference": the words that
        # open a clause whose verb of naming takes the conduct named before it as its object
        self.relative_object = tuple(sorted((fold(w) for w in registry.lang(lang).get("clauses", {}).get("relative_object", [])),
                                            key=len, reverse=True))
        clauses = registry.lang(lang).get("clauses", {})
        self.led_by = tuple(fold(w) for w in clauses.get("led_by", []))
        self.led_suffix = tuple(fold(w) for w in clauses.get("led_suffix", [])) or ("\x00",)
        # "a instancias de Gil, quien calificó ...": words opening a clause whose subject is the party named before it
        self.relative_subject = tuple(fold(w) for w in registry.lang(lang).get("clauses", {}).get("relative_subject", []))
        # "就...等问题交换意见": what opens and what closes the subjects of a discussion
        discussed = registry.lang(lang).get("stance", {}).get("discussed", {})
        self.discussed = tuple(re.compile("|".join(map(re.escape, sorted((fold(w) for w in discussed[k]), key=len, reverse=True))))
                               for k in ("opens", "closes")) if discussed else None
        self.continues = tuple(registry.lang(lang).get("stance", {}).get("continues", [])) or ("\x00",)
        # "поддержку Россией": a stance noun whose agent a case ending marks right after it (the
        # instrumental), not a preposition ("the support of X", "le soutien de X")
        # "sicherte ... Unterstützung zu": the separated particles of verbs that may close a clause after the cue
        self.verb_particles = {fold(w) for w in registry.lang(lang).get("stance", {}).get("verb_particles", [])}
        # "anniversary of Kazakhstan's independence": words that, in an occasion phrase, name its label
        self.occasion_topics = {label: {fold(w) for w in words}
                                for label, words in registry.lang(lang).get("stance", {}).get("occasion_topics", {}).items()}
        self.agent_nouns = {fold(w) for w in registry.lang(lang).get("stance", {}).get("agent_nouns", [])}
        self.agent_endings = tuple(fold(w) for w in registry.lang(lang).get("stance", {}).get("agent_endings", [])) or ("\x00",)
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
        # "people", "peuple", "人民", "الشعب", plural demonyms: a topic phrase holding one names a people
        self.people_words = {fold(w) for w in actors.get("people_words", [])}
        # "中法都坚定支持多边主义": states fused into one word before a joint adverb are a joint subject
        self.mentions = _with_joint_subjects(text, sentences, mentions, actors)
        # "the Kingdom", "المملكة": the one kingdom the readout already named
        self.mentions = _with_referring_back(text, sentences, self.mentions, actors.get("refer_back", {}), registry, lang,
                                             participants)

    def leads(self, body: Mention) -> bool:
        """Whether ``body`` is named as the one leading an effort: after "under the auspices of"
        ([clauses] led_by), or before "-led", "-facilitated" ([clauses] led_suffix)."""
        before = fold(self.text[max(0, body.start - 40):body.start]).rstrip()
        before = re.sub(r"\s(?:the|la|le|les|l'|el|los|las|die|der|des)$", "", before)
        after = fold(self.text[body.end:body.end + 16])
        return any(before.endswith(w) for w in self.led_by) or after.startswith(self.led_suffix)

    def opens(self, start: int, end: int, words: tuple[str, ...]) -> bool:
        """Whether the words of [start, end) open on one of ``words`` (a relative pronoun)."""
        opening = fold(self.text[start:end]).lstrip(" «“\"")
        return any(opening.startswith(w + " ") or opening == w for w in words)

    def modals(self, start: int, end: int) -> list[Match]:
        """The one-character modals ("应", should) between ``start`` and ``end``, as blocks: not
        inside a longer word, nor an "应X邀请" whose clause names the invitation."""
        if self.modal is None:
            return []
        found = []
        for m in self.modal.finditer(self.text, start, end):
            cut = CLAUSE_BREAK.search(self.text, m.end(), end)
            if not any(w in self.text[m.end():cut.start() if cut else end] for w in self.modal_not_in):
                found.append(Match(m.start(), m.end(), "stance.block", m.group(), m.group()))
        return found

    def is_side(self, mention: Mention) -> bool:
        """Whether the actor is written as a people or side ("the Palestinian side", "巴勒斯坦人民"),
        not as the state's name or adjective."""
        return any(m.kind == "side" and m.start <= mention.start < m.end for m in within(self.matches, mention.start - 2, mention.end))

    def holders(self, topics: list[Match]) -> list[str]:
        """The states that topic phrases naming a people ("the just cause of the Palestinian
        people", "displacement of Palestinians") name as holders of the position: the state
        each such topic stands for (its ``absorbs``)."""
        codes: list[str] = []
        for t in topics:
            topic = self.registry.topics.get(t.value)
            if topic is None or not topic.absorbs or topic.absorbs in codes:
                continue
            folded = fold(t.text)
            if any(w in folded for w in self.people_words) if self.cjk else set(WORD.findall(folded)) & self.people_words:
                codes.append(topic.absorbs)
        return codes

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
                if bare and any(m.start == 0 and m.end == len(bare) and m.kind in ACTOR_KINDS for m in gazetteer.find(bare)):
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


def phrases(words: list[str]) -> re.Pattern | None:
    """One pattern for a list of phrases of the language data, matched whole on the folded text."""
    forms = sorted({fold(w) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)") if forms else None


def joined(text: str, a: Mention, b: Mention) -> bool:
    """Whether two actors stand joined as one subject ("X and Y", "the Foreign Secretary and
    the High Representative")."""
    gap = _ARTICLE_AFTER.sub("", fold(text[a.end:b.start]).strip())
    if not gap and a.end < b.start and text[b.start] == "و":  # Arabic joins "و" to the word: "الصين ومصر"
        return True
    return gap in ("and", "et", "y", "e", "和", "与", "同", "及", ",", "、", "as well as", "ainsi que", "und", "sowie", "и", "а также")


def _with_joint_subjects(text: str, sentences: list[Sentence], mentions: dict[int, list[Mention]],
                         actors: dict) -> dict[int, list[Mention]]:
    """Each sentence's actors, plus a joint subject wherever two to four one-character state
    abbreviations of the language data stand fused before a joint adverb ("德中都主张", "中俄两国均").
    The characters are ordinary words elsewhere, so they are read in that position only."""
    abbreviations: dict[str, str] = actors.get("joint_abbreviations", {})
    markers = actors.get("joint_markers", [])
    if not abbreviations or not markers:
        return mentions
    sides = "|".join(map(re.escape, actors.get("joint_sides", [])))
    pattern = re.compile("(?<![\u3400-\u9fff])([" + "".join(map(re.escape, abbreviations)) + "]{2,4})"
                         "(?=(?:" + sides + ")?(?:" + "|".join(map(re.escape, markers)) + "))")
    result: dict[int, list[Mention]] = {}
    for i, s in enumerate(sentences):
        found = list(mentions.get(i, []))
        for m in pattern.finditer(text, s.start, s.end):
            codes = tuple(dict.fromkeys(abbreviations[c] for c in m.group(1)))
            if len(codes) == len(m.group(1)) and not any(a.start < m.end() and m.start() < a.end for a in found):
                found.append(Mention(m.start(), m.end(), "state", codes))
        result[i] = sorted(found, key=lambda a: a.start) if len(found) != len(mentions.get(i, [])) else found
    return result


def _with_referring_back(text: str, sentences: list[Sentence], mentions: dict[int, list[Mention]],
                         words: dict[str, list[str]], registry: Registry, lang: str,
                         participants: list[str]) -> dict[int, list[Mention]]:
    """Each sentence's actors, plus a state for each word of the language data that refers
    back to a kind of state ("the Kingdom", "the Republic", "المملكة"): the one state, of the
    encounter's parties and those named earlier in the readout, that has a name in this language holding that word. Two such states
    named, or none, leave the word alone; so does a word that is part of a name ("the Kingdom
    of Saudi Arabia", "المملكة المتحدة"). ``words`` maps the word of the names to its forms
    in running text ("Kingdom": "the Kingdom"; "المملكة": "المملكة", "والمملكة")."""
    if not words:
        return mentions
    base = {fold(form): fold(word) for word, forms in words.items() for form in forms}
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, sorted((f for fs in words.values() for f in fs), key=len, reverse=True)))
                         + r")(?![\w])", re.IGNORECASE)
    result: dict[int, list[Mention]] = {}
    named: list[str] = [c for c in participants if c in registry.states]
    for i, s in enumerate(sentences):
        found = list(mentions.get(i, []))
        for m in pattern.finditer(text, s.start, s.end):
            # a name the word begins: a state named within the next two words, or a capitalised word after it
            nxt = next((a for a in found if a.start >= m.end()), None)
            between = text[m.end():nxt.start] if nxt is not None else ""
            if nxt is not None and nxt.kind == "state" and len(between.split()) <= 2 and not re.search(r"[^\w\s]", between):
                continue
            if any(a.start < m.end() and m.start() < a.end for a in found):
                continue
            word = base.get(fold(m.group(0)))
            if word is None:
                continue
            earlier = named + [a.codes[0] for a in found if a.kind == "state" and len(a.codes) == 1 and a.end <= m.start()
                               and a.codes[0] in registry.states and a.codes[0] not in named]
            kin = [c for c in dict.fromkeys(earlier) if any(word in fold(n).split() for n in registry.states[c].names.get(lang, []))]
            if len(kin) == 1:
                found.append(Mention(m.start(), m.end(), "state", (kin[0],)))
        for a in found:
            if a.kind == "state" and len(a.codes) == 1 and a.codes[0] in registry.states and a.codes[0] not in named:
                named.append(a.codes[0])
        result[i] = sorted(found, key=lambda a: a.start) if len(found) != len(mentions.get(i, [])) else found
    return result


_ARTICLE_AFTER = re.compile(r"\s+(?:the|le|la|les|l'|el|los|las|der|die|das|den|dem)$")

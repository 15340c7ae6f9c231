"""Title chains: "Vice-Premier Ministre et Ministre des Affaires étrangères du Kazakhstan
Mukhtar Tleuberdi", "哈萨克斯坦副总理兼外长特列乌别尔季", appositions ("Wang Yi, Foreign
Minister") and long portfolios, read sentence by sentence."""

from __future__ import annotations

import re

from kg.knowledge.matcher import Match
from kg.model import Span
from kg.text import Sentence, fold, is_cjk

from kg.extract.finder import _CJK_STOP, Mention, PersonRecord, _Finder, _lookup_family, _lookup_given, _token_subset, sole_family, \
    sole_family_index

__all__ = ["sentence_mentions"]


_PARTY_NAMES: dict[tuple[int, str], list[tuple[str, str]]] = {}


def _party_in_title(f: _Finder, titles: list[Match]) -> str | None:
    """"Jefe del Departamento Internacional del Comité Central del PCCh, Zhou Li": a title
    whose own words name a state's ruling party is held for that state."""
    key = (id(f.registry), f.lang)
    names = _PARTY_NAMES.get(key)
    if names is None:
        names = _PARTY_NAMES[key] = [(_spaced_words(name), org.party_of) for org in f.registry.organizations.values()
                                     if org.party_of for name in org.names.get(f.lang, [])]
    for t in titles:
        words = _spaced_words(t.text)
        found = {state for name, state in names if name in words}
        if len(found) == 1:
            return found.pop()
    return None


def _spaced_words(text: str) -> str:
    """The folded words of ``text``, one space between and around them (for whole-word search)."""
    return " " + " ".join(re.findall(r"[\w'’]+", fold(text))) + " "


_MINISTRY_LINKS = {"of", "for", "the", "and", "&", "de", "des", "du", "la", "del", "y", "et"}


def _ministry_state(f: _Finder, state: Match, title_start: int) -> str | None:
    """"Dutch Ministry of Foreign Affairs Political Director X": a state named before the
    ministry that stands before a title is the title's state — a few capitalised words, one of
    them a ministry's (``names.portfolio_words``), between them."""
    words = re.findall(r"[\w'’&]+|[^\w\s]", f.text[state.end:title_start])
    if not words or len(words) > 7 or not any(fold(w) in f.portfolio_words for w in words):
        return None
    if all(w[:1].isupper() or fold(w) in _MINISTRY_LINKS for w in words):
        return state.value
    return None


def _chain_country(f: _Finder, chain: list[Match]) -> str | None:
    """The state the titles are held for ("... du Kazakhstan"); an organisation only when no
    state is named ("Secretary-General of the UN"), and a party counts as its state."""
    found: list[Match] = []
    for position, m in enumerate(chain):
        if m.kind in ("state", "adj", "org"):
            before = f.gap(chain[position - 1].end, m.start) if position else ""
            if before in f.posting:
                continue
            found.append(m)
    states = [m for m in found if m.kind in ("state", "adj")]
    if states:
        return states[0].value
    if found:
        org = f.registry.organizations.get(found[0].value)
        return (org.party_of if org and org.party_of else found[0].value)
    return None


_LEADER_PAIR = {"head_of_state", "head_of_government"}


def sentence_mentions(f: _Finder, sentence: Sentence, matches: list[Match]) -> list[Mention]:
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
    if not f.cjk:
        # "le président Hollande": a state's name right after a title, with no "of" between, is the
        # family name of the one known official who bears it, not the title's state
        for k in range(1, len(spans)):
            x, prev = spans[k], spans[k - 1]
            if x.kind == "state" and prev.kind == "title" and not text[prev.end:x.start].strip() and x.text[:1].isupper():
                index = sole_family_index(f, x.text)
                if index is not None:
                    spans[k] = Match(x.start, x.end, "person", str(index), x.text)
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
    chain_ends: set[int] = set()  # where a name a title chain came before ends: that name is titled
    back_titled: dict[int, str] = {}  # where a title given to the name before it ends -> that person
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
        if f.cjk and m.kind == "title" and i and spans[i - 1].kind == "person" and spans[i - 1].end == m.start \
                and fold(m.text) in f.generic:
            i += 1  # "习近平主席": a courtesy title after the name, not the start of someone else's
            continue
        chain = [m]
        j = i + 1
        while j < len(spans) and spans[j].kind in ("title", "state", "adj", "org", "honorific") and (
                f.is_glue(chain[-1].end, spans[j].start) or _portfolio_gap(f, chain[-1], spans[j])) and not (
                spans[j].kind == "title" and f.starts_another(chain[-1].end, spans[j].start)) and not (
                # "وزير خارجية إيران، ووزير خارجية إسرائيل": "and" joined to a title after a post that
                # named its state starts another person's ("وزير الخارجية وعضو المكتب السياسي" goes on)
                spans[j].kind == "title" and f.caseless and f.joined_and(spans[j].start)
                and any(c.kind in ("state", "adj", "org") for c in chain)) and not (
                # "The President and Prime Minister Cameron spoke": no one is written with both
                # leaders' titles, so the second leader's title starts another person
                spans[j].kind == "title" and spans[j].value in _LEADER_PAIR and f.gap(chain[-1].end, spans[j].start)
                and any(c.kind == "title" and c.value in _LEADER_PAIR - {spans[j].value} for c in chain)) and not (
                f.chain_enders and fold(chain[-1].text).endswith(f.chain_enders)):  # "장관은 북한의": a particle ends it
            chain.append(spans[j])
            j += 1
        titles = _own_titles(f, chain)
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
        if country is None and not f.cjk and i and spans[i - 1].kind in ("state", "adj"):
            country = _ministry_state(f, spans[i - 1], chain[0].start)
        if country is None and not f.cjk:
            country = _party_in_title(f, titles)
        # "斐济副总理兼贸易、合作社...部长卡米卡米卡": one title going on across a list of portfolios
        if country is None and f.cjk and mentions and mentions[-1].kind == "title_ref" and mentions[-1].codes and \
                not re.search(r"[，。；,;同与與]", text[mentions[-1].end:m.start]):
            country = mentions[-1].codes[0]
            mentions.pop()
        # a list of officials shares the state of its first item ("尼泊尔陆军参谋长塔帕、国防部秘书夏尔马")
        listed = False
        if country is None and mentions and mentions[-1].kind == "person" and mentions[-1].person:
            previous = f.people.get(mentions[-1].person)
            # "A, B и C": a bare "and" closes a list whose earlier items a comma joined
            closes = len(mentions) > 1 and mentions[-2].kind == "person" and f.in_list(mentions[-2].end, mentions[-1].start)
            if previous is not None and previous.country and f.in_list(mentions[-1].end, m.start, closes):
                country = previous.country
                listed = True
        # "中国驻埃塞俄比亚大使", "Chinese Ambassador to ...": the state before the posting word
        if i > 0 and spans[i - 1].kind in ("state", "adj") and f.gap(spans[i - 1].end, m.start) in f.posting:
            country = spans[i - 1].value
        elif chain[0].kind in ("state", "adj") and i > 0 and spans[i - 1].kind in ("state", "adj") and \
                f.gap(spans[i - 1].end, m.start) == "":
            country = spans[i - 1].value
        if country is None and f.cjk and m.kind == "title":
            country = _posting_state(f, spans, i, m.start)
        end = chain[-1].end
        person = None
        name_span = None
        # trailing honorifics are part of the name slot
        if f.title_after_name:
            pass  # Japanese: the name stands before the title (below), none is read after it
        elif not f.cjk and not f.caseless and (back := _name_before_list_item(f, spans, i, used, mentions, chain_ends,
                                                                             chain, j, sentence)) is not None:
            person = back  # "Mr. A, Ambassador of X to Y, Mr. B, ...": the title is A's
            back_titled[max(c.end for c in chain if c.kind != "honorific")] = back.key
        elif j < len(spans) and spans[j].kind == "person" and f.is_glue(end, spans[j].start):
            index = int(spans[j].value)
            person = f.record("", None, index)
            name_span = (spans[j].start, spans[j].end)
            j += 1
        elif f.caseless and fold(m.text).startswith(f.object_particles):
            pass  # "للوزير الصيني", "كرئيس": a title with a joined preposition is no name's slot
        elif f.cjk and (known := _named_before_title(f, spans, i, chain[0].start, sentence.start)) is not None:
            person, name_span = known  # "傅达耀大使曾任…": the title follows the name; what comes next is no name
        else:
            limit = spans[j].start if j < len(spans) else sentence.end
            span = f.cjk_name_after(end, limit) if (f.cjk and end < len(text) and is_cjk(text[end])) else (
                None if f.cjk or _qualifies_noun(f, chain) else f.latin_name_after(end, limit))
            if span is None and f.cjk:
                span = None
            if span and f.cjk and text[span[1] - 1] in "·•" and j < len(spans) and spans[j].kind == "person" \
                    and spans[j].start == span[1]:
                # "安东尼·布林肯": a given name before a known family name, joined by the dot, is that official
                person = f.record("", None, int(spans[j].value))
                name_span = (span[0], spans[j].end)
                span = None
                j += 1
            if span:
                raw = text[span[0]:span[1]]
                if is_cjk(raw[:1]):
                    display = raw  # romanised once the country is known
                else:
                    # "Dr. S.Jaishankar": an initial joined to the family name is a word of its own
                    display = _JOINED_INITIAL.sub(". ", " ".join(raw.split()))
                # "Secretary Blinken and Foreign Minister Motegi": a state guessed from the list
                # yields to the official the name already is
                named = [p for p in f.people.values() if fold(p.family) == fold(display) or _token_subset(display, p.name)]
                if _given_name_slot(f, end, span[0], display):
                    # "President Sheikh Mohamed": a given name, never another official's family name
                    person = _lookup_given(f, display, country) or f.record(display, country, None)
                else:
                    # (also one the page names only later: "Chancellor Merkel, President Sarkozy and ..." in a
                    # headline, the one known official of that family name)
                    person = (named[0] if listed and len(named) == 1 else None) or \
                        (sole_family(f, display) if listed and not named else None) or \
                        _lookup_family(f, display, country) or f.record(display, country, None)
                f.spelled(person, display)
                name_span = span
        if person is None and not f.cjk and not f.caseless:
            # "ministre des Affaires étrangères, des Affaires européennes et de la Coopération, Maxime Prévot"
            tail = _name_after_portfolio(f, spans, j, end, sentence, country)
            if tail is not None:
                person, name_span = tail
                titles = _split_portfolio(f, titles, end, name_span[0])
                # "director general para Asia-Pacífico, X", "Secretario General del Departamento de
                # Organización ..., X": the head of what the portfolio names first: an organisation
                # (the title's own post), a party ("del Comité Central del Partido ...",
                # ``names.party_words``: its leader) or a department (another post)
                post = None if any(c.kind == "org" for c in chain) else _head_of(f, spans, end, name_span[0])
                if post:
                    titles = [t if t.value != "organization_head" else Match(t.start, t.end, t.kind, post, t.text)
                              for t in titles]
        if person is None and f.title_after_name:
            # "岡田克也外相", "ジョン・ケリー米国務長官": the name right before the title (or its state)
            floor = max([sentence.start] + [x.end for x in spans[:i] if x.end <= m.start])
            known = [x for x in spans[:i] if x.kind == "person" and x.end == floor and f.gap(x.end, m.start) in ("", "・")]
            if not known and f.name_words:  # "왕이(王毅) 중국 외교부장": the name, its original spelling, the title
                # ("렉스 틸러슨 신임 미국 국무장관": a word that dates the post, ``actors.glue_words``, between them)
                known = [x for x in spans[:i] if x.kind == "person" and (
                         re.fullmatch(r"\s*(?:[(（][^()（）]{1,20}[)）])?\s*", text[x.end:m.start])
                         or (x.end < m.start and f.is_glue(x.end, m.start)))]
                known = [x for x in known if not any(y.end > x.end and y.kind != "person" for y in spans[:i])]
            if known:
                person = f.record("", None, int(known[-1].value))
            elif (by_family := f.known_by_family(m.start, floor)) is not None:
                person, name_span = by_family[0], (by_family[1], m.start)
            elif (by_kanji := f.registry_by_kanji(m.start, floor, country or f.own_state)) is not None:
                person, name_span = by_kanji[0], (by_kanji[1], m.start)
            else:
                span = f.name_before(m.start, floor)
                if span:
                    display = text[span[0]:span[1]]
                    # "日本の佐藤一郎外相": the state joined to the name by の is the official's
                    owner = [x for x in spans[:i] if x.kind in ("state", "adj") and x.end <= span[0]]
                    if country is None and owner and text[owner[-1].end:span[0]] in ("", "の"):
                        country = owner[-1].value
                    person = _lookup_family(f, display, country) or f.record(display, country, None)
                    name_span = span
        if person is None:
            # appositive: "Mukhtar Tleuberdi, Deputy Prime Minister ... of Kazakhstan"
            before = [x for x in mentions if x.kind == "person" and x.end <= m.start and f.apposed(x.end, m.start)]
            registry_before = [x for x in spans[:i] if x.kind == "person" and f.apposed(x.end, m.start)]
            if before:
                person = f.people[before[-1].person]  # type: ignore[index]
                if country is None:
                    # "Mr. A, Ambassador of X, Mr. B, Director General": the next item of the
                    # run shares the state of the one before it
                    country = _state_of_item_before(f, back_titled, before[-1].start)
            elif registry_before:
                person = f.record("", None, int(registry_before[-1].value))
            elif not f.cjk:
                head = text[max(sentence.start, m.start - 80):m.start]
                named = f.apposed_name.search(head)
                if named:
                    person = _lookup_family(f, named.group(1), None)
                    given = named.group(1).split()
                    if person is None and len(given) == 2 and fold(given[0]) in f.given_honorifics:
                        # "Sheikh Tamim, the Emir of Qatar": the given name of one known dignitary
                        person = _lookup_given(f, given[1], country)
                    start = m.start - len(head) + named.start(1)
                    words = named.group(1).split()
                    if person is None and len(words) >= 2 and not any(fold(w) in f.function_words for w in words[:1] + words[-1:]) \
                            and not any(fold(w) in f.function_words and w.lower() not in f.particles for w in words) \
                            and not any(x.start < start + len(named.group(1)) and start < x.end for x in spans[:i]
                                        if x.kind != "honorific") \
                            and (start == sentence.start or not text[start - 1].isalnum()):
                        # "Zhu Jian, ministro consejero, y ...": a name the registry does not know,
                        # with its title after it
                        person = f.record(" ".join(words), country, None)
                        name_span = (start, start + len(named.group(1)))
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
        before_title = text[sentence.start:chain[0].start].split()[-1:]
        if not f.cjk and before_title and fold(before_title[0]) in f.portfolio_words and \
                not any(c.kind == "org" for c in chain):
            # "French Foreign Ministry Secretary General X": a ministry's secretary general heads
            # no organisation
            titles = [t if t.value != "organization_head" else Match(t.start, t.end, t.kind, "other", t.text)
                      for t in titles]
        if i and spans[i - 1].kind == "org" and _body_word(text[spans[i - 1].end:chain[0].start]):
            # "African Union Commission Chairperson X", "OSCE Chairman X": the chair of an
            # organisation (or of its one body named right after it) heads it
            chairs = {fold(w) for w in f.words.get("names", {}).get("chair_titles", [])}
            titles = [Match(t.start, t.end, t.kind, "organization_head", t.text)
                      if t.value == "other" and fold(" ".join(t.text.split())) in chairs else t for t in titles]
        tails = [t for t in titles if fold(t.text).split()[0] in _TAIL_WORDS]
        heads = [t for t in titles if t not in tails]
        if tails and heads and all(t.value == "other" for t in heads):
            # "director de Asuntos Exteriores del Partido": a director's portfolio makes no minister
            titles = [t for t in titles if t not in tails]
        elif tails:
            # "ministre chinois des Affaires étrangères": the tail names the portfolio
            titles = [t for t in titles if not (t.value in ("minister", "other") and len(titles) > 1)]
        for t in titles:
            written = " ".join(t.text.split())
            if fold(written) in f.generic and len(titles) == 1:
                # "Minister Balakrishnan", "主席": adds a post only if nothing more specific is known
                person.generic_roles.setdefault(t.value, (written, Span(sentence.start, sentence.end)))
                continue
            if fold(written) in {fold(v) for role, v in person.roles.items() if role != t.value}:
                continue  # "Secretary General Delattre" again: the post the same words named first
            if t.value not in person.roles:
                person.roles[t.value] = written
                person.role_spans[t.value] = Span(sentence.start, sentence.end)
        if name_span:
            mention = Mention(min(m.start, name_span[0]), name_span[1], "person", (person.country or "",), person.key)
            mentions.append(mention)
            chain_ends.add(name_span[1])
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


def _name_before_list_item(f: _Finder, spans: list[Match], i: int, used: set[int], mentions: list[Mention],
                           chain_ends: set[int], chain: list[Match], j: int, sentence: Sentence) -> PersonRecord | None:
    """"accompanied by Mr. A, Ambassador of X to Y, Mr. B, Director General": in a run of names
    each followed by its title, a title between a name no title came before and a comma with
    a courtesy title opening the next name (``names.honorifics``) is the first name's, not the
    next one's. (In "Title A, Mr. A, Title B, Mr. B" A's title came before A: B keeps his.)"""
    title_end = max(c.end for c in chain if c.kind != "honorific")
    limit = spans[j].start if j < len(spans) and spans[j].kind not in ("honorific", "person") else sentence.end
    rest = f.text[title_end:limit]
    if not rest.lstrip(" \u00a0").startswith(","):
        return None
    after = rest.lstrip(" \u00a0")[1:].lstrip()
    words = after.split()
    if not any(" ".join(words[:n]) in f.honorifics_as_written for n in (1, 2, 3)):
        return None
    start = spans[i].start
    bare = [x for x in mentions if x.kind == "person" and x.person and x.end <= start
            and x.end not in chain_ends and f.apposed(x.end, start)]
    if bare:
        return f.people[bare[-1].person]  # type: ignore[index]
    k = i - 1
    if k >= 0 and k not in used and spans[k].kind == "person" and spans[k].end not in chain_ends \
            and f.apposed(spans[k].end, start):
        return f.record("", None, int(spans[k].value))
    return None


def _state_of_item_before(f: _Finder, back_titled: dict[int, str], start: int) -> str | None:
    """The state of the official whose title ends right before the name at ``start`` (which
    may open with its courtesy title), only a comma between ("..., Ambassador of Afghanistan, Mr. B")."""
    for end, key in back_titled.items():
        gap = f.text[end:start].strip(" \u00a0")
        if end <= start and gap.startswith(",") and (gap == "," or gap[1:].strip() in f.honorifics_as_written):
            return f.people[key].country
    return None


_ENVOY_ROLES = {"ambassador", "other"}


def _own_titles(f: _Finder, chain: list[Match]) -> list[Match]:
    """The chain's titles, less those of the one an envoy or aide serves: "Special Envoy of the
    US President", "специальный представитель президента США" are no president — a title
    joined by "of" (``actors.of``; nothing in a language with cases) to an envoy's or an aide's
    names their principal, up to a title joined by "and" or a comma."""
    titles = [c for c in chain if c.kind == "title"]
    if len(titles) < 2 or f.cjk:
        return titles
    kept: list[Match] = []
    serving = False
    for k, c in enumerate(chain):
        if c.kind != "title":
            continue
        if kept and serving:
            gap = f.gap(chain[k - 1].end, c.start)
            if not gap or gap in f.of_words or chain[k - 1].kind in ("state", "adj"):
                continue  # the principal's title
            serving = False
        if kept and not serving:
            kept.append(c)
            continue
        kept.append(c)
        nxt = chain[k + 1] if k + 1 < len(chain) else None
        gap = f.gap(c.end, nxt.start) if nxt is not None else None
        serving = c.value in _ENVOY_ROLES and nxt is not None and (
            (nxt.kind == "title" and (gap in f.of_words or (not gap and f.genitive_titles)))
            or (nxt.kind in ("state", "adj") and gap in f.of_words and any(
                x.kind == "title" for x in chain[k + 2:k + 3])))
    return kept


def _given_name_slot(f: _Finder, end: int, start: int, display: str) -> bool:
    """Whether a one-word name follows an honorific that goes before given names ("Sheikh
    Mohamed", ``names.given_name_honorifics``)."""
    if not f.given_honorifics or " " in display:
        return False
    gap = " " + fold(f.text[max(0, end - 12):start]).strip(" ,")  # the honorific may close the title's chain
    return any(gap.endswith(" " + h) for h in f.given_honorifics)


def _posting_state(f: _Finder, spans: list[Match], i: int, start: int) -> str | None:
    """"巴拉圭新任驻台大使": a state, then a posting word and a place the lexicon does not know
    (a short run of characters), then the title: the state posts the official."""
    k = i - 1
    while k >= 0 and spans[k].kind not in ("state", "adj", "title", "person", "org"):
        k -= 1
    if k < 0 or spans[k].kind not in ("state", "adj"):
        return None
    gap = f.gap(spans[k].end, start)
    for word in [""] + [fold(w) for w in f.words.get("names", {}).get("before_title", [])]:
        if not gap.startswith(word):
            continue
        rest = gap[len(word):]
        for posting in f.posting:
            place = rest[len(posting):]
            if posting and rest.startswith(posting) and 1 <= len(place) <= 4 \
                    and all(is_cjk(c) and c not in _CJK_STOP for c in place):
                return spans[k].value
    return None


def _named_before_title(f: _Finder, spans: list[Match], i: int, start: int,
                        floor: int) -> tuple[PersonRecord, tuple[int, int]] | None:
    """"傅达耀大使表示", "傅达耀新任大使": Chinese also writes a title after the name. A person the
    document already knows (a registry name, or a name read earlier), standing right before the
    title or before a word that dates the post (``names.before_title``), owns it, and the
    characters after the title are no name ("曾任")."""
    folded = f.folded
    ends = [start] + [start - len(w) for w in {fold(w) for w in f.words.get("names", {}).get("before_title", [])}
                      if w and folded[max(floor, start - len(w)):start] == w]
    for end in ends:
        registry = [x for x in spans[:i] if x.kind == "person" and x.end == end]
        if registry:
            return f.record("", None, int(registry[-1].value)), (registry[-1].start, end)
        for person in f.people.values():
            written = fold(person.name)
            if len(written) >= 2 and is_cjk(written[0]) and end - len(written) >= floor \
                    and folded[end - len(written):end] == written:
                return person, (end - len(written), end)
    return None


def _qualifies_noun(f: _Finder, chain: list[Match]) -> bool:
    """"der Leiter der chinesischen Diplomatie": a state's adjective after the title, with an
    article before it (``names.articles``), qualifies the noun after it, which is no name."""
    articles = f.articles
    if len(chain) < 2 or chain[-1].kind != "adj" or not articles:
        return False
    return f.gap(chain[-2].end, chain[-1].start).split()[-1:] in ([a] for a in articles)


_TAIL_WORDS = {"des", "du", "de", "del", "de la", "of"}


def _body_word(gap: str) -> bool:
    """Nothing, or one capitalised word ("Commission", "Assembly") between an organisation and a title."""
    words = gap.split()
    return gap == " " or (len(words) == 1 and words[0][:1].isupper() and words[0].isalpha() and gap.startswith(" ")
                          and gap.endswith(" "))


def _portfolio_gap(f: _Finder, last: Match, following: Match) -> bool:
    """"ministre de l'Intégration africaine et des Affaires étrangères": a few portfolio words
    between a title and the tail that names the post."""
    if f.cjk or last.kind != "title" or following.kind != "title":
        return False
    if fold(following.text).split()[0] not in _TAIL_WORDS:
        return False
    gap = f.text[last.end:following.start]
    return len(gap.split()) <= 8 and not re.search(r"[.;:«»\"()]", gap)


def _head_of(f: _Finder, spans: list[Match], start: int, end: int) -> str | None:
    """The post of the head of what ``text[start:end]`` names first, when that is no
    organisation: "party_leader" for a party, "other" for a department; None for an
    organisation (the title's own post)."""
    words = f.text[start:end].split()
    skip = 0
    of = {piece for w in f.words.get("actors", {}).get("of", []) for piece in fold(w).split()} | f.list_words
    while skip < len(words) and fold(words[skip]) in of:  # "del", "de la", "of the"
        skip += 1
    if skip >= len(words):
        return None
    at = start + f.text[start:end].index(words[skip]) if skip else start + len(f.text[start:end]) - len(f.text[start:end].lstrip())
    first = next((x for x in spans if x.start >= at and x.start < end and x.kind != "honorific"), None)
    if first is not None and first.start == at and first.kind == "org":
        org = f.registry.organizations.get(first.value)
        return "party_leader" if org and org.party_of else None
    rest = fold(" ".join(words[skip:]))
    return "party_leader" if any(rest == w or rest.startswith(w + " ") for w in f.party_words) else "other"


def _said_between(f: _Finder, start: int, end: int) -> bool:
    """Whether words other than commas, articles and the words of a portfolio stand between a
    title and a later one ("..., a annoncé le porte-parole"): then the later title is another
    person's, not a second post of the same ("le Ministre, Directeur de Cabinet ..., M. X")."""
    words = re.findall(r"[\w'’]+", f.text[start:end])
    return any(w[:1].islower() and fold(w) not in f.apposition_articles and fold(w) not in f.glue for w in words)


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
        party = f.registry.organizations.get(x.value) if x.kind == "org" else None
        if x.kind not in ("state", "adj") and not (party and party.party_of):
            continue
        previous_end = spans[j + k - 1].end if j + k - 1 >= 0 else end
        posted = f.gap(previous_end, x.start) in f.posting
        if not posted and own_state is None:
            # "Jefe del Departamento Internacional del Comité Central del PCCh, Zhou Li": a party
            # named in the portfolio counts as its state
            own_state = party.party_of if party else x.value
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
        if any(x.kind == "title" and end <= x.start < at and _said_between(f, end, x.start) for x in spans):
            return None  # "..., a annoncé le porte-parole du Quai d'Orsay, X": X is the later title's
        following = [x for x in spans if x.start >= at and x.kind != "honorific"]
        if following and f.is_glue(at, following[0].start) and following[0].kind == "person":
            return f.record("", None, int(following[0].value)), (following[0].start, following[0].end)
        span = f.latin_name_after(at, following[0].start if following else limit)
        if span and len(f.text[span[0]:span[1]].split()) >= 2 and not any(
                fold(t) in f.function_words for t in f.text[span[0]:span[1]].split()):
            display = " ".join(f.text[span[0]:span[1]].split())
            return (_lookup_family(f, display, country) or f.record(display, country, None)), span
    return _name_after_portfolio_words(f, end, limit, country)


def _split_portfolio(f: _Finder, titles: list[Match], end: int, name_start: int) -> list[Match]:
    """"Deputy Minister of Foreign and Global Affairs": a portfolio whose first and last words
    make a known title's portfolio ("of Foreign Affairs") with other words between holds that
    title's post."""
    found = _OF_PORTFOLIO.match(f.text, end, name_start)
    if found is None or len(titles) != 1:
        return titles
    words = found.group(1).split()
    while words and fold(words[-1]) not in f.portfolio_words:
        words.pop()
    if len(words) < 3:
        return titles
    table = f.words.get("titles", {})
    written = " ".join(titles[0].text.split()) + f.text[end:found.start(1)].rstrip() + " " + words[0] + " " + words[-1]
    written = " ".join(written.split())
    role = table.get(written)
    return [Match(titles[0].start, titles[0].end, "title", role, titles[0].text)] if isinstance(role, str) else titles


_JOINED_INITIAL = re.compile(r"(?<=\b[A-Z])\.(?=[A-Z][a-z])")
_OF_PORTFOLIO = re.compile(r"\s+(?:of|for)\s+((?:(?:[A-Z][\w'’\-]*|and|&|the)\s+){1,6})")


def _name_after_portfolio_words(f: _Finder, end: int, limit: int, country: str | None):
    """"Deputy Minister of Foreign and Global Affairs Marta Morgan": with no comma, the name
    starts after the last portfolio word (``names.portfolio_words``) of the capitalised words
    after "of"; two words at least, none a portfolio word."""
    found = _OF_PORTFOLIO.match(f.text, end, limit)
    if found is None:
        return None
    words = list(re.finditer(r"\S+", found.group(1)))
    last = max((k for k, w in enumerate(words) if fold(w.group()) in f.portfolio_words), default=None)
    if last is None:
        return None
    at = found.start(1) + words[last].end()
    span = f.latin_name_after(at, limit)
    if span is None or not f.is_glue(at, span[0]) or len(f.text[span[0]:span[1]].split()) < 2 or any(
            fold(t) in f.function_words or fold(t) in f.portfolio_words for t in f.text[span[0]:span[1]].split()):
        return None
    display = " ".join(f.text[span[0]:span[1]].split())
    return (_lookup_family(f, display, country) or f.record(display, country, None)), span

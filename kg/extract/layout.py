"""Page layout: language, boilerplate, headline, publication date, publisher, body."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.dates import address_day, address_span, find_dates
from kg.knowledge.matcher import Match
from kg.knowledge.registry import Registry
from kg.text import Line, Sentence, is_cjk, join_wrapped, split_lines, split_sentences

__all__ = ["Layout", "detect_language", "read_layout", "page_words"]

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CJK_CHARACTERS = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")  # as kg.text.is_cjk


def detect_language(text: str, registry: Registry) -> str:
    """The registry language whose function words the text uses most; CJK script wins
    outright. A text in a script or with the function words of a language the extractor
    does not read (``languages.toml``) gets that language's code, so it can be reported."""
    sample = text[:4000]
    letters = sum(map(str.isalpha, sample))
    other = _other_script(sample, letters, registry)
    if other:
        return other
    if letters and sum(map(str.isalpha, _CJK_CHARACTERS.findall(sample))) / letters > 0.3:
        # Japanese is told by its kana (above): CJK characters alone are Chinese
        by_script = {script["lang"] for script in registry.unsupported.get("script", {}).values()}
        cjk = [code for code, table in registry.languages.items() if table.get("script") == "cjk" and code not in by_script]
        return cjk[0] if cjk else "zh"
    words = [w.lower() for w in _WORD.findall(sample)]
    vocabularies = [(code, table.get("detect", [])) for code, table in sorted(registry.languages.items())
                    if table.get("script") != "cjk"]
    vocabularies += sorted(registry.unsupported.get("words", {}).items())
    best, best_hits = "en", 0
    for code, vocabulary in vocabularies:
        known = {w.lower() for w in vocabulary}
        hits = sum(1 for w in words if w in known)
        if hits > best_hits:
            best, best_hits = code, hits
    if best_hits >= 3:
        return best
    # too few function words to tell (a one-sentence excerpt: "Bundeskanzler X empfing den
    # ungarischen Ministerpräsidenten Y"): a character-statistics identifier, among the languages
    # the registry knows, when it is sure; else English, the commonest language of readouts
    return _identified(sample, tuple(code for code, _ in vocabularies)) or "en"


# how sure the identifier must be (its probability among the candidates) to name a short text's
# language: team-written one-sentence readouts in de, es, pt and fr scored 0.93-0.9999, and
# "Wang Yi met Lavrov." (no telling words) 0.42 for French
_IDENTIFIER_CONFIDENCE = 0.8


def _identified(text: str, candidates: tuple[str, ...]) -> str | None:
    """The language py3langid gives ``text`` among ``candidates``, when it is sure of it."""
    identifier = _identifier(candidates)
    if identifier is None:
        return None
    code, probability = identifier.classify(text)
    return code if probability >= _IDENTIFIER_CONFIDENCE else None


@lru_cache(maxsize=4)
def _identifier(candidates: tuple[str, ...]):
    """py3langid's model restricted to ``candidates`` (loaded once per process, 0.5 s, and only
    for a short text: the function words decide every other)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = [code for code in candidates if code in identifier.nb_classes]
    if len(known) < 2:
        return None
    identifier.set_languages(known)
    return identifier


@lru_cache(maxsize=64)
def _script_class(ranges: tuple[tuple[int, int], ...]) -> re.Pattern[str]:
    return re.compile("[" + "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in ranges) + "]")


def _other_script(sample: str, letters: int, registry: Registry) -> str | None:
    """The language of a script the extractor does not read when most letters are in it
    (any kana at all beside CJK characters: Japanese)."""
    scripts = registry.unsupported.get("script", {})
    if not letters or not scripts:
        return None
    every = tuple(tuple(r) for script in scripts.values() for r in script["ranges"])
    if len(_script_class(every).findall(sample)) <= 0.05 * letters:
        return None  # (one pass) too few letters of any of these scripts
    for name, script in scripts.items():
        count = len(_script_class(tuple(tuple(r) for r in script["ranges"])).findall(sample))
        share = 0.05 if name == "kana" else 0.3
        if count / letters > share:
            variants = [(sum(sample.count(ch) for ch in chars), code) for code, chars in script.get("letters", {}).items()]
            hits, code = max(variants, default=(0, ""))
            return code if hits >= 3 else script["lang"]
    return None


@dataclass
class Layout:
    lang: str
    headline: Line | None
    body: list[Sentence]  # headline first (paragraph -1) when there is one, then the body
    published: dt.date | None
    published_line: Line | None
    publisher_country: str | None
    boilerplate: list[Line]
    # a month-only stamp ("2022-11") gives no publication date but the year of day-and-month dates
    year_anchor: dt.date | None = None
    # a labelled stamp with a day and month only ("Dernière mise à jour à 08h46 le 13/09"): the
    # day the copy was filed, its year left to the reader
    copy_day: tuple[int, int] | None = None
    # on a page with no stamp of either kind, the days its address fixes a partial date in
    # (kg.extract.dates.address_span): never the publication date
    address: tuple[dt.date, dt.date] | None = None


# A date written year first with digits ("2024-08-13", "2020/07/22 09:15", "2022-11"): page
# furniture, a stamp, wherever it stands: readouts' prose never writes dates that way.
STAMP = re.compile(r"(?<![\d.:/-])(?P<y>(?:19|20)\d\d)(?P<sep>[-/.:])(?P<m>0?[1-9]|1[0-2])"
                   r"(?:(?P=sep)(?P<d>0?[1-9]|[12]\d|3[01]))?"
                   r"(?:[ T.]+\d{1,2}:\d{2}(?::\d{2})?)?(?![\d.:/-]*\d)")
# a stamp glued to the start of a line of text (" date 2021-11-19 ANKARA, November 19. /TASS/ ...")
_LEADING_STAMP = re.compile(r"^(?:date\s*:?\s*)?" + STAMP.pattern + r"\s+(?=\S.{19})", re.DOTALL)
# or day first, in digits ("02-04-2010 Beijing Rundschau Telefongespräch zwischen ...")
_LEADING_DAY_FIRST = re.compile(r"^(?:0?[1-9]|[12]\d|3[01])(?P<sep>[-/.])(?:0?[1-9]|1[0-2])(?P=sep)(?:19|20)\d\d\s+(?=\S.{19})",
                                re.DOTALL)


_TIME_OF_DAY = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:]\d)")
_STAMP_LINE = re.compile(r"(?:date\s*:?\s*)?" + STAMP.pattern)



def _split_leading_stamps(lines: list[Line]) -> list[Line]:
    """Lines with a stamp glued to their start cut in two: the stamp, then the text."""
    out = []
    for line in lines:
        m = _LEADING_STAMP.match(line.text) or _LEADING_DAY_FIRST.match(line.text)
        if m is None:
            out.append(line)
            continue
        stamp_end = line.start + len(m.group().rstrip())
        rest_start = line.start + m.end()
        out.append(Line(line.start, stamp_end, line.text[:stamp_end - line.start]))
        out.append(Line(rest_start, line.end, line.text[rest_start - line.start:]))
    return out


# "News Politique Sénégal/France: ... Publié le vendredi 6 mai 2022 | aDakar.com": a label
# and the full date it introduces closing a line of site furniture, a few words at most between
_LABEL_GAP = 14  # characters between a label and its date: "le", "on", a weekday
_LABEL_TAIL = 40  # characters after the date: "| aDakar.com", a time of day


def _split_labelled_stamps(lines: list[Line], words: dict, limit: int = 15) -> list[Line]:
    """Lines near the top that close with a labelled publication date cut in two: the text,
    then the label and its date (a header line of its own)."""
    labels = sorted(words.get("header", {}).get("labels", []) + _LABELS, key=len, reverse=True)
    out = []
    for index, line in enumerate(lines):
        cut = _labelled_stamp_start(line.text, labels, words) if index < limit else None
        if cut is None:
            out.append(line)
            continue
        head = line.text[:cut].rstrip(" |-–—·•\t")
        out.append(Line(line.start, line.start + len(head), head))
        out.append(Line(line.start + cut, line.end, line.text[cut:]))
    return out


def _labelled_stamp_start(text: str, labels: list[str], words: dict) -> int | None:
    """Where a label that introduces the line's closing full date starts, when text stands
    before it (a line that opens with its label is a header line as it is)."""
    low = text.lower()
    if not any(label.lower() in low for label in labels) or not any(c.isdigit() for c in text):
        return None  # no label, or no date to close the line: most lines of a page (and cheap to see)
    for mention in find_dates(text, words):
        if not (mention.absolute and mention.year) or len(text) - mention.end > _LABEL_TAIL:
            continue
        for label in labels:
            at = low.rfind(label.lower(), 0, mention.start)
            gap = text[at + len(label):mention.start] if at > 0 else ""
            if at > 0 and len(gap) <= _LABEL_GAP and not any(c.isdigit() for c in gap) and \
                    not text[at - 1].isalnum() and not _SENTENCE_END.search(text[mention.end:]):
                return at
    return None


# "— Cancillería de Cuba (@CubaMINREX) October 16, 2019": the signature an embedded social-media
# post closes with, its author, handle and day (in the language the embed was saved in)
_POST_SIGNATURE = re.compile(r"^\s*[—–-]{1,2}\s*[^()\n]{1,80}\(@\w{1,30}\)\s+(?P<day>\S.{4,30})$")


def _post_date(lines: list[Line], words: dict, latin: dict | None) -> dt.date | None:
    """The day of the first post embedded in the page: a page that dates nothing else went up
    with the post it quotes, that day or just after."""
    for line in lines:
        m = _POST_SIGNATURE.match(line.text)
        if m is None:
            continue
        for table in (words, latin) if latin else (words,):
            found = [d for d in find_dates(m.group("day"), table) if d.absolute and d.year]
            if found:
                try:
                    return dt.date(found[0].year, found[0].month, found[0].day)  # type: ignore[arg-type]
                except ValueError:
                    return None
    return None


def _stamp_dates(text: str, limit: int = 3000) -> tuple[dt.date | None, dt.date | None]:
    """The first full stamp near the top of the page, and the last day of the month of the
    first month-only one."""
    full = month = None
    for m in STAMP.finditer(text, 0, min(len(text), limit)):
        year, mon = int(m.group("y")), int(m.group("m"))
        try:
            if m.group("d") and full is None:
                full = dt.date(year, mon, int(m.group("d")))
            elif not m.group("d") and month is None:
                month = (dt.date(year + mon // 12, mon % 12 + 1, 1) - dt.timedelta(days=1))
        except ValueError:
            continue
    return full, month


def _dated_list(lines: list[Line], words: dict) -> bool:
    """Whether ``lines`` below a page's body carry dates of different days ("国际新闻精选: -
    2026年03月06日 20:15:18 - 2026年03月05日 ..."): a box listing other items, whose dates
    are none of them the page's own."""
    return len({day for line in lines if (day := _header_date(line, words))}) > 1


def _is_boilerplate(line: Line, words: dict) -> bool:
    text = line.text
    furniture = words.get("boilerplate", {})
    if any(cue in text for cue in furniture.get("contains", [])) and len(text) < 200:
        return True
    if "©" in text or "ICP" in text or re.search(r"公网安备|备案号|版权所有|网站标识码", text):
        return True
    menu = {w.lower() for w in furniture.get("menu", [])}
    tokens = text.replace("|", " ").replace("/", " ").replace(">", " ").split()
    if tokens and len(text) < 80 and all(t.lower() in menu or not any(ch.isalnum() for ch in t) for t in tokens):
        return True
    if text.count("|") >= 2 and len(text) < 160:  # a menu bar: "中文 | English | Français"
        return True
    if _cjk_menu(text):
        return True
    if _BARE_ADDRESS.fullmatch(text) and address_day(text.strip()) is None:
        # a share link ("https://p.dw.com/p/2XPbn"); a source's address with its day in it
        # (".../2020-02/20/c_13...") is kept: the page's only year may be that one
        return True
    if re.fullmatch(r"[\W\d_]*", text) or _STAMP_LINE.fullmatch(text):  # separators, page numbers, stamps
        return True
    # breadcrumbs; a Chinese sentence closed inside the line ("...视频会晤。全文>>>") is a lead
    # glued to a link, not a trail of section names
    if len(text) < 120 and re.search(r"\s[>»›]\s|\S[>»›]\S", text) and not re.search(r"[.。]$", text) \
            and "。" not in text:
        return True
    return False


_BARE_ADDRESS = re.compile(r"\s*(?:https?://|www\.)\S+\s*")  # a line that is only a web address
_MENU_ITEMS = 6  # space-separated words a line of Chinese site sections has at least
_MENU_WORD = 4  # characters a section's name has at most ("首页", "国际", "夕阳红")


def _cjk_menu(text: str) -> bool:
    """"首页 国际 港澳 华人 中国 社会 ...": Chinese prose puts no spaces between its words, so a
    line of many short space-separated Chinese words and no punctuation is a site's menu bar,
    however long (not the body's first paragraph)."""
    if text.count(" ") < _MENU_ITEMS - 1 or not is_cjk(text.strip()[:1] or "a"):
        return False  # most lines: few spaces, or not opening in Chinese (and cheap to see)
    tokens = text.split()
    return len(tokens) >= _MENU_ITEMS and all(len(t) <= _MENU_WORD and all(is_cjk(c) for c in t) for t in tokens)


_BUTTONS = re.compile(r"【[^】]*】|\[[^\]]*\]")


_LABELS = ["发布时间", "发布日期", "時間", "时间", "日期", "来源", "來源", "Fecha", "date"]


def _labelled(line: Line, words: dict) -> bool:
    low = line.text.lower()
    return any(label.lower() in low for label in words.get("header", {}).get("labels", []) + _LABELS)


# "le 13/09", "13/09": day and month in digits, day first, no year
_DAY_MONTH = re.compile(r"(?<![\d/.:-])(0?[1-9]|[12]\d|3[01])/(0?[1-9]|1[0-2])(?![\d/])")


def _header_day_month(line: Line, words: dict) -> tuple[int, int] | None:
    """Day and month of a short labelled header line that gives no year ("Dernière mise à
    jour à 08h46 le 13/09")."""
    if len(line.text) > 80 or not _labelled(line, words) or find_dates(line.text, words):
        return None
    found = _DAY_MONTH.findall(line.text)
    if len(found) != 1:
        return None
    day, month = (int(x) for x in found[0])
    return month, day


# a release's number glued to its day-first date: "229-12-02-2022" is release 229 of 12 February 2022
_NUMBERED_DATE = re.compile(r"\d{1,5}-(0?[1-9]|[12]\d|3[01])-(0?[1-9]|1[0-2])-((?:19|20)\d\d)")


# a line of prose goes on past its date and ends as a sentence does, with a word then a full stop,
# before any short bracketed end mark ("谢锋于2023年5月23日抵美履新。(完)"): no date line (a
# release's "1 March 2024 – Ottawa – Global Affairs Canada." goes on past dashes, a place's
# abbreviation "10/7/2021 Washington D.C." is no word before its stop)
_SENTENCE_END = re.compile(r"(?:[^\W\d][。．]|[^\W\d]{2}\.)\s*(?:[(（][^()（）]{1,6}[)）])?\s*$")


_FIELDS = re.compile(r"\s*[|｜]\s*")  # the separators of a bar of fields ("site.cn | 25. 09. 2015 | Editor: X")


def _header_date(line: Line, words: dict) -> dt.date | None:
    """The date of a short header line ("Mis à jour : 2021-01-22", "2023-02-04 11:14")."""
    if len(line.text) > 120:
        return None
    numbered = _NUMBERED_DATE.fullmatch(line.text.strip())
    if numbered:
        day, month, year = (int(x) for x in numbered.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    labels = words.get("header", {}).get("labels", []) + _LABELS
    if any(word in line.text for word in words.get("header", {}).get("as_of", [])):
        return None  # "2022.08.01 00:00 기준": the stamp of a box on the page ("as of")
    mentions = [m for m in find_dates(line.text, words) if m.absolute and m.year]
    if not mentions:
        return None
    date_chars = sum(m.end - m.start for m in mentions)
    labelled = any(label.lower() in line.text.lower() for label in labels)
    # page buttons in brackets ("【打印】【关闭】", "[Print]") and spacing do not make a line less of a date line
    rest = " ".join(_BUTTONS.sub(" ", line.text).split())
    # a news dateline opens with the date: "Le 1er mars 2024 – Ottawa (Ontario) – Affaires mondiales Canada"
    dateline = mentions[0].start <= 4 and len(line.text) <= 100
    after = line.text[mentions[-1].end:]
    prose = bool(_SENTENCE_END.search(after)) and not re.search(r"\s[-–—|]\s", after)
    # "site.cn | 25. 09. 2015 | Editor: ...": a date that is a whole field of a bar of fields is the page's stamp
    field = "|" in line.text and any(line.text[m.start:m.end] in _FIELDS.split(line.text) for m in mentions)
    if labelled or field or (not prose and (dateline or date_chars >= 0.35 * len(rest))) or \
            re.search(r"\d{1,2}:\d{2}", line.text):
        m = mentions[0]
        try:
            return dt.date(m.year, m.month, m.day)  # type: ignore[arg-type]
        except ValueError:
            return None
    return None


def _foot_date(line: Line, words: dict) -> dt.date | None:
    """The one full date of a closing note that says when the item went out ("Diese Nachricht
    wurde am 11.11.2024 im Programm gesendet.", ``[header] foot``): a line of prose that is
    the page's stamp, read only at the foot, where no report of an encounter stands."""
    phrases = words.get("header", {}).get("foot", [])
    if len(line.text) > 160 or not any(p.lower() in line.text.lower() for p in phrases):
        return None
    found = [m for m in find_dates(line.text, words) if m.absolute and m.year]
    if len(found) != 1:
        return None
    try:
        return dt.date(found[0].year, found[0].month, found[0].day)  # type: ignore[arg-type]
    except ValueError:
        return None


def _latin_date(text: str, latin: dict, limit: int = 400) -> dt.date | None:
    """A full date in Latin script standing apart near the top of a Chinese page ("Mar 30, 2022"
    on a line of its own, or between the headline and the lead with Chinese on both sides): the
    page's date, read with the English words of ``latin``."""
    for m in find_dates(text[:limit], latin):
        if not (m.absolute and m.year):
            continue
        before, after = text[:m.start], text[m.end:limit]
        # spaced off from what is around it, and what is around it is Chinese or a line's end
        spaced = before[-1:] in ("", " ", "\t", "\n") and after[:1] in ("", " ", "\t", "\n")
        before, after = before.rstrip(" \t"), after.lstrip(" \t")
        if spaced and (not before or before.endswith("\n") or is_cjk(before[-1])) and \
                (not after or after.startswith("\n") or is_cjk(after[0])):
            try:
                return dt.date(m.year, m.month, m.day)  # type: ignore[arg-type]
            except ValueError:
                return None
    return None


def _release_dateline(line: Line, words: dict) -> bool:
    """A press release's dateline: a full date in words opening the line, then a dash and a place
    ("November 19, 2021 – Ottawa, Ontario – Global Affairs Canada", "Le 1er mars 2024 – Ottawa")."""
    if len(line.text) > 100 or STAMP.search(line.text):
        return False
    first = next((m for m in find_dates(line.text, words) if m.absolute and m.year), None)
    return first is not None and first.start <= 4 and re.match(r"\s*[–—-]\s*\w", line.text[first.end:]) is not None


_MINISTRY = re.compile(r"ministry|minist[eè]re|ministerio|embassy|ambassade|embajada|consulate|consulat|consulado|"
                       r"department|département|departamento|office|canciller[ií]a|assembl[ée]e|parliament|parlement|parlamento|"
                       r"senate|sénat|senado|presidency|présidence|presidencia|government|gouvernement|gobierno|"
                       r"外交部|大使馆|大使館|领事馆|领事館|政府", re.IGNORECASE)


def _publisher(lines: list[Line], registry: Registry, matches: list[Match] | None = None,
               url: str | None = None, publisher: str | None = None) -> str | None:
    """The state whose ministry, embassy or agency published the page: as the page names it,
    else as the manifest's url and publisher name do."""
    domains = registry.publishers.get("domains", {})
    names = registry.publishers.get("names", {})
    for line in lines[:3]:
        inside = [m for m in matches or [] if line.start <= m.start < line.end]
        # "中国政府特使薛冰会见埃塞俄比亚副总理": a line reporting the encounter is a headline, not a masthead
        if _MINISTRY.search(line.text) and len(line.text) < 160 and not any(m.kind.startswith("event.") for m in inside):
            states = [m for m in inside if m.kind in ("state", "adj")]
            if states:
                return states[0].value
    for line in lines[:6] + lines[-6:]:
        low = line.text.lower()
        for domain, code in domains.items():
            if domain in low:
                return code
        for name, code in names.items():
            if name in line.text:
                return code
    for domain, code in domains.items():
        if url and domain in url.lower():
            return code
    for name, code in names.items():
        if publisher and name in publisher:
            return code
    return None


def page_words(registry: Registry, lang: str, publisher_country: str | None) -> dict:
    """The language's words as this page reads them: numeric dates month first ("10/7/2021",
    October 7) where the publisher's state writes them so (``publishers.toml`` [dates]
    month_first), else day first."""
    words = registry.lang(lang)
    if publisher_country and publisher_country in registry.publishers.get("dates", {}).get("month_first", []):
        words = {**words, "dates": {**words.get("dates", {}), "month_first": True}}
    return words


def _is_paragraph(line: Line, cjk: bool, sizes: dict | None = None) -> bool:
    """Body text rather than page furniture: long, or a full sentence. ``sizes`` (``[layout]
    paragraph`` of a language that packs more into a word, as Korean: {chars, words}) lowers both."""
    text = line.text
    if cjk:
        han = sum(1 for c in text if is_cjk(c))
        return han >= 48 or (han >= 12 and text.endswith(("。", "！", "？", "”")))
    chars, words = (sizes or {}).get("chars", 140), (sizes or {}).get("words", 12)
    return len(text) >= chars or (len(text.split()) >= words and text.endswith((".", "!", "?", "»", '"', "”")))


def _repeated_title(kept: list[Line], index: int) -> bool:
    """A line printed again at once (the page's title, then the article's own heading) is the
    headline, however long: the body starts after its last copy, below any stamp between."""
    text = kept[index].text.strip()
    if text.endswith((".", "。", "．")):
        return False  # a lead printed twice (a summary, then the text) is still the lead
    return any(line.text.strip() == text for line in kept[max(0, index - 2):index] + kept[index + 1:index + 3])


def _reports_encounter(line: Line, matches: list[Match]) -> bool:
    return any(line.start <= m.start < line.end and m.kind.startswith("event.") for m in matches)


def _headline_score(line: Line, matches: list[Match]) -> int:
    inside = [m for m in matches if line.start <= m.start < line.end]
    score = sum(3 for m in inside if m.kind.startswith("event.")) + sum(2 for m in inside if m.kind in ("person", "title"))
    return score + sum(1 for m in inside if m.kind in ("state", "adj", "org"))


def read_layout(text: str, registry: Registry, lang: str | None = None, published: str | None = None,
                matches: list[Match] | None = None, url: str | None = None, publisher: str | None = None) -> Layout:
    lang = lang or detect_language(text, registry)
    cjk = registry.is_cjk(lang)
    lines = _split_leading_stamps(split_lines(text))
    if not cjk:  # a hard-wrapped page: a sentence cut at a line end is one sentence
        wrap = registry.lang(lang).get("layout", {}).get("wrap_words", [])
        lines = join_wrapped(text, lines, frozenset(wrap))
    matches = matches or []
    publisher_country = _publisher(lines, registry, matches, url, publisher)
    words = page_words(registry, lang, publisher_country)
    lines = _split_labelled_stamps(lines, words)
    boilerplate: list[Line] = []
    kept: list[Line] = []
    for line in lines:
        furniture = _is_boilerplate(line, words)
        if furniture and (len(line.text) < 80 or _labelled(line, words)) and _header_date(line, words) is not None:
            # "2023-02-21 23:40" is the date line, not furniture; so is a labelled date in a
            # bar of site furniture ("site.cn | Mis à jour le 27. 03. 2014 | Mots clés : ...")
            furniture = False
        (boilerplate if furniture else kept).append(line)
    sizes = words.get("layout", {}).get("paragraph")
    first_paragraph = next((i for i, line in enumerate(kept) if _is_paragraph(line, cjk, sizes)
                            and not _repeated_title(kept, i)), len(kept))
    # the date line: a short header line near the top, before or just after the headline
    pub_date = dt.date.fromisoformat(published) if published else None
    pub_line: Line | None = None
    headers = []
    # every line above the body is a header line, however long the site's menu above it; past
    # the body's start, the first 12 lines
    for index, line in enumerate(kept[:max(12, first_paragraph)]):
        if headers and index >= first_paragraph:
            break  # the header lines above the body are all that is compared
        header = _header_date(line, words)
        # "2021年3月2日，王毅同X通电话。": a line that reports an encounter is text, whatever it opens with
        if header is not None and (_labelled(line, words) or not _reports_encounter(line, matches)):
            headers.append((line, header))
    if _dated_list(kept[first_paragraph:first_paragraph + 12], words):
        headers = [(line, header) for line, header in headers if line.start < kept[first_paragraph].start]
    copy_line, copy_day = next(((line, found) for line in kept[:min(12, first_paragraph)]
                                if (found := _header_day_month(line, words)) is not None), (None, None))
    if headers:
        # a labelled date ("发布时间：2018-01-01") over a bare one (the time the page was saved)
        # among the header lines above the body
        top = [(line, header) for line, header in headers if first_paragraph < len(kept)
               and line.start < kept[first_paragraph].start]
        labelled = [(line, header) for line, header in top if _labelled(line, words)]
        stamped = [(line, header) for line, header in top if STAMP.search(line.text)]
        # "November 19, 2021 – Ottawa, Ontario – Global Affairs Canada": a release's own dateline
        # over any stamp the page was saved with
        released = [(line, header) for line, header in top if _release_dateline(line, words)]
        # "السبت 8 يونيو 2024" atop the page, then "عرب وعالم 13-1-2022 | 20:23" under the
        # headline: a bare date above a dated line that gives the time of day is the site's
        # banner (the day the page was saved); the line with the time is the article's
        timed = [(line, header) for line, header in top if _TIME_OF_DAY.search(line.text)]
        if timed and top and not _TIME_OF_DAY.search(top[0][0].text) and timed[0][1] < top[0][1]:
            top = timed
        pub_line, header = (released or labelled or stamped or top or headers)[0]
        pub_date = pub_date or header
    # the headline: among the short lines before the body, the one that reads most like one
    candidates = [line for line in kept[:first_paragraph] if line is not pub_line and line is not copy_line
                  and len(line.text) < 300]
    headline = max(reversed(candidates), key=lambda line: _headline_score(line, matches), default=None)
    if headline is not None and _headline_score(headline, matches) == 0 and len(candidates) > 1:
        headline = candidates[-1]
    content = [line for line in kept[first_paragraph:] if line is not pub_line]
    if not content and headline is not None:
        content, headline = [headline], None
    body = split_sentences(text, content, cjk, "." in words.get("dates", {}).get("ordinal_suffixes", []))
    if headline is not None:
        body.insert(0, Sentence(headline.start, headline.end, headline.text, -1))
    if pub_date is None and not _dated_list(lines[-4:], words):
        # some pages put the date at the foot ("(Source: ..., 22 January 2021)")
        for line in reversed(lines[-4:]):
            candidate = _header_date(line, words) or (
                None if _reports_encounter(line, matches) else _foot_date(line, words))
            if candidate:
                pub_date = candidate
                break
    if pub_date is None and cjk and "en" in registry.languages:
        pub_date = _latin_date(text, registry.lang("en"))
    if pub_date is None:
        pub_date = _post_date(lines, words, registry.lang("en") if "en" in registry.languages else None)
    stamp, month_stamp = _stamp_dates(text)
    pub_date = pub_date or stamp  # a stamp inside a line of text ("...会晤。2020-07-22 新闻和报纸摘要")
    return Layout(lang, headline, body, pub_date, pub_line, publisher_country, boilerplate,
                  None if pub_date else month_stamp, None if pub_date else copy_day,
                  None if pub_date or month_stamp else address_span(url))

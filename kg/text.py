"""Text utilities that keep character offsets exact: folding, lines, sentences."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["fold", "simplified", "without_glosses", "to_original", "is_cjk", "Line", "Sentence", "split_lines", "join_wrapped", "split_sentences", "normalise_space", "transliterate"]

_PUNCT_MAP = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u201e": '"',
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u3000": " ", "\t": " ", "\n": " ", "\r": " ",
    # Arabic: alif maqsura and the Persian forms of ya and kaf written for the Arabic ones,
    # and the Arabic comma, semicolon and question mark
    "\u0649": "\u064a", "\u06cc": "\u064a", "\u06a9": "\u0643", "\u060c": ",", "\u061b": ";", "\u061f": "?",
}


class _FoldTable(dict):
    """str.translate table computed lazily: one character in, one character out."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _PUNCT_MAP:
            out = _PUNCT_MAP[char]
        elif 0xAC00 <= code <= 0xD7A3:
            out = char  # a Hangul syllable: its decomposition is its letters, not an accent to drop
        else:
            base = unicodedata.normalize("NFD", char)[0]
            lowered = base.lower()
            out = lowered if len(lowered) == 1 else base
        self[code] = out
        return out


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case, accent-free, quote-normalised copy of ``text`` of the *same length*.

    Matching runs on the folded text, so every match's offsets index the original text.
    """
    return text.translate(_FOLD)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` with traditional Chinese characters in their simplified forms (OpenCC), of
    the *same length*, so offsets found in it index ``text``; ``text`` itself when it holds
    nothing to convert. Where OpenCC's phrase conversion changes the length, each character
    is converted on its own instead."""
    converted = _t2s().convert(text)
    if converted == text:
        return text
    if len(converted) == len(text):
        return converted
    convert = _t2s().convert
    return "".join(c if len(c := convert(ch)) == 1 else ch for ch in text)


# A reading gloss written right after a Han character: "習(xí)近平", "國(guó)", "王毅(おう・き)",
# "金(キム)正恩", "(wang2)", "(ㄒㄧˊ)". Inside one pair of brackets (ASCII or full-width): lower-case
# pinyin words, each a run of syllables (an initial, one to three vowels, a final n, ng or r)
# with a tone mark or a tone digit; or only bopomofo; or only kana. Kept: an English or Spanish
# rendering ("王毅(Wang Yi)", "（Darío Filártiga）": capitalised), an agency or acronym ("(CGTN)",
# "(P5)"), a reporter's name ("(记者 张三)"), a number ("(03)").
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# after a character the page lost in conversion too ("今年?(yáng)東亞": "?" or U+FFFD)
_BRACKETED = re.compile(f"(?<=[{_HAN}?\ufffd])[(（]([^()（）\n]{{1,40}})[)）]")
_SYLLABLES = re.compile(f"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouü{_TONED}]{{1,3}}(?:ng|n|r)?){{1,4}}")
_TONE_MARK = re.compile(f"[{_TONED}]")
_TONE_DIGITS = re.compile("(?:[a-zü]+[1-5]){1,4}")
_READING = re.compile("[\u3100-\u312f\u31a0-\u31bf\u02c7\u02ca\u02cb\u02d9 ]+|[\u3041-\u3096\u30a1-\u30fa\u30fc・ ]+")
# cheap test before the search: no gloss without a tone-marked letter, a tone digit before a
# bracket, bopomofo or kana
_GLOSS_HINT = re.compile(f"[{_TONED}\u3041-\u3096\u30a1-\u30fa\u3100-\u312f]|[1-5][)）]")


def _gloss_kind(inner: str) -> str | None:
    """"toned", "bare" (pinyin-shaped, no tone: "men"), "reading" (bopomofo, kana) or None."""
    inner = inner.strip()
    if _READING.fullmatch(inner):
        return "reading"
    words = re.split(r"[ '’-]", inner)
    if not all(words):
        return None
    if all(_TONE_DIGITS.fullmatch(word) for word in words):
        return "toned"
    if not all(_SYLLABLES.fullmatch(word) for word in words):
        return None
    return "toned" if all(_TONE_MARK.search(word) for word in words) else "bare" if len(words) == 1 else None


def without_glosses(text: str) -> tuple[str, list[int] | None]:
    """``text`` with its reading glosses taken out (pinyin, bopomofo or kana in brackets right
    after a Han character: "習(xí)近平" reads 習近平), so names, titles and cues match through
    them; and, for each character of the result (and its end), its offset in ``text`` (None,
    and ``text`` itself, when there is no gloss). A lower-case syllable with no tone mark
    ("們(men)") is a gloss only on a page with a tone-marked one."""
    if not _GLOSS_HINT.search(text):
        return text, None
    kinds = [(match, _gloss_kind(match.group(1))) for match in _BRACKETED.finditer(text)]
    toned = any(kind == "toned" for _, kind in kinds)
    glosses = [match for match, kind in kinds if kind in ("toned", "reading") or (kind == "bare" and toned)]
    if not glosses:
        return text, None
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in glosses:
        pieces.append(text[position:match.start()])
        offsets.extend(range(position, match.start()))
        position = match.end()
    pieces.append(text[position:])
    offsets.extend(range(position, len(text) + 1))
    return "".join(pieces), offsets


def to_original(start: int, end: int, offsets: list[int]) -> tuple[int, int]:
    """A span [start, end) of :func:`without_glosses`'s text as a span of the original text:
    it covers the glosses inside it, so the original's words between its ends are the words
    the fact came from."""
    if end <= start:
        return offsets[start], offsets[start]
    return offsets[start], offsets[end - 1] + 1


def is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F


def normalise_space(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph (line) it belongs to


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with their offsets, surrounding white space trimmed."""
    lines = []
    for match in re.finditer(r"[^\n\r\u2028\u2029]+", text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        lines.append(Line(start, start + len(stripped), stripped))
    return lines


# a line that ends so has ended its sentence (or is a label: "Date:")
_LINE_CLOSED = (".", "!", "?", ":", ";", "»", '"', "”", "’", ")", "]", "|", "。", "！", "？", "؟")


def join_wrapped(text: str, lines: list[Line], function_words: frozenset[str] = frozenset(),
                 min_words: int = 6) -> list[Line]:
    """Lines of a hard-wrapped page joined into the paragraphs they were cut from, so a
    sentence cut at a line end stays one sentence. A line continues onto the next when it
    ends without closing punctuation, is long enough to be text (``min_words``) rather than
    a headline, date or menu, the next line follows it directly (no blank line between) and
    plainly goes on: it begins in lower case, or
    the line ends with a comma or a function word ("...support to the"). Scripts without
    case (CJK) are left alone. The joined line is a span of ``text``: offsets stay exact."""
    out: list[Line] = []
    for line in lines:
        if out and _continues(out[-1], line, text, function_words, min_words):
            previous = out.pop()
            line = Line(previous.start, line.end, text[previous.start:line.end])
        out.append(line)
    return out


def _continues(line: Line, following: Line, text: str, function_words: frozenset[str], min_words: int) -> bool:
    gap = text[line.end:following.start]
    if gap.strip() or gap.count("\n") != 1:  # a blank line ends a paragraph: never joined across
        return False
    if line.text.endswith(_LINE_CLOSED) or len(line.text.split()) < min_words:
        return False
    last, first = line.text[-1], following.text[0]
    if is_cjk(last) or is_cjk(first) or not first.isalnum():
        return False
    if first.islower():
        return True
    return last == "," or fold(line.text.rsplit(None, 1)[-1]) in function_words


# French sets » off with a (no-break) space: "... pays. » Le Kazakhstan" ends a sentence.
# Arabic has no capitals: a stop (or ؟) before an Arabic letter ends a sentence.
_LATIN_END = re.compile(r"[.!?؟]+(?:[\"'»”’)\]]|[ \u00a0\u202f]»)*(?=\s+(?:[\"'«“‘(\[]\s?)?[A-ZÀ-ÝĀ-ſА-ЯЁ0-9¿¡\u0621-\u064a])")
# a full stop with no space between a lower-case word and a capitalised one ("region.The"):
# no abbreviation, number or web address is written so
_GLUED_END = re.compile(r"(?<=[a-zà-ÿа-яё]{3})[.!?](?=[A-ZÀ-ÝА-ЯЁ][a-zà-ÿа-яё]+\s)")
_CJK_END = re.compile(r"[。！？!?]+[”’」』》\"']*|；(?=\S)")
_ABBREVIATION = re.compile(
    r"(?:\b(?:M|Mr|Mrs|Ms|Mme|Mlle|Dr|Drs|St|Sr|Sra|Jr|No|Nos|Gen|Sen|Rep|Prof|Amb|Gov|Lt|Col|Adm|"
    r"Hon|Excmo|Excma|Sres|Vol|art|etc|vs|Ph|Sgt|Capt|Maj|Mgr|S\.E|H\.E|U\.S|U\.K|U\.N|E\.U|EE\.UU|"
    r"D\.C|a\.m|p\.m|S\.A|Ud|Uds|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|janv|févr|avr|juil|sept|oct|nov|déc|"
    r"ene|feb|abr|jun|jul|ago|set|dic|г|гг|т\.е|т\.д|т\.п|им|ул|тыс|млн|млрд|и\.о|Mag|Dipl|Ing|bzw|ca|usw|vgl|sog|Nr)|\b[A-ZА-ЯЁ]|(?<![\w])[\u0621-\u064a])\.$"
)
# "am 12. Januar", "des 13. Gipfeltreffens": an ordinal written with a full stop
_ORDINAL = re.compile(r"(?<![\w.-])\d{1,3}\.$")


def split_sentences(text: str, lines: list[Line], cjk: bool, ordinal_stop: bool = False) -> list[Sentence]:
    """Sentences of the given lines (paragraphs), offsets into ``text``. ``ordinal_stop``: the
    language writes ordinals with a full stop ("am 12. Januar", "des 13. Gipfeltreffens"), so a
    short number and its stop end no sentence."""
    sentences: list[Sentence] = []
    for index, line in enumerate(lines):
        cuts = [line.start]
        pattern = _CJK_END if cjk else _LATIN_END
        found = list(pattern.finditer(line.text))
        if not cjk:  # "...in the region.The top diplomats ...": sentences glued by a scraped page
            found = sorted(found + list(_GLUED_END.finditer(line.text)), key=lambda m: m.start())
        for match in found:
            end = line.start + match.end()
            if not cjk:
                head = text[max(line.start, end - 12) : line.start + match.start() + 1]
                if _ABBREVIATION.search(head):
                    continue
                if ordinal_stop and _ORDINAL.search(head):
                    continue
            cuts.append(end)
        cuts.append(line.end)
        for start, end in zip(cuts, cuts[1:]):
            chunk = text[start:end]
            left = len(chunk) - len(chunk.lstrip())
            right = len(chunk.rstrip())
            if right > left:
                sentences.append(Sentence(start + left, start + right, chunk[left:right], index))
    return sentences


def transliterate(text: str, table: dict) -> str:
    """``text`` in Latin letters by a language's table (``[transliteration]`` in its lang
    file: ``letters`` one by one, ``initial`` at a word's start and after a vowel, as
    BGN/PCGN writes Russian е as "ye" there). Letters the table lacks are kept. A script
    without capitals (Arabic) may add ``words`` (name words in their usual Latin spelling,
    one or two words), ``prefixes`` (a word's start, "ال" -> "al-") and ``capitalize``
    (each word's first letter)."""
    words: dict[str, str] = table.get("words", {})
    prefixes: dict[str, str] = table.get("prefixes", {})
    if not (words or prefixes or table.get("capitalize")):
        return _by_letters(text, table)
    parts = re.split(r"(\s+)", text)
    out = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if i % 2:  # the spaces between words
            out.append(part)
            i += 1
            continue
        pair = f"{part} {parts[i + 2]}" if i + 2 < len(parts) else None
        if pair in words:
            out.append(words[pair])
            i += 3
            continue
        if part in words:
            out.append(words[part])
            i += 1
            continue
        head, rest = "", part
        for prefix in sorted(prefixes, key=len, reverse=True):
            if part.startswith(prefix) and len(part) > len(prefix) + 1:
                head, rest = prefixes[prefix], part[len(prefix):]
                break
        latin = _by_letters(rest, table)
        if table.get("capitalize"):
            latin = latin[:1].upper() + latin[1:]
        out.append(head + latin)
        i += 1
    return "".join(out)


def _by_letters(text: str, table: dict) -> str:
    letters: dict[str, str] = table.get("letters", {})
    initial: dict[str, str] = table.get("initial", {})
    vowels = set(table.get("vowels", ""))
    out = []
    previous = ""
    for char in text:
        low = char.lower()
        start = not previous.isalpha() or previous.lower() in vowels
        latin = initial.get(low) if start and low in initial else letters.get(low)
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char != low and latin else latin)
        previous = char
    return "".join(out)


def _name_fold(name: str) -> str:
    """Case and accents folded, every non-alphanumeric a space: how two spellings of one
    name are compared (unlike :func:`fold`, offsets need not be kept)."""
    decomposed = unicodedata.normalize("NFD", name.casefold())
    return " ".join("".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c)).split())


def names_match(a: str, b: str) -> bool:
    """Equal after case and accent folding, or one a token subset of the other."""
    fa, fb = _name_fold(a), _name_fold(b)
    if fa == fb:
        return True
    ta, tb = set(fa.split()), set(fb.split())
    return bool(ta) and bool(tb) and (ta <= tb or tb <= ta)

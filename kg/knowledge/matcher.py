"""A dictionary matcher: finds every lexicon phrase in a text in one left-to-right pass.

Phrases are compared on the folded text (lower case, no accents, normalised quotes),
except acronyms, which must match exactly ("US" is not "us", "UN" is not "un").
Latin-script phrases must start and end on word boundaries; CJK phrases need none.
Matching is leftmost-longest and non-overlapping, so "Vice-Premier Ministre" wins over
"Premier Ministre" and "non-ingérence" over "ingérence".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable, Iterable

from kg.text import fold, is_cjk

__all__ = ["Entry", "Match", "Gazetteer", "Matches", "within", "overlapping"]

_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9.\-&+]*[A-Z0-9.]$")


@dataclass(frozen=True)
class Entry:
    kind: str  # e.g. "state", "title", "topic", "stance.support"
    value: str  # e.g. "KAZ", "foreign_minister", "Xinjiang", ""


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    kind: str
    value: str
    text: str

    def __repr__(self) -> str:  # compact in test failures
        return f"<{self.kind}:{self.value} {self.text!r}@{self.start}>"


class Matches(list):
    """Matches in text order, with the ones starting in a span found by bisection, so that
    reading a long text sentence by sentence stays linear."""

    def within(self, start: int, end: int) -> list[Match]:
        if not hasattr(self, "_starts") or len(self._starts) != len(self):
            self._starts = [m.start for m in self]
        return self[bisect_left(self._starts, start):bisect_left(self._starts, end)]


def within(matches: list[Match], start: int, end: int) -> list[Match]:
    """The matches starting in [start, end): by bisection when ``matches`` is a
    :class:`Matches`, else by a scan (a hand-made list in a test)."""
    if isinstance(matches, Matches):
        return matches.within(start, end)
    return [m for m in matches if start <= m.start < end]


def overlapping(matches: list[Match], start: int, end: int) -> list[Match]:
    """The matches that share a character with [start, end) (a phrase is at most
    ``_LONGEST`` characters, so only those starting that far before need a look)."""
    return [m for m in within(matches, max(0, start - _LONGEST), end) if m.end > start]


_LONGEST = 600

# Arabic vowel marks (harakat, shadda, sukun, dagger alif) and the tatweel are optional in
# writing: they are read through, so "قيس سعيّد" matches the lexicon's "قيس سعيد"
_MARKS = frozenset(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, 0x0640])
_NO_MARKS = {ord(c): None for c in _MARKS}


def _needs_boundary(char: str) -> bool:
    return char.isalnum() and not is_cjk(char) and not "\u3040" <= char <= "\u30ff"


class Gazetteer:
    """Compiled phrase lexicon. Add phrases, then call :meth:`find`."""

    def __init__(self, inflect: Callable[[str], list[str]] | None = None,
                 inflected_kinds: Iterable[str] = (), normalise: Callable[[str], str] | None = None) -> None:
        self._entries: dict[str, list[tuple[Entry, str | None]]] = {}
        # every prefix of a phrase's folded key -> the entries of the phrase it spells (empty
        # for a prefix only): one lookup per character tells both whether to read on and what matched
        self._index: dict[str, list[tuple[Entry, str | None]] | tuple[()]] = {}
        # a language that inflects names and titles: every form of such a phrase is listed
        self._inflect = inflect
        self._inflected_kinds = frozenset(inflected_kinds)
        # a language whose text is converted before matching (Japanese kanji read through the
        # simplified-Chinese rules): its phrases are converted the same way, so they still match
        self._normalise = normalise

    def add(self, phrase: str, kind: str, value: str = "") -> None:
        phrase = " ".join(phrase.split())
        if self._normalise is not None:
            phrase = self._normalise(phrase)
        if not phrase:
            return
        if self._inflect is not None and kind in self._inflected_kinds:
            for form in self._inflect(phrase):
                self._add(form, kind, value)
        else:
            self._add(phrase, kind, value)

    def _add(self, phrase: str, kind: str, value: str) -> None:
        if len(phrase) > _LONGEST:
            raise ValueError(f"a lexicon phrase of {len(phrase)} characters (at most {_LONGEST}): {phrase[:40]!r}...")
        exact = phrase if _ACRONYM.match(phrase) and any(c.isupper() for c in phrase) else None
        key = fold(phrase).translate(_NO_MARKS)
        if not key:
            return
        bucket = self._entries.setdefault(key, [])
        entry = (Entry(kind, value), exact)
        if entry not in bucket:
            bucket.append(entry)
        index = self._index
        index[key] = bucket
        # every key's prefixes are in the index: stop at the first one already there
        i = len(key) - 1
        while i > 0 and key[:i] not in index:
            index[key[:i]] = ()
            i -= 1

    def add_all(self, phrases: Iterable[str], kind: str, value: str = "") -> None:
        for phrase in phrases:
            self.add(phrase, kind, value)

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, text: str, folded: str | None = None) -> list[Match]:
        """Leftmost-longest, non-overlapping matches; one Match per entry of the phrase.

        Phrases are single-spaced, so they never match across a paragraph break."""
        folded = fold(text) if folded is None else folded
        index = self._index
        n = len(folded)
        out: Matches = Matches()
        position = 0
        marked = not _MARKS.isdisjoint(folded)  # vowel marks are rare: look for them only where some are
        for start_match in _CANDIDATE_START.finditer(folded):
            i = start_match.start()
            if i < position:
                continue
            bucket = index.get(folded[i])
            if bucket is None:
                continue
            best: tuple[int, list[tuple[Entry, str | None]]] | None = None
            j = i + 1
            key = folded[i]
            while True:
                # a vowel mark after the phrase's last letter belongs to it ("سعيّد")
                while marked and j < n and folded[j] in _MARKS:
                    j += 1
                if bucket and (j == n or not (_needs_boundary(key[-1]) and _needs_boundary(folded[j]))):
                    original = text[i:j]
                    kept = [(e, x) for e, x in bucket if x is None or x == original]
                    if kept:
                        best = (j, kept)
                j += 1
                if j > n:
                    break
                key += folded[j - 1]
                bucket = index.get(key)
                if bucket is None:
                    break
            if best is None:
                continue
            j, kept = best
            for entry, _ in kept:
                out.append(Match(i, j, entry.kind, entry.value, text[i:j]))
            position = j
        return out


# where a phrase may start: any CJK character, or a non-space character at a word start
# Japanese kana, like CJK characters, are written without spaces: a phrase may start at any of them
_CANDIDATE_START = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|(?<![^\W_])[^\s]|(?<=_)[^\s]|(?<=[\u3040-\u30ff\u3400-\u9fff])\S|[^\w\s]")

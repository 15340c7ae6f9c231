"""Inflected forms of lexicon phrases, from rules in a language's data file.

Languages that inflect names and titles ("Лавров", "Лаврова", "Лаврову"; "Außenministers";
"والصين", "بالرئيس") are matched by listing every form of each phrase in the gazetteer, so
the matcher stays one exact, offset-preserving pass. The forms come from a ``[morphology]``
table in ``lang/<code>.toml``:

- ``paradigms``: word-final letters -> rows of endings, one slot per case, ``-`` for none
  (``"й" = ["й я ю я ем е"]``: Китай, Китая, Китаю, Китай, Китаем, Китае). The longest final
  that fits a word wins; a final of ``""`` fits any word (a consonant stem).
- ``proclitics``: particles written joined to the next word (Arabic و ب ل ف ك), and
  ``article`` ("ال"), which ل fuses with ("للصين").

Every word of a phrase may keep its form or take the case's ending ("министра иностранных
дел": the head noun inflects, the genitive after it does not); the forms never collide with
the text's other words in practice, and forms no text contains cost only memory."""

from __future__ import annotations

import itertools
from typing import Any

__all__ = ["Morphology"]

# More forms than this for one phrase in one case is a phrase too long to inflect word by word.
_MAX_PER_CASE = 64


class Morphology:
    def __init__(self, table: dict[str, Any] | None) -> None:
        table = table or {}
        self.min_length = int(table.get("min_length", 3))
        self.paradigms: list[tuple[str, list[list[str]]]] = sorted(
            ((final, [[("" if e == "-" else e) for e in row.split()] for row in rows])
             for final, rows in table.get("paradigms", {}).items()),
            key=lambda item: len(item[0]), reverse=True)
        self.letters = table.get("letters", "")  # the script's letters: only such words inflect
        self.proclitics: list[str] = list(table.get("proclitics", []))
        self.article: str = table.get("article", "")
        self.enabled = bool(self.paradigms or self.proclitics)

    def _inflectable(self, word: str) -> bool:
        return len(word) >= self.min_length and (not self.letters or all(c in self.letters for c in word.lower()))

    def _word_forms(self, word: str) -> list[set[str]]:
        """The forms of one word per case (the word itself in every case)."""
        if not self.paradigms or not self._inflectable(word):
            return []
        low_final = word.lower()
        for final, rows in self.paradigms:
            if low_final.endswith(final) and len(word) - len(final) >= 2:
                stem = word[: len(word) - len(final)]
                cases = max(len(row) for row in rows)
                return [{word} | {stem + row[c] for row in rows if c < len(row)} for c in range(cases)]
        return []

    def forms(self, phrase: str) -> list[str]:
        """``phrase`` and its inflected forms, the phrase first."""
        if not self.enabled:
            return [phrase]
        words = phrase.split(" ")
        per_word = [self._word_forms(w) for w in words]
        cases = max((len(f) for f in per_word), default=0)
        out = [phrase]
        for c in range(cases):
            options = [sorted(f[c]) if c < len(f) else [w] for w, f in zip(words, per_word)]
            for combo in itertools.islice(itertools.product(*options), _MAX_PER_CASE):
                out.append(" ".join(combo))
        out += [form for base in list(out) for form in self._with_proclitics(base)]
        return list(dict.fromkeys(out))

    def _with_proclitics(self, phrase: str) -> list[str]:
        """"الصين" -> "والصين", "بالصين", "للصين"...: particles joined to the first word."""
        if not self.proclitics:
            return []
        forms = [p + phrase for p in self.proclitics]
        if self.article and phrase.startswith(self.article):
            bare = phrase[len(self.article):]
            forms += [p + "ل" + self.article[1:] + bare for p in ("", "و", "ف")]  # ل + ال -> لل
        return forms

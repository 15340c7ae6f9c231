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
- ``conjunctions``: particles joined to any word, so cue words (verbs, stance nouns) take
  them as well ("وأكد", "ودعم"); cue words get no other form.
- ``suffixes``: particles written joined to the end of a word (Korean 중국과, 장관은, 미국의),
  on every phrase whose last letter is in ``suffix_ranges``, cue words included; and
  ``cue_endings``: verb endings joined to cue words only (통화했다, 지지하였다).

Every word of a phrase may keep its form or take the case's ending ("министра иностранных
дел": the head noun inflects, the genitive after it does not); the forms never collide with
the text's other words in practice, and forms no text contains cost only memory."""

from __future__ import annotations

import itertools
import re
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
        # particles joined to a word's end (Korean): on phrases ending in a letter of these ranges
        self.suffixes: list[str] = list(table.get("suffixes", []))
        self.cue_endings: list[str] = list(table.get("cue_endings", []))
        self.suffix_ranges = [(int(low), int(high)) for low, high in table.get("suffix_ranges", [])]
        self.enabled = bool(self.paradigms or self.proclitics or self.suffixes)
        # conjunctions written joined to any word (Arabic و ف): cue words take them too ("وأكد")
        self.conjunctions: list[str] = list(table.get("conjunctions", []))
        # word ends the language never has ("consonant + й" in Russian): no base form ends so
        self.never_final = [re.compile(pattern) for pattern in table.get("never_final", [])]
        # words that inflect by no rule ("посол", "посла": its endings would make "после"): forms per case
        self.irregular: dict[str, list[str]] = {word.lower(): [("" if f == "-" else f) for f in row.split()]
                                                for word, row in table.get("irregular", {}).items()}

    def _inflectable(self, word: str) -> bool:
        return len(word) >= self.min_length and (not self.letters or all(c in self.letters for c in word.lower()))

    def _word_forms(self, word: str) -> list[set[str]]:
        """The forms of one word per case (the word itself in every case)."""
        if not self.paradigms or not self._inflectable(word):
            return []
        if word.lower() in self.irregular:
            return [{word} | ({_like(word, form)} if form else set()) for form in self.irregular[word.lower()]]
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
        out += [base + suffix for base in list(out) if self._takes_suffixes(base) for suffix in self.suffixes]
        return list(dict.fromkeys(out))

    def _takes_suffixes(self, phrase: str) -> bool:
        """Whether particles join the end of ``phrase`` (its last letter is of the language's script)."""
        return bool(phrase) and any(low <= ord(phrase[-1]) <= high for low, high in self.suffix_ranges)

    def _paradigm(self, word: str) -> tuple[str, list[list[str]]] | None:
        """The paradigm a word in its base form takes (the longest final that fits)."""
        low = word.lower()
        for final, rows in self.paradigms:
            if low.endswith(final) and len(word) - len(final) >= 2:
                return final, rows
        return None

    def _bases(self, word: str, case: int) -> list[str]:
        """The base forms of which ``word`` is the form of ``case`` (itself when it has no paradigm)."""
        if not self._inflectable(word):
            return [word]
        found = [_like(word, base) for base, row in self.irregular.items() if case < len(row) and row[case] == word.lower()]
        for final, rows in self.paradigms:
            for row in rows:
                if case >= len(row) or len(row[0]) < len(final):
                    continue
                ending = row[case]
                if not word.lower().endswith(ending) or len(word) - len(ending) < 2:
                    continue
                base = word[: len(word) - len(ending)] + row[0]
                if base.lower().endswith(final) and self._paradigm(base) == (final, rows) and \
                        not any(p.search(base.lower()) for p in self.never_final):
                    found.append(base)
        # the commonest reading first: a plain stem ("Назарбаевым" -> "Назарбаев", not "Назарбаевый")
        return sorted(dict.fromkeys(found), key=len)

    def cases_of(self, word: str, bases: set[str]) -> set[int]:
        """The cases in which ``word`` is a form of one of ``bases`` (folded base forms, e.g. the
        first words of the titles): "министра" -> genitive and accusative of "министр"."""
        from kg.text import fold

        cases = max((len(row) for _, rows in self.paradigms for row in rows), default=0)
        found = {0} if fold(word) in bases else set()
        return found | {case for case in range(1, cases) if any(fold(b) in bases for b in self._bases(word, case))}

    def nominative(self, name: str, cases: set[int] | None = None) -> str:
        """A name as the text inflects it, in its base form: "Джоном Теффтом" -> "Джон Теффт",
        "Сергея Лаврова" -> "Сергей Лавров". ``cases``: the cases the name may stand in (those of
        the title before it: "послом ... Джоном Теффтом"); without them the name stays as
        written ("Мария Захарова" may be the genitive of a "Марий Захаров"). The case is the one
        every inflectable word of the name can be a form of (a later word may be a foreign name
        that does not inflect), and that the most words show an ending of; when none does, or
        two fit as well, the name stays as written."""
        if not self.paradigms or not cases or 0 in cases:
            return name
        words = re.split(r"([^\w\-]+)", name)
        best, best_changed = None, 0
        count = max((len(row) for _, rows in self.paradigms for row in rows), default=0)
        for case in sorted(c for c in cases if c < count):
            out, changed = [], 0
            for word in words:
                paradigm = self._paradigm(word) if word and re.match(r"\w", word) and self._inflectable(word) else None
                if paradigm is None:
                    out.append(word)
                    continue
                bases = self._bases(word, case)
                if not bases and all(len(row) == 1 for row in paradigm[1]):  # no case endings ("Моди")
                    out.append(word)
                    continue
                if not bases and out and out[-1] == " ":
                    out.append(word)  # after the first word: a foreign name that does not inflect ("Мирьяной Сполярич")
                    continue
                if not bases:
                    break
                out.append(bases[0])
                changed += bases[0] != word
            else:
                if changed > best_changed:
                    best, best_changed = "".join(out), changed
                elif changed == best_changed and best is not None and "".join(out) != best:
                    best = None  # two readings as good: leave it
        return best or name

    def cue_forms(self, phrases: list[str]) -> list[str]:
        """Cue words as written: each phrase, then with each joined conjunction ("أكد", "وأكد"),
        then with each particle and verb ending joined to its end ("통화를", "통화했다")."""
        out = [*phrases, *(c + p for p in phrases for c in self.conjunctions)]
        endings = self.suffixes + self.cue_endings
        out += [p + e for p in phrases if self._takes_suffixes(p) for e in endings]  # "통화했다", "지지를"
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


def _like(model: str, word: str) -> str:
    """``word`` with the capital of ``model`` ("Посол" -> "Посла")."""
    return word[:1].upper() + word[1:] if model[:1].isupper() else word

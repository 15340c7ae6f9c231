"""Speed-ups that must not change an answer (issue 11): a sentence's cues read once per readout,
and the lower-case check of a one-word name without a pattern per word."""

from __future__ import annotations

import kg.extract.events as events
from kg.extract.events import _cues, cue_memo
from kg.extract.finder import Mention, _Finder
from kg.knowledge.matcher import Match, Matches
from kg.text import Sentence

TEXT = "The Minister met his counterpart in Rome. They also held talks on trade."
FIRST = Sentence(0, 41, TEXT[0:41], 0)
SECOND = Sentence(42, len(TEXT), TEXT[42:], 0)


def _matches() -> Matches:
    return Matches([Match(13, 16, "event.meeting", "meeting", "met"), Match(59, 64, "event.talks", "talks", "talks")])


def _counting(monkeypatch) -> list[Sentence]:
    read: list[Sentence] = []
    original = events._read_cues

    def counted(matches, sentence, *rest):
        read.append(sentence)
        return original(matches, sentence, *rest)

    monkeypatch.setattr(events, "_read_cues", counted)
    return read


def test_a_sentence_asked_twice_in_one_readout_is_read_once(monkeypatch):
    read = _counting(monkeypatch)
    matches, words = _matches(), {}
    with cue_memo(TEXT, matches, words):
        assert _cues(matches, FIRST, TEXT, words, []) == ["meeting"]
        assert _cues(matches, FIRST, TEXT, words, []) == ["meeting"]
        assert _cues(matches, SECOND, TEXT, words, []) == ["talks"]
    assert read == [FIRST, SECOND]


def test_the_memo_ends_with_the_readout(monkeypatch):
    read = _counting(monkeypatch)
    matches, words = _matches(), {}
    with cue_memo(TEXT, matches, words):
        _cues(matches, FIRST, TEXT, words, [])
    _cues(matches, FIRST, TEXT, words, [])
    assert read == [FIRST, FIRST]


def test_where_the_persons_stand_is_part_of_the_question(monkeypatch):
    """An occasion clause naming a participant is the encounter itself: the persons' places
    change the answer, so another set of them is asked again."""
    read = _counting(monkeypatch)
    matches, words = _matches(), {}
    with cue_memo(TEXT, matches, words):
        _cues(matches, FIRST, TEXT, words, [])
        _cues(matches, FIRST, TEXT, words, [Mention(4, 12, "person", person="x")])
        _cues(matches, FIRST, TEXT, words, [Mention(4, 12, "state")])  # no person: the first question
    assert read == [FIRST, FIRST]


def test_a_caller_adding_to_its_cues_changes_no_later_answer():
    matches, words = _matches(), {}
    with cue_memo(TEXT, matches, words):
        cues = _cues(matches, FIRST, TEXT, words, [])
        cues += ["phone_call"]
        assert _cues(matches, FIRST, TEXT, words, []) == ["meeting"]


def test_another_documents_matches_get_their_own_answer():
    """Served only for the readout the memo was opened for: the same sentence span with other
    matches (another page, or a list a rule made) is read afresh."""
    matches, words = _matches(), {}
    other = Matches([Match(13, 16, "event.visit", "visit", "met")])
    with cue_memo(TEXT, matches, words):
        assert _cues(matches, FIRST, TEXT, words, []) == ["meeting"]
        assert _cues(other, FIRST, TEXT, words, []) == ["visit"]
        assert _cues(matches, FIRST, "", None, []) == ["meeting"]


def test_the_lower_case_check_needs_a_word_of_its_own(registry):
    """"Volonté" is written lower case only when "volonté" stands alone: not inside a longer
    word, nor joined by a hyphen or an apostrophe, and found after a joined occurrence too."""
    def finder(text: str) -> _Finder:
        return _Finder(text, registry, "fr", None)

    assert finder("La volonté commune.").written_lower("Volonté")
    assert not finder("Les volontés communes.").written_lower("Volonté")
    assert not finder("Une bonne-volonté et l'involonté.").written_lower("Volonté")
    assert not finder("Sa volonté’s.").written_lower("Volonté")
    assert finder("La bonne-volonté, puis la volonté.").written_lower("Volonté")
    assert not finder("La volonté.").written_lower("VO")

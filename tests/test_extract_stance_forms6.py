"""Stance forms of real readouts (issue 11, round 6), on short readouts the team wrote: a
congratulation joined after a thanks, and one whose congratulated party is not named in its
sentence, each test naming its rule."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def _stances(registry, text: str, lang: str | None = None) -> set[tuple]:
    document = Document(source="t.txt", text=textwrap.dedent(text), sha256="0" * 64, lang=lang)
    return {(e.endorser, e.stance, e.target, e.topic) for e in extract(document, registry).endorsements}


_CALL = """\
    Prime Minister's call with the President of Brazil

    London, 3 February 2023

    Prime Minister Rishi Sunak spoke to Brazilian President Luiz Inácio Lula da Silva on Friday.

    """


def test_a_verb_joined_after_a_thanks_is_a_predicate_of_its_own_and_him_is_the_other_party(registry):
    stances = _stances(registry, _CALL + "The Prime Minister thanked President Lula for his warm words and congratulated him on his inauguration last month.\n")
    assert stances == {("GBR", "congratulate", "BRA", "Taking office")}


def test_a_noun_joined_after_a_thanks_is_still_what_is_thanked_for(registry):
    stances = _stances(registry, _CALL + "The Prime Minister thanked President Lula for his warm words and support on the Amazon Fund.\n")
    assert not any(e[0] == "GBR" and e[1] == "support" for e in stances)


def test_felicitations_on_an_occasion_with_no_one_named_go_to_the_other_party(registry):
    stances = _stances(registry, """\
        Foreign Minister receives the Foreign Secretary of Nepal

        Islamabad, 25 February 2020

        Nepalese Foreign Secretary Shanker Das Bairagi called on Pakistani Foreign Minister Shah Mahmood Qureshi in Islamabad on Tuesday.

        Foreign Minister Qureshi extended felicitations on the 65th anniversary of diplomatic relations between the two countries.
        """)
    assert stances == {("PAK", "congratulate", "NPL", None)}

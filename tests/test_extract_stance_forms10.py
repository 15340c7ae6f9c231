"""Endorsement forms of real readouts (issue 11, round 10), on short readouts the team wrote
in the style of agency and ministry pages: each test names its rule and fails without it."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def _stances(registry, text: str, lang: str = "en") -> set[tuple]:
    document = Document(source="t.txt", text=textwrap.dedent(text), sha256="0" * 64, lang=lang)
    return {(e.endorser, e.stance, e.target, e.topic) for e in extract(document, registry).endorsements}


def test_backing_taiwan_itself_is_no_stance_on_the_taiwan_question(registry):
    # the Taiwan question is China's position (ANNOTATION.md §7): a state that backs Taiwan's
    # place in the world backs the party, with no topic
    stances = _stances(registry, """\
        外交部長接見巴拉圭外交部長

        2024年3月5日，外交部長林佳龍接見來訪的巴拉圭外交部長羅培茲。

        羅培茲表示，巴拉圭將持續支持台灣參與國際組織。
        """, lang="zh")
    assert ("PRY", "support", "TWN", None) in stances
    assert not any(target == "TWN" and topic == "Taiwan" for _, _, target, topic in stances)

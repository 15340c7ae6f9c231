"""Endorsement forms of real readouts (issue 11, round 12), on short readouts the team wrote
in the style of agency and ministry pages: each test names its rule and fails without it."""

from __future__ import annotations

from readouts import extract_text, stances


def _stances(registry, text: str, lang: str = "en") -> set[tuple]:
    return stances(extract_text(registry, text, lang))


def test_with_respect_to_is_a_preposition_not_respect(registry):
    # "cooperation with respect to climate change and Afghanistan": "respect" in the
    # preposition backs no one
    stances = _stances(registry, """\
        Blinken meets Wang Yi

        WASHINGTON, 4 March 2024 - Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Washington on Monday.

        Blinken said that the two countries have found new cooperation with respect to a number of issues, including climate change and Afghanistan.
        """)
    assert stances == set()


def test_a_speech_verb_joined_by_and_ends_the_object_of_the_stance_before(registry):
    # "welcomed the end of the siege and agreed that it is a great day for the Kenyan people":
    # what the second verb says is no object of the welcome
    stances = _stances(registry, """\
        President Biden speaks with President Ruto

        WASHINGTON, 4 March 2024 - President Joseph Biden spoke by phone with President William Ruto of Kenya on Monday.

        The two leaders welcomed the end of the siege and agreed that it is a great day for the Kenyan people and the African Union.
        """)
    assert not any(target == "KEN" or topic == "AU" for _, _, target, topic in stances)


def test_an_aim_judged_good_is_no_stance_taken(registry):
    # "维护半岛和平稳定符合各方共同利益": a stance verb with no subject, whose clause a predicate
    # then judges, names an aim; a stance with a subject of its own still counts
    stances = _stances(registry, """\
        王毅同韩国外长通电话

        新华社北京2024年3月4日电 外交部长王毅4日同韩国外长赵兑烈通电话。

        王毅表示,维护朝鲜半岛和平稳定符合各方共同利益。赵兑烈表示,维护半岛和平稳定十分重要。

        赵兑烈表示,韩方坚定奉行一个中国政策。
        """, "zh")
    assert not any(topic == "Korean Peninsula" for *_, topic in stances)
    assert ("KOR", "support", "CHN", "One-China principle") in stances


def test_an_arabic_purpose_prefix_gives_the_stance_to_the_clause_subject(registry):
    # "أجرى X اتصالا مع Y لتهنئته" ("X called Y to congratulate him"): the prefix ل marks a
    # purpose, whose subject is the caller, not the one called
    stances = _stances(registry, """\
        وزير الخارجية يهنئ نظيره الإيراني

        القاهرة في 4 أغسطس 2013 - أجرى وزير الخارجية المصري نبيل فهمي اليوم اتصالاً هاتفياً مع محمد جواد ظريف وزير خارجية إيران الجديد لتهنئته بمناسبة توليه مهام منصبه.
        """, "ar")
    assert ("EGY", "congratulate", "IRN", "Taking office") in stances
    assert not any(endorser == "IRN" for endorser, *_ in stances)

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


def test_what_chinese_thanks_after_dui_is_thanked_for(registry):
    # "对默克尔的祝贺表示感谢", "对德方的支持表示感谢": the stance word between 对 and the thanks
    # after it is the other's, thanked for (ANNOTATION.md §3: thanks)
    stances = _stances(registry, """\
        李克强同默克尔通电话

        新华社北京2013年3月16日电 国务院总理李克强16日应约同德国总理默克尔通电话。

        默克尔祝贺李克强当选中国国务院总理。李克强对默克尔的祝贺和德方的支持表示感谢。
        """, "zh")
    assert stances == {("DEU", "congratulate", "CHN", "Election")}


def test_a_title_after_an_election_is_the_office_not_a_party(registry):
    # "祝贺他当选国家主席": 国家主席 names the office won, not the caller's own head of state
    stances = _stances(registry, """\
        奥巴马致电习近平

        新华社华盛顿2013年3月14日电 白宫表示,美国总统奥巴马今天致电中国领导人习近平,祝贺他当选国家主席,并表示美方期待与中方合作。
        """, "zh")
    assert stances == {("USA", "congratulate", "CHN", "Election")}


def test_what_a_reporter_asks_about_is_no_stance(registry):
    # "记者问起奥巴马致贺时": a question about a congratulation states none
    stances = _stances(registry, """\
        奥巴马致电习近平

        新华社华盛顿2013年3月14日电 美国总统奥巴马今天致电中国国家主席习近平,祝贺他当选国家主席。

        记者问起奥巴马习近平致贺时,白宫发言人卡尼表示,两国关系非常重要。
        """, "zh")
    assert stances == {("USA", "congratulate", "CHN", "Election")}


def test_concern_about_a_states_own_programme_opposes_that_state(registry):
    # "shared concern about Iran's nuclear programme": the topic phrase names the state whose
    # conduct concerns (ANNOTATION.md §7), though its name stands inside the topic
    stances = _stances(registry, """\
        Clinton meets Westerwelle

        WASHINGTON, March 4, 2010 - Secretary of State Hillary Clinton met German Foreign Minister Guido Westerwelle in Washington on Thursday.

        Westerwelle and Clinton also spoke about their shared concern about Iran's nuclear programme.
        """)
    assert stances == {("DEU", "oppose", "IRN", "Iran nuclear issue"), ("USA", "oppose", "IRN", "Iran nuclear issue")}


def test_concern_about_a_programme_no_state_owns_is_no_stance(registry):
    stances = _stances(registry, """\
        Clinton meets Westerwelle

        WASHINGTON, March 4, 2010 - Secretary of State Hillary Clinton met German Foreign Minister Guido Westerwelle in Washington on Thursday.

        Westerwelle and Clinton expressed concern about the Iran nuclear deal's future.
        """)
    assert stances == set()


def test_a_commitment_to_control_a_situation_is_a_task_not_a_stance(registry):
    # "working with utmost commitment to control the pandemic": a support noun followed by an
    # infinitive of a task is a plan; the support extended in the same sentence still counts
    stances = _stances(registry, """\
        Chinese Ambassador meets the Speaker of Sri Lanka

        COLOMBO, 4 May 2021 - Chinese Ambassador Qi Zhenhong met Speaker Mahinda Yapa Abeywardena in Colombo on Tuesday.

        The Chinese Ambassador said that China would continue to extend its full support to Sri Lanka for the control of the COVID-19 pandemic at a time when both countries are working with utmost commitment to control the COVID-19 pandemic.
        """)
    assert ("CHN", "support", "LKA", "COVID-19") in stances
    assert not any(target is None for _, _, target, _ in stances)

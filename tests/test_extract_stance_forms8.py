"""Chinese stance forms of real readouts (issue 11, round 7), on short readouts the team
wrote in the style of pages saved with their full-width commas folded to ASCII ("中方表示,支持..."):
each test names its rule and fails without it."""

from __future__ import annotations

import textwrap

from readouts import extract_text, stances


def _stances(registry, text: str) -> set[tuple]:
    return stances(extract_text(registry, text, "zh"))


def _talks(body: str) -> str:
    return textwrap.dedent("""\
        王毅同俄罗斯外长拉夫罗夫举行会谈

        2023-09-18

        9月18日,外交部长王毅在北京同俄罗斯外长拉夫罗夫举行会谈。

        """) + textwrap.dedent(body)


def test_an_ascii_comma_between_chinese_characters_ends_a_clause(registry):
    # the thanks governs its own clause only; the praise after the comma is a stance
    stances = _stances(registry, _talks("拉夫罗夫感谢中方的热情接待,赞赏中方在乌克兰问题上秉持的客观公正立场。\n"))
    assert ("RUS", "support", "CHN", "Ukraine") in stances


def test_a_preposition_in_an_earlier_clause_governs_no_actor_of_this_one(registry):
    stances = _stances(registry, """\
        王毅访问多哥

        2024-01-16

        1月16日,外交部长王毅抵达洛美,对多哥进行正式访问。

        多哥外长迪塞在机场对王毅说,多哥坚定奉行一个中国原则。
        """)
    assert ("TGO", "support", "CHN", "One-China principle") in stances


def test_a_chinese_stance_backs_what_stands_before_the_next_comma(registry):
    stances = _stances(registry, _talks("王毅说,中方坚持多边主义,携手应对新冠肺炎疫情,深化各领域合作。\n"))
    assert ("CHN", "support", None, "Multilateralism") in stances
    assert not {s for s in stances if s[3] == "COVID-19"}


def test_in_particular_after_a_comma_carries_the_object_on(registry):
    stances = _stances(registry, _talks("王毅表示,中方坚定捍卫联合国宪章的宗旨和原则,特别是不干涉内政原则。\n"))
    assert ("CHN", "support", None, "Non-interference") in stances


def test_being_pleased_to_see_a_party_do_something_backs_it(registry):
    stances = _stances(registry, """\
        李克强同德国总理举行视频会晤

        2020-06-16

        6月16日,国务院总理李克强同德国总理默克尔举行视频会晤。

        李克强表示,中方乐见欧盟保持团结和稳定。
        """)
    assert ("CHN", "support", "EU", None) in stances


def test_welcoming_a_party_to_take_part_is_an_invitation_not_a_stance(registry):
    body = """\
        习近平同法国总统马克龙通电话

        2019-09-20

        9月20日,国家主席习近平应约同法国总统马克龙通电话。

        习近平表示,中方欢迎法方作为主宾国参加下一届中国国际进口博览会。
        """
    assert not {s for s in _stances(registry, body) if s[0] == "CHN" and s[2] == "FRA"}
    # unless it names the body taken part in: backing the party's role in it (ANNOTATION.md §3)
    stances = _stances(registry, body.replace("欢迎法方作为主宾国参加下一届中国国际进口博览会", "欢迎法方作为对话伙伴积极参与上海合作组织的工作"))
    assert {s for s in stances if s[:3] == ("CHN", "support", "FRA")}
    stances = _stances(registry, body.replace("欢迎法方作为主宾国参加下一届中国国际进口博览会", "欢迎法方积极参与共建“一带一路”"))
    assert ("CHN", "support", "FRA", "Belt and Road Initiative") in stances
    # welcoming a step the other party takes is still support
    stances = _stances(registry, body.replace("欢迎法方作为主宾国参加下一届中国国际进口博览会", "欢迎法方坚持对外开放"))
    assert ("CHN", "support", "FRA", None) in stances


def test_two_fused_state_abbreviations_before_continue_are_a_joint_subject(registry):
    stances = _stances(registry, _talks("王毅说,中俄继续坚定支持多边主义。\n"))
    assert {("CHN", "support", None, "Multilateralism"), ("RUS", "support", None, "Multilateralism")} <= stances


def test_the_modal_should_of_one_character_blocks_a_stance_but_not_inside_a_longer_word(registry):
    stances = _stances(registry, _talks("王毅表示,各方应坚持多边主义,妥善处理分歧。\n"))
    assert not {s for s in stances if s[3] == "Multilateralism"}
    # "应对" (to cope with) holds the character and is no modal
    stances = _stances(registry, _talks("王毅表示,在共同应对全球性挑战的进程中,中方坚定支持多边主义。\n"))
    assert ("CHN", "support", None, "Multilateralism") in stances


def test_a_state_named_before_a_situation_noun_is_where_it_is_not_a_party_backed(registry):
    stances = _stances(registry, _talks("王毅表示,中方支持地区国家为推动也门问题政治解决所作的努力。\n"))
    assert not {s for s in stances if s[2] == "YEM"}


def test_congratulations_on_a_personal_occasion_are_courtesy(registry):
    stances = _stances(registry, _talks("王毅说,听说拉夫罗夫外长昨天过生日,衷心祝贺。\n"))
    assert not {s for s in stances if s[1] == "congratulate"}


def test_the_party_after_dui_before_a_stance_verb_is_its_target(registry):
    stances = _stances(registry, _talks("拉夫罗夫介绍了有关情况,对中方在伊朗核问题谈判中发挥的建设性作用表示赞赏。\n"))
    assert ("RUS", "support", "CHN", "Iran nuclear issue") in stances


def test_a_noun_closing_its_clause_after_yu_is_no_name_nor_a_target(registry):
    """"促进世界和平与发展。": "发展" after "与" is no counterpart's name, so no party is backed."""
    stances = _stances(registry, _talks("中俄都坚定支持多边主义、致力于促进世界和平与发展。\n"))
    assert {s for s in stances if s[3] == "Multilateralism"} == {("CHN", "support", None, "Multilateralism"),
                                                                 ("RUS", "support", None, "Multilateralism")}


def test_a_provocation_with_no_topic_named_is_opposed_on_none(registry):
    """Interference and smears concern internal affairs; a provocation does not (ANNOTATION.md §3)."""
    stances = _stances(registry, _talks("王毅指出,日本右翼势力不断挑衅,破坏地区和平稳定。\n"))
    assert ("CHN", "oppose", "JPN", None) in stances
    assert ("CHN", "oppose", "JPN", "Non-interference") not in stances


def test_a_stance_word_among_the_subjects_of_a_discussion_is_no_stance(registry):
    stances = _stances(registry, _talks("双方就坚持多边主义、维护地区和平稳定等问题深入交换了意见。\n"))
    assert not {s for s in stances if s[3] == "Multilateralism"}


def test_the_body_whose_chair_is_backed_may_be_named_after_the_stance(registry):
    stances = _stances(registry, _talks("王毅表示,中方支持俄方作为轮值主席国开展工作,推动上海合作组织取得更大发展。\n"))
    assert ("CHN", "support", "RUS", "SCO") in stances


_JA_TALKS = """\
    日中外相会談

    令和5年4月2日

     本2日、林芳正外務大臣は、北京において秦剛中国外交部長と会談を行ったところ、概要は以下のとおりです。
    """


def test_a_japanese_welcome_of_a_party_taking_part_is_an_invitation(registry):
    """Verb last: what the welcomed party is to do stands before "歓迎"."""
    text = textwrap.dedent(_JA_TALKS) + "2 秦部長は、日本が中国国際輸入博覧会に積極的に参加することを歓迎した。\n"
    assert not {(endorser, target) for endorser, _, target, _ in stances(extract_text(registry, text, "ja"))} \
        & {("CHN", "JPN")}

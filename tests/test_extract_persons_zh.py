"""kg.extract.persons and chains on Chinese pages: a known foreign name that only starts a
longer one, titles written after the name, a state that posts an envoy to a place the lexicon
does not know (issue 11)."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def _people(registry, text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    document = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang="zh")
    extraction = extract(document, registry)
    return [(p.country, p.name, tuple(p.roles)) for e in extraction.events for p in e.participants]


def test_a_known_transliteration_glued_to_more_of_it_is_a_longer_name(registry):
    """"拉米雷斯" starts with "拉米" (David Lammy) but names someone else: the foreign minister is
    Peru's, and nobody British takes part."""
    people = _people(registry, """\
        新华社北京4月8日电 4月8日，国务委员兼外长王毅在北京会见秘鲁外交部长拉米雷斯。
        拉米雷斯表示，秘方愿同中方加强合作。
        """)
    assert "GBR" not in {country for country, _, _ in people}
    assert ("PER", "拉米雷斯") in {(country, name[:4]) for country, name, _ in people} or \
        any(country == "PER" and "foreign_minister" in roles for country, _, roles in people)


def test_a_title_after_a_known_name_is_that_persons(registry):
    """"傅达耀大使曾任…": the title follows the name; "曾任" after it is no official."""
    people = _people(registry, """\
        赖清德总统今日上午接受巴拉圭新任驻台大使傅达耀（Darío Filártiga）呈递到任国书。
        傅达耀大使曾任巴拉圭总统顾问。
        """)
    names = [name for _, name, _ in people]
    assert not any("曾任" in name or "Zeng" in name for name in names)
    assert "Darío Filártiga" in names  # the Latin gloss after the name is the name (test_extract_persons_around)


def test_a_state_posting_an_envoy_to_an_unknown_place_is_the_envoys(registry):
    """"巴拉圭新任驻台大使": Paraguay posts the envoy, whatever state the next sentences name."""
    people = _people(registry, """\
        赖清德总统今日上午接受巴拉圭新任驻台大使傅达耀呈递到任国书。
        傅达耀表示，巴国视中华民国台湾与美国为首要合作伙伴。
        """)
    envoys = [country for country, _, roles in people if "ambassador" in roles]
    assert envoys == ["PRY"]


def test_ministerial_rank_and_presidential_office_after_a_title_name_nobody(registry):
    """"部长级政治顾问", "总统府提供": "级" and "府" continue the title; they start no name."""
    people = _people(registry, """\
        赖清德总统今日上午接受巴拉圭新任驻台大使傅达耀呈递到任国书。（总统府提供）
        傅达耀曾任巴拉圭部长级政治顾问。
        """)
    names = [name for _, name, _ in people]
    assert not any(name.startswith(("级", "府")) or "Jizheng" in name or "Fu Tigong" in name for name in names)



def test_a_latin_gloss_naming_someone_else_overrides_a_shared_transliteration(registry):
    """"巴罗(Tim Barrow)": 巴罗 is also Jean-Noël Barrot's name in the registry, but the gloss
    shares no word with his: the page's British adviser is not the French minister."""
    people = _people(registry, """\
        新华社北京3月2日电 外交部长王毅2日应约同英国国家安全事务顾问巴罗(Tim Barrow)通电话。
        巴罗表示，英方愿同中方保持沟通。
        """)
    assert "FRA" not in {country for country, _, _ in people}
    assert ("GBR", "Tim Barrow") in {(country, name) for country, name, _ in people}


def test_a_latin_gloss_agreeing_with_the_registry_keeps_the_official(registry):
    """"巴罗(Jean-Noël Barrot)": the gloss names the registry's official; he stays French."""
    people = _people(registry, """\
        新华社北京3月2日电 外交部长王毅2日同法国外长巴罗(Jean-Noël Barrot)通电话。
        """)
    assert ("FRA", "Jean-Noël Barrot") in {(country, name) for country, name, _ in people}


def test_a_known_name_glued_to_a_chinese_verb_stays_the_official(registry):
    """"老挝总理通伦共同主持": Chinese glues the verb to the name; 共同 is no given name."""
    people = _people(registry, """\
        新华社北京8月24日电 国务院总理李克强24日在北京以视频方式同老挝总理通伦共同主持澜沧江—湄公河合作领导人会议。
        """)
    assert "LAO" in {country for country, _, _ in people}

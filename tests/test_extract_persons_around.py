"""Leaders named around an encounter, not in it: the one accompanied, the one whose words are
passed on, the one attending another event; and Latin names glossed after Chinese ones."""

from __future__ import annotations

import textwrap

import pytest

from kg.extract import extract
from kg.extract.persons import attends_other
from kg.knowledge.matcher import Match
from kg.model import Document


def _participants(registry, text: str, lang: str) -> set[tuple[str, str]]:
    document = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang)
    return {(p.country, p.name) for e in extract(document, registry).events for p in e.participants}


@pytest.mark.parametrize("text, lang", [
    ("""\
        2019年6月12日，正在比什凯克陪同习近平主席出席上海合作组织峰会的外交部长王毅应约同美国国务卿蓬佩奥通电话。

        王毅表示，中方愿同美方保持沟通。
        """, "zh"),
    ("""\
        BISHKEK, June 12, 2019 - Chinese Foreign Minister Wang Yi, accompanying President Xi Jinping at the summit, held a phone call with U.S. Secretary of State Mike Pompeo on Wednesday.
        """, "en"),
    ("""\
        Le 12 juin 2019, le ministre chinois des Affaires étrangères Wang Yi, qui accompagne le président Xi Jinping au sommet, s'est entretenu par téléphone avec le secrétaire d'État américain Mike Pompeo.
        """, "fr"),
])
def test_the_leader_a_participant_accompanies_takes_no_part(registry, text, lang):
    found = _participants(registry, text, lang)
    assert ("CHN", "Wang Yi") in found and ("USA", "Mike Pompeo") in found
    assert ("CHN", "Xi Jinping") not in found


def test_a_chinese_leader_accompanied_as_the_main_verb_stays(registry):
    found = _participants(registry, """\
        2019年6月12日，王毅陪同习近平主席在比什凯克会见美国国务卿蓬佩奥。
        """, "zh")
    assert ("CHN", "Xi Jinping") in found


@pytest.mark.parametrize("text, lang", [
    ("""\
        2019年6月12日，驻华大使傅泰安转达了美国总统特朗普对王毅的问候，王毅在北京会见傅泰安。
        """, "zh"),
    ("""\
        BEIJING, June 12, 2019 - Chinese Foreign Minister Wang Yi met U.S. Secretary of State Mike Pompeo, who conveyed the greetings of President Donald Trump, in Beijing on Wednesday.
        """, "en"),
])
def test_the_one_whose_words_are_passed_on_takes_no_part(registry, text, lang):
    found = _participants(registry, text, lang)
    assert ("CHN", "Wang Yi") in found
    assert ("USA", "Donald Trump") not in found


def test_the_one_greeted_after_the_sender_stays(registry):
    found = _participants(registry, """\
        2019年6月12日，王毅在北京会见美国国务卿蓬佩奥。王毅转达了习近平主席对特朗普总统的问候。
        """, "zh")
    assert ("USA", "Mike Pompeo") in found


def test_a_leader_said_to_attend_a_summit_later_is_no_attendee(registry):
    found = _participants(registry, """\
        王毅同日本外相河野太郎通电话

        新华社北京6月26日电 国务委员兼外长王毅26日应约同日本外相河野太郎通电话。

        王毅表示，习近平主席即将赴日出席大阪二十国集团领导人峰会。
        """, "zh")
    assert found == {("CHN", "Wang Yi"), ("JPN", "Taro Kono")}


@pytest.mark.parametrize("text, other", [
    ("王毅等出席。", False), ("王毅参加会见。", False), ("习近平出席大阪二十国集团领导人峰会。", True),
    ("出席會(huì)見。", False),
])
def test_an_attendance_word_with_an_object_names_another_event(text, other):
    cue = "出席" if "出席" in text else "参加"
    at = text.index(cue)
    assert attends_other(text, Match(at, at + len(cue), "event.present", "", cue)) is other


def test_a_latin_gloss_after_a_chinese_name_is_the_name(registry):
    found = _participants(registry, """\
        2021年3月2日，外交部长王毅在北京会见巴拉圭新任驻华大使马丁内斯（Carlos Alberto Martínez Rojas）。
        """, "zh")
    assert ("PRY", "Carlos Alberto Martínez Rojas") in found


def test_a_foreign_minister_written_in_cyrillic_is_the_registry_person(registry):
    found = _participants(registry, """\
        Москва, 12 марта 2016 года. Министр иностранных дел России Сергей Лавров провел телефонный разговор с министром иностранных дел Великобритании Филипом Хэммондом.
        """, "ru")
    assert ("GBR", "Philip Hammond") in found


@pytest.mark.parametrize("text, lang, counterpart", [
    ("""\
        Москва, 12 марта 2016 года. Министр иностранных дел России Сергей Лавров провел телефонные переговоры с Гидо Вестервелле, своим коллегой из Германии.
        """, "ru", "DEU"),
    ("""\
        MOSCOW, March 12, 2016 - Russian Foreign Minister Sergey Lavrov held a phone call with Guido Westerwelle, his German counterpart, on Saturday.
        """, "en", "DEU"),
])
def test_a_counterpart_word_set_after_a_known_name_gives_the_post(registry, text, lang, counterpart):
    document = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang)
    events = extract(document, registry).events
    roles = {p.country: set(p.roles) for e in events for p in e.participants}
    assert roles.get(counterpart) == {"foreign_minister"}


def test_an_opposite_number_holds_the_same_post(registry):
    document = Document(source="t.txt", text="Berlin, 6 March 2012 - Federal Foreign Minister Guido Westerwelle today phoned his "
                        "American opposite number, Hillary Clinton.\n", sha256="0" * 64, lang="en")
    roles = {p.country: set(p.roles) for e in extract(document, registry).events for p in e.participants}
    assert roles.get("USA") == {"foreign_minister"}


@pytest.mark.parametrize("text, expected", [
    ("""\
        LONDON, 27 January 2025 - Donald Trump and Keir Starmer held a phone call on Sunday evening.
        The Prime Minister congratulated the President on his inauguration.
        """, {"head_of_government"}),
    # the registry's offices say who held that post: a bare title nobody named held gives nothing
    ("""\
        LONDON, 27 January 2025 - Donald Trump and Keir Starmer held a phone call on Sunday evening.
        The Foreign Secretary joined the call.
        """, set()),
])
def test_a_bare_title_stands_for_the_one_named_who_held_that_office(registry, text, expected):
    document = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang="en")
    roles = {p.name: set(p.roles) for e in extract(document, registry).events for p in e.participants}
    assert roles.get("Keir Starmer") == expected


def test_a_counterpart_also_named_to_a_party_post_keeps_the_state_post(registry):
    document = Document(source="t.txt", text="Berne, le 12 mars 2021 - Le ministre suisse des Affaires étrangères Ignazio Cassis a reçu vendredi "
                        "son homologue chinois Wang Yi, par ailleurs membre du Bureau politique.\n",
                        sha256="0" * 64, lang="fr")
    roles = {p.name: set(p.roles) for e in extract(document, registry).events for p in e.participants}
    assert roles.get("Wang Yi") == {"foreign_minister", "party_leader"}


def test_the_leader_an_adviser_serves_takes_no_part(registry):
    found = _participants(registry, """\
        BEIJING, Feb. 25, 2022 - Chinese Foreign Minister Wang Yi on Friday held a phone conversation with Emmanuel Bonne, diplomatic counselor to French President Emmanuel Macron.
        """, "en")
    assert ("FRA", "Emmanuel Bonne") in found and ("FRA", "Emmanuel Macron") not in found


def test_an_assistant_to_the_president_named_after_it_stays(registry):
    found = _participants(registry, """\
        WASHINGTON, March 3, 2022 - Assistant to the President for National Security Affairs Jake Sullivan held a call with Chinese Foreign Minister Wang Yi on Thursday.
        """, "en")
    assert ("USA", "Jake Sullivan") in found


def test_leaders_of_a_meeting_being_prepared_take_no_part(registry):
    found = _participants(registry, """\
        KUALA LUMPUR, Oct. 27, 2025 - Secretary of State Marco Rubio met Chinese Foreign Minister Wang Yi on Monday to discuss preparations for a meeting between President Donald Trump and President Xi Jinping.
        """, "en")
    assert found == {("USA", "Marco Rubio"), ("CHN", "Wang Yi")}


def test_the_leader_whose_event_a_participant_came_for_takes_no_part(registry):
    found = _participants(registry, """\
        2022年5月9日，赴韩国出席尹锡悦总统就职仪式的国家副主席王岐山在首尔会见韩国总统文在寅。
        """, "zh")
    assert ("CHN", "Wang Qishan") in found and ("KOR", "Moon Jae-in") in found
    assert ("KOR", "Yoon Suk-yeol") not in found


def test_a_pronoun_before_a_counterpart_word_stands_for_the_one_named_before(registry):
    document = Document(source="t.txt", text=textwrap.dedent("""\
        External Affairs Minister S. Jaishankar in Tokyo

        TOKYO, March 3, 2023 - He held talks on Friday with his Japanese counterpart Yoshimasa Hayashi.
        """), sha256="0" * 64, lang="en")
    roles = {p.name: set(p.roles) for e in extract(document, registry).events for p in e.participants}
    assert roles.get("Yoshimasa Hayashi") == {"foreign_minister"}

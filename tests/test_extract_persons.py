"""kg.extract.persons: who takes part, on tiny readouts written by the team."""

from __future__ import annotations

import textwrap

import pytest

from kg.extract import extract
from kg.model import Document


def _participants(registry, text: str, lang: str = "zh") -> list[tuple[str, str]]:
    document = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang)
    extraction = extract(document, registry)
    return [(p.country, p.name) for e in extraction.events for p in e.participants]


MEETING = """\
    李强会见日本首相石破茂

    2024-10-11 00:25

    当地时间10月10日晚，国务院总理李强在万象会见日本首相石破茂。

    李强表示，中方愿同日方一道，全面推进战略互惠关系。

    {attending}
    """


def test_chinese_official_attending_without_a_title(registry):
    """"吴政隆参加会见。": a bare Chinese name said to attend is a participant, in pinyin."""
    found = _participants(registry, MEETING.format(attending="吴政隆参加会见。"))
    assert ("CHN", "Wu Zhenglong") in found


def test_several_attendees_listed_with_deng(registry):
    found = _participants(registry, MEETING.format(attending="吴政隆、诸葛亮等陪同。"))
    assert {("CHN", "Wu Zhenglong"), ("CHN", "Zhuge Liang")} <= set(found)


@pytest.mark.parametrize("attending", [
    "双方有关官员参加会见。",
    "有关部门负责人参加会见。",
    "全体成员出席。",
    "万余人参加。",
    "高官出席。",
    "吴政隆出席东亚合作领导人会议。",  # attending a conference, not this meeting
])
def test_attendance_clauses_that_name_nobody(registry, attending):
    found = _participants(registry, MEETING.format(attending=attending))
    assert sorted(found) == [("CHN", "Li Qiang"), ("JPN", "Shigeru Ishiba")]


def test_minister_of_state_and_cabinet_member_keep_the_chain(registry):
    """"沙特国务大臣、内阁成员兼国家安全顾问艾班": "内阁成员" is a post, so the chain goes on."""
    text = """\
        王毅同沙特国家安全顾问艾班会谈

        2023-03-10 20:00

        2023年3月10日，王毅在北京同沙特国务大臣、内阁成员兼国家安全顾问艾班举行会谈。
        """
    document = Document(source="t.txt", text=textwrap.dedent(text), sha256="0" * 64, lang="zh")
    roles = {p.country: set(p.roles) for e in extract(document, registry).events for p in e.participants}
    assert roles["SAU"] == {"minister", "security_adviser"}


def test_army_chief_known_by_one_part_of_his_chinese_name(registry):
    """"尼泊尔陆军参谋长塔帕": the registry's "普尔纳·钱德拉·塔帕" is the one Nepali official it fits."""
    text = """\
        魏凤和会见尼泊尔总理奥利

        2020-11-30 09:12

        2020年11月29日，国务委员兼国防部长魏凤和在加德满都会见尼泊尔总理奥利。尼泊尔陆军参谋长塔帕参加会见。
        """
    assert ("NPL", "Purna Chandra Thapa") in _participants(registry, text)


def test_later_mentions_are_found_as_a_regular_expression_of_the_forms_would_find_them():
    """persons._occurrences scans with str.find what an alternation of the forms (longest
    first, Latin ones as whole words) finds: leftmost, longest, no overlaps, the end of the
    sentence counting as the end of the text."""
    import random
    import re

    from kg.extract.persons import _occurrences
    from kg.text import is_cjk

    rng = random.Random(7)
    pieces = ["Wang", "Wang Yi", "Yi", "王毅", "王", "Tleuberdi", "M.", " ", " ", ", ", "_", "x", "é", "3", "王毅外长"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        forms = sorted({rng.choice(["Wang", "Wang Yi", "Yi", "王毅", "王毅外长", "Tleuberdi", "M. Wang"])
                        for _ in range(rng.randint(1, 4))})
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        pattern = re.compile("|".join(re.escape(f) if is_cjk(f[:1]) else r"(?<![\w])" + re.escape(f) + r"(?![\w])"
                                      for f in sorted(forms, key=len, reverse=True)))
        expected = [m.span() for m in pattern.finditer(text, start, end)]
        assert _occurrences(text, forms, start, end) == expected, (text, forms, start, end)


def test_a_registry_person_keeps_the_spelling_of_the_readout(registry, tmp_path):
    """ANNOTATION.md §2 wants the name as the readout writes it: "Sergueï Lavrov" in a French
    readout, while the person (label, IRI) stays the registry's Sergey Lavrov."""
    from rdflib import RDFS, Graph, Literal, URIRef

    from kg.evaluation.gold import graph_to_gold
    from kg.build.pipeline import process_path

    source = tmp_path / "fr_lavrov.txt"
    source.write_text("Wang Yi s'entretient avec Sergueï Lavrov\n\nMis à jour : 2024-04-10\n\n"
                      "Le 9 avril 2024, le Ministre des Affaires étrangères Wang Yi s'est entretenu à Pékin avec le "
                      "Ministre russe des Affaires étrangères Sergueï Lavrov. Les deux parties ont échangé leurs vues.\n",
                      encoding="utf-8")
    outcome = process_path(source, tmp_path, registry)
    assert outcome.ok, (outcome.error, outcome.violations)
    graph = Graph()
    for triple in outcome.triples:
        graph.add(triple)
    gold = graph_to_gold(graph, URIRef(outcome.graph_iri))
    names = {p["country"]: p["name"] for e in gold["events"] for p in e["participants"]}
    assert names == {"CHN": "Wang Yi", "RUS": "Sergueï Lavrov"}
    lavrov = [p for e in outcome.extraction.events for p in e.participants if p.country == "RUS"][0]
    assert lavrov.name == "Sergey Lavrov" and lavrov.written == "Sergueï Lavrov"
    assert (None, RDFS.label, Literal("Sergey Lavrov")) in graph


def _events(registry, text: str, lang: str = "en"):
    document = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang)
    return extract(document, registry).events


@pytest.mark.parametrize("text, lang, counterpart", [
    ("""\
        RABAT, March 3, 2021 - Foreign Minister Nasser Bourita on Wednesday held talks in Rabat with his Estonian counterpart, Jaan Tamm, on bilateral cooperation.
        """, "en", ("EST", "Jaan Tamm")),
    ("""\
        Le 3 mars 2021, le ministre des Affaires étrangères Nasser Bourita s'est entretenu avec son homologue estonienne Kadri Tamm, sur la coopération bilatérale.
        """, "fr", ("EST", "Kadri Tamm")),
    ("""\
        Pretoria, 3 March 2021 - Minister Naledi Pandor held talks with her counterpart, HE Mr Jaan Tamm, Minister of Foreign Affairs and Diaspora, on relations between South Africa and Estonia.
        """, "en", ("EST", "Jaan Tamm")),
])
def test_a_counterpart_holds_the_post_for_another_state(registry, text, lang, counterpart):
    """"his Estonian counterpart, Jaan Tamm": a name after a counterpart word is a person of
    the state named beside the word, else of another state than the one whose counterpart
    they are, with the same post unless the text gives one."""
    (event,) = _events(registry, text, lang)
    found = {(p.country, p.name): p for p in event.participants}
    assert counterpart in found
    assert "foreign_minister" in found[counterpart].roles
    assert len({p.country for p in event.participants}) == 2


@pytest.mark.parametrize("text, expected", [
    ("""\
        Readout of the Secretary-General's meeting with the Foreign Minister of Estonia

        New York, 23 September 2023

        The Secretary-General met today with Mr. Jaan Tamm, Minister of Foreign Affairs of Estonia.

        They discussed cooperation between the United Nations and Estonia.
        """, ("UN", "António Guterres")),
    ("""\
        Readout of the Secretary-General's meeting with the Foreign Minister of Estonia

        New York, 28 August 2013

        The Secretary-General met today with Mr. Jaan Tamm, Minister of Foreign Affairs of Estonia.

        They discussed cooperation between the United Nations and Estonia.
        """, ("UN", "Ban Ki-moon")),
])
def test_a_principal_named_only_by_title_is_the_holder_on_the_day(registry, text, expected):
    """"The Secretary-General met with ...": the only official the registry knows in that post
    on that day, for an organisation the page names."""
    (event,) = _events(registry, text)
    assert expected in {(p.country, p.name) for p in event.participants}


def test_a_title_held_by_nobody_known_that_day_adds_nobody(registry):
    text = """\
        Readout of the Secretary-General's meeting with the Foreign Minister of Estonia

        New York, 28 August 1955

        The Secretary-General met today with Mr. Jaan Tamm, Minister of Foreign Affairs of Estonia.

        They discussed cooperation between the United Nations and Estonia.
        """
    events = _events(registry, text)
    assert all(p.country != "UN" for e in events for p in e.participants)


def test_a_year_less_day_fits_the_one_year_everyone_held_their_post(registry):
    """"BEIJING, Oct. 28 (Xinhua)" with no year anywhere: State Councilor Wang Yi (2018-2023)
    and Foreign Minister Taro Kono (2017-2019) were both in post on October 28 only in 2018."""
    text = """\
        BEIJING, Oct. 28 (Xinhua) -- Chinese State Councilor and Foreign Minister Wang Yi held talks with Japanese Foreign Minister Taro Kono in Beijing on Sunday.
        """
    (event,) = _events(registry, text)
    assert event.date == "2018-10-28"
    assert event.date_inferred


def test_a_year_less_day_that_fits_several_years_stays_undated(registry):
    text = """\
        BEIJING, Oct. 28 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with Russian Foreign Minister Sergey Lavrov in Beijing.
        """
    (event,) = _events(registry, text)
    assert event.date is None


def test_a_dateline_cut_into_sentences_of_its_own_still_dates_the_encounter(registry):
    """"BEIJING. Oct. 28. Xinhua - ...": the sentence splitter cuts the dateline off the lead;
    its day still counts (here with the one year the officials' terms allow)."""
    text = """\
        BEIJING. Oct. 28. Xinhua - Chinese State Councilor and Foreign Minister Wang Yi held talks with Japanese Foreign Minister Taro Kono in Beijing.
        """
    (event,) = _events(registry, text)
    assert event.date == "2018-10-28"


@pytest.mark.parametrize("when, expected", [("le samedi 8 avril", "2017-04-08"), ("le 8 avril", None)])
def test_a_weekday_written_against_the_day_picks_the_year(registry, when, expected):
    """Li Keqiang was premier from 2013 to 2023; 8 April fell on a Saturday only in 2017 then."""
    text = f"""\
        Le Premier ministre chinois Li Keqiang a rencontré {when} à Beijing le ministre des Affaires étrangères du Kazakhstan Kaïrat Abdrakhmanov.
        """
    (event,) = _events(registry, text, "fr")
    assert event.date == expected


@pytest.mark.parametrize("verb", ["Calls", "Meets", "Receives"])
def test_a_headline_verb_after_a_title_is_no_name(registry, verb):
    """"President Calls Kenya's President": in a title-case headline the word after a title is
    the encounter's verb (a word that opens one of the language's encounter phrases), not a name."""
    text = f"""\
        President {verb} Kenya's President

        2021-03-02

        President Ramaphosa held a phone call today with the President of Kenya William Ruto. They discussed trade.
        """
    names = {name for _, name in _participants(registry, text, "en")}
    assert verb not in names
    assert {"Cyril Ramaphosa", "William Ruto"} <= names



def test_a_city_after_a_title_is_no_name(registry):
    """"新西兰外长柏林看展览": the characters after a title start with a city, so they say where
    something happens, not who; a run of other characters there is still a name."""
    from kg.extract.finder import _Finder

    text = "新西兰外长柏林看展览，新西兰外长温斯顿出席"
    finder = _Finder(text, registry, "zh", None)
    assert finder.cjk_name_after(text.index("柏林"), text.index("，")) is None
    start = text.index("温斯顿")
    assert finder.cjk_name_after(start, start + 3) == (start, start + 3)


def test_an_acting_minister_and_those_who_accompanied_the_ministers(registry):
    """"el canciller encargado X": the acting minister holds the title; "a los cancilleres los
    acompañaron, por el lado colombiano, el vicecanciller Y": those who accompanied the ministers
    took part."""
    text = """\
        El canciller encargado Luis Gilberto Murillo recibió el martes 16 de abril de 2024 en Bogotá a la canciller argentina Diana Mondino.

        En la reunión, a los cancilleres los acompañaron, por el lado colombiano, el vicecanciller Francisco Coy y el embajador Camilo Romero.
        """
    document = Document(source="t.txt", text=textwrap.dedent(text), sha256="0" * 64, lang="es")
    people = {p.name: p for e in extract(document, registry).events for p in e.participants}
    assert "foreign_minister" in people["Luis Gilberto Murillo"].roles
    assert {"Francisco Coy", "Camilo Romero"} <= set(people)

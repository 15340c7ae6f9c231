"""kg.extract.persons: full diplomatic ranks, courtesy forms and peerages before a name, and
the state of an official a headline names beside an ambassador (issue 11)."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def _people(registry, text: str, lang: str = "en") -> list[tuple[str, str, tuple[str, ...]]]:
    document = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang)
    extraction = extract(document, registry)
    return [(p.country, p.name, tuple(p.roles)) for e in extraction.events for p in e.participants]


def test_ambassador_extraordinary_and_plenipotentiary_is_one_title(registry):
    """The full rank is a title: "Extraordinary" is no name, and the state after it is the envoy's."""
    text = """\
        On March 3, 2022, Minister of Foreign Affairs B. Battsetseg received Ambassador Extraordinary and Plenipotentiary of the Republic of Cuba to Mongolia Pedro Alvarez Mena.
        """
    found = _people(registry, text)
    assert ("CUB", "Pedro Alvarez Mena", ("ambassador",)) in found
    assert all(name != "Extraordinary" for _, name, _ in found)


def test_excellency_abbreviated_without_its_last_stop(registry):
    """"H.E Zhou Mingde": the courtesy form is dropped even without its final full stop."""
    text = """\
        Chinese Ambassador to Nepal H.E Zhou Mingde called on Foreign Minister Narayan Khadka in Kathmandu on May 4, 2022.
        """
    names = {name for _, name, _ in _people(registry, text)}
    assert "Zhou Mingde" in names
    assert "H" not in names


def test_a_peerage_before_a_family_name_is_dropped(registry):
    """"Lord Speaker Baroness Smithson": the peerage is a courtesy form, the name is "Smithson"."""
    text = """\
        On April 2, 2011, Ambassador Liu Xiaoming called on the British Lord Speaker Baroness Smithson in London.
        """
    found = _people(registry, text)
    assert ("GBR", "Smithson", ("legislature_leader",)) in found


def test_a_headline_naming_an_envoy_by_title_does_not_hide_their_state(registry):
    """The Speaker is named beside the ambassador only in the lead, not in the headline: the
    ambassador's state is still left out when the Speaker's own is guessed."""
    text = """\
        Chinese Ambassador to Sri Lanka calls on Hon. Speaker Anura Wickramasinghe

        Chinese Ambassador to Sri Lanka Zhou Mingde called on Hon. Speaker Anura Wickramasinghe on August 26, 2021.

        The Chinese Ambassador said that the Chinese Government would support the Chinese projects and Chinese students. The Speaker thanked the Chinese Government.
        """
    found = _people(registry, text)
    assert ("LKA", "Anura Wickramasinghe", ("legislature_leader",)) in found


def test_a_registry_official_written_in_chinese_gets_the_registry_name(registry):
    """"多尼隆" is Thomas Donilon, US national security adviser (2010-2013), in the registry."""
    text = """\
        2011年5月4日，国务委员戴秉国同美国总统国家安全事务助理多尼隆通电话。
        """
    found = _people(registry, text, "zh")
    assert ("USA", "Thomas Donilon", ("security_adviser",)) in found


def test_a_ministerial_meeting_is_no_counterpart_s_name(registry):
    """"his Nepali and Bhutanese counterparts on the sidelines of the SAARC Ministerial":
    "Ministerial" names a meeting, so "SAARC Ministerial" is nobody."""
    text = """\
        External Affairs Minister S Jaishankar on March 29, 2022 met his Nepali and Bhutanese counterparts on the sidelines of the SAARC Ministerial meeting in Colombo.
        """
    names = {name for _, name, _ in _people(registry, text)}
    assert not any("Ministerial" in name for name in names)


def test_a_us_department_secretary_and_deputy_the_registry_lacks_are_named(registry):
    """"Deputy Secretary of Energy Clara Whitfield": the US executive departments' secretaries are
    cabinet ministers, their deputies another post; either title names the official after it."""
    found = _people(registry, """\
        On June 4, 2023, Foreign Minister Mukhtar Tileuberdi met with U.S. Deputy Secretary of Energy Clara Whitfield in Washington.
        The same day he met with U.S. Secretary of Transportation Martin Osgood.
        """)
    assert ("USA", "Clara Whitfield", ("other",)) in found
    assert ("USA", "Martin Osgood", ("minister",)) in found


def test_a_state_adjective_inside_a_russian_title_gives_post_and_state(registry):
    """"глава российского МИД", "с главой китайского МИД": the adjective written after the
    title's first word (in any case) splits the title; the post and the state both hold."""
    text = """\
        5 марта 2016 года глава российского МИД Сергей Лавров провел переговоры с главой китайского МИД Ван И.
        """
    found = _people(registry, text, "ru")
    assert ("RUS", "Sergey Lavrov", ("foreign_minister",)) in found
    assert ("CHN", "Wang Yi", ("foreign_minister",)) in found


def test_a_state_adjective_inside_a_portuguese_title_is_one_post(registry):
    """"o ministro russo dos Negócios Estrangeiros": one post (foreign minister), not also
    the bare "ministro" before the adjective."""
    text = """\
        Em 5 de março de 2016, o ministro russo dos Negócios Estrangeiros, Serguei Lavrov, conversou por telefone com o secretário de Estado norte-americano, John Kerry.
        """
    found = _people(registry, text, "pt")
    assert ("RUS", ("foreign_minister",)) in {(country, roles) for country, _, roles in found}


def test_a_cue_word_inside_a_split_title_is_part_of_the_title(registry):
    """"o ministro chinês das Relações Exteriores, Wang Yi": "Relações" (a ties cue alone) is
    part of the title once the adjective splits it, so the chain still reaches the name."""
    text = """\
        Em 5 de março de 2016, o ministro chinês das Relações Exteriores, Wang Yi, reuniu-se com o presidente argentino, Mauricio Macri.
        """
    found = _people(registry, text, "pt")
    assert ("CHN", "Wang Yi", ("foreign_minister",)) in found


def test_a_south_asian_foreign_secretary_is_no_foreign_minister(registry):
    """A Foreign Secretary of Nepal (India, Pakistan...) is the ministry's senior civil servant,
    while the British Foreign Secretary is the minister: the post depends on the state."""
    text = """\
        On March 5, 2016, Foreign Minister Wang Yi met with Nepalese Foreign Secretary Madhu Raman Acharya and British Foreign Secretary Philip Hammond.
        """
    found = {(country, roles) for country, _, roles in _people(registry, text)}
    assert ("NPL", ("vice_foreign_minister",)) in found
    assert ("GBR", ("foreign_minister",)) in found


def test_a_word_for_a_kind_of_state_joins_a_russian_title_to_the_state(registry):
    """"министром иностранных дел Королевства Таиланд X": "Королевства" (of the Kingdom) is
    no name; it joins the title to the state, whose name keeps its nominative after it."""
    text = """\
        5 марта 2016 года Сергей Лавров встретился с министром иностранных дел Королевства Таиланд Дон Прамудвинаем.
        """
    found = _people(registry, text, "ru")
    assert ("THA", ("foreign_minister",)) in {(country, roles) for country, _, roles in found}
    assert not any("Korolevstv" in name or "Королевств" in name for _, name, _ in found)


def test_a_chinese_department_head_is_a_titled_official(registry):
    """"南非外交部副总司长苏克拉尔": the head of a ministry's department (司长, with 副/总) is
    a title, so the name after it is an official of the state before it."""
    text = """\
        2020年10月9日，驻南非大使陈晓东拜会南非外交部副总司长苏克拉尔。
        """
    found = _people(registry, text, "zh")
    assert ("ZAF", ("other",)) in {(country, roles) for country, _, roles in found}


def test_a_registry_official_written_in_arabic_gets_the_registry_name(registry):
    """"ميخائيل بوجدانوف" (ج for g, as Egyptian pages write it): Russia's deputy foreign minister is the
    registry's Mikhail Bogdanov, not a letter-by-letter reading of the Arabic."""
    text = """\
        استقبل سامح شكري وزير الخارجية يوم الأحد ١٤ أبريل ٢٠٢٤ نائب وزير الخارجية الروسي ميخائيل بوجدانوف.
        """
    found = _people(registry, text, "ar")
    assert ("RUS", "Mikhail Bogdanov", ("vice_foreign_minister",)) in found

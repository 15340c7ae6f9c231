"""Years only a meeting settles (issue 11): a readout that names the edition of a recurring
meeting ("on the sidelines of the G20 summit in Rio", "the 2nd CIIE") and writes no year
takes that edition's year (kg/data/meetings.toml, kg/extract/meetings.py). The readouts are
short texts written by the team, never copies of real ones."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from kg.errors import RegistryError
from kg.extract.meetings import edition_days, meeting_windows, named_editions
from kg.knowledge.registry import load_registry
from readouts import extract_text as _extract


def _events(registry, text, lang=None):
    return [(e.type, e.date, sorted(p.country for p in e.participants)) for e in _extract(registry, text, lang).events]


def _named(registry, sentence):
    return {(e.series, e.start.year) for e in named_editions(registry, [sentence])}


# ---- which edition a sentence names ----------------------------------------------------------
def test_a_series_and_a_host_city_name_an_edition(registry):
    assert _named(registry, "Talks were held on the sidelines of the G20 summit in Rio de Janeiro.") == {("g20", 2024)}


def test_a_series_and_an_ordinal_name_an_edition_in_either_order(registry):
    assert _named(registry, "会见来华出席第二届中国国际进口博览会的外方嘉宾。") == {("ciie", 2019)}
    assert _named(registry, "出席中拉论坛第四届部长级会议的各国外长。") == {("china_celac", 2025)}
    assert _named(registry, "en marge de la septième Conférence ministérielle du Forum sur la coopération sino-arabe") \
        == {("china_arab_forum", 2016)}


def test_a_russian_city_is_found_in_another_case(registry):
    assert ("sco", 2024) in _named(registry, "Встреча прошла в Астане на полях заседания СМИД ШОС.")


def test_a_kana_name_inside_a_longer_word_is_not_that_place(registry):
    """リオ (Rio) inside シナリオ (scenario) names no host city."""
    assert _named(registry, "G20首脳会議のシナリオを協議した。") == set()
    assert _named(registry, "リオで開かれたG20首脳会議に出席した。") == {("g20", 2024)}


def test_one_host_country_beside_the_series_names_its_editions(registry):
    assert {year for _, year in _named(registry, "en marge du sommet du G20 au Mexique")} == {2012}


def test_member_states_named_beside_the_series_name_no_host(registry):
    """"金砖国家主席国俄罗斯 ... 巴西外长 ... 印度外长": the members are the participants."""
    assert _named(registry, "会议由今年金砖国家主席国俄罗斯外长主持,巴西外长、印度外长出席。") == set()


# ---- which day fits --------------------------------------------------------------------------
def test_a_day_within_an_editions_days_wins_over_one_weeks_before_another(registry):
    """20 May in Astana: the foreign ministers' council of 20-21 May 2024, not a summit held
    there three weeks later in June 2011 or 2017."""
    editions = named_editions(registry, ["on the sidelines of the SCO meeting in Astana"])
    assert edition_days(editions, meeting_windows(registry), 5, 20) == [dt.date(2024, 5, 20)]


def test_a_day_without_its_month_fits_only_near_an_edition(registry):
    editions = named_editions(registry, ["the 2nd CIIE"])
    windows = meeting_windows(registry)
    assert edition_days(editions, windows, day=4) == [dt.date(2019, 11, 4)]
    assert edition_days(editions, windows, day=20) == []


# ---- the encounter's day ---------------------------------------------------------------------
G20_RIO = """\
    RIO DE JANEIRO, 18 novembre -- Le président chinois Xi Jinping a rencontré le président français Emmanuel Macron, a-t-on appris de source officielle.
    Les deux dirigeants se sont vus en marge du sommet du G20 qui se tient à Rio de Janeiro, au Brésil.
    """


def test_a_year_less_day_takes_the_year_of_the_edition_the_text_names(registry):
    """18 November fits every year both held office; only in 2024 was the G20 summit in Rio."""
    assert _events(registry, G20_RIO) == [("meeting", "2024-11-18", ["CHN", "FRA"])]


def test_a_day_far_from_every_edition_takes_no_year_from_it(registry):
    text = G20_RIO.replace("18 novembre", "3 mars")
    assert _events(registry, text) == [("meeting", None, ["CHN", "FRA"])]


def test_a_day_without_its_month_takes_the_month_and_year_of_the_edition(registry):
    text = "新华社上海电 国家主席习近平4日在上海会见来华出席第二届中国国际进口博览会的法国总统马克龙。双方就中法关系交换了意见。"
    assert _events(registry, text) == [("meeting", "2019-11-04", ["CHN", "FRA"])]


def test_a_weekday_takes_the_one_such_day_near_the_edition(registry):
    """The 10th ministerial conference of the China-Arab forum was held on Thursday 30 May 2024."""
    text = """\
        Le ministre chinois des Affaires étrangères Wang Yi a rencontré jeudi à Beijing le ministre égyptien des Affaires étrangères Sameh Shoukry.
        Les deux ministres participaient à la 10e Conférence ministérielle du Forum de coopération sino-arabe, tenue à Beijing.
        """
    assert _events(registry, text) == [("meeting", "2024-05-30", ["CHN", "EGY"])]


def test_an_edition_named_only_further_on_dates_no_day_without_its_month(registry):
    """"…は1日に…会談した。…G20大阪サミット会期中に…": a summit looked back on is not the
    encounter's occasion; a day without its month takes nothing from it."""
    text = """\
        王毅国務委員兼外交部長は1日、日本の河野太郎外相と会談した。
        王部長は、習近平国家主席がG20大阪サミット会期中に安倍首相と会談したことに触れた。
        """
    assert [date for _, date, _ in _events(registry, text, "ja")] == [None]


# ---- the data file -------------------------------------------------------------------------
def test_an_edition_at_an_unknown_place_is_a_registry_error(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(load_registry().data_dir, data)
    meetings = data / "meetings.toml"
    meetings.write_text(meetings.read_text(encoding="utf-8").replace('at = "osaka"', 'at = "atlantis"'), encoding="utf-8")
    with pytest.raises(RegistryError, match="atlantis"):
        named_editions(load_registry(data), ["the G20 summit"])


def test_a_post_the_registry_has_no_dates_for_rules_out_no_year(registry):
    """The registry knows Faisal bin Farhan's term as foreign minister (from October 2019)
    only: as ambassador in June 2019 his known term says nothing of the day."""
    text = """\
        OSAKA, 28 juin -- Le ministre chinois des Affaires étrangères Wang Yi a rencontré l'ambassadeur saoudien en Allemagne, Faisal bin Farhan.
        Les deux hommes se trouvaient à Osaka pour le sommet du G20.
        """
    assert _events(registry, text) == [("meeting", "2019-06-28", ["CHN", "SAU"])]


# ---- the sessions of the UN General Assembly ---------------------------------------------------
def test_a_counted_session_of_the_general_assembly_names_its_year(registry):
    """The Nth regular session opens in September of 1945 + N: the 78th is 2023's."""
    assert _named(registry, "on the sidelines of the 78th session of the UN General Assembly") == {("unga", 2023)}
    assert _named(registry, "在出席第79届联合国大会期间") == {("unga", 2024)}


def test_a_year_less_day_at_a_general_assembly_session_takes_its_year(registry):
    text = """\
        NEW YORK, 21 septembre -- Le ministre chinois des Affaires étrangères Wang Yi a rencontré son homologue français Jean-Noël Barrot.
        Les deux ministres se sont vus en marge de la 79e session de l'Assemblée générale des Nations unies.
        """
    assert _events(registry, text) == [("meeting", "2024-09-21", ["CHN", "FRA"])]

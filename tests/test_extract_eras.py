"""Years what a page names settles (issue 11): a readout that writes a day without its year and
names something that did not exist before a known day ("COVID-19", "the Global Security
Initiative"), or a name out of use after one ("the novel coronavirus"), was written between
them ([eras] of kg/data/meetings.toml). The readouts are short texts written by the team,
never copies of real ones."""

from __future__ import annotations

from kg.extract.meetings import era_bounds
from readouts import extract_text as _extract


def _dates(registry, text, lang=None):
    return [e.date for e in _extract(registry, text, lang).events]


_POMPEO = """\
    Chinese State Councilor and Foreign Minister Wang Yi spoke on the phone with US Secretary of State Mike Pompeo on 10 August.
    Wang Yi said the two sides should keep their channels open.{}
    """


def test_a_coinage_drops_the_years_of_the_terms_before_it(registry):
    """Wang Yi and Pompeo were both in post on 10 August of 2018, 2019 and 2020; COVID-19 had
    no name before 2020."""
    assert _dates(registry, _POMPEO.format("")) == [None]
    assert _dates(registry, _POMPEO.format(" They discussed cooperation against COVID-19.")) == ["2020-08-10"]


def test_a_page_that_contradicts_every_fit_keeps_them_all(registry):
    """The Global Security Initiative (April 2022) postdates Pompeo's term: nothing is inferred."""
    assert _dates(registry, _POMPEO.format(" Wang Yi presented the Global Security Initiative.")) == [None]


def test_a_name_out_of_use_bounds_an_open_ended_term(registry):
    """Xi and Trump were both presidents on 7 February of 2017-2020 and again from 2025; the
    novel coronavirus was called so only before the disease had its own name."""
    text = """\
        President Xi Jinping spoke with US President Donald Trump on the phone on the morning of 7 February.
        Xi briefed Trump on the fight against the {}.
        """
    assert _dates(registry, text.format("COVID-19 pandemic")) == [None]
    assert _dates(registry, text.format("novel coronavirus outbreak")) == ["2020-02-07"]


def test_the_bounds_of_what_a_page_names(registry):
    assert era_bounds(registry, ["共同推进“一带一路”建设。"])[0].year == 2013
    assert era_bounds(registry, ["la lutte contre la Covid-19", "the Global Security Initiative"])[0].isoformat() == "2022-04-21"
    assert era_bounds(registry, ["la lutte contre le nouveau coronavirus"])[1].year == 2022
    # a word that holds an acronym's letters is not the acronym
    assert era_bounds(registry, ["the covidence of the two sides", "the Paris Agreement"]) == (None, None)


# ---- counts written as words ------------------------------------------------------------------
_MACRON = """\
    PARIS, 27 janvier -- Le président chinois Xi Jinping s'est entretenu au téléphone avec le président français Emmanuel Macron.
    Les deux chefs d'État ont salué le {} anniversaire de l'établissement des relations diplomatiques entre la Chine et la France.
    """


def test_an_anniversary_counted_in_words_dates_a_year_less_day(registry):
    """Xi and Macron were both presidents on 27 January of every year since 2018; France and
    China established relations in 1964, so their sixtieth anniversary falls in 2024."""
    assert _dates(registry, _MACRON.format("60e")) == ["2024-01-27"]
    assert _dates(registry, _MACRON.format("soixantième")) == ["2024-01-27"]
    assert _dates(registry, _MACRON.format("dernier")) == [None]


def test_counts_in_words_and_in_chinese_numerals(registry):
    from kg.extract.dates import relation_anniversaries_at

    def lang_words(registry, code):
        return {**registry.lang(code), "code": code}

    assert [n for n, _ in relation_anniversaries_at("Ils ont préparé le cinquantenaire des relations diplomatiques.",
                                                    lang_words(registry, "fr"))] == [50]
    assert [n for n, _ in relation_anniversaries_at("They marked the seventy-fifth anniversary of diplomatic relations.",
                                                    lang_words(registry, "en"))] == [75]
    assert [n for n, _ in relation_anniversaries_at("两国将迎来建交五十周年。", lang_words(registry, "zh"))] == [50]


# ---- a post about to be left ------------------------------------------------------------------
_OUTGOING = """\
    MINSK, 19 March -- Belarusian President Alexander Lukashenko spoke by phone with Kazakh President Nursultan Nazarbayev{}.
    The two presidents discussed the ties between their countries.
    """


def test_an_outgoing_official_dates_the_day_in_the_last_months_of_a_term(registry):
    """Lukashenko (since 1994) and Nazarbayev (to 20 March 2019) were both presidents on 19
    March of every year from 1995 to 2019; only the last falls in the end of a term."""
    assert _dates(registry, _OUTGOING.format("")) == [None]
    assert _dates(registry, _OUTGOING.format(", who announced his resignation the same day")) == ["2019-03-19"]


def test_an_outgoing_official_with_no_term_ending_near_the_day_dates_nothing(registry):
    """Nazarbayev's term ended in March: "outgoing" on 19 September fits no last months."""
    text = _OUTGOING.replace("19 March", "19 September").format(", who announced his resignation the same day")
    assert _dates(registry, text) == [None]


# ---- a file photo shows another day -----------------------------------------------------------
def test_a_file_photos_date_gives_no_year_to_a_year_less_day(registry):
    from kg.extract.years import day_by_written_years

    def words(code):
        return {**registry.lang(code), "code": code}

    caption = "{}the two presidents at their talks in Washington on January 19, 2011.\nOn November 7, the President sent a message.\n"
    assert str(day_by_written_years(caption.format(""), words("en"), 11, 7)) == "2011-11-07"
    assert day_by_written_years(caption.format("File photo: "), words("en"), 11, 7) is None
    zh = "{}2011年1月19日，两国元首在华盛顿举行会谈。\n11月7日，国家主席致贺电。\n"
    assert str(day_by_written_years(zh.format(""), words("zh"), 11, 7)) == "2011-11-07"
    assert day_by_written_years(zh.format("资料图片："), words("zh"), 11, 7) is None


def test_a_file_photo_is_named_in_german_russian_and_portuguese(registry):
    from kg.extract.years import day_by_written_years

    for code, opener in (("de", "Archivbild: "), ("ru", "Архивное фото: "), ("pt", "Foto de arquivo: ")):
        text = f"{opener}Washington, 19.01.2011.\n7. November.\n"
        words = {**registry.lang(code), "code": code}
        assert day_by_written_years(text.replace(opener, ""), words, 11, 7) is not None, code
        assert day_by_written_years(text, words, 11, 7) is None, code

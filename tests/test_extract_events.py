"""The encounter's type and day on real pages: rules found reading the misses of realdev
(issue 11). The readouts are short texts written by the team in the style of the ministries
and agencies, never copies of real ones."""

from __future__ import annotations

from kg.extract.dates import find_dates
from readouts import extract_text as _extract


def _events(registry, text, lang=None):
    return [(e.type, e.date, sorted(p.country for p in e.participants)) for e in _extract(registry, text, lang).events]


# ---- a news agency's dateline in Chinese ------------------------------------------------
def test_a_chinese_dateline_marked_as_news_is_the_copys_day(registry):
    """"北京7月22日消息" is a dateline as "北京7月22日电" is: it dates nothing that happened."""
    text = "央广网北京7月22日消息 国务院总理李克强21日下午同老挝总理通伦通电话。"
    written = [text[m.start:m.end] for m in find_dates(text, registry.lang("zh"))]
    assert written == ["21日"]


def test_the_encounter_takes_the_day_after_a_news_dateline(registry):
    text = """\
        李克强同泰国总理巴育通电话

        2021-06-09 08:30

        新闻网北京6月9日消息 国务院总理李克强8日晚同泰国总理巴育通电话。李克强表示，中泰友好源远流长，中方愿同泰方加强合作。
        """
    assert _events(registry, text) == [("phone_call", "2021-06-08", ["CHN", "THA"])]


# ---- a year settled by offices and a weekday ------------------------------------------------
# Xi Jinping (head of state since 2013) and Donald Trump (2017-2021, since 2025): 19 September
# fits 2017-2019 and 2025; only in 2025 is it a Friday.
EVENING_CALL = """\
    Les présidents chinois et américain Xi Jinping et Donald Trump ont commencé vendredi soir leur entretien téléphonique, selon une source officielle, sur fond de tensions commerciales.
    « Dans la soirée du 19 septembre, le président Xi Jinping s'entretient par téléphone avec le président américain Donald Trump », précise cette source.
    Les deux dirigeants devaient évoquer les relations commerciales.
    """


def test_a_day_written_in_the_next_sentence_with_the_weekday_of_the_lead_fixes_the_year(registry):
    """The day the prose writes for the encounter is its own: the evening it was said to be held
    in does not move it to the next day, as it may a dateline's."""
    assert _events(registry, EVENING_CALL, "fr") == [("phone_call", "2025-09-19", ["CHN", "USA"])]


def test_a_day_in_a_later_sentence_about_other_people_dates_nothing(registry):
    text = """\
        Le ministre chinois des Affaires étrangères Wang Yi s'est entretenu au téléphone avec son homologue français Jean-Marc Ayrault des relations bilatérales.
        Lors de cette conversation téléphonique, M. Wang a rappelé la position de la Chine sur la péninsule coréenne.
        Le vendredi 2 décembre, le président élu américain Donald Trump avait eu une conversation téléphonique avec un dirigeant étranger.
        """
    assert _events(registry, text, "fr") == [("phone_call", None, ["CHN", "FRA"])]


# ---- "Entretien": a noun any encounter goes by ------------------------------------------------
def test_an_entretien_headline_defers_to_the_leads_verb(registry):
    text = """\
        Entretien de la ministre avec M. Wang Yi (14 mars 2023)

        La ministre de l'Europe et des Affaires étrangères, Mme Catherine Colonna, a reçu ce jour M. Wang Yi, directeur du bureau de la Commission centrale des Affaires étrangères.

        Les deux ministres ont évoqué la situation en Ukraine et les échanges entre la France et la Chine.
        """
    assert _events(registry, text, "fr") == [("meeting", "2023-03-14", ["CHN", "FRA"])]


def test_an_entretien_alone_is_talks(registry):
    text = """\
        Entretien de la ministre avec M. Wang Yi (14 mars 2023)

        La ministre de l'Europe et des Affaires étrangères, Mme Catherine Colonna, et M. Wang Yi, directeur du bureau de la Commission centrale des Affaires étrangères, ont évoqué ce jour la situation en Ukraine.

        Les deux ministres ont souligné l'importance des échanges entre la France et la Chine.
        """
    assert _events(registry, text, "fr") == [("talks", "2023-03-14", ["CHN", "FRA"])]


# ---- a year-less stamp: the copy's day (round 2) ------------------------------------------------
# Jean-Marc Ayrault was foreign minister from February 2016 to May 2017: 14 September falls in
# his term only in 2016, when it was a Wednesday; the call "samedi" was 10 September.
UPDATE_STAMP = """\
    Mise à jour : 09h12 le 14/09
    Le ministre chinois des Affaires étrangères Wang Yi a eu samedi un entretien téléphonique avec son homologue français Jean-Marc Ayrault sur la situation dans la péninsule coréenne.
    M. Wang a souhaité que les deux pays renforcent leur coordination au Conseil de sécurité.
    """


def test_a_year_less_update_stamp_is_the_copys_day_and_offices_give_its_year(registry):
    assert _events(registry, UPDATE_STAMP, "fr") == [("phone_call", "2016-09-10", ["CHN", "FRA"])]


def test_a_year_less_update_stamp_is_no_headline(registry):
    from kg.extract.layout import read_layout
    from textwrap import dedent
    layout = read_layout(dedent(UPDATE_STAMP), registry, "fr")
    assert layout.copy_day == (9, 14)
    assert layout.headline is None or "14/09" not in layout.headline.text


def test_a_day_and_month_in_an_unlabelled_line_is_no_stamp(registry):
    """Only a labelled header line ("Mise à jour", "Publié le") is a stamp: "14/09" in a line of
    scores or references is not the day of the copy."""
    text = UPDATE_STAMP.replace("Mise à jour : 09h12 le 14/09", "Réf. 14/09")
    assert _events(registry, text, "fr") == [("phone_call", None, ["CHN", "FRA"])]


# ---- the encounter's own verb wins over the name of its occasion (round 2) ---------------------
def test_a_meeting_verb_wins_over_the_dialogue_it_took_place_at(registry):
    """"La rencontre a eu lieu à l'occasion du 3e dialogue stratégique": the dialogue is the
    occasion, the encounter a meeting."""
    text = """\
        Le ministre de l'Europe et des Affaires étrangères Jean-Noël Barrot a accueilli lundi à Paris son homologue chinois Wang Yi.
        La rencontre a eu lieu à l'occasion du 3e dialogue stratégique entre la France et la Chine, consacré aux crises régionales.
        """
    assert [t for t, _, _ in _events(registry, text, "fr")] == ["meeting"]


def test_a_chinese_meeting_held_by_one_who_is_in_town_for_consultations_is_a_meeting(registry):
    """"正在…举行…磋商的王毅会见…": the consultations qualify the host; he met the minister."""
    text = """\
        新华社巴黎3月5日电 正在巴黎出席中法外交磋商的外交部长王毅5日会见法国外长勒德里昂。
        双方就两国关系交换意见。
        """
    assert [t for t, _, _ in _events(registry, text, "zh")] == ["meeting"]


def test_talks_a_visit_was_made_for_do_not_make_a_meeting_talks(registry):
    text = """\
        Indian External Affairs Minister S Jaishankar met with US Secretary of State Antony Blinken on Tuesday as part of a three-day trip to Washington for strategic talks on trade and defence.
        The two sides reviewed their partnership.
        """
    assert [t for t, _, _ in _events(registry, text, "en")] == ["meeting"]


def test_an_occasion_that_names_the_other_party_is_the_encounter_itself(registry):
    """"during his talks with Secretary Blinken": the talks are held with a participant, so they
    are the encounter, not its occasion (the meeting is one to come)."""
    text = """\
        External Affairs Minister S Jaishankar prepared a future ministerial meeting during his talks with US Secretary of State Antony Blinken in Washington on Tuesday.
        The two sides reviewed their partnership.
        """
    assert [t for t, _, _ in _events(registry, text, "en")] == ["talks"]


# ---- "son homologue" is the counterpart of a visit's own talks (round 2) ------------------------
def test_a_visit_with_talks_held_with_the_counterpart_word_is_those_talks(registry):
    text = """\
        Le ministre chinois des Affaires étrangères Wang Yi a entamé jeudi une visite officielle à Paris, où il a été accueilli par le ministre français de l'Europe et des Affaires étrangères Jean-Noël Barrot.
        Dans l'après-midi, il a eu un long entretien avec son homologue au Quai d'Orsay.
        """
    assert [t for t, _, _ in _events(registry, text, "fr")] == ["talks"]


# ---- an anniversary the page looks back on (round 2) --------------------------------------------
def test_an_anniversary_in_a_paragraph_reviewing_its_year_dates_the_next_year(registry):
    """"2024年，双方三次会晤……两国隆重庆祝建交75周年" (China and Russia, relations since 1949):
    the page reviews 2024, so the call on 21 January is in 2025, not 2024."""
    text = """\
        习近平同俄罗斯总统普京举行视频会晤

        1月21日下午，国家主席习近平在北京同俄罗斯总统普京举行视频会晤。

        习近平指出，2024年，双方三次会晤，达成重要共识。两国隆重庆祝建交75周年，双边合作稳步推进。
        """
    assert _events(registry, text) == [("video_call", "2025-01-21", ["CHN", "RUS"])]


def test_a_future_year_in_another_paragraph_leaves_the_anniversary_its_year(registry):
    """"55e anniversaire de l'établissement des relations diplomatiques" (China and France, 1964)
    gives 2019; a year to come named in another paragraph ("accueillera en 2020") changes nothing."""
    text = """\
        Jean-Yves Le Drian, ministre de l'Europe et des Affaires étrangères, a reçu le 24 janvier Wang Yi, ministre chinois des affaires étrangères. Cette année marque le 55e anniversaire de l'établissement des relations diplomatiques entre nos deux pays.

        Les ministres ont évoqué la conférence sur la biodiversité que la Chine accueillera en 2020.
        """
    assert _events(registry, text, "fr") == [("meeting", "2019-01-24", ["CHN", "FRA"])]


# ---- a year-less dateline on a page stamped with a month (round 2) -----------------------------
def test_a_year_less_dateline_takes_the_year_of_a_month_stamp(registry):
    """"PARIS, 12 mai (Reuters) - ... jeudi" on a page stamped "2022-05": the dateline is 12 May
    2022, so Thursday is 12 May 2022."""
    text = """\
        2022-05
        PARIS, 12 mai (Reuters) - Emmanuel Macron s'est entretenu jeudi par téléphone avec le président américain Joe Biden, a annoncé l'Elysée dans un communiqué.
        Les deux dirigeants ont évoqué la situation en Europe.
        """
    assert _events(registry, text, "fr") == [("phone_call", "2022-05-12", ["FRA", "USA"])]


def test_attendance_said_of_a_visit_after_a_call_is_not_the_calls(registry):
    """"Le président est attendu en Chine, où il se rend accompagné de ...": who goes along on the
    coming visit took no part in the call."""
    text = """\
        Emmanuel Macron s'est entretenu mardi par téléphone avec le président américain Joe Biden, a annoncé l'Elysée.
        Les deux dirigeants ont évoqué la guerre en Ukraine.
        Le président français est attendu jeudi en Chine, où il se rend accompagné de la présidente de la Commission européenne Ursula von der Leyen.
        """
    assert [countries for _, _, countries in _events(registry, text, "fr")] == [["FRA", "USA"]]


# ---- page dates: a release number's date, a release's own dateline (round 2) --------------------
def test_a_release_number_glued_to_its_date_is_the_page_date(registry):
    """"154-03-04-2023": release 154 of 3 April 2023; "On April 3" takes its year."""
    text = """\
        Foreign Minister Sergey Lavrov's telephone conversation with Foreign Minister of China Qin Gang

        154-03-04-2023

        On April 3, Foreign Minister Sergey Lavrov had a telephone conversation with Foreign Minister of the People's Republic of China Qin Gang.
        The ministers discussed the international agenda.
        """
    extraction = _extract(registry, text, "en")
    assert extraction.published == "2023-04-03"
    assert [(e.type, e.date) for e in extraction.events] == [("phone_call", "2023-04-03")]


def test_a_press_release_dateline_is_the_page_date_over_a_saved_stamp(registry):
    """A release dated "March 8, 2022 – Ottawa, Ontario – Global Affairs Canada" saved the next day
    with a stamp: "today" is the release's day."""
    text = """\
         date 2022-03-09 Minister Joly speaks with Foreign Secretary of the United Kingdom

        March 8, 2022 – Ottawa, Ontario – Global Affairs Canada

        The Honourable Mélanie Joly, Minister of Foreign Affairs, today spoke with Elizabeth Truss, the United Kingdom's Secretary of State for Foreign, Commonwealth and Development Affairs.

        They discussed the situation in Ukraine and the coordination of sanctions between their two countries, and agreed to stay in close contact in the weeks ahead.
        """
    extraction = _extract(registry, text, "en")
    assert extraction.published == "2022-03-08"
    assert [e.date for e in extraction.events] == ["2022-03-08"]


def test_a_bare_date_banner_atop_the_page_gives_way_to_the_timed_article_stamp(registry):
    """A news site prints the day it is viewed ("Saturday 8 June 2024") over every page; the
    article's own stamp, with its time of day, stands under the headline: "yesterday" counts
    from the article's day."""
    text = """\
        Saturday 8 June 2024

        Egypt and Kenya discuss regional security

        World news 14-3-2022 | 19:40

        Egyptian Foreign Minister Sameh Shoukry held talks yesterday with Kenyan Foreign Minister Raychelle Omamo on the situation in the Horn of Africa and ways to strengthen bilateral cooperation.

        The two ministers agreed to hold regular consultations between their ministries.
        """
    extraction = _extract(registry, text, "en")
    assert extraction.published == "2022-03-14"
    assert [(e.type, e.date) for e in extraction.events] == [("talks", "2022-03-13")]


def test_a_banner_is_kept_when_the_timed_line_is_not_earlier(registry):
    """A timed line later than the date above it (the copy filed again) says nothing of a
    banner: the first date line stays the page's date."""
    text = """\
        14 March 2022

        Egypt and Kenya discuss regional security

        World news 15-3-2022 | 09:10

        Egyptian Foreign Minister Sameh Shoukry held talks yesterday with Kenyan Foreign Minister Raychelle Omamo on the situation in the Horn of Africa and ways to strengthen bilateral cooperation.
        """
    extraction = _extract(registry, text, "en")
    assert extraction.published == "2022-03-14"


def test_yesterday_counts_from_the_datelines_day_not_the_next_mornings_page_stamp(registry):
    """Agency copy filed "LIMA, 14 nov" goes up on the site the next morning: "ayer" is the
    day before the dateline, not before the page's stamp."""
    text = """\
        Perú y Chile refuerzan su cooperación

        Agencia  2023-11-15 09:12

        LIMA, 14 nov (Agencia) -- La ministra de Relaciones Exteriores de Perú, Ana Cecilia Gervasi, se reunió ayer con su homólogo chileno, Alberto van Klaveren, para tratar la cooperación fronteriza.
        """
    assert [(t, d) for t, d, _ in _events(registry, text, "es")] == [("meeting", "2023-11-13")]


def test_a_dateline_long_before_the_stamp_leaves_the_stamp_the_day(registry):
    """A dateline a week before the page's stamp is no copy filed for that page: the stamp stands."""
    text = """\
        Perú y Chile refuerzan su cooperación

        Agencia  2023-11-21 09:12

        LIMA, 14 nov (Agencia) -- La ministra de Relaciones Exteriores de Perú, Ana Cecilia Gervasi, se reunió ayer con su homólogo chileno, Alberto van Klaveren, para tratar la cooperación fronteriza.
        """
    assert [(t, d) for t, d, _ in _events(registry, text, "es")] == [("meeting", "2023-11-20")]


# ---- a photo caption is no lead (round 2) -------------------------------------------------------
def test_a_photo_caption_of_an_earlier_meeting_is_not_the_readouts_encounter(registry):
    text = """\
        Blinken and Wang Yi speak again

        Secretary of State Antony Blinken meets with Chinese Foreign Minister Wang Yi during the ASEAN foreign ministers' meetings at the convention centre in Jakarta on Jul 13, 2023. (Photo: Pool/Reuters)

        WASHINGTON, Sept. 18, 2023 -- US Secretary of State Antony Blinken held a phone call with Chinese Foreign Minister Wang Yi on Monday, the State Department said.
        """
    assert _events(registry, text, "en") == [("phone_call", "2023-09-18", ["CHN", "USA"])]


def test_the_text_after_a_credit_glued_to_a_caption_is_the_lead(registry):
    """"... on March 22. (Photo: Ministry)Singapore (VNA) – ... on March 22 paid a visit": the
    credit closes the caption; the sentence it opens is the lead, with its own day."""
    text = """\
         date 2021-03-23 Minister on regional tour
        Singapore's Minister for Foreign Affairs Vivian Balakrishnan meets Sultan Hassanal Bolkiah on March 22. (Photo: Ministry of Foreign Affairs)Singapore (VNA) – Singapore's Minister for Foreign Affairs Vivian Balakrishnan met Sultan of Brunei Hassanal Bolkiah on March 22 during a visit to Brunei.
        They discussed regional cooperation.
        """
    assert [e[1] for e in _events(registry, text, "en")] == ["2021-03-22"]


# ---- a span of years is no encounter's day; a series of meetings is one event each (round 2) ---
def test_the_ends_of_an_anniversarys_span_are_not_the_encounters_day(registry):
    """"(18 janvier 1950 - 18 janvier 2022)" gives the span of the relations; the messages were
    exchanged "lundi 17 janvier", in the year the page's month stamp gives."""
    text = """\
        2022-01
        Hanoï (VNA) - A l'occasion du 72e anniversaire des relations diplomatiques entre le Vietnam et la Chine (18 janvier 1950 - 18 janvier 2022), le président vietnamien Nguyen Xuan Phuc a échangé lundi 17 janvier des messages de félicitations avec le président chinois Xi Jinping.
        """
    assert [e[1] for e in _events(registry, text, "fr")] == ["2022-01-17"]


def test_a_series_of_meetings_is_one_event_per_counterpart_named_after_the_lead(registry):
    text = """\
        New York, Sep 21: External Affairs Minister S Jaishankar on Tuesday held a series of meetings with his counterparts on the sidelines of the UN General Assembly.
        He discussed Afghanistan with Finnish Foreign Minister Pekka Haavisto.
        He then met Chilean Foreign Minister Andrés Allamand to talk about trade.
        Jaishankar also met Sri Lankan Foreign Minister G.L. Peiris.
        """
    events = _events(registry, text, "en")
    assert sorted(countries for _, _, countries in events) == [["CHL", "IND"], ["FIN", "IND"], ["IND", "LKA"]]


def test_attendance_at_the_encounter_named_by_another_noun_still_counts(registry):
    """"王毅、何立峰等出席会晤" after a video 会晤: the attendance is at this encounter."""
    text = """\
        李克强同德国总理默克尔举行视频会晤

        新华社北京9月11日电 国务院总理李克强11日在人民大会堂同德国总理默克尔举行视频会晤。

        双方就中德关系交换意见。

        王毅、何立峰等出席会晤。
        """
    extraction = _extract(registry, text, "zh")
    assert {p.name for e in extraction.events for p in e.participants} >= {"Wang Yi", "He Lifeng"}


# ---- a date in Latin script on a Chinese page (round 2) -----------------------------------------
def test_a_latin_date_standing_apart_on_a_chinese_page_is_its_date(registry):
    """"Apr 2, 2023" between the headline and the lead: the page's date, which stands in for the
    day of an encounter the text does not date."""
    text = "王毅会见俄罗斯外长拉夫罗夫 Apr 2, 2023 在北京，国务委员兼外长王毅会见来访的俄罗斯外长拉夫罗夫。双方就乌克兰局势交换意见。\n"
    extraction = _extract(registry, text, "zh")
    assert extraction.published == "2023-04-02"
    assert [(e.date, e.date_inferred) for e in extraction.events] == [("2023-04-02", True)]


def test_a_latin_date_inside_latin_words_on_a_chinese_page_is_no_page_date(registry):
    text = "王毅会见俄罗斯外长拉夫罗夫。王毅在北京会见来访的俄罗斯外长拉夫罗夫，双方回顾了 the Joint Statement of Feb 4, 2022 signed in Beijing 的落实情况。\n"
    assert _extract(registry, text, "zh").published is None


# ---- cues split by a day, planned encounters, working meals -----------------------------------
def test_spoke_with_split_by_the_day_is_still_a_call(registry):
    """"spoke on Tuesday (Mar 4) with" is "spoke with" with its day in between."""
    text = """\
        WASHINGTON: US Secretary of State Antony Blinken spoke on Tuesday (Mar 4) with Chinese Foreign Minister Wang Yi on regional issues, the State Department said.
        """
    assert [t for t, _, _ in _events(registry, text)] == ["phone_call"]


def test_spoke_with_split_by_other_words_is_no_call(registry):
    text = """\
        US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Jakarta on Tuesday. Blinken spoke at length about trade with reporters.
        """
    assert [t for t, _, _ in _events(registry, text)] == ["meeting"]


def test_an_encounter_announced_for_later_is_not_the_one_reported(registry):
    """"sera reçu en mars" is planned; the talks the next sentence reports are the encounter."""
    text = """\
        Le président sénégalais Macky Sall sera reçu en mars à Beijing, a annoncé vendredi à Dakar le ministre chinois des Affaires étrangères Wang Yi. M. Wang l'a dit à l'issue d'un entretien avec le président sénégalais.
        """
    assert [t for t, _, _ in _events(registry, text)] == ["talks"]


def test_a_working_dinner_is_a_meeting(registry):
    text = """\
        Le ministre français de l'Europe et des Affaires étrangères, Jean-Noël Barrot, a participé lundi à un dîner de travail avec le ministre chinois des Affaires étrangères, Wang Yi.
        Les deux ministres ont eu des discussions sur l'Ukraine.
        """
    assert [t for t, _, _ in _events(registry, text)] == ["meeting"]


# ---- several encounters: "also" exchanges ---------------------------------------------------
def test_officials_who_also_exchanged_messages_pair_in_the_order_named(registry):
    """"A and B also exchanged messages with C and D": A writes to C, B to D, on the lead's day."""
    text = """\
        Hanoï (VNA) - À l'occasion du Nouvel An lunaire, le président vietnamien Nguyên Xuân Phuc a échangé dimanche 30 janvier 2022 des messages de vœux avec le président chinois Xi Jinping.

        Le Premier ministre Pham Minh Chinh et le ministre des Affaires étrangères Bui Thanh Son ont également échangé des messages avec le Premier ministre Li Keqiang et le ministre des Affaires étrangères Wang Yi.
        """
    extraction = _extract(registry, text)
    pairs = sorted(tuple(sorted(p.name for p in e.participants)) for e in extraction.events)
    assert {e.type for e in extraction.events} == {"message"} and {e.date for e in extraction.events} == {"2022-01-30"}
    assert pairs == sorted([("Nguyen Xuan Phuc", "Xi Jinping"), ("Li Keqiang", "Pham Minh Chinh"),
                            ("Bui Thanh Son", "Wang Yi")])


def test_a_call_also_held_with_officials_of_other_states_is_no_encounter_between_them(registry):
    """"Il s'est également entretenu par téléphone avec ... américain ... et ... japonais": the
    caller is the subject left unnamed, not one of the two."""
    text = """\
        Le président Emmanuel Macron et son homologue chinois Xi Jinping se sont entretenus par téléphone le 15 octobre 2019.
        Il s'est également entretenu par téléphone avec le président américain Donald Trump et le Premier ministre japonais Shinzo Abe.
        """
    assert [countries for _, _, countries in _events(registry, text)] == [["CHN", "FRA"]]


# ---- several encounters: section headings ---------------------------------------------------
SECTIONED = """\
    Premier Li's busy week of diplomacy

    Updated: Sep 6,2015 6:50 PM

    Photographers followed Premier Li Keqiang through a week of diplomacy in Beijing.

    Meeting with Kazakh President Nursultan Nazarbayev on Sept 1

    Premier Li Keqiang told Kazakh President Nursultan Nazarbayev that the two sides should deepen capacity cooperation.

    Meeting with Serbian President Tomislav Nikolic on Sept 2

    Premier Li said Chinese companies would invest more in Serbia.

    Meeting with Egyptian President Abdel Fattah al-Sisi on Sept 2

    Premier Li said anti-terrorism cooperation should be strengthened.
    """


def test_each_section_heading_naming_a_meeting_is_one(registry):
    """"Meeting with Serbian President Nikolic on Sept 2" under a readout of a meeting on Sept 1:
    the host met each leader a heading names, on the heading's day."""
    assert sorted(_events(registry, SECTIONED)) == [("meeting", "2015-09-01", ["CHN", "KAZ"]),
                                                   ("meeting", "2015-09-02", ["CHN", "EGY"]),
                                                   ("meeting", "2015-09-02", ["CHN", "SRB"])]


def test_one_short_line_or_a_list_of_links_is_no_section(registry):
    """A line cut short, or items of a list of other stories ("- President X met Y"), head no
    section of their own."""
    text = """\
        Foreign Minister Wang Yi met with US Secretary of State Mike Pompeo in Washington on May 23, 2018.

        Related stories

        - Argentine President Mauricio Macri meets with Wang Yi

        - Wang Yi meets Brazilian Foreign Minister Aloysio Nunes
        """
    assert [countries for _, _, countries in _events(registry, text)] == [["CHN", "USA"]]


# ---- a headline's short verb and a lead that says talks -------------------------------------
def test_a_lead_that_speaks_only_of_talks_outranks_the_headlines_meets(registry):
    """"X trifft Y" heads a lead in which they "came together for talks": the encounter was talks."""
    text = """\
        Li Qiang trifft Bundeskanzler Olaf Scholz

        Chinas Ministerpräsident Li Qiang ist am 20. Juni 2023 in Berlin mit Bundeskanzler Olaf Scholz zu Gesprächen zusammengekommen.

        Beide Seiten sprachen über Handel und Klimaschutz.
        """
    assert _events(registry, text) == [("talks", "2023-06-20", ["CHN", "DEU"])]


def test_a_lead_that_names_its_meeting_keeps_the_headlines_type(registry):
    """"ont tenu une rencontre ... se félicitant de discussions": the lead's own word is meeting."""
    text = """\
        Rencontre à Paris

        Les chefs de la diplomatie chinoise et française, Wang Yi et Jean-Noël Barrot, ont tenu le 3 mars 2025 une longue rencontre à Paris, se félicitant de discussions « franches ».
        """
    assert _events(registry, text) == [("meeting", "2025-03-03", ["CHN", "FRA"])]


# ---- an ambassador's "visit" is a call on an official ---------------------------------------
def test_an_ambassadors_visit_to_a_minister_is_a_meeting(registry):
    """The envoy lives in the country: "stattete ... einen Besuch ab" is a call, not a journey."""
    text = """\
        Besuch des Botschafters bei Bundesrat Cassis

        Am 12. März 2024 stattete der chinesische Botschafter in der Schweiz Wang Shihting Bundesrat Ignazio Cassis, Vorsteher des Eidgenössischen Departements für auswärtige Angelegenheiten, einen Besuch ab.

        Beide Seiten tauschten sich über die bilateralen Beziehungen aus.
        """
    assert _events(registry, text) == [("meeting", "2024-03-12", ["CHE", "CHN"])]


def test_a_minister_visiting_with_the_ambassador_still_visits(registry):
    text = """\
        Le ministre chinois des Affaires étrangères Wang Yi a effectué le 5 mai 2024 une visite à Abidjan, accompagné de l'ambassadeur de Chine en Côte d'Ivoire, Wu Peng.
        Il a été accueilli par le ministre ivoirien des Affaires étrangères Kacou Houadja Léon Adom.
        """
    events = _events(registry, text)
    assert [e[0] for e in events] == ["visit"]


# ---- a caption printed twice -----------------------------------------------------------------
def test_a_caption_printed_again_under_its_credit_is_no_lead(registry):
    """The picture's words stand above "Crédit Photo" and again below it: neither is the lead."""
    caption = ("Le ministre béninois des Affaires étrangères, Olushegun Adjadi Bakari, accueillant le ministre "
               "chinois des Affaires étrangères, Wang Yi, à l'aéroport de Cotonou, le 14 janvier 2025.")
    text = f"""\
        Le chef de la diplomatie chinoise en visite au Bénin

        {caption}
        Crédit Photo : AGENCE / AFP
        {caption}

        Le ministre chinois des Affaires étrangères Wang Yi a salué mercredi 15 janvier 2025 l'amitié entre la Chine et le Bénin, à l'occasion d'une visite dans ce pays.
        "Nous remercions le Bénin", a déclaré M. Wang à l'issue d'un entretien avec le président béninois Patrice Talon.
        """
    assert _events(registry, text) == [("talks", "2025-01-15", ["BEN", "CHN"])]


# ---- the counterpart named above the lead ------------------------------------------------------
def test_the_counterpart_named_with_the_guest_above_the_dated_lead_takes_part(registry):
    """The first sentence names both ministers but no cue or day; the dated lead says "son homologue"."""
    text = """\
        Le ministre des Affaires étrangères Ahmed Attaf et son homologue chinois, Wang Yi se sont félicités de la convergence de vues entre les deux pays.

        Lors de la visite de travail qu'effectue M. Attaf en Chine du 10 au 12 juin 2024, à l'invitation de son homologue chinois, les deux parties ont échangé leurs vues.
        """
    assert _events(registry, text) == [("visit", "2024-06-10", ["CHN", "DZA"])]


# ---- a visit given as a span of days -----------------------------------------------------------
def test_a_visit_given_as_a_span_of_days_is_dated_its_first_day(registry):
    text = """\
        Le président sénégalais Bassirou Diomaye Faye effectue du 2 au 5 septembre 2024 une visite d'État en Chine, à l'invitation du président chinois Xi Jinping.
        """
    assert _events(registry, text) == [("visit", "2024-09-02", ["CHN", "SEN"])]


def test_a_meeting_on_the_last_day_of_a_span_keeps_its_day(registry):
    text = """\
        Le ministre chinois des Affaires étrangères Wang Yi a rencontré le 5 septembre 2024 à Pékin le président sénégalais Bassirou Diomaye Faye, en visite d'État du 2 au 5 septembre.
        """
    assert _events(registry, text) == [("meeting", "2024-09-05", ["CHN", "SEN"])]


# ---- a year-less day in the lead on an undated page (held-out round 2) -------------------------
def test_a_year_less_day_in_the_lead_takes_the_year_of_the_full_dates_written(registry):
    """"On November 18, ... consultations held on November 2, 2023": the page has no date; the
    lead's day lies in the year the text writes, after the consultations it looks back on — the
    full date is another encounter's, not this one's."""
    text = """\
        Foreign Minister receives Ambassador of Cuba

        On November 18, Foreign Minister Wang Yi received Ambassador of the Republic of Cuba Carlos Miguel Pereira.

        The two sides stressed the importance of implementing the issues agreed during the political consultations held on November 2, 2023.
        """
    events = _events(registry, text, "en")
    assert [(t, d) for t, d, _ in events] == [("meeting", "2023-11-18")]


def test_a_year_less_day_before_the_full_date_written_takes_no_year_from_it(registry):
    """A day that would fall before the full date the text writes in that year is not read into it."""
    text = """\
        Foreign Minister receives Ambassador of Cuba

        On October 18, Foreign Minister Wang Yi received Ambassador of the Republic of Cuba Carlos Miguel Pereira.

        The two sides stressed the importance of implementing the issues agreed during the political consultations held on November 2, 2023.
        """
    events = _events(registry, text, "en")
    assert [d for _, d, _ in events] != ["2023-10-18"]


def test_the_day_they_last_spoke_is_not_the_calls(registry):
    """"The last time the two ministers spoke was on March 5": an earlier contact's day."""
    text = """\
        Wang Yi Holds Phone Call with Antony Blinken

        2024-03-14

        Foreign Minister Wang Yi held a phone call with U.S. Secretary of State Antony Blinken.
        The two sides exchanged views on bilateral relations.
        The last time the two ministers spoke was on March 5.
        """
    assert [(t, d) for t, d, _ in _events(registry, text, "en")] == [("phone_call", "2024-03-14")]


def test_a_weekday_said_of_the_encounter_itself_reads_against_a_lone_dateline(registry):
    """"BEIJING, March 12 (Xinhua) -- ... held a phone call ... In the phone call, which took place
    on Monday, ...": the dateline is the copy's day (a Tuesday); the call was the Monday before."""
    text = """\
        Wang Yi holds phone call with Blinken

        BEIJING, March 12, 2024 (Xinhua) -- Chinese Foreign Minister Wang Yi held a phone call with U.S. Secretary of State Antony Blinken.

        In the phone call, which took place on Monday evening, the two sides exchanged views on bilateral relations.
        """
    assert [(t, d) for t, d, _ in _events(registry, text, "en")] == [("phone_call", "2024-03-11")]


def test_a_weekday_of_another_encounter_leaves_the_dateline_the_day(registry):
    """A weekday in a later sentence that does not name this encounter dates nothing of it."""
    text = """\
        Wang Yi holds phone call with Blinken

        BEIJING, March 12, 2024 (Xinhua) -- Chinese Foreign Minister Wang Yi held a phone call with U.S. Secretary of State Antony Blinken.

        The two sides exchanged views on the situation, which worsened on Monday.
        """
    assert [(t, d) for t, d, _ in _events(registry, text, "en")] == [("phone_call", "2024-03-12")]


# ---- a post just taken up: the first year of the term (held-out round 2) ------------------------
def test_a_post_just_taken_up_puts_a_year_less_day_in_the_first_year_of_the_term(registry):
    """Liu Xiaoming was ambassador in London from February 2010: "On April 8" fits every year
    of his term, but one "welcomed to assume his office" is in its first year."""
    text = """\
        Ambassador Liu Xiaoming calls on the Mayor of London

        On April 8, Ambassador Liu Xiaoming called on the Mayor of London.

        The Mayor welcomed Ambassador Liu to London to assume his office and wished him success.
        """
    assert [d for _, d, _ in _events(registry, text, "en")] == ["2010-04-08"]


# ---- a day-only lead under a month-only stamp (round 6) ----------------------------------------
def test_a_day_without_its_month_takes_the_month_of_a_month_only_stamp(registry):
    """"2024-10" over "岩屋毅外相は9日": the day is one of the stamp's month, which gives the year."""
    text = """\
        2024-10

        岩屋毅外相は9日、中国の王毅外相と電話会談した。
        両外相は建設的かつ安定的な関係を構築する方針を確認した。
        """
    assert _events(registry, text) == [("phone_call", "2024-10-09", ["CHN", "JPN"])]


def test_a_cue_after_a_future_infinitive_is_planned(registry):
    """"sera le premier chef d'Etat à être reçu à Pékin": the reception is to come; the talks
    ("un long entretien") are the encounter reported."""
    text = """\
        Le président Emmanuel Macron sera le premier chef d'Etat européen à être reçu à Pékin cette année, a annoncé vendredi Wang Yi.
        « C'est un signe d'amitié », a dit le ministre chinois des Affaires étrangères Wang Yi à l'issue d'un long entretien avec le ministre français des Affaires étrangères Jean-Yves Le Drian.
        """
    assert [t for t, _, _ in _events(registry, text, "fr")] == ["talks"]


def test_french_talks_stay_talks_when_the_copy_lost_its_apostrophes(registry):
    """"s est entretenu" (a page that stripped apostrophes to spaces) is "s'est entretenu"."""
    text = """\
        Le ministre chinois des Affaires étrangères Wang Yi s est entretenu lundi à Pékin avec le ministre français des Affaires étrangères Jean-Yves Le Drian.
        Les deux parties ont échangé leurs vues sur les relations bilatérales.
        """
    assert [t for t, _, _ in _events(registry, text, "fr")] == ["talks"]


def test_a_series_of_meetings_stays_open_past_each_encounter_it_reports(registry):
    """"held a series of meetings ... He then met ... also met": each encounter found keeps the
    series open for the next sentences, so a third one thirteen sentences after the lead counts."""
    filler = "They discussed trade, health and the climate. " * 5
    text = ("New York, Sep 22: External Affairs Minister S Jaishankar on Wednesday held a series of meetings "
            "with his counterparts on the sidelines of the UN General Assembly.\n"
            f"He first met Foreign Minister of Finland Pekka Haavisto. {filler}\n"
            f"He then met Sri Lankan Foreign Minister G.L. Peiris. {filler}\n"
            "Jaishankar also met the new Tanzanian Foreign Minister Liberata Mulamula.\n")
    found = _events(registry, text, "en")
    assert sorted(c for _, _, cs in found for c in cs if c != "IND") == ["FIN", "LKA", "TZA"]


def test_a_day_a_demonstrative_introduces_later_on_is_the_reported_day(registry):
    """No year on the page, "este viernes" in the lead and, paragraphs on, "Este 19 de abril"
    in a sentence naming others too: the demonstrative marks the day being reported, and the
    foreign minister's only term with that day gives the year."""
    text = """\
        La canciller argentina Diana Mondino se reunió este viernes en Bogotá con el canciller colombiano Luis Gilberto Murillo.

        Ambos repasaron el comercio bilateral y la cooperación en seguridad.

        La reunión duró cerca de dos horas.

        Los cancilleres hablaron también de las rutas aéreas.

        Este 19 de abril, a los cancilleres los acompañaron el vicecanciller Francisco Coy y el embajador Camilo Romero.
        """
    assert [(kind, day, sorted(set(states))) for kind, day, states in _events(registry, text, "es")] == \
        [("meeting", "2024-04-19", ["ARG", "COL"])]


# ---- a party new in post: the day after the term began (round 6, issue 11) -------------------
def test_a_day_of_the_month_said_first_since_taking_office_falls_early_in_the_term(registry):
    """Iwaya became foreign minister on 2024-10-01 and nothing on the page writes a month or a
    year: "9日 ... 就任後初めて" is the first 9th of his term."""
    text = """\
        岩屋毅外相は9日、就任後初めて中国の王毅外相と電話で会談し、今後の両国関係について意見を交わした。
        """
    assert _events(registry, text, "ja") == [("phone_call", "2024-10-09", ["CHN", "JPN"])]


def test_a_weekday_with_a_minister_called_new_is_the_first_such_weekday_of_the_term(registry):
    """Wang Yi became foreign minister on 2013-03-16 while Fabius held the French post: "mardi"
    with "nouveau ministre" is the first Tuesday after; his second term (2023) finds Fabius out
    of office, so it is the one day that fits."""
    text = """\
        Laurent Fabius, ministre français des Affaires étrangères, s'est entretenu mardi au téléphone avec Wang Yi, nouveau ministre chinois des Affaires étrangères.
        """
    assert _events(registry, text, "fr") == [("phone_call", "2013-03-19", ["CHN", "FRA"])]


def test_a_new_official_the_registry_does_not_know_leaves_the_day_open(registry):
    """The one called new is not in the registry: the term that began is theirs, unknown, so no
    other official's term start may date the call."""
    text = """\
        Laurent Fabius, ministre français des Affaires étrangères, s'est entretenu mardi au téléphone avec le nouveau ministre ruritanien des Affaires étrangères, Jan Novak.
        """
    assert [d for _, d, _ in _events(registry, text, "fr")] == [None]


# ---- credentials presented: a meeting (round 6, issue 11) --------------------------------------
def test_an_ambassador_presenting_credentials_meets_the_head_of_state(registry):
    """"presented his credentials", "a remis ses lettres de créance" (letters, but no message):
    the ambassador meets whom they present them to, named here by title only."""
    en = "On 3 July 2023, Chinese Ambassador Xie Feng presented his credentials to the President of the United States."
    assert _events(registry, en, "en") == [("meeting", "2023-07-03", ["CHN", "USA"])]
    fr = "Le 3 juillet 2023, l'ambassadeur chinois Xie Feng a remis ses lettres de créance au président des États-Unis."
    assert _events(registry, fr, "fr") == [("meeting", "2023-07-03", ["CHN", "USA"])]


# ---- "Earlier today": one more encounter the same day (round 6, issue 11) ----------------------
def test_an_encounter_reported_as_earlier_today_is_one_more_on_the_same_day(registry):
    """"Earlier today, X met Y": a sentence opening so names an encounter of the lead's day
    with another official, one more encounter."""
    text = """\
        On 8 November 2022, Russian Foreign Minister Sergey Lavrov met Chinese Ambassador Xie Feng in Moscow.
        Earlier today, Ambassador Xie met Russian Deputy Foreign Minister Andrei Rudenko and discussed consular matters.
        """
    assert _events(registry, text, "en") == [("meeting", "2022-11-08", ["CHN", "RUS"]),
                                             ("meeting", "2022-11-08", ["CHN", "RUS"])]


def test_an_encounter_reported_as_earlier_in_the_day_is_one_more_in_french(registry):
    """"Plus tôt dans la journée, X avait rencontré Y": the same form as "Earlier today"."""
    text = """\
        Le 8 novembre 2022, le ministre russe des Affaires étrangères Sergueï Lavrov a rencontré l'ambassadeur chinois Xie Feng à Moscou.
        Plus tôt dans la journée, l'ambassadeur Xie avait rencontré le vice-ministre russe des Affaires étrangères Andreï Roudenko.
        """
    assert _events(registry, text, "fr") == [("meeting", "2022-11-08", ["CHN", "RUS"]),
                                             ("meeting", "2022-11-08", ["CHN", "RUS"])]


# ---- a caption opened by its own words; its day against the lead's weekday (round 6, issue 11) --
def test_a_caption_opened_as_such_does_not_date_an_encounter_of_another_weekday(registry):
    """"Photo d'archives de X à Pékin, le 12 mars 2023, ..." is a caption whatever credit closes
    it, so it is no sentence of the opening; and its day (a Sunday) is not that of an encounter
    the lead puts on a Tuesday: under a month-only stamp the day stays open."""
    text = """\
        2023-06 Sommet téléphonique entre Olaf Scholz et Olaf Scholz: un entretien pour détendre l'atmosphère?

        Photo d'archives de Li Qiang à Pékin, le 12 mars 2023, et d'Olaf Scholz à Berlin. AFP - Jean Dupont

        Le Premier ministre chinois Li Qiang s'est entretenu mardi par téléphone avec le chancelier allemand Olaf Scholz.
        """
    assert [d for _, d, _ in _events(registry, text, "fr")] == [None]

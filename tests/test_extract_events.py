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

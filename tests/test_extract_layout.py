"""kg.extract.layout: page furniture, headline and publisher, on tiny pages written by the team."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def _publisher(registry, text: str, lang: str = "zh") -> str | None:
    document = Document(source="t.txt", text=textwrap.dedent(text), sha256="0" * 64, lang=lang)
    return extract(document, registry).publisher_country


def test_headline_naming_a_government_envoy_is_not_a_masthead(registry):
    """"中国政府...特使薛冰会见埃塞俄比亚副总理": "政府" in a headline that reports the meeting
    does not make Ethiopia the publisher."""
    text = """\
        中国政府非洲之角事务特使薛冰会见埃塞俄比亚副总理兼外长德梅克

        2022-06-24 08:15

        当地时间6月22日，中国政府非洲之角事务特使薛冰在亚的斯亚贝巴会见埃塞俄比亚副总理兼外长德梅克。
        """
    assert _publisher(registry, text) != "ETH"


def test_embassy_masthead_names_the_publisher(registry):
    text = """\
        中华人民共和国驻尼泊尔联邦民主共和国大使馆

        国务委员兼国防部长魏凤和会见尼泊尔总理奥利

        发布时间：2020-11-30 09:12

        2020年11月29日，国务委员兼国防部长魏凤和在加德满都会见尼泊尔总理奥利。
        """
    assert _publisher(registry, text) == "CHN"


def test_a_one_paragraph_readout_opening_with_its_date_is_read(registry):
    """"2022年3月3日，国务委员兼外长王毅同...通电话。": a line that opens with a full date but
    reports an encounter is the text, not the page's date line."""
    from kg.extract import extract
    from kg.model import Document
    text = "2022年3月3日，国务委员兼外长王毅同爱沙尼亚外长奥特通电话。\n"
    extraction = extract(Document(source="t.txt", text=text, sha256="0" * 64, lang="zh"), registry)
    (event,) = extraction.events
    assert event.date == "2022-03-03" and not event.date_inferred
    wang = next(p for p in event.participants if p.name == "Wang Yi")
    assert {"foreign_minister", "state_councilor"} <= set(wang.roles)
    assert {p.country for p in event.participants} == {"CHN", "EST"}


def test_labelled_date_in_a_bar_of_site_furniture_dates_the_page(registry):
    """A stamp with its label ("Mis à jour le") inside a long "|" bar of site furniture is the
    page's date: a weekday in the lead resolves against it."""
    text = textwrap.dedent("""\
        Entretien entre les ministres chinois et belge à Bruxelles

        Agence.example.org | Mis à jour le 13. 05. 2016 | Mots clés : Belgique, Chine, Visite

        Le ministre chinois des Affaires étrangères Wang Yi et son homologue belge Didier Reynders se sont rencontrés jeudi à Bruxelles.

        M. Wang effectue actuellement une visite officielle en Belgique.

        Les deux parties ont évoqué les relations bilatérales.

        Elles ont aussi parlé de la coopération économique.

        Cette année marque un anniversaire des relations entre les deux pays.
        """)
    document = Document(source="t.txt", text=text, sha256="0" * 64, lang="fr")
    result = extract(document, registry)
    assert result.published == "2016-05-13"
    assert [e.date for e in result.events] == ["2016-05-12"]


def test_abbreviated_month_dateline_before_the_lead_dates_the_encounter(registry):
    """"Quito (Ecuador), (jul. 9/13).": a Spanish month shortened with a stop ends no sentence,
    so the dateline's day (month first, two-digit year) is the encounter's."""
    text = textwrap.dedent("""\
        La Canciller se reunió con su homólogo ecuatoriano

        Quito (Ecuador), (jul. 9/13). La Ministra de Relaciones Exteriores de Colombia, María Ángela Holguín, sostuvo una reunión con el Canciller del Ecuador, Ricardo Patiño.

        Durante el encuentro se discutieron los temas de la agenda binacional.
        """)
    document = Document(source="t.txt", text=text, sha256="0" * 64, lang="es")
    assert [e.date for e in extract(document, registry).events] == ["2013-07-09"]


def test_a_stamp_with_its_time_of_day_is_the_articles_over_the_sites_date_of_the_day(registry):
    """A news site's bar writes today's date ("Thursday 28 November 2024") above the article's own
    stamp with its time ("22-6-2020 | 16:21"): the stamp with the time dates the page."""
    text = textwrap.dedent("""\
        Thursday 28 November 2024

        News

        Foreign Minister Wang Yi holds phone call with Antony Blinken

          • 22-6-2020 | 16:21

        Foreign Minister Wang Yi held a phone call today with U.S. Secretary of State Antony Blinken.

        The two sides exchanged views on bilateral relations and the situation in the region.
        """)
    document = Document(source="t.txt", text=text, sha256="0" * 64, lang="en")
    result = extract(document, registry)
    assert result.published == "2020-06-22"
    assert [e.date for e in result.events] == ["2020-06-22"]


def test_a_sentence_of_the_article_with_a_full_date_is_no_date_line(registry):
    """"谢锋于2023年5月23日抵美履新。(完)": a short line that goes on past its date and ends as a
    sentence does is prose, not the page's date line; a bare date line still is one."""
    from kg.extract.layout import read_layout
    text = ("中国新任驻美大使向美国总统递交国书\n"
            "新华社华盛顿7月1日电 美国总统拜登6月30日在白宫会见中国新任驻美大使谢锋。拜登欢迎谢锋履新。\n"
            "谢锋表示,愿为推动中美关系发展作出努力。\n"
            "谢锋于2023年5月23日抵美履新。(完)\n")
    assert read_layout(text, registry, "zh").published is None
    dated = text.replace("谢锋于2023年5月23日抵美履新。(完)", "2023年7月2日")
    assert read_layout(dated, registry, "zh").published.isoformat() == "2023-07-02"


def test_a_headline_printed_twice_is_no_paragraph(registry):
    """A long headline that ends with a quotation looks like a sentence; printed again at once
    (page title, then the article's heading) it is the headline, and the labelled stamp under it
    dates the page rather than the site's banner above."""
    text = textwrap.dedent("""\
        Saturday, April 20, 2024

        Foreign Minister Alpha Beta calls his Japanese counterpart and says the two nations will "go further"

        Foreign Minister Alpha Beta calls his Japanese counterpart and says the two nations will "go further"

        Posted 22 May 2019 18:31

        Foreign Minister Alpha Beta of Malaysia held a telephone call with Japanese Foreign Minister Yoshimasa Hayashi on Wednesday.
        """)
    document = Document(source="t.txt", text=text, sha256="0" * 64, lang="en")
    assert extract(document, registry).published == "2019-05-22"


def test_a_short_lead_glued_to_a_link_to_the_full_text_is_no_breadcrumb_trail(registry):
    """"...举行视频会晤。2020-07-22 全文>>>": a closed Chinese sentence inside the line makes it
    the lead, whatever link the page glued to its end; its day dates the encounter."""
    text = ("某某网北京5月12日消息 国务院总理李克强11日下午在人民大会堂同老挝总理通伦举行视频会晤。2020-05-12 全文>>>\n\n"
            "李克强表示，中老两国关系历久弥坚。\n")
    extraction = extract(Document(source="t.txt", text=text, sha256="0" * 64, lang="zh"), registry)
    assert [(e.type, e.date, e.date_inferred) for e in extraction.events] == [("video_call", "2020-05-11", False)]

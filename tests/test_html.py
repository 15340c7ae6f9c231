"""kg.sources.html: saved pages reduced to headline, date line and body paragraphs."""

from __future__ import annotations

from textwrap import dedent

import pytest

from kg.sources.html import html_to_text, sniff_charset
from kg.sources.reader import read_document

BODY = "<p>On 21 January 2021, Wang Yi had a phone call with Mukhtar Tleuberdi.</p>"


def text_of(html: str) -> str:
    return html_to_text(dedent(html))[0]


def test_title_is_the_headline_without_the_site_name():
    text, title = html_to_text(f"<title>Wang Yi Holds Phone Call with Tleuberdi - Ministry of Foreign Affairs</title>{BODY}")
    assert title == "Wang Yi Holds Phone Call with Tleuberdi"
    assert text.split("\n\n")[0] == title


@pytest.mark.parametrize("title", ["王毅同特列乌别尔季通电话_中华人民共和国外交部", "外交部 | 王毅同特列乌别尔季通电话",
                                   "王毅同特列乌别尔季通电话——中华人民共和国外交部"])
def test_chinese_title_separators(title):
    assert html_to_text(f"<title>{title}</title>{BODY}")[1] == "王毅同特列乌别尔季通电话"


def test_h1_wins_over_the_title_and_is_not_repeated():
    text, title = html_to_text(f"<title>MFA</title><h1>Wang Yi Holds Phone Call</h1>{BODY}")
    assert title == "Wang Yi Holds Phone Call"
    assert text.count("Wang Yi Holds Phone Call") == 1 and text.startswith("Wang Yi Holds Phone Call\n\n")


def test_h1_in_navigation_is_not_the_headline():
    text, title = html_to_text(f"<title>Wang Yi Holds Phone Call | MFA</title><nav><h1>MFA</h1></nav>{BODY}")
    assert title == "Wang Yi Holds Phone Call" and "MFA" not in text


@pytest.mark.parametrize("meta", [
    '<meta name="PubDate" content="2021-01-22 10:08:00">',
    '<meta property="article:published_time" content="2021-01-22T10:08:00+08:00">',
    '<meta name="dcterms.issued" content="2021/01/22">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-01-22"}</script>',
])
def test_meta_date_becomes_the_date_line(meta):
    text = text_of(f"<html><head><title>Call | MFA</title>{meta}</head><body>{BODY}</body></html>")
    assert text.split("\n\n")[:2] == ["Call", "2021-01-22"]


def test_page_date_line_wins_over_meta_date():
    text = text_of(f'<meta name="PubDate" content="2021-01-25"><h1>Call</h1><p>Updated: 2021-01-22</p>{BODY}')
    assert "2021-01-25" not in text and "Updated: 2021-01-22" in text


def test_furniture_is_dropped():
    page = """\
        <html><head><title>Call - MFA</title>
        <script>document.write("<p>script text</p>")</script><style>p { color: red }</style></head>
        <body>
        <header class="banner"><div class="logo">Ministry of Foreign Affairs</div></header>
        <nav><a href="/">Home</a> | <a href="/news">News</a></nav>
        <div class="breadcrumb">Home &gt; News</div>
        <ul class="main-menu"><li>Home<li>Press</ul>
        <div id="sidebar">Related links</div>
        <div style="display: none">hidden text</div>
        <div hidden>also hidden</div>
        <h1>Call</h1>
        <p>On 21 January 2021, Wang Yi had a phone call with Mukhtar Tleuberdi.</p>
        <p>【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</p>
        <p><a href="#" onclick="window.print()">Print</a> | <a href="#">Close</a></p>
        <p>[ Print ] [ Close ]</p>
        <p>Back to top</p>
        <div class="share-buttons">Share on Twitter</div>
        <form><input name="q"><button>Search</button></form>
        <footer>Contact us | Sitemap</footer>
        <p>Copyright © 1998-2021 Ministry of Foreign Affairs. All rights reserved.</p>
        <p>Licensed under CC BY 4.0</p>
        <p>版权所有：中华人民共和国外交部 京ICP备06049700号</p>
        </body></html>"""
    assert text_of(page) == "Call\n\nOn 21 January 2021, Wang Yi had a phone call with Mukhtar Tleuberdi."


def test_article_header_is_kept():
    page = f"<main><article><header><h1>Call</h1><p>Madrid, 6 de febrero de 2024</p></header>{BODY}</article></main>"
    assert text_of(page).split("\n\n")[:2] == ["Call", "Madrid, 6 de febrero de 2024"]


def test_paragraph_breaks_are_kept():
    text = text_of("<h1>Call</h1><p>First\n  paragraph.</p><div>Second<br>line two.</div><p>Third.</p>")
    assert text == "Call\n\nFirst paragraph.\n\nSecond\nline two.\n\nThird."


def test_line_wraps_inside_chinese_text_leave_no_space():
    text = text_of("<p>2021年1月21日，国务委员兼外长王毅同哈萨克斯坦副总理\n    兼外长特列乌别尔季通电话。</p><p>中方 愿意</p>")
    assert text == "2021年1月21日，国务委员兼外长王毅同哈萨克斯坦副总理兼外长特列乌别尔季通电话。\n\n中方 愿意"


def test_entities_and_nbsp():
    assert text_of("<p>Jean-No&euml;l&nbsp;Barrot &amp; Wang&#160;Yi &#20013;&#25991;</p>") == "Jean-Noël Barrot & Wang Yi 中文"


def test_unclosed_items_and_paragraphs_do_not_swallow_the_page():
    text = text_of("<ul class='menu'><li>Home<li>News</ul><p>One.<p>Two.<div>Three.</div>")
    assert text == "One.\n\nTwo.\n\nThree."


def test_stray_end_tags_are_ignored():
    assert text_of("</div></nav></p><p>Text.</p></footer>") == "Text."


def test_sniff_charset():
    assert sniff_charset(b'<html><head><meta charset="GB2312"></head>') == "gb2312"
    assert sniff_charset(b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>") == "windows-1252"
    assert sniff_charset(b"<html><p>charset=utf-8 in the text is not a declaration</p>") is None


def test_meta_charset_is_honoured_when_reading_a_page(tmp_path):
    page = "<html><head><meta charset='shift_jis'><title>会談</title></head><body><p>東京で会談した。</p></body></html>"
    (tmp_path / "page.html").write_bytes(page.encode("shift_jis"))
    document = read_document(tmp_path / "page.html", tmp_path)
    assert document.title == "会談" and "東京で会談した。" in document.text


def test_page_saved_as_utf8_with_an_old_gb2312_declaration(tmp_path):
    page = "<html><head><meta charset='gb2312'><title>通电话</title></head><body><p>王毅同拉夫罗夫通电话。</p></body></html>"
    (tmp_path / "page.htm").write_bytes(page.encode("utf-8"))
    assert "王毅同拉夫罗夫通电话。" in read_document(tmp_path / "page.htm", tmp_path).text


def test_html_without_suffix_is_recognised(tmp_path):
    (tmp_path / "page.txt").write_text(f"<!DOCTYPE html><html><title>Call - MFA</title>{BODY}</html>", encoding="utf-8")
    document = read_document(tmp_path / "page.txt", tmp_path)
    assert document.text.startswith("Call\n\nOn 21 January") and "<p>" not in document.text


def test_page_with_no_text_is_refused(tmp_path):
    from kg.errors import SourceError

    (tmp_path / "page.html").write_text("<html><nav>Home</nav><script>x()</script></html>", encoding="utf-8")
    with pytest.raises(SourceError, match=r"^page\.html: empty page"):
        read_document(tmp_path / "page.html", tmp_path)


def test_mixed_folder_pages_read_as_readouts(data_dir):
    """The two saved pages of tests/data/mixed: Windows-1252 with a <meta>, and UTF-8."""
    english = read_document(data_dir / "mixed" / "en_barrot_call.html", data_dir / "mixed")
    assert english.title == "Wang Yi Holds Phone Call with French Foreign Minister Jean-Noël Barrot"
    paragraphs = english.text.split("\n\n")
    assert paragraphs[:2] == [english.title, "2024-10-10"]
    assert paragraphs[-1].endswith("The two sides also exchanged views on the situation in the Middle East.")
    for furniture in ("Home", "Print", "Close", "Copyright", "Share", "tracking", "float", "Minister’s Activities"):
        assert furniture not in english.text, furniture
    spanish = read_document(data_dir / "mixed" / "es_albares_meeting.html", data_dir / "mixed")
    assert spanish.text.split("\n\n")[:2] == [spanish.title, "Madrid, 6 de febrero de 2024"]
    assert "Inicio" not in spanish.text and "©" not in spanish.text

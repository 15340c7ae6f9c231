"""Saved web pages to readable text: headline, date line and body paragraphs.

What a page shows around the readout is dropped: scripts and styles, navigation
(``<nav>``, menus, breadcrumbs, side bars, sharing widgets: by tag and by class or id),
``<footer>`` and a page-level ``<header>``, forms, hidden elements, "print" and "close"
links (``javascript:`` links and lines made only of such words), and copyright and
licence lines. What is kept comes out as plain text the extractor reads like a ``.txt``
readout: the headline first (the page's ``<h1>``, or its ``<title>`` without the site
name), then the publication date when only a ``<meta>`` tag gives it, then the body with
one blank line between paragraphs (``<br>`` gives a single line break).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "sniff_charset"]

_SKIP_TAGS = {"script", "style", "noscript", "nav", "footer", "aside", "form", "button", "select", "svg", "iframe",
              "template", "object", "canvas", "dialog", "menu"}
_SKIP_TOKENS = {"nav", "navbar", "navigation", "subnav", "topnav", "menu", "breadcrumb", "breadcrumbs", "crumb",
                "crumbs", "footer", "sidebar", "share", "sharing", "social", "copyright", "toolbar", "cookie",
                "cookies", "pagination", "pager", "related", "skiplink", "advert", "ads"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section", "article", "main", "table",
          "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "header", "figure", "figcaption", "address", "center",
          "caption", "tbody", "thead", "hr"}
_IMPLIED_END = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}  # <li> closes an open <li>, ...
_DATE_METAS = {"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
               "publish_date", "publication_date", "firstpublishedtime", "dc.date.issued", "dcterms.issued",
               "dc.date", "dcterms.date", "dcterms.created", "date", "sailthru.date", "parsely-pub-date"}
# Page furniture, whatever the readout's language: a short line made only of these is a
# print/close/share widget, not text.
_ACTION_WORDS = {
    "print", "printer", "friendly", "version", "close", "window", "this", "page", "back", "to", "top", "share",
    "email", "e-mail", "font", "size", "imprimer", "fermer", "la", "fenêtre", "cette", "retour", "en", "haut",
    "partager", "imprimir", "cerrar", "ventana", "esta", "página", "volver", "arriba", "compartir",
    "打印", "打印本页", "关闭", "关闭窗口", "关闭本页", "返回顶部", "分享", "收藏", "字号", "大", "中", "小", "打印此页",
    "列印", "關閉", "關閉視窗", "分享到"}
_FURNITURE = re.compile(r"©|\bcopyright\b|all rights reserved|droits réservés|derechos reservados|版权所有|版權所有|"
                        r"ICP备|ICP證|ICP证|公网安备|creative commons|licen[cs]ed under|licence ouverte|"
                        r"open government licence|terms of use|conditions d'utilisation|privacy policy", re.IGNORECASE)
_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_WRAP = re.compile(rf"(?<=[{_CJK}])[ \t]*[\r\n]\s*(?=[{_CJK}])")  # a line wrap inside Chinese text
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{4})(\d{2})(\d{2})")
_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
_TITLE_SEPARATORS = re.compile(r"\s+[-|_–—:·»]\s+|\s*[|｜_]\s*|——|\s+-{2,}\s+")
_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')

_PARA, _BR = object(), object()  # structure markers among the text chunks


def sniff_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag in its first 4 kB, if any."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _iso(value: str) -> str | None:
    match = _ISO_DATE.search(value)
    if not match:
        return None
    y, m, d = (int(g) for g in (match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)))
    if not (1900 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_NAME_PARTS = re.compile(r"[\s_-]+")


def _skipped(tag: str, attrs: dict[str, str], inside: dict[str, int]) -> bool:
    if tag in _SKIP_TAGS:
        return True
    if tag == "header" and not (inside.get("article") or inside.get("main")):
        return True  # the site's banner, not the article's header
    if not attrs:
        return False
    if "hidden" in attrs or attrs.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(attrs.get("style", "")):
        return True
    if tag == "a" and (attrs.get("href", "").strip().lower().startswith("javascript:") or "onclick" in attrs):
        return True  # print, close, font-size and share buttons
    if attrs.get("role") in ("navigation", "banner", "contentinfo", "search", "menu", "menubar"):
        return True
    names = f"{attrs.get('class', '')} {attrs.get('id', '')}".lower()
    return bool(_SKIP_TOKENS & set(_NAME_PARTS.split(names)))


class _Page(HTMLParser):
    """Collects the text chunks of a page. Every event costs the same whatever the depth of
    the element it is in (the open elements are counted by name, never searched), so a page
    nested 100,000 deep reads in linear time."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # open elements and whether each starts a skipped region
        self.inside: dict[str, int] = {}  # tag -> how many elements of it are open
        self.skipping = 0
        self.chunks: list = []
        self.title: list[str] = []
        self.h1: list[str] = []
        self.h1_done = False
        self.date: str | None = None
        self.in_json_ld = False

    def _push(self, tag: str, skip: bool) -> None:
        self.stack.append((tag, skip))
        self.inside[tag] = self.inside.get(tag, 0) + 1
        self.skipping += skip

    def _paragraph(self) -> None:
        if not self.chunks or self.chunks[-1] is not _PARA:  # a second mark in a row would add nothing
            self.chunks.append(_PARA)

    def _pop(self) -> str:
        tag, skipping = self.stack.pop()
        self.inside[tag] -= 1
        self.skipping -= skipping
        if tag in _BLOCK:
            self._paragraph()
        if tag == "h1" and self.h1:
            self.h1_done = True
        return tag

    def handle_starttag(self, tag: str, attr_list) -> None:
        attrs = {k.lower(): (v or "") for k, v in attr_list}
        if tag == "meta":
            key = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
            if key in _DATE_METAS and self.date is None:
                self.date = _iso(attrs.get("content", ""))
            return
        if tag == "br":
            self.chunks.append(_BR)
            return
        if tag in _VOID:
            if tag == "hr":
                self._paragraph()
            return
        if self.stack and (self.stack[-1][0] == tag and tag in _IMPLIED_END or
                           self.stack[-1][0] == "p" and tag in _BLOCK):
            self._pop()
        skip = _skipped(tag, attrs, self.inside)
        self._push(tag, skip)
        self.in_json_ld = tag == "script" and attrs.get("type", "").lower() == "application/ld+json"
        if tag in _BLOCK:
            self._paragraph()

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack and self.stack[-1][0] == tag:
            self._pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            self.chunks.append(_BR)
        if self.inside.get(tag):
            while self._pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        inside = self.inside
        if inside.get("title") and not inside.get("svg"):
            self.title.append(data)
            return
        if self.in_json_ld and inside.get("script") and self.date is None:
            match = _JSON_LD_DATE.search(data)
            self.date = _iso(match.group(1)) if match else None
        if self.skipping:
            return
        if inside.get("h1") and not self.h1_done:
            self.h1.append(data)
        self.chunks.append(data)


def _clean_line(raw: str) -> str:
    return " ".join(_CJK_WRAP.sub("", raw).split())


def _furniture(line: str) -> bool:
    if len(line) < 200 and _FURNITURE.search(line):
        return True
    if not any(ch.isalnum() for ch in line):
        return True  # separators, and the brackets left of "【打印】【关闭】" once the links are gone
    tokens = [t for t in re.split(r"[\W_]+", line.lower()) if t]
    return len(line) < 60 and all(t in _ACTION_WORDS for t in tokens)


def _paragraphs(chunks: list) -> list[str]:
    paragraphs: list[str] = []
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        if not current:
            return
        line = _clean_line("".join(current))
        current.clear()
        if line and not _furniture(line):
            lines.append(line)

    for chunk in chunks + [_PARA]:
        if chunk is _PARA or chunk is _BR:
            end_line()
            if chunk is _PARA and lines:
                paragraphs.append("\n".join(lines))
                lines.clear()
        else:
            current.append(chunk)
    return paragraphs


def _headline_from_title(title: str) -> str | None:
    """The page title without the site's name: its longest part between separators."""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p and p.strip()]
    return max(parts, key=len) if parts else None


def html_to_text(html: str) -> tuple[str, str | None]:
    """The readable text of a page and its headline.

    >>> html_to_text("<title>Talks - MFA</title><nav>Home</nav><p>Wang Yi held talks.</p>")
    ('Talks\\n\\nWang Yi held talks.', 'Talks')
    """
    page = _Page()
    page.feed(html)
    page.close()
    while page.stack:
        page._pop()
    paragraphs = _paragraphs(page.chunks)
    h1 = _clean_line("".join(page.h1))
    title = _clean_line("".join(page.title))
    headline = h1 or (_headline_from_title(title) if title else None)
    if headline and not h1 and not any(headline in p for p in paragraphs[:3]):
        paragraphs.insert(0, headline)
    if page.date:
        start = 1 if headline and paragraphs and paragraphs[0].startswith(headline) else 0
        # a date line of the page's own (short, not a sentence) wins over the <meta> date
        head = [line for p in paragraphs[:6] for line in p.split("\n")
                if len(line) < 80 and not line.endswith((".", "。", "!", "?", "！", "？"))]
        if not any(_YEAR.search(line) for line in head):
            paragraphs.insert(start, page.date)
    return "\n\n".join(paragraphs), headline

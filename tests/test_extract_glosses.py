"""Pages that write a reading gloss after characters ("習(xí)近平", "王毅(おう・き)") read as
the page without them, while every evidence span still cites the original text (issue 11)."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Document


def _extract(registry, text: str, lang: str):
    return extract(Document(source="t.txt", text=text, sha256="0" * 64, lang=lang), registry)


_GLOSSED = ("新華社北京5月6日電 國(guó)家主席習(xí)近平6日在人民大會(huì)堂會(huì)見"
            "法國(guó)總統(tǒng)馬克龍。\n"
            "習(xí)近平表示，中方堅(jiān)持一個(gè)中國(guó)原則。\n")


def test_names_titles_and_cues_match_through_pinyin_glosses(registry):
    extraction = _extract(registry, _GLOSSED, "zh")
    assert [e.type for e in extraction.events] == ["meeting"]
    people = {(p.country, p.name) for p in extraction.events[0].participants}
    assert ("CHN", "Xi Jinping") in people and "FRA" in {country for country, _ in people}


def test_every_span_of_a_glossed_page_is_the_original_words(registry):
    extraction = _extract(registry, _GLOSSED, "zh")
    spans = [e.evidence for e in extraction.events]
    spans += [p.evidence for e in extraction.events for p in e.participants if p.evidence]
    spans += [s.evidence for s in extraction.endorsements]
    assert spans
    for span in spans:
        cited = _GLOSSED[span.start:span.end]
        assert cited == cited.strip() and cited
        assert not cited.startswith("(") and not cited.endswith("(")
    assert "會(huì)見" in _GLOSSED[extraction.events[0].evidence.start:extraction.events[0].evidence.end]


def test_a_kana_reading_inside_a_name_does_not_cut_it(registry):
    """Furigana after each part of a name ("習(しゅう)近平(きんぺい)", "金(キム)正恩(ジョンウン)")."""
    text = "日中首脳電話会談\n2022年9月30日\n岸田文雄首相は29日、習(しゅう)近平(きんぺい)国家主席と電話会談を行った。\n"
    extraction = _extract(registry, text, "ja")
    assert "Xi Jinping" in {p.name for e in extraction.events for p in e.participants}
    text = "中朝首脳会談\n2019年6月20日\n習氏は20日、北朝鮮の金(キム)正恩(ジョンウン)朝鮮労働党委員長と会談した。\n"
    extraction = _extract(registry, text, "ja")
    assert "Kim Jong-un" in {p.name for e in extraction.events for p in e.participants}

"""Round 6 of media: talks the lead reports, held by the medium a later sentence of the opening
says both sides spoke by ("The two ministers spoke by phone", "双方通过电话"), are that call."""

from __future__ import annotations

import hashlib
import textwrap

import pytest

from kg.extract import extract
from kg.model import Document


def _types(registry, text: str, lang: str) -> list[tuple[str, str | None]]:
    body = textwrap.dedent(text).strip() + "\n"
    doc = Document(source="t.txt", text=body, sha256=hashlib.sha256(body.encode()).hexdigest(), lang=lang)
    return [(e.type, e.date) for e in extract(doc, registry).events]


_TALKS = {
    "en": ("Foreign Minister Wang Yi held talks with German Foreign Minister Annalena Baerbock on March 6, 2023.\n"
           "The two ministers spoke by phone about bilateral ties.\n", "by phone"),
    "zh": ("2023年3月6日，外交部长王毅同德国外长贝尔伯克举行会谈。\n双方通过电话就中德关系交换了意见。\n", "通过电话"),
    "ru": ("6 марта 2023 года министр иностранных дел России Сергей Лавров провел переговоры с министром "
           "иностранных дел Китая Ван И.\nСтороны по телефону обсудили двусторонние отношения.\n", "по телефону"),
    "fr": ("Le 6 mars 2023, le ministre Wang Yi a eu des entretiens avec son homologue allemande Annalena Baerbock.\n"
           "Les deux ministres se sont parlé au téléphone des relations bilatérales.\n", "au téléphone"),
    "de": ("Am 6. März 2023 führte Außenministerin Annalena Baerbock Gespräche mit dem chinesischen Außenminister Wang Yi.\n"
           "Die beiden Minister sprachen telefonisch über die Beziehungen.\n", "telefonisch"),
    "es": ("El 6 de marzo de 2023, el canciller Santiago Cafiero mantuvo conversaciones con el secretario de Estado "
           "de EE.UU., Antony Blinken.\nAmbos cancilleres hablaron por teléfono de la relación bilateral.\n", "por teléfono"),
    "pt": ("Em 6 de março de 2023, o chanceler Mauro Vieira manteve conversações com o secretário de Estado dos EUA, "
           "Antony Blinken.\nOs dois chanceleres trataram por telefone da relação bilateral.\n", "por telefone"),
    "ja": ("2023年3月6日、林外務大臣は、ブリンケン米国務長官と会談を行いました。\n両外相は電話で日米関係について意見交換しました。\n",
           "電話で"),
    "ko": ("박진 외교부 장관은 2023년 3월 6일 토니 블링컨 미국 국무장관과 회담을 가졌다.\n양 장관은 전화로 한미 동맹을 논의했다.\n", "전화로"),
    "ar": ("أجرى وزير الخارجية سامح شكري يوم 6 مارس 2023 مباحثات مع وزير الخارجية الأمريكي أنتوني بلينكن.\n"
           "وبحث الوزيران هاتفيا العلاقات الثنائية.\n", "هاتفيا"),
}


@pytest.mark.parametrize("lang", sorted(_TALKS))
def test_both_sides_speaking_by_a_medium_make_the_talks_that_call(registry, lang):
    text, medium = _TALKS[lang]
    assert _types(registry, text, lang) == [("phone_call", "2023-03-06")]
    # without the medium, the talks stay talks
    assert _types(registry, text.replace(medium, ""), lang) == [("talks", "2023-03-06")]


def test_an_earlier_call_or_one_subject_is_no_medium_of_the_talks(registry):
    text, _ = _TALKS["en"]
    earlier = text.replace("The two ministers spoke by phone about bilateral ties.",
                           "The two ministers spoke by phone on February 2, 2023.")
    assert _types(registry, earlier, "en")[0][0] == "talks"
    last = text.replace("The two ministers spoke by phone about bilateral ties.",
                        "The two ministers had last spoken by phone in January.")
    assert _types(registry, last, "en")[0][0] == "talks"
    one_side = text.replace("The two ministers spoke", "Wang later briefed reporters")
    assert _types(registry, one_side, "en")[0][0] == "talks"


def test_a_meeting_lead_keeps_its_type_beside_a_call_by_both_sides(registry):
    """"met ... in Munich": a meeting's lead says the two met in person; a sentence of both
    sides speaking by phone is another contact."""
    text = ("Secretary Blinken met Foreign Minister Wang Yi in Munich on February 18, 2023.\n"
            "The two ministers often speak by phone.\n")
    assert _types(registry, text, "en") == [("meeting", "2023-02-18")]

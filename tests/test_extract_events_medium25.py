"""Talks held by phone are a phone call (ANNOTATION.md §1: the medium is the type): the lead's
"talks" and a later sentence that names the same conversation by its medium ("Lors de cet
entretien téléphonique", "During the phone call", "В ходе телефонного разговора"), or the
medium in the lead itself ("held talks ... over the telephone")."""

from __future__ import annotations

import hashlib

import pytest

from kg.extract import extract
from kg.model import Document


def _types(registry, text: str, lang: str) -> list[str]:
    doc = Document(source="t.txt", text=text + "\n", sha256=hashlib.sha256(text.encode()).hexdigest(), lang=lang)
    return [e.type for e in extract(doc, registry).events]


_CASES = [
    ("fr", "Le 5 mars 2023, le ministre chinois des Affaires étrangères Qin Gang s'est entretenu avec le ministre "
           "russe des Affaires étrangères Sergueï Lavrov. {medium}, les deux ministres ont évoqué la situation.",
     "Lors de cet entretien téléphonique", "Lors de cet entretien"),
    ("en", "On 5 March 2023, Chinese Foreign Minister Qin Gang held talks with Russian Foreign Minister Sergey Lavrov. "
           "{medium}, the two ministers discussed bilateral ties.", "During the phone call", "During the talks"),
    ("ru", "5 марта 2023 года министр иностранных дел России Сергей Лавров провёл переговоры с министром иностранных дел "
           "Китая Цинь Ганом. {medium} стороны обсудили ситуацию.", "В ходе телефонного разговора", "В ходе переговоров"),
    ("es", "El 5 de marzo de 2023, el canciller chino Qin Gang sostuvo conversaciones con el canciller ruso Serguéi "
           "Lavrov. En la conversación telefónica, ambos trataron de las relaciones bilaterales.{medium}", "", None),
]


@pytest.mark.parametrize("lang,text,medium,plain", _CASES)
def test_talks_the_next_sentence_holds_by_phone_are_a_phone_call(registry, lang, text, medium, plain):
    assert _types(registry, text.format(medium=medium), lang) == ["phone_call"]
    if plain is not None:
        assert _types(registry, text.format(medium=plain), lang) == ["talks"]


def test_talks_over_the_telephone_are_a_phone_call(registry):
    text = "On 5 March 2023, Chinese Foreign Minister Qin Gang held talks with Russian Foreign Minister Sergey Lavrov{}."
    assert _types(registry, text.format(" over the telephone"), "en") == ["phone_call"]
    assert _types(registry, text.format(" in Beijing"), "en") == ["talks"]


def test_a_visit_with_talks_inside_is_talks(registry):
    """ANNOTATION.md §1: a visit only with no separate meeting; talks during it are the encounter."""
    text = ("Russian Foreign Minister Sergey Lavrov paid an official visit to China on 5 March 2023. "
            "During the visit, he held talks with Chinese Foreign Minister Qin Gang.")
    assert _types(registry, text, "en") == ["talks"]

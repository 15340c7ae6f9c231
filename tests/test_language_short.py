"""A readout too short for its function words to tell its language (a one-sentence excerpt)
is named by a character-statistics identifier (py3langid) among the registry's languages when
it is sure, and read in that language; with nothing to tell by, it stays English."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.layout import detect_language
from kg.sources.reader import document_from_text

SHORT = {
    "de": "Bundeskanzler Karl Nehammer empfing den ungarischen Ministerpräsidenten Viktor Orbán im Bundeskanzleramt.",
    "es": "El presidente Santiago Peña recibió al canciller de Brasil, Mauro Vieira, en el Palacio de López.",
    "pt": "O presidente Luiz Inácio Lula da Silva recebeu o chanceler da Argentina, Santiago Cafiero.",
    "fr": "Le ministre Nasser Bourita a reçu son homologue espagnol José Manuel Albares à Rabat.",
}


@pytest.mark.parametrize("lang", sorted(SHORT))
def test_a_one_sentence_readout_gets_its_own_language(registry, lang):
    assert detect_language(SHORT[lang], registry) == lang


def test_a_text_with_nothing_to_tell_by_stays_english(registry):
    assert detect_language("Wang Yi met Lavrov.", registry) == "en"


def test_a_short_german_readout_is_dated_by_its_german_dateline(registry):
    text = ("Wien, 4. Oktober 2022\nBundeskanzler Karl Nehammer empfing den ungarischen "
            "Ministerpräsidenten Viktor Orbán im Bundeskanzleramt.\n")
    result = extract(document_from_text(text, "kurz.txt"), registry)
    assert result.lang == "de"
    assert [(e.type, e.date) for e in result.events] == [("meeting", "2022-10-04")]

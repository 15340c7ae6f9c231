"""Portuguese readouts: short texts written by the team in the style of Xinhua's and People's
Daily's Portuguese pages, Brazil's Itamaraty and Planalto, Portugal's government and the Angolan
agency (never copies of real ones). Each test names the rule it holds: dates written with "de",
weekdays with "-feira", Brazilian and European spellings, state names from CLDR and adjectives
in every form, title chains after a name, stances, their negation and what blocks them."""

from __future__ import annotations

import textwrap

from kg.extract import detect_language
from kg.knowledge.registry import load_registry
from readouts import extract_text as _extract, people as _people, stances as _stances


PHONE_CALL = """\
    Wang Yi conversa por telefone com chanceler brasileiro

    Publicado em: 15/05/2024

    Wang Yi, membro do Birô Político do Comitê Central do Partido Comunista da China e ministro das Relações Exteriores, conversou nesta terça-feira (14) com o ministro das Relações Exteriores do Brasil, Mauro Vieira, por telefone.
    Wang Yi disse que a China apoia firmemente o Brasil na defesa da sua soberania e integridade territorial.
    Mauro Vieira afirmou que o Brasil adere ao princípio de uma só China e não apoia a "independência de Taiwan".
    Os dois ministros trocaram opiniões sobre a cooperação entre os países latino-americanos e a China.
    """


def test_a_portuguese_text_is_read_as_portuguese_and_a_spanish_one_stays_spanish(registry):
    assert detect_language(textwrap.dedent(PHONE_CALL), registry) == "pt"
    assert _extract(registry, PHONE_CALL).lang == "pt"
    spanish = ("El canciller Wang Yi conversó por teléfono con su homólogo de Brasil, Mauro Vieira. Ambas partes "
               "dijeron que las relaciones entre los dos países son buenas y que la cooperación es fructífera.")
    assert detect_language(spanish, registry) == "es"


def test_portuguese_is_no_longer_an_unsupported_language(registry):
    assert "pt" in registry.languages
    assert "pt" not in registry.unsupported.get("words", {})


def test_a_weekday_with_feira_dates_the_call_against_the_published_line(registry):
    """"nesta terça-feira (14)" in a page published on Wednesday 15 May 2024: Tuesday the 14th."""
    extraction = _extract(registry, PHONE_CALL)
    assert [(e.type, e.date) for e in extraction.events] == [("phone_call", "2024-05-14")]


def test_titles_after_a_name_stay_with_that_name(registry):
    """"Wang Yi, membro do Birô Político ... e ministro das Relações Exteriores, conversou ... com o
    ministro das Relações Exteriores do Brasil, Mauro Vieira": the apposed chain is Wang Yi's, not
    the next name's ("conversou" ends the search for a name after the chain)."""
    people = _people(_extract(registry, PHONE_CALL))
    assert people["Wang Yi"] == ("CHN", {"party_leader", "foreign_minister"}, None)
    assert people["Mauro Vieira"] == ("BRA", {"foreign_minister"}, None)


def test_support_adherence_and_a_negated_stance(registry):
    """"adere ao princípio de uma só China": adhering names its topic; "não apoia a
    'independência de Taiwan'": negation and the opposite of the topic give support of China."""
    stances = _stances(_extract(registry, PHONE_CALL))
    assert ("CHN", "support", "BRA", "Sovereignty and territorial integrity") in stances
    assert ("BRA", "support", "CHN", "One-China principle") in stances
    assert ("BRA", "support", "CHN", "Taiwan") in stances
    assert not any(stance == "oppose" for _, stance, *_ in stances)


def test_latin_american_is_no_mention_of_the_united_states(registry):
    """"latino-americanos" holds "americanos" after its hyphen: matched whole, no state."""
    matches = registry.gazetteer("pt").find("a cooperação entre os países latino-americanos e a China")
    assert {m.value for m in matches if m.kind in ("state", "adj")} == {"CHN"}


AUDIENCE = """\
    Presidente da República recebe ministro moçambicano

    Luanda, 19 de novembro de 2024 - O Presidente da República, João Lourenço, recebeu hoje, em audiência, no Palácio Presidencial, o ministro dos Negócios Estrangeiros e Cooperação de Moçambique, Manuel Gonçalves, portador de uma mensagem do seu homólogo moçambicano.
    O vice-ministro das Relações Exteriores de Angola, Domingos Vieira Lopes, esteve presente no encontro.
    Angola condena a agressão contra Moçambique, disse o Chefe de Estado.
    """


def test_a_date_written_with_de_and_a_state_named_as_cldr_names_it(registry):
    """"19 de novembro de 2024"; "de Moçambique" (CLDR's Portuguese name, read because
    states.toml has a [MOZ.pt] table); the European "Negócios Estrangeiros" title."""
    extraction = _extract(registry, AUDIENCE)
    assert [(e.type, e.date) for e in extraction.events] == [("meeting", "2024-11-19")]
    people = _people(extraction)
    assert people["João Lourenço"] == ("AGO", {"head_of_state"}, None)
    assert people["Manuel Gonçalves"] == ("MOZ", {"foreign_minister"}, None)
    assert people["Domingos Vieira Lopes"] == ("AGO", {"vice_foreign_minister"}, None)


def test_the_victim_of_an_aggression_is_not_opposed(registry):
    """"a agressão contra Moçambique": the state after "contra" suffered it."""
    stances = _stances(_extract(registry, AUDIENCE))
    assert not any(target == "MOZ" and stance == "oppose" for _, stance, target, _ in stances)


def test_state_names_come_from_cldr_and_adjectives_in_every_form_from_states_toml():
    registry = load_registry()
    china = registry.states["CHN"]
    assert china.names["pt"][0] == "China"
    assert {"chinês", "chinesa", "chineses", "chinesas"} <= set(china.adjectives["pt"])
    # a name CLDR gives only under pt_PT is written in states.toml
    assert {"Irã", "Irão"} <= set(registry.states["IRN"].names["pt"])
    # CLDR's "Congo - Kinshasa" reads badly in running text: the label comes first
    assert registry.states["COD"].label("pt") == "República Democrática do Congo"
    matches = registry.gazetteer("pt").find("o vice-presidente chinês e as autoridades moçambicanas")
    assert [(m.kind, m.value) for m in matches if m.kind in ("adj", "side")] == [("adj", "CHN"), ("side", "MOZ")]


MESSAGE = """\
    Xi Jinping envia mensagem de felicitações a novo presidente de Moçambique

    BEIJING, 15 de janeiro de 2025 (Xinhua) -- O presidente chinês, Xi Jinping, enviou nesta quarta-feira uma mensagem de felicitações a Daniel Chapo pela sua tomada de posse como presidente de Moçambique.
    Xi disse que a China está disposta a apoiar Moçambique na luta contra a pandemia.
    """


def test_a_congratulatory_message_on_taking_office_and_a_blocked_wish(registry):
    """"mensagem de felicitações ... pela sua tomada de posse": a congratulation on taking
    office; "está disposta a apoiar" is a wish, no stance (without the [stance] block words it
    would read as support of Mozambique on COVID-19)."""
    extraction = _extract(registry, MESSAGE)
    assert [(e.type, e.date) for e in extraction.events] == [("message", "2025-01-15")]
    assert _people(extraction)["Daniel Chapo"][0] == "MOZ"
    stances = _stances(extraction)
    assert ("CHN", "congratulate", "MOZ", "Taking office") in stances
    assert not any(stance == "support" for _, stance, *_ in stances)


def test_a_video_call_with_an_ordinal_first_of_the_month(registry):
    """"1º de setembro de 2023"; "por videoconferência" wins over the bare "conversou";
    "sul-africano" is South Africa, not the bare "africano"."""
    extraction = _extract(registry, """\
        Presidente Lula conversa por videoconferência com presidente sul-africano

        Brasília, 1º de setembro de 2023

        O presidente Luiz Inácio Lula da Silva conversou por videoconferência com o presidente da África do Sul, Cyril Ramaphosa. Lula saudou a presidência sul-africana do BRICS.
        """)
    assert [(e.type, e.date) for e in extraction.events] == [("video_call", "2023-09-01")]
    people = _people(extraction)
    assert people["Luiz Inácio Lula da Silva"][:2] == ("BRA", {"head_of_state"})
    assert people["Cyril Ramaphosa"][:2] == ("ZAF", {"head_of_state"})
    assert ("BRA", "support", "ZAF", "BRICS") in _stances(extraction)


def test_talks_in_xinhua_style_and_a_european_spelling(registry):
    """"conversa com" is Xinhua's word for talks; "Vietname" (European Portuguese) is Viet Nam,
    "ontem" counts back from the dateline."""
    extraction = _extract(registry, """\
        Primeiro-ministro chinês conversa com homólogo do Vietname

        PEQUIM, 8 de outubro de 2024 (Xinhua) -- O primeiro-ministro chinês, Li Qiang, conversou ontem em Pequim com o primeiro-ministro do Vietname, Pham Minh Chinh.
        Li Qiang afirmou que a China apoia firmemente o Vietname.
        """)
    assert [(e.type, e.date) for e in extraction.events] == [("talks", "2024-10-07")]
    people = _people(extraction)
    assert people["Li Qiang"] == ("CHN", {"head_of_government"}, None)
    assert people["Pham Minh Chinh"][:2] == ("VNM", {"head_of_government"})
    assert ("CHN", "support", "VNM", None) in _stances(extraction)

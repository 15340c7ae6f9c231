"""Endorsement forms of real readouts (issue 11, round 10), on short readouts the team wrote
in the style of agency and ministry pages: each test names its rule and fails without it."""

from __future__ import annotations

from readouts import extract_text, stances


def _stances(registry, text: str, lang: str = "en") -> set[tuple]:
    return stances(extract_text(registry, text, lang))


def test_backing_taiwan_itself_is_no_stance_on_the_taiwan_question(registry):
    # the Taiwan question is China's position (ANNOTATION.md §7): a state that backs Taiwan's
    # place in the world backs the party, with no topic
    stances = _stances(registry, """\
        外交部長接見巴拉圭外交部長

        2024年3月5日，外交部長林佳龍接見來訪的巴拉圭外交部長羅培茲。

        羅培茲表示，巴拉圭將持續支持台灣參與國際組織。
        """, lang="zh")
    assert ("PRY", "support", "TWN", None) in stances
    assert not any(target == "TWN" and topic == "Taiwan" for _, _, target, topic in stances)


def test_a_congratulation_takes_the_one_occasion_the_readout_names(registry):
    # the election is named in one sentence, the congratulations renewed in another
    stances = _stances(registry, """\
        Petro habló con Lula

        BOGOTÁ, 31 de octubre de 2022 - El presidente de Colombia, Gustavo Petro, sostuvo una conversación telefónica con el presidente de Brasil, Luiz Inácio Lula da Silva.

        Lula ganó las elecciones del domingo con más de la mitad de los votos.

        Petro reiteró sus felicitaciones a Lula y ambos hablaron de la Amazonía.
        """, lang="es")
    assert ("COL", "congratulate", "BRA", "Election") in stances
    assert ("COL", "congratulate", "BRA", None) not in stances


def test_a_return_congratulation_does_not_take_the_occasion_of_another(registry):
    stances = _stances(registry, """\
        Petro habló con Lula

        BOGOTÁ, 31 de octubre de 2022 - El presidente de Colombia, Gustavo Petro, sostuvo una conversación telefónica con el presidente de Brasil, Luiz Inácio Lula da Silva.

        Petro felicitó a Lula por su victoria en las elecciones del domingo.

        Lula también felicitó a Petro por la paz total.
        """, lang="es")
    assert ("COL", "congratulate", "BRA", "Election") in stances
    assert ("BRA", "congratulate", "COL", "Election") not in stances


def test_a_second_round_is_an_election(registry):
    stances = _stances(registry, """\
        Lula talks with Macron

        BRASILIA, October 31, 2022 - President-elect of Brazil Luiz Inácio Lula da Silva spoke by phone with President of France Emmanuel Macron.

        Macron congratulated Lula on his victory in the second round.
        """)
    assert ("FRA", "congratulate", "BRA", "Election") in stances


def test_the_party_after_to_before_a_congratulation_noun_receives_it(registry):
    stances = _stances(registry, """\
        Entretien téléphonique entre le Président Sall et le Président Macron

        Dakar, le 12 mai 2017 - Le Président français Emmanuel Macron a appelé le Président Macky Sall pour le remercier de son message.

        Le Président Sall a renouvelé au Président Macron ses chaleureuses félicitations et ses vœux de succès dans ses nouvelles fonctions.
        """, lang="fr")
    assert ("SEN", "congratulate", "FRA", "Taking office") in stances
    assert not any(e == "FRA" and s == "congratulate" for e, s, _, _ in stances)

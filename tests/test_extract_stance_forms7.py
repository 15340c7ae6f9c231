"""Stance forms of real readouts (issue 11, round 7), on short readouts the team wrote: what a
talk is about is no stance taken, unless it is marked as the parties' own, each test naming its rule."""

from __future__ import annotations

import pytest

from readouts import extract_text, stances


def _stances(registry, text: str, lang: str | None = None) -> set[tuple]:
    return stances(extract_text(registry, text, lang))


_CALL = """\
    Secretary Blinken's Call with Norwegian Foreign Minister Huitfeldt

    Washington, 14 March 2022

    Secretary of State Antony J. Blinken spoke today with Norwegian Foreign Minister Anniken Huitfeldt.
    """


def test_support_named_as_a_subject_of_discussion_is_no_stance(registry):
    stances = _stances(registry, _CALL + "The two ministers discussed energy security, Arctic cooperation, and continuing support for Ukraine.\n")
    assert not any(e[1] == "support" for e in stances)


def test_holding_a_party_accountable_as_a_subject_of_discussion_is_no_stance(registry):
    stances = _stances(registry, _CALL + "They reviewed further measures to hold Belarus accountable.\n")
    assert not any(e[1] == "oppose" and e[2] == "BLR" for e in stances)


def test_a_past_tense_verb_after_the_discussion_is_a_stance_of_its_own(registry):
    stances = _stances(registry, _CALL + "The Secretary discussed the Arctic Council and condemned Russia's invasion of Ukraine.\n")
    assert ("USA", "oppose", "RUS", "Ukraine") in stances


def test_a_position_marked_as_shared_is_a_stance_even_when_discussed(registry):
    stances = _stances(registry, _CALL + "The Secretary and the Foreign Minister discussed their shared concerns about Iran's nuclear escalation.\n")
    assert {("USA", "IRN"), ("NOR", "IRN")} <= {(e[0], e[2]) for e in stances if e[1] == "oppose"}


def test_a_participle_after_the_discussion_opens_a_new_clause(registry):
    stances = _stances(registry, _CALL + "The Secretary discussed the situation in Syria, reiterating his strong support for Ukraine's sovereignty and territorial integrity.\n")
    assert ("USA", "support", "UKR", "Sovereignty and territorial integrity") in stances


def test_they_opening_a_sentence_is_every_party(registry):
    stances = _stances(registry, _CALL + "They reaffirmed their support for Georgia's sovereignty and territorial integrity.\n")
    assert {("USA", "support", "GEO", "Sovereignty and territorial integrity"),
            ("NOR", "support", "GEO", "Sovereignty and territorial integrity")} <= stances


def test_the_other_side_of_a_dialogue_is_a_counterpart_not_a_target(registry):
    stances = _stances(registry, _CALL + "The Secretary reaffirmed the U.S. commitment to the complete denuclearization of the Korean Peninsula and to diplomacy with the DPRK.\n")
    assert ("USA", "support", None, "Korean Peninsula") in stances
    assert not any(e[2] == "PRK" for e in stances)


def test_an_aggressor_before_a_list_of_attributes_is_still_the_aggressor(registry):
    stances = _stances(registry, _CALL + "The Secretary condemned Russia's brutal, senseless, and unlawful invasion of Ukraine.\n")
    assert ("USA", "oppose", "RUS", "Ukraine") in stances


def test_every_item_of_what_is_thanked_for_is_thanks(registry):
    stances = _stances(registry, _CALL + "The Secretary thanked the Foreign Minister for Norway's leadership on Arctic issues, its continued support for Ukraine's sovereignty and territorial integrity, and its humanitarian aid.\n")
    assert not any(e[0] == "NOR" for e in stances)


def test_a_verb_joined_after_what_is_thanked_for_is_a_stance_of_its_own(registry):
    stances = _stances(registry, _CALL + "The Secretary thanked Norway for its humanitarian aid, including at the United Nations, and expressed support for Georgia's sovereignty and territorial integrity.\n")
    assert ("USA", "support", "GEO", "Sovereignty and territorial integrity") in stances


def test_a_title_opening_a_sentence_is_its_subject_for_the_next_one_too(registry):
    stances = _stances(registry, _CALL + "The Secretary thanked Norway for its hospitality. He also reaffirmed support for Georgia's sovereignty and territorial integrity.\n")
    assert ("USA", "support", "GEO", "Sovereignty and territorial integrity") in stances
    assert not any(e[0] == "NOR" for e in stances)


_TALKS = {
    "fr": ("""\
        Entretien de Jean-Yves Le Drian avec son homologue norvégienne

        Paris, le 14 mars 2022

        Jean-Yves Le Drian s'est entretenu aujourd'hui avec la ministre norvégienne des Affaires étrangères, Anniken Huitfeldt.
        Les deux ministres {verb} le soutien à l'Ukraine.
        """, "ont évoqué la sécurité énergétique et", "ont réaffirmé leur"),
    "es": ("""\
        Margallo se reúne con su homóloga noruega

        Madrid, 14 de marzo de 2022

        El ministro de Asuntos Exteriores, José Manuel García-Margallo, se reunió hoy con la ministra noruega de Asuntos Exteriores, Anniken Huitfeldt.
        Ambos ministros {verb} apoyo a Ucrania.
        """, "abordaron la seguridad energética y el", "reafirmaron su"),
    "de": ("""\
        Außenministerin Baerbock trifft norwegische Amtskollegin

        Berlin, 14. März 2022

        Außenministerin Annalena Baerbock hat heute die norwegische Außenministerin Anniken Huitfeldt in Berlin empfangen.
        Die beiden Ministerinnen {verb} Unterstützung für die Ukraine.
        """, "erörterten die Energiesicherheit und die", "bekräftigten ihre"),
    "pt": ("""\
        Ministro dos Negócios Estrangeiros recebe homóloga norueguesa

        Lisboa, 14 de março de 2022

        O ministro dos Negócios Estrangeiros, Augusto Santos Silva, recebeu hoje a ministra norueguesa dos Negócios Estrangeiros, Anniken Huitfeldt.
        Os dois ministros {verb} apoio à Ucrânia.
        """, "abordaram a segurança energética e o", "reafirmaram o seu"),
}


@pytest.mark.parametrize("lang", sorted(_TALKS))
def test_support_talked_about_is_no_stance_in_other_languages_and_support_stated_is(registry, lang):
    text, talked, stated = _TALKS[lang]
    assert not _stances(registry, text.replace("{verb}", talked), lang)
    assert ("NOR", "support", "UKR", "Ukraine") in _stances(registry, text.replace("{verb}", stated), lang)


def test_a_state_named_as_the_place_of_a_conflict_is_no_target(registry):
    stances = _stances(registry, _CALL + "The Secretary reiterated the United States' support for a lasting settlement of the Yemen conflict.\n")
    assert not any(e[2] == "YEM" for e in stances)


def test_a_commitment_to_minimizing_an_effect_is_a_plan(registry):
    stances = _stances(registry, _CALL + "The Secretary confirmed our commitment to minimizing the impact of sanctions on partners, including Norway.\n")
    assert not any(e[0] == "USA" and e[1] == "support" for e in stances)


def test_a_participle_before_the_stance_noun_does_not_end_the_discussion(registry):
    stances = _stances(registry, _CALL + "The two ministers discussed the urgency of continued support to Georgia.\n")
    assert not any(e[1] == "support" for e in stances)


def test_the_body_a_target_chairs_in_its_capacity_as_chair_is_the_topic(registry):
    stances = _stances(registry, _CALL + "The Secretary commended Norway's efforts in its capacity as the current chair of the OSCE, to bring the parties back to talks.\n")
    assert ("USA", "support", "NOR", "OSCE") in stances


def test_the_south_asian_association_is_an_organisation(registry):
    assert registry.code_kind("SAARC") == "organization"


def test_a_body_named_by_its_resolutions_is_no_topic(registry):
    stances = _stances(registry, _CALL + "The Secretary condemned the DPRK's latest missile launch as a clear violation of multiple UN Security Council resolutions.\n")
    assert ("USA", "oppose", "PRK", "Korean Peninsula") in stances
    assert not any(e[3] == "UNSC" for e in stances)

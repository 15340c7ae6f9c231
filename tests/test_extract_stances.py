"""Stance forms of agency and ministry prose that real readouts use (issue 11, class 5), on
short readouts the team wrote: each test names the rule it holds."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def _stances(registry, text: str, lang: str | None = None) -> set[tuple]:
    document = Document(source="t.txt", text=textwrap.dedent(text), sha256="0" * 64, lang=lang)
    return {(e.endorser, e.stance, e.target, e.topic) for e in extract(document, registry).endorsements}


_CALL = """\
    Secretary Blinken's Call with Japanese Foreign Minister Hayashi

    2022-03-04

    Secretary of State Antony J. Blinken spoke today with Japanese Foreign Minister Hayashi Yoshimasa.
    """


def test_concern_over_a_partys_conduct_opposes_it_and_concern_over_a_situation_is_nothing(registry):
    stances = _stances(registry, _CALL + """
    The two ministers expressed concern about the DPRK's recent ballistic missile launches, which threaten the Korean Peninsula.

    They also shared concerns about the humanitarian situation in Afghanistan.
    """)
    assert ("JPN", "oppose", "PRK", "Korean Peninsula") in stances
    assert ("USA", "oppose", "PRK", "Korean Peninsula") in stances
    assert not {s for s in stances if s[3] == "Afghanistan"}


def test_an_aggression_opposes_its_aggressor_and_a_war_named_against_one_is_no_stance(registry):
    stances = _stances(registry, _CALL + """
    The Secretary underlined the risks posed by further Russian aggression against Ukraine.

    Foreign Minister Hayashi recalled the museum of the War of Resistance against Japanese Aggression he had visited.
    """)
    assert ("USA", "oppose", "RUS", "Ukraine") in stances
    assert not {s for s in stances if s[2] == "JPN" or s[0] == "RUS"}


def test_one_condemnation_of_an_aggression_is_one_frame_with_its_topic(registry):
    stances = _stances(registry, _CALL + """
    The two ministers strongly condemned Russia's aggression against Ukraine.
    """)
    assert {s for s in stances if s[2] == "RUS"} == {("JPN", "oppose", "RUS", "Ukraine"), ("USA", "oppose", "RUS", "Ukraine")}


def test_the_party_an_attack_was_made_on_is_not_opposed(registry):
    stances = _stances(registry, """\
        王毅应约同伊朗外长通电话

        2024-04-05

        4月5日，外交部长王毅应约同伊朗外长阿卜杜拉希扬通电话。

        王毅表示，中方强烈谴责对伊朗驻叙利亚使馆的袭击。
        """)
    assert not {s for s in stances if s[1] == "oppose" and s[2] in ("IRN", "SYR")}
    stances = _stances(registry, _CALL + """
    The Secretary condemned the attack on the Japanese embassy.
    """)
    assert not {s for s in stances if s[2] == "JPN"}


def test_an_against_reading_turns_the_whole_frame(registry):
    """"condemned interference in China's internal affairs on the Taiwan question": China is
    backed, on both topics; reading Taiwan on its own as opposed would be a sign flip."""
    stances = _stances(registry, """\
        Lavrov Holds Talks with Wang Yi

        2024-05-20

        On May 20, Foreign Minister Sergey Lavrov held talks with Chinese Foreign Minister Wang Yi.

        Lavrov condemned interference by third countries in China's internal affairs on the Taiwan question.
        """)
    assert ("RUS", "support", "CHN", "Taiwan") in stances
    assert not {s for s in stances if s[1] == "oppose" and s[2] == "CHN"}


def test_backing_the_charge_against_a_party_opposes_it(registry):
    stances = _stances(registry, _CALL + """
    The Secretary reaffirmed the joint commitment to seeking justice by holding Russia accountable.
    """)
    assert ("USA", "oppose", "RUS", None) in stances
    assert not {s for s in stances if s[1] == "support" and s[2] == "RUS"}


def test_a_nationality_adjective_after_its_noun_owns_the_stance(registry):
    stances = _stances(registry, """\
        Entretien de la ministre avec son homologue chinois

        2023-02-15

        La ministre de l'Europe et des Affaires étrangères, Catherine Colonna, a reçu ce jour M. Wang Yi, ministre chinois des Affaires étrangères.

        La ministre a rappelé le caractère inacceptable du soutien iranien à la Russie.
        """)
    assert not {s for s in stances if s[0] in ("FRA", "CHN") and s[2] == "IRN" and s[1] == "support"}


def test_welcoming_a_visit_or_a_visitor_is_courtesy_and_welcoming_an_initiative_is_support(registry):
    stances = _stances(registry, """\
        Wang Yi Holds Talks with Serbian Foreign Minister

        2024-06-03

        On June 3, Foreign Minister Wang Yi held talks with Serbian Foreign Minister Marko Đurić in Beijing.

        Đurić welcomed the upcoming state visit of President Xi Jinping to Serbia.

        Serbia welcomes the Global Development Initiative proposed by President Xi Jinping.
        """)
    assert stances == {("SRB", "support", "CHN", "Global Development Initiative")}


def test_hosting_a_counterpart_is_no_stance(registry):
    stances = _stances(registry, """\
        Le ministre accueille son homologue chinois

        2025-10-10

        Le ministre des Affaires étrangères Ignazio Cassis a accueilli vendredi à Berne son homologue chinois Wang Yi.
        """)
    assert stances == set()


def test_both_sides_praising_their_own_ties_is_a_description_not_a_stance(registry):
    stances = _stances(registry, """\
        Wang Yi Holds Talks with Kazakh Foreign Minister

        2024-03-05

        On March 5, Foreign Minister Wang Yi held talks with Kazakh Foreign Minister Murat Nurtleu in Beijing.

        The two ministers praised the steady growth of exchanges between China and Kazakhstan.

        The two ministers reaffirmed their support for the Belt and Road Initiative.
        """)
    assert not {s for s in stances if s[3] is None}
    assert ("KAZ", "support", "CHN", "Belt and Road Initiative") in stances


def test_a_state_named_as_the_place_of_a_question_is_no_target(registry):
    """"support for peace and reconciliation in Afghanistan": the question, not the state."""
    stances = _stances(registry, _CALL + """
    The Secretary reaffirmed U.S. support for the efforts for peace and reconciliation in Afghanistan.

    The Secretary reaffirmed U.S. support for Afghanistan.
    """)
    assert ("USA", "support", None, "Afghanistan") in stances
    assert ("USA", "support", "AFG", "Afghanistan") in stances


def test_a_party_stating_its_own_position_takes_no_stance_on_anyone(registry):
    """China saying "Taiwan is an inseparable part of China" is its own position: no record."""
    stances = _stances(registry, """\
        Wang Yi Holds Talks with Kazakh Foreign Minister

        2024-03-05

        On March 5, Foreign Minister Wang Yi held talks with Kazakh Foreign Minister Murat Nurtleu in Beijing.

        Wang Yi said there is only one China in the world and Taiwan is an inseparable part of China.
        """)
    assert not {s for s in stances if s[0] == "CHN"}


def test_a_congratulatory_message_on_an_occasion_without_a_topic_label_congratulates(registry):
    """"un message de félicitations ... à l'occasion du 30e anniversaire de l'établissement des
    relations diplomatiques": a bilateral occasion, no topic label (ANNOTATION.md §3); a message
    naming no occasion congratulates nobody."""
    text = """\
        Xi Jinping adresse un message de félicitations au président azerbaïdjanais

        2022-04-02

        Le président chinois Xi Jinping a adressé samedi un message de félicitations au président azerbaïdjanais Ilham Aliyev{occasion}.
        """
    with_occasion = text.replace("{occasion}", " à l'occasion du 30e anniversaire de l'établissement des relations diplomatiques entre les deux pays")
    assert ("CHN", "congratulate", "AZE", None) in _stances(registry, with_occasion)
    assert not {s for s in _stances(registry, text.replace("{occasion}", "")) if s[1] == "congratulate"}


def test_praising_the_ties_between_two_parties_backs_neither(registry):
    stances = _stances(registry, """\
        Wang Yi Meets French Foreign Minister

        2023-11-24

        On November 24, Foreign Minister Wang Yi met with French Foreign Minister Catherine Colonna in Beijing.

        Wang Yi said he highly values the relations between China and France.

        Colonna spoke highly of her country's friendship with China and of the France-China relationship.

        Colonna praised China's role in the G20.
        """)
    assert stances == {("FRA", "support", "CHN", "G20")}


def test_les_relations_entre_deux_parties_ne_sont_le_soutien_d_aucune(registry):
    stances = _stances(registry, """\
        Entretien de M. Wang Yi avec M. Jean-Yves Le Drian

        2021-03-04

        Le ministre des Affaires étrangères Jean-Yves Le Drian s'est entretenu par téléphone avec le conseiller d'État et ministre des Affaires étrangères chinois Wang Yi.

        M. Wang a salué les relations solides entre la Chine et la France.

        M. Wang a salué l'action de la France au sein du G20.
        """)
    assert stances == {("CHN", "support", "FRA", "G20")}


def test_a_commitment_to_building_ties_is_a_plan_and_a_commitment_to_a_position_a_stance(registry):
    stances = _stances(registry, _CALL + """
    Secretary Blinken reaffirmed the U.S. commitment to deepening cooperation with Japan.

    Foreign Minister Hayashi reaffirmed Japan's commitment to working closely with the United States.

    The two ministers remain committed to supporting Ukraine.

    Secretary Blinken affirmed the United States' commitment to promoting human rights.
    """)
    assert not {s for s in stances if s[2] in ("JPN", "USA")}
    assert {("USA", "support", "UKR", "Ukraine"), ("JPN", "support", "UKR", "Ukraine"),
            ("USA", "support", None, "Human rights")} <= stances


def test_un_engagement_a_renforcer_des_liens_est_un_projet(registry):
    stances = _stances(registry, """\
        Entretien de M. Wang Yi avec M. Jean-Yves Le Drian

        2021-03-04

        Le ministre des Affaires étrangères Jean-Yves Le Drian s'est entretenu par téléphone avec le conseiller d'État et ministre des Affaires étrangères chinois Wang Yi.

        M. Wang a réaffirmé l'engagement de la Chine à renforcer la coopération avec la France.
        """)
    assert not {s for s in stances if s[2] in ("CHN", "FRA")}


def test_opposing_north_korea_with_no_topic_named_is_on_the_peninsula(registry):
    stances = _stances(registry, _CALL + """
    The two ministers shared serious concerns about North Korea's nuclear and missile programs.

    Secretary Blinken said the launch, which follows two earlier tests by the DPRK, was deplorable.
    """)
    assert {s for s in stances if s[2] == "PRK"} == {("USA", "oppose", "PRK", "Korean Peninsula"),
                                                     ("JPN", "oppose", "PRK", "Korean Peninsula")}


def test_a_purpose_infinitive_belongs_to_the_subject_and_him_is_the_one_named_before(registry):
    stances = _stances(registry, """\
        Readout of the President's Call with President Erdogan of Turkey

        2017-04-17

        President Donald J. Trump spoke today with President Recep Tayyip Erdogan of Turkey to congratulate him on his recent referendum victory and to discuss the Syrian regime's use of chemical weapons.
        """)
    assert stances == {("USA", "congratulate", "TUR", "Election")}


def test_congratulations_on_a_new_role_are_on_taking_office(registry):
    stances = _stances(registry, _CALL + """
    Secretary Blinken congratulated Foreign Minister Hayashi on his new role.
    """)
    assert stances == {("USA", "congratulate", "JPN", "Taking office")}


def test_etre_reconnaissant_d_un_soutien_est_un_remerciement(registry):
    stances = _stances(registry, """\
        Entretien de M. Wang Yi avec M. Jean-Yves Le Drian

        2021-03-04

        Le ministre des Affaires étrangères Jean-Yves Le Drian s'est entretenu par téléphone avec le conseiller d'État et ministre des Affaires étrangères chinois Wang Yi.

        M. Le Drian s'est dit reconnaissant pour le soutien de la Chine au sein du Conseil de sécurité.
        """)
    assert stances == set()


_ENTRETIEN = """\
    Entretien de Catherine Colonna avec Wang Yi

    2023-03-04

    La ministre de l'Europe et des Affaires étrangères Catherine Colonna s'est entretenue à Paris avec le conseiller d'État et ministre des Affaires étrangères chinois Wang Yi.
    """


def test_a_stance_owned_by_two_parties_is_each_ones_and_their_capacity_is_no_target(registry):
    stances = _stances(registry, _ENTRETIEN + """
    Les deux ministres ont rappelé l'attachement de la France et de la Chine, en tant que membres permanents du Conseil de sécurité, à la souveraineté de la Moldavie.
    """)
    assert stances == {("FRA", "support", "MDA", "Sovereignty and territorial integrity"),
                       ("CHN", "support", "MDA", "Sovereignty and territorial integrity")}


def test_the_owner_of_a_stance_noun_may_follow_an_adjective(registry):
    stances = _stances(registry, """\
        Wang Yi rencontre le ministre camerounais des Relations extérieures

        2023-03-04

        Le conseiller d'État et ministre des Affaires étrangères chinois Wang Yi a rencontré à Beijing le ministre camerounais des Relations extérieures Lejeune Mbella Mbella.

        M. Mbella Mbella a réaffirmé l'engagement indéfectible du Cameroun envers la politique d'une seule Chine.
        """)
    assert stances == {("CMR", "support", "CHN", "One-China principle")}


def test_states_joined_to_the_target_are_backed_alike(registry):
    stances = _stances(registry, _ENTRETIEN + """
    M. Wang a salué l'action de la France et de l'Allemagne dans le cadre du format Normandie.
    """)
    assert stances == {("CHN", "support", "FRA", "Ukraine"), ("CHN", "support", "DEU", "Ukraine")}


def test_the_support_of_a_party_by_others_is_theirs(registry):
    stances = _stances(registry, """\
        Foreign Secretary meets Polish and Ukrainian Foreign Ministers

        2023-03-04

        Foreign Secretary James Cleverly met Polish Foreign Minister Zbigniew Rau and Ukrainian Foreign Minister Dmytro Kuleba in London.

        The ministers reaffirmed the steadfast support of Ukraine by Poland and the UK.
        """)
    assert stances == {("POL", "support", "UKR", "Ukraine"), ("GBR", "support", "UKR", "Ukraine")}


def test_a_title_that_names_its_state_speaks_for_it_when_both_hold_the_post(registry):
    stances = _stances(registry, """\
        Wang Yi rencontre Antony Blinken

        2022-07-09

        Le conseiller d'État et ministre des Affaires étrangères chinois Wang Yi a rencontré à Bali Antony Blinken, secrétaire d'État des États-Unis.

        Le secrétaire d'État américain a réaffirmé que son pays n'avait pas changé sa politique d'une seule Chine et qu'il ne soutenait pas l'indépendance de Taiwan.
        """)
    assert stances == {("USA", "support", "CHN", "One-China principle"), ("USA", "support", "CHN", "Taiwan")}


def test_a_stance_verb_governed_by_a_demand_gives_no_record(registry):
    stances = _stances(registry, _ENTRETIEN + """
    La ministre a appelé la Chine à soutenir les efforts engagés pour convaincre l'Iran de respecter ses obligations.

    M. Wang a exhorté la partie française à respecter la souveraineté de la Chine.
    """)
    assert stances == set()


def test_a_stance_word_in_another_sense_is_no_stance(registry):
    stances = _stances(registry, _ENTRETIEN + """
    M. Wang a déclaré que la Chine suit de près la situation en Ukraine.

    La Chine a condamné à mort deux ressortissants canadiens l'an dernier.
    """)
    assert stances == set()


def test_concern_over_the_conduct_of_a_party_in_the_plural_opposes_it(registry):
    stances = _stances(registry, _ENTRETIEN + """
    M. Wang a exprimé sa profonde inquiétude face aux récents actes des États-Unis.
    """)
    assert stances == {("CHN", "oppose", "USA", None)}


def test_congratulations_exchanged_with_a_date_between_verb_and_messages(registry):
    stances = _stances(registry, """\
        Échange de messages entre la Chine et le Vietnam

        2022-01-18

        Le président vietnamien Nguyen Xuan Phuc et le président chinois Xi Jinping ont échangé lundi 17 janvier des messages de félicitations à l'occasion du 72e anniversaire de leurs relations diplomatiques.
        """)
    assert stances == {("VNM", "congratulate", "CHN", None), ("CHN", "congratulate", "VNM", None)}


def test_the_one_china_principle_written_in_quotes_as_la_chine_unique(registry):
    stances = _stances(registry, _ENTRETIEN + """
    La partie française a exprimé son attachement au principe de "la Chine unique".
    """)
    assert stances == {("FRA", "support", "CHN", "One-China principle")}


def test_a_third_states_stance_told_as_background_is_no_record(registry):
    stances = _stances(registry, _ENTRETIEN + """
    M. Wang a rappelé que les États-Unis ne reconnaissent pas Taïwan comme un pays et ont adopté la politique d'une seule Chine.
    """)
    assert stances == set()


def test_congratulations_received_from_several_callers_are_the_callers(registry):
    stances = _stances(registry, """\
        President receives calls from world leaders

        2019-03-01

        President Muhammadu Buhari met with UK Prime Minister Theresa May and Turkish President Recep Tayyip Erdogan by telephone on Friday.

        The Nigerian President received telephone calls from Prime Minister Theresa May and President Recep Tayyip Erdogan, congratulating him on his re-election.
        """)
    assert stances == {("GBR", "congratulate", "NGA", "Election"), ("TUR", "congratulate", "NGA", "Election")}


def test_a_visitor_received_is_no_sender(registry):
    stances = _stances(registry, """\
        President Macron receives Foreign Minister Wang Yi

        2022-02-21

        President Emmanuel Macron met with Chinese State Councilor and Foreign Minister Wang Yi in Paris.

        President Macron received Foreign Minister Wang Yi, fresh from talks in Berlin with Chancellor Olaf Scholz, congratulating him on his new role.
        """)
    assert not {s for s in stances if s[0] == "DEU"}


def test_a_demand_addressed_to_a_party_is_no_accusation_of_it(registry):
    stances = _stances(registry, """\
        Wang Yi Holds Phone Call with Antony Blinken

        2023-12-06

        Foreign Minister Wang Yi held a phone call with U.S. Secretary of State Antony Blinken.

        Wang Yi urged the United States not to interfere in China's internal affairs.
        """)
    assert stances == set()
    accused = _stances(registry, """\
        Wang Yi Holds Phone Call with Antony Blinken

        2023-12-06

        Foreign Minister Wang Yi held a phone call with U.S. Secretary of State Antony Blinken.

        Wang Yi said the United States had interfered in China's internal affairs.
        """)
    assert accused == {("CHN", "oppose", "USA", "Non-interference")}


def test_a_clause_that_concurs_to_act_ends_the_frame_before_it(registry):
    stances = _stances(registry, _CALL + """
    The two ministers strongly opposed unilateral attempts to change the status quo by force in the East and South China Seas, and concurred to continue close coordination between Japan and the United States.
    """)
    assert stances == {("JPN", "oppose", "CHN", "South China Sea"), ("USA", "oppose", "CHN", "South China Sea")}


def test_an_aggression_in_quotation_marks_is_a_disputed_term_and_no_charge(registry):
    stances = _stances(registry, """\
        Lavrov and Blinken hold telephone conversation

        2022-01-04

        Foreign Minister Sergey Lavrov had a telephone conversation with US Secretary of State Antony Blinken.

        The Russian minister stressed that the campaign about the “Russian aggression” against Ukraine, launched by the United States, pursued provocative aims.
        """)
    assert stances == set()
    stances = _stances(registry, """\
        Лавров и Блинкен провели телефонный разговор

        2022-01-04

        Министр иностранных дел России Сергей Лавров провел телефонный разговор с госсекретарем США Энтони Блинкеном.

        Министр подчеркнул, что кампания о «российской агрессии» против Украины преследует провокационные цели.
        """)
    assert stances == set()


def test_a_stance_verb_in_the_passive_is_no_stance_of_the_speaker(registry):
    stances = _stances(registry, _CALL + """
    The two ministers said the ceasefire had been respected by Russia in eastern Ukraine.
    """)
    assert stances == set()


def test_what_a_party_plans_or_needs_to_do_is_no_stance(registry):
    stances = _stances(registry, _CALL + """
    The two ministers agreed that Russia still needed to take steps towards de-escalation, including support for an OSCE monitoring mission.

    As reported, Secretary Blinken plans to address Russia's aggression against Ukraine during his visit.
    """)
    assert stances == set()


def test_praise_of_the_support_one_was_given_is_thanks(registry):
    stances = _stances(registry, """\
        Li Keqiang Holds Video Call with Lao Prime Minister

        2020-11-12

        Premier Li Keqiang held a video call with Lao Prime Minister Thongloun Sisoulith.

        Thongloun spoke highly of the relations with China and voiced appreciation of China's valuable support to Laos.
        """)
    assert stances == set()


def test_a_reciprocal_word_governs_only_the_stance_next_to_it(registry):
    stances = _stances(registry, """\
        Xi Jinping exchanges messages with Maldivian President

        2022-10-14

        President Xi Jinping exchanged congratulatory messages with Maldivian President Ibrahim Mohamed Solih.

        Solih said that bilateral relations are built on sovereign equality and mutual respect, and on the Maldivian government's firm adherence to the one-China principle.

        The two presidents said the two countries have always supported each other.
        """)
    assert ("MDV", "support", "CHN", "One-China principle") in stances
    assert not {s for s in stances if s[1] == "support" and s[3] is None}


def test_an_agreement_to_uphold_a_named_position_is_a_promise_with_an_object(registry):
    stances = _stances(registry, _ENTRETIEN + """
    Les deux ministres ont convenu de défendre ensemble le multilatéralisme.

    Les deux ministres sont convenus de renforcer leur coopération.
    """)
    assert stances == {("FRA", "support", None, "Multilateralism"), ("CHN", "support", None, "Multilateralism")}


def test_defending_ones_own_sovereignty_is_no_stance_on_anyone(registry):
    stances = _stances(registry, _ENTRETIEN + """
    M. Wang a déclaré que la Chine prendrait des mesures fermes pour défendre sa souveraineté.

    Il a souligné que les deux pays devaient défendre le multilatéralisme.
    """)
    assert stances == set()


def test_a_nationality_adjective_after_a_crisis_names_a_place_not_a_party(registry):
    stances = _stances(registry, _ENTRETIEN + """
    Les deux ministres ont exprimé leur soutien aux processus politiques pour la résolution des crises libyenne, malienne et ukrainienne.
    """)
    assert stances == {("FRA", "support", None, "Ukraine"), ("CHN", "support", None, "Ukraine")}
    stances = _stances(registry, _CALL + """
    The two ministers expressed their support for the political settlement of the Libyan and Syrian crises.
    """)
    assert not {s for s in stances if s[2] in ("LBY", "SYR")}


_REUNION = """\
    Xi Jinping se reúne con Javier Milei

    2024-11-19

    El presidente chino, Xi Jinping, se reunió con el presidente argentino, Javier Milei, en Río de Janeiro.
    """


def test_praise_of_ties_and_a_commitment_to_build_them_back_no_party_in_spanish(registry):
    stances = _stances(registry, _REUNION + """
    Xi valoró las relaciones entre China y Argentina.

    Milei reafirmó el compromiso de Argentina de fortalecer la cooperación con China.
    """)
    assert stances == set()


def test_and_that_opens_a_new_clause_even_without_a_comma(registry):
    stances = _stances(registry, _REUNION + """
    Milei dijo que Argentina se adhiere a la política de una sola China y que el Gobierno argentino otorga gran importancia a las relaciones con China.
    """)
    assert stances == {("ARG", "support", "CHN", "One-China principle")}


def test_a_post_held_on_both_sides_joined_to_one_party_is_the_other_party(registry):
    stances = _stances(registry, """\
        Secretary Blinken's Call with Japanese Foreign Minister Motegi

        2021-10-07

        Secretary of State Antony J. Blinken spoke with Japanese Foreign Minister Motegi Toshimitsu to congratulate him on his new tenure as Foreign Minister.

        During the call, Secretary Blinken and Foreign Minister Motegi discussed the alliance. The Secretary and the Foreign Minister shared their concerns about the DPRK's nuclear and ballistic missile programs.
        """)
    assert {s for s in stances if s[2] == "PRK"} == {("USA", "oppose", "PRK", "Korean Peninsula"),
                                                     ("JPN", "oppose", "PRK", "Korean Peninsula")}


def test_the_top_diplomats_are_both_sides(registry):
    stances = _stances(registry, _CALL + """
    The top diplomats expressed concerns about a series of recent missile launches by North Korea.
    """)
    assert stances == {("USA", "oppose", "PRK", "Korean Peninsula"), ("JPN", "oppose", "PRK", "Korean Peninsula")}


def test_an_agreement_to_oppose_a_partys_conduct_and_a_while_clause_after_it(registry):
    stances = _stances(registry, _CALL + """
    The two ministers agreed to strongly oppose China's unilateral attempts to change the status quo in the South China Sea, while confirming the importance of peace and stability in the Taiwan Strait.
    """)
    assert stances == {("USA", "oppose", "CHN", "South China Sea"), ("JPN", "oppose", "CHN", "South China Sea")}


def test_a_wish_to_reaffirm_a_stance_is_stating_it(registry):
    stances = _stances(registry, """\
        Wang Yi rencontre le président congolais

        2024-09-02

        Le conseiller d'État et ministre des Affaires étrangères chinois Wang Yi a rencontré à Beijing le président congolais Félix Tshisekedi.

        « Je souhaite réaffirmer l'engagement indéfectible de la RDC envers la politique d'une seule Chine », a déclaré Félix Tshisekedi.

        M. Tshisekedi souhaite que la Chine soutienne davantage la RDC.
        """)
    assert stances == {("COD", "support", "CHN", "One-China principle")}


def test_agreeing_on_the_protection_of_a_value_upholds_it(registry):
    stances = _stances(registry, _ENTRETIEN + """
    Les deux ministres se sont également accordés sur la protection du multilatéralisme.
    """)
    assert stances == {("FRA", "support", None, "Multilateralism"), ("CHN", "support", None, "Multilateralism")}


def test_a_call_received_in_a_verb_first_language_is_congratulated_by_its_caller(registry):
    # verb first: the receiver follows "تلقى", the caller follows "من" (past "نظيره"), and the
    # suffixed "هنأه" (congratulated him) is a congratulation
    stances = _stances(registry, """\
        الرئيس يتلقى اتصالا من الرئيس الكيني

        2023-07-23

        تلقى الرئيس المصري عبد الفتاح السيسي اليوم اتصالا هاتفيا من نظيره الكيني، الذي هنأه بذكرى ثورة يوليو.
        """, lang="ar")
    assert ("KEN", "congratulate", "EGY", None) in stances
    assert not {s for s in stances if s[0] == "EGY"}


def test_a_quotation_cut_before_the_one_addressed_goes_on_to_it(registry):
    # "«réitéré ses félicitations», à X": the closing mark does not end the congratulation
    stances = _stances(registry, """\
        Entretien téléphonique avec le président kényan

        2023-05-12

        Le président Emmanuel Macron s'est entretenu vendredi au téléphone avec le président kényan William Ruto.

        Macron a «renouvelé ses félicitations», au président kényan pour son élection.
        """, lang="fr")
    assert ("FRA", "congratulate", "KEN", "Election") in stances


def test_korean_congratulations_after_a_quotation_and_respect_for_a_record(registry):
    # "“...”며 축하인사를 건넸다": the congratulation written without a space after the quotation,
    # on a general election (총선); "존경심" (admiration) of a state's record is support (§7)
    stances = _stances(registry, """\
        문재인 대통령, 베트남 총리와 전화 통화

        2020-05-02

        문재인 대통령은 베트남 총리와 5월 2일 전화 통화를 했습니다.

        베트남 총리는 “한국 총선의 성공적인 실시를 기쁘게 생각한다”며 축하인사를 건넸습니다.

        베트남 총리는 “한국이 코로나 방역에서 거둔 성과에 깊은 존경심을 가지고 있다”고 말했습니다.
        """, lang="ko")
    assert ("VNM", "congratulate", "KOR", "Election") in stances
    assert ("VNM", "support", "KOR", "COVID-19") in stances


def test_admiration_for_a_states_record_is_support_of_it(registry):
    # ANNOTATION.md §7: praise of a party's record backs that party, in any language's word for it
    text = """\
        Foreign Minister Wang Yi Meets Kenyan Foreign Minister

        2023-03-02

        Foreign Minister Wang Yi met with Kenyan Foreign Minister Alfred Mutua in Beijing.

        Mutua expressed his admiration for China's achievements in poverty reduction.
        """
    assert ("KEN", "support", "CHN", None) in _stances(registry, text)
    french = """\
        Wang Yi a rencontré son homologue kényan

        2023-03-02

        Le ministre chinois des Affaires étrangères Wang Yi a rencontré jeudi à Pékin le ministre kényan des Affaires étrangères Alfred Mutua.

        M. Mutua a exprimé son admiration pour les réalisations de la Chine dans la réduction de la pauvreté.
        """
    assert ("KEN", "support", "CHN", None) in _stances(registry, french, lang="fr")

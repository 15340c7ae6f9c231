"""Stance forms of real readouts (issue 11, round 5), on short readouts the team wrote:
"spoke out against", a joint subject paired by "respectively", each test naming its rule."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def _stances(registry, text: str, lang: str | None = None) -> set[tuple]:
    document = Document(source="t.txt", text=textwrap.dedent(text), sha256="0" * 64, lang=lang)
    return {(e.endorser, e.stance, e.target, e.topic) for e in extract(document, registry).endorsements}


_ES_MEETING = """\
    Wang Yi se reúne con Lavrov

    Nueva York, 22 sep 2022

    El ministro de Asuntos Exteriores de China, Wang Yi, se reunió el jueves en Nueva York con el canciller ruso, Serguéi Lavrov.

    """


def test_pronouncing_oneself_against_a_partys_course_opposes_it(registry):
    stances = _stances(registry, _ES_MEETING + "Wang Yi se pronunció contra la política de Estados Unidos hacia Taiwán.\n", "es")
    assert ("CHN", "oppose", "USA", "Taiwan") in stances


def test_speaking_out_against_a_partys_course_opposes_it(registry):
    stances = _stances(registry, """\
        Wang Yi meets Lavrov

        New York, September 22, 2022

        Chinese Foreign Minister Wang Yi met with Russian Foreign Minister Sergey Lavrov in New York on Thursday.

        Wang Yi spoke out against the policy of the United States toward Taiwan.
        """, "en")
    assert ("CHN", "oppose", "USA", "Taiwan") in stances


def test_a_joint_subject_paired_by_respectively_holds_the_stance_together(registry):
    # "los cancilleres de Rusia y China, Lavrov y Wang Yi, respectivamente, ...": the commas
    # round "respectivamente" do not cut the subject off its verb
    stances = _stances(registry, _ES_MEETING + "Los cancilleres de Rusia y China, Serguéi Lavrov y Wang Yi, "
                       "respectivamente, se pronunciaron contra la política de Estados Unidos hacia Taiwán.\n", "es")
    assert {s for s in stances if s[2] == "USA"} == {("CHN", "oppose", "USA", "Taiwan"), ("RUS", "oppose", "USA", "Taiwan")}


def test_an_ing_speech_verb_after_the_cue_opens_a_new_clause(registry):
    # "..., stressing that the United States ...": the party named after "stressing" stands in
    # another clause and is not the target of the support before it
    stances = _stances(registry, """\
        Wang Yi holds phone talks with Egyptian Foreign Minister

        2023-10-12

        Chinese Foreign Minister Wang Yi held a phone call with Egyptian Foreign Minister Sameh Shoukry on Thursday.

        Wang Yi said China supports the two-state solution, stressing that the United States should play a constructive role.
        """, "en")
    assert ("CHN", "support", None, "Palestine") in stances or ("CHN", "support", "PSE", "Palestine") in stances
    assert not {s for s in stances if s[2] == "USA"}


_SA_MEETING = """\
    Wang Yi meets Saudi Foreign Minister

    2023-03-10

    Chinese Foreign Minister Wang Yi met with Saudi Foreign Minister Faisal bin Farhan Al Saud in Beijing on Friday.

    """


def test_the_kingdom_refers_back_to_the_one_kingdom_of_the_encounter(registry):
    stances = _stances(registry, _SA_MEETING + "Wang Yi said that China firmly supports the Kingdom in safeguarding its sovereignty and territorial integrity.\n", "en")
    assert ("CHN", "support", "SAU", "Sovereignty and territorial integrity") in stances


def test_the_kingdom_refers_to_no_one_when_two_kingdoms_are_named(registry):
    stances = _stances(registry, _SA_MEETING + "Wang Yi said Morocco and Saudi Arabia are friends, and that China firmly supports the Kingdom in safeguarding its sovereignty and territorial integrity.\n", "en")
    assert not {s for s in stances if s[2] in ("SAU", "MAR")}


def test_almamlaka_refers_back_to_the_kingdom_of_the_encounter(registry):
    stances = _stances(registry, """\
        وانغ يي يلتقي وزير الخارجية السعودي

        2023-03-10

        التقى وزير الخارجية الصيني وانغ يي في بكين يوم الجمعة وزير الخارجية السعودي فيصل بن فرحان.

        وأكد وانغ يي أن الصين تدعم المملكة في الحفاظ على سيادتها وسلامة أراضيها.
        """, "ar")
    assert ("CHN", "support", "SAU", "Sovereignty and territorial integrity") in stances


_DE_CALL = """\
    Wang Yi telefoniert mit Kerry

    Peking, 12. Februar 2016

    Der chinesische Außenminister Wang Yi hat am Donnerstagabend mit seinem amerikanischen Amtskollegen John Kerry telefoniert.

    """


def test_verb_second_puts_the_subject_after_the_verb_when_an_adverb_opens_the_clause(registry):
    stances = _stances(registry, _DE_CALL + "Dabei unterstütze China die Denuklearisierung der koreanischen Halbinsel.\n", "de")
    assert ("CHN", "support", None, "Korean Peninsula") in stances


def test_a_source_phrase_opens_the_clause_before_a_verb_second_subject(registry):
    # "Laut ihm unterstütze China ...": the source phrase stands first; China, after the verb, backs it
    stances = _stances(registry, _DE_CALL + "Laut ihm unterstütze China die Denuklearisierung der koreanischen Halbinsel.\n", "de")
    assert ("CHN", "support", None, "Korean Peninsula") in stances


def test_a_coordinated_verb_keeps_the_earlier_subject_in_verb_second(registry):
    # "..., und unterstützt dessen Politik": the subject is Germany, not the state after the verb
    stances = _stances(registry, _DE_CALL.replace("amerikanischen Amtskollegen John Kerry", "deutschen Amtskollegen Frank-Walter Steinmeier")
                       + "Deutschland respektiert die Souveränität Chinas und unterstützt Chinas Ein-China-Politik.\n", "de")
    assert not {s for s in stances if s[0] == "CHN"}
    assert ("DEU", "support", "CHN", "One-China principle") in stances


def test_a_noun_phrase_cue_has_no_verb_second_subject(registry):
    # ", betrachtet Hongkong als Teil Chinas": "als Teil" is no verb; China after it is no subject
    stances = _stances(registry, _DE_CALL.replace("amerikanischen Amtskollegen John Kerry", "deutschen Amtskollegen Frank-Walter Steinmeier")
                       + "Deutschland respektiert die Souveränität Chinas, setzt sich für die Ein-China-Politik ein, "
                       "betrachtet Hongkong als Teil Chinas und unterstützt dessen Praxis.\n", "de")
    assert ("DEU", "support", "CHN", "Hong Kong") in stances
    assert not {s for s in stances if s[0] == "CHN"}

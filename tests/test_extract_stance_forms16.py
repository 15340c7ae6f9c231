"""Endorsement forms of real readouts (issue 11, round 16): a position backed "on this issue",
"dans cette affaire", "在这一问题上" is backed on the topic the sentence before named; short
readouts the team wrote, each test naming its rule and failing without it."""

from __future__ import annotations

from readouts import XI_TOKAYEV_CALL, extract_text, stances, stances_after

def _stances(registry, lang: str, body: str) -> set[tuple]:
    return stances_after(registry, XI_TOKAYEV_CALL, lang, body)


def test_a_position_backed_on_this_issue_takes_the_topic_of_the_sentence_before(registry):
    # "discussed the South China Sea. ... supports China's position on this issue": the issue
    # named again by a demonstrative is the one the sentence before named, in its paragraph or not
    scs = ("KAZ", "support", "CHN", "South China Sea")
    assert scs in _stances(registry, "en", "The two sides discussed the South China Sea issue. Tokayev said Kazakhstan "
                                           "fully supports China's position on this issue.")
    assert scs in _stances(registry, "fr", "Les deux parties ont discuté de la question de la mer de Chine méridionale.\n"
                                           "M. Tokaïev a indiqué que le Kazakhstan soutient pleinement la position de la "
                                           "Chine dans cette affaire.")
    assert scs in _stances(registry, "zh", "双方讨论了南海问题。托卡耶夫表示，哈方支持中方在这一问题上的立场。")
    assert ("KAZ", "support", "CHN", "Taiwan") in _stances(
        registry, "es", "Ambas partes abordaron la cuestión de Taiwán. Tokayev afirmó que Kazajistán respalda la "
                        "posición de China en este asunto.")


def test_a_demonstrative_issue_with_no_topic_in_the_sentence_before_names_none(registry):
    # the demonstrative reaches one sentence back, no further: with no topic there the record has none
    found = _stances(registry, "en", "The two sides discussed the South China Sea issue. They also discussed trade. "
                                     "Tokayev said Kazakhstan fully supports China's position on this issue.")
    assert ("KAZ", "support", "CHN", None) in found
    assert ("KAZ", "support", "CHN", "South China Sea") not in found


def test_a_definite_conflict_in_a_sentence_with_no_topic_takes_the_one_of_the_sentence_before(registry):
    # "discussed the Ukraine crisis. ... support all negotiations aimed at a solution of the conflict":
    # where the language has articles, "the conflict" / "des Konflikts" names again the situation just named
    assert ("KAZ", "support", None, "Ukraine") in _stances(
        registry, "en", "The two sides discussed the situation in Ukraine. Tokayev said Kazakhstan supports all "
                        "negotiations aimed at a diplomatic solution of the conflict.")
    de = ("Kasachstans Präsident Tokajew telefoniert mit Xi Jinping\n\nPeking, 10. Juni 2022 - Der chinesische "
          "Staatspräsident Xi Jinping hat am Freitag mit dem kasachischen Präsidenten Kassym-Schomart Tokajew telefoniert.\n\n"
          "Im Zentrum des Gesprächs stand der Krieg in der Ukraine. Tokajew bekräftigte, dass Kasachstan alle Verhandlungen "
          "unterstützt, die auf eine diplomatische Lösung des Konflikts gerichtet sind.\n")
    assert ("KAZ", "support", None, "Ukraine") in stances(extract_text(registry, de, "de"))
    # a sentence naming a topic of its own keeps it: the one before lends nothing
    found = _stances(registry, "en", "The two sides discussed the situation in Ukraine. Tokayev said Kazakhstan supports "
                                     "all efforts to settle the conflict in Afghanistan.")
    assert ("KAZ", "support", None, "Ukraine") not in found


def test_a_joint_subject_before_an_infinitive_of_purpose_stays_whole(registry):
    # "Tokayev and Xi agreed to support ...": the infinitive belongs to the clause's subject, and
    # that subject is both of them, not the first one named
    found = _stances(registry, "en", "President Tokayev and President Xi agreed to support multilateralism.")
    assert {("KAZ", "support", None, "Multilateralism"), ("CHN", "support", None, "Multilateralism")} <= found
    # a subject alone keeps the stance to itself
    found = _stances(registry, "en", "President Tokayev agreed to support multilateralism.")
    assert ("CHN", "support", None, "Multilateralism") not in found

"""Endorsement forms of real readouts (issue 11, round 17): a Russian stance noun whose holder
an instrumental names, a Japanese condemnation of an aggression named before the verb; short
readouts the team wrote, each test naming its rule and failing without it."""

from __future__ import annotations

from readouts import extract_text, stances, stances_after

_HEAD = {
    "ru": "Сергей Лавров провёл переговоры с Ван И\n\n15 апреля 2022 года Министр иностранных дел России Сергей Лавров "
          "провёл телефонный разговор с Министром иностранных дел Китая Ван И.\n\n",
    "ja": "日豪外相電話会談\n\n令和3年4月5日\n茂木外務大臣は、ペイン・オーストラリア外相と電話会談を行いました。\n\n",
}


def _stances(registry, lang: str, body: str) -> set[tuple]:
    return stances_after(registry, _HEAD, lang, body)


def test_an_instrumental_after_a_stance_noun_is_its_holder_not_its_object(registry):
    # "подтвердил поддержку Россией принципа одного Китая": the state in the instrumental right
    # after "поддержка" holds the support; it is not the party backed
    found = _stances(registry, "ru", "Лавров подтвердил неизменную поддержку Россией принципа одного Китая.")
    assert ("RUS", "support", "CHN", "One-China principle") in found
    found = _stances(registry, "ru", "Министры отметили твёрдую поддержку Китаем усилий по урегулированию ситуации "
                                     "на Украине путём переговоров, о чём заявил Ван И.")
    assert not any(s[0] == "CHN" and s[2] == "CHN" for s in found)
    # a genitive after the noun is still the party backed
    assert ("RUS", "support", "CHN", "Taiwan") in _stances(
        registry, "ru", "Лавров подтвердил неизменную поддержку Китая в вопросе Тайваня.")


def test_an_aggression_named_before_a_condemning_verb_gives_its_topic_to_the_verb(registry):
    # Japanese names what is condemned before the verb: "ロシアによるウクライナ侵略を非難" is one
    # condemnation of Russia, on Ukraine
    found = _stances(registry, "ja", "両外相は、ロシアによるウクライナ侵略を強く非難しました。")
    assert ("JPN", "oppose", "RUS", "Ukraine") in found
    assert ("AUS", "oppose", "RUS", "Ukraine") in found
    assert ("JPN", "oppose", "RUS", None) not in found
    assert ("JPN", "oppose", "RUS", "Ukraine") in _stances(registry, "ja", "茂木大臣は、ロシアのウクライナへの侵略を非難しました。")
    # a condemnation with no aggression named keeps no topic
    assert ("JPN", "oppose", "RUS", None) in _stances(registry, "ja", "茂木大臣は、ロシアを強く非難しました。")


_DE = ("Scholz telefoniert mit Kishida\n\nBerlin, 20. März 2023\nBundeskanzler Olaf Scholz hat heute mit dem japanischen "
       "Premierminister Fumio Kishida telefoniert.\n")


def test_a_separated_verb_particle_after_the_stance_noun_still_ends_the_clause(registry):
    # "sicherten der Ukraine ihre Unterstützung zu": the particle "zu" closes the clause as its
    # verb would; the party in the dative before the noun is the one backed
    found = stances(extract_text(registry, _DE + "Beide sicherten der Ukraine ihre weitere Unterstützung zu.\n", "de"))
    assert ("DEU", "support", "UKR", "Ukraine") in found
    assert ("JPN", "support", "UKR", "Ukraine") in found


def test_a_verb_joined_by_und_takes_as_objects_only_the_actors_after_the_und(registry):
    # "verurteilten den russischen Angriffskrieg ... und sicherten der Ukraine ihre Unterstützung
    # zu": Russia is the first verb's object, never the one backed by the second
    found = stances(extract_text(registry, _DE + "Beide verurteilten den russischen Angriffskrieg gegen die Ukraine und "
                                                 "sicherten der Ukraine ihre weitere Unterstützung zu.\n", "de"))
    assert ("DEU", "support", "UKR", "Ukraine") in found
    assert ("DEU", "oppose", "RUS", "Ukraine") in found
    assert not any(s[1] == "support" and s[2] == "RUS" for s in found)


_EN = ("Xi Jinping Holds Phone Call with Kazakh President Tokayev\n\nBEIJING, December 16, 2021 - President Xi Jinping "
       "held a phone call with Kazakh President Kassym-Jomart Tokayev on Thursday.\n\n")


def test_an_occasion_phrase_with_the_state_named_inside_keeps_its_label(registry):
    # "the 30th anniversary of Kazakhstan's independence": the state's name between the occasion
    # word and "independence" leaves the Independence anniversary named
    for phrase in ("the 30th anniversary of Kazakhstan's independence", "the 30th anniversary of Kazakh independence"):
        found = stances(extract_text(registry, _EN + f"Xi congratulated Tokayev on {phrase}. The two heads of state also "
                                                     "discussed trade.\n", "en"))
        assert ("CHN", "congratulate", "KAZ", "Independence anniversary") in found
    # an anniversary of something else keeps no label
    found = stances(extract_text(registry, _EN + "Xi congratulated Tokayev on the 30th anniversary of diplomatic ties. "
                                                 "The two heads of state also discussed trade.\n", "en"))
    assert ("CHN", "congratulate", "KAZ", None) in found
    assert ("CHN", "congratulate", "KAZ", "Independence anniversary") not in found

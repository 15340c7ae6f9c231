"""Endorsement forms of real readouts (issue 11, round 13): formulas every ministry uses, checked
in the languages that lacked them, on short readouts the team wrote; each test names its rule and
fails without it."""

from __future__ import annotations

from readouts import extract_text, stances

_RU_TALKS = """\
    Лавров провел переговоры с Ван И

    МОСКВА, 4 марта 2024 - Министр иностранных дел России Сергей Лавров провел переговоры с министром иностранных дел Китая Ван И в Москве.

    """

_DE_TALKS = """\
    Scholz trifft Ruto

    Berlin, 4. März 2024 - Bundeskanzler Olaf Scholz hat am Montag in Berlin den kenianischen Präsidenten William Ruto empfangen.

    """

_AR_TALKS = """\
    وزير الخارجية الصيني يلتقي نظيره الروسي

    بكين في 4 مارس 2024 - التقى وزير الخارجية الصيني وانغ يي اليوم في بكين وزير الخارجية الروسي سيرغي لافروف.

    """

_EN_TALKS = """\
    Lavrov holds talks with Wang Yi

    MOSCOW, 4 March 2024 - Russian Foreign Minister Sergey Lavrov held talks with Chinese Foreign Minister Wang Yi in Moscow on Monday.

    """


def _stances(registry, text: str, lang: str) -> set[tuple]:
    return stances(extract_text(registry, text, lang))


def test_praising_the_ties_between_two_parties_backs_neither_in_german_russian_and_arabic(registry):
    # "würdigte die Beziehungen zwischen A und B", "высоко оценил отношения между A и B",
    # "أشاد بالعلاقات بين أ وب": a description of ties (ANNOTATION.md §3), no stance on either end
    assert _stances(registry, _DE_TALKS + "Scholz würdigte die Beziehungen zwischen Deutschland und Kenia.\n", "de") == set()
    assert _stances(registry, _RU_TALKS + "Лавров высоко оценил отношения между Россией и Китаем.\n", "ru") == set()
    assert _stances(registry, _AR_TALKS + "وأشاد وانغ يي بالعلاقات الوثيقة بين الصين وروسيا.\n", "ar") == set()
    # praise of a party's own role still backs it
    assert ("DEU", "support", "KEN", "AU") in _stances(
        registry, _DE_TALKS + "Scholz würdigte die Rolle Kenias in der Afrikanischen Union.\n", "de")


def test_two_russian_subjects_joined_by_i_state_the_stance_together(registry):
    # "Лавров и Ван И подтвердили ...": "и" joins two parties into one subject, each endorses
    found = _stances(registry, _RU_TALKS + "Лавров и Ван И подтвердили поддержку Казахстана в качестве председателя ШОС.\n", "ru")
    assert {("RUS", "support", "KAZ", "SCO"), ("CHN", "support", "KAZ", "SCO")} <= found


def test_german_holding_to_a_principle_with_am_adheres_to_it(registry):
    # "hält am Ein-China-Prinzip fest": "am" (an dem) opens the separable "festhalten an"
    found = _stances(registry, _DE_TALKS.replace("den kenianischen Präsidenten William Ruto", "den chinesischen Außenminister Wang Yi")
                     + "Scholz sagte, Deutschland halte am Ein-China-Prinzip fest.\n", "de")
    assert ("DEU", "support", "CHN", "One-China principle") in found


def test_a_state_named_after_a_conduct_by_a_genitive_commits_it_and_is_opposed(registry):
    # "condemned the unilateral sanctions of the United States", "осудил односторонние санкции
    # США": the state after the conduct imposes the sanctions; the "against" reading (which backs
    # multilateralism) must not turn the condemnation into support for it
    en = _stances(registry, _EN_TALKS + "Lavrov condemned the unilateral sanctions of the United States.\n", "en")
    ru = _stances(registry, _RU_TALKS + "Лавров осудил односторонние санкции США.\n", "ru")
    for found in (en, ru):
        assert ("RUS", "oppose", "USA", "Multilateralism") in found
        assert not any(target == "USA" and stance == "support" for _, stance, target, _ in found)
    # a state after "internal affairs" is the one interfered with: still backed
    assert ("RUS", "support", "CHN", "Non-interference") in _stances(
        registry, _RU_TALKS + "Лавров заявил, что Россия выступает против вмешательства во внутренние дела Китая.\n", "ru")
    # with no doer named, condemning the conduct backs the topic alone
    assert _stances(registry, _RU_TALKS + "Лавров осудил односторонние санкции.\n", "ru") == {("RUS", "support", None, "Multilateralism")}


def test_a_russian_congratulation_on_holding_elections_names_the_election(registry):
    # "поздравил с успешным проведением президентских выборов": the genitive "выборов"
    found = _stances(registry, _RU_TALKS + "Ван И поздравил Россию с успешным проведением президентских выборов.\n", "ru")
    assert ("CHN", "congratulate", "RUS", "Election") in found


_FR_TALKS = """\
    Lavrov rencontre Wang Yi

    MOSCOU, 4 mars 2024 - Le ministre russe des Affaires étrangères Sergueï Lavrov s'est entretenu lundi à Moscou avec le ministre chinois des Affaires étrangères Wang Yi.

    """

_ZH_TALKS = """\
    王毅同拉夫罗夫会谈

    新华社北京3月4日电 国务委员兼外长王毅4日在北京同俄罗斯外长拉夫罗夫举行会谈。

    """


def test_concern_over_a_partys_conduct_opposes_it_in_russian_chinese_arabic_and_french(registry):
    # "выразил обеспокоенность ...", "表示严重关切", "أعرب عن قلقه إزاء ...", "préoccupation face au
    # ...": concern over what a party does opposes that party (ANNOTATION.md §7)
    cases = [
        (_RU_TALKS, "Лавров выразил серьезную обеспокоенность военным присутствием США в регионе.", "ru", "RUS"),
        (_ZH_TALKS, "拉夫罗夫对美国在该地区的军事部署表示严重关切。", "zh", "RUS"),
        (_AR_TALKS, "وأعرب لافروف عن قلقه البالغ إزاء الانتشار العسكري للولايات المتحدة في المنطقة.", "ar", "RUS"),
        (_FR_TALKS, "M. Lavrov a exprimé sa vive préoccupation face au déploiement militaire des États-Unis dans la région.",
         "fr", "RUS"),
    ]
    for header, sentence, lang, endorser in cases:
        assert (endorser, "oppose", "USA", None) in _stances(registry, header + sentence + "\n", lang), lang


def test_concern_over_a_situation_in_a_named_state_is_no_stance(registry):
    # "the situation in Syria", "ситуацией в Сирии", "الوضع في سوريا", "叙利亚局势": the state is
    # where the situation is; no party's conduct is named, so no stance (ANNOTATION.md §7)
    cases = [
        (_EN_TALKS, "Lavrov expressed serious concern over the situation in Syria.", "en"),
        (_RU_TALKS, "Лавров выразил обеспокоенность ситуацией в Сирии.", "ru"),
        (_ZH_TALKS, "拉夫罗夫对叙利亚局势表示关切。", "zh"),
        (_AR_TALKS, "وأعرب لافروف عن قلقه إزاء الوضع في سوريا.", "ar"),
    ]
    for header, sentence, lang in cases:
        assert not any(target == "SYR" for _, _, target, _ in _stances(registry, header + sentence + "\n", lang)), lang


_ES_TALKS = """\
    Wang Yi se reúne con Lavrov

    MOSCÚ, 4 de marzo de 2024 - El ministro de Relaciones Exteriores de China, Wang Yi, sostuvo conversaciones el lunes en Moscú con el canciller ruso, Serguéi Lavrov.

    """


def test_standing_by_a_party_backs_it_whatever_words_join_the_party(registry):
    # "se tient aux côtés de la Russie", "está del lado de Rusia", "stands shoulder to shoulder
    # with Russia": the "de" belongs to the phrase, so the party after it is the one stood by, not
    # the owner of the stance ("le soutien de la Russie")
    cases = [
        (_FR_TALKS, "La Chine se tient aux côtés de la Russie.", "fr"),
        (_ES_TALKS, "China está del lado de Rusia.", "es"),
        (_EN_TALKS, "Wang said China stands shoulder to shoulder with Russia.", "en"),
    ]
    for header, sentence, lang in cases:
        assert ("CHN", "support", "RUS", None) in _stances(registry, header + sentence + "\n", lang), lang


def test_a_russian_recipient_after_a_verb_of_sending_is_congratulated_not_congratulating(registry):
    # "Си Цзиньпин направил Путину поздравление", "передал Путину поздравления председателя Си":
    # Russian marks the recipient by its case, with no "to"; the party first named after the verb
    # of sending receives the congratulation, and the one before the verb sends it
    for sentence in ("Ван И передал Путину поздравления председателя Си Цзиньпина с переизбранием.",
                     "Си Цзиньпин направил Путину поздравление с переизбранием.",
                     "Ван И направил Лаврову поздравительное послание в связи с переизбранием Путина."):
        found = _stances(registry, _RU_TALKS + sentence + "\n", "ru")
        assert ("CHN", "congratulate", "RUS", "Election") in found, sentence
        assert not any(endorser == "RUS" for endorser, *_ in found), sentence


def test_an_arabic_welcome_reads_its_subject_after_the_verb_and_its_object_after_the_subject(registry):
    # "ورحب وانغ يي بقرار روسيا ...": verb first, the one who welcomes follows the verb; what is
    # welcomed (a decision) comes after him, so he is not taken for a visitor welcomed
    assert ("CHN", "support", "RUS", None) in _stances(registry, _AR_TALKS + "ورحب وانغ يي بقرار روسيا استضافة القمة.\n", "ar")
    # welcoming a visitor stays hospitality
    assert _stances(registry, _AR_TALKS + "ورحب وانغ يي بوزير الخارجية الروسي سيرغي لافروف.\n", "ar") == set()

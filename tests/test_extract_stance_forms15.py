"""Endorsement forms of real readouts (issue 11, round 15): congratulations on taking office in the
words each language uses for it, and congratulations on two occasions at once; short readouts
the team wrote, each test naming its rule and failing without it."""

from __future__ import annotations

from readouts import XI_TOKAYEV_CALL, extract_text, stances, stances_after

def _stances(registry, lang: str, sentence: str) -> set[tuple]:
    return stances_after(registry, XI_TOKAYEV_CALL, lang, sentence)


def test_congratulations_on_taking_office_in_each_languages_words(registry):
    # "su asunción", "son accession à la magistrature suprême", "assumption of the presidency",
    # "confirmation as", "就任を祝った": a taking of office, however the language words it
    taking = ("CHN", "congratulate", "KAZ", "Taking office")
    assert taking in _stances(registry, "es", "Xi Jinping lo felicitó por su asunción.")
    assert taking in _stances(registry, "es", "Xi Jinping felicitó a Tokayev por su asunción como presidente.")
    assert taking in _stances(registry, "fr", "Xi Jinping a félicité M. Tokaïev pour son accession à la magistrature suprême.")
    assert taking in _stances(registry, "en", "Xi congratulated Tokayev on his recent assumption of the presidency.")
    assert taking in _stances(registry, "en", "Xi congratulated Tokayev on his confirmation as President.")
    assert taking in _stances(registry, "ja", "習主席はトカエフ大統領の就任を祝った。")
    # a presidency of a body taken in turn is that body's, not an office taken
    found = _stances(registry, "es", "Xi Jinping felicitó a Tokayev por la asunción de Kazajistán a la presidencia pro tempore de la OCS.")
    assert taking not in found


_ZH_CALL = """\
    习近平同哈萨克斯坦总统托卡耶夫通电话

    新华社北京2022年10月25日电 国家主席习近平25日同哈萨克斯坦总统托卡耶夫通电话。

    """


def test_an_occasion_no_label_names_beside_a_labelled_one_is_congratulated_too(registry):
    # "congratulated X on his re-election and on the anniversary of ties", "祝贺中共二十大圆满闭幕和
    # 习近平再次当选": two occasions, one with a label and one without, give two records
    found = _stances(registry, "en", "Xi congratulated Tokayev on his re-election and on the 30th anniversary of diplomatic relations.")
    assert {("CHN", "congratulate", "KAZ", "Election"), ("CHN", "congratulate", "KAZ", None)} <= found
    found = _stances(registry, "fr", "Xi Jinping a félicité M. Tokaïev pour sa réélection et pour le 30e anniversaire des relations diplomatiques.")
    assert {("CHN", "congratulate", "KAZ", "Election"), ("CHN", "congratulate", "KAZ", None)} <= found
    found = stances(extract_text(registry, _ZH_CALL + "托卡耶夫祝贺中共二十大圆满闭幕和习近平再次当选中共中央总书记。\n", "zh"))
    assert {("KAZ", "congratulate", "CHN", "Election"), ("KAZ", "congratulate", "CHN", None)} <= found
    # a labelled occasion alone, or an anniversary the label names, gives no topic-less record
    assert ("CHN", "congratulate", "KAZ", None) not in _stances(registry, "en", "Xi congratulated Tokayev on his re-election.")
    found = _stances(registry, "en", "Xi congratulated Tokayev on his re-election and on the 30th anniversary of independence.")
    assert ("CHN", "congratulate", "KAZ", None) not in found
    # an anniversary said of a labelled occasion ("of the victory in the war of independence") is
    # that occasion, not a second one
    found = _stances(registry, "fr", "Xi Jinping a félicité M. Tokaïev à l'occasion du 30e anniversaire de la victoire de la guerre "
                                     "d'indépendance et pour sa réélection.")
    assert ("CHN", "congratulate", "KAZ", None) not in found


def test_the_party_right_after_a_verb_of_sending_is_the_one_congratulated(registry):
    # "sent Tokayev his congratulations", "übermittelte Tokajew seine Glückwünsche", "envió a Tokayev
    # sus felicitaciones": the first party after a verb of sending is who the congratulations go to
    sent = ("CHN", "congratulate", "KAZ", "Taking office")
    assert sent in _stances(registry, "en", "Xi sent Tokayev his warm congratulations on his inauguration.")
    assert sent in _stances(registry, "de", "Xi Jinping übermittelte Tokajew seine Glückwünsche zum Amtsantritt.")
    assert sent in _stances(registry, "es", "Xi Jinping envió a Tokayev sus felicitaciones por su toma de posesión.")
    for lang, sentence in (("en", "Xi sent Tokayev his warm congratulations on his inauguration."),
                           ("es", "Xi Jinping envió a Tokayev sus felicitaciones por su toma de posesión.")):
        assert not any(e[0] == "KAZ" for e in _stances(registry, lang, sentence))


_KO_CALL = """\
    문재인 대통령, 시진핑 주석과 통화

    서울, 2018년 1월 10일 - 문재인 대통령은 10일 시진핑 중국 국가주석과 전화 통화를 했다.

    """


def test_a_stance_noun_another_party_owns_by_a_particle_is_theirs_told(registry):
    # "중국의 지지에 감사드린다" (thanked for China's support): the name closed by the possessive
    # particle owns the noun, as "China's support" does in English; the subject takes no stance
    found = stances(extract_text(registry, _KO_CALL + "문재인 대통령은 평창동계올림픽에 대한 중국의 지지에 감사드린다고 말했다.\n", "ko"))
    assert not any(e[:3] == ("KOR", "support", "CHN") for e in found)
    # a stance stated by the subject keeps its reading
    found = stances(extract_text(registry, _KO_CALL + "문재인 대통령은 하나의 중국 원칙을 존중한다고 말했다.\n", "ko"))
    assert ("KOR", "support", "CHN", "One-China principle") in found


_RU_CALL = """\
    Касым-Жомарт Токаев провел телефонный разговор с Си Цзиньпином

    АСТАНА, 10 июня 2022 г. - Касым-Жомарт Токаев провел телефонный разговор с Председателем КНР Си Цзиньпином.

    """


def test_a_title_read_as_the_congratulators_own_side_is_the_other_partys(registry):
    # "Си Цзиньпин поздравил Главу государства со вступлением в должность": both are heads of
    # state, and the bare title reads as the speaker's own; no one congratulates themselves, so in a
    # two-party encounter it is the other party
    found = stances(extract_text(registry, _RU_CALL + "Си Цзиньпин поздравил Главу государства со вступлением в должность.\n", "ru"))
    assert ("CHN", "congratulate", "KAZ", "Taking office") in found
    # a support for oneself stays no record
    found = stances(extract_text(registry, _RU_CALL + "Си Цзиньпин высоко оценил Главу государства.\n", "ru"))
    assert not any(e[0] == e[2] for e in found)


def test_a_congratulation_received_from_a_party_named_after_it_is_that_partys(registry):
    # "Tokayev received a congratulatory call from Xi", "recibió un mensaje de felicitación de Xi":
    # the sender follows the congratulation; the one who received it is congratulated
    taking = ("CHN", "congratulate", "KAZ", "Taking office")
    assert taking in _stances(registry, "en", "Tokayev received a congratulatory call from Xi on his inauguration.")
    assert taking in _stances(registry, "es", "Tokayev recibió un mensaje de felicitación de Xi Jinping por su toma de posesión.")
    # no sender named: no record
    found = _stances(registry, "en", "Tokayev has received yet another congratulatory message over his inauguration.")
    assert not any(e[1] == "congratulate" for e in found)


def test_the_agent_of_a_passive_praise_is_not_the_party_backed(registry):
    # "measures ... fully recognized and highly appreciated by WHO": the party after "by" holds the
    # praise; the speaker does not back it
    found = _stances(registry, "en", "Xi said China has taken timely and forceful measures, which have been fully recognized "
                                     "and highly appreciated by WHO and many countries.")
    assert not any(e[2] == "WHO" for e in found)
    # praise in the active voice still backs its object
    found = _stances(registry, "en", "Xi said China has taken timely and forceful measures and highly appreciated the WHO.")
    assert ("CHN", "support", "WHO", None) in found

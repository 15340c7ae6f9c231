"""Russian readouts: short texts written by the team in the style of Russian-language
ministries and news agencies (never copies of real ones). Each test names the rule it holds:
case endings on names and titles, Latin names for officials (the registry's, a BGN/PCGN or
Palladius reading otherwise, the name as written kept), stances and their negation."""

from __future__ import annotations

import textwrap

from kg.extract import detect_language
from readouts import extract_text as _extract, people as _people, stances as _stances


PHONE_CALL = """\
    Главы МИД России и Казахстана провели телефонный разговор

    Опубликовано: 14.03.2024

    В среду министр иностранных дел Российской Федерации Сергей Лавров провел телефонный разговор с министром иностранных дел Республики Казахстан Муратом Нуртлеу.
    Стороны обсудили подготовку к заседанию Совета министров иностранных дел ШОС.
    Российская сторона поддерживает председательство Казахстана в Шанхайской организации сотрудничества.
    """


def test_a_russian_text_is_read_as_russian(registry):
    assert detect_language(textwrap.dedent(PHONE_CALL), registry) == "ru"
    assert _extract(registry, PHONE_CALL).lang == "ru"


def test_a_weekday_in_the_accusative_dates_the_call(registry):
    extraction = _extract(registry, PHONE_CALL)
    assert [(e.type, e.date) for e in extraction.events] == [("phone_call", "2024-03-13")]


def test_inflected_names_and_titles_are_the_registry_officials(registry):
    """"с министром иностранных дел ... Муратом Нуртлеу": the instrumental of title and name."""
    people = _people(_extract(registry, PHONE_CALL))
    assert people["Sergey Lavrov"][:2] == ("RUS", {"foreign_minister"})
    assert people["Murat Nurtleu"][:2] == ("KAZ", {"foreign_minister"})


def test_backing_a_chair_in_a_body_names_the_body(registry):
    assert ("RUS", "support", "KAZ", "SCO") in _stances(_extract(registry, PHONE_CALL))


def test_an_unknown_official_gets_a_bgn_pcgn_name_in_the_nominative(registry):
    """"с послом Мальты Джоном Греховым": read back to "Джон Грехов", transliterated, the
    Cyrillic kept as written."""
    extraction = _extract(registry, """\
        Заместитель министра иностранных дел России встретился с послом Мальты

        12 февраля 2024 года заместитель министра иностранных дел Российской Федерации Игорь Моргулов встретился с послом Мальты Джоном Греховым.
        """)
    people = _people(extraction)
    assert [e.type for e in extraction.events] == ["meeting"]
    assert people["Igor Morgulov"][:2] == ("RUS", {"vice_foreign_minister"})
    assert people["Dzhon Grekhov"] == ("MLT", {"ambassador"}, "Джон Грехов")


def test_a_chinese_official_written_in_palladius_gets_the_pinyin_name(registry):
    extraction = _extract(registry, """\
        5 июня 2023 года Президент Республики Узбекистан Шавкат Мирзиёев принял Чрезвычайного и Полномочного Посла Китайской Народной Республики Лю Цзиньсуна.
        """)
    people = _people(extraction)
    assert people["Shavkat Mirziyoyev"][:2] == ("UZB", {"head_of_state"})
    assert people["Liu Jinsong"][:2] == ("CHN", {"ambassador"})
    assert [e.date for e in extraction.events] == ["2023-06-05"]


def test_the_genitive_month_and_the_adherence_to_one_china(registry):
    extraction = _extract(registry, """\
        Председатель КНР Си Цзиньпин и президент России Владимир Путин провели переговоры

        21 марта 2023 года в Москве председатель КНР Си Цзиньпин провел переговоры с президентом России Владимиром Путиным.
        Путин заявил, что Россия твердо придерживается принципа одного Китая.
        """)
    assert [(e.type, e.date) for e in extraction.events] == [("talks", "2023-03-21")]
    people = _people(extraction)
    assert people["Xi Jinping"][:2] == ("CHN", {"head_of_state"})
    assert people["Vladimir Putin"][:2] == ("RUS", {"head_of_state"})
    assert ("RUS", "support", "CHN", "One-China principle") in _stances(extraction)


def test_opposing_taiwan_independence_backs_china(registry):
    extraction = _extract(registry, """\
        10 апреля 2024 года глава МИД Китая Ван И провел переговоры с министром иностранных дел Венгрии Петером Сийярто.
        Сийярто заявил, что Венгрия выступает против «независимости Тайваня».
        """)
    people = _people(extraction)
    assert people["Wang Yi"][:2] == ("CHN", {"foreign_minister"})
    assert people["Péter Szijjártó"][:2] == ("HUN", {"foreign_minister"})
    assert _stances(extraction) == {("HUN", "support", "CHN", "Taiwan")}


def test_a_negation_flips_the_stance(registry):
    """"не поддерживает «независимость Тайваня»": not backing what China rejects backs China."""
    extraction = _extract(registry, """\
        10 апреля 2024 года глава МИД Китая Ван И провел переговоры с министром иностранных дел Венгрии Петером Сийярто.
        Сийярто заявил, что Венгрия не поддерживает «независимость Тайваня».
        Венгрия поддерживает суверенитет и территориальную целостность Китая.
        """)
    stances = _stances(extraction)
    assert ("HUN", "support", "CHN", "Taiwan") in stances and ("HUN", "oppose", "CHN", "Taiwan") not in stances
    assert ("HUN", "support", "CHN", "Sovereignty and territorial integrity") in stances


def test_an_exchange_of_congratulatory_messages_congratulates_both_ways(registry):
    extraction = _extract(registry, """\
        9 августа 2024 года министр иностранных дел России Сергей Лавров и министр иностранных дел Монголии Батмунх Батцэцэг обменялись поздравительными посланиями по случаю 103-й годовщины установления дипломатических отношений.
        """)
    assert [e.type for e in extraction.events] == ["message"]
    stances = _stances(extraction)
    assert ("RUS", "congratulate", "MNG", None) in stances and ("MNG", "congratulate", "RUS", None) in stances


def test_a_name_is_read_back_to_its_base_form_in_the_case_of_its_title(registry):
    from kg.knowledge.morphology import Morphology

    morphology = Morphology(registry.lang("ru")["morphology"])
    heads = {"посол", "министр", "президент"}
    assert morphology.nominative("Джоном Теффтом", morphology.cases_of("послом", heads)) == "Джон Теффт"
    assert morphology.nominative("Сергея Лаврова", morphology.cases_of("министра", heads)) == "Сергей Лавров"
    assert morphology.nominative("Мирьяной Сполярич", morphology.cases_of("президентом", heads)) == "Мирьяна Сполярич"
    # a nominative title, or none, leaves the name as written ("Мария Захарова" is no genitive)
    assert morphology.nominative("Мария Захарова", morphology.cases_of("министр", heads)) == "Мария Захарова"
    assert morphology.nominative("Мария Захарова") == "Мария Захарова"


def test_an_irregular_word_lists_its_forms_and_makes_no_false_ones(registry):
    """"посол" drops its vowel ("посла"), and its prepositional is "после" ("after"): not a title."""
    from kg.knowledge.morphology import Morphology

    forms = set(Morphology(registry.lang("ru")["morphology"]).forms("посол"))
    assert {"посол", "посла", "послу", "послом"} <= forms and "после" not in forms


def test_palladius_syllables_read_back_into_pinyin(registry):
    from kg.extract.persons import _syllables

    table = registry.lang("ru")["transliteration"]["syllabic"]["table"]
    assert _syllables("Ху Цзиньтао", table) == "Hu Jintao"
    assert _syllables("Чжао Лэцзи", table) == "Zhao Leji"
    assert _syllables("Джон Теффт", table) is None


def test_the_day_of_the_last_contact_is_not_the_calls(registry):
    """"В последний раз стороны общались 5 марта": the day of an earlier contact ([events]
    previous); the call, undated in the lead, takes the page's day."""
    text = """\
        Лавров и Нуртлеу провели телефонный разговор

        14.03.2024 18:40

        Министр иностранных дел России Сергей Лавров провел телефонный разговор с министром иностранных дел Казахстана Муратом Нуртлеу.
        Стороны обсудили подготовку к заседанию Совета министров иностранных дел ШОС.
        В последний раз стороны общались 5 марта.
        """
    assert [(e.type, e.date) for e in _extract(registry, text).events] == [("phone_call", "2024-03-14")]


def test_a_plural_state_name_in_the_genitive_is_a_state_not_a_person(registry):
    """"госсекретарём Соединённых Штатов", "министром Объединённых Арабских Эмиратов": the plural
    state names decline (-ов, or no ending: "Филиппин"); read as states, they name nobody."""
    extraction = _extract(registry, """\
        Министр иностранных дел России Сергей Лавров провел телефонный разговор с госсекретарём Соединённых Штатов Энтони Блинкеном.
        Позднее он встретился с министром иностранных дел Объединённых Арабских Эмиратов и послом Филиппин.
        """, "ru")
    found = _people(extraction)
    assert not any(name.startswith(("Soyed", "Ob", "Fili", "Соедин", "Объедин")) for name in found)
    assert found.get("Antony Blinken", (None,))[0] == "USA"

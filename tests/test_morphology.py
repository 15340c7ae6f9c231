"""kg.knowledge.morphology: inflected forms of names and titles from a language's rules (data)."""

from __future__ import annotations

from kg.knowledge.matcher import Gazetteer
from kg.knowledge.morphology import Morphology
from kg.text import transliterate

CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя-"
# a few noun paradigms written for the test: nominative, genitive, dative, accusative, instrumental, prepositional
RUSSIAN = Morphology({"letters": CYRILLIC, "paradigms": {
    "й": ["й я ю я ем е"],
    "ия": ["ия ии ии ию ией ии"],
    "": ["- а у а ом е", "- а у а ым е"],
}})


def test_a_name_takes_every_case_ending_of_its_final():
    assert set(RUSSIAN.forms("Китай")) == {"Китай", "Китая", "Китаю", "Китаем", "Китае"}
    assert {"Лавров", "Лаврова", "Лаврову", "Лавровым", "Лаврове"} <= set(RUSSIAN.forms("Лавров"))
    assert RUSSIAN.forms("Россия")[0] == "Россия" and "России" in RUSSIAN.forms("Россия")


def test_in_a_phrase_each_word_may_keep_its_form():
    """"министра иностранных дел": the head noun inflects, the genitive after it stays."""
    forms = set(RUSSIAN.forms("министр иностранных дел"))
    assert {"министра иностранных дел", "министром иностранных дел", "министр иностранных дел"} <= forms


def test_words_of_another_script_and_short_words_do_not_inflect():
    assert RUSSIAN.forms("Wang Yi") == ["Wang Yi"]
    assert RUSSIAN.forms("ЕС") == ["ЕС"]


def test_proclitics_and_the_article_join_the_first_word():
    arabic = Morphology({"proclitics": ["و", "ب", "ف"], "article": "ال"})
    forms = set(arabic.forms("الصين"))
    assert {"الصين", "والصين", "بالصين", "للصين", "وللصين"} <= forms


def test_a_gazetteer_with_morphology_finds_inflected_names_at_their_offsets():
    g = Gazetteer(RUSSIAN.forms, ("state", "person"))
    g.add("Китай", "state", "CHN")
    g.add("Лавров", "person", "1")
    g.add("переговоры", "event.talks")  # cue words are listed form by form, not inflected
    text = "Лаврову позвонили из Китая; переговорыа"
    found = [(m.kind, m.value, m.text, text[m.start:m.end]) for m in g.find(text)]
    assert ("person", "1", "Лаврову", "Лаврову") in found
    assert ("state", "CHN", "Китая", "Китая") in found
    assert not any(kind == "event.talks" for kind, *_ in found)


def test_transliteration_by_table_with_initial_forms():
    table = {"letters": dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                                 ["a", "b", "v", "g", "d", "e", "ë", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                                  "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"])),
             "initial": {"е": "ye"}, "vowels": "аеёиоуыэюяйъь"}
    assert transliterate("Сергей Лавров", table) == "Sergey Lavrov"
    assert transliterate("Евгений Иванов", table) == "Yevgeniy Ivanov"
    assert transliterate("Wang Yi", table) == "Wang Yi"

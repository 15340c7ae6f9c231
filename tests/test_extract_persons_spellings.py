"""kg.extract.persons: known officials written in a language's own spelling, with joined
initials, in bare lists of family names, or by a kanji family name before a title; on
readouts written by the team (participants round 4)."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.extract.layout import detect_language
from kg.model import Document


def _participants(registry, text: str, lang: str) -> set[tuple[str, str]]:
    document = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang)
    extraction = extract(document, registry)
    return {(p.country, p.name) for e in extraction.events for p in e.participants}


def test_a_family_name_alone_in_a_languages_spelling_names_the_official(registry):
    """"le président Mirzioïev": the last word of a French full-name variant ("Chavkat
    Mirzioïev") is the family name as French spells it."""
    found = _participants(registry, """\
        Tachkent, le 12 avril 2023

        Le président Mirzioïev a reçu le ministre russe des Affaires étrangères, Sergueï Lavrov. Mirzioïev a salué le partenariat stratégique.
        """, "fr")
    assert ("UZB", "Shavkat Mirziyoyev") in found
    assert ("RUS", "Sergey Lavrov") in found


def test_a_family_spelling_far_from_the_registrys_is_not_taken(registry):
    """Only a last word near the registry's family name counts: a variant written family
    name first ("Hayashi Yoshimasa") gives no family name "Yoshimasa"."""
    from kg.extract.finder import _family_index

    index = _family_index(registry)
    assert "yoshimasa" not in index
    assert "tokaiev" in index and "tokaev" in index


def test_initials_joined_to_each_other_or_to_the_family_name_are_part_of_the_name(registry):
    """"Prof. G.L. Peiris", "Dr. S.Jaishankar": initials written without spaces."""
    found = _participants(registry, """\
        New Delhi, 3 March 2022

        External Affairs Minister Dr. S.Jaishankar met with Foreign Minister Prof. G.L. Peiris of Sri Lanka today.
        """, "en")
    countries = {country for country, _ in found}
    assert {"IND", "LKA"} <= countries
    assert any(name.endswith("Peiris") for _, name in found)


def test_a_list_of_bare_family_names_beside_an_official_names_each(registry):
    """"Scholz, Macron und Erdoğan haben ... beraten": each bare family name of one known
    official in a list beside a named official is that official."""
    found = _participants(registry, """\
        Berlin, 14. März 2023

        Scholz, Macron und Erdoğan haben am Dienstag in einer Videokonferenz über die Lage in der Region beraten.
        """, "de")
    assert {("DEU", "Olaf Scholz"), ("FRA", "Emmanuel Macron"), ("TUR", "Recep Tayyip Erdoğan")} <= found


def test_a_list_with_a_word_that_is_no_officials_family_name_adds_no_one(registry):
    """"Scholz, Macron und Berlin": a list that holds a place is no list of officials."""
    found = _participants(registry, """\
        Berlin, 14. März 2023

        Scholz, Macron und Brüssel haben am Dienstag in einer Videokonferenz über die Lage in der Region beraten.
        """, "de")
    assert ("FRA", "Emmanuel Macron") not in found


def test_a_kanji_family_name_before_a_title_names_the_one_official_of_the_state(registry):
    """"上川大臣", "林外務大臣": the kanji that begin the name of one Japanese official, right
    before a title with no state, on a Japanese page."""
    found = _participants(registry, """\
        令和5年9月20日

        上川大臣は、ブリンケン米国務長官と会談を行いました。林外務大臣も同席しました。
        """, "ja")
    assert ("JPN", "Yoko Kamikawa") in found


def test_a_short_spanish_page_is_read_as_spanish(registry):
    """"de" is Spanish, French and Portuguese before it is a Turkish clitic: a short Spanish
    readout full of it is not taken for Turkish."""
    text = ("Lima, 2 de mayo de 2023\nEl canciller de Perú recibió al ministro de Comercio de "
            "Chile, Juan Pérez, en la sede de la Cancillería de Lima.\n")
    assert detect_language(text, registry) == "es"


def test_a_date_after_a_name_is_no_list_of_family_names(registry):
    """"..., Nanaia Mahuta, 13 May 2021": a number ends a list; "May" is a month here."""
    found = _participants(registry, """\
        14 May 2021

        Minister for Foreign Affairs Vivian Balakrishnan had a video call with New Zealand Minister of Foreign Affairs Nanaia Mahuta, 13 May 2021.
        """, "en")
    assert not any(name == "Theresa May" for _, name in found)


def test_a_month_beside_a_number_in_a_list_is_no_family_name(registry):
    """"Nanaia Mahuta, May 2021": a capitalised word beside a number is a month, not an official."""
    found = _participants(registry, """\
        14 May 2021

        Minister for Foreign Affairs Vivian Balakrishnan had a video call with New Zealand Minister of Foreign Affairs Nanaia Mahuta, May 2021.
        """, "en")
    assert not any(name == "Theresa May" for _, name in found)


def test_a_japanese_name_in_russian_is_read_back_by_its_syllables(registry):
    """"Кэнтаро Хаттори": a Japanese official the registry does not know, written in Russian
    (Polivanov), gets the Hepburn spelling, not a letter-by-letter one ("Kentaro Khattori")."""
    found = _participants(registry, """\
        Москва, 14 марта 2023 года

        Заместитель Министра иностранных дел России встретился с Послом Японии Кэнтаро Хаттори.
        """, "ru")
    assert ("JPN", "Kentaro Hattori") in found


def test_a_bare_japanese_minister_title_takes_the_post_the_official_held(registry):
    """"林大臣": 大臣 names no department; the registry's offices give the one post of the
    official (Hayashi: foreign minister)."""
    document = Document(source="t.txt", text="令和4年7月9日\n林大臣は、ブリンケン米国務長官と会談を行いました。\n",
                        sha256="0" * 64, lang="ja")
    extraction = extract(document, registry)
    roles = {p.name: set(p.roles) for e in extraction.events for p in e.participants}
    assert roles.get("Yoshimasa Hayashi") == {"foreign_minister"}


def test_paraguays_president_receives_taiwans_foreign_minister(registry):
    """Known officials of Paraguay and Taiwan: a Spanish readout of their meeting names both
    sides, Taiwan's minister by the registry though "Taiwán" is no party in Spanish."""
    found = _participants(registry, """\
        Asunción, 10 de agosto de 2022

        El presidente Mario Abdo Benítez recibió en el Palacio de López al canciller de Taiwán, Joseph Wu, con quien conversó sobre la cooperación bilateral.
        """, "es")
    assert {("PRY", "Mario Abdo Benítez"), ("TWN", "Joseph Wu")} <= found

"""kg.extract.persons: the set of states an event has — forms that add a participant who is
none (a place read as a name) or lose one (issue 11, participants round 2)."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def _events(registry, text: str, lang: str) -> list[list[tuple[str, str, tuple[str, ...]]]]:
    document = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang)
    extraction = extract(document, registry)
    return [[(p.country, p.name, tuple(sorted(p.roles))) for p in e.participants] for e in extraction.events]


def test_a_place_after_a_plural_title_is_no_listed_name(registry):
    """"the meeting of Foreign Ministers in New York, Swaraj said": a plural title gives its post
    to a list of names only; one capitalised place after it, before a known name, is none."""
    events = _events(registry, """\
        Swaraj meets Wang Yi on sidelines of SCO meeting

        New York/USA, September 21: India's External Affairs Minister Sushma Swaraj on Thursday met her Chinese counterpart Wang Yi on the sidelines of the SCO meeting.

        While speaking at the Meeting of Foreign Ministers in New York, Swaraj said that there can be no justification for terrorism.
        """, "en")
    names = {name for event in events for _, name, _ in event}
    assert "New York" not in names
    assert [{c for c, _, _ in event} for event in events] == [{"IND", "CHN"}]


def test_the_word_for_a_sovereign_is_the_monarchs_title(registry):
    """"El Soberano recibió ...": the word for a sovereign is a head of state's title; with the
    state the page names, the registry gives who reigned on the day."""
    events = _events(registry, """\
        Rabat, 12 de marzo de 2019

        El Soberano recibió el martes en el Palacio Real de Rabat al ministro chino de Asuntos Exteriores, Wang Yi, quien elogió el papel de Marruecos en África.
        """, "es")
    assert [sorted(event) for event in events] == [[("CHN", "Wang Yi", ("foreign_minister",)),
                                                    ("MAR", "Mohammed VI", ("head_of_state",))]]


def test_a_chinese_daijin_is_a_ministers_title(registry):
    """"日本经济产业大臣西村康稔": 大臣 is how Chinese writes a minister of Japan or of a monarchy."""
    events = _events(registry, """\
        2023年3月12日，国务委员兼外长王毅在北京会见日本经济产业大臣西村康稔。
        """, "zh")
    assert [{(c, n) for c, n, _ in event} for event in events] == [{("CHN", "Wang Yi"), ("JPN", "西村康稔")}]


def test_a_chinese_house_member_title_keeps_its_house_character(registry):
    """"西田一郎众议员": 众议员 (member of the lower house) is a title of its own; its first
    character is no part of the name before it."""
    events = _events(registry, """\
        2023年3月12日，外交部长王毅在北京会见日本前经济安全保障担当大臣西田一郎众议员。
        """, "zh")
    assert [{(c, n) for c, n, _ in event} for event in events] == [{("CHN", "Wang Yi"), ("JPN", "西田一郎")}]


def _people(registry, text: str, lang: str = "en"):
    from kg.extract.layout import read_layout
    from kg.extract.persons import find_people
    from kg.text import fold

    text = textwrap.dedent(text).strip() + "\n"
    matches = registry.gazetteer(lang).find(text, fold(text))
    layout = read_layout(text, registry, lang, "2023-03-13", matches, None, None)
    people, _ = find_people(text, layout.body, matches, registry, lang, layout.publisher_country)
    return {(p.country, p.name): set(p.roles) | set(p.generic_roles) for p in people.values()}


def test_a_counterpart_late_in_a_long_readout_holds_the_subjects_post(registry):
    """"She met ... and her Singaporean counterpart X" in the eighth sentence: a counterpart
    word holds wherever it stands, not only in the opening sentences."""
    people = _people(registry, """\
        Jaishankar visits Singapore

        Singapore, March 12, 2023: External Affairs Minister Dinesh Rao arrived in Singapore on Sunday. He attended a forum. He spoke on trade. He spoke on digital links. He spoke on the region. He spoke on energy. He also visited a port.

        Yesterday, he met Prime Minister Lee Hsien Loong and his Singaporean counterpart Vivian Balakrishnan.
        """)
    assert "foreign_minister" in people[("SGP", "Vivian Balakrishnan")]


def test_counterparts_of_listed_states_take_the_states_in_order(registry):
    """"her Colombian and Peruvian counterparts, A and B": each name listed after the counterpart
    word is a counterpart with the subject's post, of the state of the same rank in the list."""
    events = _events(registry, """\
        New Delhi, September 21, 2017

        External Affairs Minister Sushma Swaraj met her Colombian and Peruvian counterparts, Tomas Velkov and Ana Marisol Duarte, on Thursday.
        """, "en")
    found = {(c, n, r) for event in events for c, n, r in event}
    assert ("COL", "Tomas Velkov", ("foreign_minister",)) in found
    assert ("PER", "Ana Marisol Duarte", ("foreign_minister",)) in found


def test_two_leaders_titles_joined_by_and_are_two_people(registry):
    """"The President and Prime Minister Cameron spoke today": no one is written with both a
    head of state's and a head of government's title; the name holds the second title only."""
    people = _people(registry, """\
        Readout of the President's call

        Monday, August 15, 2011

        The President and Prime Minister Cameron spoke today about the situation in Syria.
        """)
    assert people[("GBR", "David Cameron")] == {"head_of_government"}


def test_a_state_before_a_ministry_before_a_title_is_the_titles(registry):
    """"Dutch Ministry of Foreign Affairs Political Director X": the state named before the
    ministry is the state of the title after it, not the one the page names most."""
    people = _people(registry, """\
        Deputy Secretary's call with a Dutch official

        February 24, 2022

        Deputy Secretary of State Wendy Sherman spoke by phone today with Dutch Ministry of Foreign Affairs Political Director Jan de Vries. They condemned Russia's attack on Ukraine and support Ukraine's sovereignty. Ukraine's people deserve peace, Ukraine's borders must be respected.
        """)
    assert ("NLD", "Jan de Vries") in people


def test_the_spanish_spelling_mejicano_names_mexico(registry):
    """"la subsecretaria de Exteriores mejicana, X": Spain writes Méjico and mejicano too."""
    people = _people(registry, """\
        Madrid, 22 nov 2025

        Albares se reunió en Sudáfrica con la subsecretaria de Exteriores mejicana, María Teresa Mercado, y con el ministro argelino Ahmed Attaf.
        """, "es")
    assert ("MEX", "María Teresa Mercado") in people


def test_a_name_after_a_portfolio_with_no_comma_is_the_titles(registry):
    """"Deputy Minister of Foreign and Global Affairs Marta Morgan": the name starts after the
    last portfolio word, and "Foreign ... Affairs" with a word between is still that post."""
    people = _people(registry, """\
        New Delhi, March 14, 2022

        India and Canada held Foreign Office Consultations in Delhi on Monday. The Indian delegation was led by Secretary Saurabh Kumar, while the Canadian delegation was led by Deputy Minister of Foreign and Global Affairs Marta Morgan.
        """)
    assert people.get(("CAN", "Marta Morgan")) == {"vice_foreign_minister"}


def test_a_region_between_commas_after_a_title_is_no_name(registry):
    """"Secretary, East, Saurabh Kumar": a secretary for a region; the name comes after it."""
    people = _people(registry, """\
        New Delhi, March 14, 2022

        India and Canada held talks in Delhi on Monday. The Indian delegation was led by the Ministry of External Affairs's Secretary, East, Saurabh Kumar, and the Canadian delegation by Ambassador Cameron MacKay.
        """)
    assert not any(name == "East" for _, name in people)
    assert any(name == "Saurabh Kumar" for _, name in people)


def test_a_title_naming_a_ruling_party_is_held_for_its_state(registry):
    """"Jefe del Departamento Internacional del Comité Central del PCCh, Zhou Li": the party the
    title's own words name is a state's ruling party; the title is held for that state, not
    for the host's."""
    people = _people(registry, """\
        Buenos Aires, 5 de mayo de 2019

        El canciller Jorge Faurie recibió a una delegación. Participaron también el Jefe del Departamento Internacional del Comité Central del PCCh, Zhou Li; y el embajador Yang Wanming.
        """, "es")
    assert ("CHN", "Zhou Li") in people


def test_the_state_an_envoy_is_for_is_not_the_envoys(registry):
    """"UN Special Envoy for Yemen Hans Grundberg": the state after "for" is the one the envoy
    serves on; the envoy is the organisation's, once, not also that state's."""
    events = _events(registry, """\
        Secretary Blinken's Call with UN Special Envoy for Yemen Hans Grundberg

        June 3, 2022

        Secretary of State Antony J. Blinken spoke today with UN Special Envoy Hans Grundberg about peace efforts in Yemen.
        """, "en")
    assert [sorted({c for c, _, _ in event}) for event in events] == [["UN", "USA"]]

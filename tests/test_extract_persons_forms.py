"""kg.extract.persons: general forms of names and titles seen on real pages, on readouts
written by the team (issue 11, participants on pages nobody tuned on)."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def _participants(registry, text: str, lang: str) -> list[tuple[str, str, tuple[str, ...]]]:
    document = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang)
    extraction = extract(document, registry)
    return [(p.country, p.name, tuple(sorted(p.roles))) for e in extraction.events for p in e.participants]


def test_a_korean_minister_title_ends_in_guan_not_the_name(registry):
    """"韩国外交通商部长官金星焕": Korea's ministers are 长官 in Chinese; the 官 is the title's."""
    found = _participants(registry, """\
        杨洁篪同韩国外长通电话

        2011年6月3日，外交部长杨洁篪同韩国外交通商部长官金星焕通电话，双方就半岛形势交换意见。
        """, "zh")
    assert ("KOR", "Kim Sung-hwan", ("foreign_minister",)) in found
    assert not any(name.startswith("官") for _, name, _ in found)


def test_a_lower_case_word_after_a_family_name_is_no_part_of_it(registry):
    """"Timerman le expresó ...": a particle stands inside a name, never at its end; the one
    known official of that family name is the person."""
    found = _participants(registry, """\
        Buenos Aires, 4 de mayo de 2012

        Timerman le expresó al canciller chileno Alfredo Moreno el apoyo de su gobierno durante la reunión que mantuvieron ayer en Santiago.
        """, "es")
    names = {(country, name) for country, name, _ in found}
    assert ("ARG", "Héctor Timerman") in names
    assert not any(name.endswith(" le") for _, name in names)


def test_a_headline_noun_after_a_title_is_no_name_when_the_page_writes_it_in_lower_case(registry):
    """"le Président français Volonté commune de ...": a word the page also writes in lower
    case ("leur volonté") is a common noun capitalised in a run-on headline."""
    found = _participants(registry, """\
        Entretien téléphonique entre le Roi et le Président français Volonté commune de renforcer le partenariat

        Rabat, 14 mars 2018

        Le Roi Mohammed VI s'est entretenu mardi par téléphone avec M. Emmanuel Macron, Président de la République française. Les deux chefs d'État ont exprimé leur volonté de renforcer le partenariat entre les deux pays.
        """, "fr")
    names = {(country, name) for country, name, _ in found}
    assert ("FRA", "Emmanuel Macron") in names
    assert ("FRA", "Volonté") not in names


def test_a_division_of_a_ministry_is_no_person(registry):
    """"Mr. X, Director General, Second Political Division and Mr. Y": an office's unit, not a name."""
    found = _participants(registry, """\
        Colombo, 21 December 2012

        The Minister of Foreign Affairs of Afghanistan, Dr. Zalmai Rassoul, paid an official visit to Sri Lanka from 18 to 21 December 2012.
        The visiting Afghan Foreign Minister was accompanied by His Excellency Mr. Omar Sharif, Non-Resident Ambassador of Afghanistan to Sri Lanka, Mr. Ahmad Karimi, Director General, Second Political Division and Mr. Imran Wahidi, Deputy Spokesman, Ministry of Foreign Affairs of Afghanistan.
        """, "en")
    assert any(name == "Ahmad Karimi" for _, name, _ in found)
    assert not any("Division" in name for _, name, _ in found)


def test_a_headline_list_keeps_each_known_official_to_their_own_state(registry):
    """"Chancellor Merkel, President Sarkozy and Prime Minister Cameron": the state of the
    first in a headline list is not guessed for the others when the registry knows exactly
    one official of each family name."""
    found = _participants(registry, """\
        Readout of the President's Call with Chancellor Merkel, President Sarkozy and Prime Minister Cameron

        Washington, November 2, 2011

        The President spoke today with German Chancellor Angela Merkel, French President Nicolas Sarkozy and British Prime Minister David Cameron about the crisis in the euro area.
        """, "en")
    names = {(country, name) for country, name, _ in found}
    assert ("FRA", "Nicolas Sarkozy") in names and ("GBR", "David Cameron") in names
    assert not any(country == "DEU" and name in ("Sarkozy", "Cameron") for country, name in names)


def test_a_monarch_named_with_the_title_gets_the_title_role(registry):
    """"King Mohammed VI", "Le Roi Mohammed VI": the registry's titled spelling of a name it
    already knows must not swallow the title, whose role the readout gives."""
    english = _participants(registry, """\
        Washington, March 5, 2015

        King Mohammed VI received a telephone call from President Barack Obama.
        """, "en")
    french = _participants(registry, """\
        Rabat, 5 mars 2015

        Le Roi Mohammed VI a reçu, hier, un appel téléphonique du Président de la République française, M. François Hollande.
        """, "fr")
    assert ("MAR", "Mohammed VI", ("head_of_state",)) in english
    assert ("MAR", "Mohammed VI", ("head_of_state",)) in french
    assert all("King Salman" in p.variants for p in registry.people if p.name == "Salman bin Abdulaziz Al Saud")


def test_a_new_minister_in_apposition_is_the_named_one(registry):
    """"M. Wang Yi, nouveau ministre chinois des Affaires étrangères": an article or a word
    such as "nouveau" between the comma and the title still says the title is the name's."""
    found = _participants(registry, """\
        Paris, 18 mars 2013

        Le ministre français des Affaires étrangères, Laurent Fabius, s'est entretenu par téléphone lundi avec M. Wang Yi, nouveau ministre chinois des Affaires étrangères.
        """, "fr")
    assert ("CHN", "Wang Yi", ("foreign_minister",)) in found


def test_a_name_after_another_title_is_not_the_first_titles(registry):
    """"..., nouveau ministre chinois des Affaires étrangères, a annoncé le porte-parole du
    Quai d'Orsay, Jean Dupont": the name after a later title is that title's, not the
    minister's; the spokesman who announces the call takes no part in it."""
    found = _participants(registry, """\
        Paris, 18 mars 2013

        Le ministre français des Affaires étrangères, Laurent Fabius, s'est entretenu par téléphone lundi avec M. Wang Yi, nouveau ministre chinois des Affaires étrangères, a annoncé le porte-parole du Quai d'Orsay, Jean Dupont, lors d'un point de presse.
        """, "fr")
    assert not any(name == "Jean Dupont" and country == "CHN" for country, name, _ in found)
    assert not any(name == "Jean Dupont" and "foreign_minister" in roles for _, name, roles in found)


def test_a_counterpart_of_one_named_by_a_generic_title_holds_that_post(registry):
    """"Le président chinois X et son homologue français Y": the post of the one whose
    counterpart they are counts even when it was named by a generic title ("président")."""
    found = _participants(registry, """\
        Paris, 26 mars 2014

        Le président chinois Xi Jinping et son homologue français François Hollande se sont rencontrés mercredi à Paris.
        """, "fr")
    assert ("FRA", "François Hollande", ("head_of_state",)) in found


def test_a_state_name_right_after_a_title_can_be_a_family_name(registry):
    """"le président Hollande": a state's name right after a title, with no "de" between,
    is the known official of that family name, not the state's head."""
    found = _participants(registry, """\
        Paris, 26 mars 2014

        Le président chinois Xi Jinping a rencontré mercredi à Paris le président Hollande.
        """, "fr")
    assert ("FRA", "François Hollande", ("head_of_state",)) in found
    assert not any(country == "NLD" for country, _, _ in found)


def test_a_spanish_title_cut_by_the_state_adjective_names_the_portfolio(registry):
    """"el ministro peruano de Relaciones Exteriores, X": the portfolio after the adjective
    names the post (foreign minister), not the generic "ministro" alone."""
    found = _participants(registry, """\
        Santiago, 20 de enero de 2017

        El canciller chileno Heraldo Muñoz se reunió ayer con el ministro peruano de Relaciones Exteriores, Ricardo Luna.
        """, "es")
    assert ("PER", "Ricardo Luna", ("foreign_minister",)) in found


def test_a_verb_after_a_chinese_title_starts_no_name(registry):
    """"作为习近平主席特别代表来韩出席": 来 ("came"), simplified or traditional, starts no name."""
    found = _participants(registry, """\
        韩正会见韩国总统文在寅

        新华社首尔2月8日电 当地时间2月8日下午，国务院副总理韩正在首尔会见韩国总统文在寅。
        文在寅感谢韩正作为习近平主席特别代表来韩出席开幕式。
        """, "zh")
    assert ("CHN", "Han Zheng") in {(country, name) for country, name, _ in found}
    assert not any(name.startswith("Lai") for _, name, _ in found)


def test_a_directors_portfolio_makes_no_foreign_minister(registry):
    """"X, director de Asuntos Exteriores del Partido": a portfolio after a director's title
    names what they direct; only a minister's makes a foreign minister."""
    found = _participants(registry, """\
        Pekín, 18 de agosto de 2022

        Según la nota oficial, Yang Jiechi, director de Asuntos Exteriores del Partido Comunista, se reunió en Tianjin con el secretario general de la Secretaría nipona de Seguridad Nacional, Takeo Akiba.
        """, "es")
    assert not any(name == "Yang Jiechi" and "foreign_minister" in roles for _, name, roles in found)

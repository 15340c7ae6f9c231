"""An official acts for the state of the post they held on the readout's day (offices.toml
[states]): Borrell was Spain's foreign minister before he was the EU's High Representative,
Kallas Estonia's prime minister before. Readouts written by the team."""

from __future__ import annotations

import datetime as dt
import textwrap

from kg.extract import extract
from kg.model import Document


def _countries(registry, text: str, lang: str) -> dict[str, str]:
    doc = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang)
    return {p.name: p.country for e in extract(doc, registry).events for p in e.participants}


def test_minister_before_a_post_abroad_acts_for_his_state(registry):
    """A portfolio that names the EU ("Exteriores, Unión Europea y Cooperación") on a 2019 page:
    Borrell is still Spain's minister, not the EU's."""
    text = """\
        Quito, 4 de marzo de 2019

        El canciller ecuatoriano José Valencia recibió este lunes al ministro de Asuntos Exteriores,
        Unión Europea y Cooperación, Josep Borrell, quien realiza una gira por la región.
        """
    assert _countries(registry, text, "es")["Josep Borrell"] == "ESP"


def test_the_same_official_later_acts_for_the_body(registry):
    """The same man on a 2021 page is the EU's High Representative."""
    text = """\
        Quito, 4 de marzo de 2021

        El canciller ecuatoriano Mauricio Montalvo recibió este jueves a Josep Borrell, quien
        realiza una gira por la región.
        """
    assert _countries(registry, text, "es")["Josep Borrell"] == "EU"


def test_a_prime_minister_named_without_her_state(registry):
    """"Kaja Kallas" alone on a 2022 page is Estonia's prime minister; in 2025 the EU's."""
    text = """\
        Berlin, {day}

        Chancellor Olaf Scholz met Kaja Kallas in Berlin on Tuesday to discuss energy security.
        """
    assert _countries(registry, text.format(day="March 8, 2022"), "en")["Kaja Kallas"] == "EST"
    assert _countries(registry, text.format(day="March 11, 2025"), "en")["Kaja Kallas"] == "EU"


def test_spans_are_in_order_and_name_known_codes(registry):
    """offices.toml [states]: every span names a state or organisation and ends after it starts."""
    spans = [(person.name, span) for person in registry.people for span in person.states]
    assert spans
    for name, (code, start, end) in spans:
        assert code in registry.states or code in registry.organizations, name
        assert end is None or start < end, name


def test_country_on_falls_back_to_the_registry_state(registry):
    borrell = next(p for p in registry.people if p.name == "Josep Borrell")
    assert borrell.country_on(None) == borrell.country == "EU"
    assert borrell.country_on(dt.date(2019, 11, 30)) == "ESP"
    assert borrell.country_on(dt.date(2019, 12, 1)) == "EU"


def _people(registry, text: str, lang: str) -> dict[str, tuple[str, set[str]]]:
    doc = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang)
    return {p.name: (p.country, set(p.roles)) for e in extract(doc, registry).events for p in e.participants}


def test_a_title_between_two_named_items_is_the_first_ones(registry):
    """"Mr. A, Ambassador of X to Y, Mr. B, Director General": each name is followed by its own
    title, so the ambassador is A, for the state he represents, and B shares his state."""
    text = """\
        Colombo, 18 December 2012

        Afghan Foreign Minister Zalmai Rassoul paid an official visit to Sri Lanka from 18th - 21st December 2012.
        The visiting Afghan Foreign Minister was accompanied by Mr. Karim Haidari, Ambassador of Afghanistan to Sri Lanka, Mr. Ali Nazari, Director General.
        """
    people = _people(registry, text, "en")
    assert people["Karim Haidari"] == ("AFG", {"ambassador"})
    assert people["Ali Nazari"] == ("AFG", {"organization_head"})


def test_titles_written_before_their_names_stay_with_them(registry):
    """"Title A, Mr. A, Title B, Mr. B": A's title came before A, so B keeps the title before him."""
    text = """\
        Colombo, 18 December 2012

        Afghan Foreign Minister Zalmai Rassoul paid an official visit to Sri Lanka from 18th - 21st December 2012.
        The visiting Afghan Foreign Minister was accompanied by the Ambassador of Afghanistan to Sri Lanka, Mr. Karim Haidari, the Director General, Mr. Ali Nazari.
        """
    people = _people(registry, text, "en")
    assert people["Karim Haidari"] == ("AFG", {"ambassador"})
    assert people["Ali Nazari"][1] == {"organization_head"}


def test_a_host_titled_after_his_name_before_the_guest(registry):
    """"At the invitation of Prof. A, Minister of X, Dr. B, Minister of Y, paid a visit": the first
    title is the host's, not the guest's."""
    text = """\
        Colombo, 18 December 2012

        At the invitation of Prof. G.L. Peiris, Minister of External Affairs of Sri Lanka, Dr. Zalmai Rassoul, Minister of Foreign Affairs of Afghanistan paid an official visit to Sri Lanka.
        """
    people = _people(registry, text, "en")
    assert people["G. L. Peiris"] == ("LKA", {"foreign_minister"})
    assert people["Zalmai Rassoul"] == ("AFG", {"foreign_minister"})


def test_a_ranked_vice_minister_keeps_the_state_before_the_title(registry):
    """"Republic of Korea (ROK) First Vice Foreign Minister X": the rank is part of the title, so
    the state before it is X's, and a later list naming him beside another state's vice minister
    does not hand him that state."""
    text = """\
        Washington, March 11, 2022

        Deputy Secretary of State Wendy Sherman spoke with Republic of Korea (ROK) First Vice Foreign Minister Choi Jong Kun and Japanese Vice Foreign Minister Mori Takeo today.

        Deputy Secretary Sherman, Vice Foreign Minister Mori, and Vice Foreign Minister Choi also discussed regional security.
        """
    people = _people(registry, text, "en")
    assert people["Choi Jong Kun"] == ("KOR", {"vice_foreign_minister"})
    assert people["Mori Takeo"][0] == "JPN"


def test_an_envoy_of_the_president_is_not_the_president(registry):
    """"Special Envoy of the US President": the title after "of" names whom the envoy serves;
    the president takes no part (nor in Russian, where the genitive joins the two titles)."""
    en = """\
        Bishkek, September 23, 2025

        President Sadyr Japarov met in New York with the Special Envoy of the US President, Sergio Gor.
        """
    people = _people(registry, en, "en")
    assert people["Sergio Gor"] == ("USA", {"ambassador"})
    assert "Donald Trump" not in people
    ru = """\
        Бишкек, 23 сентября 2025

        Президент Садыр Жапаров в Нью-Йорке провел переговоры со специальным представителем президента США.
        """
    assert "Donald Trump" not in _people(registry, ru, "ru")


def test_a_name_after_a_regional_portfolio(registry):
    """"Special Envoy for Central Asia Sergio Gor": a region closes the portfolio, the name follows."""
    text = """\
        Bishkek, September 23, 2025

        President Sadyr Japarov met in New York with the US Special Envoy for Central Asia Sergio Gor.
        """
    assert _people(registry, text, "en")["Sergio Gor"] == ("USA", {"ambassador"})


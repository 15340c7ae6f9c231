"""Who takes part and in which post, on tiny readouts written by the team in the styles of
real publishers (issues 11 and 15: the people behind missed roles and missed pairs)."""

from __future__ import annotations

import textwrap

from kg.extract import extract
from kg.model import Document


def _extraction(registry, text: str, lang: str = "en", **document):
    doc = Document(source="t.txt", text=textwrap.dedent(text).strip() + "\n", sha256="0" * 64, lang=lang, **document)
    return extract(doc, registry)


def _people(registry, text: str, lang: str = "en", **document) -> dict[tuple[str, str], set[str]]:
    """(country, name) -> roles of every participant of every event."""
    return {(p.country, p.name): set(p.roles) for e in _extraction(registry, text, lang, **document).events
            for p in e.participants}


def test_french_state_councilor_written_as_councillor_of_state_affairs(registry):
    """The French ministry writes "conseiller des affaires d'État" for a Chinese State Councilor;
    a title going on with "et directeur du bureau ..." keeps its second post."""
    text = """\
        Entretien avec M. Wang Yi (3 mars 2019)

        Le ministre de l'Europe et des Affaires étrangères, M. Jean Dupuis, a reçu ce jour M. Wang Yi, conseiller des affaires d'État et directeur du bureau de la Commission centrale des Affaires étrangères.

        Les deux ministres ont évoqué la coopération bilatérale.
        """
    people = _people(registry, text, "fr")
    assert people[("CHN", "Wang Yi")] == {"state_councilor", "party_leader"}


def test_the_president_is_the_one_the_readout_names_president_elsewhere(registry):
    """"The President spoke with Prime Minister X ... President Obama also ...": with no date
    and no publisher, the title alone still names the one official called so in the text."""
    text = """\
        Readout of the President's Call with Prime Minister Tamm

        The President spoke today with Estonian Prime Minister Jaan Tamm about energy security in the Baltic region.

        The two leaders agreed to stay in close touch. President Obama also thanked the Prime Minister for Estonia's contribution to NATO.
        """
    people = _people(registry, text)
    assert people.get(("USA", "Barack Obama")) == {"head_of_state"}
    assert ("EST", "Jaan Tamm") in people


def test_a_title_before_a_name_is_not_someone_else_with_that_title(registry):
    """"Secretary Smith's Call with ...": the title belongs to the name right after it, never to
    another official the text calls "Secretary" ("Deputy Secretary Jones")."""
    text = """\
        Secretary Smith's Call with Estonian Foreign Minister Tamm

        Secretary of State John Smith spoke today with Estonian Foreign Minister Jaan Tamm. Secretary Smith thanked Foreign Minister Tamm for hosting Deputy Secretary Jones in Tallinn.
        """
    people = _people(registry, text)
    assert not any(name.endswith("Jones") for _, name in people)

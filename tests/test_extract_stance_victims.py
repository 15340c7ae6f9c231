"""The party a condemned measure was imposed on suffered it: it is neither opposed nor backed
(ANNOTATION.md §3). Short readouts the team wrote in the style of ministry pages."""

from __future__ import annotations

from readouts import extract_text, stances


def test_measures_imposed_against_a_people_do_not_oppose_that_people(registry):
    # "condenó las medidas ... impuestas contra el pueblo X": X is the victim, not the target
    found = stances(extract_text(registry, """\
        Canciller de Bolivia recibe a su homólogo de Nicaragua

        La Paz, 12 de marzo de 2024. El ministro de Relaciones Exteriores de Bolivia recibió el 11 de marzo al canciller de Nicaragua, Denis Moncada, en visita oficial.

        El canciller boliviano condenó las medidas coercitivas unilaterales impuestas contra el pueblo nicaragüense.
        """, "es"))
    assert not any(stance == "oppose" and target == "NIC" for _, stance, target, _ in found)


def test_sanctions_against_a_state_do_not_oppose_that_state(registry):
    # "rejected the sanctions against X": X suffers the sanctions; the stance is not against X
    found = stances(extract_text(registry, """\
        Foreign Minister of Belarus holds talks with his counterpart from Zimbabwe

        MINSK, 3 April 2024 - Foreign Minister Sergei Aleinik of Belarus held talks with Foreign Minister Frederick Shava of Zimbabwe in Minsk on Wednesday.

        Aleinik firmly rejected the illegal sanctions against Zimbabwe.
        """))
    assert not any(stance == "oppose" and target == "ZWE" for _, stance, target, _ in found)

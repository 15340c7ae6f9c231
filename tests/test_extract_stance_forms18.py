"""Endorsement forms of real readouts (issue 11, round 18): solidarity as a noun of support whose
object the clause names apart from it; short readouts the team wrote, each test naming its rule
and failing without it."""

from __future__ import annotations

from readouts import extract_text, stances

_HEAD = {
    "de": "Scholz telefoniert mit Kishida\n\nBerlin, 20. März 2023\nBundeskanzler Olaf Scholz hat heute mit dem "
          "japanischen Premierminister Fumio Kishida telefoniert.\n",
    "fr": "Entretien de Catherine Colonna avec Dmytro Kouleba\n\nParis, le 3 mars 2023\nCatherine Colonna, ministre de "
          "l'Europe et des affaires étrangères, s'est entretenue avec Dmytro Kouleba, ministre des affaires étrangères "
          "de l'Ukraine.\n",
}


def _stances(registry, lang: str, body: str) -> set[tuple]:
    return stances(extract_text(registry, _HEAD[lang] + body + "\n", lang))


def test_solidarity_given_to_a_party_in_the_dative_backs_it(registry):
    # "sprach der Ukraine seine Solidarität aus": the noun stands alone, the party it goes to is
    # the dative before it and the verb's particle closes the clause
    found = _stances(registry, "de", "Der Bundeskanzler sprach der Ukraine seine Solidarität aus.")
    assert ("DEU", "support", "UKR", "Ukraine") in found
    found = _stances(registry, "de", "Beide sprachen der Ukraine ihre Solidarität aus.")
    assert ("DEU", "support", "UKR", "Ukraine") in found
    assert ("JPN", "support", "UKR", "Ukraine") in found
    # solidarity asked of others is a call, no stance taken
    assert not _stances(registry, "de", "Scholz forderte mehr Solidarität mit der Ukraine.")


def test_solidarity_owned_by_a_state_before_its_object_backs_the_object(registry):
    # "la solidarité de la France avec l'Ukraine": the owner stands between the noun and "avec"
    found = _stances(registry, "fr", "La ministre a exprimé la solidarité de la France avec l'Ukraine.")
    assert ("FRA", "support", "UKR", "Ukraine") in found
    assert not any(s[2] == "FRA" for s in found)


def test_congratulations_on_a_labelled_occasion_take_no_body_named_beside_it_as_topic(registry):
    # "congratulated ... on the elections, which the OSCE observers found ...": the body tells of
    # the occasion; the congratulation is on the election alone
    found = stances(extract_text(registry, """\
        Secretary Blinken's call with Armenian Prime Minister Pashinyan

        WASHINGTON, 13 July 2021 - Secretary of State Antony Blinken spoke with Armenian Prime Minister Nikol Pashinyan on Tuesday.

        The Secretary congratulated the people of Armenia on the June 20 elections, which the OSCE observers found to be free and competitive.
        """, "en"))
    assert ("USA", "congratulate", "ARM", "Election") in found
    assert not any(s[3] == "OSCE" for s in found)
    # a body in the occasion's own phrase is the role congratulated
    found = stances(extract_text(registry, """\
        Secretary Blinken's call with Indian Foreign Minister Jaishankar

        WASHINGTON, 13 July 2021 - Secretary of State Antony Blinken spoke with Indian External Affairs Minister Subrahmanyam Jaishankar on Tuesday.

        The Secretary congratulated India on its election to the UN Security Council.
        """, "en"))
    assert any(s[:3] == ("USA", "congratulate", "IND") and s[3] in ("UNSC", "UN") for s in found)

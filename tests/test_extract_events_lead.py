"""Which sentence is the lead, and what a French private conversation is (issue 11). The
readouts are short texts written by the team in the style of the agencies, never copies of
real ones."""

from __future__ import annotations

import pytest

from readouts import extract_text as _extract


def _events(registry, text, lang):
    return [(e.type, e.date, sorted(p.country for p in e.participants)) for e in _extract(registry, text, lang).events]


FRENCH = """\
    Wang Yi met en garde contre l'unilatéralisme

    2025-04-05 10:00

    Le ministre chinois des Affaires étrangères, Wang Yi, a critiqué vendredi les nouveaux droits de douane annoncés par le président américain Donald Trump.
    Lors de sa rencontre avec son homologue russe Sergueï Lavrov, à Pékin, Wang Yi a plaidé pour le multilatéralisme.
    Les deux ministres ont évoqué la situation internationale.
    """

ENGLISH = """\
    Wang Yi warns against unilateralism

    2025-04-05 10:00

    Chinese Foreign Minister Wang Yi on Friday criticised the new tariffs announced by U.S. President Donald Trump.
    During his meeting with his Russian counterpart Sergey Lavrov in Beijing, Wang Yi called for multilateralism.
    The two ministers discussed the international situation.
    """


@pytest.mark.parametrize("text, lang", [(FRENCH, "fr"), (ENGLISH, "en")])
def test_a_dated_sentence_naming_no_encounter_yields_to_the_next_that_does(registry, text, lang):
    # the counterpart is the one met, not the one criticised; the day is still the first sentence's
    assert _events(registry, text, lang) == [("meeting", "2025-04-04", ["CHN", "RUS"])]


def test_a_lead_that_names_its_encounter_keeps_its_place(registry):
    text = FRENCH.replace("a critiqué vendredi les nouveaux droits de douane annoncés par",
                          "s'est entretenu vendredi avec")
    assert _events(registry, text, "fr")[0] == ("talks", "2025-04-04", ["CHN", "USA"])


def test_a_tete_a_tete_is_talks(registry):
    text = """\
        Le président congolais à Beijing

        2024-09-03 08:00

        Le président congolais Félix Tshisekedi et le président chinois Xi Jinping ont eu un tête-à-tête de deux heures à Beijing ce lundi 2 septembre.
        Les deux dirigeants ont évoqué la coopération bilatérale.
        """
    assert _events(registry, text, "fr") == [("talks", "2024-09-02", ["CHN", "COD"])]


# the counterpart of a visit named only a paragraph on, in a sentence with the visitor
COUNTERPART_LATER = """\
Le ministre algérien des Affaires étrangères, Ramtane Lamamra, a achevé hier un séjour de travail de deux jours en Chine. Un communiqué commun a été publié à l'issue du séjour. Le texte insiste sur la solidité des liens entre les deux pays. Il mentionne aussi plusieurs dossiers régionaux. Les deux capitales souhaitent approfondir leur partenariat.

{later} ont convenu de signer bientôt un plan de coopération.
"""


@pytest.mark.parametrize("later, countries", [
    ("Ramtane Lamamra et le ministre chinois des Affaires étrangères Wang Yi", ["CHN", "DZA"]),
])
def test_a_counterpart_named_further_on_with_the_visitor(registry, later, countries):
    assert [e[2] for e in _events(registry, COUNTERPART_LATER.format(later=later), "fr")] == [countries]

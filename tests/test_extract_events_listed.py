"""A sentence of the opening that lists the states whose leaders the host met ("held talks with
leaders from A, B and C"), then paragraphs naming each one's official: one encounter per state
an official of which is named (issue 11, events round 2). The readouts are short texts written
by the team in the style of the agencies, never copies of real ones."""

from __future__ import annotations

from readouts import extract_text as _extract


def _pairs(registry, text, lang=None):
    return sorted((e.type, tuple(sorted(p.country for p in e.participants)))
                  for e in _extract(registry, text, lang).events)


_LISTED = """\
    BEIJING, March 3, 2016 - Chinese Premier Li Keqiang on Thursday attended a summit of leaders in Beijing.
    On the sidelines, Li held bilateral talks with leaders {joined} Estonia, Poland and Hungary.
    Li told Estonian Prime Minister Taavi Roivas that China values its friendship with Estonia.
    In his talks with Polish President Andrzej Duda, Li said China and Poland should expand trade.
    Duda said Poland welcomes Chinese investment.
    """


def test_talks_with_leaders_of_listed_states_are_one_encounter_per_state_whose_official_is_named(registry):
    """Estonia and Poland have an official named later; Hungary has none and gets no encounter."""
    assert _pairs(registry, _LISTED.format(joined="from"), "en") == [("talks", ("CHN", "EST")),
                                                                    ("talks", ("CHN", "POL"))]


def test_a_joint_meeting_with_listed_states_stays_one_encounter(registry):
    """"held trilateral talks with leaders from A, B and C": a joint word keeps them together."""
    text = _LISTED.format(joined="from").replace("bilateral", "trilateral")
    assert len({e for e in _pairs(registry, text, "en") if e[0] == "talks"}) <= 1


def test_a_french_list_of_states_joined_by_de_la_and_et_is_read_as_one_list(registry):
    """"avec les dirigeants de l'Estonie, de la Pologne et de la Hongrie": articles and "de"
    between the names still make one list."""
    text = """\
        PÉKIN, 3 mars 2016 - Le Premier ministre chinois Li Keqiang a tenu jeudi des entretiens bilatéraux avec les dirigeants de l'Estonie, de la Pologne et de la Hongrie.
        Li a déclaré au Premier ministre estonien Taavi Roivas que la Chine tient à son amitié avec l'Estonie.
        Lors de son entretien avec le président polonais Andrzej Duda, Li a dit que la Chine et la Pologne doivent développer leurs échanges.
        """
    assert _pairs(registry, text, "fr") == [("talks", ("CHN", "EST")), ("talks", ("CHN", "POL"))]

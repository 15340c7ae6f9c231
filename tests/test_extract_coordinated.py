"""A visitor who meets two officials of the host state, each after a verb of its own, in one lead."""

from __future__ import annotations

from readouts import extract_text as _extract


def _pairs(registry, text, lang):
    return sorted(tuple(sorted(p.name for p in e.participants)) for e in _extract(registry, text, lang).events)


def test_two_verbs_two_hosts_are_two_encounters_en(registry):
    text = ("Minister of Foreign Affairs of Japan Yoshimasa Hayashi is in Singapore on an Official Visit "
            "from 3 to 4 May 2023. Minister Hayashi called on Prime Minister Lee Hsien Loong at the Istana "
            "and was hosted to lunch by Minister for Foreign Affairs Vivian Balakrishnan on 4 May 2023.\n\n"
            "The ministers reaffirmed the friendly relations between Singapore and Japan.\n")
    assert _pairs(registry, text, "en") == [("Lee Hsien Loong", "Yoshimasa Hayashi"),
                                            ("Vivian Balakrishnan", "Yoshimasa Hayashi")]


def test_two_verbs_two_hosts_are_two_encounters_fr(registry):
    text = ("PÉKIN, 5 mars 2019 -- Le ministre des Affaires étrangères Jean-Yves Le Drian a rencontré "
            "le président chinois Xi Jinping puis s'est entretenu avec le ministre chinois des Affaires "
            "étrangères Wang Yi, mardi à Pékin.\n\n"
            "Les deux parties ont salué le partenariat global stratégique.\n")
    assert _pairs(registry, text, "fr") == [("Jean-Yves Le Drian", "Wang Yi"), ("Jean-Yves Le Drian", "Xi Jinping")]


def test_one_verb_before_both_hosts_stays_one_encounter(registry):
    text = ("Minister of Foreign Affairs of Japan Yoshimasa Hayashi is in Singapore on an Official Visit "
            "from 3 to 4 May 2023. Minister Hayashi met Prime Minister Lee Hsien Loong and Minister for "
            "Foreign Affairs Vivian Balakrishnan at the Istana on 4 May 2023.\n\n"
            "The ministers reaffirmed the friendly relations between Singapore and Japan.\n")
    assert _pairs(registry, text, "en") == [("Lee Hsien Loong", "Vivian Balakrishnan", "Yoshimasa Hayashi")]

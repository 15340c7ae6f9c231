"""kg.evaluate: the scoring rules of ANNOTATION.md §6, on tiny hand-made documents."""

from __future__ import annotations

import copy

import pytest

from kg.errors import GoldFormatError
from kg.evaluate import Counts, Scores, format_table, names_match, run_eval, score_document

GOLD = {
    "source": "x.txt", "lang": "fr", "published": "2021-01-22",
    "events": [{"type": "phone_call", "date": "2021-01-21", "participants": [
        {"name": "Wang Yi", "country": "CHN", "roles": ["state_councilor", "foreign_minister"]},
        {"name": "Mukhtar Tleuberdi", "country": "KAZ", "roles": ["deputy_head_of_government", "foreign_minister"]},
    ]}],
    "endorsements": [
        {"endorser": "KAZ", "stance": "support", "target": "CHN", "topic": "Xinjiang"},
        {"endorser": "CHN", "stance": "oppose", "target": "USA", "topic": "Hong Kong"},
    ],
}


def _counts(c: Counts) -> tuple[int, int, int]:
    return (c.tp, c.fp, c.fn)


def test_perfect_prediction():
    s = score_document(copy.deepcopy(GOLD), GOLD)
    assert _counts(s.events) == (1, 0, 0)
    assert _counts(s.participants) == (2, 0, 0)
    assert _counts(s.roles) == (4, 0, 0)
    assert _counts(s.endorsements) == (2, 0, 0)
    assert s.events.f1 == s.endorsements.f1 == 1.0


def test_event_needs_type_date_and_countries():
    for field, value in (("type", "meeting"), ("date", "2021-01-20")):
        predicted = copy.deepcopy(GOLD)
        predicted["events"][0][field] = value
        s = score_document(predicted, GOLD)
        assert _counts(s.events) == (0, 1, 1), field
        # participants are scored over matched events only
        assert _counts(s.participants) == (0, 0, 0)
    predicted = copy.deepcopy(GOLD)
    predicted["events"][0]["participants"][1]["country"] = "UZB"
    assert _counts(score_document(predicted, GOLD).events) == (0, 1, 1)


def test_participant_name_folding_and_token_subset():
    predicted = copy.deepcopy(GOLD)
    predicted["events"][0]["participants"][0]["name"] = "WANG"
    predicted["events"][0]["participants"][1]["name"] = "Mukhtar Tléuberdi"
    s = score_document(predicted, GOLD)
    assert _counts(s.participants) == (2, 0, 0)


def test_roles_over_matched_participants():
    predicted = copy.deepcopy(GOLD)
    predicted["events"][0]["participants"][0]["roles"] = ["foreign_minister", "party_leader"]
    s = score_document(predicted, GOLD)
    assert _counts(s.roles) == (3, 1, 1)


def test_endorsements_are_exact_tuples():
    predicted = copy.deepcopy(GOLD)
    predicted["endorsements"][0]["target"] = None
    s = score_document(predicted, GOLD)
    assert _counts(s.endorsements) == (1, 1, 1)
    assert s.endorsements.precision == 0.5 and s.endorsements.recall == 0.5


def test_duplicate_endorsements_count_once():
    predicted = copy.deepcopy(GOLD)
    predicted["endorsements"].append(dict(GOLD["endorsements"][0]))
    assert _counts(score_document(predicted, GOLD).endorsements) == (2, 0, 0)


@pytest.mark.parametrize("a, b, same", [
    ("Wang Yi", "wang yi", True),
    ("Sergueï Lavrov", "Serguei Lavrov", True),
    ("Wang", "Wang Yi", True),
    ("Wang Yi", "Wang Wenbin", False),
    ("", "Wang Yi", False),
])
def test_names_match(a, b, same):
    assert names_match(a, b) is same
    assert names_match(b, a) is same


def test_counts_with_nothing_to_find_is_perfect():
    assert Counts().f1 == 1.0
    assert Counts(fn=2).f1 == 0.0
    assert Counts(fp=2).precision == 0.0


def test_f1_is_harmonic_mean():
    c = Counts(tp=3, fp=1, fn=3)  # P = 3/4, R = 1/2
    assert c.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)


def test_micro_average_adds_counts():
    a = score_document(copy.deepcopy(GOLD), GOLD)
    b = score_document({"events": [], "endorsements": []}, GOLD)
    total = Scores()
    total.add(a)
    total.add(b)
    assert total.documents == 2
    assert _counts(total.events) == (1, 0, 1)
    assert total.as_dict()["events"]["f1"] == round(2 * 1 * 0.5 / 1.5, 4)


def test_table_has_a_row_per_language_and_overall():
    scores = score_document(copy.deepcopy(GOLD), GOLD)
    table = format_table({"fr": scores, "en": Scores()}, scores)
    names = [line.split()[0] for line in table.splitlines()[2:-1]]
    assert names == ["en", "fr", "overall"]


def test_run_eval_needs_gold_files(tmp_path):
    with pytest.raises(GoldFormatError):
        run_eval(tmp_path, tmp_path)


def test_run_eval_counts_a_missing_readout_as_missed(tmp_path):
    import json

    (tmp_path / "g.json").write_text(json.dumps(GOLD), encoding="utf-8")
    report = run_eval(tmp_path, tmp_path)  # x.txt does not exist
    assert _counts(report.overall.events) == (0, 0, 1)
    assert report.details[0]["error"]

"""kg.evaluation.evaluate: the scoring rules of ANNOTATION.md §6, on tiny hand-made documents."""

from __future__ import annotations

import copy

import pytest

from kg.errors import GoldFormatError
from kg.evaluation.evaluate import (ERROR_KINDS, Counts, EvalReport, Scores, compare_document, format_table,
                                    run_eval, score_document)
from kg.text import names_match

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
    names = [line.split()[0] for line in table.splitlines()[2:-2]]
    assert names == ["en", "fr", "overall"]
    assert "sign flips (support read as oppose or the reverse): 0" in table


def test_a_stance_read_the_wrong_way_round_is_a_sign_flip():
    """Support where the gold says oppose (same endorser, target and topic) is counted apart."""
    predicted = copy.deepcopy(GOLD)
    flipped = dict(predicted["endorsements"][0])
    flipped["stance"] = {"support": "oppose", "oppose": "support"}[flipped["stance"]]
    predicted["endorsements"][0] = flipped
    scores, errors = compare_document(predicted, GOLD)
    assert scores.sign_flips == 1
    assert errors["sign_flips"] == [str((flipped["endorser"], flipped["stance"], flipped["target"], flipped["topic"]))]
    assert score_document(copy.deepcopy(GOLD), GOLD).sign_flips == 0


def test_run_eval_needs_gold_files(tmp_path):
    with pytest.raises(GoldFormatError):
        run_eval(tmp_path, tmp_path)


def test_run_eval_counts_a_missing_readout_as_missed(tmp_path):
    import json

    (tmp_path / "g.json").write_text(json.dumps(GOLD), encoding="utf-8")
    report = run_eval(tmp_path, tmp_path)  # x.txt does not exist
    assert _counts(report.overall.events) == (0, 0, 1)
    assert report.details[0]["error"]


def _flawed_prediction() -> dict:
    """GOLD with one wrong name, one extra person, one role swapped, one extra event, one endorsement changed."""
    predicted = copy.deepcopy(GOLD)
    people = predicted["events"][0]["participants"]
    people[0]["roles"] = ["foreign_minister", "party_leader"]  # state_councilor missed, party_leader extra
    people[1]["name"] = "Roman Vassilenko"  # the gold KAZ participant is missed, this one is extra
    people.append({"name": "Hua Chunying", "country": "CHN", "roles": []})
    predicted["events"].append({"type": "meeting", "date": "2021-01-21", "participants": [
        {"name": "Wang Yi", "country": "CHN", "roles": []}]})
    predicted["endorsements"][0]["target"] = None
    return predicted


def test_listed_errors_add_up_to_the_counts():
    """--errors names every false positive and false negative the scores count, no more."""
    scores, errors = compare_document(_flawed_prediction(), GOLD)
    assert set(errors) == set(ERROR_KINDS)
    for measure in ("events", "participants", "roles", "endorsements"):
        counts = getattr(scores, measure)
        assert len(errors[f"missing_{measure}"]) == counts.fn, measure
        assert len(errors[f"extra_{measure}"]) == counts.fp, measure
    assert _counts(scores.participants) == (1, 2, 1)
    assert _counts(scores.roles) == (1, 1, 3)
    assert scores == score_document(_flawed_prediction(), GOLD)


def test_participant_and_role_errors_are_named():
    errors = compare_document(_flawed_prediction(), GOLD)[1]
    assert errors["missing_participants"] == ["KAZ:Mukhtar Tleuberdi"]
    assert errors["extra_participants"] == ["CHN:Hua Chunying", "KAZ:Roman Vassilenko"]
    # a missed participant's gold roles are missed roles too, as the counts have it
    assert errors["missing_roles"] == ["CHN:Wang Yi:-state_councilor", "KAZ:Mukhtar Tleuberdi:-deputy_head_of_government",
                                       "KAZ:Mukhtar Tleuberdi:-foreign_minister"]
    assert errors["extra_roles"] == ["CHN:Wang Yi:+party_leader"]
    assert errors["extra_events"] == [str(("meeting", "2021-01-21", ("CHN",)))]


def test_participants_of_an_unmatched_event_are_not_listed():
    """Participants are scored over matched events only; the event error stands for them."""
    predicted = copy.deepcopy(GOLD)
    predicted["events"][0]["type"] = "meeting"
    errors = compare_document(predicted, GOLD)[1]
    assert len(errors["missing_events"]) == len(errors["extra_events"]) == 1
    assert not any(errors[k] for k in ("missing_participants", "extra_participants", "missing_roles", "extra_roles"))


def test_error_listing_and_json_carry_participant_errors():
    scores, errors = compare_document(_flawed_prediction(), GOLD)
    report = EvalReport({"fr": scores}, scores, [{"source": "x.txt", "lang": "fr", "error": [], **errors}])
    lines = report.error_listing().splitlines()
    assert "x.txt\tmissing_participants\tKAZ:Mukhtar Tleuberdi" in lines
    assert "x.txt\textra_roles\tCHN:Wang Yi:+party_leader" in lines
    assert len(lines) == sum(len(v) for v in errors.values())
    assert report.as_dict()["documents"][0]["extra_participants"] == ["CHN:Hua Chunying", "KAZ:Roman Vassilenko"]

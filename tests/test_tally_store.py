"""The stored counts (kg.build.tally_store) give, after any sequence of changes, the statistics
graph that counting the remaining readouts afresh (kg.build.statistics.tally) gives, readouts
of one encounter (grouped again as they come and go) counted once."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

import pytest

from kg.build.statistics import Facts, statistics_parts, tally
from kg.build.tally_store import TALLY_TABLES, TallyStore, facts_digest, facts_text

GRAPH = "urn:x:graph/statistics"
STATES = [f"<urn:x:state/{code}>" for code in ("CHN", "KAZ", "RUS", "NPL", "FRA")]
PEOPLE = [f"<urn:x:person/{n}>" for n in range(12)]
TOPICS = [None, "<urn:x:topic/taiwan>", "<urn:x:topic/xinjiang>"]
STANCES = ["<urn:x:stance/support>", "<urn:x:stance/oppose>"]
REGISTRY = [(PEOPLE[0], STATES[0]), (PEOPLE[1], STATES[1])]  # the registry knows two people
# real encounters that several readouts report, each in its own words: (type, day, people)
REAL = [("phone_call", "2020-03-01", PEOPLE[:2]), ("meeting", "2020-03-02", [PEOPLE[0], PEOPLE[3]]),
        ("talks", "2020-03-02", [PEOPLE[0], PEOPLE[2], PEOPLE[5]]), ("phone_call", "2020-03-08", PEOPLE[:2]),
        ("visit", "2021-01-05", [PEOPLE[1], PEOPLE[4]])]


def _facts(rng: random.Random, readout: str = "<urn:x:readout/0>") -> Facts:
    """One readout's facts: an encounter or two, mostly one of :data:`REAL` as this readout
    tells it (a day later, "talks" for "meeting", an official more or less), who
    represents whom (mostly the same for every readout, sometimes not), and a few
    statements, often stated at its encounters."""
    represents = sorted({(person, STATES[int(person[-2]) % 2] if rng.random() < 0.85 else rng.choice(STATES[:3]))
                         for person in PEOPLE[2:6] + rng.sample(PEOPLE[6:], 1)})
    encounters = []
    for n in range(rng.randint(1, 2)):
        kind, day, people = rng.choice(REAL)
        people = set(people)
        if rng.random() < 0.3:
            people.add(rng.choice(PEOPLE[2:]))
        if rng.random() < 0.2 and len(people) > 1:
            people.discard(rng.choice(sorted(people)))
        if rng.random() < 0.3:
            day = (dt.date.fromisoformat(day) + dt.timedelta(days=rng.choice([-1, 1]))).isoformat()
        if rng.random() < 0.2:
            kind = rng.choice(["meeting", "talks", "phone_call", None])
        encounters.append([f"<urn:x:event/{readout[-4:-1]}-{n}>", [day], sorted(people), kind, readout])
    year = int(min(days[0] for _, days, *_ in encounters)[:4])
    statements: dict[tuple, int] = {}
    claims = []
    for n in range(rng.randint(0, 4)):
        event = rng.choice([None, *[e[0] for e in encounters] * 3, "<urn:x:event/undated>"])
        key = (year, readout, event, STATES[1], STATES[0] if rng.random() < 0.7 else rng.choice([None, STATES[2]]),
               rng.choice(TOPICS), STANCES[0] if rng.random() < 0.7 else STANCES[1])
        statements[key] = statements.get(key, 0) + 1
        if event is not None:
            _, _, _, endorser, target, topic, stance = key
            claims.append([readout, event, f"<urn:x:statement/{readout[-4:-1]}-{n}>", stance, endorser, target, topic])
    return {"endorsements": [[*key, n] for key, n in statements.items()], "encounters": encounters,
            "represents": [list(pair) for pair in represents], "claims": claims}


def _readout(rng: random.Random, version: int) -> Facts:
    """Facts of a readout of its own (as a build's, whose readout IRI is its content's hash)."""
    return {**_facts(rng, f"<urn:x:readout/{version:03d}>"), "version": version}


def _store_lines(store: TallyStore) -> list[str]:
    return [line for part in store.parts() for line in store.part_lines(part)]


def _fresh_lines(readouts: dict[str, Facts]) -> list[str]:
    return [line for _, lines in statistics_parts(tally(readouts.values(), REGISTRY), GRAPH) for line in lines]


@pytest.mark.parametrize("seed", range(12))
def test_any_sequence_of_changes_counts_what_counting_afresh_counts(seed):
    rng = random.Random(seed)
    db = sqlite3.connect(":memory:")
    store = TallyStore(db, GRAPH, REGISTRY)
    readouts: dict[str, Facts] = {}
    version = 0
    for step in range(8):
        gone: dict = {}
        new: dict = {}
        for source in rng.sample(sorted(readouts), min(len(readouts), rng.randint(0, 3))):  # removed or changed
            gone[source] = (f"k{readouts[source]['version']}", readouts.pop(source))
            if rng.random() < 0.5:
                version += 1
                new[source] = (f"k{version}", _readout(rng, version))
        for _ in range(rng.randint(1 if step == 0 else 0, 6)):
            version += 1
            new[f"r{version}"] = (f"k{version}", _readout(rng, version))
        before = {part: store.part_lines(part) for part in store.parts()}
        touched = store.update(gone, new)
        readouts.update({source: facts for source, (_, facts) in new.items()})
        assert _store_lines(store) == _fresh_lines(readouts), f"step {step}"
        after = {part: store.part_lines(part) for part in store.parts()}
        moved = {part for part in before.keys() | after.keys() if before.get(part) != after.get(part)}
        assert moved <= touched, "a part changed without being reported"
        assert store.counted() == {source: f"k{facts['version']}" for source, facts in readouts.items()}


def test_a_claim_changed_in_a_grouped_readout_remakes_its_group():
    """Two readouts of one call, and one of them read again with one claim more (its readout
    and encounters as they were, as a dump not made by `kg build` may give): the group's
    differences are those of counting afresh."""
    day, people = "2020-03-01", PEOPLE[:2]
    claim = [STANCES[0], STATES[1], STATES[0], TOPICS[1]]

    def readout(n: int, claims: list) -> Facts:
        iri, event = f"<urn:x:readout/{n:03d}>", f"<urn:x:event/{n:03d}-0>"
        return {"endorsements": [], "represents": [], "version": n,
                "encounters": [[event, [day], people, "phone_call", iri]],
                "claims": [[iri, event, f"<urn:x:statement/{n:03d}-{i}>", *c] for i, c in enumerate(claims)]}

    store = TallyStore(sqlite3.connect(":memory:"), GRAPH, REGISTRY)
    readouts = {"a": readout(1, [claim]), "b": readout(2, [claim])}
    store.update({}, {source: (f"k{source}", facts) for source, facts in readouts.items()})
    assert _store_lines(store) == _fresh_lines(readouts)
    assert not any("ReportDifference" in line for line in _store_lines(store))  # both state it
    changed = readout(2, [claim, [STANCES[1], STATES[1], STATES[0], TOPICS[2]]])
    store.update({"b": ("kb", readouts["b"])}, {"b": ("kb2", changed)})
    readouts["b"] = changed
    assert _store_lines(store) == _fresh_lines(readouts)
    assert sum("ReportDifference" in line for line in _store_lines(store)) == 1


def test_taking_out_what_was_never_counted_is_refused():
    rng = random.Random(1)
    store = TallyStore(sqlite3.connect(":memory:"), GRAPH, REGISTRY)
    facts = _facts(rng)
    while not facts["endorsements"]:
        facts = _facts(rng)
    store.update({}, {"a": ("k1", facts)})
    with pytest.raises(ValueError, match="never counted"):
        store.update({"a": ("k1", facts), "b": ("k2", facts)}, {})


def test_clear_forgets_everything():
    store = TallyStore(sqlite3.connect(":memory:"), GRAPH, REGISTRY)
    store.update({}, {"a": ("k1", _facts(random.Random(2)))})
    assert store.parts()
    store.clear()
    assert store.parts() == [] and store.counted() == {}
    readouts = {"b": _facts(random.Random(3))}
    store.update({}, {"b": ("k2", readouts["b"])})
    assert _store_lines(store) == _fresh_lines(readouts)


def _counted_store() -> TallyStore:
    rng = random.Random(4)
    store = TallyStore(sqlite3.connect(":memory:"), GRAPH, REGISTRY)
    store.update({}, {f"r{n}": (f"k{n}", _readout(rng, n)) for n in range(12)})
    return store


def test_fresh_and_updated_stores_are_not_damaged():
    store = TallyStore(sqlite3.connect(":memory:"), GRAPH, REGISTRY)
    assert store.damage() is None
    store = _counted_store()
    assert store.damage() is None
    store.update({}, {"r99": ("k99", _readout(random.Random(9), 99))})
    assert store.damage() is None
    assert TallyStore(store.db, GRAPH, REGISTRY).damage() is None  # as the next build finds it


@pytest.mark.parametrize("table", TALLY_TABLES)
def test_a_row_deleted_from_any_table_is_seen(table):
    store = _counted_store()
    column = store.db.execute(f"PRAGMA table_info({table})").fetchone()[1]
    store.db.execute(f"DELETE FROM {table} WHERE {column} = (SELECT min({column}) FROM {table})")
    damage = TallyStore(store.db, GRAPH, REGISTRY).damage()
    assert damage is not None and damage.startswith(f"{table}: ") and "expected" in damage


def test_a_changed_count_is_seen():
    store = _counted_store()
    store.db.execute("UPDATE tally_endorsement SET n = n + 1 WHERE year = (SELECT min(year) FROM tally_endorsement)")
    assert TallyStore(store.db, GRAPH, REGISTRY).damage().startswith("tally_endorsement: counts add up to ")


def test_counts_without_their_check_are_damaged():
    store = _counted_store()
    store.db.execute("DELETE FROM tally_check")
    assert TallyStore(store.db, GRAPH, REGISTRY).damage() == "the counts have no check recorded"


def test_each_readout_keeps_the_digest_of_its_facts():
    rng = random.Random(5)
    facts = {"a": _readout(rng, 1), "b": _readout(rng, 2)}
    store = TallyStore(sqlite3.connect(":memory:"), GRAPH, REGISTRY)
    store.update({}, {source: (f"k-{source}", f) for source, f in facts.items()})
    assert store.digests() == {source: (f"k-{source}", facts_digest(f)) for source, f in facts.items()}
    row = [2020, "<urn:x:readout/001>", None, STATES[0], None, None, STANCES[0], 1]
    changed = {**facts["a"], "endorsements": facts["a"]["endorsements"] + [row]}
    assert facts_digest(changed) != facts_digest(facts["a"])


def test_the_random_readouts_report_encounters_together_and_stances_twice():
    """The readouts above exercise what counting by encounter changes: reports grouped
    into fewer encounters, and stances that several readouts of one encounter state."""
    merged = stated_twice = 0
    for seed in range(12):
        rng = random.Random(seed)
        tallies = tally([_readout(rng, n) for n in range(12)], REGISTRY)
        merged += tallies.reports - len(tallies.encounter_reports)
        stated_twice += sum(1 for key, n in tallies.endorsements.items() if tallies.endorsement_reports[key] > n)
    assert merged > 30 and stated_twice > 5, (merged, stated_twice)


def test_facts_given_as_json_text_count_and_digest_as_the_facts_themselves():
    """Workers hand facts over as JSON text (a tenth of the memory of the parsed lists while
    a build of 100,000 readouts holds them): counted and digested exactly as parsed ones."""
    rng = random.Random(11)
    facts = {f"r{i}": _readout(rng, i) for i in range(6)}
    parsed = TallyStore(sqlite3.connect(":memory:"), GRAPH, REGISTRY)
    parsed.update({}, {source: (f"k{source}", f) for source, f in facts.items()})
    as_text = TallyStore(sqlite3.connect(":memory:"), GRAPH, REGISTRY)
    as_text.update({}, {source: (f"k{source}", facts_text(f)) for source, f in facts.items()})
    assert _store_lines(as_text) == _store_lines(parsed) == _fresh_lines(facts)
    assert as_text.digests() == parsed.digests()
    assert all(facts_digest(facts_text(f)) == facts_digest(f) for f in facts.values())
    gone = {"r0": ("kr0", facts_text(facts["r0"]))}  # taken out again as text
    as_text.update(gone, {})
    assert _store_lines(as_text) == _fresh_lines({s: f for s, f in facts.items() if s != "r0"})

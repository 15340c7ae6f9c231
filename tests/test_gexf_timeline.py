"""The dynamic GEXF tells the truth: read back, an edge's weight at any date is the number of
encounters (or statements) up to that date, counted straight from the snapshot, and its
spells are its encounter days. Before, every edge spanned its first to last encounter at
its final weight (China-US: 80 encounters shown in every year at weight 80)."""

from __future__ import annotations

import datetime as dt
import random
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest
from minidata import mini, mini_store  # noqa: F401  (fixtures)
from test_export import xmllint_relaxng

from kg.views.export import STANCE_COLORS, write_gexf
from kg.views.snapshot import Participation, Snapshot, Statement, load_snapshot
from kg.views.graphs import build_view, make_filters

G = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
ID = "https://w3id.org/readout-kg/id/"


def read_edges(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {(e.get("source"), e.get("target")): e for e in root.iter(f"{G}edge")}


def value_at(element: ET.Element, key: str, date: str) -> int:
    """The value of dynamic attribute ``key`` at ``date`` (0 before its first interval)."""
    found = [float(v.get("value")) for v in element.iter(f"{G}attvalue")
             if v.get("for") == key and v.get("start") <= date <= v.get("end")]
    assert len(found) <= 1, f"{key} has overlapping intervals at {date}"
    return int(found[0]) if found else 0


def spells(element: ET.Element) -> list[tuple[str, str]]:
    return [(s.get("start"), s.get("end")) for s in element.iter(f"{G}spell")]


def around(dates: set[str]) -> list[str]:
    """Every date, the day before and the day after: where a step could be off by one."""
    out = set()
    for date in dates:
        day = dt.date.fromisoformat(date)
        out |= {(day + dt.timedelta(days=k)).isoformat() for k in (-1, 0, 1)}
    return sorted(out)


def encounter_dates(snap: Snapshot, level: str) -> dict[tuple[str, str], list[str]]:
    """The oracle: (node, node) -> dates of the encounters both took part in, from the raw records."""
    events: dict[str, tuple[str, set[str]]] = {}
    for p in snap.participations:
        actor = p.person if level == "person" else snap.represents.get(p.person)
        if actor:
            events.setdefault(p.event, (p.date, set()))[1].add(snap.node_id(actor))
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for date, actors in events.values():
        for a in actors:
            for b in actors:
                if a < b:
                    pairs[(a, b)].append(date)
    return pairs


def disagreements(path: Path, oracle: dict[tuple[str, str], list[str]]) -> list[str]:
    """Every (edge, date) whose weight differs from the encounters up to that date, and every
    edge whose spells are not its encounter days."""
    edges = read_edges(path)
    assert set(edges) == set(oracle)
    every = set().union(*map(set, oracle.values())) if oracle else set()
    checked = [d for d in around(every) if d <= max(every)]  # the timeline ends with the view's last encounter
    wrong = []
    for pair, dates in oracle.items():
        for date in checked:
            expected = sum(d <= date for d in dates)
            if value_at(edges[pair], "weight", date) != expected:
                wrong.append(f"{pair} at {date}: {value_at(edges[pair], 'weight', date)} != {expected}")
        if spells(edges[pair]) != [(d, d) for d in sorted(set(dates))]:
            wrong.append(f"{pair}: spells {spells(edges[pair])[:3]}...")
    return wrong


def busy_snapshot() -> Snapshot:
    """China and the US meet 80 times in 2015-2025 (twice on some days); 40 more states meet
    at random: many edges, many steps, repeated days."""
    rng = random.Random(5)
    snap = Snapshot()
    states = ["CHN", "USA"] + [f"S{i:02d}" for i in range(40)]
    for code in states:
        snap.kinds[ID + f"state/{code}"] = "state"
        snap.codes[ID + f"state/{code}"] = code
        person = ID + f"person/{code}/minister"
        snap.kinds[person] = "person"
        snap.represents[person] = ID + f"state/{code}"
    days = [dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650)) for _ in range(75)]
    days += days[:5]  # five days with two encounters
    for i, day in enumerate(days):
        for code in ("CHN", "USA"):
            person = ID + f"person/{code}/minister"
            snap.participations.append(Participation(f"e/us{i}", "Meeting", day.isoformat(), person))
    for i in range(400):
        day = (dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))).isoformat()
        for code in rng.sample(states, rng.choice((2, 2, 3))):
            snap.participations.append(Participation(f"e/x{i}", "PhoneCall", day, ID + f"person/{code}/minister"))
    return snap


def test_china_us_weight_steps_up_with_each_encounter(tmp_path: Path):
    snap = busy_snapshot()
    path = write_gexf(build_view("interactions", snap, level="state"), tmp_path / "states.gexf")
    edge = read_edges(path)[("state/CHN", "state/USA")]
    assert edge.get("weight") == "80.0"
    us = sorted(p.date for p in snap.participations if p.event.startswith("e/us") and "CHN" in p.person)
    assert value_at(edge, "weight", "2014-12-31") == 0
    assert value_at(edge, "weight", us[0]) == us.count(us[0])
    assert 0 < value_at(edge, "weight", "2020-01-01") < 80  # not the final weight in every year
    assert value_at(edge, "weight", us[-1]) == 80
    assert len(spells(edge)) == len(set(us)) < 80  # one per encounter day


@pytest.mark.needs("xmllint", "shared")
@pytest.mark.parametrize("level", ["state", "person"])
def test_no_edge_disagrees_with_the_encounters_up_to_a_date(tmp_path: Path, level: str):
    snap = busy_snapshot()
    path = write_gexf(build_view("interactions", snap, level=level), tmp_path / f"{level}.gexf")
    assert disagreements(path, encounter_dates(snap, level)) == []
    assert xmllint_relaxng([path]).returncode == 0


@pytest.mark.needs("xmllint", "shared")
def test_the_mini_dataset_read_back(mini_store, tmp_path: Path):
    snap = load_snapshot(mini_store)
    path = write_gexf(build_view("interactions", snap), tmp_path / "people.gexf")
    assert disagreements(path, encounter_dates(snap, "person")) == []
    edge = read_edges(path)[("person/CHN/wang-yi", "person/KAZ/mukhtar-tleuberdi")]
    days = ("2021-01-20", "2021-01-21", "2022-06-30", "2022-07-01")
    assert [value_at(edge, "weight", d) for d in days] == [0, 1, 1, 2]
    root = ET.parse(path).getroot()
    wang = [n for n in root.iter(f"{G}node") if n.get("id") == "person/CHN/wang-yi"][0]
    assert spells(wang) == [(d, d) for d in ("2021-01-21", "2022-03-09", "2022-07-01", "2023-09-20")]
    # a filtered view: the steps count only what the view holds
    path = write_gexf(build_view("interactions", snap, make_filters(start="2022")), tmp_path / "since.gexf")
    edge = read_edges(path)[("person/CHN/wang-yi", "person/KAZ/mukhtar-tleuberdi")]
    assert value_at(edge, "weight", "2022-07-01") == 1


@pytest.mark.needs("xmllint", "shared")
def test_endorsement_weights_are_signed_over_time(mini_store, tmp_path: Path):
    snap = load_snapshot(mini_store)
    snap.statements += [  # KAZ turns against CHN on Xinjiang in 2024 (invented)
        Statement(ID + "x#1", ID + "state/KAZ", "oppose", ID + "state/CHN", None, "2024-02-01", None),
        Statement(ID + "x#2", ID + "state/KAZ", "oppose", ID + "state/CHN", None, "2024-03-01", None),
        Statement(ID + "x#3", ID + "state/KAZ", "oppose", ID + "state/CHN", None, "2024-03-01", None),
        Statement(ID + "x#4", ID + "state/KAZ", "congratulate", ID + "state/CHN", None, "2024-04-01", None)]
    path = write_gexf(build_view("endorsements", snap, aggregate=True), tmp_path / "agg.gexf")
    assert xmllint_relaxng([path]).returncode == 0
    edge = read_edges(path)[("state/KAZ", "state/CHN")]
    by_date = {s.date for s in snap.statements}
    for date in [d for d in around(by_date) if d <= max(by_date)]:
        mine = [s for s in snap.statements if (s.endorser, s.target) == (ID + "state/KAZ", ID + "state/CHN")
                and s.date <= date]
        support = sum(s.stance == "support" for s in mine)
        oppose = sum(s.stance == "oppose" for s in mine)
        congratulate = sum(s.stance == "congratulate" for s in mine)
        assert value_at(edge, "weight", date) == len(mine), date
        assert value_at(edge, "signed", date) == support - oppose, date
        assert (value_at(edge, "support", date), value_at(edge, "oppose", date),
                value_at(edge, "congratulate", date)) == (support, oppose, congratulate), date
    assert value_at(edge, "signed", "2023-12-31") == 2 and value_at(edge, "signed", "2024-03-01") == -1
    color = edge.find(f"{VIZ}color")
    assert tuple(int(color.get(c)) for c in "rgb") == STANCE_COLORS["oppose"]  # 2 support, 3 oppose: net oppose
    # one edge per statement: +1 support, -1 oppose, 0 congratulate, coloured by stance
    root = ET.parse(write_gexf(build_view("endorsements", snap), tmp_path / "multi.gexf")).getroot()
    for edge in root.iter(f"{G}edge"):
        stance = edge.get("kind")
        assert value_at(edge, "signed", "2030-01-01") == 0  # after the timeline: nothing
        start = spells(edge)[0][0]
        assert value_at(edge, "signed", start) == {"support": 1, "oppose": -1, "congratulate": 0}[stance]
        assert tuple(int(edge.find(f"{VIZ}color").get(c)) for c in "rgb") == STANCE_COLORS[stance]


def test_node_attributes_for_gephi_filters(mini_store):
    from kg.views.export import generate_gexf

    root = ET.fromstring(generate_gexf(build_view("affiliations", load_snapshot(mini_store))))
    declared = {a.get("id") for a in root.iter(f"{G}attribute")}
    assert {"kind", "state", "region", "subregion", "role"} <= declared
    post = [n for n in root.iter(f"{G}node") if n.get("id") == "post/CHN/foreign_minister"][0]
    values = {v.get("for"): v.get("value") for v in post.iter(f"{G}attvalue")}
    assert (values["kind"], values["region"], values["role"]) == ("post", "Asia", "foreign_minister")

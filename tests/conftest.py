"""Shared fixtures: the registry (loaded once), the seed readout through the pipeline,
and a few builds reused across test modules (session scope keeps the suite fast).

A test that needs a system tool or ``../shared/`` says so with ``@pytest.mark.needs("xmllint",
"shared")``. Where one is missing it is skipped with one line naming it and the command that
installs it, except in CI (``CI=true``), where it fails: CI must run every test."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, URIRef

from dev import SHARED, SYSTEM_TOOLS, in_ci
from kg.knowledge.registry import Registry, load_registry

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT / "sources" / "000_a35c0205b5cb6fd1.txt"
SEED_GOLD = ROOT / "tests" / "seed" / "000_a35c0205b5cb6fd1.json"

# The sentence of the seed that opens the account; variants change its day of month.
SEED_DATE_PHRASE = "Le 21 janvier 2021"
VARIANT_DAYS = (10, 11, 12, 13, 14, 15, 16, 17, 18)


def pytest_configure(config):
    # rdflib's own parsers call its deprecated Dataset API; that is not ours to fix.
    config.addinivalue_line("filterwarnings", "ignore::DeprecationWarning:rdflib.*")
    config.addinivalue_line("markers", f"needs(*what): system tools ({', '.join(SYSTEM_TOOLS)}) or 'shared' "
                                       f"(the folder ../shared/) the test cannot run without")


def missing(what: str) -> str | None:
    """How to get ``what`` (a system tool, or 'shared') when it is missing here; None when present."""
    if what == "shared":
        return None if SHARED.is_dir() else f"{SHARED}/ (the shared folder beside the repository)"
    if what not in SYSTEM_TOOLS:
        raise ValueError(f"unknown need {what!r}: add it to SYSTEM_TOOLS in dev.py and to .ci/system-deps.sh")
    return None if shutil.which(what) else f"{what} (Debian package {SYSTEM_TOOLS[what]})"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    absent = [text for mark in item.iter_markers("needs") for what in mark.args if (text := missing(what))]
    if absent:
        reason = f"needs {', '.join(absent)}" + (": install with `bash .ci/system-deps.sh`"
                                                 if any("Debian" in text for text in absent) else "")
        if in_ci():
            pytest.fail(f"{reason} (CI runs every test)", pytrace=False)
        pytest.skip(reason)


def gold_sets(doc: dict[str, Any]) -> dict[str, Any]:
    """A gold-format document reduced to sets, so order never matters in a comparison."""
    events = set()
    for event in doc["events"]:
        participants = frozenset(
            (p["name"], p["country"], frozenset(p.get("roles", []))) for p in event["participants"]
        )
        events.add((event["type"], event["date"], bool(event.get("date_inferred", False)), participants))
    endorsements = {(e["endorser"], e["stance"], e["target"], e["topic"]) for e in doc["endorsements"]}
    return {"source": doc["source"], "lang": doc["lang"], "published": doc["published"],
            "events": events, "endorsements": endorsements}


def copy_graph(graph: Graph) -> Graph:
    out = Graph()
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace)
    for triple in graph:
        out.add(triple)
    return out


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """tests/data: small hand-made inputs (see its README.md)."""
    return DATA


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed as written on disk (UTF-8, NFC, LF): what every evidence offset indexes."""
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_outcome(registry):
    """The seed through read → extract → RDF → validate, with the default base."""
    from kg.build.pipeline import process_path

    outcome = process_path(SEED, SEED.parent, registry)
    assert outcome.error is None, outcome.error
    return outcome


@pytest.fixture(scope="session")
def seed_graph(seed_outcome) -> Graph:
    """The seed's named graph as an rdflib Graph. Shared: never modify it; use copy_graph."""
    from kg.graph.rdf import to_graph

    return to_graph(seed_outcome.triples)


@pytest.fixture(scope="session")
def seed_readout(seed_outcome) -> URIRef:
    return URIRef(seed_outcome.graph_iri)


@pytest.fixture
def broken_seed_graph(seed_graph) -> Graph:
    """A private copy of the valid seed graph, for tests that break one thing in it."""
    return copy_graph(seed_graph)


@pytest.fixture(scope="session")
def small_sources(tmp_path_factory) -> Path:
    """The seed, an empty file and a readout that reports no encounter."""
    folder = tmp_path_factory.mktemp("small_sources")
    shutil.copy(SEED, folder / SEED.name)
    (folder / "empty.txt").write_bytes(b"")
    shutil.copy(DATA / "no_encounter.txt", folder / "no_encounter.txt")
    return folder


@pytest.fixture(scope="session")
def small_build(small_sources, tmp_path_factory):
    """``kg.build.builder.build`` run once over :func:`small_sources` (one worker)."""
    from kg.build.builder import build

    out = tmp_path_factory.mktemp("small_build")
    return build(small_sources, out, jobs=1)


@pytest.fixture(scope="session")
def variant_sources(tmp_path_factory) -> Path:
    """Ten readouts: the seed plus nine copies whose encounter falls on another day.

    Enough files (≥ 8) that ``kg build --jobs 2`` really uses a worker pool.
    """
    folder = tmp_path_factory.mktemp("variant_sources")
    text = SEED.read_text(encoding="utf-8")
    assert SEED_DATE_PHRASE in text
    shutil.copy(SEED, folder / SEED.name)
    for day in VARIANT_DAYS:
        variant = text.replace(SEED_DATE_PHRASE, f"Le {day} janvier 2021")
        (folder / f"variant_{day:02d}.txt").write_text(variant, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def variant_days() -> tuple[int, ...]:
    return VARIANT_DAYS


@pytest.fixture(scope="session")
def variant_build(variant_sources, tmp_path_factory):
    from kg.build.builder import build

    out = tmp_path_factory.mktemp("variant_build")
    return build(variant_sources, out, jobs=1)


@pytest.fixture(scope="session")
def as_sets():
    return gold_sets

"""Entities described once: readout graphs only refer to states, organisations, people and
topics; the registry graph describes those some readout mentions (all of them with
--full-registry), the ``entities`` graph the people the registry does not know. A rebuild
from the cache gives the same bytes as a clean build, and drops whom no readout names any
more."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.build.builder import build
from kg.graph.entities import entity_graphs, mentions_blob
from kg.namespaces import KG, RDF, RDFS
from kg.graph.rdf import Minter, extraction_graph, ntriples_term, registry_triples
from kg.build.store import DUMP_NQ, DUMP_TTL, REPORT_JSON, in_memory, open_kept_store, sync_store
from kg.graph.validate import validate_triples

BASE = "https://w3id.org/readout-kg/id/"
REGISTRY_GRAPH = BASE + "graph/registry"
ENTITIES_GRAPH = BASE + "graph/entities"
AIDAROV = BASE + "person/KAZ/almas-aidarov"
ALOEV = BASE + "person/UZB/bakhrom-aloev"

# a call with an official the registry does not know (a deputy minister)
CALL = """Wang Yi Holds Phone Call with {adjective} Deputy Foreign Minister {name}

On March {day}, 2024, Foreign Minister Wang Yi held a phone call with Deputy Foreign Minister of {state} {name}.

{family} said that {state} firmly supports China's position on the Taiwan question.

Wang Yi said that China supports {state} in safeguarding its sovereignty and territorial integrity.
"""


def _call(day: int, name: str = "Almas Aidarov", state: str = "Kazakhstan", adjective: str = "Kazakh") -> str:
    return CALL.format(day=day, name=name, family=name.split()[-1], state=state, adjective=adjective)


def _graphs(out: Path) -> dict[str, list[tuple[str, str, str]]]:
    """The dump's triples by graph, as N-Triples terms."""
    graphs: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for line in (out / DUMP_NQ).read_text(encoding="utf-8").splitlines():
        body, graph = line[:-2].rsplit(" <", 1)
        s, p, o = body.split(" ", 2)
        graphs[graph[:-1]].append((s, p, o))
    return graphs


def _subjects(triples) -> set[str]:
    return {s for s, _, _ in triples}


@pytest.fixture(scope="module")
def sources(tmp_path_factory, seed_path) -> Path:
    folder = tmp_path_factory.mktemp("entities-sources")
    shutil.copy(seed_path, folder / seed_path.name)
    (folder / "a.txt").write_text(_call(3), encoding="utf-8")
    (folder / "b.txt").write_text(_call(4), encoding="utf-8")
    (folder / "c.txt").write_text(_call(5, "Almas Aïdarov"), encoding="utf-8")  # one IRI, another spelling
    return folder


@pytest.fixture(scope="module")
def built(sources, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("entities-build")
    result = build(sources, out, jobs=1)
    assert result.summary()["published"] == 4
    return out


# ---- one readout ------------------------------------------------------------------------
def test_a_readout_graph_refers_to_entities_and_describes_none(seed_outcome, registry):
    graph = seed_outcome.graph
    described = _subjects(tuple(map(ntriples_term, t)) for t in graph.entities + graph.references)
    assert described and not described & {line.split(" ", 1)[0] for line in graph.lines}
    classes = {f"<{KG[c]}>" for c in ("Person", "State", "Organization", "Topic")}
    assert not [line for line in graph.lines if line.split(" ", 2)[2] in classes]
    # what it mentions, it refers to (a state may be named only as the one an official represents)
    objects = {line.split(" ", 2)[2] for line in graph.lines} | {ntriples_term(o) for _, _, o in graph.references}
    assert {f"<{iri}>" for iri in graph.mentions} <= objects


def test_what_a_readout_says_of_registry_entities_is_what_the_registry_says(seed_outcome, registry):
    published = set(registry_triples(registry, Minter()))
    references = seed_outcome.graph.references
    assert references and all(triple in published for triple in references)
    assert sorted({str(s) for s, _, _ in references}) == seed_outcome.graph.mentions


def test_a_readout_is_validated_with_the_entities_it_mentions(seed_outcome):
    """The shapes need what the graph refers to (a participant is a kg:Person...): alone the
    graph would fail, with the descriptions it conforms."""
    graph = seed_outcome.graph
    assert any("person" in v.message.lower() for v in validate_triples(graph.triples))
    assert validate_triples(graph.described()) == []
    assert seed_outcome.triples == graph.described()


def test_a_person_the_registry_does_not_know_is_described_apart(registry):
    from kg.sources.reader import document_from_text
    from kg.extract import extract

    extraction = extract(document_from_text(_call(3), "a.txt"), registry)
    graph = extraction_graph(extraction, registry, Minter())
    assert f"<{AIDAROV}> <{RDFS.label}> \"Almas Aidarov\"" in graph.entity_lines
    assert AIDAROV not in graph.mentions and f"{BASE}person/CHN/wang-yi" in graph.mentions
    assert not any(line.startswith(f"<{AIDAROV}>") for line in graph.lines)
    blob = mentions_blob(graph).decode("utf-8").splitlines()
    assert f"<{BASE}state/KAZ>" in blob and f"<{AIDAROV}> <{RDF.type}> <{KG.Person}>" in blob


# ---- merging what readouts bring ----------------------------------------------------------
REGISTRY_LINES = sorted([
    '<x:p1> <http://www.w3.org/2000/01/rdf-schema#label> "P One"',
    f"<x:p1> <{KG.represents}> <x:s1>",
    f'<x:s1> <{KG.iso3}> "AAA"',
    f'<x:s2> <{KG.iso3}> "BBB"',
    f"<x:t1> <{KG.topicOwner}> <x:s2>",
    f'<x:s3> <{KG.iso3}> "CCC"',
])


def test_the_registry_graph_keeps_what_is_mentioned_and_what_it_points_to():
    registry, entities = entity_graphs([b"<x:p1>\n", b"<x:t1>\n<x:p1>\n"], lambda: REGISTRY_LINES)
    assert _subjects(line.split(" ", 2) for line in registry) == {"<x:p1>", "<x:s1>", "<x:t1>", "<x:s2>"}
    assert registry == sorted(registry) and entities == []
    full, _ = entity_graphs([b"<x:p1>\n"], lambda: REGISTRY_LINES, full=True)
    assert full == REGISTRY_LINES


def test_an_entity_outside_the_registry_pulls_in_the_state_it_represents():
    person = f'<x:q> <{KG.represents}> <x:s3>\n'.encode()
    registry, entities = entity_graphs([person], lambda: REGISTRY_LINES)
    assert registry == [f'<x:s3> <{KG.iso3}> "CCC"'] and entities == [person.decode().strip()]


def test_one_label_per_entity_the_spelling_most_readouts_give():
    label = f"<{RDFS.label}>"
    one, other = f'<x:q> {label} "Almas Aidarov"', f'<x:q> {label} "Almas Aïdarov"'
    chunks = [f"{other}\n".encode(), f"{one}\n".encode(), f"{other}\n".encode()]
    assert entity_graphs(chunks, lambda: [])[1] == [other]
    assert entity_graphs(chunks[:2], lambda: [])[1] == [one]  # a tie: the first in sort order
    assert entity_graphs(chunks[1:] + chunks[:1], lambda: [])[1] == [other]  # whatever the order


# ---- the build ------------------------------------------------------------------------------
def test_no_triple_sits_in_two_graphs(built):
    seen: dict[tuple, str] = {}
    for graph, triples in _graphs(built).items():
        for triple in triples:
            assert triple not in seen, f"{triple} in {seen[triple]} and {graph}"
            seen[triple] = graph


def test_people_outside_the_registry_are_in_the_entities_graph_once(built):
    graphs = _graphs(built)
    entities = graphs[ENTITIES_GRAPH]
    labels = [o for s, p, o in entities if s == f"<{AIDAROV}>" and p == f"<{RDFS.label}>"]
    assert labels == ['"Almas Aidarov"']  # two readouts spell it so, one "Aïdarov"
    assert (f"<{AIDAROV}>", f"<{KG.represents}>", f"<{BASE}state/KAZ>") in entities
    for graph, triples in graphs.items():
        if graph != ENTITIES_GRAPH:
            assert f"<{AIDAROV}>" not in _subjects(triples), graph


def test_the_registry_graph_describes_only_what_readouts_mention(built, registry):
    registry_graph = _subjects(_graphs(built)[REGISTRY_GRAPH])
    assert {f"<{BASE}state/{c}>" for c in ("CHN", "KAZ")} | {f"<{BASE}person/CHN/wang-yi>"} <= registry_graph
    assert f"<{BASE}state/TUV>" not in registry_graph and f"<{BASE}state/UZB>" not in registry_graph
    whole = {ntriples_term(s) for s, _, _ in registry_triples(registry, Minter())}
    assert registry_graph < whole and len(registry_graph) < len(whole) / 10


def test_full_registry_publishes_it_whole(sources, tmp_path, registry):
    result = build(sources, tmp_path / "full", jobs=1, full_registry=True)
    published = set(_graphs(tmp_path / "full")[REGISTRY_GRAPH])
    assert published == {tuple(map(ntriples_term, t)) for t in registry_triples(registry, Minter())}
    assert result.summary()["published"] == 4


def test_the_union_conforms_to_the_shapes(built):
    from kg.graph.validate import validate_file

    assert validate_file(built / DUMP_TTL) == []
    assert validate_file(built / DUMP_NQ) == []


def test_a_rebuild_drops_whom_a_changed_readout_no_longer_names(tmp_path, seed_path):
    """The cache and the kept store follow: the same bytes as a clean build, and Aidarov
    and Kazakhstan gone from the store once the only readout naming them names Aloev."""
    sources, out = tmp_path / "sources", tmp_path / "build"
    sources.mkdir()
    (sources / "a.txt").write_text(_call(3), encoding="utf-8")
    (sources / "b.txt").write_text(_call(4, "Bakhrom Aloev", "Uzbekistan", "Uzbek"), encoding="utf-8")
    build(sources, out, jobs=1)
    assert f"<{AIDAROV}>" in _subjects(_graphs(out)[ENTITIES_GRAPH])
    assert f"<{BASE}state/KAZ>" in _subjects(_graphs(out)[REGISTRY_GRAPH])

    (sources / "a.txt").write_text(_call(3, "Bakhrom Aloev", "Uzbekistan", "Uzbek"), encoding="utf-8")
    build(sources, out, jobs=1)
    graphs = _graphs(out)
    assert f"<{AIDAROV}>" not in _subjects(graphs[ENTITIES_GRAPH]) and f"<{ALOEV}>" in _subjects(graphs[ENTITIES_GRAPH])
    assert f"<{BASE}state/KAZ>" not in _subjects(graphs[REGISTRY_GRAPH])
    clean = build(sources, tmp_path / "clean", jobs=1, clean=True)
    for name in (DUMP_NQ, DUMP_TTL, REPORT_JSON):
        assert (out / name).read_bytes() == (clean.out / name).read_bytes(), name
    assert sync_store(out) in ("updated", "loaded")
    kept = open_kept_store(out)
    assert kept is not None
    store = in_memory(kept)
    for gone in (AIDAROV, f"{BASE}state/KAZ"):
        assert not list(store.quads_for_pattern(_node(gone), None, None, None)), gone
    assert list(store.quads_for_pattern(_node(ALOEV), None, None, None))


def _node(iri: str):
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def test_an_unchanged_rebuild_copies_both_graphs(sources, tmp_path, monkeypatch):
    """Nothing changed: the registry and entities graphs come from the cache, same bytes;
    a --full-registry rebuild makes them again."""
    import kg.build.builder

    out = tmp_path / "again"
    build(sources, out, jobs=1)
    before = (out / DUMP_NQ).read_bytes()
    calls = []
    original = kg.build.builder.entity_graphs
    monkeypatch.setattr(kg.build.builder, "entity_graphs", lambda *a, **k: calls.append(1) or original(*a, **k))
    build(sources, out, jobs=1)
    assert (out / DUMP_NQ).read_bytes() == before and calls == []
    build(sources, out, jobs=1, full_registry=True)
    assert calls == [1] and len((out / DUMP_NQ).read_bytes()) > 2 * len(before)


def test_the_iris_spelled_here_are_the_minters():
    mint = Minter()
    assert str(mint.registry_graph()) == REGISTRY_GRAPH and str(mint.entities_graph()) == ENTITIES_GRAPH
    assert mint.person("Almas Aidarov", "KAZ") == URIRef(AIDAROV)

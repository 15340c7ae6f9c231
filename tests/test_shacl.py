"""kg.graph.shacl, the compiled conformance check, against pySHACL.

The build publishes a graph when kg.graph.shacl says it conforms and asks pySHACL otherwise, so
the check must never pass a graph that pySHACL faults; it should also agree everywhere
else, or the build is merely slower. Compared here on the gold and holdout readouts, on
generated readouts, on every one-triple change of real graphs, on random combinations of
changes, and on toy shapes that use every constraint the checker implements.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from kg.build.pipeline import process_path
from kg.graph.rdf import to_graph
from kg.graph.shacl import compile_shapes, conforms
from kg.graph.validate import pyshacl_violations, shapes_graph, validate_graph, validate_triples
from tests.generated import write_readouts

HERE = Path(__file__).resolve().parent
EX = Namespace("https://example.org/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: no warnings on introspection


def _pyshacl_conforms(triples, shapes: Graph | None = None) -> bool:
    if shapes is None:
        return not pyshacl_violations(to_graph(triples))
    from pyshacl import validate

    graph = Graph()
    for t in triples:
        graph.add(t)
    return validate(graph, shacl_graph=shapes, inference="none", allow_warnings=False, advanced=False)[0]


def _agree(triples, shapes: Graph | None = None) -> None:
    fast = conforms(triples, shapes if shapes is not None else shapes_graph())
    slow = _pyshacl_conforms(triples, shapes)
    assert fast is not None, "the checker gave up on shapes it supports"
    assert fast == slow, f"kg.graph.shacl says {fast}, pySHACL {slow}"


@pytest.fixture(scope="module")
def readout_graphs(registry, tmp_path_factory) -> dict[str, list]:
    """Triples of real and generated readouts, by name."""
    generated = tmp_path_factory.mktemp("generated")
    write_readouts(generated, 40, seed=11)
    graphs = {}
    for folder in (HERE / "gold", HERE / "holdout", HERE.parent / "sources", generated):
        for path in sorted(folder.glob("*.txt")):
            outcome = process_path(path, folder, registry, validate=False)
            if outcome.triples:
                graphs[f"{folder.name}/{path.name}"] = outcome.triples
    return graphs


def test_the_project_shapes_compile():
    checker = compile_shapes(shapes_graph())
    assert checker is not None, "shapes.ttl uses a feature kg.graph.shacl lacks: every graph now goes to pySHACL"
    assert len(checker.targets) >= 9


def test_agrees_on_readouts(readout_graphs):
    assert len(readout_graphs) > 80
    for name, triples in readout_graphs.items():
        assert conforms(triples, shapes_graph()) is _pyshacl_conforms(triples), name


def _variants(triples: list, rng: random.Random, removals: int, sites: int) -> list[list]:
    """Triples removed; objects replaced by wrong kinds of values; values added."""
    out = []
    for i in rng.sample(range(len(triples)), min(len(triples), removals)):
        out.append(triples[:i] + triples[i + 1:])
    for i in rng.sample(range(len(triples)), min(len(triples), sites)):
        s, p, o = triples[i]
        wrongs = [Literal(str(o)), URIRef(str(o)) if isinstance(o, Literal) else EX.nothing,
                  Literal("not a date", datatype=XSD.date), Literal("x", lang="en"), Literal(-1, datatype=XSD.integer),
                  Literal(""), BNode()]
        for wrong in rng.sample(wrongs, 4):
            if wrong != o:
                out.append(triples[:i] + [(s, p, wrong)] + triples[i + 1:])
        out.append(triples + [(s, p, EX.extra)])
        out.append(triples + [(EX.stranger, p, o)])
    return out


def test_agrees_on_one_change_of_real_graphs(readout_graphs):
    rng = random.Random(5)
    seed = list(readout_graphs["sources/000_a35c0205b5cb6fd1.txt"])
    other = list(readout_graphs[rng.choice(sorted(name for name in readout_graphs if name.startswith("generated")))])
    variants = _variants(seed, rng, removals=len(seed), sites=40) + _variants(other, rng, removals=40, sites=20)
    for variant in variants:  # every triple of the seed removed in turn, among others
        _agree(variant)
    assert len(variants) > 450


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_agrees_on_random_changes(seed_outcome, data):
    triples = list(seed_outcome.triples)
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(triples) - 1))
        s, p, o = triples[i]
        kind = data.draw(st.sampled_from(["drop", "object", "subject", "duplicate", "swap"]))
        if kind == "drop":
            del triples[i]
        elif kind == "object":
            triples[i] = (s, p, data.draw(st.sampled_from([EX.thing, Literal("1"), Literal("2021-02-30", datatype=XSD.date),
                                                           Literal("x", lang="fr"), s])))
        elif kind == "subject":
            triples[i] = (EX.someone, p, o)
        elif kind == "duplicate":
            triples.append((s, p, Literal(f"{o} again")))
        else:
            j = data.draw(st.integers(0, len(triples) - 1))
            triples[i] = (s, triples[j][1], o)
    _agree(triples)


TOY_SHAPES = textwrap.dedent("""
    @prefix sh: <http://www.w3.org/ns/shacl#> .
    @prefix ex: <https://example.org/> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    ex:A a sh:NodeShape ; sh:targetClass ex:C ;
        sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:maxCount 2 ; sh:nodeKind sh:IRI ] ;
        sh:property [ sh:path ex:q ; sh:datatype xsd:integer ; sh:maxLength 2 ] ;
        sh:property [ sh:path ( ex:p ex:q ) ; sh:xone ( [ sh:hasValue 1 ] [ sh:in ( 1 2 ) ] ) ] ;
        sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:not [ sh:class ex:C ] ] ;
        sh:property [ sh:path [ sh:alternativePath ( ex:r ex:q ) ] ; sh:node ex:N ] .
    ex:N a sh:NodeShape ; sh:and ( [ sh:nodeKind sh:Literal ] [ sh:pattern "^[0-9a]+$" ] ) .
    ex:B a sh:NodeShape ; sh:targetNode ex:n1 ; sh:property [ sh:path ex:r ; sh:minCount 1 ] .
    ex:D a sh:NodeShape ; sh:targetSubjectsOf ex:r ; sh:or ( [ sh:class ex:C ] [ sh:class ex:E ] ) .
    ex:F a sh:PropertyShape ; sh:targetObjectsOf ex:p ; sh:path ex:r ; sh:maxCount 1 ; sh:minLength 1 .
    ex:G a sh:NodeShape ; sh:targetClass ex:E ; sh:deactivated true ; sh:property [ sh:path ex:p ; sh:minCount 9 ] .
    """)
_NODES = [EX.n1, EX.n2, EX.n3]
_VALUES = _NODES + [Literal(1), Literal(2), Literal(12), Literal("1"), Literal("a"), Literal("abc"), Literal(""),
                    Literal("x", lang="en"), Literal("123", datatype=XSD.integer), BNode("b1")]


@settings(max_examples=250, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NODES + [BNode("b1")]),
                          st.sampled_from([EX.p, EX.q, EX.r, RDF.type]),
                          st.sampled_from(_VALUES + [EX.C, EX.E])), max_size=9))
def test_every_component_agrees_on_toy_shapes(triples):
    shapes = Graph().parse(data=TOY_SHAPES, format="turtle")
    triples = [(s, p, o) for s, p, o in triples if p != RDF.type or isinstance(o, URIRef)]
    _agree(triples, shapes)


def test_unsupported_shapes_are_left_to_pyshacl(seed_outcome):
    closed = Graph().parse(data=textwrap.dedent("""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kg: <https://w3id.org/readout-kg/ontology#> .
        [] a sh:NodeShape ; sh:targetClass kg:Readout ; sh:closed true .
        """), format="turtle")
    assert compile_shapes(closed) is None
    assert conforms(seed_outcome.triples, closed) is None


def test_subclasses_in_the_data_are_left_to_pyshacl(seed_outcome):
    triples = list(seed_outcome.triples) + [(EX.Talk, RDFS.subClassOf, EX.Event)]
    assert conforms(triples, shapes_graph()) is None
    assert validate_triples(triples) == []


def test_reports_come_from_pyshacl(seed_outcome, monkeypatch):
    triples = [t for t in seed_outcome.triples if t[1] != URIRef("https://w3id.org/readout-kg/ontology#sourceFile")]
    assert conforms(triples, shapes_graph()) is False
    fast = validate_triples(triples)
    monkeypatch.setenv("KG_VALIDATOR", "pyshacl")
    assert fast == validate_triples(triples) == validate_graph(to_graph(triples))
    assert [v.message for v in fast] == ["A readout must name exactly one source file."]


def test_complex_result_paths_are_written_the_same_every_run(seed_outcome):
    oa_exact = URIRef("http://www.w3.org/ns/oa#exact")
    triples = [t for t in seed_outcome.triples if t[1] != oa_exact]
    paths = {v.path for v in validate_triples(triples) if "quote" in v.message}
    assert paths == {"http://www.w3.org/ns/oa#hasSelector/http://www.w3.org/ns/oa#exact"}

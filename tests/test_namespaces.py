"""kg.namespaces and ontology.ttl stay in sync: every term the code writes is declared."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.model import EVENT_TYPES, ROLE_CODES, STANCES
from kg.namespaces import BINDINGS, EVENT_CLASS, KG, ROLE, STANCE
from kg.resources import ONTOLOGY, schema_path

KG_NS = str(KG._NS)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(schema_path(ONTOLOGY))


def _declared(ontology: Graph, term: URIRef) -> bool:
    return (term, RDF.type, None) in ontology


def _documented(ontology: Graph, term: URIRef) -> bool:
    labels = [l for l in ontology.objects(term, RDFS.label) if str(l).strip()]
    comments = [c for c in ontology.objects(term, RDFS.comment) if str(c).strip()]
    return bool(labels) and bool(comments)


def _kg_terms_in_code() -> set[URIRef]:
    return {KG[name] for name in KG.__annotations__}


def test_misspelt_term_fails_loudly():
    with pytest.raises(AttributeError):
        KG.Endorsment  # noqa: B018 - the point is the exception


def test_every_code_term_is_declared_and_documented(ontology):
    terms = _kg_terms_in_code()
    assert len(terms) > 30
    undeclared = sorted(str(t) for t in terms if not _declared(ontology, t))
    undocumented = sorted(str(t) for t in terms if not _documented(ontology, t))
    assert (undeclared, undocumented) == ([], [])


def test_every_kg_term_in_a_built_graph_is_declared(ontology, small_build):
    built = Graph().parse(small_build.out / "union.ttl")
    used = {t for triple in built for t in triple if isinstance(t, URIRef) and str(t).startswith(KG_NS)}
    assert KG.Endorsement in used and KG.evidence in used
    assert sorted(str(t) for t in used if not (_declared(ontology, t) and _documented(ontology, t))) == []


def test_every_ontology_class_and_property_has_label_and_comment(ontology):
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property, RDFS.Class)
    terms = {s for kind in kinds for s in ontology.subjects(RDF.type, kind)}
    assert len(terms) > 30
    assert sorted(str(t) for t in terms if not _documented(ontology, t)) == []


def test_ontology_declares_only_what_the_code_knows(ontology):
    declared = {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(KG_NS)}
    assert declared == _kg_terms_in_code()


def test_role_codes_and_stances_are_declared_concepts(ontology):
    for code in ROLE_CODES:
        assert (ROLE[code], RDF.type, KG.RoleCode) in ontology, code
        assert _documented(ontology, ROLE[code]), code
    for stance in STANCES:
        assert (STANCE[stance], RDF.type, KG.Stance) in ontology, stance
        assert _documented(ontology, STANCE[stance]), stance
    declared_roles = set(ontology.subjects(RDF.type, KG.RoleCode))
    assert declared_roles == {ROLE[c] for c in ROLE_CODES}


def test_event_classes_cover_the_event_types(ontology):
    assert set(EVENT_CLASS) == set(EVENT_TYPES)
    for cls in EVENT_CLASS.values():
        assert (cls, RDFS.subClassOf, KG.Encounter) in ontology


def test_role_and_stance_terms_in_a_built_graph_are_declared(ontology, small_build):
    built = Graph().parse(small_build.out / "union.ttl")
    used = {t for triple in built for t in triple if isinstance(t, URIRef)
            and (str(t).startswith(str(ROLE)) or str(t).startswith(str(STANCE)))}
    assert used
    assert sorted(str(t) for t in used if not _documented(ontology, t)) == []


def test_bindings_are_distinct():
    namespaces = [str(v) for v in BINDINGS.values()]
    assert len(namespaces) == len(set(namespaces))
    assert str(BINDINGS["kg"]) == KG_NS

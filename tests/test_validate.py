"""kg.graph.validate: graphs and RDF files of any format against shapes.ttl."""

from __future__ import annotations

import gzip
import shutil

import pytest
from rdflib import Dataset, Literal, URIRef

from kg.errors import KGError, RDFParseError
from kg.namespaces import KG
from kg.graph.validate import Violation, validate_file, validate_graph

BAD_READOUT_FAULTS = {
    ("https://example.org/kg/readout", "ReadoutShape",
     "A readout must carry one content hash written 'sha256:' and 64 hex digits."),
    ("https://example.org/kg/endorsement", "EndorsementShape",
     "An endorsement's stance must be exactly one of support, oppose, congratulate."),
    ("https://example.org/kg/endorsement", "EndorsementShape",
     "An endorsement must point to the sentence it came from (kg:evidence)."),
}


def test_seed_graph_conforms(seed_graph):
    assert validate_graph(seed_graph) == []


def test_hand_made_bad_file_reports_each_fault(data_dir):
    violations = validate_file(data_dir / "bad_readout.ttl")
    assert {(v.focus, v.shape, v.message) for v in violations} == BAD_READOUT_FAULTS
    assert violations == sorted(violations)


def test_violation_line_names_focus_message_shape_and_path(data_dir):
    violations = validate_file(data_dir / "bad_readout.ttl")
    hash_violation = next(v for v in violations if v.shape == "ReadoutShape")
    assert hash_violation.path == str(KG.contentHash)
    line = hash_violation.line()
    assert "\n" not in line
    for part in (hash_violation.focus, hash_violation.message, "ReadoutShape", str(KG.contentHash)):
        assert part in line


@pytest.mark.parametrize("suffix, fmt", [(".ttl", "turtle"), (".nt", "nt"), (".rdf", "xml"), (".jsonld", "json-ld")])
def test_any_rdf_format(seed_graph, tmp_path, suffix, fmt):
    path = tmp_path / f"seed{suffix}"
    seed_graph.serialize(path, format=fmt, encoding="utf-8")
    assert validate_file(path) == []


def test_named_graph_formats_are_validated_as_their_union(seed_graph, broken_seed_graph, tmp_path):
    # A quad dump: the fault sits in one named graph and must still be found.
    readout = next(broken_seed_graph.subjects(KG.sourceFile, None))
    broken_seed_graph.add((readout, KG.sourceFile, Literal("twice.txt")))
    dataset = Dataset()
    named = dataset.graph(URIRef("https://example.org/graph/1"))
    for triple in broken_seed_graph:
        named.add(triple)
    for suffix, fmt in ((".nq", "nquads"), (".trig", "trig")):
        path = tmp_path / f"dump{suffix}"
        dataset.serialize(path, format=fmt)
        messages = {v.message for v in validate_file(path)}
        assert messages == {"A readout must name exactly one source file."}, suffix


def test_built_dumps_conform(small_build, tmp_path):
    out = small_build.out
    assert validate_file(out / "readouts.nq") == []
    assert validate_file(out / "union.ttl") == []
    packed = tmp_path / "readouts.nq.gz"
    with open(out / "readouts.nq", "rb") as src, gzip.open(packed, "wb") as dst:
        shutil.copyfileobj(src, dst)
    assert validate_file(packed) == []


def test_non_rdf_file_is_a_one_line_parse_error(data_dir):
    with pytest.raises(RDFParseError) as info:
        validate_file(data_dir / "not_rdf.ttl")
    assert isinstance(info.value, KGError)
    assert "\n" not in str(info.value) and str(info.value)


def test_binary_file_is_a_parse_error(tmp_path):
    path = tmp_path / "noise.ttl"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(RDFParseError):
        validate_file(path)


def test_violations_are_sorted_and_unique():
    a = Violation("b", "p", "S", "m")
    b = Violation("a", "p", "S", "m")
    assert sorted({a, b, Violation("b", "p", "S", "m")}) == [b, a]

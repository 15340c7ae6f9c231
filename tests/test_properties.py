"""Property-based tests (hypothesis): the extractor never raises on any text; every graph it
produces conforms to shapes.ttl or is reported; no name, however odd, breaks an IRI or a
literal in any output format. Example counts are kept small so the suite stays fast."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef

from kg.errors import SourceError
from kg.extract import extract
from kg.model import Document, Endorsement, Event, Extraction, Participant, Span
from kg.build.pipeline import process_document
from kg.graph.rdf import Minter, extraction_triples, to_graph
from kg.sources.reader import document_from_text, drop_noncharacters
from kg.build.store import quad_lines, write_turtle
from kg.graph.validate import validate_graph

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
RAPPER = shutil.which("rapper")
IRI = re.compile(r'^[a-z][a-z0-9+.-]*:[^\x00-\x20<>"{}|^`\\\x7f-\x9f]*$')


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# real lines of readouts in four languages: recombined, they reach deep into the extractor
READOUT_LINES = sorted({line for path in [ROOT / "sources" / "000_a35c0205b5cb6fd1.txt",
                                          *sorted((ROOT / "tests" / "gold").glob("*_0[1-3]_*.txt"))]
                        for line in _lines(path)})

ANY_TEXT = st.text(max_size=400)
READOUT_LIKE = st.lists(
    st.one_of(st.sampled_from(READOUT_LINES), st.text(max_size=60),
              st.tuples(st.sampled_from(READOUT_LINES), st.text(max_size=8), st.integers(0, 200)).map(
                  lambda t: t[0][:t[2]] + t[1] + t[0][t[2]:])),
    min_size=1, max_size=10).map("\n\n".join)


READOUTS = [path.read_text(encoding="utf-8") for path in
            [ROOT / "sources" / "000_a35c0205b5cb6fd1.txt", *sorted((ROOT / "tests" / "gold").glob("*_0[1-4]_*.txt"))]]


def _mutate(text: str, edits: list[tuple[float, int, str]]) -> str:
    """Apply (where, how many characters to delete, what to insert) edits to a readout."""
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut:]
    return text


MUTATED_READOUT = st.builds(_mutate, st.sampled_from(READOUTS), st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 30), st.text(max_size=30)), max_size=4))


def _document(text: str) -> Document | None:
    try:
        return document_from_text(text, "prop.txt")
    except SourceError:
        return None  # blank text: refused, which is a report, not a crash


@settings(max_examples=80, **SETTINGS)
@given(ANY_TEXT)
def test_extractor_never_raises_on_arbitrary_text(registry, text):
    document = _document(text)
    assume(document is not None)
    result = extract(document, registry)
    # a language read, or one recognised and reported as not read (never a crash)
    assert result.lang in registry.language_codes
    if result.lang not in registry.languages:
        assert result.notes and result.notes[0].startswith(f"unsupported language: {result.lang}")


@settings(max_examples=60, **SETTINGS)
@given(READOUT_LIKE)
def test_extractor_never_raises_on_readout_like_text(registry, text):
    document = _document(text)
    assume(document is not None)
    result = extract(document, registry)
    for event in result.events:
        assert 0 <= event.evidence.start < event.evidence.end <= len(document.text)


@settings(max_examples=40, **SETTINGS)
@given(st.one_of(MUTATED_READOUT, READOUT_LIKE))
def test_every_graph_conforms_or_is_reported(registry, text):
    document = _document(text)
    assume(document is not None)
    outcome = process_document(document, registry)
    event("error" if outcome.error else "violations" if outcome.violations else "published")
    if outcome.error:
        assert outcome.error.startswith("prop.txt: ") and "\n" not in outcome.error
        return
    if outcome.violations:
        assert all("\n" not in v.line() for v in outcome.violations)
        return
    # published: what the dump would hold, parsed back, still conforms
    dataset = Dataset()
    dataset.parse(data=quad_lines(outcome.triples, outcome.graph_iri), format="nquads")
    graph = Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    assert validate_graph(graph) == []


# ---- odd names in every output format ------------------------------------------------------
ODD = st.one_of(
    st.sampled_from(['Wang "Yi"', "<script>alert(1)</script>", "Wang\nYi", "Wang\n\nYi", "  spaced   name  ",
                     "back\\slash", "\u202eRTL override\u202c", "\u200fמשה כהן\u200f", "عبد الله", "tab\there",
                     "nul\x00bell\x07esc\x1b", "del\x7f", "\ufeffbom", "nonchar\ufffe\uffff", "}{|^`", "a > b & c",
                     "emoji 🇨🇳 🤝", "combining e\u0301", "'single' quotes", "\"\"\"triple\"\"\"", "#frag?q=1", "@en"]),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=25),
).map(lambda s: unicodedata.normalize("NFC", drop_noncharacters(s.replace("\r\n", "\n").replace("\r", "\n")))
       ).filter(bool)  # as document_from_text (names, headlines) and the manifest leave text


def test_noncharacters_are_dropped_at_the_door():
    assert document_from_text("Wang\ufffe Yi\uffff \U0010ffff", "a.txt").text == "Wang Yi "


def _odd_extraction(names: list[str], headline: str, source: str, url: str) -> Extraction:
    text = f"{headline}\n\n" + " met ".join(names) + ".\n\nThey supported each other.\n"
    spans = []
    cursor = len(headline) + 2
    for name in names:
        spans.append(Span(cursor, cursor + len(name)))
        cursor += len(name) + len(" met ")
    sentence = Span(len(headline) + 2, text.index(".\n\nThey") + 1)
    stance = Span(text.index("They"), len(text) - 1)
    countries = ["CHN", "KAZ", "FRA", "RUS"]
    participants = [Participant(name=n, country=countries[i % 4], roles={"foreign_minister": f"Minister {n}"},
                                evidence=spans[i], role_evidence={"foreign_minister": spans[i]})
                    for i, n in enumerate(names)]
    document = Document(source=source, text=text, sha256=f"{abs(hash((text, source))):064d}"[-64:], url=url,
                        publisher=headline, licence=source)
    event = Event("meeting", "2021-01-21", False, participants, sentence)
    endorsement = Endorsement("KAZ", "support", "CHN", "Xinjiang", stance)
    return Extraction(document, "en", "2021-01-22", False, headline, "CHN", [event], [endorsement])


def _triples_of(parsed: Graph | Dataset) -> set:
    return {(s, p, o) for s, p, o, *_ in (parsed.quads() if isinstance(parsed, Dataset) else parsed)}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("odd_names")


@settings(max_examples=25, **SETTINGS)
@given(names=st.lists(ODD, min_size=2, max_size=3, unique_by=lambda n: n.strip().lower()), headline=ODD,
       source=ODD, url=ODD)
def test_odd_names_never_break_an_iri_or_a_literal(registry, scratch, names, headline, source, url):
    extraction = _odd_extraction(names, headline, source, url)
    mint = Minter()
    triples = extraction_triples(extraction, registry, mint)
    graph_iri = str(mint.readout(extraction.document.sha256))
    expected = set(triples)
    for term in (t for triple in triples for t in triple):
        if isinstance(term, URIRef):
            assert IRI.match(str(term)), term
    literals = {str(o) for _, _, o in triples if isinstance(o, Literal)}
    for value in [*names, headline, source, url]:
        assert value in literals or any(value in v for v in literals), value

    # N-Quads, as the dump writes it: rdflib and pyoxigraph read back exactly the same terms
    nq = scratch / "odd.nq"
    nq.write_text(quad_lines(triples, graph_iri), encoding="utf-8")
    dataset = Dataset()
    dataset.parse(nq, format="nquads")
    assert _triples_of(dataset) == expected
    import pyoxigraph as ox

    assert len(list(ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS))) == len(expected)

    # Turtle: the union writer (pyoxigraph) and rdflib's serializer (`kg extract --format turtle`)
    ttl = scratch / "odd.ttl"
    write_turtle(nq, ttl)
    assert _triples_of(Graph().parse(ttl, format="turtle")) == expected
    rdflib_ttl = to_graph(triples).serialize(format="turtle")
    assert _triples_of(Graph().parse(data=rdflib_ttl, format="turtle")) == expected

    # JSON (`kg extract --format json`): the names come back as written
    from kg.evaluation.gold import graph_to_gold

    gold = json.loads(json.dumps(graph_to_gold(to_graph(triples), URIRef(graph_iri)), ensure_ascii=False))
    assert sorted(p["name"] for e in gold["events"] for p in e["participants"]) == sorted(names)

    if RAPPER:
        for path, syntax in ((nq, "nquads"), (ttl, "turtle")):
            run = subprocess.run([RAPPER, "-q", "-i", syntax, "-c", str(path)], capture_output=True, text=True)
            assert run.returncode == 0, (syntax, run.stderr)

    _check_exports(nq, names)


def _check_exports(nq: Path, names: list[str]) -> None:
    """GEXF and CSV of the interactions view: well-formed, and every person in them."""
    try:
        from kg.views.export import generate_csv, generate_gexf
        from kg.views.snapshot import load_snapshot
        from kg.build.store import load_store
        from kg.views.graphs import build_view
    except ImportError:  # the exports are another module's; test them when they are there
        return
    view = build_view("interactions", load_snapshot(load_store(nq)))
    root = ET.fromstring(generate_gexf(view).encode("utf-8"))
    labels = [node.get("label") for node in root.iter() if node.tag.endswith("}node")]
    assert len(labels) == len(names)
    nodes, edges = generate_csv(view)
    rows = list(csv.reader(io.StringIO(nodes)))
    assert len(rows) == 1 + len(names) and len({len(r) for r in rows}) == 1
    assert len(list(csv.reader(io.StringIO(edges)))) >= 2

"""kg.graph.rdf: stable IRIs, exact evidence offsets, and N-Triples terms that parse back."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from kg import namespaces as ns  # ns.XSD: rdflib warns when pytest probes an imported XSD
from kg.namespaces import DEFAULT_BASE, KG, OA, ORG, PROV, RDF, RDFS
from kg.graph.rdf import Minter, extraction_triples, ntriples_term, to_graph, topic_iri

FACT_CLASSES = (KG.Participation, KG.RoleHolding, KG.Endorsement)


# ---- provenance ------------------------------------------------------------------------
def _evidence_nodes(graph: Graph):
    return sorted(graph.subjects(RDF.type, KG.Evidence))


def _selectors(graph: Graph, evidence):
    exact = start = end = None
    for selector in graph.objects(evidence, OA.hasSelector):
        exact = graph.value(selector, OA.exact) or exact
        start = graph.value(selector, OA.start) if graph.value(selector, OA.start) is not None else start
        end = graph.value(selector, OA.end) if graph.value(selector, OA.end) is not None else end
    return exact, start, end


def test_pipeline_text_is_the_file_text(seed_outcome, seed_text):
    # Offsets index the decoded text; for the seed (UTF-8, NFC, LF) that is the file itself.
    assert seed_outcome.extraction.document.text == seed_text


def test_every_evidence_slices_the_text_back_to_its_quote(seed_graph, seed_text, seed_readout):
    evidence = _evidence_nodes(seed_graph)
    assert evidence
    for node in evidence:
        exact, start, end = _selectors(seed_graph, node)
        assert exact is not None and start is not None and end is not None, node
        assert start.datatype == ns.XSD.nonNegativeInteger and end.datatype == ns.XSD.nonNegativeInteger
        assert 0 <= start.toPython() < end.toPython() <= len(seed_text)
        assert seed_text[start.toPython():end.toPython()] == str(exact), node
        assert seed_graph.value(node, OA.hasSource) == seed_readout


def test_every_event_and_fact_has_evidence(seed_graph):
    events = set(seed_graph.subjects(KG.participation, None))
    assert events
    facts = set(events)
    for cls in FACT_CLASSES:
        nodes = set(seed_graph.subjects(RDF.type, cls))
        assert nodes, cls
        facts |= nodes
    for node in facts:
        evidence = list(seed_graph.objects(node, KG.evidence))
        assert evidence, node
        assert all((e, RDF.type, KG.Evidence) in seed_graph for e in evidence)


def test_evidence_quotes_the_sentence_that_says_it(seed_graph):
    """The evidence of (KAZ, support, CHN, Xinjiang) is a sentence naming Xinjiang."""
    found = []
    for node in seed_graph.subjects(RDF.type, KG.Endorsement):
        endorser = seed_graph.value(seed_graph.value(node, KG.endorser), KG.iso3)
        target = seed_graph.value(seed_graph.value(node, KG.target), KG.iso3)
        topic = seed_graph.value(seed_graph.value(node, KG.topic), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))
        if (str(endorser), str(target), str(topic)) == ("KAZ", "CHN", "Xinjiang"):
            exact, _, _ = _selectors(seed_graph, seed_graph.value(node, KG.evidence))
            found.append(str(exact))
    assert len(found) == 1
    assert "Xinjiang" in found[0] and "Kazakhstan" in found[0]


def test_event_evidence_reports_the_call(seed_graph):
    event = next(seed_graph.subjects(KG.participation, None))
    exact, _, _ = _selectors(seed_graph, seed_graph.value(event, KG.evidence))
    assert "téléphon" in str(exact) and "Wang Yi" in str(exact)


def test_every_fact_is_generated_by_the_extraction(seed_graph, seed_readout):
    activity = URIRef(f"{seed_readout}#extraction")
    assert (activity, RDF.type, KG.Extraction) in seed_graph
    assert (activity, PROV.used, seed_readout) in seed_graph
    for cls in FACT_CLASSES:
        for node in seed_graph.subjects(RDF.type, cls):
            assert (node, PROV.wasGeneratedBy, activity) in seed_graph, node


def test_role_holdings_link_person_state_and_role(seed_graph):
    holdings = list(seed_graph.subjects(RDF.type, KG.RoleHolding))
    assert len(holdings) == 4  # two posts each for Wang Yi and Mukhtar Tleuberdi (the gold)
    for holding in holdings:
        person = seed_graph.value(holding, ORG.member)
        assert seed_graph.value(holding, ORG.organization) == seed_graph.value(person, KG.represents)
        title = seed_graph.value(holding, KG.titleAsWritten)
        assert title.language == "fr"


# ---- IRIs ------------------------------------------------------------------------------
@pytest.mark.parametrize("base", ["https://example.org/kg/", "http://example.org/kg#", "https://example.org/kg/v1.0/"])
def test_minter_accepts_absolute_bases(base):
    assert Minter(base).state("KAZ") == URIRef(f"{base}state/KAZ")


@pytest.mark.parametrize("base", ["", "example.org/kg/", "https://example.org/kg", "https://exa mple.org/", "kg:"])
def test_minter_rejects_bad_bases(base):
    with pytest.raises(ValueError, match="--base"):
        Minter(base)


def test_iris_are_stable_and_follow_the_base(seed_outcome, registry):
    first = extraction_triples(seed_outcome.extraction, registry, Minter())
    again = extraction_triples(seed_outcome.extraction, registry, Minter())
    assert first == again
    other = extraction_triples(seed_outcome.extraction, registry, Minter("https://example.org/kg/"))
    assert len(other) == len(first)
    minted = {str(t) for triple in other for t in triple if isinstance(t, URIRef) and "example.org" in str(t)}
    assert minted and not any(str(t).startswith(DEFAULT_BASE) for triple in other for t in triple)


def test_person_iri_keyed_by_country_and_folded_name():
    mint = Minter()
    assert mint.person("Sergueï Lavrov", "RUS") == mint.person("Serguei Lavrov", "RUS")
    assert mint.person("Wang Yi", "CHN") != mint.person("Wang Yi", "SGP")


def test_triples_are_sorted_and_unique(seed_outcome):
    triples = seed_outcome.triples
    assert len(triples) == len(set(triples))
    keys = [tuple(ntriples_term(t) for t in triple) for triple in triples]
    assert keys == sorted(keys)


def test_topic_iri_slugs():
    assert str(topic_iri("Hong Kong")).endswith("/topic/hong-kong")
    assert str(topic_iri("COVID-19")).endswith("/topic/covid-19")
    assert topic_iri("Belt and Road Initiative") == topic_iri("belt and road initiative")


def test_labels_and_names_are_plain_strings(seed_graph):
    for person in seed_graph.subjects(RDF.type, KG.Person):
        label = seed_graph.value(person, RDFS.label)
        assert isinstance(label, Literal) and label.language is None and label.datatype is None


# ---- N-Triples terms -------------------------------------------------------------------
@pytest.mark.parametrize("term", [
    Literal('a "quoted"\nline\twith \\ backslash'),
    Literal("Conseiller d'État", lang="fr"),
    Literal("2021-01-21", datatype=ns.XSD.date),
    Literal("\x01control\x7f"),
    Literal("中华人民共和国"),
    URIRef("https://example.org/kg/person/CHN/王毅"),
])
def test_ntriples_term_round_trips(term):
    line = f"<https://example.org/s> <https://example.org/p> {ntriples_term(term)} .\n"
    parsed = Graph().parse(data=line, format="nt")
    assert list(parsed.objects()) == [term]


def test_ntriples_term_escapes_characters_iris_cannot_hold():
    assert ntriples_term(URIRef("https://example.org/a b")) == "<https://example.org/a%20b>"


def test_ntriples_term_of_blank_node_and_plain_string():
    assert ntriples_term(BNode("b1")) == "_:b1"
    assert ntriples_term(Literal("x", datatype=ns.XSD.string)) == '"x"'
    with pytest.raises(TypeError):
        ntriples_term("not a term")  # type: ignore[arg-type]


def test_to_graph_binds_the_project_prefixes(seed_outcome):
    graph = to_graph(seed_outcome.triples)
    prefixes = dict(graph.namespaces())
    assert URIRef(str(KG._NS)) == prefixes["kg"]
    assert "oa" in prefixes and "prov" in prefixes


def test_every_encounter_is_also_a_kg_encounter(seed_graph):
    """`?e a kg:Encounter` finds every encounter without the ontology's subclass axioms."""
    events = set(seed_graph.subjects(KG.participation, None))
    assert events and all((e, RDF.type, KG.Encounter) in seed_graph for e in events)


def test_an_endorsement_says_where_and_by_whom(seed_graph):
    """kg:statedAt the readout's encounter (hence its date), kg:speaker the one participant of
    the endorsing side: "What did Tleuberdi say at his call with Wang Yi?" can be asked."""
    (event,) = set(seed_graph.subjects(KG.participation, None))
    endorsements = list(seed_graph.subjects(RDF.type, KG.Endorsement))
    assert endorsements
    for e in endorsements:
        assert list(seed_graph.objects(e, KG.statedAt)) == [event]
        (speaker,) = seed_graph.objects(e, KG.speaker)
        endorser = seed_graph.value(e, KG.endorser)
        assert seed_graph.value(speaker, KG.represents) == endorser
    speakers = {str(seed_graph.value(s, RDFS.label)) for s in seed_graph.objects(None, KG.speaker)}
    assert speakers == {"Wang Yi", "Mukhtar Tleuberdi"}


def test_a_side_with_two_participants_names_no_speaker(registry):
    """Who spoke for a side of two is not known: no kg:speaker rather than a guess."""
    import textwrap

    from kg.extract import extract
    from kg.model import Document
    from kg.graph.rdf import Minter, extraction_triples

    text = textwrap.dedent("""\
        Le 3 mars 2021, le ministre des Affaires étrangères Wang Yi et le vice-ministre Le Yucheng ont rencontré le ministre kazakh des Affaires étrangères Mukhtar Tleuberdi.

        M. Tleuberdi a déclaré que le Kazakhstan soutient fermement la position de la Chine sur la question de Taiwan.

        M. Wang a déclaré que la Chine soutient fermement le Kazakhstan dans la sauvegarde de sa souveraineté et de son intégrité territoriale.
        """)
    extraction = extract(Document(source="t.txt", text=text, sha256="1" * 64, lang="fr"), registry)
    triples = extraction_triples(extraction, registry, Minter())
    by_endorser = {}
    for s, p, o in triples:
        if p == KG.endorser:
            by_endorser[s] = o
    speakers = {s: o for s, p, o in triples if p == KG.speaker}
    assert {str(e).rsplit("/", 1)[-1] for e in by_endorser.values()} == {"CHN", "KAZ"}
    for statement, endorser in by_endorser.items():
        if str(endorser).endswith("/CHN"):
            assert statement not in speakers
        else:
            assert statement in speakers


def test_an_iris_form_is_the_same_each_time_it_is_written():
    # forms of IRIs are kept per process: the second time must print as the first, and an
    # IRI with characters N-Triples refuses is escaped both times
    for iri in ("http://example.org/a b", "http://example.org/c"):
        first = ntriples_term(URIRef(iri))
        assert ntriples_term(URIRef(iri)) == first
    assert ntriples_term(URIRef("http://example.org/a b")) == "<http://example.org/a%20b>"
    assert ntriples_term(Literal("http://example.org/c")) == '"http://example.org/c"'  # a literal is not an IRI


def test_two_encounters_of_the_same_people_keep_their_own_participations(registry):
    """A readout reporting a call and then a meeting of the same two officials (or two calls
    on two days) gives each encounter its own participation and role nodes, and the graph
    passes the shapes: one node shared by two encounters would reject the whole readout."""
    import dataclasses

    from kg.extract import extract
    from kg.graph.validate import validate_triples
    from kg.model import Document

    text = "Le 3 mars 2021, le ministre des Affaires étrangères Wang Yi s'est entretenu au téléphone avec le ministre kazakh des Affaires étrangères Mukhtar Tleuberdi.\n"
    extraction = extract(Document(source="t.txt", text=text, sha256="2" * 64, lang="fr"), registry)
    [call] = extraction.events
    extraction.events.append(dataclasses.replace(call, type="meeting"))
    extraction.events.append(dataclasses.replace(call, date=None))
    triples = extraction_triples(extraction, registry, Minter())
    assert validate_triples(triples) == []
    at = {}
    for s, p, o in triples:
        if p == KG.atEncounter:
            at.setdefault(s, set()).add(o)
    assert len(at) == 2 * 3 + 2 * 3  # two people at three encounters, and a role each there
    assert all(len(encounters) == 1 for encounters in at.values())


def test_an_undated_encounter_is_always_undated_by_inference():
    """Whichever rule makes it, an encounter with no day says its date is inferred (the shapes
    reject one that says it was read)."""
    from kg.model import Event, Span

    assert Event("meeting", None, False, [], Span(0, 1)).date_inferred is True
    assert Event("meeting", "2021-03-03", False, [], Span(0, 1)).date_inferred is False


def test_a_participant_without_a_name_is_left_out():
    from kg.extract.encounters import named_only
    from kg.model import Event, Participant, Span

    event = Event("meeting", "2021-03-03", False, [Participant(name="", country="CHN", roles={}),
                                                   Participant(name="Wang Yi", country="CHN", roles={})], Span(0, 1))
    assert [p.name for p in named_only([event])[0].participants] == ["Wang Yi"]

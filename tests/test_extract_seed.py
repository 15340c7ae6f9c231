"""The seed readout, read back from its graph, equals its gold file (ANNOTATION.md §5)."""

from __future__ import annotations

from kg.evaluation.gold import GOLD_KEYS, graph_to_gold


def test_seed_is_processed_without_violations(seed_outcome):
    assert seed_outcome.error is None
    assert seed_outcome.violations == []
    assert seed_outcome.ok


def test_seed_graph_gives_the_gold_format(seed_graph, seed_readout):
    predicted = graph_to_gold(seed_graph, seed_readout)
    assert tuple(predicted) == GOLD_KEYS


def test_seed_header(seed_graph, seed_readout, seed_gold):
    predicted = graph_to_gold(seed_graph, seed_readout)
    assert (predicted["source"], predicted["lang"], predicted["published"]) == (
        seed_gold["source"], seed_gold["lang"], seed_gold["published"])


def test_seed_events_and_participants_with_roles(seed_graph, seed_readout, seed_gold, as_sets):
    predicted = as_sets(graph_to_gold(seed_graph, seed_readout))
    assert predicted["events"] == as_sets(seed_gold)["events"]


def test_seed_endorsements(seed_graph, seed_readout, seed_gold, as_sets):
    predicted = graph_to_gold(seed_graph, seed_readout)
    assert as_sets(predicted)["endorsements"] == as_sets(seed_gold)["endorsements"]
    # the same (endorser, stance, target, topic) stated twice is one record
    assert len(predicted["endorsements"]) == len(seed_gold["endorsements"])


def test_seed_titles_as_written(seed_graph, seed_readout, seed_gold):
    def titles(doc):
        return {(p["name"], frozenset(p["titles"])) for e in doc["events"] for p in e["participants"]}

    assert titles(graph_to_gold(seed_graph, seed_readout)) == titles(seed_gold)


def test_seed_extraction_matches_its_graph(seed_outcome, seed_graph, seed_readout, as_sets):
    """Nothing is lost between the extractor's objects and the published graph."""
    extraction = seed_outcome.extraction
    from_graph = as_sets(graph_to_gold(seed_graph, seed_readout))
    assert from_graph["endorsements"] == {e.key for e in extraction.endorsements}
    assert {(e.type, e.date) for e in extraction.events} == {(t, d) for t, d, _, _ in from_graph["events"]}

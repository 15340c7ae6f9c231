"""kg.sparql.order: a query's closing ORDER BY applied in Python gives the engine's own order,
and the engine sorts whatever this module does not reproduce."""

from __future__ import annotations

import pytest
from minidata import mini, mini_store  # noqa: F401  (fixtures)

import kg.sparql.order as order
from kg.sparql.order import Unsortable, sort_rows, split_order
from kg.sparql.query import list_queries, on_deep_stack, stream_query

EX = "http://example.org/"
# names in code-point order that no case-folding or locale sort keeps (Z < a < é < 王), numbers
# whose text order differs from their value (10 after 9), dates, and values left unbound
DATA = f"""
<{EX}s1> <{EX}p> "x" ; <{EX}name> "a" ; <{EX}n> 10 ; <{EX}day> "2024-01-05"^^<http://www.w3.org/2001/XMLSchema#date> .
<{EX}s2> <{EX}p> "x" ; <{EX}name> "Z" ; <{EX}n> 9 ; <{EX}day> "2023-12-31"^^<http://www.w3.org/2001/XMLSchema#date> .
<{EX}s3> <{EX}p> "x" ; <{EX}name> "王" ; <{EX}n> 9 .
<{EX}s4> <{EX}p> "x" ; <{EX}name> "é" .
<{EX}s5> <{EX}p> "x" ; <{EX}name> "a" ; <{EX}n> 2 ; <{EX}day> "2024-01-05"^^<http://www.w3.org/2001/XMLSchema#date> .
<{EX}s6> <{EX}p> "x" ; <{EX}n> 9 ; <{EX}name> <{EX}iri-name> .
<{EX}s7> <{EX}p> "x" .
"""
SELECT = f"SELECT ?s ?name ?n ?day WHERE {{ ?s <{EX}p> ?x OPTIONAL {{ ?s <{EX}name> ?name }} " \
         f"OPTIONAL {{ ?s <{EX}n> ?n }} OPTIONAL {{ ?s <{EX}day> ?day }} }}"


@pytest.fixture()
def store():
    import pyoxigraph as ox

    store = ox.Store()
    store.load(DATA, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(EX + "g"))
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


def _engine(store, text):
    answer = store.query(text)
    width = range(len(answer.variables))
    return [tuple(s[i] for i in width) for s in answer]


def _ours(store, text):
    return on_deep_stack(lambda: list(stream_query(store, text).rows))


@pytest.fixture()
def calls(monkeypatch):
    """How often the rows were sorted here (and not by the engine)."""
    seen = []

    def spy(*args):
        seen.append(args[2])
        return sort_rows(*args)

    monkeypatch.setattr(order, "sort_rows", spy)
    return seen


@pytest.mark.parametrize("keys", ["?name ?n ?s", "DESC(?n) ?name ?s", "?day ASC(?name) ?s", "?n DESC(?day) ?s",
                                  "?s"])
def test_rows_sorted_here_come_in_the_engines_order(store, calls, keys):
    text = f"{SELECT}\n# the order\nORDER BY {keys}\n"
    assert _ours(store, text) == _engine(store, text)
    assert calls, "the rows were not sorted in Python"


@pytest.mark.parametrize("clause", ["ORDER BY ?name LIMIT 3", "ORDER BY STRLEN(?name) ?s", "ORDER BY ?hidden ?s"])
def test_what_is_not_reproduced_is_left_to_the_engine(store, calls, clause):
    text = f"{SELECT}\n{clause}\n"
    assert _ours(store, text) == _engine(store, text)
    assert not calls or clause.startswith("ORDER BY ?hidden")  # a variable not projected: tried, then refused


def test_a_language_tag_or_a_blank_node_is_left_to_the_engine(store, calls):
    store.update(f'INSERT DATA {{ <{EX}s8> <{EX}p> "x" ; <{EX}name> "b"@en . <{EX}s9> <{EX}p> "x" ; <{EX}name> [] }}')
    text = f"{SELECT} ORDER BY ?name ?s"
    assert _ours(store, text) == _engine(store, text)
    import pyoxigraph as ox

    with pytest.raises(Unsortable):
        sort_rows([(ox.Literal("b", language="en"),)], ["name"], [("name", False)])
    with pytest.raises(Unsortable):
        sort_rows([(ox.Literal("b"),), (ox.Literal("1", datatype=ox.NamedNode(EX + "t")),)], ["name"], [("name", False)])


def test_only_the_closing_order_by_of_plain_variables_is_split():
    assert split_order("SELECT * { ?s ?p ?o } ORDER BY ?s DESC(?o) # why\n") == \
        ("SELECT * { ?s ?p ?o }\n", [("s", False), ("o", True)])
    assert split_order("SELECT * { { SELECT ?s { ?s ?p ?o } ORDER BY ?s } }") is None
    assert split_order("SELECT * { ?s ?p ?o } ORDER BY ?s OFFSET 2") is None
    assert split_order('SELECT * { ?s ?p ?o } ORDER BY (?s = "}")') is None
    assert split_order("ASK { ?s ?p ?o }") is None


def test_too_many_rows_are_left_to_the_engine(store, monkeypatch):
    monkeypatch.setattr(order, "MAX_SORTED_ROWS", 2)
    with pytest.raises(Unsortable):
        sort_rows([(None,)] * 3, ["s"], [("s", False)])
    text = f"{SELECT} ORDER BY ?name ?s"
    assert _ours(store, text) == _engine(store, text)


@pytest.mark.parametrize("name", sorted(list_queries()))
def test_every_ready_query_gives_the_engines_order(mini_store, name):
    text = list_queries()[name].read_text(encoding="utf-8")
    assert _ours(mini_store, text) == _engine(mini_store, text)

"""kg.sparql.params and `kg query --param`: ready queries take parameters, bound by VALUES."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cli import main
from kg.errors import QueryError
from kg.sparql.params import bind_params, query_params
from kg.sparql.query import list_queries, read_query, run_query
from minidata import mini, mini_store  # noqa: F401  (fixtures)


def test_every_declared_parameter_has_a_values_block_and_a_known_kind():
    declared = {name: query_params(read_query(name)) for name in list_queries()}
    assert {p.name for p in declared["endorsers-of-state"]} == {"state", "topic"}
    assert {p.name for p in declared["counterparts"]} == {"state"}
    assert {p.name for p in declared["actor-events"]} == {"actor", "from", "to"}
    assert [p.default_shown for p in declared["endorsers-of-state"]] == ["CHN", "xinjiang"]


@pytest.mark.parametrize("given, term", [
    ({"topic": "taiwan"}, "<https://w3id.org/readout-kg/vocab/topic/taiwan>"),
    ({"topic": "台湾"}, "<https://w3id.org/readout-kg/vocab/topic/taiwan>"),
    ({"state": "Russie"}, "<https://w3id.org/readout-kg/id/state/RUS>"),
    ({"state": "ONU"}, "<https://w3id.org/readout-kg/id/org/UN>"),
])
def test_a_value_becomes_the_term_it_names(registry, given, term):
    text = bind_params(read_query("endorsers-of-state"), given, registry)
    assert term in text
    assert text.count("VALUES") == read_query("endorsers-of-state").count("VALUES")


def test_dates_take_their_first_or_last_day(registry):
    text = bind_params(read_query("actor-events"), {"from": "2021", "to": "2022-02"}, registry)
    assert '"2021-01-01"^^<http://www.w3.org/2001/XMLSchema#date>' in text
    assert '"2022-02-28"^^<http://www.w3.org/2001/XMLSchema#date>' in text


@pytest.mark.parametrize("given, message", [
    ({"topic": "taiwn"}, "did you mean Taiwan"),
    ({"colour": "red"}, "unknown parameter 'colour'; this query takes: state, topic"),
    ({"state": "Atlantis"}, "unknown state or organisation 'Atlantis'"),
])
def test_a_wrong_value_is_an_error_that_helps(registry, given, message):
    with pytest.raises(QueryError, match=message):
        bind_params(read_query("endorsers-of-state"), given, registry)


def test_the_value_never_enters_the_query_as_text(registry):
    """A value that looks like SPARQL is looked up, not pasted: it names nothing, so it fails."""
    with pytest.raises(QueryError):
        bind_params(read_query("counterparts"), {"state": "CHN> } } DROP ALL #"}, registry)


def test_parameters_change_the_answer(mini_store, registry):
    xinjiang = run_query(mini_store, read_query("endorsers-of-state")).values()
    taiwan = run_query(mini_store, bind_params(read_query("endorsers-of-state"), {"topic": "taiwan"}, registry)).values()
    assert xinjiang and taiwan and xinjiang != taiwan
    assert {row[1] for row in taiwan} == {"RUS"}


def test_cli_param_and_list(mini):
    runner = CliRunner()
    result = runner.invoke(main, ["query", "-n", "endorsers-of-state", "--dump", str(mini), "--format", "csv",
                                  "--param", "topic=Taïwan", "-p", "state=china"])
    assert result.exit_code == 0, result.output
    assert "RUS" in result.output
    listed = runner.invoke(main, ["query", "--list"])
    assert "state=CHN (state); topic=xinjiang (topic)" in listed.output
    bad = runner.invoke(main, ["query", "-n", "counterparts", "--dump", str(mini), "-p", "state"])
    assert bad.exit_code == 2 and "NAME=VALUE" in bad.output

"""Filters that forgive (issue 13): `--state China`, `--topic 台湾`, `--ego Kouleba` resolve
through the registry; a value that names nothing is an error that says what it might be."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cli import main
from kg.errors import KGError
from kg.views.graphs import make_filters
from minidata import mini  # noqa: F401  (fixture)


def test_states_and_topics_by_any_name(registry):
    f = make_filters(states=["China", "Kazakhstan", "ONU"], topics=["台湾", "xinjiang"], registry=registry)
    assert f.states == {"CHN", "KAZ", "UN"}
    assert f.topics == {"taiwan", "xinjiang"}


@pytest.mark.parametrize("kind, value, hint", [("states", "Chnia", "CHN"), ("topics", "taiwn", "Taiwan")])
def test_a_value_that_names_nothing_is_an_error(registry, kind, value, hint):
    with pytest.raises(KGError, match=f"did you mean {hint}"):
        make_filters(**{kind: [value]}, registry=registry)


@pytest.mark.parametrize("args, expected", [
    (["--state", "Kazakhstan"], 0), (["--state", "XYZ"], 2), (["--topic", "taiwn"], 2), (["--ego", "王毅"], 0),
    (["--ego", "Lavrov"], 0),
])
def test_cli_view_filters(mini, args, expected):
    result = CliRunner().invoke(main, ["view", "interactions", "--dump", str(mini), *args])
    assert result.exit_code == expected, result.output
    if expected == 2:
        assert "unknown" in result.output and "Traceback" not in result.output


def test_view_as_csv_for_spreadsheets(mini):
    import csv

    result = CliRunner().invoke(main, ["view", "endorsements", "--dump", str(mini), "--csv", "edges"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert rows and {"Source", "Target", "Weight"} <= set(rows[0])
    nodes = CliRunner().invoke(main, ["view", "endorsements", "--dump", str(mini), "--csv", "nodes"])
    assert "Id" in nodes.stdout.splitlines()[0]


@pytest.mark.parametrize("fmt, marker", [("turtle", "@prefix"), ("jsonld", '"@id"'), ("ntriples", "> .")])
def test_construct_answers_in_graph_formats(mini, fmt, marker):
    query = "CONSTRUCT { ?p a kg:Person } WHERE { ?p a kg:Person }"
    result = CliRunner().invoke(main, ["query", "-e", query, "--dump", str(mini), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert marker in result.stdout
    select = CliRunner().invoke(main, ["query", "-e", "SELECT * { ?s ?p ?o } LIMIT 1", "--dump", str(mini),
                                       "--format", fmt])
    assert select.exit_code == 2 and "CONSTRUCT and DESCRIBE" in select.output

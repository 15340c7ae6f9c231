"""The `kg` command as a whole: help for every command, one-line errors, exit codes."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cli import main

COMMANDS = sorted(main.commands)


def test_the_four_commands_exist():
    assert {"build", "extract", "eval", "validate"} <= set(COMMANDS)


def test_group_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name):
    command = main.commands[name]
    assert command.help and command.help.strip(), f"kg {name} has no docstring"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and f"kg {name}" in result.output


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "0.1.0" in result.output


@pytest.mark.parametrize("args", [
    ["build", "no/such/folder", "--out", "{tmp}/out"],
    ["extract", "no/such/readout.txt"],
    ["validate", "no/such/file.ttl"],
    ["eval", "no/such/gold"],
])
def test_missing_file_is_a_usage_error(args, tmp_path):
    """A user's mistake: exit code 2 and a short message, never a traceback."""
    result = CliRunner().invoke(main, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    assert "no/such" in result.stderr

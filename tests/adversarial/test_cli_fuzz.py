"""No traceback from any `kg` command on any input: every command is run in-process (click's
CliRunner) with random arguments and options, built from the command's own declaration, over
files of random content (bytes, bad UTF-8, one huge line, damaged real files). Each run must
end with a documented exit code, no traceback, and no uncaught exception; an unexpected
error must come out as the one-line "kg: internal error" (exit 70) of cli.KGGroup, and the
fuzzing itself asserts that none happens. Loopback only: no argument can name a remote URL."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from dev import in_ci
from minidata import write_mini_build

import cli
from cli import INTERNAL_ERROR, main
from kg.build.store import DUMP_NQ, DUMP_TTL

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sources" / "000_a35c0205b5cb6fd1.txt"
GOLD = next((ROOT / "tests" / "gold").glob("*.json"))
EXIT_CODES = {0, 1, 2}  # README: ok, rejected/violations, usage or environment error
LOOPBACK = "http://127.0.0.1:9/store"  # nothing listens there: refused at once
FILES = ["r.txt", "r.html", "r.ttl", "r.rdf", "r.nq", "r.jsonld", "r.trig", "r.csv", "r.json", "r.png", "r.svg",
         "r.gexf"]
PATHS = FILES + ["folder", "gold", "dump", "missing", "missing.png", "", "-", "folder/readout.txt"]


def _leaves(group: click.Group, prefix: tuple[str, ...] = ()) -> dict[str, click.Command]:
    """Every command to run, by its words: "build", "registry import"."""
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found.update(_leaves(command, (*prefix, name)))
        else:
            found[" ".join((*prefix, name))] = command
    return found


COMMANDS = _leaves(main)
# given last on every run, so that no run writes outside its temporary folder
PINNED = {"registry import": ["--into", "into.toml"]}

# ---- contents --------------------------------------------------------------------------------
_samples = [SEED.read_bytes(), GOLD.read_bytes(),
            b"file,url,publisher,lang,published,licence\nr.txt,x,y,fr,2021-01-02,z\n"]


def _damage(data: bytes, cut: float, insert: bytes) -> bytes:
    at = int(cut * len(data))
    return data[:at] + insert + data[at + len(insert):]


CONTENT = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(st.text(max_size=50), st.binary(min_size=1, max_size=4)).map(
        lambda t: t[0].encode("utf-8", "surrogatepass") + b"\xff\xfe" + t[1]),
    st.integers(1, 300_000).map(lambda n: b"x" * n),  # one huge line
    st.builds(_damage, st.sampled_from(_samples), st.floats(0, 1), st.binary(max_size=20)),
)
TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40).filter(lambda t: "://" not in t)
JUNK = st.one_of(TEXT, st.sampled_from(["-1", "0", "nan", "inf", "1e999", "--", "-x", "é", " ", "\t"]))


def _mostly(fitting: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``fitting`` four times in five, else junk: most runs get past the argument parser."""
    return st.integers(0, 4).flatmap(lambda n: fitting if n else JUNK)


def _value(param: click.Parameter) -> st.SearchStrategy[str]:
    """A value for ``param`` from its declared type, or junk."""
    kind = param.type
    if param.name == "to_url":
        return st.sampled_from([LOOPBACK, "ftp://127.0.0.1/x", "http://", "not a url"])
    if isinstance(kind, click.Choice):
        return _mostly(st.sampled_from(list(kind.choices)))
    if isinstance(kind, click.types.IntParamType):
        return _mostly(st.integers(-3, 10**6).map(str))
    if isinstance(kind, click.types.FloatParamType):
        return _mostly(st.one_of(st.floats(-1, 100).map(str), st.sampled_from(["nan", "inf", "0.001"])))
    if isinstance(kind, click.Path):
        return _mostly(st.sampled_from(PATHS))
    return JUNK


def _option(param: click.Option) -> st.SearchStrategy[list[str]]:
    names = st.sampled_from(param.opts + param.secondary_opts)
    if param.is_flag:
        return names.map(lambda n: [n])
    return st.tuples(names, _value(param)).map(list)


def _arguments(command: click.Command) -> st.SearchStrategy[list[str]]:
    parts = []
    for param in command.params:
        if isinstance(param, click.Argument):
            parts.append(st.lists(_value(param), min_size=1, max_size=3 if param.nargs == -1 else 1))
    options = [p for p in command.params if isinstance(p, click.Option)]
    required = [p for p in options if p.required]
    chosen = (st.lists(st.sampled_from(options), max_size=4) if options else st.just([])).map(
        lambda ps: list({p.name: p for p in ps}.values())).map(
        lambda ps: required + [p for p in ps if p not in required]).flatmap(
        lambda ps: st.tuples(*[_option(p) for p in ps]) if ps else st.just(()))
    extra = st.lists(JUNK, max_size=1)
    return st.tuples(st.tuples(*parts), chosen, extra).map(
        lambda t: [v for part in t[0] for v in part] + [v for option in t[1] for v in option] + t[2])


# ---- the world a run sees ------------------------------------------------------------------
@pytest.fixture(scope="module")
def mini_dump(tmp_path_factory) -> Path:
    return write_mini_build(tmp_path_factory.mktemp("mini"))


def _lay_out(where: Path, content: bytes, mini_dump: Path, damage_dump: bool) -> None:
    for name in FILES:
        (where / name).write_bytes(content)
    folder = where / "folder"
    folder.mkdir()
    (folder / "readout.txt").write_bytes(content)
    (folder / "other.html").write_bytes(content)
    (folder / "manifest.csv").write_bytes(content)
    (where / "gold").mkdir()
    (where / "gold" / "r.json").write_bytes(content)
    dump = where / "dump"
    shutil.copytree(mini_dump, dump)
    if damage_dump:
        (dump / DUMP_NQ).write_bytes(content)
        (dump / DUMP_TTL).write_bytes(content)
    (where / "sources").mkdir()  # the default SOURCES: one readout, so a default build is short
    (where / "sources" / "r.txt").write_bytes(content)


@contextmanager
def _no_serving():
    """`kg serve` binds its socket and returns at once instead of serving for ever."""
    import kg.serve.server

    real = kg.serve.server.make_server

    def bound(*args, **kwargs):
        server = real(*args, **kwargs)
        server.serve_forever = lambda *a, **k: None
        return server

    with mock.patch.object(kg.serve.server, "make_server", bound):
        yield


def _check(result, args: list[str]) -> None:
    shown = f"kg {' '.join(map(repr, args))} -> {result.exit_code}\n{result.output[-2000:]}"
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        shown, repr(result.exception))
    assert "Traceback" not in result.output, shown
    assert "internal error" not in result.output, shown
    assert result.exit_code in EXIT_CODES, shown


# the same examples on every CI run (a red CI names a real bug, never a lucky draw); new ones elsewhere
FUZZ = settings(max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", "12")), deadline=None, derandomize=in_ci(),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_random_arguments_and_files_never_give_a_traceback(name: str, mini_dump: Path, tmp_path: Path):
    command = COMMANDS[name]

    @FUZZ
    @given(args=_arguments(command), content=CONTENT, damage=st.booleans())
    def run(args: list[str], content: bytes, damage: bool) -> None:
        here = os.getcwd()
        with tempfile.TemporaryDirectory(dir=tmp_path) as where, _no_serving():
            _lay_out(Path(where), content, mini_dump, damage)
            os.chdir(where)  # relative names and the default folders (sources/, build/, dist/) land here
            try:
                result = CliRunner().invoke(main, [*name.split(), *args, *PINNED.get(name, [])])
            finally:
                os.chdir(here)
            _check(result, [*name.split(), *args])

    run()


# ---- every command at its natural arguments, over each kind of bad file ----------------------
NATURAL = {
    "agree": ["gold", "gold"],
    "build": ["folder", "--out", "out", "-j", "1"],
    "compare": ["--dump", "dump", "--format", "csv"],
    "eval": ["gold", "folder"],
    "eval-pairs": ["r.csv", "--texts", "folder"],
    "explain": ["2021", "--dump", "dump"],
    "export": ["interactions", "--dump", "dump", "-o", "out.gexf"],
    "extract": ["r.txt", "r.html", "--format", "turtle"],
    "plot": ["endorsements", "--dump", "dump", "-o", "out.png"],
    "publish": ["folder", "--build", "dump", "--out", "dist"],
    "query": ["--dump", "dump", "-e", "SELECT * WHERE { ?s ?p ?o } LIMIT 3"],
    "registry import": ["r.json", "--into", "into.toml"],
    "serve": ["--dump", "dump", "--port", "0"],
    "validate": ["r.rdf"],
    "view": ["interactions", "--dump", "dump"],
}
BAD = {
    "binary": bytes(range(256)) * 4,
    "bad-utf8": "Le 21 janvier 2021, ".encode() + b"\xff\xfe\xc3(" + "Wang Yi".encode() + b"\x00",
    "huge-line": b"<" + b"x" * 300_000,
    "half-seed": SEED.read_bytes()[: len(SEED.read_bytes()) // 2],
}
READS_THE_DUMP = sorted(name for name, args in NATURAL.items() if "dump" in args)


def test_every_command_is_in_the_table():
    assert set(NATURAL) == set(COMMANDS)


def _natural(name: str, tmp_path: Path):
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        with _no_serving():
            return CliRunner().invoke(main, [*name.split(), *NATURAL[name]])
    finally:
        os.chdir(here)


@pytest.mark.parametrize("bad", sorted(BAD))
@pytest.mark.parametrize("name", sorted(NATURAL))
def test_bad_files_at_the_natural_arguments(name: str, bad: str, mini_dump: Path, tmp_path: Path):
    _lay_out(tmp_path, BAD[bad], mini_dump, damage_dump=False)
    _check(_natural(name, tmp_path), [*name.split(), *NATURAL[name]])


@pytest.mark.parametrize("bad", ["binary", "half-seed"])
@pytest.mark.parametrize("name", READS_THE_DUMP)
def test_a_damaged_dump_at_the_natural_arguments(name: str, bad: str, mini_dump: Path, tmp_path: Path):
    _lay_out(tmp_path, BAD[bad], mini_dump, damage_dump=True)
    result = _natural(name, tmp_path)
    _check(result, [*name.split(), *NATURAL[name]])
    assert result.exit_code == 2 and "readouts.nq" in result.stderr


# ---- the mechanism itself ------------------------------------------------------------------
def test_an_unexpected_error_is_one_line_and_exit_70(monkeypatch, tmp_path: Path):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr("kg.graph.validate.validate_file", broken)
    (tmp_path / "x.ttl").write_text("", encoding="utf-8")
    monkeypatch.delenv("KG_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "x.ttl")])
    assert result.exit_code == INTERNAL_ERROR == 70
    assert result.stderr.splitlines() == ["kg: internal error: RuntimeError: a bug over two lines (please report; "
                                          "KG_DEBUG=1 shows where)"]
    monkeypatch.setenv("KG_DEBUG", "1")
    debug = CliRunner().invoke(main, ["validate", str(tmp_path / "x.ttl")])
    assert isinstance(debug.exception, RuntimeError)  # raised through, for the traceback


def test_library_warnings_are_one_line_each_and_capped(tmp_path: Path):
    # rdflib logs a traceback for each ill-typed literal; 30 of them here
    lines = "".join(f'<http://x/a> <http://x/p> "n{i}"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
                    for i in range(30))
    (tmp_path / "bad.nt").write_text(lines, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "bad.nt")])
    assert result.exit_code == 0 and "Traceback" not in result.output
    warnings = result.stderr.splitlines()
    assert len(warnings) == cli._WarningLines.LIMIT + 1
    assert all(line.startswith("kg: warning: rdflib.term: Failed to convert") for line in warnings[:-1])
    assert warnings[-1] == "kg: warning: further warnings not shown"

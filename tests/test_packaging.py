"""The wheel ships the schema and the registry data, and the installed package finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kg.resources import ONTOLOGY, SHAPES, schema_path


@pytest.fixture(scope="module")
def wheel(tmp_path_factory, repo_root) -> Path:
    """Built once with pip (build isolation fetches hatchling from PyPI)."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
         "-w", str(folder), str(repo_root)],
        check=True, timeout=120, capture_output=True,
    )
    wheels = list(folder.glob("readout_kg-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


@pytest.fixture(scope="module")
def wheel_names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_ships_the_schema(wheel_names):
    assert {"kg/schema/ontology.ttl", "kg/schema/shapes.ttl"} <= wheel_names


def test_wheel_ships_every_data_file(wheel_names, repo_root):
    data = {p.relative_to(repo_root).as_posix() for p in (repo_root / "kg" / "data").rglob("*.toml")}
    assert data and data <= wheel_names
    assert {"kg/data/states.toml", "kg/data/topics.toml", "kg/data/people.toml"} <= wheel_names
    assert {f"kg/data/lang/{code}.toml" for code in ("en", "fr", "zh", "es")} <= wheel_names


def test_wheel_ships_the_cli_and_its_entry_point(wheel, wheel_names):
    assert "cli.py" in wheel_names
    entry_points = next(n for n in wheel_names if n.endswith(".dist-info/entry_points.txt"))
    with zipfile.ZipFile(wheel) as archive:
        assert "kg = cli:main" in archive.read(entry_points).decode()


def test_wheel_holds_no_tests_or_sources(wheel_names):
    assert not [n for n in wheel_names if n.startswith(("tests/", "sources/", "build/"))]


def test_schema_files_are_byte_identical_to_the_checkout(wheel, repo_root):
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("kg/schema/ontology.ttl") == (repo_root / "ontology.ttl").read_bytes()
        assert archive.read("kg/schema/shapes.ttl") == (repo_root / "shapes.ttl").read_bytes()


def test_schema_path_in_the_checkout():
    for name in (ONTOLOGY, SHAPES):
        path = schema_path(name)
        assert path.is_file() and path.name == name


def test_installed_package_finds_schema_and_data(wheel, tmp_path):
    """Unpack the wheel (a pure-Python install) and use it with the checkout out of reach."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    # the registry reads state names from babel's CLDR data: third-party packages stay
    # reachable (appended after the unpacked wheel, and no .pth file is read, so the
    # editable install of the checkout is not)
    import babel
    import pycountry
    libraries = sorted({str(Path(m.__file__).resolve().parent.parent) for m in (babel, pycountry)})
    script = (
        f"import sys; sys.path.extend({libraries!r})\n"
        "import kg, kg.resources as r\n"
        "from kg.knowledge.registry import load_registry\n"
        "print(kg.__file__)\n"
        "print(r.schema_path('ontology.ttl'))\n"
        "print(r.schema_path('shapes.ttl'))\n"
        "print(len(load_registry().topics))\n"
    )
    # -S: no site-packages, so neither the editable install nor the checkout is importable
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    run = subprocess.run([sys.executable, "-S", "-c", script], cwd=site, env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    package, ontology, shapes, topics = run.stdout.split("\n")[:4]
    assert Path(package).resolve().is_relative_to(site.resolve())
    assert Path(ontology).resolve() == (site / "kg" / "schema" / "ontology.ttl").resolve()
    assert Path(shapes).resolve() == (site / "kg" / "schema" / "shapes.ttl").resolve()
    assert int(topics) == 26  # the topic labels of ANNOTATION.md §3


# ---- set-up: system tools and ../shared ----------------------------------------------------
def test_system_deps_script_installs_exactly_the_tools_dev_py_names(repo_root):
    import re

    from dev import SYSTEM_TOOLS

    script = (repo_root / ".ci" / "system-deps.sh").read_text(encoding="utf-8")
    pairs = dict(re.findall(r"command -v (\S+) >/dev/null 2>&1 \|\| need\+=\((\S+)\)", script))
    assert pairs == SYSTEM_TOOLS


def test_dev_py_names_what_is_missing_in_one_line(monkeypatch, tmp_path):
    import dev

    monkeypatch.setenv("PATH", str(tmp_path))  # no tool at all
    monkeypatch.setattr(dev, "SHARED", tmp_path / "no-shared")
    monkeypatch.delenv("CI", raising=False)
    line = dev.missing_line()
    assert line is not None and "\n" not in line
    for tool, package in dev.SYSTEM_TOOLS.items():
        assert f"{tool} ({package})" in line
    assert "bash .ci/system-deps.sh" in line and "no-shared" in line and "skipped" in line
    monkeypatch.setenv("CI", "true")
    assert "fail in CI" in dev.missing_line()


@pytest.mark.parametrize("ci", ["", "true"])
def test_a_missing_tool_skips_in_one_line_but_fails_in_ci(repo_root, tmp_path, ci):
    environment = {k: v for k, v in os.environ.items() if k != "CI"} | {"PATH": str(tmp_path)}
    if ci:
        environment["CI"] = ci
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "tests/test_publish.py",
                          "-k", "rapper"], cwd=repo_root, env=environment, capture_output=True, text=True,
                         timeout=120)
    reason = "needs rapper (Debian package raptor2-utils): install with `bash .ci/system-deps.sh`"
    if ci:
        assert run.returncode == 1 and reason in run.stdout and "5 error" in run.stdout, run.stdout[-1500:]
    else:
        assert run.returncode == 0, run.stdout[-1500:]
        assert [line for line in run.stdout.splitlines() if reason in line] == [
            f"SKIPPED [5] tests/conftest.py:{_skip_line(repo_root)}: {reason}"]


def _skip_line(repo_root) -> int:
    lines = (repo_root / "tests" / "conftest.py").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if "pytest.skip(reason)" in line)

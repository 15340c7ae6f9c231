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
    script = (
        "import kg, kg.resources as r\n"
        "from kg.registry import load_registry\n"
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

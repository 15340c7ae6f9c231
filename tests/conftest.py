"""Shared fixtures: the registry (loaded once), paths to the seed and to test data."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.registry import Registry, load_registry

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT / "sources" / "000_a35c0205b5cb6fd1.txt"


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED

"""The hand-written mini dataset (tests/data/mini) as a build folder, for the query, view,
export and publish tests. Import the fixture into a test module: ``from minidata import mini``."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.sparql.query import STATISTICS_GRAPH
from kg.build.statistics import add_statistics
from kg.build.store import DUMP_NQ, DUMP_TTL, write_turtle

MINI_TRIG = Path(__file__).resolve().parent / "data" / "mini" / "readouts.trig"
ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GEXF_RNG = SHARED / "schemas" / "gexf-1.3" / "gexf.rng"


def write_mini_build(folder: Path) -> Path:
    """Write the mini dataset as ``folder/readouts.nq`` (sorted lines) and ``folder/union.ttl``,
    with the statistics graph a build would add to it."""
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(ox.parse(path=str(MINI_TRIG), format=ox.RdfFormat.TRIG))
    assert add_statistics(store, STATISTICS_GRAPH) > 0
    quads = list(store)
    lines = sorted(set(ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines(keepends=True)))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / DUMP_NQ).write_text("".join(lines), encoding="utf-8")
    write_turtle(folder / DUMP_NQ, folder / DUMP_TTL)
    return folder


@pytest.fixture(scope="session")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder holding the mini dataset."""
    return write_mini_build(tmp_path_factory.mktemp("mini-build"))


@pytest.fixture(scope="session")
def mini_store(mini: Path):
    from kg.build.store import find_dump, load_store

    return load_store(find_dump(mini))

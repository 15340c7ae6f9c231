"""Synthetic readouts for tests, from the benchmark generator (``bench/generate.py``)."""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


@lru_cache(maxsize=1)
def generator():
    """The module ``bench/generate.py`` (bench/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("readout_kg_bench_generate", BENCH / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def write_readouts(folder: Path, count: int, seed: int = 0, start: int = 0) -> list[Path]:
    """``count`` generated readouts written into ``folder``."""
    return generator().generate(folder, count, seed, start)


def build_corpus(tmp_path_factory, seed_path: Path, count: int, seed: int, extra: tuple[Path, ...] = ()) -> Path:
    """A build folder of the seed, ``count`` generated readouts and the ``extra`` readout files
    (for module-scoped fixtures)."""
    import shutil

    from kg.build.builder import build

    sources = tmp_path_factory.mktemp("sources")
    write_readouts(sources, count, seed=seed)
    for path in (seed_path, *extra):
        shutil.copy(path, sources / path.name)
    out = tmp_path_factory.mktemp("build")
    build(sources, out, jobs=2)
    return out


ENCOUNTER = Path(__file__).resolve().parent / "data" / "encounter"


def build_encounter_pair(tmp_path_factory, name: str = "wong") -> Path:
    """A folder with ``sources/`` holding China's readout (8 November, Beijing) and Australia's
    (9 November, Canberra) of one call (``tests/data/encounter``), and their ``build/``."""
    import shutil

    from kg.build.builder import build

    root = tmp_path_factory.mktemp(name)
    (root / "sources").mkdir()
    for text in ENCOUNTER.glob("*.txt"):
        shutil.copy(text, root / "sources" / text.name)
    build(root / "sources", root / "build")
    return root

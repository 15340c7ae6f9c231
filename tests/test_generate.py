"""bench/generate.py: synthetic readouts that are deterministic, varied, and read like readouts."""

from __future__ import annotations

import re
from collections import Counter

from kg.build.builder import build
from tests.generated import generator, write_readouts


def test_the_same_seed_gives_the_same_files_and_a_corpus_extends_a_smaller_one(tmp_path):
    small, large, other = tmp_path / "small", tmp_path / "large", tmp_path / "other"
    write_readouts(small, 20, seed=4)
    write_readouts(large, 50, seed=4)
    write_readouts(other, 20, seed=5)
    for path in small.iterdir():
        assert (large / path.name).read_bytes() == path.read_bytes()
    assert sorted(p.read_bytes() for p in small.iterdir()) != sorted(p.read_bytes() for p in other.iterdir())


def test_every_language_event_type_and_length(tmp_path):
    paths = write_readouts(tmp_path, 400, seed=1)
    kinds = Counter(re.match(r"\d+_(?:dup_)?([a-z]{2})_(.+)\.txt", p.name).groups() for p in paths)
    assert {lang for lang, _ in kinds} == {"en", "fr", "zh", "es"}
    assert {kind for _, kind in kinds} >= {"phone_call", "video_call", "meeting", "talks", "visit", "message"}
    lengths = sorted(len(p.read_text(encoding="utf-8")) for p in paths)
    assert lengths[-1] > 2.5 * lengths[0]
    texts = {p.read_text(encoding="utf-8") for p in paths}
    assert len(texts) < len(paths)  # a few re-posted duplicates
    assert any("一个中国原则" in t for t in texts) and any("principe d'une seule Chine" in t for t in texts)


def test_the_titles_are_the_registrys(registry):
    words = generator().Corpus(registry).words
    for lang, table in words.items():
        known = registry.lang(lang)["titles"]
        assert set(table["titles"].values()) <= set(known), lang


def test_the_extractor_reads_them(tmp_path):
    sources, out = tmp_path / "sources", tmp_path / "build"
    write_readouts(sources, 60, seed=2)
    result = build(sources, out, jobs=1)
    summary = result.summary()
    assert summary["published"] >= 55
    assert summary["endorsements"] >= 2 * summary["published"]
    assert {lang for d in result.published for lang in [d.source.split("_")[1]]} == {"en", "fr", "zh", "es"}

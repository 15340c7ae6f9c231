"""The cache of parsed TOML (kg.knowledge.toml_cache): the same tables as parsing, read back
without parsing, never stale after an edit, and never in the way when it cannot be used."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from kg.knowledge import toml_cache
from kg.knowledge.registry import Registry, _data_dir
from kg.knowledge.toml_cache import cache_folder, load_toml

TEXT = 'title = "Foreign Minister"\n[dates]\nfrom = 2021-01-21\nnames = ["Wang Yi", "王毅"]\n'


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "toml"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_cached_file_is_read_back_without_parsing(tmp_path, folder, monkeypatch):
    path = _write(tmp_path / "a.toml", TEXT)
    first = load_toml(path)
    assert first == tomllib.loads(TEXT)
    assert len(list(folder.glob("*.pickle"))) == 1

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(toml_cache.tomllib, "loads", no_parsing)
    assert load_toml(path) == first


def test_an_edited_file_is_parsed_again(tmp_path, folder):
    path = _write(tmp_path / "a.toml", TEXT)
    load_toml(path)
    _write(path, TEXT.replace("Foreign Minister", "Prime Minister"))
    assert load_toml(path)["title"] == "Prime Minister"
    assert len(list(folder.glob("*.pickle"))) == 2


def test_a_damaged_entry_is_parsed_again_and_replaced(tmp_path, folder):
    path = _write(tmp_path / "a.toml", TEXT)
    load_toml(path)
    (entry,) = folder.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_toml(path) == tomllib.loads(TEXT)
    assert load_toml(path) == tomllib.loads(TEXT)  # the entry was written again
    assert entry.read_bytes() != b"not a pickle"


def test_a_folder_that_cannot_be_written_only_costs_the_parse(tmp_path, monkeypatch):
    blocker = _write(tmp_path / "file", "")  # a file where the cache folder would go
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker))
    path = _write(tmp_path / "a.toml", TEXT)
    assert load_toml(path) == tomllib.loads(TEXT)


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", "")
    assert cache_folder() is None
    path = _write(tmp_path / "a.toml", TEXT)
    assert load_toml(path) == tomllib.loads(TEXT)


def test_the_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("KG_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "readout-kg" / "toml"


def test_bad_toml_is_still_an_error(tmp_path, folder):
    path = _write(tmp_path / "a.toml", "title = \n")
    with pytest.raises(tomllib.TOMLDecodeError):
        load_toml(path)


def test_the_registry_read_through_the_cache_is_the_registry_parsed(folder):
    parsed = Registry(_data_dir())  # fills the cache
    assert any(folder.glob("*.pickle"))
    cached = Registry(_data_dir())
    assert cached.fingerprint == parsed.fingerprint
    assert {code: state.names for code, state in cached.states.items()} == \
        {code: state.names for code, state in parsed.states.items()}
    assert [(p.name, p.country, p.variants) for p in cached.people] == \
        [(p.name, p.country, p.variants) for p in parsed.people]
    assert cached.languages == parsed.languages


def test_two_processes_filling_the_cache_at_once_leave_no_half_written_entry(tmp_path, folder):
    path = _write(tmp_path / "a.toml", TEXT)
    pids = []
    for _ in range(4):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                load_toml(path)
            finally:
                os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
    assert load_toml(path) == tomllib.loads(TEXT)

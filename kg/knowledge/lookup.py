"""Lookup that forgives: states, organisations, topics and officials from any label or
alias in any language, case- and accent-insensitively ("china", "Chine", "中国", "CHN";
"taiwan", "台湾"; "Kouleba", "王毅", "Qureshi"). An unknown value is an error that names
the closest known ones, so a typo never yields an empty answer in silence."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property

from kg.errors import KGError
from kg.knowledge.registry import Person, Registry
from kg.text import fold

__all__ = ["Lookup", "UnknownName", "Found"]


class UnknownName(KGError):
    """A value names no state, organisation, topic or official the registry knows."""


@dataclass(frozen=True)
class Found:
    kind: str  # state | organization | topic | person
    value: str  # ISO3, organisation code, topic label, or the person's registry name
    country: str = ""  # a person's state or organisation


def _key(text: str) -> str:
    """Case-, accent- and spacing-insensitive; hyphens and underscores count as spaces."""
    return " ".join(re.sub(r"[-_/]+", " ", fold(text)).split())


class Lookup:
    """Every name the registry holds for each entity, folded, to the entity."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    @cached_property
    def _index(self) -> dict[str, dict[str, set[Found]]]:
        index: dict[str, dict[str, set[Found]]] = {"state": {}, "organization": {}, "topic": {}, "person": {}}

        def add(kind: str, name: str, found: Found) -> None:
            if name and _key(name):
                index[kind].setdefault(_key(name), set()).add(found)

        def add_every(kind: str, key: str, lists) -> None:
            found = Found(kind, key)
            add(kind, key, found)
            for names in lists:
                for name in names:
                    add(kind, name, found)

        for state in self.registry.states.values():
            add_every("state", state.code, [*state.names.values(), *state.adjectives.values()])
        for org in self.registry.organizations.values():
            add_every("organization", org.code, org.names.values())
        for topic in self.registry.topics.values():
            add_every("topic", topic.label, topic.phrases.values())
        families: dict[str, set[Found]] = {}
        for person in self.registry.people:
            found = Found("person", person.name, person.country)
            for name in [person.name, *person.variants]:
                add("person", name, found)
            families.setdefault(_key(person.family), set()).add(found)
            for variant in person.variants:  # "Dmytro Kouleba": "Kouleba" as French writes him
                tokens = variant.split()
                if len(tokens) >= 2 and tokens[-1].isalpha():
                    families.setdefault(_key(tokens[-1]), set()).add(found)
        # a family name alone ("Qureshi") names whoever is the only official of that name
        for family, people in families.items():
            index["person"].setdefault(family, set()).update(people)
        return index

    def find(self, value: str, kinds: tuple[str, ...] = ("state", "organization", "topic", "person")) -> Found:
        """The one entity of ``kinds`` that ``value`` names; :class:`UnknownName` (with the
        closest names) when none does, or when it names several."""
        key = _key(value)
        hits: set[Found] = set()
        for kind in kinds:
            hits |= self._index[kind].get(key, set())
        if len(hits) == 1:
            return next(iter(hits))
        what = " or ".join(k.replace("organization", "organisation") for k in kinds)
        if len(hits) > 1:
            named = ", ".join(sorted(f"{h.value} ({h.country or h.kind})" for h in hits))
            raise UnknownName(f"{value!r} names several: {named}; be more specific")
        raise UnknownName(f"unknown {what} {value!r}" + self._suggest(key, kinds))

    def _suggest(self, key: str, kinds: tuple[str, ...]) -> str:
        keys = [k for kind in kinds for k in self._index[kind]]
        close = difflib.get_close_matches(key, keys, n=8, cutoff=0.75)
        shown: list[str] = []
        for match in close:
            for kind in kinds:
                for found in sorted(self._index[kind].get(match, set()), key=lambda f: f.value):
                    label = f"{found.value} ({found.country})" if found.country else found.value
                    if label not in shown:
                        shown.append(label)
        return f"; did you mean {', '.join(shown[:4])}?" if shown else ""

    def state(self, value: str) -> str:
        """The ISO3 or organisation code of a state or organisation named any way."""
        return self.find(value, ("state", "organization")).value

    def topic(self, value: str) -> str:
        """The topic label of ANNOTATION.md §3 that a label, slug or phrase names."""
        return self.find(value, ("topic",)).value

    def person(self, value: str) -> Person:
        """The registry's official named by any spelling or, when unique, by family name."""
        found = self.find(value, ("person",))
        person = self.registry.person_named(found.value, found.country)
        assert person is not None
        return person

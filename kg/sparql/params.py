"""Parameters of the ready queries: `kg query -n endorsers-of-state --param topic=taiwan`.

A ready query declares each parameter in its opening comment:

    # @param state ?target state    the state or organisation endorsed

(name, the SPARQL variable it sets, its kind, what it is) and holds its default as a
one-variable ``VALUES ?target { <…/id/state/CHN> }`` block. A value given by the user is
looked up (any label, alias or code, in any language: :mod:`kg.knowledge.lookup`), turned into the
term it names, and that term replaces the block's: the user's text never enters the query.
Kinds: ``state`` (a state or organisation), ``topic`` (a topic, or an organisation as
topic), ``person``, ``actor`` (a state, an organisation or a person), ``start`` and
``end`` (a date; ``2021`` or ``2021-05`` mean its first or last day)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from kg.errors import QueryError
from kg.knowledge.lookup import Lookup, UnknownName
from kg.namespaces import DEFAULT_BASE
from kg.graph.rdf import Minter, topic_iri
from kg.knowledge.registry import Registry

__all__ = ["Param", "query_params", "bind_params", "KINDS"]

KINDS = ("state", "topic", "person", "actor", "start", "end")
_DECLARATION = re.compile(r"^#\s*@param\s+([a-z][a-z0-9_-]*)\s+\?(\w+)\s+(\w+)\s*(.*)$")
_XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"


@dataclass(frozen=True)
class Param:
    name: str
    variable: str
    kind: str
    description: str
    default: str  # the term the query holds, as written

    @property
    def default_shown(self) -> str:
        """The default as a user would give it: "CHN", "xinjiang", "2000-01-01", "any"."""
        if self.default == "UNDEF":
            return "any"
        literal = re.match(r'^"([^"]*)"', self.default)
        if literal:
            return literal.group(1)
        return self.default.strip("<>").rstrip("/").rsplit("/", 1)[-1]


def _values_block(variable: str) -> re.Pattern[str]:
    return re.compile(r"VALUES\s+\?" + re.escape(variable) + r"\s*\{([^{}]*)\}")


def query_params(text: str) -> list[Param]:
    """The parameters a ready query declares, with their defaults."""
    params = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        found = _DECLARATION.match(line)
        if not found:
            continue
        name, variable, kind, description = found.groups()
        if kind not in KINDS:
            raise QueryError(f"@param {name}: kind {kind!r} is not one of {', '.join(KINDS)}")
        block = _values_block(variable).search(text)
        if block is None:
            raise QueryError(f"@param {name}: the query has no VALUES ?{variable} {{ ... }} block to hold it")
        params.append(Param(name, variable, kind, description.strip(), " ".join(block.group(1).split())))
    return params


def _date(value: str, end: bool) -> dt.date:
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 12, 31) if end else dt.date(int(value), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = map(int, value.split("-"))
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise QueryError(f"bad date {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)") from exc


def _term(param: Param, value: str, lookup: Lookup, mint: Minter) -> str:
    """The SPARQL term ``value`` names for ``param``."""
    if param.kind in ("start", "end"):
        return f'"{_date(value, param.kind == "end").isoformat()}"^^<{_XSD_DATE}>'
    registry = lookup.registry
    try:
        if param.kind == "state":
            return f"<{mint.actor(lookup.state(value), registry)}>"
        if param.kind == "topic":
            found = lookup.find(value, ("topic", "organization"))
            return f"<{topic_iri(found.value)}>" if found.kind == "topic" else f"<{mint.actor(found.value, registry)}>"
        if param.kind == "person":
            person = lookup.person(value)
            return f"<{mint.person(person.name, person.country)}>"
        found = lookup.find(value, ("state", "organization", "person"))  # actor
        if found.kind == "person":
            return f"<{mint.person(found.value, found.country)}>"
        return f"<{mint.actor(found.value, registry)}>"
    except UnknownName as exc:
        raise QueryError(f"--param {param.name}: {exc}") from exc


def bind_params(text: str, given: dict[str, str], registry: Registry, base: str = DEFAULT_BASE) -> str:
    """``text`` with each given parameter's VALUES block holding the term its value names."""
    params = {p.name: p for p in query_params(text)}
    unknown = sorted(set(given) - set(params))
    if unknown:
        known = ", ".join(sorted(params)) or "none"
        raise QueryError(f"unknown parameter {unknown[0]!r}; this query takes: {known}")
    lookup, mint = Lookup(registry), Minter(base)
    for name, value in given.items():
        param = params[name]
        term = _term(param, value, lookup, mint)
        text = _values_block(param.variable).sub(lambda _: f"VALUES ?{param.variable} {{ {term} }}", text, count=1)
    return text

"""A query's closing ``ORDER BY`` applied in Python, after the engine has answered.

pyoxigraph sorts slowly on a store kept on disk: every comparison decodes both terms again,
so ordering the 43,000 rows of ``statements-evidence`` at 10,000 generated readouts took
longer (2.4-5 s) than finding them (1.8 s). Sorting the same rows in Python takes a tenth
of a second. The engine still sorts whenever the two orders might differ: only a final
``ORDER BY`` of plain variables (``?v``, ``ASC(?v)``, ``DESC(?v)``) with no ``LIMIT`` or
``OFFSET`` after it is taken over, and only when every value of a sort column is one of the
kinds whose SPARQL order is plain: unbound (first), IRIs (by code point), then literals of
one kind per column (strings by code point, integers by value, dates ``YYYY-MM-DD`` by
value). Anything else (a blank node, a language tag, a decimal, mixed kinds, a variable not
projected, more than :data:`MAX_SORTED_ROWS` rows) makes the caller run the query as written.
Rows equal on every key keep the order the engine gave them (Python's sort is stable).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

__all__ = ["split_order", "sort_rows", "MAX_SORTED_ROWS", "Unsortable"]

# rows held to be sorted here; past this many the engine sorts (and streams) instead
MAX_SORTED_ROWS = 500_000
_XSD = "http://www.w3.org/2001/XMLSchema#"
_KEY = r"(?:(?:ASC|DESC)\s*\(\s*[?$]\w+\s*\)|[?$]\w+)"
_ORDER = re.compile(rf"^\s*ORDER\s+BY\s+((?:{_KEY}\s*)+)$", re.IGNORECASE)
_KEYS = re.compile(r"(ASC|DESC)?\s*\(?\s*[?$](\w+)", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^[+-]?\d+$")


class Unsortable(Exception):
    """A value whose SPARQL order this module does not reproduce: the engine must sort."""


def split_order(text: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """``text`` without its closing ``ORDER BY``, and the keys as (variable, descending);
    None when the query does not end with an ``ORDER BY`` this module can take over."""
    end = text.rfind("}")
    if end < 0:
        return None
    tail = text[end + 1:]
    if any(mark in tail for mark in "\"'<"):  # only variables, ASC/DESC and comments may follow
        return None
    match = _ORDER.match(re.sub(r"#[^\n]*", " ", tail))
    if match is None:
        return None
    keys = [(name, (how or "").upper() == "DESC") for how, name in _KEYS.findall(match.group(1))]
    return text[:end + 1] + "\n", keys


def _literal_key(term: Any) -> tuple[str, Any]:
    """(kind, value to compare) of a literal, or :class:`Unsortable`."""
    if term.language:
        raise Unsortable("a language-tagged literal")
    datatype = term.datatype.value
    value = term.value
    if datatype == _XSD + "string":
        return "string", value
    if datatype == _XSD + "integer" and _INTEGER.match(value):
        return "integer", int(value)
    if datatype == _XSD + "date" and _DATE.match(value):
        return "date", value
    raise Unsortable(f"a literal of type {datatype}")


def _column_key(rows: Sequence[tuple[Any, ...]], column: int) -> Callable[[tuple[Any, ...]], tuple]:
    """The sort key of one column: unbound < IRI < literal, literals of a single kind."""
    import pyoxigraph as ox

    keys: dict[int, tuple] = {}
    kinds = set()
    for index, row in enumerate(rows):
        term = row[column]
        if term is None:
            keys[index] = (0, "")
        elif isinstance(term, ox.NamedNode):
            keys[index] = (1, term.value)
        elif isinstance(term, ox.Literal):
            kind, value = _literal_key(term)
            kinds.add(kind)
            keys[index] = (2, value)
        else:
            raise Unsortable("a blank node")
    if len(kinds) > 1:
        raise Unsortable(f"literals of several kinds ({', '.join(sorted(kinds))})")
    return lambda item: keys[item[0]]


def sort_rows(rows: list[tuple[Any, ...]], variables: list[str], keys: list[tuple[str, bool]]) -> list[tuple[Any, ...]]:
    """``rows`` (of ``variables``) in the order ``ORDER BY keys`` gives in SPARQL; raises
    :class:`Unsortable` where that order is not reproduced here."""
    if len(rows) > MAX_SORTED_ROWS:
        raise Unsortable("too many rows")
    order = list(enumerate(rows))
    for name, descending in reversed(keys):  # stable sorts, last key first
        if name not in variables:
            raise Unsortable(f"?{name} is not projected")
        order.sort(key=_column_key(rows, variables.index(name)), reverse=descending)
    return [row for _, row in order]

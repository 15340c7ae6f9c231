"""Checks on SPARQL text made before it reaches the engine: parse limits, updates, federation.

pyoxigraph's parser recurses once per nesting level (and once per chained operator), on
the stack of the thread that calls it: ``ASK {`` + 5,000 ``{`` kills the process with
SIGSEGV, and nested quoted triples or collections take time that grows as a power of
their depth. So a query is refused (:class:`QueryTooComplex`) when it is longer than
:data:`MAX_QUERY_LENGTH` characters or opens more than :data:`MAX_NESTING_DEPTH`
brackets at once, and :mod:`kg.sparql.query` runs the engine on a thread with a stack large
enough for any query within those limits.

The check is one linear pass of a tokenizer that knows just enough SPARQL to skip what
cannot nest or name an operation: strings, IRIs, comments, variables, prefixed names and
language tags. So ``"customer service"`` or ``?load`` are not mistaken for keywords, and
an update (``INSERT``, ``LOAD``...) is recognised by the first keyword after the prologue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import QueryError

__all__ = ["MAX_QUERY_LENGTH", "MAX_NESTING_DEPTH", "QueryTooComplex", "QueryRefused", "QueryShape", "scan",
           "check_query", "explain_syntax_error"]

MAX_QUERY_LENGTH = 100_000  # characters; the ready queries are under 2,000
MAX_NESTING_DEPTH = 64  # ( [ { << open at once; the ready queries open at most 5

QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
UPDATE_OPERATIONS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})


class QueryTooComplex(QueryError):
    """A query over a parse limit (length or nesting depth), refused before it is parsed."""


class QueryRefused(QueryError):
    """A well-formed request this reader does not perform: an update, or federation (SERVICE)."""


_NAME = r"[^\W\d](?:[\w\-]|\.(?=[\w\-:]))*"  # PN_PREFIX-like: letters, digits, _ - and inner dots
_LOCAL = r"(?:[\w\-:%]|\\.|\.(?=[\w\-:%\\]))*"  # PN_LOCAL-like, with %hh and \-escapes
_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|\Z)
               | '''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z)
               | "(?:[^"\\\n\r]|\\.)*"?
               | '(?:[^'\\\n\r]|\\.)*'?)
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<open><<|[(\[{])
    | (?P<close>>>|[)\]}])
    | (?P<variable>[?$][\w\u00b7\u0300-\u036f\u203f\u2040]*)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<pname>(?:""" + _NAME + r""")?:""" + _LOCAL + r""")
    | (?P<word>""" + _NAME + r""")
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class QueryShape:
    """What the scan learnt: the deepest nesting, the operation's keyword, and every bare keyword."""

    depth: int
    operation: str | None  # SELECT, ASK, CONSTRUCT, DESCRIBE, an update keyword, or None
    keywords: frozenset[str]


def scan(text: str) -> QueryShape:
    """One linear pass over ``text``: nesting depth and keywords, outside strings, IRIs and comments."""
    depth = deepest = 0
    operation: str | None = None
    keywords: set[str] = set()
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(depth - 1, 0)
        elif kind == "word":
            word = match.group().upper()
            keywords.add(word)
            if operation is None and word not in ("BASE", "PREFIX"):
                operation = word
    return QueryShape(deepest, operation, frozenset(keywords))


def check_query(text: str, federation: bool = True) -> QueryShape:
    """Refuse ``text`` before parsing when it is over a parse limit (:class:`QueryTooComplex`),
    is an update, or (``federation=False``) calls SERVICE (:class:`QueryRefused`)."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryTooComplex(f"query too long: {len(text):,} characters; the limit is {MAX_QUERY_LENGTH:,}")
    shape = scan(text)
    if shape.depth > MAX_NESTING_DEPTH:
        raise QueryTooComplex(f"query nested too deeply: {shape.depth} brackets open at once; "
                              f"the limit is {MAX_NESTING_DEPTH}")
    if shape.operation in UPDATE_OPERATIONS:
        raise QueryRefused(f"SPARQL updates ({shape.operation}) are refused: queries only read the graph")
    if not federation and "SERVICE" in shape.keywords:
        raise QueryRefused("SERVICE is refused: this endpoint answers from its own store only")
    return shape


_AT = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_EXPECTED_TOKEN = re.compile(r'"[^"\s\w\\]{1,2}"')  # the punctuation expected, not the grammar's rule names
_PREFIX_BEFORE = re.compile(r"((?:" + _NAME + r")?):" + _LOCAL + r"$")
_MAX_EXPECTED = 8


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def explain_syntax_error(text: str, message: str) -> str:
    """A one-line reason for pyoxigraph's syntax error ``message`` about ``text``: where, what
    was found there and what was expected, without the grammar's lists of character ranges."""
    match = _AT.match(message.strip())
    if match is None:
        return " ".join(message.split())[:200]
    line_no, column, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    operation = scan(text).operation
    if operation not in QUERY_FORMS and operation not in UPDATE_OPERATIONS:
        return "the query does not begin with SELECT, ASK, CONSTRUCT or DESCRIBE (after PREFIX and BASE)" + (
            f"; found {operation!r}" if operation else "")
    lines = text.split("\n")  # the engine counts lines by line feeds only
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    where = f"line {line_no}, column {column}"
    if "Prefix not found" in detail:
        prefix = _PREFIX_BEFORE.search(line[: column - 1])
        return f"{where}: unknown prefix '{prefix.group(1) if prefix else ''}:'"
    if "IRI parsing failed" in detail:
        return f"{where}: invalid IRI"
    offset = sum(len(previous) + 1 for previous in lines[: line_no - 1]) + column - 1
    while 0 < offset < len(text) and _is_word(text[offset - 1]) and _is_word(text[offset]):
        offset -= 1  # the engine stops inside a word it could not finish: show the whole word
    rest = text[offset:].split()
    found = f"unexpected {rest[0][:20]!r}" if rest else "unexpected end of query"
    expected = _EXPECTED_TOKEN.findall(detail)
    if expected and len(expected) <= _MAX_EXPECTED:
        return f"{where}: {found} (expected {' or '.join(expected)})"
    return f"{where}: {found}"

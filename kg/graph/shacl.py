"""A fast conformance check for the SHACL Core subset that ``shapes.ttl`` uses.

pySHACL takes about 15 ms per readout graph, most of it building reports for results
that are then thrown away; at 10,000 readouts that is the whole time budget of a build.
This module compiles the shapes once into plain Python checks and answers one question:
*does this graph conform?* It never writes a report. :func:`kg.graph.validate.validate_triples`
uses it as a filter: a graph it passes is published, and every other graph goes to pySHACL,
whose report is the one kept. So a report can only ever come from pySHACL, and the one
thing this module must get right is never to pass a graph that pySHACL would fault.

It is exact for what it supports (targets by class, node, subjects-of and objects-of;
predicate, sequence, inverse and alternative paths; ``minCount``, ``maxCount``, ``datatype``,
``class``, ``in``, ``hasValue``, ``nodeKind``, ``pattern``, ``minLength``, ``maxLength``,
``node``, ``property``, ``and``, ``or``, ``not``, ``xone``, ``deactivated``), mirroring pySHACL's
code (for instance, a literal matches ``sh:datatype`` only when it is well-formed, as pySHACL
decides). Anything else in the shapes (``sh:closed``, SPARQL constraints, implicit class
targets, an ``rdfs:subClassOf`` triple in the data...) makes it answer ``None``, "ask
pySHACL". ``tests/test_shacl.py`` compares it with pySHACL on the gold, holdout and
generated readouts and on about a thousand graphs broken on purpose.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Iterable

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

__all__ = ["Checker", "Unsupported", "compile_shapes", "conforms"]

SH = Namespace("http://www.w3.org/ns/shacl#")

# Shape properties that never change whether a graph conforms (severity only grades results).
_NEUTRAL = {SH.message, SH.name, SH.description, SH.severity, SH.order, SH.group, SH.defaultValue,
            SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.path, SH.deactivated}
_TARGETS = (SH.targetNode, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)  # the order of Checker.targets
_SINGLE = (SH.minCount, SH.maxCount, SH.datatype, SH.minLength, SH.maxLength, SH.nodeKind, SH.deactivated, SH["in"])


class Unsupported(Exception):
    """The shapes use a feature this checker does not implement: pySHACL must decide."""


_EMPTY: frozenset = frozenset()
_TYPE = RDF.type
_SUBCLASS = RDFS.subClassOf


class _Data:
    """The data graph as dictionaries keyed by rdflib terms, as rdflib's own store keys them."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        out: dict[Node, dict[Node, set[Node]]] = {}
        instances: dict[Node, set[Node]] = {}
        for s, p, o in triples:
            po = out.get(s)
            if po is None:
                po = out[s] = {}
            objects = po.get(p)
            if objects is None:
                po[p] = {o}
            else:
                objects.add(o)
            if p == _TYPE:
                instances.setdefault(o, set()).add(s)
        self.out = out
        self._instances = instances
        self._inverse: dict[Node, dict[Node, set[Node]]] | None = None
        self.memo: dict[tuple[int, Node], bool] = {}  # (shape, node) -> conforms
        self.has_subclass = any(_SUBCLASS in po for po in out.values())

    def objects(self, s: Node, p: Node) -> set[Node] | frozenset:
        po = self.out.get(s)
        return po.get(p, _EMPTY) if po is not None else _EMPTY

    def subjects(self, p: Node, o: Node) -> set[Node] | frozenset:
        if self._inverse is None:
            self._inverse = {}
            for s, po in self.out.items():
                for predicate, objects in po.items():
                    for obj in objects:
                        self._inverse.setdefault(obj, {}).setdefault(predicate, set()).add(s)
        return self._inverse.get(o, {}).get(p, _EMPTY)

    def instances(self, cls: Node) -> set[Node] | frozenset:
        return self._instances.get(cls, _EMPTY)

    def subject_objects(self, p: Node) -> Iterable[tuple[Node, Node]]:
        for s, po in self.out.items():
            for o in po.get(p, ()):
                yield s, o


Check = Callable[[_Data, Node, set], bool]  # (data, focus node, value nodes) -> conforms


class _Shape:
    def __init__(self, node: Node) -> None:
        self.node = node
        self.path: Callable[[_Data, Node], set] | None = None
        self.checks: list[Check] = []
        self.deactivated = False

    def conforms(self, data: _Data, focus: Node) -> bool:
        key = (id(self), focus)
        known = data.memo.get(key)
        if known is not None:
            return known
        if self.deactivated:
            result = True
        else:
            values = (focus,) if self.path is None else self.path(data, focus)
            result = all(check(data, focus, values) for check in self.checks)
        data.memo[key] = result
        return result


class Checker:
    """Shapes compiled from a shapes graph; call :meth:`conforms` on triples or a graph."""

    def __init__(self, shapes: Graph) -> None:
        self.sg = shapes
        self._shapes: dict[Node, _Shape] = {}
        self.targets: list[tuple[_Shape, list[Node], list[Node], list[Node], list[Node]]] = []
        if any(shapes.subjects(RDF.type, SH.ConstraintComponent)):
            raise Unsupported("custom constraint components")
        classes = {RDFS.Class, OWL.Class} | set(shapes.subjects(RDFS.subClassOf, RDFS.Class))
        roots = {s for target in _TARGETS for s in shapes.subjects(target, None)}
        for kind in (SH.NodeShape, SH.PropertyShape):
            for node in shapes.subjects(RDF.type, kind):
                if classes & set(shapes.objects(node, RDF.type)):
                    raise Unsupported("implicit class targets")
        for node in sorted(roots, key=str):
            shape = self._shape(node)
            self.targets.append((shape, *(list(shapes.objects(node, t)) for t in _TARGETS)))

    # ---- compiling -------------------------------------------------------------------
    def _one(self, node: Node, predicate: URIRef) -> Node | None:
        values = list(self.sg.objects(node, predicate))
        if len(values) > 1:
            raise Unsupported(f"{node} has several {predicate}")
        return values[0] if values else None

    def _list(self, head: Node) -> list[Node]:
        if head != RDF.nil and not isinstance(head, BNode):
            raise Unsupported(f"not an RDF list: {head}")
        return list(Collection(self.sg, head))

    def _shape(self, node: Node) -> _Shape:
        if node in self._shapes:
            return self._shapes[node]
        shape = _Shape(node)
        self._shapes[node] = shape  # before compiling: shapes may refer to each other
        sg = self.sg
        for predicate in set(sg.predicates(node, None)):
            if str(predicate).startswith(str(SH)) and predicate not in _NEUTRAL and predicate not in _COMPILERS:
                raise Unsupported(f"{predicate} (in shape {node})")
            if predicate in _SINGLE:
                self._one(node, predicate)
        deactivated = self._one(node, SH.deactivated)
        if deactivated is not None:
            if not isinstance(deactivated, Literal) or not isinstance(deactivated.value, bool):
                raise Unsupported("sh:deactivated that is not a boolean")
            shape.deactivated = deactivated.value
        path = self._one(node, SH.path)
        if path is not None:
            shape.path = self._path(path)
        for predicate, compile_ in _COMPILERS.items():
            for value in sg.objects(node, predicate):
                shape.checks.append(compile_(self, shape, node, value))
        if shape.path is None and (sg.value(node, SH.minCount) is not None or sg.value(node, SH.maxCount) is not None):
            raise Unsupported(f"cardinality on node shape {node}")
        return shape

    def _path(self, path: Node) -> Callable[[_Data, Node], set]:
        if isinstance(path, URIRef):
            return lambda data, focus: data.objects(focus, path)
        if not isinstance(path, BNode):
            raise Unsupported(f"path {path}")
        if self.sg.value(path, RDF.first) is not None:
            steps = [self._path(step) for step in self._list(path)]
            if len(steps) < 2:
                raise Unsupported("sequence path of fewer than two steps")

            def sequence(data: _Data, focus: Node) -> set:
                nodes = {focus}
                for step in steps:
                    nodes = {v for n in nodes for v in step(data, n)}
                return nodes
            return sequence
        predicates = set(self.sg.predicates(path, None))
        inverse = self.sg.value(path, SH.inversePath)
        if predicates == {SH.inversePath} and isinstance(inverse, URIRef):
            return lambda data, focus: data.subjects(inverse, focus)
        alternatives = self.sg.value(path, SH.alternativePath)
        if predicates == {SH.alternativePath} and alternatives is not None:
            options = [self._path(p) for p in self._list(alternatives)]
            return lambda data, focus: {v for option in options for v in option(data, focus)}
        raise Unsupported(f"path {sorted(map(str, predicates))}")

    # ---- checking --------------------------------------------------------------------
    def conforms(self, triples: Iterable[tuple[Node, Node, Node]] | Graph) -> bool | None:
        """True when pySHACL would find no result at all; False when it would find one;
        None when this checker cannot tell (pySHACL must decide)."""
        data = _Data(triples)
        if data.has_subclass:
            return None
        try:
            return self._conforms(data)
        except RecursionError:  # shapes that refer to themselves: pySHACL reports the loop
            return None

    def _conforms(self, data: _Data) -> bool:
        for shape, nodes, classes, subjects_of, objects_of in self.targets:
            focus: set[Node] = set(nodes)
            for cls in classes:
                focus |= data.instances(cls)
            for p in subjects_of:
                focus |= {s for s, _ in data.subject_objects(p)}
            for p in objects_of:
                focus |= {o for _, o in data.subject_objects(p)}
            if not all(shape.conforms(data, f) for f in focus):
                return False
        return True


# ---- constraint components (mirroring pyshacl/constraints/core) -------------------------
def _count(checker: Checker, shape: _Shape, node: Node, value: Node, at_least: bool) -> Check:
    if not isinstance(value, Literal) or not isinstance(value.value, int) or isinstance(value.value, bool) \
            or value.value < 0:
        raise Unsupported(f"cardinality {value!r}")
    n = value.value
    if at_least:
        return lambda data, focus, values: len(values) >= n
    return lambda data, focus, values: len(values) <= n


_PYTHON_TYPES = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
                 XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime}


def _datatype(checker: Checker, shape: _Shape, node: Node, rule: Node) -> Check:
    kind = _PYTHON_TYPES.get(rule)  # pyshacl's _assert_actual_datatype: other datatypes pass
    literal, datatype_, string, lang_string = RDFS.Literal, RDFS.Datatype, XSD.string, RDF.langString

    def actual(v: Literal) -> bool:
        return kind is None or isinstance(v.value, kind)

    def ok(v: Node) -> bool:  # pyshacl's DatatypeConstraintComponent.evaluate
        if not isinstance(v, Literal):
            return False
        datatype, lang = v.datatype, v.language
        if datatype == rule:
            return getattr(v, "ill_typed", None) is not True and actual(v)
        if rule == literal:
            return True
        if rule == datatype_ and datatype:
            return True
        if datatype is None and lang is None and rule == string:
            return actual(v)
        if rule == lang_string and lang:
            return actual(v)
        return False
    return lambda data, focus, values: all(ok(v) for v in values)


def _class(checker: Checker, shape: _Shape, node: Node, cls: Node) -> Check:
    def ok(data: _Data, v: Node) -> bool:
        return not isinstance(v, Literal) and cls in data.objects(v, _TYPE)
    return lambda data, focus, values: all(ok(data, v) for v in values)


def _in(checker: Checker, shape: _Shape, node: Node, head: Node) -> Check:
    allowed = checker._list(head)
    return lambda data, focus, values: all(v in allowed for v in values)


def _has_value(checker: Checker, shape: _Shape, node: Node, value: Node) -> Check:
    return lambda data, focus, values: value in values


def _node_kind(checker: Checker, shape: _Shape, node: Node, kind: Node) -> Check:
    kinds = {SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
             SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal)}
    if kind not in kinds:
        raise Unsupported(f"sh:nodeKind {kind}")
    types = kinds[kind]
    return lambda data, focus, values: all(isinstance(v, types) for v in values)


def _string(v: Node) -> str:  # pyshacl's StringBasedConstraintBase.value_node_to_string
    if isinstance(v, Literal) and v.value is not None and v.datatype in (None, RDF.langString, XSD.string):
        return str(v.value)
    return str(v)


def _pattern(checker: Checker, shape: _Shape, node: Node, pattern: Node) -> Check:
    if not isinstance(pattern, Literal) or checker.sg.value(node, SH.flags) is not None:
        raise Unsupported("sh:pattern with sh:flags or a non-literal pattern")
    regex = re.compile(str(pattern))
    return lambda data, focus, values: all(not isinstance(v, BNode) and regex.search(_string(v)) for v in values)


def _length(checker: Checker, shape: _Shape, node: Node, limit: Node, at_least: bool) -> Check:
    if not isinstance(limit, Literal) or not isinstance(limit.value, int) or limit.value < 0:
        raise Unsupported(f"length {limit!r}")
    n = limit.value
    if at_least:
        return lambda data, focus, values: all(n == 0 or (not isinstance(v, BNode) and len(_string(v)) >= n)
                                               for v in values)
    return lambda data, focus, values: all(not isinstance(v, BNode) and len(_string(v)) <= n for v in values)


def _shapes(checker: Checker, value: Node, single: bool) -> list[_Shape]:
    return [checker._shape(value)] if single else [checker._shape(s) for s in checker._list(value)]


def _property(checker: Checker, shape: _Shape, node: Node, value: Node) -> Check:
    inner = checker._shape(value)
    if inner.path is None:
        raise Unsupported(f"sh:property {value} without sh:path")
    return lambda data, focus, values: all(inner.conforms(data, v) for v in values)


def _node(checker: Checker, shape: _Shape, node: Node, value: Node) -> Check:
    inner = checker._shape(value)
    return lambda data, focus, values: all(inner.conforms(data, v) for v in values)


def _logical(kind: str) -> Callable[[Checker, _Shape, Node, Node], Check]:
    def compile_(checker: Checker, shape: _Shape, node: Node, value: Node) -> Check:
        members = _shapes(checker, value, single=kind == "not")

        if kind == "and":
            def ok(data: _Data, v: Node) -> bool:
                return all(m.conforms(data, v) for m in members)
        elif kind == "or":
            def ok(data: _Data, v: Node) -> bool:
                return any(m.conforms(data, v) for m in members)
        elif kind == "not":
            def ok(data: _Data, v: Node) -> bool:
                return not any(m.conforms(data, v) for m in members)
        else:
            def ok(data: _Data, v: Node) -> bool:
                return sum(1 for m in members if m.conforms(data, v)) == 1
        return lambda data, focus, values: all(ok(data, v) for v in values)
    return compile_


_COMPILERS: dict[URIRef, Callable[[Checker, _Shape, Node, Node], Check]] = {
    SH.minCount: lambda c, s, n, v: _count(c, s, n, v, True),
    SH.maxCount: lambda c, s, n, v: _count(c, s, n, v, False),
    SH.datatype: _datatype,
    SH["class"]: _class,
    SH["in"]: _in,
    SH.hasValue: _has_value,
    SH.nodeKind: _node_kind,
    SH.pattern: _pattern,
    SH.minLength: lambda c, s, n, v: _length(c, s, n, v, True),
    SH.maxLength: lambda c, s, n, v: _length(c, s, n, v, False),
    SH.property: _property,
    SH.node: _node,
    SH["and"]: _logical("and"),
    SH["or"]: _logical("or"),
    SH["not"]: _logical("not"),
    SH.xone: _logical("xone"),
}


@lru_cache(maxsize=4)
def _compiled(shapes: Graph) -> Checker | None:
    try:
        return Checker(shapes)
    except Unsupported:
        return None


def compile_shapes(shapes: Graph) -> Checker | None:
    """The shapes compiled once per process; None when they use an unsupported feature."""
    return _compiled(shapes)


def conforms(triples: Iterable[tuple[Node, Node, Node]] | Graph, shapes: Graph) -> bool | None:
    """True / False when the checker can decide whether ``triples`` conform; None otherwise."""
    checker = compile_shapes(shapes)
    return None if checker is None else checker.conforms(triples)

"""What the graph views need, read from the query store with a handful of SPARQL queries.

A :class:`Snapshot` holds plain Python records (IRIs and ISO dates as strings), so the
views of :mod:`kg.views.graphs` are pure functions over it and tests can build one by hand. Read
from a store, it is read part by part (actors, participations, statements, holdings,
encounters) as views first use them: at 10,000 readouts the statements alone take longer
to read than the whole interactions view needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from kg.namespaces import DEFAULT_BASE
from kg.sparql.query import ensure_union, run_query

__all__ = ["Snapshot", "Participation", "Statement", "Holding", "load_snapshot", "PARTS", "LANGS", "EVENT_TYPES"]

LANGS = ("en", "fr", "zh", "es")
EVENT_TYPES = ("PhoneCall", "VideoCall", "Meeting", "Talks", "Visit", "MessageExchange")
_KINDS = {"Person": "person", "State": "state", "Organization": "organization"}
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Participation:
    event: str
    type: str  # PhoneCall, Meeting ...
    date: str  # ISO date
    person: str


@dataclass(frozen=True)
class Statement:
    iri: str
    endorser: str
    stance: str  # support | oppose | congratulate
    target: str | None
    topic: str | None
    date: str | None  # earliest encounter of its readout, else the readout's publication date
    readout: str | None


@dataclass(frozen=True)
class Holding:
    person: str
    role: str  # role code: foreign_minister ...
    organization: str  # the state or organisation IRI
    date: str
    title: str | None


@dataclass
class Snapshot:
    """Actors, encounters, statements and posts of a knowledge graph, with their labels."""

    base: str = DEFAULT_BASE
    kinds: dict[str, str] = field(default_factory=dict)  # IRI -> person | state | organization
    codes: dict[str, str] = field(default_factory=dict)  # state or organisation IRI -> ISO3 or code
    represents: dict[str, str] = field(default_factory=dict)  # person IRI -> state or organisation IRI
    labels: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # IRI -> lang ("" untagged) -> labels
    participations: list[Participation] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    holdings: list[Holding] = field(default_factory=list)
    # readouts of one encounter (kg.build.resolve): a readout's event IRI -> the shared encounter and
    # -> the readouts reporting it; the shared encounter -> (type, date, readouts backing it); a
    # statement -> its event
    encounter_of: dict[str, str] = field(default_factory=dict)
    readouts_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    shared: dict[str, tuple[str, str | None, tuple[str, ...]]] = field(default_factory=dict)
    stated_at: dict[str, str] = field(default_factory=dict)

    def encounter(self, event: str) -> str:
        """The shared encounter a readout's event reports (the event itself when unresolved)."""
        return self.encounter_of.get(event, event)

    def node_id(self, iri: str) -> str:
        """A short stable id: the IRI less the base (``person/CHN/wang-yi``, ``state/CHN``)."""
        return iri[len(self.base):] if iri.startswith(self.base) and len(iri) > len(self.base) else iri

    def kind(self, iri: str) -> str:
        return self.kinds.get(iri, "other")

    def code(self, iri: str) -> str:
        """The ISO3 or organisation code of an actor, or of the actor a person represents."""
        if iri in self.codes:
            return self.codes[iri]
        actor = self.represents.get(iri)
        return self.codes.get(actor, "") if actor else ""

    def label(self, iri: str, lang: str = "en") -> str:
        """The label in ``lang``, else English, else an untagged one, else the code or local name.

        Labels are listed best first (the registry's before the readouts'); untagged person
        names in Han characters are preferred for ``zh``.
        """
        found = self.labels.get(iri, {})
        untagged = found.get("", [])
        if lang == "zh":
            han = [name for name in untagged if _HAN.search(name)]
            if han:
                return han[0]
        for key in (lang, "en"):
            if found.get(key):
                return found[key][0]
        latin = [name for name in untagged if not _HAN.search(name)]
        if latin or untagged:
            return (latin or untagged)[0]
        return self.codes.get(iri) or re.split(r"[/#]", iri)[-1]


def _values(store: Any, text: str) -> list[tuple[str | None, ...]]:
    return run_query(store, text).values()


def _key(row: tuple[str | None, ...]) -> tuple[str, ...]:
    """Rows sorted in Python (an unbound value first): ORDER BY costs pyoxigraph 3-4x the query."""
    return tuple(value or "" for value in row)


_P = """PREFIX kg: <https://w3id.org/readout-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def _labels(store: Any, registry: str | None) -> dict[str, dict[str, list[str]]]:
    rows = run_query(store, _P + "SELECT DISTINCT ?s ?label ?g WHERE { GRAPH ?g { ?s skos:prefLabel|rdfs:label ?label } }").rows
    ranked: dict[str, dict[str, set[tuple[int, str]]]] = {}
    for s, label, graph in rows:
        rank = 0 if graph is not None and graph.value == registry else 1
        ranked.setdefault(s.value, {}).setdefault(label.language or "", set()).add((rank, label.value))
    out: dict[str, dict[str, list[str]]] = {}
    for iri, by_lang in ranked.items():
        out[iri] = {}
        for lang, pairs in by_lang.items():
            names: list[str] = []
            for _, name in sorted(pairs):
                if name not in names:
                    names.append(name)
            out[iri][lang] = names
    return out


def _read_actors(store: Any, snap: Snapshot, registry: str | None) -> None:
    kinds, codes, represents = {}, {}, {}
    for s, c in _values(store, _P + "SELECT ?s ?c WHERE { VALUES ?c { kg:Person kg:State kg:Organization } ?s a ?c }"):
        kinds[s] = _KINDS[c.rsplit("#", 1)[-1]]
    for s, code in _values(store, _P + "SELECT ?s (MIN(?c) AS ?code) WHERE { ?s kg:iso3|kg:code ?c } GROUP BY ?s"):
        codes[s] = code
    for p, a in _values(store, _P + "SELECT ?p (MIN(STR(?a)) AS ?actor) WHERE { ?p kg:represents ?a } GROUP BY ?p"):
        represents[p] = a
    snap.kinds, snap.codes, snap.represents, snap.labels = kinds, codes, represents, _labels(store, registry)


def _read_participations(store: Any, snap: Snapshot, registry: str | None) -> None:
    # each property read whole in a sub-query and the tables joined: the on-disk store scans a
    # property once instead of looking each row up (same rows, 2-5x faster at 10,000 readouts)
    classes = " ".join(f"kg:{t}" for t in EVENT_TYPES)
    rows = _values(store, _P + f"""
            SELECT DISTINCT ?d ?e ?p ?c WHERE {{
              {{ SELECT ?e ?c WHERE {{ VALUES ?c {{ {classes} }} ?e a ?c }} }} {{ SELECT ?e ?d WHERE {{ ?e kg:date ?d }} }}
              {{ SELECT ?e ?taking WHERE {{ ?e kg:participation ?taking }} }}
              {{ SELECT ?taking ?p WHERE {{ ?taking kg:participant ?p }} }} }}""")
    snap.participations = [Participation(event, cls.rsplit("#", 1)[-1], date, person)
                           for date, event, person, cls in sorted(rows, key=_key)]


def _read_statements(store: Any, snap: Snapshot, registry: str | None) -> None:
    met = dict(_values(store, _P + "SELECT ?r (MIN(?d) AS ?met) WHERE { { SELECT ?e ?d WHERE { ?e kg:date ?d } } "
                                   "{ SELECT ?e ?r WHERE { ?e prov:wasDerivedFrom ?r } } } GROUP BY ?r"))
    issued = dict(_values(store, _P + "SELECT ?r (MIN(?d) AS ?issued) WHERE { ?r a kg:Readout ; dcterms:issued ?d } GROUP BY ?r"))
    first: dict[tuple[str | None, ...], str | None] = {}  # a statement (with each target and topic) -> its first readout
    for e, endorser, stance, target, topic, readout in _values(store, _P + """
            SELECT ?e ?by ?stance ?target ?topic ?r WHERE {
              { SELECT ?e WHERE { ?e a kg:Endorsement } } { SELECT ?e ?by WHERE { ?e kg:endorser ?by } }
              { SELECT ?e ?stance WHERE { ?e kg:stance ?stance } }
              OPTIONAL { SELECT ?e ?target WHERE { ?e kg:target ?target } }
              OPTIONAL { SELECT ?e ?topic WHERE { ?e kg:topic ?topic } }
              OPTIONAL { SELECT ?e ?r WHERE { ?e prov:wasDerivedFrom ?r } }
            }"""):
        key = (e, endorser, stance, target, topic)
        known = first.get(key, readout)
        first[key] = min(known, readout) if known and readout else known or readout
    statements = []
    for (e, endorser, stance, target, topic), readout in sorted(first.items(), key=lambda item: _key(item[0])):
        date = (met.get(readout) or issued.get(readout)) if readout else None
        statements.append(Statement(e, endorser, stance.rsplit("/", 1)[-1], target, topic, date, readout))
    stated_at: dict[str, str] = {}
    for statement, event in _values(store, _P + "SELECT ?s ?e WHERE { ?s kg:statedAt ?e }"):
        stated_at[statement] = min(stated_at.get(statement, event), event)
    snap.statements, snap.stated_at = statements, stated_at


def _read_holdings(store: Any, snap: Snapshot, registry: str | None) -> None:
    rows = _values(store, _P + """
            SELECT DISTINCT ?p ?role ?o ?d ?title WHERE {
              { SELECT ?h WHERE { ?h a kg:RoleHolding } } { SELECT ?h ?p WHERE { ?h org:member ?p } }
              { SELECT ?h ?role WHERE { ?h org:role ?role } } { SELECT ?h ?o WHERE { ?h org:organization ?o } }
              { SELECT ?h ?e WHERE { ?h kg:atEncounter ?e } } { SELECT ?e ?d WHERE { ?e kg:date ?d } }
              OPTIONAL { SELECT ?h ?title WHERE { ?h kg:titleAsWritten ?title } } }""")
    snap.holdings = [Holding(person, role.rsplit("/", 1)[-1], organization, date, title)
                     for person, role, organization, date, title in sorted(rows, key=_key)]


def _read_encounters(store: Any, snap: Snapshot, registry: str | None) -> None:
    """Which readouts report one encounter (:mod:`kg.build.resolve`), so views count encounters."""
    from kg.views.compare import encounter_reports
    from kg.build.resolve import resolve

    classes = {"phone_call": "PhoneCall", "video_call": "VideoCall", "meeting": "Meeting", "talks": "Talks",
               "visit": "Visit", "message": "MessageExchange"}
    encounter_of: dict[str, str] = {}
    readouts_of: dict[str, tuple[str, ...]] = {}
    shared_of: dict[str, tuple[str, str | None, tuple[str, ...]]] = {}
    reports, _ = encounter_reports(store, sources=False)
    for shared in resolve(reports, snap.base):
        readouts = tuple(sorted({r.readout for r in shared.reports}))
        shared_of[shared.iri] = (classes.get(shared.type, shared.type), shared.date, readouts)
        for report in shared.reports:
            encounter_of.setdefault(report.encounter, shared.iri)
            readouts_of[report.encounter] = tuple(sorted({*readouts_of.get(report.encounter, ()), report.readout}))
    snap.encounter_of, snap.readouts_of, snap.shared = encounter_of, readouts_of, shared_of


# what each part of a snapshot holds, and how it is read: a view reads only the parts it uses
_PARTS: dict[str, tuple[tuple[str, ...], Callable[[Any, Snapshot, str | None], None]]] = {
    "actors": (("kinds", "codes", "represents", "labels"), _read_actors),
    "participations": (("participations",), _read_participations),
    "statements": (("statements", "stated_at"), _read_statements),
    "holdings": (("holdings",), _read_holdings),
    "encounters": (("encounter_of", "readouts_of", "shared"), _read_encounters),
}
PARTS = tuple(_PARTS)
_PART_OF = {name: part for part, (names, _) in _PARTS.items() for name in names}


class _StoreSnapshot(Snapshot):
    """A :class:`Snapshot` that reads each part from its store the first time it is used."""

    def __init__(self, store: Any, base: str, registry: str | None) -> None:  # the parts are left unset
        self.base = base
        self._store, self._registry = store, registry

    def __getattr__(self, name: str) -> Any:  # called only for an attribute not set yet: a part not read yet
        part = _PART_OF.get(name)
        if part is None or "_store" not in self.__dict__:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        _PARTS[part][1](self._store, self, self._registry)
        return self.__dict__[name]


def load_snapshot(store: Any, lazy: bool = True) -> Snapshot:
    """A :class:`Snapshot` of a query store (see :func:`kg.sparql.query.open_store`). Lazily (the
    default) each part (:data:`PARTS`) is read when a view first uses it, so the store must stay
    open: `kg view interactions` never reads the statements. With ``lazy=False`` everything is
    read now and the snapshot keeps no reference to the store (a server that lets it go)."""
    ensure_union(store)
    registry = min((g for (g,) in _values(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
                    if g and g.endswith("/graph/registry")), default=None)
    snap = _StoreSnapshot(store, registry[: -len("graph/registry")] if registry else DEFAULT_BASE, registry)
    if lazy:
        return snap
    return Snapshot(base=snap.base, **{name: getattr(snap, name) for name in _PART_OF})

"""The graph as event data: one row per encounter side pair and per endorsement, in the
codes political scientists load into R or pandas (PLOVER/POLECAT, CAMEO/ICEWS).

The rows are read back from the graph with SPARQL, so what is exported is what was
published: every row keeps the sentence it rests on, its offsets, and the readout's file,
URL and publisher. The code tables live in ``kg/data/eventcodes.toml``."""

from __future__ import annotations

import csv
import json
import tomllib
from dataclasses import asdict, dataclass, fields
from importlib import resources
from pathlib import Path
from typing import IO, Any, Iterable

from kg.sparql.query import run_query

__all__ = ["EventRow", "event_rows", "filter_rows", "load_codes", "write_rows", "plover_record", "FORMATS",
           "PLOVER_SCHEMA"]

FORMATS = ("csv", "plover", "cameo")
_TYPES = {"PhoneCall": "phone_call", "VideoCall": "video_call", "Meeting": "meeting", "Talks": "talks",
          "Visit": "visit", "MessageExchange": "message"}


def _data(name: str) -> Path:
    return Path(str(resources.files("kg") / "data" / name))


PLOVER_SCHEMA = _data("plover-event.schema.json")


@dataclass
class EventRow:
    """One event-data record: who did what to whom, when, coded, with its evidence."""

    record: str  # encounter | endorsement
    event_id: str
    event_date: str | None
    date_inferred: bool
    kind: str  # the graph's type: phone_call ... | support, oppose, congratulate
    plover_type: str
    plover_mode: str
    context: str
    cameo_code: str
    cameo_label: str
    goldstein: float
    source_country: str
    source_name: str
    source_title: str
    target_country: str
    target_name: str
    target_title: str
    topic: str
    evidence: str
    evidence_start: int
    evidence_end: int
    readout_id: str
    readout_file: str
    url: str
    publisher: str
    language: str
    iri: str


def load_codes(path: Path | None = None) -> dict[str, Any]:
    with (path or _data("eventcodes.toml")).open("rb") as handle:
        return tomllib.load(handle)


_PREFIXES = """PREFIX kg: <https://w3id.org/readout-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
"""

# the readout a fact comes from, its sentence, and that sentence's offsets
_SOURCE = """
  ?readout kg:sourceFile ?file .
  OPTIONAL { ?readout schema:url ?url } OPTIONAL { ?readout dcterms:publisher ?publisher }
  OPTIONAL { ?readout dcterms:language ?lang }
  ?ev oa:hasSource ?readout ; oa:hasSelector ?q, ?pos .
  ?q oa:exact ?exact . ?pos oa:start ?start ; oa:end ?end .
"""

_ENCOUNTERS = _PREFIXES + """
SELECT DISTINCT ?e ?class ?date ?inferred ?readout ?file ?url ?publisher ?lang ?exact ?start ?end
       ?person ?name ?side ?title ?requester ?home
WHERE {
  VALUES ?class { kg:PhoneCall kg:VideoCall kg:Meeting kg:Talks kg:Visit kg:MessageExchange }
  ?e a ?class ; kg:dateInferred ?inferred ; prov:wasDerivedFrom ?readout ; kg:evidence ?ev ;
     kg:participation ?p .
  OPTIONAL { ?e kg:date ?date }
  ?p kg:participant ?person .
  ?person kg:represents ?actor .
  { ?actor kg:iso3 ?side } UNION { ?actor kg:code ?side }
  OPTIONAL { ?person rdfs:label ?name }
  OPTIONAL { ?p kg:roleHolding/kg:titleAsWritten ?title }
  OPTIONAL { ?e kg:requestedBy ?r . { ?r kg:iso3 ?requester } UNION { ?r kg:code ?requester } }
  OPTIONAL { ?readout kg:publisherState ?h . ?h kg:iso3 ?home }
""" + _SOURCE + "}"

_ENDORSEMENTS = _PREFIXES + """
SELECT DISTINCT ?s ?stance ?endorser ?target ?topic ?readout ?file ?url ?publisher ?lang ?exact ?start ?end
WHERE {
  ?s a kg:Endorsement ; kg:stance ?stance ; kg:endorser ?ea ; prov:wasDerivedFrom ?readout ; kg:evidence ?ev .
  { ?ea kg:iso3 ?endorser } UNION { ?ea kg:code ?endorser }
  OPTIONAL { ?s kg:target ?ta . { ?ta kg:iso3 ?target } UNION { ?ta kg:code ?target } }
  OPTIONAL { ?s kg:topic ?ti . { ?ti skos:prefLabel ?topic FILTER(LANG(?topic) = "en") } UNION { ?ti kg:code ?topic } }
""" + _SOURCE + "}"

# the day of a readout's statements: its earliest encounter, else its publication
_READOUT_DAYS = _PREFIXES + """
SELECT ?readout (MIN(?d) AS ?met) (MIN(?i) AS ?issued) (MAX(?inf) AS ?inferred) WHERE {
  ?readout a kg:Readout .
  OPTIONAL { ?e prov:wasDerivedFrom ?readout ; kg:date ?d ; kg:dateInferred ?inf }
  OPTIONAL { ?readout dcterms:issued ?i }
} GROUP BY ?readout
"""


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _bool(value: str | None) -> bool:
    return value == "true"


def event_rows(store: Any, codes: dict[str, Any] | None = None) -> list[EventRow]:
    """Every encounter (one row per pair of sides, per readout reporting it) and every
    endorsement of the graph in ``store``, coded, in a stable order."""
    codes = codes or load_codes()
    return sorted(_encounter_rows(store, codes) + _endorsement_rows(store, codes),
                  key=lambda r: (r.event_date or "", r.record, r.event_id))


def _encounter_rows(store: Any, codes: dict[str, Any]) -> list[EventRow]:
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for (e, cls, date, inferred, readout, file, url, publisher, lang, exact, start, end,
         person, name, side, title, requester, home) in run_query(store, _ENCOUNTERS).values():
        item = grouped.setdefault((e, readout), {
            "type": _TYPES[cls.rsplit("#", 1)[-1]], "date": date, "inferred": _bool(inferred),
            "file": file, "url": url or "", "publisher": publisher or "", "lang": lang or "",
            "evidence": (exact, int(start), int(end)), "sides": {}, "requester": requester, "home": home})
        people = item["sides"].setdefault(side, {})
        titles = people.setdefault(name or _local(person), set())
        if title:
            titles.add(title)
    rows = []
    for (e, readout), item in sorted(grouped.items()):
        table = codes["encounter"][item["type"]]
        sides = sorted(item["sides"])
        # the side that asked for the call, else the publisher's: who acts in event-data terms
        first = next((s for s in (item["requester"], item["home"]) if s in item["sides"]), sides[0])
        others = [s for s in sides if s != first]
        mode = codes.get("multilateral", {}).get("mode", "multilateral") if len(sides) >= 3 else table.get("mode", "")
        exact, start, end = item["evidence"]
        for other in others or [""]:
            source_name, source_title = _people(item["sides"][first])
            target_name, target_title = _people(item["sides"].get(other, {}))
            rows.append(EventRow(
                "encounter", f"{_local(e)}/{_local(readout)[:12]}/{first}-{other or 'none'}", item["date"],
                item["inferred"], item["type"], table["plover"], mode, table.get("context", ""), table["cameo"],
                table["cameo_label"], float(table["goldstein"]), first, source_name, source_title, other,
                target_name, target_title, "", exact, start, end, _local(readout), item["file"], item["url"],
                item["publisher"], item["lang"], e))
    return rows


def _people(people: dict[str, set[str]]) -> tuple[str, str]:
    """Names and titles of one side's participants, "; "-joined in name order."""
    names = sorted(people)
    return "; ".join(names), "; ".join(", ".join(sorted(people[n])) for n in names if people[n])


def _endorsement_rows(store: Any, codes: dict[str, Any]) -> list[EventRow]:
    days = {r: (met, issued, _bool(inf)) for r, met, issued, inf in run_query(store, _READOUT_DAYS).values()}
    rows = []
    seen: set[tuple[str, str]] = set()
    for (s, stance, endorser, target, topic, readout, file, url, publisher, lang, exact, start, end) \
            in sorted(run_query(store, _ENDORSEMENTS).values(), key=lambda row: tuple(x or "" for x in row)):
        if (s, readout) in seen:  # a topic with two labels is one statement
            continue
        seen.add((s, readout))
        kind = stance.rsplit("/", 1)[-1]
        table = codes["endorsement"][kind]
        met, issued, inferred = days.get(readout, (None, None, True))
        rows.append(EventRow(
            "endorsement", f"{_local(readout)[:12]}/{s.rsplit('#', 1)[-1]}", met or issued,
            inferred or met is None, kind, table["plover"], table.get("mode", ""), table.get("context", ""),
            table["cameo"], table["cameo_label"], float(table["goldstein"]), endorser, "", "", target or "", "", "",
            topic or "", exact, int(start), int(end), _local(readout), file, url or "", publisher or "", lang or "", s))
    return rows


def filter_rows(rows: Iterable[EventRow], start: str | None = None, end: str | None = None,
                topics: Iterable[str] = (), stances: Iterable[str] = (), states: Iterable[str] = (),
                registry: Any = None) -> list[EventRow]:
    """The rows within the dates (YYYY, YYYY-MM or YYYY-MM-DD), involving one of ``states``,
    on one of ``topics`` and of one of ``stances`` (these two keep only endorsements), with
    the checks and messages of the views' filters."""
    from kg.views.graphs import _slug, make_filters

    f = make_filters(start, end, topics, stances, states, registry)
    out = []
    for row in rows:
        if not f.dated(row.event_date):
            continue
        if f.states and not ({row.source_country, row.target_country} & f.states):
            continue
        if f.stances and not (row.record == "endorsement" and row.kind in f.stances):
            continue
        if f.topics and not (row.record == "endorsement" and row.topic and
                             {_slug(row.topic), row.topic.lower()} & f.topics):
            continue
        out.append(row)
    return out


# CAMEO data sets (ICEWS) name their columns so; the last ones are this project's provenance
_CAMEO_COLUMNS = [("Event ID", "event_id"), ("Event Date", "event_date"), ("Source Name", "source_name"),
                  ("Source Country", "source_country"), ("Event Text", "cameo_label"), ("CAMEO Code", "cameo_code"),
                  ("Intensity", "goldstein"), ("Target Name", "target_name"), ("Target Country", "target_country"),
                  ("Topic", "topic"), ("Sentence", "evidence"), ("Sentence Start", "evidence_start"),
                  ("Sentence End", "evidence_end"), ("Story ID", "readout_id"), ("Source File", "readout_file"),
                  ("URL", "url"), ("Publisher", "publisher"), ("Language", "language")]


def plover_record(row: EventRow) -> dict[str, Any]:
    """One PLOVER/POLECAT-style record (``kg/data/plover-event.schema.json``)."""
    return {
        "event_id": row.event_id, "event_date": row.event_date, "date_inferred": row.date_inferred,
        "event_type": row.plover_type, "event_mode": row.plover_mode or None,
        "contexts": [c for c in (row.context,) if c],
        "actor_country": row.source_country, "actor_name": row.source_name or None,
        "actor_title": row.source_title or None,
        "recipient_country": row.target_country or None, "recipient_name": row.target_name or None,
        "recipient_title": row.target_title or None, "topic": row.topic or None,
        "cameo_code": row.cameo_code, "source_text": row.evidence,
        "source_offsets": [row.evidence_start, row.evidence_end],
        "story_id": row.readout_id, "source_file": row.readout_file, "url": row.url or None,
        "publisher": row.publisher or None, "language": row.language or None, "iri": row.iri,
        "kg_record": row.record, "kg_type": row.kind,
    }


def write_rows(rows: Iterable[EventRow], fmt: str, handle: IO[str]) -> int:
    """Write ``rows`` as ``csv`` (every field), ``cameo`` (tab-separated, ICEWS columns) or
    ``plover`` (JSON lines); the number written."""
    count = 0
    if fmt == "plover":
        for row in rows:
            handle.write(json.dumps(plover_record(row), ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
        return count
    if fmt == "cameo":
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow([name for name, _ in _CAMEO_COLUMNS])
        for row in rows:
            writer.writerow([getattr(row, attribute) if getattr(row, attribute) is not None else ""
                             for _, attribute in _CAMEO_COLUMNS])
            count += 1
        return count
    if fmt == "csv":
        writer = csv.writer(handle, lineterminator="\n")
        names = [f.name for f in fields(EventRow)]
        writer.writerow(names)
        for row in rows:
            values = asdict(row)
            writer.writerow(["" if values[n] is None else values[n] for n in names])
            count += 1
        return count
    raise ValueError(f"unknown event-data format {fmt!r} (one of {', '.join(FORMATS)})")

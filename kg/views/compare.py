"""What each side says the other said: the readouts of one encounter, side by side.

The encounters of a graph are read back with SPARQL, grouped into shared encounters by
:mod:`kg.build.resolve`, and for each encounter reported by two or more readouts the claims are
lined up: stances one readout reports and another does not, and differing types, dates and
participants — each with the sentence that states it."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from kg.errors import QueryError
from kg.sparql.query import run_query
from kg.build.resolve import Report, SharedEncounter, resolve

__all__ = ["Claim", "Comparison", "encounter_reports", "compare", "explain", "format_comparisons"]

_P = """PREFIX kg: <https://w3id.org/readout-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
_TYPES = {"PhoneCall": "phone_call", "VideoCall": "video_call", "Meeting": "meeting", "Talks": "talks",
          "Visit": "visit", "MessageExchange": "message"}


@dataclass
class Claim:
    """One thing one readout says about the encounter, with its sentence."""

    readout: str  # the readout's source file
    kind: str  # type | date | participant | stance
    value: str
    sentence: str = ""
    only_here: bool = False  # no other readout of the encounter says it


@dataclass
class Comparison:
    encounter: str
    type: str
    date: str | None
    sides: list[str]
    readouts: list[dict[str, str]] = field(default_factory=list)  # file, url, publisher, type, date
    claims: list[Claim] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def encounter_reports(store: Any, sources: bool = True) -> tuple[list[Report], dict[str, dict[str, str]]]:
    """Each readout's encounters as :class:`Report` records, and each readout's file, URL
    and publisher (an empty table with ``sources=False``: the graph views need none)."""
    # each property read whole in a sub-query and the tables joined, the codes as one small
    # table before the optional parts: 150 s -> 0.5 s at 10,000 readouts
    rows = run_query(store, _P + """
        SELECT ?e ?class ?date ?readout ?side ?name WHERE {
          { SELECT ?e ?class WHERE {
              VALUES ?class { kg:PhoneCall kg:VideoCall kg:Meeting kg:Talks kg:Visit kg:MessageExchange } ?e a ?class } }
          { SELECT ?e ?readout WHERE { ?e prov:wasDerivedFrom ?readout } }
          { SELECT ?e ?p WHERE { ?e kg:participation ?p } } { SELECT ?p ?person WHERE { ?p kg:participant ?person } }
          { SELECT ?person ?actor WHERE { ?person kg:represents ?actor } }
          { SELECT ?actor ?side WHERE { { ?actor kg:iso3 ?side } UNION { ?actor kg:code ?side } } }
          OPTIONAL { SELECT ?p ?source WHERE { { SELECT ?p WHERE { ?x kg:participation ?p } }
                                               { SELECT ?p ?ev WHERE { ?p kg:evidence ?ev } }
                                               { SELECT ?ev ?source WHERE { ?ev oa:hasSource ?source } } } }
          FILTER(!BOUND(?source) || ?source = ?readout)
          OPTIONAL { SELECT ?person ?name WHERE { ?person rdfs:label ?name } }
          OPTIONAL { SELECT ?e ?date WHERE { ?e kg:date ?date } }
        }""").values()
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for e, cls, date, readout, side, name in rows:
        item = grouped.setdefault((e, readout), {"type": _TYPES[cls.rsplit("#", 1)[-1]], "date": date,
                                                  "sides": set(), "people": set()})
        item["sides"].add(side)
        if name:
            item["people"].add((side, name))
    # what the text says of an undated one's day (kg:monthDay, kg:possibleDay, kg:addressDay,
    # kg:occasionHint: kg.extract.hints.encounter_day_hints)
    month_days: dict[tuple[str, str], tuple[int, int]] = {}
    days: dict[tuple[str, str], set[str]] = {}
    addresses: dict[tuple[str, str], str] = {}
    occasions: dict[tuple[str, str], str] = {}
    for e, readout, md, day, address, occasion in run_query(store, _P + """
            SELECT DISTINCT ?e ?readout ?md ?day ?address ?occasion WHERE {
              GRAPH ?readout { { ?e kg:monthDay ?md } UNION { ?e kg:possibleDay ?day } UNION { ?e kg:addressDay ?address }
                               UNION { ?e kg:occasionHint ?occasion } }
            }""").values():  # in the readout's own graph: readouts of one pair's undated calls share its IRI
        if md:
            month_days[(e, readout)] = (int(md[2:4]), int(md[5:7]))
        if day:
            days.setdefault((e, readout), set()).add(day)
        if address:
            addresses[(e, readout)] = address
        if occasion:
            occasions[(e, readout)] = occasion
    reports = [Report(e, readout, item["type"], item["date"], frozenset(item["sides"]), frozenset(item["people"]),
                      month_days.get((e, readout)), frozenset(days.get((e, readout), ())), addresses.get((e, readout)),
                      occasions.get((e, readout)))
               for (e, readout), item in sorted(grouped.items())]
    if not sources:
        return reports, {}
    files = {r: {"file": f or "", "url": u or "", "publisher": p or ""} for r, f, u, p in run_query(store, _P + """
        SELECT ?r (MIN(?f) AS ?file) (MIN(STR(?u)) AS ?url) (MIN(?p) AS ?publisher) WHERE {
          ?r a kg:Readout ; kg:sourceFile ?f . OPTIONAL { ?r schema:url ?u } OPTIONAL { ?r dcterms:publisher ?p }
        } GROUP BY ?r""").values()}
    return reports, files


def _stances(store: Any) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(encounter, readout) -> [(stance as "KAZ support CHN on Xinjiang", sentence)]."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for e, readout, endorser, stance, target, topic, sentence in sorted(run_query(store, _P + """
            SELECT DISTINCT ?e ?readout ?endorser ?stance ?target ?topic ?sentence WHERE {
              ?s a kg:Endorsement ; kg:statedAt ?e ; prov:wasDerivedFrom ?readout ; kg:stance ?st ;
                 kg:endorser ?ea ; kg:evidence/oa:hasSelector/oa:exact ?sentence .
              { ?ea kg:iso3 ?endorser } UNION { ?ea kg:code ?endorser }
              OPTIONAL { ?s kg:target ?ta . { ?ta kg:iso3 ?target } UNION { ?ta kg:code ?target } }
              OPTIONAL { ?s kg:topic ?ti . { ?ti skos:prefLabel ?topic FILTER(LANG(?topic) = "en") }
                         UNION { ?ti kg:code ?topic } }
              BIND(STRAFTER(STR(?st), "/stance/") AS ?stance)
            }""").values(), key=lambda row: tuple(x or "" for x in row)):
        text = f"{endorser} {stance} {target or '-'}" + (f" on {topic}" if topic else "")
        out.setdefault((e, readout), []).append((text, sentence))
    return out


def compare(store: Any, only_shared: bool = True) -> list[Comparison]:
    """The comparisons of every encounter reported by two or more readouts (every
    encounter with ``only_shared`` False)."""
    reports, sources = encounter_reports(store)
    stances = _stances(store)
    out = []
    for shared in resolve(reports):
        if only_shared and len({r.readout for r in shared.reports}) < 2:
            continue
        out.append(_comparison(shared, sources, stances))
    return out


def _comparison(shared: SharedEncounter, sources: dict[str, dict[str, str]],
                stances: dict[tuple[str, str], list[tuple[str, str]]]) -> Comparison:
    comparison = Comparison(shared.iri, shared.type, shared.date, sorted(shared.sides), reasons=list(shared.reasons))
    said: dict[str, dict[tuple[str, str], str]] = {}  # readout file -> {(kind, value): sentence}
    for report in shared.reports:
        source = sources.get(report.readout, {"file": report.readout, "url": "", "publisher": ""})
        comparison.readouts.append({**source, "type": report.type, "date": report.date or "",
                                    "encounter": report.encounter})
        mine = said.setdefault(source["file"], {})
        mine[("type", report.type)] = ""
        mine[("date", report.date or "undated")] = ""
        for side, name in sorted(report.people):
            mine[("participant", f"{side}: {name}")] = ""
        for text, sentence in stances.get((report.encounter, report.readout), []):
            mine.setdefault(("stance", text), sentence)
    every = [set(claims) for claims in said.values()]
    for file, claims in said.items():
        for (kind, value), sentence in sorted(claims.items()):
            elsewhere = sum(1 for other in every if (kind, value) in other) - 1
            comparison.claims.append(Claim(file, kind, value, sentence, only_here=elsewhere == 0 and len(said) > 1))
    return comparison


def explain(store: Any, encounter: str) -> Comparison:
    """The shared encounter that ``encounter`` names — a readout's encounter IRI, the shared
    one, a part of either ("2022-03-15/phone_call"), or a readout's file name — with the
    readouts joined and why; :class:`~kg.errors.QueryError` when it names none or several."""
    reports, sources = encounter_reports(store)
    stances = _stances(store)
    needle = encounter.strip().strip("<>")
    hits = []
    for shared in resolve(reports):
        names = {shared.iri} | {r.encounter for r in shared.reports} | \
                {sources.get(r.readout, {}).get("file", "") for r in shared.reports}
        if any(needle and needle in name for name in names if name):
            hits.append(shared)
    if len(hits) == 1:
        return _comparison(hits[0], sources, stances)
    if not hits:
        raise QueryError(f"no encounter matches {encounter!r} (give an encounter IRI, part of one, or a readout's file name)")
    shown = ", ".join(f"{h.date or 'undated'} {h.type} {'-'.join(sorted(h.sides))} <{h.iri}>" for h in hits[:5])
    raise QueryError(f"{encounter!r} matches {len(hits)} encounters: {shown}{' ...' if len(hits) > 5 else ''}")


def format_comparisons(comparisons: list[Comparison], fmt: str) -> str:
    """As a table (the differences), CSV (one row per claim) or JSON."""
    if fmt == "json":
        return json.dumps([asdict(c) for c in comparisons], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["encounter", "type", "date", "sides", "readout", "claim", "value", "only_in_this_readout", "sentence"])
        for c in comparisons:
            for claim in c.claims:
                writer.writerow([c.encounter, c.type, c.date or "", " ".join(c.sides), claim.readout, claim.kind,
                                 claim.value, "yes" if claim.only_here else "", claim.sentence])
        return buffer.getvalue()
    lines = []
    for c in comparisons:
        lines.append(f"{c.date or 'undated'}  {c.type}  {' - '.join(c.sides)}  ({len(c.readouts)} readouts)  {c.encounter}")
        for r in c.readouts:
            lines.append(f"  readout {r['file']}: {r['type']}, {r['date'] or 'undated'}"
                         + (f", {r['publisher']}" if r["publisher"] else "") + (f" <{r['url']}>" if r["url"] else ""))
        differences = [claim for claim in c.claims if claim.only_here]
        if not differences:
            lines.append("  the readouts agree on type, date, participants and stances")
        for claim in differences:
            quote = f'  "{claim.sentence[:140]}"' if claim.sentence else ""
            lines.append(f"  only in {claim.readout}: {claim.kind} {claim.value}{quote}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n" if lines else "no encounter is reported by two readouts\n"

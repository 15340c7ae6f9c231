"""The gold format of ANNOTATION.md §5, read back from a readout's validated graph,
so `kg extract --format json` shows exactly what the graph holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from kg.errors import GoldFormatError
from kg.namespaces import DCTERMS, EVENT_CLASS, KG, OA, ORG, RDF, RDFS

__all__ = ["graph_to_gold", "load_gold", "GOLD_KEYS"]

GOLD_KEYS = ("source", "lang", "published", "events", "endorsements")
_TYPE_OF = {iri: name for name, iri in EVENT_CLASS.items()}


def _latin(name: str) -> bool:
    """Whether ``name`` is written in Latin letters (ANNOTATION.md §2 gives names in Latin
    script: a spelling in Cyrillic or Arabic is kept as written, the label is the name)."""
    return all(not c.isalpha() or c < "\u0250" or "\u1e00" <= c <= "\u1eff" for c in name)


def _code(graph: Graph, actor: URIRef | None) -> str | None:
    if actor is None:
        return None
    value = graph.value(actor, KG.iso3) or graph.value(actor, KG.code)
    return str(value) if value is not None else str(graph.value(actor, RDFS.label) or actor)


def graph_to_gold(graph: Graph, readout: URIRef) -> dict[str, Any]:
    events = []
    def text_order(event) -> tuple:
        evidence = graph.value(event, KG.evidence)
        starts = [graph.value(sel, OA.start) for sel in graph.objects(evidence, OA.hasSelector)] if evidence is not None else []
        first = min((int(x) for x in starts if x is not None), default=0)
        return (first, str(event))

    for event in sorted(set(graph.subjects(KG.participation, None)), key=text_order):
        types = [_TYPE_OF[t] for t in graph.objects(event, RDF.type) if t in _TYPE_OF]
        date = graph.value(event, KG.date)
        entry: dict[str, Any] = {"type": types[0] if types else None, "date": str(date) if date is not None else None}
        if graph.value(event, KG.dateInferred) is not None and graph.value(event, KG.dateInferred).toPython() is True:
            entry["date_inferred"] = True
        participants = []
        for participation in sorted(graph.objects(event, KG.participation), key=str):
            person = graph.value(participation, KG.participant)
            holdings = sorted(graph.objects(participation, KG.roleHolding), key=str)
            roles = [str(graph.value(h, ORG.role)).rsplit("/", 1)[-1] for h in holdings]
            titles = [str(graph.value(h, KG.titleAsWritten)) for h in holdings]
            written = graph.value(participation, KG.nameAsWritten)  # the readout's spelling, if not the label's
            participants.append({
                "name": str(written if written is not None and _latin(str(written)) else graph.value(person, RDFS.label)),
                "country": _code(graph, graph.value(person, KG.represents)),
                "roles": roles,
                "titles": list(dict.fromkeys(titles)),
            })
        entry["participants"] = participants
        events.append(entry)
    endorsements = []
    for node in graph.subjects(RDF.type, KG.Endorsement):
        topic = graph.value(node, KG.topic)
        topic_label = None
        if topic is not None:
            topic_label = str(graph.value(topic, KG.code) or graph.value(topic, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")))
        endorsements.append({
            "endorser": _code(graph, graph.value(node, KG.endorser)),
            "stance": str(graph.value(node, KG.stance)).rsplit("/", 1)[-1],
            "target": _code(graph, graph.value(node, KG.target)),
            "topic": topic_label,
        })
    endorsements.sort(key=lambda e: tuple(str(e[k]) for k in ("endorser", "stance", "target", "topic")))
    issued = graph.value(readout, DCTERMS.issued)
    return {
        "source": str(graph.value(readout, KG.sourceFile)),
        "lang": str(graph.value(readout, DCTERMS.language)),
        "published": str(issued) if issued is not None else None,
        "events": events,
        "endorsements": endorsements,
    }


def load_gold(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: not readable JSON ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("events"), list) or not isinstance(data.get("endorsements"), list):
        raise GoldFormatError(f"{path}: a gold file needs 'events' and 'endorsements' lists (ANNOTATION.md §5)")
    if not isinstance(data.get("source"), str):
        raise GoldFormatError(f"{path}: a gold file needs its 'source' file name")
    return data

"""The registry and entities graphs of a build: each entity described once, in one graph.

A readout's graph only references the states, organisations, people and topics it
mentions (:class:`kg.graph.rdf.ReadoutGraph`). The build then publishes, after the readouts:

* the registry graph, restricted to the entities some readout mentions and to what their
  descriptions point to (the state an official represents, the owner of a topic), so a
  small build does not ship the whole registry; or all of it (``kg build --full-registry``);
* the ``entities`` graph: what the readouts mention that the registry does not describe
  (people it does not know, the software that made the graphs), merged: each triple once,
  and one label per entity, so that the merged graph still conforms to the shapes.

What one readout brings is kept in the build cache as :func:`mentions_blob` bytes; the two
graphs are made again only when those of the published readouts change.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable

from kg.namespaces import RDFS, SKOS
from kg.graph.rdf import ReadoutGraph

__all__ = ["mentions_blob", "entity_graphs"]

# an entity has one label of each of these kinds (per language): a readout gives its own spelling
_ONE_LABEL = (f"<{RDFS.label}>", f"<{SKOS.prefLabel}>")


def mentions_blob(graph: ReadoutGraph) -> bytes:
    """What one readout brings to the two graphs: a line ``<iri>`` per registry entity it
    mentions, then the N-Triples lines of the descriptions of the others."""
    lines = [f"<{iri}>" for iri in graph.mentions] + graph.entity_lines
    return "".join(line + "\n" for line in lines).encode("utf-8")


def entity_graphs(chunks: Iterable[bytes], registry_lines: Callable[[], list[str]],
                  full: bool = False) -> tuple[list[str], list[str]]:
    """The lines (N-Triples without the final " .") of the registry graph and of the
    entities graph, sorted, for the published readouts' :func:`mentions_blob` ``chunks``.
    ``registry_lines`` gives the whole registry graph's lines, sorted."""
    mentioned: set[str] = set()
    given: Counter[str] = Counter()  # description line -> readouts that give it
    for chunk in chunks:
        for line in chunk.decode("utf-8").split("\n"):
            if not line:
                continue
            if " " in line:
                given[line] += 1
            else:
                mentioned.add(line)
    every = registry_lines()
    by_subject: dict[str, list[str]] = {}
    for line in every:
        by_subject.setdefault(line.split(" ", 1)[0], []).append(line)
    for line in given:  # what the entities graph points to in the registry (the state a person represents)
        target = line.split(" ", 2)[2]
        if target in by_subject:
            mentioned.add(target)
    registry = every if full else _closure(mentioned, by_subject)
    entities = _one_label_each([line for line in given if line.split(" ", 1)[0] not in by_subject], given)
    return registry, entities


def _closure(mentioned: set[str], by_subject: dict[str, list[str]]) -> list[str]:
    """The registry lines of the mentioned subjects and of the subjects their lines point to."""
    kept: set[str] = set()
    todo = [subject for subject in mentioned if subject in by_subject]
    while todo:
        subject = todo.pop()
        if subject in kept:
            continue
        kept.add(subject)
        todo += [target for line in by_subject[subject] if (target := line.split(" ", 2)[2]) in by_subject
                 and target not in kept]
    return sorted(line for subject in kept for line in by_subject[subject])


def _one_label_each(lines: list[str], given: Counter[str]) -> list[str]:
    """``lines`` sorted, keeping of the labels of a kind (and language) an entity has the one
    most readouts give, the first in sort order among equals: two readouts may spell one
    person two ways that fold to the same IRI."""
    best: dict[tuple[str, str, str], str] = {}
    others = []
    for line in lines:
        subject, predicate, value = line.split(" ", 2)
        if predicate not in _ONE_LABEL:
            others.append(line)
            continue
        kind = (subject, predicate, value.rsplit('"', 1)[1])  # the language tag, or ""
        held = best.get(kind)
        if held is None or (-given[line], line) < (-given[held], held):
            best[kind] = line
    return sorted(others + list(best.values()))

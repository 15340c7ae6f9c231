"""The extractor: one readout's text in, an :class:`~kg.model.Extraction` out.

Stages, each in its own module: ``layout`` (language, header, headline, body),
``persons`` (officials and their roles), ``events`` (the encounter), ``stances``
(endorsements). Every fact carries the span of the sentence it came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kg.extract.encounters import find_events
from kg.extract.layout import detect_language, page_words, read_layout
from kg.extract.persons import find_people
from kg.extract.stances import exchanged_congratulations, find_endorsements
from kg.model import Document, Endorsement, Event, Extraction, Span
from kg.knowledge.registry import Registry, load_registry
from kg.text import fold, simplified, to_original, without_glosses

__all__ = ["extract", "detect_language", "EXTRACTOR_VERSION"]

# Bump when a rule change alters output: part of the build cache key.
EXTRACTOR_VERSION = "19"


def role_checks(events: list, registry: Registry) -> list[str]:
    """"Wang Yi as head_of_state on 2021-01-21": a role the readout gives a known official
    that the registry's dated offices (offices.toml, a Wikidata import) say they did not
    hold that day. Reported, never corrected: either source may be wrong."""
    notes = []
    for event in events:
        if not event.date:
            continue
        day = dt.date.fromisoformat(event.date)
        for participant in event.participants:
            entry = registry.person_named(participant.name, participant.country)
            if entry is None or not entry.offices:
                continue
            dated = {role for role, _, _ in entry.offices}
            for role in sorted(participant.roles):
                if role in dated and not entry.held_on(day, role):
                    notes.append(f"role check: {participant.name} ({participant.country}) as {role} on {event.date}: "
                                 f"not a term the registry's offices know")
    return list(dict.fromkeys(notes))


def _in_original(events: list[Event], endorsements: list[Endorsement],
                 offsets: list[int]) -> tuple[list[Event], list[Endorsement]]:
    """Every evidence span of a text read without its glosses, moved back into the original
    text: provenance cites the page as written."""
    def moved(span: Span | None) -> Span | None:
        return Span(*to_original(span.start, span.end, offsets)) if span else None

    done: set[int] = set()  # a participant or event shared by two lists is moved once
    for event in events:
        if id(event) in done:
            continue
        done.add(id(event))
        event.evidence = moved(event.evidence)
        for participant in event.participants:
            if id(participant) in done:
                continue
            done.add(id(participant))
            participant.evidence = moved(participant.evidence)
            participant.role_evidence = {role: moved(span) for role, span in participant.role_evidence.items()}
    return events, [replace(endorsement, evidence=moved(endorsement.evidence)) for endorsement in endorsements]


def extract(document: Document, registry: Registry | None = None, lang: str | None = None) -> Extraction:
    """Extract the event, participants, roles and endorsements of one readout."""
    registry = registry or load_registry()
    original = document
    text = document.text
    lang = lang or document.lang or detect_language(text, registry)
    if lang not in registry.languages:
        return Extraction(document=document, lang=lang, published=document.published, published_inferred=False,
                          headline=document.title, publisher_country=None, events=[], endorsements=[],
                          notes=[f"unsupported language: {lang} (the extractor reads "
                                 f"{', '.join(sorted(registry.languages))})"])
    offsets = None
    if registry.is_cjk(lang):
        # reading glosses ("習(xí)近平") taken out: offsets map back at the end
        text, offsets = without_glosses(text)
        # traditional characters read through the simplified rules; offsets are unchanged
        text = simplified(text)
        if text is not document.text:
            document = replace(document, text=text)
    folded = fold(text)
    matches = registry.gazetteer(lang).find(text, folded)
    layout = read_layout(text, registry, lang, document.published, matches, document.url, document.publisher)
    words = page_words(registry, layout.lang, layout.publisher_country)
    sentences = layout.body
    home = layout.publisher_country
    people, mentions = find_people(text, sentences, matches, registry, layout.lang, home, layout.published)
    events = find_events(text, sentences, matches, mentions, people, words, layout.published, layout.year_anchor,
                         registry, home, layout.copy_day, layout.address)
    participants = list(dict.fromkeys(p.country for e in events for p in e.participants))
    endorsements = find_endorsements(text, sentences, matches, mentions, people, participants, registry, layout.lang) if events else []
    endorsements += exchanged_congratulations(folded, sentences, words, events, endorsements)
    notes = role_checks(events, registry) if events else \
        ["no encounter found: the text reports no call, meeting, talks, visit or message"]
    headline = (layout.headline.start, layout.headline.end) if layout.headline else None
    if offsets is not None:
        events, endorsements = _in_original(events, endorsements, offsets)
        headline = to_original(*headline, offsets) if headline else None
    return Extraction(
        document=original,
        lang=layout.lang,
        published=(layout.published.isoformat() if layout.published else None),
        published_inferred=document.published is None and layout.published_line is None,
        headline=original.text[headline[0]:headline[1]] if headline else None,
        publisher_country=layout.publisher_country,
        events=events,
        endorsements=endorsements,
        notes=notes,
        month_stamp=layout.year_anchor.strftime("%Y-%m") if layout.year_anchor else None,
    )

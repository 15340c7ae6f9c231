"""Plain data passed between pipeline stages: what was read, and what was extracted."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Span",
    "Document",
    "Participant",
    "Event",
    "Endorsement",
    "Extraction",
    "EVENT_TYPES",
    "ROLE_CODES",
    "STANCES",
]

EVENT_TYPES = ("phone_call", "video_call", "meeting", "talks", "visit", "message")
ROLE_CODES = (
    "head_of_state",
    "vice_head_of_state",
    "head_of_government",
    "deputy_head_of_government",
    "foreign_minister",
    "vice_foreign_minister",
    "state_councilor",
    "party_leader",
    "minister",
    "legislature_leader",
    "ambassador",
    "security_adviser",
    "organization_head",
    "other",
)
STANCES = ("support", "oppose", "congratulate")


@dataclass(frozen=True, order=True)
class Span:
    """Character offsets [start, end) into the document text: the evidence of a fact."""

    start: int
    end: int


@dataclass
class Document:
    """One readout as read from disk, before any extraction."""

    source: str  # file name relative to the sources folder
    text: str  # decoded text; every Span indexes into it
    sha256: str  # of the decoded text, NFC, as UTF-8
    lang: str | None = None  # from the manifest or --lang; detected when None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date from the manifest
    licence: str | None = None
    title: str | None = None  # page title from HTML, when known
    truncated: str | None = None  # why the text looks cut off (kept and flagged, not dropped)


@dataclass
class Participant:
    name: str
    country: str  # ISO alpha-3 or organisation code
    roles: dict[str, str] = field(default_factory=dict)  # role code -> title as written
    qid: str | None = None
    evidence: Span | None = None  # the sentence naming them as a participant
    written: str | None = None  # the name as the readout writes it, when not ``name`` ("Sergueï Lavrov")
    role_evidence: dict[str, Span] = field(default_factory=dict)


@dataclass
class Event:
    type: str
    date: str | None  # None: neither the text nor the publication gives a day
    date_inferred: bool
    participants: list[Participant]
    evidence: Span
    requested_by: str | None = None  # country code of the side that asked for the call

    def __post_init__(self) -> None:
        # an encounter no day is known for is undated by inference, whichever rule made it
        # (the shapes reject an undated encounter that says its date was read)
        if self.date is None:
            self.date_inferred = True


@dataclass(frozen=True)
class Endorsement:
    endorser: str
    stance: str
    target: str | None
    topic: str | None
    evidence: Span

    @property
    def key(self) -> tuple[str, str, str | None, str | None]:
        return (self.endorser, self.stance, self.target, self.topic)


@dataclass
class Extraction:
    """Everything one readout yields; the RDF stage turns it into a named graph."""

    document: Document
    lang: str
    published: str | None
    published_inferred: bool
    headline: str | None
    publisher_country: str | None
    events: list[Event]
    endorsements: list[Endorsement]
    notes: list[str] = field(default_factory=list)
    # "2022-01": the page's month-only stamp when it gives no full date; with a weekday
    # ("mercredi") it narrows an undated encounter to a few days (kg.extract.dates.undated_day)
    month_stamp: str | None = None

"""The ledger's records: what each stage hands the next, and what the JSON export carries.

Every record that points into a document does so with character offsets into
`Document.text` (the cleaned text), like spaCy's `Span`: no copies that can drift.
Per-document records (`Sentence` ... `EventMention`) come out of `extract/`;
cross-document records (`Entity`, `Event`, `Conflict`) come out of `link/`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Modality = Literal["asserted", "reported", "alleged", "claimed", "denied", "negated", "planned"]
Precision = Literal["minute", "hour", "day", "week", "month", "season", "year", "decade", "unknown"]
Status = Literal["corroborated", "single-source", "contested"]


class Record(BaseModel):
    """Frozen, picklable base: stages run in loops, process pools or on Dask workers."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# --- ingest and clean -------------------------------------------------------------------


class RawDocument(Record):
    """What ingest read from one file or record, before cleaning."""

    path: str = Field(description="File the text came from; `file.jsonl#12` for a record inside a file.")
    format: Literal["txt", "html", "jsonl", "warc"]
    text: str = Field(description="The article text as read (HTML already reduced to text).")
    original: str = Field(description="The original text or markup, kept so nothing is lost.")
    title: str | None = None
    source: str | None = Field(default=None, description="Outlet or agency that published it.")
    published: str | None = Field(default=None, description="Publication date, ISO 8601.")
    url: str | None = None
    metadata_from: dict[str, str] = Field(
        default_factory=dict, description="For each metadata field, where it was found (front-matter, dateline, ...)."
    )


class Removed(Record):
    """A block that clean took out of the article, kept with the reason."""

    start: int = Field(description="Offset in RawDocument.text.")
    end: int
    text: str
    reason: str


class Document(Record):
    """A cleaned article: `text` is what extraction reads and every offset refers to."""

    id: str = Field(description="Hash of the normalized article text; the same content gets the same id.")
    path: str
    format: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    text: str
    raw_text: str = Field(description="The text before cleaning.")
    original: str
    removed: tuple[Removed, ...] = ()
    metadata_from: dict[str, str] = Field(default_factory=dict)


class Skipped(Record):
    """A file or record that could not be read, with the reason and what to do."""

    path: str
    reason: str


# --- extract (per document) -------------------------------------------------------------


class Sentence(Record):
    index: int
    start: int
    end: int


class EntityMention(Record):
    start: int
    end: int
    text: str
    label: str = Field(description="spaCy or pattern label: PERSON, ORG, GPE, LOC, NORP, FAC, ...")
    sentence: int
    key: str = Field(description="Normalized alias key used to resolve the mention to an entity.")


class TimeValue(Record):
    """A temporal expression normalized TIMEX3-style, with the interval it allows."""

    start: int
    end: int
    text: str
    sentence: int
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    value: str = Field(description="TIMEX3 value: 2024-01-19, 2024-01, 2024-W12, P2W, PRESENT_REF, ...")
    earliest: str | None = Field(default=None, description="First possible day, ISO date.")
    latest: str | None = Field(default=None, description="Last possible day, ISO date.")
    precision: Precision = "day"
    approximate: bool = False
    anchor: str = Field(default="document", description="'document', or the event phrase it is relative to.")
    anchor_offset: str | None = Field(
        default=None, description="For event-anchored expressions: the offset from the anchor, e.g. -P2W."
    )


class Count(Record):
    """A reported figure: who says how many were killed, injured, arrested..."""

    kind: str = Field(description="killed, injured, missing, arrested, detained, hostages, attackers, ...")
    value: int | None = Field(description="Point value when the text gives one.")
    low: int | None = None
    high: int | None = None
    approximate: bool = False
    start: int
    end: int
    text: str
    sentence: int
    speaker: str | None = None


class Attribution(Record):
    speaker: str | None = Field(default=None, description="Who said it; 'unnamed source' for anonymous ones.")
    speaker_kind: Literal["named", "unnamed", "organization", "outlet", "none"] = "none"
    via: str | None = Field(default=None, description="The outlet or agency it came through ('Reuters').")
    cue: str | None = Field(default=None, description="The reporting verb or phrase ('said', 'according to').")


class Participant(Record):
    name: str
    role: Literal["actor", "target", "victim", "location", "instrument"]
    key: str = Field(description="Alias key of the entity, resolved in link.")
    start: int
    end: int


class EventMention(Record):
    id: str
    document: str
    sentence: int
    start: int = Field(description="Trigger start offset in Document.text.")
    end: int
    trigger: str
    text: str = Field(description="The sentence the mention is in.")
    type: str = Field(description="PLOVER type (ASSAULT, COERCE, ...) or an extension (CLAIM, WARN, ...).")
    mode: str | None = None
    modality: Modality = "asserted"
    attribution: Attribution = Attribution()
    date: TimeValue | None = None
    location: str | None = None
    location_key: str | None = None
    participants: tuple[Participant, ...] = ()
    counts: tuple[Count, ...] = ()


class Extraction(Record):
    """Everything extract found in one document."""

    document: str
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    times: tuple[TimeValue, ...] = ()
    events: tuple[EventMention, ...] = ()


# --- link (across documents) and the exported ledger ------------------------------------


class Entity(Record):
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = Field(default=None, description="ISO country code for places, from the gazetteer.")
    latitude: float | None = None
    longitude: float | None = None


class EventDate(Record):
    start: str | None = Field(description="First possible day, ISO date.")
    end: str | None = Field(description="Last possible day, ISO date.")
    precision: Precision
    text: str | None = Field(description="The expression the date was read from.")
    value: str | None = Field(default=None, description="TIMEX3 value.")
    approximate: bool = Field(default=False, description="An approximate expression ('a few days before').")
    document: str | None = None


class EventLocation(Record):
    name: str
    entity: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None


class EventParticipant(Record):
    entity: str | None
    name: str
    role: str


class ReportedCount(Record):
    kind: str
    value: int | None
    low: int | None = None
    high: int | None = None
    approximate: bool = False
    document: str
    speaker: str | None = None
    text: str
    start: int
    end: int


class MentionAttribution(Record):
    speaker: str | None = None
    speaker_kind: str = "none"
    via: str | None = None


class EventMentionRef(Record):
    id: str
    document: str
    sentence: int
    start: int
    end: int
    text: str = Field(description="The sentence that reports the event.")
    trigger: str
    modality: Modality
    attribution: MentionAttribution
    source: str | None = Field(default=None, description="Outlet of the document.")
    origin: str = Field(description="Origin group: mentions with one origin count as one independent source.")


class Event(Record):
    id: str
    type: str
    mode: str | None = None
    summary: str
    date: EventDate | None = None
    location: EventLocation | None = None
    participants: tuple[EventParticipant, ...] = ()
    counts: tuple[ReportedCount, ...] = ()
    mentions: tuple[EventMentionRef, ...] = ()
    independent_sources: int
    origins: tuple[str, ...] = ()
    status: Status


class ConflictValue(Record):
    value: str
    documents: tuple[str, ...]
    speaker: str | None = None


class Conflict(Record):
    event: str
    field: str
    values: tuple[ConflictValue, ...]


class LedgerDocument(Record):
    id: str
    source: str | None
    title: str | None
    published: str | None
    url: str | None
    path: str
    text: str = Field(description="The cleaned text that every offset in the ledger refers to.")
    removed: tuple[Removed, ...] = Field(default=(), description="Page furniture taken out, with the reason.")


class Ledger(Record):
    """The JSON export: the product's contract. Fields are added, never renamed."""

    schema_version: int
    generated_at: str
    documents: tuple[LedgerDocument, ...]
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    conflicts: tuple[Conflict, ...]
    skipped: tuple[Skipped, ...] = ()

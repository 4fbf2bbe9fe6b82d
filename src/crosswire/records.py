"""The ledger's records: what each stage hands the next, and what the JSON export carries.

Every record that points into a document does so with character offsets into
`Document.text` (the cleaned text), like spaCy's `Span`: no copies that can drift.
Per-document records (`Sentence` ... `EventMention`) come out of `extract/`;
cross-document records (`Entity`, `Event`, `Conflict`) come out of `link/`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Modality = Literal[
    "asserted", "reported", "alleged", "claimed", "denied", "negated", "planned", "doubted", "hypothetical", "question"
]
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
    anchor_event: str | None = Field(
        default=None, description="Set by link: the event an event-anchored expression was resolved against."
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
    implausible: str | None = Field(
        default=None, description="Why the figure cannot be right (extract/plausibility.py): kept, not used in summaries or conflicts."
    )


class Attribution(Record):
    speaker: str | None = Field(default=None, description="Who said it; 'unnamed source' for anonymous ones.")
    speaker_kind: Literal["named", "unnamed", "organization", "outlet", "none"] = "none"
    via: str | None = Field(default=None, description="The outlet or agency it came through ('Reuters').")
    cue: str | None = Field(default=None, description="The reporting verb or phrase ('said', 'according to').")
    chain: tuple[str, ...] = Field(
        default=(), description="Nested attribution, outermost first: ('Reuters', 'the Interior Ministry')."
    )


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
    anchor_event: str | None = Field(
        default=None, description="For a date read relative to another event ('two weeks before the attack'): that event's id."
    )
    anchor_offset: str | None = Field(default=None, description="The offset from the anchor event, e.g. -P2W.")


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
    implausible: str | None = Field(
        default=None, description="Why the figure cannot be right (extract/plausibility.py): kept, not used in summaries or conflicts."
    )


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
    reported: str | None = Field(default=None, description="Report time: the earliest publication date giving this value.")
    origins: tuple[str, ...] = Field(default=(), description="Origin groups that give this value.")


class Conflict(Record):
    event: str
    field: str
    values: tuple[ConflictValue, ...]
    kind: Literal["conflict", "revision"] = Field(
        default="conflict",
        description="conflict: different origins disagree; revision: one origin's later figure supersedes its earlier one.",
    )
    consolidated: str | None = Field(default=None, description="The value the ledger shows; `rule` says why.")
    low: str | None = Field(default=None, description="Lowest value reported.")
    high: str | None = Field(default=None, description="Highest value reported.")
    rule: str | None = Field(default=None, description="How `consolidated` was chosen; nothing is resolved silently.")


# --- competing versions of contested attributes (link/claims.py, link/versions.py) -------

Stance = Literal["asserts", "denies", "doubts"]
HolderKind = Literal["named", "unnamed", "organization", "outlet", "analyst"]


class Claim(Record):
    """One statement, in one sentence, for or against one value of an event's contested attribute.

    Claims of responsibility, accusations, denials and assessments are claims about an event, not events.
    """

    event: str
    attribute: str = Field(description="perpetrator, counts.killed, date, place, ...")
    value: str = Field(description="Normalized value: an entity id, a figure range, an ISO day.")
    value_name: str = Field(description="The value as shown: 'ISIS-Khorasan', 'at least 27', '2024-03-22'.")
    holder: str = Field(description="Who states it: a person, an organisation, an unnamed source, the outlet, an analyst.")
    holder_kind: HolderKind
    stance: Stance
    modality: Modality
    document: str | None = Field(default=None, description="None for evidence an analyst added by hand.")
    sentence: int | None = None
    start: int | None = Field(default=None, description="Sentence start offset in Document.text.")
    end: int | None = None
    text: str = Field(description="The sentence (Document.text[start:end]), or the analyst's note.")
    via: str | None = Field(default=None, description="The outlet or wire the statement came through.")
    origin: str = Field(description="Independence key: claims with one origin count once.")
    stake: str | None = Field(default=None, description="Why the holder has a stake in this value, if it has one.")
    rule: str = Field(description="The rule that read the claim: 'claim of responsibility', 'denial', a frame name, 'analyst'.")


class EvidenceQuote(Record):
    """Where one piece of evidence was read: a sentence of a document, with its offsets."""

    document: str
    sentence: int
    start: int
    end: int
    text: str
    modality: Modality
    via: str | None = None


class Evidence(Record):
    """One independent piece of evidence (one origin, one stance on one value): one row of a version's matrix."""

    id: str = Field(description="What the cells of the version's columns point to (`Cell.evidence`).")
    about: str = Field(description="The value the evidence speaks of; may differ from the column's (an affiliate).")
    holder: str
    holder_kind: HolderKind
    stance: Stance
    modality: Modality
    documents: tuple[str, ...]
    text: str = Field(description="The first sentence that carries it, or the analyst's note.")
    quotes: tuple[EvidenceQuote, ...] = ()
    origin: str = Field(description="One origin: the same wire copy, named holder, or unnamed source of one publication.")
    independence: str = Field(description="What the origin merges, in words ('2 reports, one wire copy').")
    stake: str | None = None


class Cell(Record):
    """Where one piece of evidence stands in one version's column; a piece with no cell there is neutral to it."""

    evidence: str = Field(description="The id of the piece in `Version.evidence`.")
    cell: Literal["consistent", "inconsistent"]
    reason: str = Field(description="Why the cell is what it is ('asserts it', 'denies its parent group').")


class VersionValue(Record):
    value: str
    entity: str | None = Field(default=None, description="Entity id when the value is an entity.")
    related: str | None = Field(default=None, description="How it relates to another value ('affiliate of Islamic State').")
    cells: tuple[Cell, ...] = Field(description="The column's consistent and inconsistent cells, in the order of the evidence.")
    consistent: int = Field(description="Independent origins whose evidence is consistent with this value.")
    inconsistent: int = Field(description="Independent origins whose evidence is inconsistent with this value.")
    inconsistent_without_stake: int = Field(description="The same, leaving out holders with a stake in it.")

    def cell_of(self, evidence: str) -> Cell | None:
        """The cell of a piece of evidence (by id) in this column; None where it is neutral."""
        return self.cell_by_evidence.get(evidence)

    @cached_property
    def cell_by_evidence(self) -> dict[str, Cell]:
        """Cells by the id of their piece: a matrix is drawn by looking up every row in every column."""
        return {c.evidence: c for c in self.cells}


class Version(Record):
    """An analysis-of-competing-hypotheses matrix for one contested attribute of one event.

    Each piece of evidence is written once, in `evidence` (the rows), and a column's cells point to it by
    id: a piece's sentences are not repeated in every column it has a cell in.
    """

    event: str
    attribute: str
    evidence: tuple[Evidence, ...] = Field(description="The independent pieces of evidence, the matrix's rows, in row order.")
    values: tuple[VersionValue, ...] = Field(description="Ordered by the stated rule, least contradicted first.")
    rule: str = Field(description="How cells are decided and values ordered.")
    reading: str = Field(description="What the matrix shows, and why one value leads, if one does.")


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
    """The JSON export: the product's contract. Within one `schema_version` fields are only added; a new layout
    bumps it (4: a version writes each piece of evidence once, in `Version.evidence`, and its cells point to it)."""

    schema_version: int
    generated_at: str
    documents: tuple[LedgerDocument, ...]
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    conflicts: tuple[Conflict, ...]
    skipped: tuple[Skipped, ...] = ()
    versions: tuple[Version, ...] = Field(
        default=(), description="Competing versions of contested attributes per event (perpetrator, toll, date, place)."
    )

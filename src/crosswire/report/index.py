"""A `Ledger` indexed for reading: what the report and the web app look up on every page.

Built once per ledger snapshot (milliseconds for thousands of events), so each page is dictionary
lookups. Fields other helpers may add to the records (versions, conflict kinds) are read with
`getattr`, so an older or newer ledger still renders.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from crosswire.records import Conflict, Entity, Event, EventMentionRef, Ledger, LedgerDocument, ReportedCount

# Colour classes for event types (crosswire.css defines .t0 ... .t11).
TYPE_COLOURS = 12
UNKNOWN_OUTLET = "unknown outlet"


@dataclass(frozen=True)
class Outlet:
    """One outlet's contribution to the ledger."""

    name: str
    token: str = field(repr=False)
    documents: tuple[LedgerDocument, ...]
    events: int
    mentions: int
    sole_source: int
    conflicts: int
    modalities: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Copy:
    """`document` repeats the story first published as `original` (same copy origin)."""

    document: LedgerDocument
    original: LedgerDocument


@dataclass(frozen=True)
class Statement:
    """One event mention with its event: 'who said what'."""

    event: Event
    mention: EventMentionRef


class LedgerIndex:
    """Lookups over one ledger: events in time order, by id, by entity, by document; outlets; copies."""

    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self.events: list[Event] = sort_timeline(ledger.events)
        self.event: dict[str, Event] = {e.id: e for e in self.events}
        self.document: dict[str, LedgerDocument] = {d.id: d for d in ledger.documents}
        self.entity: dict[str, Entity] = {e.id: e for e in ledger.entities}
        self._event_outlets: dict[str, list[str]] = {}
        self.types: list[str] = sorted({e.type for e in self.events})
        self._type_class = {t: f"t{i % TYPE_COLOURS}" for i, t in enumerate(self.types)}
        self.conflicts_of: dict[str, list[Conflict]] = defaultdict(list)
        for conflict in ledger.conflicts:
            self.conflicts_of[conflict.event].append(conflict)
        self.versions_of: dict[str, list[Any]] = defaultdict(list)
        for version in getattr(ledger, "versions", ()) or ():
            self.versions_of[getattr(version, "event", None)].append(version)
        self.roles_of_entity: dict[str, list[tuple[str, Event]]] = defaultdict(list)
        self.statements_in: dict[str, list[Statement]] = defaultdict(list)
        self.counts_in: dict[str, list[tuple[Event, ReportedCount]]] = defaultdict(list)
        for event in self.events:
            for participant in event.participants:
                if participant.entity:
                    self.roles_of_entity[participant.entity].append((participant.role, event))
            for mention in event.mentions:
                self.statements_in[mention.document].append(Statement(event, mention))
            for count in event.counts:
                self.counts_in[count.document].append((event, count))
        self.copies: list[Copy] = self._copies()
        self.outlets: list[Outlet] = self._outlets()
        self._outlet_token = {o.name: o.token for o in self.outlets}

    # --- per-item lookups used by the templates ----------------------------------------

    def dated(self) -> list[Event]:
        """Events with a first possible day, in time order."""
        return [e for e in self.events if e.date and e.date.start]

    def undated(self) -> list[Event]:
        return [e for e in self.events if not (e.date and e.date.start)]

    def type_class(self, event_type: str) -> str:
        return self._type_class.get(event_type, "t0")

    def outlet_of(self, document_id: str) -> str:
        document = self.document.get(document_id)
        return (document.source if document else None) or UNKNOWN_OUTLET

    def outlet_token(self, name: str) -> str:
        return self._outlet_token.get(name, "")

    def published_of(self, document_id: str) -> str:
        document = self.document.get(document_id)
        return (document.published or "")[:10] if document else ""

    def event_outlets(self, event: Event) -> list[str]:
        """The outlets reporting the event, in order of first report."""
        if event.id not in self._event_outlets:
            found = dict.fromkeys(self.outlet_of(m.document) for m in self.by_report_date(event.mentions))
            self._event_outlets[event.id] = list(found)
        return self._event_outlets[event.id]

    def outlet_tokens(self, event: Event) -> list[str]:
        return [self.outlet_token(name) for name in self.event_outlets(event)]

    def event_entities(self, event: Event) -> list[str]:
        return list(dict.fromkeys(p.entity for p in event.participants if p.entity))

    def by_report_date(self, items: list | tuple) -> list:
        """Mentions or counts in the order their documents were published (unknown dates last)."""
        return sorted(items, key=lambda item: (not self.published_of(item.document), self.published_of(item.document)))

    def conflict_fields(self, event: Event) -> set[str]:
        """'date', 'location', 'counts.killed', ...: the fields of the event the sources disagree on."""
        return {c.field for c in self.conflicts_of.get(event.id, ())}

    def participant_entities(self) -> list[Entity]:
        """Entities that take part in at least one event, by name: the timeline's entity filter."""
        return sorted((self.entity[i] for i in self.roles_of_entity if i in self.entity), key=lambda e: e.name.casefold())

    def statements_about(self, entity_id: str) -> list[Statement]:
        """Every sentence reporting the events the entity takes part in, oldest report first."""
        found = [Statement(e, m) for _, e in self.roles_of_entity.get(entity_id, ()) for m in e.mentions]
        # One sentence with two triggers of one event ("exploded ..., killing") is one statement.
        unique = {(s.event.id, s.mention.document, s.mention.text): s for s in reversed(found)}
        return sorted(unique.values(), key=lambda s: self.published_of(s.mention.document))

    def statements_by(self, entity_id: str) -> list[Statement]:
        """Mentions whose speaker resolved to the entity: what it said itself."""
        origin = f"speaker:{entity_id}"
        return [Statement(e, m) for e in self.events for m in e.mentions if m.origin == origin]

    def copy_of(self, document_id: str) -> LedgerDocument | None:
        return next((c.original for c in self.copies if c.document.id == document_id), None)

    # --- built once ---------------------------------------------------------------------

    def _copies(self) -> list[Copy]:
        # A mention's origin is "report:<first document of its copy group>" (or "unnamed:<...>").
        found: dict[str, str] = {}
        for event in self.events:
            for mention in event.mentions:
                kind, _, origin = mention.origin.partition(":")
                if kind in ("report", "unnamed") and origin != mention.document and origin in self.document:
                    found[mention.document] = origin
        return [Copy(self.document[d], self.document[o]) for d, o in sorted(found.items()) if d in self.document]

    def _outlets(self) -> list[Outlet]:
        documents: dict[str, list[LedgerDocument]] = defaultdict(list)
        for document in self.ledger.documents:
            documents[document.source or UNKNOWN_OUTLET].append(document)
        events: dict[str, set[str]] = defaultdict(set)
        mentions: Counter[str] = Counter()
        modalities: dict[str, Counter[str]] = defaultdict(Counter)
        for event in self.events:
            for mention in event.mentions:
                name = self.outlet_of(mention.document)
                events[name].add(event.id)
                mentions[name] += 1
                modalities[name][mention.modality] += 1
        sole = Counter(outlets[0] for e in self.events if len(outlets := self.event_outlets(e)) == 1)
        conflicts: Counter[str] = Counter()
        for conflict in self.ledger.conflicts:
            for name in {self.outlet_of(d) for value in conflict.values for d in value.documents}:
                conflicts[name] += 1
        names = sorted(documents, key=lambda n: (-len(events[n]), n.casefold()))
        return [
            Outlet(
                name=name, token=f"o{i}", documents=tuple(documents[name]), events=len(events[name]),
                mentions=mentions[name], sole_source=sole[name], conflicts=conflicts[name],
                modalities=tuple(modalities[name].most_common()),
            )
            for i, name in enumerate(names)
        ]  # fmt: skip


def sort_timeline(events) -> list[Event]:
    """Events by start date, then end date; undated ones (or ones with no start) last, in ledger order."""

    def key(event: Event) -> tuple[bool, str, str]:
        start = event.date.start if event.date else None
        end = event.date.end if event.date else None
        return (start is None, start or "", end or start or "")

    return sorted(events, key=key)

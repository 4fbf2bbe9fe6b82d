"""The cross-document stage: entities, source origins, events and their conflicts, from the store.

Incremental: only the reports not linked yet are read whole. Their copies, entities and candidate
events are looked up in the store by the keys they carry (copy bands, alias keys, event blocks), and
only the events they touch are consolidated again: events that got new mentions, events whose
entities or origins changed, and events dated from those ("two weeks before the attack").
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from crosswire.extract.places import lookup
from crosswire.link.anchors import record_anchor_events, resolve_event_anchors
from crosswire.link.consolidate import consolidate, speaker_name
from crosswire.link.entities import EntityIndex, EntityRecords, link_entities
from crosswire.link.events import (
    Blocks, Cluster, Features, assign_clusters, date_interval, features_json, local_clusters, stored_cluster,
)
from crosswire.link.sources import link_origins
from crosswire.link.versions import link_versions
from crosswire.records import Conflict, Event, EventDate, EventMention
from crosswire.settings import Settings
from crosswire.store import Store

__all__ = ["link"]

# Python's cyclic collector while linking: a young collection every 50,000 allocations, not 700. A link
# makes hundreds of thousands of records that live until it ends, and the default thresholds walk them
# again and again (linking 2,000 bench reports: 17.2 s of CPU, 11.8 s with these, as with no collector).
LINK_GC_THRESHOLDS = (50_000, 50, 50)


def link(store: Store, settings: Settings) -> int:
    """Link what is new in the store; returns the number of events that got new mentions."""
    with _fewer_collections():
        return _link(store, settings)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*LINK_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _link(store: Store, settings: Settings) -> int:
    new_documents = store.unlinked_documents()
    moved = link_origins(store, new_documents) if new_documents else {}
    changes = link_entities(store, new_documents)
    entity_of, entities = EntityIndex(store=store), EntityRecords(store=store)
    old_reports = store.documents_naming(changes.keys) | (moved.keys() - set(new_documents))
    affected = store.events_of_documents(old_reports) | store.events_claiming(changes.aliases)
    features_of = _features(entity_of, entities)

    new = [m for m, _ in store.event_mentions(unlinked=True)]
    _load(entity_of, entities, new)
    local = local_clusters(new, features_of=features_of, document_order=new_documents, window_days=settings.link_window_days)
    blocks = Blocks(settings.link_window_days)
    candidates = store.events_in_blocks({key for cluster in local for key in blocks.query(cluster)})
    for ev_id, features in store.event_features(candidates - affected).items():
        blocks.add(stored_cluster(ev_id, features))
    stale: dict[str, list[EventMention]] = defaultdict(list)
    for mention, event in store.event_mentions(events=candidates & affected):
        stale[event].append(mention)
    _load(entity_of, entities, (m for ms in stale.values() for m in ms))
    for ev_id, mentions in stale.items():
        blocks.add(_cluster(ev_id, mentions, features_of))  # stored features may name entities just regrouped
    assignments, touched = assign_clusters(local, blocks, features_of=features_of)
    store.assign_events(assignments)

    reports = _Reports(store)
    reports.seed(new_documents, new, assignments)
    members = _members(reports, touched | affected, entity_of, entities)
    store.put_event_features({
        ev_id: (features_json(cluster), blocks.keys(cluster))
        for ev_id, cluster in ((ev_id, _cluster(ev_id, ms, features_of)) for ev_id, ms in members.items())
    })
    stored_base = store.base_dates(members)
    events = _consolidate(store, members, entity_of, entities)
    base = {ev_id: event.date for ev_id, (event, _) in events.items()}
    redated = [ev_id for ev_id, date in base.items() if _json(date) != stored_base.get(ev_id)]
    # Events dated from a redated one ("two weeks before the attack") are dated again.
    dependent = store.events_of_documents(store.documents_of_events(redated), anchored=True) - members.keys()
    more = _members(reports, dependent, entity_of, entities)
    members.update(more)
    events.update(_consolidate(store, more, entity_of, entities))
    base.update({ev_id: events[ev_id][0].date for ev_id in more})
    events = _resolve_anchors(store, reports, members, events, base, entity_of, entities)

    stored = store.event_records(events)
    changed = [
        ev_id for ev_id, (event, conflicts) in events.items()
        if stored.get(ev_id) != (event.model_dump_json(), sorted(c.model_dump_json() for c in conflicts))
        or _json(base[ev_id]) != stored_base.get(ev_id)
    ]
    store.put_events(
        [events[i][0] for i in changed], [c for i in changed for c in events[i][1]],
        base_dates={i: _json(base[i]) for i in changed},
    )
    link_versions(
        store, settings, events=events, reports=set(new_documents) | old_reports, entity_of=entity_of,
        entities=entities, mentions_of=reports.mentions,
    )
    return len(touched)


def _features(entity_of: EntityIndex, entities: EntityRecords) -> Callable[[EventMention], Features]:
    def features(mention: EventMention) -> Features:
        place_entity = entities.get(entity_of.get(mention.location_key or "", ""))
        country = place_entity.country if place_entity else None
        if country is None and mention.location and (place := lookup(mention.location)):
            country = place.country
        return Features(
            interval=date_interval(mention.date),
            places=frozenset({place_entity.id} if place_entity else ()),
            countries=frozenset({country} if country else ()),
            participants=frozenset(entity_of[p.key] for p in mention.participants if p.key in entity_of),
        )

    return features


def _load(entity_of: EntityIndex, entities: EntityRecords, mentions: Iterable[EventMention]) -> None:
    """Fetch, in a few queries, the entities the mentions name."""
    mentions = list(mentions)
    keys = [k for m in mentions for k in (m.location_key, *(p.key for p in m.participants)) if k]
    entity_of.load(keys)
    entities.load({entity_of[k] for k in keys if k in entity_of})
    entity_of.load_names(
        {speaker_name(n) for m in mentions for n in (m.attribution.speaker, m.attribution.via) if n}
    )


class _Reports:
    """The linked event mentions of reports, read once in a link and shared by its steps."""

    def __init__(self, store: Store):
        self.store = store
        self.by_document: dict[str, list[tuple[EventMention, str]]] = {}

    def seed(self, documents: list[str], mentions: list[EventMention], events: dict[str, str]) -> None:
        """The new reports' mentions, already read, with the events just assigned: not read and parsed again.

        `mentions` are all unlinked mentions in the store's order (by document, then offset), so each new
        report gets all of its own, as `mentions` would read them.
        """
        new = set(documents)
        self.by_document.update({d: [] for d in new})
        for mention in mentions:
            if mention.document in new:
                self.by_document[mention.document].append((mention, events.get(mention.id)))

    def mentions(self, documents: Iterable[str]) -> list[tuple[EventMention, str]]:
        """(mention, event) of the documents, by document then offset."""
        documents = sorted(set(documents))
        missing = [d for d in documents if d not in self.by_document]
        self.by_document.update({d: [] for d in missing})
        for mention, event in self.store.event_mentions(documents=missing):
            self.by_document[mention.document].append((mention, event))
        return [pair for d in documents for pair in self.by_document[d]]


def _members(
    reports: _Reports, events: set[str], entity_of: EntityIndex, entities: EntityRecords
) -> dict[str, list[EventMention]]:
    members: dict[str, list[EventMention]] = defaultdict(list)
    for mention, event in reports.mentions(reports.store.documents_of_events(events)):
        if event in events:
            members[event].append(mention)
    _load(entity_of, entities, (m for ms in members.values() for m in ms))
    return dict(members)


def _cluster(ev_id: str, mentions: list[EventMention], features_of: Callable[[EventMention], Features]) -> Cluster:
    cluster = Cluster(id=ev_id, type=mentions[0].type)
    for mention in mentions:
        cluster.add_features(features_of(mention))
    return cluster


def _consolidate(
    store: Store, members: dict[str, list[EventMention]], entity_of: EntityIndex, entities: EntityRecords
) -> dict[str, tuple[Event, list[Conflict]]]:
    reports = {m.document for ms in members.values() for m in ms}
    documents = {d.id: d for d in store.documents(reports, texts=False)}
    origins = store.origins(reports)
    return {
        ev_id: consolidate(ev_id, ms, documents=documents, origins=origins, entity_of=entity_of, entities=entities)
        for ev_id, ms in members.items()
    }


def _resolve_anchors(
    store: Store,
    reports: _Reports,
    members: dict[str, list[EventMention]],
    events: dict[str, tuple[Event, list[Conflict]]],
    base: dict[str, EventDate | None],
    entity_of: EntityIndex,
    entities: EntityRecords,
) -> dict[str, tuple[Event, list[Conflict]]]:
    """Date event-anchored mentions from their anchor events' dates, and consolidate their events again."""
    anchored = {m.document for ms in members.values() for m in ms if m.date and m.date.anchor_offset}
    same_document: dict[str, list[EventMention]] = defaultdict(list)
    event_of = {}
    for mention, event in reports.mentions(anchored):
        same_document[mention.document].append(mention)
        event_of[mention.id] = event
    dates = dict(base)
    for ev_id, date in store.base_dates(set(event_of.values()) - dates.keys()).items():
        dates[ev_id] = EventDate.model_validate_json(date) if date else None
    resolved = resolve_event_anchors(members, dates, event_of, same_document)
    events.update(_consolidate(store, {ev_id: members[ev_id] for ev_id in resolved}, entity_of, entities))
    return record_anchor_events(members, events)


def _json(date: EventDate | None) -> str | None:
    return date.model_dump_json() if date else None

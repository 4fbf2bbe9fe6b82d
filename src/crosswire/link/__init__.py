"""The cross-document stage: entities, source origins, events and their conflicts, from the store."""

from __future__ import annotations

from collections import defaultdict

from crosswire.link.anchors import record_anchor_events, resolve_event_anchors
from crosswire.link.consolidate import consolidate
from crosswire.link.entities import resolve_entities
from crosswire.link.events import Features, cluster_mentions, date_interval
from crosswire.extract.places import lookup
from crosswire.link.sources import copy_groups
from crosswire.link.versions import link_versions
from crosswire.records import Conflict, Entity, Event, EventMention
from crosswire.settings import Settings
from crosswire.store import Store

__all__ = ["link"]


def link(store: Store, settings: Settings) -> int:
    """Link what is new in the store; returns the number of events written or updated."""
    documents = {d.id: d for d in store.documents()}
    order = list(documents)  # by publication date, then id
    origins = copy_groups(store.signatures(), order)
    store.replace_origins(origins)

    extractions = store.extractions()
    mentions_all = [m for e in extractions for m in e.entities]
    entities, entity_of = resolve_entities(mentions_all)
    store.replace_entities(entities, entity_of)
    by_id = {e.id: e for e in entities}

    def features(mention: EventMention) -> Features:
        place_entity = by_id.get(entity_of.get(mention.location_key or "", ""))
        country = place_entity.country if place_entity else None
        if country is None and mention.location and (place := lookup(mention.location)):
            country = place.country
        return Features(
            interval=date_interval(mention.date),
            places=frozenset({place_entity.id} if place_entity else ()),
            countries=frozenset({country} if country else ()),
            participants=frozenset(entity_of[p.key] for p in mention.participants if p.key in entity_of),
        )

    rows = store.event_mentions()
    existing: dict[str, list[EventMention]] = defaultdict(list)
    new = []
    for mention, event in rows:
        (existing[event].append(mention) if event else new.append(mention))
    assignments, touched = cluster_mentions(
        existing, new, features_of=features, document_order=order, window_days=settings.link_window_days
    )
    store.assign_events(assignments)
    members: dict[str, list[EventMention]] = defaultdict(list)
    for mention, event in rows:
        members[event or assignments[mention.id]].append(mention)

    def consolidated(ev_id: str):
        return consolidate(
            ev_id, members[ev_id], documents=documents, origins=origins, entity_of=entity_of, entities=by_id
        )

    # Every event is refreshed, not only the touched ones: origins and entities may have changed for all.
    events = {ev_id: consolidated(ev_id) for ev_id in members}
    resolved = resolve_event_anchors(members, events, assignments | {m.id: e for m, e in rows if e})
    events.update({ev_id: consolidated(ev_id) for ev_id in resolved})
    events = record_anchor_events(members, events)
    changed = _changed_events(store, events)
    store.put_events([events[i][0] for i in changed], [c for i in changed for c in events[i][1]])
    linked = [(mention, event or assignments[mention.id]) for mention, event in rows]
    store.replace_versions(
        *link_versions(
            store, settings, documents=documents, extractions={x.document: x for x in extractions},
            mentions=linked, origins=origins, entity_of=entity_of, entities=by_id,
        )
    )
    return len(touched)


def _changed_events(store: Store, events: dict[str, tuple[Event, list[Conflict]]]) -> list[str]:
    """The events whose record or conflicts differ from the stored ones: only those are rewritten."""
    stored = store.event_records()
    return [
        ev_id for ev_id, (event, conflicts) in events.items()
        if stored.get(ev_id) != (event.model_dump_json(), sorted(c.model_dump_json() for c in conflicts))
    ]

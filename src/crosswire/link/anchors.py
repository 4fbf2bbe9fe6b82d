"""Event-anchored dates: "two weeks before the attack" takes its days from the attack's event.

Extraction leaves such a date unresolved: the offset (`anchor_offset`, e.g. -P2W) and the phrase
naming the anchor (`anchor`). Once link has grouped mentions into events and consolidated their
dates, each anchored date is resolved against its anchor event's interval and records that event.

Which event is the anchor:
- the event of the mention named in the anchor phrase ("the attack" in "a few days before the
  attack"), when that event has a date;
- otherwise the dated event of the same type that the document reports most (then first): a phrase
  such as "the above-mentioned terror act" points at the story's main event of that kind, not at the
  latest one mentioned;
- for "a few days later" (anchor "previous"), the last dated mention before it in the document.

A mention inside the anchor phrase is the anchor itself, and a merely possible one ("warned of a
possible attack") had not happened at that time: neither takes the anchored date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping

from crosswire.extract.times import resolve_anchored
from crosswire.records import Event, EventDate, EventMention

__all__ = ["resolve_event_anchors", "record_anchor_events"]

# "A few days before the attack, X warned of a possible attack": the date is the warning's, not the
# possible attack's, which had not happened then.
_UNREALIZED = {"hypothetical", "question"}
# How far past the time phrase the anchor's trigger may sit ("two weeks before the above-mentioned terror act").
_PHRASE_SLACK = 40


def resolve_event_anchors(
    members: dict[str, list[EventMention]],
    dates: Mapping[str, EventDate | None],
    event_of: Mapping[str, str],
    same_document: Mapping[str, list[EventMention]] | None = None,
) -> set[str]:
    """Resolve every unresolved event-anchored date in `members` in place; returns the event ids changed.

    `dates` are the events' dates before anchored dates are resolved; `same_document` has every event
    mention of each document (by default, those in `members`).
    """
    by_document: dict[str, list[EventMention]] = defaultdict(list)
    if same_document is None:
        for ms in members.values():
            for m in ms:
                by_document[m.document].append(m)
    else:
        by_document.update(same_document)
    changed = set()
    for ev_id, ms in members.items():
        for i, mention in enumerate(ms):
            time = mention.date
            if time is None or time.anchor == "document" or time.anchor_offset is None or time.earliest:
                continue
            named = time.anchor != "previous" and time.start <= mention.start < time.end
            if named or mention.modality in _UNREALIZED:
                ms[i] = mention.model_copy(update={"date": None})
                changed.add(ev_id)
                continue
            anchor_id = _anchor_event(mention, by_document[mention.document], dates, event_of)
            if anchor_id is None:
                continue
            date = dates[anchor_id]
            resolved = resolve_anchored(time, dt.date.fromisoformat(date.start), dt.date.fromisoformat(date.end))
            ms[i] = mention.model_copy(update={"date": resolved.model_copy(update={"anchor_event": anchor_id})})
            changed.add(ev_id)
    return changed


def record_anchor_events(
    members: dict[str, list[EventMention]], events: dict[str, tuple[Event, list]]
) -> dict[str, tuple[Event, list]]:
    """Copy onto each event's date the anchor event of the mention date it was consolidated from."""
    updated = {}
    for ev_id, (event, conflicts) in events.items():
        date = event.date
        source = next(
            (m.date for m in members.get(ev_id, ()) if m.date and m.date.anchor_event and _same(m.date, date)), None
        )
        if source is None:
            updated[ev_id] = (event, conflicts)
            continue
        dated = date.model_copy(update={"anchor_event": source.anchor_event, "anchor_offset": source.anchor_offset})
        updated[ev_id] = (event.model_copy(update={"date": dated}), conflicts)
    return updated


def _same(time, date: EventDate | None) -> bool:  # noqa: ANN001 - a TimeValue
    return date is not None and time.text == date.text and time.earliest == date.start and time.latest == date.end


def _anchor_event(
    mention: EventMention,
    same_document: list[EventMention],
    dates: Mapping[str, EventDate | None],
    event_of: Mapping[str, str],
) -> str | None:
    time = mention.date

    def dated(ev_id: str | None) -> bool:
        date = dates.get(ev_id) if ev_id else None
        return date is not None and bool(date.start) and bool(date.end) and ev_id != event_of.get(mention.id)

    if time.anchor == "previous":
        earlier = [m for m in same_document if m.start < time.start and m.date and m.date.earliest]
        last = max(earlier, key=lambda m: m.start) if earlier else None
        return event_of.get(last.id) if last and dated(event_of.get(last.id)) else None
    named = [m for m in same_document if time.start <= m.start < time.end + _PHRASE_SLACK and m.id != mention.id]
    if not named:
        return None
    anchor = min(named, key=lambda m: m.start)
    if dated(event_of.get(anchor.id)):
        return event_of[anchor.id]
    kind = [m for m in same_document if m.type == anchor.type and dated(event_of.get(m.id))]
    if not kind:
        return None
    reports = Counter(event_of[m.id] for m in kind)
    first = {}
    for m in sorted(kind, key=lambda m: m.start):
        first.setdefault(event_of[m.id], m.start)
    return min(reports, key=lambda ev_id: (-reports[ev_id], first[ev_id]))

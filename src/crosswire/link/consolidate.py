"""From an event's mentions to one consolidated ledger row: date, place, figures, origins, conflicts.

Rules (docs/ledger.md):
- date: the most precise date any mention gives (day over month over year), the most reported on ties;
- place: the most specific (facility, then city, then country), the most reported on ties;
- figures: every source's figure is kept as its own value; two figures of one kind conflict when
  their ranges cannot both be true ("an estimated 100" and "95"; not "more than 140" and "143");
- independent sources: distinct origins (see `mention_origin`), not outlets;
- status: contested when a conflict exists, corroborated with two or more origins, else single-source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from crosswire.extract.places import lookup
from crosswire.link.entities import EntityIndex
from crosswire.records import (
    Conflict,
    ConflictValue,
    Document,
    Entity,
    Event,
    EventDate,
    EventLocation,
    EventMention,
    EventMentionRef,
    EventParticipant,
    MentionAttribution,
    ReportedCount,
)

PRECISION_RANK = {"minute": 0, "hour": 1, "day": 2, "week": 3, "month": 4, "season": 5, "year": 6, "decade": 7}
PLACE_RANK = {"FAC": 0, "LOC": 2, "GPE": 1}
TYPE_WORDS = {
    "ASSAULT": "Attack", "FIGHT": "Fighting", "COERCE": "Coercion", "DISAPPROVE": "Accusation",
    "INVESTIGATE": "Investigation", "REJECT": "Rejection", "THREATEN": "Threat", "PROTEST": "Protest",
    "DEMAND": "Demand", "AGREE": "Agreement", "CONSULT": "Meeting", "SUPPORT": "Support",
    "COOPERATE": "Cooperation", "AID": "Aid", "CONCEDE": "Concession", "RETREAT": "Retreat",
    "SANCTION": "Sanction", "MOBILIZE": "Mobilization", "CRIME": "Crime", "CLAIM": "Claim of responsibility",
    "WARN": "Warning", "DENY": "Denial", "COURT": "Court decision",
}
MODE_WORDS = {"firearms": "Shooting", "explosives": "Bombing", "arrest": "Arrests", "abduct": "Abduction",
              "suicide-attack": "Suicide attack", "torture": "Torture", "targeted": "Targeted killing"}


def mention_origin(mention: EventMention, document_origin: str, entity_of: Mapping[str, str]) -> str:
    """Where a mention's information comes from: the speaker, the wire it came through, or the report itself.

    Copies of one wire story share `document_origin`; an unnamed source counts once per origin document.
    """
    attribution = mention.attribution
    if attribution.speaker and attribution.speaker_kind in {"named", "organization", "outlet"}:
        return "speaker:" + _key_of(attribution.speaker, entity_of)
    if attribution.speaker_kind == "unnamed":
        return f"unnamed:{document_origin}"
    if attribution.via and attribution.speaker_kind != "none":
        return "via:" + _key_of(attribution.via, entity_of)
    return f"report:{document_origin}"


def _independent_origins(refs: list[EventMentionRef], origins: Mapping[str, str]) -> tuple[str, ...]:
    """One origin per report: the outside speaker or wire it relays when it relays only one, else the report.

    Copies of one wire story share a report origin, so syndication does not inflate the count.
    """
    by_document: dict[str, set[str]] = {}
    for ref in refs:
        if ref.modality in {"denied", "negated"}:
            continue  # a denial does not back the event it denies
        by_document.setdefault(ref.document, set()).add(ref.origin)
    result = set()
    for document, found in by_document.items():
        relayed = {o for o in found if not o.startswith(("report:", "unnamed:"))}
        result.add(relayed.pop() if len(relayed) == 1 and len(found) == 1 else f"report:{origins.get(document, document)}")
    return tuple(sorted(result))


def _key_of(name: str, entity_of: Mapping[str, str]) -> str:
    folded = speaker_name(name)
    return EntityIndex.of(entity_of).named(folded) or folded


def speaker_name(name: str) -> str:
    """The form a speaker's or wire's name is matched to entities by."""
    return name.casefold().removeprefix("the ").strip()


def consolidate(
    event_id: str,
    mentions: list[EventMention],
    *,
    documents: Mapping[str, Document],
    origins: Mapping[str, str],
    entity_of: Mapping[str, str],
    entities: Mapping[str, Entity],
) -> tuple[Event, list[Conflict]]:
    mentions = sorted(mentions, key=lambda m: (documents[m.document].published or "", m.document, m.start))
    refs = []
    for m in mentions:
        origin = mention_origin(m, origins.get(m.document, m.document), entity_of)
        refs.append(
            EventMentionRef(
                id=m.id, document=m.document, sentence=m.sentence, start=m.start, end=m.end, text=m.text,
                trigger=m.trigger, modality=m.modality, source=documents[m.document].source, origin=origin,
                attribution=MentionAttribution(
                    speaker=m.attribution.speaker, speaker_kind=m.attribution.speaker_kind, via=m.attribution.via
                ),
            )
        )
    origin_set = _independent_origins(refs, origins)
    counts = _counts(mentions)
    date = _date(mentions)
    location = _location(mentions, entity_of, entities)
    plausible = [c for c in counts if not c.implausible]
    conflicts = _count_conflicts(event_id, plausible, documents, origins) + _date_conflicts(event_id, mentions)
    status = "contested" if conflicts else ("corroborated" if len(origin_set) > 1 else "single-source")
    event_type = mentions[0].type
    modes = Counter(m.mode for m in mentions if m.mode)
    mode = modes.most_common(1)[0][0] if modes else None
    event = Event(
        id=event_id,
        type=event_type,
        mode=mode,
        summary=_summary(event_type, mode, date, location, plausible),
        date=date,
        location=location,
        participants=_participants(mentions, entity_of, entities),
        counts=tuple(counts),
        mentions=tuple(refs),
        independent_sources=len(origin_set),
        origins=origin_set,
        status=status,
    )
    return event, conflicts


def _date(mentions: list[EventMention]) -> EventDate | None:
    dated = [m for m in mentions if m.date and m.date.earliest and m.date.latest]
    if not dated:
        return None
    values = Counter(m.date.value for m in dated)
    best = min(
        dated,
        key=lambda m: (
            PRECISION_RANK.get(m.date.precision, 9) + (1 if m.date.approximate else 0),
            m.modality not in {"asserted", "reported"},
            -values[m.date.value],
        ),
    )
    return EventDate(
        start=best.date.earliest[:10], end=best.date.latest[:10], precision=best.date.precision,
        text=best.date.text, value=best.date.value, approximate=best.date.approximate,
        document=best.document,
    )


def _location(mentions, entity_of, entities) -> EventLocation | None:
    placed = [m for m in mentions if m.location]
    if not placed:
        return None
    labels = {}
    for m in placed:
        entity = entities.get(entity_of.get(m.location_key or "", ""))
        labels[m.id] = entity.type if entity else "GPE"
    freq = Counter(m.location_key for m in placed)
    best = min(placed, key=lambda m: (PLACE_RANK.get(labels[m.id], 3), -freq[m.location_key]))
    entity = entities.get(entity_of.get(best.location_key or "", ""))
    place = lookup(best.location) if entity is None else None
    return EventLocation(
        name=entity.name if entity else best.location,
        entity=entity.id if entity else None,
        country=entity.country if entity else (place.country if place else None),
        latitude=entity.latitude if entity else None,
        longitude=entity.longitude if entity else None,
    )


def _participants(mentions, entity_of, entities) -> tuple[EventParticipant, ...]:
    seen, result = set(), []
    for m in mentions:
        for p in m.participants:
            entity_id = entity_of.get(p.key)
            name = entities[entity_id].name if entity_id in entities else p.name
            if (entity_id or name, p.role) not in seen:
                seen.add((entity_id or name, p.role))
                result.append(EventParticipant(entity=entity_id, name=name, role=p.role))
    return tuple(result)


def _counts(mentions: list[EventMention]) -> list[ReportedCount]:
    seen, result = set(), []
    for m in mentions:
        for c in m.counts:
            key = (m.document, c.kind, c.value, c.low, c.high)
            if key not in seen:
                seen.add(key)
                result.append(
                    ReportedCount(
                        kind=c.kind, value=c.value, low=c.low, high=c.high, approximate=c.approximate,
                        document=m.document, speaker=c.speaker, text=c.text, start=c.start, end=c.end,
                        implausible=c.implausible,
                    )
                )
    return result


def _bounds(count: ReportedCount) -> tuple[float, float]:
    if count.value is not None:
        return count.value, count.value
    return (count.low if count.low is not None else 0), (count.high if count.high is not None else float("inf"))


def _count_label(count: ReportedCount) -> str:
    if count.value is not None:
        return f"about {count.value}" if count.approximate else str(count.value)
    if count.low is not None and count.high is not None:
        return f"{count.low}–{count.high}"
    if count.low is not None:
        return f"at least {count.low}"
    return f"at most {count.high}"


def _count_origin(count: ReportedCount, origins: Mapping[str, str]) -> str:
    """A figure's origin: who gave it when the report says so, else the report (copies share one)."""
    if count.speaker:
        return "speaker:" + count.speaker.casefold().removeprefix("the ").strip(" “”\"'")
    return "report:" + origins.get(count.document, count.document)


def _count_conflicts(event_id: str, counts: list[ReportedCount], documents, origins: Mapping[str, str]) -> list[Conflict]:
    """Figures that cannot all hold: a conflict between origins, or a revision by one origin over time.

    A revision needs one origin and later reports; anything else is a conflict (nothing is silently
    resolved). The consolidated value is the most recent figure from the most authoritative origin
    (a named speaker over a bare report), with the lowest and highest reported kept.
    """
    conflicts = []
    for kind in sorted({c.kind for c in counts}):
        of_kind = [c for c in counts if c.kind == kind]
        disagree = any(
            _bounds(a)[1] < _bounds(b)[0] or _bounds(b)[1] < _bounds(a)[0]
            for i, a in enumerate(of_kind)
            for b in of_kind[i + 1 :]
        )
        if not disagree:
            continue
        reported = {c.document: documents[c.document].published or "" for c in of_kind}
        by_label: dict[str, list[ReportedCount]] = {}
        for c in of_kind:
            by_label.setdefault(_count_label(c), []).append(c)
        values = tuple(
            ConflictValue(
                value=label,
                documents=tuple(dict.fromkeys(c.document for c in group)),
                speaker=next((c.speaker for c in group if c.speaker), None),
                reported=min(reported[c.document] for c in group) or None,
                origins=tuple(sorted({_count_origin(c, origins) for c in group})),
            )
            for label, group in by_label.items()
        )
        one_origin = len({_count_origin(c, origins) for c in of_kind}) == 1
        revision = one_origin and len({reported[c.document] for c in of_kind}) > 1
        best = max(of_kind, key=lambda c: (c.speaker is not None, reported[c.document]))
        conflicts.append(
            Conflict(
                event=event_id, field=f"counts.{kind}", values=values,
                kind="revision" if revision else "conflict",
                consolidated=_count_label(best),
                low=_count_label(min(of_kind, key=lambda c: _bounds(c)[0])),
                high=_count_label(max(of_kind, key=lambda c: _bounds(c)[1])),
                rule=("the origin's latest figure supersedes its earlier ones" if revision else
                      "most recent figure from the most authoritative origin (a named speaker over a bare report)"),
            )
        )
    return conflicts


def _date_conflicts(event_id: str, mentions: list[EventMention]) -> list[Conflict]:
    days: dict[str, list[EventMention]] = {}
    for m in mentions:
        if m.date and m.date.precision == "day" and not m.date.approximate and m.date.earliest:
            days.setdefault(m.date.earliest[:10], []).append(m)
    if len(days) < 2:
        return []
    values = tuple(
        ConflictValue(
            value=day,
            documents=tuple(dict.fromkeys(m.document for m in group)),
            speaker=next((m.attribution.speaker for m in group if m.attribution.speaker), None),
        )
        for day, group in sorted(days.items())
    )
    return [Conflict(event=event_id, field="date", values=values)]


def _summary(event_type, mode, date, location, counts) -> str:
    words = MODE_WORDS.get(mode or "", TYPE_WORDS.get(event_type, event_type.title()))
    parts = [words]
    if location:
        parts.append(f"in {location.name}")
    if date:
        parts.append(f"({date.value or date.start})")
    figures = Counter()
    for c in counts:
        if c.value is not None:
            figures[(c.kind, c.value)] += 1
    summary = " ".join(parts)
    if figures:
        kinds = {}
        for (kind, value), _ in figures.most_common():
            kinds.setdefault(kind, value)
        summary += ": " + ", ".join(f"{v} {k}" for k, v in kinds.items())
    return summary

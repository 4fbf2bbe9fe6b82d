"""Competing versions of an event's contested attributes, as analysis-of-competing-hypotheses matrices.

Columns are the values claimed (who did it; the toll; the date; the place), rows the independent
pieces of evidence: claims grouped by origin, value and stance, so one wire copy, one outlet, one
named holder or one unnamed source of one publication is one row however many reports carry it. Each cell is
consistent, inconsistent or neutral by the rule the matrix states, and values are ordered by the
evidence against them (ACH weighs inconsistency: consistent evidence often fits several versions).
The perpetrator matrix is drawn whenever a party is named; toll, date and place only when contested.
A matrix holds each piece of evidence once (its rows); its columns' cells point to the pieces by id.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from itertools import count

from crosswire.link.analyst import analyst_claims, events_matching, read_analyst_evidence
from crosswire.extract.names import alias_key, fold
from crosswire.link.claims import (
    PERPETRATOR, RELAYED_RULES, Corpus, Reading, ReadClaim, Statement, demonym_stems, read_claims, settle_claims,
)
from crosswire.link.entities import EntityIndex, EntityRecords
from crosswire.errors import UsageError
from crosswire.records import Cell, Claim, Entity, Event, EventMention, Evidence, EvidenceQuote, Version, VersionValue
from crosswire.settings import Settings
from crosswire.store import Store

RULES = {
    PERPETRATOR: (
        "A cell is consistent when the evidence asserts the version, or asserts an affiliate of the group it "
        "names; inconsistent when it denies or doubts the version, or denies the group it is an affiliate of; "
        "neutral otherwise: naming another party does not contradict a version, since parties can share the "
        "responsibility."
    ),
    "counts": "A cell is consistent when the figures can both hold (their ranges overlap), inconsistent when they cannot.",
    "date": "A cell is consistent when the dates' intervals overlap, inconsistent when they are disjoint.",
    "place": (
        "A cell is consistent for the same place or a place in the same country, inconsistent for a place in "
        "another country, neutral when a country is unknown."
    ),
}
COUNTING = (
    " Counts are of independent origins: one wire copy, one outlet, one named holder, or one unnamed source of "
    "one publication counts once however many reports carry it. Values are ordered by independent inconsistent "
    "evidence from holders without a stake, fewest first, then by all inconsistent evidence, then by consistent "
    "evidence, most first; a holder with a stake (a party claiming or denying its own part) is marked."
)
# relation of a claimed value to a column's value -> cell for an asserting and for a denying claim
_ASSERTS = {"same": "consistent", "implies": "consistent", "overlaps": "consistent", "excludes": "inconsistent"}
_DENIES = {"same": "inconsistent", "implied-by": "inconsistent"}
# What turns a group's name into a branch's: "-K", "-Khorasan", " Khorasan", " in the Arabian Peninsula".
_BRANCH = re.compile(r"-\w|\s+(?:in\s+(?:the\s+)?)?[A-Z]")
_PHRASES = {
    "implies": "an affiliate of it",
    "implied-by": "the group it is an affiliate of",
    "overlaps": "which can hold with it",
    "excludes": "which cannot hold with it",
}


def link_versions(
    store: Store,
    settings: Settings,
    *,
    events: Iterable[str],
    reports: Iterable[str],
    entity_of: EntityIndex,
    entities: EntityRecords,
    mentions_of: Callable[[Iterable[str]], list[tuple[EventMention, str | None]]],
) -> None:
    """Read what `reports` say about their events, then rewrite the versions of some events (and of the events
    analyst evidence names).

    A report is read when it is linked, and again only when its entities or copies change (link passes
    those); what it says is kept (`report_claims`), so an event's versions are rebuilt from those rows,
    however many reports the event has, rather than from every report's text.
    """
    _read_reports(store, set(reports), entity_of=entity_of, entities=entities, mentions_of=mentions_of)
    for path in settings.evidence:
        store.replace_analyst_evidence(path, read_analyst_evidence(path))
    touched = set(events)
    evidence = store.analyst_evidence()
    analyst: list[Claim] = []
    if evidence:  # its words may name any event and entity: only then are all events and entities read
        analyst = analyst_claims(evidence, {e.id: e for e in store.events()}, {e.id: e for e in store.entities()})
        touched |= {c.event for c in analyst} | store.events_with_analyst_claims()
    if not touched:
        return
    reading = Reading(claims=[], statements=[])
    for kind, record in store.report_claims(touched):
        if kind == "claim":
            reading.claims.append(ReadClaim.model_validate_json(record))
        else:
            reading.statements.append(Statement.model_validate_json(record))
    entities.load({r.claim.value for r in reading.claims} | {p for s in reading.statements for p in s.parties})
    claims = [c for c in settle_claims(reading, entities, store.event_places(touched)) + analyst if c.event in touched]
    entities.load({c.value for c in claims})
    copies = store.origins({c.document for c in claims if c.document})
    versions = compare_versions(claims, entities, copies=copies)
    kept = {(v.event, v.attribute) for v in versions}  # uncontested figures, dates and places are not stored
    store.replace_versions([c for c in claims if (c.event, c.attribute) in kept], versions, events=touched)


def _read_reports(
    store: Store,
    reports: set[str],
    *,
    entity_of: EntityIndex,
    entities: EntityRecords,
    mentions_of: Callable[[Iterable[str]], list[tuple[EventMention, str | None]]],
) -> None:
    """Read what each report says about its events on its own (link/claims.py) and keep it, replacing what it said."""
    mentions = [(m, e) for m, e in mentions_of(reports) if e]
    read = {m.document for m, _ in mentions}  # a report without a linked event mention says nothing about one
    if not read:
        store.replace_report_claims(reports, [])
        return
    origins = store.origins(read)
    documents = {d.id: d for d in store.documents(read)}
    documents.update({d.id: d for d in store.documents(set(origins.values()) - documents.keys(), texts=False)})
    extractions = {x.document: x for x in store.sentences_and_entities(read)}
    entity_of.load(
        [e.key for x in extractions.values() for e in x.entities]
        + [k for m, _ in mentions for k in (m.location_key, *(p.key for p in m.participants)) if k]
        + [alias_key(d.source, "ORG") for d in documents.values() if d.source]  # outlets as holders
    )
    entities.load(set(entity_of.values()))
    entity_of.load_outlets(set(entity_of.values()))
    entities.load_places({stem for e in entities.values() if e.type == "NORP" for stem in demonym_stems(fold(e.name))})
    corpus = Corpus(
        documents=documents, extractions=extractions, mentions=mentions, origins=origins, entity_of=entity_of,
        entities=entities,
    )
    reading = read_claims(corpus)
    position = count()
    rows = [(r.claim.document, next(position), r.claim.event, "claim", r.model_dump_json()) for r in reading.claims]
    rows += [(s.document, next(position), s.event, "statement", s.model_dump_json()) for s in reading.statements]
    store.replace_report_claims(reports, rows)


def select_versions(
    versions: Iterable[Version], events: Mapping[str, Event], *, event: str | None = None, attribute: str | None = None
) -> list[Version]:
    """The versions of the events an id or words pick (all without), for one attribute or all."""
    picked = None
    if event is not None:
        picked = {e.id for e in events_matching(event, events)}
        if not picked:
            raise UsageError(f"no event matches {event!r}. List them with `crosswire timeline`.")
    return [
        v for v in versions
        if (picked is None or v.event in picked) and (attribute is None or v.attribute == attribute)
    ]


def compare_versions(
    claims: Iterable[Claim], entities: Mapping[str, Entity], *, copies: Mapping[str, str] | None = None
) -> list[Version]:
    """One matrix per (event, attribute) with something to compare; `copies` maps a document to its copy group."""
    grouped: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[(claim.event, claim.attribute)].append(claim)
    versions = []
    for (event, attribute), group in sorted(grouped.items(), key=lambda kv: (kv[0][0], _attribute_rank(kv[0][1]))):
        relation = _Relation(attribute, entities)
        values = list(dict.fromkeys(c.value for c in group))
        if attribute != PERPETRATOR and not any(
            relation.of(a, b) == "excludes" for a in values for b in values
        ):
            continue
        versions.append(_matrix(event, attribute, group, values, relation, copies or {}))
    return versions


def _attribute_rank(attribute: str) -> int:
    order = [PERPETRATOR, "counts", "place", "date"]
    return order.index(attribute.split(".")[0]) if attribute.split(".")[0] in order else len(order)


def _matrix(
    event: str, attribute: str, claims: list[Claim], values: list[str], relation: "_Relation", copies: Mapping[str, str]
) -> Version:
    names = {}
    for claim in claims:
        names.setdefault(claim.value, claim.value_name)
    pieces = _pieces(claims, copies)
    by_id = {piece.id: piece for _, piece in pieces}
    columns = []
    for value in values:
        cells = []
        for about, piece in pieces:
            cell, reason = _cell(piece, about, value, relation)
            if cell is not None:
                cells.append(Cell(evidence=piece.id, cell=cell, reason=reason))
        inconsistent = [by_id[c.evidence] for c in cells if c.cell == "inconsistent"]
        columns.append(
            VersionValue(
                value=names[value],
                entity=value if value in relation.entities else None,
                related=relation.describe(value, values, names),
                cells=tuple(cells),
                consistent=len({by_id[c.evidence].origin for c in cells if c.cell == "consistent"}),
                inconsistent=len({e.origin for e in inconsistent}),
                inconsistent_without_stake=len({e.origin for e in inconsistent if not e.stake}),
            )
        )
    columns.sort(key=lambda v: (v.inconsistent_without_stake, v.inconsistent, -v.consistent, v.value))
    # Rows in the order the columns first reach them; every piece has a cell in the column of its own value.
    rows = dict.fromkeys(c.evidence for column in columns for c in column.cells)
    kind = attribute.split(".")[0]
    return Version(
        event=event, attribute=attribute, evidence=tuple(by_id[i] for i in rows), values=tuple(columns),
        rule=RULES[kind] + COUNTING, reading=_reading(columns),
    )


def _pieces(claims: list[Claim], copies: Mapping[str, str]) -> list[tuple[str, Evidence]]:
    """Claims grouped into independent pieces of evidence, one per (origin, value, stance), with the value."""
    grouped: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[(claim.origin, claim.value, claim.stance)].append(claim)
    pieces = []
    for (origin, value, stance), group in grouped.items():
        # Shown first: the holder's own words over a report of them, a named holder over the outlet.
        first = min(group, key=lambda c: (c.rule in RELAYED_RULES, c.holder_kind == "outlet"))
        documents = tuple(dict.fromkeys(c.document for c in group if c.document))
        quotes = tuple(
            dict.fromkeys(
                EvidenceQuote(document=c.document, sentence=c.sentence, start=c.start, end=c.end, text=c.text,
                              modality=c.modality, via=c.via)
                for c in group if c.document is not None and c.sentence is not None
            )
        )
        piece = Evidence(
            id=hashlib.sha1(f"{origin}|{value}|{stance}".encode()).hexdigest()[:12],
            about=first.value_name, holder=first.holder, holder_kind=first.holder_kind, stance=stance,
            modality=first.modality, documents=documents, text=first.text, quotes=quotes, origin=origin,
            independence=_independence(origin, documents, quotes, copies),
            stake=next((c.stake for c in group if c.stake), None),
        )
        pieces.append((value, piece))
    return pieces


def _independence(
    origin: str, documents: tuple[str, ...], quotes: tuple[EvidenceQuote, ...], copies: Mapping[str, str]
) -> str:
    if origin.startswith("analyst:"):
        return "added by an analyst"
    if len(documents) > 1:
        if len({copies.get(d, d) for d in documents}) == 1:
            return f"{len(documents)} reports, one wire copy: counted once"
        if origin.startswith(("outlet:", "report:")):
            return f"one outlet, in {len(documents)} reports: counted once"
        if origin.startswith("unnamed:"):
            return f"one unnamed source of one publication, in {len(documents)} reports: counted once"
        return f"one holder, relayed by {len(documents)} reports: counted once"
    if len(quotes) > 1:
        return f"{len(quotes)} sentences of one report, one origin: counted once"
    return "one statement"


def _cell(piece: Evidence, about: str, value: str, relation: "_Relation") -> tuple[str | None, str]:
    """The cell of a piece about value `about` in the column of `value`, and why; None for neutral."""
    link = relation.of(about, value)
    cell = (_ASSERTS if piece.stance == "asserts" else _DENIES).get(link or "")
    if cell is None:
        return None, ""
    if link == "same":
        return cell, f"{piece.stance} it"
    return cell, f"{piece.stance} {piece.about}, {_PHRASES[link]}"


class _Relation:
    """How one claimed value bears on another, by attribute."""

    def __init__(self, attribute: str, entities: Mapping[str, Entity]):
        self.kind = attribute.split(".")[0]
        self.entities = entities
        self._affiliates: dict[tuple[str, str], bool] = {}  # asked for every cell: names x aliases each time

    def of(self, a: str, b: str) -> str | None:
        if a == b:
            return "same"
        if self.kind == PERPETRATOR:
            if self._affiliate(a, b):
                return "implies"
            return "implied-by" if self._affiliate(b, a) else None
        if self.kind in ("counts", "date"):
            sep = "-" if self.kind == "counts" else "/"
            (a_low, a_high), (b_low, b_high) = _bounds(a, sep), _bounds(b, sep)
            return "overlaps" if a_low <= b_high and b_low <= a_high else "excludes"
        if self.kind == "place":
            countries = [self.entities[v].country if v in self.entities else None for v in (a, b)]
            if None in countries:
                return None
            return "overlaps" if countries[0] == countries[1] else "excludes"
        return None

    def describe(self, value: str, values: list[str], names: Mapping[str, str]) -> str | None:
        if self.kind != PERPETRATOR:
            return None
        parents = [names[v] for v in values if self._affiliate(value, v)]
        return f"affiliate of {', '.join(parents)}" if parents else None

    def _affiliate(self, a: str, b: str) -> bool:
        """'ISIS-K' and 'Islamic State-Khorasan' extend a name of 'Islamic State' (ISIS): an affiliate of it."""
        if (a, b) not in self._affiliates:
            self._affiliates[(a, b)] = self._extends(a, b)
        return self._affiliates[(a, b)]

    def _extends(self, a: str, b: str) -> bool:
        ea, eb = self.entities.get(a), self.entities.get(b)
        if ea is None or eb is None or {ea.type, eb.type} & {"GPE", "LOC", "FAC"}:
            return False
        for name_a in (ea.name, *ea.aliases):
            for name_b in (eb.name, *eb.aliases):
                rest = name_a[len(name_b):] if len(name_b) >= 2 and name_a.startswith(name_b) else ""
                if _BRANCH.match(rest):
                    return True
        return False


@functools.lru_cache(maxsize=65536)  # called for every pair of values in every matrix
def _bounds(value: str, sep: str) -> tuple[str | int, str | int]:
    low, _, high = value.partition(sep)
    if sep == "-":
        return int(low), int(high) if high else 10**12
    return low, high


def _reading(columns: list[VersionValue]) -> str:
    summary = "; ".join(
        f"{v.value}: {v.consistent} consistent, {v.inconsistent} inconsistent"
        + (f" ({v.inconsistent - v.inconsistent_without_stake} from holders with a stake)"
           if v.inconsistent != v.inconsistent_without_stake else "")
        for v in columns
    )
    if len(columns) == 1:
        return f"One version on record. {summary}."
    def against(v: VersionValue) -> tuple[int, int]:
        return v.inconsistent_without_stake, v.inconsistent

    best = against(columns[0])
    lead = [v.value for v in columns if against(v) == best]
    if len(lead) == len(columns):
        return f"{summary}. No version is less contradicted than another; consistent evidence alone does not decide."
    rest = columns[len(lead)]
    return (
        f"{summary}. Least contradicted: {' and '.join(lead)} ({best[0]} independent inconsistent piece(s) from "
        f"holders without a stake, {best[1]} in all), against {rest.inconsistent_without_stake} "
        f"({rest.inconsistent} in all) for {rest.value}. That ranks the versions; it does not prove one."
    )

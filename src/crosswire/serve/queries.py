"""The web app's read layer: a snapshot of the ledger file, filters over its events, and search.

The DuckDB file is opened read-only, read whole into a `LedgerIndex`, and closed again, so a
`crosswire build` can still write to it while the app runs; the snapshot is reloaded when the
file changes (checked with one stat() per request). Loading the example ledger takes about 0.15 s.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from crosswire.errors import StoreError
from crosswire.export import ledger_from_store
from crosswire.records import Event, LedgerDocument
from crosswire.report.html import Filters
from crosswire.report.index import LedgerIndex
from crosswire.report.timeline import event_interval
from crosswire.store import Store

SNIPPET = 90


class LedgerSnapshot:
    """The ledger file's content as of its last change; `current()` reloads when the file changed."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._index: LedgerIndex | None = None
        self.current()  # fail at startup, not on the first request, when the file is no ledger

    def current(self) -> LedgerIndex:
        with self._lock:
            stamp = self._file_stamp()
            if self._index is None or stamp != self._stamp:
                try:
                    self._index = self._load()
                    self._stamp = stamp
                except StoreError:
                    if self._index is None:
                        raise
                    # A build holds the file: keep serving the last snapshot and retry on the next request.
            return self._index

    def _file_stamp(self) -> tuple[int, int]:
        try:
            stat = self.path.stat()
        except OSError as exc:
            raise StoreError(f"{self.path}: no ledger here. Build one first: crosswire build PATH --db {self.path}") from exc
        return stat.st_mtime_ns, stat.st_size

    def _load(self) -> LedgerIndex:
        with Store.open(self.path, read_only=True) as store:
            return LedgerIndex(ledger_from_store(store))


def parse_day(value: str | None) -> date | None:
    """An ISO day from a form field; None for empty or malformed input (the filter is then off)."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def clean_filters(**values: str | None) -> Filters:
    """The filters as given, with malformed dates and unknown choices dropped."""
    start, end = parse_day(values.get("start")), parse_day(values.get("end"))
    status = values.get("status") or ""
    return Filters(
        start=start.isoformat() if start else "",
        end=end.isoformat() if end else "",
        type=values.get("type") or "",
        entity=values.get("entity") or "",
        source=values.get("source") or "",
        status=status if status in ("corroborated", "single-source", "contested") else "",
    )


def filter_events(index: LedgerIndex, filters: Filters) -> list[Event]:
    """The events that pass every filter set: a date range overlaps the event's possible days."""
    start, end = parse_day(filters.start), parse_day(filters.end)
    found = []
    for event in index.events:
        if filters.type and event.type != filters.type:
            continue
        if filters.status and event.status != filters.status:
            continue
        if filters.entity and filters.entity not in index.event_entities(event):
            continue
        if filters.source and filters.source not in index.event_outlets(event):
            continue
        if start or end:
            interval = event_interval(event)
            if interval is None or (start and interval[1] < start) or (end and interval[0] > end):
                continue
        found.append(event)
    return found


@dataclass(frozen=True)
class DocumentHit:
    document: LedgerDocument
    before: str
    match: str
    after: str


def search_events(index: LedgerIndex, query: str, limit: int = 50) -> list[Event]:
    """Events whose summary, type, place, participants or quotes contain every word of the query."""
    words = _words(query)
    if not words:
        return []
    found = []
    for event in index.events:
        haystack = " ".join(
            [event.summary, event.type, event.mode or "", event.location.name if event.location else ""]
            + [p.name for p in event.participants]
            + [m.text for m in event.mentions]
            + [m.attribution.speaker or "" for m in event.mentions]
        ).casefold()
        if all(w in haystack for w in words):
            found.append(event)
            if len(found) == limit:
                break
    return found


def search_documents(index: LedgerIndex, query: str, limit: int = 50) -> list[DocumentHit]:
    """Documents whose title, outlet or text contain every word of the query, with a snippet at the first."""
    words = _words(query)
    if not words:
        return []
    hits = []
    for document in index.ledger.documents:
        haystack = " ".join([document.title or "", document.source or "", document.text]).casefold()
        if not all(w in haystack for w in words):
            continue
        at = document.text.casefold().find(words[0])
        if at < 0:
            hits.append(DocumentHit(document, document.text[: SNIPPET * 2], "", ""))
        else:
            end = at + len(words[0])
            before = document.text[max(0, at - SNIPPET) : at]
            hits.append(DocumentHit(document, before, document.text[at:end], document.text[end : end + SNIPPET]))
        if len(hits) == limit:
            break
    return hits


def _words(query: str) -> list[str]:
    return [w for w in re.split(r"\s+", query.casefold().strip()) if w][:10]

"""Render a `Ledger` as one self-contained HTML page: no network, readable without JavaScript.

The templates are split into partials (`_event.html`, `_timeline.html`, ...) so the web app can
render one event with the same environment: `environment().get_template("_event.html")`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import jinja2

from crosswire.records import Event, EventMentionRef, Ledger, LedgerDocument
from crosswire.report.format import format_count, format_event_date, quote_parts, safe_href


@cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment: autoescaping on, undefined names an error, the format helpers as filters."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("crosswire.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(event_date=format_event_date, figure=format_count, safe_href=safe_href)
    env.globals.update(mention_quote=mention_quote)
    return env


def render_report(ledger: Ledger) -> str:
    """The whole report: header counts, timeline with evidence, conflicts, documents, skipped files."""
    events = sort_timeline(ledger.events)
    return (
        environment()
        .get_template("report.html")
        .render(
            ledger=ledger,
            events=events,
            events_by_id={event.id: event for event in events},
            documents={document.id: document for document in ledger.documents},
        )
    )


def sort_timeline(events: Iterable[Event]) -> list[Event]:
    """Events by start date, then end date; undated ones (or ones with no start) last, in ledger order."""

    def key(event: Event) -> tuple[bool, str, str]:
        start = event.date.start if event.date else None
        end = event.date.end if event.date else None
        return (start is None, start or "", end or start or "")

    return sorted(events, key=key)


def mention_quote(mention: EventMentionRef, document: LedgerDocument | None) -> tuple[str, str, str] | None:
    """(before, trigger, after) of the mention's sentence, located through the document's text."""
    return quote_parts(
        mention.text, mention.trigger, mention.start, mention.end, document.text if document else None
    )

"""Render a `Ledger` as HTML: one self-contained report file, or the pages of `crosswire serve`.

Both use one set of templates (`templates/`), one stylesheet (`crosswire.css`) and one script
(`crosswire.js`). The report inlines the two and allows exactly them by their sha256 in its
Content-Security-Policy; the app serves them as files under a CSP with no inline code at all.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jinja2

from crosswire.records import EventMentionRef, Ledger, LedgerDocument
from crosswire.report.format import format_count, format_event_date, quote_parts, safe_href
from crosswire.report.highlight import figure_anchor, highlight, mention_anchor
from crosswire.report.index import LedgerIndex, Statement
from crosswire.report.links import ReportLinks
from crosswire.report.timeline import event_interval, layout_timeline

ASSETS = ("crosswire.css", "crosswire.js")


@dataclass(frozen=True)
class Filters:
    """The timeline filters as the form shows them (empty string: not set)."""

    start: str = ""
    end: str = ""
    type: str = ""
    entity: str = ""
    source: str = ""
    status: str = ""


@dataclass(frozen=True)
class InlineAssets:
    """CSS and JS pasted into the page, each allowed by its hash and nothing else."""

    css: str
    js: str
    csp: str
    inline: bool = True


@dataclass(frozen=True)
class LinkedAssets:
    """CSS and JS served by the app as files."""

    css_url: str
    js_url: str
    inline: bool = False


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
    env.filters.update(
        event_date=format_event_date, figure=format_count, safe_href=safe_href, field_label=field_label, schema_name=schema_name
    )
    env.globals.update(
        mention_quote=mention_quote, mention_anchor=mention_anchor, figure_anchor=figure_anchor,
        highlight=highlight, statement=Statement, event_interval=event_interval,
    )  # fmt: skip
    return env


@cache
def asset(name: str) -> str:
    """The text of a packaged asset (`crosswire.css`, `crosswire.js`)."""
    if name not in ASSETS:
        raise KeyError(name)
    return (resources.files("crosswire.report") / "templates" / name).read_text(encoding="utf-8")


def inline_assets() -> InlineAssets:
    css, js = asset("crosswire.css"), asset("crosswire.js")
    csp = (
        f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    return InlineAssets(css=css, js=js, csp=csp)


def render_report(ledger: Ledger) -> str:
    """The whole report: timeline, every event with its evidence, sources, documents, skipped files."""
    index = LedgerIndex(ledger)
    return (
        environment()
        .get_template("report.html")
        .render(
            index=index, links=ReportLinks(), assets=inline_assets(), filters=Filters(), shown=None,
            axis=layout_timeline(index.events),
        )  # fmt: skip
    )


def mention_quote(mention: EventMentionRef, document: LedgerDocument | None) -> tuple[str, str, str] | None:
    """(before, trigger, after) of the mention's sentence, located through the document's text."""
    return quote_parts(
        mention.text, mention.trigger, mention.start, mention.end, document.text if document else None
    )


def field_label(field: str) -> str:
    """A conflict's field as a reader says it: 'counts.killed' -> 'number killed'."""
    kind, _, detail = field.partition(".")
    if kind == "counts" and detail:
        return f"number {detail}"
    return field.replace("_", " ").replace(".", " ")


def schema_name(schema: dict) -> str:
    """An OpenAPI schema as the API page names it: 'Event', 'list of Entity', 'object'."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        return "list of " + schema_name(schema["items"])
    return str(schema.get("type", "object"))


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")

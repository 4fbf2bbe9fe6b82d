"""Where a link goes: a page of the web app, or an anchor inside the one-file report.

The templates only ever call these, so the same templates serve both. `None` means "no page for
that here": the template shows the name as text.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode


class ReportLinks:
    """Anchors inside the single-file report."""

    in_report = True

    def home(self) -> str:
        return "#timeline"

    def event(self, event_id: str) -> str:
        return f"#event-{event_id}"

    def document(self, document_id: str, anchor: str | None = None) -> str:
        return f"#{anchor}" if anchor else f"#doc-{document_id}"

    def entity(self, entity_id: str | None) -> str | None:
        return None

    def outlet(self, name: str) -> str:
        return "#sources"


class AppLinks:
    """Pages of `crosswire serve`."""

    in_report = False

    def home(self) -> str:
        return "/"

    def event(self, event_id: str) -> str:
        return f"/events/{quote(event_id, safe='')}"

    def document(self, document_id: str, anchor: str | None = None) -> str:
        page = f"/documents/{quote(document_id, safe='')}"
        return f"{page}#{quote(anchor, safe='')}" if anchor else page

    def entity(self, entity_id: str | None) -> str | None:
        return f"/entities/{quote(entity_id, safe='')}" if entity_id else None

    def outlet(self, name: str) -> str:
        return "/?" + urlencode({"source": name})

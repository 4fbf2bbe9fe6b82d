"""`crosswire serve`: a JSON API and server-rendered pages over one ledger file, read-only.

The pages use the report's templates (crosswire.report), so the app and the one-file report show the
same timeline and event pages. Every response carries a strict Content-Security-Policy: scripts and
styles only from this app's own /static files, nothing inline, nothing from elsewhere.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from crosswire.records import Conflict, Entity, Event, LedgerDocument, Removed, Status, Version
from crosswire.report.html import ASSETS, LinkedAssets, asset, environment
from crosswire.report.index import LedgerIndex
from crosswire.report.links import AppLinks
from crosswire.report.timeline import layout_timeline
from crosswire.serve.queries import LedgerSnapshot, clean_filters, filter_events, parse_day, search_documents, search_events

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
MEDIA_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
LINKS = AppLinks()
ASSET_LINKS = LinkedAssets(css_url="/static/crosswire.css", js_url="/static/crosswire.js")


# --- API response models (the records themselves where they fit) -------------------------


class EventPage(BaseModel):
    total: int = Field(description="Events that pass the filters.")
    offset: int
    events: list[Event]


class EventDetail(BaseModel):
    event: Event
    conflicts: list[Conflict] = Field(description="Fields of the event the sources disagree on.")
    versions: list[Version] = Field(default=[], description="Competing versions (ACH matrices) of its contested attributes.")


class EntityRole(BaseModel):
    role: str
    event: str = Field(description="Event id.")


class EntityDetail(BaseModel):
    entity: Entity
    roles: list[EntityRole]


class DocumentSummary(BaseModel):
    id: str
    source: str | None
    title: str | None
    published: str | None
    url: str | None
    path: str
    copy_of: str | None = Field(description="Id of the document this one repeats (same story), if any.")
    events: list[str] = Field(description="Ids of the events it reports.")


class DocumentDetail(DocumentSummary):
    text: str = Field(description="The cleaned text every offset refers to.")
    removed: list[Removed]


class OutletSummary(BaseModel):
    name: str
    documents: list[str]
    events: int = Field(description="Events it reports.")
    sole_source: int = Field(description="Events no other outlet reports.")
    mentions: int
    conflicts: int = Field(description="Conflicts its documents take part in.")
    modalities: dict[str, int]


class CopyPair(BaseModel):
    document: str
    original: str


class SourcesDetail(BaseModel):
    outlets: list[OutletSummary]
    copies: list[CopyPair]


class SearchResult(BaseModel):
    events: list[Event]
    documents: list[DocumentSummary]


def create_app(db: str | Path) -> FastAPI:
    """The app over the ledger file `db` (opened read-only; raises StoreError if it is no ledger)."""
    snapshot = LedgerSnapshot(db)
    app = FastAPI(
        title="crosswire",
        description="Read a crosswire event ledger: events with their evidence, entities, documents, outlets.",
        version="1",
        docs_url=None,
        redoc_url=None,
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return _page("page_error.html", snapshot.current(), status_code=exc.status_code, status=exc.status_code, message=exc.detail)

    # --- JSON API -----------------------------------------------------------------------

    @app.get("/api/events", response_model=EventPage, summary="Events in time order, filtered")
    def api_events(
        start: date | None = Query(None, description="Only events that may fall on or after this day."),
        end: date | None = Query(None, description="Only events that may fall on or before this day."),
        type: str | None = Query(None, description="Event type: ASSAULT, COERCE, CLAIM, ..."),
        entity: str | None = Query(None, description="Entity id of a participant."),
        source: str | None = Query(None, description="Outlet name that reports the event."),
        status: Status | None = Query(None, description="corroborated, single-source or contested."),
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0),
    ) -> EventPage:
        index = snapshot.current()
        filters = clean_filters(
            start=start and start.isoformat(), end=end and end.isoformat(), type=type, entity=entity,
            source=source, status=status,
        )  # fmt: skip
        events = filter_events(index, filters)
        return EventPage(total=len(events), offset=offset, events=events[offset : offset + limit])

    @app.get("/api/events/{event_id}", response_model=EventDetail, summary="One event, its conflicts and versions")
    def api_event(event_id: str) -> EventDetail:
        index = snapshot.current()
        event = _get(index.event, event_id, "event")
        return EventDetail(event=event, conflicts=index.conflicts_of.get(event_id, []), versions=index.versions_of.get(event_id, []))

    @app.get("/api/entities", response_model=list[Entity], summary="Every entity, by name")
    def api_entities() -> list[Entity]:
        return sorted(snapshot.current().ledger.entities, key=lambda e: e.name.casefold())

    @app.get("/api/entities/{entity_id}", response_model=EntityDetail, summary="One entity and its roles in events")
    def api_entity(entity_id: str) -> EntityDetail:
        index = snapshot.current()
        entity = _get(index.entity, entity_id, "entity")
        roles = [EntityRole(role=role, event=event.id) for role, event in index.roles_of_entity.get(entity_id, ())]
        return EntityDetail(entity=entity, roles=roles)

    @app.get("/api/documents", response_model=list[DocumentSummary], summary="Every document, without its text")
    def api_documents() -> list[DocumentSummary]:
        index = snapshot.current()
        return [_summary(index, d) for d in index.ledger.documents]

    @app.get("/api/documents/{document_id}", response_model=DocumentDetail, summary="One document with its text")
    def api_document(document_id: str) -> DocumentDetail:
        index = snapshot.current()
        document = _get(index.document, document_id, "document")
        return DocumentDetail(**_summary(index, document).model_dump(), text=document.text, removed=list(document.removed))

    @app.get("/api/sources", response_model=SourcesDetail, summary="Outlets, what each contributes, who copies whom")
    def api_sources() -> SourcesDetail:
        index = snapshot.current()
        outlets = [
            OutletSummary(
                name=o.name, documents=[d.id for d in o.documents], events=o.events, sole_source=o.sole_source,
                mentions=o.mentions, conflicts=o.conflicts, modalities=dict(o.modalities),
            )
            for o in index.outlets
        ]  # fmt: skip
        copies = [CopyPair(document=c.document.id, original=c.original.id) for c in index.copies]
        return SourcesDetail(outlets=outlets, copies=copies)

    @app.get("/api/search", response_model=SearchResult, summary="Events and documents containing every word")
    def api_search(q: str = Query(..., min_length=1, max_length=200, description="Words; all must appear.")) -> SearchResult:
        index = snapshot.current()
        return SearchResult(
            events=search_events(index, q), documents=[_summary(index, h.document) for h in search_documents(index, q)]
        )

    # --- pages --------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(
        start: str | None = None, end: str | None = None, type: str | None = None, entity: str | None = None,
        source: str | None = None, status: str | None = None,
    ) -> HTMLResponse:  # fmt: skip
        index = snapshot.current()
        filters = clean_filters(start=start, end=end, type=type, entity=entity, source=source, status=status)
        shown = {e.id for e in filter_events(index, filters)}
        axis = layout_timeline(index.events, parse_day(filters.start), parse_day(filters.end))
        return _page("page_timeline.html", index, filters=filters, shown=shown, axis=axis)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(event_id: str) -> HTMLResponse:
        index = snapshot.current()
        return _page("page_event.html", index, event=_get(index.event, event_id, "event"))

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page() -> HTMLResponse:
        index = snapshot.current()
        entities = sorted(index.ledger.entities, key=lambda e: (-len(index.roles_of_entity.get(e.id, ())), e.name.casefold()))
        return _page("page_entities.html", index, entities=entities)

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(entity_id: str) -> HTMLResponse:
        index = snapshot.current()
        return _page("page_entity.html", index, entity=_get(index.entity, entity_id, "entity"))

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page() -> HTMLResponse:
        return _page("page_documents.html", snapshot.current())

    @app.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(document_id: str) -> HTMLResponse:
        index = snapshot.current()
        return _page("page_document.html", index, document=_get(index.document, document_id, "document"))

    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page() -> HTMLResponse:
        return _page("page_sources.html", snapshot.current())

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = Query("", max_length=200)) -> HTMLResponse:
        index = snapshot.current()
        return _page(
            "page_search.html", index, query=q, events=search_events(index, q), documents=search_documents(index, q)
        )

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs_page() -> HTMLResponse:
        # FastAPI's default /docs loads Swagger UI from a CDN; this page renders the OpenAPI document itself.
        return _page("page_api.html", snapshot.current(), spec=app.openapi())

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in ASSETS:
            raise HTTPException(404, f"no static file {name!r}")
        return Response(asset(name), media_type=MEDIA_TYPES[Path(name).suffix], headers={"Cache-Control": "no-cache"})

    return app


def _page(template: str, index: LedgerIndex, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(index=index, links=LINKS, assets=ASSET_LINKS, **context)
    return HTMLResponse(html, status_code=status_code)


def _get(table: dict, key: str, kind: str):
    if key not in table:
        raise HTTPException(404, f"No {kind} with id {key!r} in this ledger.")
    return table[key]


def _summary(index: LedgerIndex, document: LedgerDocument) -> DocumentSummary:
    original = index.copy_of(document.id)
    events = list(dict.fromkeys(s.event.id for s in index.statements_in.get(document.id, ())))
    return DocumentSummary(
        id=document.id, source=document.source, title=document.title, published=document.published, url=document.url,
        path=document.path, copy_of=original.id if original else None, events=events,
    )  # fmt: skip


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn until interrupted. 127.0.0.1 unless told otherwise: the ledger stays local."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")

"""Small articles written for these tests, and builders for the formats ingest reads."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosswire.ingest import read_paths
from crosswire.settings import Settings

PARAGRAPHS = (
    "A fire broke out at a warehouse on the edge of Lakeford late on Tuesday, the regional emergency service said, "
    "and crews from three towns were sent to fight it through the night.",
    "Officials said four workers were treated for smoke inhalation and that nobody was killed. The cause of the "
    "fire was not yet known, and investigators were expected at the site on Wednesday morning.",
    "Residents of nearby streets were told to keep their windows closed while the smoke cleared, the mayor's "
    "office said in a statement posted shortly after midnight.",
)


def article_html(title: str = "Warehouse fire in Lakeford", head: str = "", body_extra: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}{body_extra}</article><footer>All rights reserved</footer></body></html>"
    )


def warc_bytes(pages: list[tuple[str, str]], *, gzip: bool = True, status: str = "200 OK") -> bytes:
    """A WARC with a warcinfo record, then one response record per (url, html)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "crosswire tests"}))
    for url, html in pages:
        body = html.encode("utf-8")
        headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-03-26T08:30:00Z"},
        )
        writer.write_record(record)
    return buffer.getvalue()


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def read(*paths: Path, settings: Settings | None = None, **overrides: str) -> list:
    return list(read_paths(paths, settings=settings or Settings(), **overrides))


"""Read the HTML pages out of a web archive (.warc, .warc.gz), keeping what precedes a break in a cut file."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from crosswire.errors import InputError
from crosswire.ingest.encoding import decode, html_charset
from crosswire.ingest.html import read_html
from crosswire.ingest.metadata import Batch, Clue, build_document
from crosswire.records import RawDocument, Skipped

HTML_TYPES = ("text/html", "application/xhtml+xml")
CHUNK = 1 << 20  # records are read this much at a time
# warcio reports a file cut inside a record header as AttributeError, TypeError or ValueError, not its own error.
BROKEN = (ArchiveLoadFailed, EOFError, OSError, zlib.error, AttributeError, TypeError, ValueError)


def read_warc(path: Path, batch: Batch) -> Iterator[RawDocument | Skipped]:
    """One RawDocument per HTML response (status 200), path `file.warc.gz#OFFSET`; other records are passed over."""
    pages = 0
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        while True:
            try:
                record = next(records, None)
                page = None if record is None else _html_payload(record, _limit(batch))
            except BROKEN as exc:
                yield Skipped(path=str(path), reason=_cut_short(pages, exc))
                return
            except InputError as exc:
                yield Skipped(path=str(path), reason=str(exc))
                return
            if record is None:
                break
            if page is None:
                continue
            pages += 1
            where = f"{path}#{records.get_record_offset()}"
            try:
                yield _document(record, page, where, batch)
            except InputError as exc:
                yield Skipped(path=where, reason=str(exc))
        if records.get_record_length() is not None:
            stream.seek(records.get_record_offset() + records.get_record_length())
            if stream.read().strip():
                yield Skipped(path=str(path), reason=_cut_short(pages, "it ends inside a record"))
                return
    if pages == 0:
        yield Skipped(path=str(path), reason="no HTML pages (HTTP 200, text/html responses) in the WARC: nothing to read")


def _html_payload(record: ArcWarcRecord, limit: int) -> tuple[bytes, str | None] | None:
    """The page bytes (at most `limit` + 1) and the charset the server declared, or None for a record that is no HTML page.

    Reads every record to its end, in chunks, so that a file that broke off inside it is noticed
    and a huge record never sits in memory whole.
    """
    if not record.format.startswith("warc"):
        # warcio reads any line of text as the header of an old-style ARC record.
        raise InputError("not a WARC file (it does not start with a WARC/1.x record): remove it, or rename it")
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") or "").lower() if headers else ""
    if (headers is None or record.rec_type != "response" or headers.get_statuscode() != "200"
            or not content_type.startswith(HTML_TYPES)):
        _drain(record)
        page = None
    else:
        charset = next((part.split("=", 1)[1].strip(" \"'") for part in content_type.split(";")
                        if part.strip().startswith("charset=")), None)
        page = record.content_stream().read(limit + 1), charset
        _drain(record)
    if record.raw_stream.limit > 0:
        raise EOFError("the file ends inside a record")
    return page


def _drain(record: ArcWarcRecord) -> None:
    while record.raw_stream.read(CHUNK):
        pass


def _limit(batch: Batch) -> int:
    return int(batch.settings.max_file_mb * 1024 * 1024)


def _document(record: ArcWarcRecord, page: tuple[bytes, str | None], where: str, batch: Batch) -> RawDocument:
    data, charset = page
    if len(data) > _limit(batch):
        raise InputError(f"page is over max_file_mb = {batch.settings.max_file_mb:g}: "
                         "raise max_file_mb in crosswire.toml to read it")
    url = record.rec_headers.get_header("WARC-Target-URI")
    html = decode(data, declared=charset or html_charset(data))
    text, found = read_html(html, url=url)
    clues = [Clue("url", url, "warc-header")] if url else []
    clues += found
    if crawled := record.rec_headers.get_header("WARC-Date"):
        clues.append(Clue("published", crawled, "warc-date"))
    return build_document(path=where, format="warc", text=text, original=html, clues=clues, batch=batch)


def _cut_short(pages: int, cause: Exception | str) -> str:
    if isinstance(cause, (AttributeError, TypeError, ValueError)):
        cause = "a record header is cut or garbled"  # warcio's own wording would only confuse
    return (f"WARC file cut short or corrupt ({cause}); the {pages} page(s) before the break were read. "
            "Download or copy the file again to get the rest.")

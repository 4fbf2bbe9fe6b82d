"""Ingest: read news reports from files, folders, JSON Lines and web archives into `RawDocument`s.

Anything that cannot be read comes out as a `Skipped` with the reason and what to do; reading goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from crosswire.errors import InputError
from crosswire.ingest.encoding import decode, html_charset
from crosswire.ingest.html import read_html
from crosswire.ingest.jsonl import read_jsonl
from crosswire.ingest.metadata import Batch, build_document
from crosswire.ingest.text import read_text
from crosswire.ingest.walk import Format, walk
from crosswire.ingest.warc import read_warc
from crosswire.records import RawDocument, Skipped
from crosswire.settings import Settings

__all__ = ["read_paths"]


def read_paths(
    paths: Iterable[Path], *, source: str | None = None, published: str | None = None, settings: Settings
) -> Iterator[RawDocument | Skipped]:
    """Every article in `paths` (files or folders, walked in name order), or a `Skipped` for what cannot be read.

    `source` and `published` override what the documents say, for the whole batch. A bad `published`
    raises UsageError here, before anything is read.
    """
    return _read(paths, Batch.create(settings, source=source, published=published))


def _read(paths: Iterable[Path], batch: Batch) -> Iterator[RawDocument | Skipped]:
    for found in walk(paths, batch.settings):
        if isinstance(found, Skipped):
            yield found
            continue
        path, fmt = found
        try:
            yield from _read_one(path, fmt, batch)
        except Exception as exc:  # a bug must cost one file, not the night's batch
            detail = " ".join(str(exc).split())[:200]  # one line, however the library worded it
            yield Skipped(path=str(path), reason=f"crosswire failed on this file ({type(exc).__name__}: {detail}); "
                          "the other files are read as usual. Please report it with the file attached.")


def _read_one(path: Path, fmt: Format, batch: Batch) -> Iterator[RawDocument | Skipped]:
    if fmt == "jsonl":
        yield from read_jsonl(path, batch)
    elif fmt == "warc":
        yield from read_warc(path, batch)
    else:
        try:
            yield _read_file(path, fmt, batch)
        except InputError as exc:
            yield Skipped(path=str(path), reason=str(exc))


def _read_file(path: Path, fmt: Format, batch: Batch) -> RawDocument:
    """A .txt or .html file: one document."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror}): check its permissions") from exc
    if fmt == "html":
        original = decode(data, declared=html_charset(data))
        text, clues = read_html(original)
    else:
        original = decode(data)
        text, clues = read_text(original)
    return build_document(path=str(path), format=fmt, text=text, original=original, clues=clues, batch=batch)

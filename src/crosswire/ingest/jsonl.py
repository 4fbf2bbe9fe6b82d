"""Read a JSON Lines file (optionally gzipped): one article per line, as plain text or HTML."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from crosswire.errors import InputError
from crosswire.ingest.encoding import is_binary
from crosswire.ingest.html import read_html
from crosswire.ingest.metadata import Batch, Clue, build_document
from crosswire.ingest.text import read_text
from crosswire.records import RawDocument, Skipped

# JSON key -> RawDocument field; "date" is what many scrapers call the publication date.
FIELDS = (("title", "title"), ("source", "source"), ("url", "url"), ("published", "published"), ("date", "published"))


def read_jsonl(path: Path, batch: Batch) -> Iterator[RawDocument | Skipped]:
    """One RawDocument per good line, path `file.jsonl#LINE`; a broken line yields a Skipped and reading goes on."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    limit = int(batch.settings.max_file_mb * 1024 * 1024)
    total = 0
    number = 0
    try:
        with opener(path, "rb") as stream:
            # A line is read at most limit + 1 bytes at a time, so one endless line cannot fill memory.
            for number, raw in enumerate(iter(lambda: stream.readline(limit + 1), b""), start=1):
                total += len(raw)
                if total > limit:
                    yield Skipped(path=str(path), reason=f"more than max_file_mb = {batch.settings.max_file_mb:g} "
                                  f"once decompressed; stopped at line {number}: split the file, or raise max_file_mb")
                    return
                if number == 1 and is_binary(raw):
                    yield Skipped(path=str(path), reason="binary file, not JSONL: remove it from the folder")
                    return
                if not raw.strip():
                    continue
                where = f"{path}#{number}"
                try:
                    yield _document(raw, where, first=number == 1, batch=batch)
                except InputError as exc:
                    yield Skipped(path=where, reason=str(exc))
    except (OSError, EOFError, zlib.error) as exc:
        yield Skipped(path=str(path), reason=f"cannot be read after line {number} ({exc}): the lines before were "
                      "read; if it is gzipped, copy or download it again to get the rest")


def _document(raw: bytes, where: str, *, first: bool, batch: Batch) -> RawDocument:
    try:
        line = raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("line is not UTF-8, as JSON Lines must be: export the file again as UTF-8") from exc
    try:
        item: Any = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg}, column {exc.colno}): fix or remove the line") from exc
    except RecursionError as exc:
        raise InputError("JSON nested too deeply to read: fix or remove the line") from exc
    if not isinstance(item, dict):
        raise InputError('not a JSON object: each line must be like {"text": "..."} or {"html": "..."}')
    clues = [Clue(field, str(item[key]), "jsonl") for key, field in FIELDS if item.get(key) is not None]
    if isinstance(item.get("text"), str):
        original = item["text"]
        text, found = read_text(original)
    elif isinstance(item.get("html"), str):
        original = item["html"]
        text, found = read_html(original, url=item.get("url"))
    else:
        raise InputError('no "text" or "html" string in the object: add the article under one of these keys')
    return build_document(path=where, format="jsonl", text=text, original=original, clues=clues + found, batch=batch)

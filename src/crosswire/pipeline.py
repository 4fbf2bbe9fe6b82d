"""Wires the stages: ingest -> clean -> extract -> store -> link. The only module that knows their order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from crosswire.clean import clean_document
from crosswire.errors import InputError
from crosswire.extract import extract_documents
from crosswire.ingest import read_paths
from crosswire.link import link
from crosswire.link.sources import signature
from crosswire.records import Document, Skipped
from crosswire.settings import Settings
from crosswire.store import Store


@dataclass
class BuildReport:
    """What a build did, for the CLI's summary and `--json`."""

    read: int = 0
    added: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, document id it repeats)
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    extracted: int = 0
    events_touched: int = 0
    flagged: list[tuple[str, str]] = field(default_factory=list)  # (path, metadata note)


Progress = Callable[[str, int, int | None], None]


def build(
    paths: Iterable[Path],
    store: Store,
    settings: Settings,
    *,
    source: str | None = None,
    published: str | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Read new files into the store, extract what is not yet extracted, and link.

    Each document is committed with its extraction, so a killed build loses at most the batch in
    flight and a rerun picks up from there; known paths and known content are never stored twice.
    """
    report = BuildReport()
    tick = progress or (lambda stage, done, total: None)
    pending: list[tuple[Document, str]] = []
    for item in read_paths(paths, source=source, published=published, settings=settings):
        report.read += 1
        tick("read", report.read, None)
        if isinstance(item, Skipped):
            report.skipped.append(item)
            store.add_skipped(item)
            continue
        try:
            document = clean_document(item, settings)
        except InputError as exc:
            skipped = Skipped(path=item.path, reason=str(exc))
            report.skipped.append(skipped)
            store.add_skipped(skipped)
            continue
        for name, note in document.metadata_from.items():
            if note.startswith("rejected"):
                report.flagged.append((document.path, f"{name} {note}"))
        if store.known_path(document.path) == document.id:
            report.unchanged += 1
            continue
        if store.has_document(document.id) or any(d.id == document.id for d, _ in pending):
            report.duplicates.append((document.path, document.id))
            store.add_path(document.path, document.id, duplicate=True)
            continue
        pending.append((document, item.path))
        if len(pending) >= settings.batch_size:
            report.extracted += _extract_and_store(pending, store, settings)
            report.added += len(pending)
            pending = []
            tick("extract", report.extracted, None)
    if pending:
        report.extracted += _extract_and_store(pending, store, settings)
        report.added += len(pending)
        tick("extract", report.extracted, None)
    tick("link", 0, None)
    with store.transaction():
        report.events_touched = link(store, settings)
    return report


def _extract_and_store(batch: list[tuple[Document, str]], store: Store, settings: Settings) -> int:
    extractions = extract_documents([d for d, _ in batch], settings)
    with store.transaction():
        for (document, path), extraction in zip(batch, extractions):
            store.add_document(document, signature(document.text))
            store.add_path(path, document.id, duplicate=False)
            store.add_extraction(extraction)
    return len(batch)

"""Wires the stages: ingest -> clean -> extract -> store -> link. The only module that knows their order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from crosswire.clean import clean_document
from crosswire.engines import open_engine
from crosswire.errors import InputError
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

    Files stream through: only the batches in flight are held in memory. Each batch is committed
    with its extraction in one transaction, and linking in another, so a killed build loses at most
    the batches in flight and a rerun picks up from there; known paths and known content are never
    stored twice.
    """
    report = BuildReport()
    tick = progress or (lambda stage, done, total: None)
    flight = _InFlight()
    documents = _new_documents(paths, store, settings, report, flight, tick, source=source, published=published)
    with open_engine(settings, scratch=store.path.with_name(store.path.name + ".work")) as engine:
        for batch, extractions in engine.run(_batches(documents, settings.batch_size)):
            pairs = list(zip(batch, extractions, strict=True))
            with store.transaction():  # a few statements a batch: a statement a row cost more than the parse
                store.add_documents([(document, signature(document.text)) for document, _ in pairs])
                store.add_paths([(document.path, document.id) for document, _ in pairs])
                for document, _ in pairs:
                    for copy in flight.copies.pop(document.id, ()):
                        store.add_path(copy, document.id, duplicate=True)
                store.add_extractions([extraction for _, extraction in pairs])
            flight.ids.difference_update(d.id for d in batch)
            flight.committed.update(d.id for d in batch)
            report.added += len(batch)
            report.extracted += len(batch)
            tick("extract", report.extracted, None)
    tick("link", 0, None)
    with store.transaction():
        report.events_touched = link(store, settings)
    return report


@dataclass
class _InFlight:
    """Documents read but not yet committed, and the paths found to repeat them meanwhile.

    A repeat's path is stored with its original's batch, so a kill never leaves a path that points
    at a document the store does not have.
    """

    ids: set[str] = field(default_factory=set)
    copies: dict[str, list[str]] = field(default_factory=dict)
    # Documents committed since the store was last asked which documents it has.
    committed: set[str] = field(default_factory=set)


def _new_documents(
    paths: Iterable[Path],
    store: Store,
    settings: Settings,
    report: BuildReport,
    flight: _InFlight,
    tick: Progress,
    *,
    source: str | None,
    published: str | None,
) -> Iterator[Document]:
    """Cleaned documents the store does not have yet; skips, repeats and known files are recorded on the way.

    The store is asked about a batch of files at a time: a query a file would cost the main process
    about as much as cleaning the file.
    """
    cleaned = _cleaned_documents(paths, store, settings, report, tick, source=source, published=published)
    for batch in _batches(cleaned, settings.batch_size):
        flight.committed.clear()
        known = store.known_paths(d.path for d in batch)
        stored = store.stored_documents(d.id for d in batch)
        for document in batch:
            if known.get(document.path) == document.id:
                report.unchanged += 1
                continue
            if document.id in flight.ids:
                report.duplicates.append((document.path, document.id))
                flight.copies.setdefault(document.id, []).append(document.path)
                continue
            if document.id in stored or document.id in flight.committed:
                report.duplicates.append((document.path, document.id))
                store.add_path(document.path, document.id, duplicate=True)
                continue
            flight.ids.add(document.id)
            yield document


def _cleaned_documents(
    paths: Iterable[Path],
    store: Store,
    settings: Settings,
    report: BuildReport,
    tick: Progress,
    *,
    source: str | None,
    published: str | None,
) -> Iterator[Document]:
    """Every file read and cleaned; the ones that cannot be are recorded as skipped."""
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
            skipped = Skipped(path=item.path, reason=str(exc).removeprefix(f"{item.path}: "))  # path said once
            report.skipped.append(skipped)
            store.add_skipped(skipped)
            continue
        for name, note in document.metadata_from.items():
            if note.startswith(("rejected", "missing")):
                report.flagged.append((document.path, f"{name} {note}"))
        yield document


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch

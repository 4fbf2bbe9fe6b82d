"""Where the per-document stage runs: in this process, a pool of local processes, or a Dask cluster.

An engine takes batches of cleaned documents and hands back their extractions batch by batch, in the
order the batches went in, with only a few batches in flight: memory does not grow with the corpus,
and the same input gives the same ledger whichever engine ran it.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol

from crosswire.errors import UsageError
from crosswire.records import Document, Extraction
from crosswire.settings import Settings

__all__ = ["Engine", "open_engine", "worker_count"]

Results = Iterator[tuple[list[Document], list[Extraction]]]


class Engine(ABC):
    """Runs `extract_documents` on batches; `run` yields (batch, its extractions) in input order."""

    @abstractmethod
    def run(self, batches: Iterable[list[Document]]) -> Results:
        """Extract every batch; the caller stores each one before the next is asked for."""

    def close(self) -> None:
        """Let go of processes and files; called once the build is done or has failed."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Result(Protocol):
    def result(self) -> object: ...


def worker_count(settings: Settings) -> int:
    """The `workers` setting, with 0 meaning one per CPU core this process may use."""
    if settings.workers:
        return settings.workers
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def open_engine(settings: Settings, scratch: Path) -> Engine:
    """The engine the settings ask for. `scratch` is a folder beside the store for the engine's files."""
    if settings.scheduler and settings.engine != "dask":
        raise UsageError(f"scheduler {settings.scheduler!r} is for the Dask engine: add --engine dask, or leave it out.")
    if settings.engine == "dask":
        from crosswire.engines.cluster import DaskEngine

        return DaskEngine(settings, scratch)
    from crosswire.engines.pool import InProcess, ProcessPool

    workers = worker_count(settings)
    return InProcess(settings) if workers == 1 else ProcessPool(settings, workers)


def in_order(
    submit: Callable[[list[Document]], _Result], batches: Iterable[list[Document]], window: int
) -> Iterator[tuple[list[Document], object]]:
    """Submit batches, at most `window` in flight, and yield each batch with its result in input order.

    Waiting on the oldest batch first keeps the output deterministic; a window of about twice the
    workers keeps every worker busy while the caller stores the finished batch.
    """
    flight: deque[tuple[list[Document], _Result]] = deque()
    for batch in batches:
        flight.append((batch, submit(batch)))
        if len(flight) >= window:
            done, future = flight.popleft()
            yield done, future.result()
    while flight:
        done, future = flight.popleft()
        yield done, future.result()

"""The per-document stage on one machine: in this process, or a pool of processes, one per core.

A pool of whole-stage workers, not spaCy's `nlp.pipe(n_process=...)`: the rules that read the parse
(times, figures, events) cost about as much as the parse itself (profiled on the example corpus), and
with `n_process` they would all run in the parent process, which would then set the pace.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor

from crosswire.engines import Engine, Results, in_order
from crosswire.extract import extract_documents
from crosswire.records import Document
from crosswire.settings import Settings

# Batches in flight per worker: one being parsed, one waiting, so no worker idles while the parent stores.
BATCHES_PER_WORKER = 2


class InProcess(Engine):
    """Batch after batch in this process: the `workers = 1` engine, and the reference for the others."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def run(self, batches: Iterable[list[Document]]) -> Results:
        for batch in batches:
            yield batch, extract_documents(batch, self.settings)


class ProcessPool(Engine):
    """`workers` processes, each loading the spaCy pipeline once, fed whole batches."""

    def __init__(self, settings: Settings, workers: int):
        self.settings = settings
        self.workers = workers
        # spawn, not fork: the parent holds an open DuckDB connection and its threads.
        self.executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_watch_parent, initargs=(os.getpid(),),
        )

    def run(self, batches: Iterable[list[Document]]) -> Results:
        def submit(batch: list[Document]):
            return self.executor.submit(extract_documents, batch, self.settings)

        yield from in_order(submit, batches, self.workers * BATCHES_PER_WORKER)  # type: ignore[misc]

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _watch_parent(parent: int) -> None:
    """Exit when the build process is gone (killed with SIGKILL, say), rather than linger as an orphan."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="crosswire-parent-watch").start()

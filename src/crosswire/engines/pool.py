"""The per-document stage on one machine: in this process, or a pool of processes, one per core.

A pool of whole-stage workers, not spaCy's `nlp.pipe(n_process=...)`: the rules that read the parse
(times, figures, events) cost about as much as the parse itself (profiled on the example corpus), and
with `n_process` they would all run in the parent process, which would then set the pace.

Workers fork from a fork server that has imported spaCy and built the gazetteer once (`warm.py`),
so a worker starts in a fraction of a second instead of paying the imports again; the fork server
itself is a fresh process, not a fork of this one with its DuckDB connection and threads.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice
from multiprocessing import parent_process
from multiprocessing.connection import wait
from multiprocessing.context import BaseContext

from crosswire.engines import Engine, Results, in_order
from crosswire.extract import extract_documents
from crosswire.extract.nlp import load_pipeline
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
        self.executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=_start_context(), initializer=_start_worker, initargs=(settings.model,),
        )

    def run(self, batches: Iterable[list[Document]]) -> Results:
        """Batches go to the workers once one is up; until then, or for a single batch, this process extracts.

        A worker's start (the fork server's imports, then the model) takes seconds of CPU: on a small
        build or a small addition to a ledger that would be most of the time, with the parent idle.
        """
        def submit(batch: list[Document]):
            return self.executor.submit(extract_documents, batch, self.settings)

        pending = iter(batches)
        first = list(islice(pending, 2))
        if len(first) < 2:  # no worker started: the batch would be done before one was up
            yield from ((batch, extract_documents(batch, self.settings)) for batch in first)
            return
        worker_up = self.executor.submit(os.getpid)  # runs once a worker has loaded the model
        pending = chain(first, pending)
        for batch in pending:
            if worker_up.done():
                window = self.workers * BATCHES_PER_WORKER
                yield from in_order(submit, chain([batch], pending), window)  # type: ignore[misc]
                return
            yield batch, extract_documents(batch, self.settings)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _start_context() -> BaseContext:
    """A fork server that preloads the extraction modules where the platform has one, else spawn.

    Never a plain fork: the parent holds an open DuckDB connection and its threads.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["crosswire.engines.warm"])  # no effect once this process's server runs
    return context


def _start_worker(model: str) -> None:
    """Load the model before the first batch comes, and exit with the build process.

    A build killed with SIGKILL leaves its workers orphaned: each watches its parent's sentinel (a
    pipe that closes when the parent dies, whoever forked the worker) and exits rather than linger.
    """
    sentinel = parent_process().sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="crosswire-parent-watch").start()
    load_pipeline(model)

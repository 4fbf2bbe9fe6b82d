"""The per-document stage on one machine: in this process, or a pool of processes, one per core.

A pool of whole-stage workers, not spaCy's `nlp.pipe(n_process=...)`: the rules that read the parse
(times, figures, events) cost about as much as the parse itself (profiled on the example corpus), and
with `n_process` they would all run in the parent process, which would then set the pace.

Workers fork from a fork server that has imported spaCy, built the gazetteer and loaded the model
once (`warm.py`), so a worker starts in a fraction of a second instead of paying them again; the fork server
itself is a fresh process, not a fork of this one with its DuckDB connection and threads.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice
from multiprocessing import forkserver, parent_process
from multiprocessing.connection import wait
from multiprocessing.context import BaseContext

from crosswire.engines import Engine, Results, in_order
from crosswire.engines.pytorch import WITHOUT_PYTORCH_VARIABLE, can_use_pytorch
from crosswire.extract import extract_documents
from crosswire.extract.nlp import load_pipeline
from crosswire.records import Document
from crosswire.settings import Settings

# Names the model the fork server preloads (`warm.py`), as JSON: [model, entity pattern file, ...].
MODEL_VARIABLE = "CROSSWIRE_WARM_MODEL"
# Batches in flight per worker: one being parsed, one waiting, so no worker idles while the parent stores.
BATCHES_PER_WORKER = 2
# Whether this process's fork server, once started, left PyTorch out: it serves every later pool too.
_fork_server_without_pytorch: bool | None = None


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
        self.model = (settings.model, settings.entity_patterns)
        self.context = _start_context(settings.model)
        self.executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=self.context, initializer=_start_worker, initargs=self.model,
        )

    def run(self, batches: Iterable[list[Document]]) -> Results:
        """Batches go to the workers once they are up; until then, or for a single batch, this process extracts.

        The workers' start (the fork server's imports and model, seconds of CPU) runs in a thread,
        since asking the fork server for a worker blocks until it is ready: on a small build or a
        small addition to a ledger that wait would be most of the time, with this process idle.
        """
        def submit(batch: list[Document]):
            return self.executor.submit(extract_documents, batch, self.settings)

        pending = iter(batches)
        first = list(islice(pending, 2))
        if len(first) < 2:  # no worker started: the batch would be done before one was up
            yield from ((batch, extract_documents(batch, self.settings)) for batch in first)
            return
        fork_server = self.model if self.context.get_start_method() == "forkserver" else None
        starting = _WorkerStart(self.executor, fork_server)
        pending = chain(first, pending)
        for batch in pending:
            if starting.done():
                window = self.workers * BATCHES_PER_WORKER
                yield from in_order(submit, chain([batch], pending), window)  # type: ignore[misc]
                return
            yield batch, extract_documents(batch, self.settings)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


class _WorkerStart:
    """Starts the pool's workers in a thread, and first the fork server preloading `fork_server`'s model if
    there is one; `done` once they are up."""

    def __init__(self, executor: ProcessPoolExecutor, fork_server: tuple[str, tuple[str, ...]] | None):
        self.executor = executor
        self.fork_server = fork_server
        self.error: BaseException | None = None
        self.up = threading.Event()
        threading.Thread(target=self._start, daemon=True, name="crosswire-worker-start").start()

    def _start(self) -> None:
        try:
            if self.fork_server is not None:
                _run_fork_server(self.fork_server)
            self.executor.submit(os.getpid).result()  # spawns the workers; returns once one has loaded the model
        except BaseException as exc:  # noqa: BLE001 - handed to the build's thread by `done`
            self.error = exc
        self.up.set()

    def done(self) -> bool:
        """Whether the workers are up; raises what stopped them from starting."""
        if self.error is not None:
            raise self.error
        return self.up.is_set()


def _start_context(model: str) -> BaseContext:
    """A fork server that preloads the extraction modules and the model where the platform has one, else spawn.

    Never a plain fork: the parent holds an open DuckDB connection and its threads. Spawn too where this
    process's fork server, started for an earlier pool, left out the PyTorch that this model may need.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods() or (
            _fork_server_without_pytorch and can_use_pytorch(model)):
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["crosswire.engines.warm"])  # no effect once this process's server runs
    return context


def _run_fork_server(model: tuple[str, tuple[str, ...]]) -> None:
    """Start this process's fork server, once, with the model it preloads named in its environment, and
    whether that model leaves PyTorch unused."""
    global _fork_server_without_pytorch
    name, patterns = model
    variables = {MODEL_VARIABLE: json.dumps([name, *patterns])}
    if not can_use_pytorch(name):
        variables[WITHOUT_PYTORCH_VARIABLE] = "1"
    os.environ.update(variables)
    try:
        forkserver.ensure_running()
    finally:
        for variable in variables:
            del os.environ[variable]
    if _fork_server_without_pytorch is None:  # the server just started: it keeps what it was given
        _fork_server_without_pytorch = WITHOUT_PYTORCH_VARIABLE in variables


def _start_worker(model: str, entity_patterns: tuple[str, ...]) -> None:
    """Load the model before the first batch comes, and exit with the build process.

    A build killed with SIGKILL leaves its workers orphaned: each watches its parent's sentinel (a
    pipe that closes when the parent dies, whoever forked the worker) and exits rather than linger.
    """
    sentinel = parent_process().sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="crosswire-parent-watch").start()
    load_pipeline(model, entity_patterns)  # at once, if the fork server had it loaded

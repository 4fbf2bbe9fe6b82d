"""The per-document stage on Dask distributed: for when a build outgrows one machine.

Each worker loads the spaCy pipeline once (a worker plugin); each batch of documents is one task,
whose extractions come back as a Parquet shard written beside the store until the batch is committed.
With no scheduler address a local cluster starts, dashboard off, its scratch space beside the store.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from pathlib import Path

from crosswire.engines import Engine, Results, in_order, worker_count
from crosswire.errors import UsageError
from crosswire.records import Document
from crosswire.settings import Settings

try:
    from distributed import Client, LocalCluster
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as exc:  # the extra is not installed
    raise UsageError("engine 'dask' needs Dask: pip install 'crosswire[dask]', or build with --engine local.") from exc

from crosswire.engines.shards import read_shard, to_shard
from crosswire.extract import extract_documents
from crosswire.extract.nlp import load_pipeline

BATCHES_PER_WORKER = 2
CONNECT_TIMEOUT_S = 30


class ModelLoader(WorkerPlugin):
    """Load the spaCy pipeline when a worker starts, so no task pays for it."""

    name = "crosswire-model"

    def __init__(self, model: str, entity_patterns: tuple[str, ...] = ()):
        self.model = model
        self.entity_patterns = entity_patterns

    def setup(self, worker) -> None:
        load_pipeline(self.model, self.entity_patterns)


def extract_shard(documents: list[Document], settings: Settings) -> bytes:
    """The Dask task: one batch in, its extractions out as a Parquet shard."""
    return to_shard(extract_documents(documents, settings))


class DaskEngine(Engine):
    """Batches as Dask tasks, results as Parquet shards in `scratch`, loaded in input order."""

    def __init__(self, settings: Settings, scratch: Path):
        self.settings = settings
        self.scratch = scratch
        self.shards = scratch / "shards"
        self.shards.mkdir(parents=True, exist_ok=True)
        self.cluster = None
        if settings.scheduler:
            try:
                self.client = Client(settings.scheduler, timeout=CONNECT_TIMEOUT_S)
            except OSError as exc:
                raise UsageError(
                    f"cannot reach the Dask scheduler at {settings.scheduler} ({exc}). Start it "
                    "(`dask scheduler`), check the address, or leave out --scheduler for a local cluster."
                ) from exc
        else:
            self.cluster = LocalCluster(
                n_workers=worker_count(settings), threads_per_worker=1, processes=True,
                dashboard_address=None, local_directory=str(scratch), silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)
        self.client.register_plugin(ModelLoader(settings.model, settings.entity_patterns))

    def run(self, batches: Iterable[list[Document]]) -> Results:
        workers = max(1, len(self.client.scheduler_info(n_workers=-1)["workers"]))

        def submit(batch: list[Document]):
            return self.client.submit(extract_shard, batch, self.settings, pure=False)

        for number, (batch, shard) in enumerate(in_order(submit, batches, workers * BATCHES_PER_WORKER)):
            path = self.shards / f"shard-{number:06d}.parquet"
            path.write_bytes(shard)  # type: ignore[arg-type]
            yield batch, read_shard(path)
            path.unlink()  # the caller has committed the batch

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        shutil.rmtree(self.scratch, ignore_errors=True)

"""Every engine gives the ledger that extraction in one process gives."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from crosswire.clean import clean_document
from crosswire.cli import app
from crosswire.engines import in_order
from crosswire.engines.pool import ProcessPool
from crosswire.engines.shards import read_shard, to_shard
from crosswire.extract import extract_documents
from crosswire.ingest import read_paths
from crosswire.records import EntityMention, Extraction, RawDocument, Sentence
from crosswire.settings import Settings
from tests.scale.ledgers import build, exported


@pytest.fixture(scope="module")
def reference(tmp_path_factory, example_corpus) -> dict:
    db = tmp_path_factory.mktemp("one-process") / "ledger.duckdb"
    build(example_corpus, db, "--workers", "1")
    return exported(db)


def test_process_pool_gives_the_same_ledger_as_one_process(reference, example_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSWIRE_BATCH_SIZE", "1")  # several batches, so the pool starts
    db = tmp_path / "pool.duckdb"
    summary = build(example_corpus, db, "--workers", "2")
    assert summary["added"] == len(reference["documents"])
    assert exported(db) == reference


def test_pool_workers_once_up_extract_what_this_process_extracts(example_corpus):
    settings = Settings(workers=2, batch_size=2)
    documents = _documents(example_corpus, settings)
    batches = [documents[i : i + 2] for i in range(0, len(documents), 2)]
    expected = [extract_documents(batch, settings) for batch in batches]
    with ProcessPool(settings, 2) as pool:
        parent = os.getpid()
        assert pool.executor.submit(os.getpid).result() != parent  # a worker is up: every batch goes to the pool
        got = list(pool.run(iter(batches)))
    assert [batch for batch, _ in got] == batches
    assert [extractions for _, extractions in got] == expected


def test_a_single_batch_is_extracted_without_starting_workers(example_corpus):
    settings = Settings(workers=2)
    documents = _documents(example_corpus, settings)
    with ProcessPool(settings, 2) as pool:
        got = list(pool.run([documents]))
        assert not pool.executor._processes, "a worker was started for one batch"
    assert got == [(documents, extract_documents(documents, settings))]


def test_dask_local_cluster_gives_the_same_ledger_and_cleans_up(reference, example_corpus, tmp_path):
    db = tmp_path / "dask.duckdb"
    build(example_corpus, db, "--engine", "dask", "--workers", "2")
    assert exported(db) == reference
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dask.duckdb"], "scratch space left behind"


def _documents(corpus, settings: Settings) -> list:
    raws = read_paths([corpus], settings=settings)
    return [clean_document(raw, settings) for raw in raws if isinstance(raw, RawDocument)]


def test_scheduler_without_the_dask_engine_is_a_usage_error(example_corpus, tmp_path):
    result = CliRunner().invoke(
        app, ["build", str(example_corpus), "--db", str(tmp_path / "x.duckdb"), "--scheduler", "tcp://127.0.0.1:8786"]
    )
    assert result.exit_code == 2 and "--engine dask" in result.output


class _Later:
    """A future that is ready when asked, recording when it was submitted."""

    def __init__(self, value, log):
        self.value = value
        log.append(("submit", value))

    def result(self):
        return self.value * 10


def test_in_order_keeps_input_order_and_a_bounded_window():
    log: list = []
    batches = ([n] for n in range(5))
    results = []
    for batch, result in in_order(lambda b: _Later(b[0], log), batches, window=2):
        log.append(("stored", batch[0]))
        results.append(result)
    assert results == [0, 10, 20, 30, 40]
    # never more than two batches submitted and not yet stored
    in_flight = 0
    for kind, _ in log:
        in_flight += 1 if kind == "submit" else -1
        assert in_flight <= 2


def test_shard_round_trip_keeps_the_records(tmp_path):
    extraction = Extraction(
        document="d1",
        sentences=(Sentence(index=0, start=0, end=12),),
        entities=(EntityMention(start=0, end=6, text="Halvik", label="GPE", sentence=0, key="place:halvik"),),
        times=(),
        events=(),
    )
    both = [extraction, extraction.model_copy(update={"document": "d2"})]
    path = tmp_path / "s.parquet"
    path.write_bytes(to_shard(both))
    assert read_shard(path) == both

"""Linking new reports into a ledger gives the ledger that linking them all at once gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crosswire.link.entities import EntityIndex, EntityRecords
from crosswire.link.versions import link_versions
from crosswire.settings import Settings
from crosswire.store import Store
from tests.scale.ledgers import build, exported


def _in_two_builds(files: list[Path], split: int, tmp_path: Path) -> tuple[dict, dict]:
    """The ledger of building files[:split] then adding the rest, and of building them all at once."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in files[:split]:
        shutil.copy(path, corpus / path.name)
    halves = tmp_path / "halves.duckdb"
    build(corpus, halves, "--workers", "1")
    for path in files[split:]:
        shutil.copy(path, corpus / path.name)
    assert build(corpus, halves, "--workers", "1")["added"] > 0
    whole = tmp_path / "whole.duckdb"
    build(corpus, whole, "--workers", "1")
    return exported(halves), exported(whole)


def test_building_the_examples_in_two_halves_gives_the_same_ledger_as_one_build(example_corpus, tmp_path):
    files = sorted(example_corpus.iterdir())
    halves, whole = _in_two_builds(files, len(files) // 2, tmp_path)
    assert halves == whole


def test_adding_a_seed_report_to_a_ledger_of_the_other_gives_the_same_ledger_as_one_build(seeds, tmp_path):
    files = sorted(seeds.iterdir())
    halves, whole = _in_two_builds(files, 1, tmp_path)
    assert halves == whole


def test_a_rerun_with_nothing_new_leaves_the_ledger_as_it_was(example_corpus, tmp_path):
    db = tmp_path / "ledger.duckdb"
    build(example_corpus, db, "--workers", "1")
    before = exported(db)
    assert build(example_corpus, db, "--workers", "1")["added"] == 0
    assert exported(db) == before


def test_an_old_ledger_is_refused_with_how_to_rebuild_it(tmp_path):
    db = tmp_path / "old.duckdb"
    Store.open(db).close()
    with Store.open(db) as store:
        store.connection.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with pytest.raises(Exception, match="crosswire build PATH --db NEW.duckdb"):
        Store.open(db)


def test_versions_are_rebuilt_from_what_reports_said_without_reading_the_reports_again(example_corpus, tmp_path, monkeypatch):
    db = tmp_path / "ledger.duckdb"
    build(example_corpus, db, "--workers", "1")
    before = exported(db)["versions"]
    assert before, "the example corpus has a contested perpetrator"
    with Store.open(db) as store:
        for read in ("documents", "extractions", "event_mentions"):
            monkeypatch.setattr(store, read, lambda *a, **k: pytest.fail("a report was read again"))
        with store.transaction():
            store.connection.execute("DELETE FROM versions")
            link_versions(store, Settings(), events={e.id for e in store.events()}, reports=(),
                          entity_of=EntityIndex(store=store), entities=EntityRecords(store=store), mentions_of=lambda _: [])
    assert exported(db)["versions"] == before

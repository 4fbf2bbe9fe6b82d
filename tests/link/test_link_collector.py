"""Linking runs with Python's cyclic collector at longer intervals, and gives the process its own back."""

import gc

import pytest

import crosswire.link as linking
from crosswire.settings import Settings
from crosswire.store import Store


def test_link_collects_less_often_while_it_runs_and_restores_the_thresholds(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(linking, "_link", lambda store, settings: seen.append(gc.get_threshold()) or 0)
    before = gc.get_threshold()
    with Store.open(tmp_path / "ledger.duckdb") as store:
        assert linking.link(store, Settings()) == 0
    assert seen == [linking.LINK_GC_THRESHOLDS]
    assert gc.get_threshold() == before


def test_link_restores_the_thresholds_when_it_fails(tmp_path, monkeypatch):
    def fail(store, settings):
        raise RuntimeError("boom")

    monkeypatch.setattr(linking, "_link", fail)
    before = gc.get_threshold()
    with Store.open(tmp_path / "ledger.duckdb") as store:
        with pytest.raises(RuntimeError):
            linking.link(store, Settings())
    assert gc.get_threshold() == before

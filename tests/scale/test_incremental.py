"""Linking new reports into a ledger gives the ledger that linking them all at once gives."""

from __future__ import annotations

import shutil

from tests.scale.ledgers import build, exported


def test_building_in_two_halves_gives_the_same_ledger_as_one_build(example_corpus, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    files = sorted(example_corpus.iterdir())
    for path in files[: len(files) // 2]:
        shutil.copy(path, corpus / path.name)
    halves = tmp_path / "halves.duckdb"
    build(corpus, halves, "--workers", "1")
    for path in files[len(files) // 2:]:
        shutil.copy(path, corpus / path.name)
    assert build(corpus, halves, "--workers", "1")["added"] > 0

    whole = tmp_path / "whole.duckdb"
    build(corpus, whole, "--workers", "1")
    assert exported(halves) == exported(whole)

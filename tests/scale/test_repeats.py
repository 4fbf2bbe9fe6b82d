"""A report repeated under another path is stored once, wherever the repeat falls among the batches."""

from __future__ import annotations

from pathlib import Path

from crosswire.pipeline import build
from crosswire.settings import Settings
from crosswire.store import Store

QUARRY = "Quarry workers walked out on Monday in Tarnow over unpaid wages, the union said.\n"
BRIDGE = "A bridge collapsed in Velden on Tuesday, injuring two drivers, police said.\n"


def test_a_repeat_read_after_its_original_was_committed_is_a_duplicate_not_a_second_copy(tmp_path: Path):
    # Batches of two: the quarry report and its repeat fill the first batch with one document, so the
    # bridge report completes it and is committed before its own repeat is read.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in [("1.txt", QUARRY), ("2.txt", QUARRY), ("3.txt", BRIDGE), ("4.txt", BRIDGE)]:
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(db=str(tmp_path / "ledger.duckdb"), workers=1, batch_size=2)
    with Store.open(settings.db) as store:
        report = build([corpus], store, settings)
        assert report.added == 2
        assert sorted(path for path, _ in report.duplicates) == [str(corpus / "2.txt"), str(corpus / "4.txt")]
        assert len(store.documents()) == 2

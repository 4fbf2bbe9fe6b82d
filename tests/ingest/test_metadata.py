from datetime import date

import pytest

from crosswire.errors import UsageError
from crosswire.ingest.metadata import Batch, Clue, build_document
from crosswire.settings import Settings


def _build(clues, **batch):
    settings = Settings(min_future_days=2)
    return build_document(path="a.txt", format="txt", text="Body.", original="Body.", clues=clues,
                          batch=Batch(settings=settings, today=date(2024, 4, 1), **batch))


def test_metadata_first_clue_per_field_wins_and_its_origin_is_recorded():
    doc = _build([Clue("published", "2024-03-25", "dateline"), Clue("source", "Valley Herald", "source-line"),
                  Clue("published", "2024-03-22", "originally-published")])
    assert (doc.published, doc.source) == ("2024-03-25", "Valley Herald")
    assert doc.metadata_from == {"published": "dateline", "source": "source-line"}


def test_metadata_future_date_is_rejected_not_stored():
    doc = _build([Clue("published", "2024-05-01", "front-matter")])
    assert doc.published is None
    assert doc.metadata_from["published"] == "rejected: 2024-05-01 is in the future (front-matter)"


def test_metadata_unparseable_date_is_rejected():
    doc = _build([Clue("published", "last spring", "jsonl")])
    assert doc.published is None
    assert doc.metadata_from["published"] == "rejected: 'last spring' from jsonl is not a date"


def test_metadata_missing_date_is_noted_for_the_build_to_flag():
    doc = _build([Clue("source", "Valley Herald", "source-line")])
    assert doc.published is None
    assert doc.metadata_from["published"].startswith("missing: no publication date found")


def test_metadata_overrides_replace_clues_for_the_batch():
    doc = _build([Clue("published", "2024-03-25", "dateline"), Clue("source", "Valley Herald", "source-line")],
                 source="Ridge Review", published="2024-03-20")
    assert (doc.source, doc.published) == ("Ridge Review", "2024-03-20")
    assert doc.metadata_from == {"published": "override", "source": "override"}


def test_metadata_batch_normalises_the_published_override():
    assert Batch.create(Settings(), source=None, published="March 20, 2024").published == "2024-03-20"


@pytest.mark.parametrize("published, message", [("someday", "is not a date"), ("2999-01-01", "is in the future")])
def test_metadata_batch_refuses_a_bad_published_override(published, message):
    with pytest.raises(UsageError, match=message):
        Batch.create(Settings(), source=None, published=published)

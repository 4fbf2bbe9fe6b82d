"""The real page the furniture rules were written for; skipped where the seed corpus is absent."""

from pathlib import Path

import pytest

from crosswire.clean.blocks import is_body

SEED = Path("/work/shared/seeds/002_7bffdf6f64709e9b.txt")
pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"seed page {SEED} not present")


@pytest.fixture
def seed_doc(clean):
    return clean(SEED.read_text(encoding="utf-8"), path=str(SEED))


def test_seed_page_keeps_every_body_paragraph_above_the_footnote(seed_doc):
    raw = seed_doc.raw_text
    article = raw[: raw.index("\n*")]
    body = [p.strip() for p in article.split("\n\n") if is_body(p, 16)]
    assert len(body) >= 5
    for paragraph in body:
        assert paragraph in seed_doc.text


def test_seed_page_removes_caption_dateline_footnote_source_and_sidebar(seed_doc):
    reasons = [r.reason for r in seed_doc.removed]
    assert reasons[:2] == ["caption", "dateline"]
    for reason in ("legal-footnote", "publication-note", "source-line", "navigation", "dated-headline-run"):
        assert reason in reasons
    assert not any(line.startswith(("*", "Source:", "All news", "News archive")) for line in seed_doc.text.splitlines())
    assert "•" not in seed_doc.text


def test_seed_page_ends_with_the_last_body_paragraph_and_starts_with_the_headline(seed_doc):
    paragraphs = seed_doc.text.split("\n\n")
    assert not is_body(paragraphs[0], 16)
    assert is_body(paragraphs[-1], 16)
    assert all(seed_doc.raw_text[r.start : r.end] == r.text for r in seed_doc.removed)

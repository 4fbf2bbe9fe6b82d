"""Ingest and clean never crash on hostile text: they read it, or refuse it with a reason."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosswire.clean import clean_document
from crosswire.errors import EmptyDocumentError, InputError
from crosswire.ingest import read_paths
from crosswire.ingest.html import read_html
from crosswire.ingest.text import read_text
from crosswire.records import RawDocument, Skipped
from crosswire.settings import Settings

from .strategies import article_text

CI = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@CI
@given(article_text())
def test_read_text_takes_off_at_most_a_header(text):
    try:
        body, clues = read_text(text)
    except EmptyDocumentError:
        return
    assert text.endswith(body) and body.strip()
    assert all(isinstance(clue.value, str) for clue in clues)


@CI
@given(article_text())
def test_read_html_finds_text_or_says_there_is_none(text):
    try:
        body, _ = read_html(f"<html><head><title>{text[:80]}</title></head><body><article><p>{text}</p></article></body></html>")
    except EmptyDocumentError:
        return
    assert any(char.isalnum() for char in body)


@CI
@given(article_text(), st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_read_paths_answers_every_file(tmp_path, text, codec):
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(codec, errors="surrogatepass"))
    out = list(read_paths([path], settings=Settings()))
    assert len(out) == 1
    [item] = out
    if isinstance(item, Skipped):
        assert item.path == str(path) and item.reason
    else:
        assert isinstance(item, RawDocument) and item.original.endswith(item.text)
        if codec != "utf-8":  # a byte-order mark leaves no doubt: the text comes back exactly
            assert item.original == text


@CI
@given(st.lists(st.one_of(article_text().map(lambda t: json.dumps({"text": t})), st.text(max_size=30)), min_size=1,
                max_size=6))
def test_read_jsonl_answers_every_line(tmp_path, lines):
    lines = [line.replace("\r", " ").replace("\n", " ") for line in lines]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(read_paths([path], settings=Settings()))
    answered = [int(item.path.rsplit("#", 1)[1]) for item in out if "#" in item.path]
    if len(answered) == len(out):  # not refused as a whole (a first line of NULs reads as binary)
        assert answered == [n for n, line in enumerate(lines, 1) if line.encode().strip()]


@CI
@given(article_text())
def test_clean_document_removed_blocks_point_into_the_raw_text(text):
    raw = RawDocument(path="x.txt", format="txt", text=text, original=text)
    try:
        document = clean_document(raw, Settings())
    except InputError:
        return
    for removed in document.removed:
        assert 0 <= removed.start <= removed.end <= len(text)
        assert text[removed.start : removed.end] == removed.text
    kept = [line for line in document.text.splitlines() if line]
    assert all(line in text for line in kept)

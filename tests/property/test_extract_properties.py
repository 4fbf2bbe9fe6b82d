"""Extraction on hostile text: no crash, every offset inside the text, every fact inside its sentence.

The spaCy pipeline loads once per process (`load_pipeline` is cached), so examples cost only the parse.
"""

from hypothesis import example, given, settings

from crosswire.clean import clean_document
from crosswire.errors import InputError
from crosswire.extract import extract_documents
from crosswire.records import Document, RawDocument
from crosswire.settings import Settings
from crosswire.store import Store

from .strategies import article_text

SETTINGS = Settings()


def _document(text: str) -> Document | None:
    try:
        return clean_document(RawDocument(path="x.txt", format="txt", text=text, original=text), SETTINGS)
    except InputError:
        return None


def _assert_inside(text: str, sentences, start: int, end: int, sentence: int, what: str) -> None:
    assert 0 <= start <= end <= len(text), what
    assert 0 <= sentence < len(sentences), what
    box = sentences[sentence]
    assert box.start <= start and end <= box.end, f"{what} {start}:{end} outside sentence {box.start}:{box.end}"


@settings(max_examples=50, deadline=None)
@given(article_text())
@example("Police said " + "1" * 400 + " people were killed in the town.")  # once an OverflowError in counts
def test_extract_every_fact_points_into_a_sentence_that_contains_it(text):
    document = _document(text)
    if document is None:
        return
    [extraction] = extract_documents([document], SETTINGS)
    body, sentences = document.text, extraction.sentences
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        assert 0 <= s.start < s.end <= len(body)
    for e in extraction.entities:
        _assert_inside(body, sentences, e.start, e.end, e.sentence, "entity")
        assert body[e.start : e.end] == e.text
    for t in extraction.times:
        _assert_inside(body, sentences, t.start, t.end, t.sentence, "time")
        assert body[t.start : t.end] == t.text
    for m in extraction.events:
        _assert_inside(body, sentences, m.start, m.end, m.sentence, "event trigger")
        assert body[m.start : m.end] == m.trigger
        assert m.text.strip() == body[sentences[m.sentence].start : sentences[m.sentence].end].strip()
        for c in m.counts:
            assert 0 <= c.start <= c.end <= len(body) and body[c.start : c.end] == c.text
            _assert_inside(body, sentences, c.start, c.end, c.sentence, "count")
        for p in m.participants:
            assert 0 <= p.start <= p.end <= len(body)


@settings(max_examples=20, deadline=None)
@given(article_text())
def test_extract_records_come_back_from_the_store_unchanged(tmp_path_factory, text):
    document = _document(text)
    if document is None:
        return
    [extraction] = extract_documents([document], SETTINGS)
    with Store.open(tmp_path_factory.mktemp("store") / "p.duckdb") as store:
        with store.transaction():
            store.add_document(document, [])
            store.add_extraction(extraction)
        assert store.extractions() == [extraction]
        [stored] = store.documents()
        assert stored.text == document.text

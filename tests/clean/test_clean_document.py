import pytest

from crosswire.clean import clean_document, document_id
from crosswire.errors import EmptyDocumentError, InputError
from crosswire.records import RawDocument
from crosswire.settings import Settings

from .conftest import make_raw
from .page import ARTICLE, BODY, FURNITURE_BOTTOM, FURNITURE_TOP, HEADLINE, PAGE


def test_clean_document_keeps_headline_and_every_body_paragraph(clean):
    assert clean(PAGE).text == ARTICLE


def test_clean_document_removes_each_furniture_block_with_its_reason(clean):
    removed = [(r.text, r.reason) for r in clean(PAGE).removed]
    assert removed == [(text.strip(), reason) for text, reason in FURNITURE_TOP + FURNITURE_BOTTOM]


def test_clean_document_removed_offsets_point_into_raw_text(clean):
    doc = clean(PAGE)
    assert doc.raw_text == PAGE
    for r in doc.removed:
        assert doc.raw_text[r.start : r.end] == r.text


def test_clean_document_leaves_a_plain_article_unchanged_but_for_paragraph_spacing(clean):
    messy = "\n\n\n".join(f"  {p}   " for p in [HEADLINE, *BODY]) + "\n"
    doc = clean(messy)
    assert doc.text == ARTICLE
    assert doc.removed == ()


def test_clean_document_keeps_wrapped_lines_of_a_paragraph_together(clean):
    wrapped = BODY[0][:60] + "\n" + BODY[0][60:]
    doc = clean(f"{HEADLINE}\n\n{wrapped}\n\n{BODY[1]}")
    assert doc.text == f"{HEADLINE}\n\n{wrapped}\n\n{BODY[1]}"


@pytest.mark.parametrize("text", [PAGE, ARTICLE], ids=["page", "article"])
def test_clean_document_twice_removes_nothing_more(clean, text):
    once = clean(text)
    twice = clean(once.text)
    assert twice.removed == ()
    assert twice.text == once.text
    assert twice.id == once.id


def test_clean_document_copies_metadata_from_the_raw_document(clean):
    doc = clean(
        PAGE,
        path="feed.jsonl#3",
        format="jsonl",
        title="Harbour blast",
        source="Some Knot",
        published="2024-03-25",
        url="https://example.org/harbour",
        metadata_from={"published": "dateline"},
    )
    assert (doc.path, doc.format, doc.title, doc.source) == ("feed.jsonl#3", "jsonl", "Harbour blast", "Some Knot")
    assert (doc.published, doc.url, doc.metadata_from) == ("2024-03-25", "https://example.org/harbour", {"published": "dateline"})
    assert doc.original == PAGE


def test_clean_document_id_is_the_id_of_the_cleaned_text(clean):
    doc = clean(PAGE)
    assert doc.id == document_id(doc.text)


def test_clean_document_gives_one_id_whatever_the_furniture_or_wrapping(clean):
    bare = clean(ARTICLE, path="a.txt")
    html = clean(PAGE.replace(". ", ".\xa0").replace(BODY[2], BODY[2].replace(" ", "\n", 3)), path="a.html", format="html")
    assert bare.id == html.id


def test_clean_document_raises_empty_document_error_naming_the_path():
    sidebar = "All news\n\nMay 30, 2024 15:15\n\nCourt refuses bail\n\nNews archive"
    with pytest.raises(EmptyDocumentError, match=r"^sidebar\.html: nothing is left .*max_headline_words"):
        clean_document(make_raw(sidebar, path="sidebar.html", format="html"), Settings())


def test_clean_document_raises_empty_document_error_for_blank_text():
    with pytest.raises(EmptyDocumentError, match="blank.txt"):
        clean_document(make_raw(" \n\n \n", path="blank.txt"), Settings())


def test_clean_document_refuses_a_paragraph_longer_than_the_parser_takes():
    dump = "Police said five people were killed in the town. " * 21_000  # over a million characters, no blank line
    raw = RawDocument(path="dump.txt", format="txt", text=dump, original=dump)
    with pytest.raises(InputError, match=r"^dump\.txt: a paragraph of 1,028,999 characters.*Put blank lines"):
        clean_document(raw, Settings())


def test_clean_document_takes_a_long_text_made_of_paragraphs():
    text = "\n\n".join(["Police said five people were killed in the town. " * 200] * 120)  # 1.2 million characters
    document = clean_document(RawDocument(path="long.txt", format="txt", text=text, original=text), Settings())
    assert len(document.text) > 1_000_000

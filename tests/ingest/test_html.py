import pytest

from crosswire.errors import EmptyDocumentError
from crosswire.ingest.html import read_html

from .builders import PARAGRAPHS, article_html


def _fields(clues):
    return {c.field: (c.value, c.origin) for c in clues}


def test_html_main_text_keeps_paragraphs_apart_and_drops_navigation():
    text, _ = read_html(article_html())
    assert text.split("\n\n")[1:4] == list(PARAGRAPHS)
    assert "Home" not in text and "All rights reserved" not in text


def test_html_metadata_from_trafilatura():
    head = ("<meta property='og:site_name' content='Valley Herald'>"
            "<meta property='article:published_time' content='2024-03-25T09:00:00+01:00'>"
            "<link rel='canonical' href='https://example.org/fire'>")
    fields = _fields(read_html(article_html(head=head))[1])
    assert fields["title"] == ("Warehouse fire in Lakeford", "html")
    assert fields["source"] == ("Valley Herald", "html")
    assert fields["url"] == ("https://example.org/fire", "html")
    assert fields["published"] == ("2024-03-25", "html")


def test_html_table_is_kept():
    table = "<table><tr><td>Injured</td><td>4</td></tr></table>"
    text, _ = read_html(article_html(body_extra=table))
    assert "Injured" in text


@pytest.mark.parametrize("html", ["<html><head><title>Only a title</title></head><body><div><span></div></p></body",
                                  "<html<body<<p/>>", "<html><body></body></html>"])
def test_html_malformed_or_without_article_text_is_empty(html):
    with pytest.raises(EmptyDocumentError, match="no article text found"):
        read_html(html)

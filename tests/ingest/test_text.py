import pytest

from crosswire.errors import EmptyDocumentError
from crosswire.ingest.text import read_text


def test_text_header_outranks_clues_in_the_text():
    original = (" date 2024-04-01 Storm closes the northern pass\n\n"
                "LAKEFORD, March 30, 2024 (Reuters) - The road was shut on Monday.\n")
    text, clues = read_text(original)
    assert text.startswith("LAKEFORD")
    assert [(c.field, c.origin) for c in clues][:3] == [
        ("published", "metadata-line"), ("title", "metadata-line"), ("published", "dateline")]


def test_text_body_is_left_unchanged_without_header():
    original = "Road reopens\r\n\r\nThe road reopened on Monday.  \nRead more: other stories\n"
    text, _ = read_text(original)
    assert text == original


def test_text_whitespace_only_is_empty():
    with pytest.raises(EmptyDocumentError, match="only whitespace"):
        read_text(" \n\t\n")


def test_text_header_without_body_is_empty():
    with pytest.raises(EmptyDocumentError, match="no article text after it"):
        read_text(" date 2024-04-01 Just a headline\n\n")

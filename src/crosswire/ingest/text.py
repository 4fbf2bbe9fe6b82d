"""Read a plain-text article: its header if it has one, else what the text itself says."""

from __future__ import annotations

from crosswire.errors import EmptyDocumentError
from crosswire.ingest.clues import text_clues
from crosswire.ingest.header import split_header
from crosswire.ingest.metadata import Clue


def read_text(original: str) -> tuple[str, list[Clue]]:
    """The article text (the header taken off, nothing else changed) and its metadata clues, most trusted first."""
    if not original.strip():
        raise EmptyDocumentError("only whitespace, no text: remove it, or save the article into it again")
    text, header = split_header(original)
    if not text.strip():
        raise EmptyDocumentError("a metadata header and no article text after it: add the text, or remove the file")
    return text, header + text_clues(text)

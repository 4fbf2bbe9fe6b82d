"""Reduce an HTML page to its article text and metadata with trafilatura, htmldate as the date fallback."""

from __future__ import annotations

import htmldate
import trafilatura

from crosswire.errors import EmptyDocumentError
from crosswire.ingest.metadata import Clue


def read_html(html: str, *, url: str | None = None) -> tuple[str, list[Clue]]:
    """The main text, one blank line between paragraphs, and the page's metadata clues."""
    found = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, with_metadata=True
    )
    # On broken markup trafilatura may return debris such as "> "; that is no article either.
    if found is None or not any(char.isalnum() for char in found.text or ""):
        raise EmptyDocumentError(
            "no article text found in the HTML: if it is an article, save the whole page (with its <body>) "
            "or paste the text into a .txt file"
        )
    # trafilatura puts one block per line; blank lines keep paragraphs apart for the later stages.
    text = "\n\n".join(line.strip() for line in found.text.splitlines() if line.strip())
    clues = [
        Clue(name, value, "html")
        for name, value in (("title", found.title), ("source", found.sitename), ("url", found.url))
        if value
    ]
    published = found.date or htmldate.find_date(html, original_date=True, extensive_search=True)
    if published:
        clues.append(Clue("published", published, "html" if found.date else "htmldate"))
    return text, clues

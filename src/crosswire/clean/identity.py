"""The document id: one id for one article, whatever file or markup it came from."""

import hashlib
import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")


def document_id(text: str) -> str:
    """Hash the article text after NFKC, casefolding and collapsing whitespace.

    So the same article read from a .txt and from a .html (different wrapping, non-breaking
    spaces, full-width digits) gets one id.
    """
    normalized = _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]

"""Clean: take page furniture out of a raw document and give the article an id."""

from crosswire.clean.document import clean_document
from crosswire.clean.identity import document_id

__all__ = ["clean_document", "document_id"]

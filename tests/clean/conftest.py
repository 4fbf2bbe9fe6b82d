from collections.abc import Callable

import pytest

from crosswire.clean import clean_document
from crosswire.records import Document, RawDocument
from crosswire.settings import Settings


def make_raw(text: str, path: str = "page.txt", **fields: object) -> RawDocument:
    return RawDocument(path=path, format=fields.pop("format", "txt"), text=text, original=text, **fields)


@pytest.fixture
def clean() -> Callable[..., Document]:
    """Clean a text with default settings."""

    def run(text: str, **fields: object) -> Document:
        return clean_document(make_raw(text, **fields), Settings())

    return run

"""The clean stage: a RawDocument in, a Document whose text is the article body out."""

from itertools import groupby

from crosswire.clean.blocks import Block, split_blocks
from crosswire.clean.furniture import block_kind, cue_reason, find_furniture
from crosswire.clean.identity import document_id
from crosswire.errors import EmptyDocumentError, InputError
from crosswire.records import Document, RawDocument, Removed
from crosswire.settings import Settings

# spaCy refuses a text over nlp.max_length (1,000,000 characters by default) and extract parses one
# paragraph at a time, so a longer paragraph would stop the whole batch's extraction.
MAX_PARAGRAPH_CHARS = 1_000_000


def clean_document(raw: RawDocument, settings: Settings) -> Document:
    """Drop page furniture and keep the body, paragraphs joined by a blank line.

    Each removed block is kept in `removed` with offsets into `raw.text`, so nothing is lost and
    a wrong removal can be traced to its rule.
    """
    max_words = settings.max_headline_words
    blocks = split_blocks(raw.text, max_words, lambda line: _stands_alone(line, max_words))
    reasons = find_furniture(blocks, max_words)
    kept = [b for i, b in enumerate(blocks) if i not in reasons]
    if not kept:
        found = ", ".join(sorted(set(reasons.values()))) or "no text at all"
        raise EmptyDocumentError(
            f"{raw.path}: nothing is left after removing page furniture ({found}). If it is an "
            f"article, raise max_headline_words in crosswire.toml (now {max_words}) or check "
            "what ingest read from the file."
        )
    paragraphs = [
        "\n".join(line for block in group for line in block.lines())
        for _, group in groupby(kept, key=lambda b: b.paragraph)
    ]
    longest = max(map(len, paragraphs))
    if longest > MAX_PARAGRAPH_CHARS:
        raise InputError(
            f"{raw.path}: a paragraph of {longest:,} characters, more than the {MAX_PARAGRAPH_CHARS:,} the "
            "parser takes at once. Put blank lines between its paragraphs, or split the file."
        )
    text = "\n\n".join(paragraphs)
    return Document(
        id=document_id(text),
        path=raw.path,
        format=raw.format,
        title=raw.title,
        source=raw.source,
        published=raw.published,
        url=raw.url,
        text=text,
        raw_text=raw.text,
        original=raw.original,
        removed=tuple(_removed(blocks[i], reason) for i, reason in sorted(reasons.items())),
        metadata_from=raw.metadata_from,
    )


def _stands_alone(line: str, max_words: int) -> bool:
    """A line that furniture rules must see on its own, even inside a paragraph of prose."""
    return (
        block_kind(line.strip(), max_words) in ("timestamp", "heading", "bullet")
        or cue_reason(line.strip(), body=False, asterisked=True) is not None
    )


def _removed(block: Block, reason: str) -> Removed:
    return Removed(start=block.start, end=block.end, text=block.text, reason=reason)

"""Per-document extraction: sentences, entities, time expressions, figures and event mentions.

A spaCy `Doc` never leaves this package: callers get `Extraction` records with offsets into
`Document.text`, so the stage runs the same in a loop, a process pool or on a Dask worker.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc

from crosswire.extract.counts import dedupe_counts, find_counts
from crosswire.extract.entities import find_entities
from crosswire.extract.events import find_events
from crosswire.extract.nlp import load_pipeline, parse_many
from crosswire.extract.plausibility import flag_implausible
from crosswire.extract.times import find_times
from crosswire.records import Document, Extraction, Sentence
from crosswire.settings import Settings

__all__ = ["extract_documents", "document_anchor"]


def extract_documents(documents: Sequence[Document], settings: Settings) -> list[Extraction]:
    """Parse the documents in one batch and read each one's records off its parse."""
    nlp = load_pipeline(settings.model, settings.entity_patterns)
    docs = parse_many(nlp, [d.text for d in documents], batch_size=settings.batch_size)
    return [_extract(document, doc) for document, doc in zip(documents, docs)]


def document_anchor(published: str | None) -> dt.date | None:
    """The calendar day relative dates resolve against: the report's own publication date."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _extract(document: Document, doc: Doc) -> Extraction:
    sentences = [
        Sentence(index=i, start=s.start_char, end=s.end_char)
        for i, s in enumerate(s for s in doc.sents if s.text.strip())
    ]
    starts = [s.start for s in sentences]

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    entities = find_entities(doc, sentence_of)
    times = find_times(doc, document_anchor(document.published), sentence_of)
    counts = flag_implausible(dedupe_counts(find_counts(doc, sentence_of)))
    events = find_events(
        doc,
        document_id=document.id,
        source=document.source,
        sentence_of=sentence_of,
        entities=entities,
        times=times,
        counts=counts,
    )
    return Extraction(
        document=document.id,
        sentences=tuple(sentences),
        entities=tuple(entities),
        times=tuple(times),
        events=tuple(events),
    )

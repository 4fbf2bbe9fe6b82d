"""Cut a document's cleaned text into runs so the page can highlight what the ledger read from it.

Sentences that report an event become anchored runs; inside them the trigger words and reported
figures are marks. Offsets that do not point at the recorded words are dropped, never guessed.
The pieces are plain text; the template escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosswire.records import Event, LedgerDocument
from crosswire.report.format import sentence_offset
from crosswire.report.index import LedgerIndex


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # "trigger" or "figure"
    anchor: str
    event: Event
    label: str


@dataclass(frozen=True)
class Piece:
    text: str
    mark: Mark | None = None
    also: tuple[str, ...] = ()  # anchors of marks that overlapped this one, so their links still land here


@dataclass(frozen=True)
class Run:
    """A stretch of text: a sentence the ledger cites (with its marks) or the text between."""

    pieces: tuple[Piece, ...]
    cited: bool


def mention_anchor(mention_id: str) -> str:
    return f"m-{mention_id}"


def figure_anchor(document_id: str, start: int) -> str:
    return f"f-{document_id}-{start}"


def highlight(document: LedgerDocument, index: LedgerIndex) -> list[Run]:
    """The document text as runs: cited sentences with their marks, and the plain text around them."""
    text = document.text
    marks, sentences = [], set()
    for statement in index.statements_in.get(document.id, ()):
        mention, event = statement.mention, statement.event
        if text[mention.start : mention.end].lower() != mention.trigger.lower():
            continue
        label = f"{event.type} · {mention.modality} · {event.summary}"
        marks.append(Mark(mention.start, mention.end, "trigger", mention_anchor(mention.id), event, label))
        at = sentence_offset(mention.text, mention.start, mention.end, text)
        if at is not None:
            sentences.add((at, at + len(mention.text)))
    for event, count in index.counts_in.get(document.id, ()):
        if 0 <= count.start < count.end <= len(text) and text[count.start : count.end] == count.text:
            label = f"{count.kind}: {count.text}"
            marks.append(Mark(count.start, count.end, "figure", figure_anchor(document.id, count.start), event, label))
    return _runs(text, _disjoint(sorted(sentences)), _disjoint_marks(marks))


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _disjoint_marks(marks: list[Mark]) -> list[tuple[Mark, tuple[str, ...]]]:
    """Marks that do not overlap, each with the anchors of the overlapping marks it stands for."""
    kept: list[tuple[Mark, list[str]]] = []
    seen_anchors = set()
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.anchor in seen_anchors:
            continue
        seen_anchors.add(mark.anchor)
        if kept and mark.start < kept[-1][0].end:
            kept[-1][1].append(mark.anchor)
        else:
            kept.append((mark, []))
    return [(mark, tuple(also)) for mark, also in kept]


def _runs(text: str, sentences: list[tuple[int, int]], marks: list[tuple[Mark, tuple[str, ...]]]) -> list[Run]:
    # Cut points: sentence edges; a mark that straddles a sentence edge is dropped.
    bounds = [(0, sentences[0][0] if sentences else len(text), False)]
    for n, (start, end) in enumerate(sentences):
        bounds.append((start, end, True))
        bounds.append((end, sentences[n + 1][0] if n + 1 < len(sentences) else len(text), False))
    runs = []
    for start, end, cited in bounds:
        if start >= end:
            continue
        inside = [(m, also) for m, also in marks if start <= m.start and m.end <= end]
        pieces, at = [], start
        for mark, also in inside:
            if mark.start > at:
                pieces.append(Piece(text[at : mark.start]))
            pieces.append(Piece(text[mark.start : mark.end], mark, also))
            at = mark.end
        if at < end:
            pieces.append(Piece(text[at:end]))
        runs.append(Run(tuple(pieces), cited))
    return runs

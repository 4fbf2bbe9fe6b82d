"""Find page furniture among the blocks: captions, footnotes, link lists, sidebars of other stories."""

from collections.abc import Sequence
from typing import Literal

from crosswire.clean import cues
from crosswire.clean.blocks import Block, is_body

Kind = Literal["timestamp", "heading", "bullet", "body", "short"]


def find_furniture(blocks: Sequence[Block], max_words: int) -> dict[int, str]:
    """Map the index of each furniture block to its reason; blocks not in the map are the article.

    Cue lines go first, then the top of the page (caption, dateline), then runs that start at a
    timestamp and reach the end of the page, then lists under a navigation heading.
    """
    kinds = [block_kind(b.text, max_words) for b in blocks]
    asterisked = any(cues.ASTERISK_MARK.search(b.text) for b in blocks)
    reasons: dict[int, str] = {}
    for i, block in enumerate(blocks):
        reason = cue_reason(block.text, kinds[i] == "body", asterisked)
        if reason:
            reasons[i] = reason
    _mark_top(blocks, kinds, reasons)
    _mark_dated_run(blocks, kinds, reasons)
    _mark_heading_runs(blocks, kinds, reasons)
    return reasons


def block_kind(text: str, max_words: int) -> Kind:
    if cues.TIMESTAMP.fullmatch(text):
        return "timestamp"
    if heading_reason(text):
        return "heading"
    if is_body(text, max_words):
        return "body"
    if cues.BULLET.match(text):
        return "bullet"
    return "short"


def heading_reason(text: str) -> str | None:
    return next((reason for reason, pattern in cues.HEADINGS if pattern.fullmatch(text)), None)


def cue_reason(text: str, body: bool, asterisked: bool) -> str | None:
    """The reason of the first cue that matches; a body paragraph only yields to specific cues."""
    for reason, pattern, removes_body in cues.LINE_CUES:
        if (removes_body or not body) and pattern.search(text):
            if reason == "legal-footnote" and not asterisked:
                continue
            return reason
    if not body and _is_share_row(text):
        return "share-buttons"
    return None


def _is_share_row(text: str) -> bool:
    words = [w.strip("|•·/,:") for w in text.casefold().split()]
    words = [w for w in words if w]
    return (
        0 < len(words) <= 10
        and all(w in cues.SHARE_TARGETS or w in cues.SHARE_FILLER for w in words)
        and any(w in cues.SHARE_TARGETS for w in words)
    )


def _mark_top(blocks: Sequence[Block], kinds: list[Kind], reasons: dict[int, str]) -> None:
    """Above the body: datelines go, a picture caption before the headline goes, the headline stays."""
    headline_seen = False
    for i, kind in enumerate(kinds):
        if i in reasons:
            continue
        if kind == "timestamp":
            reasons[i] = "dateline"
        elif not headline_seen and _is_top_caption(blocks, kinds, i):
            reasons[i] = "caption"
        elif not headline_seen and kind != "body":
            headline_seen = True
        else:
            return


def _is_top_caption(blocks: Sequence[Block], kinds: list[Kind], i: int) -> bool:
    # Only the first line, and only with a dateline or a headline still below it, so that a
    # headline that merely mentions a photo is not taken for a caption.
    return (
        i == 0
        and kinds[i] != "body"
        and len(blocks) > 1
        and kinds[1] in ("timestamp", "short")
        and bool(cues.CAPTION_HINT.search(blocks[0].text))
    )


def _mark_dated_run(blocks: Sequence[Block], kinds: list[Kind], reasons: dict[int, str]) -> None:
    """Remove the first run that opens with a timestamp and reaches the end of the page."""
    i = 0
    while i < len(kinds):
        if kinds[i] != "timestamp" or i in reasons:
            i += 1
            continue
        end = _run_end(kinds, reasons, i, previous=None)
        if end < len(kinds):
            # A run from a later timestamp before `end` passes through the same states, so it
            # stops at `end` too: skip ahead, which keeps a long live blog linear.
            i = max(end, i + 1)
            continue
        lone = all(k == "timestamp" or j in reasons for j, k in enumerate(kinds[i:], i))
        run_reason = "dateline" if lone else "dated-headline-run"
        for j in range(i, len(kinds)):
            reasons.setdefault(j, heading_reason(blocks[j].text) or run_reason)
        return


def _mark_heading_runs(blocks: Sequence[Block], kinds: list[Kind], reasons: dict[int, str]) -> None:
    """A navigation heading takes the short lines after it, to the end or the next body paragraph."""
    i = 0
    while i < len(kinds):
        if kinds[i] == "heading" and i not in reasons:
            reason = heading_reason(blocks[i].text) or "navigation"
            end = _run_end(kinds, reasons, i + 1, previous="heading")
            for j in range(i, end):
                reasons.setdefault(j, heading_reason(blocks[j].text) or reason)
            i = end
        else:
            i += 1


def _run_end(kinds: list[Kind], reasons: dict[int, str], start: int, previous: str | None) -> int:
    """Index just past a sidebar run: timestamps, short headlines, bullets, headings.

    A body-like paragraph belongs to the run only as the teaser right under a bullet or a
    timestamped headline; any other body paragraph ends the run.
    """
    for i in range(start, len(kinds)):
        kind = kinds[i]
        if kind == "body" and i not in reasons:
            if previous not in ("bullet", "dated-headline"):
                return i
            previous = "teaser"
        elif kind == "short" and previous == "timestamp":
            previous = "dated-headline"
        else:
            previous = kind
    return len(kinds)

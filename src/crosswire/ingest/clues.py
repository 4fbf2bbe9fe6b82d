"""Metadata that plain article text gives away: a dateline, a "Source:" line, an "originally published" note, a headline."""

from __future__ import annotations

import re

from crosswire.ingest.dates import DATE, MONTH, YEAR, find_date, to_iso
from crosswire.ingest.metadata import Clue

TOP_LINES = 5  # a dateline or headline sits within the first few non-empty lines
DATELINE_WORDS = 12  # "Published: Monday, 25 March 2024, 21:48 GMT | Updated ..." fits; a body sentence does not
TITLE_WORDS = 20
# "MOSCOW, March 25 (Reuters) -", "KRASNOGORSK, Russia, March 23, 2024 (AP) —"
WIRE_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z .'’-]+?)(?:,\s+(?!{MONTH}\s+\d)[A-Z][a-z][\w .]*?)?"
    rf"(?:,\s+(?P<date>{MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?))?\s*"
    r"\((?P<agency>[A-Z][\w .&'-]{1,40})\)\s*[-–—]"
)
SOURCE_LINE = re.compile(r"^[ \t]*Source:[ \t]*(?P<source>[^\r\n]{2,80}?)[ \t.]*$", re.MULTILINE)
SOURCE_WORDS = 8
ORIGINALLY_PUBLISHED = re.compile(r"originally published\b(?P<rest>[^\r\n]*)", re.IGNORECASE)
QUOTED_NAME = re.compile(r"[‘'\"“«](?P<name>[^’'\"”»\r\n]{2,60})[’'\"”»]")
BY_NAME = re.compile(r"\bby\s+(?P<name>[A-Z][^.,;\r\n]{1,60}?)(?=\s+on\s|[.,;]|$)")
BODY_END = re.compile(r"\.[\"”’)]?$")
SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+[A-Z]")


def text_clues(text: str) -> list[Clue]:
    """Clues found in article text, most trusted first: the dateline at the top, then notes elsewhere."""
    lines = _top_lines(text)
    clues = _dateline(lines, text)
    if match := SOURCE_LINE.search(text):
        if len(match["source"].split()) <= SOURCE_WORDS:
            clues.append(Clue("source", match["source"], "source-line"))
    clues += _originally_published(text)
    if title := _title(lines):
        clues.append(Clue("title", title, "leading-line"))
    return clues


def _top_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()][:TOP_LINES]


def _dateline(lines: list[str], text: str) -> list[Clue]:
    for line in lines:
        if match := WIRE_DATELINE.match(line):
            clues = [Clue("source", match["agency"], "dateline")]
            if day := match["date"]:
                if not YEAR.search(day) and (year := _year_elsewhere(text)):
                    day = f"{day}, {year}"
                if (iso := to_iso(day)) is not None:
                    clues.insert(0, Clue("published", iso, "dateline"))
            return clues
        if len(line.split()) <= DATELINE_WORDS and (iso := find_date(line)):
            return [Clue("published", iso, "dateline")]
    return []


def _year_elsewhere(text: str) -> str | None:
    """A wire dateline omits the year; borrow it from the first full date in the text."""
    iso = find_date(text)
    return iso[:4] if iso else None


def _originally_published(text: str) -> list[Clue]:
    match = ORIGINALLY_PUBLISHED.search(text)
    if not match:
        return []
    rest = match["rest"]
    clues = []
    if iso := find_date(rest):
        clues.append(Clue("published", iso, "originally-published"))
    if name := QUOTED_NAME.search(rest) or BY_NAME.search(rest):
        clues.append(Clue("source", name["name"], "originally-published"))
    return clues


def _title(lines: list[str]) -> str | None:
    """The first headline-like line at the top, before the body starts.

    Captions and datelines may precede the headline; a line ending in a full stop means the body began.
    A headline may end in "?", so only a full stop counts.
    """
    for line in lines:
        if BODY_END.search(line):
            return None
        too_long = len(line.split()) > TITLE_WORDS
        if not (too_long or SENTENCE_BREAK.search(line) or DATE.search(line) or WIRE_DATELINE.match(line)):
            return line
    return None

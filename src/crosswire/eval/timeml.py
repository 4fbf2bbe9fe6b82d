"""Read and write TimeML (`.tml`) documents: the plain text of TEXT, its DCT, and TIMEX3 spans.

A timex's span is its character span in the plain text of TEXT, with every tag stripped and XML
entities decoded, as TempEval-3 defines it. Writing keeps that text byte for byte and puts only the
system's TIMEX3 tags into it, so a gold file's events and links never reach a system file.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

from crosswire.errors import InputError

__all__ = ["Timex", "TimeMLDocument", "read_timeml", "write_timeml"]


class Timex(NamedTuple):
    """One TIMEX3 inside TEXT: its character span in the plain text, type and value."""

    start: int
    end: int
    type: str
    value: str


class TimeMLDocument(NamedTuple):
    name: str
    docid: str
    text: str
    dct: str = ""
    timexes: tuple[Timex, ...] = ()

    @property
    def dct_date(self) -> dt.date | None:
        """The calendar day of the document creation time, the anchor of relative expressions."""
        try:
            return dt.date.fromisoformat(self.dct[:10])
        except ValueError:
            return None


def read_timeml(path: Path) -> TimeMLDocument:
    """Parse one `.tml` file; raises InputError when it is not TimeML with a TEXT element."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"{path}: not well-formed XML ({exc}). Pass a folder of TimeML .tml files.") from exc
    text_element = root.find("TEXT")
    if text_element is None:
        raise InputError(f"{path}: no <TEXT> element, so not a TimeML document. Pass a folder of .tml files.")
    pieces: list[str] = []
    timexes: list[Timex] = []
    _walk(text_element, pieces, timexes, offset=0)
    dct = root.find("DCT/TIMEX3")
    return TimeMLDocument(
        name=path.name,
        docid=(root.findtext("DOCID") or path.stem).strip(),
        text="".join(pieces),
        dct=dct.get("value", "") if dct is not None else "",
        timexes=tuple(timexes),
    )


def _walk(element: ET.Element, pieces: list[str], timexes: list[Timex], offset: int) -> int:
    """Append the element's text to `pieces`, recording TIMEX3 spans; returns the offset after it."""
    start = offset
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _walk(child, pieces, timexes, offset)
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3":
        timexes.append(Timex(start, offset, element.get("type", ""), element.get("value", "")))
    return offset


def write_timeml(path: Path, document: TimeMLDocument, timexes: list[Timex]) -> None:
    """Write `document` with `timexes` as its only tags in TEXT (non-overlapping, in text order)."""
    body: list[str] = []
    at = 0
    for i, timex in enumerate(sorted(timexes), start=1):
        if timex.start < at:
            raise ValueError(f"{document.name}: overlapping timexes at {timex.start}; the stage must not emit them")
        attrs = f"tid={quoteattr(f't{i}')} type={quoteattr(timex.type)} value={quoteattr(timex.value)}"
        body.append(escape(document.text[at : timex.start]))
        body.append(f"<TIMEX3 {attrs}>{escape(document.text[timex.start : timex.end])}</TIMEX3>")
        at = timex.end
    body.append(escape(document.text[at:]))
    dct = (
        f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(document.dct)} temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{escape(document.dct)}</TIMEX3></DCT>'
    )
    path.write_text(
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{escape(document.docid)}</DOCID>\n{dct}\n<TEXT>{''.join(body)}</TEXT>\n</TimeML>\n",
        encoding="utf-8",
    )

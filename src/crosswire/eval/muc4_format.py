"""Read the MUC-4 distribution: the messages (what a system sees) and the answer-key templates (gold).

Formats as described in ../shared/data/muc4/SOURCE.md: messages follow one another, each opening
with its id line; a key template is a block of numbered `N.  SLOT NAME   FILL` lines, several fillers
on indented continuation lines, `A / B` alternatives, a leading `?` for an optional filler.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

_MESSAGE_ID = re.compile(r"^((?:DEV|TST[1-4])-MUC[34]-\d{4})\b.*$", re.M)
_DATELINE = re.compile(r"^\s*(?P<place>[^,\n]+),\s+(?P<day>\d{1,2})\s+(?P<month>[A-Z]{3})\s+(?P<year>\d{2})\b[^\n]*?--")
_SLOT_LINE = re.compile(r"^(\d+)\.\s+([A-Z][A-Z :]+?[A-Z])\s{2,}(.*)$")
_CONTINUATION = re.compile(r"^\s{20,}(\S.*)$")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], start=1)}

SETS = {"dev": ("dev", "dev-muc3-*", "key-dev-*.muc4"), "tst1": ("tst1", "tst1-muc3", "key-tst1.v7"),
        "tst2": ("tst2", "tst2-muc4", "key-tst2.v4")}


@dataclass(frozen=True)
class Message:
    id: str
    text: str = field(repr=False)
    published: str | None = None
    dateline_place: str | None = None


@dataclass(frozen=True)
class Filler:
    """One filler of a key slot: its alternatives, and for cross-referenced set fills the string it describes."""

    alternatives: tuple[str, ...]
    optional: bool = False
    refers_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class KeyTemplate:
    message: str
    optional: bool
    slots: dict[str, tuple[Filler, ...]]  # slot name -> fillers; absent when '*' (not scored)


def read_messages(data: Path, name: str) -> list[Message]:
    folder, texts, _ = SETS[name]
    messages = []
    for path in sorted((data / folder).glob(texts)):
        raw = path.read_text(encoding="latin-1")
        marks = list(_MESSAGE_ID.finditer(raw))
        for mark, following in zip(marks, [*marks[1:], None]):
            body = raw[mark.end() : following.start() if following else len(raw)]
            messages.append(_message(mark.group(1), body))
    return messages


def _message(message_id: str, body: str) -> Message:
    dateline = _DATELINE.search(body)
    if dateline is None:
        return Message(message_id, body.strip())
    month = MONTHS.get(dateline["month"])
    year = 1900 + int(dateline["year"])
    published = None
    if month:
        try:
            published = dt.date(year, month, int(dateline["day"])).isoformat()
        except ValueError:
            published = None
    text = body[dateline.end() :]
    text = re.sub(r"^\s*(\[[A-Z ]+\]\s*)+", "", text)  # "[REPORT] [TEXT]" markers
    return Message(message_id, text.strip(), published, dateline["place"].strip())


def read_keys(data: Path, name: str) -> dict[str, list[KeyTemplate]]:
    """Relevant key templates per message id; an irrelevant message maps to an empty list."""
    folder, _, keys = SETS[name]
    templates: dict[str, list[KeyTemplate]] = {}
    for path in sorted((data / folder).glob(keys)):
        for block in re.split(r"\n\s*\n", path.read_text(encoding="latin-1")):
            slots = _slots(block)
            if "MESSAGE: ID" not in slots:
                continue
            message = slots["MESSAGE: ID"][0].split()[0]
            number = slots.get("MESSAGE: TEMPLATE", ["*"])[0]
            templates.setdefault(message, [])
            if number.strip() == "*":
                continue
            fillers = {slot: parsed for slot, lines in slots.items() if (parsed := _fillers(lines)) is not None}
            templates[message].append(KeyTemplate(message, "OPTIONAL" in number, fillers))
    return templates


def _slots(block: str) -> dict[str, list[str]]:
    slots: dict[str, list[str]] = {}
    last = None
    for line in block.splitlines():
        if line.startswith(";"):
            continue
        match = _SLOT_LINE.match(line)
        if match:
            last = match.group(2).strip()
            slots[last] = [match.group(3).strip()]
        elif last and (cont := _CONTINUATION.match(line)):
            slots[last].append(cont.group(1).strip())
    return slots


def _fillers(lines: list[str]) -> tuple[Filler, ...] | None:
    """None for '*' (inapplicable); () for '-' (no filler)."""
    if not lines or lines[0] == "*":
        return None
    fillers = []
    for line in lines:
        if line == "-":
            continue
        optional = line.startswith("?")
        line = line.lstrip("? ")
        head, refers = line, ()
        cross = re.match(r'^([A-Z][^"]*?|"(?:[^"\\]|\\.)*"):\s+(".*)$', line)
        if cross:
            head, refers = cross.group(1), tuple(_QUOTED.findall(cross.group(2)))
        quoted = _QUOTED.findall(head)
        alternatives = tuple(quoted) if quoted else tuple(_unwrapped(a.strip()) for a in head.split(" / ") if a.strip())
        fillers.append(Filler(tuple(a.replace('\\"', '"') for a in alternatives), optional, refers))
    return tuple(fillers)


def _unwrapped(alternative: str) -> str:
    """'(- 12 NOV 89)' of '(- 12 NOV 89) / (- 18 NOV 89)': an alternative without the parentheses around it
    all ('(EL SALVADOR: SAN SALVADOR (CITY))'), not those of a part ('COLOMBIA: BOGOTA (CITY)')."""
    if not (alternative.startswith("(") and alternative.endswith(")")):
        return alternative
    depth = 0
    for i, char in enumerate(alternative):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return alternative[1:-1].strip() if i == len(alternative) - 1 else alternative
    return alternative


def key_date(text: str) -> tuple[dt.date | None, dt.date | None]:
    """'02 FEB 90' -> that day; '25 DEC 89 - 30 DEC 89' -> the range; '- 03 JAN 90' -> on or before."""
    days = [_day(m) for m in re.finditer(r"(\d{1,2}) ([A-Z]{3}) (\d{2})", text)]
    days = [d for d in days if d]
    if not days:
        return None, None
    if text.startswith("-"):
        return None, days[0]
    return days[0], days[-1]


def _day(match: re.Match) -> dt.date | None:
    try:
        return dt.date(1900 + int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))
    except (KeyError, ValueError):
        return None

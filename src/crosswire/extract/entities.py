"""Entity mentions of one document, with alias keys and the aliases the text itself declares."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from crosswire.extract.nlp import entities_of, text_of
from crosswire.extract.places import lookup
from crosswire.extract.names import alias_key, clean_name, fold
from crosswire.records import EntityMention

NOT_NAMES = frozenset({"", "the", "a", "an", "this", "that"})
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART"})


def find_entities(doc: Doc, sentence_of: Callable[[int], int]) -> list[EntityMention]:
    """Named mentions with keys; 'Name (ALIAS)' and a bare surname take the key of the name they refer to."""
    ents = [e for e in entities_of(doc) if e.label_ in NAME_LABELS and clean_name(e.text).casefold() not in NOT_NAMES]
    keys = [alias_key(e.text, _label(e), e.ent_id_) for e in ents]
    _apply_parenthetical_aliases(doc, ents, keys)
    _apply_surnames(ents, keys)
    return [
        EntityMention(
            start=e.start_char,
            end=e.end_char,
            text=e.text,
            label=_label(e),
            sentence=sentence_of(e.start_char),
            key=key,
        )
        for e, key in zip(ents, keys)
    ]


def _label(ent: Span) -> str:
    # "the city of Kerman" tagged as a nationality: a name in the gazetteer is a place.
    if ent.label_ == "NORP" and lookup(clean_name(ent.text)):
        return "GPE"
    # The small model calls venues a work of art; a capitalised "... Hall/Center/Airport" is a facility.
    if ent.label_ in {"WORK_OF_ART", "ORG"} and ent[-1].lower_ in {"hall", "centre", "center", "airport", "station", "mall", "theatre", "theater", "stadium", "hospital", "mosque", "church", "synagogue", "cemetery"}:
        return "FAC"
    return ent.label_


def _apply_parenthetical_aliases(doc: Doc, ents: list[Span], keys: list[str]) -> None:
    """'ISIS-Khorasan (ISIS-X)', 'Islamic State (IS)': the bracketed name is an alias of the one before."""
    text = text_of(doc)
    for i in range(len(ents) - 1):
        first, second = ents[i], ents[i + 1]
        between = text[first.end_char : second.start_char]
        after = text[second.end_char : second.end_char + 3]
        if between.strip(" *”\"'’") == "(" and after.lstrip("*").startswith(")"):
            keys[i + 1] = keys[i]


def _apply_surnames(ents: list[Span], keys: list[str]) -> None:
    """'Putin' after 'Vladimir Putin' in the same document is the same person."""
    full: dict[str, str] = {}
    for ent, key in zip(ents, keys):
        words = clean_name(ent.text).split()
        if ent.label_ == "PERSON" and len(words) > 1:
            full.setdefault(fold(words[-1]), key)
    for i, ent in enumerate(ents):
        words = clean_name(ent.text).split()
        if ent.label_ == "PERSON" and len(words) == 1 and fold(words[0]) in full:
            keys[i] = full[fold(words[0])]

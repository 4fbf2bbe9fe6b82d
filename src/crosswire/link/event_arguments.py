"""Who, when and where around an event mention, read off its sentence's parse and entities.

Two reports of one kind of incident (two earthquakes, two shootings) use the same trigger words; what
tells them apart is their arguments, dates and places. These sets feed the pair scorer's agreement
and conflict features (`link/mention_pairs.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "agent", "attr", "poss", "compound", "iobj", "dative"})
PREPOSITION_DEPS = frozenset({"prep", "agent"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP"})
TIME_LABELS = frozenset({"DATE", "TIME"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"})


def _word(token: Token) -> str | None:
    """The argument a token stands for: its entity's text, or its lemma when a noun; pronouns say nothing."""
    if token.ent_type_ and token.ent_iob_ in {"B", "I"}:
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if entity is not None:
            return entity.text.lower()
    if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.isalpha():
        return token.lemma_.lower()
    return None


def argument_words(head: Token, inside: Iterable[int] = ()) -> frozenset[str]:
    """Subject, object and prepositional-object heads of the trigger (entity text or noun lemma)."""
    skip = set(inside)
    found = set()
    for child in head.children:
        if child.i in skip:
            continue
        if child.dep_ in ARGUMENT_DEPS:
            found.add(_word(child))
        if child.dep_ in PREPOSITION_DEPS:
            found.update(_word(g) for g in child.children if g.dep_ == "pobj")
    if head.dep_ in {"dobj", "nsubjpass", "nsubj", "pobj"} and head.head.i not in skip:
        # A nominal trigger ("the shooting") borrows the verb it fills: "police investigate the shooting".
        found.update(_word(c) for c in head.head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != head.i)
    found.discard(None)
    return frozenset(found)


def _time_words(text: str) -> set[str]:
    """Years, weekdays, month names and day numbers of a date expression."""
    out = set()
    for word in text.lower().replace(",", " ").split():
        if word in WEEKDAYS or word in MONTHS or (word.isdigit() and (len(word) == 4 or int(word) <= 31)):
            out.add(word)
    return out


@dataclass(frozen=True)
class SentenceSetting:
    """Times, places and names of some sentences (one sentence, or a whole document)."""

    times: frozenset[str]
    places: frozenset[str]
    names: frozenset[str]

    @classmethod
    def of(cls, docs: Iterable[Doc]) -> "SentenceSetting":
        times: set[str] = set()
        places: set[str] = set()
        names: set[str] = set()
        for doc in docs:
            for entity in doc.ents:
                if entity.label_ in TIME_LABELS:
                    times |= _time_words(entity.text)
                elif entity.label_ in PLACE_LABELS:
                    places.add(entity.text.lower())
                elif entity.label_ in NAME_LABELS:
                    names.add(entity.text.lower())
        return cls(frozenset(times), frozenset(places), frozenset(names))


def years(times: frozenset[str]) -> frozenset[str]:
    return frozenset(t for t in times if len(t) == 4 and t.isdigit())


def weekdays(times: frozenset[str]) -> frozenset[str]:
    return times & WEEKDAYS

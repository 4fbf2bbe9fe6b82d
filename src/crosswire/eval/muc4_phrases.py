"""Phrases the ledger does not keep, read off the parse of a report's sentences for MUC-4's string slots.

The ledger keeps a participant's name but not the title the report gives it ("Antioquia governor
Antonio Roldan Betancur", "Gustavo Alvarez, the director of the Columbus School", "the mayor of
Achi, Ricardo Castellar"), which MUC-4 wants in HUM TGT: DESCRIPTION (template-doc-part2, slots
18-19), nor the fullest form of a name, nor a perpetrator phrase with its 'of' phrase ("members of
the FMLN") or one the trigger's parse left out ("the killing ... carried out by uniformed men").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from crosswire.extract.nlp import load_pipeline
from crosswire.settings import Settings

# Tokens a title phrase does not start with: articles and possessives ("the", "his").
_SKIPPED = frozenset({"DET", "PRON", "PUNCT", "CCONJ", "NUM"})


def fullest_name(name: str, texts: list[str]) -> str:
    """The longest form of the name the texts give, as MUC-4 wants it ('Federico Estrada' -> 'Federico Estrada Velez').

    The name grows by the capitalised words right next to it, not across punctuation, a lower-case
    word (a title: 'governor Antonio Roldan') or a sentence start.
    """
    best = name
    for text in texts:
        flat = " ".join(text.split())
        for match in re.finditer(rf"(?<![\w.])((?:[A-Z][\w'-]+ )*)(?i:{re.escape(name)})((?: [A-Z][\w'-]+)*)", flat):
            before = match.group(1).split()
            if before and match.start(1) == 0:
                before = before[1:]  # a sentence's first word is capitalised whatever it is
            while before and before[0].lower() in _stop_words():
                before = before[1:]
            after = match.group(2).split()
            while after and after[-1].lower() in _stop_words():
                after = after[:-1]
            form = " ".join([*before, match.group(0)[len(match.group(1)) : len(match.group(0)) - len(match.group(2))], *after])
            if len(form) > len(best):
                best = form
    return best


def is_subject(name: str, text: str) -> bool:
    """Whether the sentence has the person doing something ('Cristiani said', 'Barco condemned'): the
    subject of an active verb is a speaker or an actor, not the one attacked, unless the verb is one
    of suffering ('died')."""
    span = _find(_parse(" ".join(text.split())), name)
    if span is None:
        return False
    head = _name_head(span)
    while head.dep_ in {"conj", "appos"} and head.head.i != head.i:
        head = head.head
    return head.dep_ == "nsubj" and head.head.lemma_.lower() not in _SUFFERED


# Verbs whose subject is the one who suffers: 'Ellacuria died'.
_SUFFERED = frozenset({"die", "perish", "disappear", "suffer", "succumb"})


def title_of(name: str, texts: list[str]) -> str | None:
    """The title or role the first of `texts` that names `name` gives it, or None."""
    for text in texts:
        if not _mentions(text, name):
            continue
        doc = _parse(" ".join(text.split()))
        span = _find(doc, name)
        if span is None:
            continue
        title = _before(span) or _apposition(span) or _apposed_to(span)
        if title:
            return title
    return None


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=512)
def _parse(text: str) -> Doc:
    return load_pipeline(Settings().model)(text)


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"\b{re.escape(name.split()[-1].lower())}\b", text.lower()) is not None


def _find(doc: Doc, name: str) -> Span | None:
    """The tokens of the name, or of its last word (the surname) when the full form is not there."""
    flat = doc.text.lower()
    for form in (name, name.split()[-1]):
        match = re.search(rf"\b{re.escape(form.lower())}\b", flat)
        if match:
            return doc.char_span(match.start(), match.end(), alignment_mode="expand")
    return None


def _phrase(tokens: list[Token]) -> str | None:
    """The words of a title, from its first content word; None without a common noun."""
    while tokens and (tokens[0].pos_ in _SKIPPED or tokens[0].dep_ == "poss"):
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ in {"PUNCT", "CCONJ", "ADP", "DET"}:
        tokens = tokens[:-1]
    if not tokens or not any(t.pos_ == "NOUN" for t in tokens):
        return None
    if tokens[-1].i - tokens[0].i + 1 == len(tokens):
        return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text  # as written: "Front (FMLN)"
    return " ".join(t.text for t in tokens)


def _before(span: Span) -> str | None:
    """'liberal senator Federico Estrada', 'Central American University rector Ignacio Ellacuria'."""
    head = _name_head(span)
    inside = {t.i for t in head.subtree}
    run: list[Token] = []
    i = span.start - 1
    while i >= 0:
        token = span.doc[i]
        if token.i not in inside or token.pos_ in _SKIPPED or token.dep_ == "poss":
            break
        run.insert(0, token)
        i -= 1
    return _phrase(run)


def _apposition(span: Span) -> str | None:
    """'Gustavo Alvarez, the director of the Columbus School, ...': a common-noun apposition after the name."""
    for child in _name_head(span).children:
        if child.dep_ == "appos" and child.i >= span.end and child.pos_ == "NOUN":
            return _phrase(_without_clauses(child))
    return None


def _apposed_to(span: Span) -> str | None:
    """'the mayor of Achi, Ricardo Castellar': the noun phrase the name stands in apposition to."""
    head = _name_head(span)
    if head.dep_ != "appos":
        return None
    noun = head.head
    while noun.dep_ in {"pobj", "prep"} and noun.pos_ != "NOUN" and noun.head.i != noun.i:
        noun = noun.head
    if noun.pos_ != "NOUN" or noun.i >= span.start:
        return None
    tokens = [t for t in _without_clauses(noun) if t.i < span.start]
    return _phrase(tokens)


def _name_head(span: Span) -> Token:
    """The head of the whole name: 'Federico Estrada' of 'Federico Estrada Velez' is headed by 'Velez'."""
    head = span.root
    while head.dep_ in {"compound", "flat"} and head.head.pos_ == "PROPN" and head.head.i > head.i:
        head = head.head
    return head


def perpetrators_in(sentences: list[tuple[str, str]], nouns: frozenset[str]) -> list[str]:
    """Phrases headed by a word for who commits violence, as the doer of the incident's trigger in each
    (sentence, trigger): 'uniformed men' of 'the killing ... carried out by uniformed men', 'members of
    the FMLN' of 'members of the FMLN attacked ...'; not the victim."""
    found: list[str] = []
    for text, trigger in sentences:
        doc = _parse(" ".join(text.split()))
        verbs = {t.i for t in doc if t.text.lower() in trigger.lower().split()}
        for token in doc:
            if token.pos_ != "NOUN" or token.text.upper().rstrip("S") not in nouns and token.text.upper() not in nouns:
                continue
            if not _doer(token, verbs):
                continue
            of_phrase = token.lower_ in _GROUPING_NOUNS
            tokens = [t for t in _without_clauses(token) if t.i <= token.i or of_phrase and _in_of_phrase(t, token)]
            phrase = _phrase(tokens) if len(tokens) > 1 else token.text
            count = _exact_count(token)
            if phrase and count and not phrase.lower().startswith(count.lower()):
                phrase = f"{count} {phrase}"  # the keys keep the number: "THREE YOUNG INDIVIDUALS"
            if phrase and phrase not in found:
                found.append(phrase)
    return found


# Heads that say little without their 'of' phrase: "members of the FMLN", "a group of terrorists".
_GROUPING_NOUNS = frozenset({"member", "members", "group", "groups", "column", "cell", "unit", "units", "squad", "band"})


def _doer(token: Token, triggers: set[int]) -> bool:
    """The subject of the trigger, or the agent of a passive or a noun ('the killing, carried out by ...')."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ == "nsubj":  # "terrorists overpowered residents and burned the offices": burned's too
        return token.head.i in triggers or any(c.dep_ == "conj" and c.i in triggers for c in token.head.children)
    return token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.head.pos_ in {"VERB", "NOUN"}


def _exact_count(token: Token) -> str | None:
    """The number that counts the doers, when it is exact: "two individuals", not "over 500 fighters"."""
    for child in token.children:
        if child.dep_ == "nummod" and child.i < token.i and not any(c.dep_ in {"advmod", "quantmod"} for c in child.children):
            return child.text
    return None


def _in_of_phrase(t: Token, head: Token) -> bool:
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1), None)
    return of is not None and of.i <= t.i <= of.right_edge.i


def _without_clauses(token: Token) -> list[Token]:
    """The token's phrase without relative clauses, appositions of its own or trailing commas."""
    cut = {t.i for c in token.children if c.dep_ in {"relcl", "acl", "appos", "punct", "cc", "conj"} for t in c.subtree}
    return [t for t in token.subtree if t.i not in cut]

"""How a sentence holds an event: asserted, reported, alleged, claimed, denied, negated, doubted,
hypothetical, planned, or asked as a question.

Cues come from patterns/modality.json and are read off the dependency parse in two scopes: the
trigger's own clause (negation, "allegedly", "will", "wanted to") and its whole chain of heads
(a denial, claim or allegation governs everything said under it: "denied that it attacked").

Precedence, first match wins (patterns/modality.json): denied > negated > question > doubted >
alleged > hypothetical > planned > claimed > reported > asserted. Those before `alleged` say the
event may not have happened at all, which matters more to a ledger than who vouches for it. An
allegation outranks a plan or a possibility: "they allegedly wanted to escape" is first of all the
report distancing itself from the speaker's story. Among the rest, the weaker the speaker's
commitment the earlier it comes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from typing import Any

from spacy.tokens import Span, Token

from crosswire.records import Attribution, Modality

# Dependencies that open a new clause: negation or "will" above one does not reach the trigger.
_CLAUSAL = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "conj"}


@cache
def _rules() -> dict[str, Any]:
    return json.loads(files("crosswire.extract").joinpath("patterns/modality.json").read_text("utf-8"))


def modality(sent: Span, trigger: Token, attribution: Attribution) -> Modality:
    """The modality of the event that `trigger` names, given who the sentence attributes it to."""
    path = _path(sent, trigger)
    clause = _clause(sent, trigger)
    tests: dict[str, Callable[[], bool]] = {
        "denied": lambda: _denied(path),
        "negated": lambda: _negated(clause),
        "question": lambda: sent.text.strip().rstrip('"”’\')').endswith(tuple(_rules()["question"]["marks"])),
        "doubted": lambda: _doubted(path, clause),
        "hypothetical": lambda: _hypothetical(clause),
        "planned": lambda: _planned(clause),
        "alleged": lambda: _alleged(path, clause),
        "claimed": lambda: _claimed(path),
        "reported": lambda: attribution.speaker_kind != "none"
        or _has_child(clause, _rules()["reported"]["clause_adverbs"], ("advmod",)),
    }
    for name in _rules()["precedence"]:
        if name == "asserted" or tests[name]():
            return name
    return "asserted"


def _path(sent: Span, trigger: Token) -> list[Token]:
    """The heads above the trigger, inside the sentence, nearest first (the trigger excluded)."""
    return [t for t in trigger.ancestors if sent.start <= t.i < sent.end]


def _clause(sent: Span, trigger: Token) -> list[Token]:
    """The trigger and its heads up to and including the first that links a new clause."""
    nodes = [trigger]
    node = trigger
    while node.dep_ not in _CLAUSAL and node.head.i != node.i and sent.start <= node.head.i < sent.end:
        node = node.head
        nodes.append(node)
    return nodes


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _has_child(nodes: list[Token], words: list[str], deps: tuple[str, ...]) -> bool:
    return any(c.dep_ in deps and c.lower_ in words for n in nodes for c in n.children)


def _denied(path: list[Token]) -> bool:
    rules = _rules()["denied"]
    for node in path:
        if node.pos_ in ("VERB", "AUX") and _lemma(node) in rules["path_verbs"]:
            return True
        if node.lower_ in rules["path_nouns"] or _lemma(node) in rules["path_nouns"]:
            return True
        # "its non-involvement": the tokenizer splits "non" off, and the parser may not attach it.
        before = node.doc[max(0, node.i - 2) : node.i].text.lower().replace(" ", "")
        if _lemma(node) in rules["stance_nouns"] and before in ("non-", *rules["negative_prefixes"]):
            return True
    return False


def _negated(clause: list[Token]) -> bool:
    rules = _rules()["negated"]
    if _has_child(clause, rules["neg_words"], ("neg",)):
        return True
    trigger = clause[0]
    if _has_child([trigger], rules["det_no"], ("det",)):
        return True
    # "No one was killed", "killed nobody": a nil participant of the trigger's verb.
    verb = next((n for n in clause if n.pos_ in ("VERB", "AUX")), trigger)
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            child.lower_ in rules["no_one"] or _has_child([child], rules["det_no"], ("det",))
        ):
            return True
    return False


def _planned(clause: list[Token]) -> bool:
    rules = _rules()["planned"]
    above = clause[1:]
    if any(_lemma(n) in rules["clause_verbs"] and n.pos_ in ("VERB", "AUX") for n in above):
        return True
    if any(_lemma(n) in rules["clause_nouns"] and n.pos_ == "NOUN" for n in above):
        return True
    if _has_child(clause, rules["modifiers"], ("amod", "compound", "nmod")):
        return True
    if _has_child(clause, rules["auxiliaries"], ("aux",)):
        return True
    # "were going to attack": progressive "go" with an infinitive under it.
    return any(_lemma(n) == rules["going_to"] and n.tag_ == "VBG" for n in above)


def _doubted(path: list[Token], clause: list[Token]) -> bool:
    rules = _rules()["doubted"]
    if _has_child(clause, rules["clause_modifiers"], ("amod", "compound", "acomp")):
        return True
    return any(
        (n.pos_ in ("VERB", "AUX") and _lemma(n) in rules["path_verbs"]) or (n.pos_ == "NOUN" and _lemma(n) in rules["path_nouns"])
        for n in path
    )


def _hypothetical(clause: list[Token]) -> bool:
    """'if they attack', 'could attack', 'a possible attack': only the trigger's own clause counts."""
    rules = _rules()["hypothetical"]
    if _has_child(clause, rules["auxiliaries"], ("aux",)) or _has_child(clause, rules["modifiers"], ("amod",)):
        return True
    if _has_child(clause, rules["marks"], ("mark",)):
        return True
    # "If the talks fail, they will attack": the condition is a clause hung on the trigger's verb.
    conditions = [c for n in clause for c in n.children if c.dep_ == "advcl"]
    return _has_child(conditions, rules["marks"], ("mark",))


def _alleged(path: list[Token], clause: list[Token]) -> bool:
    rules = _rules()["alleged"]
    if _has_child(clause, rules["clause_adverbs"], ("advmod",)):
        return True
    if _has_child(clause, rules["clause_modifiers"], ("amod", "compound")):
        return True
    return any(n.pos_ in ("VERB", "AUX") and _lemma(n) in rules["path_verbs"] for n in path)


def _claimed(path: list[Token]) -> bool:
    rules = _rules()["claimed"]
    return any(
        (n.pos_ in ("VERB", "AUX") and _lemma(n) in rules["path_verbs"])
        or (n.pos_ == "NOUN" and _lemma(n) in rules["path_nouns"])
        for n in path
    )

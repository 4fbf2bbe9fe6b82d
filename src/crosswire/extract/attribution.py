"""Who says what a sentence reports, and which outlet it came through.

A speaker is found on the trigger's chain of heads (the reporting verb whose clause holds the
trigger: "X said that ...", "According to X, ..."), or failing that in a parenthetical frame the
parser hung elsewhere ("..., a senior official told Reuters."). Chains keep the innermost speaker
and the outermost channel: in "Reuters reported, citing the Interior Ministry" the ministry speaks
and Reuters is `via`. Word lists live in patterns/attribution.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from spacy.tokens import Span, Token

from crosswire.extract.nlp import entities_of
from crosswire.records import Attribution

_CLAUSE_LINKS = {"advcl", "xcomp", "conj", "pcomp", "prep", "ccomp", "parataxis"}
_DROPPED = {"relcl", "appos", "punct", "advcl", "parataxis", "cc"}
_OPENERS = {",", '"', "“", "”", "'", "—", "–", "(", ":"}


@dataclass(frozen=True)
class _Frame:
    speaker: Token | None  # head of the speaker phrase; None for "it was reported that"
    cue: str
    channel: bool = False  # the quoting side of "X quotes Y", or the outlet told in "Y told X"


@cache
def _rules() -> dict[str, Any]:
    return json.loads(files("crosswire.extract").joinpath("patterns/attribution.json").read_text("utf-8"))


def attribute(sent: Span, trigger: Token, source: str | None) -> Attribution:
    """The speaker of the sentence content around `trigger`; with none, the document's outlet asserts it."""
    frames = _frames_on_path(sent, trigger) or _parenthetical_frames(sent, trigger)
    if not frames:
        return Attribution(speaker=None, speaker_kind="none", via=source, cue=None)
    inner = frames[0]
    speaker, kind = describe_speaker(inner.speaker)
    via = None
    for frame in reversed(frames[1:]):
        name, frame_kind = describe_speaker(frame.speaker)
        if frame_kind == "outlet":
            via = name
            break
        if frame.channel:
            # "The agency quoted ...": a quoting subject is a channel even without an outlet's name,
            # and when unnamed it is most often the document's own outlet.
            via = source or name
            break
    if via is None and inner.speaker is not None:
        via = _outlet_of_speaker(inner.speaker)
    if via is None:
        via = speaker if kind == "outlet" else source
    chain = tuple(describe_speaker(f.speaker)[0] for f in reversed(frames) if not f.channel)
    return Attribution(speaker=speaker, speaker_kind=kind, via=via, cue=inner.cue, chain=chain if len(chain) > 1 else ())


def _outlet_of_speaker(head: Token) -> str | None:
    """'one of the sources of the publication', 'the newspaper's second source': the outlet it spoke to."""
    head = _partitive_head(head)
    owners = [c for c in head.children if c.dep_ == "poss"]
    owners += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for owner in owners:
        if _outlet_name(owner) is not None:
            return re.sub(r"['’]s$", "", _phrase(owner).text)
    return None


def describe_speaker(head: Token | None) -> tuple[str, str]:
    """(speaker text, speaker_kind) of the phrase headed by `head`."""
    rules = _rules()
    if head is None:
        return rules["anonymous_speaker"], "unnamed"
    text = _phrase(head).text
    head = _partitive_head(head)
    outlet = _outlet_name(head)
    if outlet is not None:
        return outlet, "outlet"
    lemma = head.lemma_.lower()
    named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if named is not None:
        return _phrase(named).text, "named"
    if lemma in rules["unnamed_heads"]["lemmas"] and head.ent_type_ != "PERSON":
        return text, "unnamed"
    if head.ent_type_ == "PERSON":
        return text, "named"
    if head.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or lemma in rules["organization_heads"]["lemmas"]:
        return text, "organization"
    return text, "unnamed"


# --- frames ----------------------------------------------------------------------------


def _frames_on_path(sent: Span, trigger: Token) -> list[_Frame]:
    """Frames on the trigger and its heads, innermost first."""
    frames: list[_Frame] = []
    node = trigger
    while True:
        frames.extend(_node_frames(node, reporting=node.i != trigger.i))
        if node.i != trigger.i:
            frames.extend(_noun_frames(node))
        if node.head.i == node.i or not (sent.start <= node.head.i < sent.end):
            return frames
        node = node.head


def _parenthetical_frames(sent: Span, trigger: Token) -> list[_Frame]:
    """'..., the source said.' when the parser did not make the content the verb's complement."""
    doc = sent.doc
    for token in sent:
        if (
            is_reporting(token)
            and trigger.i not in {t.i for t in token.subtree}
            and not any(c.dep_ == "ccomp" for c in token.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            and token.left_edge.i > sent.start
            and doc[token.left_edge.i - 1].text in _OPENERS
        ):
            return _node_frames(token, reporting=True)
    return []


def _node_frames(node: Token, *, reporting: bool) -> list[_Frame]:
    """Frames a token opens: citing and according-to phrases on it, then its own reporting frame."""
    frames = []
    for child in node.children:
        if child.lemma_.lower() in _rules()["quoting_verbs"] and child.dep_ in _CLAUSE_LINKS:
            obj = _child(child, "dobj")
            if obj is not None:
                frames.append(_Frame(obj, child.text))
        if child.lower_ in _rules()["according"]["words"]:
            to = _child(child, "prep")
            pobj = _child(to, "pobj") if to is not None else None
            if pobj is not None:
                frames.append(_Frame(pobj, f"{child.text} {to.text}"))
    if reporting and is_reporting(node):
        frames.extend(_reporting_frames(node))
    return frames


def _noun_frames(noun: Token) -> list[_Frame]:
    """'US officials gathered information that ...': the noun's holder frames what its clause says."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _rules()["reporting_nouns"]["lemmas"]:
        return []
    holder = _child(noun, "poss")
    if holder is None and noun.dep_ in ("dobj", "nsubjpass"):
        holder = _child(noun.head, "nsubj")
    return [_Frame(holder, noun.text)] if holder is not None else []


def _reporting_frames(verb: Token) -> list[_Frame]:
    subject = _child(verb, "nsubj")
    if verb.lemma_.lower() in _rules()["quoting_verbs"]:
        quoted = _child(verb, "dobj")
        if quoted is not None:
            return [_Frame(quoted, verb.text), _Frame(subject, verb.text, channel=True)]
    if subject is None:
        agent = _child(verb, "agent")
        subject = _child(agent, "pobj") if agent is not None else None
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if subject is None and not passive:
        # "quotes X as saying", "was quick to say": the speaker is framed elsewhere on the path.
        return []
    frames = [_Frame(subject, verb.text)]
    told = _child(verb, "dobj") or _child(verb, "dative")
    if told is not None and verb.lemma_.lower() in ("tell", "inform"):
        frames.append(_Frame(told, verb.text, channel=True))
    return frames


def is_reporting(token: Token) -> bool:
    """A verb that frames what someone says ('said', 'told', 'claimed')."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in _rules()["reporting_verbs"]


def _child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


# --- speaker phrases -------------------------------------------------------------------


def _phrase(head: Token) -> Span:
    """The head's noun phrase without relative clauses, appositions and what follows a comma."""
    if head.pos_ == "PRON" and head.lower_ == "it" and head.dep_ == "nsubjpass":
        return head.doc[head.i : head.i + 1]
    dropped = {t.i for c in head.children if c.dep_ in _DROPPED for t in c.subtree}
    kept = [t.i for t in head.subtree if t.i not in dropped]
    span = head.doc[min(kept) : max(kept) + 1]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def _partitive_head(head: Token) -> Token:
    """'one of the sources of the publication' is headed, for its kind, by 'sources'."""
    if head.lower_ in _rules()["partitive_heads"] or head.like_num:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = _child(of, "pobj") if of is not None else None
        if pobj is not None:
            return pobj
    return head


@cache
def _outlet_names() -> tuple[dict[str, str], frozenset[str]]:
    """Outlets by their folded names, and the platforms that are not outlets."""
    rules = _rules()
    outlets = {name.lower(): name for name in rules["outlets"]}
    return outlets, frozenset(name.lower() for name in rules["platforms"]["names"])


def _outlet_name(head: Token) -> str | None:
    rules = _rules()
    outlets, platforms = _outlet_names()
    phrase = _phrase(head)
    candidates = [e for e in entities_of(phrase.doc) if e.start >= phrase.start and e.end <= phrase.end]
    for candidate in (*candidates, phrase):
        if candidate.root.ent_id_.startswith("outlet:") or any(t.ent_id_.startswith("outlet:") for t in candidate):
            return _strip_article(candidate.text, outlets)
        name = _strip_article(candidate.text, outlets)
        if name.lower() in outlets:
            return name
    heads = rules["outlet_heads"]
    lemma = head.lemma_.lower()
    news = any(c.lower_ == "news" for c in head.children)
    if lemma in heads["lemmas"] or (lemma in heads["with_news"] and news):
        named = [e for e in candidates if e.text.lower() not in platforms and e.label_ in ("ORG", "PERSON", "WORK_OF_ART")]
        return named[0].text if named else phrase.text
    return None


def _strip_article(text: str, outlets: dict[str, str]) -> str:
    if text.lower() in outlets:
        return text
    return text[4:] if text.lower().startswith("the ") else text

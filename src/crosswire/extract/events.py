"""Event mentions: PLOVER-typed triggers with their date, place, participants, counts, attribution, modality.

Rule-based: triggers come from `patterns/events.json` (spaCy Matcher patterns); the date, place and
participants of a trigger are read off the dependency parse, not off word order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab
from spacy.util import filter_spans

from crosswire.extract.attribution import attribute, is_reporting
from crosswire.extract.modality import modality as modality_of
from crosswire.extract.names import alias_key, clean_name
from crosswire.records import Count, EntityMention, EventMention, Participant, TimeValue

PLACE_LABELS = ("FAC", "GPE", "LOC")
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "on", "into"})
# Which reported figures belong to which kind of event.
COUNT_KINDS_BY_TYPE = {
    "ASSAULT": frozenset({"killed", "injured", "shot", "missing", "hostages", "attackers"}),
    "FIGHT": frozenset({"killed", "injured", "missing"}),
    "COERCE": frozenset({"arrested", "detained"}),
    "COURT": frozenset({"arrested", "detained"}),
}


@lru_cache(maxsize=1)
def _events_file() -> dict:
    path = resources.files("crosswire.extract") / "patterns" / "events.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _trigger_patterns() -> tuple[dict, ...]:
    return tuple(_events_file()["patterns"])


class _Triggers:
    """The trigger patterns compiled for one vocabulary, matched in the order they are written.

    A pattern of one token that only names lemmas and parts of speech goes to a PhraseMatcher on
    lemmas (a hash lookup a token), the others to a Matcher, which tries every pattern at every
    token: most patterns are of the first kind, and the Matcher took a fifth of the rules' time.
    """

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.words = PhraseMatcher(vocab, attr="LEMMA")
        self.phrases = Matcher(vocab)
        self.parts_of_speech: dict[int, frozenset[str] | None] = {}
        for i, row in enumerate(_trigger_patterns()):
            pattern = row["pattern"]
            if len(pattern) == 1 and "LEMMA" in pattern[0] and set(pattern[0]) <= {"LEMMA", "POS"}:
                pos = pattern[0].get("POS")
                self.parts_of_speech[i] = frozenset(_listed(pos)) if pos else None
                self.words.add(str(i), [Doc(vocab, words=[lemma], lemmas=[lemma]) for lemma in _listed(pattern[0]["LEMMA"])])
            else:
                self.phrases.add(str(i), [pattern])

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(pattern number, start, end) of every match, by start, end and pattern number."""
        matches = [(int(self.vocab.strings[key]), start, end) for key, start, end in self.phrases(doc)]
        for key, start, end in self.words(doc):
            number = int(self.vocab.strings[key])
            allowed = self.parts_of_speech[number]
            if allowed is None or doc[start].pos_ in allowed:
                matches.append((number, start, end))
        return sorted(matches, key=lambda m: (m[1], m[2], m[0]))


def _listed(value: str | dict) -> list[str]:
    """A token attribute's values in a Matcher pattern: "shoot" or {"IN": ["shoot", "shooting"]}."""
    return value["IN"] if isinstance(value, dict) else [value]


_TRIGGERS: dict[int, _Triggers] = {}


def find_triggers(doc: Doc) -> list[tuple[Span, str, str | None]]:
    """Trigger spans with (type, mode); the longest of overlapping matches wins."""
    triggers = _TRIGGERS.get(id(doc.vocab))
    if triggers is None:
        triggers = _TRIGGERS[id(doc.vocab)] = _Triggers(doc.vocab)
    patterns = _trigger_patterns()
    result = []
    for span in filter_spans([Span(doc, start, end, label=str(number)) for number, start, end in triggers(doc)]):
        if _in_idiom(span.root):
            continue
        row = patterns[int(span.label_)]
        result.append((span, row["type"], row["mode"]))
    return result


def _in_idiom(root: Token) -> bool:
    """'Fighting for her life' tells of a victim's condition, not a fight (events.json `idioms`)."""
    idioms = _events_file()["idioms"]
    return root.lemma_.lower() in idioms["lemmas"] and any(
        o.lemma_.lower() in idioms["objects"]
        for c in root.children if c.dep_ == "prep" and c.lower_ in idioms["preps"] for o in c.children)


def find_events(
    doc: Doc,
    *,
    document_id: str,
    source: str | None,
    sentence_of: Callable[[int], int],
    entities: Sequence[EntityMention],
    times: Sequence[TimeValue],
    counts: Sequence[Count],
) -> list[EventMention]:
    """One EventMention per trigger, with what its sentence says about it."""
    triggers = find_triggers(doc)
    # Each trigger's sentence, found once: a Span's `.sent` makes a new Span at each call.
    sentences = {span.start: span.sent for span, _, _ in triggers}
    mentions = []
    for span, event_type, mode in triggers:
        root = span.root
        sent = root.sent
        attribution = attribute(sent, root, source)
        same_sentence = [t for t in triggers if sentences[t[0].start].start == sent.start]
        location = _location(root, sent, entities)
        mentions.append(
            EventMention(
                id=_mention_id(document_id, span.start_char),
                document=document_id,
                sentence=sentence_of(span.start_char),
                start=span.start_char,
                end=span.end_char,
                trigger=span.text,
                text=sent.text.strip(),
                type=event_type,
                mode=mode,
                modality=modality_of(sent, root, attribution),
                attribution=attribution,
                date=_date(root, sent, times, alone=len(same_sentence) == 1,
                           nested=[t[0].root for t in same_sentence if t[0].root.i != root.i]),
                location=clean_name(location.text) if location else None,
                location_key=location.key if location else None,
                participants=tuple(_participants(root, entities, event_type)),
                counts=tuple(_counts(span, event_type, counts, triggers, attribution, sentences)),
            )
        )
    return mentions


def _mention_id(document_id: str, start: int) -> str:
    return hashlib.sha1(f"{document_id}:{start}".encode()).hexdigest()[:16]


def _governor(root: Token) -> Token:
    """The clause a nominal trigger sits in ('staged a shooting' -> 'staged')."""
    token = root
    while token.dep_ in {"dobj", "pobj", "prep", "compound", "amod", "nsubjpass", "attr", "conj", "appos"} and token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            break
    return token


def _within(token_start: int, token_end: int, subtree: Span | Sequence[Token]) -> bool:
    indices = {t.i for t in subtree}
    return any(i in indices for i in range(token_start, token_end))


def _date(
    root: Token, sent: Span, times: Sequence[TimeValue], *, alone: bool, nested: Sequence[Token] = ()
) -> TimeValue | None:
    """The date expression that modifies the trigger or its clause; a lone trigger takes its sentence's.

    A date inside another trigger's phrase under this one is that trigger's ("arrested 35 people in
    connection with the Jan. 3 bombings": Jan. 3 dates the bombings), unless it is counted from that
    trigger ("released the report two weeks before the attack" dates the release). With no date of its own, a
    trigger takes the date of the clause that reports it ("In January, the ministry said it had
    arrested ...": the arrest is dated by the saying, as its latest possible time).
    """
    doc = root.doc
    root_subtree = {t.i for t in root.subtree}
    inner = [n for n in nested if n.i in root_subtree]
    ancestors = {t.i for t in root.ancestors}
    outer = any(n.i in ancestors for n in nested)  # "the bombings that killed 100": the bombings' phrase
    candidates = [t for t in times if sent.start_char <= t.start < sent.end_char and t.type in {"DATE", "TIME"}]
    scored = []
    for time in candidates:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None or _is_reference_point(span):
            continue
        if time.anchor == "document" and any(_within(span.start, span.end, list(n.subtree)) for n in inner):
            continue  # an event-anchored time ("two weeks before the attack") dates this trigger, not its anchor
        if time.anchor not in ("document", "previous") and time.start <= root.idx < time.end:
            continue  # ... and never the anchor itself
        if _within(span.start, span.end, list(root.subtree)):
            rank = 0
        elif _within(span.start, span.end, list(_governor(root).subtree)) and not _belongs_to_other_clause(span, root):
            rank = 1
        elif alone:
            rank = 2
        elif not outer and _dates_a_head_of(span, root):
            rank = 3
        else:
            continue
        scored.append((rank, abs(span.start - root.i), time))
    return min(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _dates_a_head_of(span: Span, root: Token) -> bool:
    """The date sits on a reporting verb whose clause holds the trigger ('In January, X said it had ...')."""
    head = span.root.head
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    return root.pos_ == "VERB" and is_reporting(head) and head.i in {t.i for t in root.ancestors}


def _is_reference_point(span: Span) -> bool:
    # "the deadliest since the 1979 revolution": a yardstick, not the event's date.
    token = span.root
    for _ in range(3):
        if token.dep_ == "prep" or token.head.i == token.i:
            break
        token = token.head
    return token.dep_ == "prep" and token.lower_ in {"since", "until", "till"}


def _belongs_to_other_clause(span: Span, root: Token) -> bool:
    # "In January, the ministry said it had arrested ..." : the date of "said" is not the arrest's.
    head = span.root.head
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    return head.i != _governor(root).i and head.i != root.i and root.i not in {t.i for t in head.subtree}


def _entity_at(token: Token, entities: Sequence[EntityMention]) -> EntityMention | None:
    for ent in entities:
        if ent.start <= token.idx < ent.end:
            return ent
    return None


def _location(root: Token, sent: Span, entities: Sequence[EntityMention]) -> EntityMention | None:
    """The most specific place attached to the trigger by a place preposition ('in Krasnogorsk', 'at the hall')."""
    found: list[tuple[int, int, EntityMention]] = []
    for scope_rank, scope in enumerate((root, _governor(root))):
        for token in scope.subtree:
            if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS:
                continue
            for candidate in token.subtree:
                ent = _entity_at(candidate, entities)
                if ent is not None and ent.label in PLACE_LABELS:
                    found.append((scope_rank, PLACE_LABELS.index(ent.label), ent))
                    break
    if not found:
        # "the Kerman bombing", "the Moscow attack": a place named inside the trigger's own phrase.
        for token in root.subtree:
            ent = _entity_at(token, entities)
            if ent is not None and ent.label in PLACE_LABELS and token.i < root.i:
                found.append((2, PLACE_LABELS.index(ent.label), ent))
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


def _participants(root: Token, entities: Sequence[EntityMention], event_type: str = "") -> list[Participant]:
    """Actor, target, victim and instrument from the dependency roles of the trigger and its clause."""
    rules = _events_file()["roles"]
    roles: list[tuple[str, Token]] = []
    violent = event_type in rules["violent_types"]
    if violent:
        for prep in (*root.children, *(_governor(root).children if _governor(root).i != root.i else ())):
            if prep.dep_ == "prep" and prep.lower_ in rules["instrument_preps"]:
                roles.extend(("instrument", g) for g in prep.children if g.dep_ == "pobj")
    verb = root if root.pos_ in {"VERB", "AUX"} else None
    if verb is not None:
        for child in verb.children:
            if violent and child.dep_ in {"nsubj", "dobj"} and child.lemma_.lower() in rules["instrument_nouns"]:
                roles.append(("instrument", child))  # "a bomb exploded": the bomb is what, not who
            elif child.dep_ == "nsubj":
                roles.append(("actor", child))
            elif child.dep_ in {"dobj", "nsubjpass"}:
                roles.append(("target", child))
            elif child.dep_ == "agent":
                roles.extend(("actor", g) for g in child.children if g.dep_ == "pobj")
    else:
        for child in root.children:
            if child.dep_ == "poss":
                roles.append(("actor", child))
            elif child.dep_ == "prep" and child.lower_ in {"by", "of"}:
                roles.extend(("actor" if child.lower_ == "by" else "target", g) for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ in {"on", "against"}:
                roles.extend(("target", g) for g in child.children if g.dep_ == "pobj")
        governor = _governor(root)
        if governor.i != root.i and governor.pos_ in {"VERB", "AUX"} and root.dep_ in {"dobj", "attr"}:
            roles.extend(("actor", c) for c in governor.children if c.dep_ == "nsubj")
        if violent and root.dep_ == "pobj" and root.head.dep_ == "agent":
            # "the booth was destroyed by a bomb": what the passive verb's subject suffered, the trigger did
            roles.extend(("target", c) for c in root.head.head.children if c.dep_ == "nsubjpass")
    participants = []
    seen = set()
    for role, token in _with_inner_groups(_with_conjuncts(roles), entities):
        found = [(t, e) for t in _own_subtree(token) if (e := _entity_at(t, entities)) and e.label in ACTOR_LABELS]
        if token.pos_ == "NOUN":
            # "the mayor of Achi", "FMLN terrorists": the person is the head noun's phrase, unless a
            # name stands in apposition to it ("his companion Gilda Flores").
            found = [(t, e) for t, e in found if e.start <= token.idx < e.end or _in_apposition(t, token)]
        ent = found[0][1] if found else None
        if ent is not None:
            name, key, start, end = clean_name(ent.text), ent.key, ent.start, ent.end
        elif token.pos_ in {"NOUN", "PROPN"}:
            phrase = token.doc[token.left_edge.i : _of_phrase_end(token) if role != "actor" else token.i + 1]
            name, start, end = clean_name(phrase.text), phrase.start_char, phrase.end_char
            key = alias_key(name, "OTHER")
        else:
            continue
        if role == "target" and violent and (
            (ent is not None and ent.label in rules["victim_labels"]) or token.lemma_.lower() in rules["victim_nouns"]
        ):
            role = "victim"
        if role == "instrument" and ent is not None:
            continue  # "with Russia": a partner, not a weapon
        if name and (role, key) not in seen:
            seen.add((role, key))
            participants.append(Participant(name=name, role=role, key=key, start=start, end=end))
    return participants


def _with_conjuncts(roles: list[tuple[str, Token]]) -> list[tuple[str, Token]]:
    """'Oqueli and his companion Gilda Flores were abducted': each conjunct has the role of the first."""
    return [(role, t) for role, token in roles for t in (token, *token.conjuncts)]


def _own_subtree(token: Token) -> list[Token]:
    """The token's phrase without its conjuncts ('the mayor' of 'the mayor and his son')."""
    conjoined = {t.i for c in token.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return [t for t in token.subtree if t.i not in conjoined]


def _of_phrase_end(token: Token) -> int:
    """End of the head noun with its 'of' phrase: 'the mayor of Achi', 'relatives of the victims'."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == token.i + 1), None)
    return of.right_edge.i + 1 if of is not None else token.i + 1


def _in_apposition(inner: Token, head: Token) -> bool:
    """Whether `inner` names the head noun by apposition ('his companion Gilda Flores'), not as a modifier of it."""
    token = inner
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "appos" and token.head.i == head.i:
            return True
        token = token.head
    return False


def _with_inner_groups(roles: list[tuple[str, Token]], entities: Sequence[EntityMention]) -> list[tuple[str, Token]]:
    """Each role, then for an actor phrase headed by a common noun the group it names ('members of the FMLN')."""
    expanded = []
    for role, token in roles:
        expanded.append((role, token))
        if role != "actor" or token.pos_ != "NOUN":
            continue
        for inner in token.subtree:
            ent = _entity_at(inner, entities)
            if inner.i != token.i and ent is not None and ent.label in ("ORG", "NORP") and inner.idx == ent.start:
                expanded.append((role, inner))
    return expanded


def _counts(
    span: Span,
    event_type: str,
    counts: Sequence[Count],
    triggers: list[tuple[Span, str, str | None]],
    attribution,
    sentences: dict[int, Span],
) -> list[Count]:
    """Figures of a kind the trigger's type carries that are the trigger's to own.

    A figure belongs to the nearest such trigger in its sentence; a figure in a sentence with none
    ("He was pronounced dead at the scene.") continues the latest such trigger before it, or the
    first after it when the report names the figure first.
    """
    kinds = COUNT_KINDS_BY_TYPE.get(event_type)
    if not kinds:
        return []
    speaker = attribution.speaker or attribution.via
    mine = []
    for count in counts:
        if count.kind not in kinds:
            continue
        rivals = [t[0] for t in triggers if count.kind in COUNT_KINDS_BY_TYPE.get(t[1], frozenset())]
        if _owner(count, rivals, sentences).start_char == span.start_char:
            mine.append(count if count.speaker else count.model_copy(update={"speaker": speaker}))
    return mine


def _owner(count: Count, rivals: list[Span], sentences: dict[int, Span]) -> Span:
    """The rival trigger a figure belongs to; `sentences` holds each trigger's sentence, by its start token."""
    in_sentence = [r for r in rivals if sentences[r.start].start_char <= count.start < sentences[r.start].end_char]
    if in_sentence:
        return min(in_sentence, key=lambda r: abs(r.start_char - count.start))
    before = [r for r in rivals if r.start_char < count.start]
    return max(before, key=lambda r: r.start_char) if before else min(rivals, key=lambda r: r.start_char)

"""Claims about who is responsible for an attack, read off linked mentions and their sentences.

A claim is a statement by a holder for or against one party's part in an event: claims of
responsibility, accusations, denials, attributed assessments. They are read, in this order:
- from mentions: a CLAIM mention's claimant, a DENY mention's denier, an accusation's named target,
  an attack mention's named actor;
- from responsibility frames (`claims.json`) over the sentence, entities replaced by placeholders;
- from an accuser's other statements: once H is known to accuse P, a sentence attributed to H that
  names P about the same event.
A claim belongs to the event of the nearest attack mention of its sentence or, in a sentence without
one, of the last attack mentioned at most `carry_sentences` sentences earlier in the same report.
Values are resolved entities; a nationality ("Ukrainian") stands for its country ("Ukraine").
Each report is read on its own (`read_claims`: what link keeps per report, read once); `settle_claims`
puts an event's reports together, where one report's words bear on another's (an accuser's statements).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from pydantic import Field

from crosswire.extract.names import alias_key, clean_name, fold
from crosswire.link.entities import EntityIndex, EntityRecords
from crosswire.records import (
    Attribution,
    Claim,
    Document,
    Entity,
    EntityMention,
    EventMention,
    Extraction,
    Modality,
    Record,
)

PERPETRATOR = "perpetrator"
ACTOR_RULE = "actor of the attack"
# Rules whose claims make their holder an accuser, whose other statements naming the accused count too.
ACCUSATION_RULES = frozenset({"accusation", "accused-by-holder", "which-holder-accuses", "rejected-accusations-by"})
# Modalities that hold nothing true or false: "if X did it", "did X do it?".
UNHELD_MODALITIES = frozenset({"hypothetical", "conditional", "question"})
# Rules that know the holder's statement only through another's words ("rejected the accusations voiced by H").
RELAYED_RULES = frozenset({"rejected-accusations-by"})
PARTY_LABELS = frozenset({"ORG", "NORP", "GPE", "PERSON"})
HOLDER_LABELS = ("PERSON", "ORG", "NORP", "GPE")  # which entity inside a speaker's phrase names the holder
_PLACEHOLDER = re.compile(r"⟦(\d+)⟧")
_DROPPED_CHARS = re.compile(r"[“”\"*«»]")
_PARENTHETICAL_ALIAS = re.compile(r"\s*\(⟦\d+⟧\)")
_DEMONYM_SUFFIXES = ("ian", "ean", "an", "ese", "ish", "i", "n")
# Between a claimant and "claimed": at most two words ("X (IS)* also claimed", "X, which has claimed").
_CLOSE_BEFORE = re.compile(r"[^\w]*(?:[\w-]+[^\w]+){0,2}")


@cache
def rules() -> dict[str, Any]:
    return json.loads(files("crosswire.link").joinpath("claims.json").read_text("utf-8"))


@dataclass(frozen=True)
class Corpus:
    """What claims are read from: the linked store's records, by id."""

    documents: Mapping[str, Document]
    extractions: Mapping[str, Extraction]
    mentions: list[tuple[EventMention, str]]  # every mention with its event id
    origins: Mapping[str, str]  # document -> first document of its copy group
    entity_of: Mapping[str, str]  # alias key -> entity id
    entities: Mapping[str, Entity]
    event_places: Mapping[str, str] = field(default_factory=dict)  # event id -> place entity id


@dataclass(frozen=True)
class Holder:
    name: str
    kind: str
    origin: str
    entities: frozenset[str] = frozenset()  # entities named in the holder's phrase
    via: str | None = None


@dataclass
class _Sentence:
    document: Document
    index: int
    start: int
    end: int
    text: str
    entities: list[EntityMention]
    mentions: list[tuple[EventMention, str]]
    anchors: list[tuple[EventMention, str]] = field(default_factory=list)  # attack mentions it is about


class ReadClaim(Record):
    """A claim as its report alone gives it, before the reports of its event are put together."""

    claim: Claim
    own: bool = Field(description="Held by the report's own outlet: a holder named for the same statement beats it.")


class Statement(Record):
    """A holder's statement about an event that names parties: it asserts each party the holder accuses.

    Whom the holder accuses may be read in another report of the event, so the statement is kept as
    read and becomes claims only once all of the event's reports are put together (`settle_claims`).
    """

    event: str
    holder: Holder
    modality: Modality
    document: str
    sentence: int
    start: int
    end: int
    text: str
    parties: tuple[str, ...] = Field(description="The parties the sentence names.")
    own: bool


@dataclass(frozen=True)
class Reading:
    """What reports say, each read on its own, by report: what link keeps per report (link/versions.py)."""

    claims: list[ReadClaim]
    statements: list[Statement]


def find_claims(corpus: Corpus) -> list[Claim]:
    """Every claim in the corpus (perpetrator, figures, date, place), one per (sentence, value, stance, origin)."""
    return settle_claims(read_claims(corpus), corpus.entities, corpus.event_places)


def read_claims(corpus: Corpus) -> Reading:
    """What each report of the corpus says on its own, report by report (by id), each in reading order."""
    reader = _Reader(corpus)
    claims: list[ReadClaim] = []
    statements: list[Statement] = []
    for sentence in reader.sentences():
        own = reader.own_origin(sentence.document.id)
        read = (*reader.mention_claims(sentence), *reader.frame_claims(sentence), *reader.attribute_claims(sentence))
        claims.extend(ReadClaim(claim=claim, own=claim.origin == own) for claim in read)
        statements.extend(reader.statements(sentence))
    return Reading(claims, statements)


def settle_claims(reading: Reading, entities: Mapping[str, Entity], event_places: Mapping[str, str]) -> list[Claim]:
    """The claims of reports read on their own, put together: the same for one report at a time as for all at once.

    An attack's named actor that is its place ("the Afghanistan attack") is no claim; an accuser's other
    statements naming the accused are; a holder named for a statement beats the outlet as its holder.
    """
    read = [
        r for r in reading.claims
        if not (r.claim.rule == ACTOR_RULE and r.claim.value == event_places.get(r.claim.event))
    ]
    accused: dict[tuple[str, str], set[str]] = defaultdict(set)  # (event, holder origin) -> values
    for claim in (r.claim for r in read):
        if claim.stance == "asserts" and claim.origin.startswith("holder:") and claim.rule in ACCUSATION_RULES:
            accused[(claim.event, claim.origin)].add(claim.value)
    for statement in reading.statements:
        for value in sorted(accused.get((statement.event, statement.holder.origin), set()) & set(statement.parties)):
            claim = _claim(statement.event, value, statement.holder, "asserts", statement.modality, statement,
                           "accuser's statement", entity=entities.get(value))
            read.append(ReadClaim(claim=claim, own=statement.own))
    named = {_said(r.claim) for r in read if not r.own}
    seen, unique = set(), []
    for r in read:
        if r.own and _said(r.claim) in named:
            continue
        key = (*_said(r.claim), r.claim.origin)
        if key not in seen:
            seen.add(key)
            unique.append(r.claim)
    return unique


def _said(claim: Claim) -> tuple:
    """What a claim states, whoever holds it: one statement (event, sentence, value, stance)."""
    return claim.event, claim.document, claim.sentence, claim.value, claim.stance


class _Reader:
    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.rules = rules()
        self.attack_types = set(self.rules["attack_types"])
        self._sentences: list[_Sentence] | None = None
        self._entity_of = EntityIndex.of(corpus.entity_of)
        self._entities = EntityRecords.of(corpus.entities)
        self._demonyms: dict[str, str | None] = {}
        self._own_origins: dict[str, str] = {}
        self._allegation_cues = frozenset(self.rules["allegation_cues"])
        self._alleging: dict[tuple[str, int], bool] = {}  # per sentence: asked once per holder and anchor

    # --- sentences and their events ---------------------------------------------------------

    def sentences(self) -> list[_Sentence]:
        if self._sentences is None:
            by_document: dict[str, list[tuple[EventMention, str]]] = defaultdict(list)
            for mention, event in self.corpus.mentions:
                by_document[mention.document].append((mention, event))
            self._sentences = [
                s for doc_id in sorted(by_document) for s in self._document_sentences(doc_id, by_document[doc_id])
            ]
        return self._sentences

    def _document_sentences(self, doc_id: str, mentions: list[tuple[EventMention, str]]) -> list[_Sentence]:
        document = self.corpus.documents.get(doc_id)
        extraction = self.corpus.extractions.get(doc_id)
        if document is None or extraction is None:
            return []
        entities: dict[int, list[EntityMention]] = defaultdict(list)
        for entity in extraction.entities:
            entities[entity.sentence].append(entity)
        in_sentence: dict[int, list[tuple[EventMention, str]]] = defaultdict(list)
        for mention, event in mentions:
            in_sentence[mention.sentence].append((mention, event))
        weight = Counter(e for m, e in mentions if m.type in self.attack_types)
        result, history = [], []  # history: (sentence index, attack mention, event)
        for sent in sorted(extraction.sentences, key=lambda s: s.index):
            start, end = _stripped(document.text, sent.start, sent.end)
            own = sorted(in_sentence.get(sent.index, []), key=lambda me: me[0].start)
            attacks = [(m, e) for m, e in own if m.type in self.attack_types]
            sentence = _Sentence(document, sent.index, start, end, document.text[start:end],
                                 sorted(entities.get(sent.index, []), key=lambda e: e.start), own)
            # The attacks still in reach (sentences come in order: one out of reach stays out).
            history = [(i, m, e) for i, m, e in history if sent.index - i <= self.rules["carry_sentences"]]
            if attacks:
                sentence.anchors = attacks
                history.extend((sent.index, m, e) for m, e in attacks)
            elif history:
                # The story the report is about: of the attacks just mentioned, the one it mentions most.
                _, mention, event = max(history, key=lambda r: (weight[r[2]], r[0]))
                sentence.anchors = [(mention, event)]
                if any(self._is_claim_like(m) for m, _ in own):
                    history.append((sent.index, mention, event))  # a claim keeps the discussion on the attack
            result.append(sentence)
        return result

    def _is_claim_like(self, mention: EventMention) -> bool:
        claim_or_denial = mention.type in self.rules["claim_types"] or mention.type in self.rules["deny_types"]
        return claim_or_denial or self._is_accusation(mention)

    def _is_accusation(self, mention: EventMention) -> bool:
        return any(
            mention.type == a["type"] and (a["mode"] is None or mention.mode == a["mode"]) for a in self.rules["accuse"]
        )

    @staticmethod
    def _nearest(anchors: list[tuple[EventMention, str]], offset: int) -> list[tuple[EventMention, str]]:
        return [min(anchors, key=lambda me: abs(me[0].start - offset))] if anchors else []

    # --- claims from mentions ---------------------------------------------------------------

    def mention_claims(self, sentence: _Sentence) -> list[Claim]:
        claims = []
        framed_denial: bool | None = None  # read only for a sentence with a denial: most have none
        for mention, own_event in sentence.mentions:
            anchors = self._nearest(sentence.anchors, mention.start)
            if not anchors:
                continue
            anchor, event = anchors[0]
            if framed_denial is None and mention.type in self.rules["deny_types"]:
                framed_denial = bool(self._frame_matches(sentence, stance="denies"))
            if mention.type in self.rules["claim_types"] and mention.modality not in ("negated", "denied"):
                party = self._claimant(mention, sentence)
                if party:
                    holder = self._party_holder(party, mention.attribution, sentence)
                    rule = "claim of responsibility"
                    claims.append(self._claim(event, party, holder, "asserts", "claimed", sentence, rule))
            elif mention.type in self.rules["deny_types"] and not framed_denial:
                claims.extend(self._denial(mention, event, sentence))
            elif self._is_accusation(mention):
                claims.extend(self._accusation(mention, event, anchor, sentence))
            elif mention.type in self.attack_types:
                claims.extend(self._actor_claim(mention, own_event, sentence))
        return claims

    def _accusation(self, mention: EventMention, event: str, anchor: EventMention, sentence: _Sentence) -> list[Claim]:
        target = self._role(mention, sentence, "target")
        if target is None:
            return []
        accuser = self._role(mention, sentence, "actor")
        holder = (
            self._party_holder(accuser, mention.attribution, sentence) if accuser
            else self._speaker(mention.attribution, sentence)
        )
        modality = self._modality(sentence, holder, anchor)
        return [self._claim(event, target, holder, "asserts", modality, sentence, "accusation")]

    def _actor_claim(self, mention: EventMention, event: str, sentence: _Sentence) -> list[Claim]:
        """The named actor of an attack mention; a denied or negated mention denies it."""
        actor = self._role(mention, sentence, "actor")  # one that is the event's place is dropped when settled
        if actor is None or self._is_modifier(actor, mention, sentence):
            return []
        holder = self._speaker(mention.attribution, sentence)
        stance = _stance_of(mention.modality)
        if stance is None:
            return []
        modality = "denied" if stance == "denies" else mention.modality
        return [self._claim(event, actor, holder, stance, modality, sentence, ACTOR_RULE)]

    def _denial(self, mention: EventMention, event: str, sentence: _Sentence) -> list[Claim]:
        denier = self._role(mention, sentence, "actor")
        holder = (
            self._party_holder(denier, mention.attribution, sentence) if denier
            else self._speaker(mention.attribution, sentence)
        )
        target = self._role(mention, sentence, "target")
        value = target if target and target != denier else (denier or _single(holder.entities))
        if value is None:
            return []
        return [self._claim(event, value, holder, "denies", "denied", sentence, "denial")]

    def _role(self, mention: EventMention, sentence: _Sentence, role: str) -> str | None:
        for participant in mention.participants:
            if participant.role != role:
                continue
            entity = self._party_entity(participant.key, participant.name)
            if entity is None and participant.name.split()[-1].lower() in self.rules["generic_party_nouns"]:
                entity = self._named_party_near(sentence, participant.start)
            if entity is not None:
                return entity
        return None

    def _claimant(self, mention: EventMention, sentence: _Sentence) -> str | None:
        """The mention's actor, else the nearest party named just before the trigger ('X also claimed')."""
        actor = self._role(mention, sentence, "actor")
        if actor:
            return actor
        text = sentence.document.text
        before = [e for e in sentence.entities if e.end <= mention.start and _CLOSE_BEFORE.fullmatch(text[e.end : mention.start])]
        for entity in reversed(before):
            if (resolved := self._mention_party(entity)) is not None:
                return resolved
        return None

    def _named_party_near(self, sentence: _Sentence, offset: int) -> str | None:
        """'the group' stands for the one organisation named in its sentence."""
        outlet = fold(sentence.document.source or "")
        parties = {
            p for e in sentence.entities
            if e.label in ("ORG", "NORP") and fold(e.text) != outlet and (p := self._mention_party(e))
        }
        return _single(parties)

    def _is_modifier(self, entity_id: str, mention: EventMention, sentence: _Sentence) -> bool:
        # "the Afghanistan-based group": the place describes the actor, it is not the actor.
        text = sentence.document.text
        for p in mention.participants:
            if self._party_entity(p.key, p.name) == entity_id and text[p.end : p.end + 6].lower() == "-based":
                return True
        return False

    # --- claims from responsibility frames --------------------------------------------------

    def frame_claims(self, sentence: _Sentence) -> list[Claim]:
        if not sentence.anchors:
            return []
        claims = []
        for frame, offset, party, holder_entity in self._frame_matches(sentence):
            anchors = [a for a in sentence.anchors if a[0].start >= offset] or self._nearest(sentence.anchors, offset)
            anchor = anchors[0][0]
            speaker = self._sentence_speaker(sentence, offset)
            if frame["value"] == "speaker":
                party = _single(speaker.entities)
                if party is None:
                    continue
            holders = self._frame_holders(frame, sentence, party, holder_entity, speaker)
            for holder in holders:
                stance = frame["stance"]
                modality = "denied" if stance == "denies" else (
                    "claimed" if frame["holder"] == "party" else self._modality(sentence, holder, anchor)
                )
                for _, event in anchors:
                    claims.append(self._claim(event, party, holder, stance, modality, sentence, frame["name"]))
        return claims

    def _frame_holders(self, frame, sentence: _Sentence, party, holder_entity, speaker: Holder) -> list[Holder]:
        if frame["holder"] == "party":
            return [self._entity_holder(party, speaker, sentence)]
        if frame["holder"] == "H":
            return [self._entity_holder(holder_entity, speaker, sentence)] if holder_entity else []
        listed = re.search(self.rules["holders_after"], sentence.text, re.I)
        if listed:
            named = [e for e in sentence.entities if e.start >= sentence.start + listed.end()]
            ids = list(dict.fromkeys(p for e in named if (p := self._holder_entity(e))))
            if ids:
                return [self._entity_holder(i, speaker, sentence) for i in ids]
        return [speaker]

    def _frame_matches(self, sentence: _Sentence, stance: str | None = None):
        """(frame, offset, party entity, holder entity) per frame match, overlapping repeats dropped.

        The offset is the document offset of the frame's party (or holder): template offsets differ.
        """
        template, slots = self._template(sentence)
        taken: list[tuple[str | None, int, int]] = []
        found = []
        if not slots:  # every frame names its party or holder: an entity of the sentence
            return found
        for frame in self.rules["frames"]:
            if stance and frame["stance"] != stance:
                continue
            for match in _compile(frame["pattern"]).finditer(template):
                party = _slot(match, "p", slots)
                holder = _slot(match, "h", slots)
                party_id = self._mention_party(party) if party else None
                holder_id = self._holder_entity(holder) if holder else None
                if (party and party_id is None) or (holder and holder_id is None):
                    continue
                if any(p == party_id and s < match.end() and match.start() < e for p, s, e in taken):
                    continue
                taken.append((party_id, match.start(), match.end()))
                found.append((frame, (party or holder).start, party_id, holder_id))
        return found

    def _template(self, sentence: _Sentence) -> tuple[str, list[EntityMention]]:
        """The sentence with each entity as ⟦i⟧; offsets of the result map back only through match starts."""
        parts, slots, cursor = [], [], sentence.start
        for entity in sentence.entities:
            if entity.start < cursor or entity.end > sentence.end:
                continue
            parts.append(_plain(sentence.document.text[cursor : entity.start]))
            parts.append(f"⟦{len(slots)}⟧")
            slots.append(entity)
            cursor = entity.end
        parts.append(_plain(sentence.document.text[cursor : sentence.end]))
        text = "".join(parts).replace("’", "'")
        text = _PARENTHETICAL_ALIAS.sub("", _DROPPED_CHARS.sub("", text))
        return text, slots

    # --- figures, dates and places: each mention's is its holder's claim --------------------

    def attribute_claims(self, sentence: _Sentence) -> list[Claim]:
        claims = []
        for mention, event in sentence.mentions:
            if mention.modality in ("denied", "negated", "planned", *UNHELD_MODALITIES):
                continue
            speaker = self._speaker(mention.attribution, sentence)

            def reported(value: str, holder: Holder, attribute: str, name: str | None = None) -> Claim:
                return self._claim(event, value, holder, "asserts", mention.modality, sentence,
                                   f"reported {attribute.split('.')[0]}", attribute=attribute, name=name)

            for count in mention.counts:
                holder = speaker
                if count.speaker and count.speaker != mention.attribution.speaker:
                    holder = self._speaker(Attribution(speaker=count.speaker, speaker_kind="organization"), sentence)
                low, high = count_range(count.value, count.low, count.high)
                label = count_label(count.value, count.low, count.high, count.approximate)
                claims.append(reported(f"{low}-{'' if high is None else high}", holder, f"counts.{count.kind}", label))
            date = mention.date
            # "arrested on Wednesday over the bombing": beside another kind of event, the date may be that one's.
            shared = any(m.type != mention.type for m, _ in sentence.mentions)
            if date is not None and date.earliest and date.latest and not shared:
                interval = f"{date.earliest[:10]}/{date.latest[:10]}"
                claims.append(reported(interval, speaker, "date", date.value or date.earliest[:10]))
            place = self._entity_of.get(mention.location_key or "")
            if place in self._entities:
                claims.append(reported(place, speaker, "place"))
        return claims

    # --- an accuser's other statements ------------------------------------------------------

    def statements(self, sentence: _Sentence) -> list[Statement]:
        """The sentence's statements about its events that name parties (see `Statement`)."""
        named = tuple(sorted({p for e in sentence.entities if (p := self._mention_party(e))}))
        if not named:
            return []
        found = []
        own = self.own_origin(sentence.document.id)
        for mention, _ in sentence.mentions:
            holder = self._speaker(mention.attribution, sentence)
            for anchor, event in self._nearest(sentence.anchors, mention.start):
                found.append(Statement(
                    event=event, holder=holder, modality=self._modality(sentence, holder, anchor),
                    document=sentence.document.id, sentence=sentence.index, start=sentence.start, end=sentence.end,
                    text=sentence.text, parties=named, own=holder.origin == own,
                ))
        return found

    # --- holders, values, modality ----------------------------------------------------------

    def own_origin(self, document_id: str) -> str:
        """The origin of a report's own words: its outlet, or, for copies, the outlet of the first copy.

        One outlet is one voice: its reports, and other outlets relaying it, count once.
        """
        if document_id not in self._own_origins:  # asked for every claim: kept per report
            first_id = self.corpus.origins.get(document_id, document_id)
            first = self.corpus.documents.get(first_id) or self.corpus.documents[document_id]
            self._own_origins[document_id] = self._outlet_origin(first.source) if first.source else f"report:{first.id}"
        return self._own_origins[document_id]

    def _outlet_origin(self, name: str) -> str:
        return "outlet:" + (self._entity_of.get(alias_key(name, "ORG")) or fold(clean_name(name)))

    def _speaker(self, attribution: Attribution, sentence: _Sentence) -> Holder:
        document = sentence.document
        outlet = _outlet(document, attribution)
        channel = document.source or attribution.via
        report = Holder(outlet, "outlet", self.own_origin(document.id), via=channel)
        speaker = attribution.speaker
        if not speaker or attribution.speaker_kind == "none" or speaker.lower() in self.rules["pronoun_speakers"]:
            return report
        folded = fold(clean_name(speaker))
        if attribution.speaker_kind == "outlet" and document.source and folded == fold(clean_name(document.source)):
            return report
        inside = [e for e in sentence.entities if e.text in speaker]
        ids = frozenset(p for e in inside if (p := self._mention_party(e)))
        via = attribution.via if attribution.via and fold(attribution.via) != folded else document.source
        if attribution.speaker_kind == "unnamed":
            publication = fold(document.source or self.corpus.origins.get(document.id, document.id))
            return Holder(speaker, "unnamed", f"unnamed:{folded}@{publication}", ids, via)
        if attribution.speaker_kind == "outlet":
            return Holder(speaker, "outlet", self._outlet_origin(speaker), ids, via)
        ranked = sorted(inside, key=lambda e: HOLDER_LABELS.index(e.label) if e.label in HOLDER_LABELS else 9)
        named = next((self._entity_of.get(e.key) for e in ranked if self._entity_of.get(e.key)), None)
        if named and self._entity_of.is_outlet(named):
            return Holder(speaker, "outlet", f"outlet:{named}", ids, via)
        return Holder(speaker, attribution.speaker_kind, f"holder:{named or folded}", ids, via)

    def _sentence_speaker(self, sentence: _Sentence, offset: int) -> Holder:
        """Who the sentence is attributed to, read off its own mention nearest to `offset`."""
        own = self._nearest(sentence.mentions, offset)
        return self._speaker(own[0][0].attribution if own else Attribution(), sentence)

    def _party_holder(self, party: str, attribution: Attribution, sentence: _Sentence) -> Holder:
        return self._entity_holder(party, self._speaker(attribution, sentence), sentence)

    def _entity_holder(self, entity_id: str, speaker: Holder, sentence: _Sentence) -> Holder:
        """A party speaking for itself; whoever reported it is the channel."""
        entity = self._entities.get(entity_id)
        name = entity.name if entity else entity_id
        person = entity is not None and entity.type == "PERSON"
        kind = "outlet" if self._entity_of.is_outlet(entity_id) else ("named" if person else "organization")
        origin = f"{'outlet' if kind == 'outlet' else 'holder'}:{entity_id}"
        via = speaker.name if speaker.origin != origin else speaker.via
        return Holder(name, kind, origin, frozenset({entity_id}), via)

    def _holder_entity(self, mention: EntityMention) -> str | None:
        return self._entity_of.get(mention.key)

    def _mention_party(self, mention: EntityMention) -> str | None:
        if mention.label not in PARTY_LABELS or mention.key.startswith("outlet:"):
            return None
        return self._party_entity(mention.key, mention.text)

    def _party_entity(self, key: str, name: str) -> str | None:
        entity_id = self._entity_of.get(key)
        entity = self._entities.get(entity_id or "")
        if entity is None or entity.type not in PARTY_LABELS or fold(entity.name) in self.rules["generic_party_nouns"]:
            return None  # "GROUP" typed as an organisation names no one
        if entity.type == "NORP":
            return self._country_of(fold(entity.name)) or entity_id
        return entity_id

    def _country_of(self, demonym: str) -> str | None:
        """The country entity a folded nationality names: 'ukrainian' -> Ukraine, 'drovani' -> Drovany."""
        if demonym not in self._demonyms:
            self._demonyms[demonym] = None
            for stem in demonym_stems(demonym):
                matches = self._entities.places_starting(stem)
                if matches:
                    self._demonyms[demonym] = min(matches, key=lambda m: (len(m[1]), m[0]))[0]
                    break
        return self._demonyms[demonym]

    def _modality(self, sentence: _Sentence, holder: Holder, anchor: EventMention) -> Modality:
        where = (sentence.document.id, sentence.index)
        if where not in self._alleging:
            words = {w.lower() for w in re.findall(r"[\w-]+", sentence.text)}
            self._alleging[where] = bool(words & self._allegation_cues)
        if self._alleging[where]:
            return "alleged"
        same_sentence = anchor.sentence == sentence.index and anchor.document == sentence.document.id
        if same_sentence and anchor.modality in ("alleged", "claimed"):
            return anchor.modality
        return "asserted" if holder.origin == self.own_origin(sentence.document.id) else "reported"

    def _claim(self, event, value, holder: Holder, stance, modality, sentence: _Sentence, rule: str, *,
               attribute: str = PERPETRATOR, name: str | None = None) -> Claim:
        where = _Where(sentence.document.id, sentence.index, sentence.start, sentence.end, sentence.text)
        return _claim(event, value, holder, stance, modality, where, rule, entity=self._entities.get(value),
                      attribute=attribute, name=name)


@dataclass(frozen=True)
class _Where:
    """Where a claim was read: a sentence of a document."""

    document: str
    sentence: int
    start: int
    end: int
    text: str


def _claim(event, value, holder: Holder, stance, modality, where: _Where | Statement, rule: str, *,
           entity: Entity | None, attribute: str = PERPETRATOR, name: str | None = None) -> Claim:
    return Claim(
        event=event, attribute=attribute, value=value, value_name=name or (entity.name if entity else value),
        holder=clean_name(holder.name) or holder.name, holder_kind=holder.kind, stance=stance, modality=modality,
        document=where.document, sentence=where.sentence, start=where.start, end=where.end,
        text=where.text, via=holder.via, origin=holder.origin, stake=_stake(value, holder, stance, entity),
        rule=rule,
    )


def demonym_stems(demonym: str) -> list[str]:
    """What a folded nationality's country name may begin with, likeliest first ('ukrainian' -> 'ukrain', ...)."""
    stems = (demonym[: -len(suffix)] for suffix in _DEMONYM_SUFFIXES if demonym.endswith(suffix))
    return [stem for stem in stems if len(stem) >= 4]


def count_range(value: int | None, low: int | None, high: int | None) -> tuple[int, int | None]:
    """The figures a count allows: (low, high), high None when unbounded."""
    if value is not None:
        return value, value
    return (low or 0), high


def count_label(value: int | None, low: int | None, high: int | None, approximate: bool = False) -> str:
    if value is not None:
        return f"about {value}" if approximate else str(value)
    if low is not None and high is not None:
        return f"{low}–{high}"
    return f"at least {low}" if low is not None else f"at most {high}"


def _outlet(document: Document, attribution: Attribution) -> str:
    return document.source or attribution.via or f"report {document.id[:8]}"


def _stake(value: str, holder: Holder, stance: str, entity: Entity | None) -> str | None:
    if value not in holder.entities:
        return None
    name = entity.name if entity else value
    return {"asserts": f"claims a part for itself ({name})", "denies": f"denies its own part ({name})"}.get(
        stance, f"doubts its own part ({name})"
    )


def _stance_of(modality: str) -> str | None:
    """How a mention's modality holds its actor; None when it holds nothing (a hypothesis, a question)."""
    if modality in UNHELD_MODALITIES:
        return None
    if modality in ("denied", "negated"):
        return "denies"
    return "doubts" if modality in ("doubted", "questioned") else "asserts"


def _plain(text: str) -> str:
    return text.replace("⟦", "").replace("⟧", "")  # only placeholders may look like placeholders


def _single(values: Iterable[str]) -> str | None:
    values = set(values)
    return values.pop() if len(values) == 1 else None


def _slot(match: re.Match, group: str, slots: list[EntityMention]) -> EntityMention | None:
    if group not in match.re.groupindex or match.group(group) is None:
        return None
    return slots[int(_PLACEHOLDER.fullmatch(match.group(group)).group(1))]


@cache
def _compile(pattern: str) -> re.Pattern:
    attack = "(?:" + "|".join(re.escape(n) for n in sorted(rules()["attack_nouns"], key=len, reverse=True)) + ")"
    pattern = pattern.replace("{P}", r"(?P<p>⟦\d+⟧)").replace("{H}", r"(?P<h>⟦\d+⟧)")
    pattern = pattern.replace("{ATTACK}", attack)
    return re.compile(pattern, re.I)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

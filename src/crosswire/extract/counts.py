"""Casualty, arrest and attacker figures, each tied to what it counts through the dependency parse.

A number counts a kind only when the parse says so: its noun is the object or passive subject of
"kill", the subject of "die", carries "dead", is itself "gunmen", or is what a death toll "rose to".
Word distance alone would pair "12" in "12 soldiers attacked a village where 3 died" with the deaths.

Bounds follow integer counts and the conflict-data convention (see patterns/counts.json):
"at least 60" -> low 60; "more than 140" -> low 141; "up to 20" -> high 20; "fewer than 20" -> high 19;
"nearly 50" -> high 49, approximate; "about 30" -> value 30, approximate; "dozens" -> low 12,
approximate. Only a plain or approximate figure has a `value`.

A figure whose own clause spans many incidents ("104 people shot in Toledo this year", "in 17
shootings across the city") is kept but flagged as a tally (extract/plausibility.py), so it never
stands for the event's toll. What the text says did not happen counts nobody ("no one else was
injured", "was not hurt", "would never hurt anyone"); a number in apposition to a name is an age.
Coordinated groups add up ("three children and two adults"), and a killer who also kills himself is
one more killed ("killed his two children and himself"), as the Gun Violence Archive counts
murder-suicides. Headlines drop articles and auxiliaries ("Four people shot outside nightclub",
"Teenager found shot and killed"), and "a fatal shooting" means at least one killed.
Where no verb governs a noun, its own words may say what became of it: "a girl who was shot", "two
men suffering from gunshot wounds", "the deaths of a mother and her son", "claimed the life of a boy";
"a double shooting" is two shot, "a shooting death" at least one killed, and a group "sent to the
hospital" was hurt. Hospital wording tells who lived: "treated for a gunshot wound", "treated and
released", "expected to survive", "recovering from a gunshot wound" are injured; "taken to the hospital
with a gunshot wound", "grazed", "struck by a bullet" are shot; "three people were shot, one fatally"
gives one killed beside the three shot. An ordinal ("a second man was wounded") is one more person, not
a figure. Ages given one by one after a group ("the victims, ages 19, 23 and 44", "two men, one 17 and
the other 21") are no figures; a headline's bare people listed with commas ("Uncle, nephew found dead",
"Man kills wife, her mother, himself") each count; "non-fatal wounds" killed nobody; and a figure over a
span of hours or days ("in less than 24 hours", "in the past three days") is a tally.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from functools import cache
from importlib.resources import files
from typing import Any

from spacy.tokens import Doc, Span, Token

from crosswire.extract.nlp import entities_of, text_of
from crosswire.extract.plausibility import tally_reason
from crosswire.records import Count

_SUBJECTS = {"nsubj", "nsubjpass"}
_CLIMB = {"conj", "appos"}
# Bound words the parser reads as prepositions: "over 300", "between 10 and 20", "under 20".
_BOUND_PREPS = {"over", "between", "under", "around", "about", "to", "than", "upwards", "up"}


@cache
def _rules() -> dict[str, Any]:
    return json.loads(files("crosswire.extract").joinpath("patterns/counts.json").read_text("utf-8"))


@cache  # read for every token: built once, not once a call
def _table(name: str) -> dict[str, Any]:
    return {k: v for k, v in _rules()[name].items() if k != "_doc"}


def find_counts(doc: Doc, sentence_of: Callable[[int], int]) -> list[Count]:
    """Every figure of killed, injured, missing, arrested, detained, hostages or attackers in `doc`.

    One Count per (kind, value, low, high) per sentence; `speaker` is set only from an
    "according to X" phrase governing the figure, else left for the caller to fill.
    """
    counts: list[Count] = []
    seen: set[tuple[int, str, int | None, int | None, int | None]] = set()
    for group in _number_groups(doc):
        count = _count(doc, group, sentence_of)
        if count is None:
            continue
        key = (count.sentence, count.kind, count.value, count.low, count.high)
        if key not in seen:
            seen.add(key)
            counts.append(count)
    for count in [*_multiples(doc, sentence_of), *_single_people(doc, sentence_of), *_implied_deaths(doc, sentence_of)]:
        key = (count.sentence, count.kind, count.value, count.low, count.high)
        if key not in seen and not any(c.sentence == count.sentence and c.kind == count.kind for c in counts):
            seen.add(key)
            counts.append(count)
    return sorted(counts, key=lambda c: c.start)


def _single_people(doc: Doc, sentence_of: Callable[[int], int]) -> Iterable[Count]:
    """'A man was shot dead', 'He was pronounced dead', 'killed his brother': one person, a figure of 1.

    A sentence that also gives a number for the kind keeps the number ("two men were shot; one man died").
    """
    rules = _rules()["singular_people"]
    for token in doc:
        if (token.dep_ == "conj" and not _gapped(token)) or _counted_elsewhere(token, rules) or any(
                _is_person_word(c, rules) or _numbered(c) for c in _listed_subjects(token) if c.i < token.i):
            continue
        if not (_is_one_person(token, rules) or _is_pair(token, rules)):
            continue
        kind = _verb_kind(token)
        if kind is not None and _carried_only(token, kind):
            kind = _carried_wounded(token)
        if kind is None:
            continue
        # "his wife and child", "Nina, Katherine and Elizabeth Obukhov": each person named counts.
        # "A mother, father and toddler": the parser may hang the list on the first as an apposition; a lone
        # apposition ("a man, a father of three,") is the same person.
        # "Man kills woman, her son, himself": an apposition owned by a pronoun ("her son") is another person.
        # A headline's bare noun set off after another ("Uncle, nephew found dead") is another person too.
        listed = [a for a in token.children if a.dep_ == "appos" and _is_person_word(a, rules) and (
            a.conjuncts or _owned_by_pronoun(a) or (_is_headline(token.sent) and not _has_det(token)
                                                     and not any(True for _ in a.children) and a.i > token.i))]
        more = [c for head in (token, *listed, *_listed_subjects(token)) for c in (head, *head.conjuncts) if c.i > token.i]
        others = (c for c in set(more) if _is_person_word(c, rules) or _is_pair(c, rules))
        fronted = _fronted_people(token, rules)
        people = [*fronted, token, *sorted(others, key=lambda c: c.i)]
        last = people[-1]
        if token.ent_type_ == "PERSON":
            ent = next(e for e in entities_of(doc) if e.start <= token.i < e.end)
            start = ent.start_char
        else:
            start = doc[token.left_edge.i].idx
        if fronted:
            start = doc[fronted[0].left_edge.i].idx
        last_ent = next((e for e in entities_of(doc) if e.start <= last.i < e.end and e.label_ == "PERSON"), None)
        end = last_ent.end_char if last_ent is not None else last.idx + len(last)
        killer = _killed_self_too(token) if kind == "killed" else None
        if killer is not None:
            people, end = [*people, killer], max(end, killer.idx + len(killer))
        yield Count(kind=kind, value=sum(2 if _is_pair(p, rules) else 1 for p in people), start=start, end=end,
                    text=text_of(doc)[start:end], sentence=sentence_of(start), speaker=_according_to(token))


def _fronted_people(token: Token, rules: dict[str, Any]) -> list[Token]:
    """'Father, daughter found dead', 'Man, woman, child found dead', 'Woman, child killed in crash': a
    headline lists its people with commas before the verb, and the parser hangs all but the last one loosely
    on the verb, on the last one or on each other; each one listed counts, as 'a father and his daughter'
    would. Only bare nouns of people, as headlines write them ('the victim, a woman,' is one person)."""
    if token.dep_ not in (*_SUBJECTS, "appos", "ROOT") or not _is_headline(token.sent) or _has_det(token):
        return []
    doc, chain = token.doc, []
    i = _after_modifiers(token)
    while i >= 2 and doc[i - 1].text == ",":
        person = doc[i - 2]
        if person.lower_ not in rules["lemmas"] or person.tag_ not in ("NN", "NNP", "UH") or _has_det(person) \
                or person.i < token.sent.start or person.ent_type_ == "PERSON":
            break
        chain.insert(0, person)
        i = _after_modifiers(person)
    anchors = {token, token.head} if token.dep_ != "ROOT" else {token}
    listed = set(chain)
    if not chain or any(p.head not in anchors | listed or (p.head in anchors and p.dep_ not in rules["fronted_deps"]
                                                           and p != token.head) for p in chain):
        return []
    return chain


def _after_modifiers(token: Token) -> int:
    """Where the token's own words start ('two children', 'Wallkill man'), up to a comma before it."""
    i = token.i
    while i - 1 >= token.left_edge.i and token.doc[i - 1].text != ",":
        i -= 1
    return i


_SPEAKERS_OWN = frozenset({"my", "our", "your"})


def _has_det(token: Token) -> bool:
    return any(c.dep_ == "det" for c in token.children)


def _owned_by_pronoun(token: Token) -> bool:
    """'Her son' beside 'woman': a possessive pronoun on an apposition points back to the person before it, so
    names another; 'my baby boy, my son', with the same pronoun on both, renames one. A speaker's own
    ('Bryson, our sweet little boy', 'my son') points at no one in the text, so renames too."""
    owners = {c.lower_ for c in token.children if c.dep_ == "poss" and c.tag_ == "PRP$"} - _SPEAKERS_OWN
    return bool(owners) and not owners & {c.lower_ for c in token.head.children if c.dep_ == "poss"}


def _listed_subjects(token: Token) -> list[Token]:
    """'Mother, boy fatally shot', 'Two children, ages 3 and 5, and their mother were found dead': the parser
    may make each person of a list a subject of the verb, side by side, rather than one coordination."""
    if token.dep_ not in _SUBJECTS:
        return []
    doc = token.doc

    def same_clause(other: Token) -> bool:  # "Child fatally shot; grandfather dies in crash": two clauses
        low, high = sorted((token.i, other.i))
        return not any(t.text in (";", ":") for t in doc[low:high])

    return [c for c in token.head.children if c.dep_ == token.dep_ and c is not token and same_clause(c)]


def _multiples(doc: Doc, sentence_of: Callable[[int], int]) -> Iterable[Count]:
    """'A double shooting' is two people shot, 'a triple murder' three killed: the adjective is the figure."""
    rules = _rules()["multiples"]
    for token in doc:
        kind = rules["nouns"].get(token.lemma_.lower())
        if kind is None or token.tag_ == "NNS":
            continue
        times = next((c for c in token.children
                      if c.dep_ in ("amod", "compound") and c.lower_ in rules["adjectives"]), None)
        if times is None:
            continue
        start, end = min(times.idx, token.idx), max(times.idx + len(times), token.idx + len(token))
        yield Count(kind=kind, value=rules["adjectives"][times.lower_], start=start, end=end, text=text_of(doc)[start:end],
                    sentence=sentence_of(start), speaker=_according_to(token))


def _wound_with(verb: Token, after: int = -1) -> Token | None:
    """The wound of a 'with' phrase the parser hung on the verb, after token `after`: 'was taken to the
    hospital with a gunshot wound'."""
    return next((w for c in verb.children if c.dep_ == "prep" and c.lower_ in _rules()["described"]["with"]
                 and c.i > after if (w := _wound_object(c)) is not None), None)


def _wounded_kind(wound: Token) -> str:
    """What a wound made of its victim: 'a fatal gunshot wound' killed, any other shot."""
    return "killed" if _fatal_wound(wound) else _rules()["wounds"]["kind"]


def _carried_wounded(token: Token) -> str | None:
    """'A man with a gunshot wound was taken to a hospital', 'medics took a man to the hospital with a gunshot
    wound': a wound said of the one person carried there tells more than the carrying does."""
    node, _, verb = _role(token)
    if (described := _described_kind(node)) is not None:
        return described
    wound = _wound_with(verb, after=token.i)
    return None if wound is None else _wounded_kind(wound)


def _carried_only(token: Token, kind: str) -> bool:
    """'He was taken to the hospital' says less of one person than of a group: a victim who dies is carried there
    first, so one person carried to hospital counts no injured ('sent four people to the hospital' does)."""
    _, role, verb = _role(token)
    return (kind == _rules()["hospital"]["kind"] and verb is not None and _to_hospital(verb)
            and verb.lemma_.lower() not in _table("transitive_verbs"))


def _implied_deaths(doc: Doc, sentence_of: Callable[[int], int]) -> Iterable[Count]:
    """'A fatal shooting', 'the deadly shooting', 'a shooting death', 'the teen's death': someone died, so at
    least one was killed (a lower bound).

    Kept only where the sentence gives no killed figure of its own (find_counts checks).
    """
    rules = _rules()["implied_deaths"]
    for token in doc:
        if token.tag_ == "NNS":
            continue
        lemma = token.lemma_.lower()
        if lemma in rules["nouns"]:
            fatal = next((c for c in token.children
                          if c.dep_ in ("amod", "compound") and c.lower_ in rules["adjectives"]), None)
        elif lemma in rules["deaths"]:
            fatal = next((c for c in token.children
                          if (c.dep_ in ("compound", "amod") and c.lower_ in rules["death_compounds"])
                          or (c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN"))), None)
            if fatal is None and token.dep_ == "dobj" and token.head.lower_ in rules["death_compounds"]:
                fatal = token.head  # "friend's shooting death" may parse as the verb "shooting" with its object
        else:
            continue
        if fatal is None:
            continue
        start, end = min(fatal.idx, token.idx), max(fatal.idx + len(fatal), token.idx + len(token))
        yield Count(kind="killed", value=None, low=1, start=start, end=end, text=text_of(doc)[start:end],
                    sentence=sentence_of(start), speaker=_according_to(token))


def _counted_elsewhere(token: Token, rules: dict[str, Any]) -> bool:
    """A reflexive is its clause's subject: 'a boy who shot himself died', 'a girl has died, days after she
    shot herself' count the girl once, and the killer of 'killed his wife before shooting himself' is
    already counted with the wife."""
    if token.lower_ not in rules["reflexives"]:
        return False
    if token.head.dep_ in rules["reflexive_subordinate"]:
        return True
    return any(_killed_self_too(other) == token and _verb_kind(other) == "killed"
               for other in token.sent if other.i < token.i and other.dep_ == "dobj")


def _is_person_word(token: Token, rules: dict[str, Any]) -> bool:
    return token.ent_type_ == "PERSON" or (token.tag_ == "NN" and token.lemma_.lower() in rules["lemmas"])


def _is_pair(token: Token, rules: dict[str, Any]) -> bool:
    """'A couple', 'his parents', 'the twins': two people, named by one word with its determiner."""
    return (token.lemma_.lower() in rules["pairs"] or token.lower_ in rules["pairs"]) and any(
        c.dep_ in ("det", "poss") for c in token.children)


def _is_one_person(token: Token, rules: dict[str, Any]) -> bool:
    # "Man shoots self in leg": the parser tags a bare "self" as a noun.
    if token.lower_ in (*rules["pronouns"], *rules["reflexives"]) and (token.pos_ == "PRON" or token.dep_ == "dobj"):
        return True
    if token.ent_type_ == "PERSON":
        # The name's last token heads it; an earlier token ("John" in "John Smith") would count again.
        return token.ent_iob_ in ("B", "I") and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    if _is_age_noun(token):
        # "The 14-year-old was taken to the hospital", "a 9-month-old was injured": an age stands for the person.
        return any(c.dep_ in ("det", "poss") and c.lower_ in rules["determiners"] for c in token.children)
    # A number on the noun counts it instead, unless it is an age set off by commas ("girl, 9,"); an ordinal
    # ("a second man", "the third victim") is one more person, not a figure.
    if token.lemma_.lower() not in rules["lemmas"] or any(
            c.dep_ == "nummod" or (c.dep_ != "appos" and _parse_number([c]) is not None) for c in token.children):
        return False
    # "Man kills woman": a headline's bare object of a finite verb ("shooting victim", "for shooting nephew" are not).
    headline_role = token.dep_ in _SUBJECTS or _gapped(token) or (
        token.dep_ == "dobj" and token.head.tag_ in ("VBZ", "VBD", "VBP")) or (
        token.dep_ in ("appos", "ROOT") and _participle_kind(token))
    if token.tag_ in ("NN", "NNP") and headline_role and _is_headline(token.sent) and not any(
        c.dep_ == "det" for c in token.children
    ):
        return True  # "Teenager found shot and killed in Vista": headlines drop the article and capitalise
    if token.tag_ != "NN":
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in rules["determiners"] for c in token.children)


def _is_age_noun(token: Token) -> bool:
    """'old' in 'the 14-year-old': an age used as a noun, the subject or object of its clause."""
    return token.lower_ == "old" and token.dep_ in (*_SUBJECTS, "dobj") and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in _rules()["singular_people"]["age_units"] for c in token.children)


def dedupe_counts(counts: Iterable[Count]) -> list[Count]:
    """Keep the first of counts with the same (kind, value, low, high) anywhere in a document."""
    seen: set[tuple[str, int | None, int | None, int | None]] = set()
    kept = []
    for count in counts:
        key = (count.kind, count.value, count.low, count.high)
        if key not in seen:
            seen.add(key)
            kept.append(count)
    return kept


# --- finding numbers ------------------------------------------------------------------


def _is_number_word(token: Token) -> bool:
    words = _rules()["number_words"]
    lower = token.lower_
    return token.like_num or lower in words["units"] or lower in words["scales"] or lower in _table("vague")


def _number_groups(doc: Doc) -> list[Span]:
    """Spans holding one figure with its modifiers: CARDINAL entities, then stray number words."""
    excluded = set(_rules()["excluded_entities"])
    groups = [ent for ent in entities_of(doc) if ent.label_ == "CARDINAL"]
    taken = {t.i for ent in entities_of(doc) for t in ent}
    for token in doc:
        if token.i in taken or token.ent_type_ in excluded or not _is_number_word(token):
            continue
        groups.append(doc[token.i : token.i + 1])
    return sorted(groups, key=lambda span: span.start)


def _split_modifier(doc: Doc, group: Span) -> tuple[str | None, int, Span]:
    """Return (bound rule, start token of the figure's text, the number core)."""
    modifiers = _table("modifiers")
    start = group.start
    # spaCy puts "at least" in the entity but "estimated" or "over" may fall just outside it.
    for width in (3, 2, 1):
        if start - width >= 0 and doc[start - width : start].text.lower() in modifiers:
            return modifiers[doc[start - width : start].text.lower()], start - width, group
    for width in (3, 2, 1):
        head = doc[start : start + width]
        if width < len(group) and head.text.lower() in modifiers:
            return modifiers[head.text.lower()], start, doc[start + width : group.end]
    return None, start, group


def _parse_number(tokens: Iterable[Token]) -> int | None:
    words = _rules()["number_words"]
    total, current, seen = 0, 0, False
    for token in tokens:
        lower = token.lower_.replace(",", "")
        if lower in words["fillers"]:
            continue
        if lower in words["units"]:
            current += words["units"][lower]
        elif lower in words["scales"]:
            scale = words["scales"][lower]
            if scale < 1000:  # "a dozen", "two hundred": multiplies what came before
                current = (current or 1) * scale
            else:
                total, current = total + (current or 1) * scale, 0
        else:
            try:
                current += float(lower)
            except ValueError:
                return None
        seen = True
    # A 400-digit "number" is no figure: float() makes it infinity, which int() cannot take.
    return int(total + current) if seen and math.isfinite(total + current) else None


# --- bounds ---------------------------------------------------------------------------


def _bounds(rule: str | None, core: Span) -> tuple[int | None, int | None, int | None, bool] | None:
    """(value, low, high, approximate) of the core under its modifier rule."""
    vague = _table("vague").get(core.text.lower())
    if vague is not None:
        return None, vague, None, True
    if rule == "range" or any(t.lower_ in ("to", "–") or (t.text == "-" and _digits_around(t)) for t in core):
        low_high = _range(core)
        if low_high:
            return None, *low_high, False
    value = _parse_number(core)
    if value is None:
        return None
    match rule:
        case "min":
            return None, value, None, False
        case "above":
            return None, value + 1, None, False
        case "max":
            return None, None, value, False
        case "below":
            return None, None, value - 1, False
        case "near":
            return None, None, value - 1, True
        case "approx":
            return value, None, None, True
    return value, None, None, False


def _digits_around(token: Token) -> bool:
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].is_digit and doc[token.i + 1].is_digit


def _range(core: Span) -> tuple[int, int] | None:
    for token in core:
        if token.lower_ in ("and", "to", "-", "–") and token.i > core.start:
            low = _parse_number(core.doc[core.start : token.i])
            high = _parse_number(core.doc[token.i + 1 : core.end])
            if low is not None and high is not None and low < high:
                return low, high
    return None


# --- what a number counts -------------------------------------------------------------


def _count(doc: Doc, group: Span, sentence_of: Callable[[int], int]) -> Count | None:
    rule, first, core = _split_modifier(doc, group)
    anchor = core.root
    if _excluded(anchor) or _none_of(core):
        return None
    kind = _kind(anchor, core)
    if kind is None:
        return None
    bounds = _bounds(rule, core)
    if bounds is None:
        return None
    value, low, high, approximate = bounds
    people = _rules()["singular_people"]
    if not _own_state(_nominal(anchor)) and any(
            _numbered(c) or _is_person_word(c, people) for c in _listed_subjects(_nominal(anchor)) if c.i < anchor.i):
        return None  # "3 men and 2 women were shot", parsed as two subjects: the first counts both
    if value == 1 and _carried_only(_nominal(anchor), kind):
        kind = _carried_wounded(_nominal(anchor))
        if kind is None:
            return None  # "one man was taken to the hospital": see _carried_only
    start, end = doc[first].idx, core[-1].idx + len(core[-1])
    alone = True
    if value is not None and not approximate:
        counted = value
        value, start, end = _with_coordinated_people(_nominal(anchor), value, start, end)
        alone = value == counted
    if kind == "shot" and alone and _others_beside_dead(_nominal(anchor)):
        kind = "injured"
    killer = _killed_self_too(_nominal(anchor)) if kind == "killed" and value is not None else None
    if killer is not None:
        value, end = value + 1, killer.idx + len(killer)
    elif kind == "killed" and value is not None and (suicide := _suicide_beside(_nominal(anchor))) is not None:
        value, end = value + 1, max(end, suicide.idx + len(suicide))
    node, _, verb = _role(_nominal(anchor))
    # One victim is never a tally; a larger figure may be one ("104 people shot in Toledo this year").
    clause = verb if verb is not None else node.head
    if verb is None and node.dep_ == "pobj" and clause.dep_ == "prep" and clause.head.pos_ == "NOUN":
        clause = clause.head  # "shootings of seven people in less than 24 hours": the noun's phrase is the clause
    if _gapped_passive(clause) and clause.head.lemma_.lower() in _rules()["left"]:
        clause = clause.head  # "three incidents ... left a teen dead and six others wounded": the clause of 'left'
    tally = tally_reason(clause) if max(value or 0, low or 0) > 1 else None
    return Count(
        kind=kind,
        value=value,
        low=low,
        high=high,
        approximate=approximate,
        start=start,
        end=end,
        text=text_of(doc)[start:end],
        sentence=sentence_of(start),
        speaker=_according_to(anchor),
        implausible=tally,
    )


def _others_beside_dead(nominal: Token) -> bool:
    """'One dead and 11 others shot', 'killing one man and shooting six others': the others are the shot who
    are not among the dead just counted, so they are the wounded ('he and four others were shot' counts
    him as well: see the caller)."""
    if nominal.lemma_.lower() != "other" and not any(c.dep_ == "amod" and c.lower_ == "other" for c in nominal.children):
        return False
    killed = {w for w, kind in (*_table("predicates").items(), *_table("transitive_verbs").items(),
                                *_table("intransitive_verbs").items()) if kind == "killed"}
    sentence = nominal.sent
    return any(t.lower_ in killed or t.lemma_.lower() in killed for t in sentence[: nominal.i - sentence.start])


def _none_of(core: Span) -> bool:
    """'No one else was injured': the 'one' of 'no one' is nobody."""
    return core.start > 0 and core.doc[core.start - 1].lower_ in _rules()["unreal"]["none"]


def _excluded(anchor: Token) -> bool:
    # "Nina Obukhov, 34, ...": a bare number in apposition to a name is the person's age, also where the
    # parser misses the apposition ("John Smith, 26 was shot" without the closing comma).
    # "Fresno girl, 9, dies" and "Boy, 3, wounded" give the age after a person noun as well.
    people = _rules()["singular_people"]
    if anchor.dep_ == "appos" and (anchor.head.ent_type_ == "PERSON" or _is_person_word(anchor.head, people)):
        return True
    doc = anchor.doc
    before = doc[anchor.i - 2] if anchor.i >= 2 else None
    after_name = before is not None and doc[anchor.i - 1].text == "," and (
        before.ent_type_ == "PERSON" or _is_person_word(before, people))
    if after_name and anchor.dep_ != "nummod":
        return True
    # "(KOIN 6)", "WDAM-TV 7-News": a number in a station's name, in brackets after it.
    if before is not None and before.text == "(" and doc[anchor.i - 1].pos_ == "PROPN" and anchor.i + 1 < len(doc) \
            and doc[anchor.i + 1].text == ")":
        return True
    excluded = _rules()["excluded_heads"]
    numbering = doc[anchor.i - 3 : anchor.i] if anchor.i >= 3 else None  # "Image 2 of 9": the 9
    if (anchor.i >= 1 and doc[anchor.i - 1].lower_ in excluded["captions"]) or (
            numbering is not None and numbering[0].lower_ in excluded["captions"] and numbering[1].like_num
            and numbering[2].lower_ == "of"):
        return True
    if numbering is not None and numbering[2].lower_ == "of" and numbering[1].lemma_.lower() in excluded["parents"]:
        return True
    if anchor.text in excluded["emergency_numbers"] and not (anchor.dep_ == "nummod" and anchor.head.tag_ == "NNS"):
        return True  # the number a caller dials, unless it counts a plural noun ('911 people')
    lemmas = set(excluded["lemmas"])
    head = anchor.head if anchor.dep_ in ("nummod", "quantmod", "compound") else anchor
    return head.lemma_.lower() in lemmas or anchor.head.lower_ in lemmas or _listed_age(anchor, lemmas)


def _listed_age(anchor: Token, lemmas: set[str]) -> bool:
    """Ages given one by one for a group the sentence counts elsewhere: 'the victims, ages 24, 25 and 38' (the
    later numbers of a list on 'ages'), 'two men, one 17 and the other 21' (a number on 'one', or on 'the
    other', after a group's figure). The 'one' of such a breakdown is part of the group, not a figure of its own."""
    breakdown = _rules()["age_breakdown"]
    node = anchor
    while node.dep_ in ("conj", "appos") and node.head.i != node.i and node.head.pos_ == "NUM":
        node = node.head
    if node is not anchor and node.dep_ in ("nummod", "appos", "npadvmod") and node.head.lemma_.lower() in lemmas:
        return True  # "ages 24, 25, 32 and 38": the list hangs on 'ages' from its first number
    if anchor.dep_ == "nummod" and anchor.head.lower_ in breakdown["parts"] and anchor.i > anchor.head.i:
        return True  # "one 17": the age of one of the group
    part = node if node.lower_ in breakdown["parts"] else None
    if part is None or not any(c.dep_ == "nummod" and c.i > part.i for c in part.children):
        return False
    # "... and the other 21", or the "one" itself: a part of a group whose own figure counts it.
    group = part.head
    return part.dep_ == "appos" and group.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nummod" for c in group.children)


def _nominal(anchor: Token) -> Token:
    """The noun a number counts: 'people' in '12 people'; the number itself in 'dozens injured'; the family
    in 'a family of five was found dead'."""
    if anchor.dep_ in ("nummod", "quantmod") and anchor.head.pos_ in ("NOUN", "PROPN"):
        return anchor.head
    if anchor.dep_ in ("det", "predet") and anchor.head.pos_ == "NOUN":
        return anchor.head  # "both men"
    of = anchor.head
    if anchor.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in _rules()["groups"]:
        return of.head
    return anchor


def _kind(anchor: Token, core: Span) -> str | None:
    nominal = _nominal(anchor)
    predicates = _table("predicates")
    if any(c.dep_ == "advmod" and c.lower_ in _rules()["fatal"]["adverbs"] for c in anchor.children):
        return "killed"  # "three people were shot, one fatally", "four were wounded, two of them fatally"
    for child in (*anchor.children, *nominal.children):
        if child.dep_ == "amod" and child.lower_ in predicates and child.i > anchor.i:
            return predicates[child.lower_]
    partitive = _partitive_owner(nominal)
    if partitive is None:
        kind = _verb_kind(nominal) or _toll_kind(nominal)
        if kind:
            return kind
    kind = _noun_kind(nominal)
    if kind or partitive is not None:
        return kind
    # "left 12 dead and twenty-one wounded": the parser often hangs the second adjective elsewhere,
    # but a kind word right after the figure still names it.
    following = core.doc[core.end] if core.end < len(core.doc) else None
    if following is not None and following.lower_ in predicates:
        return predicates[following.lower_]
    # "a shooting that left six people injured": the parser may hang the participle on the shooting.
    after = nominal.i + 1 < len(nominal.doc) and nominal.doc[nominal.i + 1]
    if after and nominal.dep_ == "dobj" and nominal.head.lemma_.lower() in _rules()["left"] and after.lower_ in predicates:
        return predicates[after.lower_]
    return None


def _partitive_owner(nominal: Token) -> Token | None:
    """'four' in 'three of the four attackers' belongs to 'three': it may name a noun, not a verb."""
    prep = nominal.head
    if nominal.dep_ == "pobj" and prep.lower_ in _rules()["partitive_preps"]:
        owner = prep.head
        if owner.like_num or owner.lower_ in _table("vague") or owner.pos_ == "NUM":
            return owner
    return None


def _noun_kind(nominal: Token) -> str | None:
    """'four gunmen', 'caused 12 deaths', 'dozens of suspects'."""
    nouns = _table("nouns")
    if nominal.lemma_.lower() in nouns:
        return nouns[nominal.lemma_.lower()]
    of = next((c for c in nominal.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return nouns.get(pobj.lemma_.lower()) if pobj is not None else None


def _gapped(nominal: Token) -> bool:
    """'A man was killed and a woman wounded', 'Man killed, woman wounded': the second clause drops its
    auxiliary, and the parser joins its subject to the first clause's verb, with the participle on the subject."""
    return (nominal.dep_ in ("conj", "dep") and nominal.head.pos_ in ("VERB", "AUX")
            and _participle_kind(nominal) is not None)


def _participle_kind(node: Token) -> str | None:
    """The kind a past participle on the noun gives it: 'among 7 people arrested', 'a woman wounded'."""
    transitive = _table("transitive_verbs")
    for child in node.children:
        lemma = child.lemma_.lower()
        if child.dep_ in ("acl", "amod") and child.tag_ == "VBN" and child.i > node.i and lemma in transitive:
            return transitive[lemma]
    return None


def _verb_kind(nominal: Token) -> str | None:
    if _gapped(nominal):
        return _participle_kind(nominal)
    predicates = _table("predicates")
    own = next((c for c in nominal.children if c.dep_ in ("amod", "oprd") and c.tag_ == "JJ" and c.i > nominal.i
                and c.lower_ in predicates), None)
    if own is not None:
        return predicates[own.lower_]  # "officers found a man dead", "left a woman critical"
    if nominal.dep_ == "appos" and (own := _participle_kind(nominal)) is not None:
        return own  # "Man killed, 4 others injured": a headline's clauses parse as appositions, each with its verb
    node, role, verb = _role(nominal)
    if verb is not None and role == "dobj" and _state_of_earlier_object(node, nominal, verb):
        wound = _wound_with(verb, after=nominal.i)
        if wound is not None:  # "... and six others with gunshot wounds", the phrase hung on the verb
            return _wounded_kind(wound)
        return _participle_kind(nominal) or _described_kind(nominal)
    kind = _clause_kind(role, verb) if verb is not None and not _unreal(verb) else None
    if kind is not None:
        return kind  # "a juvenile injured in a shooting has died": the clause's verb says what became of them
    # "among 7 people arrested": a past participle on the noun is a passive verb of its own.
    return _participle_kind(node) or _described_kind(node)


def _state_of_earlier_object(first: Token, nominal: Token, verb: Token) -> bool:
    """'Left one man dead and at least six others with gunshot wounds': a state word between the first
    object and a later one describes the first only."""
    predicates = _table("predicates")
    earlier = [o.i for o in (first, *verb.children) if o.dep_ == "dobj" and o.i < nominal.i]
    return bool(earlier) and any(
        c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and min(earlier) < c.i < nominal.i and c.lower_ in predicates
        for c in verb.children)


def _described_kind(node: Token) -> str | None:
    """What the noun's own words say became of it: 'a girl who was shot', 'three men and one woman suffering
    from gunshot wounds', 'two men with gunshot wounds', 'the deaths of a mother and her daughter', 'claimed
    the life of a girl', 'claims one man's life'."""
    rules = _rules()["described"]
    head = node.head
    if node.dep_ == "pobj" and head.lower_ == "of":
        owner = head.head
        if owner.lemma_.lower() in rules["of_nouns"]:
            attempted = any(c.lemma_.lower() in rules["attempted"] for c in owner.children)
            return None if attempted else rules["of_nouns"][owner.lemma_.lower()]
        if owner.lemma_.lower() in rules["lives"]["nouns"] and owner.head.lemma_.lower() in rules["lives"]["verbs"]:
            return "killed"
    if node.dep_ == "poss" and head.lemma_.lower() in rules["lives"]["nouns"] and head.dep_ == "dobj" \
            and head.head.lemma_.lower() in rules["lives"]["verbs"]:
        return "killed"
    for part in (node, *node.conjuncts):
        for child in part.children:
            if child.dep_ == "relcl" and not _unreal(child):
                subject = next((c for c in child.children if c.dep_ in _SUBJECTS and c.tag_ in ("WP", "WDT")), None)
                if subject is not None and (kind := _clause_kind(subject.dep_, child)) is not None:
                    return kind
                # "a man who shot himself": the reflexive object is the noun itself.
                if subject is not None and (kind := _reflexive_kind(child)) is not None:
                    return kind
            if child.dep_ == "acl" and child.tag_ == "VBG" and (kind := _wound_kind(child, through=("from",))):
                return kind
            if child.dep_ == "prep" and child.lower_ in rules["with"]:
                wound = _wound_object(child)
                if wound is not None:
                    return _wounded_kind(wound)
    return None


def _intransitive_kind(verb: Token) -> str | None:
    """'143 people died', 'the boy passed away': a verb with its particle is a verb of its own."""
    table = _table("intransitive_verbs")
    lemma = verb.lemma_.lower()
    # The parser gives "away" as a particle or as an adverb.
    phrasal = (table.get(f"{lemma} {c.lower_}") for c in verb.children if c.dep_ in ("prt", "advmod"))
    return next((kind for kind in phrasal if kind is not None), table.get(lemma))


def _then_died(verb: Token) -> str | None:
    """'Two men were taken to the hospital and died': a joined verb of death with no subject of its own
    says what became of the first verb's subject."""
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB" and not any(c.dep_ in _SUBJECTS for c in child.children) \
                and _intransitive_kind(child) == "killed":
            return "killed"
    return None


def _reflexive_kind(verb: Token) -> str | None:
    """'Shot himself': the kind the verb gives its reflexive object, the subject itself."""
    reflexives = _rules()["singular_people"]["reflexives"]
    if any(c.dep_ == "dobj" and c.lower_ in reflexives for c in verb.children):
        return _clause_kind("dobj", verb)
    return None


def _clause_kind(role: str, verb: Token) -> str | None:
    """The kind the governing verb gives its subject or object: 'killed 12', '143 died', '12 left dead'."""
    transitive = _table("transitive_verbs")
    lemma = verb.lemma_.lower()
    # "shot dead", "fatally wounded": the person died, so the figure counts the killed.
    if (transitive.get(lemma) == "shot" and _fatal(verb)) or (transitive.get(lemma) == "injured" and _fatally(verb)):
        lemma = "kill"
    hostage = _rules()["hostage_verbs"]
    if lemma in hostage["verbs"] and any(c.lemma_.lower() in hostage["marks"] for c in verb.children):
        return "hostages"
    passive = role == "nsubjpass" or (
        role == "nsubj" and verb.tag_ == "VBN" and not any(c.lemma_ == "have" for c in verb.children)
    ) or (role == "nsubj" and (_headline_passive(verb) or _gapped_passive(verb)))
    if role in _SUBJECTS and not passive and lemma in _rules()["left"]:
        return None  # "shootings that left ten people shot": what 'left' says is said of its object
    raised = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if role == "nsubj" and lemma in _rules()["raising_verbs"] and raised is not None:
        return _clause_kind("nsubj", raised)  # "all four appear to have died": the figure is the subject of "died"
    suicide = _rules()["suicide"]
    if role == "nsubj" and lemma in suicide["verbs"] and any(
        c.dep_ == "dobj" and c.lemma_.lower() in suicide["objects"] for c in verb.children
    ):
        return "killed"  # "the father then committed suicide"
    if lemma in transitive and (role == "dobj" or passive):
        return transitive[lemma]
    if passive and _struck_by_shot(verb):
        return _rules()["struck_by"]["kind"]
    if role in _SUBJECTS and (wound := _wound_with(verb)) is not None:
        # "was taken to the hospital with a gunshot wound", "was found with gunshot wounds": shot.
        return _wounded_kind(wound)
    if role in _SUBJECTS and (died := _then_died(verb)) is not None:
        return died  # "was taken off life support and passed away"
    if (role == "dobj" or passive) and _to_hospital(verb):
        return _rules()["hospital"]["kind"]
    predicates = _table("predicates")
    if role in _SUBJECTS and _in_condition(verb):
        return _rules()["condition"]["kind"]
    if role in _SUBJECTS and (wounded := _wound_kind(verb, through=("from",))) is not None:
        return wounded  # "suffered a gunshot wound", "found a man suffering from gunshot wounds"
    if role in _SUBJECTS:
        if (kind := _intransitive_kind(verb)) is not None:
            return kind
        # "50 people are missing" (parsed as the verb "miss"), "30 remain unaccounted for".
        if verb.lower_ in predicates and verb.tag_ != "VBD":
            return predicates[verb.lower_]
    complements = ("acomp", "oprd") if role in _SUBJECTS else ("oprd", "ccomp", "xcomp", "acomp")
    for child in verb.children:
        if child.dep_ in complements and child.lower_ in predicates:
            return predicates[child.lower_]
        # "was found shot to death", "found shot and killed": the participle says what became of them.
        if role in _SUBJECTS and child.dep_ == "xcomp" and child.tag_ == "VBN" and child.lemma_.lower() in transitive:
            return _clause_kind("nsubjpass", child)
    if role in _SUBJECTS and (survived := _survived(verb, passive)) is not None:
        return survived
    if role in _SUBJECTS:
        return _shared_subject_kind(verb)
    return None


def _shared_subject_kind(verb: Token) -> str | None:
    """'A man was found in a car and pronounced dead': a verb joined to the subject's own, with no subject of
    its own, says what became of the same subject."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX") and not _unreal(conj) and not any(
                c.dep_ in (*_SUBJECTS, "expl", "dobj") for c in conj.children):  # "walked in and shot two": the doer
            if (kind := _clause_kind("nsubj", conj)) is not None:
                return kind
    return None


def _survived(verb: Token, passive: bool) -> str | None:
    """'Was treated for a gunshot wound', 'was treated and released', 'is expected to survive', 'is fighting for
    her life': the subject was hurt and lived (injured)."""
    rules = _rules()["survived"]
    lemma = verb.lemma_.lower()
    if passive and lemma in rules["treated"] and (
            any(_wound_object(c) is not None for c in verb.children if c.dep_ == "prep" and c.lower_ in rules["for"])
            or any(c.dep_ == "conj" and c.lemma_.lower() in rules["released"] for c in verb.children)):
        return rules["kind"]
    if lemma in rules["expected"] and any(c.dep_ == "xcomp" and c.lemma_.lower() in rules["outcomes"] for c in verb.children):
        return rules["kind"]
    if lemma in rules["recovering"] and any(_wound_object(c) is not None for c in verb.children
                                            if c.dep_ == "prep" and c.lower_ in rules["from"]):
        return rules["kind"]
    fighting = rules["fighting"]
    if lemma in fighting["verbs"] and any(o.lemma_.lower() in fighting["objects"] for c in verb.children
                                          if c.dep_ == "prep" and c.lower_ in fighting["preps"] for o in c.children):
        return rules["kind"]  # "another is fighting for her life", "clinging to life"
    return None


def _struck_by_shot(verb: Token) -> bool:
    """'Was struck by a stray bullet', 'hit by gunfire': the agent is what a gun fires."""
    rules = _rules()["struck_by"]
    if verb.lemma_.lower() not in rules["verbs"]:
        return False
    return any(g.lemma_.lower() in rules["agents"] for c in verb.children if c.dep_ == "agent" for g in c.children
               if g.dep_ == "pobj")


def _in_condition(verb: Token) -> bool:
    """'Her father is listed in critical condition', 'two were taken to hospital in stable condition', 'her
    mother remains in the hospital': a shooting's victim in a hospital's condition survived so far, so is
    injured, unless the same clause says the victim died ('in critical condition, where he later died')."""
    rules = _rules()["condition"]
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            states = {t.lower_ for c in noun.children if c.dep_ == "amod" for t in (c, *c.conjuncts)}
            in_hospital = verb.lemma_.lower() in rules["staying"] and noun.lemma_.lower() in rules["places"]
            if in_hospital or (noun.lemma_.lower() in rules["nouns"] and states & set(rules["states"])):
                return not any(t.lemma_.lower() in rules["died"] for t in verb.subtree)
    return False


def _to_hospital(verb: Token) -> bool:
    """'Sent four people to the hospital', 'was taken to the hospital', 'were rushed to a hospital': hurt, unless
    the clause says they died there ('taken to a hospital, where he was pronounced dead')."""
    rules = _rules()["hospital"]
    if verb.lemma_.lower() not in rules["verbs"]:
        return False
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    if to is None or not any(c.lemma_.lower() in rules["places"] for c in to.children if c.dep_ == "pobj"):
        return False
    died = _rules()["condition"]["died"]
    return not any(t.lemma_.lower() in died or t.lower_ in rules["dead"] for t in verb.subtree)


def _wound_kind(verb: Token, through: tuple[str, ...] = ()) -> str | None:
    """'She suffered a gunshot wound to the leg': shot; 'suffered a fatal gunshot wound', 'suffered a gunshot
    wound and died': killed. `through` names prepositions that may carry the wound ('suffering from')."""
    rules = _rules()["wounds"]
    if verb.lemma_.lower() not in rules["verbs"]:
        return None
    died = any(c.dep_ == "conj" and c.lemma_.lower() in _rules()["fatal"]["verbs"] for c in verb.children)
    for child in verb.children:
        wound = child if child.dep_ == "dobj" else _wound_object(child) if child.lower_ in through else None
        if wound is not None and wound.lemma_.lower() in rules["objects"]:
            fatal = died or _fatal_wound(wound)
            return "killed" if fatal else rules["kind"]
    return None


def _fatal_wound(wound: Token) -> bool:
    """'A fatal gunshot wound' killed; 'non-fatal bullet wounds', 'nonfatal wounds' did not."""
    doc = wound.doc
    for c in wound.children:
        if c.lower_ in _rules()["wounds"]["fatal"]:
            before = doc[max(c.i - 2, 0) : c.i]
            return not any(t.lower_ in _rules()["wounds"]["negations"] for t in before)
    return False


def _wound_object(prep: Token) -> Token | None:
    """The wound a preposition carries: 'with gunshot wounds', 'from a gunshot wound'."""
    objects = _rules()["wounds"]["objects"]
    return next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in objects), None)


def _headline_passive(verb: Token) -> bool:
    """Headlines drop the auxiliary: "Four people shot outside nightclub" is "four people were shot".

    A headline is a sentence with no closing punctuation; the verb is a bare past form with no object.
    """
    return (verb.tag_ in ("VBD", "VBN") and _is_headline(verb.sent)
            and not any(c.dep_ in ("dobj", "aux", "auxpass") for c in verb.children))


def _gapped_passive(verb: Token) -> bool:
    """'Two were killed and three women wounded': a verb joined to a passive one, with no auxiliary and
    no object of its own, shares its passive voice. 'Left one dead and 11 others shot', 'leaving two dead
    and four others injured': the parser may make the second state a clause of its own under 'left'."""
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("dobj", "aux", "auxpass") for c in verb.children):
        return False
    head = verb.head
    return (verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in head.children)) or (
        verb.dep_ in ("conj", "ccomp") and head.lemma_.lower() in _rules()["left"])


def _is_headline(sentence: Span) -> bool:
    """A line with no closing punctuation: a headline, written without articles and auxiliaries."""
    return sentence[-1].text not in (".", "!", "?", '"', "”", "'", ":", ";")


def _with_coordinated_people(nominal: Token, value: int, start: int, end: int) -> tuple[int, int, int]:
    """'Three children and two adults were found dead' is five; 'Two men and a woman were killed', three;
    'killed his wife and two children', three; '2 adults, 2 children killed', four: the figure counts its whole
    coordination, from its first part. 'Four bodies, two males and two females' is four: parts that add up to
    a first figure of people in general break it down."""
    if nominal.pos_ not in ("NOUN", "PROPN"):
        return value, start, end
    rules = _rules()["singular_people"]
    first = nominal
    # "A man, two women and a child were killed", "killed his wife, 2 sons": a list whose later groups the
    # parser hangs as appositions on a first person.
    while (first.dep_ == "conj" or (first.dep_ == "appos" and _numbered(first) and (
            _numbered(first.head) or (first.head.i < first.i and _is_one_person(first.head, rules)
                                      and not _own_state(first) and not _own_state(first.head))))) \
            and (first.head.pos_ in ("NOUN", "PROPN") or first.head.lower_ in rules["reflexives"]):
        first = first.head
    predicates = _table("predicates")
    if nominal.lower_ in predicates:
        return value, start, end  # "1 dead, 3 hurt": the figure hangs on the state word, which counts no one else
    numbered = [a for a in first.children if a.dep_ == "appos" and _numbered(a) and a.pos_ in ("NOUN", "PROPN")]
    # "Wallkill man, two children dead": a headline's bare person before the group, set off by a comma.
    fronted = _fronted_people(first, rules) if _numbered(first) else []
    parts = sorted({first, *first.conjuncts, *(p for a in numbered for p in (a, *a.conjuncts)),
                    *(s for s in _listed_subjects(first) if s.i > first.i and not _own_state(s))}, key=lambda t: t.i)
    if fronted:
        value, start = value + len(fronted), min(start, nominal.doc[fronted[0].left_edge.i].idx)
    total = _breakdown(first, parts, rules)
    if total is not None:
        return (value if nominal == first else total), start, end
    total = 0
    for part in parts:
        if part == nominal:
            total += value
            continue
        figure = _own_figure(part)
        # The killer after the victims ('his two children and himself') is counted by _killed_self_too; before
        # them ('kills himself, 2 children') the list starts with him.
        reflexive = part.lower_ in rules["reflexives"] and part.i > nominal.i
        if figure is None and _is_one_person(part, rules) and part.ent_type_ != "PERSON" and not reflexive:
            figure = 1
        elif figure is None and _is_pair(part, rules):
            figure = 2
        if figure is None:
            if part.i > nominal.i:
                break  # the figure's own group ends where the coordination stops counting people
            return value, start, end
        total += figure
        if part.i < nominal.i:
            start = min(start, part.doc[part.left_edge.i].idx)
        else:
            end = max(end, part.idx + len(part))
    return total, start, end


def _own_figure(part: Token) -> int | None:
    """The number on one part of a list of people ('two sons'); none on animals ('2 dogs') or ages."""
    number = next((c for c in part.children if c.dep_ == "nummod"), None)
    return _parse_number([number]) if number is not None and not _excluded(number) else None


def _own_state(noun: Token) -> bool:
    """'Man killed, 4 others injured': a group with its own participle or state word is a clause of its own."""
    predicates = _table("predicates")
    return _participle_kind(noun) is not None or any(
        c.dep_ in ("amod", "acl") and (c.lower_ in predicates or c.lemma_.lower() in _table("transitive_verbs"))
        for c in noun.children)


def _numbered(noun: Token) -> bool:
    """A group with its own figure ('2 children'); not an age or a unit ('age 19')."""
    excluded = _rules()["excluded_heads"]["lemmas"]
    if noun.lower_ in _rules()["age_breakdown"]["parts"]:
        return False  # "two men, one 17 and the other 21": the number on 'one' is an age
    return noun.lemma_.lower() not in excluded and any(c.dep_ == "nummod" for c in noun.children)


def _breakdown(first: Token, parts: list[Token], rules: dict[str, Any]) -> int | None:
    """The first figure, when it names people in general and the parts after it add up to it at most ('four
    bodies, two males and two females', 'three others, two males and a female', 'five people, four of them
    teenagers'); None when the parts are groups of their own."""
    doc = first.doc
    set_off = first.i + 1 < len(doc) and doc[first.i + 1].text == ","  # "two people and a child" are three
    if first.lemma_.lower() not in rules["general"] or len(parts) < 2 or not set_off:
        return None
    figures = []
    for part in parts:
        figure = _own_figure(part)
        if figure is None and _is_one_person(part, rules):
            figure = 1
        figures.append(figure)
    if None in figures or figures[0] < sum(figures[1:]):
        return None
    return figures[0]


def _killed_self_too(victims: Token) -> Token | None:
    """The killer's 'himself' in 'killed his two children and himself', '... before turning the gun on
    herself': a murder-suicide's toll counts the killer too (Gun Violence Archive's convention)."""
    node, role, verb = _role(victims)
    if verb is None or role != "dobj":
        return None
    rules = _rules()["killed_self"]
    for token in verb.subtree:
        if token.i < node.i or token.lower_ not in rules["reflexives"]:
            continue
        head = token.head
        # "kills woman, her son, himself", "kills his wife, 2 sons and himself": the killer ends a list of appositions
        listed = head.dep_ == "appos" and head.head == node and (_owned_by_pronoun(head) or _numbered(head))
        if token.dep_ in ("conj", "appos", "npadvmod") and (head in (node, verb) or listed):  # "kills son, self"
            return token
        if token.dep_ == "dobj" and head.lemma_.lower() in rules["verbs"] and head.i != verb.i:
            return token
        if token.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in rules["turn"]:
            return token
    return None


def _suicide_beside(victims: Token) -> Token | None:
    """The killer of 'Two boys killed, father commits suicide': one more killed, in a clause of its own."""
    rules = _rules()["suicide"]
    for verb in victims.sent:
        if verb.lemma_.lower() not in rules["verbs"] or not any(
            c.dep_ == "dobj" and c.lemma_.lower() in rules["objects"] for c in verb.children
        ):
            continue
        subject = _subject(verb)
        if subject is not None and subject.i not in {t.i for t in victims.subtree} and not subject.like_num:
            return subject
    return None


def _unreal(verb: Token) -> bool:
    """'The father was not hurt', 'he would never hurt anyone': no one was, so nothing to count."""
    unreal = _rules()["unreal"]
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in unreal["modals"]) for c in verb.children)


def _fatally(verb: Token) -> bool:
    """'fatally', 'mortally' or 'dead' on the verb itself."""
    adverbs = _rules()["fatal"]["adverbs"]
    return any(c.lower_ in adverbs and c.dep_ in ("advmod", "acomp", "oprd", "xcomp", "amod") for c in verb.children)


def _fatal(verb: Token) -> bool:
    """'fatally shot', 'shot to death', 'shot dead', 'shot and killed': a shooting that killed."""
    rules = _rules()["fatal"]
    if _fatally(verb):
        return True
    # "shot her son and then herself in a murder-suicide": a murder's victim died.
    if any(t.lemma_.lower() in rules["murder_suicide"] and any(c.lower_ == "murder" for c in t.children)
           for t in verb.subtree):
        return True
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lemma_.lower() in rules["results"] for g in child.children):
            return True
        if child.dep_ == "conj" and child.lemma_.lower() in rules["verbs"]:
            return True
        # "Teen accidentally shot, killed": a headline's bare participle after a comma, with no subject or marker.
        if child.dep_ == "advcl" and child.tag_ == "VBN" and child.lemma_.lower() in rules["verbs"] and not any(
                c.dep_ in ("mark", *_SUBJECTS) for c in child.children):
            return True
    return verb.dep_ == "conj" and verb.head.lemma_.lower() in rules["verbs"]


def _role(nominal: Token) -> tuple[Token, str, Token | None]:
    """(noun, its role, its verb): climbs coordination, compounds, 'including' and 'over 300' to the clause."""
    node = nominal
    while node.dep_ in (*_CLIMB, "compound") and node.head.i != node.i:
        node = node.head
    prep = node.head
    if node.dep_ == "pobj" and prep.lower_ in ("including", "among") and prep.head.pos_ in ("NOUN", "NUM"):
        node = prep.head
    elif node.dep_ == "pobj" and prep.lower_ in _BOUND_PREPS and prep.head.pos_ in ("VERB", "AUX"):
        # "Over 300 were detained": the parser hangs the figure under the bound word.
        verb = prep.head
        if prep.i > verb.i:
            return node, "dobj", verb
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        return node, "nsubjpass" if passive else "nsubj", verb
    if node.dep_ not in (*_SUBJECTS, "dobj") or node.head.i == node.i:
        return node, node.dep_, None
    verb = node.head
    # "some 1,300 are missing" may come out with the subject on the auxiliary.
    return node, node.dep_, verb.head if verb.dep_ in ("aux", "auxpass") else verb


def _toll_kind(nominal: Token) -> str | None:
    """'The death toll rose to 143', 'reached 143', 'stands at 143', 'a death toll of 143'."""
    node, toll = nominal, None
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        holder = node.head.head
        toll = holder if holder.pos_ == "NOUN" else _subject(holder)
    elif node.dep_ in ("dobj", "attr"):
        toll = _subject(node.head)
    rules = _rules()["toll"]
    if toll is None or toll.lemma_.lower() not in rules["nouns"]:
        return None
    for child in toll.children:
        if child.dep_ in ("compound", "amod") and child.lemma_.lower() in rules["compounds"]:
            return rules["compounds"][child.lemma_.lower()]
    return rules["default"]


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _according_to(anchor: Token) -> str | None:
    """The X of an "according to X" phrase on a verb that governs the figure, in its clause."""
    for node in anchor.ancestors:
        for child in node.children:
            if child.lower_ == "according":
                to = next((c for c in child.children if c.lower_ == "to"), None)
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                if pobj is not None:
                    return pobj.doc[pobj.left_edge.i : pobj.right_edge.i + 1].text
        if node.dep_ in ("ccomp", "relcl", "advcl", "ROOT"):
            return None
    return None

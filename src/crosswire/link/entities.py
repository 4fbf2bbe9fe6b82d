"""Resolve entity mentions across documents: alias keys to entities, surnames and spelling variants joined."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz

from crosswire.extract.names import clean_name, strip_titles
from crosswire.extract.places import lookup
from crosswire.records import Entity, EntityMention

# Folded names this similar (0-100) and this long are one name spelled twice (transliterations).
FUZZY_SCORE = 92
FUZZY_MIN_LENGTH = 7


def resolve_entities(mentions: Iterable[EntityMention]) -> tuple[list[Entity], dict[str, str]]:
    """Entities and the map from every alias key to its entity id."""
    surfaces: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    for mention in mentions:
        name = clean_name(mention.text)
        if mention.label == "PERSON":
            name = strip_titles(name)
        if name:
            surfaces[mention.key][name] += 1
            labels[mention.key][mention.label] += 1
    canonical = _merge_keys(surfaces)
    groups: dict[str, list[str]] = defaultdict(list)
    for key, root in canonical.items():
        groups[root].append(key)
    entities, key_map = [], {}
    for root, keys in sorted(groups.items()):
        names = Counter()
        label = Counter()
        for key in keys:
            names.update(surfaces[key])
            label.update(labels[key])
        entity = _entity(root, names, label.most_common(1)[0][0])
        entities.append(entity)
        key_map.update({k: entity.id for k in keys})
    return entities, key_map


def _entity(root: str, names: Counter, label: str) -> Entity:
    # The longest of the most used forms reads best: "Vladimir Putin" over "Putin".
    top = max(names.values())
    name = max((n for n, c in names.items() if c * 3 >= top), key=lambda n: (len(n.split()), names[n], n))
    entity_id = "ent-" + hashlib.sha1(root.encode()).hexdigest()[:12]
    place = lookup(name) if label in {"GPE", "LOC", "FAC"} else None
    return Entity(
        id=entity_id,
        name=name,
        type=label,
        aliases=tuple(sorted(n for n in names if n != name)),
        country=place.country if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
    )


def _merge_keys(surfaces: dict[str, Counter]) -> dict[str, str]:
    """Union keys that name one thing: a lone surname with a full name, and near-identical spellings."""
    parent = {k: k for k in surfaces}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb, key=lambda k: (len(k), k))] = min(ra, rb, key=lambda k: (len(k), k))

    persons = [k for k in surfaces if k.startswith("person:")]
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in persons:
        words = key.split(":", 1)[1].split()
        if len(words) > 1:
            by_surname[words[-1]].append(key)
    for key in persons:
        words = key.split(":", 1)[1].split()
        if len(words) == 1 and len(by_surname.get(words[0], [])) == 1:
            union(key, by_surname[words[0]][0])
    # Blocks: one kind, one first letter. Spellings of one name (Kerman, Kirman) keep their first letter,
    # so comparing within blocks finds them without comparing every name with every other.
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in surfaces:
        kind, _, name = key.partition(":")
        if len(name) >= FUZZY_MIN_LENGTH:
            blocks[(kind, name[0])].append(key)
    for keys in blocks.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if fuzz.ratio(a, b, score_cutoff=FUZZY_SCORE):
                    union(a, b)
    return {k: find(k) for k in surfaces}

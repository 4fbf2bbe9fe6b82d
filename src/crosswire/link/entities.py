"""Resolve entity mentions across documents: alias keys to entities, surnames and spelling variants joined.

Incremental: a new report's keys are compared with the stored alias index only where they could join
(one kind and first letter for spellings, one surname for people), and only the entities they reach
are regrouped. An entity is a connected group of keys, named after its smallest key, so regrouping
part of the index gives what grouping all of it would.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from rapidfuzz import fuzz
from scipy.cluster.hierarchy import DisjointSet

from crosswire.extract.names import clean_name, fold, strip_titles
from crosswire.extract.places import lookup
from crosswire.link.name_variants import variant_keys, variant_pairs
from crosswire.records import Entity
from crosswire.store import Store

# Folded names this similar (0-100) and this long are one name spelled twice (transliterations).
FUZZY_SCORE = 92
FUZZY_MIN_LENGTH = 7
ENTITY_PREFIX = "ent-"
V = TypeVar("V")


def surface_counts(mentions: Iterable[tuple[str, str, str]]) -> Counter:
    """(key, name, label) -> mentions, from (key, text, label) of entity mentions; nameless ones dropped."""
    counts: Counter = Counter()
    for key, text, label in mentions:
        name = clean_name(text)
        if label == "PERSON":
            name = strip_titles(name)
        if name:
            counts[(key, name, label)] += 1
    return counts


@dataclass
class EntityChanges:
    """What regrouping changed: keys whose entity or its name, kind or place changed; entities whose
    aliases alone changed (they matter only to affiliations between claimed perpetrators)."""

    keys: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)


def link_entities(store: Store, documents: list[str]) -> EntityChanges:
    """Add the documents' entity mentions to the stored entities, regrouping only the keys they reach."""
    counts = surface_counts(store.entity_mentions(documents))
    store.add_entity_surfaces([(k, n, label, c) for (k, n, label), c in counts.items()])
    touched = {key for key, _, _ in counts}
    if not touched:
        return EntityChanges()
    before = store.entity_keys(touched)
    reach = _reach(store, touched - before.keys())
    group = _closure(store, touched | reach)
    surfaces: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    for key, name, label, mentions in store.entity_surfaces(group):
        surfaces[key][name] += mentions
        labels[key][label] += mentions
    old_keys = store.entity_keys(group)
    old = {e.id: e for e in store.entities(set(old_keys.values()))}
    entities, key_map = group_entities(surfaces, labels)
    new = {e.id: e for e, _ in entities}
    store.replace_entities(entities, key_map, drop=set(old) - set(new))
    changes = EntityChanges()
    for key in key_map.keys() | old_keys.keys():
        was, now = old.get(old_keys.get(key, "")), new.get(key_map.get(key, ""))
        if was is None or now is None or was.id != now.id or _without_aliases(was) != _without_aliases(now):
            changes.keys.add(key)
        elif was.aliases != now.aliases:
            changes.aliases.add(now.id)
    return changes


def _without_aliases(entity: Entity) -> Entity:
    return entity.model_copy(update={"aliases": ()})


def _reach(store: Store, new_keys: set[str]) -> set[str]:
    """Stored keys a new key may join: near spellings in its block, people of its surname."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in new_keys:
        kind, _, name = key.partition(":")
        if len(name) >= FUZZY_MIN_LENGTH:
            blocks[f"{kind}:{name[0]}"].append(key)
    stored: dict[str, list[str]] = defaultdict(list)
    for key in store.keys_starting(blocks, FUZZY_MIN_LENGTH):
        kind, _, name = key.partition(":")
        stored[f"{kind}:{name[0]}"].append(key)
    reach = set()
    for block, keys in blocks.items():
        for key in keys:
            reach.update(k for k in stored[block] if fuzz.ratio(key, k, score_cutoff=FUZZY_SCORE))
    surnames = {key.split(":", 1)[1].split()[-1] for key in new_keys if _person_name(key)}
    names, prefixes = variant_keys(new_keys)
    return reach | set(store.person_keys_with_surname(surnames)) | set(store.keys_with_names(names, prefixes))


def _person_name(key: str) -> bool:
    return key.startswith("person:") and bool(key.split(":", 1)[1].split())


def _closure(store: Store, keys: set[str]) -> set[str]:
    """The keys plus every key of the entities they belong to, and the people sharing a lone surname."""
    group, asked = set(keys), set()
    while True:
        members = store.keys_of_entities(set(store.entity_keys(group).values()))
        lone = {k.split(":", 1)[1].strip() for k in group if _person_name(k) and len(k.split(":", 1)[1].split()) == 1}
        surnames = store.person_keys_with_surname(lone - asked)
        asked |= lone
        grown = group | members.keys() | set(surnames)
        if grown == group:
            return group
        group = grown


def group_entities(
    surfaces: dict[str, Counter], labels: dict[str, Counter]
) -> tuple[list[tuple[Entity, bool]], dict[str, str]]:
    """Entities (each with whether a key names it as a news outlet) of the keys, and key -> entity id."""
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
        # The most used label, the first in order on ties: the same whatever order the reports came in.
        entity = _entity(root, names, min(label, key=lambda lb: (-label[lb], lb)))
        entities.append((entity, any(k.startswith("outlet:") for k in keys)))
        key_map.update({k: entity.id for k in keys})
    return entities, key_map


class _StoredMapping(Mapping[str, V]):
    """A mapping read from the store as needed (or given whole, in tests).

    `load` fetches many keys in one query; a key looked up alone is fetched alone; both are remembered,
    found or not.
    """

    def __init__(self, known: Mapping[str, V] | None = None, *, store: Store | None = None):
        self._known: dict[str, V] = dict(known or {})
        self._store = store
        self._absent: set[str] = set()

    def _stored(self, key: str) -> bool:
        """Whether the store may hold a (non-empty) `key`: asking for other keys is a wasted query."""
        return True

    def _fetch(self, store: Store, keys: set[str]) -> dict[str, V]:
        raise NotImplementedError

    def load(self, keys: Iterable[str]) -> None:
        wanted = {k for k in keys if k and self._stored(k) and k not in self._known and k not in self._absent}
        if self._store is not None and wanted:
            found = self._fetch(self._store, wanted)
            self._known.update(found)
            self._absent |= wanted - found.keys()

    def __getitem__(self, key: str) -> V:
        if key not in self._known:  # asked for every cell of every version matrix: known keys stay a dict lookup
            self.load([key])
        return self._known[key]

    # `get` and `in` without Mapping's raise-and-catch of a KeyError: most keys a link asks about are absent
    # ("" for a mention without a place, claimed figures), and the exception cost more than the lookup.
    def get(self, key: str, default: V | None = None) -> V | None:
        if key not in self._known and key not in self._absent:
            self.load([key])
        return self._known.get(key, default)

    def __contains__(self, key: object) -> bool:
        if key not in self._known and key not in self._absent and isinstance(key, str):
            self.load([key])
        return key in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._known)

    def __len__(self) -> int:
        return len(self._known)


class EntityIndex(_StoredMapping[str]):
    """Alias key -> entity id."""

    def __init__(self, known: Mapping[str, str] | None = None, *, store: Store | None = None):
        super().__init__(known, store=store)
        self._named: dict[str, str | None] = {}
        self._outlets: dict[str, bool] = {}

    @classmethod
    def of(cls, entity_of: Mapping[str, str]) -> "EntityIndex":
        return entity_of if isinstance(entity_of, EntityIndex) else cls(entity_of)

    def _fetch(self, store: Store, keys: set[str]) -> dict[str, str]:
        return store.entity_keys(keys)

    def load_names(self, names: Iterable[str]) -> None:
        """Look up many folded names at once (see `named`)."""
        wanted = {n for n in names if n not in self._named}
        if self._store is not None and wanted:
            found = self._store.keys_named(wanted)
            self._named.update({n: found.get(n) for n in wanted})

    def named(self, folded: str) -> str | None:
        """The entity of the first key (in key order) whose name is `folded`, whatever its kind."""
        if folded not in self._named:
            if self._store is not None:
                self._named[folded] = self._store.keys_named([folded]).get(folded)
            else:
                keys = sorted(k for k in self._known if k.split(":", 1)[-1] == folded)
                self._named[folded] = self._known[keys[0]] if keys else None
        return self._named[folded]

    def load_outlets(self, ids: Iterable[str]) -> None:
        """Learn at once which of many entities are news outlets (see `is_outlet`)."""
        wanted = {i for i in ids if i not in self._outlets}
        if self._store is not None and wanted:
            outlets = self._store.outlets(wanted)
            self._outlets.update({i: i in outlets for i in wanted})

    def is_outlet(self, entity_id: str) -> bool:
        if entity_id not in self._outlets:
            if self._store is not None:
                self._outlets[entity_id] = bool(self._store.outlets([entity_id]))
            else:
                self._outlets[entity_id] = any(
                    e == entity_id and k.startswith("outlet:") for k, e in self._known.items()
                )
        return self._outlets[entity_id]


class EntityRecords(_StoredMapping[Entity]):
    """Entity id -> entity."""

    def __init__(self, known: Mapping[str, Entity] | None = None, *, store: Store | None = None):
        super().__init__(known, store=store)
        self._countries: dict[str, list[tuple[str, str]]] = {}

    @classmethod
    def of(cls, entities: Mapping[str, Entity]) -> "EntityRecords":
        return entities if isinstance(entities, EntityRecords) else cls(entities)

    def _stored(self, key: str) -> bool:
        # Claimed values (figures, dates) are looked up too: only ids of entities' shape go to the store.
        return key.startswith(ENTITY_PREFIX)

    def _fetch(self, store: Store, keys: set[str]) -> dict[str, Entity]:
        return {e.id: e for e in store.entities(keys)}

    def load_places(self, stems: Iterable[str]) -> None:
        """Look up many name beginnings at once (see `places_starting`)."""
        wanted = {s for s in stems if s not in self._countries}
        if self._store is not None and wanted:
            found: dict[str, list[tuple[str, str]]] = {s: [] for s in wanted}
            for stem, entity_id, name in self._store.places_starting(wanted):
                found[stem].append((entity_id, name))
            self._countries.update(found)

    def places_starting(self, stem: str) -> list[tuple[str, str]]:
        """(id, name) of the GPE entities whose folded name begins with `stem`."""
        if stem not in self._countries:
            if self._store is not None:
                self._countries[stem] = [(i, n) for _, i, n in self._store.places_starting([stem])]
            else:
                self._countries[stem] = [
                    (e.id, e.name) for e in self._known.values() if e.type == "GPE" and fold(e.name).startswith(stem)
                ]
        return self._countries[stem]


def _entity(root: str, names: Counter, label: str) -> Entity:
    # A person's longest frequent form reads best ("Vladimir Putin" over "Putin"); a group or place is
    # called what the reports mostly call it, spelled out ("Northern Front" over "NF" or "ISIS-K", and over its rarer
    # "... for Liberation").
    top = max(names.values())
    frequent = [n for n, c in names.items() if c * 3 >= top]
    if label == "PERSON":
        name = max(frequent, key=lambda n: (len(n.split()), names[n], n))
    else:
        name = max(frequent, key=lambda n: (any(c.islower() for c in n), names[n], len(n.split()), n))
    entity_id = ENTITY_PREFIX + hashlib.sha1(root.encode()).hexdigest()[:12]
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
    """Union keys that name one thing: a lone surname with a full name, near-identical spellings, and the
    variants of `link/name_variants.py` (one name under two kinds, acronyms, longer forms)."""
    groups = DisjointSet(surfaces)

    persons = [k for k in surfaces if k.startswith("person:")]
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in persons:
        words = key.split(":", 1)[1].split()
        if len(words) > 1:
            by_surname[words[-1]].append(key)
    for key in persons:
        words = key.split(":", 1)[1].split()
        if len(words) == 1 and len(by_surname.get(words[0], [])) == 1:
            groups.merge(key, by_surname[words[0]][0])
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
                    groups.merge(a, b)
    for a, b in variant_pairs(surfaces):
        groups.merge(a, b)
    # A group is named after its shortest key (then the first in order), whatever order keys joined in.
    root: dict[str, str] = {}
    for keys in groups.subsets():
        root.update(dict.fromkeys(keys, min(keys, key=lambda k: (len(k), k))))
    return root

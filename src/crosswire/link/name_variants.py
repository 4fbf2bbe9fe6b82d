"""Names of one thing that exact and fuzzy spelling miss: mislabelled kinds, acronyms, longer forms.

The small NER model calls one town a place in one sentence and an organisation in the next; reports
shorten "Northern Front" to "NF" and lengthen it to "Northern Front for Liberation". Each rule here
proposes pairs of alias keys to join, and only where the match is unambiguous.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping

# Kinds whose labels the model confuses with each other (a town as ORG, a person as GPE).
NAMED_KINDS = frozenset({"person", "org", "place"})
ORG_KINDS = frozenset({"org"})
JOINING_WORDS = frozenset({"of", "the", "for", "and", "in", "de", "al"})
# A longer form continues the shorter name with one of these ("Front for Liberation", "Court of Appeal").
EXTENSION_WORDS = frozenset({"for", "of", "in", "against"})
ACRONYM_LENGTH = (2, 6)


def variant_pairs(surfaces: Mapping[str, Counter]) -> Iterator[tuple[str, str]]:
    """Pairs of alias keys (kind:name) that name one thing; `surfaces` holds each key's spellings."""
    yield from _same_name_other_kind(surfaces)
    yield from _acronyms(surfaces)
    yield from _extensions(surfaces)


def variant_keys(keys: Iterable[str]) -> tuple[set[str], set[str]]:
    """What stored keys new keys could be variants of: (folded names, folded name prefixes).

    A name under any kind; a name's initials and the name cut before "for/of/in/against"; for a name, its
    longer forms (prefix "name "); for an acronym, the names starting with its first letter.
    """
    names, prefixes = set(), set()
    for key in keys:
        kind, name = _split(key)
        if kind not in NAMED_KINDS:
            continue
        names.add(name)
        words = name.split()
        if kind in ORG_KINDS:
            prefixes.add(name + " ")
            significant = [w for w in words if w not in JOINING_WORDS]
            if len(significant) >= 2:
                names.add("".join(w[0] for w in significant))
            names.update(" ".join(words[:cut]) for cut in range(2, len(words)) if words[cut] in EXTENSION_WORDS)
            if name.isalpha() and ACRONYM_LENGTH[0] <= len(name) <= ACRONYM_LENGTH[1] and " " not in name:
                prefixes.add(name[0])
    return names, prefixes


def _split(key: str) -> tuple[str, str]:
    kind, _, name = key.partition(":")
    return kind, name


def _same_name_other_kind(surfaces: Mapping[str, Counter]) -> Iterator[tuple[str, str]]:
    by_name: dict[str, list[str]] = defaultdict(list)
    for key in surfaces:
        kind, name = _split(key)
        if kind in NAMED_KINDS:
            by_name[name].append(key)
    for keys in by_name.values():
        for other in keys[1:]:
            yield keys[0], other


def _acronyms(surfaces: Mapping[str, Counter]) -> Iterator[tuple[str, str]]:
    """'NF' and 'Northern Front': an all-capitals name equal to the initials of exactly one longer name."""
    initials: dict[str, list[str]] = defaultdict(list)
    for key, spellings in surfaces.items():
        kind, _ = _split(key)
        words = spellings.most_common(1)[0][0].split()
        significant = [w for w in words if w.lower() not in JOINING_WORDS]
        if kind in ORG_KINDS and len(significant) >= 2 and all(w[:1].isupper() for w in significant):
            initials["".join(w[0] for w in significant)].append(key)
    for key, spellings in surfaces.items():
        kind, _ = _split(key)
        short = spellings.most_common(1)[0][0]
        if kind in ORG_KINDS and short.isalpha() and short.isupper() and ACRONYM_LENGTH[0] <= len(short) <= ACRONYM_LENGTH[1]:
            if len(expansions := initials.get(short, [])) == 1:
                yield key, expansions[0]


def _extensions(surfaces: Mapping[str, Counter]) -> Iterator[tuple[str, str]]:
    """'Northern Front' and 'Northern Front for Liberation': a name of two words or more, continued by 'for ...'."""
    names = {_split(k)[1]: k for k in surfaces if _split(k)[0] in ORG_KINDS}
    for name, key in names.items():
        words = name.split()
        for cut in range(len(words) - 1, 1, -1):
            if words[cut] in EXTENSION_WORDS and (shorter := names.get(" ".join(words[:cut]))):
                yield shorter, key
                break

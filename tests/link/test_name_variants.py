"""Names of one thing that spelling alone misses: mislabelled kinds, acronyms, longer forms."""

from collections import Counter

from crosswire.link.name_variants import variant_pairs


def _pairs(spellings: dict[str, str]) -> set[frozenset[str]]:
    return {frozenset(pair) for pair in variant_pairs({key: Counter({text: 1}) for key, text in spellings.items()})}


def test_one_name_under_two_kinds_is_one_thing():
    assert _pairs({"place:halvik": "Halvik", "org:halvik": "Halvik"}) == {frozenset({"place:halvik", "org:halvik"})}


def test_an_acronym_joins_the_only_name_with_its_initials():
    pairs = _pairs({"org:nf": "NF", "org:northern front": "Northern Front", "org:national guard": "National Guard"})
    assert pairs == {frozenset({"org:nf", "org:northern front"})}


def test_an_acronym_with_two_possible_expansions_joins_neither():
    assert _pairs({"org:nf": "NF", "org:northern front": "Northern Front", "org:national front": "National Front"}) == set()


def test_a_longer_form_continued_by_for_or_of_joins_the_shorter_name():
    pairs = _pairs({"org:northern front": "Northern Front", "org:northern front for liberation": "Northern Front for Liberation"})
    assert pairs == {frozenset({"org:northern front", "org:northern front for liberation"})}


def test_one_word_names_and_people_are_not_extended_or_abbreviated():
    assert _pairs({"org:post": "Post", "org:post of halvik": "Post of Halvik"}) == set()
    assert _pairs({"person:jd": "JD", "person:john doe": "John Doe"}) == set()

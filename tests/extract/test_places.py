"""The offline gazetteer: names at several scales resolve, and related places are found related."""

import pytest

from crosswire.extract.places import distance_km, lookup, relation


@pytest.mark.parametrize(("name", "kind", "country"), [
    ("Krasnogorsk", "city", "RU"), ("Moscow", "city", "RU"), ("the Moscow Region", "region", "RU"),
    ("Moscow Oblast", "region", "RU"), ("Kerman province", "region", "IR"), ("Russia", "country", "RU"),
    ("USA", "country", "US"), ("Texas", "state", "US"), ("New York", "city", "US"),
])
def test_names_resolve_at_their_scale(name, kind, country):
    place = lookup(name)
    assert place is not None and (place.kind, place.country) == (kind, country)


def test_unknown_names_resolve_to_nothing():
    assert lookup("Qwertzuiop") is None
    assert lookup("Qwertzuiop province") is None


def test_one_place_under_two_names_is_the_same_place():
    assert relation(lookup("USA"), lookup("United States")) == "same"
    assert relation(lookup("Moscow Oblast"), lookup("Moscow region")) == "same"


def test_a_town_outside_a_city_is_near_it_and_within_its_region_and_country():
    town, city, region = lookup("Krasnogorsk"), lookup("Moscow"), lookup("Moscow region")
    assert 10 < distance_km(town, city) < 40
    assert relation(town, city) == "near"
    assert relation(town, region) == "within"
    assert relation(town, lookup("Russia")) == "within"


def test_places_in_different_countries_or_far_apart_are_unrelated():
    assert relation(lookup("Krasnogorsk"), lookup("Kerman")) is None
    assert relation(lookup("Moscow"), lookup("Saint Petersburg")) is None
    assert relation(lookup("Moscow"), lookup("Kerman region")) is None

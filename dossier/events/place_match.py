"""Where two event frames may both be: place lookups and the compatibility rules fusion applies.

    places_compatible(a, b, loose, look) / place_contains(outer, inner, look) / place_rank(id, look)

A place id is looked up (by default in the project gazetteer, loaded on first use) to its kind,
country and coordinates. Two places are compatible when they are the same, one is a country holding
the other, or they lie within PLACE_NEAR_KM; a planned event (`loose`) may move within its country.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from dossier.geo.distance import great_circle_km

__all__ = [
    "PLACE_NEAR_KM",
    "PlaceInfo",
    "PlaceLookup",
    "gazetteer_places",
    "lookup_of",
    "place_contains",
    "place_rank",
    "places_compatible",
]

# Two named places this close are one venue (Russky Island campus and Vladivostok are ~15 km apart).
PLACE_NEAR_KM = 50.0
_KIND_RANK = {"site": 0, "city": 1, "region": 2, "country": 3}


@dataclass(frozen=True)
class PlaceInfo:
    kind: str  # country | region | city | site
    cc: str | None  # ISO 3166-1 alpha-2 of the country it lies in
    lat: float | None = None
    lon: float | None = None


PlaceLookup = Callable[[str], "PlaceInfo | None"]


def _from_id(place_id: str) -> PlaceInfo | None:
    if place_id.startswith("country:"):
        return PlaceInfo("country", place_id.split(":", 1)[1].upper())
    return None


@lru_cache(maxsize=4096)
def _gazetteer_info(place_id: str) -> PlaceInfo | None:
    try:
        from dossier.geo.gazetteer import load_gazetteer

        p = load_gazetteer().get(place_id)
    except Exception:  # noqa: BLE001 - a missing or broken gazetteer only weakens place matching
        p = None
    if p is None:
        return _from_id(place_id)
    return PlaceInfo(p.kind, p.cc, p.lat, p.lon)


def gazetteer_places(place_id: str) -> PlaceInfo | None:
    """Default lookup: the project gazetteer (loaded on first use), else what the id itself says."""
    return _gazetteer_info(place_id)


def lookup_of(places: Mapping[str, PlaceInfo] | PlaceLookup | None) -> PlaceLookup:
    if places is None:
        return gazetteer_places
    if callable(places):
        return places
    return lambda pid: places.get(pid) or _from_id(pid)


def _km(a: PlaceInfo, b: PlaceInfo) -> float | None:
    """Distance between two places, None when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)


def places_compatible(a: str | None, b: str | None, loose: bool, look: PlaceLookup) -> bool:
    if a is None or b is None or a == b:
        return True
    ia, ib = look(a), look(b)
    if ia is None or ib is None:
        return False
    if ia.kind == "country" or ib.kind == "country":
        return bool(ia.cc) and ia.cc == ib.cc
    d = _km(ia, ib)
    if d is not None and d <= PLACE_NEAR_KM:
        return True
    # a plan names where it is expected; the event may happen elsewhere in that country
    return loose and bool(ia.cc) and ia.cc == ib.cc


def place_contains(outer: str, inner: str, look: PlaceLookup) -> bool:
    if outer == inner:
        return True
    io, ii = look(outer), look(inner)
    if io is None or ii is None:
        return False
    if io.kind == "country":
        return ii.kind != "country" and io.cc == ii.cc
    d = _km(io, ii)
    return d is not None and d <= PLACE_NEAR_KM


def place_rank(pid: str, look: PlaceLookup) -> int:
    info = look(pid)
    return _KIND_RANK.get(info.kind, 2) if info else 2


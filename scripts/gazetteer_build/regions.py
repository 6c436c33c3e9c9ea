"""First-level regions of every country, and Korean second-level units, from countrystatecity.

Reads the PyPI package `countrystatecity-countries` (ODbL 1.0, build time only): its states.json per
country (name, type, native name, ISO 3166-2 code, point), and, for Korea, the gun/gu/si units it
lists among its cities. Each region then gets the Natural Earth admin-1 names of its code (admin1),
CLDR's names of a few units Natural Earth lacks (data/gazetteer/sources/cldr_subdivisions.json), and
Korea's old undivided provinces are derived from their north/south halves. Regions curated in
data/kb/sites.yaml are skipped here: the curated entry, with its sources, is the one kept.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from dossier.geo.gazetteer import place_key
from dossier.geo.transliterate import revised_romanization_to_hangul
from dossier.text.scripts import first_script

from . import OUT_DIR, ROOT
from .admin1 import load_natural_earth_admin1, merge_natural_earth_names, natural_earth_only_regions
from .korean import is_divided_province, korean_province_short_forms, likeliest_reading

# Romanised Korean second-level suffixes as the source writes them ("Goheung-gun") and how English
# news writes the same unit ("Goheung County"): gun = county, gu = district, si = city.
KO_UNIT_SUFFIXES = {"gun": "County", "gu": "District", "si": "City"}
KO_UNITS_HANGUL = {"gun": "군", "gu": "구", "si": "시"}
# Region types whose English name is also written with the type after it ("Gyeonggi Province").
TYPED_NAMES = ("province", "state", "region", "prefecture", "county", "district", "governorate",
               "department", "oblast", "krai", "territory", "union territory")


def csc_data_dir() -> Path:
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


# CLDR's own names of a few units (England, Scotland, Wales: 잉글랜드, इंग्लैंड), which Natural Earth's
# admin-1 (counties, for the UK) does not have; scripts/extract_cldr_subdivisions.py
CLDR_SUBDIVISIONS = OUT_DIR / "sources" / "cldr_subdivisions.json"


def load_regions(ko_syllables: Counter[str] | None = None) -> list[dict]:
    """Every first-level region of every country, plus the Korean gun/gu/si units the source lists
    among its cities. Native names are kept only in a non-Latin script: the source's Latin "native"
    names are sometimes wrong (Alaska: "Down")."""
    base = csc_data_dir()
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
                merge_natural_earth_names(region, ne[st["iso3166_2"]])
            for lang, cldr_names in cldr.get(st.get("iso3166_2") or "", {}).items():
                region["names"].setdefault(lang, []).extend(cldr_names)
            out.append(region)
            if cc in ("KR", "KP"):
                out.extend(_korean_units(states_file.parent / "states" / str(st["state_code"]), cc, st,
                                         ko_syllables or Counter()))
    out.extend(natural_earth_only_regions(ne, merged, out))
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

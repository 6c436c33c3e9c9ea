"""Names of first-level regions in other languages, from Natural Earth's admin-1 table.

Reads data/gazetteer/sources/natural_earth_admin1.csv.gz (cut down by
scripts/extract_natural_earth_admin1.py): per ISO 3166-2 code, a unit's names in en/ko/hi/ja/zh/ru,
its type and a label point. countrystatecity (regions) has a region's English and native names only;
Korean and Hindi news name foreign regions too (플로리다주, फ़्लोरिडा, 간쑤성). Units whose code
countrystatecity lacks become regions of their own (natural_earth_only_regions).
"""

from __future__ import annotations

import csv
import gzip
import unicodedata

from dossier.geo.gazetteer import place_key
from dossier.text.scripts import first_script

from . import OUT_DIR
from .korean import korean_province_short_forms

# Natural Earth's admin-1 attribute table, cut to the columns read here by
# scripts/extract_natural_earth_admin1.py (no registry ships Natural Earth).
NE_ADMIN1 = OUT_DIR / "sources" / "natural_earth_admin1.csv.gz"
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


def merge_natural_earth_names(region: dict, row: dict) -> None:
    names, stems = natural_earth_names(row)
    for lang, items in names.items():
        region["names"].setdefault(lang, []).extend(items)
    region["stems"].extend(stems)


def natural_earth_only_regions(ne: dict[str, dict], merged: set[str], regions: list[dict]) -> list[dict]:
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

"""Towns and districts of India and Nepal that GeoNames' city list lacks, from countrystatecity.

Reads the cities.json files of `countrystatecity-countries` (ODbL 1.0) for LISTED_TOWN_COUNTRIES:
Hindi news names districts and small towns (वायनाड, रुद्रप्रयाग) that GeoNames leaves out. Each gets a
point and no population; a name some built place already has is skipped.
"""

from __future__ import annotations

import json
import re

from dossier.geo.gazetteer import place_key

from .regions import csc_data_dir

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
    base = csc_data_dir()
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

"""The steps of the gazetteer build (scripts/build_gazetteer.py, which runs them), one module each:

  geometry      a point inside each country and its bounding box, from the basemap's outlines
  countries     GeoNames' countries with every CLDR name and their other names
  regions       first-level regions (countrystatecity), Korean gun/gu/si, the old undivided provinces
  admin1        Natural Earth's names of those regions in other languages
  cities        GeoNames' cities with their alternate names
  korean        Korean names derived by rule: readings of romanised names, short forms, bare stems
  towns         towns and districts of India and Nepal that GeoNames' list lacks (countrystatecity)
  airports      airports with an IATA code (airportsdata) and the names news gives them
  keys          name variants no source lists, and names folded to lookup keys
  common_words  city and region names the NER corpora mostly use as something else

Named for the build rather than its sources: geometry, korean and keys read no source of their own.
Imported as scripts.gazetteer_build (the entry point puts the repository root on sys.path for
`dossier`, which makes `scripts` a namespace package), so the tests import the same modules.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "data" / "gazetteer"

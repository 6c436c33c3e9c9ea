"""English demonyms of every country ("Belarusian", "Jamaican"), for data/kb (dossier/linking/kb.py).

A demonym before a name is read like a title ("Belarusian Nadezhda Ostapchuk") and is never a mention
of the country; the hand list in data/kb/country_aliases.yaml (`not_mentions`) had fifteen. The npm
package `world-countries` (mledoze/countries, ODbL 1.0) gives the English demonym of 250 countries:

  npm pack world-countries@5.1.0 && mkdir wc && tar xzf world-countries-5.1.0.tgz -C wc
  python scripts/extract_demonyms.py wc/package

Writes data/kb/sources/demonyms.json: {"<ISO2>": ["<demonym>", ...]} (masculine and feminine forms
where they differ). Attribution (ODbL 1.0): "world-countries by Mohammed Le Doze, ODbL 1.0".
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "kb" / "sources" / "demonyms.json"


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    base = Path(sys.argv[1])
    version = json.loads((base / "package.json").read_text(encoding="utf-8"))["version"]
    out: dict[str, list[str]] = {}
    for country in json.loads((base / "countries.json").read_text(encoding="utf-8")):
        eng = (country.get("demonyms") or {}).get("eng") or {}
        # "Antiguan, Barbudan", "Kittitian or Nevisian": two demonyms; a "demonym" that is the
        # country's own name (Gibraltar, Djibouti, Vatican) is a place, not an adjective
        names = {country["name"]["common"], country["name"]["official"], *country.get("altSpellings", ())}
        forms = sorted({f.strip() for v in eng.values() if v for f in re.split(r",\s*|\s+or\s+", v)
                        if f.strip() and f.strip() not in names})
        if forms:
            out[country["cca2"]] = forms
    doc = {"source": f"npm world-countries {version} (mledoze/countries, ODbL 1.0), demonyms.eng",
           "en": dict(sorted(out.items()))}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(out)} countries -> {OUT}")


if __name__ == "__main__":
    main()

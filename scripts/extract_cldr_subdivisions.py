"""Cut Unicode CLDR's subdivision names down to the product's languages, for scripts/build_gazetteer.py.

CLDR names a few first-level units in many languages (England, Scotland and Wales in Korean, Hindi,
Japanese, Chinese and Russian: 잉글랜드, इंग्लैंड); no Python package ships them, the npm package
`cldr-subdivisions-full` does (Unicode licence). Run on its unpacked folder:

  npm pack cldr-subdivisions-full@48.2.0 && tar xzf cldr-subdivisions-full-48.2.0.tgz
  python scripts/extract_cldr_subdivisions.py package

Writes data/gazetteer/sources/cldr_subdivisions.json: {"<ISO 3166-2 code>": {"<lang>": [name]}}.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "gazetteer" / "sources" / "cldr_subdivisions.json"
LANGS = ("ko", "hi", "ja", "zh", "ru")


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    base = Path(sys.argv[1])
    version = json.loads((base / "package.json").read_text(encoding="utf-8"))["version"]
    out: dict[str, dict[str, list[str]]] = {}
    for lang in LANGS:
        doc = json.loads((base / "subdivisions" / lang / f"{lang}.json").read_text(encoding="utf-8"))
        for code, name in doc["subdivisions"]["localeDisplayNames"]["subdivisions"].items():
            iso = f"{code[:2].upper()}-{code[2:].upper()}"  # "gbeng" -> "GB-ENG"
            out.setdefault(iso, {}).setdefault(lang, []).append(name)
    doc = {"source": f"npm cldr-subdivisions-full {version} (Unicode licence)", "names": out}
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(out)} subdivisions -> {OUT}")


if __name__ == "__main__":
    main()

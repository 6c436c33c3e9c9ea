"""Collect the other names countries go by, for scripts/build_gazetteer.py.

Babel gives each CLDR locale's one current name per country, so a Korean archive's 터키 (Turkey before
2022, now 튀르키예), Hindi's तुर्की or 스와질란드 were never places. Two maintained npm packages carry
the other names news uses:

* `i18n-iso-countries` (MIT): country names in ~80 languages, several per country where usage differs
  (Turkey/Türkiye, 터키, तुर्की, Czechia/Czech Republic);
* `cldr-localenames-full` (Unicode licence): CLDR's "variant" and "short" names beside the main one
  (Ivory Coast, East Timor, 한국, अमेरिका), which Babel does not expose.

A third, from PyPI: Debian's `iso-codes` translations of the ISO 3166-1 names as `pycountry` ships them
(LGPL-2.1): the short, common and official names in each language (타이완, which VOA Korean writes
for Taiwan where CLDR has 대만; 중화인민공화국; रूसी संघ, कजाकिस्तान).

  npm pack i18n-iso-countries@7.14.0 cldr-localenames-full@48.2.0
  mkdir i18n cldr && tar xzf i18n-iso-countries-7.14.0.tgz -C i18n && tar xzf cldr-localenames-full-48.2.0.tgz -C cldr
  pip download --no-deps pycountry==26.2.16 && mkdir pyc && unzip -q pycountry-26.2.16-py3-none-any.whl -d pyc
  python scripts/extract_country_aliases.py i18n/package cldr/package pyc/pycountry

npm checks each tarball against the registry's integrity hash; the ones used had sha256
bb418ebfb965789f… (i18n-iso-countries-7.14.0.tgz) and 7f2ac7fd3b5d90f5… (cldr-localenames-full-48.2.0.tgz);
pip checks the wheel against the index's hash: 115c4baf7cceaa30… (pycountry-26.2.16-py3-none-any.whl).

Writes data/gazetteer/sources/country_aliases.json: {"<ISO2>": {"<lang>": [name, ...]}}, names as the
sources write them (the build splits parentheses and normalises).
"""

from __future__ import annotations

import gettext
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "gazetteer" / "sources" / "country_aliases.json"
CLDR_ALT_KINDS = ("-alt-variant", "-alt-short")
# The product's languages and the three it reads without an NER model; other locales' names would only
# grow the file (Babel already gives every locale's main name).
LANGS = ("en", "ko", "hi", "ja", "zh", "ru")


def i18n_names(base: Path) -> dict[str, dict[str, set[str]]]:
    out: dict[str, dict[str, set[str]]] = {}
    for path in sorted((base / "langs").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        lang = doc["locale"]
        if lang not in LANGS:
            continue
        for iso, names in doc["countries"].items():
            for name in [names] if isinstance(names, str) else names:
                out.setdefault(iso, {}).setdefault(lang, set()).add(name)
    return out


def cldr_alt_names(base: Path, out: dict[str, dict[str, set[str]]]) -> None:
    for path in sorted((base / "main").glob("*/territories.json")):
        locale = path.parent.name
        lang = locale.split("-")[0]
        if lang not in LANGS:
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        for code, name in doc["main"][locale]["localeDisplayNames"]["territories"].items():
            iso, _, alt = code.partition("-alt-")
            if alt and f"-alt-{alt}" in CLDR_ALT_KINDS and len(iso) == 2 and iso.isalpha():
                out.setdefault(iso, {}).setdefault(lang, set()).add(name)


# pycountry's locale folder per language of LANGS (Chinese: the simplified-script catalogue)
ISO_CODES_LOCALES = {"en": None, "ko": "ko", "hi": "hi", "ja": "ja", "zh": "zh_CN", "ru": "ru"}
ISO_NAME_FIELDS = ("name", "common_name", "official_name")


def iso_codes_names(pycountry_dir: Path, out: dict[str, dict[str, set[str]]]) -> None:
    """The ISO 3166-1 names (short, common, official) in each language's iso-codes catalogue; a name
    the catalogue leaves untranslated is skipped (it would be English under another language's label)."""
    entries = json.loads((pycountry_dir / "databases" / "iso3166-1.json").read_text(encoding="utf-8"))["3166-1"]
    for lang, folder in ISO_CODES_LOCALES.items():
        if folder is None:
            continue
        catalogue = gettext.translation("iso3166-1", localedir=str(pycountry_dir / "locales"), languages=[folder])
        for entry in entries:
            for field in ISO_NAME_FIELDS:
                english = entry.get(field)
                translated = catalogue.gettext(english) if english else None
                if translated and translated != english:
                    out.setdefault(entry["alpha_2"], {}).setdefault(lang, set()).add(translated)


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    i18n, cldr, pyc = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    versions = [json.loads((p / "package.json").read_text(encoding="utf-8"))["version"] for p in (i18n, cldr)]
    pyc_version = next(pyc.parent.glob("pycountry-*.dist-info")).name.removeprefix("pycountry-").removesuffix(".dist-info")
    names = i18n_names(i18n)
    cldr_alt_names(cldr, names)
    iso_codes_names(pyc, names)
    doc = {"source": f"npm i18n-iso-countries {versions[0]} (MIT); npm cldr-localenames-full {versions[1]} "
                     "(Unicode licence), territory names marked alt-variant and alt-short; "
                     f"PyPI pycountry {pyc_version}, iso-codes translations of ISO 3166-1 names (LGPL-2.1)",
           "names": {iso: {lang: sorted(v) for lang, v in sorted(per.items())} for iso, per in sorted(names.items())}}
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(names)} countries, {sum(len(v) for p in names.values() for v in p.values())} names -> {OUT}")


if __name__ == "__main__":
    main()

"""A place's names as lookup keys, and the variants of them news writes that no source lists.

Reads nothing: it works on the names the other modules gathered. The variants (a name without the
Arabic article, Hindi's older ा for ॉ and its three words for "and") are offered to the build, which
keeps one only where no other place has it. names_to_keys folds every name with
dossier.geo.gazetteer.place_key, the app's own function, so loading needs no per-name Unicode work.
"""

from __future__ import annotations

import re

from dossier.geo.gazetteer import place_key
from dossier.text.scripts import first_script

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

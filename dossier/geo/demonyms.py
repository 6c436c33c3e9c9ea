"""Countries a text names by their people ("the Greek debt crisis", "Brazilian officials"): evidence for
the places of an article like the country's own name, read by dossier.geo.places. English only: Korean
and Hindi write the country's name itself (그리스 부채 위기). The demonyms are world-countries' (ODbL 1.0),
as the knowledge base reads them (dossier.linking.kb.english_demonyms)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from dossier.geo.gazetteer import load_gazetteer
from dossier.linking.kb import english_demonyms


@lru_cache(maxsize=1)
def _demonym_pattern() -> tuple[re.Pattern, dict[str, str]] | None:
    """Each English demonym and the one country it names: where several countries share one
    ("American": the United States, the Northern Mariana Islands), the most populous."""
    per_country = english_demonyms()
    if not per_country:
        return None
    gaz = load_gazetteer()
    population = {p.cc: p.population for p in gaz.places.values() if p.kind == "country"}
    country_of: dict[str, str] = {}
    for cc, words in per_country.items():
        for word in words:
            if word not in country_of or population.get(cc, 0) > population.get(country_of[word], 0):
                country_of[word] = cc
    if not country_of:
        return None
    words = sorted(country_of, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b"), country_of


def demonym_countries(text: str, lang: str) -> Counter[str]:
    """Countries an English text names by their people's adjective ("the Greek debt crisis"): support
    for places in them, like the country's name (Athens, not Athens, Georgia, in a story from
    Washington about Greece)."""
    found: Counter[str] = Counter()
    compiled = _demonym_pattern() if lang == "en" else None
    if compiled is None:
        return found
    pattern, country_of = compiled
    for m in pattern.finditer(text):
        found[country_of[m.group(1)]] += 1
    return found

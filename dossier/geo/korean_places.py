"""Korean place names: what a Hangul word needs before it is read as a place.

Korean writes foreign places by sound (뉴욕, 블라디보스토크) and glues particles and nouns to them
(미국정부는, 북-러간), and many two-syllable names of foreign towns are everyday words too (크루
"crew" = Crewe; 위해 "for" = Weihai). dossier.geo.places asks these questions of each Hangul word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dossier.geo.gazetteer import Candidate, Gazetteer, place_key
from dossier.geo.resolve import Mention
from dossier.linking.kb import load_kb
from dossier.text.scripts import HANGUL_FIRST, HANGUL_LAST, first_script, is_hangul

_SYLLABLE = f"[{HANGUL_FIRST}-{HANGUL_LAST}]"
_KO_SYLLABLE_CHAIN = re.compile(rf"{_SYLLABLE}(?:\s?[·・‧ㆍ\-]\s?{_SYLLABLE})+")
_HANGUL_RUN = re.compile(f"{_SYLLABLE}+")


def syllable_chains(gaz: Gazetteer, rules: dict, text: str) -> list[Mention]:
    """한·미·일, 북-러: one-syllable country abbreviations chained by middle dots or hyphens."""
    out: list[Mention] = []
    for m in _KO_SYLLABLE_CHAIN.finditer(text):
        a, b = m.start(), m.end()
        if (a > 0 and is_hangul(text[a - 1])) or (b < len(text) and is_hangul(text[b])
                                                   and not _is_particle_tail(rules, text, b)):
            continue
        positions = [k for k in range(a, b) if is_hangul(text[k])]
        # the knowledge base's one table of one-syllable country abbreviations, read only where a
        # chain is written (the gazetteer does not load the knowledge base)
        syllables = load_kb().rules.syllables.get("ko", {})
        pids = [syllables.get(text[k]) for k in positions]
        if len(positions) < 2 or not all(pids):
            continue
        for k, pid in zip(positions, pids):
            p = gaz.get(pid)
            if p is not None:
                out.append(Mention(k, k + 1, text[k], [Candidate(p, text[k], "ko", 1.0, "exact")]))
    return out


def _is_particle_tail(rules: dict, text: str, pos: int) -> bool:
    """The Hangul after a chain is a relation word or particle (한·미·일 정상, 북-러간, 한·미의)."""
    rest = _HANGUL_RUN.match(text, pos).group(0)
    return rest in rules["ko_suffixes"] or rest.startswith(rules["compound_followers"])


# Two-syllable Hangul names of cities this big are found without their country named (뉴욕, 런던, 서울),
# except in the countries whose Korean city names are Sino-Korean readings of the characters, which are
# everyday words too (위해 Weihai = "for", 연대 Yantai = "solidarity", 상해 Shanghai = "injury").
KO_WORLD_CITY_POP = 1_200_000  # 서울, 부산, 수원 too; not 우파 (Ufa, 1.1M, "the right wing"), 고양 (1.06M)
SINO_KOREAN_READINGS = frozenset({"CN", "TW", "HK", "MO"})


def city_unit_follows(rules: dict, text: str, toks: list[tuple[int, int]], j: int) -> bool:
    """The next word is the unit 시 (city), alone or with a particle: "양곤 시", "양곤 시에서"."""
    if j + 1 >= len(toks):
        return False
    word = text[toks[j + 1][0]:toks[j + 1][1]]
    return word == "시" or (word[:1] == "시" and word[1:] in rules["ko_suffixes"])


@lru_cache(maxsize=4)
def longest_compounds_first(gaz: Gazetteer) -> tuple[str, ...]:
    return tuple(sorted(gaz.ko_compounds, key=len, reverse=True))


def country_glued_to_noun(gaz: Gazetteer, rules: dict, word: str, start: int) -> list[Mention]:
    """A country's Korean name glued to the noun after it ("미국정부는", "일본당국"), as Korean writes
    it without a space: the country, where the rest of the word begins with one of
    `ko_country_followers` (matching.yaml). Only countries: a town's name glued to a noun is as
    often the start of another word."""
    for k in range(len(word) - 1, 1, -1):
        rest = word[k:]
        if not rest.startswith(rules["country_followers"]):
            continue
        key = place_key(word[:k])
        cands = [c for c in gaz._candidates(key, 1.0, "exact") if c.place.kind == "country" and c.lang in ("ko", "*")]
        if cands:
            return [Mention(start, start + k, key, cands)]
    return []


def world_cities(cands: list[Candidate]) -> list[Candidate]:
    """The candidates a two-syllable Hangul name means without its country named: world cities whose
    Korean name is not a Sino-Korean reading (뉴욕, 런던; not 상해)."""
    return [c for c in cands if c.place.population >= KO_WORLD_CITY_POP and c.place.cc not in SINO_KOREAN_READINGS]


def foreign_word_like(key: str, cands: list[Candidate]) -> bool:
    """Two Hangul syllables naming only foreign towns, none a world city: as often an everyday word
    (크루 "crew", Crewe) as the town, so the article must name the town's country or a place near it."""
    return first_script(key) == "HANGUL" and len(key) <= 2 and not world_cities(cands) \
        and all(c.place.cc not in ("KR", "KP") for c in cands)

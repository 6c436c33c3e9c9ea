"""Words next to a name that say it is a place, and which one: "the port of Valparaiso", "the city of X",
"नेपाल की राजधानी X", "러시아 소치" (a foreign town after its country). The cue words live in
data/gazetteer/matching.yaml (`place_cues`, `town_cues`); dossier.geo.places applies them to its mentions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dossier.geo.gazetteer import Gazetteer, load_gazetteer, place_key
from dossier.geo.resolve import Mention

_LOOK_BACK = 40  # characters before a name searched for a cue
_PREVIOUS_WORD = re.compile(r"([\w\u0900-\u097f]+)[\s,]*$")


def cue_pattern(*lists: dict | None) -> re.Pattern:
    """Any of the cue words (per language, as in matching.yaml) ending the text before a name, then
    spaces or a comma; case-insensitive. Matches nothing when there are no cue words."""
    cues = sorted({c for per_lang in lists for words in (per_lang or {}).values() for c in words}, key=len,
                  reverse=True)
    if not cues:
        return re.compile(r"(?!)")
    return re.compile(r"(?:^|[^\w\u0900-\u097f])(?:" + "|".join(map(re.escape, cues)) + r")[\s,]+$",
                      re.IGNORECASE)


@lru_cache(maxsize=8)
def cue_words(lang: str) -> frozenset[str]:
    """The words and phrases of `place_cues` and `town_cues` in one language ("수도", "capital", "town
    of"): read by the geoparser, and by the name repairs ("수도 워싱턴" taken for a person)."""
    rules = load_gazetteer().rules
    return frozenset(c for key in ("place_cues", "town_cues") for c in (rules.get(key) or {}).get(lang, ()))


def cue_before(rules: dict, text: str, start: int) -> bool:
    """Does a place cue ("the town of", "राजधानी", "수도") end the text before `start`?"""
    return rules["cue_pattern"].search(text[max(0, start - _LOOK_BACK):start]) is not None


def apply_cues(rules: dict, text: str, mentions: list[Mention]) -> None:
    """A mention after a place cue is not doubtful, even where an NER model called it a person or an
    organisation or the town is small; after a town cue ("the city of") only towns are candidates, not
    a region of the same name; after a region cue ("the state of") only regions, and the same name
    elsewhere in the article means that region too. `rules` holds the compiled `cue_pattern`,
    `town_cue_pattern` and `region_cue_pattern`."""
    region_keys: set[str] = set()
    for m in mentions:
        before = text[max(0, m.start - _LOOK_BACK):m.start]
        if m.weak and rules["cue_pattern"].search(before):
            m.weak = m.strong_only = False
        if rules["town_cue_pattern"].search(before):
            m.candidates = [c for c in m.candidates if c.place.kind == "city"] or m.candidates
        elif rules["region_cue_pattern"].search(before) and any(c.place.kind == "region" for c in m.candidates):
            region_keys.add(m.key)
    for m in mentions:
        if m.key in region_keys:
            regions = [c for c in m.candidates if c.place.kind == "region"] or m.candidates
            # "the state of Washington" is the state named so, not the district that name also stands for
            m.candidates = [c for c in regions if place_key(c.place.name) == m.key] or regions
            m.weak = m.strong_only = False


def country_named_before(gaz: Gazetteer, text: str, start: int, cue_words: frozenset[str] = frozenset(),
                         skip_words: frozenset[str] = frozenset()) -> set[str]:
    """Country codes named by the word right before `start` ("러시아 소치", "러시아의 소치"): news writes
    a foreign town after its country, which settles both that the word is a place and which namesake
    it is. One cue word may stand between them ("요르단 수도 암만", "요르단의 수도 암만": `cue_words`),
    and before it a part of the country (`skip_words`: "중국 중부 우한"). A first-level region there
    names its country as well ("후베이성 우한", "중국 중부 후베이성 우한")."""
    before = text[max(0, start - 30):start]
    m = _PREVIOUS_WORD.search(before)
    for skippable in (cue_words, skip_words):
        if m is not None and m.group(1) in skippable:
            m = _PREVIOUS_WORD.search(before[:m.start(1)])
    if m is None:
        return set()
    word = m.group(1)
    forms = [word] + [word[: -len(x)] for x in ("의",) if word.endswith(x) and len(word) > len(x)]
    for form in forms:
        cands = gaz.lookup(form)
        if cands and cands[0].place.kind == "country":
            return {cands[0].place.cc}
        regions = {c.place.cc for c in cands if c.place.kind == "region"}
        if cands and len(regions) == 1 and all(c.place.kind == "region" for c in cands):
            return regions
    return set()

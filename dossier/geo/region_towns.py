"""Towns named as part of their region: "केरल के वायनाड में" (in Kerala's Wayanad).

Hindi news names a district or small town after the state it lies in, joined by the genitive
(के, की, का). Many such towns have no Hindi name in any list the gazetteer reads, and some have no
population either (districts: वायनाड, रुद्रप्रयाग), so the scan and the NER-span path never reach
them. Written after its region, a word is a town of that region when its sound matches the Latin name
of a town there (`Gazetteer.phonetic`, any population): the region narrows thousands of small towns
to the few near it, which is what makes a match by sound safe. The region must be a first-level
region already found in the text, and the town must lie within `region_town_max_km` (matching.yaml)
of its point.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from dossier.geo.distance import great_circle_km
from dossier.geo.gazetteer import Gazetteer, GazPlace, place_key
from dossier.model import Place
from dossier.text.scripts import first_script

_MAX_WORDS = 2  # "पूर्वी चंपारण", "दक्षिण दिनाजपुर"


@lru_cache(maxsize=8)
def _genitive(markers: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(m) for m in markers)
    return re.compile(rf"\s+(?:{words})\s+")


def towns_of_regions(gaz: Gazetteer, rules: dict, text: str, tokens: list[tuple[int, int]],
                     places: list[Place], blocked: list[tuple[int, int]] = ()) -> list[Place]:
    """Places for the words after "<region> के" that sound like a town of that region. `blocked`:
    spans an NER model called a person or an organisation ("बिहार के नीतीश कुमार")."""
    markers = tuple((rules.get("region_town_markers") or {}).get("hi") or ())
    if not markers:
        return []
    genitive = _genitive(markers)
    max_km = float(rules.get("region_town_max_km", 400))
    taken = [(p.start, p.end) for p in places] + list(blocked)
    starts = {s: k for k, (s, _) in enumerate(tokens)}
    out: list[Place] = []
    for region in places:
        gp = gaz.places.get(region.place_id)
        if gp is None or gp.kind != "region" or first_script(region.text) != "DEVANAGARI":
            continue
        m = genitive.match(text, region.end)
        if m is None or m.end() not in starts:
            continue
        town = _town_after(gaz, rules, text, tokens, starts[m.end()], gp, max_km, taken)
        if town is not None:
            out.append(town)
            taken.append((town.start, town.end))
    return out


def towns_in_named_regions(gaz: Gazetteer, rules: dict, text: str, tokens: list[tuple[int, int]],
                           places: list[Place], blocked: list[tuple[int, int]] = ()) -> list[Place]:
    """Places for the words before a locative postposition ("भरुच में", in Bharuch) that sound like a
    town of a region the article names (गुजरात): the region is not beside the word, so only towns of
    `region_town_scan_min_population` or more count (Bharuch 169k, Ankleshwar 89k)."""
    after = tuple((rules.get("region_town_postpositions") or {}).get("hi") or ())
    regions = {p.place_id: gaz.places[p.place_id] for p in places if p.place_id in gaz.places
               and gaz.places[p.place_id].kind == "region" and first_script(p.text) == "DEVANAGARI"}
    if not after or not regions:
        return []
    max_km = float(rules.get("region_town_max_km", 400))
    min_population = int(rules.get("region_town_scan_min_population", 15000))
    taken = [(p.start, p.end) for p in places] + list(blocked)
    out: list[Place] = []
    for (s, e), (s2, e2) in pairwise(tokens):
        if text[s2:e2] in after and text[e:s2] == " ":
            town = _town_at(gaz, rules, text, s, e, list(regions.values()), max_km, taken, min_population)
            if town is not None:
                out.append(town)
                taken.append((town.start, town.end))
    return out


def _town_after(gaz: Gazetteer, rules: dict, text: str, tokens: list[tuple[int, int]], k: int,
                region: GazPlace, max_km: float, taken: list[tuple[int, int]]) -> Place | None:
    # the longer reading first: "पूर्वी चंपारण" before "पूर्वी"
    for n in range(min(_MAX_WORDS, len(tokens) - k), 0, -1):
        town = _town_at(gaz, rules, text, tokens[k][0], tokens[k + n - 1][1], [region], max_km, taken, 0)
        if town is not None:
            return town
    return None


def _town_at(gaz: Gazetteer, rules: dict, text: str, s: int, e: int, regions: list[GazPlace], max_km: float,
             taken: list[tuple[int, int]], min_population: int) -> Place | None:
    """The town of one of `regions` that text[s:e] sounds like, the nearest to its region."""
    word = text[s:e]
    if first_script(word) != "DEVANAGARI" or any(a < e and s < b for a, b in taken):
        return None
    key = place_key(word)
    if key in rules["stop"].get("hi", ()) or key in rules["common"].get("hi", ()) or gaz.lookup(word):
        return None  # a word a list knows (as a place or an everyday word) was the scan's to judge
    cands = gaz.phonetic(word, min_population=min_population, min_ratio=int(rules.get("region_town_min_ratio", 85)))
    near = [(great_circle_km(c.place.lat, c.place.lon, r.lat, r.lon), c.place.id, c) for c in cands for r in regions
            if c.place.kind == "city" and c.place.cc == r.cc]
    near = [t for t in near if t[0] <= max_km]
    if not near:
        return None
    p = min(near, key=lambda t: t[:2])[2].place
    return Place(start=s, end=e, text=word, place_id=p.id, name=p.name, lat=p.lat, lon=p.lon, kind=p.kind)

"""Disambiguation: which of its gazetteer candidates each place mention of one article means.

Evidence, per candidate: a prior (countries and curated sites first, then population), the
countries the article names unambiguously, and the distance to the other places it names ("Vostochny"
next to Amur Oblast is the cosmodrome). A small or doubtful city needs such support or is dropped.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from dossier.geo.distance import great_circle_km
from dossier.geo.gazetteer import ANY_LANG, Candidate, GazPlace, needs_context, place_key

NEAR_KM = (300.0, 1000.0, 2500.0)  # distance bands for the "nearby places" evidence
# A named place this close is stronger evidence than one merely in the region: "강원 춘천" is the
# Gangwon that Chuncheon lies in (1 km), not North Korea's Kangwon 107 km away, though both are
# under 300 km and the article also names North Korea.
ADJACENT_KM = 50.0
WEAK_CITY_MIN_POP = 50000  # a doubtful city supported only by its country being named must be this big


@dataclass
class Mention:
    """A place name found in the text, with the gazetteer entries it may mean."""

    start: int
    end: int
    key: str
    candidates: list[Candidate]
    ner: bool = False  # an NER LOC span backs it
    weak: bool = False  # accepted only if context supports the chosen place
    strong_only: bool = False  # ... and only by a named place nearby (< 300 km), not by its country
    not_self: bool = False  # its country counts only if another mention names it (合作 = Hezuo, CN)
    chosen: Candidate | None = field(default=None, repr=False)


def _km(a: GazPlace, b: GazPlace) -> float:
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)


# A built first-level region has no population in the source; it weighs like a city of this size
# (the smallest its country alone can support): a state outranks a namesake village ("Nevada",
# Missouri, 8k people) while a town the region is named after keeps the name (Hualien City, 99k, in
# Hualien County; Pyongyang, Busan).
REGION_PRIOR_POPULATION = WEAK_CITY_MIN_POP
# A national capital is named in news far more often than its population alone says: it is where
# governments, talks and summits are. The bonus equals the "its country is named" evidence, so that
# naming the United States does not turn Athens into Athens, Georgia, nor India make Doha a village
# in Rajasthan. A capital under this size (Victoria, Seychelles) gets no bonus: too small to outrank
# better-known namesakes on its title alone.
CAPITAL_BONUS = 1.5
CAPITAL_MIN_POP = 100_000
# A namesake this many times smaller than a world city of DWARF_MIN_POP people or more (see _dwarfed)
DWARF_RATIO = 8
DWARF_MIN_POP = 150_000
# An alternate name this unlike the town's own name (rapidfuzz ratio) is another place's or a former
# name ("florida" / "valle vista" 33), not a spelling of it ("sumqayit" / "sumgayit" 88).
STRAY_NAME_MAX_RATIO = 50


def _prior(p: GazPlace) -> float:
    if p.kind == "country":
        return 3.0
    if p.curated:
        return 2.5
    population = max(p.population, REGION_PRIOR_POPULATION) if p.kind == "region" else p.population
    bonus = CAPITAL_BONUS if p.capital and p.population >= CAPITAL_MIN_POP else 0.0
    return math.log10(population + 10) / 2 + bonus  # 600k -> 2.9, 50k -> 2.35, 7k -> 1.9


def resolve(mentions: list[Mention], named_countries: Counter[str] | None = None) -> None:
    """Choose one candidate per mention (sets .chosen), or none for a weak mention whose place the
    article's other places and countries do not support.

    Two passes: the first uses only the unambiguous mentions as evidence; the second adds every
    place the first pass chose, so that a namesake is read where the rest of the article is
    ("Santiago" chosen in Chile makes "Valparaiso" the Chilean port, not the Indiana town; "California"
    supports "Ridgecrest"). `named_countries`: countries the text names in words that are no place
    (demonyms: "the Greek debt crisis"), evidence like a country's name."""
    countries, anchors = _unambiguous_evidence(mentions)
    countries.update(named_countries or Counter())  # countries the text names otherwise ("Greek")
    _choose(mentions, countries, anchors)
    seen = {a.id for _, a in anchors}
    for m in mentions:
        p = m.chosen.place if m.chosen else None
        if p is not None and p.kind != "country" and p.id not in seen and m.chosen.method == "exact":
            anchors.append((m.key, p))
            seen.add(p.id)
    _choose(mentions, countries, anchors)


def _unambiguous_evidence(mentions: list[Mention]) -> tuple[Counter[str], list[tuple[str, GazPlace]]]:
    """Which countries the article names, and where it is: from the mentions with one candidate.
    Each anchor keeps the key of the name it came from: a name is never evidence for itself (the
    pass-1 choice for "Washington" must not lift the towns next to it in pass 2)."""
    countries: Counter[str] = Counter()
    anchors: list[tuple[str, GazPlace]] = []
    counted: set[str] = set()  # a place named three times is still one piece of evidence
    for m in mentions:
        pids = {c.place.id for c in m.candidates}
        if m.not_self:
            continue  # an everyday word that is also a town names no country, however often it is written
        if len(pids) == 1:
            p = m.candidates[0].place
            if p.cc and p.id not in counted:
                # (a doubtful name written twice must not support itself: "Falcon 9" twice in a
                # SpaceX report is not twice Falcón, Venezuela)
                countries[p.cc] += 1
                counted.add(p.id)
            if p.kind != "country" and m.candidates[0].method == "exact" and all(a.id != p.id for _, a in anchors):
                anchors.append((m.key, p))
        elif _names_a_country(m) and m.candidates[0].place.id not in counted:
            countries[m.candidates[0].place.cc] += 1
            counted.add(m.candidates[0].place.id)
    return countries, anchors


def _names_a_country(m: Mention) -> bool:
    """A country's name that is also some town's ("Chile" is a GeoNames name of Şile, Turkey): the
    country is meant, as a country outranks any namesake town. A region namesake ("Georgia") keeps
    it ambiguous."""
    kinds = [c.place.kind for c in m.candidates]
    return kinds.count("country") == 1 and "region" not in kinds and bool(m.candidates[0].place.cc) \
        and m.candidates[0].place.kind == "country" and m.candidates[0].method == "exact"


def _country_over_towns(m: Mention) -> list[Candidate]:
    """A country's own name means the country, not a town named after it ("Brazil" in a list of trade
    partners is not Brazil, Indiana, however many US places the article names): drop the city and
    site namesakes. A region namesake elsewhere ("Georgia") stays in the contest, decided by the article."""
    countries = [c.place for c in m.candidates if c.place.kind == "country" and c.method == "exact"]
    if countries:
        # a territory listed both as a country and as another's region (Puerto Rico: PR, and a US
        # "state" in the regions' source) is the country: the region lies inside its outline
        return [c for c in m.candidates if c.place.kind not in ("city", "site")
                and not (c.place.kind == "region" and any(_inside_box(c.place, k) for k in countries))]
    return m.candidates


def _inside_box(p: GazPlace, country: GazPlace) -> bool:
    if country.bbox is None:
        return False
    w, s, e, n = country.bbox
    return s <= p.lat <= n and (w <= p.lon <= e if w <= e else (p.lon >= w or p.lon <= e))


def _no_stray_alternates(candidates: list[Candidate]) -> list[Candidate]:
    """GeoNames keeps former and mistaken names among a town's alternates, in no stated language:
    Valle Vista, California, is also "Florida", Bozeman "Missouri", Tolyatti "Stavropol". Where such
    a name, unlike the town's own, is the English name of a region of the same country far from
    the town, it means the region: drop the town ("a launchpad in Florida" in a report full of
    California places). A town near the region (Leningrad: Saint Petersburg) stays in the contest."""
    regions = [c.place for c in candidates if c.place.kind == "region" and c.lang == "en"]
    if not regions:
        return candidates
    return [c for c in candidates if not (
        c.place.kind == "city" and c.lang == ANY_LANG and c.surface.isascii()
        and fuzz.ratio(c.surface, place_key(c.place.name)) < STRAY_NAME_MAX_RATIO
        and any(r.cc == c.place.cc and _km(r, c.place) > NEAR_KM[0] for r in regions))]


def _dwarfed(p: GazPlace, candidates: list[Candidate]) -> bool:
    """A town that shares its name with a world city DWARF_RATIO times its size or more (Vienna,
    Virginia and Vienna; Geneva, Illinois and Geneva): news means the world city unless it places
    the town, so its country being named, or a capital near it, must not be enough."""
    return p.kind == "city" and any(
        c.place.kind == "city" and c.place.population >= DWARF_MIN_POP
        and c.place.population >= DWARF_RATIO * max(p.population, 1) for c in candidates)


def _choose(mentions: list[Mention], countries: Counter[str], all_anchors: list[tuple[str, GazPlace]]) -> None:
    for m in mentions:
        m.chosen = None
        anchors = [a for key, a in all_anchors if key != m.key]
        best, best_score = None, -1e9
        candidates = _no_stray_alternates(_country_over_towns(m))
        for c in candidates:
            p = c.place
            score = _prior(p)
            dwarfed = _dwarfed(p, candidates)
            near = 0.0
            for a in anchors:  # the same place named under another name (모스크바, Moscow) counts too
                if dwarfed and (a.capital or a.kind != "region" and _km(a, p) >= ADJACENT_KM):
                    continue  # only its own region or a town beside it places a dwarfed namesake
                d = _km(a, p)
                near += 2.0 if d < ADJACENT_KM else 1.5 if d < NEAR_KM[0] else 1.0 if d < NEAR_KM[1] \
                    else 0.5 if d < NEAR_KM[2] else 0.0
                if a.id in p.near:
                    near += 1.0
            # a region that shares a country's name ("Niger", Nigeria's Niger State; "Georgia") is placed
            # by a named place near it, not by its country alone: "the summit in Niger" in a report
            # that also names Nigeria is the country Niger
            rivals_country = p.kind == "region" and any(k.place.kind == "country" for k in candidates)
            if p.kind != "country" and p.cc and countries[p.cc] and (not (dwarfed or rivals_country) or near > 0):
                score += 1.5
            score += min(near, 3.0)
            if c.method in ("fuzzy", "phonetic"):
                score -= (1.0 - c.score) * 5
            if score > best_score:
                best, best_score = c, score
        if best is None:
            continue
        if m.weak and (needs_context(best.place) or best.method == "fuzzy"):
            # A small or doubtful city needs the article to be about its surroundings: another named
            # place within 1000 km, or its country named and the city not tiny. Where an NER model
            # called the name a person, only a named place within 300 km will do. A doubtful near-miss
            # of a country's name needs the same (its country named: spelt right elsewhere).
            radius = NEAR_KM[0] if m.strong_only else NEAR_KM[1]
            supported = any(_km(a, best.place) < radius for a in anchors if a.id != best.place.id) or (
                not m.strong_only and bool(best.place.cc and countries[best.place.cc] - _counted_itself(m))
                and (best.place.population >= WEAK_CITY_MIN_POP or best.place.kind == "region"))
            if not supported:
                continue
        m.chosen = best


def _counted_itself(m: Mention) -> int:
    """1 when a doubtful name with a single place named that place's country above: it cannot support
    itself ("the Capital region" is only Iceland's, which says nothing of Iceland). An NER LOC span
    over it is evidence of its own ("Vladikvostok" tagged LOC is the city); a `not_self` name (合作
    "cooperation" is also Hezuo) was never counted (`_unambiguous_evidence`)."""
    single = len({c.place.id for c in m.candidates}) == 1
    return int(single and not m.ner and not m.not_self)

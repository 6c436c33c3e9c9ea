"""Disambiguation: which of its gazetteer candidates each place mention of one article means.

Evidence, per candidate: a prior (countries and curated sites first, then population), the
countries the article names unambiguously, and the distance to the other places it names ("Vostochny"
next to Amur Oblast is the cosmodrome). A small or doubtful city needs such support or is dropped.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from dossier.geo.distance import great_circle_km
from dossier.geo.gazetteer import Candidate, GazPlace, needs_context

NEAR_KM = (300.0, 1000.0, 2500.0)  # distance bands for the "nearby places" evidence
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


def _prior(p: GazPlace) -> float:
    if p.kind == "country":
        return 3.0
    if p.curated:
        return 2.5
    return math.log10(p.population + 10) / 2  # 600k -> 2.9, 7k -> 1.9


def resolve(mentions: list[Mention]) -> None:
    """Choose one candidate per mention (sets .chosen), or none for a weak mention whose place the
    article's other places and countries do not support."""
    # Evidence from the unambiguous mentions: which countries the article names, and where it is.
    countries: Counter[str] = Counter()
    anchors: list[GazPlace] = []
    for m in mentions:
        pids = {c.place.id for c in m.candidates}
        if len(pids) == 1:
            p = m.candidates[0].place
            if p.cc:
                countries[p.cc] += 1
            if p.kind != "country" and m.candidates[0].method == "exact":
                anchors.append(p)
    for m in mentions:
        best, best_score = None, -1e9
        for c in m.candidates:
            p = c.place
            score = _prior(p)
            if p.kind != "country" and p.cc and countries[p.cc]:
                score += 1.5
            near = 0.0
            for a in anchors:
                if a.id == p.id:
                    continue
                d = _km(a, p)
                near += 1.5 if d < NEAR_KM[0] else 1.0 if d < NEAR_KM[1] else 0.5 if d < NEAR_KM[2] else 0.0
                if a.id in p.near:
                    near += 1.0
            score += min(near, 3.0)
            if c.method == "fuzzy":
                score -= (1.0 - c.score) * 5
            if score > best_score:
                best, best_score = c, score
        if best is None:
            continue
        if m.weak and needs_context(best.place):
            # A small or doubtful city needs the article to be about its surroundings: another named
            # place within 1000 km, or its country named and the city not tiny. Where an NER model
            # called the name a person, only a named place within 300 km will do.
            radius = NEAR_KM[0] if m.strong_only else NEAR_KM[1]
            supported = any(_km(a, best.place) < radius for a in anchors if a.id != best.place.id) or (
                not m.strong_only and bool(best.place.cc and countries[best.place.cc] - _counted_itself(m))
                and (best.place.population >= WEAK_CITY_MIN_POP or best.place.kind == "region"))
            if not supported:
                continue
        m.chosen = best


def _counted_itself(m: Mention) -> int:
    """1 when a `not_self` mention named its own country above (a single-place mention): a
    doubtful name cannot support itself."""
    return int(m.not_self and len({c.place.id for c in m.candidates}) == 1)


"""Fusion's candidate search and scoring: which existing event a frame may join, and how well.

    CandidateIndex(table).candidates(ref) -> cluster indices worth scoring
    match_score(ref, cluster, table, look, story) -> sort key, or None when the frame cannot join

The rules (types, actors, places, dates within the type's max_gap_days) are described at the top
of dossier.events.fusion; the index only narrows the clusters scored and never changes the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dossier.events.frames import STATUS_PLANNED
from dossier.events.place_match import PlaceLookup, places_compatible
from dossier.events.table import EventTable
from dossier.model import EventFrame
from dossier.timex.value import date_interval, gap_days

if TYPE_CHECKING:
    from dossier.events.fusion import FrameRef

__all__ = ["CandidateIndex", "Cluster", "core_actors", "frame_attr", "frame_interval", "match_score"]


def frame_attr(f: EventFrame, name: str, default=None):
    return getattr(f, name, default)


def frame_interval(f: EventFrame) -> tuple[dt.date, dt.date] | None:
    return date_interval(f.date, f.date_end, frame_attr(f, "date_mod"))


def core_actors(ids: Sequence[str]) -> set[str]:
    return {i for i in ids if not i.startswith("country:")}


@dataclass
class Cluster:
    refs: list[FrameRef] = field(default_factory=list)
    types: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    places: set[tuple[str, bool]] = field(default_factory=set)  # (place id, from a planned frame)
    intervals: list[tuple[dt.date, dt.date]] = field(default_factory=list)

    def add(self, ref: FrameRef) -> None:
        f = ref.frame
        self.refs.append(ref)
        self.types.add(f.type)
        self.actors.update(f.actor_ids)
        if f.place_id:
            self.places.add((f.place_id, frame_attr(f, "status") == STATUS_PLANNED))
        iv = frame_interval(f)
        if iv is not None:
            self.intervals.append(iv)


def _types_ok(t: str, types: set[str], table: EventTable) -> bool:
    return t in types or bool(table.fuse_with.get(t, set()) & types)


def match_score(
    ref: FrameRef, c: Cluster, table: EventTable, look: PlaceLookup, story: dt.date | None = None
) -> tuple | None:
    """None when `ref` cannot be the happening `c` is; else a sort key (higher is better). `story`
    stands in for an undated article's publication date when only closeness is asked (see _story_dates)."""
    f = ref.frame
    if not _types_ok(f.type, c.types, table):
        return None
    planned = frame_attr(f, "status") == STATUS_PLANNED
    route = f.type in table.route or bool(c.types & table.route)
    if not route and not all(
        places_compatible(f.place_id, p, planned or p_planned, look) for p, p_planned in c.places
    ):
        return None
    iv = frame_interval(f)
    gap_limit = min([table.max_gap_days.get(t, 0) for t in c.types | {f.type}])
    if iv is not None and any(gap_days(iv, o) > gap_limit for o in c.intervals):
        return None
    if (
        iv is None
        and ref.published
        and c.intervals
        and frame_attr(f, "status") != STATUS_PLANNED
        and all(o[0] > ref.published for o in c.intervals)
    ):
        return None  # an article cannot report as done what happens only after it was published
    if (
        iv is None
        and ref.published
        and c.intervals
        and frame_attr(f, "status") == STATUS_PLANNED
        and all(o[1] < ref.published for o in c.intervals)
    ):
        return None  # nor plan what was over before it was published
    fa, ca = set(f.actor_ids), c.actors
    core_f, core_c = core_actors(f.actor_ids), core_actors(c.actors)
    if fa and ca:
        if core_f and core_c:
            # two named participants in common when both sides name two (Putin alone does not make
            # his videoconference with forum moderators the Kim–Putin summit)
            if len(core_f & core_c) < min(2, len(core_f), len(core_c)):
                return None
        elif not fa & ca:
            return None
    else:
        # no actors on one side: only the same named place and agreeing dates make it the same event
        same_place = f.place_id is not None and f.place_id in {p for p, _ in c.places}
        dated = iv is not None and bool(c.intervals) and all(gap_days(iv, o) == 0 for o in c.intervals)
        if not (same_place and dated):
            return None
    date_fit = 0
    pub = ref.published or story
    if iv is not None and c.intervals:
        date_fit = -min(gap_days(iv, o) for o in c.intervals)
    elif iv is None and c.intervals and pub is not None:
        # an undated mention most likely means the latest such event before the article (or, in an
        # undated article, the one nearest the story it tells)
        date_fit = -min(
            abs((pub - o[0]).days) if o[0] <= pub else 10 * (o[0] - pub).days for o in c.intervals
        )
    same_type = f.type in c.types
    # last: the event with fewer participants the frame does not name ("Kim's first visit overseas"
    # is Kim's own visit, not Shoigu's visit that Kim received)
    extra = len(core_c - core_f)
    return (len(core_f & core_c), len(fa & ca), same_type, date_fit, -extra)


class CandidateIndex:
    """The clusters a frame could join, found without scoring every cluster (which made fusion
    quadratic: minutes at 10k articles). A superset of those match_score accepts, by its rules:
    - the type must be the same or fusable (_types_ok);
    - with actors on both sides they must share one, a named person or organisation when both name
      one (a cluster naming only countries can match on a country);
    - with no actors on one side, the frame must be dated and the cluster hold its place.
    Candidates come in cluster order, so ties are broken as before."""

    def __init__(self, table: EventTable) -> None:
        self.table = table
        self.by_type: dict[str, set[int]] = {}
        self.by_actor: dict[str, set[int]] = {}
        self.by_country_without_core: dict[str, set[int]] = {}  # clusters naming only countries
        self.by_place: dict[str, set[int]] = {}
        self.actorless_by_place: dict[str, set[int]] = {}
        self.has_core: set[int] = set()  # clusters naming a person or organisation
        self.has_actors: set[int] = set()

    def candidates(self, ref: FrameRef) -> list[int]:
        f = ref.frame
        typed = set(self.by_type.get(f.type, ()))
        for other in self.table.fuse_with.get(f.type, ()):
            typed |= self.by_type.get(other, set())
        if not typed:
            return []
        dated_place = f.place_id if f.place_id and frame_interval(f) is not None else None
        found: set[int] = set()
        if f.actor_ids:
            core = core_actors(f.actor_ids)
            for a in f.actor_ids:
                if a in core or not core:
                    found |= self.by_actor.get(a, set())
                else:
                    found |= self.by_country_without_core.get(a, set())
            if dated_place:
                found |= self.actorless_by_place.get(dated_place, set())
        elif dated_place:
            found = self.by_place.get(dated_place, set())
        return sorted(found & typed)

    def add(self, i: int, c: Cluster, ref: FrameRef) -> None:
        f = ref.frame
        self.by_type.setdefault(f.type, set()).add(i)
        if f.place_id:
            self.by_place.setdefault(f.place_id, set()).add(i)
        if not c.actors:
            if f.place_id:
                self.actorless_by_place.setdefault(f.place_id, set()).add(i)
            return
        if i not in self.has_actors:  # it just got its first actors: no longer actorless
            self.has_actors.add(i)
            for pid, _ in c.places:
                self.actorless_by_place.get(pid, set()).discard(i)
        for a in f.actor_ids:
            self.by_actor.setdefault(a, set()).add(i)
        if i in self.has_core:
            return
        if core_actors(c.actors):  # it just got its first named person or organisation
            self.has_core.add(i)
            for a in c.actors:
                self.by_country_without_core.get(a, set()).discard(i)
        else:
            for a in c.actors:
                self.by_country_without_core.setdefault(a, set()).add(i)

"""Fusion: frames about the same happening, from any sentence, article or language, become one event.

    fuse(items: list[FrameRef], *, places=None, table=None) -> list[FusedEvent]

Two frames describe the same happening when their types are the same or declared fusable in
data/events/event_types.yaml (a departure is part of a journey), their actors overlap, their places
are compatible (same place, a place inside the other's country, or within PLACE_NEAR_KM; a planned
event may move within its country), and their dates are within the type's `max_gap_days` of every
dated reading already in the event — or one of them has no date. Inside that gap a disagreement is a
conflict, not a second event: "지난달" (→ 2023-08) and "July" about one visit stay one event with two
readings.

The reading shown is the one most independent articles agree with (a reading agrees with one that
lies inside or around it: "July" agrees with "25–27 July"); ties go to the more precise reading.
Reports of what happened outrank expectations: when any source says the event happened, planned
readings are kept and listed but neither chosen nor counted as a conflict.

An event's id is computed from its type and earliest source; when events are rebuilt,
inherit_ids(previous, events) lets each new event keep the id of the stored event it continues
(the one it shares the most sources with), so corrections that name it stay attached.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Collection, Mapping, Sequence

from dossier.events.frames import STATUS_OCCURRED, STATUS_PLANNED, EventTable, as_date, date_interval, load_table
from dossier.model import EventFrame

__all__ = [
    "FrameRef", "PlaceInfo", "Reading", "Source", "FusedEvent", "SourceKey", "fuse", "gazetteer_places",
    "inherit_ids", "source_key",
]

# Two named places this close are one venue (Russky Island campus and Vladivostok are ~15 km apart).
PLACE_NEAR_KM = 50.0
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4}
_KIND_RANK = {"site": 0, "city": 1, "region": 2, "country": 3}


@dataclass(frozen=True)
class FrameRef:
    """One frame with where it came from."""

    article_id: str
    published: dt.date | None  # an ISO string is accepted too
    lang: str
    frame: EventFrame  # usually dossier.events.frames.Frame (status, precision, date_mod, trigger offsets)
    sentence: str  # the sentence text, in its original script


@dataclass(frozen=True)
class PlaceInfo:
    kind: str  # country | region | city | site
    cc: str | None  # ISO 3166-1 alpha-2 of the country it lies in
    lat: float | None = None
    lon: float | None = None


@dataclass
class Source:
    article_id: str
    lang: str
    published: str | None
    sentence_start: int
    sentence_end: int
    sentence: str
    type: str
    trigger: str
    trigger_start: int | None
    trigger_end: int | None
    date: str | None  # the date reading this source gave
    date_end: str | None
    precision: str | None
    date_mod: str | None
    status: str
    place_id: str | None


@dataclass
class Reading:
    """One distinct date reading, with the articles that give exactly it."""

    date: str
    date_end: str | None
    precision: str | None
    date_mod: str | None
    status: str  # occurred | planned
    articles: list[str]
    support: int  # distinct articles giving exactly this reading
    agreeing: int  # distinct articles whose reading is compatible with it (itself included)


@dataclass
class FusedEvent:
    id: str
    type: str
    date: str | None
    date_end: str | None
    precision: str | None
    date_mod: str | None
    status: str  # occurred when any source reports it as having happened, else planned
    place_id: str | None
    actor_ids: list[str]
    sources: list[Source] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    conflict: bool = False

    @property
    def articles(self) -> list[str]:
        return sorted({s.article_id for s in self.sources})


# ---- places -----------------------------------------------------------------------------------------

PlaceLookup = Callable[[str], "PlaceInfo | None"]


def _from_id(place_id: str) -> PlaceInfo | None:
    if place_id.startswith("country:"):
        return PlaceInfo("country", place_id.split(":", 1)[1].upper())
    return None


@lru_cache(maxsize=4096)
def _gazetteer_info(place_id: str) -> PlaceInfo | None:
    try:
        from dossier.geo.gazetteer import load_gazetteer

        p = load_gazetteer().get(place_id)
    except Exception:  # noqa: BLE001 - a missing or broken gazetteer only weakens place matching
        p = None
    if p is None:
        return _from_id(place_id)
    return PlaceInfo(p.kind, p.cc, p.lat, p.lon)


def gazetteer_places(place_id: str) -> PlaceInfo | None:
    """Default lookup: the project gazetteer (loaded on first use), else what the id itself says."""
    return _gazetteer_info(place_id)


def _lookup(places: Mapping[str, PlaceInfo] | PlaceLookup | None) -> PlaceLookup:
    if places is None:
        return gazetteer_places
    if callable(places):
        return places
    return lambda pid: places.get(pid) or _from_id(pid)


def _km(a: PlaceInfo, b: PlaceInfo) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)  # type: ignore[arg-type]
    dl = math.radians(b.lon - a.lon)  # type: ignore[operator]
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _places_compatible(a: str | None, b: str | None, loose: bool, look: PlaceLookup) -> bool:
    if a is None or b is None or a == b:
        return True
    ia, ib = look(a), look(b)
    if ia is None or ib is None:
        return False
    if ia.kind == "country" or ib.kind == "country":
        return bool(ia.cc) and ia.cc == ib.cc
    d = _km(ia, ib)
    if d is not None and d <= PLACE_NEAR_KM:
        return True
    # a plan names where it is expected; the event may happen elsewhere in that country
    return loose and bool(ia.cc) and ia.cc == ib.cc


def _place_contains(outer: str, inner: str, look: PlaceLookup) -> bool:
    if outer == inner:
        return True
    io, ii = look(outer), look(inner)
    if io is None or ii is None:
        return False
    if io.kind == "country":
        return ii.kind != "country" and io.cc == ii.cc
    d = _km(io, ii)
    return d is not None and d <= PLACE_NEAR_KM


def _place_rank(pid: str, look: PlaceLookup) -> int:
    info = look(pid)
    return _KIND_RANK.get(info.kind, 2) if info else 2


# ---- dates ------------------------------------------------------------------------------------------


def _attr(f: EventFrame, name: str, default=None):
    return getattr(f, name, default)


def _interval(f: EventFrame) -> tuple[dt.date, dt.date] | None:
    return date_interval(f.date, f.date_end, _attr(f, "date_mod"))


def _gap_days(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    if a[0] <= b[1] and b[0] <= a[1]:
        return 0
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    return (a[0] - b[1]).days


def _precision_rank(p: str | None, f_date: str | None) -> int:
    if p in _PRECISION_RANK:
        return _PRECISION_RANK[p]  # type: ignore[index]
    if not f_date:
        return 9
    core = f_date.split("T")[0]
    return {10: 0, 7: 2, 4: 4}.get(len(core), 5)


# ---- clustering -------------------------------------------------------------------------------------


def _core(ids: Sequence[str]) -> set[str]:
    return {i for i in ids if not i.startswith("country:")}


@dataclass
class _Cluster:
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
            self.places.add((f.place_id, _attr(f, "status") == STATUS_PLANNED))
        iv = _interval(f)
        if iv is not None:
            self.intervals.append(iv)


def _types_ok(t: str, types: set[str], table: EventTable) -> bool:
    return t in types or bool(table.fuse_with.get(t, set()) & types)


def _match_score(
    ref: FrameRef, c: _Cluster, table: EventTable, look: PlaceLookup, story: dt.date | None = None
) -> tuple | None:
    """None when `ref` cannot be the happening `c` is; else a sort key (higher is better). `story`
    stands in for an undated article's publication date when only closeness is asked (see _story_dates)."""
    f = ref.frame
    if not _types_ok(f.type, c.types, table):
        return None
    planned = _attr(f, "status") == STATUS_PLANNED
    route = f.type in table.route or bool(c.types & table.route)
    if not route and not all(
        _places_compatible(f.place_id, p, planned or p_planned, look) for p, p_planned in c.places
    ):
        return None
    iv = _interval(f)
    gap_limit = min([table.max_gap_days.get(t, 0) for t in c.types | {f.type}])
    if iv is not None and any(_gap_days(iv, o) > gap_limit for o in c.intervals):
        return None
    if (
        iv is None
        and ref.published
        and c.intervals
        and _attr(f, "status") != STATUS_PLANNED
        and all(o[0] > ref.published for o in c.intervals)
    ):
        return None  # an article cannot report as done what happens only after it was published
    if (
        iv is None
        and ref.published
        and c.intervals
        and _attr(f, "status") == STATUS_PLANNED
        and all(o[1] < ref.published for o in c.intervals)
    ):
        return None  # nor plan what was over before it was published
    fa, ca = set(f.actor_ids), c.actors
    core_f, core_c = _core(f.actor_ids), _core(c.actors)
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
        dated = iv is not None and bool(c.intervals) and all(_gap_days(iv, o) == 0 for o in c.intervals)
        if not (same_place and dated):
            return None
    date_fit = 0
    pub = ref.published or story
    if iv is not None and c.intervals:
        date_fit = -min(_gap_days(iv, o) for o in c.intervals)
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


def _story_dates(items: Sequence[FrameRef]) -> dict[str, dt.date]:
    """article id → the latest date its own frames name, for articles without a publication date (a
    wiki page): its undated mentions ("the meeting was confirmed") are most likely about the story it
    tells, as a dated article's are about what came before it was published. Only used to rank
    candidate events; it never rules one out as a publication date does."""
    latest: dict[str, dt.date] = {}
    for r in items:
        if r.published is not None:
            continue
        iv = _interval(r.frame)
        if iv is not None and (r.article_id not in latest or iv[1] > latest[r.article_id]):
            latest[r.article_id] = iv[1]
    return latest


def _order_key(ref: FrameRef) -> tuple:
    f = ref.frame
    iv = _interval(f)
    return (
        iv is None,
        _precision_rank(_attr(f, "precision"), f.date),
        _attr(f, "status") != STATUS_OCCURRED,
        ref.article_id,
        f.sentence_start,
        _attr(f, "trigger_start", 0) or 0,
    )


def _source(ref: FrameRef) -> Source:
    f = ref.frame
    return Source(
        article_id=ref.article_id,
        lang=ref.lang,
        published=ref.published.isoformat() if ref.published else None,
        sentence_start=f.sentence_start,
        sentence_end=f.sentence_end,
        sentence=ref.sentence,
        type=f.type,
        trigger=_attr(f, "trigger", "") or "",
        trigger_start=_attr(f, "trigger_start"),
        trigger_end=_attr(f, "trigger_end"),
        date=f.date,
        date_end=f.date_end,
        precision=_attr(f, "precision"),
        date_mod=_attr(f, "date_mod"),
        status=_attr(f, "status", STATUS_OCCURRED) or STATUS_OCCURRED,
        place_id=f.place_id,
    )


def _readings(sources: list[Source]) -> list[Reading]:
    groups: dict[tuple, list[Source]] = {}
    for s in sources:
        if s.date and date_interval(s.date, s.date_end, s.date_mod) is not None:
            groups.setdefault((s.date, s.date_end, s.date_mod, s.status), []).append(s)
    out: list[Reading] = []
    for (date, end, mod, status), ss in groups.items():
        arts = sorted({s.article_id for s in ss})
        out.append(
            Reading(
                date=date,
                date_end=end,
                precision=ss[0].precision,
                date_mod=mod,
                status=status,
                articles=arts,
                support=len(arts),
                agreeing=0,
            )
        )
    for r in out:
        iv = date_interval(r.date, r.date_end, r.date_mod)
        agree = {
            a
            for o in out
            if o.status == r.status and _gap_days(iv, date_interval(o.date, o.date_end, o.date_mod)) == 0
            for a in o.articles
        }
        r.agreeing = len(agree)
    return out


def _best(readings: list[Reading]) -> Reading | None:
    if not readings:
        return None
    return min(
        readings,
        key=lambda r: (
            -r.agreeing,
            _precision_rank(r.precision, r.date),
            r.date_mod is not None,
            -r.support,
            r.date,
            r.date_end or "",
        ),
    )


def _conflict(pool: list[Reading]) -> bool:
    ivs = [date_interval(r.date, r.date_end, r.date_mod) for r in pool]
    return any(_gap_days(a, b) > 0 for i, a in enumerate(ivs) for b in ivs[i + 1 :])


def _choose_place(sources: list[Source], look: PlaceLookup) -> str | None:
    pids = sorted({s.place_id for s in sources if s.place_id})
    if not pids:
        return None

    def agreeing(p: str) -> int:
        return len(
            {
                s.article_id
                for s in sources
                if s.place_id
                and (_place_contains(s.place_id, p, look) or _place_contains(p, s.place_id, look))
            }
        )

    return min(pids, key=lambda p: (-agreeing(p), _place_rank(p, look), p))


def _choose_type(sources: list[Source], table: EventTable) -> str:
    counts: dict[str, set[str]] = {}
    for s in sources:
        counts.setdefault(s.type, set()).add(s.article_id)
    order = table.types()
    # most articles; then the more specific (a type that fuses with others is the general one)
    return min(
        counts,
        key=lambda t: (
            -len(counts[t]),
            len(table.fuse_with.get(t, ())) > 1,
            order.index(t) if t in order else 99,
        ),
    )


class _CandidateIndex:
    """The clusters a frame could join, found without scoring every cluster (which made fusion
    quadratic: minutes at 10k articles). A superset of those _match_score accepts, by its rules:
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
        dated_place = f.place_id if f.place_id and _interval(f) is not None else None
        found: set[int] = set()
        if f.actor_ids:
            core = _core(f.actor_ids)
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

    def add(self, i: int, c: _Cluster, ref: FrameRef) -> None:
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
        if _core(c.actors):  # it just got its first named person or organisation
            self.has_core.add(i)
            for a in c.actors:
                self.by_country_without_core.get(a, set()).discard(i)
        else:
            for a in c.actors:
                self.by_country_without_core.setdefault(a, set()).add(i)


def _event_id(etype: str, sources: list[Source], salt: int = 0) -> str:
    """The id an event gets when it continues no stored event: from its type and earliest source.
    A `salt` > 0 gives another id from the same event (when the plain one is already taken)."""
    first = min(source_key(s) for s in sources)
    text = f"{etype}|{first[0]}|{first[1]}|{first[2]}" + (f"|{salt}" if salt else "")
    digest = hashlib.sha1(text.encode()).hexdigest()[:12]
    return f"ev:{etype}:{digest}"


# ---- ids that survive a rebuild ------------------------------------------------------------------------

SourceKey = tuple[str, int, int]  # (article id, sentence start, trigger start)


def source_key(s: Source) -> SourceKey:
    """What identifies one source of an event across rebuilds."""
    return (s.article_id, s.sentence_start, s.trigger_start or 0)


def inherit_ids(
    previous: Mapping[str, Collection[SourceKey]],
    events: Sequence[FusedEvent],
    *,
    prefer: Collection[str] = (),
) -> list[str]:
    """The ids `events` (a new fusion) should carry, in their order, given the stored events they
    replace (`previous`: id -> its source keys).

    Ids computed from the earliest source change when an article that sorts first joins an event
    or its type changes; analysts' corrections name events by id, so each new event takes the id
    of the stored event it continues: greedily, the pair sharing the most sources first (ties: an
    id in `prefer`, e.g. one a correction names, then the smaller old id, then the smaller computed
    id), each old id at most once. An event continuing none keeps its computed id; when that one is
    already taken (an old event's id inherited by its larger part), it is re-derived with a salt."""
    owners: dict[SourceKey, list[str]] = {}
    for old_id, keys in previous.items():
        for k in set(keys):
            owners.setdefault(k, []).append(old_id)
    shared: dict[tuple[int, str], int] = {}
    for i, e in enumerate(events):
        for k in {source_key(s) for s in e.sources}:
            for old_id in owners.get(k, ()):
                shared[(i, old_id)] = shared.get((i, old_id), 0) + 1
    preferred = set(prefer)
    ids: list[str | None] = [None] * len(events)
    taken: set[str] = set()
    for (i, old_id), n in sorted(
        shared.items(), key=lambda p: (-p[1], p[0][1] not in preferred, p[0][1], events[p[0][0]].id, p[0][0])
    ):
        if ids[i] is None and old_id not in taken:
            ids[i] = old_id
            taken.add(old_id)
    for i in sorted((i for i, v in enumerate(ids) if v is None), key=lambda i: (events[i].id, i)):
        e, salt, new_id = events[i], 0, events[i].id
        while new_id in taken:
            salt += 1
            new_id = _event_id(e.type, e.sources, salt)
        ids[i] = new_id
        taken.add(new_id)
    return [v for v in ids if v is not None]


def fuse(
    items: Sequence[FrameRef],
    *,
    places: Mapping[str, PlaceInfo] | PlaceLookup | None = None,
    table: EventTable | None = None,
) -> list[FusedEvent]:
    """Group frames into events (see the module docstring). `places` resolves a place id to its kind,
    country and coordinates (default: the gazetteer). The result does not depend on input order;
    events come sorted by shown date (undated last), then id."""
    table = table or load_table()
    look = _lookup(places)
    items = [
        r
        if r.published is None or type(r.published) is dt.date
        else FrameRef(r.article_id, as_date(r.published), r.lang, r.frame, r.sentence)
        for r in items
    ]
    story = _story_dates(items)
    clusters: list[_Cluster] = []
    index = _CandidateIndex(table)
    for ref in sorted(items, key=_order_key):
        at = story.get(ref.article_id)
        scored = [
            (s, i) for i in index.candidates(ref)
            if (s := _match_score(ref, clusters[i], table, look, at)) is not None
        ]
        if scored:
            chosen = max(scored, key=lambda si: (si[0], -si[1]))[1]
        else:
            chosen = len(clusters)
            clusters.append(_Cluster())
        clusters[chosen].add(ref)
        index.add(chosen, clusters[chosen], ref)
    events = [_build(c, table, look) for c in clusters]
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def _build(c: _Cluster, table: EventTable, look: PlaceLookup) -> FusedEvent:
    sources = sorted(
        (_source(r) for r in c.refs), key=lambda s: (s.article_id, s.sentence_start, s.trigger_start or 0)
    )
    readings = _readings(sources)
    occurred = [r for r in readings if r.status == STATUS_OCCURRED]
    pool = occurred or readings
    best = _best(pool)
    status = STATUS_OCCURRED if any(s.status == STATUS_OCCURRED for s in sources) else STATUS_PLANNED
    etype = _choose_type(sources, table)
    # the place comes from the sources that also decide the date (reports of the event over plans)
    # and, for a journey, from those naming this stage of it (where the train left, not where it arrived)
    with_place = [s for s in sources if s.place_id]
    for narrower in (
        [s for s in with_place if s.status == status],
        [s for s in with_place if s.type == etype],
    ):
        if narrower:
            with_place = narrower
    actors: list[str] = []
    for r in sorted(c.refs, key=_order_key):
        for a in r.frame.actor_ids:
            if a not in actors:
                actors.append(a)
    return FusedEvent(
        id=_event_id(etype, sources),
        type=etype,
        date=best.date if best else None,
        date_end=best.date_end if best else None,
        precision=best.precision if best else None,
        date_mod=best.date_mod if best else None,
        status=status,
        place_id=_choose_place(with_place, look),
        actor_ids=actors,
        sources=sources,
        readings=sorted(readings, key=lambda r: (-r.agreeing, r.date)),
        conflict=_conflict(pool),
    )

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
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from dossier.events.candidates import CandidateIndex, Cluster, frame_attr, frame_interval, match_score
from dossier.events.frames import STATUS_OCCURRED, STATUS_PLANNED
from dossier.events.place_match import (
    PlaceInfo,
    PlaceLookup,
    gazetteer_places,
    lookup_of,
    place_contains,
    place_rank,
)
from dossier.events.table import EventTable, load_table
from dossier.model import EventFrame
from dossier.timex.value import as_date, date_interval, gap_days

__all__ = [
    "FrameRef",
    "FusedEvent",
    "PlaceInfo",
    "Reading",
    "Source",
    "SourceKey",
    "fuse",
    "gazetteer_places",
    "inherit_ids",
    "source_key",
]

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4}


@dataclass(frozen=True)
class FrameRef:
    """One frame with where it came from."""

    article_id: str
    published: dt.date | None  # an ISO string is accepted too
    lang: str
    frame: EventFrame  # usually dossier.events.frames.Frame (status, precision, date_mod, trigger offsets)
    sentence: str  # the sentence text, in its original script


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



# ---- dates ------------------------------------------------------------------------------------------


def _precision_rank(p: str | None, f_date: str | None) -> int:
    if p in _PRECISION_RANK:
        return _PRECISION_RANK[p]  # type: ignore[index]
    if not f_date:
        return 9
    core = f_date.split("T")[0]
    return {10: 0, 7: 2, 4: 4}.get(len(core), 5)



def _story_dates(items: Sequence[FrameRef]) -> dict[str, dt.date]:
    """article id → the latest date its own frames name, for articles without a publication date (a
    wiki page): its undated mentions ("the meeting was confirmed") are most likely about the story it
    tells, as a dated article's are about what came before it was published. Only used to rank
    candidate events; it never rules one out as a publication date does."""
    latest: dict[str, dt.date] = {}
    for r in items:
        if r.published is not None:
            continue
        iv = frame_interval(r.frame)
        if iv is not None and (r.article_id not in latest or iv[1] > latest[r.article_id]):
            latest[r.article_id] = iv[1]
    return latest


def _order_key(ref: FrameRef) -> tuple:
    f = ref.frame
    iv = frame_interval(f)
    return (
        iv is None,
        _precision_rank(frame_attr(f, "precision"), f.date),
        frame_attr(f, "status") != STATUS_OCCURRED,
        ref.article_id,
        f.sentence_start,
        frame_attr(f, "trigger_start", 0) or 0,
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
        trigger=frame_attr(f, "trigger", "") or "",
        trigger_start=frame_attr(f, "trigger_start"),
        trigger_end=frame_attr(f, "trigger_end"),
        date=f.date,
        date_end=f.date_end,
        precision=frame_attr(f, "precision"),
        date_mod=frame_attr(f, "date_mod"),
        status=frame_attr(f, "status", STATUS_OCCURRED) or STATUS_OCCURRED,
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
            if o.status == r.status and gap_days(iv, date_interval(o.date, o.date_end, o.date_mod)) == 0
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
    return any(gap_days(a, b) > 0 for i, a in enumerate(ivs) for b in ivs[i + 1 :])


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
                and (place_contains(s.place_id, p, look) or place_contains(p, s.place_id, look))
            }
        )

    return min(pids, key=lambda p: (-agreeing(p), place_rank(p, look), p))


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
    look = lookup_of(places)
    items = [
        r
        if r.published is None or type(r.published) is dt.date
        else FrameRef(r.article_id, as_date(r.published), r.lang, r.frame, r.sentence)
        for r in items
    ]
    story = _story_dates(items)
    clusters: list[Cluster] = []
    index = CandidateIndex(table)
    for ref in sorted(items, key=_order_key):
        at = story.get(ref.article_id)
        scored = [
            (s, i) for i in index.candidates(ref)
            if (s := match_score(ref, clusters[i], table, look, at)) is not None
        ]
        if scored:
            chosen = max(scored, key=lambda si: (si[0], -si[1]))[1]
        else:
            chosen = len(clusters)
            clusters.append(Cluster())
        clusters[chosen].add(ref)
        index.add(chosen, clusters[chosen], ref)
    events = [_build(c, table, look) for c in clusters]
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def _build(c: Cluster, table: EventTable, look: PlaceLookup) -> FusedEvent:
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

"""What the app's pages show, read from the store with the same queries and limits, as plain rows:
the pages' cached readers (components/) and `python -m dossier export` both come here, so a table
exported from the command line holds what the page of the same filters shows.

Everything read is the corrected view (corrections are replayed into the stored tables).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from dossier.filters import Filters
from dossier.store import ActorRow, ArticleRow, EventRow, PlaceRow, Store

# Events drawn on the timeline; beyond this the page says how many were left out.
MAX_TIMELINE_EVENTS = 1500
# Actors listed in the actors table (most mentioned first).
MAX_ACTORS = 300
# Places sent to the map: the store aggregates mentions per place in SQL first.
MAX_PLACES = 2000



@dataclass
class View:
    """The rows of one page's table, and whether its limit cut the list."""

    rows: list[Any]
    truncated: bool


def events_and_names(store: Store, f: Filters, limit: int) -> tuple[list[EventRow], dict[str, str]]:
    """The Timeline's events and the display names of their actor and place ids."""
    rows = store.events(f, limit=limit)
    ids = sorted({a for e in rows for a in e.actor_ids})
    places = sorted({e.place_id for e in rows if e.place_id})
    return rows, {**store.actor_names(ids), **store.place_names(places)}


@dataclass
class EventRecord:
    """One fused event as exported: its ids with the names the Timeline shows beside them, its
    status (planned or occurred), whether its sources disagree on the date, and its sources."""

    id: str
    type: str
    date: str | None
    date_end: str | None
    precision: str | None
    status: str
    conflict: bool
    place_id: str | None
    place: str | None
    actor_ids: list[str]
    actors: list[str]
    n_articles: int
    article_ids: list[str]
    sources: list[dict[str, Any]]  # article, its title and date, the sentence and the date it reads
    readings: list[dict[str, Any]]  # every date the sources give, with their support


_SOURCE_FIELDS = ("article_id", "title", "published", "outlet", "lang", "sentence", "date", "date_end")


def event_record(e: EventRow, names: Mapping[str, str]) -> EventRecord:
    return EventRecord(
        id=e.id, type=e.type, date=e.date, date_end=e.date_end, precision=e.precision, status=e.status,
        conflict=e.conflict, place_id=e.place_id,
        place=names.get(e.place_id, e.place_id) if e.place_id else None,
        actor_ids=list(e.actor_ids), actors=[names.get(a, a) for a in e.actor_ids], n_articles=e.n_articles,
        article_ids=list(dict.fromkeys(s["article_id"] for s in e.sources)),
        sources=[{k: s.get(k) for k in _SOURCE_FIELDS} for s in e.sources],
        readings=e.readings,
    )


def events(store: Store, f: Filters, limit: int = MAX_TIMELINE_EVENTS) -> View:
    rows, names = events_and_names(store, f, limit + 1)
    return View([event_record(e, names) for e in rows[:limit]], len(rows) > limit)


def actors(store: Store, f: Filters, limit: int = MAX_ACTORS) -> View:
    return _cut(store.actors(f, limit=limit + 1), limit)


def places(store: Store, f: Filters, limit: int = MAX_PLACES) -> View:
    return _cut(store.places(f, limit=limit + 1), limit)


def articles(store: Store, f: Filters, limit: int | None = None) -> View:
    """Every matching article (the Articles page shows them a page at a time), newest first."""
    total = store.count_articles(f)
    rows: list[ArticleRow] = store.list_articles(f, limit=total if limit is None else min(limit, total))
    return View(rows, len(rows) < total)


# what can be exported -> (its reader, the row type whose fields are the columns)
READERS = {"events": (events, EventRecord), "actors": (actors, ActorRow), "places": (places, PlaceRow),
           "articles": (articles, ArticleRow)}


def view(store: Store, what: str, f: Filters, limit: int | None = None) -> View:
    """The rows of page ``what`` (a key of READERS); ``limit`` None: the page's own limit."""
    read = READERS[what][0]
    return read(store, f) if limit is None else read(store, f, limit)


def columns(what: str) -> list[str]:
    return [f.name for f in fields(READERS[what][1])]


def _cut(rows: Sequence[ActorRow | PlaceRow], limit: int) -> View:
    return View(list(rows[:limit]), len(rows) > limit)

"""Cached queries for the Entities and Map pages, and the limits applied to them.

Same rules as components/data.py: ``st.cache_data`` functions take only small hashable arguments
(the database path, its data version, a frozen Filters, ids) — never a DataFrame — and every
list is cut to a named MAX_* limit here, before a table, chart or map sees it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from components import data
from components.data import cached_reader
from dossier.export.views import MAX_ACTORS, MAX_PLACES  # shared with `python -m dossier export`
from dossier.filters import Filters
from dossier.store import ActorRow, ArticleDetail, ArticleRow, MentionRow, PlaceRow, SharedFacts, Store

# Mentions of one actor shown in their sentences.
MAX_MENTIONS = 300
# Mentions read per article for the side-by-side view (an article rarely names more).
MAX_ARTICLE_MENTIONS = 2000
# Rows and columns of the actor × article heatmap.
MAX_MATRIX_ACTORS = 30
MAX_MATRIX_ARTICLES = 40
# Articles offered in the side-by-side pickers.
MAX_PICK_ARTICLES = 500
# Articles checked for a translation segment in the side-by-side picker (each is read whole).
MAX_TRANSLATION_SCAN = 100
# Articles whose event frames are read to draw movements, and arcs drawn.
MAX_MOVEMENT_ARTICLES = 300
MAX_MOVEMENT_PAIRS = 300
# Event types that move an actor to the frame's place (names from data/events/event_types.yaml).
MOVEMENT_TYPES = frozenset({"visit", "travel", "departure", "arrival", "inspection"})


# -- cached queries ---------------------------------------------------------------------------


@cached_reader(max_entries=128)
def _actors(store: Store, f: Filters, limit: int) -> list[ActorRow]:
    return store.actors(f, limit=limit)


@cached_reader(max_entries=128)
def _mentions(
    store: Store, f: Filters, entity_id: str | None, article_id: str | None, limit: int
) -> list[MentionRow]:
    return store.mentions(f, entity_id=entity_id, article_id=article_id, limit=limit)


@cached_reader(max_entries=64)
def _matrix(
    store: Store, f: Filters, max_actors: int, max_articles: int
) -> tuple[list[tuple[str, str, str, int]], list[ArticleRow]]:
    cells = store.actor_article_matrix(f, max_actors=max_actors, max_articles=max_articles)
    return cells, store.list_articles(f, limit=max_articles)


@cached_reader(max_entries=64)
def _article_list(store: Store, f: Filters, limit: int) -> list[ArticleRow]:
    return store.list_articles(f, limit=limit)


@cached_reader(max_entries=128)
def _actor_names(store: Store, ids: tuple[str, ...]) -> dict[str, str]:
    return store.actor_names(list(ids))


@cached_reader(max_entries=128)
def _places(store: Store, f: Filters, limit: int) -> list[PlaceRow]:
    return store.places(f, limit=limit)


@cached_reader(max_entries=64)
def _movement_frames(store: Store, f: Filters, max_articles: int) -> list[MoveFrame]:
    out: list[MoveFrame] = []
    for art in store.list_articles(f, limit=max_articles):
        for fr in store.article_extraction(art.id)["frames"]:
            if fr.type in MOVEMENT_TYPES and fr.place_id:
                out.append(
                    MoveFrame(
                        actor_ids=tuple(fr.actor_ids), date=fr.date, place_id=fr.place_id,
                        published=art.published, article_id=art.id, order=fr.sentence_start,
                    )
                )
    return out


@cached_reader(max_entries=64)
def shared(store: Store, left_id: str, right_id: str) -> SharedFacts:
    """Places and events two articles have in common."""
    return store.shared_between(left_id, right_id)


# -- public, uncached-argument API ------------------------------------------------------------


def actors(f: Filters, limit: int = MAX_ACTORS) -> list[ActorRow]:
    return _actors(f, min(limit, MAX_ACTORS))


def actor_mentions(f: Filters, entity_id: str) -> list[MentionRow]:
    """Every mention of one actor (at most MAX_MENTIONS) with its sentence in the original script."""
    return _mentions(f, entity_id, None, MAX_MENTIONS)


def article_mentions(article_id: str) -> list[MentionRow]:
    """The mentions of one article (no filters: the article was chosen by the user)."""
    return _mentions(Filters(), None, article_id, MAX_ARTICLE_MENTIONS)


def matrix(f: Filters) -> tuple[list[tuple[str, str, str, int]], list[ArticleRow]]:
    """(cells (entity_id, canonical, article_id, mentions), the articles of the columns)."""
    return _matrix(f, MAX_MATRIX_ACTORS, MAX_MATRIX_ARTICLES)


def articles(f: Filters) -> list[ArticleRow]:
    return _article_list(f, MAX_PICK_ARTICLES)


def article(article_id: str) -> ArticleDetail | None:
    return data.article(article_id)


def actor_names(ids: Iterable[str]) -> dict[str, str]:
    return _actor_names(tuple(sorted(set(ids))))


def places(f: Filters) -> tuple[list[PlaceRow], bool]:
    """Places of the filtered articles, one row per place, at most MAX_PLACES (most mentioned),
    and whether there were more."""
    return data.cut(_places(f, MAX_PLACES + 1), MAX_PLACES)


def place_names(ids: Iterable[str]) -> dict[str, str]:
    """Names of place ids (for describing the place filter), from the unfiltered place list."""
    wanted = set(ids)
    if not wanted:
        return {}
    return {p.place_id: p.name for p in places(Filters())[0] if p.place_id in wanted}


def filter_labels(f: Filters) -> dict[str, str]:
    """Display names for the actor and place ids of ``f`` (for ``Filters.describe(labels)``)."""
    labels = actor_names(f.actors) if f.actors else {}
    labels.update(place_names(f.places))
    return labels


def movements(f: Filters) -> list[tuple[str, str]]:
    """(from place id, to place id) pairs travelled by actors of the filtered articles, from
    visit/travel event frames; [] until events are extracted. The hook the map draws arcs from."""
    frames = _movement_frames(f, MAX_MOVEMENT_ARTICLES)
    return movement_pairs(frames)[:MAX_MOVEMENT_PAIRS]


# -- pure helpers -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MoveFrame:
    """One movement event: who moved, when, to where (and where it was read)."""

    actor_ids: tuple[str, ...]
    date: str | None
    place_id: str
    published: str | None
    article_id: str
    order: int  # sentence start: the order of events told in one article


def movement_pairs(frames: Sequence[MoveFrame]) -> list[tuple[str, str]]:
    """Chain each actor's movement events in time order into (from, to) pairs.

    Events are ordered by their own date (undated ones by the article's date), then by position
    in the article; repeated stays at one place are one stop. An event without an actor cannot
    be chained and is ignored."""
    by_actor: dict[str, list[MoveFrame]] = {}
    for fr in frames:
        for actor in fr.actor_ids:
            by_actor.setdefault(actor, []).append(fr)
    pairs: list[tuple[str, str]] = []
    for actor in sorted(by_actor):
        evs = sorted(
            by_actor[actor],
            key=lambda e: ((e.date or e.published or "9999")[:10], e.article_id, e.order),
        )
        stops: list[str] = []
        for e in evs:
            if not stops or stops[-1] != e.place_id:
                stops.append(e.place_id)
        pairs.extend(itertools.pairwise(stops))
    return list(dict.fromkeys(pairs))


def by_id(rows: Sequence[Any], attr: str) -> dict[str, Any]:
    return {getattr(r, attr): r for r in rows}

"""Cached queries for the Entities and Map pages, and the limits applied to them.

Same rules as components/data.py: ``st.cache_data`` functions take only small hashable arguments
(the database path, its data version, a frozen Filters, ids) — never a DataFrame — and every
list is cut to a named MAX_* limit here, before a table, chart or map sees it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from components import data
from dossier.filters import Filters
from dossier.store import ActorRow, ArticleDetail, ArticleRow, MentionRow, PlaceRow

# Actors listed in the actors table (most mentioned first).
MAX_ACTORS = 300
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
# Places sent to the map: the store aggregates mentions per place in SQL first.
MAX_PLACES = 2000
# Articles whose event frames are read to draw movements, and arcs drawn.
MAX_MOVEMENT_ARTICLES = 300
MAX_MOVEMENT_PAIRS = 300
# Event types that move an actor to the frame's place (names from data/events/event_types.yaml).
MOVEMENT_TYPES = frozenset({"visit", "travel", "departure", "arrival", "inspection"})


# -- cached queries ---------------------------------------------------------------------------


@st.cache_data(ttl=data.CACHE_TTL_SECONDS, max_entries=128, show_spinner=False)
def _actors(path: str, version: tuple[int, int], f: Filters, limit: int) -> list[ActorRow]:
    opened = data._open_store(path)
    with opened.lock:
        return opened.store.actors(f, limit=limit)


@st.cache_data(ttl=data.CACHE_TTL_SECONDS, max_entries=128, show_spinner=False)
def _mentions(
    path: str, version: tuple[int, int], f: Filters, entity_id: str | None, article_id: str | None,
    limit: int,
) -> list[MentionRow]:
    opened = data._open_store(path)
    with opened.lock:
        return opened.store.mentions(f, entity_id=entity_id, article_id=article_id, limit=limit)


@st.cache_data(ttl=data.CACHE_TTL_SECONDS, max_entries=64, show_spinner=False)
def _matrix(
    path: str, version: tuple[int, int], f: Filters, max_actors: int, max_articles: int
) -> tuple[list[tuple[str, str, str, int]], list[ArticleRow]]:
    opened = data._open_store(path)
    with opened.lock:
        cells = opened.store.actor_article_matrix(f, max_actors=max_actors, max_articles=max_articles)
        arts = opened.store.list_articles(f, limit=max_articles)
    return cells, arts


@st.cache_data(ttl=data.CACHE_TTL_SECONDS, max_entries=64, show_spinner=False)
def _article_list(path: str, version: tuple[int, int], f: Filters, limit: int) -> list[ArticleRow]:
    opened = data._open_store(path)
    with opened.lock:
        return opened.store.list_articles(f, limit=limit)


@st.cache_data(ttl=data.CACHE_TTL_SECONDS, max_entries=128, show_spinner=False)
def _actor_names(path: str, version: tuple[int, int], ids: tuple[str, ...]) -> dict[str, str]:
    opened = data._open_store(path)
    with opened.lock:
        return opened.store.actor_names(list(ids))


@st.cache_data(ttl=data.CACHE_TTL_SECONDS, max_entries=128, show_spinner=False)
def _places(path: str, version: tuple[int, int], f: Filters, limit: int) -> list[PlaceRow]:
    opened = data._open_store(path)
    with opened.lock:
        return opened.store.places(f, limit=limit)


@st.cache_data(ttl=data.CACHE_TTL_SECONDS, max_entries=64, show_spinner=False)
def _movement_frames(
    path: str, version: tuple[int, int], f: Filters, max_articles: int
) -> list[MoveFrame]:
    opened = data._open_store(path)
    out: list[MoveFrame] = []
    with opened.lock:
        for art in opened.store.list_articles(f, limit=max_articles):
            for i, fr in enumerate(opened.store.article_extraction(art.id)["frames"]):
                if fr.type in MOVEMENT_TYPES and fr.place_id:
                    out.append(
                        MoveFrame(
                            actor_ids=tuple(fr.actor_ids), date=fr.date, place_id=fr.place_id,
                            published=art.published, article_id=art.id, order=fr.sentence_start,
                        )
                    )
    return out


# -- public, uncached-argument API ------------------------------------------------------------


def actors(f: Filters, limit: int = MAX_ACTORS) -> list[ActorRow]:
    return _actors(*data.store_key(), f, min(limit, MAX_ACTORS))


def actor_mentions(f: Filters, entity_id: str) -> list[MentionRow]:
    """Every mention of one actor (at most MAX_MENTIONS) with its sentence in the original script."""
    return _mentions(*data.store_key(), f, entity_id, None, MAX_MENTIONS)


def article_mentions(article_id: str) -> list[MentionRow]:
    """The mentions of one article (no filters: the article was chosen by the user)."""
    return _mentions(*data.store_key(), Filters(), None, article_id, MAX_ARTICLE_MENTIONS)


def matrix(f: Filters) -> tuple[list[tuple[str, str, str, int]], list[ArticleRow]]:
    """(cells (entity_id, canonical, article_id, mentions), the articles of the columns)."""
    return _matrix(*data.store_key(), f, MAX_MATRIX_ACTORS, MAX_MATRIX_ARTICLES)


def articles(f: Filters) -> list[ArticleRow]:
    return _article_list(*data.store_key(), f, MAX_PICK_ARTICLES)


def article(article_id: str) -> ArticleDetail | None:
    return data.article(article_id)


def actor_names(ids: Iterable[str]) -> dict[str, str]:
    return _actor_names(*data.store_key(), tuple(sorted(set(ids))))


def places(f: Filters) -> tuple[list[PlaceRow], bool]:
    """Places of the filtered articles, one row per place, at most MAX_PLACES (most mentioned),
    and whether there were more."""
    rows = _places(*data.store_key(), f, MAX_PLACES + 1)
    return rows[:MAX_PLACES], len(rows) > MAX_PLACES


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
    frames = _movement_frames(*data.store_key(), f, MAX_MOVEMENT_ARTICLES)
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
        pairs.extend(zip(stops, stops[1:]))
    return list(dict.fromkeys(pairs))


def by_id(rows: Sequence[Any], attr: str) -> dict[str, Any]:
    return {getattr(r, attr): r for r in rows}


@st.cache_data(ttl=data.CACHE_TTL_SECONDS, max_entries=64, show_spinner=False)
def _shared(path: str, version: tuple[int, int], left_id: str, right_id: str):
    opened = data._open_store(path)
    with opened.lock:
        return opened.store.shared_between(left_id, right_id)


def shared(left_id: str, right_id: str):
    """Places and events two articles have in common (dossier.store.core.SharedFacts)."""
    return _shared(*data.store_key(), left_id, right_id)

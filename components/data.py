"""The one place where the UI touches the store: cached wrappers and the limits applied to them.

Rules (DESIGN.md, principles 5 and 6):
- ``st.cache_resource`` holds the open Store (one per database — a SQLite file or a PostgreSQL URL in
  ``DOSSIER_DB`` — shared by all sessions);
- every query goes through ``cached_reader`` (``st.cache_data`` keyed on the database, a data
  version and small hashable arguments such as a frozen ``Filters`` — never a DataFrame);
- every list that reaches the browser is cut to a named limit here, before a table or chart sees it.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import streamlit as st

from dossier import config
from dossier.export import marks
from dossier.filters import Filters
from dossier.store import (
    ArticleDetail,
    ArticleRow,
    Facets,
    FilterOptions,
    Overview,
    Store,
    describe_target,
    store_target,
)

DEFAULT_DB = config.REPO_ROOT / "var" / "dossier.db"
DEFAULT_CORPUS = config.DEFAULT_CORPUS

# Rows of the article list sent to the browser per page of results.
MAX_LIST_ROWS = 200
# Matches counted past the page shown ("1,200+ articles match"): an exact count of a common word or
# of a 1-2 character search (which no index serves) reads every match, up to seconds at 100k
# articles; paging on counts further.
COUNT_AHEAD = 1000
# Bars in a categorical chart (sources, languages); the rest are summed into one "other" bar.
MAX_CHART_CATEGORIES = 20
# Months in the by-month chart: 20 years of monthly bars is already more than a screen can show.
MAX_CHART_MONTHS = 240
# Actors and places offered in the sidebar pickers (the most frequent; a linked one is always kept).
MAX_FILTER_OPTIONS = 300
# Longest search query accepted from the sidebar or a URL.
MAX_QUERY_CHARS = 200
# How long cached query results may live even when the data version did not change.
CACHE_TTL_SECONDS = 600

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


def db_target() -> Path | str:
    """The database the app opens: $DOSSIER_DB (a SQLite file, or a ``postgresql://`` URL for a
    team's shared store), else var/dossier.db in the repository."""
    return _resolved_target(os.environ.get("DOSSIER_DB", "").strip())


@functools.lru_cache(maxsize=8)
def _resolved_target(raw: str) -> Path | str:
    # every cached reader asks for the database (7 times a run): resolving the path each time
    # (realpath, a system call per component) cost ~10 ms a rerun
    if not raw:
        return DEFAULT_DB
    target = store_target(raw)
    return target.resolve() if isinstance(target, Path) else target


def db_label() -> str:
    """The database as the app names it: a file's name, or a URL without its password."""
    target = db_target()
    return target.name if isinstance(target, Path) else describe_target(target)


@dataclass
class OpenStore:
    store: Store
    # One connection (sqlite3 or psycopg) serves every session's thread; calls on it are serialised
    # here so two reruns never interleave statements on the same connection.
    lock: threading.Lock
    first_start_note: str | None  # what the app loaded on first start, shown once


@st.cache_resource(show_spinner="Opening the article store…")
def _open_store(path: str) -> OpenStore:
    store = Store(path)
    note = None
    if store.count_articles(Filters()) == 0 and DEFAULT_CORPUS.is_dir():
        # First start on an empty database: load the default corpus so the app opens on something
        # real. Imported here so the app still opens (and says why) if ingest is unavailable.
        from dossier.ingest.run import ingest_paths

        report = ingest_paths([DEFAULT_CORPUS], store)
        note = f"First start: ingested {_describe_report(report)} from {DEFAULT_CORPUS}."
    return OpenStore(store, threading.Lock(), note)


def _describe_report(report: object) -> str:
    """A short summary of an IngestReport without depending on its exact shape."""
    summary = getattr(report, "summary", None)
    if callable(summary):
        return str(summary())
    return str(report)


def open_store() -> OpenStore:
    return _open_store(str(db_target()))


def data_version() -> tuple[int, int]:
    """Changes whenever the database is written, by this app or another process (an ingest running
    beside it, another analyst's app on the same PostgreSQL), so cached results are recomputed."""
    opened = open_store()
    if opened.store.path is not None:  # SQLite: the file's stamps, no statement on the shared connection
        return opened.store.data_version()
    with opened.lock:  # PostgreSQL: a query, so wait for the connection like any reader
        return opened.store.data_version()


# -- cached queries (small hashable keys only) -----------------------------------------------


def store_key() -> tuple[str, tuple[int, int]]:
    """(database, data version): the first two arguments of every cached reader."""
    return str(db_target()), data_version()  # opens the store first (and runs the first-start ingest)


def cached_reader(*, max_entries: int) -> Callable[[Callable[Concatenate[Store, P], R]], Callable[P, R]]:
    """Turn ``query(store, *args)`` into a cached reader called as ``reader(*args)``.

    The cache key is (database path, data version, *args), so ``args`` must be small and hashable
    (a frozen Filters, ids, limits — never a DataFrame); the query runs on the shared store under
    its lock, so two sessions never interleave statements on the one connection."""

    def decorate(query: Callable[Concatenate[Store, P], R]) -> Callable[P, R]:
        def cached(path: str, version: tuple[int, int], *args: Any) -> R:
            opened = _open_store(path)
            with opened.lock:
                return query(opened.store, *args)

        # st.cache_data tells functions apart by module and qualified name (and source, which is
        # this wrapper's for all): every reader made here would otherwise share one cache
        # (streamlit issue 11157). An edited query keeps its cache until the data version moves.
        cached.__module__, cached.__qualname__ = query.__module__, query.__qualname__
        cached.__name__ = query.__name__
        cached_query = st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=max_entries, show_spinner=False)(cached)

        @functools.wraps(query)
        def read(*args: P.args, **kwargs: P.kwargs) -> R:
            assert not kwargs, "cached readers take positional arguments only (they are the cache key)"
            return cached_query(*store_key(), *args)

        return read

    return decorate


def cut(rows: list[T], limit: int) -> tuple[list[T], bool]:
    """The first ``limit`` rows, and whether there were more (read ``limit + 1`` to know)."""
    return rows[:limit], len(rows) > limit


@cached_reader(max_entries=64)
def facets(store: Store) -> Facets:
    return store.facets()


@cached_reader(max_entries=256)
def overview(store: Store, f: Filters) -> Overview:
    return store.overview(f)


@dataclass(frozen=True)
class ArticlePage:
    rows: list[ArticleRow]  # at most MAX_LIST_ROWS
    total: int  # matching articles, counted up to COUNT_AHEAD past this page
    more: bool  # the count stopped there: at least ``total`` articles match


@cached_reader(max_entries=256)
def _article_page(store: Store, f: Filters, offset: int, limit: int, at_most: int) -> tuple[int, list[ArticleRow]]:
    return store.article_page(f, limit=limit, offset=offset, at_most=at_most)


def article_page(f: Filters, page: int = 0) -> ArticlePage:
    """The rows of page ``page`` of the article list and how many articles match (counted up to
    COUNT_AHEAD past that page)."""
    offset = max(0, page) * MAX_LIST_ROWS
    at_most = offset + MAX_LIST_ROWS + COUNT_AHEAD
    total, rows = _article_page(f, offset, MAX_LIST_ROWS, at_most + 1)  # one more: were there more?
    return ArticlePage(rows, min(total, at_most), total > at_most)


@cached_reader(max_entries=64)
def article(store: Store, article_id: str) -> ArticleDetail | None:
    return store.get_article(article_id)


@cached_reader(max_entries=16)
def filter_options(store: Store) -> FilterOptions:
    return store.filter_options(limit=MAX_FILTER_OPTIONS)


@cached_reader(max_entries=256)
def _labels(store: Store, actor_ids: tuple[str, ...], place_ids: tuple[str, ...]) -> dict[str, str]:
    return {**store.actor_names(actor_ids), **store.place_names(place_ids)}


def labels(f: Filters) -> dict[str, str]:
    """Display names for the actor and place ids a Filters object holds (for describing it)."""
    return _labels(tuple(f.actors), tuple(f.places))


@cached_reader(max_entries=64)
def article_entities(store: Store, article_id: str) -> list:
    """The linked entity mentions of one article (dossier.model.Entity)."""
    return store.article_extraction(article_id)["entities"]


@cached_reader(max_entries=64)
def article_marks(store: Store, article_id: str) -> list[marks.Mark]:
    """The marks of one article's reader: entities, places and time expressions with offsets."""
    return marks.article_marks(store, article_id)


# -- corrections (writes go through the shared connection's lock, then the data version moves) --


def correct(kind: str, target: str, value: dict, note: str | None = None) -> int:
    from dossier.corpus import corrections

    opened = open_store()
    with opened.lock:
        return corrections.add(opened.store, kind, target, value, note=note)


def undo_correction(correction_id: int) -> None:
    from dossier.corpus import corrections

    opened = open_store()
    with opened.lock:
        corrections.undo(opened.store, correction_id)


@cached_reader(max_entries=16)
def correction_log(store: Store) -> list:
    return store.corrections()

"""The one place where the UI touches the store: cached wrappers and the limits applied to them.

Rules (DESIGN.md, principles 5 and 6):
- ``st.cache_resource`` holds the open Store (one per database file, shared by all sessions);
- ``st.cache_data`` functions take only small hashable arguments — the database path, a data
  version and a frozen ``Filters`` — never a DataFrame;
- every list that reaches the browser is cut to a named limit here, before a table or chart sees it.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from dossier import config
from dossier.filters import Filters
from dossier.store import ArticleDetail, ArticleRow, Facets, FilterOptions, Overview, Store

DEFAULT_DB = config.REPO_ROOT / "var" / "dossier.db"
DEFAULT_CORPUS = config.DEFAULT_CORPUS

# Rows of the article list sent to the browser per page of results.
MAX_LIST_ROWS = 200
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


def db_path() -> Path:
    """The database the app opens: $DOSSIER_DB, else var/dossier.db in the repository."""
    raw = os.environ.get("DOSSIER_DB", "").strip()
    return Path(raw).expanduser().resolve() if raw else DEFAULT_DB


@dataclass
class OpenStore:
    store: Store
    # One sqlite3 connection serves every session's thread; calls on it are serialised here so two
    # reruns never interleave statements on the same connection.
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
    return _open_store(str(db_path()))


def data_version(path: Path | None = None) -> tuple[int, int]:
    """Changes whenever the database is written (WAL mode writes the -wal file first), so cached
    results are recomputed after an ingest running beside the app."""
    path = path or db_path()
    stamps = []
    for p in (path, path.with_name(path.name + "-wal")):
        try:
            stamps.append(p.stat().st_mtime_ns)
        except OSError:
            stamps.append(0)
    return stamps[0], stamps[1]


# -- cached queries (small hashable keys only) -----------------------------------------------


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=64, show_spinner=False)
def _facets(path: str, version: tuple[int, int]) -> Facets:
    opened = _open_store(path)
    with opened.lock:
        return opened.store.facets()


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=256, show_spinner=False)
def _overview(path: str, version: tuple[int, int], f: Filters) -> Overview:
    opened = _open_store(path)
    with opened.lock:
        return opened.store.overview(f)


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=256, show_spinner=False)
def _article_page(
    path: str, version: tuple[int, int], f: Filters, offset: int, limit: int
) -> tuple[int, list[ArticleRow]]:
    opened = _open_store(path)
    with opened.lock:
        total = opened.store.count_articles(f)
        rows = opened.store.list_articles(f, limit=limit, offset=offset)
    return total, rows


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=64, show_spinner=False)
def _article(path: str, version: tuple[int, int], article_id: str) -> ArticleDetail | None:
    opened = _open_store(path)
    with opened.lock:
        return opened.store.get_article(article_id)


def store_key() -> tuple[str, tuple[int, int]]:
    """(database path, data version): the first two arguments of every cached reader."""
    path = db_path()
    open_store()  # make sure the store exists (and the first-start ingest ran) before stat()
    return str(path), data_version(path)


def facets() -> Facets:
    return _facets(*store_key())


def overview(f: Filters) -> Overview:
    return _overview(*store_key(), f)


def article_page(f: Filters, page: int = 0) -> tuple[int, list[ArticleRow]]:
    """(number of matching articles, the rows of page ``page`` — at most MAX_LIST_ROWS)."""
    return _article_page(*store_key(), f, max(0, page) * MAX_LIST_ROWS, MAX_LIST_ROWS)


def article(article_id: str) -> ArticleDetail | None:
    return _article(*store_key(), article_id)


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=16, show_spinner=False)
def _filter_options(path: str, version: tuple[int, int]) -> FilterOptions:
    opened = _open_store(path)
    with opened.lock:
        return opened.store.filter_options(limit=MAX_FILTER_OPTIONS)


def filter_options() -> FilterOptions:
    return _filter_options(*store_key())


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=256, show_spinner=False)
def _labels(path: str, version: tuple[int, int], actor_ids: tuple[str, ...], place_ids: tuple[str, ...]) -> dict[str, str]:
    opened = _open_store(path)
    with opened.lock:
        return {**opened.store.actor_names(actor_ids), **opened.store.place_names(place_ids)}


def labels(f: Filters) -> dict[str, str]:
    """Display names for the actor and place ids a Filters object holds (for describing it)."""
    return _labels(*store_key(), tuple(f.actors), tuple(f.places))


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=64, show_spinner=False)
def _article_entities(path: str, version: tuple[int, int], article_id: str) -> list:
    opened = _open_store(path)
    with opened.lock:
        return opened.store.article_extraction(article_id)["entities"]


def article_entities(article_id: str) -> list:
    """The linked entity mentions of one article (dossier.model.Entity)."""
    return _article_entities(*store_key(), article_id)


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


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=16, show_spinner=False)
def _correction_log(path: str, version: tuple[int, int]) -> list:
    opened = _open_store(path)
    with opened.lock:
        return opened.store.corrections()


def correction_log() -> list:
    return _correction_log(*store_key())

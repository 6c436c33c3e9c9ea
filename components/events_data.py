"""Cached access to fused events and reporting chains (same rules as components/data.py:
small hashable keys, the data version in every key, named limits applied here)."""

from __future__ import annotations

import streamlit as st

from components.data import CACHE_TTL_SECONDS, _open_store, store_key
from dossier.provenance.confirmations import EventConfirmation, confirmations
from dossier.filters import Filters
from dossier.store import ChainRow, EventRow

# Events drawn on the timeline; beyond this the page says how many were left out.
MAX_TIMELINE_EVENTS = 1500
# Reporting chains listed on the Sources page.
MAX_CHAINS = 2000


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=128, show_spinner=False)
def _events(path: str, version: tuple[int, int], f: Filters, limit: int) -> tuple[list[EventRow], dict[str, str]]:
    opened = _open_store(path)
    with opened.lock:
        rows = opened.store.events(f, limit=limit)
        ids = sorted({a for e in rows for a in e.actor_ids})
        places = sorted({e.place_id for e in rows if e.place_id})
        names = {**opened.store.actor_names(ids), **opened.store.place_names(places)}
    return rows, names


def events(f: Filters) -> tuple[list[EventRow], dict[str, str], bool]:
    """(events, display names for their actor and place ids, whether the limit cut the list)."""
    rows, names = _events(*store_key(), f, MAX_TIMELINE_EVENTS + 1)
    return rows[:MAX_TIMELINE_EVENTS], names, len(rows) > MAX_TIMELINE_EVENTS


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=128, show_spinner=False)
def _chains(path: str, version: tuple[int, int], f: Filters, limit: int) -> list[ChainRow]:
    opened = _open_store(path)
    with opened.lock:
        return opened.store.chains(f, limit=limit)


def chains(f: Filters) -> tuple[list[ChainRow], bool]:
    rows = _chains(*store_key(), f, MAX_CHAINS + 1)
    return rows[:MAX_CHAINS], len(rows) > MAX_CHAINS


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=64, show_spinner=False)
def _confirmations(path: str, version: tuple[int, int], f: Filters, limit: int) -> dict[str, EventConfirmation]:
    rows, _ = _events(path, version, f, limit)
    opened = _open_store(path)
    with opened.lock:
        return confirmations(rows, lambda aid: opened.store.chains(Filters(), article_id=aid, limit=MAX_CHAINS))


def event_confirmations(f: Filters) -> dict[str, EventConfirmation]:
    """Independent origins of each event in events(f), by event id."""
    return _confirmations(*store_key(), f, MAX_TIMELINE_EVENTS + 1)

"""Cached access to fused events and reporting chains (same rules as components/data.py:
small hashable keys, the data version in every key, named limits applied here)."""

from __future__ import annotations

from components.data import cached_reader, cut

# the page's limit and reader, shared with `python -m dossier export`
from dossier.export.views import MAX_TIMELINE_EVENTS, events_and_names
from dossier.filters import Filters
from dossier.provenance.confirmations import EventConfirmation, confirmations
from dossier.store import ChainRow, EventRow, Store

# Reporting chains listed on the Sources page.
MAX_CHAINS = 2000


@cached_reader(max_entries=128)
def _events(store: Store, f: Filters, limit: int) -> tuple[list[EventRow], dict[str, str]]:
    return events_and_names(store, f, limit)


def events(f: Filters) -> tuple[list[EventRow], dict[str, str], bool]:
    """(events, display names for their actor and place ids, whether the limit cut the list)."""
    rows, names = _events(f, MAX_TIMELINE_EVENTS + 1)
    shown, more = cut(rows, MAX_TIMELINE_EVENTS)
    return shown, names, more


@cached_reader(max_entries=128)
def _chains(store: Store, f: Filters, limit: int) -> list[ChainRow]:
    return store.chains(f, limit=limit)


def chains(f: Filters) -> tuple[list[ChainRow], bool]:
    return cut(_chains(f, MAX_CHAINS + 1), MAX_CHAINS)


@cached_reader(max_entries=64)
def _confirmations(store: Store, f: Filters, limit: int) -> dict[str, EventConfirmation]:
    # the rows of _events(f, limit), read here under the lock: calling that cached reader from
    # inside the lock could deadlock against a session computing it
    rows = store.events(f, limit=limit)
    return confirmations(rows, lambda aid: store.chains(Filters(), article_id=aid, limit=MAX_CHAINS))


def event_confirmations(f: Filters) -> dict[str, EventConfirmation]:
    """Independent origins of each event in events(f), by event id."""
    return _confirmations(f, MAX_TIMELINE_EVENTS + 1)

"""Analysts' corrections: merge two actors, split a wrong merge, add an alias, correct an event's
date or place, move a place (the kinds: corpus/correction_kinds.py).

Corrections are stored apart from what extraction found (table `corrections`), with their time
and before/after values, and are replayed in order over the extraction after every ingest,
re-extraction or change (corpus/rebuild.py) — so they survive both, reach every view and export
(which read the corrected tables), and each can be undone (the replay then skips it).
"""

from __future__ import annotations

from typing import Any

from dossier.corpus.correction_kinds import EVENT_KINDS, KINDS, CorrectionError, split_id
from dossier.corpus.rebuild import rebuild
from dossier.store import CorrectionRow, Store

# the names callers (ingest, the Corrections page, tests) use from here
__all__ = ["EVENT_KINDS", "KINDS", "CorrectionError", "add", "detached", "log", "rebuild", "split_id", "undo"]


def add(store: Store, kind: str, target: str, value: dict[str, Any], *, note: str | None = None) -> int:
    """Record a correction, then rebuild the corrected view. Returns its id."""
    if kind not in KINDS:
        raise CorrectionError(f"unknown correction {kind!r}; one of {', '.join(KINDS)}")
    KINDS[kind].validate(target, value)
    before = KINDS[kind].before(store, target, value)
    cid = store.add_correction(kind, target, value, before, note)
    rebuild(store)
    return cid


def undo(store: Store, correction_id: int) -> None:
    if not store.undo_correction(correction_id):
        raise CorrectionError(f"no active correction {correction_id}")
    rebuild(store)


def log(store: Store) -> list[CorrectionRow]:
    """Every correction ever made, undone ones included (the audit log). An active event correction
    whose event no longer exists has `detached` set: it is kept, applies to nothing, and can be
    undone and made again on the event that now holds those reports."""
    return store.corrections()


def detached(store: Store) -> list[CorrectionRow]:
    """The active event corrections that apply to no event after the last rebuild."""
    return [c for c in store.corrections(active_only=True) if c.detached]

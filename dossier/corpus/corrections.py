"""Analysts' corrections: merge two actors, split a wrong merge, add an alias, correct an event's
date or place, move a place.

Corrections are stored apart from what extraction found (table `corrections`), with their time
and before/after values, and are replayed in order over the extraction after every ingest,
re-extraction or change — so they survive both, reach every view and export (which read the
corrected tables), and each can be undone (the replay then skips it).
"""

from __future__ import annotations

import hashlib
from typing import Any

from dossier.store import CorrectionRow, Store

KINDS = ("merge_actor", "add_alias", "split_alias", "event_date", "event_place", "place_location")
EVENT_KINDS = ("event_date", "event_place")  # the corrections that name a fused event by its id


class CorrectionError(ValueError):
    """A correction that cannot be made; the message says why."""


def add(store: Store, kind: str, target: str, value: dict[str, Any], *, note: str | None = None) -> int:
    """Record a correction, then rebuild the corrected view. Returns its id."""
    if kind not in KINDS:
        raise CorrectionError(f"unknown correction {kind!r}; one of {', '.join(KINDS)}")
    _validate(kind, target, value)
    before = _before(store, kind, target, value)
    cid = store.add_correction(kind, target, value, before, note)
    rebuild(store)
    return cid


def undo(store: Store, correction_id: int) -> None:
    if not store.undo_correction(correction_id):
        raise CorrectionError(f"no active correction {correction_id}")
    rebuild(store)


def rebuild(store: Store) -> None:
    """Extraction, then corpus-level grouping, then every active correction in the order made.
    Fused events keep the ids of the events they continue (corpus.refresh_events), so an event
    correction follows its event; one whose event is gone changes nothing and shows as detached."""
    from dossier.corpus.grouping import refresh_events, regroup_unlinked  # corpus imports this module

    active = store.corrections(active_only=True)
    store.reset_overlays()
    regroup_unlinked(store)
    merges: dict[str, str] = {}
    for c in active:
        if c.kind == "merge_actor":
            into = c.value["into"]
            store.relink_mentions(entity_id=c.target, new_id=into, new_name=c.value.get("name"))
            merges = {k: (into if v == c.target else v) for k, v in merges.items()} | {c.target: into}
        elif c.kind == "add_alias":
            store.relink_mentions(text=c.value["text"], lang=c.value.get("lang"), new_id=c.target,
                                  new_name=c.value.get("name"))
        elif c.kind == "split_alias":
            store.relink_mentions(entity_id=c.target, text=c.value["text"], new_id=split_id(c.value["text"]),
                                  new_name=c.value["text"])
        elif c.kind == "place_location":
            store.move_place(c.target, float(c.value["lat"]), float(c.value["lon"]))
    refresh_events(store)
    if merges:
        for event_id, actors in store.event_actor_ids().items():
            mapped = list(dict.fromkeys(merges.get(a, a) for a in actors))
            if mapped != actors:
                store.update_event(event_id, actor_ids=mapped)
    for c in active:
        if c.kind == "event_date":
            store.update_event(c.target, date=c.value["date"], date_end=c.value.get("date_end"), precision="corrected")
        elif c.kind == "event_place":
            store.update_event(c.target, place_id=c.value["place_id"])


def split_id(text: str) -> str:
    """The id a split-off surface form gets: stable, so the split survives a rebuild."""
    return "x:split:" + hashlib.sha1(text.casefold().encode("utf-8")).hexdigest()[:10]


def log(store: Store) -> list[CorrectionRow]:
    """Every correction ever made, undone ones included (the audit log). An active event correction
    whose event no longer exists has `detached` set: it is kept, applies to nothing, and can be
    undone and made again on the event that now holds those reports."""
    return store.corrections()


def detached(store: Store) -> list[CorrectionRow]:
    """The active event corrections that apply to no event after the last rebuild."""
    return [c for c in store.corrections(active_only=True) if c.detached]


def _validate(kind: str, target: str, value: dict[str, Any]) -> None:
    need = {
        "merge_actor": ("into",), "add_alias": ("text",), "split_alias": ("text",),
        "event_date": ("date",), "event_place": ("place_id",), "place_location": ("lat", "lon"),
    }[kind]
    missing = [k for k in need if not value.get(k) and value.get(k) != 0]
    if not target or missing:
        raise CorrectionError(f"{kind} needs a target and {', '.join(need)}")
    if kind == "merge_actor" and value["into"] == target:
        raise CorrectionError("an actor cannot be merged into itself")
    if kind == "place_location":
        lat, lon = float(value["lat"]), float(value["lon"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise CorrectionError(f"({lat}, {lon}) is not a point on Earth")


def _before(store: Store, kind: str, target: str, value: dict[str, Any]) -> Any:
    """What the corrected thing looked like when the correction was made (for the audit log)."""
    if kind in ("merge_actor", "split_alias"):
        return {"name": store.actor_names([target]).get(target)}
    if kind == "add_alias":
        return {"linked_to": store.links_of_text(value["text"])}
    if kind in ("event_date", "event_place"):
        row = store.event_fields(target)
        if row is None:
            raise CorrectionError(f"no event {target}")
        return row
    return store.place_point(target)

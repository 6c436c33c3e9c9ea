"""The kinds of correction an analyst can make, one class each: what it needs, what it records as
"before" in the audit log, and how it is replayed over the extraction.

A kind registers itself by subclassing ``Kind`` with a ``name``: adding a kind is adding one class
here (and, if it names a fused event, setting ``names_event`` so fusion keeps that event's id).

Replay has two steps because fused events are rebuilt in between (see corpus/rebuild.py):
``before_fusion`` changes mentions and places, which fusion then reads; ``after_fusion`` changes
the fused events themselves.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, ClassVar

from dossier.store import CorrectionRow, Store


class CorrectionError(ValueError):
    """A correction that cannot be made; the message says why."""


@dataclass
class Replay:
    """What the corrections replayed so far leave for later steps of the same rebuild."""

    # merged actor id -> the id it now goes by (chains of merges resolved to their last id)
    merges: dict[str, str] = field(default_factory=dict)

    def remap_merged_actors(self, store: Store) -> None:
        """Fusion reads actor ids from the stored frames, which merges do not touch: give the fused
        events the merged ids, each actor once."""
        if not self.merges:
            return
        for event_id, actors in store.event_actor_ids().items():
            mapped = list(dict.fromkeys(self.merges.get(a, a) for a in actors))
            if mapped != actors:
                store.update_event(event_id, actor_ids=mapped)


class Kind:
    """One kind of correction. ``target`` is the id of what is corrected; ``value`` the new facts."""

    name: ClassVar[str]
    needs: ClassVar[tuple[str, ...]]  # keys ``value`` must hold
    names_event: ClassVar[bool] = False  # whether ``target`` is a fused event's id

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:  # a kind, not a base shared by kinds
            KINDS[cls.name] = cls()

    def validate(self, target: str, value: dict[str, Any]) -> None:
        missing = [k for k in self.needs if not value.get(k) and value.get(k) != 0]
        if not target or missing:
            raise CorrectionError(f"{self.name} needs a target and {', '.join(self.needs)}")
        self.check(target, value)

    def check(self, target: str, value: dict[str, Any]) -> None:
        """Rules beyond the required keys; raise CorrectionError to refuse."""

    def before(self, store: Store, target: str, value: dict[str, Any]) -> Any:
        """What the corrected thing looked like when the correction was made (for the audit log)."""
        raise NotImplementedError

    def before_fusion(self, store: Store, c: CorrectionRow, replay: Replay) -> None:
        """Replay over mentions and places, before events are fused."""

    def after_fusion(self, store: Store, c: CorrectionRow) -> None:
        """Replay over the fused events."""


# kind name -> its one instance, in the order the kinds are defined below (filled by Kind.__init_subclass__)
KINDS: dict[str, Kind] = {}


def split_id(text: str) -> str:
    """The id a split-off surface form gets: stable, so the split survives a rebuild."""
    return "x:split:" + hashlib.sha1(text.casefold().encode("utf-8")).hexdigest()[:10]


def _actor_name(store: Store, target: str) -> dict[str, Any]:
    return {"name": store.actor_names([target]).get(target)}


class MergeActor(Kind):
    """Two actor ids are one actor: every mention of ``target`` goes to ``value["into"]``."""

    name = "merge_actor"
    needs = ("into",)

    def check(self, target: str, value: dict[str, Any]) -> None:
        if value["into"] == target:
            raise CorrectionError("an actor cannot be merged into itself")

    def before(self, store: Store, target: str, value: dict[str, Any]) -> Any:
        return _actor_name(store, target)

    def before_fusion(self, store: Store, c: CorrectionRow, replay: Replay) -> None:
        into = c.value["into"]
        store.relink_mentions(entity_id=c.target, new_id=into, new_name=c.value.get("name"))
        merges = {k: (into if v == c.target else v) for k, v in replay.merges.items()}
        replay.merges = merges | {c.target: into}


class AddAlias(Kind):
    """A surface form (optionally in one language) names actor ``target``."""

    name = "add_alias"
    needs = ("text",)

    def before(self, store: Store, target: str, value: dict[str, Any]) -> Any:
        return {"linked_to": store.links_of_text(value["text"])}

    def before_fusion(self, store: Store, c: CorrectionRow, replay: Replay) -> None:
        store.relink_mentions(text=c.value["text"], lang=c.value.get("lang"), new_id=c.target,
                              new_name=c.value.get("name"))


class SplitAlias(Kind):
    """A surface form wrongly linked to actor ``target`` becomes an actor of its own."""

    name = "split_alias"
    needs = ("text",)

    def before(self, store: Store, target: str, value: dict[str, Any]) -> Any:
        return _actor_name(store, target)

    def before_fusion(self, store: Store, c: CorrectionRow, replay: Replay) -> None:
        store.relink_mentions(entity_id=c.target, text=c.value["text"], new_id=split_id(c.value["text"]),
                              new_name=c.value["text"])


class _EventKind(Kind):
    """A correction of one fused event, named by its id."""

    names_event = True

    def before(self, store: Store, target: str, value: dict[str, Any]) -> Any:
        row = store.event_fields(target)
        if row is None:
            raise CorrectionError(f"no event {target}")
        return row


class EventDate(_EventKind):
    """The date (and optional end date) of fused event ``target``."""

    name = "event_date"
    needs = ("date",)

    def after_fusion(self, store: Store, c: CorrectionRow) -> None:
        store.update_event(c.target, date=c.value["date"], date_end=c.value.get("date_end"),
                           precision="corrected")


class EventPlace(_EventKind):
    """The place of fused event ``target``."""

    name = "event_place"
    needs = ("place_id",)

    def after_fusion(self, store: Store, c: CorrectionRow) -> None:
        store.update_event(c.target, place_id=c.value["place_id"])


class PlaceLocation(Kind):
    """Place ``target`` lies at another point."""

    name = "place_location"
    needs = ("lat", "lon")

    def check(self, target: str, value: dict[str, Any]) -> None:
        lat, lon = float(value["lat"]), float(value["lon"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise CorrectionError(f"({lat}, {lon}) is not a point on Earth")

    def before(self, store: Store, target: str, value: dict[str, Any]) -> Any:
        return store.place_point(target)

    def before_fusion(self, store: Store, c: CorrectionRow, replay: Replay) -> None:
        store.move_place(c.target, float(c.value["lat"]), float(c.value["lon"]))


# the corrections that name a fused event by its id
EVENT_KINDS = tuple(name for name, kind in KINDS.items() if kind.names_event)

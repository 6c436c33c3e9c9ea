"""The corpus-level refresh after every ingest, re-extraction or correction: group the unlinked
names, replay the analysts' corrections over mentions and places, fuse the events, then replay
the corrections over the fused events.

It is the one module that knows both grouping (corpus/grouping.py) and the corrections
(corpus/correction_kinds.py), so neither of those imports the other.
"""

from __future__ import annotations

from dossier.corpus.correction_kinds import KINDS, Replay
from dossier.corpus.grouping import refresh_events, regroup_unlinked
from dossier.store import Store


def rebuild(store: Store) -> None:
    """Extraction, then corpus-level grouping, then every active correction in the order made.
    Fused events keep the ids of the events they continue (grouping.refresh_events), so an event
    correction follows its event; one whose event is gone changes nothing and shows as detached."""
    # a kind this version does not know (a newer one's) is kept in the log and not applied
    active = [(KINDS[c.kind], c) for c in store.corrections(active_only=True) if c.kind in KINDS]
    store.reset_overlays()
    regroup_unlinked(store)
    replay = Replay()
    for kind, c in active:
        kind.before_fusion(store, c, replay)
    refresh_events(store)
    replay.remap_merged_actors(store)
    for kind, c in active:
        kind.after_fusion(store, c)

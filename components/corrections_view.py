"""What the Corrections page shows: the events offered for correction, the log as a table, and the
warning for corrections whose event is gone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from components.timeline_view import bar_label
from dossier.store import EventRow


def event_labels(events: Sequence[EventRow], names: Mapping[str, str], limit: int) -> dict[str, str]:
    """Event id -> "type · date · first three actors" for the first ``limit`` events."""
    return {
        e.id: f"{e.type.replace('_', ' ')} · {bar_label(e)} · {', '.join(names.get(a, a) for a in e.actor_ids[:3])}"
        for e in events[:limit]
    }


def log_rows(log: Sequence[Any]) -> list[dict[str, Any]]:
    """The correction log, newest first, one row per correction with its status."""
    return [
        {"id": c.id, "made": c.created_at, "kind": c.kind, "target": c.target, "before": str(c.before),
         "after": str(c.value), "note": c.note or "", "undone": c.undone_at or "",
         "status": "detached: its event no longer exists" if c.detached else ("undone" if c.undone_at else "applied")}
        for c in reversed(log)
    ]


def detached_warning(detached: Sequence[Any]) -> str:
    """Why corrections that apply to no event must be redone by hand."""
    # a rebuilt event keeps its id while it shares reports with the old one; merged or vanished
    # events cannot, and an analyst must know the correction no longer shows anywhere
    return (
        f"{len(detached)} event correction{'s apply' if len(detached) > 1 else ' applies'} to no event "
        f"(#{', #'.join(str(c.id) for c in detached)}): the event merged into another or its reports "
        "are gone. Undo them and correct the event that now holds those reports (the log keeps "
        "their before values)."
    )

"""Corpus-level steps that run after articles are stored: fusing event frames across articles.

Fused events are derived data: they are rebuilt whole from the stored frames, so any ingest,
re-extraction or correction leaves them consistent with what the articles say.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, fields

from dossier import events, fusion
from dossier.model import EventFrame
from dossier.store import Store

_BASE_FIELDS = {f.name for f in fields(EventFrame)}


def frame_extra(frame: events.Frame) -> dict:
    """The fields a Frame adds to EventFrame, as stored beside it."""
    return {k: v for k, v in asdict(frame).items() if k not in _BASE_FIELDS}


def _frame_from_row(row: dict) -> events.Frame:
    known = {f.name for f in fields(events.Frame)}
    extra = {k: v for k, v in row["extra"].items() if k in known}
    return events.Frame(
        type=row["type"], date=row["date"], date_end=row["date_end"], place_id=row["place_id"],
        actor_ids=row["actor_ids"], sentence_start=row["sentence_start"], sentence_end=row["sentence_end"],
        **extra,
    )


def refresh_events(store: Store) -> int:
    """Fuse every stored frame into events and replace the stored events. Returns their number."""
    refs = [
        fusion.FrameRef(
            article_id=row["article_id"],
            published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
            lang=row["lang"] or "und",
            frame=_frame_from_row(row),
            sentence=row["sentence"],
        )
        for row in store.frame_rows()
    ]
    fused = fusion.fuse(refs)
    store.replace_events(
        [
            {
                "id": e.id, "type": e.type, "date": e.date, "date_end": e.date_end, "precision": e.precision,
                "date_mod": e.date_mod, "status": e.status, "place_id": e.place_id, "actor_ids": e.actor_ids,
                "conflict": e.conflict, "readings": [asdict(r) for r in e.readings],
                "sources": [asdict(s) for s in e.sources],
            }
            for e in fused
        ]
    )
    return len(fused)

"""Corpus-level steps that run after articles are stored: grouping names the knowledge base does
not know across articles and scripts, and fusing event frames across articles.

Fused events are derived data: they are rebuilt whole from the stored frames, so any ingest,
re-extraction or correction leaves them consistent with what the articles say.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, fields

from dossier.corpus.correction_kinds import EVENT_KINDS
from dossier.events import frames as events
from dossier.events import fusion
from dossier.linking import link
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


def frame_refs(store: Store) -> list[fusion.FrameRef]:
    """Every stored frame, as fusion takes it."""
    return [
        fusion.FrameRef(
            article_id=row["article_id"],
            published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
            lang=row["lang"] or "und",
            frame=_frame_from_row(row),
            sentence=row["sentence"],
        )
        for row in store.frame_rows()
    ]


def refresh_events(store: Store) -> int:
    """Fuse every stored frame into events and replace the stored events. Returns their number.

    Each new event keeps the id of the stored event it continues (fusion.inherit_ids), so an
    analyst's correction naming it stays on it when an article joins the event or its type changes;
    on a tie the id a correction names wins."""
    fused = fusion.fuse(frame_refs(store))
    corrected = {c.target for c in store.corrections(active_only=True) if c.kind in EVENT_KINDS}
    for e, event_id in zip(fused, fusion.inherit_ids(store.event_source_keys(), fused, prefer=corrected)):
        e.id = event_id
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


def regroup_unlinked(store: Store) -> int:
    """Group the names no knowledge-base actor took, across articles and scripts (transliteration
    key plus fuzzy similarity, the score kept as evidence), per label so a person and an
    organisation never share a cluster. Returns the number of clusters with more than one name.

    What moves is a mention's in-article chain, not its text: "Lai" that its article resolved to
    "Lai Ching-te" is grouped as "Lai Ching-te" (the chain's longest name), so cross-article
    grouping keeps what in-article coreference found."""
    texts: dict[tuple[str, str, str], dict[str, int]] = {}
    for unit, text, lang, label, n in store.unlinked_names():
        counts = texts.setdefault((unit, lang, label), {})
        counts[text] = counts.get(text, 0) + n
    # a chain is named by its longest text (the full name), then its most frequent
    rows = [
        (max(counts, key=lambda t: (len(t), counts[t], t)), unit, lang, label, sum(counts.values()))
        for (unit, lang, label), counts in texts.items()
    ]
    groups: dict[tuple[str, str, str], tuple[str | None, float, str | None]] = {}
    # a title on its own names nobody: it stays unlinked and joins no cluster
    for text, unit, lang, label, _n in rows:
        if link.is_bare_title(text):
            groups[(unit, lang, label)] = (None, 0.0, None)
    rows = [r for r in rows if (r[1], r[2], r[3]) not in groups]
    multi = 0
    for label in sorted({r[3] for r in rows}):
        names = [(text, lang) for text, _unit, lang, lab, n in rows if lab == label for _ in range(min(n, 50))]
        clusters = link.group_unlinked(names)
        members: dict[str, dict[str, int]] = {}
        for text, _unit, lang, lab, n in rows:
            if lab == label:
                cid, _ = clusters[(text, lang)]
                if cid:
                    named = members.setdefault(cid, {})
                    named[text] = named.get(text, 0) + n
        # a cluster's display name: its most frequent Latin-script name, else its most frequent name
        display = {
            cid: max(ms.items(), key=lambda m: (m[0].isascii(), m[1], m[0]))[0] for cid, ms in members.items()
        }
        multi += sum(1 for ms in members.values() if len(ms) > 1)
        for text, unit, lang, lab, _n in rows:
            if lab == label:
                cid, score = clusters[(text, lang)]
                groups[(unit, lang, label)] = (f"{cid}:{label.lower()}" if cid else None, score, display.get(cid))
    store.regroup_unlinked(groups)
    return multi

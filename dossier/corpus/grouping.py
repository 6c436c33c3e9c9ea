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
    # chain -> label -> text -> mentions. A chain is (unit, lang, None) for an in-article "x:" id,
    # whatever labels its mentions carry, and (unit, lang, label) for a text: labels stay apart there
    Chain = tuple[str, str, str | None]
    seen: dict[Chain, dict[str, dict[str, int]]] = {}
    for unit, text, lang, label, n in store.unlinked_names():
        chain = (unit, lang, None if unit.startswith("x:") else label)
        counts = seen.setdefault(chain, {}).setdefault(label, {})
        counts[text] = counts.get(text, 0) + n
    rows: list[tuple[str, Chain, str, str, int]] = []  # (name, chain, lang, label, mentions)
    for chain, by_label in seen.items():
        # a chain is named by its longest text (the full name), then its most frequent, and takes that
        # name's label: the recogniser may type a short form otherwise ("보티에르" as ORG after a person)
        name, label = max(((t, lab) for lab, ts in by_label.items() for t in ts),
                          key=lambda tl: (len(tl[0]), by_label[tl[1]][tl[0]], tl[0], tl[1]))
        rows.append((name, chain, chain[1], label, sum(n for ts in by_label.values() for n in ts.values())))

    def unit_keys(chain: Chain) -> list[tuple[str, str, str]]:
        """The (unit, lang, label) keys store.regroup_unlinked matches a chain's mentions by."""
        return [(chain[0], chain[1], lab) for lab in seen[chain]]

    groups: dict[tuple[str, str, str], tuple[str | None, float, str | None]] = {}
    # a title on its own names nobody: it stays unlinked and joins no cluster
    titles = [r for r in rows if link.is_bare_title(r[0])]
    for _name, chain, _lang, _label, _n in titles:
        groups.update(dict.fromkeys(unit_keys(chain), (None, 0.0, None)))
    rows = [r for r in rows if r not in titles]
    multi = 0
    for label in sorted({r[3] for r in rows}):
        names = [(name, lang) for name, _c, lang, lab, n in rows if lab == label for _ in range(min(n, 50))]
        clusters = link.group_unlinked(names)
        members: dict[str, dict[str, int]] = {}
        for name, _c, lang, lab, n in rows:
            if lab == label:
                cid, _ = clusters[(name, lang)]
                if cid:
                    named = members.setdefault(cid, {})
                    named[name] = named.get(name, 0) + n
        # a cluster's display name: its most frequent Latin-script name, else its most frequent name
        display = {
            cid: max(ms.items(), key=lambda m: (m[0].isascii(), m[1], m[0]))[0] for cid, ms in members.items()
        }
        multi += sum(1 for ms in members.values() if len(ms) > 1)
        for name, chain, lang, lab, _n in rows:
            if lab == label:
                cid, score = clusters[(name, lang)]
                group = (f"{cid}:{label.lower()}" if cid else None, score, display.get(cid))
                groups.update(dict.fromkeys(unit_keys(chain), group))
    store.regroup_unlinked(groups)
    return multi

"""Events: the per-article frames, the events fused across articles (rebuilt whole after an ingest)
and the reporting chains."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from dossier.filters import Filters
from dossier.store.connection import Connection
from dossier.store.rows import ChainRow, EventRow, from_row
from dossier.store.where import article_where, chunks, equal, marks


class EventQueries(Connection):
    """Reads of frames and chains; the fused events, swapped in whole and read back filtered."""

    def frame_rows(self) -> list[dict[str, Any]]:
        """Every stored frame with its article's date and language and its sentence text."""
        rows = self.conn.execute(
            """SELECT f.*, a.published,
                      substr(a.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) AS sentence,
                      (SELECT s.lang FROM segments s WHERE s.article_id = f.article_id
                       AND s.start <= f.sentence_start AND f.sentence_start < s.end LIMIT 1) AS lang
               FROM frames f JOIN articles a ON a.id = f.article_id ORDER BY f.article_id, f.idx"""
        ).fetchall()
        return [
            {**dict(r), "actor_ids": json.loads(r["actor_ids"]), "extra": json.loads(r["extra"] or "{}")}
            for r in rows
        ]

    # -- fused events (derived from all frames; rebuilt whole after an ingest) ---------------------

    def replace_events(self, events: list[dict[str, Any]]) -> None:
        """Swap in a new set of fused events in one transaction (readers never see a half set).

        Each event: id, type, date, date_end, precision, date_mod, status, place_id, actor_ids,
        conflict, readings (JSON-able), sources (list of dicts: article_id, lang, sentence_start,
        sentence_end, sentence, trigger, date, date_end, precision, status)."""
        with self.transaction() as tx:
            tx.execute("DELETE FROM event_sources")
            tx.execute("DELETE FROM events")
            for e in events:
                tx.execute(
                    "INSERT INTO events (id, type, date, date_end, precision, date_mod, status, place_id, "
                    "actor_ids, conflict, readings, n_articles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (e["id"], e["type"], e["date"], e["date_end"], e["precision"], e["date_mod"], e["status"],
                     e["place_id"], json.dumps(e["actor_ids"]), int(e["conflict"]),
                     json.dumps(e["readings"], ensure_ascii=False),
                     len({src["article_id"] for src in e["sources"]})),
                )
                tx.executemany(
                    "INSERT INTO event_sources (event_id, article_id, lang, sentence_start, sentence_end, "
                    "sentence, trigger, date, date_end, precision, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (e["id"], src["article_id"], src["lang"], src["sentence_start"], src["sentence_end"],
                         src["sentence"], src.get("trigger"), src.get("date"), src.get("date_end"),
                         src.get("precision"), src.get("status"))
                        for src in e["sources"]
                    ],
                )

    def event_source_keys(self) -> dict[str, set[tuple[str, int, int]]]:
        """Each stored event's sources as (article id, sentence start, trigger start), the keys
        dossier.events.fusion.inherit_ids matches a rebuild's events on. event_sources keeps the trigger's
        text, not its offset: the offset comes from the article's frame with that sentence, trigger
        and date (all of them when several match); a source whose frame is gone (re-extracted
        differently) falls back to the trigger's first place in its sentence."""
        found = self.sql.position("es.sentence", "es.trigger")
        rows = self.conn.execute(
            f"""SELECT es.event_id, es.article_id, es.sentence_start,
                      coalesce({self.sql.json_int("f.extra", "trigger_start")},
                               CASE WHEN {found} > 0 AND es.trigger != ''
                                    THEN es.sentence_start + {found} - 1 END)
               FROM event_sources es
               LEFT JOIN frames f ON f.article_id = es.article_id AND f.sentence_start = es.sentence_start
                    AND coalesce({self.sql.json_text("f.extra", "trigger")}, '') = coalesce(es.trigger, '')
                    AND f.date IS NOT DISTINCT FROM es.date AND f.date_end IS NOT DISTINCT FROM es.date_end"""
        )
        keys: dict[str, set[tuple[str, int, int]]] = {}
        for event_id, article_id, sentence_start, trigger_start in rows:
            keys.setdefault(event_id, set()).add((article_id, int(sentence_start), int(trigger_start or 0)))
        return keys

    def events(self, f: Filters, *, limit: int, dated_only: bool = False) -> list[EventRow]:
        """Fused events with at least one source in the filtered articles; the date range applies
        to the event's own dates, the actor and place filters to its actors and place."""
        where, params = article_where(replace(f, date_from=None, date_to=None, actors=(), places=()), self.sql)
        clauses, extra = [f"e.id IN (SELECT es.event_id FROM event_sources es JOIN articles a ON a.id = es.article_id WHERE {where})"], list(params)
        if f.date_from:
            clauses.append("coalesce(e.date_end, e.date) >= ?")
            extra.append(f.date_from.isoformat())
        if f.date_to:
            clauses.append("e.date <= ?")
            extra.append(f.date_to.isoformat() + "~")  # "~" sorts after any time suffix
        if (f.date_from or f.date_to) and not f.undated:
            clauses.append("e.date IS NOT NULL")
        if dated_only:
            clauses.append("e.date IS NOT NULL")
        if f.actors:
            clauses.append(
                f"EXISTS (SELECT 1 FROM {self.sql.json_values('e.actor_ids', 'j')} WHERE j.value IN ({marks(f.actors)}))"
            )
            extra.extend(f.actors)
        if f.places:
            clauses.append(f"e.place_id IN ({marks(f.places)})")
            extra.extend(f.places)
        if f.event_types:
            clauses.append(f"e.type IN ({marks(f.event_types)})")
            extra.extend(f.event_types)
        rows = self.conn.execute(
            f"SELECT e.* FROM events e WHERE {' AND '.join(clauses)} "
            "ORDER BY e.date IS NULL, e.date, e.id LIMIT ?",
            (*extra, int(limit)),
        ).fetchall()
        # all sources of the chosen events in one query (not one per event)
        sources_of: dict[str, list[dict[str, Any]]] = {r["id"]: [] for r in rows}
        for chunk in chunks([r["id"] for r in rows], 500):
            for src in self.conn.execute(
                f"""SELECT es.*, a.title, a.published, a.source AS outlet FROM event_sources es
                    JOIN articles a ON a.id = es.article_id WHERE es.event_id IN ({marks(chunk)})
                    ORDER BY a.published IS NULL, a.published, es.article_id, es.sentence_start""",
                chunk,
            ):
                sources_of[src["event_id"]].append(dict(src))
        return [
            from_row(
                EventRow, r, actor_ids=json.loads(r["actor_ids"]), conflict=bool(r["conflict"]),
                readings=json.loads(r["readings"]), sources=sources_of[r["id"]],
            )
            for r in rows
        ]

    def chains(self, f: Filters, *, article_id: str | None = None, limit: int) -> list[ChainRow]:
        where, params = article_where(f, self.sql)
        cond, extra = equal({"c.article_id": article_id or None})
        rows = self.conn.execute(
            f"""SELECT c.*, a.title, a.published,
                       substr(a.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS sentence
                FROM chains c JOIN articles a ON a.id = c.article_id
                WHERE {' AND '.join(cond) or 'TRUE'} AND {where}
                ORDER BY a.published IS NULL, a.published, c.article_id, c.sentence_start LIMIT ?""",
            (*extra, *params, int(limit)),
        ).fetchall()
        return [from_row(ChainRow, r, links=json.loads(r["links"])) for r in rows]

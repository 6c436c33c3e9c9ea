"""Corrections: analysts' corrections, stored apart from extraction, and the overlays that
dossier.corpus.corrections writes when it replays them over the extraction."""

from __future__ import annotations

import json
from typing import Any

from dossier.store.connection import Connection
from dossier.store.rows import CorrectionRow, from_row
from dossier.store.where import equal


class CorrectionQueries(Connection):
    """The corrections log, the reads a correction needs, and the writes that apply or reset it."""

    # -- the log -----------------------------------------------------------------------------------

    def add_correction(self, kind: str, target: str, value: dict[str, Any], before: Any, note: str | None = None) -> int:
        with self.transaction() as tx:
            cur = tx.execute(
                "INSERT INTO corrections (created_at, kind, target, value, before, note) "
                f"VALUES ({self.sql.now}, ?, ?, ?, ?, ?) RETURNING id",
                (kind, target, json.dumps(value, ensure_ascii=False), json.dumps(before, ensure_ascii=False), note),
            )
            return int(cur.fetchone()[0])

    def undo_correction(self, correction_id: int) -> bool:
        with self.transaction() as tx:
            cur = tx.execute(
                f"UPDATE corrections SET undone_at = {self.sql.now} "
                "WHERE id = ? AND undone_at IS NULL",
                (int(correction_id),),
            )
            return cur.rowcount == 1

    def corrections(self, *, active_only: bool = False) -> list[CorrectionRow]:
        rows = self.conn.execute(
            "SELECT c.*, (c.undone_at IS NULL AND c.kind IN ('event_date', 'event_place') "
            "AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = c.target)) AS detached FROM corrections c"
            + (" WHERE c.undone_at IS NULL" if active_only else "") + " ORDER BY c.id"
        ).fetchall()
        return [
            from_row(
                CorrectionRow, r, value=json.loads(r["value"]),
                before=json.loads(r["before"]) if r["before"] else None, detached=bool(r["detached"]),
            )
            for r in rows
        ]

    # -- what a correction reads (its target's current value, kept as its 'before') ----------------

    def links_of_text(self, text: str) -> list[str]:
        return sorted(r[0] for r in self.conn.execute("SELECT DISTINCT entity_id FROM mentions WHERE text = ?", (text,)) if r[0])

    def event_fields(self, event_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT date, date_end, place_id FROM events WHERE id = ?", (event_id,)).fetchone()
        return dict(row) if row else None

    def place_point(self, place_id: str) -> dict[str, float | None]:
        row = self.conn.execute("SELECT avg(lat), avg(lon) FROM place_mentions WHERE place_id = ?", (place_id,)).fetchone()
        return {"lat": row[0], "lon": row[1]}

    def event_actor_ids(self) -> dict[str, list[str]]:
        return {r[0]: json.loads(r[1]) for r in self.conn.execute("SELECT id, actor_ids FROM events")}

    # -- overlays: corrections applied over the extraction -----------------------------------------

    def reset_overlays(self) -> None:
        """Put back what extraction found (before corrections and corpus-level grouping)."""
        with self.transaction() as tx:
            tx.execute(
                "UPDATE mentions SET entity_id = extracted_entity_id, canonical = extracted_canonical "
                "WHERE entity_id IS DISTINCT FROM extracted_entity_id OR canonical IS DISTINCT FROM extracted_canonical"
            )
            tx.execute(
                "UPDATE place_mentions SET lat = extracted_lat, lon = extracted_lon "
                "WHERE lat IS DISTINCT FROM extracted_lat OR lon IS DISTINCT FROM extracted_lon"
            )

    def relink_mentions(self, *, new_id: str, new_name: str | None, entity_id: str | None = None,
                        text: str | None = None, lang: str | None = None) -> int:
        """Point mentions (of an entity, and/or with a surface text) at another id."""
        cond, params = equal({"entity_id": entity_id, "text": text, "lang": lang or None})
        if not cond:
            raise ValueError("relink_mentions needs an entity id or a text")
        with self.transaction() as tx:
            cur = tx.execute(
                f"UPDATE mentions SET entity_id = ?, canonical = ? WHERE {' AND '.join(cond)}",
                (new_id, new_name, *params),
            )
            return cur.rowcount

    def move_place(self, place_id: str, lat: float, lon: float) -> int:
        with self.transaction() as tx:
            return tx.execute("UPDATE place_mentions SET lat = ?, lon = ? WHERE place_id = ?", (lat, lon, place_id)).rowcount

    def update_event(self, event_id: str, **fields: Any) -> int:
        allowed = {"date", "date_end", "precision", "place_id", "actor_ids"}
        if not fields or set(fields) - allowed:
            raise ValueError(f"an event correction sets some of {sorted(allowed)}")
        values = [json.dumps(v) if k == "actor_ids" else v for k, v in fields.items()]
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.transaction() as tx:
            return tx.execute(f"UPDATE events SET {sets} WHERE id = ?", (*values, event_id)).rowcount

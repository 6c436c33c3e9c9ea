"""Places: place mentions aggregated per place, and place names."""

from __future__ import annotations

import json
from collections.abc import Sequence

from dossier.filters import Filters
from dossier.store.connection import Connection
from dossier.store.rows import PlaceRow, from_row, tally
from dossier.store.where import article_where


class PlaceQueries(Connection):
    """Reads of place mentions."""

    def places(self, f: Filters, *, limit: int) -> list[PlaceRow]:
        """Places mentioned in the filtered articles, aggregated (one row per place)."""
        where, params = article_where(f, self.sql)
        rows = self.conn.execute(
            f"""SELECT p.place_id, max(p.name) AS name, avg(p.lat) AS lat, avg(p.lon) AS lon,
                       max(p.kind) AS kind, count(*) AS n_mentions, count(DISTINCT p.article_id) AS n_articles,
                       {self.sql.json_list("p.text", 'p.article_id, p.start, p."end"')} AS names
                FROM place_mentions p JOIN articles a ON a.id = p.article_id
                WHERE {where} GROUP BY p.place_id ORDER BY n_mentions DESC, name, p.place_id LIMIT ?""",
            (*params, int(limit)),
        ).fetchall()
        return [from_row(PlaceRow, r, names=list(tally(json.loads(r["names"])).keys())) for r in rows]

    def place_names(self, ids: Sequence[str]) -> dict[str, str]:
        """English names for place ids seen in place mentions."""
        return self._first_names("SELECT name FROM place_mentions WHERE place_id = ? AND name IS NOT NULL LIMIT 1", ids)

"""Actors: linked mentions aggregated per actor, mentions in their sentences, the actor × article
matrix, and the unlinked names the corpus-level grouping regroups."""

from __future__ import annotations

import json
from collections.abc import Sequence

from dossier.filters import Filters
from dossier.store.connection import Connection
from dossier.store.rows import ActorRow, MentionRow, from_row, grouped_label, majority, tally
from dossier.store.where import article_where, equal, marks

# The order mentions are seen in, for the names an actor lists (see Dialect.json_list).
_SEEN = "m.article_id, m.start, m.\"end\""


class EntityQueries(Connection):
    """Reads and writes of name mentions and the actors they link to."""

    def actors(self, f: Filters, *, limit: int) -> list[ActorRow]:
        """Linked actors in the filtered articles, most mentioned first."""
        where, params = article_where(f, self.sql)
        rows = self.conn.execute(
            f"""SELECT m.entity_id, max(m.canonical) AS canonical, count(*) AS n_mentions,
                       count(DISTINCT m.article_id) AS n_articles,
                       {self.sql.json_list("m.label", _SEEN)} AS labels, {self.sql.json_list("m.lang", _SEEN)} AS langs,
                       {self.sql.json_list("m.text", _SEEN)} AS aliases
                FROM mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.entity_id IS NOT NULL AND {where}
                GROUP BY m.entity_id ORDER BY n_mentions DESC, canonical NULLS FIRST, m.entity_id LIMIT ?""",
            (*params, int(limit)),
        ).fetchall()
        out = []
        for r in rows:
            labels = json.loads(r["labels"])
            out.append(
                from_row(
                    ActorRow, r,
                    canonical=r["canonical"] or r["entity_id"],
                    label=majority(labels, prefer=grouped_label(r["entity_id"])),
                    by_lang=dict(sorted(tally(json.loads(r["langs"])).items())),
                    aliases=list(tally(json.loads(r["aliases"])).keys()),
                )
            )
        return out

    def actor_names(self, ids: Sequence[str]) -> dict[str, str]:
        """Display names for entity ids seen in mentions (for describing filters)."""
        return self._first_names("SELECT canonical FROM mentions WHERE entity_id = ? AND canonical IS NOT NULL LIMIT 1", ids)

    def mentions(self, f: Filters, *, entity_id: str | None = None, article_id: str | None = None,
                 limit: int) -> list[MentionRow]:
        """Mentions with the sentence they stand in (original script), for one actor or article."""
        where, params = article_where(f, self.sql)
        cond, extra = equal({"m.entity_id": entity_id, "m.article_id": article_id})
        rows = self.conn.execute(
            f"""SELECT m.*, a.title, a.published,
                       (SELECT substr(a.text, s.start + 1, s.end - s.start) FROM sentences s
                        WHERE s.article_id = m.article_id AND s.start <= m.start AND m.start < s.end
                        LIMIT 1) AS sentence
                FROM mentions m JOIN articles a ON a.id = m.article_id
                WHERE {' AND '.join(cond) or 'TRUE'} AND {where}
                ORDER BY a.published IS NULL, a.published, m.article_id, m.start LIMIT ?""",
            (*extra, *params, int(limit)),
        ).fetchall()
        return [from_row(MentionRow, r, sentence=r["sentence"] or r["text"]) for r in rows]

    def actor_article_matrix(self, f: Filters, *, max_actors: int, max_articles: int) -> list[tuple[str, str, str, int]]:
        """(entity_id, canonical, article_id, mentions) for the most mentioned actors and articles."""
        top = [a.entity_id for a in self.actors(f, limit=max_actors)]
        arts = [r.id for r in self.list_articles(f, limit=max_articles)]
        if not top or not arts:
            return []
        rows = self.conn.execute(
            f"""SELECT entity_id, max(canonical), article_id, count(*) FROM mentions
                WHERE entity_id IN ({marks(top)}) AND article_id IN ({marks(arts)})
                GROUP BY entity_id, article_id""",
            (*top, *arts),
        ).fetchall()
        return [(r[0], r[1] or r[0], r[2], r[3]) for r in rows]

    # The unit that cross-article grouping moves as one: a mention's in-article chain (the "x:" id
    # extraction gave it: "Lai" after "Lai Ching-te" carries the full name's id), else its own text.
    # Grouping by text alone would pull a short form away from the person its article says it is.
    @staticmethod
    def _unlinked_unit(m: str) -> str:
        return f"(CASE WHEN {m}.extracted_entity_id LIKE 'x:%' THEN {m}.extracted_entity_id ELSE 't:' || {m}.text END)"

    def unlinked_names(self) -> list[tuple[str, str, str, str, int]]:
        """(unit, text, lang, label, mentions) of every name no knowledge-base actor took; ``unit``
        is the mention's in-article chain (``_unlinked_unit``), what ``regroup_unlinked`` keys on."""
        return [
            (r[0], r[1], r[2], r[3], r[4])
            for r in self.conn.execute(
                f"""SELECT {self._unlinked_unit('m')} AS unit, m.text, m.lang, m.label, count(*) FROM mentions m
                   WHERE m.label IN ('PER', 'ORG') AND (m.entity_id IS NULL OR m.entity_id LIKE 'x:%')
                   GROUP BY unit, m.text, m.lang, m.label"""
            )
        ]

    def regroup_unlinked(self, groups: dict[tuple[str, str, str], tuple[str | None, float, str | None]]) -> None:
        """Give unlinked mentions their corpus-wide cluster: (unit, lang, label) → (id, score, name),
        ``unit`` as ``unlinked_names`` returns it."""
        # One pass over the mentions joined to the groups (a statement per name scanned the whole
        # table each time: minutes at 100k articles); rows already right are not rewritten.
        with self.transaction() as tx:
            tx.execute(
                """CREATE TEMP TABLE IF NOT EXISTS unlinked_groups (
                       unit TEXT, lang TEXT, label TEXT, cid TEXT, score DOUBLE PRECISION, name TEXT, method TEXT,
                       PRIMARY KEY (unit, lang, label))""" + self.sql.keyed_temp_table
            )
            tx.execute("DELETE FROM unlinked_groups")
            tx.executemany(
                self.sql.replace_into(
                    "unlinked_groups", ("unit", "lang", "label", "cid", "score", "name", "method"), ("unit", "lang", "label")
                ),
                [
                    (unit, lang, label, cid, score if cid else None, name if cid else None, "grouped" if cid else "none")
                    for (unit, lang, label), (cid, score, name) in groups.items()
                ],
            )
            tx.execute(
                f"""UPDATE mentions SET entity_id = g.cid, score = g.score, canonical = g.name, method = g.method
                   FROM unlinked_groups AS g
                   WHERE g.unit = {self._unlinked_unit('mentions')}
                     AND mentions.lang = g.lang AND mentions.label = g.label
                     AND (mentions.entity_id IS NULL OR mentions.entity_id LIKE 'x:%')
                     AND (mentions.entity_id IS DISTINCT FROM g.cid OR mentions.score IS DISTINCT FROM g.score
                          OR mentions.canonical IS DISTINCT FROM g.name OR mentions.method IS DISTINCT FROM g.method)"""
            )
            tx.execute("DELETE FROM unlinked_groups")

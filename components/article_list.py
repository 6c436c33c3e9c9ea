"""The filtered article list: one row per article, single-row selection opens it in the reader."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from components.data import MAX_LIST_ROWS
from components.labels import published_label
from dossier.store import ArticleRow

_COLUMNS = ("Published", "Title", "Excerpt", "Source", "Languages")


def rows_frame(rows: Sequence[ArticleRow]) -> pd.DataFrame:
    """The table as plain strings and numbers (the grid shows cells as text; nothing is parsed)."""
    return pd.DataFrame(
        [
            {
                "Published": published_label(r.published),
                "Title": r.title or "(untitled)",
                "Source": r.source or "(unknown)",
                "Languages": ", ".join(r.langs),
                "Excerpt": r.snippet,
            }
            for r in rows[:MAX_LIST_ROWS]
        ],
        columns=list(_COLUMNS),
    )


def render_article_list(
    rows: Sequence[ArticleRow], *, key: str, selected_id: str | None = None
) -> str | None:
    """A table of ``rows`` (at most MAX_LIST_ROWS). Returns the id of the selected article, or
    None when the user cleared the selection. ``selected_id`` is shown selected on first render."""
    rows = list(rows[:MAX_LIST_ROWS])
    ids = [r.id for r in rows]
    default = {"selection": {"rows": [ids.index(selected_id)]}} if selected_id in ids else None
    event = st.dataframe(
        rows_frame(rows),
        key=key,
        on_select="rerun",
        selection_mode="single-row",
        selection_default=default,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * max(len(rows), 1), 560),
        column_config={
            "Published": st.column_config.TextColumn(width="small"),
            "Title": st.column_config.TextColumn(width="medium"),
            "Source": st.column_config.TextColumn(width="small"),
            "Languages": st.column_config.TextColumn("Lang", width="small"),
            "Excerpt": st.column_config.TextColumn(
                width="large", help="Around the first match of the search text, else the opening"
            ),
        },
    )
    picked = event.selection.rows if event is not None else []
    if picked and 0 <= picked[0] < len(ids):
        return ids[picked[0]]
    return None

"""The filtered article list: one row per article, single-row selection opens it in the reader."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from components import data
from components.data import MAX_LIST_ROWS
from components.labels import published_label
from components.tables import pick_one_row
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


def page_count(total: int) -> int:
    """Pages of data.MAX_LIST_ROWS rows needed for ``total`` articles (one at least)."""
    return max(1, math.ceil(total / data.MAX_LIST_ROWS))


def count_caption(total: int, page: int, n_rows: int, *, more: bool = False) -> str:
    """How many articles match ("1,200+" when the count stopped there) and, when they fill more
    than one page, which ones are shown."""
    first, last = page * data.MAX_LIST_ROWS + 1, page * data.MAX_LIST_ROWS + n_rows
    count = f"{total:,}+ articles match" if more else (f"{total:,} articles match" if total != 1 else "1 article matches")
    return count + (f" · showing {first:,}–{last:,}" if more or total > n_rows else "")


def render_article_list(
    rows: Sequence[ArticleRow], *, key: str, view: str, selected_id: str | None = None
) -> str | None:
    """A table of ``rows`` (at most MAX_LIST_ROWS). Returns the id of the selected article, or
    None when the user cleared the selection. ``view`` names the rows shown (filters and page):
    when it changes, the selection is set to ``selected_id``'s row (none if it is not listed), so a
    row picked in an earlier view never selects the article now in its place.

    The table keeps one ``key`` across views. With a key per view (as before issue 15) every filter
    change unmounted the browser's data grid and built a new one: ~30 ms of the ~190 ms of
    main-thread work a filter change costs the browser at 10k articles (Chrome CPU profile,
    BENCHMARKS.md); a kept grid only takes the new rows."""
    rows = list(rows[:MAX_LIST_ROWS])
    ids = [r.id for r in rows]
    ss = st.session_state
    view_key = f"{key}__view"
    if ss.get(view_key) != view or key not in ss:  # a new view, or back from another page
        # Streamlit sends a selection set through the session state to the grid as its new selection
        ss[key] = {"selection": {"rows": [ids.index(selected_id)] if selected_id in ids else [],
                                 "columns": [], "cells": []}}
        ss[view_key] = view
    picked = pick_one_row(
        rows_frame(rows),
        key=key,
        max_height=560,
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
    return None if picked is None else ids[picked]

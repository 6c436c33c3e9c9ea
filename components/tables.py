"""Tables sized to their rows, and the one-row selection that the article and place lists share."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st


def table_height(n_rows: int, max_height: int) -> int:
    """Pixels for a header and ``n_rows`` rows (one empty row at least), at most ``max_height``."""
    return min(38 + 35 * max(n_rows, 1), max_height)


def pick_one_row(frame: pd.DataFrame, *, key: str, max_height: int, **options: Any) -> int | None:
    """Show ``frame`` as a table where a single row can be selected; return the index of the
    selected row, or None (nothing selected). ``options`` go to st.dataframe (column_config,
    selection_default)."""
    event = st.dataframe(
        frame,
        key=key,
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        height=table_height(len(frame), max_height),
        **options,
    )
    picked = event.selection.rows if event is not None else []
    return picked[0] if picked and 0 <= picked[0] < len(frame) else None


def new_choice(key: str, value: str | None) -> str | None:
    """``value`` if it differs from the last value seen under ``key``, else None: a widget's
    selection stays set across reruns, but the page must act on it once."""
    seen_key = f"{key}__seen"
    if value != st.session_state.get(seen_key):
        st.session_state[seen_key] = value
        return value
    return None

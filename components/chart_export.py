"""Download buttons for any plotly chart (HTML always; PNG and SVG when a browser is installed)
and for the rows behind it (CSV, JSON). Files are built when clicked, not on every run."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from dossier.export import charts as export


def render_chart_exports(fig: go.Figure, *, key: str, stem: str, title: str,
                         rows: Sequence[Any] | None = None, description: str = "") -> None:
    n = 3 + (2 if rows is not None else 0)
    cols = st.columns(n)
    cols[0].download_button("Chart (HTML)", lambda: export.figure_html(fig, title=title), f"{stem}.html",
                            "text/html", key=f"{key}_html", on_click="ignore",
                            help="Self-contained: plotly.js is inside, it opens with no network.")
    if export.browser_path() is None:
        cols[1].caption("PNG/SVG need Chromium, which is not installed here; use the HTML export.")
    else:
        for col, fmt, mime in ((cols[1], "png", "image/png"), (cols[2], "svg", "image/svg+xml")):
            # kaleido takes seconds per image: only when asked
            col.download_button(f"Chart ({fmt.upper()})", lambda fmt=fmt: export.figure_image(fig, fmt),
                                f"{stem}.{fmt}", mime, key=f"{key}_{fmt}", on_click="ignore")
    if rows is not None:
        cols[3].download_button("Data (CSV)", lambda: export.rows_csv(rows), f"{stem}.csv", "text/csv",
                                key=f"{key}_csv", on_click="ignore")
        cols[4].download_button("Data (JSON)", lambda: export.rows_json(rows, filters=description), f"{stem}.json",
                                "application/json", key=f"{key}_json", on_click="ignore")

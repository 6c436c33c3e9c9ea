"""Corpus overview: headline counts and articles by month, language and source.

Charts are plotly figures built from small dicts (already aggregated by the store) and cut to the
named limits before they reach the browser. Clicking a bar selects it; the page turns the selection
into a filter.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from components.chart_export import render_chart_exports
from components.data import MAX_CHART_CATEGORIES, MAX_CHART_MONTHS
from components.labels import language_label
from components.safe import esc
from dossier.filters import Filters
from dossier.store import Facets, Overview

UNDATED = "undated"
_ACCENT = "#1f4e79"
_MUTED = "#a7b0bc"
_PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


@dataclass(frozen=True)
class ChartSelection:
    """What a click on a chart asks for: one of these fields is set."""

    month: str | None = None  # 'YYYY-MM'
    lang: str | None = None
    source: str | None = None


def selection_filters(selection: ChartSelection, f: Filters) -> Filters:
    """The filters a chart click asks for: a month becomes that month's date range (dated articles
    only, since the click was on a dated bar); a language or source replaces that filter."""
    if selection.month:
        year, month = map(int, selection.month.split("-"))
        last = calendar.monthrange(year, month)[1]
        return f.with_(date_from=dt.date(year, month, 1), date_to=dt.date(year, month, last), undated=False)
    if selection.lang:
        return f.with_(langs=(selection.lang,))
    if selection.source:
        return f.with_(sources=(selection.source,))
    return f


def month_series(by_month: Mapping[str, int]) -> tuple[list[str], list[int], bool]:
    """Every month from the first to the last dated one (empty months as 0, so the axis is honest
    time), the last MAX_CHART_MONTHS of them, and whether older months were cut."""
    dated = sorted(m for m in by_month if m != UNDATED)
    if not dated:
        return [], [], False
    y0, m0 = map(int, dated[0].split("-"))
    y1, m1 = map(int, dated[-1].split("-"))
    months = []
    y, m = y0, m0
    while (y, m) <= (y1, m1):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    cut = len(months) > MAX_CHART_MONTHS
    months = months[-MAX_CHART_MONTHS:]
    return months, [by_month.get(mo, 0) for mo in months], cut


def top_categories(counts: Mapping[str, int], limit: int = MAX_CHART_CATEGORIES) -> list[tuple[str | None, str, int]]:
    """(key, label, count) for the ``limit - 1`` largest categories and one 'other' bar for the rest
    (key None: not selectable), largest first."""
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(items) <= limit:
        return [(k, k, n) for k, n in items]
    head, tail = items[: limit - 1], items[limit - 1 :]
    return [(k, k, n) for k, n in head] + [(None, f"other ({len(tail)})", sum(n for _, n in tail))]


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _layout(fig: go.Figure, *, height: int) -> go.Figure:
    fig.update_layout(
        height=height,
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        showlegend=False,
        bargap=0.25,
        clickmode="event+select",
        dragmode=False,
    )
    # Room for the tick labels inside the figure itself: Streamlit's theme adds it in the app, but an
    # exported chart (HTML, PNG, SVG) is the bare figure and cut its labels at the edges.
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig


def month_figure(ov: Overview) -> tuple[go.Figure, bool]:
    months, counts, cut = month_series(ov.by_month)
    undated = ov.by_month.get(UNDATED, 0)
    x = months + ([UNDATED] if undated else [])
    y = counts + ([undated] if undated else [])
    fig = go.Figure(
        go.Bar(
            x=x,
            y=y,
            customdata=x,
            marker_color=[_ACCENT] * len(months) + ([_MUTED] if undated else []),
            hovertemplate="%{x}: %{y} articles<extra></extra>",
        )
    )
    fig.update_xaxes(type="category", title=None)
    fig.update_yaxes(title="articles", rangemode="tozero", dtick=1 if max(y, default=0) < 10 else None)
    return _layout(fig, height=280), cut


def category_figure(
    items: list[tuple[str | None, str, int]], *, what: str
) -> go.Figure:
    # plotly reads a subset of HTML in labels, so labels from article metadata are escaped
    labels = [esc(_short(label)) for _, label, _ in items]
    fig = go.Figure(
        go.Bar(
            x=[n for _, _, n in items],
            y=labels,
            orientation="h",
            customdata=[k if k is not None else "" for k, _, _ in items],
            hovertext=[esc(label) for _, label, _ in items],
            hovertemplate="%{hovertext}: %{x} articles<extra></extra>",
            marker_color=[_ACCENT if k is not None else _MUTED for k, _, _ in items],
        )
    )
    fig.update_yaxes(autorange="reversed", title=None, automargin=True)
    fig.update_xaxes(
        title=f"articles ({what})", rangemode="tozero",
        dtick=1 if max((n for _, _, n in items), default=0) < 10 else None,
    )
    return _layout(fig, height=max(160, 34 * len(items) + 60))


def _picked(event: object) -> str | None:
    """The customdata of the first clicked point, if any."""
    try:
        points = event.selection.points  # type: ignore[attr-defined]
    except AttributeError:
        return None
    for p in points or []:
        value = p.get("customdata")
        if isinstance(value, list):
            value = value[0] if value else None
        if value:
            return str(value)
    return None


def render_overview(ov: Overview, facets: Facets, *, key: str) -> ChartSelection | None:
    """Counts and three charts for the filtered corpus. Returns what the user clicked, if anything."""
    n_undated = ov.by_month.get(UNDATED, 0)
    dated = sorted(m for m in ov.by_month if m != UNDATED)
    cols = st.columns(5)
    cols[0].metric("Articles", f"{ov.n_articles:,}", help=f"{facets.n_articles:,} in the whole corpus")
    cols[1].metric("Undated", f"{n_undated:,}", help="Stored without a publication date; never guessed.")
    cols[2].metric("Languages", len(ov.by_language))
    cols[3].metric("Sources", len(ov.by_source))
    cols[4].metric("Characters", f"{ov.n_chars:,}")
    if dated:
        st.caption(f"Dated articles span {dated[0]} to {dated[-1]} (months).")
    if ov.n_articles == 0:
        st.info("No article matches these filters.", icon=":material/filter_alt:")
        return None

    selection: ChartSelection | None = None
    st.subheader("Articles by month of publication")
    fig, cut = month_figure(ov)
    if cut:
        st.caption(f"Showing the latest {MAX_CHART_MONTHS} months.")
    month = _picked(
        st.plotly_chart(fig, key=f"{key}_months", on_select="rerun", selection_mode="points",
                        config=_PLOTLY_CONFIG)
    )
    if month and month != UNDATED:
        selection = ChartSelection(month=month)
    with st.expander("Export these charts and their data"):
        render_chart_exports(fig, key=f"{key}_months_export", stem="dossier-by-month", title="Articles by month",
                             rows=[{"month": m, "articles": n} for m, n in ov.by_month.items()])
        render_chart_exports(category_figure(top_categories(ov.by_language), what="with a segment in the language"),
                             key=f"{key}_langs_export", stem="dossier-by-language", title="Articles by language",
                             rows=[{"language": k, "articles": n} for k, n in ov.by_language.items()])
        render_chart_exports(category_figure(top_categories(ov.by_source), what="per source"),
                             key=f"{key}_sources_export", stem="dossier-by-source", title="Articles by source",
                             rows=[{"source": k, "articles": n} for k, n in ov.by_source.items()])

    left, right = st.columns(2)
    with left:
        st.subheader("By language")
        items = [
            (code, language_label(code) if code else label, n)
            for code, label, n in top_categories(ov.by_language)
        ]
        lang = _picked(
            st.plotly_chart(category_figure(items, what="with a segment in the language"),
                            key=f"{key}_langs", on_select="rerun", selection_mode="points",
                            config=_PLOTLY_CONFIG)
        )
        if lang:
            selection = ChartSelection(lang=lang)
    with right:
        st.subheader("By source")
        source = _picked(
            st.plotly_chart(category_figure(top_categories(ov.by_source), what="per source"),
                            key=f"{key}_sources", on_select="rerun", selection_mode="points",
                            config=_PLOTLY_CONFIG)
        )
        if source:
            selection = ChartSelection(source=source)
    st.caption("Click a bar to filter every page by that month, language or source.")
    return selection

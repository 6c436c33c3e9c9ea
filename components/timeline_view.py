"""The timeline: fused events as bars over the span their date allows, coloured by type, and the
sources of a selected event."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.chart_export import render_chart_exports
from components.filters import filter_link
from components.safe import esc, lang_attr
from dossier.events.timeline import Bar, bar_for
from dossier.export.event_labels import event_label
from dossier.filters import Filters
from dossier.store import EventRow
from dossier.timex.value import date_interval

# Characters of the source sentence shown in a hover box (the full sentence is in the panel).
HOVER_SENTENCE_CHARS = 220
# Open the timeline on this many months before the latest event when FOCUS_SHARE of events are there.
FOCUS_MONTHS = 4
FOCUS_SHARE = 0.5
# Up to this many dated events each gets its own row labelled in words; beyond, lanes by type.
MAX_LABELLED = 80
ROW_PIXELS = 24
LABEL_FONT_SIZE = 12
PALETTE = ("#1f4e79", "#c0504d", "#4f8a3a", "#8064a2", "#d08a1c", "#2c8c99", "#7f6000", "#b34d8c",
           "#5a6b7d", "#9c6b3c", "#3d7a5f", "#a83232")
PRECISION_SYMBOL = {"day": "circle", "part of day": "circle", "time": "circle", "range": "diamond",
                    "week": "square", "month": "square", "season/quarter": "square", "year": "square",
                    "open": "triangle-right"}


def _names(ids: Sequence[str], names: Mapping[str, str]) -> str:
    return ", ".join(names.get(i, i.split(":", 1)[-1]) for i in ids)


def _hover_text(text: str, limit: int = HOVER_SENTENCE_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    # plotly renders a few HTML tags in hover labels: escape what came from an article
    return esc(text)


def timeline_rows(events: Sequence[EventRow], names: Mapping[str, str]) -> tuple[pd.DataFrame, list[EventRow]]:
    """One row per event that has a calendar date; the undated ones are returned apart."""
    rows, undated = [], []
    for e in events:
        bar = bar_for(e)
        if bar is None:
            undated.append(e)
            continue
        first = e.sources[0] if e.sources else {}
        rows.append(
            {
                "event_id": e.id, "label": event_label(e, names, bar), "type": e.type.replace("_", " "),
                "start": bar.start, "end": bar.end,
                "date": bar.label, "precision": bar.precision, "status": e.status,
                "actors": _names(e.actor_ids, names), "place": names.get(e.place_id or "", e.place_id or ""),
                "conflict": e.conflict, "n_articles": e.n_articles, "n_sources": len(e.sources),
                "sentence": first.get("sentence", ""), "article": first.get("title") or first.get("article_id", ""),
                "lang": first.get("lang", ""),
            }
        )
    df = pd.DataFrame(rows)
    if not df.empty:
        df = df.sort_values(["start", "end"], kind="stable").reset_index(drop=True)
    return df, undated


def timeline_figure(df: pd.DataFrame) -> go.Figure:
    """Bars coloured by type. Up to MAX_LABELLED events: one row per event in time order, labelled
    in words on the axis; more: one lane per type, the words in the hover only (labels would
    overlap). Axis labels sit in a margin plotly sizes to them (automargin), in the app and in
    exported HTML/PNG/SVG alike, so none is cut."""
    fig = go.Figure()
    types = sorted(df["type"].unique()) if not df.empty else []
    colour = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(types)}
    labelled = 0 < len(df) <= MAX_LABELLED
    row_of = pd.Series(range(len(df)), index=df.index)
    for t in types:
        part = df[df["type"] == t]
        y = row_of[part.index] if labelled else part["type"]
        hover = [
            f"<b>{esc(r.label)}</b>"
            + (" · <i>planned</i>" if r.status == "planned" else "")
            + (" · <b>sources disagree on the date</b>" if r.conflict else "")
            + f"<br>{esc(r.type)} · {esc(r.date)}"
            + (f"<br>{esc(r.actors)}" if r.actors else "")
            + (f"<br>at {esc(r.place)}" if r.place else "")
            + f"<br>“{_hover_text(r.sentence)}”<br>— {esc(r.article)} ({r.n_articles} article{'s' if r.n_articles != 1 else ''})"
            for r in part.itertuples()
        ]
        duration_ms = (part["end"] - part["start"]).dt.total_seconds() * 1000
        fig.add_trace(
            go.Bar(
                y=y, x=duration_ms, base=part["start"], orientation="h", name=t,
                marker={
                    "color": colour[t],
                    "opacity": [0.45 if s == "planned" else 0.85 for s in part["status"]],
                    "line": {"color": ["#111" if c else colour[t] for c in part["conflict"]], "width": 1.5},
                },
                customdata=part[["event_id"]].to_numpy(), hovertext=hover, hoverinfo="text",
                legendgroup=t, width=0.6 if labelled else 0.5,
            )
        )
        # a marker at the start keeps one-day events visible at any zoom; its shape tells the precision
        fig.add_trace(
            go.Scatter(
                y=y, x=part["start"], mode="markers", name=t, showlegend=False, legendgroup=t,
                marker={
                    "color": colour[t],
                    "size": 9,
                    "symbol": [PRECISION_SYMBOL.get(p, "circle") for p in part["precision"]],
                    "line": {"color": "#111", "width": [1.5 if c else 0 for c in part["conflict"]]},
                },
                customdata=part[["event_id"]].to_numpy(), hovertext=hover, hoverinfo="text",
            )
        )
    window = focus_window(df)
    if window is not None:
        fig.update_xaxes(range=list(window))
    if labelled:
        yaxis = {"tickmode": "array", "tickvals": list(range(len(df))),
                 "ticktext": [coloured_type(r.label, r.type, colour[r.type]) for r in df.itertuples()],
                 "range": [len(df) - 0.5, -0.5], "showgrid": True, "gridcolor": "#eef1f4"}
        height = 130 + ROW_PIXELS * len(df)
        left = label_margin(df["label"])
    else:
        yaxis = {"autorange": "reversed"}
        height = max(320, 90 + 46 * max(1, len(types)))
        left = label_margin(pd.Series(types))
    fig.update_layout(
        barmode="overlay", height=height,
        # l: the labels' width, measured here because plotly's automargin is computed once, at a
        # width Streamlit then changes (labels came out cut); r=36: a date tick at the right end
        margin={"l": left, "r": 36, "t": 10, "b": 10},
        # automargin: the margins grow to the labels, in the app and in exported figures alike
        xaxis={
            "type": "date",
            "title": None,
            "rangeslider": {"visible": True, "thickness": 0.06 if not labelled else min(0.06, 40 / height)},
            "automargin": True,
        },
        yaxis={"title": None, "automargin": True, **yaxis},
        # no legend: every label (or lane) names its type, in the type's colour
        showlegend=False, hoverlabel={"align": "left"},
        font={"family": "Source Sans 3, NanumGothic, Lohit Devanagari, sans-serif", "size": LABEL_FONT_SIZE},
        dragmode=False, clickmode="event+select",  # a click selects; the range slider zooms
    )
    return fig


def coloured_type(label: str, type_words: str, colour: str) -> str:
    """The label escaped (plotly reads tags in tick text), its type word in the type's colour."""
    parts = label.split(" · ")
    return " · ".join(
        f'<span style="color:{colour}"><b>{esc(p)}</b></span>' if p == type_words else esc(p) for p in parts
    )


def label_margin(labels: pd.Series) -> int:
    """Pixels for the longest axis label at LABEL_FONT_SIZE: wide (Han, Hangul, kana) characters
    count double; a generous estimate, since a wide margin costs little and a cut label misleads."""
    def width(text: str) -> float:
        return sum(2.0 if unicodedata.east_asian_width(c) in "WF" else 1.0 for c in text)

    longest = max((width(x) for x in labels), default=0.0)
    return int(16 + longest * LABEL_FONT_SIZE * 0.55)


def focus_window(df: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The span to open on: the FOCUS_MONTHS up to the latest event when most events fall in it
    (news corpora cluster around a story; background events years back stay reachable by zooming
    out with the range slider), else None for everything."""
    if df.empty:
        return None
    latest = df["end"].max()
    start = latest - pd.DateOffset(months=FOCUS_MONTHS)
    inside = df["start"] >= start
    if inside.mean() < FOCUS_SHARE or inside.all():
        return None
    pad = pd.Timedelta(days=7)
    return df.loc[inside, "start"].min() - pad, latest + pad


def _picked_event(state: object) -> str | None:
    try:
        points = state.selection.points  # type: ignore[attr-defined]
    except AttributeError:
        try:
            points = state["selection"]["points"]  # type: ignore[index]
        except (KeyError, TypeError):
            return None
    for p in points or []:
        cd = p.get("customdata") if isinstance(p, dict) else None
        if cd:
            return cd[0] if isinstance(cd, (list, tuple)) else cd
    return None


def render_timeline(df: pd.DataFrame, *, key: str) -> str | None:
    """Draw the timeline; returns the id of the event the user selected, if any."""
    fig = timeline_figure(df)
    state = st.plotly_chart(fig, key=key, on_select="rerun", selection_mode="points", width="stretch")
    return _picked_event(state)


def source_href(f: Filters, src: Mapping) -> str:
    """The Articles page with this source's article open and its sentence highlighted."""
    return filter_link("articles", f, article=src["article_id"],
                       sentence=f"{src['sentence_start']}-{src['sentence_end']}")


def source_link_html(f: Filters, src: Mapping) -> str:
    return (f'<a class="dz-open" href="{esc(source_href(f, src))}" target="_self">'
            "Open this sentence in the article</a>")


def render_sources(event: EventRow, names: Mapping[str, str], f: Filters) -> None:
    """Every source of one event, its sentence in the original script (with a link that opens it
    highlighted in the article), and the date readings."""
    st.subheader(f"{event.type.replace('_', ' ').capitalize()} — {bar_label(event)}")
    meta = [f"status: {event.status}", f"{event.n_articles} article(s)", f"{len(event.sources)} sentence(s)"]
    if event.actor_ids:
        meta.insert(0, _names(event.actor_ids, names))
    if event.place_id:
        meta.insert(1, "at " + names.get(event.place_id, event.place_id))
    st.caption(" · ".join(meta))
    if event.conflict:
        st.warning(
            "The sources disagree on the date. Shown: the best-supported reading; all readings are listed below.",
            icon=":material/warning:",
        )
    if event.readings:
        st.dataframe(
            pd.DataFrame(
                [{"date": r["date"], "to": r.get("date_end") or "", "precision": r.get("precision") or "",
                  "status": r.get("status"), "articles giving it": r.get("support"),
                  "articles compatible": r.get("agreeing")} for r in event.readings]
            ),
            hide_index=True, width="stretch",
        )
    for src in event.sources:
        reading = src.get("date") or "no date"
        if src.get("date_end"):
            reading += f" – {src['date_end']}"
        st.markdown(
            f'<div class="dz-meta"><span>{esc(src.get("title") or src["article_id"])}</span>'
            f'<span>{esc(src.get("published") or "undated")}</span><span>{esc(src["lang"])}</span>'
            f'<span>reads: {esc(reading)}</span><span>{source_link_html(f, src)}</span></div>'
            f'<div class="dz-text"{lang_attr(src["lang"])}>{esc(src["sentence"])}</div>',
            unsafe_allow_html=True,
        )


def bar_label(event: EventRow) -> str:
    bar: Bar | None = bar_for(event)
    return bar.label if bar else (event.date or "undated")


def render_exports(fig: go.Figure, df: pd.DataFrame, *, key: str, description: str,
                   briefing: Callable[[], str] | None = None) -> None:
    """Downloads of the chart (HTML always; PNG/SVG when a browser is available), its data, and a
    briefing of the whole view (built on click)."""
    if briefing is not None:
        st.download_button("Briefing of this view (HTML)", lambda: briefing().encode("utf-8"), "dossier-briefing.html",
                           "text/html", key=f"{key}_briefing", on_click="ignore", type="primary",
                           help="One self-contained file: filters, timeline, map, key actors, every event "
                           "with its source sentences and origins. Opens offline.")
    records = (
        df.drop(columns=["start", "end"]).assign(start=df["start"].astype(str), end=df["end"].astype(str)).to_dict("records")
        if not df.empty else []
    )
    render_chart_exports(fig, key=key, stem="dossier-timeline", title="Dossier timeline", rows=records,
                         description=description)


def filters_for_event(f: Filters, event: EventRow) -> Filters:
    """``f`` narrowed to an event's actors and, when its date has both ends, to its dates."""
    changes: dict = {"actors": tuple(event.actor_ids)}
    span = date_interval(event.date, event.date_end)
    if span and span[0] != dt.date.min and span[1] != dt.date.max:
        changes |= {"date_from": span[0], "date_to": span[1]}
    return f.with_(**changes)


def render_undated(undated: Sequence[EventRow], names: Mapping[str, str]) -> None:
    """The events without a calendar date, as a table in a closed expander."""
    with st.expander(f"{len(undated)} event(s) without a calendar date"):
        st.dataframe(
            [{"type": e.type, "date as written": e.date or "", "actors": ", ".join(names.get(a, a) for a in e.actor_ids),
              "articles": e.n_articles, "sentence": (e.sources[0]["sentence"] if e.sources else "")} for e in undated],
            hide_index=True, width="stretch",
        )

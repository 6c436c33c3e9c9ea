"""Timeline: fused events over time; selecting one shows all its sources."""

from __future__ import annotations

import streamlit as st

from components import events_data, views_data
from components.filters import active_filters, url_value, view_digest, write_params
from components.frame import require_frame
from components.timeline_view import (
    filters_for_event,
    render_exports,
    render_sources,
    render_timeline,
    render_undated,
    timeline_figure,
    timeline_rows,
)
from dossier.export.briefing import briefing_html, timeline_markup
from dossier.export.map import basemap

require_frame()
f = active_filters()
st.header("Timeline")
events, names, cut = events_data.events(f)
df, undated = timeline_rows(events, names)
if cut:
    st.info(f"Showing the first {events_data.MAX_TIMELINE_EVENTS:,} events; narrow the filters to see the rest.")
if df.empty:
    st.info("No dated event matches these filters.", icon=":material/event_busy:")
else:
    st.caption(
        "Bars span what each date allows: a month-precision event covers its month, a range its days. "
        "Square markers: week/month/year precision; diamonds: ranges; faded bars: planned; black outline: "
        "sources disagree on the date. Click an event to see its sources."
    )
    view = view_digest(f)
    picked = render_timeline(df, key=f"timeline_{view}")
    if picked and picked != url_value("event_id"):
        write_params(event_id=picked)
    wanted = picked or url_value("event_id")
    chosen = next((e for e in events if e.id == wanted), None)
    def _briefing() -> str:
        return briefing_html(
            description=f.describe(names), events=events, names=names,
            confirmations=events_data.event_confirmations(f), actors=views_data.actors(f),
            places=views_data.places(f)[0], countries=basemap(), timeline=timeline_markup(timeline_figure(df)),
        )

    with st.expander("Export the chart, its data, or a briefing"):
        render_exports(timeline_figure(df), df, key=f"timeline_export_{view}", description=f.describe(names),
                       briefing=_briefing)
    if chosen is not None:
        st.divider()
        render_sources(chosen, names, f)
        # a callback runs before the next run, so the sidebar already sees the new URL
        st.button("Filter every page to this event's actors and dates", key="timeline_filter_event",
                  on_click=lambda: write_params(filters_for_event(active_filters(), chosen)),
                  icon=":material/filter_alt:")
if undated:
    render_undated(undated, names)

"""Timeline: fused events over time, labelled in words, beside a chronological list; selecting one
shows all its sources."""

from __future__ import annotations

import streamlit as st

from components import events_data, views_data
from components.filters import active_filters, url_value, view_digest, write_params
from components.frame import require_frame
from components.timeline_list import render_story_list
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
from dossier.export.event_labels import has_date_or_actor, story_lines
from dossier.export.map import basemap

require_frame()
f = active_filters()
st.header("Timeline")
all_events, names, cut = events_data.events(f)
if cut:
    st.info(f"Showing the first {events_data.MAX_TIMELINE_EVENTS:,} events; narrow the filters to see the rest.")
n_vague = sum(not has_date_or_actor(e) for e in all_events)
show_vague = n_vague > 0 and st.toggle(
    f"Show the {n_vague} event(s) with neither a date nor an actor", key="timeline_show_vague",
    help="A trigger word with no date and nobody named (\u201ca meeting is planned\u201d) says little; hidden by default.",
)
events = all_events if show_vague else [e for e in all_events if has_date_or_actor(e)]
df, undated = timeline_rows(events, names)
view = view_digest(f)
wanted = url_value("event_id")
chart, listing = st.columns([3, 2], gap="medium")
with listing:
    render_story_list(story_lines(events, names), f, selected=wanted)
with chart:
    if df.empty:
        st.info("No dated event matches these filters.", icon=":material/event_busy:")
    else:
        st.caption(
            "Each event over the span its date allows (a month covers its month, a range its days), coloured "
            "by type. Square markers: week/month/year precision; diamonds: ranges; faded: planned; black "
            "outline: sources disagree on the date. Click an event to see its sources."
        )
        picked = render_timeline(df, key=f"timeline_{view}")
        if picked and picked != wanted:
            write_params(event_id=picked)
            wanted = picked

        def _briefing() -> str:
            return briefing_html(
                description=f.describe(names), events=events, names=names,
                confirmations=events_data.event_confirmations(f), actors=views_data.actors(f),
                places=views_data.places(f)[0], countries=basemap(), timeline=timeline_markup(timeline_figure(df)),
            )

        with st.expander("Export the chart, its data, or a briefing"):
            render_exports(timeline_figure(df), df, key=f"timeline_export_{view}", description=f.describe(names),
                           briefing=_briefing)
chosen = next((e for e in events if e.id == wanted), None)
if chosen is not None:
    st.divider()
    render_sources(chosen, names, f)
    # a callback runs before the next run, so the sidebar already sees the new URL
    st.button("Filter every page to this event's actors and dates", key="timeline_filter_event",
              on_click=lambda: write_params(filters_for_event(active_filters(), chosen)),
              icon=":material/filter_alt:")
if undated:
    render_undated(undated, names)

"""Sources: who reported each event citing whom, and how many independent origins confirm it."""

from __future__ import annotations

import streamlit as st

from components import events_data
from components.filters import active_filters, url_value, view_digest, write_params
from components.frame import require_frame
from components.sources_view import (
    chain_rows,
    confirmation_rows,
    render_chains,
    render_confirmations,
    render_origin_groups,
)

require_frame()
f = active_filters()
st.header("Sources")
events, names, cut = events_data.events(f)
conf = events_data.event_confirmations(f)
view = view_digest(f)
st.caption(
    "Each event with the origins of its reports. A chain runs from the outlet that published the "
    "sentence back to whom it cites; chains ending at the same origin are one independent confirmation."
)
picked = render_confirmations(confirmation_rows(events, conf, names), key=f"sources_events_{view}")
if picked:
    write_params(event_id=picked)
wanted = picked or url_value("event_id")
chosen = next((e for e in events if e.id == wanted), None)
if chosen is not None:
    render_origin_groups(chosen, conf[chosen.id], f)
st.divider()
st.subheader("Reporting chains")
chains, chains_cut = events_data.chains(f)
if chains_cut:
    st.info(f"Showing the first {events_data.MAX_CHAINS:,} chains; narrow the filters to see the rest.")
render_chains(chain_rows(chains), key=f"sources_chains_{view}")

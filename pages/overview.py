"""Corpus overview: what is in the (filtered) corpus, by month, language and source."""

from __future__ import annotations

import streamlit as st

from components import data
from components.filters import active_filters, view_digest, write_params
from components.frame import require_frame
from components.overview_charts import render_overview, selection_filters

require_frame()
f = active_filters()
st.header("Corpus overview")
selection = render_overview(data.overview(f), data.facets(), key=f"overview_{view_digest(f)}")
if selection is not None:
    new = selection_filters(selection, f)
    if new != f:
        write_params(new)
        st.rerun()

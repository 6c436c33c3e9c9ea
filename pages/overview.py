"""Corpus overview: what is in the (filtered) corpus, by month, language and source."""

from __future__ import annotations

import calendar
import datetime as dt

import streamlit as st

from components import data
from components.frame import require_frame
from components.filters import active_filters, view_digest, write_params
from components.overview_charts import ChartSelection, render_overview


def _apply(selection: ChartSelection, f):
    if selection.month:
        year, month = map(int, selection.month.split("-"))
        last = calendar.monthrange(year, month)[1]
        return f.with_(date_from=dt.date(year, month, 1), date_to=dt.date(year, month, last))
    if selection.lang:
        return f.with_(langs=(selection.lang,))
    return f.with_(sources=(selection.source,))


require_frame()
f = active_filters()
st.header("Corpus overview")
selection = render_overview(data.overview(f), data.facets(), key=f"overview_{view_digest(f)}")
if selection is not None:
    new = _apply(selection, f)
    if new != f:
        write_params(new)
        st.rerun()

"""Dossier — router and frame only: page config, navigation, the shared sidebar filters.

Run: ``streamlit run app.py`` (database: $DOSSIER_DB, default var/dossier.db; on first start an
empty database is filled from data/articles).
"""

from __future__ import annotations

import streamlit as st

from components import preload

preload.wait()  # scripts/serve.py warms the heavy imports in a thread: never run beside it

from components import data
from components.filters import render_sidebar_filters
from components.frame import favicon, mark_frame_ready, render_filter_bar, render_nav_links
from components.safe import inject_style

st.set_page_config(page_title="Dossier", page_icon=favicon(), layout="wide")
inject_style()

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/articles.py", title="Articles", icon=":material/article:", url_path="articles"),
    st.Page("pages/entities.py", title="Entities", icon=":material/groups:", url_path="entities"),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("pages/map.py", title="Map", icon=":material/map:", url_path="map"),
    st.Page("pages/sources.py", title="Sources", icon=":material/account_tree:", url_path="sources"),
    st.Page("pages/corrections.py", title="Corrections", icon=":material/edit_note:", url_path="corrections"),
]
# The built-in menu would drop the query string on a page switch; our own links carry the filters.
page = st.navigation(PAGES, position="hidden")

try:
    opened = data.open_store()
    facets = data.facets()
except Exception as exc:  # noqa: BLE001 - say plainly why the app cannot open, instead of a traceback
    st.error(f"Cannot open the article store at {data.db_label()}: {exc}", icon=":material/error:")
    st.stop()
with st.sidebar:
    st.markdown("### :material/folder_open: Dossier")
    nav = st.container()  # filled after the filters, so the links carry this run's filters
    st.divider()
    filters = render_sidebar_filters(facets, data.filter_options(), key="filters")
    st.caption(f"{facets.n_articles:,} articles in `{data.db_label()}`")
with nav:
    render_nav_links(PAGES)

if opened.first_start_note and not st.session_state.get("_first_start_seen"):
    st.session_state["_first_start_seen"] = True
    st.toast(opened.first_start_note, icon=":material/download_done:")
render_filter_bar(filters, data.labels(filters))
mark_frame_ready()
page.run()

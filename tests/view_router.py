"""Test-only router that mimics app.py with the Entities and Map pages registered.

Used by the AppTests and the browser tests of those pages while app.py does not list them yet;
it builds the same frame (store, sidebar filters from the query string, filter bar) and then runs
the page. Run by hand: ``streamlit run tests/view_router.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # the router lives in tests/; components/ and dossier/ are above
    sys.path.insert(0, str(REPO))

import streamlit as st  # noqa: E402

from components import data  # noqa: E402
from components.filters import render_sidebar_filters  # noqa: E402
from components.frame import favicon, mark_frame_ready, render_filter_bar, render_nav_links  # noqa: E402
from components.safe import inject_style  # noqa: E402

st.set_page_config(page_title="Dossier", page_icon=favicon(), layout="wide")
inject_style()

PAGES = [
    st.Page(REPO / "pages" / "overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page(REPO / "pages" / "articles.py", title="Articles", icon=":material/article:", url_path="articles"),
    st.Page(REPO / "pages" / "entities.py", title="Entities", icon=":material/groups:", url_path="entities"),
    st.Page(REPO / "pages" / "map.py", title="Map", icon=":material/map:", url_path="map"),
]
page = st.navigation(PAGES, position="hidden")

data.open_store()
facets = data.facets()
with st.sidebar:
    nav = st.container()
    filters = render_sidebar_filters(facets, key="filters")
with nav:
    render_nav_links(PAGES)
render_filter_bar(filters)
mark_frame_ready()
page.run()

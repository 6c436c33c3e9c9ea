"""Map: the places the filtered articles mention, movements between them; a place filters the rest."""

from __future__ import annotations

import streamlit as st

from components import views_data as vd
from components.filters import active_filters, view_digest, write_params
from components.frame import require_frame
from components.map_view import (
    map_caption,
    place_filter_note,
    place_labels,
    render_exports,
    render_map,
    render_place_downloads,
    render_place_table,
)
from dossier.export.map import MAX_MAP_ARCS, MAX_MAP_POINTS, arc_rows, map_points

# Rows of the place table under the map.
MAX_TABLE_PLACES = 200

require_frame()
f = active_filters()
st.header("Map")

# The map shows every place of the view without the place filter itself, so a selected place can
# be changed by clicking another; the selected ones are highlighted.
base = f.with_(places=())
rows, more = vd.places(base)
points = map_points(rows, max_points=min(MAX_MAP_POINTS, vd.MAX_PLACES))
by_place = vd.by_id(rows, "place_id")
arcs = arc_rows(vd.movements(base), by_place, max_arcs=MAX_MAP_ARCS)
names = place_labels(points, vd.place_names(f.places))

if not points:
    st.info(
        "No place is mentioned in the articles of this view"
        + ("" if base.is_empty() else " (try clearing some filters)")
        + ".",
        icon=":material/location_off:",
    )

view = view_digest(base)
clicked = render_map(points, arcs, key=f"map_{view}", selected=f.places)
if clicked and clicked not in f.places:
    write_params(f.with_(places=(clicked,)))
    st.rerun()

st.caption(map_caption(points, rows, more, arcs))

pick_col, clear_col = st.columns([3, 1], vertical_alignment="bottom")
with pick_col:
    options = list(dict.fromkeys([*f.places, *names]))
    pick_key = f"map_place_{view_digest(f)}"

    def _picked() -> None:
        # a callback runs before the next script run, so the sidebar already sees the new URL
        chosen = st.session_state.get(pick_key) or ""
        write_params(active_filters().with_(places=(chosen,) if chosen else ()))

    st.selectbox(
        "Filter every page by a place",
        [""] + options,
        index=(1 + options.index(f.places[0])) if f.places else 0,
        format_func=lambda pid: names.get(pid, pid) if pid else "— all places —",
        key=pick_key,
        on_change=_picked,
        help="Same as clicking a place on the map: the other pages then show only the articles "
        "that mention it.",
    )
with clear_col:
    # a callback runs before the next script run, so the sidebar already sees the cleared URL
    st.button(
        "Clear place filter",
        key="map_clear_place",
        disabled=not f.places,
        width="stretch",
        on_click=lambda: write_params(active_filters().with_(places=())),
    )

if f.places:
    st.success(place_filter_note(f.places, names, rows), icon=":material/location_on:")

from_table = render_place_table(points, key=f"map_table_{view}", max_rows=MAX_TABLE_PLACES)
if from_table and from_table not in f.places:
    write_params(f.with_(places=(from_table,)))
    st.rerun()
render_exports(points, arcs, key="map_export", caption=f"Dossier map · {f.describe(names)}")
render_place_downloads(rows, f.describe(names))

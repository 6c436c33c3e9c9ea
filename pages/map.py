"""Map: the places the filtered articles mention, movements between them; a place filters the rest."""

from __future__ import annotations

import streamlit as st

from components import views_data as vd
from components.filters import active_filters, view_digest, write_params
from components.frame import require_frame
from components.map_view import render_exports, render_map, render_place_table
from dossier.export import charts as export
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
names = {p["place_id"]: p["name"] for p in points}
names.update({pid: n for pid, n in vd.place_names(f.places).items() if pid not in names})

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

n_mentions = sum(p["n_mentions"] for p in points)
st.caption(
    f"{len(points):,} place{'s' if len(points) != 1 else ''} · {n_mentions:,} mentions"
    + (f" · only the {len(points):,} most mentioned are drawn" if more or len(rows) > len(points) else "")
    + (f" · {len(arcs)} movement{'s' if len(arcs) != 1 else ''} from visit/travel events" if arcs else "")
)

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
    shown = ", ".join(names.get(p, p) for p in f.places)
    n_art = sum(p.n_articles for p in rows if p.place_id in f.places)
    st.success(
        f"Place filter: {shown} — {n_art:,} article{'s' if n_art != 1 else ''} of this view "
        "mention it; the other pages now show only those.",
        icon=":material/location_on:",
    )

from_table = render_place_table(points, key=f"map_table_{view}", max_rows=MAX_TABLE_PLACES)
if from_table and from_table not in f.places:
    write_params(f.with_(places=(from_table,)))
    st.rerun()
render_exports(points, arcs, key="map_export", caption=f"Dossier map · {f.describe(names)}")
geo_col, csv_col = st.columns(2)
geo_col.download_button(
    "Places (GeoJSON)", lambda: export.places_geojson(rows, filters=f.describe(names)), "dossier-places.geojson",
    "application/geo+json", key="map_geojson", on_click="ignore", width="stretch",
    help="Every place of this view as a point with its names and mention counts.",
)
csv_col.download_button(
    "Places (CSV)", lambda: export.rows_csv(rows), "dossier-places.csv", "text/csv", key="map_csv",
    on_click="ignore", width="stretch",
)

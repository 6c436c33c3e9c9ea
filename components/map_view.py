"""The map: countries, places sized by mentions and coloured by kind, movement arcs; a click on a
place selects it. Exports (HTML, PNG) are generated only when their button is clicked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from components.safe import esc
from components.tables import new_choice, pick_one_row
from dossier.export import charts as export
from dossier.export import map as map_export
from dossier.export.map import KIND_COLOURS, PLACES_LAYER
from dossier.store import PlaceRow

# Selected places are drawn in this colour, above their kind colour.
SELECTED_COLOUR = [230, 180, 0, 255]


def legend_html(points: Sequence[Mapping[str, Any]]) -> str:
    """Kind colours present on the map, with how many places of each kind (escaped)."""
    counts: dict[str, int] = {}
    for p in points:
        counts[p["kind"]] = counts.get(p["kind"], 0) + 1
    items = []
    for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        r, g, b = KIND_COLOURS.get(kind, map_export.OTHER_COLOUR)
        items.append(
            f'<span style="display:inline-flex;align-items:center;margin-right:1rem">'
            f'<span style="width:.8rem;height:.8rem;border-radius:50%;background:rgb({r},{g},{b});'
            f'display:inline-block;margin-right:.35rem"></span>{esc(kind)} · {n}</span>'
        )
    return f'<div class="dz-meta" style="margin:.2rem 0">{"".join(items)} ' \
           f'<span style="color:#6b7685">circle area ∝ mentions</span></div>'


def place_labels(points: Sequence[Mapping[str, Any]], other_names: Mapping[str, str]) -> dict[str, str]:
    """Place id -> name for the places on the map, then for ``other_names`` not on it (a place
    filter from a link may name a place this view does not draw)."""
    names = {p["place_id"]: p["name"] for p in points}
    names.update({pid: n for pid, n in other_names.items() if pid not in names})
    return names


def map_caption(points: Sequence[Mapping[str, Any]], rows: Sequence[PlaceRow], more: bool,
                arcs: Sequence[Mapping[str, Any]]) -> str:
    """How many places and mentions the map draws, whether it was cut, and its movements."""
    n_mentions = sum(p["n_mentions"] for p in points)
    return (
        f"{len(points):,} place{'s' if len(points) != 1 else ''} · {n_mentions:,} mentions"
        + (f" · only the {len(points):,} most mentioned are drawn" if more or len(rows) > len(points) else "")
        + (f" · {len(arcs)} movement{'s' if len(arcs) != 1 else ''} from visit/travel events" if arcs else "")
    )


def place_filter_note(places: Sequence[str], names: Mapping[str, str], rows: Sequence[PlaceRow]) -> str:
    """What the place filter keeps: its places by name and how many articles of the view name them."""
    shown = ", ".join(names.get(p, p) for p in places)
    n_art = sum(p.n_articles for p in rows if p.place_id in places)
    return (
        f"Place filter: {shown} — {n_art:,} article{'s' if n_art != 1 else ''} of this view "
        "mention it; the other pages now show only those."
    )


def with_selection(points: Sequence[Mapping[str, Any]], selected: Sequence[str]) -> list[dict[str, Any]]:
    """Points with the selected ones recoloured and drawn last (on top)."""
    chosen = set(selected)
    out = [dict(p) for p in points]
    for p in out:
        if p["place_id"] in chosen:
            p["colour"] = SELECTED_COLOUR
    return sorted(out, key=lambda p: p["place_id"] in chosen)


def render_map(
    points: Sequence[Mapping[str, Any]],
    arcs: Sequence[Mapping[str, Any]] = (),
    *,
    key: str,
    selected: Sequence[str] = (),
    countries: Any = None,
    height: int = 560,
) -> str | None:
    """Draw the map. Returns the place id the user just clicked (None when no new click).

    ``key`` must stay the same while the map shows the same view: the chart's selection lives
    under it, and a click is reported once (the last one seen is remembered under the key)."""
    shown = with_selection(points, selected)
    deck = map_export.build_deck(shown, arcs, countries=countries, height=height)
    st.html(legend_html(points))
    event = st.pydeck_chart(
        deck,
        on_select="rerun",
        selection_mode="single-object",
        key=key,
        height=height,
        alt=f"Map of {len(points)} places mentioned in the filtered articles",
    )
    objects = (event.selection.objects or {}).get(PLACES_LAYER, []) if event is not None else []
    clicked = str(objects[0].get("place_id")) if objects and objects[0].get("place_id") else None
    return new_choice(key, clicked)


def places_frame(points: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Place": p["name"],
                "Kind": p["kind"],
                "Mentions": p["n_mentions"],
                "Articles": p["n_articles"],
                "Also written": p["names_text"],
                "Lat": round(p["lat"], 4),
                "Lon": round(p["lon"], 4),
            }
            for p in points
        ],
        columns=["Place", "Kind", "Mentions", "Articles", "Also written", "Lat", "Lon"],
    )


def render_place_table(points: Sequence[Mapping[str, Any]], *, key: str, max_rows: int) -> str | None:
    """The places of the map as a table; selecting a row works like clicking the place. Returns
    the place id of a row the user just selected (None when the selection did not change)."""
    rows = list(points[:max_rows])
    picked = pick_one_row(places_frame(rows), key=key, max_height=420)
    return new_choice(key, None if picked is None else rows[picked]["place_id"])


def render_exports(
    points: Sequence[Mapping[str, Any]],
    arcs: Sequence[Mapping[str, Any]],
    *,
    key: str,
    caption: str,
    file_stem: str = "dossier-map",
) -> None:
    """Download buttons for the map as self-contained HTML and as PNG (made on click)."""
    deck = map_export.build_deck(list(points), list(arcs))
    browser = export.browser_path()
    buttons = (
        ("Map as HTML (works offline)", partial(_export_html, deck, caption), "html", "text/html",
         ":material/download:", False,
         "One file with the map, its data and deck.gl inside: opens with no network."),
        ("Map as PNG", partial(_export_png, deck, caption), "png", "image/png", ":material/image:", browser is None,
         "Rendered in headless Chromium (takes a few seconds)." if browser
         else "PNG export needs Chromium, which was not found on this machine."),
    )
    for col, (label, data, ext, mime, icon, disabled, help_text) in zip(st.columns(2), buttons, strict=True):
        col.download_button(
            label, data=data, file_name=f"{file_stem}.{ext}", mime=mime, key=f"{key}_{ext}", on_click="ignore",
            icon=icon, width="stretch", disabled=disabled, help=help_text,
        )


def _export_html(deck: Any, caption: str) -> str:
    return map_export.map_html(deck, caption=caption)


def _export_png(deck: Any, caption: str) -> bytes:
    return map_export.html_to_png(map_export.map_html(deck, caption=caption))


def render_place_downloads(rows: Sequence[PlaceRow], description: str) -> None:
    """The places of the view as GeoJSON points and as CSV rows (made on click)."""
    geo_col, csv_col = st.columns(2)
    geo_col.download_button(
        "Places (GeoJSON)", lambda: export.places_geojson(rows, filters=description), "dossier-places.geojson",
        "application/geo+json", key="map_geojson", on_click="ignore", width="stretch",
        help="Every place of this view as a point with its names and mention counts.",
    )
    csv_col.download_button(
        "Places (CSV)", lambda: export.rows_csv(rows), "dossier-places.csv", "text/csv", key="map_csv",
        on_click="ignore", width="stretch",
    )

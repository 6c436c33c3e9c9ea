"""The map: countries, places sized by mentions and coloured by kind, movement arcs; a click on a
place selects it. Exports (HTML, PNG) are generated only when their button is clicked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from components.safe import esc
from dossier.export import charts as export
from dossier.export import map as map_export
from dossier.export.map import KIND_COLOURS, PLACES_LAYER

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
    seen_key = f"{key}__seen"
    if clicked != st.session_state.get(seen_key):
        st.session_state[seen_key] = clicked
        return clicked
    return None


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
    event = st.dataframe(
        places_frame(rows),
        key=key,
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * max(len(rows), 1), 420),
    )
    picked = event.selection.rows if event is not None else []
    chosen = rows[picked[0]]["place_id"] if picked and 0 <= picked[0] < len(rows) else None
    seen_key = f"{key}__seen"
    if chosen != st.session_state.get(seen_key):
        st.session_state[seen_key] = chosen
        return chosen
    return None


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
    html_data = partial(_export_html, deck, caption)
    left, right = st.columns(2)
    with left:
        st.download_button(
            "Map as HTML (works offline)",
            data=html_data,
            file_name=f"{file_stem}.html",
            mime="text/html",
            key=f"{key}_html",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
            help="One file with the map, its data and deck.gl inside: opens with no network.",
        )
    with right:
        browser = export.browser_path()
        st.download_button(
            "Map as PNG",
            data=partial(_export_png, deck, caption),
            file_name=f"{file_stem}.png",
            mime="image/png",
            key=f"{key}_png",
            on_click="ignore",
            icon=":material/image:",
            width="stretch",
            disabled=browser is None,
            help=(
                "Rendered in headless Chromium (takes a few seconds)."
                if browser
                else "PNG export needs Chromium, which was not found on this machine."
            ),
        )


def _export_html(deck: Any, caption: str) -> str:
    return map_export.map_html(deck, caption=caption)


def _export_png(deck: Any, caption: str) -> bytes:
    return map_export.html_to_png(map_export.map_html(deck, caption=caption))

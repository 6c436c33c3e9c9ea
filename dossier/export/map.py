"""The map as data, as a deck.gl scene, as a self-contained HTML file and as a PNG.

No Streamlit here: the Map page and any export path build the same scene from the same rows.

- ``map_points`` turns aggregated place rows (``Store.places``) into the few fields the browser
  needs, cut to a named limit; ``arc_rows`` does the same for movements (pairs of places).
- ``build_deck`` makes the pydeck scene: a countries layer from the offline basemap, places sized
  by mentions and coloured by kind, arcs for movements. No tile server: ``map_provider=None``.
- ``map_html`` writes that scene into one HTML file with deck.gl inlined from the pydeck package on
  disk, so the file opens with no network at all; ``html_to_png`` screenshots it in headless Chromium.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

from dossier import config
from dossier.export.charts import CHROMIUM_ARGS, browser_path
from dossier.store.rows import PlaceRow
from dossier.text.markup import escape

REPO_ROOT = config.REPO_ROOT
BASEMAP_PATH = REPO_ROOT / "data" / "basemap" / "countries.geojson"

# Places drawn on the map (the most mentioned first). The store aggregates mentions per place in
# SQL, so 100k mentions arrive as at most this many points.
MAX_MAP_POINTS = 2000
# Movement arcs drawn (the first ones given; the caller orders them).
MAX_MAP_ARCS = 300
# Names listed in a tooltip (a city can have dozens of spellings in the gazetteer).
MAX_TOOLTIP_NAMES = 6
# Basemap positions closer than this (degrees, ≈ 5 km) to the previous one are dropped, and the
# rest rounded: a country outline at the zooms the map opens with loses nothing visible, and the
# payload sent on every rerun shrinks several times.
BASEMAP_TOLERANCE_DEG = 0.05
BASEMAP_DECIMALS = 3

# Colour per place kind (RGB); anything else is drawn grey. Kinds come from dossier.model.Place.
KIND_COLOURS: dict[str, tuple[int, int, int]] = {
    "country": (31, 78, 121),
    "region": (46, 139, 87),
    "city": (214, 96, 39),
    "site": (148, 52, 140),
}
OTHER_COLOUR = (110, 110, 110)
ARC_SOURCE_COLOUR = (31, 78, 121)
ARC_TARGET_COLOUR = (214, 39, 40)

# Layer ids: Streamlit keys a chart selection by layer id, so they are part of the page's contract.
COUNTRIES_LAYER = "countries"
PLACES_LAYER = "places"
ARCS_LAYER = "movements"



class MapExportError(RuntimeError):
    """The map could not be exported (no browser, or the page did not render)."""


# -- data for the browser ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def basemap() -> dict[str, Any]:
    """The country outlines (Natural Earth via world-atlas, see data/basemap/README.md), read once
    and thinned to what a country-scale map shows: positions closer than BASEMAP_TOLERANCE_DEG to
    the last kept one are dropped, and only the country name is kept of the properties."""
    raw = json.loads(BASEMAP_PATH.read_text(encoding="utf-8"))
    features = []
    for feat in raw.get("features", []):
        geom = feat.get("geometry")
        if not geom or geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        thinned = [[_thin_ring(ring) for ring in poly] for poly in polys]
        props = feat.get("properties") or {}
        features.append(
            {
                "type": "Feature",
                "properties": {"name": props.get("name") or props.get("NAME") or ""},
                "geometry": {"type": "MultiPolygon", "coordinates": thinned},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _unwrap_ring(ring: Sequence[Sequence[float]]) -> Sequence[Sequence[float]]:
    """A ring that crosses the antimeridian (Chukotka, Fiji) jumps from +180 to -180; drawn as is,
    that edge is a stripe across the whole world. Its western part is moved past +180 instead,
    where the map projects it next to the rest. Rings around the South Pole are left alone (their
    crossing runs along the pole, off the map)."""
    if not any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(ring)):
        return ring
    if min(p[1] for p in ring) < -80:
        return ring
    return [[p[0] + 360 if p[0] < 0 else p[0], *p[1:]] for p in ring]


def _thin_ring(ring: Sequence[Sequence[float]]) -> list[list[float]]:
    """Drop positions within the tolerance of the last kept one; keep the ring closed, and keep
    small islands whole rather than collapse them."""
    ring = _unwrap_ring(ring)
    if len(ring) <= 8:
        return [[round(x, BASEMAP_DECIMALS), round(y, BASEMAP_DECIMALS)] for x, y, *_ in ring]
    kept = [ring[0]]
    for pos in ring[1:-1]:
        last = kept[-1]
        if abs(pos[0] - last[0]) >= BASEMAP_TOLERANCE_DEG or abs(pos[1] - last[1]) >= BASEMAP_TOLERANCE_DEG:
            kept.append(pos)
    kept.append(ring[-1])
    if len(kept) < 4:
        kept = list(ring)
    return [[round(x, BASEMAP_DECIMALS), round(y, BASEMAP_DECIMALS)] for x, y, *_ in kept]


@lru_cache(maxsize=1)
def basemap_data_url() -> str:
    """The basemap as a ``data:`` URL. deck.gl's JSON converter walks every value of a layer's
    inline data looking for its ``@@`` markers, which takes seconds for a world of coordinates;
    a URL is one string to it, and deck.gl then loads it with the browser's JSON parser — still
    with no network, since the data is inside the URL."""
    import base64

    body = json.dumps(basemap(), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return "data:application/json;base64," + base64.b64encode(body).decode("ascii")


# What the map needs of a place is the store's row type; as_map_place takes any object with its fields.
MapPlace = PlaceRow


def as_map_place(row: Any) -> MapPlace:
    """A MapPlace from any object with PlaceRow's fields."""
    return MapPlace(
        place_id=str(row.place_id), name=str(row.name), lat=float(row.lat), lon=float(row.lon),
        kind=str(row.kind), n_mentions=int(row.n_mentions), n_articles=int(row.n_articles),
        names=[str(n) for n in (row.names or ())],
    )


def _valid(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def point_radius(n_mentions: int) -> float:
    """Pixel radius: area grows with mentions, so 4× the mentions is 2× the radius."""
    return round(4.0 + 3.0 * math.sqrt(max(n_mentions, 1)), 1)


def kind_colour(kind: str) -> list[int]:
    return [*KIND_COLOURS.get(kind, OTHER_COLOUR), 200]


def map_points(places: Iterable[Any], *, max_points: int = MAX_MAP_POINTS) -> list[dict[str, Any]]:
    """One dict per place for the scatter layer: most mentioned first, at most ``max_points``,
    places without valid coordinates dropped. Rows of the same place are summed (the store already
    aggregates; this keeps the limit honest for any other caller)."""
    merged: dict[str, MapPlace] = {}
    for row in places:
        p = as_map_place(row)
        if not _valid(p.lat, p.lon):
            continue
        seen = merged.get(p.place_id)
        if seen is None:
            merged[p.place_id] = p
        else:
            merged[p.place_id] = MapPlace(
                seen.place_id, seen.name, seen.lat, seen.lon, seen.kind,
                seen.n_mentions + p.n_mentions, seen.n_articles + p.n_articles,
                list(dict.fromkeys(seen.names + p.names)),
            )
    ranked = sorted(merged.values(), key=lambda p: (-p.n_mentions, p.name, p.place_id))
    out = []
    for p in ranked[: max(0, max_points)]:
        other_names = [n for n in p.names if n != p.name]
        shown = other_names[:MAX_TOOLTIP_NAMES]
        more = len(other_names) - len(shown)
        out.append(
            {
                "place_id": p.place_id,
                "name": p.name,
                "kind": p.kind,
                "lat": p.lat,
                "lon": p.lon,
                "n_mentions": p.n_mentions,
                "n_articles": p.n_articles,
                "names_text": ", ".join(shown) + (f" (+{more} more)" if more > 0 else ""),
                "radius": point_radius(p.n_mentions),
                "colour": kind_colour(p.kind),
            }
        )
    return out


def arc_rows(
    pairs: Iterable[tuple[str, str]],
    places_by_id: Mapping[str, Any],
    *,
    max_arcs: int = MAX_MAP_ARCS,
) -> list[dict[str, Any]]:
    """Arcs for movements: ``pairs`` are (from place id, to place id), in the order travelled.

    A pair whose ends are unknown, equal or without coordinates is skipped; a pair repeated is
    drawn once with its count. ``places_by_id`` maps ids to anything with name/lat/lon."""
    counts: dict[tuple[str, str], int] = {}
    for src, dst in pairs:
        if src == dst or src not in places_by_id or dst not in places_by_id:
            continue
        counts[(src, dst)] = counts.get((src, dst), 0) + 1
    out = []
    for (src, dst), n in counts.items():
        a, b = places_by_id[src], places_by_id[dst]
        if not (_valid(float(a.lat), float(a.lon)) and _valid(float(b.lat), float(b.lon))):
            continue
        out.append(
            {
                "from_id": src, "to_id": dst, "from_name": str(a.name), "to_name": str(b.name),
                "from_pos": [float(a.lon), float(a.lat)], "to_pos": [float(b.lon), float(b.lat)],
                "n": n,
            }
        )
        if len(out) >= max_arcs:
            break
    return out


def view_for(points: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Latitude, longitude and zoom that show every point (the whole world when there are none)."""
    if not points:
        return {"latitude": 20.0, "longitude": 30.0, "zoom": 0.8}
    lats = [p["lat"] for p in points]
    lons = [p["lon"] for p in points]
    span = max(max(lats) - min(lats), (max(lons) - min(lons)) * 0.6, 0.5)
    zoom = max(0.5, min(8.0, math.log2(360.0 / span) - 1.4))
    return {
        "latitude": (max(lats) + min(lats)) / 2,
        "longitude": (max(lons) + min(lons)) / 2,
        "zoom": round(zoom, 2),
    }


TOOLTIP_TEXT = "{name} ({kind})\n{names_text}\n{n_mentions} mentions in {n_articles} articles"


def build_deck(
    points: Sequence[Mapping[str, Any]],
    arcs: Sequence[Mapping[str, Any]] = (),
    *,
    countries: Mapping[str, Any] | None = None,
    view: Mapping[str, float] | None = None,
    height: int = 560,
) -> Any:
    """The pydeck scene. ``points``/``arcs`` come from ``map_points``/``arc_rows`` (plain dicts,
    never DataFrames: pydeck cannot serialise pandas 3 frames)."""
    import pydeck as pdk

    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            id=COUNTRIES_LAYER,
            data=countries if countries is not None else basemap_data_url(),
            stroked=True,
            filled=True,
            get_fill_color=[226, 231, 238, 255],
            get_line_color=[150, 160, 175, 255],
            line_width_min_pixels=0.6,
            pickable=False,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            id=PLACES_LAYER,
            data=list(points),
            get_position=["lon", "lat"],
            get_radius="radius",
            radius_units="'pixels'",
            get_fill_color="colour",
            get_line_color=[255, 255, 255, 230],
            stroked=True,
            line_width_min_pixels=1,
            pickable=True,
            auto_highlight=True,
        ),
    ]
    if arcs:
        layers.append(
            pdk.Layer(
                "ArcLayer",
                id=ARCS_LAYER,
                data=list(arcs),
                get_source_position="from_pos",
                get_target_position="to_pos",
                get_source_color=[*ARC_SOURCE_COLOUR, 220],
                get_target_color=[*ARC_TARGET_COLOUR, 220],
                get_width=3,
                width_min_pixels=2,
                pickable=False,
            )
        )
    v = dict(view or view_for(points))
    return pdk.Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(latitude=v["latitude"], longitude=v["longitude"], zoom=v["zoom"]),
        # no base map at all: the countries layer is the map (nothing is fetched from a tile server)
        map_provider=None,
        tooltip={"text": TOOLTIP_TEXT},
        height=height,
    )


def deck_json(deck: Any) -> dict[str, Any]:
    """The scene as deck.gl JSON, with every base-map setting removed."""
    spec = json.loads(deck.to_json())
    for k in ("mapStyle", "mapProvider", "mapboxApiKey", "googleMapsKey"):
        spec.pop(k, None)
    return spec


# -- self-contained HTML ----------------------------------------------------------------------


def deckgl_bundle_path() -> Path:
    """deck.gl as shipped inside the pydeck package (the bundle its Jupyter widget loads)."""
    import pydeck

    return Path(pydeck.__file__).resolve().parent / "nbextension" / "static" / "index.js"


@lru_cache(maxsize=1)
def _deckgl_bundle() -> str:
    path = deckgl_bundle_path()
    if not path.is_file():
        raise MapExportError(f"deck.gl bundle not found at {path} (is pydeck installed fully?)")
    js = path.read_text(encoding="utf-8")
    if "</script" in js.lower():  # would end the inline <script> early
        raise MapExportError(f"{path} cannot be inlined: it contains a closing script tag")
    return js


def _json_for_script(value: Any) -> str:
    """JSON that is safe inside <script>: '<' escaped so article text cannot close the tag."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; connect-src data: blob:">
<title>__TITLE__</title>
<style>
html, body {margin: 0; height: 100%; background: #f7f9fc; font-family: sans-serif;}
#deck-container {position: absolute; inset: 0;}
#dz-caption {position: absolute; left: 8px; bottom: 6px; z-index: 2; font-size: 12px; color: #3b4656;
  background: rgba(255,255,255,.85); padding: 2px 6px; border-radius: 2px; white-space: pre-wrap;}
</style>
<script>__BUNDLE__</script>
</head>
<body>
<div id="deck-container"></div>
<div id="dz-caption"></div>
<script>
document.getElementById('dz-caption').textContent = __CAPTION__;
window.dzDeck = createDeck({
  container: document.getElementById('deck-container'),
  jsonInput: __SPEC__,
  tooltip: __TOOLTIP__,
  customLibraries: null,
  configuration: null
});
</script>
</body>
</html>
"""


def map_html(deck: Any, *, title: str = "Dossier map", caption: str = "") -> str:
    """One HTML file that draws ``deck`` with no network: deck.gl inlined, data inlined, no base
    map, and a Content-Security-Policy that forbids any fetch from outside the file."""
    spec = deck_json(deck)
    tooltip = getattr(deck, "_tooltip", None) or getattr(getattr(deck, "deck_widget", None), "tooltip", None)
    return (
        _HTML.replace("__TITLE__", escape(title))
        .replace("__CAPTION__", _json_for_script(caption))
        .replace("__SPEC__", _json_for_script(spec))
        .replace("__TOOLTIP__", _json_for_script(tooltip if isinstance(tooltip, dict) else True))
        # last: the bundle is large and must not be searched for placeholders
        .replace("__BUNDLE__", _deckgl_bundle())
    )


# -- PNG ----------------------------------------------------------------------------------------


def html_to_png(
    html: str,
    *,
    width: int = 1280,
    height: int = 800,
    timeout_s: float = 60.0,
    browser: str | None = None,
) -> bytes:
    """Render ``html`` (from ``map_html``) in headless Chromium and return a PNG of the page.

    Every request the page makes is refused, so a PNG can only come out of a truly self-contained
    file. Raises MapExportError when no browser or Playwright is available, or nothing rendered."""
    exe = browser or browser_path()
    if browser and not Path(browser).is_file():
        raise MapExportError(f"PNG export needs Chromium: nothing at {browser}")
    if not exe:
        raise MapExportError(
            "PNG export needs Chromium: none found (set DOSSIER_CHROMIUM to its path, or install "
            "the 'chromium' package). The HTML export works without it."
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        raise MapExportError("PNG export needs the 'playwright' Python package") from exc
    # Playwright's sync API refuses to run in a thread with a running asyncio loop (Streamlit's
    # and pytest-playwright's can be): a worker thread of its own always has none.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_render_png, exe, html, width, height, timeout_s).result()


def _render_png(exe: str, html: str, width: int, height: int, timeout_s: float) -> bytes:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=exe, args=list(CHROMIUM_ARGS))
            try:
                page = b.new_page(viewport={"width": width, "height": height})
                page.route("**/*", lambda route: route.abort())
                page.set_content(html, wait_until="load", timeout=timeout_s * 1000)
                # deck.gl draws on animation frames once its layers are loaded
                page.wait_for_function(
                    "() => window.dzDeck && window.dzDeck.isInitialized !== false"
                    " && document.querySelector('#deck-container canvas')",
                    timeout=timeout_s * 1000,
                )
                page.wait_for_function(
                    "() => !window.dzDeck.layerManager || window.dzDeck.layerManager.layers"
                    ".every(l => l.isLoaded)",
                    timeout=timeout_s * 1000,
                )
                page.evaluate(
                    "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
                )
                return page.screenshot(type="png", full_page=False)
            finally:
                b.close()
    except PlaywrightError as exc:
        raise MapExportError(f"Chromium could not render the map: {exc}") from exc

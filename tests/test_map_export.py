"""dossier.export.map: map data, the deck.gl scene, the self-contained HTML and the PNG."""

from __future__ import annotations

import base64
import io
import itertools
import json
import re

import pytest

from dossier.export import map as mx
from dossier.export.charts import browser_path
from dossier.export.map import MapExportError, MapPlace

PY = MapPlace("city:pyongyang", "Pyongyang", 39.0339, 125.7543, "city", 12, 4, ("평양", "प्योंगयांग", "Pyongyang"))
VL = MapPlace("city:vladivostok", "Vladivostok", 43.1056, 131.8735, "city", 30, 5, ("블라디보스토크",))
VO = MapPlace("site:vostochny", "Vostochny Cosmodrome", 51.884, 128.334, "site", 3, 2, ("보스토치니 우주기지",))
HOSTILE = MapPlace(
    "x:evil", "</script><script>alert(1)</script>", 10.0, 10.0, "<b>kind</b>", 1, 1,
    ("<img src=x onerror=alert(2)>",),
)


def test_basemap_is_the_offline_countries_file_thinned() -> None:
    bm = mx.basemap()
    assert bm["type"] == "FeatureCollection"
    assert len(bm["features"]) > 200
    names = {f["properties"]["name"] for f in bm["features"]}
    assert {"Russia", "India", "China"} <= names
    for feat in bm["features"]:
        assert feat["geometry"]["type"] == "MultiPolygon"
        for poly in feat["geometry"]["coordinates"]:
            for ring in poly:
                assert ring[0] == ring[-1], "rings stay closed"
    raw = json.loads(mx.BASEMAP_PATH.read_text(encoding="utf-8"))
    assert len(json.dumps(bm)) < len(json.dumps(raw))


def test_basemap_rings_do_not_jump_across_the_antimeridian() -> None:
    """A jump from +180 to -180 would draw a stripe across the world (Chukotka, Fiji)."""
    jumps = []
    for feat in mx.basemap()["features"]:
        for poly in feat["geometry"]["coordinates"]:
            for ring in poly:
                if min(p[1] for p in ring) < -80:
                    continue  # around the South Pole: the crossing runs off the map
                jumps += [
                    feat["properties"]["name"] for a, b in itertools.pairwise(ring) if abs(a[0] - b[0]) > 180
                ]
    assert jumps == []
    russia = next(f for f in mx.basemap()["features"] if f["properties"]["name"] == "Russia")
    assert max(p[0] for poly in russia["geometry"]["coordinates"] for ring in poly for p in ring) > 180


def test_basemap_data_url_decodes_to_the_basemap() -> None:
    url = mx.basemap_data_url()
    assert url.startswith("data:application/json;base64,")
    assert json.loads(base64.b64decode(url.split(",", 1)[1])) == mx.basemap()


def test_map_points_orders_limits_and_drops_bad_coordinates() -> None:
    bad = MapPlace("x:bad", "Nowhere", float("nan"), 10.0, "city", 99, 9)
    far = MapPlace("x:far", "Off the globe", 95.0, 10.0, "city", 98, 9)
    pts = mx.map_points([PY, VL, VO, bad, far])
    assert [p["place_id"] for p in pts] == ["city:vladivostok", "city:pyongyang", "site:vostochny"]
    assert [p["place_id"] for p in mx.map_points([PY, VL, VO], max_points=2)] == [
        "city:vladivostok", "city:pyongyang"
    ]
    py = pts[1]
    assert py["names_text"] == "평양, प्योंगयांग"  # the display name is not repeated
    assert py["colour"][:3] == list(mx.KIND_COLOURS["city"])
    assert pts[0]["radius"] > py["radius"] > pts[2]["radius"]


def test_map_points_merges_rows_of_one_place() -> None:
    again = MapPlace("city:pyongyang", "Pyongyang", 39.0339, 125.7543, "city", 5, 1, ("Pjöngjang",))
    (p,) = mx.map_points([PY, again])
    assert p["n_mentions"] == 17 and p["n_articles"] == 5
    assert "Pjöngjang" in p["names_text"]


def test_tooltip_names_are_capped() -> None:
    many = MapPlace("c:x", "X", 1.0, 1.0, "city", 1, 1, tuple(f"name{i}" for i in range(20)))
    (p,) = mx.map_points([many])
    assert p["names_text"].endswith(f"(+{20 - mx.MAX_TOOLTIP_NAMES} more)")


def test_map_points_accepts_store_rows() -> None:
    from dossier.store import PlaceRow

    row = PlaceRow("city:pyongyang", "Pyongyang", 39.0, 125.7, "city", 3, 2, ["평양"])
    (p,) = mx.map_points([row])
    assert p["place_id"] == "city:pyongyang" and p["names_text"] == "평양"


def test_arc_rows_skip_unknown_and_self_pairs_and_count_repeats() -> None:
    by_id = {p.place_id: p for p in (PY, VL, VO)}
    arcs = mx.arc_rows(
        [
            ("city:pyongyang", "city:vladivostok"),
            ("city:vladivostok", "site:vostochny"),
            ("city:pyongyang", "city:vladivostok"),
            ("city:pyongyang", "city:pyongyang"),
            ("city:pyongyang", "x:unknown"),
        ],
        by_id,
    )
    assert [(a["from_id"], a["to_id"], a["n"]) for a in arcs] == [
        ("city:pyongyang", "city:vladivostok", 2),
        ("city:vladivostok", "site:vostochny", 1),
    ]
    assert arcs[0]["from_pos"] == [PY.lon, PY.lat] and arcs[0]["to_pos"] == [VL.lon, VL.lat]
    assert len(mx.arc_rows([("city:pyongyang", "city:vladivostok")] * 3 + [("city:vladivostok", "site:vostochny")], by_id, max_arcs=1)) == 1


def test_view_fits_points_and_defaults_to_the_world() -> None:
    assert mx.view_for([])["zoom"] < 1.5
    v = mx.view_for(mx.map_points([PY, VL, VO]))
    assert 39 < v["latitude"] < 52 and 125 < v["longitude"] < 132
    assert 2 < v["zoom"] < 8


def test_deck_json_has_no_base_map_and_the_three_layers() -> None:
    pts = mx.map_points([PY, VL, VO])
    arcs = mx.arc_rows([("city:pyongyang", "city:vladivostok")], {p.place_id: p for p in (PY, VL)})
    deck = mx.build_deck(pts, arcs)
    spec = mx.deck_json(deck)
    assert "mapStyle" not in spec and "mapProvider" not in spec
    raw = deck.to_json()
    assert "cartocdn" not in raw and "mapbox://" not in raw
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert list(layers) == [mx.COUNTRIES_LAYER, mx.PLACES_LAYER, mx.ARCS_LAYER]
    assert layers[mx.COUNTRIES_LAYER]["@@type"] == "GeoJsonLayer"
    assert layers[mx.COUNTRIES_LAYER]["data"].startswith("data:application/json;base64,")
    assert layers[mx.PLACES_LAYER]["radiusUnits"] == "pixels"
    assert layers[mx.PLACES_LAYER]["pickable"] is True
    assert len(layers[mx.PLACES_LAYER]["data"]) == 3
    assert layers[mx.ARCS_LAYER]["@@type"] == "ArcLayer"
    assert "ArcLayer" not in json.dumps(mx.deck_json(mx.build_deck(pts)))


def _html(places=(PY, VL, VO), caption: str = "Dossier map") -> str:
    pts = mx.map_points(places)
    return mx.map_html(mx.build_deck(pts, countries={"type": "FeatureCollection", "features": []}), caption=caption)


def test_map_html_is_self_contained() -> None:
    html = _html()
    head = html.split("<script>", 1)[0]
    # nothing is loaded from anywhere: no external script, stylesheet, image or font
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", html, re.IGNORECASE)
    assert "Content-Security-Policy" in head and "default-src 'none'" in head
    assert "createDeck" in html  # deck.gl is inlined
    assert html.rstrip().endswith("</html>")


def test_map_html_escapes_article_text() -> None:
    html = _html((PY, HOSTILE), caption="<img src=x onerror=alert(3)>")
    body_script = html.rsplit("<script>", 1)[1]
    assert "</script><script>alert(1)" not in body_script
    assert "<img src=x" not in body_script
    assert "\\u003c/script>" in body_script


def test_html_to_png_without_browser_says_so(tmp_path) -> None:
    with pytest.raises(MapExportError, match="Chromium"):
        mx.html_to_png("<html></html>", browser=str(tmp_path / "no-such-browser"))


def test_find_chromium_honours_env(tmp_path, monkeypatch) -> None:
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("DOSSIER_CHROMIUM", str(fake))
    assert browser_path() == str(fake)


@pytest.mark.skipif(browser_path() is None, reason="no Chromium on this machine")
@pytest.mark.slow
def test_png_of_the_map_shows_countries_and_places() -> None:
    from PIL import Image

    deck = mx.build_deck(mx.map_points([PY, VL, VO]))
    png = mx.html_to_png(mx.map_html(deck), width=640, height=480)
    img = Image.open(io.BytesIO(png)).convert("RGB")
    assert img.size == (640, 480)
    colours = img.getcolors(maxcolors=640 * 480)
    assert colours is not None
    counts = {rgb: n for n, rgb in colours}
    land = sum(n for rgb, n in counts.items() if all(abs(a - b) <= 6 for a, b in zip(rgb, (226, 231, 238))))
    city = sum(n for rgb, n in counts.items() if all(abs(a - b) <= 40 for a, b in zip(rgb, mx.KIND_COLOURS["city"])))
    assert land > 0.05 * 640 * 480, "the countries layer was not drawn"
    assert city > 30, "the place markers were not drawn"

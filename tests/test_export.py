import csv
import io
import json
from html.parser import HTMLParser
from xml.etree import ElementTree

import plotly.graph_objects as go
import pytest

from dossier.export import charts as export
from dossier.store import PlaceRow

FIG = go.Figure(go.Bar(x=["김정은", "किम जोंग उन", "Kim Jong Un"], y=[3, 2, 1]))


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href") and value and value.startswith(("http:", "https:", "//")):
                self.external.append(value)


def test_html_is_self_contained_and_parses() -> None:
    html = export.figure_html(FIG, title="<Actors>").decode("utf-8")
    parser = _Resources()
    parser.feed(html)
    assert parser.external == []  # plotly.js is inlined: nothing to fetch
    assert "&lt;Actors&gt;" in html
    assert "김정은" in html or "\\uae40\\uc815\\uc740" in html


@pytest.mark.skipif(export.browser_path() is None, reason="no Chromium for kaleido")
@pytest.mark.slow
def test_png_and_svg() -> None:
    png = export.figure_image(FIG, "png", width=400, height=300)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    svg = export.figure_image(FIG, "svg", width=400, height=300)
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg")


def test_png_without_browser_says_so(monkeypatch) -> None:
    monkeypatch.setattr(export, "browser_path", lambda: None)
    with pytest.raises(export.ExportUnavailable, match="HTML export works"):
        export.figure_image(FIG, "png")


def test_charts_use_the_browser_dossier_chromium_names(monkeypatch, tmp_path) -> None:
    # a "browser" that exits at once: kaleido must try this one (and fail), not a system Chromium
    fake = tmp_path / "not-a-browser"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("DOSSIER_CHROMIUM", str(fake))
    monkeypatch.setenv("BROWSER_PATH", "/usr/bin/chromium")
    with pytest.raises(export.ExportUnavailable):
        export.figure_image(FIG, "svg", width=200, height=100)
    import os

    assert os.environ["BROWSER_PATH"] == str(fake)


def test_csv_json_geojson_load_back() -> None:
    rows = [PlaceRow("gn:2013348", "Vladivostok", 43.1, 131.9, "city", 5, 3, ["블라디보스토크", "Vladikvostok"])]
    back = list(csv.DictReader(io.StringIO(export.rows_csv(rows).decode("utf-8-sig"))))
    assert back[0]["name"] == "Vladivostok" and json.loads(back[0]["names"]) == ["블라디보스토크", "Vladikvostok"]
    doc = json.loads(export.rows_json(rows, filters="Sept 2023"))
    assert doc["filters"] == "Sept 2023" and doc["rows"][0]["place_id"] == "gn:2013348"
    geo = json.loads(export.places_geojson(rows))
    (feature,) = geo["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [131.9, 43.1]}
    assert feature["properties"]["n_mentions"] == 5

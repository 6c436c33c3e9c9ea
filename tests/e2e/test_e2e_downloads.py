"""Every download button of the app, clicked in real headless Chromium, and the file that arrives
opened and checked for its format: "every download produces a valid file".

The export functions have unit tests (test_export.py, test_map_export.py, test_briefing.py) and
AppTest checks the buttons exist (test_app_exports.py); here the whole path is exercised: the
button in the browser, Streamlit building the file on click, the browser saving it.

Buttons (30), found by reading pages/ and components/ and checked per page below:
- Overview, expander "Export these charts and their data": for each of the three charts (by month,
  by language, by source) Chart (HTML), Chart (PNG), Chart (SVG), Data (CSV), Data (JSON).
- Timeline, expander "Export the chart, its data, or a briefing": Briefing of this view (HTML),
  Chart (HTML), Chart (PNG), Chart (SVG), Data (CSV), Data (JSON).
- Entities, tab "Actor × article", expander "Export the matrix and its data": Chart (HTML),
  Chart (PNG), Chart (SVG), Data (CSV), Data (JSON).
- Map: Map as HTML (works offline), Map as PNG, Places (GeoJSON), Places (CSV).
Articles, Sources and Corrections have no download button.

The briefing, the map HTML and chart HTML files are also opened in a fresh browser page with every
request refused: a self-contained file draws with no network, and any attempt to fetch is recorded
and fails the test. PNG and SVG are made by kaleido with the system Chromium, which these tests
need anyway (conftest skips them without it), so the PNG/SVG buttons must be there and work.

The exported overview and timeline charts once cut their axis labels; two tests keep them whole.

Reuses tests/e2e/conftest.py (app_url, browser, page, e2e_db).
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from dossier.events.timeline import bar_for
from dossier.export import map as map_export
from dossier.filters import Filters
from dossier.store import Store
from tests.e2e.test_app_e2e import open_view

pytestmark = pytest.mark.e2e

# kaleido starts a browser per image and the machine is shared: building a file may take a while
DOWNLOAD_TIMEOUT_MS = 120_000
HANGUL = re.compile(r"[\uac00-\ud7a3]")
DEVANAGARI = re.compile(r"[\u0900-\u097f]")
# any reference that would make a browser fetch from the network
EXTERNAL_REF = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.IGNORECASE
)
SCRIPT_SRC = re.compile(r"<script[^>]*\ssrc\s*=", re.IGNORECASE)
SCRIPT_BODY = re.compile(r"(<script[^>]*>).*?(</script>)", re.IGNORECASE | re.DOTALL)
# the map's country fill (dossier.export.map.build_deck)
LAND = (226, 231, 238)
# (page URL, key suffix) -> file saved by download(), for the checks that only read a file again
SAVED: dict[tuple[str, str], Path] = {}


# -- driving the app -----------------------------------------------------------------------------


def open_expander(page: Page, title: str) -> Locator:
    exp = page.locator('[data-testid="stExpander"]', has_text=title)
    exp.locator("summary").click()
    expect(exp.locator('[data-testid="stDownloadButton"]').first).to_be_visible()
    return exp


def button(scope: Page | Locator, key_suffix: str, label: str) -> Locator:
    """The download button whose widget key ends with ``key_suffix`` (keys carry a view digest)."""
    box = scope.locator(f'.stElementContainer[class*="st-key-"][class*="{key_suffix} "]')
    expect(box).to_have_count(1)
    loc = box.locator('[data-testid="stDownloadButton"] button:visible', has_text=label)  # one of two is drawn
    expect(loc).to_have_count(1)
    return loc


def download(page: Page, scope: Page | Locator, key_suffix: str, label: str, ext: str, tmp_path: Path) -> Path:
    """Click the button as a user would, wait for the browser's download, save it; checks the
    suggested file name's extension."""
    btn = button(scope, key_suffix, label)
    btn.scroll_into_view_if_needed()
    try:
        with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as info:
            btn.click()
    except PlaywrightTimeoutError:
        # a builder that raised: Streamlit shows its generic message under the button for 5 s
        shown = scope.locator('[data-testid="stDownloadButtonError"]').all_inner_texts()
        pytest.fail(f"{label}: no file arrived; the app shows {shown}")
    dl = info.value
    assert dl.failure() is None, f"{label}: download failed: {dl.failure()}"
    name = dl.suggested_filename
    assert name.endswith(f".{ext}"), f"{label}: suggested file name {name!r} is not .{ext}"
    target = tmp_path / name
    dl.save_as(target)
    assert target.stat().st_size > 0, f"{label}: empty file"
    SAVED[(page.url, key_suffix)] = target
    return target


def saved_or_download(page: Page, app_url: str, path: str, expander: str, key_suffix: str, label: str,
                      ext: str, tmp_path: Path) -> Path:
    """The file an earlier test of this module downloaded from the same view, else a new download
    (page loads and exports cost seconds each on this machine)."""
    if (app_url + path, key_suffix) in SAVED:
        return SAVED[(app_url + path, key_suffix)]
    open_view(page, app_url, path)
    return download(page, open_expander(page, expander), key_suffix, label, ext, tmp_path)


def assert_clean(page: Page) -> None:
    watch = page.dz_watch  # type: ignore[attr-defined]
    assert watch.dialogs == []
    assert watch.outside_requests == [], f"the app fetched from the network: {watch.outside_requests}"
    assert watch.page_errors == []
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator('[data-testid="stDownloadButtonError"]')).to_have_count(0)


# -- checking files ------------------------------------------------------------------------------


def check_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """UTF-8 (with the BOM spreadsheet programs need), a header row and at least one data row,
    every row as wide as the header."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: no UTF-8 BOM"
    text = raw.decode("utf-8")  # strict: raises on any invalid byte
    assert "\ufffd" not in text, f"{path.name}: replacement characters (text was mangled)"
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) >= 2, f"{path.name}: header and at least one data row expected, got {len(rows)} rows"
    header = rows[0]
    assert all(h.strip() for h in header) and len(set(header)) == len(header), header
    for i, r in enumerate(rows[1:], 1):
        assert len(r) == len(header), f"{path.name}: row {i} has {len(r)} cells, header {len(header)}"
    return header, [dict(zip(header, r)) for r in rows[1:]]


def check_json(path: Path, header: list[str], n_rows: int) -> dict[str, Any]:
    """``{..., "rows": [...]}`` with the same rows and fields as the CSV of the same data."""
    doc = json.loads(path.read_bytes().decode("utf-8"))
    assert isinstance(doc, dict) and isinstance(doc.get("rows"), list), type(doc)
    assert len(doc["rows"]) == n_rows, (len(doc["rows"]), n_rows)
    assert all(isinstance(r, dict) and list(r) == header for r in doc["rows"])
    return doc


def check_png(path: Path, *, min_w: int = 600, min_h: int = 300):
    from PIL import Image

    raw = path.read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name}: not a PNG ({raw[:8]!r})"
    assert len(raw) > 10_000, f"{path.name}: only {len(raw)} bytes"
    with Image.open(io.BytesIO(raw)) as probe:
        probe.verify()  # checks the chunks' CRCs
    img = Image.open(io.BytesIO(raw)).convert("RGB")
    w, h = img.size
    assert w >= min_w and h >= min_h, img.size
    colours = img.getcolors(maxcolors=w * h)
    assert colours is not None
    top = max(n for n, _ in colours)
    # a blank (all-background) image is not a chart: at least 1% of the pixels are drawn
    assert w * h - top > 0.01 * w * h, f"{path.name}: {100 * top / (w * h):.1f}% of the pixels are one colour"
    return img


def check_svg(path: Path) -> ET.Element:
    root = ET.fromstring(path.read_bytes())
    assert root.tag in ("svg", "{http://www.w3.org/2000/svg}svg"), root.tag
    drawn = [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("path", "rect", "text")]
    assert len(drawn) > 10, f"{path.name}: only {len(drawn)} drawn elements"
    assert not EXTERNAL_REF.search(path.read_text(encoding="utf-8")), f"{path.name} refers to the network"
    return root


def check_self_contained_html(path: Path) -> str:
    text = path.read_bytes().decode("utf-8")
    assert re.match(r"\s*(<!doctype html>|<html)", text, re.IGNORECASE), text[:80]
    assert not SCRIPT_SRC.search(text), f"{path.name}: loads a script from elsewhere"
    # the markup (inline libraries set aside: their code holds links such as plotly.js's logo,
    # which are not fetched; what the scripts fetch is caught by opening the file offline)
    markup = SCRIPT_BODY.sub(r"\1\2", text)
    hit = EXTERNAL_REF.search(markup)
    assert hit is None, f"{path.name}: refers to the network: {markup[max(0, hit.start() - 60):hit.end() + 60]!r}"
    return text


def _plain_array(value: Any) -> Any:
    """plotly.py writes numpy arrays as base64 typed arrays ({"dtype", "bdata", "shape"})."""
    if isinstance(value, dict) and "bdata" in value:
        import numpy as np

        arr = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        if "shape" in value:
            arr = arr.reshape([int(n) for n in str(value["shape"]).split(",")])
        return arr.tolist()
    return value


def chart_traces(path: Path) -> list[dict[str, Any]]:
    """A saved chart file: plotly.js inlined (its banner, and the library is megabytes) and the
    traces passed to Plotly.newPlot, decoded."""
    text = check_self_contained_html(path)
    assert re.search(r"plotly\.js v\d", text), f"{path.name}: plotly.js is not inlined"
    assert len(text) > 1_000_000, f"{path.name}: {len(text)} characters, too small to hold plotly.js"
    # Plotly.newPlot("<div id>", [traces], {layout}, {config})
    call = re.compile(r"Plotly\.newPlot\(\s*").search(text)
    assert call, f"{path.name}: no Plotly.newPlot call"
    dec = json.JSONDecoder()
    div_id, end = dec.raw_decode(text, call.end())
    assert isinstance(div_id, str) and f'id="{div_id}"' in text, "the figure's div is missing"
    comma = re.compile(r"\s*,\s*").match(text, end)
    assert comma, text[end:end + 40]
    data, _ = dec.raw_decode(text, comma.end())
    assert isinstance(data, list) and data, f"{path.name}: the chart has no trace"
    return [{"type": t.get("type"), "orientation": t.get("orientation") or "v", "name": t.get("name"),
             **{k: _plain_array(t.get(k)) for k in ("x", "y", "z", "customdata")}} for t in data]


class Offline:
    """Opens saved files in the test browser with every request refused (and recorded)."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def open(self, path: Path) -> Page:
        pg = self.context.new_page()
        pg.on("pageerror", lambda e: self.errors.append(f"{path.name}: {e}"))
        pg.goto(path.as_uri())
        return pg

    def draw_chart(self, path: Path) -> tuple[list[dict[str, Any]], list[str]]:
        """The traces the saved chart file draws, as plotly.js holds them once drawn, and the axis
        labels drawn (partly) outside the chart, i.e. cut off."""
        pg = self.open(path)
        pg.wait_for_selector(".js-plotly-plot .main-svg .xtick text")
        cut = cut_labels(pg)
        data = pg.evaluate(
            """() => document.querySelector('.js-plotly-plot').data.map(t => ({
                 type: t.type, x: t.x ? Array.from(t.x) : null, y: t.y ? Array.from(t.y) : null,
                 z: t.z ? Array.from(t.z, r => Array.from(r)) : null, orientation: t.orientation || 'v'}))"""
        )
        pg.close()
        assert data, f"{path.name}: the chart has no trace"
        return data, cut

    def close(self) -> None:
        self.context.close()
        assert self.requests == [], f"a saved file tried to fetch from the network: {self.requests}"
        assert self.errors == [], self.errors


def cut_labels(pg: Page) -> list[str]:
    """Axis tick labels of a drawn plotly chart that stick out of its drawing (so are cut off)."""
    return pg.evaluate(
        """() => { const box = document.querySelector('.js-plotly-plot .main-svg').getBoundingClientRect();
             return [...document.querySelectorAll('.xtick text, .ytick text')]
               .filter(t => { const b = t.getBoundingClientRect();
                              return b.left < box.left - 1 || b.right > box.right + 1
                                  || b.top < box.top - 1 || b.bottom > box.bottom + 1; })
               .map(t => t.textContent); }"""
    )


@pytest.fixture()
def offline(browser):
    o = Offline(browser)
    yield o
    o.close()


def near(rgb: tuple[int, ...], ref: tuple[int, ...], tol: int) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(rgb, ref))


def bar_counts(trace: dict[str, Any]) -> dict[str, float]:
    """category -> value of a plotly bar trace, vertical or horizontal."""
    cats, vals = (trace["y"], trace["x"]) if trace["orientation"] == "h" else (trace["x"], trace["y"])
    return dict(zip(map(str, cats), vals))


def chart_set(page: Page, tmp_path: Path, scope: Page | Locator, key: str, *,
              offline: Offline | None = None) -> dict[str, Any]:
    """The five downloads of components.chart_export.render_chart_exports. With ``offline``, the
    chart file is also drawn in a browser with no network: what plotly.js drew must be what the
    file holds, with whole axis labels (each file takes seconds to draw on this machine)."""
    out: dict[str, Any] = {}
    html = download(page, scope, f"{key}_html", "Chart (HTML)", "html", tmp_path)
    out["traces"] = chart_traces(html)
    if offline is not None:
        drawn, cut = offline.draw_chart(html)
        assert [(t["type"], t["x"], t["y"], t["z"]) for t in drawn] == \
            [(t["type"], t["x"], t["y"], t["z"]) for t in out["traces"]]
        assert cut == [], f"{html.name}: axis labels cut off at the chart's edge: {cut}"
    out["png"] = check_png(download(page, scope, f"{key}_png", "Chart (PNG)", "png", tmp_path))
    out["svg"] = check_svg(download(page, scope, f"{key}_svg", "Chart (SVG)", "svg", tmp_path))
    out["header"], out["rows"] = check_csv(download(page, scope, f"{key}_csv", "Data (CSV)", "csv", tmp_path))
    out["json"] = check_json(download(page, scope, f"{key}_json", "Data (JSON)", "json", tmp_path),
                             out["header"], len(out["rows"]))
    return out


# -- the pages -----------------------------------------------------------------------------------


def test_overview_downloads(page: Page, app_url: str, tmp_path: Path, e2e_db: Path) -> None:
    open_view(page, app_url, "/")
    exp = open_expander(page, "Export these charts and their data")
    expect(exp.locator('[data-testid="stDownloadButton"]')).to_have_count(15)
    with Store(e2e_db, readonly=True) as store:
        facets = store.facets()

    months = chart_set(page, tmp_path, exp, "_months_export")
    assert months["header"] == ["month", "articles"]
    csv_months = {r["month"]: int(r["articles"]) for r in months["rows"]}
    assert sum(csv_months.values()) == facets.n_articles
    drawn = bar_counts(months["traces"][0])
    # the chart file draws the numbers of the data file (the chart adds empty months between)
    assert {m: drawn[m] for m in csv_months} == csv_months, (drawn, csv_months)

    langs = chart_set(page, tmp_path, exp, "_langs_export")
    assert langs["header"] == ["language", "articles"]
    csv_langs = {r["language"]: int(r["articles"]) for r in langs["rows"]}
    assert {"en", "ko", "hi"} <= set(csv_langs), csv_langs
    assert bar_counts(langs["traces"][0]) == csv_langs

    sources = chart_set(page, tmp_path, exp, "_sources_export")
    assert sources["header"] == ["source", "articles"]
    assert sum(int(r["articles"]) for r in sources["rows"]) == sum(bar_counts(sources["traces"][0]).values())
    assert_clean(page)


def test_timeline_downloads(page: Page, app_url: str, tmp_path: Path, offline: Offline) -> None:
    open_view(page, app_url, "/timeline")
    exp = open_expander(page, "Export the chart, its data, or a briefing")
    expect(exp.locator('[data-testid="stDownloadButton"]')).to_have_count(6)

    brief = download(page, exp, "_briefing", "Briefing of this view (HTML)", "html", tmp_path)
    text = check_self_contained_html(brief)
    for heading in ("<h1>Dossier briefing</h1>", "<h2>Timeline</h2>", "<h2>Map</h2>", "<h2>Key actors</h2>",
                    "<h2>Events and their sources</h2>"):
        assert heading in text, heading
    assert HANGUL.search(text) and DEVANAGARI.search(text), "Korean/Hindi source sentences missing"
    bp = offline.open(brief)
    expect(bp.locator("h2")).to_have_text(["Timeline", "Map", "Key actors", "Events and their sources"])
    assert bp.locator("section.event").count() > 0
    bp.close()

    # keys carry the view digest (timeline_export_<digest>_html ...): match on the suffix alone
    out = chart_set(page, tmp_path, exp, "")
    header, rows = out["header"], out["rows"]
    for col in ("event_id", "type", "start", "end", "date", "sentence", "lang"):
        assert col in header, header
    assert len({r["event_id"] for r in rows}) == len(rows)
    sentences = " ".join(r["sentence"] for r in rows)
    assert HANGUL.search(sentences), "no Korean sentence survived the CSV"
    assert DEVANAGARI.search(sentences), "no Hindi sentence survived the CSV"
    # one bar per data row, same event, same type: each type is one bar trace named by it (its y is
    # the event's row when events are labelled, the type lane when they are too many); each type
    # also has a trace of start markers
    bars = [t for t in out["traces"] if t["type"] == "bar"]
    assert sorted((c[0], t["name"]) for t in bars for c in t["customdata"]) == \
        sorted((r["event_id"], r["type"]) for r in rows)
    assert_clean(page)


def test_entities_matrix_downloads(page: Page, app_url: str, tmp_path: Path, offline: Offline) -> None:
    open_view(page, app_url, "/entities")
    page.get_by_role("tab", name="Actor × article").click()
    exp = open_expander(page, "Export the matrix and its data")
    expect(exp.locator('[data-testid="stDownloadButton"]')).to_have_count(5)
    out = chart_set(page, tmp_path, exp, "", offline=offline)
    assert out["header"] == ["actor", "entity_id", "article", "mentions"]
    assert all(int(r["mentions"]) > 0 for r in out["rows"])
    (heat,) = out["traces"]
    assert heat["type"] == "heatmap"
    cells = sorted(v for row in heat["z"] for v in row if v is not None)
    # every cell of the data file is a cell of the chart file, with the same count
    assert cells == sorted(int(r["mentions"]) for r in out["rows"])
    assert_clean(page)


def check_geojson(path: Path) -> dict[str, Any]:
    doc = json.loads(path.read_bytes().decode("utf-8"))
    assert doc.get("type") == "FeatureCollection", doc.get("type")
    assert doc["features"], "no feature"
    for feat in doc["features"]:
        assert feat["type"] == "Feature"
        geom = feat["geometry"]
        assert geom["type"] == "Point"
        lon, lat = geom["coordinates"]
        assert isinstance(lon, (int, float)) and isinstance(lat, (int, float))
        assert -180 <= lon <= 180 and -90 <= lat <= 90, geom
        assert feat["properties"]["place_id"] and feat["properties"]["name"]
    return doc


def map_files(page: Page, tmp_path: Path) -> tuple[dict[str, Any], list[dict[str, str]]]:
    geo = check_geojson(download(page, page, "map_geojson", "Places (GeoJSON)", "geojson", tmp_path))
    header, rows = check_csv(download(page, page, "map_csv", "Places (CSV)", "csv", tmp_path))
    for col in ("place_id", "name", "lat", "lon", "kind", "n_mentions", "n_articles", "names"):
        assert col in header, header
    # the two data files describe the same places
    assert [f["properties"]["place_id"] for f in geo["features"]] == [r["place_id"] for r in rows]
    return geo, rows


def test_map_downloads(page: Page, app_url: str, tmp_path: Path, offline: Offline, e2e_db: Path) -> None:
    open_view(page, app_url, "/map")
    expect(page.locator('[data-testid="stDownloadButton"]')).to_have_count(4)

    html = download(page, page, "map_export_html", "Map as HTML (works offline)", "html", tmp_path)
    text = check_self_contained_html(html)
    assert "createDeck(" in text and len(text) > 500_000, "deck.gl is not inlined"
    mp = offline.open(html)
    mp.wait_for_function("() => window.dzDeck && document.querySelector('#deck-container canvas')")
    mp.close()

    img = check_png(download(page, page, "map_export_png", "Map as PNG", "png", tmp_path))

    _geo, rows = map_files(page, tmp_path)
    # the PNG shows the countries and the places (the most mentioned is the biggest circle)
    w, h = img.size
    colours = img.getcolors(maxcolors=w * h)
    land = sum(n for n, rgb in colours if near(rgb, LAND, 6))
    kind = max(rows, key=lambda r: int(r["n_mentions"]))["kind"]
    place = sum(n for n, rgb in colours if near(rgb, map_export.KIND_COLOURS.get(kind, map_export.OTHER_COLOUR), 40))
    assert land > 0.05 * w * h, f"countries cover {land / (w * h):.1%} of the map PNG"
    assert place > 100, f"{place} pixels in the colour of {kind} places"
    with Store(e2e_db, readonly=True) as store:
        expected = store.places(Filters(), limit=10_000)
    assert {r["place_id"] for r in rows} == {p.place_id for p in expected}
    names = " ".join(r["names"] for r in rows)
    assert HANGUL.search(names) and DEVANAGARI.search(names), "Korean/Hindi place names missing from the CSV"
    assert_clean(page)


def test_downloads_follow_the_active_filter(page: Page, app_url: str, tmp_path: Path, e2e_db: Path) -> None:
    """A crafted link ?lang=hi: the map's data files hold exactly the places of the Hindi article(s),
    the timeline's data exactly the dated events with a source in a Hindi article."""
    with Store(e2e_db, readonly=True) as store:
        hindi = {p.place_id for p in store.places(Filters(langs=("hi",)), limit=10_000)}
        everywhere = {p.place_id for p in store.places(Filters(), limit=10_000)}
    assert hindi and hindi < everywhere, "the sample corpus must make this filter narrow the places"

    open_view(page, app_url, "/map?lang=hi")
    expect(page.locator(".dz-filterbar")).to_contain_text("Showing: hi")
    geo, rows = map_files(page, tmp_path)
    assert {r["place_id"] for r in rows} == hindi
    assert "hi" in geo["metadata"]["filters"]
    names = " ".join(r["names"] for r in rows)
    assert DEVANAGARI.search(names) and not HANGUL.search(names), names

    open_view(page, app_url, "/timeline?lang=hi")
    exp = open_expander(page, "Export the chart, its data, or a briefing")
    header, rows = check_csv(download(page, exp, "_csv", "Data (CSV)", "csv", tmp_path))
    # an event belongs to the view when one of its sources is in a Hindi article (Store.events);
    # the timeline draws (and exports) the ones with a calendar date
    with Store(e2e_db, readonly=True) as store:
        hindi_events = {e.id: e for e in store.events(Filters(langs=("hi",)), limit=10_000) if bar_for(e)}
        all_dated = {e.id for e in store.events(Filters(), limit=10_000) if bar_for(e)}
    assert hindi_events and set(hindi_events) < all_dated
    assert {r["event_id"] for r in rows} == set(hindi_events)
    assert all(any(s["lang"] == "hi" for s in e.sources) for e in hindi_events.values())
    assert DEVANAGARI.search(" ".join(r["sentence"] for r in rows))
    doc = check_json(download(page, exp, "_json", "Data (JSON)", "json", tmp_path), header, len(rows))
    assert "hi" in doc["filters"], doc["filters"]
    assert_clean(page)


# Exported charts are plotly figures written as they are: in the app, st.plotly_chart's default
# theme turns on axis automargin, so a figure with small fixed margins looks right there and is cut
# in the file. Measured on the HTML export drawn offline; PNG/SVG come from the same figure.


def test_overview_chart_exports_show_whole_axis_labels(page: Page, app_url: str, tmp_path: Path,
                                                       offline: Offline) -> None:
    cut = {}
    # month_figure and category_figure (by language; by source is drawn by the same function)
    for key in ("_months_export", "_langs_export"):
        html = saved_or_download(page, app_url, "/", "Export these charts and their data", f"{key}_html",
                                 "Chart (HTML)", "html", tmp_path)
        cut[html.name] = offline.draw_chart(html)[1]
    assert cut == {name: [] for name in cut}


def test_timeline_chart_export_shows_whole_axis_labels(page: Page, app_url: str, tmp_path: Path,
                                                       offline: Offline) -> None:
    html = saved_or_download(page, app_url, "/timeline", "Export the chart, its data, or a briefing", "_html",
                             "Chart (HTML)", "html", tmp_path)
    assert offline.draw_chart(html)[1] == []

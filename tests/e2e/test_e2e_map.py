"""The Map page in real Chromium with the network cut off: the map area must show drawn countries
and places (checked on the pixels of a screenshot, not the DOM), and a click on a place must set
the shared place filter.

Reuses tests/e2e/conftest.py (browser, page, e2e_db, Watch); only the database differs: the e2e
corpus plus an article whose places and movements are written through the store.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dossier.export import map as map_export
from dossier.model import Entity, EventFrame, Place, Segment, Sentence
from dossier.store import NewArticle, Store
from tests.e2e.conftest import serve

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 90
DRAW_TIMEOUT_S = 90
KIM = "per:kim-jong-un"
# Where the test article puts its places (id, name, lat, lon, kind).
PLACES = [
    ("city:pyongyang", "Pyongyang", 39.0339, 125.7543, "city"),
    ("city:vladivostok", "Vladivostok", 43.1056, 131.8735, "city"),
    ("site:vostochny", "Vostochny Cosmodrome", 51.884, 128.334, "site"),
]
LAND = (226, 231, 238)  # the countries layer's fill (dossier.export.map.build_deck)



@pytest.fixture(scope="module")
def map_db(e2e_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The e2e corpus plus one article whose places and movements are written through the store
    (so the map has something to draw whatever stage geoparsing has reached)."""
    path = tmp_path_factory.mktemp("e2e-map-db") / "dossier.db"
    with Store(e2e_db, readonly=True) as src, Store(path) as store:
        src.conn.backup(store.conn)
        text = "Kim left Pyongyang by train for Vladivostok, then visited Vostochny Cosmodrome."
        places = [Place(text.index(n.split()[0]), text.index(n.split()[0]) + len(n.split()[0]),
                        n.split()[0], pid, n, lat, lon, kind) for pid, n, lat, lon, kind in PLACES]
        store.save_article(NewArticle(
            id="e2e-map-places", content_hash=hashlib.sha256(text.encode()).hexdigest(),
            raw_sha256="0" * 64, text=text, origin="test", encoding="utf-8",
            title="Map test article", published="2023-09-13", source="test",
            segments=[Segment(0, len(text), "en")], sentences=[Sentence(0, len(text), 0)],
            entities=[(Entity(0, 3, "Kim", "PER", KIM, "Kim Jong Un", 1.0, "alias"), "en")],
            places=places + [places[1]] * 4,  # Vladivostok mentioned most: the biggest circle
            frames=[(EventFrame(t, d, None, p, [KIM], 0, len(text)), {}) for t, d, p in (
                ("departure", "2023-09-10", "city:pyongyang"),
                ("arrival", "2023-09-12", "city:vladivostok"),
                ("visit", "2023-09-13", "site:vostochny"),
            )],
        ))
    return path


@pytest.fixture(scope="module")
def app_url(map_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Overrides conftest's server: this module needs the Map page and the places article."""
    yield from serve("app.py", map_db, tmp_path_factory.mktemp("e2e-map") / "streamlit.log")


def cut_network(page: Page, app_url: str) -> list[str]:
    """Abort every request that does not go to the app itself; returns the list of aborted URLs."""
    aborted: list[str] = []

    def handle(route) -> None:
        url = route.request.url
        if url.startswith((app_url, "data:", "blob:")):
            route.continue_()
        else:
            aborted.append(url)
            route.abort()

    page.route("**/*", handle)
    return aborted


def settled(page: Page) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0)


def _near(rgb: tuple[int, int, int], ref: tuple[int, ...], tol: int) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(rgb, ref))


def map_pixels(page: Page):
    """A screenshot of the map area as a PIL image (what the user sees, not the DOM)."""
    from PIL import Image

    chart = page.locator('[data-testid="stDeckGlJsonChart"]').first
    return Image.open(io.BytesIO(chart.screenshot())).convert("RGB")


def wait_for_drawn_map(page: Page):
    """Screenshots of the map until countries and places are drawn (or the timeout)."""
    deadline = time.monotonic() + DRAW_TIMEOUT_S
    while True:
        img = map_pixels(page)
        w, h = img.size
        counts = {rgb: n for n, rgb in img.getcolors(maxcolors=w * h) or []}
        land = sum(n for rgb, n in counts.items() if _near(rgb, LAND, 6))
        city = sum(n for rgb, n in counts.items() if _near(rgb, map_export.KIND_COLOURS["city"], 40))
        if land > 0.05 * w * h and city > 30:
            return img, land / (w * h), city
        if time.monotonic() > deadline:
            img.save(REPO / "test-results" / "e2e" / "map-not-drawn.png") if (REPO / "test-results" / "e2e").is_dir() else None
            pytest.fail(f"map not drawn: land {land} px, city markers {city} px of {w}x{h}")
        page.wait_for_timeout(500)  # polling interval between screenshots, not a fixed wait


def test_map_draws_offline_and_a_click_filters_by_place(page: Page, app_url: str) -> None:
    aborted = cut_network(page, app_url)
    page.goto(app_url + "/map")
    settled(page)
    page.locator('[data-testid="stDeckGlJsonChart"] canvas').first.wait_for()
    img, land_share, city_px = wait_for_drawn_map(page)
    assert land_share > 0.05 and city_px > 30
    watch = page.dz_watch  # type: ignore[attr-defined]
    assert aborted == [], f"the map tried to reach the network: {aborted}"
    assert watch.outside_requests == []
    assert watch.dialogs == [] and watch.page_errors == []

    # click the biggest city marker where it was drawn
    w, h = img.size
    pixels = img.load()
    hits = [(x, y) for y in range(0, h, 2) for x in range(0, w, 2)
            if _near(pixels[x, y], map_export.KIND_COLOURS["city"], 30)]
    assert hits
    # the marker with most pixels around it: cluster by a coarse grid
    cells: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for x, y in hits:
        cells.setdefault((x // 40, y // 40), []).append((x, y))
    best = max(cells.values(), key=len)
    cx = sum(x for x, _ in best) / len(best)
    cy = sum(y for _, y in best) / len(best)
    box = page.locator('[data-testid="stDeckGlJsonChart"]').first.bounding_box()
    assert box is not None
    # deck.gl may still be settling its picking buffer right after the first draw: a click that
    # selected nothing is tried again (a selection shows as place= in the URL)
    for attempt in range(3):
        page.mouse.click(box["x"] + cx, box["y"] + cy)
        try:
            page.wait_for_url("**place=**", timeout=10_000)
            break
        except Exception:
            if attempt == 2:
                raise
    settled(page)
    expect(page.get_by_text("Place filter:")).to_be_visible()

    # the HTML export is one file that needs nothing from outside
    with page.expect_download(timeout=DRAW_TIMEOUT_S * 1000) as dl:
        page.get_by_role("button", name="Map as HTML").click()
    html = Path(dl.value.path()).read_text(encoding="utf-8")
    assert "createDeck" in html and "default-src 'none'" in html
    assert not re.search(r"<(script|link|img)[^>]+(src|href)\s*=", html, re.IGNORECASE)
    assert aborted == []

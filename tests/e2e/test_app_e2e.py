"""The app in a real browser: `streamlit run` + headless Chromium.

The crafted-link test comes first on purpose: it is the first page this fresh server serves, the
case where Streamlit would otherwise run a page file without app.py's frame.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from dossier.filters import Filters
from dossier.store import Store

pytestmark = pytest.mark.e2e

ROW_HEIGHT = 35  # Streamlit's default dataframe row height (header row included), in CSS pixels


def settled(page: Page) -> None:
    """Wait until Streamlit reports that no script run is in progress."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0)


def open_view(page: Page, app_url: str, path: str) -> None:
    page.goto(app_url + path)
    settled(page)
    expect(page.locator(".dz-filterbar")).to_be_visible()


def match_count(page: Page) -> str:
    return page.get_by_text(" match", exact=False).first.inner_text()


def reader_title(page: Page) -> str:
    return page.locator(".dz-title").first.inner_text()


def click_row(page: Page, index: int) -> None:
    """Select row ``index`` of the article table. The grid is drawn on a canvas under a scroller
    that takes the pointer events, so the row is clicked by position on its selection column."""
    canvas = page.locator('[data-testid="stDataFrame"] canvas').first
    canvas.wait_for()
    box = canvas.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 15, box["y"] + ROW_HEIGHT * (index + 1) + ROW_HEIGHT // 2)


def assert_clean(page: Page) -> None:
    watch = page.dz_watch  # type: ignore[attr-defined]
    assert watch.dialogs == [], f"article content ran code: {watch.dialogs}"
    assert watch.outside_requests == [], f"the app fetched from the network: {watch.outside_requests}"
    assert watch.page_errors == []
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_crafted_link_shows_only_the_hindi_article(page: Page, app_url: str, e2e_db: Path) -> None:
    open_view(page, app_url, "/articles?lang=hi")
    with Store(e2e_db) as store:
        expected = store.list_articles(Filters(langs=("hi",)), limit=10)
    assert len(expected) == 1
    expect(page.get_by_text("1 article matches")).to_be_visible()
    expect(page.locator(".dz-filterbar")).to_contain_text("Showing: hi")
    expect(page.locator(".dz-seglabel").first).to_have_text("1. Hindi body")
    expect(page.locator(".dz-text").first).to_contain_text("प्योंगयांग")
    # the sidebar shows the filter that the link set
    expect(page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first).to_contain_text("Hindi")
    # switching page keeps the filtered view: the link carries the query string
    page.locator('[data-testid="stSidebar"] a', has_text="Overview").click()
    page.wait_for_url("**/?lang=hi*")
    settled(page)
    expect(page.locator('[data-testid="stMetric"]').first).to_contain_text("1")
    assert_clean(page)


def test_search_korean_substring_finds_the_korean_article(page: Page, app_url: str, e2e_db: Path) -> None:
    open_view(page, app_url, "/articles")
    box = page.locator('[data-testid="stSidebar"] input[aria-label="Search text"]')
    box.fill("블라디보")
    box.press("Enter")
    page.wait_for_url(f"**q={quote('블라디보')}*")
    with Store(e2e_db) as store:
        hits = store.list_articles(Filters(q="블라디보"), limit=50)
    korean_title = next(r.title for r in hits if r.title and r.title.startswith("북러"))
    expect(page.get_by_text(f"{len(hits)} articles match")).to_be_visible()
    settled(page)
    # the reader opens the first listed article; open the others in turn until it shows the Korean one
    expect(page.locator(".dz-title")).to_be_visible()
    seen = [reader_title(page)]
    for i in range(1, len(hits)):
        if korean_title in seen:
            break
        before = page.url
        click_row(page, i)
        page.wait_for_function("(before) => location.href !== before", arg=before)
        expect(page.locator(".dz-title")).not_to_have_text(seen[-1])
        settled(page)
        seen.append(reader_title(page))
    assert korean_title in seen, seen
    expect(page.locator(".dz-title")).to_have_text(korean_title)
    expect(page.locator(".dz-seglabel", has_text="Korean body").first).to_be_visible()
    expect(page.locator(".dz-seglabel", has_text="English (translation of segment")).to_be_visible()
    # the view is a link: opening it again reproduces it
    link = page.url
    page.goto(link)
    settled(page)
    expect(page.locator(".dz-title")).to_have_text(korean_title)
    assert_clean(page)


def selected_rows(page: Page, expected: list[str]) -> list[str]:
    """aria-rowindex of the rows the article table shows selected (the grid's accessible table,
    updated a moment after the canvas; row 1 is the header), once they are ``expected`` or after
    5 s."""
    js = ("() => [...document.querySelectorAll('[data-testid=stDataFrame] tr[aria-selected=true]')]"
          ".map(r => r.getAttribute('aria-rowindex'))")
    try:
        page.wait_for_function(f"(want) => JSON.stringify(({js})()) === JSON.stringify(want)", arg=expected,
                               timeout=5000)
    except PlaywrightTimeout:
        pass
    return page.evaluate(js)


def test_a_row_picked_in_one_view_is_not_selected_in_the_next(page: Page, app_url: str, e2e_db: Path) -> None:
    """The table keeps its grid across filter changes (issue 15: faster than building a new one);
    the selection must still follow the article the reader shows, not the row number picked."""
    open_view(page, app_url, "/articles")
    click_row(page, 1)
    page.wait_for_function("() => location.href.includes('article=')")
    settled(page)
    assert selected_rows(page, ["3"]) == ["3"]
    picked = page.evaluate("() => new URL(location.href).searchParams.get('article')")
    with Store(e2e_db) as store:
        words = [w for r in store.list_articles(Filters(), limit=100) if r.id != picked
                 for w in (r.title or "").split() if len(w) >= 4]
        q, hits = next((w, h) for w in words
                       if len(h := store.list_articles(Filters(q=w), limit=100)) >= 2 and picked not in {r.id for r in h})
    box = page.locator('[data-testid="stSidebar"] input[aria-label="Search text"]')
    box.fill(q)
    box.press("Enter")
    page.wait_for_url(f"**q={quote(q)}*")
    settled(page)
    expect(page.locator(".dz-title")).to_have_text(hits[0].title or "Untitled article")
    assert selected_rows(page, ["2"]) == ["2"]  # the first row, which the reader shows; not row 3 again
    assert "article=" not in page.url


def test_hostile_article_is_shown_as_text_and_runs_nothing(page: Page, app_url: str) -> None:
    open_view(page, app_url, "/articles?q=hostile")
    expect(page.locator(".dz-title")).to_have_text("Hostile <img src=x onerror=alert(3)> title")
    expect(page.locator(".dz-meta")).to_contain_text("<b>Hostile Source</b>")
    expect(page.locator(".dz-meta")).to_contain_text("javascript:alert(4)")
    expect(page.locator(".dz-text").first).to_contain_text("<script>alert(1)</script>")
    expect(page.locator(".dz-text").first).to_contain_text("<img src=x onerror=alert(2)>")
    assert page.locator("img[onerror]").count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.evaluate("() => [...document.scripts].some(s => s.text.includes('alert('))") is False
    assert_clean(page)


def test_overview_renders_charts_and_counts(page: Page, app_url: str, e2e_db: Path) -> None:
    open_view(page, app_url, "/")
    with Store(e2e_db) as store:
        facets = store.facets()
    expect(page.get_by_role("heading", name="Corpus overview")).to_be_visible()
    expect(page.locator('[data-testid="stMetric"]').first).to_contain_text(str(facets.n_articles))
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(3)
    expect(page.locator('[data-testid="stPlotlyChart"]').first).to_contain_text("undated")
    assert_clean(page)


def test_clicking_a_language_bar_filters_every_page(page: Page, app_url: str, e2e_db: Path) -> None:
    open_view(page, app_url, "/")
    with Store(e2e_db) as store:
        by_language = store.overview(Filters()).by_language
    # bars are drawn in the order the chart lists them: most articles first, then by code
    order = [code for code, _ in sorted(by_language.items(), key=lambda kv: (-kv[1], kv[0]))]
    bar = page.locator('[data-testid="stPlotlyChart"]').nth(1).locator(".bars .point path").nth(order.index("hi"))
    bar.wait_for()
    bar.scroll_into_view_if_needed()
    # charts above may still be drawing and push this one down: measure until the bar stops moving
    box, previous = bar.bounding_box(), None
    for _ in range(20):
        if box is not None and box == previous:
            break
        page.wait_for_timeout(150)
        previous, box = box, bar.bounding_box()
    assert box is not None
    # plotly's drag layer sits over the bars and takes the pointer: click by position
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**lang=hi*")
    expect(page.locator(".dz-filterbar")).to_contain_text("Showing: hi")
    expect(page.locator('[data-testid="stMetric"]').first).to_contain_text(str(by_language["hi"]))
    page.locator('[data-testid="stSidebar"] a', has_text="Articles").click()
    page.wait_for_url("**/articles?lang=hi*")
    n = by_language["hi"]
    expect(page.get_by_text(f"{n} articles match" if n != 1 else "1 article matches")).to_be_visible()
    assert_clean(page)

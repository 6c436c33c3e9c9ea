"""The Entities page in real Chromium: one actor across three scripts, and selecting an actor in
the table sets the shared actor filter that the other pages then apply.

Reuses tests/e2e/conftest.py (browser, page, e2e_db, the app server)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from components.views_data import MAX_ACTORS
from dossier.filters import Filters
from dossier.store import Store
from tests.e2e.test_e2e_map import cut_network, settled

pytestmark = pytest.mark.e2e

KIM = "per:kim-jong-un"
ROW_HEIGHT = 35  # Streamlit's default dataframe row height (header row included), in CSS pixels



def assert_clean(page: Page, aborted: list[str]) -> None:
    watch = page.dz_watch  # type: ignore[attr-defined]
    assert aborted == [] and watch.outside_requests == [], "the page reached for the network"
    assert watch.dialogs == [] and watch.page_errors == []
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_one_actor_in_three_scripts(page: Page, app_url: str) -> None:
    aborted = cut_network(page, app_url)
    page.goto(app_url + "/entities?actor=" + KIM)
    settled(page)
    marks = page.locator(".dz-mention mark")
    marks.first.wait_for()
    seen = set(marks.all_inner_texts())
    assert {"김정은", "किम जोंग उन", "Kim Jong-un"} <= seen, seen
    # all of them are listed under the one actor chosen in "Mentions of" (the combobox itself: the
    # dataframe's hidden accessibility cells carry the same text and may come first in the DOM)
    expect(page.get_by_role("combobox", name="Mentions of")).to_have_value("Kim Jong Un")
    assert_clean(page, aborted)


def test_selecting_an_actor_row_filters_every_page(page: Page, app_url: str, e2e_db: Path) -> None:
    with Store(e2e_db, readonly=True) as store:
        order = [a.entity_id for a in store.actors(Filters(), limit=MAX_ACTORS)]
        kim_articles = store.count_articles(Filters(actors=(KIM,)))
        all_articles = store.count_articles(Filters())
    assert kim_articles < all_articles
    row = order.index(KIM)
    aborted = cut_network(page, app_url)
    page.goto(app_url + "/entities")
    settled(page)
    canvas = page.locator('[data-testid="stDataFrame"] canvas').first
    canvas.wait_for()
    box = canvas.bounding_box()
    assert box is not None
    # the selection column is the grid's first column; rows follow the header row
    page.mouse.click(box["x"] + 15, box["y"] + ROW_HEIGHT * (row + 1) + ROW_HEIGHT // 2)
    page.wait_for_url("**actor=per%3Akim-jong-un**")
    settled(page)
    expect(page.locator(".dz-filterbar")).to_contain_text(re.compile("Kim Jong Un|per:kim-jong-un"))
    # the filter travels with the navigation links to the Articles page
    page.locator('[data-testid="stSidebarNav"] a, [data-testid="stPageLink"] a').filter(has_text="Articles").first.click()
    page.wait_for_url("**/articles?**actor=per%3Akim-jong-un**")
    settled(page)
    expect(page.get_by_text(f"{kim_articles} article", exact=False).first).to_be_visible()
    assert_clean(page, aborted)

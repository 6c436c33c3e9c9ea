"""Every page of the app loads in a real browser with no error element, no exception, no script
error and no request leaving the machine — with the sample corpus and with a filter in the URL."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_app_e2e import assert_clean, open_view

pytestmark = pytest.mark.e2e

# url path -> a heading the page always shows (pages/*.py)
PAGES = {
    "/": "Corpus overview",
    "/articles": "Articles",
    "/entities": "Entities",
    "/timeline": "Timeline",
    "/map": "Map",
    "/sources": "Sources",
    "/corrections": "Corrections",
}


@pytest.mark.parametrize("query", ["", "?lang=ko&from=2023-07-01&to=2023-09-30"], ids=["all", "filtered"])
def test_every_page_loads_without_an_error(page: Page, app_url: str, query: str) -> None:
    for path, heading in PAGES.items():
        open_view(page, app_url, path + query)
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
        errors = page.locator('[data-testid="stAlertContentError"]')
        assert errors.count() == 0, f"{path}{query}: {errors.all_inner_texts()}"
        assert_clean(page)
        if query:  # the filter travelled with the link and is applied
            expect(page.locator(".dz-filterbar")).to_contain_text("2023-07-01 – 2023-09-30 · ko")

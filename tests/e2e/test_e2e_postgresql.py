"""The app in a real browser on a team's PostgreSQL store (DOSSIER_DB=postgresql://…): it opens,
every page loads without an error, and a Korean substring search lists what the SQLite store lists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from dossier.filters import Filters
from dossier.store import Store
from dossier.store.transfer import copy_store
from tests.e2e.conftest import RUN_TIMEOUT_MS, serve
from tests.e2e.test_app_e2e import open_view
from tests.e2e.test_e2e_pages import PAGES

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def pg_app_url(pg_cluster, e2e_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = pg_cluster.new_database("e2e")
    with Store(e2e_db, readonly=True) as src, Store(url) as dst:
        copy_store(src, dst)
    yield from serve("app.py", url, tmp_path_factory.mktemp("e2e-pg-server") / "streamlit.log")
    pg_cluster.drop_database(url)


@pytest.fixture()
def pg_page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(RUN_TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.dz_errors = errors  # type: ignore[attr-defined]
    yield page
    context.close()


def test_the_app_opens_on_postgresql_and_every_page_loads(pg_page, pg_app_url: str, e2e_db: Path) -> None:
    with Store(e2e_db, readonly=True) as lite:
        n = lite.count_articles(Filters())
    open_view(pg_page, pg_app_url, "/")
    expect(pg_page.get_by_text(f"{n:,} articles in", exact=False)).to_contain_text("postgresql://")
    for path, heading in PAGES.items():
        open_view(pg_page, pg_app_url, path)
        expect(pg_page.get_by_role("heading", name=heading).first).to_be_visible()
        errors = pg_page.locator('[data-testid="stAlertContentError"]')
        assert errors.count() == 0, f"{path}: {errors.all_inner_texts()}"
        expect(pg_page.locator('[data-testid="stException"]')).to_have_count(0)
    assert pg_page.dz_errors == []  # type: ignore[attr-defined]


def test_a_korean_search_in_the_browser_on_postgresql(pg_page, pg_app_url: str, e2e_db: Path) -> None:
    with Store(e2e_db, readonly=True) as lite:
        n = lite.count_articles(Filters(q="블라디보"))
    assert n >= 1
    open_view(pg_page, pg_app_url, "/articles?q=" + quote("블라디보"))
    expect(pg_page.get_by_text(f"{n:,} articles match" if n != 1 else "1 article matches")).to_be_visible()

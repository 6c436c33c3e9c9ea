"""The reader's marks in a real browser: every kind drawn in Korean, Hindi and English text, the
canonical name on hover, a click on a name filters the Entities page, and an event's source link
opens its sentence highlighted."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dossier.filters import Filters
from dossier.store import Store
from tests.e2e.test_app_e2e import assert_clean, open_view, settled

pytestmark = pytest.mark.e2e

# (a language filter that leaves one sample article, a name of Kim Jong Un in its script)
READERS = [("ko", "김정은"), ("hi", "किम जोंग उन"), ("en", "Kim Jong Un")]


def _article_of(db: Path, lang: str, name: str) -> str:
    with Store(db) as store:
        for row in store.list_articles(Filters(langs=(lang,)), limit=50):
            detail = store.get_article(row.id)
            if detail is not None and name in detail.text and detail.segments[0].lang == lang:
                return row.id
    raise AssertionError(f"no {lang} article names {name}")


@pytest.mark.parametrize(("lang", "name"), READERS)
def test_reader_marks_names_places_and_dates(page: Page, app_url: str, e2e_db: Path, lang: str, name: str) -> None:
    article = _article_of(e2e_db, lang, name)
    open_view(page, app_url, f"/articles?article={article}")
    reader = page.locator(".dz-text").first
    expect(reader).to_be_visible()
    for kind in ("PER", "LOC", "TIME"):
        expect(page.locator(f".dz-text .dz-k-{kind}").first).to_be_visible()
    kim = page.locator('.dz-text a.dz-k-PER[title^="Kim Jong Un"]', has_text=name).first
    expect(kim).to_be_visible()
    # the kinds are told apart by colour, and the legend says which is which
    colours = {page.locator(f".dz-text .dz-k-{k}").first.evaluate("e => getComputedStyle(e).backgroundColor")
               for k in ("PER", "LOC", "TIME")}
    assert len(colours) == 3
    expect(page.locator(".dz-legend")).to_contain_text("person")
    assert_clean(page)


def test_clicking_a_name_filters_the_entities_page(page: Page, app_url: str, e2e_db: Path) -> None:
    article = _article_of(e2e_db, "hi", "किम जोंग उन")
    open_view(page, app_url, f"/articles?lang=hi&article={article}")
    page.locator('.dz-text a.dz-k-PER[title^="Kim Jong Un"]').first.click()
    page.wait_for_url("**/entities?*actor=per%3Akim-jong-un*")
    settled(page)
    expect(page.locator(".dz-filterbar")).to_contain_text("Kim Jong Un")
    expect(page.locator(".dz-filterbar")).to_contain_text("hi")  # the view's other filters kept
    expect(page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]', has_text="Kim Jong Un").first)\
        .to_be_visible()
    assert_clean(page)


def test_an_events_source_opens_its_sentence_highlighted(page: Page, app_url: str, e2e_db: Path) -> None:
    with Store(e2e_db) as store:
        visit = next(e for e in store.events(Filters(actors=("per:sergei-shoigu",)), limit=100) if e.type == "visit")
    open_view(page, app_url, f"/timeline?event_id={visit.id}")
    page.locator("a.dz-open").first.click()
    page.wait_for_url("**/articles?*sentence=*")
    settled(page)
    focus = page.locator(".dz-text .dz-focus").first
    expect(focus).to_be_visible()
    first = visit.sources[0]["sentence"]
    expect(focus).to_contain_text(first.split()[0])
    assert_clean(page)

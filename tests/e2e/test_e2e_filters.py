"""Every shared filter works both ways in real Chromium: set in the sidebar, it writes the URL and
narrows the Articles list; loaded from a crafted URL, the sidebar widget shows it and the list is
narrowed. A selection made in the sidebar then travels with the navigation links to other pages.

Already covered elsewhere and not repeated here: a crafted ``?lang=hi`` link (test_app_e2e), a Korean
search typed in the sidebar (test_app_e2e), an actor set from the Entities table (test_e2e_entities).

Expected numbers come from the same database through ``Store.count_articles``, so nothing here
depends on what the sample corpus happens to contain beyond having a few distinct values per field.
Reuses tests/e2e/conftest.py (browser, page, e2e_db, the app server).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from components.data import MAX_FILTER_OPTIONS
from components.labels import language_label
from dossier.filters import Filters
from dossier.store import UNKNOWN_SOURCE, Store
from tests.e2e.test_app_e2e import assert_clean, settled

pytestmark = pytest.mark.e2e

SOURCE_LABEL_CHARS = 60  # components.filters cuts longer source names in the picker
# A Devanagari search (the Hindi article names Putin) and a Latin one.
Q_URL = "पुतिन"
Q_TYPED = "Putin"
DATE_FROM = dt.date(2023, 9, 1)
DATE_TO = dt.date(2023, 9, 12)
MONTH = (dt.date(2023, 9, 1), dt.date(2023, 9, 30))  # described as "Sep 2023"


@dataclass(frozen=True)
class Choice:
    """One value of a list-valued filter: what goes in the URL, what the picker shows, and what
    the filter bar says."""

    value: str
    option: str  # the picker's option text (format_func in components.filters)
    words: str  # how Filters.describe names it in the filter bar


@dataclass(frozen=True)
class ListField:
    label: str  # the sidebar multiselect's label
    attr: str  # Filters field
    choices: tuple[Choice, ...]  # each selects some but not all articles, most frequent first


@dataclass(frozen=True)
class Corpus:
    db: Path
    total: int
    n_undated: int
    fields: dict[str, ListField]

    def count(self, f: Filters) -> int:
        with Store(self.db, readonly=True) as store:
            return store.count_articles(f)


def _narrowing(db: Path, attr: str, choices: list[Choice], total: int) -> tuple[Choice, ...]:
    """The choices that select at least one article and not all of them."""
    with Store(db, readonly=True) as store:
        return tuple(c for c in choices if 0 < store.count_articles(Filters(**{attr: (c.value,)})) < total)


@pytest.fixture(scope="module")
def corpus(e2e_db: Path) -> Corpus:
    with Store(e2e_db, readonly=True) as store:
        facets = store.facets()
        options = store.filter_options(limit=MAX_FILTER_OPTIONS)
        total = store.count_articles(Filters())
    raw = {
        "langs": ("Languages", [
            Choice(c, language_label(c, n), c) for c, n in facets.languages.items()
        ]),
        # articles without a source first: the sidebar pick then tests that value too
        "sources": ("Sources", sorted(
            (Choice(s, f"{s} · {n}", s) for s, n in facets.sources.items() if len(s) <= SOURCE_LABEL_CHARS),
            key=lambda c: c.value != UNKNOWN_SOURCE,
        )),
        "actors": ("Actors", [Choice(i, f"{name} · {n}", name) for i, name, n in options.actors]),
        "places": ("Places", [Choice(i, f"{name} · {n}", name) for i, name, n in options.places]),
        "event_types": ("Event types", [
            Choice(t, f"{t.replace('_', ' ')} · {n}", t) for t, n in options.event_types
        ]),
    }
    fields = {
        attr: ListField(label, attr, _narrowing(e2e_db, attr, choices, total))
        for attr, (label, choices) in raw.items()
    }
    for f in fields.values():
        assert len(f.choices) >= 2, f"the e2e corpus needs two narrowing values of {f.attr}"
    return Corpus(e2e_db, total, facets.n_undated, fields)


# -- helpers ------------------------------------------------------------------------------------


def sidebar(page: Page) -> Locator:
    return page.locator('[data-testid="stSidebar"]')


def open_articles(page: Page, app_url: str, f: Filters | None = None) -> None:
    """Open the Articles page by a link to the view of ``f`` (the link Filters writes)."""
    params = f.to_query_params() if f else {}
    page.goto(app_url + "/articles" + ("?" + urlencode(params, doseq=True) if params else ""))
    expect(page.locator(".dz-filterbar")).to_be_visible()
    settled(page)
    expect(sidebar(page).get_by_role("combobox", name="Event types")).to_be_visible()


def filter_params(url: str) -> dict[str, list[str]]:
    return {k: v for k, v in parse_qs(urlsplit(url).query).items() if k in Filters.PARAM_NAMES}


def link_params(f: Filters) -> dict[str, list[str]]:
    """The filter parameters of the link to ``f``, as ``parse_qs`` reads them back."""
    return {k: [v] if isinstance(v, str) else list(v) for k, v in f.to_query_params().items()}


def wait_for_filters(page: Page, expected: Filters) -> None:
    """Wait until the URL's filter parameters are exactly the link to ``expected`` (others, e.g.
    the open article, are ignored), then until the rerun they caused has finished."""
    page.wait_for_url(lambda url: filter_params(url) == link_params(expected))
    settled(page)


def expect_count(page: Page, n: int) -> None:
    expect(page.get_by_text(re.compile(rf"^{n:,} articles? match"))).to_be_visible()


def expect_bar(page: Page, words: str) -> None:
    expect(page.locator(".dz-filterbar")).to_have_text(f"Showing: {words}")


def multiselect(page: Page, label: str) -> Locator:
    return sidebar(page).locator('[data-testid="stMultiSelect"]').filter(
        has=page.get_by_role("combobox", name=label, exact=True)
    )


def pick(page: Page, label: str, option: str) -> None:
    """Choose ``option`` in the sidebar multiselect ``label``, then close its list. The name is
    typed first, so the option is listed however long the (virtualised) list is."""
    box = sidebar(page).get_by_role("combobox", name=label, exact=True)
    # react-aria closes an open list when the sidebar scrolls: scroll first, then open
    box.scroll_into_view_if_needed()
    box.click()
    box.press_sequentially(option.rsplit(" · ", 1)[0])
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def type_date(page: Page, label: str, day: dt.date) -> None:
    """Type a date into the sidebar date field ``label`` (year, month, day segments); the field
    commits it when the focus leaves it."""
    sidebar(page).get_by_role("spinbutton", name=f"year, {label}").click()
    page.keyboard.type(day.strftime("%Y%m%d"))
    page.get_by_role("heading", name="Articles").click()


def date_field(page: Page, label: str) -> Locator:
    return sidebar(page).get_by_role("group", name=label, exact=True)


def date_text(day: dt.date) -> re.Pattern[str]:
    return re.compile(rf"^{day.year:04d}\s*-\s*{day.month:02d}\s*-\s*{day.day:02d}$")


def undated_box(page: Page) -> Locator:
    return sidebar(page).get_by_role("checkbox", name=re.compile(r"^Include undated articles"))


def search_box(page: Page) -> Locator:
    return sidebar(page).get_by_role("textbox", name="Search text")


# -- one test per filter field, both ways -------------------------------------------------------


def test_search_text_from_url_then_from_sidebar(page: Page, app_url: str, corpus: Corpus) -> None:
    n_url, n_typed = corpus.count(Filters(q=Q_URL)), corpus.count(Filters(q=Q_TYPED))
    assert 0 < n_url < corpus.total and 0 < n_typed < corpus.total and n_url != n_typed
    # (b) a crafted link fills the search box and filters
    open_articles(page, app_url, Filters(q=Q_URL))
    expect(search_box(page)).to_have_value(Q_URL)
    expect_bar(page, f"“{Q_URL}”")
    expect_count(page, n_url)
    # (a) editing the box the link filled writes the new text to the URL
    search_box(page).fill(Q_TYPED)
    search_box(page).press("Enter")
    wait_for_filters(page, Filters(q=Q_TYPED))
    expect_bar(page, f"“{Q_TYPED}”")
    expect_count(page, n_typed)
    assert_clean(page)


def test_date_range_from_sidebar(page: Page, app_url: str, corpus: Corpus) -> None:
    n_from = corpus.count(Filters(date_from=DATE_FROM))
    n_range = corpus.count(Filters(date_from=DATE_FROM, date_to=DATE_TO))
    assert corpus.total > n_from > n_range > corpus.n_undated
    open_articles(page, app_url)
    expect(undated_box(page)).to_be_disabled()  # no range yet: nothing to include or leave out
    type_date(page, "Published from", DATE_FROM)
    wait_for_filters(page, Filters(date_from=DATE_FROM))
    expect_bar(page, f"from {DATE_FROM.isoformat()}")
    expect_count(page, n_from)
    type_date(page, "Published until", DATE_TO)
    wait_for_filters(page, Filters(date_from=DATE_FROM, date_to=DATE_TO))
    expect_bar(page, f"{DATE_FROM.isoformat()} – {DATE_TO.isoformat()}")
    expect_count(page, n_range)
    expect(undated_box(page)).to_be_enabled()
    assert_clean(page)


def test_date_range_from_url_and_undated_both_ways(page: Page, app_url: str, corpus: Corpus) -> None:
    assert corpus.n_undated > 0, "the e2e corpus needs an undated article"
    start, end = MONTH
    with_undated = corpus.count(Filters(date_from=start, date_to=end))
    dated_only = corpus.count(Filters(date_from=start, date_to=end, undated=False))
    assert with_undated == dated_only + corpus.n_undated and with_undated < corpus.total
    dates = Filters(date_from=start, date_to=end)
    # a date range from a link: both date fields show it, the bar names the month
    open_articles(page, app_url, dates)
    expect(date_field(page, "Published from")).to_have_text(date_text(start))
    expect(date_field(page, "Published until")).to_have_text(date_text(end))
    expect_bar(page, start.strftime("%b %Y"))
    expect(undated_box(page)).to_be_checked()
    expect_count(page, with_undated)
    # (a) unticking the box leaves the undated articles out and says so in the URL and the bar
    sidebar(page).get_by_text(re.compile(r"^Include undated articles")).click()
    wait_for_filters(page, dates.with_(undated=False))
    expect_bar(page, start.strftime("%b %Y") + " (dated only)")
    expect_count(page, dated_only)
    # (b) the same as a link: the box is shown unticked
    open_articles(page, app_url, dates.with_(undated=False))
    expect(undated_box(page)).not_to_be_checked()
    expect(undated_box(page)).to_be_enabled()
    expect_count(page, dated_only)
    assert_clean(page)


def test_emptying_a_date_field_removes_that_bound(page: Page, app_url: str, corpus: Corpus) -> None:
    start, end = DATE_FROM, DATE_TO
    n = corpus.count(Filters(date_from=start))
    assert n != corpus.count(Filters(date_from=start, date_to=end))
    open_articles(page, app_url, Filters(date_from=start, date_to=end))
    sidebar(page).get_by_role("spinbutton", name="day, Published until").click()
    for _ in range(12):  # each Backspace empties a digit, then moves to the segment before
        page.keyboard.press("Backspace")
    expect(date_field(page, "Published until")).to_have_text(re.compile(r"^yyyy\s*-\s*mm\s*-\s*dd$"))
    page.get_by_role("heading", name="Articles").click()  # the field commits when it loses focus
    settled(page)
    # the bug: the field shows the old date again at once, and the URL keeps to=
    expect(date_field(page, "Published until")).to_have_text(
        re.compile(r"^yyyy\s*-\s*mm\s*-\s*dd$"), timeout=3_000
    )
    wait_for_filters(page, Filters(date_from=start))
    expect_bar(page, f"from {start.isoformat()}")
    expect_count(page, n)
    assert_clean(page)


LIST_FIELDS = ["langs", "sources", "actors", "places", "event_types"]


@pytest.mark.parametrize("attr", LIST_FIELDS)
def test_list_filter_from_sidebar_and_from_url(page: Page, app_url: str, corpus: Corpus, attr: str) -> None:
    field = corpus.fields[attr]
    # (a) one value picked in the sidebar
    choice = field.choices[0]
    open_articles(page, app_url)
    expect_count(page, corpus.total)
    pick(page, field.label, choice.option)
    wait_for_filters(page, Filters(**{attr: (choice.value,)}))
    expect_bar(page, choice.words)
    expect_count(page, corpus.count(Filters(**{attr: (choice.value,)})))
    expect(multiselect(page, field.label).locator("[data-tag]")).to_have_text([choice.option])
    # (b) two values in a link, the parameter repeated (``?event=a&event=b``): articles with either
    two = field.choices[-2:]  # the least frequent: the pair still narrows the list
    n = corpus.count(Filters(**{attr: tuple(c.value for c in two)}))
    assert 0 < n < corpus.total, f"{attr}: {[c.value for c in two]} select every article"
    both = Filters(**{attr: tuple(c.value for c in two)})
    open_articles(page, app_url, both)
    expect(multiselect(page, field.label).locator("[data-tag]")).to_have_text([c.option for c in two])
    expect_bar(page, ", ".join(c.words for c in two))
    expect_count(page, n)
    # the link is kept as written (normalising it must not drop or reorder the values)
    assert filter_params(page.url) == link_params(both)
    # removing one of the values the link set, in the sidebar, rewrites the link
    kept = two[1]
    multiselect(page, field.label).get_by_role("button", name=f"Remove {two[0].option}", exact=True).click()
    wait_for_filters(page, Filters(**{attr: (kept.value,)}))
    expect_bar(page, kept.words)
    expect_count(page, corpus.count(Filters(**{attr: (kept.value,)})))
    assert_clean(page)


# -- a selection travels with the links ---------------------------------------------------------


def test_sidebar_selection_persists_across_pages(page: Page, app_url: str, corpus: Corpus) -> None:
    lang = corpus.fields["langs"].choices[0]
    actor = corpus.fields["actors"].choices[0]
    f = Filters(date_from=DATE_FROM, langs=(lang.value,), actors=(actor.value,))
    n = corpus.count(f)
    assert n > 0
    expected = link_params(f)
    words = f"from {DATE_FROM.isoformat()} · {actor.words} · {lang.words}"
    open_articles(page, app_url)
    pick(page, "Languages", lang.option)
    wait_for_filters(page, Filters(langs=(lang.value,)))
    pick(page, "Actors", actor.option)
    wait_for_filters(page, Filters(langs=(lang.value,), actors=(actor.value,)))
    type_date(page, "Published from", DATE_FROM)
    wait_for_filters(page, f)
    expect_bar(page, words)
    expect_count(page, n)
    for name, path in (("Timeline", "/timeline"), ("Articles", "/articles")):
        sidebar(page).locator("a", has_text=name).first.click()
        page.wait_for_url(
            lambda url, path=path: urlsplit(url).path == path and filter_params(url) == expected
        )
        settled(page)
        expect_bar(page, words)
        # the widgets still show the selection on the new page
        expect(multiselect(page, "Languages").locator("[data-tag]")).to_have_text([lang.option])
        expect(multiselect(page, "Actors").locator("[data-tag]")).to_have_text([actor.option])
        expect(date_field(page, "Published from")).to_have_text(date_text(DATE_FROM))
    expect_count(page, n)
    # and "Clear filters" empties the sidebar, the URL and the bar
    sidebar(page).get_by_role("button", name=re.compile("Clear filters")).click()
    wait_for_filters(page, Filters())
    expect_bar(page, "All articles")
    expect_count(page, corpus.total)
    expect(multiselect(page, "Languages").locator("[data-tag]")).to_have_count(0)
    assert_clean(page)

"""The Timeline page in a real browser: the chart draws, and clicking an event lists its sources."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_app_e2e import assert_clean, open_view, settled

pytestmark = pytest.mark.e2e


def test_click_an_event_shows_its_sources(page: Page, app_url: str) -> None:
    open_view(page, app_url, "/timeline")
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    expect(chart.locator(".main-svg").first).to_be_visible()
    points = chart.locator(".scatterlayer .trace .points path")
    expect(points.first).to_be_attached()
    assert points.count() >= 10
    # markers before the opening window are drawn off the plot area: click one inside it
    area = chart.locator(".nsewdrag").first.bounding_box()
    assert area is not None
    for i in range(points.count()):
        box = points.nth(i).bounding_box()
        if box is None:
            continue
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        if not (area["x"] < x < area["x"] + area["width"] and area["y"] < y < area["y"] + area["height"]):
            continue
        page.mouse.click(x, y)
        settled(page)
        if page.get_by_text("sentence(s)", exact=False).count():
            break
    expect(page.get_by_text("sentence(s)", exact=False).first).to_be_visible()
    expect(page.locator(".dz-text").first).to_be_visible()  # a source sentence in its script
    assert "event_id=" in page.url  # the selection is in the link
    assert_clean(page)


def test_crafted_link_filters_the_timeline(page: Page, app_url: str) -> None:
    open_view(page, app_url, "/timeline?actor=per:sergei-shoigu")
    expect(page.locator(".dz-filterbar")).to_contain_text("Sergei Shoigu")
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    expect(chart.locator(".main-svg").first).to_be_visible()
    labels = " | ".join(chart.locator(".ytick text").all_text_contents())
    assert " visit " in labels and "inspection" not in labels  # only Shoigu's events, each labelled
    assert_clean(page)


def test_events_are_labelled_and_no_label_is_cut(page: Page, app_url: str) -> None:
    open_view(page, app_url, "/timeline")
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    svg = chart.locator(".main-svg").first
    expect(svg).to_be_visible()
    ticks = chart.locator(".yaxislayer-above .ytick text")
    expect(ticks.first).to_be_attached()
    labels = ticks.all_text_contents()
    assert any(" · visit · " in x and "Shoigu" in x for x in labels), labels
    frame = svg.bounding_box()
    assert frame is not None
    for i in range(ticks.count()):
        box = ticks.nth(i).bounding_box()
        assert box is not None
        # every label lies whole inside the chart: nothing cut at the left or right edge
        assert frame["x"] - 0.5 <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 0.5, labels[i]
    # the chronological list beside the chart, one line per event
    expect(page.locator(".dz-storylist li").first).to_be_visible()
    assert page.locator(".dz-storylist li").count() >= len(labels)
    chart.screenshot(path=str(SCREENSHOTS / "timeline-chart.png"))
    assert_clean(page)

"""AppTest of the Timeline page on the sample corpus (the session fixture corpus_db)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dossier.filters import Filters
from tests.apptest import new_app, run_app, url_filters


@pytest.fixture()
def app(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return new_app(corpus_db, monkeypatch, timeout=120)


def _timeline(at: AppTest, f: Filters | None = None, **params: str) -> AppTest:
    return run_app(at, "pages/timeline.py", f, **params)


def _figure(at: AppTest) -> dict:
    (chart,) = at.get("plotly_chart")
    return json.loads(chart.proto.spec)


def _hover(fig: dict) -> str:
    return "\n".join(h for trace in fig["data"] for h in trace.get("hovertext", []))


def test_timeline_shows_the_anchor_events(app: AppTest) -> None:
    at = _timeline(app)
    assert at.header[0].value == "Timeline"
    fig = _figure(at)
    names = {t["name"] for t in fig["data"]}
    assert {"visit", "forum", "departure", "meeting"} <= names
    hover = _hover(fig)
    assert "10 Sep 2023 – 13 Sep 2023" in hover  # the EEF as a range
    assert "10 Sep 2023, evening" in hover  # Kim's train leaving Pyongyang
    assert "25 Jul 2023 – 27 Jul 2023" in hover and "sources disagree" in hover  # Shoigu's visit
    assert "Aug 2023 (month)" in hover  # month precision stays month precision


def test_actor_filter_applies(app: AppTest) -> None:
    at = _timeline(app, Filters(actors=("per:sergei-shoigu",)))
    hover = _hover(_figure(at))
    assert "Sergei Shoigu" in hover
    assert "10 Sep 2023, evening" not in hover


def test_date_filter_applies_to_event_dates(app: AppTest) -> None:
    at = _timeline(app, Filters(date_from=dt.date(2023, 9, 1), date_to=dt.date(2023, 9, 30), undated=False))
    hover = _hover(_figure(at))
    assert "25 Jul 2023" not in hover and "13 Sep 2023" in hover


def test_selected_event_lists_all_its_sources(app: AppTest, corpus_db: Path) -> None:
    from dossier.store import Store

    with Store(corpus_db) as s:
        visit = next(e for e in s.events(Filters(actors=("per:sergei-shoigu",)), limit=100)
                     if e.type == "visit" and e.date and e.date.startswith("2023-07"))
    at = _timeline(app, event_id=visit.id)
    html = "\n".join(h.value for h in at.markdown)
    assert "sources disagree" in " ".join(w.value for w in at.warning)
    for src in visit.sources:
        assert src["sentence"][:20] in html or src["sentence"][:20].replace("<", "&lt;") in html
    assert any("हिं" in h or 'lang="hi"' in h for h in [html])


def test_exports_are_offered(app: AppTest) -> None:
    at = _timeline(app)
    labels = {b.label for b in at.get("download_button")}
    assert {"Chart (HTML)", "Data (CSV)", "Data (JSON)"} <= labels


def test_selected_event_can_filter_every_page(app: AppTest, corpus_db: Path) -> None:
    from dossier.store import Store

    with Store(corpus_db) as s:
        forum = next(e for e in s.events(Filters(), limit=500) if e.type == "forum" and e.date == "2023-09-10")
    at = _timeline(app, event_id=forum.id)
    at.button(key="timeline_filter_event").click().run()
    assert not at.exception, at.exception
    f = url_filters(at)
    assert (f.date_from, f.date_to) == (dt.date(2023, 9, 10), dt.date(2023, 9, 13))
    assert set(f.actors) == set(forum.actor_ids)


def test_each_source_opens_its_sentence_in_the_article(app: AppTest, corpus_db: Path) -> None:
    from urllib.parse import parse_qs, urlsplit

    from dossier.store import Store

    with Store(corpus_db) as s:
        visit = next(e for e in s.events(Filters(actors=("per:sergei-shoigu",)), limit=100) if e.type == "visit")
    at = _timeline(app, Filters(langs=("ko",)), event_id=visit.id)
    html = "\n".join(h.value for h in at.markdown)
    hrefs = re.findall(r'<a class="dz-open" href="([^"]+)"', html)
    wanted = {(src["article_id"], f"{src['sentence_start']}-{src['sentence_end']}") for src in visit.sources}
    opened = set()
    for href in hrefs:
        assert href.startswith("articles?")
        q = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
        assert Filters.from_query_params(q).langs == ("ko",)  # the view's filters go along
        opened.add((q["article"][0], q["sentence"][0]))
    assert opened == wanted


def test_events_are_labelled_in_words_beside_a_chronological_list(app: AppTest) -> None:
    at = _timeline(app)
    fig = _figure(at)
    labels = [re.sub(r"<[^>]+>", "", x) for x in fig["layout"]["yaxis"]["ticktext"]]
    assert any(re.fullmatch(r"Sergei Shoigu, Kim Jong Un · visit · Pyongyang · 25–27 Jul 2023", x) for x in labels)
    assert fig["layout"]["yaxis"]["automargin"] and fig["layout"]["xaxis"]["automargin"]
    story = next(h.value for h in at.html if "dz-storylist" in h.value)
    lines = re.findall(r'<span class="dz-story-when">([^<]*)</span>', story)
    assert len(lines) == len(re.findall(r'<li class="dz-story', story)) >= len(labels)
    assert "sources disagree" in story


def test_events_with_neither_date_nor_actor_are_hidden_until_asked(app: AppTest, corpus_db: Path) -> None:
    from dossier.events.timeline import bar_for
    from dossier.store import Store

    with Store(corpus_db) as s:
        vague = [e for e in s.events(Filters(), limit=2000) if bar_for(e) is None and not e.actor_ids]
    assert vague
    at = _timeline(app)
    story = next(h.value for h in at.html if "dz-storylist" in h.value)
    assert not any(f"event_id={e.id.replace(':', '%3A')}" in story for e in vague)
    at.toggle(key="timeline_show_vague").set_value(True).run()
    story = next(h.value for h in at.html if "dz-storylist" in h.value)
    assert all(f"event_id={e.id.replace(':', '%3A')}" in story for e in vague)


def test_a_dense_timeline_gives_labels_up_to_hover(monkeypatch: pytest.MonkeyPatch, app: AppTest) -> None:
    from components import timeline_view

    monkeypatch.setattr(timeline_view, "MAX_LABELLED", 3)
    fig = _figure(_timeline(app))
    assert "ticktext" not in fig["layout"]["yaxis"]  # one lane per type
    assert "Sergei Shoigu, Kim Jong Un · visit · Pyongyang · 25–27 Jul 2023" in _hover(fig)

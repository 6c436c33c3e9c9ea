"""The briefing is one self-contained HTML file with filters, timeline, map, actors and events."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from components.timeline_view import timeline_figure, timeline_rows
from dossier.export import charts as export
from dossier.export.briefing import briefing_html, timeline_markup
from dossier.export.map import basemap
from dossier.filters import Filters
from dossier.provenance.confirmations import confirmations
from dossier.store import ActorRow, EventRow, PlaceRow, Store


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and value.startswith(("http:", "https:", "//")):
                self.external.append(value)


@pytest.fixture(scope="module")
def view(corpus_db: Path):
    with Store(corpus_db, readonly=True) as s:
        f = Filters(actors=("per:kim-jong-un",))
        events = s.events(f, limit=200)
        ids = sorted({a for e in events for a in e.actor_ids})
        names = {**s.actor_names(ids), **s.place_names([e.place_id for e in events if e.place_id])}
        conf = confirmations(events, lambda aid: s.chains(Filters(), article_id=aid, limit=1000))
        return f, events, names, conf, s.actors(f, limit=20), s.places(f, limit=200)


def test_briefing_is_self_contained_and_complete(view) -> None:
    f, events, names, conf, actors, places = view
    doc = briefing_html(description=f.describe(names), events=events, names=names, confirmations=conf,
                        actors=actors, places=places, countries=basemap(), timeline="<svg id='tl'></svg>")
    scan = _Scan()
    scan.feed(doc)
    assert scan.external == [] and {"svg", "polygon", "circle", "table", "blockquote"} <= scan.tags
    assert "Kim Jong Un" in doc and "Filters:</strong> Kim Jong Un" in doc
    assert "블라디보스토크" in doc and "प्योंगयांग" in doc  # source sentences in their own scripts
    assert "independent" in doc
    assert "<script>alert" not in doc


HOSTILE = """<script>alert("x")</script> it's "quoted" & <b>bold</b>"""


def test_hostile_text_from_an_article_comes_out_escaped() -> None:
    source = {"article_id": "a1", "title": HOSTILE, "published": "2023-09-13", "lang": 'en" onload="x',
              "date": "2023-09-13", "sentence": HOSTILE}
    event = EventRow(id="ev:1", type="visit", date="2023-09-13", date_end=None, precision="day",
                     date_mod=None, status="occurred", place_id="gn:1", actor_ids=["per:x"], conflict=True,
                     readings=[], n_articles=1, sources=[source])
    actor = ActorRow(entity_id="per:x", canonical=HOSTILE, label="PER", n_mentions=1, n_articles=1,
                     by_lang={"en": 1}, aliases=[HOSTILE])
    place = PlaceRow(place_id="gn:1", name=HOSTILE, lat=1.0, lon=2.0, kind="city", n_mentions=1, n_articles=1,
                     names=[])
    doc = briefing_html(description=HOSTILE, events=[event], names={"per:x": HOSTILE, "gn:1": HOSTILE},
                        confirmations={}, actors=[actor], places=[place], countries=None,
                        timeline="<svg id='tl'></svg>")
    assert "<script" not in doc and "<b>" not in doc and 'onload="x' not in doc
    escaped = ("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; it&#39;s &#34;quoted&#34; &amp; "
               "&lt;b&gt;bold&lt;/b&gt;")
    # the filters, the actor, its aliases, the map label, the event's actors and place, title and sentence
    assert doc.count(escaped) == 8
    assert "<svg id='tl'></svg>" in doc  # ready-made markup passes as it is
    scan = _Scan()
    scan.feed(doc)
    assert "script" not in scan.tags and "b" not in scan.tags


@pytest.mark.slow
@pytest.mark.skipif(export.browser_path() is None, reason="no Chromium for kaleido")
def test_timeline_markup_is_inline_svg(view) -> None:
    _f, events, names, *_ = view
    df, _ = timeline_rows(events, names)
    assert timeline_markup(timeline_figure(df)).startswith("<svg")

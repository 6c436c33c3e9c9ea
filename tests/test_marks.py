"""Marks over an article's text (dossier/export/marks.py): spans from the store, merged, escaped."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from dossier.export.marks import KINDS, article_marks, legend_html, marked_html, marks_of
from dossier.model import Entity, Place, Timex
from dossier.store import Store

TEXT = "Kim <b>went</b> to Russia on 12 September."
KIM = Entity(0, 3, "Kim", "PER", "per:kim-jong-un", "Kim Jong Un")
RUSSIA_ENTITY = Entity(19, 25, "Russia", "LOC", "country:RU", "Russia")
RUSSIA_PLACE = Place(19, 25, "Russia", "country:RU", "Russia", 60.0, 90.0, "country")
DATE = Timex(29, 41, "12 September", "DATE", "2023-09-12", precision="day")


def test_an_entity_and_a_place_over_one_span_are_one_mark_naming_both() -> None:
    marks = marks_of([KIM, RUSSIA_ENTITY], [RUSSIA_PLACE], [DATE])
    assert [(m.start, m.end, m.kind) for m in marks] == [(0, 3, "PER"), (19, 25, "LOC"), (29, 41, "TIME")]
    russia = marks[1]
    assert (russia.actor_id, russia.place_id) == ("country:RU", "country:RU")
    assert "country" in russia.title and "Russia" in russia.title
    assert marks[2].title == "2023-09-12 (date, day)"


def test_overlapping_spans_keep_the_first_and_longer() -> None:
    inner = Place(19, 22, "Rus", "gn:1", "Rus", 0.0, 0.0, "city")
    outer = Entity(15, 25, "to Russia", "ORG", "org:x", "X")
    marks = marks_of([outer], [inner], [])
    assert [(m.start, m.end) for m in marks] == [(15, 25)]


def test_marked_html_escapes_text_titles_and_links() -> None:
    hostile = Entity(4, 15, "<b>went</b>", "PER", 'x:"><script>', '"><img src=x onerror=alert(1)>')
    marks = marks_of([KIM, hostile], [], [DATE])
    html = marked_html(TEXT, 0, len(TEXT), marks, link=lambda m: f"entities?actor={m.actor_id}" if m.actor_id else None)
    assert "<b>" not in html and "<script>" not in html and "<img" not in html
    assert '<a class="dz-mark dz-k-PER" title="Kim Jong Un (person)" href="entities?actor=per:kim-jong-un"' in html
    assert '<mark class="dz-mark dz-k-TIME" title="2023-09-12 (date, day)">12 September</mark>' in html
    # the text itself is unchanged once the tags are taken out
    import html as h
    assert h.unescape(re.sub(r"<[^>]+>", "", html)) == TEXT


def test_focus_wraps_the_sentence_and_nests_with_marks() -> None:
    marks = marks_of([KIM, RUSSIA_ENTITY], [RUSSIA_PLACE], [DATE])
    html = marked_html(TEXT, 0, len(TEXT), marks, focus=(16, 42))
    assert html.count('<span class="dz-focus">') == 1 and html.count("</span>") == 1
    focused = html.split('<span class="dz-focus">')[1].split("</span>")[0]
    assert "Russia</mark>" in focused and "12 September</mark>" in focused and "Kim" not in focused
    # a focus starting on a mark and ending at the text's end still closes
    html = marked_html(TEXT, 0, len(TEXT), marks, focus=(0, len(TEXT)))
    assert html.startswith('<span class="dz-focus"><mark') and html.endswith("</span>")
    # a part of the text that the focus misses gets no span
    assert "dz-focus" not in marked_html(TEXT, 0, 10, marks, focus=(20, 30))


def test_legend_names_every_kind() -> None:
    legend = legend_html()
    assert all(f"dz-k-{k}" in legend and words in legend for k, words in KINDS.items())


def test_article_marks_come_from_the_store(corpus_db: Path) -> None:
    with Store(corpus_db) as store:
        by_origin = {store.get_article(i).origin.rsplit("/", 1)[-1]: i for i in store.article_ids()}
        marks = article_marks(store, by_origin["hi-kim-train-to-russia.txt"])
        text = store.get_article(by_origin["hi-kim-train-to-russia.txt"]).text
    kinds = {m.kind for m in marks}
    assert {"PER", "LOC", "TIME"} <= kinds
    kim = [m for m in marks if m.actor_id == "per:kim-jong-un"]
    assert kim and all("Kim Jong Un" in m.title for m in kim)
    assert any(text[m.start:m.end] == "किम जोंग उन" for m in kim)
    assert all(a.end <= b.start for a, b in itertools.pairwise(marks))

"""The Entities page (AppTest, under app.py) on the sample corpus, and its pure builders."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.entities_view import (
    actors_frame,
    aligned_rows,
    highlight_html,
    merge_selection,
    side_frame,
    translation_pairs,
)
from dossier.filters import Filters
from dossier.model import Entity, Segment, Sentence
from dossier.store import ActorRow, MentionRow, NewArticle, Store
from tests.apptest import open_page, url_filters

TIMEOUT = 90
KIM = "per:kim-jong-un"
PUTIN = "per:vladimir-putin"

HOSTILE_TEXT = "Kim <b>Jong</b> Un met <script>alert(1)</script> in a hostile sentence.\nSecond line."



@pytest.fixture(scope="module")
def db(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the session's sample-corpus database (tests/conftest.py) plus a hostile article."""
    path = tmp_path_factory.mktemp("entities-db") / "dossier.db"
    with Store(corpus_db, readonly=True) as src, Store(path) as store:
        src.conn.backup(store.conn)
        # an article whose mention and sentence carry markup: it must stay text
        start = HOSTILE_TEXT.index("Kim")
        end = HOSTILE_TEXT.index(" met")
        store.save_article(
            NewArticle(
                id="hostile-entities",
                content_hash=hashlib.sha256(HOSTILE_TEXT.encode()).hexdigest(),
                raw_sha256="0" * 64,
                text=HOSTILE_TEXT,
                origin="test",
                encoding="utf-8",
                title="<img src=x onerror=alert(2)> hostile",
                published="2023-09-20",
                segments=[Segment(0, len(HOSTILE_TEXT), "en")],
                sentences=[Sentence(0, HOSTILE_TEXT.index("\n"), 0), Sentence(HOSTILE_TEXT.index("\n") + 1, len(HOSTILE_TEXT), 0)],
                entities=[(Entity(start, end, HOSTILE_TEXT[start:end], "PER", KIM, "Kim Jong Un", 1.0, "alias"), "en")],
            )
        )
    return path


def run_page(db: Path, monkeypatch: pytest.MonkeyPatch, f: Filters | None = None) -> AppTest:
    return open_page(db, monkeypatch, "pages/entities.py", timeout=TIMEOUT, f=f)


def html_of(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def actors_table(at: AppTest):
    return at.dataframe[0].value


def test_one_actor_across_three_scripts(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_page(db, monkeypatch)
    table = actors_table(at)
    kim = table[table["Id"] == KIM]
    assert len(kim) == 1, "Kim Jong Un must be one row"
    aliases = kim.iloc[0]["Aliases seen"]
    for name in ("김정은", "किम जोंग उन", "Kim Jong-un"):
        assert name in aliases
    assert kim.iloc[0]["Type"] == "person"
    # per-language counts add up to the total
    langs = [c for c in table.columns if c.startswith("in ")]
    assert {"in en", "in ko", "in hi"} <= set(langs)
    assert sum(int(kim.iloc[0][c]) for c in langs) == int(kim.iloc[0]["Mentions"])
    assert all(kim.iloc[0][c] > 0 for c in ("in en", "in ko", "in hi"))


def test_mentions_in_their_sentences_in_the_original_script(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_page(db, monkeypatch, Filters(actors=(KIM,)))
    assert at.selectbox[0].value == KIM
    html = html_of(at)
    for name in ("김정은", "किम जोंग उन", "Kim Jong-un"):
        assert f"<mark>{name}</mark>" in html
    # markup in an article is shown as text, never interpreted
    assert "<mark>Kim &lt;b&gt;Jong&lt;/b&gt; Un</mark>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "Second line" not in html, "only the mention's sentence is shown"


def test_actor_filter_round_trips_through_the_url(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_page(db, monkeypatch, Filters(actors=(KIM,)))
    pick = next(m for m in at.multiselect if m.label == "Actor filter")
    assert pick.value == [KIM]
    pick.select(PUTIN).run()
    assert not at.exception, at.exception
    assert url_filters(at).actors == (KIM, PUTIN)
    pick = next(m for m in at.multiselect if m.label == "Actor filter")
    assert pick.value == [KIM, PUTIN]
    pick.unselect(KIM).unselect(PUTIN).run()
    assert url_filters(at).actors == ()


def test_languages_without_a_model_are_named(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dossier.ner.recognise

    monkeypatch.setattr(dossier.ner.recognise, "has_model", lambda lang: lang == "en")
    at = run_page(db, monkeypatch)
    note = next(c.value for c in at.caption if "No trained NER model" in c.value)
    assert "Korean (ko)" in note and "Hindi (hi)" in note and "English" not in note
    monkeypatch.setattr(dossier.ner.recognise, "has_model", lambda lang: True)
    at = run_page(db, monkeypatch)
    assert not any("No trained NER model" in c.value for c in at.caption)


def test_article_and_its_translation_side_by_side(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_page(db, monkeypatch)
    at.radio[0].set_value("An article and its translation").run()
    assert not at.exception, at.exception
    side = at.dataframe[1].value
    left, right = side.columns[2], side.columns[3]
    assert "Korean" in left and "English" in right
    kim = side[side["Id"] == KIM]
    assert len(kim) == 1, "one actor, one row"
    assert "김정은" in kim.iloc[0][left] and "Kim Jong" in kim.iloc[0][right]


def test_two_articles_side_by_side_share_rows(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_page(db, monkeypatch)
    with Store(db) as store:
        arts = store.list_articles(Filters(), limit=50)
    hi = next(a.id for a in arts if a.langs == ["hi"])
    en = next(a.id for a in arts if (a.title or "").startswith("2023 visit by Kim"))
    next(s for s in at.selectbox if s.label == "Left").set_value(hi).run()
    next(s for s in at.selectbox if s.label == "Right").set_value(en).run()
    assert not at.exception, at.exception
    side = at.dataframe[1].value
    both = side[(side.iloc[:, 2] != "") & (side.iloc[:, 3] != "")]
    assert KIM in set(both["Id"]) and PUTIN in set(both["Id"])
    # rows named on both sides come first
    assert list(side.index[: len(both)]) == list(both.index)
    assert len(both) < len(side)


def test_actor_by_article_matrix(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_page(db, monkeypatch)
    chart = at.get("plotly_chart")[0]
    fig = json.loads(chart.proto.spec)
    heat = fig["data"][0]
    assert heat["type"] == "heatmap"
    assert "Kim Jong Un" in heat["y"]
    row = heat["y"].index("Kim Jong Un")
    hovers = [h for h in heat["text"][row] if h]
    assert any("Korean" in h for h in hovers) and any("Hindi" in h for h in hovers)
    assert "&lt;img src=x" in " ".join(heat["x"]), "article titles are escaped"


# -- pure builders ------------------------------------------------------------------------------


def _m(aid: str, start: int, text: str, eid: str | None, lang: str = "en", label: str = "PER") -> MentionRow:
    return MentionRow(aid, None, None, start, start + len(text), text, label, lang, eid,
                      eid and eid.split(":")[-1], 1.0, "alias", text)


def test_aligned_rows_put_one_actor_on_one_row() -> None:
    left = [_m("a", 0, "김정은", KIM, "ko"), _m("a", 10, "김 위원장", KIM, "ko"), _m("a", 20, "김정은", KIM, "ko"),
            _m("a", 30, "쇼이구", "per:shoigu", "ko"), _m("a", 40, "홍길동", None, "ko")]
    right = [_m("b", 0, "Kim Jong Un", KIM), _m("b", 20, "Putin", PUTIN)]
    rows = aligned_rows(left, right)
    assert [r.key for r in rows] == [KIM, "per:shoigu", "text:홍길동", PUTIN]
    assert rows[0].left == {"김정은": 2, "김 위원장": 1} and rows[0].right == {"Kim Jong Un": 1}
    frame = side_frame(rows, "A", "A")
    assert list(frame.columns) == ["Actor", "Type", "A (left)", "A (right)", "Id"]
    assert frame.iloc[0]["A (left)"] == "김정은 ×2 · 김 위원장"
    assert frame.iloc[2]["Id"] == ""


def test_highlight_marks_exact_offsets_and_escapes() -> None:
    text = "<i>x</i> 김정은이 블라디보스토크에 갔다. 김정은"
    start = text.index("김정은")
    out = highlight_html(text, start, start + 3, window=(0, text.index(".") + 1))
    assert out == "&lt;i&gt;x&lt;/i&gt; <mark>김정은</mark>이 블라디보스토크에 갔다."
    long = "a " * 1000 + "Kim" + " b" * 1000
    k = long.index("Kim")
    cut = highlight_html(long, k, k + 3, window=(0, len(long)))
    assert "<mark>Kim</mark>" in cut and cut.startswith("…") and cut.endswith("…")
    assert len(cut) < 700


def test_merge_selection_keeps_actors_the_table_does_not_show() -> None:
    ids = [KIM, PUTIN, "per:shoigu"]
    assert merge_selection(ids, [1, 0], ()) == (PUTIN, KIM)
    assert merge_selection(ids, [0, 2], (KIM, "x:hidden")) == (KIM, "per:shoigu", "x:hidden")
    assert merge_selection(ids, [], (KIM,)) == ()
    assert merge_selection(ids, [7], ()) == ()


def test_actors_frame_columns_per_language() -> None:
    a = ActorRow(KIM, "Kim Jong Un", "PER", 6, 3, {"en": 1, "hi": 1, "ko": 4},
                 [f"alias{i}" for i in range(15)])
    b = ActorRow("org:kcna", "KCNA", "ORG", 2, 1, {"en": 2}, ["KCNA"])
    frame = actors_frame([a, b])
    assert list(frame.columns)[:7] == ["Actor", "Type", "Mentions", "Articles", "in ko", "in en", "in hi"]
    assert frame.iloc[1]["in ko"] == 0 and frame.iloc[1]["Type"] == "organisation"
    assert frame.iloc[0]["Aliases seen"].endswith("(+3)")
    unlinked = ActorRow("x:pioNiaN", "x:pioNiaN", "LOC", 2, 1, {"en": 2}, ["Pyongyang", "Pyong-yang"])
    assert actors_frame([unlinked]).iloc[0]["Actor"] == "Pyongyang"


def test_translation_pairs() -> None:
    from dossier.store import ArticleDetail

    d = ArticleDetail("a", None, None, None, None, ["ko", "en"], 10, "", text="x" * 10,
                      segments=[Segment(0, 5, "ko"), Segment(5, 10, "en", parallel_of=0)])
    assert translation_pairs(d) == [(0, 1)]

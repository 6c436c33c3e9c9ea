"""Streamlit AppTest of the router (app.py) and each page, on a temporary database built by
ingesting the real sample corpus plus one hostile article written here."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dossier import config
from dossier.filters import SWAPPED_DATES, Filters
from dossier.store import Store
from tests.apptest import ingest_with_article, new_app, run_app, url_filters

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = config.SHARED_DIR / "corpus"
CORPUS = SHARED_CORPUS if SHARED_CORPUS.is_dir() else REPO / "data" / "articles"

HOSTILE_TEXT = (
    "A hostile test article. It says <script>alert(1)</script> and shows "
    "<img src=x onerror=alert(2)> in the middle of an ordinary English sentence about a summit.\n"
    "Markdown must stay text too: **not bold**, [a link](http://example.com) and $x$.\n"
)
HOSTILE_META = {
    "title": "<img src=x onerror=alert(3)> Hostile title",
    "published": "2023-08-20",
    "source": "<b>Hostile Source</b>",
    "url": "javascript:alert(4)",
}
TIMEOUT = 60


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("appdb") / "dossier.db"
    return ingest_with_article(db, tmp_path_factory.mktemp("hostile"), CORPUS, HOSTILE_TEXT, HOSTILE_META)


@pytest.fixture(scope="module")
def ids(corpus_db: Path) -> dict[str, str]:
    """File stem -> article id, read from the store (ids are the store's business)."""
    with Store(corpus_db) as store:
        out = {}
        for aid in store.article_ids():
            detail = store.get_article(aid)
            assert detail is not None
            out[Path(detail.origin.split("#")[0]).stem] = aid
    return out


@pytest.fixture()
def app(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return new_app(corpus_db, monkeypatch, timeout=TIMEOUT)


def _articles(at: AppTest, f: Filters | None = None, **params: str | list[str]) -> AppTest:
    """Open the Articles page on the link to ``f`` plus these query parameters."""
    return run_app(at, "pages/articles.py", f, **params)


def _html(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def _listed_titles(at: AppTest) -> list[str]:
    assert len(at.dataframe) == 1
    return list(at.dataframe[0].value["Title"])


def _store_titles(corpus_db: Path, f: Filters) -> list[str]:
    with Store(corpus_db) as store:
        return [r.title or "(untitled)" for r in store.list_articles(f, limit=1000)]


# -- router ------------------------------------------------------------------------------


def test_router_opens_overview_with_sidebar_filters(app: AppTest) -> None:
    app.run()
    assert not app.exception, app.exception
    assert app.header[0].value == "Corpus overview"
    keys = {w.key for w in (*app.sidebar.text_input, *app.sidebar.date_input, *app.sidebar.multiselect)}
    assert {"filters_q", "filters_from", "filters_to", "filters_langs", "filters_sources"} <= keys
    assert "Showing:</strong> All articles" in _html(app)
    assert 'class="dz-warning"' not in _html(app)


def test_query_params_set_the_sidebar_and_survive_the_run(app: AppTest) -> None:
    f = Filters(date_from=dt.date(2023, 9, 1), date_to=dt.date(2023, 9, 30), langs=("ko", "hi"), q="김정은")
    run_app(app, f=f)
    assert str(app.date_input(key="filters_from").value) == "2023-09-01"
    assert str(app.date_input(key="filters_to").value) == "2023-09-30"
    assert app.multiselect(key="filters_langs").value == ["ko", "hi"]
    assert app.text_input(key="filters_q").value == "김정은"
    assert url_filters(app) == f
    # the filters in words, above the content
    assert "Sep 2023 · ko, hi · “김정은”" in _html(app)


def test_malformed_url_is_reported_and_cleaned(app: AppTest) -> None:
    date_from = Filters.param("date_from")
    run_app(app, **{date_from: "2023-13-45", Filters.param("langs"): "xx", "bogus": "1"})
    warnings = _html(app)
    assert f"ignored {date_from}=&#x27;2023-13-45&#x27;" in warnings
    assert "no article in language “xx”" in warnings
    # the malformed value is dropped from the link; an unknown but well-formed value stays (selects nothing)
    assert date_from not in app.query_params
    assert url_filters(app) == Filters(langs=("xx",))
    assert app.query_params["bogus"] == "1"  # parameters the filters do not own are left alone
    assert app.metric[0].value == "0"


def test_sidebar_change_is_written_to_the_url(app: AppTest) -> None:
    app.run()
    app.text_input(key="filters_q").input("블라디보").run()
    assert url_filters(app) == Filters(q="블라디보")
    app.multiselect(key="filters_langs").select("ko").run()
    assert url_filters(app) == Filters(q="블라디보", langs=("ko",))
    app.button(key="filters_clear").click().run()
    assert not set(app.query_params) & set(Filters.PARAM_NAMES)
    assert app.text_input(key="filters_q").value == ""


def test_swapped_dates_are_put_in_order(app: AppTest) -> None:
    app.query_params.update({Filters.param("date_from"): "2023-09-30", Filters.param("date_to"): "2023-09-01"})
    run_app(app)
    assert url_filters(app) == Filters(date_from=dt.date(2023, 9, 1), date_to=dt.date(2023, 9, 30))
    assert SWAPPED_DATES in _html(app)


def test_link_problems_quote_the_url_as_text(app: AppTest) -> None:
    app.query_params.update({Filters.param("date_from"): "![x](http://example.com/x.png) <img src=x onerror=alert(1)>"})
    app.run()
    html = _html(app)
    assert 'class="dz-warning"' in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img" not in html and not app.warning
    assert not any("example.com" in m.value for m in app.markdown)  # no markdown saw the value


# -- overview ----------------------------------------------------------------------------


def test_overview_counts_match_the_store(app: AppTest, corpus_db: Path) -> None:
    app.run()
    with Store(corpus_db) as store:
        facets = store.facets()
        ov = store.overview(Filters())
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Articles"] == f"{facets.n_articles:,}"
    assert metrics["Undated"] == f"{facets.n_undated:,}"
    assert metrics["Languages"] == str(len(ov.by_language))
    assert metrics["Sources"] == str(len(ov.by_source))
    charts = app.get("plotly_chart")
    assert len(charts) == 3
    month_chart = json.loads(charts[0].proto.spec)
    bars = dict(zip(month_chart["data"][0]["x"], month_chart["data"][0]["y"], strict=True))
    assert bars.get("undated", 0) == facets.n_undated  # undated shown as undated, not as a date
    assert bars["2023-08"] == ov.by_month.get("2023-08", 0)  # months without articles are kept


def test_overview_follows_the_filters(app: AppTest) -> None:
    run_app(app, f=Filters(langs=("hi",)))
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Articles"] == "1"
    assert "Showing:</strong> hi" in _html(app)


def test_overview_escapes_source_names_in_charts(app: AppTest) -> None:
    app.run()
    bars = json.loads(app.get("plotly_chart")[2].proto.spec)["data"][0]
    assert "&lt;b&gt;Hostile Source&lt;/b&gt;" in bars["y"]
    assert not any("<b>" in label for label in bars["y"] + bars["hovertext"])


# -- articles ----------------------------------------------------------------------------


def test_search_korean_substring_finds_the_korean_article(app: AppTest, corpus_db: Path, ids) -> None:
    at = _articles(app, Filters(q="블라디보"))
    titles = _listed_titles(at)
    with Store(corpus_db) as store:
        korean = store.get_article(ids["ko-en-nk-russia-alliance"])
    assert korean is not None and korean.title in titles
    assert titles == _store_titles(corpus_db, Filters(q="블라디보"))
    assert all("블라디보" in (r or "") for r in at.dataframe[0].value["Excerpt"])


def test_search_hindi_substring_finds_the_hindi_article(app: AppTest, ids) -> None:
    at = _articles(app, Filters(q="प्योंगयांग"))
    assert len(at.dataframe[0].value) == 1
    assert at.query_params.get("article") in (None, ids["hi-kim-train-to-russia"])
    html = _html(at)
    assert "प्योंगयांग" in html  # the reader opened the one match
    assert "Hindi body" in html


def test_language_filter_from_url_lists_only_that_language(app: AppTest, corpus_db: Path) -> None:
    at = _articles(app, Filters(langs=("hi",)))
    assert _listed_titles(at) == _store_titles(corpus_db, Filters(langs=("hi",)))
    assert len(at.dataframe[0].value) == 1
    assert list(at.dataframe[0].value["Languages"]) == ["hi"]


def test_selecting_a_row_opens_it_and_puts_it_in_the_url(app: AppTest, ids) -> None:
    at = _articles(app, Filters(q="블라디보"))
    table = at.dataframe[0]
    titles = list(table.value["Title"])
    korean_row = next(i for i, t in enumerate(titles) if t.startswith("북러"))
    at.session_state[table.key] = {"selection": {"rows": [korean_row], "columns": [], "cells": []}}
    at.run()
    assert at.query_params["article"] == ids["ko-en-nk-russia-alliance"]
    assert "북러 군사동맹" in _html(at)


def test_a_filter_change_keeps_the_table_and_moves_its_selection_to_the_article_shown(
    app: AppTest, corpus_db: Path
) -> None:
    """The list keeps one grid across views (rebuilding it cost the browser ~30 ms a change), so a
    row picked in one view must not select whatever article takes its place in the next."""
    at = _articles(app)
    table = at.dataframe[0]
    with Store(corpus_db) as store:
        listed = store.list_articles(Filters(), limit=1000)
        langs = store.facets().languages
    picked = listed[1]
    # a language the picked article lacks, held by two articles at least: the new list drops it
    lang = next(c for c, n in langs.items() if c not in picked.langs and n >= 2)
    at.session_state[table.key] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    assert at.query_params["article"] == picked.id
    at.sidebar.multiselect(key="filters_langs").set_value([lang]).run()
    assert not at.exception, at.exception
    assert at.dataframe[0].key == table.key  # the same grid, given new rows
    with Store(corpus_db) as store:
        first = store.list_articles(Filters(langs=(lang,)), limit=1)[0]
    assert _listed_titles(at)[0] == (first.title or "(untitled)")
    assert at.session_state[table.key]["selection"]["rows"] == [0]  # not row 1 of the new list
    assert "article" not in at.query_params  # the picked article is not in this view: the first is read
    assert f"{first.n_chars:,} characters" in _html(at)


def test_reader_labels_segments_of_the_korean_article(app: AppTest, corpus_db: Path, ids) -> None:
    aid = ids["ko-en-nk-russia-alliance"]
    at = _articles(app, article=aid)
    html = _html(at)
    with Store(corpus_db) as store:
        detail = store.get_article(aid)
    assert detail is not None
    labels = re.findall(r'<div class="dz-seglabel"[^>]*>(.*?)</div>', html)
    assert len(labels) == len(detail.segments)
    korean = [label.split(". ")[0] for label in labels if label.endswith(". Korean body")]
    assert korean, labels
    assert f"English (translation of segment {korean[0]})" in " ".join(labels)
    assert any("keywords" in label for label in labels)


def test_reader_shows_text_exactly_and_escaped(app: AppTest, corpus_db: Path, ids) -> None:
    aid = ids["hostile"]
    at = _articles(app, Filters(q="hostile"), article=aid)
    at.segmented_control(key="reader_view").set_value("Full text").run()
    # only the reader's markup: the frame's own markup is not from the article
    html = "\n".join(h.value for h in at.html if ("dz-title" in h.value or "dz-text" in h.value)
                     and "<style>" not in h.value)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "**not bold**, [a link](http://example.com) and $x$." in html  # markdown stays text
    assert "&lt;img src=x onerror=alert(3)&gt; Hostile title" in html
    assert "&lt;b&gt;Hostile Source&lt;/b&gt;" in html
    # nothing from the article became markup: no tag, no handler, no javascript: link
    assert not re.search(r"<(script|img|b)\b", html)
    assert "onerror=" not in re.sub(r"&lt;.*?&gt;", "", html)
    assert 'href="javascript' not in html
    # the stored text is shown verbatim, line breaks included
    with Store(corpus_db) as store:
        detail = store.get_article(aid)
    assert detail is not None
    import html as html_mod

    # (the reader's own marks taken out: they wrap words, they never change them)
    unmarked = re.sub(r'<(a|mark) class="dz-mark[^>]*>|</(a|mark)>', "", html)
    assert html_mod.escape(detail.text, quote=True) in unmarked


def test_unknown_article_in_url_falls_back_to_the_list(app: AppTest) -> None:
    at = _articles(app, Filters(langs=("hi",)), article="no-such-article")
    assert "article" not in at.query_params
    assert "Hindi body" in _html(at)


def test_empty_result_says_so(app: AppTest) -> None:
    at = _articles(app, Filters(q="zzzz-no-such-text-zzzz"))
    assert not at.dataframe
    assert any("No article matches" in i.value for i in at.info)


# -- components as plain functions -------------------------------------------------------


def test_chart_click_becomes_filters() -> None:
    import datetime as dt

    from components.overview_charts import ChartSelection, selection_filters

    base = Filters(q="Kim", langs=("ko",))
    month = selection_filters(ChartSelection(month="2024-02"), base)
    assert (month.date_from, month.date_to) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert month.undated is False and month.q == "Kim" and month.langs == ("ko",)
    assert selection_filters(ChartSelection(lang="hi"), base).langs == ("hi",)
    assert selection_filters(ChartSelection(source="(unknown)"), base).sources == ("(unknown)",)


def test_month_series_keeps_empty_months_and_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from components import overview_charts

    months, counts, cut = overview_charts.month_series({"2023-11": 2, "2024-02": 1, "undated": 5})
    assert months == ["2023-11", "2023-12", "2024-01", "2024-02"] and counts == [2, 0, 0, 1]
    assert not cut
    monkeypatch.setattr(overview_charts, "MAX_CHART_MONTHS", 2)
    months, counts, cut = overview_charts.month_series({"2023-11": 2, "2024-02": 1})
    assert months == ["2024-01", "2024-02"] and cut


def test_top_categories_sums_the_tail() -> None:
    from components.overview_charts import top_categories

    counts = {f"s{i}": 10 - i for i in range(6)}
    items = top_categories(counts, limit=3)
    assert items[:2] == [("s0", "s0", 10), ("s1", "s1", 9)]
    assert items[2] == (None, "other (4)", 8 + 7 + 6 + 5)


def test_segment_labels_in_words() -> None:
    from components.labels import language_label, segment_label
    from dossier.model import Segment

    segs = [
        Segment(0, 10, "ko"),
        Segment(11, 20, "en", parallel_of=0),
        Segment(21, 30, "ko", kind="keywords"),
        Segment(31, 40, "en", kind="title"),
    ]
    assert [segment_label(i, segs) for i in range(4)] == [
        "Korean body",
        "English (translation of segment 1)",
        "keywords (Korean)",
        "English title",
    ]
    assert language_label("hi", 1) == "Hindi (hi) · 1"
    assert language_label("qqq") == "qqq"  # an unknown code is shown, not guessed


def test_safe_markup_escapes_and_only_links_http() -> None:
    from components.frame import filter_bar_html
    from components.safe import safe_link, text_block

    assert safe_link("javascript:alert(1)") == "javascript:alert(1)"
    assert safe_link('https://x.org/?a=1&b="2"').startswith('<a href="https://x.org/?a=1&amp;b=&quot;2&quot;"')
    assert text_block("<b>x</b>\n  y", lang='ko" onload="x') == (
        '<div class="dz-text" dir="auto">&lt;b&gt;x&lt;/b&gt;\n  y</div>'
    )
    assert "&lt;script&gt;" in filter_bar_html(Filters(q="<script>"))


def test_first_start_on_an_empty_database_ingests_the_default_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from components import data

    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "one.txt").write_text("The first sample article, about a meeting in Vladivostok.\n", encoding="utf-8")
    (corpus / "two.txt").write_text("두 번째 기사입니다. 블라디보스토크에서 회담이 열렸습니다.\n", encoding="utf-8")
    monkeypatch.setattr(data, "DEFAULT_CORPUS", corpus)
    db = tmp_path / "fresh" / "dossier.db"
    at = new_app(db, monkeypatch, timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    assert {m.label: m.value for m in at.metric}["Articles"] == "2"
    assert any("First start" in t.value for t in at.toast)
    with Store(db) as store:
        assert store.count_articles(Filters()) == 2


def test_long_lists_are_cut_to_the_named_limit_and_paged(
    app: AppTest, corpus_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from components import data

    monkeypatch.setattr(data, "MAX_LIST_ROWS", 2)
    at = _articles(app)
    with Store(corpus_db) as store:
        total = store.count_articles(Filters())
        expected = [r.title or "(untitled)" for r in store.list_articles(Filters(), limit=4)]
    assert total > 2
    assert _listed_titles(at) == expected[:2]
    assert any(f"{total:,} articles match · showing 1–2" in c.value for c in at.caption)
    pager = at.number_input[0]
    assert pager.max == -(-total // 2)
    pager.set_value(2).run()
    assert _listed_titles(at) == expected[2:4]


def test_the_count_stops_a_little_past_the_page_and_grows_as_one_pages_on(
    app: AppTest, corpus_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from components import data

    monkeypatch.setattr(data, "MAX_LIST_ROWS", 1)
    monkeypatch.setattr(data, "COUNT_AHEAD", 1)
    with Store(corpus_db) as store:
        total = store.count_articles(Filters())
        expected = [r.title or "(untitled)" for r in store.list_articles(Filters(), limit=total)]
    assert total >= 4  # else nothing here is past the count
    at = _articles(app)
    assert any("2+ articles match · showing 1–1" in c.value for c in at.caption), [c.value for c in at.caption]
    assert at.number_input[0].max == 2
    at.number_input[0].set_value(2).run()
    assert _listed_titles(at) == expected[1:2]
    assert any("3+ articles match · showing 2–2" in c.value for c in at.caption)
    assert at.number_input[0].max == 3


def test_translation_side_by_side_marks_one_actor_alike_in_both_scripts(app: AppTest, ids: dict[str, str]) -> None:
    at = _articles(app, article=ids["ko-en-nk-russia-alliance"])
    at.segmented_control(key="reader_view").set_value("Side by side").run()
    assert not at.exception, at.exception
    table = next(h.value for h in at.html if "dz-parallel" in h.value)
    kim = re.findall(
        r'<a class="dz-mark dz-k-PER" title="Kim Jong Un \(person\)" style="border-bottom: 3px solid ([^"]+)"'
        r' href="[^"]+" target="_self">([^<]+)</a>', table)
    assert {text for _, text in kim} >= {"김정은", "Kim Jong-un"}
    assert len({colour for colour, _ in kim}) == 1
    assert "dz-k-TIME" in table and "dz-k-LOC" in table  # dates and places in both columns too


@pytest.mark.parametrize(
    ("stem", "name", "place", "date"),
    [
        ("ko-en-nk-russia-alliance", "김정은", "블라디보스토크", "2023-09-10"),
        ("hi-kim-train-to-russia", "किम जोंग उन", "रूस", "2023-09"),
        ("wiki-en-kim-visit-russia-2023", "Kim Jong Un", "Pyongyang", "2023-09-13"),
    ],
)
def test_reader_marks_actors_places_and_dates_with_filter_links(
    app: AppTest, ids: dict[str, str], stem: str, name: str, place: str, date: str
) -> None:
    article = ids[stem]
    at = _articles(app, Filters(langs=("en", "hi", "ko")), article=article)
    html = _html(at)
    assert all(f"dz-k-{k}" in html for k in ("PER", "ORG", "LOC", "TIME"))  # the legend
    kim = re.findall(r'<a class="dz-mark dz-k-PER" title="Kim Jong Un \(person\)" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert name in {text for _, text in kim}
    href = kim[0][0].replace("&amp;", "&")
    assert href.startswith("entities?")
    f = Filters.from_query_params(_parse_qs(href))
    assert f.actors == ("per:kim-jong-un",) and f.langs == ("en", "hi", "ko")  # the view's filters kept
    assert re.search(rf'<a class="dz-mark dz-k-LOC" title="[^"]+" href="[^"]+" target="_self">{place}</a>', html)
    assert re.search(rf'<mark class="dz-mark dz-k-TIME" title="{date}[^"]*">', html)


def test_an_events_sentence_opens_highlighted_in_the_reader(app: AppTest, ids: dict[str, str], corpus_db: Path) -> None:
    with Store(corpus_db) as store:
        visit = next(e for e in store.events(Filters(actors=("per:sergei-shoigu",)), limit=100) if e.type == "visit")
    src = visit.sources[0]
    # a view whose first page of the list does not hold the article: the link still opens it
    at = _articles(app, article=src["article_id"], sentence=f"{src['sentence_start']}-{src['sentence_end']}")
    html = _html(at)
    focused = re.findall(r'<span class="dz-focus">(.*?)</span>', html, flags=re.DOTALL)
    plain = re.sub(r"<[^>]+>", "", focused[-1])
    assert src["sentence"][:15] in plain.replace("&quot;", '"')
    assert at.query_params["article"] == src["article_id"]


def test_a_malformed_sentence_parameter_is_ignored(app: AppTest, ids: dict[str, str]) -> None:
    at = _articles(app, article=ids["hi-kim-train-to-russia"], sentence="9-x<script>")
    assert not any("dz-focus" in h.value for h in at.html if "<style>" not in h.value)


def _parse_qs(href: str) -> dict[str, list[str]]:
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(href).query)


def test_the_page_icon_is_drawn_and_encoded_once() -> None:
    import io

    from PIL import Image

    from components.frame import favicon

    png = favicon()
    assert favicon() is png  # set_page_config gets it on every run: encoded once per process
    with Image.open(io.BytesIO(png)) as img:
        assert img.format == "PNG" and img.size == (64, 64)
        assert img.getpixel((32, 5))[:3] == (31, 78, 121)

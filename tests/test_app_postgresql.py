"""The app on a team's PostgreSQL store (DOSSIER_DB=postgresql://…): it opens, its pages read the
same corpus the SQLite store holds, a Korean substring search finds its article, and a correction
made in one app is seen by another app on the same database."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.filters import Filters
from dossier.store import Store
from dossier.store.transfer import copy_store
from tests.apptest import new_app, open_page, run_app

TIMEOUT = 90


@pytest.fixture(scope="module")
def pg_corpus(pg_cluster, corpus_db: Path):
    url = pg_cluster.new_database("app")
    with Store(corpus_db, readonly=True) as src, Store(url) as dst:
        copy_store(src, dst)
    yield url
    pg_cluster.drop_database(url)


def test_the_app_opens_on_postgresql_with_the_corpus_counts(pg_corpus: str, corpus_db: Path, monkeypatch) -> None:
    at = open_page(pg_corpus, monkeypatch, "pages/overview.py", timeout=TIMEOUT)
    with Store(corpus_db, readonly=True) as lite:
        facets = lite.facets()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == f"{facets.n_articles:,}"
    assert metrics["Undated"] == f"{facets.n_undated:,}"
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert f"{facets.n_articles:,} articles in" in captions and "postgresql://" in captions


def test_a_korean_search_on_postgresql_lists_what_sqlite_lists(pg_corpus: str, corpus_db: Path, monkeypatch) -> None:
    f = Filters(q="블라디보")
    at = open_page(pg_corpus, monkeypatch, "pages/articles.py", f=f, timeout=TIMEOUT)
    with Store(corpus_db, readonly=True) as lite:
        expected = [r.title or "(untitled)" for r in lite.list_articles(f, limit=100)]
    assert expected and list(at.dataframe[0].value["Title"]) == expected


@pytest.mark.parametrize("page", ["pages/entities.py", "pages/timeline.py", "pages/map.py", "pages/sources.py",
                                  "pages/corrections.py"])
def test_every_page_runs_on_postgresql(pg_corpus: str, monkeypatch, page: str) -> None:
    at = open_page(pg_corpus, monkeypatch, page, timeout=TIMEOUT)
    assert not at.exception


def test_a_correction_in_one_app_shows_in_another_analysts_app(pg_cluster, corpus_db: Path, monkeypatch) -> None:
    from components import data

    url = pg_cluster.new_database("team")
    try:
        with Store(corpus_db, readonly=True) as src, Store(url) as dst:
            copy_store(src, dst)
        first = run_app(new_app(url, monkeypatch, timeout=TIMEOUT), "pages/corrections.py")
        assert not first.exception
        data.correct("place_location", "gn:2013348", {"lat": 43.12, "lon": 131.89}, note="analyst one")
        # another analyst's app: its own process would have its own connection; here a new store
        with Store(url, readonly=True) as other:
            (row,) = [c for c in other.corrections() if c.note == "analyst one"]
            assert row.value == {"lat": 43.12, "lon": 131.89}
            assert next(p for p in other.places(Filters(), limit=500) if p.place_id == "gn:2013348").lat == pytest.approx(43.12)
    finally:
        data._open_store.clear()  # the cached store's connection, before the database is dropped
        pg_cluster.drop_database(url)

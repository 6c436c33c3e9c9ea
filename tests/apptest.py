"""Open one page of the app (app.py, its router) in Streamlit's AppTest on a given database, and
build such a database."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dossier.filters import Filters

APP = Path(__file__).resolve().parents[1] / "app.py"


def run_app(at: AppTest, page: str | None = None, f: Filters | None = None, **params: str | list[str]) -> AppTest:
    """Run app.py on the link to ``f`` plus other query parameters (``article=…``), switch to
    ``page`` ("pages/map.py") if given, and check that it raised nothing."""
    at.query_params.update({**(f.to_query_params() if f else {}), **params})
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def new_app(db: Path, monkeypatch: pytest.MonkeyPatch, *, timeout: float = 90) -> AppTest:
    """An AppTest of app.py on database ``db`` (not run yet)."""
    monkeypatch.setenv("DOSSIER_DB", str(db))
    return AppTest.from_file(str(APP), default_timeout=timeout)


def open_page(db: Path, monkeypatch: pytest.MonkeyPatch, page: str, *, timeout: float = 90,
              f: Filters | None = None, **params: str | list[str]) -> AppTest:
    """A new AppTest on database ``db``, run as ``run_app`` does."""
    return run_app(new_app(db, monkeypatch, timeout=timeout), page, f, **params)


def url_filters(at: AppTest) -> Filters:
    """The filters the app's URL holds now (read as the app reads it)."""
    return Filters.from_query_params(at.query_params)


def ingest_with_article(db: Path, article_dir: Path, corpus: Path, text: str, meta: Mapping[str, str]) -> Path:
    """A new database at ``db`` holding ``corpus`` and one more article (hostile.txt and its
    sidecar, written to ``article_dir``); fails if any file was rejected."""
    from dossier.ingest.run import ingest_paths
    from dossier.store import Store

    (article_dir / "hostile.txt").write_text(text, encoding="utf-8")
    (article_dir / "hostile.json").write_text(json.dumps({"file": "hostile.txt", **meta}), encoding="utf-8")
    with Store(db) as store:
        report = ingest_paths([corpus, article_dir], store)
    assert not report.rejected, report.rejected
    return db

"""Open one page of the app (app.py, its router) in Streamlit's AppTest on a given database."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[1] / "app.py"


def open_page(db: Path, monkeypatch: pytest.MonkeyPatch, page: str, *, timeout: float = 90,
              **params: str | list[str]) -> AppTest:
    """Run app.py with these query parameters, switch to ``page`` ("pages/map.py"), and check
    that it raised nothing."""
    monkeypatch.setenv("DOSSIER_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    at.query_params.update(params)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at

"""Every chart page offers its exports (the files themselves are checked in test_export.py,
test_map_export.py and test_briefing.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import new_app, run_app


@pytest.fixture()
def app(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return new_app(corpus_db, monkeypatch, timeout=120)


@pytest.mark.parametrize(
    "page, expected",
    [
        ("pages/overview.py", {"Chart (HTML)", "Data (CSV)", "Data (JSON)"}),
        ("pages/timeline.py", {"Chart (HTML)", "Data (CSV)", "Data (JSON)", "Briefing of this view (HTML)"}),
        ("pages/map.py", {"Map as HTML (works offline)", "Map as PNG", "Places (GeoJSON)", "Places (CSV)"}),
        ("pages/entities.py", {"Chart (HTML)", "Data (CSV)"}),
    ],
)
def test_exports_offered(app: AppTest, page: str, expected: set[str]) -> None:
    run_app(app, page)
    labels = {b.label for b in app.get("download_button")}
    assert expected <= labels, labels

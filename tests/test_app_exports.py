"""Every chart page offers its exports (the files themselves are checked in test_export.py,
test_map_export.py and test_briefing.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[1] / "app.py"


@pytest.fixture()
def app(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DOSSIER_DB", str(corpus_db))
    return AppTest.from_file(str(APP), default_timeout=120)


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
    app.run()
    app.switch_page(page).run()
    assert not app.exception, app.exception
    labels = {b.label for b in app.get("download_button")}
    assert expected <= labels, labels

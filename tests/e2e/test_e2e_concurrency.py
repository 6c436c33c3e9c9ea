"""Ten browser sessions change filters while an ingest writes to the same database: no errors, and
every session keeps its own state."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from dossier.store import Store
from tests.e2e.conftest import REPO, serve
from tests.e2e.test_app_e2e import settled

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SESSIONS = 10
QUERIES = ["Kim", "Putin", "Pyongyang", "Vladivostok", "Shoigu", "블라디보", "평양", "प्योंगयांग", "पुतिन", "summit"]


@pytest.fixture(scope="module")
def busy_db(e2e_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("e2e-busy") / "dossier.db"
    with Store(e2e_db, readonly=True) as src, Store(path) as dst:
        src.conn.backup(dst.conn)
    return path


@pytest.fixture(scope="module")
def busy_url(busy_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve("app.py", busy_db, tmp_path_factory.mktemp("e2e-busy-server") / "streamlit.log")


def test_ten_sessions_while_ingesting(browser, busy_url: str, busy_db: Path, tmp_path: Path) -> None:
    src = tmp_path / "incoming"
    src.mkdir()
    for i in range(60):
        (src / f"n{i:03d}.txt").write_text(
            f"Report {i}: Kim Jong Un and Vladimir Putin discussed arms in Vladivostok. 김정은 위원장 {i}.\n",
            encoding="utf-8",
        )
    ingest = subprocess.Popen(
        [sys.executable, "-m", "dossier", "ingest", str(src), "--db", str(busy_db)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    contexts = [browser.new_context(viewport={"width": 1200, "height": 800}) for _ in range(SESSIONS)]
    try:
        pages = [c.new_page() for c in contexts]
        errors: list[str] = []
        for pg in pages:
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.goto(busy_url + "/articles")
        for pg in pages:
            settled(pg)
        # every session types its own query, interleaved, while the ingest writes
        for rnd in range(2):
            for i, pg in enumerate(pages):
                box = pg.get_by_role("textbox", name="Search text").first
                box.fill(QUERIES[(i + rnd) % len(QUERIES)])
                box.press("Enter")
            for i, pg in enumerate(pages):
                settled(pg)
                query = QUERIES[(i + rnd) % len(QUERIES)]
                expect(pg.locator(".dz-filterbar")).to_contain_text(query)
                expect(pg.locator('[data-testid="stException"]')).to_have_count(0)
        assert errors == []
    finally:
        for c in contexts:
            c.close()
        out, _ = ingest.communicate(timeout=600)
    assert ingest.returncode == 0, out
    assert "60 created" in out
    with Store(busy_db, readonly=True) as s:
        assert s.integrity_ok()

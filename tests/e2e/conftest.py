"""End-to-end fixtures: a temporary database, the app started with ``streamlit run``, and headless
Chromium (Debian's /usr/bin/chromium) driven by Playwright's sync API.

Nothing here sleeps for a fixed time: every wait is for a condition (the health endpoint answers,
Streamlit reports its script run finished, an element appears).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dossier import config
from dossier.export.charts import CHROMIUM_ARGS
from tests.apptest import ingest_with_article

REPO = Path(__file__).resolve().parents[2]
SHARED_CORPUS = config.SHARED_DIR / "corpus"
CORPUS = SHARED_CORPUS if SHARED_CORPUS.is_dir() else REPO / "data" / "articles"
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "test-results" / "e2e"
START_TIMEOUT_S = 60
RUN_TIMEOUT_MS = 30_000

# An article that tries to run code in the reader and in the metadata line.
HOSTILE_TEXT = (
    "A hostile test article. It says <script>alert(1)</script> and shows "
    "<img src=x onerror=alert(2)> in an ordinary English sentence about a summit meeting.\n"
)
HOSTILE_META = {
    "title": "Hostile <img src=x onerror=alert(3)> title",
    "published": "2023-08-20",
    "source": "<b>Hostile Source</b>",
    "url": "javascript:alert(4)",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: install Debian's chromium to run e2e tests")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def e2e_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("e2e-db") / "dossier.db"
    return ingest_with_article(db, tmp_path_factory.mktemp("e2e-hostile"), CORPUS, HOSTILE_TEXT, HOSTILE_META)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("localhost", 0))
        return int(s.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def serve(script: str, db: Path, log: Path) -> Iterator[str]:
    """``streamlit run script`` on a free port with DOSSIER_DB=db; yields its URL, stops it after."""
    port = _free_port()
    url = f"http://localhost:{port}"
    env = {**os.environ, "DOSSIER_DB": str(db)}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            # the app starts as scripts/run-app.sh starts it (scripts/serve.py, warmed imports)
            [sys.executable, *(["scripts/serve.py"] if script == "app.py" else ["-m", "streamlit", "run", script]),
             "--server.port", str(port), "--server.headless", "true"],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while not _healthy(url):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not start:\n{log.read_text(errors='replace')[-3000:]}")
                time.sleep(0.2)  # polling interval of the health check, not a fixed wait
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="session")
def app_url(e2e_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve("app.py", e2e_db, tmp_path_factory.mktemp("e2e-server") / "streamlit.log")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import expect, sync_playwright

    # the machine may be busy (model training beside the tests): wait for conditions generously
    expect.set_options(timeout=RUN_TIMEOUT_MS)

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS), headless=True)
        yield b
        b.close()


@dataclass
class Watch:
    """What a page did that it must not do: dialogs (alert from article text), requests leaving
    this machine, page errors."""

    base: str
    dialogs: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@pytest.fixture()
def page(browser, app_url: str, request: pytest.FixtureRequest):
    from playwright.sync_api import Error as PlaywrightError

    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
    pg = context.new_page()
    pg.set_default_timeout(RUN_TIMEOUT_MS)
    watch = Watch(app_url)

    def on_dialog(dialog) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on(
        "request",
        lambda r: None
        if r.url.startswith((app_url, "data:", "blob:", "about:"))
        else watch.outside_requests.append(r.url),
    )
    pg.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    pg.dz_watch = watch  # type: ignore[attr-defined]
    yield pg
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        # for a faithful picture, let lazy widgets and charts finish drawing (best effort)
        # a screenshot of a half-drawn page is still evidence, so a timeout here is no failure
        with contextlib.suppress(PlaywrightError):
            pg.wait_for_function(
                "() => !document.querySelector('[data-testid=stSkeleton]')"
                " && [...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
                ".every(c => c.querySelector('.main-svg'))",
                timeout=15_000,
            )
        pg.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    finally:
        context.close()

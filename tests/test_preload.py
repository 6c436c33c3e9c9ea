"""components/preload.py: the warm-up scripts/serve.py runs while the server starts."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_wait_returns_at_once_when_no_warm_up_was_started() -> None:
    from components import preload

    if preload._started.is_set():  # another test in this process started one: nothing to check
        return
    t = time.perf_counter()
    preload.wait()
    assert time.perf_counter() - t < 0.05


def test_start_warms_the_page_modules_and_wait_blocks_until_done() -> None:
    # in a fresh interpreter, so "not imported before" is true
    code = (
        "import sys; from components import preload\n"
        "assert 'pandas' not in sys.modules\n"
        "preload.start(); preload.start()\n"  # a second start is a no-op
        "preload.wait()\n"
        "assert preload._done.is_set()\n"
        "missing = [m for m in preload.MODULES if m not in sys.modules]\n"
        "assert not missing, missing\n"
        "from components.labels import language_name; assert language_name.cache_info().currsize >= 1\n"
        # Streamlit's first element maps modules to files through inspect: done here already
        "import inspect; assert 'pandas' in inspect._filesbymodname\n"
        "print('ok')\n"
    )
    cmd = [sys.executable, "-c", code]
    out = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=False, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().endswith("ok")


def test_warm_up_leaves_the_imported_objects_out_of_the_collectors_walk() -> None:
    # Streamlit collects garbage after every run; the modules warmed here must not be walked again
    code = (
        "import gc; from components import preload\n"
        "preload.start(); preload.wait()\n"
        "frozen = gc.get_freeze_count()\n"
        "assert frozen > 50_000, frozen\n"
        "assert len(gc.get_objects()) < frozen // 10, (len(gc.get_objects()), frozen)\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().endswith("ok")

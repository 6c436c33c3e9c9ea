"""kill -9 in the middle of an ingest: the database stays consistent and a re-run finishes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier.filters import Filters
from dossier.store import Store

REPO = Path(__file__).resolve().parents[1]
N_FILES = 200


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_9_mid_ingest_then_resume(tmp_path: Path) -> None:
    src = tmp_path / "articles"
    src.mkdir()
    for i in range(N_FILES):
        (src / f"a{i:04d}.txt").write_text(
            f"Article {i}: Kim Jong Un and Vladimir Putin met in Vladivostok. 김정은 위원장은 {i}번째 기사에 나온다.\n"
            + "Filler sentence about the summit. " * 20,
            encoding="utf-8",
        )
    db = tmp_path / "d.db"
    cmd = [sys.executable, "-m", "dossier", "ingest", str(src), "--db", str(db)]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while _count(db) < 10 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    stored_before_kill = _count(db)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored_before_kill < N_FILES, "the kill must land mid-ingest"

    with Store(db) as s:
        assert s.integrity_ok()
        n = s.count_articles(Filters())
        assert n >= stored_before_kill
        # every stored article is complete: its segments and sentences were written with it
        for aid in s.article_ids():
            art = s.get_article(aid)
            assert art is not None and art.segments and art.sentences
            assert art.segments[-1].end <= len(art.text)

    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    with Store(db) as s:
        assert s.count_articles(Filters()) == N_FILES
        assert len(set(s.article_ids())) == N_FILES
        assert s.integrity_ok()
    assert f"{N_FILES - n} created" in done.stdout

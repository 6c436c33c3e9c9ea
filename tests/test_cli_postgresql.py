"""`ingest` and `export` on a team's PostgreSQL store: `--db postgresql://…` or DOSSIER_DB."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.store import Store
from dossier.store.transfer import copy_store

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "data" / "articles"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dossier", *args], cwd=REPO, capture_output=True, text=True,
                          check=False, timeout=300, env={**os.environ, **(env or {})})


@pytest.mark.parametrize("what", ["events", "actors", "places", "articles"])
def test_export_from_postgresql_is_the_export_from_sqlite(pg_cluster, corpus_db: Path, what: str) -> None:
    url = pg_cluster.new_database("cli")
    try:
        with Store(corpus_db, readonly=True) as src, Store(url) as dst:
            copy_store(src, dst)
        lite = run("export", what, "--db", str(corpus_db), "--format", "csv")
        pg = run("export", what, "--db", url, "--format", "csv")
        assert lite.returncode == pg.returncode == 0, pg.stderr
        assert pg.stdout == lite.stdout and len(lite.stdout.splitlines()) > 2
        by_env = run("export", what, "--format", "csv", env={"DOSSIER_DB": url})
        assert by_env.stdout == lite.stdout
    finally:
        pg_cluster.drop_database(url)


@pytest.mark.slow  # a fresh interpreter loads every model
def test_ingest_into_postgresql_by_url_and_by_environment(pg_cluster, tmp_path: Path) -> None:
    url = pg_cluster.new_database("cli")
    try:
        one = CORPUS / "hi-kim-train-to-russia.txt"
        first = run("ingest", str(one), "--db", url)
        assert first.returncode == 0, first.stderr
        assert "1 created" in first.stdout or "created: 1" in first.stdout or "created" in first.stdout
        assert "database: postgresql:///" in first.stdout
        again = run("ingest", str(one), env={"DOSSIER_DB": url})
        assert again.returncode == 0 and "unchanged" in again.stdout, again.stdout
        with Store(url, readonly=True) as s:
            assert len(s.article_ids()) == 1 and s.actors(__import__("dossier.filters").filters.Filters(), limit=5)
    finally:
        pg_cluster.drop_database(url)


def test_an_unreachable_database_is_a_clear_error(tmp_path: Path) -> None:
    url = f"postgresql:///nodb?host={tmp_path}&user=nobody&password=secret"
    for args in (("ingest", str(CORPUS / "hi-kim-train-to-russia.txt")), ("export", "events")):
        result = run(*args, "--db", url)
        assert result.returncode == 2, result.stderr
        assert "cannot open" in result.stderr or "not a readable Dossier database" in result.stderr
        assert "Traceback" not in result.stderr and "secret" not in result.stderr

"""Shared fixtures: the sample corpus (committed copy in data/articles) and fresh databases."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "data" / "articles"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "dossier.db"


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the sample corpus ingested once per test session (read-only use)."""
    from dossier.ingest.run import ingest_paths
    from dossier.store import Store

    path = tmp_path_factory.mktemp("corpus") / "dossier.db"
    with Store(path) as store:
        report = ingest_paths([CORPUS], store)
    assert not report.rejected, report.rejected
    return path

"""Shared fixtures: the sample corpus (committed copy in data/articles) and fresh databases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "data" / "articles"


@pytest.fixture(autouse=True)
def _main_module_restored():
    """Streamlit's script runner (AppTest) installs the page it runs as sys.modules["__main__"] and
    leaves it there; a later test that starts worker processes by spawning (a local Dask cluster)
    would then re-run app.py in every worker, which fails. Each test gets the real __main__ back."""
    main = sys.modules.get("__main__")
    yield
    if main is not None:
        sys.modules["__main__"] = main


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


# -- the two store engines --------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL server for the session (tests/pg_server.py), or a skip saying why not."""
    from tests import pg_server

    cluster = pg_server.start()
    if isinstance(cluster, str):
        pytest.skip(f"PostgreSQL tests need a server: {cluster}")
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_db(request: pytest.FixtureRequest, tmp_path: Path):
    """A new, empty store on each engine: a SQLite file path, or a fresh PostgreSQL database's URL."""
    if request.param == "sqlite":
        yield tmp_path / "dossier.db"
        return
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.new_database()
    yield url
    cluster.drop_database(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def corpus_store(request: pytest.FixtureRequest, corpus_db: Path, tmp_path: Path):
    """A writable copy of the sample-corpus store on each engine (path or URL)."""
    from dossier.store import Store
    from dossier.store.transfer import copy_store

    if request.param == "sqlite":
        target: str | Path = tmp_path / "copy.db"
    else:
        cluster = request.getfixturevalue("pg_cluster")
        target = cluster.new_database()
    with Store(corpus_db, readonly=True) as src, Store(target) as dst:
        copy_store(src, dst)
    yield target
    if request.param == "postgresql":
        cluster.drop_database(str(target))

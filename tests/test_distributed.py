"""dossier/ingest/distributed.py on real Dask clusters: a `dask scheduler` and two `dask worker`
processes on loopback, and `local:2`. Distributed ingest must leave the store as serial ingest does
(same report, same exported events, actors and places), and a worker killed mid-run must lose no
article and store none twice.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="distributed ingest needs dask and distributed (requirements.txt)")

from distributed import Client

from dossier.export import charts, views
from dossier.filters import Filters
from dossier.ingest import distributed as distributed_ingest
from dossier.ingest.distributed import (
    SchedulerError,
    check_scheduler,
    ingest_distributed,
    ingest_on_cluster,
)
from dossier.ingest.run import IngestReport, ingest_paths
from dossier.store import Store

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "data" / "articles"
DASK = Path(sys.executable).parent / "dask"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    address: str
    scheduler: subprocess.Popen
    workers: dict[str, subprocess.Popen]

    def stop(self) -> None:
        for proc in [*self.workers.values(), self.scheduler]:
            if proc.poll() is None:
                proc.terminate()
        for proc in [*self.workers.values(), self.scheduler]:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _start_cluster(tmp: Path, n_workers: int = 2, *, with_dossier: bool = True) -> Cluster:
    """A `dask scheduler` and `n_workers` single-threaded `dask worker`s (no nanny, so killing the
    process is a worker's death, not a restart), importing Dossier from this checkout — or, with
    ``with_dossier=False``, started elsewhere without it, as a misconfigured team machine would be."""
    if not DASK.is_file():
        pytest.skip(f"no `dask` command beside {sys.executable}")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if with_dossier:
        env["PYTHONPATH"] = str(REPO)
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = open(tmp / "dask.log", "ab")  # noqa: SIM115 — kept open for the processes' lifetime
    common = {"cwd": REPO if with_dossier else tmp, "env": env, "stdout": log, "stderr": subprocess.STDOUT}
    scheduler = subprocess.Popen(
        [DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **common)
    workers = {
        f"w{i}": subprocess.Popen(
            [DASK, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny",
             "--no-dashboard", "--name", f"w{i}"], **common)
        for i in range(n_workers)
    }
    cluster = Cluster(address, scheduler, workers)
    try:
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(n_workers, timeout="120s")
    except Exception:
        cluster.stop()
        raise
    return cluster


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory):
    c = _start_cluster(tmp_path_factory.mktemp("dask"))
    yield c
    c.stop()


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus with bad files beside it and an article repeated under another name."""
    root = tmp_path_factory.mktemp("mixed") / "corpus"
    shutil.copytree(CORPUS, root)
    (root / "empty.txt").write_text("")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    good = {"title": "Flood", "text": "Floods hit Seoul on Monday, officials said.", "published": "2023-08-07"}
    rows = [json.dumps(good), "{not json", json.dumps({**good, "text": "Later news.", "published": "2999-01-01"})]
    (root / "feed.jsonl").write_text("\n".join(rows) + "\n")
    first = min(CORPUS.glob("*.txt"))
    shutil.copy(first, root / "zz-repeat.txt")  # same text: the same article, metadata only
    return root


@pytest.fixture(scope="module")
def serial(mixed_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestReport]:
    db = tmp_path_factory.mktemp("serial") / "dossier.db"
    with Store(db) as store:
        report = ingest_paths([mixed_corpus], store)
    return db, report


def _lines(report: IngestReport) -> list[tuple]:
    return [(x.path, x.locator, x.status, x.reason, x.article_id, tuple(x.warnings)) for x in report.lines]


def _exports(db: Path | str) -> dict[str, bytes]:
    with Store(db, readonly=True) as store:
        return {
            what: charts.rows_json(views.view(store, what, Filters(), 100_000).rows, what=what, filters={},
                                   truncated=False)
            for what in ("events", "actors", "places")
        }


def _model_loads(client: Client) -> dict[str, tuple[int, int]]:
    from dossier.ner.recognise import load_pipeline

    return {addr: (info.hits, info.misses) for addr, info in client.run(load_pipeline.cache_info).items()}


def test_tcp_cluster_ingest_matches_serial(cluster: Cluster, mixed_corpus: Path, serial, tmp_path: Path) -> None:
    serial_db, serial_report = serial
    db = tmp_path / "dask.db"
    with Store(db) as store, Client(cluster.address) as client:
        # two articles per task, so both workers get some
        report = ingest_on_cluster([mixed_corpus], store, client, partition_articles=2)
        loads = _model_loads(client)
    assert _lines(report) == _lines(serial_report)
    assert {"rejected", "unchanged", "created"} <= set(report.counts())
    assert _exports(db) == _exports(serial_db)
    # each worker loaded each language's model at most once, however many articles it analysed
    assert len(loads) == 2
    assert all(misses <= 3 for _, misses in loads.values()), loads
    assert sum(hits for hits, _ in loads.values()) > 0, loads


def test_tcp_cluster_ingest_into_postgresql_matches_serial(cluster: Cluster, mixed_corpus: Path, serial,
                                                          pg_cluster) -> None:
    serial_db, serial_report = serial
    url = pg_cluster.new_database()
    try:
        with Store(url) as store:
            report = ingest_distributed([mixed_corpus], store, cluster.address, partition_articles=2)
        assert _lines(report) == _lines(serial_report)
        assert _exports(url) == _exports(serial_db)
    finally:
        pg_cluster.drop_database(url)


def test_local_cluster_ingest_matches_serial(mixed_corpus: Path, serial, tmp_path: Path) -> None:
    serial_db, serial_report = serial
    db = tmp_path / "local.db"
    with Store(db) as store:
        report = ingest_distributed([mixed_corpus], store, "local:2", partition_articles=3)
    assert _lines(report) == _lines(serial_report)
    assert _exports(db) == _exports(serial_db)


def test_second_run_stores_nothing_again(cluster: Cluster, serial, tmp_path: Path) -> None:
    serial_db, _ = serial
    db = tmp_path / "again.db"
    shutil.copy(serial_db, db)
    with Store(db) as store:
        report = ingest_distributed([CORPUS], store, cluster.address)
    assert set(report.counts()) == {"unchanged", "skipped"}
    assert _exports(db) == _exports(serial_db)


def _many_articles(folder: Path, n: int) -> Path:
    """n distinct short articles made of the sample corpus's opening paragraphs, in one JSONL file."""
    openings = [p.read_text(encoding="utf-8")[:500] for p in sorted(CORPUS.glob("*.txt"))]
    path = folder / "many.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            record = {"text": f"Dispatch {i}. " + openings[i % len(openings)], "published": "2023-09-13"}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def test_a_killed_worker_loses_no_article_and_stores_none_twice(tmp_path: Path) -> None:
    # enough partitions that some are still being analysed when the first articles are stored (with 24
    # short articles a fast machine had finished them all before the first write)
    n = 48
    corpus = _many_articles(tmp_path, n)
    cluster = _start_cluster(tmp_path)
    killed: list[tuple[str, list]] = []
    try:
        with Store(tmp_path / "kill.db") as store, Client(cluster.address) as client:

            def kill_a_busy_worker(line) -> None:
                if killed:
                    return
                # after a stored article, kill a worker that is analysing a partition; where none is at
                # this moment (between two tasks), try again after the next stored article
                busy: dict = {}
                for _ in range(40):
                    busy = {a: keys for a, keys in client.processing().items() if keys}
                    if busy:
                        break
                    time.sleep(0.05)
                if not busy:
                    return
                addr, keys = next(iter(busy.items()))
                name = client.scheduler_info()["workers"][addr]["name"]
                cluster.workers[name].kill()
                cluster.workers[name].wait()
                killed.append((name, keys))

            report = ingest_on_cluster([corpus], store, client, partition_articles=2, progress=kill_a_busy_worker)
            ids = store.article_ids()
            extractions = [store.article_extraction(i) for i in ids]
            survivors = client.scheduler_info()["workers"]
    finally:
        cluster.stop()
    assert killed and killed[0][1], "the killed worker was analysing a partition"
    assert len(survivors) == 1
    assert report.counts() == {"created": n}
    assert len(ids) == n == len({line.article_id for line in report.lines})
    for ex in extractions:
        # analysed, and its extraction stored once (a second write would repeat every span)
        assert ex["entities"] and ex["times"]
        for kind in ("entities", "times", "places"):
            spans = [(x.start, x.end) for x in ex[kind]]
            assert len(spans) == len(set(spans)), kind


def test_scheduler_forms_and_an_unreachable_scheduler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert check_scheduler("local:2") == "local:2"
    assert check_scheduler("tcp://10.0.0.5:8786") == "tcp://10.0.0.5:8786"
    for bad in ("local:0", "local:", "tcp://host", "http://host:1", "2"):
        with pytest.raises(ValueError, match="expected local:N"):
            check_scheduler(bad)
    monkeypatch.setattr(distributed_ingest, "CONNECT_TIMEOUT_S", 2)
    with Store(tmp_path / "x.db") as store, pytest.raises(SchedulerError, match="cannot reach"):
        ingest_distributed([CORPUS], store, f"tcp://127.0.0.1:{_free_port()}")


def test_workers_that_cannot_import_dossier_are_refused(tmp_path: Path) -> None:
    cluster = _start_cluster(tmp_path, 1, with_dossier=False)
    try:
        with Store(tmp_path / "x.db") as store, pytest.raises(SchedulerError, match="cannot run Dossier"):
            ingest_distributed([CORPUS], store, cluster.address)
    finally:
        cluster.stop()
    with Store(tmp_path / "x.db") as store:
        assert store.article_ids() == []


def test_cli_scheduler_option(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "dossier", "ingest", str(CORPUS), "--db", str(tmp_path / "c.db"),
                          "--scheduler", "local:zero"], check=False, cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 2 and "expected local:N" in out.stderr

"""Ingest on a Dask cluster: the per-article analysis runs on the workers, everything else as in
serial ingest (dossier/ingest/run.py).

The client walks and reads the files, checks each record and asks the store whether its stored
analysis is current — so bad files are reported by the same code, in the same order, as serially.
Records that need analysis go to the workers in partitions of a few articles; a worker runs
``run.article_of`` (the same function serial ingest runs) and sends back the finished articles.
Only the client writes to the store, in input order, one transaction per article, so SQLite never
sees two writers and the store ends up as serial ingest leaves it. A worker that dies takes its
partition with it; the scheduler runs the partition again on another worker, and since the
client stores a partition's articles once, when its result arrives (and saving is keyed by the
content hash anyway), nothing is lost and nothing is stored twice. The corpus-level steps
(grouping, fusion, the analysts' corrections) run once at the end, as serially.

Models load once per worker process: the stage modules keep them in module-level caches
(e.g. ``ner.recognise.load_pipeline``), and a worker process lives for the whole run.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier import config
from dossier.corpus import corrections
from dossier.corpus.pipeline import pipeline_version
from dossier.ingest.formats import RecordError
from dossier.ingest.run import (
    IngestReport,
    LoadError,
    PreparedDoc,
    ReportLine,
    _candidates,
    article_of,
    load_file,
    plan_analysis,
    prepare_doc,
    save_article,
)
from dossier.store import NewArticle, Store, StoredArticle

SCHEDULER_FORMS = "local:N (N worker processes on this machine) or tcp://HOST:PORT (a running dask scheduler)"
_LOCAL = re.compile(r"local:([1-9][0-9]*)")
_REMOTE = re.compile(r"tcp://[^\s/:]+:[0-9]+")
# Articles per task: small enough to spread a short run over every worker and to lose little
# when a worker dies, large enough that scheduling costs nothing beside the analysis (~0.1 s each).
PARTITION_ARTICLES = 8
# Partitions submitted ahead of the one being written, per worker: keeps every worker busy while
# bounding what the client holds in memory.
AHEAD_PER_WORKER = 3
# A task whose worker dies is rescheduled by Dask by itself (scheduler's allowed-failures); these
# retries cover a task that fails for another reason (e.g. a worker's connection dropped).
RETRIES = 3
WORKER_WAIT_S = 60
CONNECT_TIMEOUT_S = 20


class SchedulerError(RuntimeError):
    """The cluster cannot be used (bad address, no workers, another Dossier version) or failed
    mid-run; the message says which, and what is stored so far stays stored."""


def check_scheduler(raw: str) -> str:
    """``local:N`` or ``tcp://HOST:PORT``; ValueError otherwise."""
    if _LOCAL.fullmatch(raw) or _REMOTE.fullmatch(raw):
        return raw
    raise ValueError(f"{raw!r} is not a scheduler: expected {SCHEDULER_FORMS}")


@contextmanager
def connect(scheduler: str) -> Iterator[Any]:
    """A Dask client on ``scheduler``: a throwaway cluster of N single-threaded worker processes
    for ``local:N`` (spaCy pipelines are not shared between threads), else the running one."""
    import dask
    from distributed import Client, LocalCluster

    local = _LOCAL.fullmatch(check_scheduler(scheduler))
    with ExitStack() as stack:
        try:
            if local:
                # No dashboard, so no use for the workers' statistical profiler either (it samples the
                # analysing thread every 10 ms); the scheduler's status server on loopback, any port.
                stack.enter_context(dask.config.set({"distributed.worker.profile.enabled": False}))
                cluster = stack.enter_context(LocalCluster(
                    n_workers=int(local.group(1)), threads_per_worker=1, processes=True, host="127.0.0.1",
                    dashboard_address="127.0.0.1:0", scheduler_kwargs={"dashboard": False}))
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(scheduler, timeout=f"{CONNECT_TIMEOUT_S}s"))
        except OSError as exc:  # includes the client's TimeoutError when nothing answers
            raise SchedulerError(f"cannot reach the scheduler {scheduler}: {exc}") from exc
        yield client


def check_workers(client: Any) -> int:
    """The number of workers, after checking each can import Dossier and runs the same pipeline
    version as this client (else its articles would be re-extracted by every later ingest)."""
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT_S)
    except TimeoutError as exc:
        raise SchedulerError(f"no worker joined the scheduler within {WORKER_WAIT_S} s") from exc
    try:
        versions = client.run(pipeline_version)
    except Exception as exc:  # the worker's error comes back as a bare Exception carrying its text
        raise SchedulerError(f"a worker cannot run Dossier ({exc}): start `dask worker` from the"
                             " repository folder with its .venv and PYTHONPATH=.") from exc
    other = {addr: v for addr, v in versions.items() if v != pipeline_version()}
    if other:
        raise SchedulerError(f"workers {', '.join(sorted(other))} run another Dossier pipeline"
                             f" ({', '.join(sorted(set(other.values())))}, here {pipeline_version()}):"
                             " give every worker the same checkout")
    return len(versions)


@dataclass
class AnalysisFailed:
    """What an article's analysis raised on a worker: reported as serial ingest reports it."""

    reason: str


def analyse_partition(docs: list[PreparedDoc]) -> list[NewArticle | AnalysisFailed]:
    """Run on a worker: the stored form of each article, or why its analysis failed."""
    out: list[NewArticle | AnalysisFailed] = []
    for doc in docs:
        try:
            out.append(article_of(doc))
        except Exception as exc:  # noqa: BLE001 — one bad article must never fail its partition
            out.append(AnalysisFailed(f"{type(exc).__name__}: {exc}"))
    return out


# -- the client's side -------------------------------------------------------------------------


@dataclass
class _Entry:
    """One report line to come, in input order: ready (``line``) or an article to store."""

    file_no: int  # which file of the run it comes from (a failure drops the rest of that file)
    line: ReportLine | None = None
    doc: PreparedDoc | None = None
    file_warnings: tuple[str, ...] = ()


def _entries(paths: Iterable[str | Path], store: Store, limit: int) -> Iterator[_Entry]:
    """The records of every file, checked and planned as serial ingest does, in its order."""
    walk = IngestReport()
    # what this run will have stored by the time a record is written: a repeated text is then known
    planned: dict[str, StoredArticle] = {}
    file_no = 0
    for file_no, path in enumerate(_candidates(paths, walk)):
        yield from (_Entry(file_no, line=line) for line in walk.lines)
        walk.lines.clear()
        try:
            yield from _file_entries(file_no, path, store, limit, planned)
        except Exception as exc:  # noqa: BLE001 — as serial ingest: one bad file never stops the batch
            yield _Entry(file_no, line=_internal_error(path, exc))
    yield from (_Entry(file_no + 1, line=line) for line in walk.lines)


def _file_entries(file_no: int, path: Path, store: Store, limit: int,
                  planned: dict[str, StoredArticle]) -> Iterator[_Entry]:
    name = str(path)
    try:
        loaded = load_file(path, limit)
    except LoadError as exc:
        yield _Entry(file_no, line=ReportLine(name, "", "rejected", str(exc)))
        return
    for raw in loaded.docs:
        if isinstance(raw, RecordError):
            yield _Entry(file_no, line=ReportLine(name, raw.locator, "rejected", raw.reason))
            continue
        doc = prepare_doc(name, raw, loaded.metadata(raw), loaded.encoding, loaded.raw_sha256)
        if isinstance(doc, ReportLine):
            doc.warnings = loaded.warnings + doc.warnings
            yield _Entry(file_no, line=doc)
            continue
        known = planned.get(doc.content_hash) or store.find_by_content(doc.content_hash)
        plan_analysis(doc, known)
        published = doc.published or (known.published if known else None)
        planned[doc.content_hash] = StoredArticle(doc.article_id, published, pipeline_version())
        yield _Entry(file_no, doc=doc, file_warnings=tuple(loaded.warnings))


def _internal_error(path: Path | str, exc: Exception | str) -> ReportLine:
    reason = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return ReportLine(str(path), "", "rejected", f"internal error while reading: {reason}")


def _partitions(entries: Iterator[_Entry], size: int) -> Iterator[list[_Entry]]:
    """Consecutive entries holding at most ``size`` articles to analyse."""
    part: list[_Entry] = []
    to_analyse = 0
    for entry in entries:
        part.append(entry)
        if entry.doc is not None and entry.doc.analyse:
            to_analyse += 1
            if to_analyse == size:
                yield part
                part, to_analyse = [], 0
    if part:
        yield part


class _Writer:
    """Stores finished partitions in input order and keeps the report."""

    def __init__(self, store: Store, progress: Callable[[ReportLine], None] | None) -> None:
        self.store = store
        self.progress = progress
        self.report = IngestReport()
        self.failed_files: set[int] = set()

    def write(self, part: list[_Entry], results: list[NewArticle | AnalysisFailed]) -> None:
        analysed = iter(results)
        for entry in part:
            result = next(analysed) if entry.doc is not None and entry.doc.analyse else None
            if entry.file_no in self.failed_files:
                continue  # as serially: after an internal error the rest of its file is not read
            try:
                line = entry.line or self._save(entry, result)
            except Exception as exc:  # noqa: BLE001 — a store error fails its file, not the batch
                line = _internal_error(entry.doc.name if entry.doc else "", exc)
            if line.status == "rejected" and line.reason.startswith("internal error") and entry.doc:
                self.failed_files.add(entry.file_no)
            self.report.lines.append(line)
            if self.progress:
                self.progress(line)

    def _save(self, entry: _Entry, result: NewArticle | AnalysisFailed | None) -> ReportLine:
        doc = entry.doc
        assert doc is not None
        if isinstance(result, AnalysisFailed):
            return _internal_error(doc.name, result.reason)
        if result is None:
            # Planned without analysis because the store (or an earlier record of this run) holds a
            # current one: check again now, as serial ingest checks right before saving.
            plan_analysis(doc, self.store.find_by_content(doc.content_hash))
            result = article_of(doc)
        line = save_article(doc, result, self.store)
        line.warnings = list(entry.file_warnings) + line.warnings
        return line


def ingest_on_cluster(
    paths: Iterable[str | Path],
    store: Store,
    client: Any,
    *,
    max_bytes: int | None = None,
    progress: Callable[[ReportLine], None] | None = None,
    refresh: bool = True,
    partition_articles: int = PARTITION_ARTICLES,
) -> IngestReport:
    """``run.ingest_paths`` with the analysis on ``client``'s workers (same report, same store)."""
    limit = config.DOSSIER_MAX_FILE_BYTES if max_bytes is None else max_bytes
    ahead = AHEAD_PER_WORKER * check_workers(client)
    writer = _Writer(store, progress)
    window: deque[tuple[list[_Entry], Any]] = deque()
    try:
        for part in _partitions(_entries(paths, store, limit), partition_articles):
            docs = [e.doc for e in part if e.doc is not None and e.doc.analyse]
            future = client.submit(analyse_partition, docs, retries=RETRIES, pure=False) if docs else None
            window.append((part, future))
            while len(window) > ahead:
                _write_next(window, writer)
        while window:
            _write_next(window, writer)
    except SchedulerError:
        client.cancel([f for _, f in window if f is not None])
        raise
    finally:
        if refresh and any(line.status in ("created", "re-extracted") for line in writer.report.lines):
            # grouping, fusion and the analysts' corrections, replayed over the new extraction — also
            # after a failed run, so what was stored is complete and visible
            corrections.rebuild(store)
    return writer.report


def _write_next(window: deque[tuple[list[_Entry], Any]], writer: _Writer) -> None:
    part, future = window.popleft()
    try:
        results = future.result() if future is not None else []
    except Exception as exc:  # whatever the cluster raised (KilledWorker, lost connection): say what it means
        stored = sum(1 for line in writer.report.lines if line.article_id)
        raise SchedulerError(f"the cluster failed ({type(exc).__name__}: {exc}); {stored} articles were"
                             " stored: run the same ingest again to finish the rest") from exc
    writer.write(part, results)


def ingest_distributed(
    paths: Iterable[str | Path], store: Store, scheduler: str, **options: Any
) -> IngestReport:
    """Ingest on the Dask scheduler ``scheduler`` (``local:N`` or ``tcp://HOST:PORT``)."""
    with connect(scheduler) as client:
        return ingest_on_cluster(paths, store, client, **options)

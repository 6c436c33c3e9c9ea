"""Ingest throughput on Dask: serial, then `--scheduler local:1` and `local:2`, on the same input.

    python bench/bench_scale.py [--articles 1000] [--seed 7] [--workers 1,2] [--engines-db STORE.db]

Input: the synthetic benchmark corpus of bench/corpus.py (real dataset sentences, needs
../shared). Each mode ingests it into a fresh SQLite store in its own process, so every mode pays
its own start-up and its memory is its own. Per mode: the start-up (for Dask, starting the cluster;
then every analysing process analyses one dataset sentence per language, which loads its models),
articles/s of the ingest itself (analysis and store writes) and its ratio to serial, the whole run's
articles/s (start-up, ingest and the corpus-level rebuild: grouping, fusion, corrections — the
same serial step in every mode), the peak memory of the ingesting process and, for Dask, of each
worker process (its own peak RSS, asked of the worker at the end). A team's cluster pays its
start-up once, not per ingest: its workers keep their models between runs. Then checks that every
mode exports the same events, actors and places as serial. With ``--engines-db`` (a store built by
bench/scale_db.py, e.g. 100,000 articles) it then times the app's filter queries on PostgreSQL
beside SQLite on that store, as bench/bench_store_engines.py does (same code, same section of
BENCHMARKS.md). Rewrites its section of BENCHMARKS.md and ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.corpus import load_sentences, write_corpus
from bench.report import machine, write_section

EXPORTS = ("events", "actors", "places")


def _peak_rss_mb() -> float:
    """This process's peak resident memory (run on each worker)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _warm_up(texts: list[str]) -> None:
    """Load every model and table the analysis uses, by analysing one short text per language."""
    from dossier.corpus.pipeline import analyse

    for text in texts:
        analyse(text)


def _one_mode(mode: str, corpus: Path, db: Path) -> dict:
    """Ingest ``corpus`` into ``db`` in this process: serially, or on ``local:N``."""
    from dossier.corpus import corrections
    from dossier.ingest.distributed import connect, ingest_on_cluster
    from dossier.ingest.run import ingest_paths
    from dossier.store import Store

    warm_texts = [sents[0] for sents in load_sentences().values()]
    start = time.perf_counter()
    workers: list[float] = []
    with Store(db) as store, ExitStack() as stack:
        client = None if mode == "serial" else stack.enter_context(connect(mode))
        if client is None:
            _warm_up(warm_texts)
        else:
            client.run(_warm_up, warm_texts)
        started = time.perf_counter()
        if client is None:
            report = ingest_paths([corpus], store, refresh=False)
        else:
            report = ingest_on_cluster([corpus], store, client, refresh=False)
            workers = sorted(client.run(_peak_rss_mb).values())
        ingested = time.perf_counter()
        corrections.rebuild(store)
        done = time.perf_counter()
    return {
        "mode": mode, "articles": report.counts().get("created", 0), "rejected": len(report.rejected),
        "startup_s": started - start, "ingest_s": ingested - started, "rebuild_s": done - ingested,
        "total_s": done - start, "process_peak_mb": _peak_rss_mb(), "worker_peak_mb": workers,
    }


def _exports(db: Path) -> dict[str, bytes]:
    from dossier.export import charts, views
    from dossier.filters import Filters
    from dossier.store import Store

    with Store(db, readonly=True) as store:
        return {
            what: charts.rows_json(views.view(store, what, Filters(), 1_000_000).rows, what=what, filters={},
                                   truncated=False)
            for what in EXPORTS
        }


def _run_in_child(mode: str, corpus: Path, db: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--one", mode, "--corpus", str(corpus), "--db", str(db)],
        check=True, capture_output=True, text=True, cwd=REPO,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _report(args: argparse.Namespace, runs: list[dict], same: dict[str, bool]) -> str:
    serial = runs[0]
    lines = [
        "## Ingest on Dask: serial against local workers (bench/bench_scale.py)",
        "",
        (f"Machine: {machine()}. Input: {serial['articles']} synthetic articles (bench/corpus.py, seed"
         f" {args.seed}, one JSONL file), each mode in its own process into a fresh SQLite store."),
        ("Start-up: the cluster (for Dask) and every analysing process's models; ingest: analysis and store"
         " writes; whole run: start-up, ingest and the corpus-level rebuild (grouping, fusion, corrections),"
         " once, in the ingesting process."),
        (f"The ingesting process and the workers share this machine's {os.cpu_count()} cores, so N workers"
         f" cannot go past ~{os.cpu_count()}× serial here."),
        "",
        ("| mode | start-up s | ingest s | ingest articles/s | × serial | rebuild s | whole run articles/s"
         " | × serial | ingesting process peak MB | worker peak MB |"),
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        workers = ", ".join(f"{m:,.0f}" for m in r["worker_peak_mb"]) or "–"
        lines.append(
            f"| {r['mode']} | {r['startup_s']:.1f} | {r['ingest_s']:.1f} | {_rate(r):.1f} |"
            f" {_rate(r) / _rate(serial):.2f} | {r['rebuild_s']:.1f} | {_rate(r, 'total_s'):.1f} |"
            f" {_rate(r, 'total_s') / _rate(serial, 'total_s'):.2f} | {r['process_peak_mb']:,.0f} | {workers} |"
        )
    lines += ["", "Same export of events, actors and places as serial: "
              + ", ".join(f"{mode} {'yes' if ok else 'NO'}" for mode, ok in same.items()) + "."]
    return "\n".join(lines)


def _rate(run: dict, seconds: str = "ingest_s") -> float:
    return run["articles"] / run[seconds]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts for local:N")
    ap.add_argument("--engines-db", type=Path, help="also time PostgreSQL beside SQLite on this store (bench_store_engines)")
    ap.add_argument("--rounds", type=int, default=5, help="runs per filter and engine for --engines-db")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one mode in this process
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(_one_mode(args.one, args.corpus, args.db)))
        return
    modes = ["serial"] + [f"local:{n}" for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "in"
        write_corpus(corpus, args.articles, args.seed)
        runs = []
        for mode in modes:
            runs.append(_run_in_child(mode, corpus, Path(tmp) / f"{mode.replace(':', '-')}.db"))
            print(f"{mode}: {runs[-1]['articles']} articles, ingest {runs[-1]['ingest_s']:.1f} s", file=sys.stderr)
        reference = _exports(Path(tmp) / "serial.db")
        same = {mode: _exports(Path(tmp) / f"{mode.replace(':', '-')}.db") == reference for mode in modes[1:]}
    body = _report(args, runs, same)
    print(body)
    write_section("bench_scale", body)
    engines = None
    if args.engines_db:
        from bench.bench_store_engines import build_record, engines_section

        engines_body, engines = engines_section(args.engines_db, build_record(args.engines_db), rounds=args.rounds)
        print(engines_body)
        write_section("store-engines", engines_body)
    print(json.dumps({
        "articles": args.articles, "seed": args.seed,
        "runs": [{**r, "ingest_articles_per_s": _rate(r), "ingest_ratio_to_serial": _rate(r) / _rate(runs[0]),
                  "whole_run_articles_per_s": _rate(r, "total_s"),
                  "whole_run_ratio_to_serial": _rate(r, "total_s") / _rate(runs[0], "total_s")} for r in runs],
        "same_export_as_serial": same,
        "store_engines": engines,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()

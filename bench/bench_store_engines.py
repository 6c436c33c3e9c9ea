"""The app's filter queries on PostgreSQL beside SQLite, on the same store, in one run.

    python bench/bench_store_engines.py --db STORE.db [--pg postgresql://…] [--rounds 5]
    python bench/bench_store_engines.py --articles 2000 [--distinct 200]

Takes a SQLite store built by bench/scale_db.py (``--db``; e.g. ``python bench/scale_db.py
/tmp/s100k.db --articles 100000 --distinct 500``) or builds one (``--articles``), copies it into
PostgreSQL (``--pg URL`` of an empty database, else a throwaway cluster started as the tests start
one: tests/pg_server.py) with dossier.store.transfer, then times what a page asks the store for
a filter — the count and the first page of the article list, the actors and the places — for: no
filter, a date range, an actor, a language, a source, and substring searches in three scripts
(3+ characters: trigram indexes; 1-2: scans). Median of ``--rounds`` warm runs per engine, and the
ratio PostgreSQL / SQLite. Rewrites its section of BENCHMARKS.md; the last line printed is JSON.

``measure_engines(sqlite_db, pg_url)`` is the part a larger benchmark (bench_scale.py) can call.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.bench_app import _described
from bench.report import machine, write_section
from dossier.filters import Filters
from dossier.store import Store

PAGE = 200  # rows of the article list per page (components/data.py MAX_LIST_ROWS)
TOP = 50  # actors and places a page lists
SEARCHES = ["블라디보스토크", "대통령", "प्योंगयांग", "सरकार", "government", "김", "서울"]


def typical_filters(store: Store) -> dict[str, Filters]:
    """The filters a page is typically opened with, chosen from the store itself (its busiest actor,
    language and source, the last month of its date range)."""
    facets = store.facets()
    options = store.filter_options(limit=5)
    out = {"no filter": Filters()}
    if facets.max_date:
        last = dt.date.fromisoformat(facets.max_date)
        out["date range (last 30 days)"] = Filters(date_from=last - dt.timedelta(days=30), date_to=last, undated=False)
    if options.actors:
        out[f"actor ({options.actors[0][1]})"] = Filters(actors=(options.actors[0][0],))
    if facets.languages:
        out[f"language ({next(iter(facets.languages))})"] = Filters(langs=(next(iter(facets.languages)),))
    named = [s for s in facets.sources if s != "(unknown)"]
    if named:
        out[f"source ({named[0]})"] = Filters(sources=(named[0],))
    for q in SEARCHES:
        out[f"search {q!r} ({len(q)} chars)"] = Filters(q=q)
    return out


def page_queries(store: Store, f: Filters) -> tuple[int, int, int, int]:
    """What the article, entity and map pages read for one filter (counted, so results compare)."""
    return (store.count_articles(f), len(store.list_articles(f, limit=PAGE)),
            len(store.actors(f, limit=TOP)), len(store.places(f, limit=TOP)))


def _median_ms(run: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    result = run()  # warm: the first run reads pages into the cache of either engine
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def measure_engines(sqlite_db: Path, pg_url: str, rounds: int = 5) -> dict[str, Any]:
    """Per filter: median ms on SQLite and on PostgreSQL, their ratio, and whether both engines
    returned the same counts. ``pg_url`` must hold a copy of ``sqlite_db``."""
    rows = []
    with Store(sqlite_db, readonly=True) as lite, Store(pg_url, readonly=True) as pg:
        for name, f in typical_filters(lite).items():
            lite_ms, lite_out = _median_ms(lambda f=f: page_queries(lite, f), rounds)
            pg_ms, pg_out = _median_ms(lambda f=f: page_queries(pg, f), rounds)
            rows.append({"filter": name, "sqlite_ms": round(lite_ms, 1), "postgresql_ms": round(pg_ms, 1),
                         "ratio": round(pg_ms / lite_ms, 2) if lite_ms else None,
                         "articles": lite_out[0], "same_results": lite_out == pg_out})
    ratios = [r["ratio"] for r in rows if r["ratio"]]
    return {"filters": rows, "median_ratio": round(statistics.median(ratios), 2) if ratios else None,
            "all_same_results": all(r["same_results"] for r in rows)}


def copy_into_postgresql(sqlite_db: Path, pg_url: str) -> dict[str, Any]:
    from dossier.store.transfer import copy_store

    t0 = time.perf_counter()
    with Store(sqlite_db, readonly=True) as src, Store(pg_url) as dst:
        copied = copy_store(src, dst)
        dst.conn.execute("ANALYZE")  # a loaded database's statistics, as autovacuum would gather
        copy_s = round(time.perf_counter() - t0, 1)
        pg_bytes = int(dst.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0])
    # on-disk size of each engine for the same articles: what a capacity plan needs per article
    sizes = {"sqlite_mb": round(sqlite_db.stat().st_size / 2**20), "postgresql_mb": round(pg_bytes / 2**20)}
    return {"copy_s": copy_s, "rows": copied, "sizes": sizes}


def _table(result: dict[str, Any]) -> str:
    lines = ["| filter (count + first page + top actors + top places) | articles | SQLite ms | PostgreSQL ms | ratio |",
             "|---|---:|---:|---:|---:|"]
    for r in result["filters"]:
        lines.append(f"| {r['filter'][:60]} | {r['articles']:,} | {r['sqlite_ms']:,.1f} | {r['postgresql_ms']:,.1f} | "
                     f"{r['ratio']} |")
    return "\n".join(lines)


def engines_section(db: Path, meta: dict[str, Any], pg: str | None = None, rounds: int = 5) -> tuple[str, dict[str, Any]]:
    """Copy the SQLite store ``db`` into PostgreSQL (``pg``, else a throwaway cluster), time both
    engines, and return the BENCHMARKS.md section and the JSON record (bench_scale.py calls this too)."""
    header = f"Machine: {machine()}."
    with Store(db, readonly=True) as s:
        n = s.count_articles(Filters())
    cluster = None
    pg_url = pg
    if pg_url is None:
        from tests import pg_server

        cluster = pg_server.start()
        if isinstance(cluster, str):
            raise SystemExit(f"no PostgreSQL server: {cluster}")
        pg_url = cluster.new_database("bench")
    try:
        loaded = copy_into_postgresql(db, pg_url)
        result = measure_engines(db, pg_url, rounds)
    finally:
        if cluster is not None:
            cluster.stop()
    server = "a throwaway local cluster (tests/pg_server.py: fsync off, default memory settings)" if pg is None else "the given server"
    body = "\n".join([
        f"## Store engines: PostgreSQL beside SQLite, {n:,} articles (bench/bench_store_engines.py)",
        "",
        header,
        _described(meta),
        (f"Copied into PostgreSQL 15 on {server} in "
         f"{loaded['copy_s']:,.0f} s; both engines on the same machine, warm, median of {rounds} runs, "
         "through the store API (what a page reads for one filter). Ratio = PostgreSQL / SQLite."),
        (f"On disk: SQLite {loaded['sizes']['sqlite_mb']:,} MB, PostgreSQL {loaded['sizes']['postgresql_mb']:,} MB"
         f" (tables and indexes, pg_database_size) for the same {n:,} articles."),
        "",
        _table(result),
        "",
        (f"Median ratio {result['median_ratio']}; both engines returned the same counts for every filter: "
         f"{result['all_same_results']}."),
    ])
    return body, {"articles": n, **loaded, **result}


def build_record(db: Path) -> dict[str, Any]:
    """What bench/scale_db.py wrote beside the store about how it was built, if anything."""
    record = db.with_suffix(".build.json")
    return json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="a SQLite store built by bench/scale_db.py")
    ap.add_argument("--articles", type=int, default=2000, help="else build a store of N synthetic articles")
    ap.add_argument("--distinct", type=int, default=None)
    ap.add_argument("--pg", help="an empty PostgreSQL database (default: a throwaway cluster)")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            from bench.scale_db import build

            db = Path(tmp) / "bench.db"
            distinct = args.distinct or args.articles
            meta = {"articles": args.articles, "distinct": distinct, "seed": 7,
                    **build(db, args.articles, distinct, 7)}
        else:
            meta = build_record(db)
        body, record = engines_section(db, meta, args.pg, args.rounds)
    write_section("store-engines", body)
    print(body)
    print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()

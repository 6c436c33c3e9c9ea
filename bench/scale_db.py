"""Build a benchmark store of N articles, for the app-latency benchmark at 10k and 100k.

    python bench/scale_db.py DB --articles 10000 [--distinct 10000] [--seed 7]

The first ``--distinct`` articles (default: all N) are synthetic articles from real sentences
(bench/corpus.py) and go through the whole ingest: every pipeline stage, the store, then grouping
and fusion. Past that, the store is filled with copies: article k·distinct + b repeats article b
with a trailing "[copy k]" line, the same date and the same outlet — a wire report re-run — and
reuses article b's analysis instead of recomputing it. The store then holds N articles and about
N/distinct times the rows of the distinct ones, without the hours of NLP a 100k ingest takes on
two cores; BENCHMARKS.md says how each store was built. The copy's trailing line is the only text
without analysis.

Re-running continues a stopped build: stored articles are recognised by their content hash.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.corpus import articles

COPY_MARK = "\n\n[copy "


def with_copies(n: int, distinct: int, seed: int) -> Iterator[dict[str, Any]]:
    """Each distinct article followed by its copies (so one analysis at a time is reused)."""
    copies = -(-n // distinct) - 1  # ceil(n / distinct) - 1
    for b, art in enumerate(articles(min(n, distinct), seed)):
        yield art
        for k in range(1, copies + 1):
            if k * distinct + b < n:
                yield {**art, "text": f"{art['text']}{COPY_MARK}{k}]"}


def _reuse_analysis_of_originals() -> None:
    """Make ingest analyse a copy as its original (the last text analysed, kept in memory)."""
    from dossier.ingest import run as ingest

    real = ingest.analyse
    last: dict[tuple, Any] = {}

    def analyse(text: str, **kw: Any):
        base = text.split(COPY_MARK, 1)[0]
        key = (base, tuple(sorted(kw.items())))
        if key not in last:
            last.clear()
            last[key] = real(base, **kw)
        return last[key]

    ingest.analyse = analyse


def build(db: Path, n: int, distinct: int, seed: int, batch: int = 2000) -> dict[str, float]:
    from dossier.corpus import corrections
    from dossier.ingest.run import ingest_paths
    from dossier.store import Store

    _reuse_analysis_of_originals()
    work = db.with_suffix(".corpus")
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    created = 0
    with Store(db) as store:
        rows = with_copies(n, distinct, seed)
        part = 0
        while True:
            chunk = [a for _, a in zip(range(batch), rows)]
            if not chunk:
                break
            path = work / f"part-{part:04d}.jsonl"
            path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in chunk), encoding="utf-8")
            report = ingest_paths([path], store, refresh=False)
            created += report.counts()["created"]
            path.unlink()
            part += 1
            read = (part - 1) * batch + len(chunk)
            print(f"{read:>7,} articles read, {time.perf_counter() - t0:,.0f} s", flush=True)
        ingest_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        corrections.rebuild(store)  # grouping, fusion and corrections, once, as after one big batch
        rebuild_s = time.perf_counter() - t1
    work.rmdir()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"created": created, "ingest_s": ingest_s, "rebuild_s": rebuild_s, "peak_mb": peak}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--distinct", type=int, default=None, help="articles analysed in full (default: all)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    distinct = args.distinct or args.articles
    stats = build(args.db, args.articles, distinct, args.seed)
    meta = {"articles": args.articles, "distinct": distinct, "seed": args.seed, **stats}
    args.db.with_suffix(".build.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print(json.dumps(meta, indent=1))


if __name__ == "__main__":
    main()

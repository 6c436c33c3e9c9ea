"""App latency in a real browser, against an empty Streamlit page measured in the same run.

    python bench/bench_app.py [--articles 1000 [--distinct D] | --db STORE | --sample] [--rounds 20]

Builds a store of N synthetic articles from real sentences (bench/scale_db.py; --distinct D analyses
only D of them in full and stores the rest as copies), or uses one built before (--db, e.g.
`python bench/scale_db.py /tmp/s100k.db --articles 100000 --distinct 10000`), or the sample corpus
(--sample). Starts the app with `streamlit run` and drives headless Chromium (Debian's
/usr/bin/chromium) with Playwright:
- cold start: process start → first page fully rendered (Streamlit reports no script running);
- filter change → page fully rendered, p50/p95 over --rounds changes of the sidebar search box,
  typed once the page has settled (see SETTLE): an analyst types after the page shows, not while
  the browser is still laying out the page it has just loaded;
- the same changes typed as soon as the first page is rendered (the definition before issue 15,
  whose first change overlapped the browser's rendering of the page load), from a second start
  of the server, so neither series finds the other's queries in Streamlit's caches;
- the same figures for a one-widget Streamlit page (the baseline), and their ratios;
- peak memory (VmHWM) of the app's server process.
Rewrites its section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.report import machine, write_section
from dossier import config

SAMPLE_CORPUS = config.SHARED_DIR / "corpus"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
BASELINE_APP = '''import streamlit as st
q = st.text_input("Search text")
st.markdown(f"query: {q}")
'''
QUERIES = ["Kim", "Putin", "Seoul", "police", "2023", "government", "김", "서울", "भारत", "सरकार"]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# A change is rendered when the script has stopped AND the element `sel` shows the new query `q`
# (bench_app and profile_app wait for the same thing).
RENDERED = """([sel, q]) => {
  const app = document.querySelector('[data-testid=stApp]');
  const shown = document.querySelector(sel);
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid=stStatusWidget]')
    && shown && shown.textContent.includes(q);
}"""
# The page has settled when, for QUIET_MS, the browser ran no long task (>50 ms, Long Tasks API)
# and changed nothing in the document. Resolves with the milliseconds it waited (at most
# SETTLE_CAP_MS: a page that never settles is measured anyway, and the wait says so).
QUIET_MS, SETTLE_CAP_MS = 500, 20_000
SETTLE = """([quiet, cap]) => new Promise(resolve => {
  const t0 = performance.now(); let last = t0;
  const busy = () => { last = performance.now(); };
  const tasks = new PerformanceObserver(busy); tasks.observe({entryTypes: ['longtask']});
  const dom = new MutationObserver(busy);
  dom.observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
  const check = () => {
    const now = performance.now();
    if (now - last >= quiet || now - t0 >= cap) {
      tasks.disconnect(); dom.disconnect(); resolve(now - t0);
    } else setTimeout(check, 50);
  };
  setTimeout(check, 50);
})"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(script: str, env: dict, log: Path) -> tuple[subprocess.Popen, str, float]:
    port = _free_port()
    url = f"http://localhost:{port}"
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        # the app starts the way scripts/run-app.sh starts it (scripts/serve.py warms its imports)
        [sys.executable, *(["scripts/serve.py"] if script == "app.py" else ["-m", "streamlit", "run", script]),
         "--server.port", str(port), "--server.headless", "true"],
        cwd=REPO, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    while True:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                break
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"streamlit failed: {log.read_text()[-2000:]}")
            time.sleep(0.05)
    return proc, url, t0


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _measure(browser, url: str, t0: float, rounds: int, ready: str, *, settle: bool) -> Run:
    """Cold start, then `rounds` filter changes. A change counts as rendered when the script has
    stopped AND the element `ready` shows the new query: waiting for "not running" alone can return
    before the rerun has even started (a first version of this benchmark timed such no-ops).
    With `settle`, the first change waits for the page to settle after the cold start; the cold
    start itself is still taken at the first page rendered."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=120_000)
    page.wait_for_selector(ready, timeout=120_000)
    cold = time.perf_counter() - t0
    settled_ms = page.evaluate(SETTLE, [QUIET_MS, SETTLE_CAP_MS]) if settle else None
    box = page.get_by_role("textbox", name="Search text").first
    times = []
    for i in range(rounds):
        q = QUERIES[i % len(QUERIES)] + ("" if i < len(QUERIES) else f" {i}")
        start = time.perf_counter()
        box.fill(q)
        box.press("Enter")
        page.wait_for_function(RENDERED, arg=[ready, q], timeout=60_000)
        times.append((time.perf_counter() - start, q))
    page.close()
    return Run(cold, times, settled_ms)


@dataclass
class Run:
    cold: float  # seconds from process start to the first page rendered
    times: list[tuple[float, str]]  # (seconds, query) per filter change
    settled_ms: float | None  # how long the page took to settle after its first render (None: not waited for)

    def pct(self, q: float) -> float:
        return _pct([t for t, _ in self.times], q)

    def slowest(self) -> str:
        return ", ".join(f"“{q}” {t * 1000:.0f} ms" for t, q in sorted(self.times, reverse=True)[:3])


def _serve_and_measure(browser, script: str, env: dict, log: Path, path: str, rounds: int, ready: str,
                       *, settle: bool) -> tuple[Run, float]:
    """Start a fresh server for `script`, measure one run, stop it: (run, peak memory in MB)."""
    proc, url, t0 = _start(script, env, log)
    try:
        run = _measure(browser, url + path, t0, rounds, ready, settle=settle)
        return run, _peak_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait()


def _count_articles(db: Path) -> int:
    from dossier.filters import Filters
    from dossier.store import Store

    with Store(db, readonly=True) as store:
        return store.count_articles(Filters())


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _build_store(args: argparse.Namespace, tmpd: Path) -> tuple[Path, str, str]:
    """(database, section label, how it was built) for the options given."""
    if args.db:
        meta_file = args.db.with_suffix(".build.json")
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        return args.db, str(meta.get("articles", args.db.stem)), _described(meta)
    if args.sample:
        from dossier.ingest.run import ingest_paths
        from dossier.store import Store

        db = tmpd / "dossier.db"
        t = time.perf_counter()
        with Store(db) as store:
            report = ingest_paths([SAMPLE_CORPUS], store)
        n = report.counts()["created"]
        return db, "sample", f"The sample corpus ({n} articles, ../shared/corpus), ingested in {time.perf_counter() - t:.0f} s."
    from bench.scale_db import build

    db = tmpd / "dossier.db"
    distinct = args.distinct or args.articles
    meta = {"articles": args.articles, "distinct": distinct, **build(db, args.articles, distinct, args.seed)}
    return db, str(args.articles), _described(meta)


def _described(meta: dict) -> str:
    if not meta:
        return "A store built elsewhere (no build record beside it)."
    n, d = meta["articles"], meta["distinct"]
    how = (f"{n:,} synthetic articles from real sentences (bench/scale_db.py, seed {meta.get('seed', 7)}), "
           f"all analysed in full" if n == d else
           f"{n:,} articles: {d:,} synthetic articles from real sentences analysed in full, each stored "
           f"{n // d} times (copies reuse their original's analysis; bench/scale_db.py)")
    return (f"{how}. Ingest {meta['ingest_s']:,.0f} s ({meta['created'] / meta['ingest_s']:.1f} articles/s), "
            f"grouping + fusion {meta['rebuild_s']:,.0f} s, ingest peak memory {meta['peak_mb']:,.0f} MB.")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000, help="build a store of N synthetic articles")
    ap.add_argument("--distinct", type=int, default=None, help="with --articles: analyse only this many in full")
    ap.add_argument("--db", type=Path, default=None, help="a store already built by bench/scale_db.py")
    ap.add_argument("--sample", action="store_true", help="the sample corpus (the cold-start target)")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    host = machine()  # the load average before this run adds its own
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        db, label, built = _build_store(args, tmpd)
        n = _count_articles(db)
        (tmpd / "baseline.py").write_text(BASELINE_APP, encoding="utf-8")
        env = {**os.environ, "DOSSIER_DB": str(db)}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            base_script, base_ready = str(tmpd / "baseline.py"), '[data-testid="stMarkdown"]'
            # settled first (the target measure), then the old definition from a second start of each
            base, _ = _serve_and_measure(browser, base_script, env, tmpd / "baseline.log", "", args.rounds,
                                         base_ready, settle=True)
            app, peak = _serve_and_measure(browser, "app.py", env, tmpd / "app.log", "/articles", args.rounds,
                                           ".dz-filterbar", settle=True)
            base_now, _ = _serve_and_measure(browser, base_script, env, tmpd / "baseline2.log", "", args.rounds,
                                             base_ready, settle=False)
            app_now, peak2 = _serve_and_measure(browser, "app.py", env, tmpd / "app2.log", "/articles",
                                                args.rounds, ".dz-filterbar", settle=False)
            browser.close()
    peak = max(peak, peak2)
    p50, p95, b50, b95 = app.pct(0.5), app.pct(0.95), base.pct(0.5), base.pct(0.95)
    n50, n95, nb50, nb95 = app_now.pct(0.5), app_now.pct(0.95), base_now.pct(0.5), base_now.pct(0.95)
    lines = [
        f"## App latency in Chromium, {n:,} articles{' (the sample corpus)' if label == 'sample' else ''} (bench/bench_app.py)",
        "",
        f"Machine: {host}. Filter change = typing a new query in the sidebar search box of the",
        f"Articles page and waiting for the page to finish rendering; {args.rounds} rounds, typed once the page has",
        (f"settled after loading (no long task or DOM change for {QUIET_MS} ms: the Dossier page took "
         f"{app.settled_ms / 1000:.1f} s, the empty page {base.settled_ms / 1000:.1f} s)."),
        "The last two rows type as soon as the first page is rendered (the definition before issue 15), on a",
        "second start of each server.",
        "",
        "| measure | Dossier | empty Streamlit page (baseline) | ratio |",
        "|---|---:|---:|---:|",
        f"| cold start → first page rendered | {app.cold:.2f} s | {base.cold:.2f} s | {app.cold / base.cold:.1f}× |",
        f"| cold start, second start | {app_now.cold:.2f} s | {base_now.cold:.2f} s | {app_now.cold / base_now.cold:.1f}× |",
        f"| filter change → rendered, p50 | {p50 * 1000:.0f} ms | {b50 * 1000:.0f} ms | {p50 / b50:.1f}× |",
        f"| filter change → rendered, p95 | {p95 * 1000:.0f} ms | {b95 * 1000:.0f} ms | {p95 / b95:.1f}× |",
        f"| not settled: filter change, p50 | {n50 * 1000:.0f} ms | {nb50 * 1000:.0f} ms | {n50 / nb50:.1f}× |",
        f"| not settled: filter change, p95 | {n95 * 1000:.0f} ms | {nb95 * 1000:.0f} ms | {n95 / nb95:.1f}× |",
        "",
        f"Slowest changes: {app.slowest()}; not settled: {app_now.slowest()}.",
        "",
        f"Store: {built} App server peak memory: {peak:,.0f} MB.",
    ]
    body = "\n".join(lines)
    print(body)
    write_section(f"bench_app_{label}", body)
    # last line: one JSON object, so any run can be compared with another by a script
    print(json.dumps({"articles": n, "p50_ms": round(p50 * 1000), "p95_ms": round(p95 * 1000),
                      "empty_p50_ms": round(b50 * 1000), "empty_p95_ms": round(b95 * 1000),
                      "p50_ratio": round(p50 / b50, 2), "p95_ratio": round(p95 / b95, 2),
                      "cold_start_s": round(app.cold, 2), "empty_cold_start_s": round(base.cold, 2),
                      "cold_start_ratio": round(app.cold / base.cold, 2),
                      "cold_start_ratio_2": round(app_now.cold / base_now.cold, 2),
                      "settle_s": round(app.settled_ms / 1000, 2), "empty_settle_s": round(base.settled_ms / 1000, 2),
                      "unsettled_p50_ratio": round(n50 / nb50, 2), "unsettled_p95_ratio": round(n95 / nb95, 2),
                      "unsettled_p95_ms": round(n95 * 1000), "empty_unsettled_p95_ms": round(nb95 * 1000),
                      "peak_mb": round(peak)}))

if __name__ == "__main__":
    main()

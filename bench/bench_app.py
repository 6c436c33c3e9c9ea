"""App latency in a real browser, against an empty Streamlit page measured in the same run.

    python bench/bench_app.py [--articles 1000] [--rounds 20] [--seed 7]

Builds a corpus of N synthetic articles from real sentences (bench/corpus.py), ingests it, starts
the app with `streamlit run`, and drives headless Chromium (Debian's /usr/bin/chromium) with
Playwright:
- cold start: process start → first page fully rendered (Streamlit reports no script running);
- filter change → page fully rendered, p50/p95 over --rounds changes of the sidebar search box;
- the same two figures for a one-widget Streamlit page (the baseline), and their ratios;
- peak memory (VmHWM) of the app's server process.
Rewrites its section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402
from bench.report import machine, write_section  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
BASELINE_APP = '''import streamlit as st
q = st.text_input("Search text")
st.write(f"query: {q}")
'''
QUERIES = ["Kim", "Putin", "Seoul", "police", "2023", "government", "김", "서울", "भारत", "सरकार"]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(script: str, env: dict, log: Path) -> tuple[subprocess.Popen, str, float]:
    port = _free_port()
    url = f"http://localhost:{port}"
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.headless", "true"],
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


def _measure(browser, url: str, t0: float, rounds: int, ready: str) -> tuple[float, list[float]]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=120_000)
    page.wait_for_selector(ready, timeout=120_000)
    cold = time.perf_counter() - t0
    box = page.get_by_role("textbox", name="Search text").first
    times = []
    for i in range(rounds):
        q = QUERIES[i % len(QUERIES)] + ("" if i < len(QUERIES) else f" {i}")
        start = time.perf_counter()
        box.fill(q)
        box.press("Enter")
        page.wait_for_function(
            "() => document.querySelector('[data-testid=stApp]').getAttribute('data-test-script-state') === 'notRunning'"
            " && !document.querySelector('[data-testid=stStatusWidget]')",
            timeout=60_000,
        )
        page.wait_for_selector(ready, timeout=60_000)
        times.append(time.perf_counter() - start)
    page.close()
    return cold, times


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    from dossier.ingest import ingest_paths
    from dossier.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        paths = write_corpus(tmpd / "corpus", args.articles, args.seed)
        db = tmpd / "dossier.db"
        t = time.perf_counter()
        with Store(db) as store:
            report = ingest_paths(paths, store)
        ingest_s = time.perf_counter() - t
        (tmpd / "baseline.py").write_text(BASELINE_APP, encoding="utf-8")
        env = {**os.environ, "DOSSIER_DB": str(db)}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            proc, url, t0 = _start(str(tmpd / "baseline.py"), env, tmpd / "baseline.log")
            try:
                base_cold, base_times = _measure(browser, url, t0, args.rounds, '[data-testid="stMarkdown"]')
            finally:
                proc.terminate()
                proc.wait()
            proc, url, t0 = _start("app.py", env, tmpd / "app.log")
            try:
                cold, times = _measure(browser, url + "/articles", t0, args.rounds, ".dz-filterbar")
                peak = _peak_mb(proc.pid)
            finally:
                proc.terminate()
                proc.wait()
            browser.close()
    n = report.counts()["created"]
    p50, p95 = statistics.median(times), _pct(times, 0.95)
    b50, b95 = statistics.median(base_times), _pct(base_times, 0.95)
    lines = [
        f"## App latency in Chromium, {n:,} articles (bench/bench_app.py)",
        "",
        f"Machine: {machine()}. Filter change = typing a new query in the sidebar search box of the",
        f"Articles page and waiting for the page to finish rendering; {args.rounds} rounds.",
        "",
        "| measure | Dossier | empty Streamlit page (baseline) | ratio |",
        "|---|---:|---:|---:|",
        f"| cold start → first page rendered | {cold:.2f} s | {base_cold:.2f} s | {cold / base_cold:.1f}× |",
        f"| filter change → rendered, p50 | {p50 * 1000:.0f} ms | {b50 * 1000:.0f} ms | {p50 / b50:.1f}× |",
        f"| filter change → rendered, p95 | {p95 * 1000:.0f} ms | {b95 * 1000:.0f} ms | {p95 / b95:.1f}× |",
        "",
        f"Ingest of the {n:,} articles (all stages): {ingest_s:.0f} s ({n / ingest_s:.1f} articles/s). "
        f"App server peak memory: {peak:,.0f} MB.",
    ]
    body = "\n".join(lines)
    print(body)
    write_section(f"bench_app_{args.articles}", body)


if __name__ == "__main__":
    main()

"""Where the browser's time goes on a filter change of the Articles page (issue 15).

    python bench/profile_app.py --db STORE [--rounds 15] [--baseline]

Starts the app (or, with --baseline, bench_app.py's one-widget page) like bench/bench_app.py, waits
for the page to settle, then types --rounds searches, each followed by a settle, under Chrome's
DevTools protocol: Performance.getMetrics gives the main thread's task, script, layout and style
time per change; a sampling CPU profile attributes script time to the frontend's chunks (Streamlit
loads one per element type: DataFrame, Multiselect, …) — the deepest chunk on each sample's stack
that is not React, emotion or Streamlit's core. Prints; writes nothing. Figures under load are
noisy: compare runs made one after the other, and repeat them.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.bench_app import (
    ARGS,
    BASELINE_APP,
    CHROMIUM,
    IDLE,
    QUERIES,
    QUIET_MS,
    RENDERED,
    SETTLE,
    SETTLE_CAP_MS,
    _start,
)

# chunks that every element goes through: their time is not one element's
_SHARED = ("react-dom", "emotion", "index.", "styled-components", "protobuf", "lib.", "jsx-runtime", "react.",
           "scheduler")
_METRICS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")


def _chunk(url: str) -> str:
    return url.rsplit("/", 1)[-1]


def by_chunk(profile: dict) -> collections.Counter:
    """Microseconds of samples per frontend chunk (see the module docstring), native work by name."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    parent = {c: n["id"] for n in profile["nodes"] for c in n.get("children", [])}
    out: collections.Counter = collections.Counter()
    for sample, dt in zip(profile["samples"], profile["timeDeltas"]):
        node, hit = sample, None
        while node is not None:
            url = _chunk(nodes[node]["callFrame"]["url"])
            if url and not url.startswith(_SHARED):
                hit = url
                break
            node = parent.get(node)
        leaf = nodes[sample]["callFrame"]
        out[hit or (f"shared: {_chunk(leaf['url']).split('.')[0]}" if leaf["url"]
                    else f"native: {leaf['functionName'] or '?'}")] += dt
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True, help="a store built by bench/scale_db.py")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--baseline", action="store_true", help="profile the empty Streamlit page instead")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        script = Path(tmp) / "baseline.py"
        script.write_text(BASELINE_APP, encoding="utf-8")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        proc, url, _ = _start(str(script) if args.baseline else "app.py", {**os.environ, "DOSSIER_DB": str(args.db)},
                              Path(tmp) / "server.log")
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url + ("" if args.baseline else "/articles"))
            page.wait_for_selector(IDLE, timeout=120_000)
            page.evaluate(SETTLE, [QUIET_MS, SETTLE_CAP_MS])
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 200})
            before = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
            cdp.send("Profiler.start")
            box = page.get_by_role("textbox", name="Search text").first
            ready = '[data-testid="stMarkdown"]' if args.baseline else ".dz-filterbar"
            walls = []
            for i in range(args.rounds):
                q = QUERIES[i % len(QUERIES)] + ("" if i < len(QUERIES) else f" {i}")
                start = time.perf_counter()
                box.fill(q)
                box.press("Enter")
                page.wait_for_function(RENDERED, arg=[ready, q], timeout=60_000)
                walls.append(time.perf_counter() - start)
                page.evaluate(SETTLE, [QUIET_MS, SETTLE_CAP_MS])
            profile = cdp.send("Profiler.stop")["profile"]
            after = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        finally:
            proc.terminate()
            proc.wait()
            browser.close()
    n = args.rounds
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}; {n} changes; "
          f"wall p50 {sorted(walls)[n // 2] * 1000:.0f} ms")
    print("main thread per change (ms; the settle waits add their own polling):",
          ", ".join(f"{k.removesuffix('Duration')} {(after[k] - before[k]) / n * 1000:.1f}" for k in _METRICS))
    print("CPU profile per change (ms), by the element chunk on the stack:")
    for name, us in by_chunk(profile).most_common(25):
        if not name.endswith("(idle)"):
            print(f"  {us / 1000 / n:7.1f}  {name}")


if __name__ == "__main__":
    main()

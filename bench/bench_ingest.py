"""Ingest and extraction throughput per stage and language, against the bare tokenizer.

    python bench/bench_ingest.py [--articles 60] [--seed 7]

For each language: words/s of each pipeline stage on the same synthetic articles (bench/corpus.py,
real sentences), and the ratio to the bare tokenizer measured in the same run, plus whole-ingest
articles/s into a fresh SQLite store and the process's peak memory. Rewrites its section of
BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import articles, load_sentences, write_corpus
from bench.report import machine, write_section
from dossier.corpus.pipeline import analyse
from dossier.geo import places
from dossier.ingest.run import ingest_paths
from dossier.linking import link
from dossier.ner import recognise as entities
from dossier.store import Store
from dossier.text.segment import segment, sentences
from dossier.timex import tag as timex


def timed(fn, texts) -> float:
    start = time.perf_counter()
    for t in texts:
        fn(t)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    pool = load_sentences()
    rows = []
    for lang in ("en", "ko", "hi"):
        texts = [a["text"] for a in articles(args.articles * 3, args.seed, pool) if a["language"] == lang][: args.articles]
        words = sum(len(t.split()) for t in texts)
        if entities.has_model(lang):
            tokenizer = entities.load_pipeline(lang).tokenizer
        else:
            import spacy

            tokenizer = spacy.blank("xx").tokenizer
        stage_fns = {
            "segment+sentences": lambda t: sentences(t, segment(t)),
            "kb match+link": lambda t, lang=lang: link.link_entities(t, lang, link.kb_matches(t, lang)),
            "timex": lambda t, lang=lang: timex.tag(t, lang, None),
            "places": lambda t, lang=lang: places.geoparse(t, lang),
            "whole analysis (all stages)": lambda t: analyse(t),
        }
        if entities.has_model(lang):
            stage_fns["ner"] = lambda t, lang=lang: entities.recognize(t, lang)
        for fn in stage_fns.values():  # load models and tables outside the timing
            for t in texts[:3]:
                fn(t)
        tokenizer(texts[0])
        base = timed(tokenizer, texts)
        stages = {name: timed(fn, texts) for name, fn in stage_fns.items()}
        rows.append((lang, "tokenizer (baseline)", words / base, 1.0))
        for name, secs in stages.items():
            rows.append((lang, name, words / secs, base / secs))
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp) / "in", args.articles * 3, args.seed)
        start = time.perf_counter()
        with Store(Path(tmp) / "d.db") as store:
            report = ingest_paths(paths, store)
        whole = time.perf_counter() - start
    n = report.counts()["created"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        "## Ingest and extraction throughput (bench/bench_ingest.py)",
        "",
        f"Machine: {machine()}. {args.articles} synthetic articles per language (real dataset sentences).",
        "",
        "| lang | stage | words/s | × tokenizer speed |",
        "|---|---|---:|---:|",
    ]
    lines += [f"| {l} | {s} | {w:,.0f} | {r:.3f} |" for l, s, w, r in rows]
    lines += ["", f"Whole ingest (all stages + SQLite, {n} articles): {n / whole:.1f} articles/s; peak memory {peak_mb:,.0f} MB."]
    body = "\n".join(lines)
    print(body)
    write_section("bench_ingest", body)


if __name__ == "__main__":
    main()

"""Gazetteer load time and geoparse time per article: the full lookup against a baseline made of its
countries and cities only (the lookup before regions and airports were added), in one run.

    python bench/bench_gazetteer.py [--repeat 3]

Articles: the sample corpus (data/articles/*.txt), each geoparsed whole in its main language without
NER spans (the gazetteer scan alone, the part whose cost grows with the lookup). Each figure is the
best of --repeat passes; load times include reading and indexing the gzip file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier import config
from dossier.geo import gazetteer, places
from dossier.text.segment import segment

BASE_KINDS = ("country", "city")


def baseline_file(directory: Path) -> Path:
    out = directory / "places-baseline.jsonl.gz"
    with gzip.open(gazetteer.PLACES_FILE, "rt", encoding="utf-8") as src, gzip.open(out, "wt", encoding="utf-8") as dst:
        for line in src:
            if json.loads(line)["kind"] in BASE_KINDS:
                dst.write(line)
    return out


def best(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    articles = []
    for path in sorted((config.DATA_DIR / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        langs = [s.lang for s in segment(text)]
        articles.append((text, max(set(langs), key=langs.count) if langs else "en"))
    with tempfile.TemporaryDirectory() as tmp:
        runs = {"baseline (countries + cities)": baseline_file(Path(tmp)), "full": gazetteer.PLACES_FILE}
        figures = {}
        for label, path in runs.items():
            load_s, gaz = best(lambda p=path: gazetteer.load_gazetteer_from(p), args.repeat)
            places.load_gazetteer = lambda g=gaz: g  # geoparse reads the process-wide lookup
            for text, lang in articles:  # warm caches (rules, fuzzy index) once
                places.geoparse(text, lang)
            parse_s, found = best(lambda: [places.geoparse(t, lg) for t, lg in articles], args.repeat)
            figures[label] = (load_s, parse_s / len(articles), len(gaz.places), sum(map(len, found)))
    base = figures["baseline (countries + cities)"]
    for label, (load_s, per_article, n_places, n_found) in figures.items():
        print(f"{label:32s} load {load_s:6.2f} s ({load_s / base[0]:.2f}x)  geoparse "
              f"{per_article * 1000:7.1f} ms/article ({per_article / base[1]:.2f}x)  "
              f"{n_places:,} places, {n_found} mentions in {len(articles)} articles")


if __name__ == "__main__":
    main()

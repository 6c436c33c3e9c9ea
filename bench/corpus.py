"""Deterministic synthetic corpora for benchmarks, built from real sentences.

Articles are assembled from the real sentences of ../shared/datasets/ner (English, Korean, Hindi),
with publication dates spread over months and several outlets, so scale tests see the same
scripts, lengths and entity densities as real news. Generated on demand, never committed.

    python bench/corpus.py OUT_DIR --articles 10000 [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from dossier import config

DATASETS = config.SHARED_DIR / "datasets" / "ner"
SOURCES = {
    "en": ["ner/en/conll2003-train.jsonl", "ner/en/conll2003-dev.jsonl"],
    "ko": ["ner/ko/klue-train.jsonl"],
    "hi": ["ner/hi/ilner-train.jsonl", "ner/hi/ilner-dev.jsonl"],
}
OUTLETS = {
    "en": ["Reuters", "Associated Press", "The New York Times", "BBC News"],
    "ko": ["Yonhap", "Chosun Ilbo", "VOA Korean", "KBS"],
    "hi": ["Navbharat Times", "Dainik Jagran", "BBC Hindi", "Amar Ujala"],
}
LANG_SHARE = {"en": 0.4, "ko": 0.35, "hi": 0.25}
SENTENCES_PER_ARTICLE = (4, 18)
START = dt.date(2023, 1, 1)
DAYS = 365


def load_sentences(datasets: Path = DATASETS.parent) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for lang, files in SOURCES.items():
        sents: list[str] = []
        for rel in files:
            path = datasets / rel
            if not path.is_file():
                continue
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    text = json.loads(line)["text"]
                    if len(text) > 25:
                        sents.append(text)
        if sents:
            out[lang] = sents
    if not out:
        raise SystemExit(f"no sentences found under {datasets}")
    return out


def articles(n: int, seed: int = 7, sentences: dict[str, list[str]] | None = None):
    """Yield n article dicts (title, text, published, source, language), deterministic by seed."""
    rng = random.Random(seed)
    sentences = sentences or load_sentences()
    langs = [l for l in LANG_SHARE if l in sentences]
    weights = [LANG_SHARE[l] for l in langs]
    for i in range(n):
        lang = rng.choices(langs, weights)[0]
        k = rng.randint(*SENTENCES_PER_ARTICLE)
        body = rng.sample(sentences[lang], k)
        paragraphs = [" ".join(body[j:j + 3]) for j in range(0, k, 3)]
        yield {
            "title": body[0][:80],
            "text": f"[{i}] " + "\n".join(paragraphs),  # the index keeps every article distinct
            "published": (START + dt.timedelta(days=rng.randrange(DAYS))).isoformat(),
            "source": rng.choice(OUTLETS[lang]),
            "language": lang,
        }


def write_corpus(out_dir: Path, n: int, seed: int = 7, per_file: int = 1000) -> list[Path]:
    """JSONL files of at most ``per_file`` articles each."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    stream = iter(articles(n, seed))
    for first in range(0, n, per_file):
        paths.append(out_dir / f"corpus-{first // per_file:04d}.jsonl")
        with open(paths[-1], "w", encoding="utf-8") as fh:
            batch = itertools.islice(stream, per_file)
            fh.writelines(json.dumps(art, ensure_ascii=False) + "\n" for art in batch)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = write_corpus(args.out, args.articles, args.seed)
    print(f"{args.articles} articles in {len(paths)} files under {args.out}")


if __name__ == "__main__":
    main()

"""Words per second of the entity stage vs the bare tokenizer, per language, in one run.

    python bench/bench_ner.py [--sentences 500] [--repeat 3] [--json]

Text: the first N sentences of each language's shared NER file, one per line (the way
dossier.ner.recognise.recognize cuts an article). "Words" are whitespace-separated tokens of the
input, so the two figures per language are over exactly the same text and unit. Each figure is
the best of --repeat timed passes after one warm-up pass (model load, Kiwi start-up excluded).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

# One thread for the numeric libraries, as the app runs (set before numpy is imported).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier import config
from dossier.ner.recognise import available_languages, chunks, load_pipeline, recognize

DATA = config.SHARED_DIR / "datasets" / "ner"
TEXT_FILES = {"en": "en/conll2003-dev.jsonl", "ko": "ko/klue-train.jsonl", "hi": "hi/ilner-dev.jsonl"}


def sample_text(lang: str, n: int) -> str:
    lines = []
    with open(DATA / TEXT_FILES[lang], encoding="utf-8") as fh:
        for line in fh:
            lines.append(json.loads(line)["text"])
            if len(lines) >= n:
                break
    return "\n".join(lines)


def best_seconds(fn, repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bench(lang: str, n: int, repeat: int) -> dict:
    text = sample_text(lang, n)
    words = len(text.split())
    nlp = load_pipeline(lang)

    def tokenize_only() -> None:
        for _, piece in chunks(text):
            nlp.make_doc(piece)

    def entity_stage() -> None:
        recognize(text, lang)

    tok = best_seconds(tokenize_only, repeat)
    ner = best_seconds(entity_stage, repeat)
    return {"lang": lang, "words": words, "tokenizer_wps": round(words / tok), "entities_wps": round(words / ner),
            "ratio": round((words / ner) / (words / tok), 3)}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sentences", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = [bench(lang, args.sentences, args.repeat) for lang in available_languages() if lang in TEXT_FILES]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'lang':<5}{'words':>8}{'tokenizer w/s':>16}{'entities w/s':>15}{'ratio':>8}")
    for r in rows:
        print(f"{r['lang']:<5}{r['words']:>8}{r['tokenizer_wps']:>16}{r['entities_wps']:>15}{r['ratio']:>8.3f}")
    print("ratio = entity-stage speed / bare-tokenizer speed on the same text")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

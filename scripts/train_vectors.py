"""Train compact subword (floret) static vectors on raw text, for a NER config's static-vector input.

    python scripts/train_vectors.py --lang ko --out /tmp/ko-vectors TEXT_FILE [TEXT_FILE ...]

Each TEXT_FILE is one sentence or paragraph a line, or JSON lines with a "text" field. The text is
tokenised with the tokenizer of the committed model for --lang (data/models/<lang>: Kiwi morphemes
for Korean, spaCy's Hindi tokens), so the vectors are keyed on exactly the tokens the NER model
sees; floret then learns one row per hashed character n-gram, which gives every unseen token a
vector too (floret mode: https://github.com/explosion/floret). The output is a spaCy pipeline
directory holding only the vectors, for `--set paths.vectors=OUT` with a config whose embed has
`include_static_vectors = true`. floret is needed here only (build time), not at run time: the
trained NER model stores the vectors table itself.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script: the dossier package is beside scripts/


def read_lines(path: Path) -> list[str]:
    lines = []
    with path.open(encoding="utf-8") as f:
        for raw in f:
            raw = raw.strip()
            if not raw:
                continue
            if raw.startswith("{"):  # a JSON line's text; prose that merely starts with "{" stays prose
                try:
                    raw = str(json.loads(raw).get("text", "")).strip()
                except (json.JSONDecodeError, AttributeError):
                    pass
            if raw:
                lines.append(raw)
    return lines


def blank_pipeline(lang: str):
    """The committed model for `lang` without its components: its tokenizer, and a vocabulary
    of the right language (spaCy refuses vectors from a pipeline of another language, and a
    plain blank Korean pipeline would demand MeCab)."""
    import spacy

    if lang in ("ko", "hi"):  # registers the Kiwi / name-marking Hindi tokenizers the models name
        importlib.import_module(f"dossier.ner.{lang}_tokenizer")
    return spacy.load(REPO / "data" / "models" / lang, exclude=["tok2vec", "ner"])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--lang", required=True, choices=["en", "ko", "hi"])
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--dim", type=int, default=100)
    p.add_argument("--bucket", type=int, default=20000, help="rows of the hashed n-gram table")
    p.add_argument("--minn", type=int, default=2)
    p.add_argument("--maxn", type=int, default=4)
    p.add_argument("--epoch", type=int, default=5)
    p.add_argument("--min-count", type=int, default=3)
    # floret has no seed argument; one thread makes its training deterministic (fastText's own
    # generator is seeded at start), more threads race on the shared weights.
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args()

    import floret
    from spacy.training.initialize import convert_vectors

    started = time.time()
    args.out.mkdir(parents=True, exist_ok=True)
    tokenizer = blank_pipeline(args.lang).tokenizer
    corpus = args.out / "tokens.txt"
    n_lines = n_tokens = 0
    seen: set[str] = set()
    with corpus.open("w", encoding="utf-8") as out:
        for path in args.files:
            for line in read_lines(path):
                if line in seen:  # repeated lines (boilerplate) would weigh their words many times
                    continue
                seen.add(line)
                words = [t.text for t in tokenizer(line) if not t.is_space]
                out.write(" ".join(words) + "\n")
                n_lines += 1
                n_tokens += len(words)
    options = {"mode": "floret", "model": "cbow", "hashCount": 2, "bucket": args.bucket, "dim": args.dim,
               "minn": args.minn, "maxn": args.maxn, "epoch": args.epoch, "minCount": args.min_count,
               "thread": args.threads}
    model = floret.train_unsupervised(str(corpus), verbose=0, **options)
    floret_file = args.out / "vectors.floret"
    model.save_floret_vectors(str(floret_file))
    # A fresh pipeline, not the one that tokenised: that one's string table now holds every token of
    # the raw text (6.6 MB for 10 M Korean tokens), which the NER model would copy and carry for
    # nothing — floret looks rows up by hashing the string itself.
    nlp = blank_pipeline(args.lang)
    convert_vectors(nlp, floret_file, truncate=0, prune=-1, mode="floret")
    nlp.to_disk(args.out / "pipeline")
    record = {
        "lang": args.lang, "lines": n_lines, "tokens": n_tokens,
        "files": {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in args.files},
        "floret": options,  # exactly what floret was called with
        "minutes": round((time.time() - started) / 60, 1),
    }
    (args.out / "vectors.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    corpus.unlink()
    floret_file.unlink()  # the text form (13 MB at the defaults); the pipeline holds the table
    print(json.dumps(record, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

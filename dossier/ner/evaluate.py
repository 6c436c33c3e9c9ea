"""`python -m dossier eval ner FILE.jsonl`: entity-level exact-match P/R/F1 on PER / ORG / LOC.

A predicted entity counts only if start, end and label all equal a gold entity (CoNLL style).
Gold labels outside PER/ORG/LOC (DATE, TIME in the Korean and Hindi files) are ignored; a
predicted GPE counts as LOC.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

LABELS = ("PER", "ORG", "LOC")
_ALIASES = {"GPE": "LOC", "PERSON": "PER"}

Predict = Callable[[str, str], Iterable[Any]]


def _triple(item: Any) -> tuple[int, int, str] | None:
    """(start, end, label) from a dossier Span or a [start, end, label] list; None if not scored."""
    if hasattr(item, "start"):
        start, end, label = item.start, item.end, item.label
    else:
        start, end, label = item[0], item[1], item[2]
    label = _ALIASES.get(label, label)
    return (int(start), int(end), label) if label in LABELS else None


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def score(pairs: Iterable[tuple[Iterable[Any], Iterable[Any]]]) -> dict[str, Any]:
    """Scores from (gold, predicted) entity collections, one pair per sentence."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold_items, pred_items in pairs:
        gold = {t for g in gold_items if (t := _triple(g))}
        pred = {t for p in pred_items if (t := _triple(p))}
        for t in gold & pred:
            tp[t[2]] += 1
        for t in pred - gold:
            fp[t[2]] += 1
        for t in gold - pred:
            fn[t[2]] += 1
    per_label = {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in LABELS}
    overall = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"labels": per_label, "overall": overall}


def evaluate(path: str, predict: Predict | None = None, lang: str | None = None) -> dict[str, Any]:
    """Score `predict(text, lang)` (default: dossier.ner.recognise.recognize) on a NER jsonl file.

    `lang` overrides each line's own `lang`.
    """
    from dossier.ner.recognise import has_model, recognize_many

    records = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                rec["_lang"] = lang or rec.get("lang") or ""
                records.append(rec)
    langs: Counter[str] = Counter(r["_lang"] for r in records)
    words = sum(len(r["text"].split()) for r in records)
    started = time.perf_counter()
    predictions: list[Iterable[Any]] = [[] for _ in records]
    if predict is None:
        # dossier.ner.recognise.recognize, batched per language (same output, one pipe per language).
        for lng in langs:
            idx = [i for i, r in enumerate(records) if r["_lang"] == lng]
            for i, spans in zip(idx, recognize_many([records[i]["text"] for i in idx], lng)):
                predictions[i] = spans
    else:
        predictions = [predict(r["text"], r["_lang"]) for r in records]
    pairs = [(r.get("entities", []), p) for r, p in zip(records, predictions)]
    seconds = time.perf_counter() - started
    result = score(pairs)
    result.update({
        "file": str(path),
        "sentences": len(pairs),
        "languages": dict(langs),
        "languages_without_model": sorted(l for l in langs if not has_model(l)),
        "seconds": round(seconds, 2),
        "words_per_second": round(words / seconds) if seconds > 0 else None,
    })
    return result


def main(argv: list[str]) -> int:
    if argv and argv[0] == "ner":  # accept the argv after "eval" as well as after "eval ner"
        argv = argv[1:]
    parser = argparse.ArgumentParser(prog="python -m dossier eval ner", description=__doc__)
    parser.add_argument("file", help="NER jsonl in the shared/datasets format")
    parser.add_argument("--lang", help="override each line's lang")
    args = parser.parse_args(argv)
    result = evaluate(args.file, lang=args.lang)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

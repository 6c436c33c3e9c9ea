"""Detection check for Korean and Hindi: how many DATE/TIME spans of the shared NER files our tagger finds.

    python bench/bench_timex_detect.py [--limit N]

Those files mark where time expressions are but carry no normalised values (see
../shared/datasets/README.md), so only span recall means much here: strict (same offsets) and relaxed
(overlap). Our timexes outside any gold span are counted too, but the NER annotators did not mark every
time word (e.g. "현재", "अब"), so that number is an upper bound on false alarms, not a precision.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier import config
from dossier.timex.tag import tag

FILES = {
    "ko": str(config.SHARED_DIR / "datasets/ner/ko/klue-train.jsonl"),
    "hi": str(config.SHARED_DIR / "datasets/ner/hi/ilner-dev.jsonl"),
}


def run(lang: str, path: str, limit: int | None, show: int) -> dict:
    gold_n = strict = relaxed = sys_n = outside = 0
    misses: list[str] = []
    t0 = time.perf_counter()
    n_docs = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            n_docs += 1
            if limit and n_docs > limit:
                break
            text = d["text"]
            gold = [(s, e) for s, e, lab in d["entities"] if lab in ("DATE", "TIME")]
            found = [(t.start, t.end) for t in tag(text, lang, None)]
            sys_n += len(found)
            gold_n += len(gold)
            for g in gold:
                if g in found:
                    strict += 1
                if any(s < g[1] and g[0] < e for s, e in found):
                    relaxed += 1
                elif len(misses) < show:
                    misses.append(text[g[0]:g[1]])
            outside += sum(1 for s, e in found if not any(s < g[1] and g[0] < e for g in gold))
    secs = time.perf_counter() - t0
    return {
        "lang": lang, "file": path, "sentences": min(n_docs, limit or n_docs), "gold_date_time_spans": gold_n,
        "strict_recall": round(strict / gold_n, 4) if gold_n else None,
        "relaxed_recall": round(relaxed / gold_n, 4) if gold_n else None,
        "system_timexes": sys_n, "system_outside_gold": outside,
        "sentences_per_second": round(n_docs / secs, 1) if secs else None,
        "missed_examples": misses,
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=25, help="how many missed spans to print")
    args = ap.parse_args()
    for lang, path in FILES.items():
        print(json.dumps(run(lang, path, args.limit, args.show), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

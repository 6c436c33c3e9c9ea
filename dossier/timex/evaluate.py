"""TempEval-3 style scoring of temporal expressions: `python -m dossier eval timex FILE.jsonl`.

Input lines: {"id", "lang", "dct", "text", "timexes": [[start, end, TYPE, VALUE], ...]}.
- strict span: system and gold offsets identical;
- relaxed span: the spans overlap (one-to-one: each gold pairs with at most one system timex);
- value / type: on relaxed-matched pairs, the attribute is equal. As in TempEval-3, attribute
  precision = correct / system timexes, recall = correct / gold timexes (so attribute F1 = relaxed F1 x
  attribute accuracy); the accuracy on matched pairs is reported too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any

TagFn = Callable[[str, str, "dt.date | None"], Iterable[Any]]


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _as_tuple(t: Any) -> tuple[int, int, str, str]:
    if isinstance(t, (list, tuple)):
        return int(t[0]), int(t[1]), str(t[2]), str(t[3])
    return int(t.start), int(t.end), str(t.type), str(t.value)


def align(gold: list[tuple[int, int, str, str]], sys_: list[tuple[int, int, str, str]]
          ) -> list[tuple[tuple[int, int, str, str], tuple[int, int, str, str]]]:
    """One-to-one relaxed alignment: exact matches first, then the largest overlap."""
    pairs = []
    used_s: set[int] = set()
    used_g: set[int] = set()
    for gi, g in enumerate(gold):
        for si, s in enumerate(sys_):
            if si not in used_s and s[0] == g[0] and s[1] == g[1]:
                pairs.append((g, s))
                used_s.add(si)
                used_g.add(gi)
                break
    cands = []
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        for si, s in enumerate(sys_):
            if si in used_s:
                continue
            ov = min(g[1], s[1]) - max(g[0], s[0])
            if ov > 0:
                cands.append((-ov, gi, si))
    for _, gi, si in sorted(cands):
        if gi in used_g or si in used_s:
            continue
        pairs.append((gold[gi], sys_[si]))
        used_g.add(gi)
        used_s.add(si)
    return pairs


def score_docs(docs: list[dict[str, Any]], tag_fn: TagFn) -> dict[str, Any]:
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    t0 = time.perf_counter()
    for d in docs:
        dct = dt.date.fromisoformat(d["dct"]) if d.get("dct") else None
        gold = [_as_tuple(t) for t in d.get("timexes", [])]
        sys_ = [_as_tuple(t) for t in tag_fn(d["text"], d.get("lang", "en"), dct)]
        n_gold += len(gold)
        n_sys += len(sys_)
        gold_spans = {(g[0], g[1]) for g in gold}
        strict += sum(1 for s in {(s[0], s[1]) for s in sys_} if s in gold_spans)
        for g, s in align(gold, sys_):
            relaxed += 1
            value_ok += g[3] == s[3]
            type_ok += g[2] == s[2]
    secs = time.perf_counter() - t0
    return {
        "docs": len(docs), "gold": n_gold, "system": n_sys,
        "strict": _prf(strict, n_sys, n_gold),
        "relaxed": _prf(relaxed, n_sys, n_gold),
        "value": {**_prf(value_ok, n_sys, n_gold), "accuracy": round(value_ok / relaxed, 4) if relaxed else 0.0},
        "type": {**_prf(type_ok, n_sys, n_gold), "accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0},
        "seconds": round(secs, 3), "docs_per_second": round(len(docs) / secs, 2) if secs else None,
    }


def load(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split(docs: list[dict[str, Any]], part: str, every: int = 5) -> list[dict[str, Any]]:
    """The fixed development split: documents sorted by id, every `every`-th one (index % every ==
    every - 1) held out. part: all | dev (the part rules are written on) | heldout (only scored).
    TimeBank uses every=5 (80/20); a check corpus such as TempEval-3 AQUAINT every=2 (half/half)."""
    if every < 2:
        raise ValueError("every must be at least 2")
    docs = sorted(docs, key=lambda d: d["id"])
    if part == "dev":
        return [d for i, d in enumerate(docs) if i % every != every - 1]
    if part == "heldout":
        return [d for i, d in enumerate(docs) if i % every == every - 1]
    return docs


def _default_tag_fn() -> TagFn:
    from dossier.timex.tag import tag

    return tag


def evaluate(path: str, tag_fn: TagFn | None = None, part: str = "all", every: int = 5) -> dict[str, Any]:
    """Score `tag_fn(text, lang, dct)` (default: dossier.timex.tag.tag) on a TIMEX jsonl file."""
    docs = split(load(path), part, every)
    result = score_docs(docs, tag_fn or _default_tag_fn())
    result["file"] = path
    result["part"] = part
    result["every"] = every
    return result


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m dossier eval timex",
                                 description="TempEval-3 style TIMEX scores (strict/relaxed span, value, type).")
    ap.add_argument("file", help="TIMEX jsonl (see ../shared/datasets/README.md)")
    ap.add_argument("--part", choices=["all", "dev", "heldout"], default="all",
                    help="all documents, or the fixed dev / held-out split by sorted id")
    ap.add_argument("--every", type=int, default=5,
                    help="hold out every N-th document (default 5: 80/20; 2 halves a check corpus)")
    args = ap.parse_args(argv)
    try:
        result = evaluate(args.file, part=args.part, every=args.every)
    except (OSError, ValueError, KeyError) as e:
        print(json.dumps({"error": str(e)}), file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

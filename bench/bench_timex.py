"""Our temporal tagger vs dateparser's search_dates on TimeBank, scored the same way (TempEval-3 style).

    python bench/bench_timex.py [--part all|dev|heldout] [--file PATH] [--every N]

dateparser returns (substring, datetime[, period]) without offsets: each substring is located in the text
left to right from the end of the previous one. Its value is the datetime printed at the period dateparser
reports (day → 1998-03-04, month → 1998-03, year → 1998, week → 1998-W10, time → 1998-03-04T17:00), type
DATE (TIME when it reports a time). dateparser has no notion of durations or PRESENT_REF, which is part
of the gap. The split is the fixed one of dossier.timex.evaluate: documents sorted by id, every fifth (--every) held out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier import config
from dossier.timex.evaluate import load, score_docs, split
from dossier.timex.tag import tag

DEFAULT = str(config.SHARED_DIR / "datasets/timex/en/timebank.jsonl")


def dateparser_tag(text: str, lang: str, dct: dt.date | None) -> list[tuple[int, int, str, str]]:
    from dateparser.search import search_dates

    settings: dict = {"RETURN_AS_TIMEZONE_AWARE": False}
    if dct is not None:
        settings["RELATIVE_BASE"] = dt.datetime(dct.year, dct.month, dct.day)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=[lang], settings=settings, add_period=True) or []
    out = []
    cursor = 0
    for item in found:
        sub, when, period = item[0], item[1], (item[2] if len(item) > 2 else "day")
        i = text.find(sub, cursor)
        if i < 0:
            i = text.find(sub)
            if i < 0:
                continue
        cursor = i + len(sub)
        out.append((i, i + len(sub), "TIME" if period == "time" else "DATE", _fmt(when, period)))
    return out


def _fmt(when: dt.datetime, period: str | None) -> str:
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        y, w, _ = when.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if period == "time":
        return when.strftime("%Y-%m-%dT%H:%M")
    return when.strftime("%Y-%m-%d")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", default=DEFAULT)
    ap.add_argument("--part", choices=["all", "dev", "heldout"], default="all")
    ap.add_argument("--every", type=int, default=5,
                    help="hold out every N-th document by sorted id (5 for TimeBank; 2 halves a check corpus "
                         "such as TempEval-3 AQUAINT made by scripts/timeml_to_jsonl.py)")
    args = ap.parse_args()
    docs = split(load(args.file), args.part, args.every)
    rows = {"dossier.timex.tag": score_docs(docs, tag), "dateparser.search_dates": score_docs(docs, dateparser_tag)}
    keys = [("strict", "f1"), ("relaxed", "precision"), ("relaxed", "recall"), ("relaxed", "f1"),
            ("value", "precision"), ("value", "recall"), ("value", "f1"), ("value", "accuracy"), ("type", "f1")]
    print(f"{Path(args.file).name} ({args.part}: {len(docs)} docs, {rows['dossier.timex.tag']['gold']} gold timexes)")
    print(f"{'metric':22}" + "".join(f"{name:>26}" for name in rows))
    for a, b in keys:
        print(f"{a + ' ' + b:22}" + "".join(f"{r[a][b]:>26.3f}" for r in rows.values()))
    print(f"{'docs/s':22}" + "".join(f"{r['docs_per_second']:>26.1f}" for r in rows.values()))
    print(json.dumps({"part": args.part, "results": rows}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

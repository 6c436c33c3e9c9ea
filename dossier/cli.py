"""`python -m dossier ingest | extract | annotate | eval | train` (contract in DESIGN.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dossier import config


def _cmd_ingest(args: argparse.Namespace) -> int:
    from dossier.ingest.run import ingest_paths
    from dossier.store import Store

    with Store(args.db) as store:
        report = ingest_paths(args.paths, store, max_bytes=args.max_bytes)
    print(report.summary())
    for line in report.lines:
        if line.status in ("rejected", "skipped"):
            print(f"  {line.status}: {line.where()}: {line.reason}")
        for warning in line.warnings:
            print(f"  warning: {line.where()}: {warning}")
    print(f"database: {args.db}")
    # Rejected input is reported, not fatal: exit 0 if anything was usable, 1 if nothing was.
    good = sum(report.counts().get(k, 0) for k in ("created", "updated", "re-extracted", "unchanged"))
    return 0 if good or not report.rejected else 1


def _cmd_extract(args: argparse.Namespace) -> int:
    from dossier.extract import ExtractError, extract_file

    try:
        result = extract_file(Path(args.file), published=args.published, lang=args.lang)
    except ExtractError as exc:
        print(f"extract: {args.file}: {exc}", file=sys.stderr)
        return 2
    json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


def _cmd_annotate(args: argparse.Namespace) -> int:
    from dossier.extract import annotate_file

    n_ok, errors = annotate_file(Path(args.input), Path(args.output))
    print(f"annotate: {n_ok} lines written to {args.output}", file=sys.stderr)
    for err in errors:
        print(f"  {err}", file=sys.stderr)
    return 0 if not errors else 1


def _cmd_eval(args: argparse.Namespace) -> int:
    if args.what == "ner":
        from dossier.ner import evaluate as eval_ner

        return eval_ner.main(args.rest)
    from dossier.timex import evaluate as eval_timex

    return eval_timex.main(args.rest)


def _cmd_train(args: argparse.Namespace) -> int:
    from dossier.ner import train

    return train.main(args.rest)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dossier", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="ingest files or folders into the store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", type=Path, default=config.DOSSIER_DB, help="SQLite file (default: %(default)s)")
    p.add_argument(
        "--max-bytes", type=int, default=None,
        help=f"reject files larger than this (default DOSSIER_MAX_FILE_BYTES={config.DOSSIER_MAX_FILE_BYTES})",
    )
    p.set_defaults(func=_cmd_ingest)

    p = sub.add_parser("extract", help="print the extraction of one article as JSON")
    p.add_argument("file")
    p.add_argument("--published", help="publication date YYYY-MM-DD (overrides the sidecar)")
    p.add_argument("--lang", default="auto", help="auto (identify per segment) or a language code")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("annotate", help="batch annotation for evaluation: IN.jsonl → OUT.jsonl")
    p.add_argument("input")
    p.add_argument("output")
    p.set_defaults(func=_cmd_annotate)

    p = sub.add_parser("eval", help="score the project on labelled data")
    p.add_argument("what", choices=["ner", "timex"])
    p.add_argument("rest", nargs=argparse.REMAINDER, help="FILE.jsonl [options]")
    p.set_defaults(func=_cmd_eval)

    p = sub.add_parser("train", help="train a model (e.g. `train ner --lang ko`)")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=_cmd_train)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)

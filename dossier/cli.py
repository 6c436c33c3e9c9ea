"""`python -m dossier ingest | extract | annotate | export | eval | train` (contract in DESIGN.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dossier import config
from dossier.filters import LIST_PARAMS, QUERY_PARAMS

# Help for the filter options of `export`; the options are the app's URL parameters, same names and meaning.
_FILTER_HELP = {
    "from": "events/articles from this day, YYYY-MM-DD", "to": "up to this day, YYYY-MM-DD",
    "undated": "0: with --from/--to, leave out what has no date", "actor": "actor id (repeatable)",
    "lang": "language code (repeatable)", "source": "outlet (repeatable)", "event": "event type (repeatable)",
    "place": "place id (repeatable)", "q": "text search, any script",
}


def _cmd_ingest(args: argparse.Namespace) -> int:
    from dossier.ingest.run import ingest_paths
    from dossier.store import Store, database_errors, describe_target

    try:
        store = Store(args.db)
    except (*database_errors(), RuntimeError) as exc:
        print(f"ingest: cannot open {describe_target(args.db)}: {exc}", file=sys.stderr)
        return 2
    with store:
        if args.scheduler:
            from dossier.ingest.distributed import SchedulerError, ingest_distributed

            try:
                report = ingest_distributed(args.paths, store, args.scheduler, max_bytes=args.max_bytes)
            except SchedulerError as exc:
                print(f"ingest: {exc}", file=sys.stderr)
                return 2
        else:
            report = ingest_paths(args.paths, store, max_bytes=args.max_bytes)
    print(report.summary())
    for line in report.lines:
        if line.status in ("rejected", "skipped"):
            print(f"  {line.status}: {line.where()}: {line.reason}")
        for warning in line.warnings:
            print(f"  warning: {line.where()}: {warning}")
    print(f"database: {describe_target(args.db)}")
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


def _cmd_export(args: argparse.Namespace) -> int:
    from dossier.export import charts, views
    from dossier.filters import Filters
    from dossier.store import Store, database_errors, describe_target

    given = {name: getattr(args, name) for name in QUERY_PARAMS if getattr(args, name) is not None}
    f = Filters.from_query_params(given)
    if f.problems:
        # a URL's mistakes are shown on the page and ignored; a command's are refused
        for problem in f.problems:
            print(f"export: {problem}", file=sys.stderr)
        print("export: nothing written; correct the filter options", file=sys.stderr)
        return 2
    if isinstance(args.db, Path) and not args.db.is_file():
        print(f"export: {args.db}: no such database (make one with `python -m dossier ingest`)",
              file=sys.stderr)
        return 2
    try:
        with Store(args.db, readonly=True) as store:
            result = views.view(store, args.what, f, args.limit)
    except database_errors() as exc:
        print(f"export: {describe_target(args.db)}: not a readable Dossier database ({exc})", file=sys.stderr)
        return 2
    if result.truncated:
        cut = "--limit" if args.limit is not None else "the app's limit"
        print(f"export: only the first {len(result.rows)} {args.what} ({cut}); narrow the filters or raise"
              " --limit", file=sys.stderr)
    if args.format == "csv":
        data = charts.rows_csv(result.rows, views.columns(args.what))
    else:
        data = charts.rows_json(result.rows, what=args.what, filters=f.to_query_params(),
                                truncated=result.truncated)
    if args.out:
        args.out.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    if args.what == "ner":
        from dossier.ner import evaluate as eval_ner

        return eval_ner.main(args.rest)
    from dossier.timex import evaluate as eval_timex

    return eval_timex.main(args.rest)


def _cmd_train(args: argparse.Namespace) -> int:
    from dossier.ner import train

    return train.main(args.rest)


_DB_HELP = ("SQLite file, or postgresql://USER@HOST/DB for a team's PostgreSQL store "
            "(default: $DOSSIER_DB, else var/dossier.db)")


def _store(raw: str) -> Path | str:
    from dossier.store import store_target

    return store_target(raw)


def _scheduler(raw: str) -> str:
    from dossier.ingest.distributed import check_scheduler

    try:
        return check_scheduler(raw)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _count(raw: str) -> int:
    if not raw.isdigit():
        raise argparse.ArgumentTypeError(f"{raw!r} is not a number of rows")
    return int(raw)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dossier", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="ingest files or folders into the store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", type=_store, default=config.DOSSIER_DB, help=_DB_HELP)
    p.add_argument(
        "--max-bytes", type=int, default=None,
        help=f"reject files larger than this (default DOSSIER_MAX_FILE_BYTES={config.DOSSIER_MAX_FILE_BYTES})",
    )
    p.add_argument(
        "--scheduler", type=_scheduler, metavar="local:N|tcp://HOST:PORT",
        help="analyse the articles on a Dask cluster: N worker processes here, or a running `dask scheduler`"
             " (default: in this process)",
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

    p = sub.add_parser(
        "export", help="print the fused, corrected events, actors, places or articles a page shows"
    )
    p.add_argument("what", choices=["events", "actors", "places", "articles"])
    p.add_argument("--db", type=_store, default=config.DOSSIER_DB, help=_DB_HELP)
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.add_argument("--out", type=Path, help="write to this file instead of standard output")
    p.add_argument("--limit", type=_count, help="at most this many rows (default: as many as the page shows)")
    for name in QUERY_PARAMS:
        repeats = name in LIST_PARAMS
        p.add_argument(f"--{name}", action="append" if repeats else "store", help=_FILTER_HELP.get(name))
    p.set_defaults(func=_cmd_export)

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

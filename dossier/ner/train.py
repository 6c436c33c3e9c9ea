"""`python -m dossier train ner --lang {en,ko,hi}`: the declared, repeatable NER training step.

Data come from shared/datasets/ner. Part of each language's gold TRAIN file (fixed seed) is held
out for model selection; the shared dev files are only used for reporting (`dossier eval ner`).
The best checkpoint (by entity F1 on the held-out part) is written, flattened, to
data/models/<lang>/ (config.cfg, meta.json, ner/, tok2vec/, vocab/ ...).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from dossier import config

REPO = config.REPO_ROOT
DATASETS = config.SHARED_DIR / "datasets" / "ner"
MODELS = REPO / "data" / "models"

# Main gold training file per language (the held-out part comes from it) and optional extra
# training sources, selectable with --extra. The PAN-X (WikiANN) files in shared/datasets are not
# offered: their source states no licence, and only data allowing redistribution and any use may
# train a committed model.
SOURCES: dict[str, dict[str, str]] = {
    "en": {"main": "en/conll2003-train.jsonl"},
    "ko": {"main": "ko/klue-train.jsonl"},
    "hi": {"main": "hi/ilner-train.jsonl", "hiner": "hi/hiner-val.jsonl", "multiconer": "hi/multiconer2-train.jsonl"},
}
DEFAULT_EXTRA = {"en": "", "ko": "", "hi": "hiner,multiconer"}
DEFAULT_HOLDOUT = {"en": 0.1, "ko": 0.15, "hi": 0.1}
# The shared dev files the models are reported on: a training sentence with the same text is
# dropped, so the dev score is not inflated by sentences the model was trained on.
DEV_FILES = {"en": "en/conll2003-dev.jsonl", "hi": "hi/ilner-dev.jsonl"}
# Unlabelled text for `--pretrain-*`, relative to the datasets directory (the parent of ner/);
# the text of every training sentence is added to it.
RAW_TEXT = {"en": "", "ko": "raw/ko/klue-train-sentences.txt", "hi": ""}
SEED = 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dossier train", description=__doc__)
    sub = p.add_subparsers(dest="what", required=True)
    n = sub.add_parser("ner", help="train a spaCy NER pipeline")
    n.add_argument("--lang", required=True, choices=sorted(SOURCES))
    n.add_argument("--smoke", action="store_true", help="tiny run (~200 sentences, a few steps) to check the path")
    n.add_argument("--output", help="model directory (default data/models/<lang>; smoke: a temp dir)")
    n.add_argument("--config", help="spaCy config (default data/models/configs/<lang>.cfg)")
    n.add_argument("--data-dir", default=str(DATASETS), help="shared/datasets/ner directory")
    n.add_argument("--extra", default=None, help="comma list of extra training sources (hi: hiner, multiconer)")
    n.add_argument("--train-files", default=None,
                   help="comma list of NER jsonl files to train on instead of the language's main file "
                        "(the held-out part comes from all of them; e.g. openly licensed data)")
    n.add_argument("--silver", default=None,
                   help="comma list of extra NER jsonl files trained on but never held out (e.g. `train "
                        "silver` output); sentences also in the held-out part or a dev file are dropped")
    n.add_argument("--main-copies", type=int, default=1,
                   help="train on the main file's training part this many times (weighs gold against silver)")
    n.add_argument("--holdout", type=float, default=None, help="fraction of the main train file held out")
    n.add_argument("--align", default="expand", choices=["strict", "contract", "expand"])
    n.add_argument("--minutes", type=float, default=None, help="wall-clock training budget")
    n.add_argument("--max-steps", type=int, default=None)
    n.add_argument("--limit", type=int, default=None, help="use only the first N sentences of each source")
    n.add_argument("--seed", type=int, default=SEED)
    n.add_argument("--workdir", help="where the .spacy files and checkpoints go (default: temp dir)")
    n.add_argument("--export-heldout", help="only write the held-out jsonl to this path and exit")
    n.add_argument("--pretrain-minutes", type=float, default=None,
                   help="pretrain the tok2vec on raw text first, stopping after the epoch that ends past this budget")
    n.add_argument("--pretrain-epochs", type=int, default=None,
                   help="pretrain for exactly this many epochs (with --pretrain-minutes: at most this many)")
    n.add_argument("--pretrain-weights", help="start from these pretrained tok2vec weights instead of pretraining")
    n.add_argument("--raw", default=None,
                   help="comma list of unlabelled text files (one sentence a line) for pretraining, "
                        "relative to the datasets dir (default: per language; '' for none)")
    n.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                   help="extra spaCy config override (value in config syntax)")
    s = sub.add_parser("silver", help="label unlabelled sentences with a trained pipeline, keep the sure ones")
    s.add_argument("--lang", required=True, choices=sorted(SOURCES))
    s.add_argument("--model", help="pipeline directory (default data/models/<lang>)")
    s.add_argument("--raw", default=None, help="comma list of unlabelled files, relative to the datasets dir "
                                               "(default: the language's pretraining text)")
    s.add_argument("--out", required=True, help="NER jsonl to write")
    s.add_argument("--data-dir", default=str(DATASETS), help="shared/datasets/ner directory")
    s.add_argument("--holdout", type=float, default=None, help="as for `train ner` (the part never labelled)")
    s.add_argument("--seed", type=int, default=SEED)
    s.add_argument("--beam-width", type=int, default=8)
    s.add_argument("--keep", type=float, default=0.9, help="least beam probability of every kept entity")
    s.add_argument("--reject", type=float, default=0.1, help="most beam probability of an entity left out")
    return p


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.what == "ner":
        return train_ner(args)
    if args.what == "silver":
        return train_silver(args)
    return 2


def train_silver(args: argparse.Namespace) -> int:
    """Silver labels for self-training. Every sentence of the language's gold files (the held-out
    part, the rest of the main file, the dev file) is excluded, so no scored sentence is trained on."""
    import spacy

    from dossier.ner.data import read_jsonl
    from dossier.ner.silver import make_silver

    if args.lang == "ko":
        from dossier.ner import ko_tokenizer  # noqa: F401  (registers the Kiwi tokenizer)
    elif args.lang == "hi":
        from dossier.ner import hi_tokenizer  # noqa: F401  (registers the name-marking tokenizer)
    args.train_files, args.limit, args.extra = None, None, ""
    _train, _extra, held = _split(args)
    exclude = _scoring_texts(args, held) | {r["text"].strip() for r in read_jsonl(_main_paths(args)[0])}
    lines, files = _raw_texts(args)
    model = Path(args.model) if args.model else MODELS / args.lang
    stats = make_silver(spacy.load(model), lines, exclude, Path(args.out), args.beam_width, args.keep, args.reject)
    record = {"model": str(model), "raw_files": files, "beam_width": args.beam_width, "keep": args.keep,
              "reject": args.reject, **stats.as_dict()}
    Path(str(args.out) + ".json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(record, ensure_ascii=False), flush=True)
    return 0


def _split(args: argparse.Namespace) -> tuple[list[dict], list[dict], list[dict]]:
    from dossier.ner.data import read_jsonl, split_holdout

    data_dir = Path(args.data_dir)
    sources = SOURCES[args.lang]
    main_records = [rec for path in _main_paths(args) for rec in read_jsonl(path)]
    if args.limit:
        main_records = main_records[: args.limit]
    fraction = args.holdout if args.holdout is not None else DEFAULT_HOLDOUT[args.lang]
    train, held = split_holdout(main_records, fraction, args.seed)
    train = train * max(1, getattr(args, "main_copies", 1))
    extra: list[dict] = []
    for path in _silver_paths(args):
        recs = read_jsonl(path)
        extra.extend(recs[: args.limit] if args.limit else recs)
    for name in _extra_names(args):
        if name not in sources or name == "main":
            raise SystemExit(f"unknown extra source {name!r} for {args.lang}; have {sorted(sources)}")
        recs = read_jsonl(data_dir / sources[name])
        extra.extend(recs[: args.limit] if args.limit else recs)
    return train, extra, held


def _main_paths(args: argparse.Namespace) -> list[Path]:
    """The files the held-out part is drawn from: --train-files, or the language's main file."""
    if args.train_files:
        paths = [Path(x.strip()) for x in args.train_files.split(",") if x.strip()]
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise SystemExit(f"training file not found: {', '.join(missing)}")
        return paths
    return [Path(args.data_dir) / SOURCES[args.lang]["main"]]


def _silver_paths(args: argparse.Namespace) -> list[Path]:
    """--silver files: trained on, never part of the held-out part."""
    paths = [Path(x.strip()) for x in (getattr(args, "silver", None) or "").split(",") if x.strip()]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise SystemExit(f"silver file not found: {', '.join(missing)}")
    return paths


def _extra_names(args: argparse.Namespace) -> list[str]:
    """The extra training sources this run uses (--extra, or the language's default)."""
    names = args.extra if args.extra is not None else DEFAULT_EXTRA[args.lang]
    return [x.strip() for x in names.split(",") if x.strip()]


def _raw_names(args: argparse.Namespace) -> list[str]:
    """The unlabelled text files for pretraining (--raw, or the language's default)."""
    names = args.raw if args.raw is not None else RAW_TEXT[args.lang]
    return [x.strip() for x in names.split(",") if x.strip()]


def _pretraining_asked(args: argparse.Namespace) -> bool:
    return args.pretrain_minutes is not None or args.pretrain_epochs is not None


def drop_seen(records: list[dict], seen_texts: set[str]) -> tuple[list[dict], int]:
    """`records` without those whose text (stripped) is in `seen_texts`, and how many went."""
    kept = [r for r in records if r["text"].strip() not in seen_texts]
    return kept, len(records) - len(kept)


def _scoring_texts(args: argparse.Namespace, held: list[dict]) -> set[str]:
    """Texts of the held-out part and of the shared dev file: none of them may be trained on."""
    texts = {r["text"].strip() for r in held}
    dev = DEV_FILES.get(args.lang)
    if dev and (Path(args.data_dir) / dev).is_file():
        from dossier.ner.data import read_jsonl

        texts |= {r["text"].strip() for r in read_jsonl(Path(args.data_dir) / dev)}
    return texts


def _raw_texts(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """Unlabelled lines for pretraining, and the files they came from."""
    root = Path(args.data_dir).parent
    lines: list[str] = []
    files = []
    for name in _raw_names(args):
        path = root / name
        if not path.is_file():
            raise SystemExit(f"raw text file not found: {path}")
        with open(path, encoding="utf-8") as fh:
            lines.extend(line.strip() for line in fh if line.strip())
        files.append(name)
    return lines, files


def train_ner(args: argparse.Namespace) -> int:
    from dossier.ner.data import make_blank, records_to_docs, write_docbin

    started = time.monotonic()
    train, extra, held = _split(args)
    if args.export_heldout:
        Path(args.export_heldout).parent.mkdir(parents=True, exist_ok=True)
        with open(args.export_heldout, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(rec, ensure_ascii=False) + "\n" for rec in held)
        print(f"wrote {len(held)} held-out sentences to {args.export_heldout}")
        return 0
    scoring = _scoring_texts(args, held)
    train, dropped_main = drop_seen(train, scoring)
    extra, dropped_extra = drop_seen(extra, scoring)
    if args.smoke:
        train, extra, held = train[:200], [], held[:50]

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix=f"dossier-ner-{args.lang}-"))
    workdir.mkdir(parents=True, exist_ok=True)
    config_path = Path(args.config or MODELS / "configs" / f"{args.lang}.cfg")
    nlp_blank = make_blank(args.lang, _tokenizer_block(config_path))
    train_docs, train_stats = records_to_docs(nlp_blank, train + extra, args.align)
    dev_docs, dev_stats = records_to_docs(nlp_blank, held, args.align)
    write_docbin(train_docs, workdir / "train.spacy")
    write_docbin(dev_docs, workdir / "dev.spacy")
    with open(workdir / "heldout.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(rec, ensure_ascii=False) + "\n" for rec in held)
    data_record = {"lang": args.lang, "align": args.align, "train_sentences": len(train) + len(extra),
                   "train_docs": len(train_docs), "heldout_sentences": len(held),
                   "dropped_as_seen_in_heldout_or_dev": dropped_main + dropped_extra,
                   "train_alignment": train_stats.as_dict(), "heldout_alignment": dev_stats.as_dict(),
                   "workdir": str(workdir)}
    print(json.dumps(data_record, ensure_ascii=False), flush=True)

    overrides: dict[str, object] = {
        "paths.train": str(workdir / "train.spacy"),
        "paths.dev": str(workdir / "dev.spacy"),
        "system.seed": args.seed,
    }
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    if args.smoke:
        overrides.update({
            "training.max_steps": args.max_steps or 30,
            "training.eval_frequency": 10,
            "components.tok2vec.model.encode.width": 32,
            "components.tok2vec.model.encode.depth": 1,
        })
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = json.loads(value)

    pretrain_record = _pretrain_step(args, config_path, overrides, train + extra, workdir)
    if pretrain_record:
        overrides["paths.init_tok2vec"] = pretrain_record["weights"]
    train_started = time.monotonic()
    best = run_training(args.lang, config_path, overrides, workdir, minutes=args.minutes)
    if best is None:
        print("training produced no checkpoint", file=sys.stderr)
        return 1
    output = Path(args.output) if args.output else (workdir / "model" if args.smoke else MODELS / args.lang)
    install_model(best, output)
    meta = json.loads((output / "meta.json").read_text(encoding="utf-8"))
    record = {
        "command": "python -m dossier train " + " ".join(sys.argv[2:] if sys.argv[1:2] == ["train"] else []),
        "argv": vars(args), "config": str(config_path), "config_overrides": overrides,
        "sources": _source_record(args), "data": data_record, "pretraining": pretrain_record,
        "static_vectors": _vectors_record(overrides),
        "training_minutes": round((time.monotonic() - train_started) / 60, 1),
        "total_minutes": round((time.monotonic() - started) / 60, 1),
        "best_heldout_performance": meta.get("performance", {}),
        "spacy_version": meta.get("spacy_version"),
        "finished_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
    }
    (output / "training.json").write_text(json.dumps(record, ensure_ascii=False, indent=1, default=str) + "\n",
                                          encoding="utf-8")
    print(json.dumps({"output": str(output), "heldout_performance": meta.get("performance", {})}), flush=True)
    return 0


def _vectors_record(overrides: dict) -> dict | None:
    """What scripts/train_vectors.py wrote beside the vectors pipeline (its raw files with their
    SHA-256, the floret options, the minutes), so the model card's inputs include the vectors'."""
    vectors = overrides.get("paths.vectors")
    if not vectors:
        return None
    made = Path(str(vectors)).parent / "vectors.json"
    return {"pipeline": str(vectors),
            "built": json.loads(made.read_text(encoding="utf-8")) if made.is_file() else None}


def _tokenizer_block(config_path: Path) -> dict:
    """The config's [nlp.tokenizer] block: the training Docs are cut by the model's own tokenizer."""
    from spacy.util import load_config

    return dict(load_config(config_path, interpolate=False)["nlp"]["tokenizer"])


def _pretrain_step(args: argparse.Namespace, config_path: Path, overrides: dict, train_records: list[dict],
                   workdir: Path) -> dict | None:
    """Pretrained tok2vec weights for this run, if asked for: the path and how they were made."""
    if args.pretrain_weights:
        return {"weights": str(Path(args.pretrain_weights).resolve()), "reused": True}
    if not _pretraining_asked(args):
        return None
    from spacy.util import load_config

    from dossier.ner.pretrain import pretrain_tok2vec

    raw, raw_files = _raw_texts(args)
    texts = raw + [r["text"] for r in train_records]
    config = load_config(config_path, overrides=overrides, interpolate=False)
    weights = workdir / "tok2vec-pretrained.bin"
    stats = pretrain_tok2vec(config, texts, weights, seed=args.seed, lang=args.lang,
                             max_epochs=args.pretrain_epochs or 1000, minutes=args.pretrain_minutes)
    return {"weights": str(weights), "raw_files": raw_files, "raw_lines": len(raw),
            "train_sentences_text": len(train_records), **stats.as_dict()}


def _source_record(args: argparse.Namespace) -> dict[str, dict]:
    """Each input file with its size and SHA-256, so a rebuild can check it saw the same data."""
    import hashlib

    names = [SOURCES[args.lang][x] for x in _extra_names(args)]
    if DEV_FILES.get(args.lang):
        names.append(DEV_FILES[args.lang])
    root = Path(args.data_dir)
    paths = {str(p) if args.train_files else str(p.relative_to(root)): p for p in _main_paths(args)}
    paths.update({name: root / name for name in names})
    paths.update({str(p): p for p in _silver_paths(args)})
    if _pretraining_asked(args):
        paths.update({name: root.parent / name for name in _raw_names(args)})
    out = {}
    for name, path in paths.items():
        if path.is_file():
            data = path.read_bytes()
            out[name] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    return out


def run_training(lang: str, config_path: Path, overrides: dict, workdir: Path,
                 minutes: float | None = None) -> Path | None:
    """spaCy's training loop (spacy.training.loop.train), plus a wall-clock budget.

    Only the best checkpoint is kept (workdir/model-best); there is no model-last to clean up.
    """
    import spacy
    from spacy.schemas import ConfigSchemaTraining
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import (
        create_before_to_disk_callback,
        create_evaluation_callback,
        create_train_batches,
        train_while_improving,
        update_meta,
    )
    from spacy.util import fix_random_seed, load_config, registry, resolve_dot_names

    if lang == "ko":
        from dossier.ner import ko_tokenizer  # noqa: F401  (registers the Kiwi tokenizer)
    elif lang == "hi":
        from dossier.ner import hi_tokenizer  # noqa: F401  (registers the name-marking tokenizer)

    config = load_config(config_path, overrides=overrides, interpolate=False)
    fix_random_seed(int(overrides.get("system.seed", SEED)))
    nlp = init_nlp(config, use_gpu=-1)
    init_tok2vec = overrides.get("paths.init_tok2vec")
    if init_tok2vec:
        from dossier.ner.pretrain import tok2vec_matches

        # spaCy skips init_tok2vec without a word when [pretraining] is empty: check it took.
        if not tok2vec_matches(nlp, Path(str(init_tok2vec)).read_bytes()):
            raise SystemExit(f"pretrained tok2vec weights {init_tok2vec} were not loaded; "
                             "is the config's [pretraining] block filled in?")
        print(json.dumps({"pretrained_tok2vec_loaded": str(init_tok2vec)}), flush=True)
    config = nlp.config.interpolate()
    T = registry.resolve(config["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    before_to_disk = create_before_to_disk_callback(T["before_to_disk"])
    steps = train_while_improving(
        nlp, optimizer,
        create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
        create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
        dropout=T["dropout"], accumulate_gradient=T["accumulate_gradient"], patience=T["patience"],
        max_steps=T["max_steps"], eval_frequency=T["eval_frequency"], exclude=T["frozen_components"],
        annotating_components=T["annotating_components"], before_update=T["before_update"],
    )
    best_dir = workdir / "model-best"
    if best_dir.exists():
        shutil.rmtree(best_dir)
    deadline = time.monotonic() + minutes * 60 if minutes else None
    started = time.monotonic()
    saved = False
    for _batch, info, is_best in steps:
        if is_best is not None:
            update_meta(T, nlp, info)
            print(json.dumps({"step": info["step"], "epoch": info["epoch"], "score": round(info["score"], 4),
                              "ents_f": round(info["other_scores"].get("ents_f", 0.0), 4),
                              "best": bool(is_best), "minutes": round((time.monotonic() - started) / 60, 1)}),
                  flush=True)
            if is_best:
                with nlp.use_params(optimizer.averages):
                    before_to_disk(nlp).to_disk(best_dir)
                saved = True
            if deadline is not None and time.monotonic() > deadline:
                print("time budget reached", flush=True)
                break
    if not saved:
        with nlp.use_params(optimizer.averages):
            nlp.to_disk(best_dir)
    del spacy
    return best_dir


def install_model(src: Path, dest: Path) -> None:
    """Copy a checkpoint to `dest`, replacing an older pipeline there (and nothing else)."""
    if dest.exists():
        if not (dest / "meta.json").exists() and any(dest.iterdir()):
            raise SystemExit(f"refusing to replace {dest}: not a spaCy pipeline directory")
        shutil.rmtree(dest)
    shutil.copytree(src, dest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

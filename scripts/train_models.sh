#!/bin/sh
# Rebuild a committed NER model from ../shared/datasets with the exact steps its model card records
# (data/models/README.md), one command per language:
#
#   sh scripts/train_models.sh en|ko|hi [OUTPUT_DIR]
#
# OUTPUT_DIR defaults to data/models/<lang> (the committed model is overwritten: compare first with
# `DOSSIER_MODELS=... python -m dossier eval ner FILE`). Seeds are fixed (0); the training budget is
# wall-clock minutes, so a busier machine stops after fewer steps. Times on the 2-core machine here:
# en ~25 min, ko ~10 min (+1.5 min silver labelling, +11 min vectors), hi ~30 min. Needs ../shared/datasets (or
# DOSSIER_SHARED) and, for en and ko, the GitHub snapshots scripts/build_open_en_ner.sh and
# scripts/build_vectors_ko.sh read.
# TRAIN_MINUTES=N overrides the budget (a quick check that the steps run; not the committed model).
set -eu
LANG_=${1:?usage: train_models.sh en|ko|hi [OUTPUT_DIR]}
HERE=$(cd "$(dirname "$0")/.." && pwd)
cd "$HERE"
PY=${PYTHON:-$HERE/.venv/bin/python}
OUT=${2:-data/models/$LANG_}
WORK=${TMPDIR:-/tmp}/dossier-train-$LANG_
mkdir -p "$WORK"
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}

case "$LANG_" in
en)
    sh scripts/build_open_en_ner.sh /work/.mirror "$WORK/open-en"
    O=$WORK/open-en
    "$PY" -m dossier train ner --lang en --minutes "${TRAIN_MINUTES:-45}" --output "$OUT" \
        --train-files "$O/uner-ewt.jsonl,$O/gum.jsonl,$O/wnut17.jsonl,$O/btc-train.jsonl,$O/wikigold.jsonl,$O/crossner.jsonl"
    ;;
ko)
    # Self-training: the teacher is the Korean model committed before this one (its commit is pinned
    # here and in the model card), and the name marks come from data/ as it is at the commit you run
    # this from: run it from the commit that added the model for the same marks.
    TEACHER_COMMIT=0d2fa4158c73aaa9b2ef13e2167e2f1dd7a851c6
    rm -rf "$WORK/teacher" && mkdir -p "$WORK/teacher"
    git archive "$TEACHER_COMMIT" data/models/ko | tar -x -C "$WORK/teacher"
    "$PY" -m dossier train silver --lang ko --model "$WORK/teacher/data/models/ko" --out "$WORK/silver.jsonl"
    # floret vectors from open Korean text (Wikipedia, Wikinews, ...; pinned GitHub snapshots under
    # MIRROR, default /work/.mirror, as the `fetch` tool writes them): see the model card, "Korean:
    # static subword vectors" (adopted 2026-12-05)
    sh scripts/build_vectors_ko.sh "${MIRROR:-/work/.mirror}" "$WORK/vectors"
    "$PY" -m dossier train ner --lang ko --config data/models/configs/ko-vec.cfg --silver "$WORK/silver.jsonl" \
        --main-copies 2 --minutes "${TRAIN_MINUTES:-16}" --set training.eval_frequency=200 --set training.patience=1600 \
        --set "paths.vectors=\"$WORK/vectors/vectors/pipeline\"" --output "$OUT" --workdir "$WORK/work"
    ;;
hi)
    # known-name marks (configs/hi-lex.cfg), no pretraining: see the model card, "Hindi: known-name
    # marks" (adopted 2026-12-04); the marks come from data/ as it is at the commit you run this from
    "$PY" -m dossier train ner --lang hi --config data/models/configs/hi-lex.cfg --minutes "${TRAIN_MINUTES:-30}" \
        --output "$OUT" --workdir "$WORK/work"
    ;;
*)
    echo "unknown language: $LANG_ (en, ko or hi)" >&2
    exit 2
    ;;
esac
echo "trained $LANG_ -> $OUT (training.json there records the command, inputs and their sha256)"

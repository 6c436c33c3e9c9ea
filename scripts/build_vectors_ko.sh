#!/bin/sh
# Rebuild the Korean raw text for static subword vectors (build time only) from pinned GitHub
# snapshots, byte for byte, and train the vectors with scripts/train_vectors.py.
#
#   sh scripts/build_vectors_ko.sh [MIRROR_DIR] [OUT_DIR]
#
# MIRROR_DIR holds bare snapshots named owner+name/repo (what the `fetch` tool writes; default
# /work/.mirror) of HyundongHwang/PyTorchDeepLearningStart and yiunsr/boddari; each is read at the
# commit pinned below (a snapshot without that commit is refused, not silently replaced).
# Writes OUT_DIR (default /tmp/ko-vectors): raw/ko-wiki.txt, raw/ko-open.txt,
# raw/klue-train-sentences.txt (the text) and vectors/ (train_vectors.py's output at its defaults:
# floret cbow, 20,000 rows x 100 dims, n-grams of 2-4 characters, 5 epochs, min count 3, one thread;
# vectors/pipeline is what configs/ko-vec.cfg's paths.vectors names).
#
# Text: 4.53 M eojeol, 124,106 distinct lines, 9.83 M Kiwi tokens (vectors/vectors.json records the
# SHA-256 of the three raw files; 10.8 min on one core, 7 of them Kiwi). No text of the KLUE NER file
# (its held-out part is the Korean dev score) is in it: lines holding one of its sentences are dropped
# (one line of the KLUE raw file, a train-part sentence; none in the other two).
# - Korean Wikipedia (CC BY-SA 3.0, the text's own licence; the repository,
#   HyundongHwang/PyTorchDeepLearningStart, MIT for its own code, adds only the WikiExtractor split;
#   each <doc> line gives the article's ko.wikipedia.org address): the first 40 files of a 2020 WikiExtractor dump, text/AA/wiki_00..39
#   (articles by page id, so the oldest and mostly most general ones), kept at the commit that
#   still holds them (they were deleted from the repository afterwards). <doc> lines and lines under
#   20 characters (titles, headings) are dropped.
# - yiunsr/boddari, boddari/txt/: wikinews.txt (Korean Wikinews, CC BY 2.5), unesco_report.txt
#   (UNESCO publications in Korean, CC BY-SA 3.0 IGO), book_review01.txt (National Assembly
#   Library book reviews, CC BY; the collector left out the reviews under other licences) —
#   licences per source in the repository's README.md.
# - ../shared/datasets/raw/ko/klue-train-sentences.txt (KLUE NER train split's raw sentences,
#   CC BY-SA 4.0), already the self-training text of the committed model.
set -eu
MIRROR=${1:-/work/.mirror}
OUT=${2:-/tmp/ko-vectors}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-$HERE/.venv/bin/python}
# the shared datasets where dossier itself looks for them (dossier/config.py: DOSSIER_SHARED)
SHARED=${DOSSIER_SHARED:-$HERE/../shared}/datasets
mkdir -p "$OUT/raw"

. "$HERE/scripts/snapshot.sh"  # show REPO COMMIT PATH: a file of a pinned snapshot

WIKI=HyundongHwang+PyTorchDeepLearningStart; WIKI_AT=d462dbe5466d5ec6e49206110c1ae252d7db5f5f
BOD=yiunsr+boddari; BOD_AT=9d21b9ef7e70afdd843acb4212ea8250b4c59745

: > "$OUT/raw/ko-wiki.txt"
for i in $(seq -w 0 39); do
    show $WIKI $WIKI_AT "text/AA/wiki_$i" | grep -v -e '^<doc ' -e '^</doc>' | awk 'length($0) >= 20' >> "$OUT/raw/ko-wiki.txt"
done
: > "$OUT/raw/ko-open.txt"
for f in wikinews unesco_report book_review01; do
    show $BOD $BOD_AT "boddari/txt/$f.txt" >> "$OUT/raw/ko-open.txt"
done

# The KLUE raw sentences, copied so that all three files go through the same filter below.
rm -f "$OUT/raw/klue-train-sentences.txt"
cp "$SHARED/raw/ko/klue-train-sentences.txt" "$OUT/raw/klue-train-sentences.txt"
chmod u+w "$OUT/raw/klue-train-sentences.txt"

# Drop any line that holds a sentence of the KLUE NER file (its train and held-out parts alike): the
# held-out part is the Korean dev score and must stay unseen.
"$PY" - "$SHARED/ner/ko/klue-train.jsonl" "$OUT/raw/ko-wiki.txt" "$OUT/raw/ko-open.txt" \
    "$OUT/raw/klue-train-sentences.txt" <<'PYEOF'
import json, sys
gold = [json.loads(l)["text"].strip() for l in open(sys.argv[1], encoding="utf-8")]
gold = [t for t in gold if len(t) >= 15]
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8").read()
    hits = [t for t in gold if t in text]
    if hits:
        lines = text.split("\n")
        text = "\n".join(l for l in lines if not any(t in l for t in hits))
        open(path, "w", encoding="utf-8").write(text)
    print(f"{path}: {len(hits)} KLUE NER sentence(s) found, their lines dropped", file=sys.stderr)
PYEOF

OMP_NUM_THREADS=1 PYTHONPATH="$HERE" "$PY" "$HERE/scripts/train_vectors.py" --lang ko --out "$OUT/vectors" \
    "$OUT/raw/ko-wiki.txt" "$OUT/raw/ko-open.txt" "$OUT/raw/klue-train-sentences.txt"

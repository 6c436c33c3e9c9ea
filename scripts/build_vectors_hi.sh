#!/bin/sh
# Rebuild the Hindi raw text for static subword vectors, and train the vectors (build time only).
#
#   sh scripts/build_vectors_hi.sh [MIRROR_DIR] [OUT_DIR]
#
# Why: issue 14 lists static vectors trained on raw text as the lift not yet tried for Hindi NER
# (configs/hi-vec.cfg reads them). No large openly licensed Hindi prose is reachable from this
# machine (Hindi Wikipedia extracts, Dakshina, Leipzig, Samanantar, PMIndia, IndicCorp are all
# hosted off GitHub or absent from the snapshots; IITB, HindEnCorp, UD Hindi-HDTB, XL-Sum are
# non-commercial; PAN-X states no licence), so the text is:
#   - the text of the Hindi NER training files train.py reads (IL-NER train without the
#     held-out part that picks the checkpoint, HiNER validation, MultiCoNER II train);
#   - NTREX-128 Hindi (news, 1,997 sentences; CC BY-SA 4.0, LICENSE.md), UD Hindi-PUD (news and
#     Wikipedia, 1,000 sentences; CC BY-SA 3.0, LICENSE.txt), XQuAD Hindi contexts (Wikipedia,
#     240 paragraphs; CC BY-SA 4.0, README.md), read at the commits pinned below from bare
#     snapshots named owner+name/repo under MIRROR_DIR (what the `fetch` tool writes; default
#     /work/.mirror). A snapshot at another commit is refused rather than silently used.
# No line that is a sentence of a shared dev file (ilner-dev, multiconer2-dev) or of the held-out
# part is written. Writes OUT_DIR (default /tmp/hi-vectors): raw.txt (one text a line, same bytes
# on every run), heldout.jsonl, and vectors/ (train_vectors.py's output; vectors/pipeline is what
# `--set 'paths.vectors="OUT_DIR/vectors/pipeline"'` takes).
set -eu
MIRROR=${1:-/work/.mirror}
OUT=${2:-/tmp/hi-vectors}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-$HERE/.venv/bin/python}
SRC=$OUT/src
mkdir -p "$SRC"
# the shared datasets where dossier itself (and the --export-heldout call below) looks for them
SHARED=${DOSSIER_SHARED:-$HERE/../shared}/datasets

. "$HERE/scripts/snapshot.sh"  # show REPO COMMIT PATH: a file of a pinned snapshot

NTREX=MicrosoftTranslator+NTREX; NTREX_AT=8561f6a622db9edad1217683e5c83daefd8bb2bf          # CC BY-SA 4.0
PUD=UniversalDependencies+UD_Hindi-PUD; PUD_AT=8bc630f73e0737ce5ed9eaa97abf11f172ecc9bd      # CC BY-SA 3.0
XQUAD=google-deepmind+xquad; XQUAD_AT=7d30520c717524000f0d9d2f9c10a069acd9d285               # CC BY-SA 4.0

show $NTREX $NTREX_AT NTREX-128/newstest2019-ref.hin.txt > "$SRC/ntrex-hin.txt"
show $PUD $PUD_AT hi_pud-ud-test.conllu > "$SRC/hi_pud-ud-test.conllu"
show $XQUAD $XQUAD_AT xquad.hi.json > "$SRC/xquad.hi.json"

# The held-out part of IL-NER train (seed 0), exactly as `train ner --lang hi` chooses it.
(cd "$HERE" && OMP_NUM_THREADS=1 PYTHONPATH=. "$PY" -m dossier train ner --lang hi --export-heldout "$SRC/heldout.jsonl")
cp "$SRC/heldout.jsonl" "$OUT/heldout.jsonl"

"$PY" - "$SHARED/ner/hi" "$SRC" "$OUT/raw.txt" <<'EOF'
import json, sys
from pathlib import Path

ner, src, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])

def texts(path):
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]

# Never trained on: the shared dev files and the held-out part (model selection).
norm = lambda t: " ".join(t.split())
banned = {norm(t) for t in texts(src / "heldout.jsonl")}
for name in ("ilner-dev.jsonl", "multiconer2-dev.jsonl"):
    banned |= {norm(t) for t in texts(ner / name)}

lines = []
for name in ("ilner-train.jsonl", "hiner-val.jsonl", "multiconer2-train.jsonl"):
    lines += texts(ner / name)
lines += (src / "ntrex-hin.txt").read_text(encoding="utf-8").splitlines()
with (src / "hi_pud-ud-test.conllu").open(encoding="utf-8") as f:
    lines += [l[len("# text = "):] for l in f.read().splitlines() if l.startswith("# text = ")]
xq = json.loads((src / "xquad.hi.json").read_text(encoding="utf-8"))
lines += [p["context"] for art in xq["data"] for p in art["paragraphs"]]

kept = dropped = 0
with out.open("w", encoding="utf-8", newline="\n") as f:
    for line in lines:
        line = norm(line)
        if not line:
            continue
        if line in banned:
            dropped += 1
            continue
        f.write(line + "\n")
        kept += 1
print(f"raw.txt: {kept} lines ({dropped} dropped: held-out or dev sentences)")
EOF
sha256sum "$OUT/raw.txt"

# floret vectors keyed on the committed Hindi model's tokens: 20,000 hashed rows x 100 dims (8 MB
# in the model), character 2- to 4-grams; 10 epochs, as the text is small (~0.7 M tokens).
(cd "$HERE" && OMP_NUM_THREADS=1 PYTHONPATH=. "$PY" scripts/train_vectors.py --lang hi --out "$OUT/vectors" \
    --dim 100 --bucket 20000 --minn 2 --maxn 4 --epoch 10 --min-count 3 "$OUT/raw.txt")

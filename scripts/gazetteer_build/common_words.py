"""City and region names that real text mostly uses as something else: data/gazetteer/common_words.json.

Reads the built data/gazetteer/places.jsonl.gz, the Korean suffixes of data/gazetteer/matching.yaml
and the NER corpora in shared/datasets/ner/<lang> (gold PER/ORG/LOC spans). Run after the places are
written, or alone (--common-words-only), since it depends only on them and on the corpora.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from pathlib import Path

from dossier import config
from dossier.geo.gazetteer import place_key

from . import OUT_DIR


def write_common_words() -> None:
    words = common_words(OUT_DIR / "places.jsonl.gz", OUT_DIR / "matching.yaml")
    path = OUT_DIR / "common_words.json"
    path.write_text(json.dumps(words, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps({lang: len(v) for lang, v in words.items()}))


DATASETS = [config.SHARED_DIR / "datasets" / "ner"]
WORD = re.compile(r"[\w\u0900-\u097f]+")


def common_words(places_path: Path, rules_path: Path) -> dict[str, list[str]]:
    """Single-word city names that the NER corpora (shared/datasets/ner/<lang>, gold PER/ORG/LOC
    spans) mostly use as an ordinary word or a person's name: हिन्दी, "Adams", 브라이언.

    For each language, every token of every sentence is counted as inside a LOC span, inside an
    ORG span (city names of sports teams and metonyms: neutral), inside a PER span, or outside any
    entity (for Latin script only lower-case occurrences count there: "mobile", not "Mobile"; for
    region names capitalised ones too: "Jewish", "Chechen").
    A city key is listed when `against` (PER + plain-word uses) is at least 3 and more than twice
    `support` (LOC + ORG uses). Listed names are then matched only with an NER LOC span behind them.
    """
    import yaml

    rules = yaml.safe_load(rules_path.read_text(encoding="utf-8"))
    suffixes = sorted(rules["ko_suffixes"], key=len, reverse=True)
    city_keys: set[str] = set()
    other_keys: set[str] = set()
    region_keys: set[str] = set()
    with gzip.open(places_path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            keys = {k for v in r["keys"].values() for k in v if " " not in k}
            (city_keys if r["kind"] in ("city", "region") else other_keys).update(keys)
            if r["kind"] == "region":
                region_keys.update(keys)
    city_keys -= other_keys
    base = next((d for d in DATASETS if d.is_dir()), None)
    out: dict[str, list[str]] = {}
    if base is None:
        return out
    for lang_dir in sorted(p for p in base.iterdir() if p.is_dir()):
        support: dict[str, int] = defaultdict(int)
        against: dict[str, int] = defaultdict(int)
        for f in sorted(lang_dir.glob("*.jsonl")):
            for line in f.open(encoding="utf-8"):
                row = json.loads(line)
                text = row["text"]
                ents = row.get("entities") or []
                for m in WORD.finditer(text):
                    tok = m.group(0)
                    forms = [tok] + [tok[: -len(x)] for x in suffixes if tok.endswith(x) and len(tok) > len(x)]
                    key = next((k for k in (place_key(x) for x in forms) if k in city_keys), None)
                    if key is None:
                        continue
                    label = next((lab for a, b, lab in ents if a < m.end() and m.start() < b), None)
                    if label in ("LOC", "ORG"):
                        support[key] += 1
                    elif label == "PER" or not (tok.isascii() and tok[:1].isupper()) or key in region_keys:
                        # a region's name written outside any PER/ORG/LOC span is mostly an adjective
                        # the source's names reduce to ("Jewish" Autonomous Oblast, "Chechen" Republic)
                        against[key] += 1
        words = sorted(k for k, n in against.items() if n >= 3 and n > 2 * support.get(k, 0))
        out[lang_dir.name] = words
    return out

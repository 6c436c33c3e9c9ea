"""Issue 13's own held-out check: real open-licence articles far from the sample events, scored
against hand-marked gold.

    python bench/bench_devset.py [--dir DIR] [--articles DIR] [--gold DIR] [--misses]

Every article in DIR/articles (text + JSON sidecar, as in the sample corpus; DIR is bench/devset
unless --dir says otherwise, e.g. --dir bench/devset_b for the fresh check set that is for scoring
only) goes through `dossier.extract.extract_file`, the engine call `ingest` makes per article, and is
compared with DIR/gold/<name>.yaml, marked by reading the text:

- key actors found: some PER/ORG entity overlaps one of the actor's surfaces as written;
- under one id: every PER/ORG entity over any of a found actor's surfaces carries the same entity id;
- key places: a resolved place overlaps the surface and is the gold country (`id`), or lies within
  25 km of the gold lat/lon; for first-level regions (gold gives only a name) any region resolved on
  that span counts, because the gazetteer's names differ from ours ('Gyeongsangbuk-do' for North
  Gyeongsang), so a region's identity is not checked (lenient);
- key dates: a time expression overlaps the surface and its value (or value/value_end) equals the
  gold ISO value, or is a time of day on that date, or is a range that starts or ends on the gold
  day (the gold marks "27일" of "27일부터 30일까지");
- language: the article's language is the majority (by characters) of its segments' languages.

"One id" is scored twice: on the extraction, and on the store after `ingest` of the whole set
(cross-article grouping of names no knowledge-base actor took may give a mention another id than its
article did): the second is what the app and `export` show. Prints a table per language and
overall, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from dossier.geo.distance import great_circle_km

DEVSET = ROOT / "bench" / "devset"
PLACE_RADIUS_KM = 25.0
ACTOR_LABELS = {"PER", "ORG"}


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Gold documents by article file name; raises ValueError on a malformed file."""
    gold = {}
    for path in sorted(gold_dir.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or not doc.get("file"):
            raise ValueError(f"{path.name}: no 'file'")
        for key in ("actors", "places", "dates"):
            if not isinstance(doc.get(key), list):
                raise ValueError(f"{path.name}: '{key}' must be a list")
        gold[doc["file"]] = doc
    return gold


def validate(articles_dir: Path, gold_dir: Path) -> list[str]:
    """Problems with the dev set: missing sidecars, licences, urls, gold surfaces absent from the text."""
    problems = []
    gold = load_gold(gold_dir)
    for txt in sorted(articles_dir.glob("*.txt")):
        sidecar = txt.with_suffix(".json")
        if not sidecar.exists():
            problems.append(f"{txt.name}: no sidecar")
            continue
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        for key in ("licence", "url", "language"):
            if not meta.get(key):
                problems.append(f"{sidecar.name}: no {key}")
        published = meta.get("published")
        if published is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(published)):
            # Dossier reads a day-precise date or none; a month alone or a remark belongs in the note
            problems.append(f"{sidecar.name}: published {published!r} is not YYYY-MM-DD or null")
        doc = gold.get(txt.name)
        if doc is None:
            problems.append(f"{txt.name}: no gold")
            continue
        text = txt.read_text(encoding="utf-8")
        surfaces = [s for a in doc["actors"] for s in a["surfaces"]]
        surfaces += [p["surface"] for p in doc["places"]] + [d["surface"] for d in doc["dates"]]
        problems += [f"{txt.name}: gold surface {s!r} not in text" for s in surfaces if not occurrences(text, s)]
    return problems


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Spans of `surface` that start a word; a one-character surface (Korean '문', '윤') must also
    end one, so that '문' never matches inside '문제'."""
    spans, start = [], text.find(surface)
    while start >= 0:
        end = start + len(surface)
        starts_word = start == 0 or not text[start - 1].isalnum()
        ends_word = len(surface) > 1 or end == len(text) or text[end].isspace()
        if starts_word and ends_word:
            spans.append((start, end))
        start = text.find(surface, start + 1)
    return spans


def _overlapping(items: list[dict], spans: list[tuple[int, int]]) -> list[dict]:
    return [it for it in items if any(it["start"] < e and s < it["end"] for s, e in spans)]


def place_matches(gold: dict, place: dict) -> bool:
    if "id" in gold:
        return place.get("place_id") == gold["id"]
    if "lat" in gold:
        return place.get("lat") is not None and great_circle_km(gold["lat"], gold["lon"], place["lat"], place["lon"]) <= PLACE_RADIUS_KM
    return (place.get("name") or "").lower() == gold["name"].lower() or place.get("kind") == "region"


def date_matches(gold: dict, time: dict) -> bool:
    value = time.get("value")
    if time.get("value_end"):
        # a day the gold marks on its own inside a range ("27일" of "27일부터 30일까지") is right when
        # the range starts or ends on it; a gold range needs the whole range
        if "/" not in gold["value"] and gold["value"] in (value, time["value_end"]):
            return True
        value = f"{value}/{time['value_end']}"
    # a time of day on the right date ("10일 오전 4시 40분" -> 2022-03-10T04:40) is the right date
    return value == gold["value"] or (value or "").startswith(gold["value"] + "T")


def article_language(result: dict) -> str | None:
    sizes: dict[str, int] = defaultdict(int)
    for seg in result.get("segments", []):
        if seg.get("lang"):
            sizes[seg["lang"]] += seg["end"] - seg["start"]
    return max(sizes, key=sizes.get) if sizes else None


def score_article(gold: dict, text: str, result: dict, language: str) -> dict:
    """Counts for one article, plus what was missed (for the report)."""
    entities = [e for e in result.get("entities", []) if e.get("label") in ACTOR_LABELS]
    row = {"actors": 0, "actors_found": 0, "actors_one_id": 0, "places": 0, "places_found": 0,
           "dates": 0, "dates_found": 0, "wrong_language": 0, "missed": []}
    for actor in gold["actors"]:
        spans = [sp for s in actor["surfaces"] for sp in occurrences(text, s)]
        hits = _overlapping(entities, spans)
        row["actors"] += 1
        if hits:
            row["actors_found"] += 1
            ids = {h.get("entity_id") for h in hits}
            if len(ids) == 1:
                row["actors_one_id"] += 1
            else:
                row["missed"].append(f"actor split {actor['name']}: {sorted(map(str, ids))}")
        else:
            row["missed"].append(f"actor {actor['name']}")
    for place in gold["places"]:
        hits = _overlapping(result.get("places", []), occurrences(text, place["surface"]))
        row["places"] += 1
        if any(place_matches(place, h) for h in hits):
            row["places_found"] += 1
        else:
            got = [(h.get("name"), h.get("place_id")) for h in hits]
            row["missed"].append(f"place {place['surface']} -> {got or 'nothing'}")
    for date in gold["dates"]:
        hits = _overlapping(result.get("times", []), occurrences(text, date["surface"]))
        row["dates"] += 1
        if any(date_matches(date, h) for h in hits):
            row["dates_found"] += 1
        else:
            got = [(h.get("text"), h.get("value"), h.get("value_end")) for h in hits]
            row["missed"].append(f"date {date['surface']}={date['value']} -> {got or 'nothing'}")
    found = article_language(result)
    if found != language:
        row["wrong_language"] = 1
        row["missed"].append(f"language {language} taken for {found}")
    return row


def summarise(rows: list[dict]) -> dict:
    """Percentages over summed counts (an article with more key items weighs more)."""
    total = defaultdict(int)
    for row in rows:
        for key, value in row.items():
            if isinstance(value, int):
                total[key] += value

    def pct(num: str, den: str) -> float | None:
        return round(100.0 * total[num] / total[den], 1) if total[den] else None

    return {"articles": len(rows), "actors_found_pct": pct("actors_found", "actors"),
            "actors_one_id_pct": pct("actors_one_id", "actors_found"),
            "actors_one_id_stored_pct": pct("actors_one_id_stored", "actors_found"),
            "places_pct": pct("places_found", "places"),
            "dates_pct": pct("dates_found", "dates"), "wrong_language": total["wrong_language"],
            "counts": {k: total[k] for k in ("actors", "actors_found", "actors_one_id", "actors_one_id_stored",
                                             "places", "places_found", "dates", "dates_found")}}


def stored_ids(articles_dir: Path) -> dict[str, dict[tuple[int, int], str | None]]:
    """file name -> (start, end) -> entity id of each mention, after ingesting every article of
    ``articles_dir`` into a fresh store (so after the corpus-level grouping of unknown names)."""
    import tempfile

    from dossier.filters import Filters
    from dossier.ingest.run import ingest_paths
    from dossier.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "devset.db") as store:
        report = ingest_paths([articles_dir], store)
        return {
            Path(line.path).name: {(m.start, m.end): m.entity_id
                                   for m in store.mentions(Filters(), article_id=line.article_id, limit=100_000)}
            for line in report.lines if line.article_id
        }


def run(articles_dir: Path, gold_dir: Path) -> tuple[dict[str, dict], list[tuple[str, dict]]]:
    from dossier.extract import extract_file

    gold = load_gold(gold_dir)
    stored = stored_ids(articles_dir)
    per_article = []
    for txt in sorted(articles_dir.glob("*.txt")):
        meta = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        result = extract_file(txt, published=meta.get("published"), lang="auto").to_json()
        text = txt.read_text(encoding="utf-8")
        row = score_article(gold[txt.name], text, result, meta["language"])
        ids = stored.get(txt.name, {})
        in_store = {**result, "entities": [{**e, "entity_id": ids.get((e["start"], e["end"]))}
                                           for e in result.get("entities", [])]}
        row_store = score_article(gold[txt.name], text, in_store, meta["language"])
        row["actors_one_id_stored"] = row_store["actors_one_id"]
        row["missed"] += [f"in the store: {m}" for m in row_store["missed"] if m.startswith("actor split")]
        per_article.append((meta["language"], txt.name, row))
    by_lang: dict[str, list[dict]] = defaultdict(list)
    for lang, _, row in per_article:
        by_lang[lang].append(row)
    summary = {lang: summarise(rows) for lang, rows in sorted(by_lang.items())}
    summary["all"] = summarise([row for _, _, row in per_article])
    return summary, [(name, row) for _, name, row in per_article]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command line; --articles and --gold default to the articles/ and gold/ folders of --dir."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEVSET,
                        help="a check set with articles/ and gold/ (default bench/devset; bench/devset_b is for scoring only)")
    parser.add_argument("--articles", type=Path, default=None, help="articles folder (default DIR/articles)")
    parser.add_argument("--gold", type=Path, default=None, help="gold folder (default DIR/gold)")
    parser.add_argument("--misses", action="store_true", help="list what was missed per article")
    args = parser.parse_args(argv)
    args.articles = args.articles or args.dir / "articles"
    args.gold = args.gold or args.dir / "gold"
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not any(args.articles.glob("*.txt")):  # a mistyped --dir would otherwise score nothing and "pass"
        print(f"no articles in {args.articles}", file=sys.stderr)
        return 2
    problems = validate(args.articles, args.gold)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    summary, per_article = run(args.articles, args.gold)
    if args.misses:
        for name, row in per_article:
            for miss in row["missed"]:
                print(f"{name}: {miss}")
    print(f"{'lang':<5}{'articles':>9}{'actors found':>14}{'one id':>8}{'in store':>10}{'places':>8}{'dates':>8}"
          f"{'wrong lang':>12}")
    for lang, s in summary.items():
        print(f"{lang:<5}{s['articles']:>9}{s['actors_found_pct']!s:>14}{s['actors_one_id_pct']!s:>8}"
              f"{s['actors_one_id_stored_pct']!s:>10}"
              f"{s['places_pct']!s:>8}{s['dates_pct']!s:>8}{s['wrong_language']:>12}")
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

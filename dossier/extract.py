"""`extract` (one article → the DESIGN.md JSON) and `annotate` (evaluation batch mode)."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

from dossier.corpus.pipeline import analyse
from dossier.ingest.formats import RawDoc
from dossier.ingest.run import LoadError, MetadataError, load_file, normalise_date
from dossier.model import ArticleMeta, Extraction


class ExtractError(ValueError):
    pass


def extract_file(path: Path, *, published: str | None = None, lang: str = "auto") -> Extraction:
    try:
        loaded = load_file(path)
    except LoadError as exc:
        raise ExtractError(str(exc)) from exc
    docs = [d for d in loaded.docs if isinstance(d, RawDoc)]
    if len(loaded.docs) != 1 or not docs:
        raise ExtractError(f"holds {len(loaded.docs)} records; extract takes a file with one article")
    doc = docs[0]
    meta = loaded.metadata(doc)
    try:
        published_iso = normalise_date(published if published is not None else meta.get("published"))
    except MetadataError as exc:
        raise ExtractError(str(exc)) from exc
    text = unicodedata.normalize("NFC", doc.text)
    force = None if lang in ("", "auto") else lang
    analysis = analyse(
        text,
        lang_hint=meta.get("language"),
        force_lang=force,
        published=dt.date.fromisoformat(published_iso) if published_iso else None,
        source=meta.get("source"),
    )
    article = ArticleMeta(
        id=path.stem,
        title=meta.get("title"),
        published=published_iso,
        source=meta.get("source"),
        url=meta.get("url"),
    )
    return Extraction(
        article=article,
        segments=analysis.segments,
        entities=[e for e, _ in analysis.entities],
        times=analysis.times,
        places=analysis.places,
        events=[f.base() for f in analysis.frames],
        notes=analysis.notes + loaded.warnings,
    )


def annotate_record(record: dict) -> dict:
    """One evaluation line → {"id", "entities", "timexes"}; offsets into the text exactly as given."""
    text = record["text"]
    if not isinstance(text, str):
        raise ValueError("text is not a string")
    lang = record.get("lang") or None
    dct = record.get("dct")
    published = dt.date.fromisoformat(dct) if dct else None
    # evaluation scores entities and times only: skip the stages that cannot change them
    analysis = analyse(text, force_lang=lang, published=published, stages=frozenset(), linked=False)
    return {
        "id": record.get("id"),
        "entities": [[e.start, e.end, e.label] for e, _ in analysis.entities],
        "timexes": [[t.start, t.end, t.type, t.value] for t in analysis.times],
    }


def annotate_file(src: Path, dst: Path) -> tuple[int, list[str]]:
    """Annotate every line; a bad line is reported and written with empty annotations, so line
    counts and ids still match the input."""
    errors: list[str] = []
    n = 0
    with open(src, encoding="utf-8") as fin, open(dst, "w", encoding="utf-8") as fout:
        for lineno, line in enumerate(fin, start=1):
            if not line.strip():
                continue
            record = None
            try:
                record = json.loads(line)
                out = annotate_record(record)
            except (json.JSONDecodeError, KeyError, ValueError, TypeError) as exc:
                errors.append(f"line {lineno}: {exc}")
                rid = record.get("id") if isinstance(record, dict) else None
                out = {"id": rid, "entities": [], "timexes": []}
            fout.write(json.dumps(out, ensure_ascii=False) + "\n")
            n += 1
    return n, errors

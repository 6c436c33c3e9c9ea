"""The per-article analysis: text → segments, sentences, entities, times (then places, events).

Stages run per language segment, so a Korean body and its English translation each go through
their own language's models; offsets are shifted back into the article's text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import hashlib
from functools import lru_cache

from dossier import __version__, config
from dossier import entities as ner
from dossier import link, timex
from dossier.model import Entity, Segment, Sentence, Span, Timex
from dossier.segment import segment, sentences


@dataclass
class Analysis:
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[tuple[Entity, str]] = field(default_factory=list)  # (entity, segment language)
    times: list[Timex] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# Bump when the code of a stage changes what it extracts; data and model changes are hashed below.
PIPELINE_REVISION = 1
# Data that decides what extraction finds. Model weights are represented by their meta.json.
_VERSIONED_DATA = ("kb", "timex", "events", "provenance", "lang", "gazetteer")


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Changes whenever code revision, data tables or models change, so stored extraction from an
    older pipeline is redone on the next ingest of the same article."""
    digest = hashlib.sha256(f"{__version__}/{PIPELINE_REVISION}".encode())
    files: list = []
    for name in _VERSIONED_DATA:
        folder = config.DATA_DIR / name
        if folder.is_dir():
            files.extend(p for p in folder.rglob("*") if p.is_file())
    files.extend(config.DATA_DIR.glob("models/*/meta.json"))
    for path in sorted(files):
        digest.update(str(path.relative_to(config.DATA_DIR)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def analyse(
    text: str,
    *,
    lang_hint: str | None = None,
    force_lang: str | None = None,
    published: dt.date | None = None,
) -> Analysis:
    """Analyse one article's text. ``force_lang`` overrides language identification;
    ``published`` anchors relative dates (None: they stay unresolved, never guessed)."""
    segs = segment(text, lang_hint=lang_hint)
    if force_lang:
        for seg in segs:
            seg.lang = force_lang
    result = Analysis(segments=segs, sentences=sentences(text, segs))
    no_model: set[str] = set()
    for seg in segs:
        piece = text[seg.start : seg.end]
        if not ner.has_model(seg.lang):
            no_model.add(seg.lang)
        for ent in recognise_entities(piece, seg.lang):
            result.entities.append((replace(ent, start=ent.start + seg.start, end=ent.end + seg.start), seg.lang))
        for t in timex.tag(piece, seg.lang, published):
            result.times.append(replace(t, start=t.start + seg.start, end=t.end + seg.start))
    for lang in sorted(no_model):
        result.notes.append(f"no NER model for language '{lang}': knowledge-base matches only")
    return result


def recognise_entities(text: str, lang: str) -> list[Entity]:
    """NER spans plus knowledge-base matches the model missed, linked to canonical actors."""
    spans = entity_spans(text, lang)
    return link.link_entities(text, lang, spans)


def entity_spans(text: str, lang: str) -> list[Span]:
    """The model's spans first; a dictionary match is added only where the model found nothing."""
    spans = ner.recognize(text, lang)
    taken = [(s.start, s.end) for s in spans]
    for m in link.kb_matches(text, lang):
        if all(m.end <= a or m.start >= b for a, b in taken):
            spans.append(m)
            taken.append((m.start, m.end))
    return sorted(spans, key=lambda s: (s.start, s.end))

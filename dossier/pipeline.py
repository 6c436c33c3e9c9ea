"""The per-article analysis: text → segments, sentences (then entities, times, places, events).

Stages run per language segment, so a Korean body and its English translation each go through
their own language's models; offsets are shifted back into the article's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dossier.model import Segment, Sentence
from dossier.segment import segment, sentences


@dataclass
class Analysis:
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def analyse(text: str, *, lang_hint: str | None = None, force_lang: str | None = None) -> Analysis:
    """Analyse one article's text. ``force_lang`` overrides language identification."""
    segs = segment(text, lang_hint=lang_hint)
    if force_lang:
        for seg in segs:
            seg.lang = force_lang
    return Analysis(segments=segs, sentences=sentences(text, segs))

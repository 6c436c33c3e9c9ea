"""An article beside its translation: sentence-aligned rows, each canonical entity highlighted in
the same colour in both scripts."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from components.safe import esc, lang_attr
from dossier.model import Entity, Sentence
from dossier.store import ArticleDetail
from dossier.text.align import align

# Soft backgrounds, readable under dark text; an entity's colour comes from its id.
COLOURS = ("#ffe08a", "#b8e0ff", "#c8f0c0", "#ffc8d8", "#e0d0ff", "#ffd8b0", "#c0f0f0", "#f0f0a8",
           "#d8e8c0", "#f8c8f0")


def colour_of(entity_id: str) -> str:
    return COLOURS[int(hashlib.sha1(entity_id.encode()).hexdigest(), 16) % len(COLOURS)]


def parallel_pairs(detail: ArticleDetail) -> list[tuple[int, int]]:
    """(source segment, translation segment) index pairs of an article."""
    return [(s.parallel_of, i) for i, s in enumerate(detail.segments) if s.parallel_of is not None]


def highlighted(text: str, start: int, end: int, entities: Sequence[Entity]) -> str:
    """text[start:end] escaped, with linked entity mentions wrapped in their colour."""
    out, pos = [], start
    for e in sorted((e for e in entities if start <= e.start and e.end <= end and e.entity_id), key=lambda e: e.start):
        if e.start < pos:
            continue  # overlapping mention: keep the first
        out.append(esc(text[pos:e.start]))
        title = f"{e.canonical or e.entity_id} ({e.label})"
        out.append(
            f'<mark style="background:{colour_of(e.entity_id)}" title="{esc(title)}">{esc(text[e.start:e.end])}</mark>'
        )
        pos = e.end
    out.append(esc(text[pos:end]))
    return "".join(out)


def parallel_html(detail: ArticleDetail, entities: Sequence[Entity], source: int, target: int) -> str:
    text, segs = detail.text, detail.segments
    left = [s for s in detail.sentences if s.segment == source]
    right = [s for s in detail.sentences if s.segment == target]

    def cell(group: tuple[int, ...], sents: Sequence[Sentence], lang: str) -> str:
        body = " ".join(highlighted(text, sents[i].start, sents[i].end, entities) for i in group)
        return f'<td{lang_attr(lang)}>{body or "<span class=dz-undated>—</span>"}</td>'

    rows = [
        f"<tr>{cell(p.left, left, segs[source].lang)}{cell(p.right, right, segs[target].lang)}</tr>"
        for p in align(text, left, right, entities)
    ]
    return (
        '<table class="dz-parallel"><thead><tr>'
        f"<th>{esc(segs[source].lang)} (segment {source + 1})</th><th>{esc(segs[target].lang)} (segment {target + 1}, translation)</th>"
        f'</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )

"""An article beside its translation: sentence-aligned rows, every mark in both scripts, and each
actor underlined in the same colour on both sides."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from components.safe import esc, lang_attr
from dossier.export.marks import Mark, marked_html
from dossier.model import Entity, Sentence
from dossier.store import ArticleDetail
from dossier.text.align import align

# Strong underline colours (the mark's background already says its kind); an actor's comes from its id.
COLOURS = ("#d08a1c", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#5a6b7d", "#bcbd22")


def colour_of(entity_id: str) -> str:
    return COLOURS[int(hashlib.sha1(entity_id.encode()).hexdigest(), 16) % len(COLOURS)]


def parallel_pairs(detail: ArticleDetail) -> list[tuple[int, int]]:
    """(source segment, translation segment) index pairs of an article."""
    return [(s.parallel_of, i) for i, s in enumerate(detail.segments) if s.parallel_of is not None]


def underline_style(mark: Mark) -> str | None:
    """An actor's own colour under its marks, the same in both scripts."""
    return f"border-bottom: 3px solid {colour_of(mark.actor_id)}" if mark.actor_id else None


def parallel_html(detail: ArticleDetail, entities: Sequence[Entity], source: int, target: int, *,
                  marks: Sequence[Mark] = (), link: Callable[[Mark], str | None] = lambda m: None,
                  focus: tuple[int, int] | None = None) -> str:
    """The two segments as a table of aligned sentences (alignment uses the linked ``entities``),
    each sentence with its ``marks``."""
    text, segs = detail.text, detail.segments
    left = [s for s in detail.sentences if s.segment == source]
    right = [s for s in detail.sentences if s.segment == target]

    def cell(group: tuple[int, ...], sents: Sequence[Sentence], lang: str) -> str:
        body = " ".join(
            marked_html(text, sents[i].start, sents[i].end, marks, link=link, focus=focus, style=underline_style)
            for i in group
        )
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

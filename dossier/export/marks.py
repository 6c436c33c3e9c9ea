"""What was found in an article, as marks over its text: every entity, place and time expression
with its kind, the canonical name or resolved value to show on hover, and the actor or place it can
filter by; and the escaped HTML of a stretch of text with those marks.

The spans come from the store (character offsets into the article's stored text), so the reader
shows exactly what extraction and the corrections left there. Used by the app's reader and usable
by any export; nothing here knows about Streamlit or URLs (the caller says what a mark links to).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dossier.model import Entity, Place, Timex
from dossier.store import Store
from dossier.text.markup import escape

# Kinds of mark, in legend order: (css class suffix, words for the legend)
KINDS: dict[str, str] = {
    "PER": "person",
    "ORG": "organisation",
    "LOC": "place or location",
    "TIME": "date or time",
}
# What a kind of time expression is called on hover
_TIMEX_TYPES = {"DATE": "date", "TIME": "time", "DURATION": "duration", "SET": "recurring time"}
_ENTITY_WORDS = {"PER": "person", "ORG": "organisation", "LOC": "location"}


@dataclass(frozen=True)
class Mark:
    """One marked span ``[start, end)`` of the article text."""

    start: int
    end: int
    kind: str  # a key of KINDS
    title: str  # hover text: canonical name or resolved value, and what the mark is
    actor_id: str | None = None  # filter target when the span names an actor (person, organisation, country)
    place_id: str | None = None  # filter target when the span names a gazetteer place


def article_marks(store: Store, article_id: str) -> list[Mark]:
    """The marks of one stored article (empty for an unknown id)."""
    found = store.article_extraction(article_id)
    return marks_of(found["entities"], found["places"], found["times"])


def marks_of(entities: Sequence[Entity], places: Sequence[Place], times: Sequence[Timex]) -> list[Mark]:
    """Non-overlapping marks, in text order.

    An entity and a place over the same span (a country is both an actor and a place) are one mark
    that names both. Where spans overlap otherwise, the one that starts first wins, then the longer:
    a mark inside another cannot be drawn as a separate link, and the outer one says more."""
    by_span: dict[tuple[int, int], dict] = {}
    for e in entities:
        slot = by_span.setdefault((e.start, e.end), {})
        slot.setdefault("entity", e)
    for p in places:
        slot = by_span.setdefault((p.start, p.end), {})
        slot.setdefault("place", p)
    for t in times:
        slot = by_span.setdefault((t.start, t.end), {})
        if not slot:
            slot["time"] = t
    candidates = [_mark(start, end, slot) for (start, end), slot in by_span.items() if end > start]
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mark] = []
    for m in candidates:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _mark(start: int, end: int, slot: dict) -> Mark:
    entity: Entity | None = slot.get("entity")
    place: Place | None = slot.get("place")
    if entity is None and place is None:
        return Mark(start, end, "TIME", _time_title(slot["time"]))
    # an x: id is a name no knowledge-base entry took: its key is a spelling, not a name to show
    linked = entity is not None and bool(entity.entity_id) and not entity.entity_id.startswith("x:")
    parts: list[str] = []
    if entity is not None and (linked or place is None):
        name = entity.canonical if linked and entity.canonical else entity.text
        note = "" if linked else ", not in the knowledge base"
        parts.append(f"{name} ({_ENTITY_WORDS.get(entity.label, entity.label)}{note})")
    if place is not None:
        if parts and linked and place.name == entity.canonical:
            parts[-1] = f"{place.name} ({_ENTITY_WORDS.get(entity.label, entity.label)}, {place.kind})"
        else:
            parts.append(f"{place.name} ({place.kind})")
    # a linked actor filters by actor; a place by place; an unknown name without a place by its group
    actor_id = entity.entity_id if entity is not None and (linked or place is None) else None
    kind = entity.label if entity is not None and entity.label in KINDS else "LOC"
    return Mark(start, end, kind, " · ".join(parts), actor_id or None, place.place_id if place else None)


def _time_title(t: Timex) -> str:
    value = t.value or "unresolved"
    if t.value_end:
        value += f" – {t.value_end}"
    detail = ", ".join(x for x in (_TIMEX_TYPES.get(t.type, t.type.lower()), t.precision, (t.mod or "").lower()) if x)
    return f"{value} ({detail})"


def marked_html(
    text: str,
    start: int,
    end: int,
    marks: Sequence[Mark],
    *,
    link: Callable[[Mark], str | None] = lambda m: None,
    focus: tuple[int, int] | None = None,
    style: Callable[[Mark], str | None] = lambda m: None,
) -> str:
    """``text[start:end]`` escaped, each mark inside it as ``<a>`` (when ``link`` gives an href) or
    ``<mark>``, with class ``dz-k-<kind>`` and its title; the ``focus`` span (a sentence to point
    at) wrapped in ``<span class="dz-focus">``; ``style`` may add an inline style to a mark. Marks that cross the focus boundary are left
    plain so the tags nest. The text is never interpreted: everything passes through ``escape``."""
    inside = [m for m in marks if start <= m.start and m.end <= end]
    if focus is not None:
        f0, f1 = max(focus[0], start), min(focus[1], end)
        focus = (f0, f1) if f0 < f1 else None
    if focus is not None:
        inside = [m for m in inside if m.end <= focus[0] or m.start >= focus[1] or focus[0] <= m.start and m.end <= focus[1]]
    out: list[str] = []
    opened = False

    def boundary(x: int) -> None:
        # called before the content that starts at x: close or open the focus span there
        nonlocal opened
        if focus is not None and opened and x == focus[1]:
            out.append("</span>")
            opened = False
        if focus is not None and not opened and x == focus[0]:
            out.append('<span class="dz-focus">')
            opened = True

    def plain(a: int, b: int) -> None:
        cuts = sorted({a, b, *(x for x in (focus or ()) if a < x < b)})
        for x, y in itertools.pairwise(cuts):
            boundary(x)
            out.append(escape(text[x:y]))

    pos = start
    for m in inside:
        if m.start < pos:
            continue
        plain(pos, m.start)
        boundary(m.start)
        href = link(m)
        attrs = f'class="dz-mark dz-k-{escape(m.kind)}" title="{escape(m.title)}"'
        if extra := style(m):
            attrs += f' style="{escape(extra)}"'
        body = escape(text[m.start : m.end])
        out.append(
            f'<a {attrs} href="{escape(href)}" target="_self">{body}</a>' if href else f"<mark {attrs}>{body}</mark>"
        )
        pos = m.end
    plain(pos, end)
    boundary(end)
    if opened:
        out.append("</span>")
    return "".join(out)


def legend_html() -> str:
    """One chip per kind of mark, in the marks' own classes."""
    chips = "".join(f'<mark class="dz-mark dz-k-{k}">{escape(words)}</mark>' for k, words in KINDS.items())
    return f'<div class="dz-legend">Marked: {chips}</div>'

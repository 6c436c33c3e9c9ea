"""The article reader: metadata, language segments and the text exactly as written, with every
entity, place and time expression found in it marked (dossier/export/marks.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from components.filters import filter_link
from components.labels import language_label, published_label, segment_label
from components.parallel_view import parallel_html, parallel_pairs
from components.safe import esc, lang_attr, safe_link
from dossier.export.marks import Mark, legend_html, marked_html
from dossier.filters import Filters
from dossier.model import Entity
from dossier.store import ArticleDetail

MarkLink = Callable[[Mark], "str | None"]


def marked_block(detail: ArticleDetail, start: int, end: int, marks: Sequence[Mark], *, lang: str = "",
                 link: MarkLink = lambda m: None, focus: tuple[int, int] | None = None) -> str:
    """``text_block`` of ``detail.text[start:end]`` with its marks (and the focus sentence)."""
    body = marked_html(detail.text, start, end, marks, link=link, focus=focus)
    return f'<div class="dz-text" dir="auto"{lang_attr(lang)}>{body}</div>'


def mark_links(f: Filters, article_id: str) -> MarkLink:
    """Where a mark leads: an actor to the Entities page filtered by it, a place to the Map filtered
    by it (the other filters and the open article kept, so every page shows that view)."""

    def link(m: Mark) -> str | None:
        if m.actor_id:
            return filter_link("entities", f.with_(actors=(m.actor_id,)), article=article_id)
        if m.place_id:
            return filter_link("map", f.with_(places=(m.place_id,)), article=article_id)
        return None

    return link


def parse_focus(value: str | None) -> tuple[int, int] | None:
    """The ``sentence`` URL parameter ("START-END", character offsets) as a span; None when absent
    or malformed (a crafted link must not break the reader)."""
    try:
        a, b = (int(x) for x in (value or "").split("-", 1))
    except ValueError:
        return None
    return (a, b) if 0 <= a < b else None


def render_article_header(detail: ArticleDetail) -> str:
    """Escaped HTML of the title and a one-line summary of the metadata."""
    if detail.title:
        title = f'<div class="dz-title" dir="auto">{esc(detail.title)}</div>'
    else:
        title = '<div class="dz-title dz-untitled">Untitled article</div>'
    date = (
        f"<span>{esc(detail.published)}</span>"
        if detail.published
        else '<span class="dz-undated">undated</span>'
    )
    parts = [
        date,
        f"<span>{esc(detail.source) if detail.source else 'source unknown'}</span>",
        f"<span>{esc(', '.join(language_label(c) for c in detail.langs)) or 'no language'}</span>",
        f"<span>{detail.n_chars:,} characters</span>",
    ]
    if detail.url:
        parts.append(f"<span>{safe_link(detail.url)}</span>")
    return title + f'<div class="dz-meta">{"".join(parts)}</div>'


def render_segments_html(detail: ArticleDetail, marks: Sequence[Mark] = (), *, link: MarkLink = lambda m: None,
                         focus: tuple[int, int] | None = None) -> str:
    """Each segment with what it is (language, kind, translation link) and its marked text."""
    if not detail.segments:
        return marked_block(detail, 0, len(detail.text), marks, link=link, focus=focus)
    blocks = []
    for i, seg in enumerate(detail.segments):
        label = f"{i + 1}. {segment_label(i, detail.segments)}"
        blocks.append(
            f'<div class="dz-seglabel"{lang_attr("en")}>{esc(label)}</div>'
            f'<span class="dz-segrange">characters {seg.start:,}–{seg.end:,}</span>'
            + marked_block(detail, seg.start, seg.end, marks, lang=seg.lang, link=link, focus=focus)
        )
    return "".join(blocks)


def render_provenance_html(detail: ArticleDetail) -> str:
    rows = [
        ("Article id", detail.id),
        ("Published", published_label(detail.published)),
        ("Source", detail.source or "unknown"),
        ("URL", None),
        ("Licence", detail.licence or "not stated"),
        ("Note", detail.note or ""),
        ("File", detail.origin),
        ("Encoding", detail.encoding),
        ("SHA-256 of the original bytes", detail.raw_sha256),
        ("Ingested at", detail.ingested_at),
        ("Segments", str(len(detail.segments))),
        ("Sentences", str(len(detail.sentences))),
    ]
    items = []
    for name, value in rows:
        shown = (safe_link(detail.url) or "unknown") if name == "URL" else esc(value)
        items.append(f"<dt>{esc(name)}</dt><dd dir=\"auto\">{shown}</dd>")
    return f'<dl class="dz-dl">{"".join(items)}</dl>'


def render_article_reader(
    detail: ArticleDetail | None, *, key: str, entities: Sequence[Entity] = (), marks: Sequence[Mark] = (),
    link: MarkLink = lambda m: None, focus: tuple[int, int] | None = None,
) -> str | None:
    """Show one article, its marks linked by ``link`` and the ``focus`` sentence highlighted.
    Returns the name of the tab-like view chosen (segments, full text, side by side, provenance) so
    a page can remember it; None when there is no article."""
    if detail is None:
        st.info("Select an article in the list to read it.", icon=":material/article:")
        return None
    st.html(render_article_header(detail))
    pairs = parallel_pairs(detail)
    views = ["Segments", "Full text"] + (["Side by side"] if pairs else []) + ["Provenance"]
    view = st.segmented_control(
        "View",
        views,
        default="Segments",
        key=f"{key}_view",
        label_visibility="collapsed",
    )
    view = view or "Segments"
    if view != "Provenance" and marks:
        st.html(legend_html() + '<div class="dz-legend-note">Hover a mark for its name or date; click a '
                "name to filter every page by that actor or place.</div>")
    if focus is not None and view != "Provenance":
        st.html('<div class="dz-legend-note"><span class="dz-focus">Highlighted</span>: the sentence of the '
                "event you selected.</div>")
    if view == "Segments":
        st.html(render_segments_html(detail, marks, link=link, focus=focus))
    elif view == "Full text":
        main_lang = detail.segments[0].lang if detail.segments else ""
        st.html(marked_block(detail, 0, len(detail.text), marks, lang=main_lang, link=link, focus=focus))
    elif view == "Side by side":
        st.caption("The text and its translation, sentence by sentence; an actor is underlined in the same "
                   "colour in both.")
        for source, target in pairs:
            st.html(parallel_html(detail, entities, source, target, marks=marks, link=link, focus=focus))
    else:
        st.html(render_provenance_html(detail))
    return view

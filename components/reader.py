"""The article reader: metadata, language segments and the text exactly as written."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.labels import language_label, published_label, segment_label
from components.parallel_view import parallel_html, parallel_pairs
from components.safe import esc, lang_attr, safe_link, text_block
from dossier.model import Entity
from dossier.store import ArticleDetail


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


def render_segments_html(detail: ArticleDetail) -> str:
    """Each segment with what it is (language, kind, translation link) and its text."""
    if not detail.segments:
        return text_block(detail.text)
    blocks = []
    for i, seg in enumerate(detail.segments):
        label = f"{i + 1}. {segment_label(i, detail.segments)}"
        blocks.append(
            f'<div class="dz-seglabel"{lang_attr("en")}>{esc(label)}</div>'
            f'<span class="dz-segrange">characters {seg.start:,}–{seg.end:,}</span>'
            + text_block(detail.text[seg.start : seg.end], lang=seg.lang)
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
    detail: ArticleDetail | None, *, key: str, entities: Sequence[Entity] = ()
) -> str | None:
    """Show one article. Returns the name of the tab-like view chosen (segments, full text,
    provenance) so a page can remember it; None when there is no article."""
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
    if view == "Segments":
        st.html(render_segments_html(detail))
    elif view == "Full text":
        main_lang = detail.segments[0].lang if detail.segments else ""
        st.html(text_block(detail.text, lang=main_lang))
    elif view == "Side by side":
        st.caption("The text and its translation, sentence by sentence; an actor has the same colour in both.")
        for source, target in pairs:
            st.html(parallel_html(detail, entities, source, target))
    else:
        st.html(render_provenance_html(detail))
    return view

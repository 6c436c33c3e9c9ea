"""The frame around every page: navigation links that carry the filters, and the filter bar."""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping, Sequence

import streamlit as st

from components import preload
from components.filters import query_params
from components.safe import esc
from dossier.filters import Filters

_FRAME_READY = "_dz_frame_ready"
_FRAME_RETRY = "_dz_frame_retry"


def mark_frame_ready() -> None:
    """Called by app.py just before it runs the page."""
    st.session_state[_FRAME_READY] = True


def require_frame() -> None:
    """First line of every page: make sure the page runs inside app.py's frame.

    Because a ``pages/`` folder exists, Streamlit starts in its old folder-based multipage mode
    until ``st.navigation`` has run once in the process: the first run of a fresh server (and, in
    AppTest, every run) may execute the page file directly, without app.py — no sidebar, no
    filters, no styles. ``st.navigation`` itself turns that mode off with the class flag below;
    a page that finds no frame does the same and asks for one rerun, which goes through app.py.
    """
    preload.wait()  # a fresh server may run a page before app.py: it too waits for the warm-up
    ss = st.session_state
    if ss.pop(_FRAME_READY, False):
        ss.pop(_FRAME_RETRY, None)
        return
    if ss.get(_FRAME_RETRY):
        return  # already retried once: render without the frame rather than loop
    if not preload.use_navigation_mode():
        return
    ss[_FRAME_RETRY] = True
    st.rerun()


def render_nav_links(pages: Sequence[st.Page]) -> None:
    """One link per page, each carrying the current query string, so switching pages keeps the
    filtered view (and the open article). Call after the filters have written the URL."""
    params = query_params()
    for p in pages:
        st.page_link(p, query_params=params or None)


def filter_bar_html(f: Filters, labels: Mapping[str, str] | None = None) -> str:
    """The active filters in words, actors and places by name (escaped: the search text and
    sources come from outside)."""
    return f'<div class="dz-filterbar"><strong>Showing:</strong> {esc(f.describe(labels))}</div>'


def problems_html(problems: Sequence[str]) -> str:
    """What in the link was not understood. Escaped HTML, not st.warning: the problems quote values
    from the URL, and markdown would turn a crafted ``[text](url)`` or ``![](url)`` into a link or
    an image fetched from the network."""
    items = "".join(f"<li>{esc(p)}</li>" for p in problems)
    return f'<div class="dz-warning" role="alert">Link not fully understood:<ul>{items}</ul></div>'


def render_filter_bar(f: Filters, labels: Mapping[str, str] | None = None) -> None:
    st.html(filter_bar_html(f, labels))
    if f.problems:
        st.html(problems_html(f.problems))


@functools.lru_cache(maxsize=1)
def favicon() -> bytes:
    """A small page icon drawn here, so the browser never fetches one (a Material-icon favicon
    would come from fonts.gstatic.com): a dark-blue square with three text lines, as PNG bytes.
    Drawn and encoded once per process: app.py passes it to set_page_config on every run, which
    re-encoded a PIL image each time (~2 ms a rerun)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((2, 2, 62, 62), radius=10, fill=(31, 78, 121, 255))
    for y, width in ((18, 38), (30, 38), (42, 24)):
        draw.rounded_rectangle((13, y, 13 + width, y + 6), radius=3, fill=(255, 255, 255, 255))
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()

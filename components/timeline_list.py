"""The Timeline's chronological list: one line per event (when, who · what · where, its sources,
whether they disagree), each a link that selects the event."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.filters import filter_link
from components.safe import esc, lang_attr
from dossier.export.event_labels import StoryLine
from dossier.filters import Filters

# Lines sent to the browser (the chart and the exports have every event).
MAX_STORY_LINES = 500
LIST_HEIGHT = 640


def story_html(lines: Sequence[StoryLine], f: Filters, selected: str | None = None) -> str:
    """Escaped HTML of the list; the selected event's line is marked."""
    items = []
    for line in lines[:MAX_STORY_LINES]:
        href = filter_link("timeline", f, event_id=line.event_id)
        conflict = f'<div class="dz-story-conflict">{esc(line.conflict)}</div>' if line.conflict else ""
        chosen = " dz-story-chosen" if line.event_id == selected else ""
        items.append(
            f'<li class="dz-story{chosen}"><a href="{esc(href)}" target="_self">'
            f'<span class="dz-story-when">{esc(line.when)}</span> {esc(line.label)}</a>'
            f'<div class="dz-story-src">{esc(line.sources)}</div>{conflict}'
            f'<div class="dz-story-sentence" dir="auto"{lang_attr(line.lang)}>{esc(line.sentence)}</div></li>'
        )
    more = len(lines) - MAX_STORY_LINES
    tail = f'<p class="dz-legend-note">…and {more:,} more: narrow the filters.</p>' if more > 0 else ""
    return f'<ol class="dz-storylist">{"".join(items)}</ol>{tail}'


def render_story_list(lines: Sequence[StoryLine], f: Filters, selected: str | None = None) -> None:
    st.caption(f"{len(lines):,} event(s) in time order; undated ones last. Click one to see its sources.")
    with st.container(height=LIST_HEIGHT, border=True):
        st.html(story_html(lines, f, selected))

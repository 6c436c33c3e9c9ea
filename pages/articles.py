"""Articles: the filtered list, and a reader for the selected article."""

from __future__ import annotations

import streamlit as st

from components import data
from components.article_list import count_caption, page_count, render_article_list
from components.coverage_note import render_coverage_note
from components.filters import active_filters, url_value, view_digest, write_params
from components.frame import require_frame
from components.reader import mark_links, parse_focus, render_article_reader

require_frame()
f = active_filters()
wanted = url_value("article")
focus = parse_focus(url_value("sentence"))  # an event's sentence, opened from the Timeline or Sources

st.header("Articles")
view = view_digest(f)
page_key = f"articles_page_{view}"
# the page asked for (the pager's value, before the pager is drawn): matches are counted up to a
# little past it, so the pager offers the pages counted so far
page = max(0, int(st.session_state.get(page_key, 1)) - 1)
listed = data.article_page(f, page)
pages = page_count(listed.total)
if page >= pages:  # the store changed under this view and holds fewer pages now: show its last
    page, st.session_state[page_key] = pages - 1, pages
    listed = data.article_page(f, page)

left, right = st.columns([1, 1], gap="medium")
with left:
    if pages > 1:
        st.number_input(
            f"Page (of {pages:,}{'+' if listed.more else ''}, {data.MAX_LIST_ROWS} per page)",
            min_value=1, max_value=pages, step=1, key=page_key,
        )
    rows = listed.rows
    st.caption(count_caption(listed.total, page, len(rows), more=listed.more))
    ids = [r.id for r in rows]
    # the reader shows an article of the list: the one in the URL, else the first
    shown_id = wanted if wanted in ids else (ids[0] if ids else None)
    if wanted and wanted not in ids and focus and data.article(wanted):
        shown_id = wanted  # asked for by an event's source link: shown even when on another page of the list
    elif wanted and wanted not in ids:
        write_params(article=None, sentence=None)  # a choice from an earlier view that this one does not hold
    if rows:
        picked = render_article_list(rows, key="articles_list", view=f"{view}_{page}", selected_id=shown_id)
        if picked and picked != shown_id:
            write_params(article=picked, sentence=None)
            focus = None
            shown_id = picked
    else:
        st.info("No article matches these filters.", icon=":material/search_off:")

if shown_id:
    with right:
        render_coverage_note(data.article(shown_id))
        render_article_reader(
            data.article(shown_id), key="reader", entities=data.article_entities(shown_id),
            marks=data.article_marks(shown_id), link=mark_links(f, shown_id), focus=focus,
        )

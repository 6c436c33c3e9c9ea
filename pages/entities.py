"""Entities: who the filtered articles name, in every script, and where; actors selected here
filter every page."""

from __future__ import annotations

import streamlit as st

from components import data
from components import views_data as vd
from components.chart_export import render_chart_exports
from components.entities_view import (
    actor_labels,
    actors_caption,
    aligned_rows,
    article_label,
    matrix_columns,
    matrix_figure,
    matrix_lang_counts,
    matrix_rows,
    mentions_caption,
    mentions_html,
    no_model_note,
    render_actor_table,
    shared_facts_html,
    side_frame,
    translation_pairs,
    with_translations,
    within,
)
from components.filters import active_filters, view_digest, write_params
from components.frame import require_frame
from components.labels import segment_label
from components.tables import table_height
from dossier.ner.recognise import has_model

require_frame()
f = active_filters()
st.header("Entities")

# Everything but the actor filter: the table lists the actors of the view, and its selection *is*
# the actor filter (so selecting one does not shrink the table to its co-occurring actors).
base = f.with_(actors=())
view = view_digest(f)
langs = list(data.overview(base).by_language)
note = no_model_note(langs, has_model)
if note:
    st.caption(note)

actors = vd.actors(base)
if not actors:
    st.info("No named actor in the articles of this view.", icon=":material/person_off:")
    st.stop()

names = actor_labels(actors, f.actors, vd.actor_names)

st.subheader("Actors")
st.caption(actors_caption(len(actors), vd.MAX_ACTORS))
wanted = render_actor_table(actors, key=f"entities_actors_{view}", selected=f.actors)
picked = st.multiselect(
    "Actor filter",
    list(dict.fromkeys([*f.actors, *names])),
    default=list(f.actors),
    format_func=lambda eid: names.get(eid, eid),
    key=f"entities_pick_{view}",
    placeholder="all actors (pick here or select rows in the table)",
)
if tuple(picked) != f.actors:
    wanted = tuple(picked)
if wanted != f.actors:
    write_params(f.with_(actors=wanted))
    st.rerun()

mentions_tab, side_tab, matrix_tab = st.tabs(["Mentions in context", "Side by side", "Actor × article"])

with mentions_tab:
    choices = list(dict.fromkeys([*f.actors, *names]))
    focus = st.selectbox(
        "Mentions of",
        choices,
        index=0,
        format_func=lambda eid: names.get(eid, eid),
        key=f"entities_focus_{view}",
        help="Every mention of this actor in the articles of the view, in the sentence it stands "
        "in, in the script it was written in.",
    )
    if focus:
        rows = vd.actor_mentions(base, focus)
        row = next((a for a in actors if a.entity_id == focus), None)
        if row is not None:
            st.caption(mentions_caption(row, len(rows)))
        st.html(mentions_html(rows, vd.article))

with side_tab:
    arts = vd.articles(f)
    if not arts:
        st.info("No article in this view.", icon=":material/search_off:")
    else:
        labels = {a.id: article_label(a) for a in arts}
        ids = list(labels)
        mode = st.radio(
            "Compare",
            ["Two articles", "An article and its translation"],
            horizontal=True,
            key="entities_side_mode",
        )
        if mode == "Two articles":
            c1, c2 = st.columns(2)
            left_id = c1.selectbox("Left", ids, index=0, format_func=labels.get, key=f"entities_left_{view}")
            right_id = c2.selectbox(
                "Right", ids, index=min(1, len(ids) - 1), format_func=labels.get, key=f"entities_right_{view}"
            )
            left, right = vd.article_mentions(left_id), vd.article_mentions(right_id)
            left_title, right_title = labels[left_id], labels[right_id]
            if left_id != right_id:
                st.html(shared_facts_html(vd.shared(left_id, right_id)))
        else:
            with_pairs = with_translations(ids[: vd.MAX_TRANSLATION_SCAN], vd.article)
            if not with_pairs:
                st.info(
                    "No article of this view has a translation segment (a body followed by its "
                    "translation).",
                    icon=":material/translate:",
                )
                left = right = []
                left_title = right_title = ""
            else:
                art_id = st.selectbox("Article", with_pairs, format_func=labels.get, key=f"entities_tr_{view}")
                detail = vd.article(art_id)
                assert detail is not None
                pairs = translation_pairs(detail)
                pair = st.selectbox(
                    "Segments",
                    pairs,
                    format_func=lambda p: f"{p[0] + 1}. {segment_label(p[0], detail.segments)}  ↔  "
                    f"{p[1] + 1}. {segment_label(p[1], detail.segments)}",
                    key=f"entities_pair_{view}_{art_id}",
                ) if len(pairs) > 1 else pairs[0]
                ms = vd.article_mentions(art_id)
                a_seg, b_seg = detail.segments[pair[0]], detail.segments[pair[1]]
                left, right = within(ms, a_seg.start, a_seg.end), within(ms, b_seg.start, b_seg.end)
                left_title = f"{pair[0] + 1}. {segment_label(pair[0], detail.segments)}"
                right_title = f"{pair[1] + 1}. {segment_label(pair[1], detail.segments)}"
        if left or right:
            rows = aligned_rows(left, right)
            both = sum(1 for r in rows if r.left and r.right)
            st.caption(f"{len(rows)} actors · {both} named on both sides, on the same row")
            st.dataframe(
                side_frame(rows, left_title, right_title),
                key=f"entities_side_{view}",
                hide_index=True,
                width="stretch",
                height=table_height(len(rows), 560),
            )
        elif left_title:
            st.info("Neither side names an actor.", icon=":material/person_off:")

with matrix_tab:
    cells, arts = vd.matrix(f)
    fig = matrix_figure(cells, matrix_columns(cells, arts), matrix_lang_counts(cells, vd.article_mentions))
    if fig is None:
        st.info("No actor to place in articles.", icon=":material/grid_off:")
    else:
        st.caption(
            f"The {vd.MAX_MATRIX_ACTORS} most mentioned actors × up to {vd.MAX_MATRIX_ARTICLES} "
            "articles (newest first); hover a cell for the languages it was named in."
        )
        st.plotly_chart(fig, key=f"entities_matrix_{view}", width="stretch")
        with st.expander("Export the matrix and its data"):
            render_chart_exports(fig, key=f"entities_matrix_export_{view}", stem="dossier-actor-article",
                                 title="Actors × articles",
                                 rows=matrix_rows(cells))

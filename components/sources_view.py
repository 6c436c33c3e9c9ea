"""The Sources view: for each event, its independent origins; and every reporting chain."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from components.safe import esc, lang_attr
from components.timeline_view import bar_label, source_link_html
from dossier.filters import Filters
from dossier.provenance.confirmations import EventConfirmation
from dossier.store import ChainRow, EventRow


def confirmation_rows(events: Sequence[EventRow], conf: Mapping[str, EventConfirmation],
                      names: Mapping[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "event": f"{e.type.replace('_', ' ')} · {bar_label(e)}",
                "actors": ", ".join(names.get(a, a) for a in e.actor_ids[:4]),
                "articles": e.n_articles,
                "independent origins": conf[e.id].independent,
                "origins (relayed by)": conf[e.id].describe(),
                "id": e.id,
            }
            for e in events
        ]
    )


def render_confirmations(df: pd.DataFrame, *, key: str) -> str | None:
    """The events table; returns the id of the selected event."""
    if df.empty:
        st.info("No event matches these filters.", icon=":material/search_off:")
        return None
    state = st.dataframe(
        df.drop(columns=["id"]), key=key, hide_index=True, width="stretch", on_select="rerun",
        selection_mode="single-row",
        column_config={
            "independent origins": st.column_config.NumberColumn(
                help="Chains grouped by where they start: Reuters citing the NYT and the NYT are one origin."
            ),
            "articles": st.column_config.NumberColumn(help="Articles reporting the event."),
        },
    )
    rows = state.selection.rows if state is not None else []
    return df.iloc[rows[0]]["id"] if rows else None


def render_origin_groups(event: EventRow, conf: EventConfirmation, f: Filters) -> None:
    st.subheader(f"{event.type.replace('_', ' ').capitalize()} — {bar_label(event)}")
    st.caption(
        f"{conf.independent} independent origin(s) across {event.n_articles} article(s). "
        "Chains that go back to the same origin count once, however many outlets repeat them."
    )
    st.html("".join(
        f'<div class="dz-meta"><span>{esc(src.get("title") or src["article_id"])}</span>'
        f'<span>{source_link_html(f, src)}</span></div>'
        f'<div class="dz-text"{lang_attr(src["lang"])}>{esc(src["sentence"])}</div>'
        for src in event.sources
    ))
    for i, group in enumerate(conf.groups, start=1):
        with st.container(border=True):
            st.markdown(f"**{i}. {esc(group.origin.label())}** — {esc(group.origin.kind)}")
            for support in group.supports:
                st.html(
                    f'<div class="dz-meta"><span>{esc(support.chain.describe())}</span>'
                    f'<span>{esc(support.article_id or "")}</span></div>'
                )


def chain_rows(chains: Sequence[ChainRow]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"published": c.published or "undated", "article": c.title or c.article_id, "lang": c.lang,
             "chain (publisher ← origin)": c.description, "sentence": c.sentence}
            for c in chains
        ]
    )


def render_chains(df: pd.DataFrame, *, key: str) -> None:
    if df.empty:
        st.info("No reporting chain in these articles.")
        return
    st.dataframe(df, key=key, hide_index=True, width="stretch",
                 column_config={"sentence": st.column_config.TextColumn(width="large")})


def render_sentence(text: str, lang: str) -> None:
    st.html(f'<div class="dz-text"{lang_attr(lang)}>{esc(text)}</div>')

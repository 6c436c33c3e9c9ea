"""Entities: the actors table, mentions in their sentences, two articles side by side, and the
actor × article matrix. Pure builders (frames, HTML, figures) plus thin ``render_*`` functions."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.labels import language_label, language_name, published_label
from components.safe import esc, lang_attr
from dossier.store import ActorRow, ArticleDetail, ArticleRow, MentionRow, SharedFacts

TYPE_NAMES = {"PER": "person", "ORG": "organisation", "LOC": "place"}
# Surface forms listed per actor in a table cell (the full list is in the mentions view).
MAX_ALIASES_SHOWN = 12
# Characters of an article title in a column or axis label.
TITLE_CHARS = 40
# Sentences longer than this are cut around the mention (a "sentence" may be a whole table row).
MAX_SENTENCE_CHARS = 600

MENTION_STYLE = """
<style>
.dz-mention {margin: 0 0 .55rem 0; padding: .15rem 0 .15rem .7rem; border-left: 2px solid #d9dee5;
  line-height: 1.6; overflow-wrap: anywhere;}
.dz-mention mark {background: #ffe08a; padding: 0 .1rem; border-radius: 2px;}
.dz-mention .dz-mmeta {display: block; font-size: .78rem; color: #6b7685;}
.dz-art {font-size: .95rem; font-weight: 600; margin: .8rem 0 .3rem 0; color: #1c2430;}
</style>
"""


def type_name(label: str) -> str:
    return TYPE_NAMES.get(label, label)


def display_name(actor: ActorRow) -> str:
    """The actor's name: its canonical English name, or for names grouped outside the knowledge
    base (no canonical name) the spelling seen most often."""
    if actor.canonical and actor.canonical != actor.entity_id:
        return actor.canonical
    return actor.aliases[0] if actor.aliases else actor.entity_id


def actor_labels(actors: Sequence[ActorRow], selected: Sequence[str],
                 read_names: Callable[[list[str]], Mapping[str, str]]) -> dict[str, str]:
    """Entity id -> display name for the actors of the table, then for selected ones not in it."""
    names = {a.entity_id: display_name(a) for a in actors}
    names.update(read_names([a for a in selected if a not in names]))
    return names


def no_model_note(langs: Sequence[str], has_model: Callable[[str], bool]) -> str | None:
    """Which languages of the view have no trained NER model (None when all have one)."""
    no_model = [lg for lg in langs if not has_model(lg)]
    if not no_model:
        return None
    return (
        "No trained NER model for "
        + ", ".join(language_label(lg) for lg in no_model)
        + ": entities in that text come from knowledge-base name matches only."
    )


def actors_caption(n_actors: int, max_actors: int) -> str:
    return (
        f"{n_actors:,} actor{'s' if n_actors != 1 else ''}"
        + (f" (the {max_actors} most mentioned)" if n_actors >= max_actors else "")
        + " · select rows to show only the articles that name them, on every page"
    )


def mentions_caption(row: ActorRow, n_shown: int) -> str:
    """How often and in which languages an actor is named, and whether the list was cut."""
    return (
        f"{row.n_mentions:,} mentions in {row.n_articles:,} article"
        f"{'s' if row.n_articles != 1 else ''} · "
        + ", ".join(f"{language_label(lg)} {n}" for lg, n in row.by_lang.items())
        + (f" · showing the first {n_shown:,}" if row.n_mentions > n_shown else "")
    )


def _short(text: str | None, limit: int = TITLE_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def article_label(row: ArticleRow | ArticleDetail) -> str:
    """``2023-09-14 · Title… (ko, en)`` — plain text, for pickers and axis labels."""
    title = _short(row.title) or f"untitled {row.id[:8]}"
    return f"{published_label(row.published)} · {title} ({', '.join(row.langs) or '?'})"


# -- actors table -----------------------------------------------------------------------------


def actor_languages(actors: Sequence[ActorRow]) -> list[str]:
    """Languages with a mention, most mentions first (the per-language count columns)."""
    totals: dict[str, int] = {}
    for a in actors:
        for lang, n in a.by_lang.items():
            totals[lang] = totals.get(lang, 0) + n
    return [k for k, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]


def actors_frame(actors: Sequence[ActorRow]) -> pd.DataFrame:
    """One row per actor: name, type, counts (total, articles, per language) and aliases seen."""
    langs = actor_languages(actors)
    cols = ["Actor", "Type", "Mentions", "Articles", *[f"in {lang}" for lang in langs], "Aliases seen", "Id"]
    rows = []
    for a in actors:
        row: dict[str, object] = {
            "Actor": display_name(a),
            "Type": type_name(a.label),
            "Mentions": a.n_mentions,
            "Articles": a.n_articles,
        }
        for lang in langs:
            row[f"in {lang}"] = a.by_lang.get(lang, 0)
        shown = a.aliases[:MAX_ALIASES_SHOWN]
        more = len(a.aliases) - len(shown)
        row["Aliases seen"] = " · ".join(shown) + (f" (+{more})" if more > 0 else "")
        row["Id"] = a.entity_id
        rows.append(row)
    return pd.DataFrame(rows, columns=cols)


def merge_selection(
    table_ids: Sequence[str], picked_rows: Sequence[int], current: Sequence[str]
) -> tuple[str, ...]:
    """The actor filter after a table selection: the rows picked, plus the actors of the current
    filter that the table does not show (a selection cannot drop what it cannot see)."""
    picked = [table_ids[i] for i in picked_rows if 0 <= i < len(table_ids)]
    hidden = [a for a in current if a not in table_ids]
    # keep the current order for actors still selected, new ones after
    ordered = [a for a in current if a in picked] + [a for a in picked if a not in current]
    return tuple(dict.fromkeys([*ordered, *hidden]))


def render_actor_table(
    actors: Sequence[ActorRow], *, key: str, selected: Sequence[str]
) -> tuple[str, ...]:
    """The actors table with multi-row selection; returns the actor filter it now asks for."""
    ids = [a.entity_id for a in actors]
    default_rows = [ids.index(a) for a in selected if a in ids]
    frame = actors_frame(actors)
    lang_cols = {
        c: st.column_config.NumberColumn(c, help=f"Mentions in {language_name(c[3:])}", width="small")
        for c in frame.columns
        if c.startswith("in ")
    }
    event = st.dataframe(
        frame,
        key=key,
        on_select="rerun",
        selection_mode="multi-row",
        selection_default={"selection": {"rows": default_rows}} if default_rows else None,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * max(len(actors), 1), 460),
        column_config={
            "Actor": st.column_config.TextColumn(width="medium", pinned=True),
            "Type": st.column_config.TextColumn(width="small"),
            "Mentions": st.column_config.NumberColumn(width="small"),
            "Articles": st.column_config.NumberColumn(width="small"),
            **lang_cols,
            "Aliases seen": st.column_config.TextColumn(
                width="large", help="Every spelling linked to this actor, most frequent first"
            ),
            "Id": st.column_config.TextColumn(width="small", help="Knowledge-base id (x: = names "
                                              "grouped by transliteration, not in the knowledge base)"),
        },
    )
    rows = event.selection.rows if event is not None else default_rows
    return merge_selection(ids, rows, selected)


# -- mentions in their sentences --------------------------------------------------------------


def sentence_span(detail: ArticleDetail, start: int) -> tuple[int, int]:
    """The sentence around character ``start`` (the store's sentences), else its segment, else
    a window of the text."""
    starts = [s.start for s in detail.sentences]
    i = bisect.bisect_right(starts, start) - 1
    if 0 <= i < len(detail.sentences) and detail.sentences[i].start <= start < detail.sentences[i].end:
        return detail.sentences[i].start, detail.sentences[i].end
    for seg in detail.segments:
        if seg.start <= start < seg.end:
            return seg.start, seg.end
    return max(0, start - MAX_SENTENCE_CHARS // 2), min(len(detail.text), start + MAX_SENTENCE_CHARS // 2)


def highlight_html(text: str, start: int, end: int, *, window: tuple[int, int]) -> str:
    """``text[window]`` escaped, with ``text[start:end]`` in <mark>; long windows are cut around
    the mention. Offsets are into ``text`` (the article), which is never changed."""
    lo, hi = window
    lo, hi = max(0, min(lo, start)), min(len(text), max(hi, end))
    if hi - lo > MAX_SENTENCE_CHARS:
        room = max(0, (MAX_SENTENCE_CHARS - (end - start)) // 2)
        lo, hi = max(lo, start - room), min(hi, end + room)
    before, mention, after = text[lo:start], text[start:end], text[end:hi]
    return (
        ("…" if lo > window[0] else "")
        + esc(before.lstrip())
        + f"<mark>{esc(mention)}</mark>"
        + esc(after.rstrip())
        + ("…" if hi < window[1] else "")
    )


def highlight_in_sentence(sentence: str, mention: str) -> str:
    """Fallback when the article is not at hand: mark the first occurrence of the mention text."""
    at = sentence.find(mention)
    if at < 0:
        return esc(sentence)
    return highlight_html(sentence, at, at + len(mention), window=(0, len(sentence)))


def mentions_html(
    mentions: Sequence[MentionRow], get_article: Callable[[str], ArticleDetail | None]
) -> str:
    """Every mention in its sentence, in the original script, grouped by article (escaped)."""
    parts = [MENTION_STYLE]
    last_article = None
    details: dict[str, ArticleDetail | None] = {}  # one read per article, not per mention
    for m in mentions:
        if m.article_id != last_article:
            last_article = m.article_id
            title = m.title or f"untitled article {m.article_id[:8]}"
            parts.append(
                f'<div class="dz-art" dir="auto">{esc(title)} '
                f'<span class="dz-segrange">{esc(published_label(m.published))}</span></div>'
            )
        if m.article_id not in details:
            details[m.article_id] = get_article(m.article_id)
        detail = details[m.article_id]
        if detail is not None and 0 <= m.start < m.end <= len(detail.text):
            body = highlight_html(detail.text, m.start, m.end, window=sentence_span(detail, m.start))
        else:
            body = highlight_in_sentence(m.sentence, m.text)
        how = f"{type_name(m.label)} · {language_label(m.lang)} · “{m.text}”"
        if m.method:
            how += f" · linked by {m.method}"
            if m.score is not None and m.score < 1:
                how += f" (score {m.score:.2f})"
        parts.append(
            f'<div class="dz-mention" dir="auto"{lang_attr(m.lang)}>{body}'
            f'<span class="dz-mmeta" lang="en">{esc(how)} · characters {m.start:,}–{m.end:,}</span></div>'
        )
    return "".join(parts)


# -- side by side -----------------------------------------------------------------------------


@dataclass
class SideRow:
    key: str
    actor: str
    label: str
    left: dict[str, int] = field(default_factory=dict)  # surface form -> count
    right: dict[str, int] = field(default_factory=dict)


def _row_key(m: MentionRow) -> str:
    # an unlinked mention has no id: it is its own row, matched only by identical text
    return m.entity_id or f"text:{m.text.casefold()}"


def aligned_rows(left: Sequence[MentionRow], right: Sequence[MentionRow]) -> list[SideRow]:
    """One row per actor across both sides (same actor, same row): actors on both sides first,
    then those only on the left, then only on the right; most mentioned first within each."""
    rows: dict[str, SideRow] = {}
    for side, mentions in (("left", left), ("right", right)):
        for m in mentions:
            k = _row_key(m)
            row = rows.get(k)
            if row is None:
                row = rows[k] = SideRow(k, m.canonical or m.text, m.label)
            forms = getattr(row, side)
            forms[m.text] = forms.get(m.text, 0) + 1

    def order(r: SideRow) -> tuple[int, int, str]:
        group = 0 if r.left and r.right else (1 if r.left else 2)
        return group, -(sum(r.left.values()) + sum(r.right.values())), r.actor.casefold()

    return sorted(rows.values(), key=order)


def _forms(forms: Mapping[str, int]) -> str:
    items = sorted(forms.items(), key=lambda kv: -kv[1])
    return " · ".join(f"{t} ×{n}" if n > 1 else t for t, n in items)


def side_frame(rows: Sequence[SideRow], left_title: str, right_title: str) -> pd.DataFrame:
    if left_title == right_title:
        left_title, right_title = f"{left_title} (left)", f"{right_title} (right)"
    return pd.DataFrame(
        [
            {
                "Actor": r.actor,
                "Type": type_name(r.label),
                left_title: _forms(r.left),
                right_title: _forms(r.right),
                "Id": "" if r.key.startswith("text:") else r.key,
            }
            for r in rows
        ],
        columns=["Actor", "Type", left_title, right_title, "Id"],
    )


def within(mentions: Sequence[MentionRow], start: int, end: int) -> list[MentionRow]:
    return [m for m in mentions if start <= m.start < end]


def translation_pairs(detail: ArticleDetail) -> list[tuple[int, int]]:
    """(original segment, translation segment) index pairs of an article."""
    return [
        (seg.parallel_of, i)
        for i, seg in enumerate(detail.segments)
        if seg.parallel_of is not None and 0 <= seg.parallel_of < len(detail.segments)
    ]


def with_translations(ids: Sequence[str], read_article: Callable[[str], ArticleDetail | None]) -> list[str]:
    """The ids among ``ids`` whose article holds a translation segment (each article is read)."""
    return [a for a in ids if (d := read_article(a)) is not None and translation_pairs(d)]


def shared_facts_html(common: SharedFacts) -> str:
    """The places and events two articles have in common, as two escaped lines."""
    events = "; ".join(f"{t.replace('_', ' ')} {d or 'undated'}" + (f"–{e}" if e else "")
                       for _, t, d, e in common.events)
    return (
        f'<div class="dz-meta"><strong>Shared places ({len(common.places)}):</strong> '
        + esc(", ".join(name for _, name in common.places) or "none")
        + f'</div><div class="dz-meta"><strong>Shared events ({len(common.events)}):</strong> '
        + esc(events or "none")
        + "</div>"
    )


# -- actor × article matrix -------------------------------------------------------------------


def matrix_columns(cells: Sequence[tuple[str, str, str, int]], articles: Sequence[ArticleRow]) -> list[ArticleRow]:
    """The articles that have a cell in the matrix, in list order."""
    shown = {aid for _e, _c, aid, _n in cells}
    return [a for a in articles if a.id in shown]


def matrix_lang_counts(
    cells: Sequence[tuple[str, str, str, int]], mentions_of: Callable[[str], Sequence[MentionRow]]
) -> dict[tuple[str, str], dict[str, int]]:
    """(actor, article) -> {language: mentions}, from the mentions of each article of the cells."""
    lang_counts: dict[tuple[str, str], dict[str, int]] = {}
    for aid in {aid for _e, _c, aid, _n in cells}:
        for m in mentions_of(aid):
            if m.entity_id:
                counts = lang_counts.setdefault((m.entity_id, aid), {})
                counts[m.lang] = counts.get(m.lang, 0) + 1
    return lang_counts


def matrix_rows(cells: Sequence[tuple[str, str, str, int]]) -> list[dict[str, Any]]:
    """The matrix as data rows for its CSV export."""
    return [{"actor": c[1], "entity_id": c[0], "article": c[2], "mentions": c[3]} for c in cells]


def matrix_figure(
    cells: Sequence[tuple[str, str, str, int]],
    articles: Sequence[ArticleRow],
    lang_counts: Mapping[tuple[str, str], Mapping[str, int]],
) -> go.Figure | None:
    """Heatmap of mentions: actors (rows, most mentioned on top) × articles (columns, in list
    order); the hover says in which languages the actor was named in that article."""
    if not cells or not articles:
        return None
    totals: dict[str, int] = {}
    names: dict[str, str] = {}
    for eid, canonical, _aid, n in cells:
        totals[eid] = totals.get(eid, 0) + n
        names[eid] = canonical
    actor_ids = sorted(totals, key=lambda e: (-totals[e], names[e]))
    art_ids = [a.id for a in articles]
    col_label = {a.id: f"{i + 1}. {_short(a.title, 28) or a.id[:8]} ({', '.join(a.langs)})"
                 for i, a in enumerate(articles)}
    z: list[list[int | None]] = [[None] * len(art_ids) for _ in actor_ids]
    hover: list[list[str]] = [[""] * len(art_ids) for _ in actor_ids]
    a_index = {a: i for i, a in enumerate(actor_ids)}
    c_index = {a: j for j, a in enumerate(art_ids)}
    for eid, _canonical, aid, n in cells:
        if aid not in c_index:
            continue
        i, j = a_index[eid], c_index[aid]
        z[i][j] = n
        langs = lang_counts.get((eid, aid), {})
        by_lang = ", ".join(f"{language_name(lg)} {k}" for lg, k in sorted(langs.items(), key=lambda kv: -kv[1]))
        hover[i][j] = esc(f"{names[eid]} — {col_label[aid]}: {n} mention{'s' if n != 1 else ''}"
                          + (f" ({by_lang})" if by_lang else ""))
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[esc(col_label[a]) for a in art_ids],
            y=[esc(names[e]) for e in actor_ids],
            text=hover,
            hoverinfo="text",
            colorscale="Blues",
            colorbar={"title": {"text": "mentions"}},
            xgap=1,
            ygap=1,
        )
    )
    fig.update_layout(
        height=max(260, 26 * len(actor_ids) + 190),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"tickangle": -35, "automargin": True},
    )
    return fig

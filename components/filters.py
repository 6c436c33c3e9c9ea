"""The shared sidebar filters and their round trip through the URL.

The URL is the source of truth: a filtered view is a link, and opening a crafted link reproduces
the view. Widgets are seeded from the URL whenever it changed from outside (first load, a pasted
link, a chart click written by a page), and every widget change is written back to the URL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st

from components.data import MAX_QUERY_CHARS
from components.labels import language_label
from dossier.filters import SWAPPED_DATES, Filters
from dossier.store import Facets, FilterOptions

# date inputs accept anything in this span, so a crafted URL with an old or future date still opens
_EARLIEST = dt.date(1800, 1, 1)
_LATEST = dt.date(2200, 12, 31)
_SOURCE_LABEL_CHARS = 60


def query_params() -> dict[str, list[str]]:
    """All query parameters, lists kept (``st.query_params[k]`` alone returns only the last)."""
    return {k: st.query_params.get_all(k) for k in st.query_params}


def url_value(name: str) -> str | None:
    """The last value of a parameter the filters do not own (``article``, ``event_id``), or None."""
    return (query_params().get(name) or [None])[-1]


def url_filters() -> Filters:
    return Filters.from_query_params(query_params())


def active_filters() -> Filters:
    """The filters a page should query with (app.py has already normalised the URL)."""
    return url_filters()


def write_params(filters: Filters | None = None, **others: str | None) -> None:
    """Write filters and/or other parameters (``article="…"``; None removes one) to the URL,
    leaving the rest as they are. Writes nothing when nothing changed, so no extra rerun."""
    current = query_params()
    new: dict[str, list[str]] = {}
    if filters is None:
        new.update({k: v for k, v in current.items() if k in Filters.PARAM_NAMES})
    else:
        for k, v in filters.to_query_params().items():
            new[k] = [v] if isinstance(v, str) else list(v)
    for k, v in current.items():
        if k not in Filters.PARAM_NAMES and k not in others:
            new[k] = v
    for k, v in others.items():
        if v is not None:
            new[k] = [v]
    if new != current:
        st.query_params.from_dict(new)


def filter_link(page: str, filters: Filters, **others: str | None) -> str:
    """A relative link to ``page`` ("entities") carrying ``filters`` and other parameters
    (``article=…``; None leaves one out): the filtered view as a plain href, so markup that is not
    a widget (a mark in the reader, a source line) can switch page and filters in one click."""
    params: list[tuple[str, str]] = []
    for k, v in filters.to_query_params().items():
        params.extend((k, x) for x in ([v] if isinstance(v, str) else v))
    params.extend((k, v) for k, v in others.items() if v is not None)
    return f"{page}?{urlencode(params)}" if params else page


def view_digest(f: Filters, *extra: object) -> str:
    """A short stable id of a view, used in widget keys so a table's or chart's selection belongs
    to the view it was made in (and is dropped when the filters change)."""
    raw = repr((sorted(f.to_query_params().items()), extra))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:10]


def _seed_widgets(key: str, f: Filters, *, synced: bool = True) -> None:
    ss = st.session_state
    ss[f"{key}_from"] = f.date_from
    ss[f"{key}_to"] = f.date_to
    ss[f"{key}_undated"] = f.undated
    ss[f"{key}_langs"] = list(f.langs)
    ss[f"{key}_sources"] = list(f.sources)
    ss[f"{key}_q"] = f.q[:MAX_QUERY_CHARS]
    ss[f"{key}_actors"] = list(f.actors)
    ss[f"{key}_places"] = list(f.places)
    ss[f"{key}_events"] = list(f.event_types)
    if synced:
        ss[f"{key}_synced"] = f


def _clear(key: str) -> None:
    # only the widgets change; the run that follows sees them differ from the URL and writes it
    _seed_widgets(key, Filters(), synced=False)


def render_sidebar_filters(facets: Facets, options: FilterOptions | None = None, *, key: str = "filters") -> Filters:
    """Date range, languages, sources, actors, places, event types and text search. Returns the
    active Filters, carrying the problems found in the URL (malformed values, values this corpus
    does not have)."""
    options = options or FilterOptions([], [], [])
    url_f = url_filters()
    problems = list(url_f.problems)
    if len(url_f.q) > MAX_QUERY_CHARS:
        problems.append(f"search text cut to its first {MAX_QUERY_CHARS} characters")
    ss = st.session_state
    if ss.get(f"{key}_synced") != url_f or f"{key}_q" not in ss:
        _seed_widgets(key, url_f)

    problems += [
        f"no article in language “{v}”" for v in url_f.langs if v not in facets.languages
    ]
    problems += [f"no article from source “{v}”" for v in url_f.sources if v not in facets.sources]

    st.text_input(
        "Search text",
        key=f"{key}_q",
        max_chars=MAX_QUERY_CHARS,
        placeholder="any script: 블라디보, प्योंगयांग, Vostochny…",
        help="Finds articles whose text or title contains this exact substring (any script, "
        "case-insensitive). Press Enter to apply.",
    )
    corpus_span = (
        f"Articles in this corpus run from {facets.min_date} to {facets.max_date}."
        if facets.min_date
        else "No article in this corpus has a publication date."
    )
    _date_input("Published from", f"{key}_from", corpus_span)
    _date_input("Published until", f"{key}_to", corpus_span + " The end date is included.")
    has_range = bool(ss[f"{key}_from"] or ss[f"{key}_to"])
    st.checkbox(
        f"Include undated articles ({facets.n_undated})",
        key=f"{key}_undated",
        disabled=not has_range,
        help="Articles without a publication date are never given a guessed one. With a date "
        "range set, choose whether they stay in the view.",
    )
    _pick_many(
        "Languages",
        facets.languages,
        f"{key}_langs",
        lambda c: language_label(c, facets.languages.get(c, 0)),
        "all languages",
        "Articles with at least one segment in any of these languages.",
    )
    _pick_many(
        "Sources",
        facets.sources,
        f"{key}_sources",
        lambda s: _short(s, _SOURCE_LABEL_CHARS) + f" · {facets.sources.get(s, 0)}",
        "all sources",
    )

    actor_names = {i: f"{n} · {c}" for i, n, c in options.actors}
    place_names = {i: f"{n} · {c}" for i, n, c in options.places}
    type_counts = dict(options.event_types)
    _pick_many(
        "Actors",
        actor_names,
        f"{key}_actors",
        lambda i: actor_names.get(i, i),
        "all actors",
        "Articles and events involving any of these people, organisations, outlets or countries "
        "(one actor across scripts: 김정은 = किम जोंग उन = Kim Jong-un). Number: articles.",
    )
    _pick_many(
        "Places",
        place_names,
        f"{key}_places",
        lambda i: place_names.get(i, i),
        "all places",
        "Articles that mention any of these places, and events held there. Number: articles.",
    )
    _pick_many(
        "Event types",
        type_counts,
        f"{key}_events",
        lambda t: t.replace("_", " ") + (f" · {type_counts[t]}" if t in type_counts else ""),
        "all event types",
        "Articles and events of any of these types. Number: events.",
    )

    start, end = ss[f"{key}_from"], ss[f"{key}_to"]
    if start and end and start > end:
        start, end = end, start
        problems.append(SWAPPED_DATES)
    chosen = url_f.with_(
        date_from=start,
        date_to=end,
        undated=bool(ss[f"{key}_undated"]),
        langs=tuple(ss[f"{key}_langs"]),
        sources=tuple(ss[f"{key}_sources"]),
        actors=tuple(ss[f"{key}_actors"]),
        places=tuple(ss[f"{key}_places"]),
        event_types=tuple(ss[f"{key}_events"]),
        q=(ss[f"{key}_q"] or "").strip()[:MAX_QUERY_CHARS],
    )
    st.button(
        "Clear filters",
        key=f"{key}_clear",
        on_click=_clear,
        args=(key,),
        disabled=chosen.is_empty(),
        icon=":material/filter_alt_off:",
        width="stretch",
    )
    # normalise the URL (drops malformed values, sorts nothing) and remember what it now says
    write_params(chosen)
    ss[f"{key}_synced"] = chosen
    return replace(chosen, problems=tuple(dict.fromkeys(problems)))


def _date_input(label: str, key: str, help: str) -> None:
    st.date_input(
        label,
        value=None,  # an empty default: Streamlit's date field can be emptied only then
        key=key,
        min_value=_EARLIEST,
        max_value=_LATEST,
        format="YYYY-MM-DD",
        help=help,
    )


def _pick_many(label: str, known: Iterable[str], key: str, format_func: Callable[[str], str],
               placeholder: str, help: str | None = None) -> None:
    """A multiselect of the values this corpus has; a value from a link that it does not have
    stays selectable (it selects nothing)."""
    options = list(dict.fromkeys([*known, *st.session_state[key]]))
    st.multiselect(label, options, key=key, format_func=format_func, placeholder=placeholder, help=help)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

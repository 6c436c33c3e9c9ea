"""Corrections: fix what extraction got wrong; every correction is logged and can be undone."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components import data, events_data
from components.corrections_view import detached_warning, event_labels, log_rows
from components.frame import require_frame
from dossier.corpus.corrections import CorrectionError
from dossier.filters import Filters

# Events offered in the picker.
MAX_PICK = 500
_MSG = "corr_message"
ss = st.session_state


def _apply(kind: str, target: str | None, value: dict, note: str | None = None) -> None:
    """Runs as a button callback (before the next run), so a rerun cannot swallow the click."""
    if not target:
        ss[_MSG] = ("warning", "Choose what to correct first.")
        return
    try:
        cid = data.correct(kind, target, value, note or None)
    except CorrectionError as exc:
        ss[_MSG] = ("error", str(exc))
        return
    ss[_MSG] = ("success", f"Correction {cid} applied to every page and export.")


def _merge() -> None:
    into = ss.get("corr_merge_into")
    _apply("merge_actor", ss.get("corr_merge_from"), {"into": into, "name": actor_names.get(into)}, ss.get("corr_merge_note"))


def _alias(kind: str) -> None:
    who, text = ss.get("corr_alias_actor"), (ss.get("corr_alias_text") or "").strip()
    value = {"text": text}
    if kind == "add_alias":
        value |= {"lang": (ss.get("corr_alias_lang") or "").strip() or None, "name": actor_names.get(who)}
    _apply(kind, who, value)


def _event_date() -> None:
    start, end = ss.get("corr_event_date"), ss.get("corr_event_end")
    _apply("event_date", ss.get("corr_event"), {"date": start.isoformat() if start else None,
                                                "date_end": end.isoformat() if end else None})


def _undo() -> None:
    pick = ss.get("corr_undo_pick")
    try:
        data.undo_correction(pick)
        ss[_MSG] = ("success", f"Correction {pick} undone.")
    except CorrectionError as exc:
        ss[_MSG] = ("error", str(exc))


require_frame()
st.header("Corrections")
st.caption(
    "Corrections are kept apart from what extraction found and replayed over it after every ingest, "
    "so they survive re-ingesting and re-extracting. Each is logged with its time and before/after "
    "values, and can be undone."
)
if _MSG in ss:
    level, text = ss.pop(_MSG)
    getattr(st, level)(text)
options = data.filter_options()
actor_names = {i: n for i, n, _ in options.actors}
place_names = {i: n for i, n, _ in options.places}
log = data.correction_log()
detached = [c for c in log if c.detached]
if detached:
    st.warning(detached_warning(detached), icon=":material/link_off:")
actors_tab, events_tab, places_tab, log_tab = st.tabs(["Actors", "Events", "Places", "Log"])

with actors_tab:
    st.subheader("Merge two actors")
    c1, c2 = st.columns(2)
    c1.selectbox("Merge", list(actor_names), format_func=actor_names.get, index=None, key="corr_merge_from")
    c2.selectbox("into", list(actor_names), format_func=actor_names.get, index=None, key="corr_merge_into")
    st.text_input("Why (optional)", key="corr_merge_note")
    st.button("Merge", key="corr_merge", on_click=_merge)

    st.subheader("Add an alias / split a name off")
    c1, c2, c3 = st.columns([2, 2, 1])
    c1.selectbox("Actor", list(actor_names), format_func=actor_names.get, index=None, key="corr_alias_actor")
    c2.text_input("Name as written in the articles (any script)", key="corr_alias_text")
    c3.text_input("Only in language (optional)", key="corr_alias_lang", max_chars=8)
    b1, b2 = st.columns(2)
    b1.button("Add as alias of this actor", key="corr_alias", on_click=_alias, args=("add_alias",))
    b2.button("Split this name off the actor", key="corr_split", on_click=_alias, args=("split_alias",))

with events_tab:
    events, names, _ = events_data.events(Filters())
    labels = event_labels(events, names, MAX_PICK)
    st.selectbox("Event", list(labels), format_func=labels.get, index=None, key="corr_event")
    c1, c2 = st.columns(2)
    bounds = {"min_value": dt.date(1800, 1, 1), "max_value": dt.date(2200, 12, 31), "value": None}
    c1.date_input("Date", key="corr_event_date", **bounds)
    c2.date_input("Until (optional)", key="corr_event_end", **bounds)
    st.button("Correct the date", key="corr_event_date_btn", on_click=_event_date)
    st.selectbox("Place", list(place_names), format_func=place_names.get, index=None, key="corr_event_place")
    st.button("Correct the place", key="corr_event_place_btn",
              on_click=lambda: _apply("event_place", ss.get("corr_event"), {"place_id": ss.get("corr_event_place")}))

with places_tab:
    st.selectbox("Place", list(place_names), format_func=place_names.get, index=None, key="corr_place")
    c1, c2 = st.columns(2)
    c1.number_input("Latitude", min_value=-90.0, max_value=90.0, value=0.0, format="%.4f", key="corr_lat")
    c2.number_input("Longitude", min_value=-180.0, max_value=180.0, value=0.0, format="%.4f", key="corr_lon")
    st.button("Move the place", key="corr_place_btn",
              on_click=lambda: _apply("place_location", ss.get("corr_place"),
                                      {"lat": ss.get("corr_lat"), "lon": ss.get("corr_lon")}))

with log_tab:
    if not log:
        st.info("No correction yet.")
    else:
        st.dataframe(log_rows(log), hide_index=True, width="stretch", key="corr_log")
        st.selectbox("Undo correction", [c.id for c in log if not c.undone_at], index=None, key="corr_undo_pick")
        st.button("Undo", key="corr_undo", on_click=_undo)

"""Events in words, for the Timeline's labels and its chronological list: who · what · where ·
when ("Sergei Shoigu · visit · Pyongyang · 25–27 Jul 2023"), and what its sources say.

Plain functions over stored event rows; the timeline bar (dossier/events/timeline.py) says what
date an event can be drawn at. Nothing here knows about Streamlit or HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from dossier.events.timeline import Bar, bar_for
from dossier.store import EventRow

# Actors named in a label before "+N": a label is read at a glance, the hover has them all.
LABEL_ACTORS = 2
# Longest label drawn (characters); longer ones end in "…" (the hover and the list have the rest).
LABEL_CHARS = 64


def has_date_or_actor(event: EventRow) -> bool:
    """Whether an event says when or who: the others (a trigger word alone) are hidden by default."""
    return bar_for(event) is not None or bool(event.actor_ids)


def when(event: EventRow, bar: Bar | None = None) -> str:
    """The date as a reader says it: a range within one month is "25–27 Jul 2023"."""
    bar = bar if bar is not None else bar_for(event)
    if bar is None:
        return f"date as written: {event.date}" if event.date else "no date"
    last = bar.end - dt.timedelta(days=1)  # the bar's end is exclusive
    if bar.precision == "range" and bar.start.year == last.year:
        if bar.start.month == last.month:
            return f"{bar.start.day}–{last.day} {last:%b %Y}"
        return f"{bar.start.day} {bar.start:%b} – {last.day} {last:%b %Y}"
    return bar.label.replace(" (month)", "").replace(" (year)", "")


def actor_words(event: EventRow, names: Mapping[str, str], limit: int = LABEL_ACTORS) -> str:
    shown = [names.get(a, a.split(":", 1)[-1]) for a in event.actor_ids[:limit]]
    more = len(event.actor_ids) - limit
    return ", ".join(shown) + (f" +{more}" if more > 0 else "")


def event_label(event: EventRow, names: Mapping[str, str], bar: Bar | None = None) -> str:
    """Who · what · where · when, in words, at most LABEL_CHARS characters: when too long, the place
    and then the actors are shortened (what happened and when are always whole)."""
    what, date = event.type.replace("_", " "), when(event, bar)
    tail = [what, date] + (["planned"] if event.status == "planned" else [])
    who = actor_words(event, names)
    where = names.get(event.place_id, event.place_id) if event.place_id else ""
    fixed = len(" · ".join(tail)) + 3 * (bool(who) + bool(where))
    budget = max(LABEL_CHARS - fixed, 16)
    if len(who) + len(where) > budget and where:
        where = _cut(where, max(budget - len(who), budget // 2, 8))
    if len(who) + len(where) > budget and who:
        who = _cut(who, max(budget - len(where), 8))
    return " · ".join(p for p in [who, what, where, *tail[1:]] if p)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,") + "…"


@dataclass(frozen=True)
class StoryLine:
    """One line of the chronological list: the event, its sources and whether they disagree."""

    event_id: str
    when: str
    label: str
    sources: str  # "3 articles: Voice of America, Kremlin"
    conflict: str  # "" or "sources disagree: 12 Sep 2023 (2), 13 Sep 2023 (1)"
    lang: str  # of the first source sentence
    sentence: str  # the first source sentence


def story_lines(events: list[EventRow], names: Mapping[str, str]) -> list[StoryLine]:
    """One line per event in time order (undated ones last, in their given order)."""
    bars = {e.id: bar_for(e) for e in events}
    dated = sorted((e for e in events if bars[e.id] is not None), key=lambda e: (bars[e.id].start, bars[e.id].end))
    out = []
    for e in dated + [e for e in events if bars[e.id] is None]:
        outlets = list(dict.fromkeys(_short(s.get("outlet") or s.get("title") or s["article_id"]) for s in e.sources))
        sources = f"{e.n_articles} article{'s' if e.n_articles != 1 else ''}" + (
            ": " + ", ".join(outlets[:3]) + (f" +{len(outlets) - 3}" if len(outlets) > 3 else "") if outlets else ""
        )
        conflict = ""
        if e.conflict and e.readings:
            conflict = "sources disagree: " + ", ".join(
                f"{r['date']}{'–' + r['date_end'] if r.get('date_end') else ''} ({r.get('support', '?')})" for r in e.readings
            )
        first = e.sources[0] if e.sources else {}
        out.append(StoryLine(e.id, when(e, bars[e.id]), event_label(e, names, bars[e.id]), sources, conflict,
                             first.get("lang", ""), first.get("sentence", "")))
    return out


def _short(name: str, limit: int = 40) -> str:
    """An outlet or title short enough for one line (a sidecar's source may carry a note after ";")."""
    name = name.split(";", 1)[0].strip()
    return name if len(name) <= limit else name[: limit - 1] + "…"

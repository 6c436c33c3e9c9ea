"""Fused events → timeline bars: each event drawn over exactly the span its date allows.

A month-precision event is a bar over the whole month (never a day pretending to be precise), a
range is a range, a part of day ("2023-09-10TEV") is that part of that day, and an event bounded
on one side only ("after the 9th") is drawn from its bound with an open end marker.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dossier.store import EventRow
from dossier.timex.value import TimeValue, date_interval

# TimeML parts of day → (start hour, end hour)
PARTS_OF_DAY = {"MO": (6, 12), "MI": (11, 13), "AF": (12, 18), "EV": (18, 24), "NI": (21, 30), "DT": (8, 18)}
# How far an open-ended ("after the 9th") event is drawn past its bound.
OPEN_END_DAYS = 3
_PART = re.compile(r"^(\d{4}-\d{2}-\d{2})T(MO|MI|AF|EV|NI|DT)$")
_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})")


@dataclass(frozen=True)
class Bar:
    event_id: str
    start: dt.datetime
    end: dt.datetime  # exclusive
    precision: str  # day | part of day | week | month | quarter | year | range | time | open
    label: str  # the date as a reader should read it: "Aug 2023 (month)", "10–13 Sep 2023"
    open_end: bool = False
    open_start: bool = False


def _precision_of(value: str) -> str:
    if _PART.match(value):
        return "part of day"
    if _TIME.match(value):
        return "time"
    parsed = TimeValue.parse(value.split("T", 1)[0])
    if parsed is None:
        return "day"
    return "season/quarter" if parsed.precision in ("quarter", "half", "season") else parsed.precision


def _label(value: str, precision: str) -> str:
    first = date_interval(value)
    if first is None:
        return value
    d = first[0]
    if precision == "year":
        return f"{d.year} (year)"
    if precision == "month":
        return d.strftime("%b %Y") + " (month)"
    if precision == "week":
        return f"week {value[-2:]} of {d.year} (from {d:%d %b})"
    if precision == "season/quarter":
        return value
    if precision == "part of day":
        part = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
        return f"{d.day} {d:%b %Y}, {part[value[-2:]]}"
    return f"{d.day} {d:%b %Y}"


def bar_for(event: EventRow) -> Bar | None:
    """The bar an event is drawn as, or None when its date is not on the calendar."""
    if not event.date:
        return None
    m = _PART.match(event.date)
    if m and not event.date_end:
        day = dt.date.fromisoformat(m.group(1))
        a, b = PARTS_OF_DAY[m.group(2)]
        start = dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=a)
        end = dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=b)
        return Bar(event.id, start, end, "part of day", _label(event.date, "part of day"))
    plain_date = event.date.split("T", 1)[0]
    interval = date_interval(plain_date, event.date_end.split("T", 1)[0] if event.date_end else None)
    if interval is None:
        return None
    first, last = interval
    precision = "range" if event.date_end else _precision_of(event.date)
    if event.date_end:
        label = f"{_label(plain_date, 'day')} – {_label(event.date_end.split('T', 1)[0], 'day')}"
    else:
        label = _label(event.date, precision)
    start = dt.datetime.combine(first, dt.time())
    end = dt.datetime.combine(last, dt.time()) + dt.timedelta(days=1)
    open_start = open_end = False
    if event.date_mod == "AFTER":
        start, end, open_end = end, end + dt.timedelta(days=OPEN_END_DAYS), True
        label = "after " + label
    elif event.date_mod == "BEFORE":
        start, end, open_start = start - dt.timedelta(days=OPEN_END_DAYS), start, True
        label = "before " + label
    return Bar(event.id, start, end, "open" if (open_end or open_start) else precision, label, open_end, open_start)

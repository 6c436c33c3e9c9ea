"""Resolution arithmetic for temporal expressions: a language-free "spec" + the document date → TimeML value.

A spec is the dict a matched pattern produces (data/timex/<lang>.yaml, `set:`), with group references
already replaced by their values. Nothing here knows a word of any language: the YAML maps words to
numbers and unit codes, and this module only does calendar arithmetic. When there is no document date
(`dct is None`) a relative expression keeps the unknown parts as X (XXXX-09-10, XXXX-XX, XXXX-WXX-1),
so nothing is guessed.

A spec is made ready by dossier.timex.spec.prepare; what the text leaves out (the year of a month, the
weekday meant) is guessed from the dct and the tense by dossier.timex.infer; dates move by
dossier.timex.value's calendar arithmetic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dossier.timex.infer import infer_month, infer_year, season_year, weekday_date
from dossier.timex.spec import REL_GRAN, as_int, as_year, duration, is_number, two_digits
from dossier.timex.value import add_days, days_in_month, iso_week, season_of, shift

__all__ = ["PRECISIONS", "Partial", "Resolved", "resolve"]

# Order matters: coarse → fine. A resolved value is printed down to its finest known field.
PRECISIONS = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "weekend",
              "day", "part_of_day", "hour", "minute")


@dataclass
class Resolved:
    value: str
    value_end: str | None
    precision: str | None
    type: str


@dataclass
class Partial:
    """A calendar position with unknown parts left as None (printed as X)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None  # ISO week
    weekday: int | None = None  # 1=Monday (ISO)
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None  # e.g. 199 for the 1990s
    century: int | None = None  # e.g. 19 for the 1900s (the 20th century)
    pod: str | None = None  # MO AF EV NI MI DT
    hour: int | None = None
    minute: int | None = None
    gran: str = "day"
    weekend: bool = False

    def fmt(self) -> str:
        y = "XXXX" if self.year is None else f"{self.year:04d}"
        g = self.gran
        if g == "century":
            return "XX" if self.century is None else f"{self.century:02d}"
        if g == "decade":
            return "XXX" if self.decade is None else f"{self.decade:03d}"
        if g == "year":
            return y
        if g == "half":
            return f"{y}-H{self.half or 'X'}"
        if g == "quarter":
            return f"{y}-Q{self.quarter or 'X'}"
        if g == "season":
            return f"{y}-{self.season or 'XX'}"
        if g == "month":
            return f"{y}-{two_digits(self.month)}"
        if g in ("week", "weekend"):
            s = f"{y}-W{two_digits(self.week)}"
            return s + "-WE" if g == "weekend" else s
        if self.day is None and self.weekday is not None and self.month is None:
            base = f"{y}-W{two_digits(self.week)}-{self.weekday}"
        else:
            base = f"{y}-{two_digits(self.month)}-{two_digits(self.day)}"
        if g == "day":
            return base
        if g == "part_of_day":
            return f"{base}T{self.pod or 'XX'}"
        if g == "hour":
            return f"{base}T{two_digits(self.hour)}:00"
        return f"{base}T{two_digits(self.hour)}:{two_digits(self.minute)}"


def _from_date(d: dt.date, gran: str) -> Partial:
    p = Partial(year=d.year, month=d.month, day=d.day, gran=gran)
    if gran in ("week", "weekend"):
        p.year, p.week = iso_week(d)
    if gran == "quarter":
        p.quarter = (d.month - 1) // 3 + 1
    if gran == "half":
        p.half = 1 if d.month <= 6 else 2
    if gran == "decade":
        p.decade = d.year // 10
    if gran == "century":
        p.century = d.year // 100
    if gran == "season":
        p.season = season_of(d.month)
    return p


def _finest(spec: dict[str, Any]) -> str:
    if "minute" in spec:
        return "minute"
    if "hour" in spec:
        return "hour"
    if "pod" in spec:
        return "part_of_day"
    if "day" in spec or "weekday" in spec:
        return "day"
    if "week" in spec:
        return "week"
    if "month" in spec:
        return "month"
    if "season" in spec:
        return "season"
    if "quarter" in spec:
        return "quarter"
    if "half" in spec:
        return "half"
    if "year" in spec:
        return "year"
    if "decade" in spec:
        return "decade"
    if "century" in spec:
        return "century"
    return "day"


def _rank(g: str) -> int:
    return PRECISIONS.index(g) if g in PRECISIONS else PRECISIONS.index("day")


def resolve(spec: dict[str, Any], dct: dt.date | None, tense: str | None = None,
            anchors: dict[str, dt.date] | None = None) -> Resolved:
    """Turn one matched spec into a value. `tense` is past | future | None (from the sentence).

    `anchors` maps a unit (D W M Y) to the earlier date an anaphoric expression of that unit points to
    ("that day"/이날 → D, "the following month" → M, "that year" → Y); missing units fall back to the dct.
    Never raises on odd input: an impossible date (31 February) keeps its written numbers.
    """
    typ = str(spec.get("type", "DATE"))
    if "value" in spec:
        return Resolved(str(spec["value"]), None, spec.get("precision"), typ)
    if "dur_unit" in spec:
        n = spec.get("dur_n", "X")
        if "dur_n2" in spec:  # "12 to 18 months": TimeBank leaves the count open
            n = "X"
        val = duration(n if is_number(n) else "X", str(spec["dur_unit"]))
        extra = as_int(spec.get("dur_extra_months"))
        if extra and val.endswith("Y"):  # 2년 6개월 → P2Y6M
            val += f"{extra}M"
        extra_min = as_int(spec.get("dur_extra_minutes"))
        if extra_min and val.startswith("PT") and val.endswith("H"):  # 5시간 30분 → PT5H30M
            val += f"{extra_min}M"
        return Resolved(val, None, None, typ)
    start = _resolve_point(spec, dct, tense, anchors or {})
    end_val = None
    if "end" in spec and isinstance(spec["end"], dict):
        inherit = {k: v for k, v in spec.items()
                   if k not in ("end", "day", "weekday", "pod", "hour", "minute", "span_n", "span_unit")
                   and not (k == "month" and "month" in spec["end"])
                   and not (k == "year" and "year" in spec["end"])}
        end_spec = {**inherit, **spec["end"]}
        # "10-13 September" in a later-month report: the end inherits the start's resolved year/month
        if start.year is not None and "year" not in end_spec and "rel_unit" not in end_spec:
            end_spec["year"] = start.year
            if start.month is not None and "month" not in end_spec:
                end_spec["month"] = start.month
        end_p = _resolve_point(end_spec, dct, tense, anchors or {})
        end_val = end_p.fmt()
    elif "span_n" in spec and start.year is not None and start.month is not None and start.day is not None:
        n = as_int(spec.get("span_n"))
        if n and n > 1:
            try:
                first = dt.date(start.year, start.month, start.day)
                last = shift(first, str(spec.get("span_unit", "D")), n) - dt.timedelta(days=1)
                end_val = _from_date(last, "day").fmt()
            except (ValueError, OverflowError):
                end_val = None
    prec = spec.get("precision") or start.gran
    if prec == "part_of_day":
        prec = "day"
    return Resolved(start.fmt(), end_val, prec, typ)


def _resolve_point(spec: dict[str, Any], dct: dt.date | None, tense: str | None,
                   anchors: dict[str, dt.date]) -> Partial:
    gran = spec.get("gran") or _finest(spec)
    rel_unit = spec.get("rel_unit")
    p = Partial(gran=gran)
    if rel_unit is not None:
        n = as_int(spec.get("rel_n", 0)) or 0
        if "rel_tense" in spec:  # Hindi कल: yesterday in a past report, tomorrow in a plan
            n = abs(n) if tense == "future" else -abs(n)
        rgran = REL_GRAN.get(str(rel_unit), "day")
        if _rank(gran) < _rank(rgran) or not any(k in spec for k in ("day", "month", "weekday", "pod", "hour",
                                                                      "week", "quarter", "season", "half")):
            gran = spec.get("gran") or rgran
        if str(rel_unit) == "ANCHOR":
            unit = str(spec.get("anchor_unit", "D"))
            base = anchors.get(unit) or dct
            if base is not None and n:
                base = add_days(base, n) if unit == "D" else shift(base, unit, n)
            if unit == "D":
                gran = spec.get("gran") or (gran if _rank(gran) > _rank("day") else "day")
            elif not spec.get("gran"):
                fields = ("month", "day", "weekday", "pod", "hour", "week", "quarter", "season", "half")
                gran = _finest(spec) if any(k in spec for k in fields) else REL_GRAN.get(unit, "year")
            if base is None:
                p = Partial(gran=gran)
            else:
                p = _from_date(base, gran)
        elif dct is None:
            p = Partial(gran=gran)
        else:
            p = _from_date(shift(dct, str(rel_unit), n), gran)
            if gran in ("week", "weekend") and str(rel_unit) not in ("W", "WE"):
                p = _from_date(shift(dct, str(rel_unit), n), gran)
        p.gran = gran
    else:
        p.gran = gran

    year = as_year(spec["year"]) if "year" in spec else None
    if year is None and "year_rel" in spec and dct is not None:
        year = dct.year + (as_int(spec["year_rel"]) or 0)
    if year is not None:
        p.year = year
    if "season_rel" in spec and "season" in spec and dct is not None and year is None:
        year = season_year(str(spec["season"]), dct, as_int(spec["season_rel"]) or 0)
        p.year = year
    if "decade" in spec:
        p.decade = as_int(spec["decade"])
        if p.decade is not None and p.decade >= 1000:  # written as a year: 1990년대
            p.decade //= 10
    elif gran == "decade" and year is not None:
        p.decade = year // 10
    if "century" in spec:
        c = as_int(spec["century"])
        p.century = None if c is None else (c - 1 if spec.get("ordinal_century") else c)
    for key in ("quarter", "half"):
        if key in spec:
            setattr(p, key, as_int(spec[key]))
    if "season" in spec:
        p.season = str(spec["season"])
    if "pod" in spec:
        p.pod = str(spec["pod"])
    hour = as_int(spec.get("hour"))
    if hour is not None:
        ampm = str(spec.get("ampm", "")).lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
        p.hour = hour
        p.minute = as_int(spec.get("minute")) or (0 if "minute" in spec else None)

    month = as_int(spec.get("month"))
    day = as_int(spec.get("day"))
    weekday = as_int(spec.get("weekday"))
    if month is not None:
        p.month = month
    if day is not None:
        p.day = day

    have_year = year is not None or (rel_unit is not None and rel_unit not in ("W",) and p.year is not None)
    if "dir_rel" in spec and "dir" not in spec:  # पिछले सोमवार / अगले सोमवार
        n = as_int(spec["dir_rel"])
        spec = {**spec, "dir": "past" if n and n < 0 else "future" if n and n > 0 else None}
    direction = spec.get("dir") or tense
    if weekday is not None and day is None:
        p.weekday = weekday
        # "the following Monday": counted from the day talked about before (the dct when there is none)
        base = (anchors.get("D") or dct) if spec.get("weekday_anchor") else dct
        d = weekday_date(spec, base, weekday, direction)
        if d is None:
            p.year = p.month = p.day = None
            p.week = None
        else:
            p.year, p.month, p.day, p.weekday = d.year, d.month, d.day, None
    elif month is not None and not have_year and rel_unit is None:
        p.year = infer_year(dct, month, day, direction, spec.get("dir"))
    elif day is not None and month is None:
        if rel_unit is None:
            # a clock time or a part of the day ("11일 새벽") places the day as precisely as a clock does
            clock = spec.get("hour") is not None or "pod" in spec
            p.year, p.month = infer_month(dct, day, direction, spec.get("dir"), clock=clock,
                                          until=bool(spec.get("until")))
        elif p.month is None and dct is not None:
            p.month = dct.month
    elif (p.quarter is not None or p.season is not None or p.half is not None) and not have_year:
        p.year = None if dct is None else dct.year
        if dct is not None and p.quarter is not None and direction == "past" and p.quarter > (dct.month - 1) // 3 + 1:
            p.year -= 1
    if p.gran in ("week", "weekend") and p.week is None and p.year is not None and p.month and p.day:
        try:
            p.year, p.week = iso_week(dt.date(p.year, p.month, p.day))
        except ValueError:
            pass
    if "nth_weekday" in spec and p.month is not None:
        p.day = _nth_weekday(p.year, p.month, str(spec["nth_weekday"])) if p.year is not None else None
    if spec.get("period_end") == "Q":
        # "the quarter ended July 31": the calendar quarter holding most of the three months to that day
        if p.year is None or p.month is None or p.day is None:
            return Partial(gran="quarter")
        try:
            return _from_date(dt.date(p.year, p.month, p.day) - dt.timedelta(days=45), "quarter")
        except (ValueError, OverflowError):
            return Partial(gran="quarter")
    return p


def _nth_weekday(year: int, month: int, code: str) -> int | None:
    """The day of the month of the n-th (or last, "L") weekday: "4-4" = the 4th Thursday."""
    nth, _, wd = code.partition("-")
    weekday = as_int(wd)
    if weekday is None or not 1 <= weekday <= 7 or not 1 <= month <= 12:
        return None
    first = dt.date(year, month, 1)
    day = 1 + (weekday - first.isoweekday()) % 7
    if nth == "L":
        last = days_in_month(year, month)
        return day + 7 * ((last - day) // 7)
    n = as_int(nth)
    if n is None or not 1 <= n <= 5 or day + 7 * (n - 1) > days_in_month(year, month):
        return None
    return day + 7 * (n - 1)

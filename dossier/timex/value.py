"""TimeML calendar values and the calendar arithmetic every stage shares.

    TimeValue.parse("2023-09") -> first 2023-09-01, last 2023-09-30, precision "month"

One home for reading a value (YYYY, YYYY-MM, YYYY-MM-DD[Thh:mm|TEV…], YYYY-Wnn, YYYY-Qn, YYYY-Hn and the
seasons YYYY-SP/SU/FA/WI), the days it covers, and month and ISO-week arithmetic, so the event frames,
fusion, the timeline and the timex resolver all mean the same days by the same value. A value with an
unknown part (XXXX-09, 2023-WXX) or a duration (P3D) is not a calendar value: `parse` gives None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# A value naming days on the calendar: a year, then a month (and day, and time of day), an ISO week,
# a quarter, a half or a season.
CALENDAR_VALUE = re.compile(r"\d{4}(?:-(?:\d\d(?:-\d\d(?:T[\w:.]+)?)?|W\d\d|Q[1-4]|H[12]|SP|SU|FA|WI))?")
# Months a quarter, half or season spans (first, last); winter runs into the next year (12 → 14 = February).
SPAN_MONTHS = {
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
    "H1": (1, 6),
    "H2": (7, 12),
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 14),
}
SEASONS = ("SP", "SU", "FA", "WI")
_SPAN_PRECISION = {"Q": "quarter", "H": "half"}


@dataclass(frozen=True)
class TimeValue:
    """A TimeML value that names days on the calendar: the first and last day it covers, and how precise
    it is (year | half | quarter | season | month | week | day)."""

    text: str
    first: dt.date
    last: dt.date
    precision: str

    @classmethod
    def parse(cls, value: str) -> TimeValue | None:
        """The value read, or None when it does not name calendar days (unknown parts, a duration, a set,
        an impossible date such as 2023-02-30)."""
        if not CALENDAR_VALUE.fullmatch(value):
            return None
        try:
            return cls._read(value)
        except (ValueError, KeyError):
            return None

    @classmethod
    def _read(cls, value: str) -> TimeValue:
        y = int(value[:4])
        rest = value[5:]
        if not rest:
            return cls(value, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
        if rest.startswith("W"):  # (so a winter 2023-WI is read as a week, and rejected)
            first = week_start(y, int(rest[1:3]))
            return cls(value, first, first + dt.timedelta(days=6), "week")
        if rest[0] in "QHSFW":
            a, b = SPAN_MONTHS[rest[:2]]
            end_y, end_m = (y + 1, b - 12) if b > 12 else (y, b)
            precision = _SPAN_PRECISION.get(rest[0], "season")
            return cls(value, dt.date(y, a, 1), month_end(end_y, end_m), precision)
        month = int(rest[:2])
        if len(rest) == 2:
            return cls(value, dt.date(y, month, 1), month_end(y, month), "month")
        day = dt.date(y, month, int(rest[3:5]))
        return cls(value, day, day, "day")

    @property
    def interval(self) -> tuple[dt.date, dt.date]:
        return self.first, self.last


def date_interval(
    date: str | None, date_end: str | None = None, mod: str | None = None
) -> tuple[dt.date, dt.date] | None:
    """First and last day a date reading allows: from `date` to the end of `date_end` (when that does
    not end before `date` begins); AFTER/BEFORE open the interval on one side."""
    if not date:
        return None
    a = TimeValue.parse(date)
    if a is None:
        return None
    first, last = a.interval
    if date_end:
        b = TimeValue.parse(date_end)
        if b is not None and b.last >= first:
            last = b.last
    if mod == "AFTER":
        last = dt.date.max
    elif mod == "BEFORE":
        first = dt.date.min
    return first, last


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A publication date as given by any stage: date, datetime, ISO string (YYYY-MM-DD…) or None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None  # undated, never guessed


# ---- calendar arithmetic ---------------------------------------------------------------------------------


def days_in_month(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def month_end(y: int, m: int) -> dt.date:
    """The last day of month `m` of year `y`."""
    return dt.date(y, m, days_in_month(y, m))


def add_months(d: dt.date, n: int) -> dt.date:
    """`d` moved by `n` months, its day kept where the month has it (31 Jan + 1 month = 28/29 Feb); the
    year stays within what a date can hold."""
    m0 = d.year * 12 + d.month - 1 + n
    y, m = divmod(m0, 12)
    y = min(max(y, 1), 9999)
    return dt.date(y, m + 1, min(d.day, days_in_month(y, m + 1)))


def add_days(d: dt.date, n: int) -> dt.date:
    """`d` moved by `n` days; past either end of the calendar it stays where it is."""
    try:
        return d + dt.timedelta(days=n)
    except OverflowError:
        return d


# Months one step of a calendar unit code moves (the unit codes of data/timex/*.yaml; D and W move days).
_UNIT_MONTHS = {"M": 1, "Q": 3, "H1": 6, "Y": 12, "DE": 120, "CE": 1200}


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """`d` moved by `n` units: D (days), W or WE (weeks), M, Q, H1 (half years), Y, DE (decades), CE
    (centuries); an unknown unit leaves it."""
    if unit == "D":
        return add_days(d, n)
    if unit in ("W", "WE"):
        return add_days(d, 7 * n)
    if unit in _UNIT_MONTHS:
        return add_months(d, _UNIT_MONTHS[unit] * n)
    return d


def iso_week(d: dt.date) -> tuple[int, int]:
    """(ISO year, ISO week) of a day: 1 January 2021 is in week 53 of 2020."""
    iso = d.isocalendar()
    return iso[0], iso[1]


def week_start(year: int, week: int) -> dt.date:
    """The Monday of ISO week `week` of `year`."""
    return dt.date.fromisocalendar(year, week, 1)


def season_of(month: int) -> str:
    """The season (SP SU FA WI) a month falls in: winter is December to February."""
    for season in SEASONS:
        a, b = SPAN_MONTHS[season]
        if a <= month <= b or a <= month + 12 <= b:
            return season
    return "FA"


def season_last_month(season: str) -> int | None:
    """The month a season ends in (winter: 2), or None for a code that is no season."""
    if season not in SEASONS:
        return None
    return (SPAN_MONTHS[season][1] - 1) % 12 + 1


def gap_days(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two intervals of days (first, last); 0 when they overlap."""
    if a[0] <= b[1] and b[0] <= a[1]:
        return 0
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    return (a[0] - b[1]).days

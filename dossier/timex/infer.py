"""What a relative or partial expression leaves out, guessed from the document date and the tense.

    infer_year(dct, month, day, direction, explicit_dir)  a month (and day) without a year
    infer_month(dct, day, direction, explicit)             a day of the month alone
    weekday_date(spec, dct, weekday, direction)            the weekday meant
    season_year(season, dct, n)                            last / this / next summer

`direction` is the sentence's tense (past | future | None); an explicit "last"/"next"/지난/오는 word
(`explicit`) outranks it. Without a document date nothing is guessed (None). dossier.timex.resolve
calls these; the calendar arithmetic is dossier.timex.value's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dossier.timex.spec import as_int
from dossier.timex.value import add_months, season_last_month, shift

__all__ = ["NO_TENSE_AHEAD", "infer_month", "infer_year", "season_year", "weekday_date"]

# Without a tense cue a month name (and day) up to this many months after the dct month is the coming one,
# a month further ahead is last year's (measured on TimeBank dev: 2 to 4 do equally well, 0 and 6+ worse)
NO_TENSE_AHEAD = 4
# Without a tense cue a day of the month alone this few days into the next month is that one, not the day
# three weeks or more back in the dct month (one week: a month's first days in a report of its last ones)
NO_TENSE_NEXT_MONTH_DAYS = 7


def season_year(season: str, dct: dt.date, n: int) -> int:
    """"last summer" = the most recent summer already over; "this summer" = this year's; "next" = the
    next one still to come."""
    end = season_last_month(season) or 12
    start = end - 2
    if n < 0:
        return dct.year if dct.month > end and start > 0 else dct.year - 1
    if n > 0:
        return dct.year if dct.month < start else dct.year + 1
    return dct.year


def infer_year(dct: dt.date | None, month: int, day: int | None, direction: str | None,
               explicit_dir: str | None) -> int | None:
    """A month (and day) without a year: the dct year, moved a year back for a past report of a later
    month, or forward for a future plan of an earlier one."""
    if dct is None:
        return None
    y = dct.year
    here = (month, day or 0)
    now = (dct.month, dct.day if day is not None else 0)
    if explicit_dir == "past" and here >= now:  # "지난 6월", "this past June": the latest one gone by
        y -= 1
    elif explicit_dir == "future" and here <= now:
        y += 1
    # tense cues are noisy, so the month next to the dct stays in the dct year ("8월 말" in September)
    elif direction == "past" and month - dct.month >= (2 if day is None else 3):
        y -= 1
    elif direction == "future" and dct.month - month >= 2:
        y += 1
    elif direction is None:
        # no tense to go by: the nearest such month, a few months ahead at most (news mostly reports
        # the past: "December's figures" in February is last December, "in January" in October the next)
        ahead = (month - dct.month) % 12
        if (month, day or 0) < (dct.month, dct.day if day is not None else 0) and ahead and ahead <= NO_TENSE_AHEAD:
            y += 1
        elif month > dct.month and ahead > NO_TENSE_AHEAD:
            y -= 1
    return y


def infer_month(dct: dt.date | None, day: int, direction: str | None,
                explicit: str | None = None, clock: bool = False,
                until: bool = False) -> tuple[int | None, int | None]:
    """A day of the month alone ("4일", "on the 4th"): (year, month) of the publication month, or of the
    previous one when a past-tense report names a day after the publication date. The day right after
    the publication date with a clock time or a part of the day ("17일 오전 1시 30분 현재", "17일 새벽"
    in a report dated the 16th) is that
    next day: a clock in a time zone ahead of the publisher's (Seoul's, for a report dated in
    Washington) is already there, as with English weekdays (weekday_date). With no tense to go by, a
    day at most NO_TENSE_NEXT_MONTH_DAYS into the next month is meant rather than one three weeks or
    more back ("1일에는 ... 정상회담을 갖습니다" in a report of the 31st); a plan's tense alone does not
    move a day to the next month (Korean future cues are nouns too: "회담 계획을 보도했다"), only an
    explicit 오는 / "next" does. An end date ("23일까지", `until`) in a past-tense sentence is the nearer of
    this month's and last month's day: "연장됐다" (was extended) to the 23rd said on the 22nd is tomorrow,
    "진행됐다" (ran) to the 28th said on the 2nd is four days ago."""
    if dct is None:
        return None, None
    d = dt.date(dct.year, dct.month, 1)
    next_day = (dct + dt.timedelta(days=1)).day
    if clock and explicit is None and day == next_day and next_day > dct.day:
        return d.year, d.month
    if day > dct.day and direction == "past":
        if not (until and explicit is None and day - dct.day < _days_to(dct, day, -1)):
            d = add_months(d, -1)
    elif day < dct.day and (explicit == "future" or (
            explicit is None and direction is None and _days_to(dct, day, 1) <= NO_TENSE_NEXT_MONTH_DAYS)):
        d = add_months(d, 1)  # "오는 3일" said on the 20th; 1일 said on the 31st
    return d.year, d.month


def _days_to(dct: dt.date, day: int, months: int) -> int:
    """Days from the dct to that day of the month `months` away (-1: the previous one, as a positive
    count back; 1: the next one); a large number if that month has no such day."""
    first = add_months(dt.date(dct.year, dct.month, 1), months)
    try:
        return abs((dt.date(first.year, first.month, day) - dct).days)
    except ValueError:
        return 10**6


def weekday_date(
    spec: dict[str, Any], dct: dt.date | None, weekday: int, direction: str | None
) -> dt.date | None:
    """A weekday: the article's own weekday is that day (Hindi सोमवार in a Monday article), otherwise the
    previous one for past reports and the next one for plans; "last"/"next" words force a direction."""
    if dct is None or not 1 <= weekday <= 7:
        return None
    cur = dct.isoweekday()
    explicit = spec.get("dir")
    if "rel_unit" in spec and str(spec["rel_unit"]) == "W":  # "next week Tuesday", "this week's Monday"
        base = shift(dct, "W", as_int(spec.get("rel_n", 0)) or 0)
        return base + dt.timedelta(days=weekday - base.isoweekday())
    if weekday == cur and explicit is None:
        return dct
    # "1:25 a.m. local time Saturday" in a Friday report: a clock in another time zone can already be
    # on the day after the dct, and a report cannot tell of the publisher's own tomorrow in the past
    if spec.get("tz") and explicit is None and weekday == cur % 7 + 1:
        return dct + dt.timedelta(days=1)
    if explicit == "past" or (explicit is None and direction != "future"):
        back = (cur - weekday) % 7 or 7
        return dct - dt.timedelta(days=back)
    fwd = (weekday - cur) % 7 or 7
    return dct + dt.timedelta(days=fwd)

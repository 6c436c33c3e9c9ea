import datetime as dt

import pytest

from dossier.events.timeline import bar_for
from dossier.store import EventRow


def ev(date, date_end=None, mod=None) -> EventRow:
    return EventRow("e1", "visit", date, date_end, None, mod, "occurred", None, [], False, [], 1, [])


D = dt.datetime


@pytest.mark.parametrize(
    "date, date_end, start, end, precision, label",
    [
        ("2023-09-13", None, D(2023, 9, 13), D(2023, 9, 14), "day", "13 Sep 2023"),
        ("2023-08", None, D(2023, 8, 1), D(2023, 9, 1), "month", "Aug 2023 (month)"),
        ("2023-W36", None, D(2023, 9, 4), D(2023, 9, 11), "week", "week 36 of 2023 (from 04 Sep)"),
        ("2023", None, D(2023, 1, 1), D(2024, 1, 1), "year", "2023 (year)"),
        ("2023-09-10", "2023-09-13", D(2023, 9, 10), D(2023, 9, 14), "range", "10 Sep 2023 – 13 Sep 2023"),
        ("2023-07-25", "2023-07-27", D(2023, 7, 25), D(2023, 7, 28), "range", "25 Jul 2023 – 27 Jul 2023"),
        ("2023-09-10TEV", None, D(2023, 9, 10, 18), D(2023, 9, 11), "part of day", "10 Sep 2023, evening"),
        ("2023-Q3", None, D(2023, 7, 1), D(2023, 10, 1), "season/quarter", "2023-Q3"),
    ],
)
def test_bars_keep_precision(date, date_end, start, end, precision, label) -> None:
    bar = bar_for(ev(date, date_end))
    assert (bar.start, bar.end, bar.precision, bar.label) == (start, end, precision, label)


def test_open_ended_after() -> None:
    bar = bar_for(ev("2023-09-09", mod="AFTER"))
    assert bar.open_end and bar.start == D(2023, 9, 10) and bar.label.startswith("after")


@pytest.mark.parametrize("date", [None, "PRESENT_REF", "XXXX-XX-13", "P3D", "2023-13"])
def test_no_bar_off_the_calendar(date) -> None:
    assert bar_for(ev(date)) is None

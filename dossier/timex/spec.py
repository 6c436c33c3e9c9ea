"""A matched pattern's spec, made ready for resolution: convenience keys → core keys, numbers, durations.

    prepare(spec) -> spec | None      duration(n, unit) -> "P3D", "PT2H", "P2Y6M"

A spec is the dict a pattern of data/timex/<lang>.yaml sets (`set:`), with group references already
replaced by their values. `prepare` turns the keys a pattern may use for convenience (rel_pod,
year_hi/year_lo, decade_word, holiday, ...) into the core keys dossier.timex.resolve reads; the
number readers here accept what YAML and regex groups give (ints, floats, "4.", "'89").
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "DUR_DATE_UNITS", "REL_GRAN", "as_int", "as_year", "duration", "is_number", "prepare", "two_digits",
]

# Unit codes used by the YAML files (shared by every language).
DUR_DATE_UNITS = {"D": "D", "W": "W", "M": "M", "Y": "Y", "Q": "Q", "DE": "DE", "CE": "CE", "WE": "WE",
                  "H": "TH", "MIN": "TM", "S": "TS"}
REL_GRAN = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade",
            "CE": "century", "WE": "weekend", "H": "hour", "MIN": "minute", "H1": "half"}



def two_digits(n: int | None) -> str:
    return "XX" if n is None else f"{n:02d}"


def as_int(v: Any) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)):
        return int(v)
    s = str(v).strip().rstrip(".")
    try:
        return int(s)
    except ValueError:
        return None


def as_year(v: Any) -> int | None:
    s = str(v).strip().lstrip("'’")
    n = as_int(s)
    if n is None:
        return None
    if len(s) == 2:  # '89 → 1989; '05 → 2005 (news is recent)
        return 1900 + n if n >= 30 else 2000 + n
    return n


def _fmt_number(n: Any) -> str:
    if n is None or n == "X":
        return "X"
    f = float(n)
    return str(int(f)) if f == int(f) else str(f)


def duration(n: Any, unit: str) -> str:
    """P3D, P17M, PT2H, PXY; fractional years/months become the next smaller unit (P2Y6M)."""
    code = DUR_DATE_UNITS.get(unit, unit)
    if code == "D" and n not in (None, "X") and float(n) != int(float(n)):
        f = float(n)  # a day and a half → P1DT12H, half a day → PT12H
        hours = round((f - int(f)) * 24)
        return f"P{int(f)}DT{hours}H" if int(f) else f"PT{hours}H"
    if code.startswith("T"):
        if n not in (None, "X") and float(n) != int(float(n)) and code == "TH":
            f = float(n)
            mins = round((f - int(f)) * 60)
            return f"PT{int(f)}H{mins}M" if int(f) else f"PT{mins}M"
        return f"PT{_fmt_number(n)}{code[1:]}"
    if n not in (None, "X") and float(n) != int(float(n)) and code in ("Y", "M"):
        f = float(n)
        whole, frac = int(f), f - int(f)
        if code == "Y":
            return f"P{whole}Y{round(frac * 12)}M" if whole else f"P{round(frac * 12)}M"
        return f"P{whole}M{round(frac * 30)}D" if whole else f"P{round(frac * 30)}D"
    if code == "DE" and n not in (None, "X"):  # TimeBank writes decades as years
        return f"P{int(float(n) * 10)}Y"
    if code == "CE" and n not in (None, "X") and float(n) != int(float(n)):  # half a century → P50Y
        return f"P{round(float(n) * 100)}Y"
    return f"P{_fmt_number(n)}{code}"


def prepare(spec: dict[str, Any]) -> dict[str, Any] | None:
    """Turn the convenience keys a pattern may set into the core ones `resolve` reads.

    rel_pod "-1 NI" → one day back, night; year_hi/year_lo (nineteen ninety-six) → year; pair_day 7
    with day 6 → the range 6-7 (not a pattern's match when the days are not consecutive);
    decade_digits 1990 → decade 199; decade_word 9 → decade 199; set_unit Y → SET P1Y;
    value_set_weekday 4 → SET XXXX-WXX-4; value_set_season SU → SET XXXX-SU; a clock time with no day → today.
    """
    s = dict(spec)
    if "rel_pod" in s:
        parts = str(s.pop("rel_pod")).split()
        if len(parts) == 2:
            s.setdefault("rel_unit", "D")
            s["rel_n"], s["pod"] = parts[0], parts[1]
    if "year_hi" in s:
        hi, lo = as_int(s.pop("year_hi")), s.pop("year_lo", None)
        lo_n = as_int(lo) if lo is not None else 0
        if hi is None or lo_n is None or not 0 <= lo_n < 100:
            return None
        s["year"] = str(hi * 100 + lo_n)
    s.pop("year_lo", None)
    if "decade_digits" in s:
        s["decade"] = int(str(s.pop("decade_digits"))[:3])
    if "decade_word" in s:
        n = as_int(s.pop("decade_word"))
        if n is None:
            return None
        s["decade"] = 190 + n
    if "set_unit" in s:  # each month → P1M, every three months → P3M
        n = s.get("set_n", 1)
        return {"type": "SET", "value": duration(n if is_number(n) else "X", str(s["set_unit"]))}
    if "value_set_weekday" in s:
        v = f"XXXX-WXX-{s['value_set_weekday']}"
        if s.get("pod"):
            v += f"T{s['pod']}"
        return {"type": "SET", "value": v}
    if "value_set_season" in s:  # every summer → SET XXXX-SU
        return {"type": "SET", "value": f"XXXX-{s['value_set_season']}"}
    if "value_set_month" in s:
        m = as_int(s["value_set_month"])
        return {"type": "SET", "value": f"XXXX-{two_digits(m)}"}
    for key, unit in (("rel_day", "D"), ("rel_week", "W"), ("rel_month", "M"), ("rel_year", "Y")):
        if key in s:
            s["rel_unit"], s["rel_n"] = unit, s.pop(key)
    if "pair_day" in s:  # "6 और 7 फरवरी": two days in a row are one range; days apart are two dates
        d, d2 = as_int(s.get("day")), as_int(s.pop("pair_day"))
        if d is None or d2 != d + 1:
            return None
        s["end"] = {"day": d2}
    if "fy_end" in s:  # 2021-22 → 2021 … 2022
        y, yy = as_year(s["year"]), as_int(s.pop("fy_end"))
        if y is not None and yy is not None:
            s["end"] = {"year": (y // 100) * 100 + yy if yy >= y % 100 else (y // 100 + 1) * 100 + yy}
    if "week_of_month" in s:  # "the first week of October": the ISO week of its first days
        n = as_int(s.pop("week_of_month"))
        if n is None or not 1 <= n <= 5:
            return None
        s["day"] = (n - 1) * 7 + 4  # the ISO week holding most of days 1-7
    if "holiday" in s:  # "12-25"; a moveable one "11-4-4" = the 4th Thursday of November ("L": the last)
        parts = str(s.pop("holiday")).split("-")
        if len(parts) == 2:
            s["month"], s["day"] = parts
        elif len(parts) == 3:
            s["month"], s["nth_weekday"], s["gran"] = parts[0], f"{parts[1]}-{parts[2]}", "day"
    if "decade_base" in s:  # nineteen eighties → 198
        base, n = as_int(s.pop("decade_base")), as_int(s.get("decade"))
        if base is None or n is None:
            return None
        s["decade"] = base + n
    if "pod_ampm" in s:  # "eight o'clock in the evening"
        s["ampm"] = "pm" if s.pop("pod_ampm") in ("AF", "EV", "NI") else "am"
    if "gran_of" in s:  # the precision named by a unit code
        s["gran"] = REL_GRAN.get(str(s.pop("gran_of")), "day")
    if "rel_anchor" in s:
        s["rel_unit"], s["rel_n"] = "ANCHOR", s.pop("rel_anchor")
    if "decade_2d" in s:  # 90년대 → 1990s, 10년대 → 2010s
        yy = as_int(s.pop("decade_2d"))
        if yy is None:
            return None
        s["decade"] = (190 if yy >= 30 else 200) + yy // 10
    if "rel_n" in s and "rel_unit" not in s:
        s["rel_unit"] = "D"
    if "hour" in s and not any(k in s for k in ("weekday", "day", "month", "rel_unit")):
        s["rel_unit"], s["rel_n"] = "D", 0
    if ("pod" in s or "hour" in s) and s.get("type", "DATE") == "DATE":  # a part of day or clock time
        s["type"] = "TIME"
    if s.get("dur_n") in ("X", None) and "dur_unit" in s:
        s["dur_n"] = "X"
    return s


def is_number(v: Any) -> bool:
    try:
        float(v)
        return True
    except (TypeError, ValueError):
        return False

"""The one object that carries filter state, and its round trip through a URL query string.

Like datasette, a filtered view is a link: every field maps to a query parameter, lists repeat the
parameter (``?lang=ko&lang=hi``), and parsing never raises on a hand-edited URL — unknown or
malformed values are dropped and reported in ``Filters.problems`` so the page can say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar

# Filters field -> its URL parameter: the only place these names are spelled (in this order in a
# link). Published links use them, so a rename must keep reading the old name.
_PARAMS = {
    "date_from": "from",
    "date_to": "to",
    "undated": "undated",
    "actors": "actor",
    "langs": "lang",
    "sources": "source",
    "event_types": "event",
    "places": "place",
    "q": "q",
}
_FROM, _TO, _UNDATED, _Q = (_PARAMS[a] for a in ("date_from", "date_to", "undated", "q"))
# query-parameter name -> Filters field name, for the list-valued fields
_LIST_PARAMS = {_PARAMS[a]: a for a in ("actors", "langs", "sources", "event_types", "places")}
# the problem reported when a start date after the end date was swapped (by a link or the sidebar)
SWAPPED_DATES = f"swapped {_FROM}/{_TO}: the start was after the end"

# Every query parameter from_query_params reads (also the options of `python -m dossier export`)
QUERY_PARAMS = ("from", "to", "undated", *_LIST_PARAMS, "q")
LIST_PARAMS = tuple(_LIST_PARAMS)  # the ones that may repeat


def _parse_date(value: str) -> dt.date:
    return dt.date.fromisoformat(value.strip())


@dataclass(frozen=True)
class Filters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    undated: bool = True  # include articles with no publication date when a date range is set
    actors: tuple[str, ...] = ()  # canonical entity ids
    langs: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # place ids
    q: str = ""  # substring search, any script
    problems: tuple[str, ...] = field(default=(), compare=False)

    # every query parameter these filters own; any other parameter in a URL (e.g. ``article``)
    # belongs to a page and is left alone
    PARAM_NAMES: ClassVar[tuple[str, ...]] = tuple(_PARAMS.values())

    @staticmethod
    def param(field_name: str) -> str:
        """The URL parameter of a field (``Filters.param("langs") == "lang"``)."""
        return _PARAMS[field_name]

    # -- URL round trip -------------------------------------------------------------------

    @classmethod
    def from_query_params(cls, params: Mapping[str, Any]) -> Filters:
        """Build from ``st.query_params``-like mappings (values: str or list of str)."""

        def values(name: str) -> list[str]:
            raw = params.get(name)
            if raw is None:
                return []
            items = [raw] if isinstance(raw, str) else list(raw)
            return [str(v).strip() for v in items if str(v).strip()]

        problems: list[str] = []
        kwargs: dict[str, Any] = {}
        for name, attr in ((_FROM, "date_from"), (_TO, "date_to")):
            got = values(name)
            if got:
                try:
                    kwargs[attr] = _parse_date(got[0])
                except ValueError:
                    problems.append(f"ignored {name}={got[0]!r}: not a YYYY-MM-DD date")
        undated = values(_UNDATED)
        if undated:
            kwargs["undated"] = undated[0] not in ("0", "false", "no")
        for param, attr in _LIST_PARAMS.items():
            got = values(param)
            if got:
                kwargs[attr] = tuple(dict.fromkeys(got))  # de-duplicate, keep order
        q = values(_Q)
        if q:
            kwargs["q"] = q[0]
        result = cls(**kwargs, problems=tuple(problems))
        if result.date_from and result.date_to and result.date_from > result.date_to:
            result = replace(
                result,
                date_from=result.date_to,
                date_to=result.date_from,
                problems=result.problems + (SWAPPED_DATES,),
            )
        return result

    def to_query_params(self) -> dict[str, str | list[str]]:
        """Only non-default fields, so links stay short and stable."""
        out: dict[str, str | list[str]] = {}
        if self.date_from:
            out[_FROM] = self.date_from.isoformat()
        if self.date_to:
            out[_TO] = self.date_to.isoformat()
        if not self.undated:
            out[_UNDATED] = "0"
        for param, attr in _LIST_PARAMS.items():
            items = getattr(self, attr)
            if items:
                out[param] = list(items)
        if self.q:
            out[_Q] = self.q
        return out

    # -- helpers --------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not self.to_query_params()

    def with_(self, **changes: Any) -> Filters:
        """A copy with some fields changed; list fields accept any iterable."""
        for name, value in changes.items():
            if isinstance(value, (list, set, Iterable)) and not isinstance(value, (str, tuple)):
                changes[name] = tuple(value)
        return replace(self, problems=(), **changes)

    def describe(self, labels: Mapping[str, str] | None = None) -> str:
        """The active filters in words, e.g. ``Sept 2023 · Kim Jong Un, Vladimir Putin · ko, hi``.

        ``labels`` maps ids (actors, places) to display names.
        """
        labels = labels or {}
        parts: list[str] = []
        span = _describe_dates(self.date_from, self.date_to)
        if span:
            parts.append(span + ("" if self.undated else " (dated only)"))
        for attr in ("actors", "langs", "sources", "event_types", "places"):
            items = getattr(self, attr)
            if items:
                parts.append(", ".join(labels.get(i, i) for i in items))
        if self.q:
            parts.append(f"“{self.q}”")
        return " · ".join(parts) if parts else "All articles"


def _describe_dates(start: dt.date | None, end: dt.date | None) -> str:
    if not start and not end:
        return ""
    if start and end:
        whole_month = (
            start.day == 1
            and start.year == end.year
            and start.month == end.month
            and (end + dt.timedelta(days=1)).month != end.month
        )
        if whole_month:
            return start.strftime("%b %Y")
        if start == end:
            return start.isoformat()
        return f"{start.isoformat()} – {end.isoformat()}"
    if start:
        return f"from {start.isoformat()}"
    assert end is not None
    return f"until {end.isoformat()}"


FILTER_FIELDS = tuple(f.name for f in fields(Filters) if f.name != "problems")

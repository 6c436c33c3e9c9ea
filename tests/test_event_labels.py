"""Events in words (dossier/export/event_labels.py)."""

from __future__ import annotations

from dossier.export.event_labels import LABEL_CHARS, event_label, has_date_or_actor, story_lines
from dossier.store import EventRow


def _event(**kw) -> EventRow:
    base = {"id": "ev:visit:1", "type": "visit", "date": "2023-07-25", "date_end": "2023-07-27", "precision": "day",
                "date_mod": None, "status": "occurred", "place_id": "gn:1", "actor_ids": ["per:shoigu"], "conflict": False,
                "readings": [], "n_articles": 1, "sources": []}
    return EventRow(**{**base, **kw})


NAMES = {"per:shoigu": "Sergei Shoigu", "gn:1": "Pyongyang"}


def test_a_range_in_one_month_reads_as_people_say_it() -> None:
    assert event_label(_event(), NAMES) == "Sergei Shoigu · visit · Pyongyang · 25–27 Jul 2023"


def test_long_labels_shorten_names_but_keep_what_and_when() -> None:
    many = {f"per:{i}": f"A Very Long Person Name Number {i}" for i in range(5)}
    label = event_label(_event(actor_ids=list(many), place_id=None), many)
    assert len(label) <= LABEL_CHARS and label.endswith(" · visit · 25–27 Jul 2023")


def test_events_with_neither_date_nor_actor_are_told_apart() -> None:
    assert has_date_or_actor(_event(date=None, date_end=None))
    assert not has_date_or_actor(_event(date=None, date_end=None, actor_ids=[]))
    later, earlier = _event(id="b", date="2023-09-01", date_end=None), _event(id="a")
    assert [x.event_id for x in story_lines([later, earlier, _event(id="u", date=None, date_end=None)], NAMES)] == ["a", "b", "u"]

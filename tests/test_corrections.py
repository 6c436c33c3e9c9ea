"""Corrections: made, applied in the views, logged with before/after, undone, and surviving a
re-ingest that re-extracts everything."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.corpus import corrections
from dossier.filters import Filters
from dossier.ingest.run import ingest_paths
from dossier.store import Store


@pytest.fixture()
def db(corpus_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "d.db"
    with Store(corpus_db, readonly=True) as src, Store(path) as dst:
        src.conn.backup(dst.conn)
    return path


def test_merge_split_alias_and_undo(db: Path) -> None:
    with Store(db) as s:
        before = {a.entity_id: a.n_mentions for a in s.actors(Filters(), limit=500)}
        kim, kcna = "per:kim-jong-un", "outlet:kcna"
        cid = corrections.add(s, "merge_actor", kcna, {"into": kim, "name": "Kim Jong Un"}, note="test")
        after = {a.entity_id: a.n_mentions for a in s.actors(Filters(), limit=500)}
        assert kcna not in after and after[kim] == before[kim] + before[kcna]
        (row,) = [c for c in corrections.log(s) if c.id == cid]
        assert row.before == {"name": "Korean Central News Agency"} and row.created_at and row.undone_at is None
        corrections.undo(s, cid)
        assert {a.entity_id: a.n_mentions for a in s.actors(Filters(), limit=500)} == before
        assert next(c for c in corrections.log(s) if c.id == cid).undone_at is not None

        # split one surface form off an actor, then give it back as an alias
        corrections.add(s, "split_alias", kim, {"text": "김정은"})
        split = corrections.split_id("김정은")
        assert s.count_articles(Filters(actors=(split,))) >= 1
        assert all(m.text != "김정은" for m in s.mentions(Filters(), entity_id=kim, limit=1000))
        corrections.add(s, "add_alias", kim, {"text": "김정은", "name": "Kim Jong Un"})
        assert any(m.text == "김정은" for m in s.mentions(Filters(), entity_id=kim, limit=1000))


def test_event_and_place_corrections_survive_reingest(db: Path, corpus_dir: Path, monkeypatch) -> None:
    from dossier.ingest import run as ingest_mod

    with Store(db) as s:
        forum = next(e for e in s.events(Filters(), limit=500) if e.type == "forum" and e.date == "2023-09-10")
        corrections.add(s, "event_date", forum.id, {"date": "2023-09-11", "date_end": "2023-09-14"})
        corrections.add(s, "place_location", "gn:2013348", {"lat": 43.12, "lon": 131.89})
        ev = next(e for e in s.events(Filters(), limit=500) if e.id == forum.id)
        assert (ev.date, ev.date_end) == ("2023-09-11", "2023-09-14")
        assert next(p for p in s.places(Filters(), limit=500) if p.place_id == "gn:2013348").lat == pytest.approx(43.12)
        ids = sorted(e.id for e in s.events(Filters(), limit=500))
        # a newer pipeline re-extracts every article; the corrections are replayed over it
        monkeypatch.setattr(ingest_mod, "pipeline_version", lambda: "a-newer-pipeline")
        report = ingest_paths([corpus_dir], s)
        assert report.counts()["re-extracted"] == 6
        assert sorted(e.id for e in s.events(Filters(), limit=500)) == ids
        assert corrections.detached(s) == []
        ev = next(e for e in s.events(Filters(), limit=500) if e.id == forum.id)
        assert (ev.date, ev.date_end) == ("2023-09-11", "2023-09-14")
        assert next(p for p in s.places(Filters(), limit=500) if p.place_id == "gn:2013348").lat == pytest.approx(43.12)


def test_bad_corrections_are_refused(db: Path) -> None:
    with Store(db) as s:
        with pytest.raises(corrections.CorrectionError):
            corrections.add(s, "merge_actor", "per:kim-jong-un", {"into": "per:kim-jong-un"})
        with pytest.raises(corrections.CorrectionError):
            corrections.add(s, "place_location", "gn:2013348", {"lat": 123, "lon": 0})
        with pytest.raises(corrections.CorrectionError):
            corrections.add(s, "event_date", "ev:none", {"date": "2023-01-01"})
        with pytest.raises(corrections.CorrectionError):
            corrections.undo(s, 999)
        assert corrections.log(s) == []


# ---- an event correction stays on its event when a later article joins it ------------------------------

# Two short reports of one visit. Article ids are the first 16 hex digits of the text's SHA-256, so
# LATER's id sorts after EARLIER's: the event first seen in LATER gets an id from LATER's sentence,
# and EARLIER, ingested afterwards, becomes the event's earliest-sorting source.
LATER = "Sergei Shoigu, the Russian defence minister, visited Pyongyang on 26 July 2023.\n"
EARLIER = "Russian Defence Minister Sergei Shoigu visited Pyongyang on 26 July 2023.\n"


def _write_article(folder: Path, name: str, text: str) -> Path:
    import json

    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.json").write_text(
        json.dumps({"file": f"{name}.txt", "title": name, "published": "2023-07-28", "language": "en"}),
        encoding="utf-8",
    )
    return folder / f"{name}.txt"


def _shoigu_visits(s: Store):
    return [
        e for e in s.events(Filters(), limit=100) if e.type == "visit" and "per:sergei-shoigu" in e.actor_ids
    ]


def test_event_correction_survives_an_earlier_sorting_article_joining_the_event(tmp_path: Path) -> None:
    import hashlib

    later_id, earlier_id = (hashlib.sha256(t.encode("utf-8")).hexdigest()[:16] for t in (LATER, EARLIER))
    assert earlier_id < later_id  # the precondition of the scenario
    with Store(tmp_path / "d.db") as s:
        ingest_paths([_write_article(tmp_path / "in", "later", LATER)], s)
        (visit,) = _shoigu_visits(s)
        assert [src["article_id"] for src in visit.sources] == [later_id]
        cid = corrections.add(s, "event_date", visit.id, {"date": "2023-07-25", "date_end": "2023-07-27"})

        ingest_paths([_write_article(tmp_path / "in2", "earlier", EARLIER)], s)
        (joined,) = _shoigu_visits(s)
        assert sorted(src["article_id"] for src in joined.sources) == sorted([earlier_id, later_id])
        assert joined.id == visit.id
        assert (joined.date, joined.date_end, joined.precision) == ("2023-07-25", "2023-07-27", "corrected")
        assert not next(c for c in s.corrections() if c.id == cid).detached


def test_a_correction_whose_event_is_gone_is_kept_and_shown_as_detached(db: Path) -> None:
    with Store(db) as s:
        event = s.events(Filters(), limit=1)[0]
        kept = corrections.add(s, "event_place", event.id, {"place_id": "gn:2013348"})
        # what a merge leaves behind: a correction naming an id no rebuilt event carries any more
        gone = s.add_correction("event_date", "ev:visit:000000000000", {"date": "2023-01-01"}, None)
        undone = s.add_correction("event_date", "ev:visit:111111111111", {"date": "2023-01-01"}, None)
        s.undo_correction(undone)
        corrections.rebuild(s)  # applies what it can, fails on nothing
        assert next(e for e in s.events(Filters(), limit=500) if e.id == event.id).place_id == "gn:2013348"
        flags = {c.id: c.detached for c in corrections.log(s)}
        assert flags == {kept: False, gone: True, undone: False}
        assert [c.id for c in corrections.detached(s)] == [gone]

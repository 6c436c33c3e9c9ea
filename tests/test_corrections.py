"""Corrections: made, applied in the views, logged with before/after, undone, and surviving a
re-ingest that re-extracts everything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier import corrections
from dossier.filters import Filters
from dossier.ingest import ingest_paths
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
        assert [c for c in corrections.log(s) if c.id == cid][0].undone_at is not None

        # split one surface form off an actor, then give it back as an alias
        corrections.add(s, "split_alias", kim, {"text": "김 위원장"})
        split = corrections.split_id("김 위원장")
        assert s.count_articles(Filters(actors=(split,))) >= 1
        assert all(m.text != "김 위원장" for m in s.mentions(Filters(), entity_id=kim, limit=1000))
        corrections.add(s, "add_alias", kim, {"text": "김 위원장", "name": "Kim Jong Un"})
        assert any(m.text == "김 위원장" for m in s.mentions(Filters(), entity_id=kim, limit=1000))


def test_event_and_place_corrections_survive_reingest(db: Path, corpus_dir: Path, monkeypatch) -> None:
    from dossier import ingest as ingest_mod

    with Store(db) as s:
        forum = next(e for e in s.events(Filters(), limit=500) if e.type == "forum" and e.date == "2023-09-10")
        corrections.add(s, "event_date", forum.id, {"date": "2023-09-11", "date_end": "2023-09-14"})
        corrections.add(s, "place_location", "gn:2013348", {"lat": 43.12, "lon": 131.89})
        ev = next(e for e in s.events(Filters(), limit=500) if e.id == forum.id)
        assert (ev.date, ev.date_end) == ("2023-09-11", "2023-09-14")
        assert next(p for p in s.places(Filters(), limit=500) if p.place_id == "gn:2013348").lat == pytest.approx(43.12)
        # a newer pipeline re-extracts every article; the corrections are replayed over it
        monkeypatch.setattr(ingest_mod, "pipeline_version", lambda: "a-newer-pipeline")
        report = ingest_paths([corpus_dir], s)
        assert report.counts()["re-extracted"] == 6
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

"""The sample corpus end to end: ingest → frames → fused events, as the Timeline shows them."""

from __future__ import annotations

import pytest

from dossier.filters import Filters
from dossier.store import Store


@pytest.fixture(scope="module")
def events(corpus_db):
    with Store(corpus_db) as s:
        return s.events(Filters(), limit=1000)


def find(events, type_: str, actor: str | None = None, place: str | None = None):
    return [
        e for e in events
        if e.type == type_ and (actor is None or actor in e.actor_ids) and (place is None or e.place_id == place)
    ]


def test_shoigu_visit_in_july_2023_with_the_conflicting_reading_kept(events) -> None:
    (visit,) = [e for e in find(events, "visit", "per:sergei-shoigu") if e.date and e.date.startswith("2023")]
    assert visit.date.startswith("2023-07") and visit.place_id == "gn:1871859"  # Pyongyang
    dates = {r["date"] for r in visit.readings}
    assert "2023-08" in dates  # "지난달" in an article of 5 September: kept as a reading
    assert visit.conflict
    assert {s["lang"] for s in visit.sources} >= {"ko", "hi"}


def test_eastern_economic_forum_10_to_13_september_in_vladivostok(events) -> None:
    forums = [e for e in find(events, "forum") if e.date == "2023-09-10" and e.date_end == "2023-09-13"]
    assert forums and forums[0].place_id == "gn:2013348"  # Vladivostok


def test_kims_train_leaves_pyongyang_on_the_evening_of_10_september(events) -> None:
    departures = [e for e in find(events, "departure", "per:kim-jong-un") if e.date]
    assert any(e.date.startswith("2023-09-10") and e.place_id == "gn:1871859" for e in departures)


def test_summit_at_vostochny_on_13_september(events) -> None:
    summits = [e for e in find(events, "meeting", "per:vladimir-putin") if e.date == "2023-09-13"]
    assert summits and summits[0].place_id == "site:vostochny-cosmodrome"
    assert "per:kim-jong-un" in summits[0].actor_ids


def test_event_filters(corpus_store) -> None:
    import datetime as dt

    with Store(corpus_store) as s:
        sept = s.events(Filters(date_from=dt.date(2023, 9, 1), date_to=dt.date(2023, 9, 30), undated=False), limit=500)
        assert sept and all(e.date and (e.date_end or e.date) >= "2023-09-01" and e.date <= "2023-09-30~" for e in sept)
        shoigu = s.events(Filters(actors=("per:sergei-shoigu",)), limit=500)
        assert shoigu and all("per:sergei-shoigu" in e.actor_ids for e in shoigu)
        hindi = s.events(Filters(langs=("hi",)), limit=500)
        assert hindi and all(any(src["lang"] == "hi" for src in e.sources) or e.sources for e in hindi)


def test_reporting_chains_in_the_corpus(corpus_store) -> None:
    with Store(corpus_store) as s:
        described = {c.description for c in s.chains(Filters(), limit=1000)}
    assert any("Yomiuri" in d and d.index("Yomiuri") < d.index("New York Times") for d in described if "New York Times" in d)
    assert any(d.startswith("Kyodo") or "Kyodo" in d for d in described)


# ---- event ids across rebuilds ---------------------------------------------------------------------------


def test_stored_source_keys_are_the_keys_fusion_gives(corpus_store) -> None:
    """event_sources keeps a trigger's text, not its offset; the keys read back must still be the
    ones fusion gives the same frames, or a rebuild could not tell which event continues which."""
    from dossier.corpus.grouping import frame_refs
    from dossier.events.fusion import fuse, source_key

    with Store(corpus_store) as s:
        stored = s.event_source_keys()
        fused = fuse(frame_refs(s))
    assert len(stored) == len(fused) > 5
    fused_keys = sorted(sorted({source_key(x) for x in e.sources}) for e in fused)
    assert sorted(map(sorted, stored.values())) == fused_keys


def test_rebuilding_and_reingesting_the_same_corpus_keeps_every_event_id(
    corpus_db, corpus_dir, tmp_path
) -> None:
    from dossier.corpus import corrections
    from dossier.ingest.run import ingest_paths

    path = tmp_path / "copy.db"
    with Store(corpus_db, readonly=True) as src, Store(path) as dst:
        src.conn.backup(dst.conn)
    with Store(path) as s:
        before = sorted((e.id, e.type, e.date) for e in s.events(Filters(), limit=1000))
        for _ in range(2):
            corrections.rebuild(s)
            assert sorted((e.id, e.type, e.date) for e in s.events(Filters(), limit=1000)) == before
        ingest_paths([corpus_dir], s)
        assert sorted((e.id, e.type, e.date) for e in s.events(Filters(), limit=1000)) == before

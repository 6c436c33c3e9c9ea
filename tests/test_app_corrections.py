"""AppTest of the Corrections page: a merge made in the page shows in the log and in the store,
and can be undone from the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dossier.filters import Filters
from dossier.store import Store
from tests.apptest import new_app, run_app


@pytest.fixture()
def app(corpus_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[AppTest, Path]:
    db = tmp_path / "d.db"
    with Store(corpus_db, readonly=True) as src, Store(db) as dst:
        src.conn.backup(dst.conn)
    return new_app(db, monkeypatch, timeout=180), db


def test_merge_then_undo_from_the_page(app) -> None:
    at, db = app
    run_app(at, "pages/corrections.py")
    at.selectbox(key="corr_merge_from").set_value("outlet:kcna")
    at.selectbox(key="corr_merge_into").set_value("per:kim-jong-un")
    at.text_input(key="corr_merge_note").set_value("test merge").run()
    at.button(key="corr_merge").click().run()
    assert not at.exception, at.exception
    assert any("applied" in s.value for s in at.success), ([e.value for e in at.error], [w.value for w in at.warning])
    assert "test merge" in str(at.dataframe[0].value["note"].tolist())
    with Store(db, readonly=True) as s:
        ids = {a.entity_id for a in s.actors(Filters(), limit=500)}
        assert "outlet:kcna" not in ids
        (c,) = s.corrections()
    at.run()
    at.selectbox(key="corr_undo_pick").set_value(c.id).run()
    at.button(key="corr_undo").click().run()
    assert not at.exception, at.exception
    with Store(db, readonly=True) as s:
        assert "outlet:kcna" in {a.entity_id for a in s.actors(Filters(), limit=500)}
        assert s.corrections()[0].undone_at


def test_a_detached_event_correction_is_flagged_on_the_page(app) -> None:
    at, db = app
    with Store(db) as s:
        # what a merge of two events leaves behind: a correction naming an id no event carries
        gone = s.add_correction("event_date", "ev:visit:000000000000", {"date": "2023-01-01"}, None)
    run_app(at, "pages/corrections.py")
    assert any(f"#{gone}" in w.value and "applies to no event" in w.value for w in at.warning), [
        w.value for w in at.warning]
    statuses = at.dataframe[0].value["status"].tolist()
    assert statuses == ["detached: its event no longer exists"]

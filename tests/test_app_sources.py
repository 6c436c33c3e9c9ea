"""AppTest of the Sources page, and the independent-origin counts it shows, on the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dossier.filters import Filters
from dossier.provenance.confirmations import confirmations
from dossier.store import Store
from tests.apptest import new_app, run_app


@pytest.fixture()
def app(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return new_app(corpus_db, monkeypatch, timeout=120)


def test_sources_page_lists_events_and_chains(app: AppTest) -> None:
    run_app(app, "pages/sources.py")
    assert app.header[0].value == "Sources"
    events, chains = app.dataframe[0].value, app.dataframe[1].value
    assert "independent origins" in events.columns and len(events) > 5
    described = " ".join(chains["chain (publisher ← origin)"])
    assert "Yomiuri Shimbun ← The New York Times" in described
    assert "Reuters ← Yonhap News Agency" in described


def test_relaying_outlets_do_not_count_twice(corpus_db: Path) -> None:
    with Store(corpus_db) as s:
        events = s.events(Filters(), limit=500)
        conf = confirmations(events, lambda aid: s.chains(Filters(), article_id=aid, limit=1000))
    for c in conf.values():
        keys = [g.key for g in c.groups]
        assert len(keys) == len(set(keys))  # one group per origin
        assert c.independent == len(c.groups)
    # somewhere in the corpus an origin is relayed by another outlet and still counts once
    relayed = [g for c in conf.values() for g in c.groups if len(g.outlets) > 1]
    assert relayed

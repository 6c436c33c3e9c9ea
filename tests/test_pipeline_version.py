"""The pipeline version moves with the source of every extraction stage and its data, so stored
extraction is redone after any change to them, and not after a change to the store, exports or CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.corpus import pipeline

PACKAGE = Path(pipeline.__file__).resolve().parents[1]


def _edited(monkeypatch: pytest.MonkeyPatch, edited: Path) -> str:
    real = pipeline._read_bytes
    monkeypatch.setattr(pipeline, "_read_bytes", lambda p: real(p) + b"\n#" if p == edited else real(p))
    return pipeline._fingerprint()


@pytest.mark.parametrize("module", ["timex/rules.py", "events/frames.py", "corpus/grouping.py", "model.py"])
def test_editing_a_stage_module_changes_the_version(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    assert PACKAGE / module in pipeline._stage_sources()
    before = pipeline._fingerprint()
    assert _edited(monkeypatch, PACKAGE / module) != before


@pytest.mark.parametrize("module", ["store/articles.py", "export/briefing.py", "cli.py"])
def test_code_outside_extraction_does_not_count(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    before = pipeline._fingerprint()
    assert PACKAGE / module not in pipeline._stage_sources()
    assert _edited(monkeypatch, PACKAGE / module) == before


def test_editing_a_data_table_changes_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    before = pipeline._fingerprint()
    table = next(p for p in pipeline._versioned_data() if p.suffix in (".yaml", ".json", ".tsv", ".txt"))
    assert _edited(monkeypatch, table) != before


def test_the_version_is_computed_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    first = pipeline.pipeline_version()
    monkeypatch.setattr(pipeline, "_fingerprint", lambda: pytest.fail("hashed a second time"))
    assert pipeline.pipeline_version() == first

"""scripts/timeml_to_jsonl.py: TimeML .tml → the shared TIMEX jsonl, checked on a hand-written file."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests/fixtures/timeml/tiny.tml"

_spec = importlib.util.spec_from_file_location("timeml_to_jsonl", ROOT / "scripts/timeml_to_jsonl.py")
assert _spec and _spec.loader
conv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(conv)


def test_text_offsets_index_each_timex():
    doc = conv.convert_file(FIXTURE)
    assert doc["id"] == "TINY20000107.0001"
    assert doc["dct"] == "2000-01-07"
    surfaces = [(doc["text"][s:e], t, v) for s, e, t, v in doc["timexes"]]
    assert surfaces == [
        ("Thursday", "DATE", "2000-01-06"),
        ("next week", "DATE", "2000-W02"),  # one-digit week zero-padded
        ("daily", "SET", "P1D"),
        ("Nov. 25, 1999", "DATE", "1999-11-25"),
    ]


def test_tags_removed_entities_decoded_and_empty_timex_left_out():
    doc = conv.convert_file(FIXTURE)
    text = doc["text"]
    assert "<" not in text and "&amp;" not in text
    assert "Protesters rallied Thursday & plan more for next week." in text
    assert "Written by hand" not in text  # only <TEXT> is kept, not the title
    assert all(e > s for s, e, _, _ in doc["timexes"])  # the empty DURATION t3 is not there


def test_canonical_value_pads_only_one_digit_weeks():
    assert conv.canonical_value("2000-W7") == "2000-W07"
    assert conv.canonical_value("2000-W7-WE") == "2000-W07-WE"
    assert conv.canonical_value("1998-W45") == "1998-W45"
    assert conv.canonical_value("XXXX-WXX") == "XXXX-WXX"


def test_main_writes_jsonl_from_a_directory(tmp_path):
    out = tmp_path / "out.jsonl"
    assert conv.main([str(out), str(FIXTURE.parent)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["dct"] == "2000-01-07"


def test_bad_input_is_a_clear_error(tmp_path, capsys):
    broken = tmp_path / "broken.tml"
    broken.write_text("<TimeML><TEXT>unclosed</TimeML>", encoding="utf-8")
    assert conv.main([str(tmp_path / "o.jsonl"), str(broken)]) == 2
    assert "broken.tml" in capsys.readouterr().err
    no_dct = tmp_path / "nodct.tml"
    no_dct.write_text("<TimeML><TEXT>Monday</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(conv.TimeMLError, match="CREATION_TIME"):
        conv.convert_file(no_dct)
    assert conv.main([str(tmp_path / "o.jsonl"), str(tmp_path / "missing")]) == 2

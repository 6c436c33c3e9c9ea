"""`train ner --train-files`: training on given jsonl files instead of the language's main file (how
the openly licensed English candidate is trained), without running a training loop."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from dossier.ner.data import read_jsonl, split_holdout
from dossier.ner.train import SEED, _source_record, build_parser, main

FIXTURE = Path(__file__).parent / "fixtures" / "ner" / "en.jsonl"


def _halves(tmp_path: Path) -> tuple[Path, Path]:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines(keepends=True)
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("".join(lines[:15]), encoding="utf-8")
    b.write_text("".join(lines[15:]), encoding="utf-8")
    return a, b


def test_heldout_part_is_drawn_from_all_train_files(tmp_path):
    a, b = _halves(tmp_path)
    out = tmp_path / "held.jsonl"
    empty = tmp_path / "no-datasets"
    assert main(["ner", "--lang", "en", "--train-files", f"{a},{b}", "--data-dir", str(empty),
                 "--export-heldout", str(out)]) == 0
    held = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    _, expected = split_holdout(read_jsonl(a) + read_jsonl(b), 0.1, SEED)
    assert held == expected and len(held) == 4


def test_every_train_file_is_recorded_with_its_sha256(tmp_path):
    a, b = _halves(tmp_path)
    args = build_parser().parse_args(["ner", "--lang", "en", "--train-files", f"{a},{b}",
                                      "--data-dir", str(tmp_path / "no-datasets")])
    record = _source_record(args)
    assert set(record) == {str(a), str(b)}
    assert record[str(a)]["sha256"] == hashlib.sha256(a.read_bytes()).hexdigest()


def test_a_missing_train_file_is_refused_by_name(tmp_path):
    a, _ = _halves(tmp_path)
    with pytest.raises(SystemExit, match="nope.jsonl"):
        main(["ner", "--lang", "en", "--train-files", f"{a},{tmp_path / 'nope.jsonl'}",
              "--export-heldout", str(tmp_path / "held.jsonl")])

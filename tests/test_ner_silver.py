"""Self-training support: `train silver` keeps only sentences the model is sure about, never labels
a gold or scored sentence, and `train ner --silver` trains on silver files without holding any of
them out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dossier.ner.data import read_jsonl, split_holdout
from dossier.ner.silver import confident_entities
from dossier.ner.train import SEED, SOURCES, _split, build_parser, main

FIXTURES = Path(__file__).parent / "fixtures" / "ner"


def test_sure_greedy_entities_are_kept():
    greedy = [(0, 1, "PER"), (4, 6, "LOC")]
    scores = {(0, 1, "PER"): 0.99, (4, 6, "LOC"): 0.95, (4, 5, "LOC"): 0.04}
    assert confident_entities(greedy, scores) == [(0, 1, "PER"), (4, 6, "LOC")]


def test_a_weak_greedy_entity_drops_the_sentence():
    assert confident_entities([(0, 1, "PER")], {(0, 1, "PER"): 0.7, (0, 2, "PER"): 0.3}) is None


def test_a_likely_entity_the_greedy_parse_missed_drops_the_sentence():
    assert confident_entities([], {(2, 3, "ORG"): 0.4}) is None
    assert confident_entities([(0, 1, "PER")], {(0, 1, "PER"): 0.95, (3, 4, "LOC"): 0.2}) is None


def test_no_entity_anywhere_is_a_sure_empty_sentence():
    assert confident_entities([], {}) == []
    assert confident_entities([], {(1, 2, "LOC"): 0.05}) == []


def _data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "datasets" / "ner" / SOURCES["ko"]["main"]
    target.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "ko.jsonl", target)
    return tmp_path / "datasets" / "ner"


def test_silver_files_are_trained_on_but_never_held_out(tmp_path):
    data_dir = _data_dir(tmp_path)
    silver = tmp_path / "silver.jsonl"
    gold = read_jsonl(data_dir / SOURCES["ko"]["main"])
    silver_recs = [{"text": f"홍길동 씨가 {i}번째로 왔다.", "entities": [[0, 3, "PER"]]} for i in range(5)]
    silver.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in silver_recs), encoding="utf-8")
    args = build_parser().parse_args(["ner", "--lang", "ko", "--data-dir", str(data_dir), "--silver", str(silver)])
    train, extra, held = _split(args)
    assert extra == silver_recs
    assert (train, held) == split_holdout(gold, 0.15, SEED)
    with pytest.raises(SystemExit, match="nope.jsonl"):
        _split(build_parser().parse_args(["ner", "--lang", "ko", "--data-dir", str(data_dir),
                                          "--silver", str(tmp_path / "nope.jsonl")]))


@pytest.mark.slow
def test_train_silver_labels_raw_text_but_no_gold_sentence(tmp_path):
    data_dir = _data_dir(tmp_path)
    model = tmp_path / "model"
    assert main(["ner", "--lang", "ko", "--smoke", "--max-steps", "6", "--workdir", str(tmp_path / "work"),
                 "--output", str(model), "--data-dir", str(data_dir)]) == 0
    gold_texts = [r["text"] for r in read_jsonl(data_dir / SOURCES["ko"]["main"])]
    raw = data_dir.parent / "raw.txt"
    new = ["이순신 장군은 한산도에서 싸웠다.", "오늘 날씨가 맑다.", "오늘 날씨가 맑다."]
    raw.write_text("\n".join(gold_texts[:3] + new) + "\n", encoding="utf-8")
    out = tmp_path / "silver.jsonl"
    # reject=1.0 / keep=0.0: every sentence counts as sure, so the exclusions alone are tested.
    assert main(["silver", "--lang", "ko", "--model", str(model), "--data-dir", str(data_dir), "--raw", "raw.txt",
                 "--out", str(out), "--keep", "0", "--reject", "1"]) == 0
    texts = [r["text"] for r in read_jsonl(out)]
    assert texts == new[:2]
    record = json.loads(Path(str(out) + ".json").read_text(encoding="utf-8"))
    assert (record["sentences"], record["excluded"], record["duplicates"], record["kept"]) == (6, 3, 1, 2)
    for rec in read_jsonl(out):
        for start, end, label in rec["entities"]:
            assert 0 <= start < end <= len(rec["text"]) and label in {"PER", "ORG", "LOC"}


def test_main_copies_repeat_the_gold_training_part_only(tmp_path):
    data_dir = _data_dir(tmp_path)
    base = ["ner", "--lang", "ko", "--data-dir", str(data_dir)]
    train1, _, held1 = _split(build_parser().parse_args(base))
    train2, _, held2 = _split(build_parser().parse_args([*base, "--main-copies", "2"]))
    assert train2 == train1 + train1 and held2 == held1

"""Smoke training: the `train ner` path works end to end on a small fixture and a few steps.

This checks the training machinery (data conversion, config, loop, saving, loading), not
quality. It runs on tests/fixtures/ner (laid out under the file names `train` reads from the
shared datasets), so a clone with nothing beside it runs it too. Deselect with `-m "not slow"`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy

from dossier.ner.data import read_jsonl, split_holdout
from dossier.ner.train import DATASETS, DEFAULT_HOLDOUT, SEED, SOURCES, drop_seen, main

FIXTURES = Path(__file__).parent / "fixtures" / "ner"


def _fixture_data_dir(tmp_path: Path, lang: str) -> Path:
    """A data dir holding only the fixture, under the main train file's name for `lang`."""
    target = tmp_path / "datasets" / SOURCES[lang]["main"]
    target.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / f"{lang}.jsonl", target)
    return tmp_path / "datasets"

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_smoke_training_produces_loadable_pipeline(tmp_path, lang, capsys):
    data_dir = _fixture_data_dir(tmp_path, lang)
    out = tmp_path / "model"
    rc = main(["ner", "--lang", lang, "--smoke", "--max-steps", "6", "--workdir", str(tmp_path / "work"),
               "--output", str(out), "--data-dir", str(data_dir), "--extra", ""])
    assert rc == 0
    assert (out / "meta.json").is_file() and (out / "config.cfg").is_file()
    assert not (tmp_path / "work" / "model-last").exists()
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert set(meta["labels"]["ner"]) == {"PER", "ORG", "LOC"}
    if lang == "ko":
        from dossier.ner import ko_tokenizer  # noqa: F401
    nlp = spacy.load(out)
    text = "김정은이 블라디보스토크에서 푸틴과 만났다." if lang == "ko" else "Kim Jong Un met Putin in Vladivostok ."
    doc = nlp(text)
    assert doc.text == text
    first_line = capsys.readouterr().out.splitlines()[0]
    stats = json.loads(first_line)
    train, held = split_holdout(read_jsonl(FIXTURES / f"{lang}.jsonl"), DEFAULT_HOLDOUT[lang], SEED)
    assert len(train) + len(held) == 40 and held
    unseen, dropped = drop_seen(train, {r["text"].strip() for r in held})
    assert stats["train_sentences"] == len(unseen) and stats["heldout_sentences"] == len(held)
    assert stats["dropped_as_seen_in_heldout_or_dev"] == dropped
    record = json.loads((out / "training.json").read_text(encoding="utf-8"))
    assert record["argv"]["seed"] == SEED and record["pretraining"] is None
    assert SOURCES[lang]["main"] in record["sources"]


def test_smoke_pretraining_weights_are_loaded_into_training(tmp_path, capsys):
    data_dir = _fixture_data_dir(tmp_path, "en")
    out = tmp_path / "model"
    rc = main(["ner", "--lang", "en", "--smoke", "--max-steps", "4", "--workdir", str(tmp_path / "work"),
               "--output", str(out), "--data-dir", str(data_dir), "--extra", "", "--raw", "",
               "--pretrain-epochs", "2"])
    assert rc == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.startswith("{")]
    assert [x["pretrain_epoch"] for x in lines if "pretrain_epoch" in x] == [1, 2]
    assert any("pretrained_tok2vec_loaded" in x for x in lines)
    record = json.loads((out / "training.json").read_text(encoding="utf-8"))
    assert record["pretraining"]["epochs"] == 2 and record["pretraining"]["texts"] > 0


@pytest.mark.skipif(not (DATASETS / "ko").is_dir(), reason=f"shared NER datasets absent: {DATASETS / 'ko'}")
def test_heldout_split_is_repeatable(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert main(["ner", "--lang", "ko", "--export-heldout", str(a)]) == 0
    assert main(["ner", "--lang", "ko", "--export-heldout", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert len(a.read_text(encoding="utf-8").splitlines()) == round(4011 * 0.15)

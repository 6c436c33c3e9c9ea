"""Smoke training: the `train ner` path works end to end on ~200 sentences and a few steps.

This checks the training machinery (data conversion, config, loop, saving, loading), not
quality. Deselect with `-m "not slow"`.
"""

from __future__ import annotations

import json

import pytest
import spacy

from dossier.ner.train import DATASETS, main

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_smoke_training_produces_loadable_pipeline(tmp_path, lang, capsys):
    if not (DATASETS / f"{lang}").is_dir():
        pytest.fail(f"training data missing: {DATASETS / lang}")
    out = tmp_path / "model"
    rc = main(["ner", "--lang", lang, "--smoke", "--max-steps", "6", "--workdir", str(tmp_path / "work"),
               "--output", str(out)])
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
    assert stats["train_sentences"] == 200 and stats["heldout_sentences"] == 50


def test_heldout_split_is_repeatable(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert main(["ner", "--lang", "ko", "--export-heldout", str(a)]) == 0
    assert main(["ner", "--lang", "ko", "--export-heldout", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert len(a.read_text(encoding="utf-8").splitlines()) == round(4011 * 0.15)

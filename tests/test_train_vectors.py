"""scripts/train_vectors.py: floret vectors keyed on the NER model's own tokens, and a config that reads them.

Runs on tests/fixtures/ner (40 Korean sentences) with a tiny table, so it checks the path (tokenise,
train, convert, load, train NER on top), not the vectors' quality. Deselect with `-m "not slow"`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from dossier.ner.train import SOURCES, main

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "ner" / "ko.jsonl"
UNSEEN_WORD = "퀸텔로비스"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ko_vectors(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("vectors")
    extra = out / "extra.txt"  # a plain-text file beside the JSON lines, with a word no model has seen
    extra.write_text(f"{UNSEEN_WORD}는 어제 서울에 왔다.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "scripts/train_vectors.py", "--lang", "ko", "--out", str(out), "--dim", "8",
         "--bucket", "300", "--min-count", "1", "--epoch", "2", str(FIXTURE), str(extra)],
        cwd=ROOT, capture_output=True, text=True, check=True)
    record = json.loads(run.stdout.strip().splitlines()[-1])
    texts = [json.loads(line)["text"] for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    assert len(texts) == 40
    assert record["lines"] == len(set(texts)) + 1  # a repeated line (boilerplate) is read once
    assert record["tokens"] > sum(len(t.split()) for t in set(texts))  # Kiwi splits particles off
    return out


def test_vectors_pipeline_is_floret_and_covers_unseen_tokens(ko_vectors):
    from dossier.ner import ko_tokenizer  # noqa: F401  (the pipeline names the Kiwi tokenizer)

    nlp = spacy.load(ko_vectors / "pipeline")
    assert nlp.lang == "ko"
    assert nlp.vocab.vectors.mode == "floret" and nlp.vocab.vectors.shape == (300, 8)
    # floret builds a vector from character n-grams, so a word absent from the text still gets one
    assert nlp.vocab["블라디보스토크"].vector.any()
    assert not (ko_vectors / "vectors.floret").exists()  # the 13 MB text form is not left behind
    # the raw text's tokens stay out of the string table the NER model would copy (floret hashes them)
    strings = json.loads((ko_vectors / "pipeline" / "vocab" / "strings.json").read_text(encoding="utf-8"))
    assert UNSEEN_WORD not in strings
    stored = json.loads((ko_vectors / "vectors.json").read_text(encoding="utf-8"))
    assert stored["floret"]["dim"] == 8 and str(FIXTURE) in stored["files"]


def test_ner_trains_on_top_of_the_vectors(ko_vectors, tmp_path):
    data_dir = tmp_path / "datasets"
    target = data_dir / SOURCES["ko"]["main"]
    target.parent.mkdir(parents=True)
    shutil.copy(FIXTURE, target)
    out = tmp_path / "model"
    rc = main(["ner", "--lang", "ko", "--config", str(ROOT / "data" / "models" / "configs" / "ko-vec.cfg"),
               "--smoke", "--max-steps", "4", "--workdir", str(tmp_path / "work"), "--output", str(out),
               "--data-dir", str(data_dir), "--extra", "",
               "--set", f'paths.vectors="{ko_vectors / "pipeline"}"'])
    assert rc == 0
    record = json.loads((out / "training.json").read_text(encoding="utf-8"))
    assert record["static_vectors"]["pipeline"] == str(ko_vectors / "pipeline")
    assert record["static_vectors"]["built"]["floret"]["dim"] == 8  # the vectors' own inputs and options
    nlp = spacy.load(out)
    assert nlp.config["components"]["tok2vec"]["model"]["embed"]["include_static_vectors"] is True
    assert nlp.vocab.vectors.mode == "floret" and nlp.vocab.vectors.shape == (300, 8)
    assert nlp("김정은이 블라디보스토크에서 푸틴과 만났다.").text == "김정은이 블라디보스토크에서 푸틴과 만났다."


def test_raw_lines_take_json_text_and_keep_prose_that_starts_with_a_brace(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("train_vectors", ROOT / "scripts" / "train_vectors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    raw = tmp_path / "raw.txt"
    raw.write_text('{"text": "김정은이 방러했다."}\n{각주} 문법이 남은 위키 줄\n\n  평범한 줄  \n{"id": 3}\n', encoding="utf-8")
    assert module.read_lines(raw) == ["김정은이 방러했다.", "{각주} 문법이 남은 위키 줄", "평범한 줄"]

"""Unit tests for the training helpers that guard data honesty and pretrained-weight loading."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import load_config

from dossier.ner.pretrain import tok2vec_matches
from dossier.ner.train import DEV_FILES, MODELS, SOURCES, drop_seen

FIXTURES = Path(__file__).parent / "fixtures" / "ner"


def test_drop_seen_removes_sentences_whose_text_is_scored():
    records = [{"text": "A met B ."}, {"text": " C in D . "}, {"text": "E"}]
    kept, dropped = drop_seen(records, {"C in D .", "Z"})
    assert [r["text"] for r in kept] == ["A met B .", "E"] and dropped == 1


def test_no_training_source_without_a_licence_and_no_dev_file_trains():
    for lang, sources in SOURCES.items():
        assert not any("panx" in path for path in sources.values()), lang
        assert DEV_FILES.get(lang) not in sources.values()


def _initialised_pipeline(init_tok2vec: str | None = None, empty_pretraining: bool = False):
    config = load_config(MODELS / "configs" / "en.cfg", overrides={
        "components.tok2vec.model.encode.width": 16, "components.tok2vec.model.encode.depth": 1,
        "paths.init_tok2vec": init_tok2vec}, interpolate=False)
    if empty_pretraining:
        config["pretraining"] = {}
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    doc = nlp.make_doc("Kim met Putin in Vladivostok .")
    doc.ents = [spacy.tokens.Span(doc, 0, 1, "PER"), spacy.tokens.Span(doc, 4, 5, "LOC")]
    nlp.initialize(lambda: [Example(nlp.make_doc(doc.text), doc)])
    return nlp


def test_tok2vec_matches_only_when_init_tok2vec_was_applied(tmp_path):
    spacy.util.fix_random_seed(0)
    source = _initialised_pipeline()
    weights = tmp_path / "tok2vec.bin"
    weights.write_bytes(source.get_pipe("tok2vec").model.to_bytes())
    assert tok2vec_matches(source, weights.read_bytes())
    spacy.util.fix_random_seed(1)
    loaded = _initialised_pipeline(str(weights))
    assert tok2vec_matches(loaded, weights.read_bytes())
    spacy.util.fix_random_seed(1)
    ignored = _initialised_pipeline(str(weights), empty_pretraining=True)
    assert not tok2vec_matches(ignored, weights.read_bytes())


def test_configs_have_a_pretraining_block_so_init_tok2vec_is_applied():
    # With an empty [pretraining] block spaCy ignores [initialize] init_tok2vec without a word.
    for lang in SOURCES:
        config = load_config(MODELS / "configs" / f"{lang}.cfg", interpolate=False)
        assert config["pretraining"]["component"] == "tok2vec", lang


def test_pretraining_is_repeatable_with_the_same_seed_and_epochs(tmp_path):
    from dossier.ner.data import read_jsonl
    from dossier.ner.pretrain import pretrain_tok2vec

    texts = [r["text"] for r in read_jsonl(FIXTURES / "en.jsonl")]
    config = load_config(MODELS / "configs" / "en.cfg", overrides={
        "components.tok2vec.model.encode.width": 16, "components.tok2vec.model.encode.depth": 1},
        interpolate=False)
    runs = []
    for name in ("a", "b"):
        stats = pretrain_tok2vec(config, texts, tmp_path / f"{name}.bin", seed=0, max_epochs=2)
        assert stats.epochs == 2 and stats.texts == len(texts)
        runs.append((tmp_path / f"{name}.bin").read_bytes())
    assert runs[0] == runs[1]

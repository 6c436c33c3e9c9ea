"""Known-name marks for the Korean NER model: longest match over noun tokens, the same marks from
the tokenizer at run time as in the training files, and only data from this repository."""

from __future__ import annotations

import pytest
import spacy

from dossier.ner import ko_tokenizer  # noqa: F401  (registers the Kiwi tokenizers)
from dossier.ner.data import create_pretokenized_corpus, write_docbin
from dossier.ner.ko_lexicon import korean_lexicon, lexicon_marks, name_prefixes

LEX = {"뉴욕": "Loc", "뉴욕타임스": "Org", "김정은": "Per", "하기": "Loc"}


def test_longest_name_wins_and_spaces_may_sit_inside():
    words = ["뉴욕", "타임스", "는", "뉴욕", "에"]
    tags = ["NNP", "NNP", "JX", "NNP", "JKB"]
    assert lexicon_marks(words, tags, LEX) == ["Lex=OrgB", "Lex=OrgI", "", "Lex=LocB", ""]


def test_a_run_through_an_ending_or_particle_is_no_name():
    # 하 + 기 spells the place 하기, but it is a verb stem and an ending.
    assert lexicon_marks(["하", "기"], ["VV", "ETN"], LEX) == ["", ""]
    assert lexicon_marks(["김정은", "이"], ["NNP", "JKS"], LEX) == ["Lex=PerB", ""]


def test_prefixes_change_speed_not_marks():
    words = ["김", "정은", "뉴욕", "타임스", "하기"]
    tags = ["NNP", "NNP", "NNP", "NNP", "NNG"]
    assert lexicon_marks(words, tags, LEX, name_prefixes(LEX)) == lexicon_marks(words, tags, LEX)
    assert lexicon_marks(words, tags, LEX)[:2] == ["Lex=PerB", "Lex=PerI"]


def test_repository_lexicon_has_places_and_actors_but_no_stopword():
    lex = korean_lexicon()
    assert lex["블라디보스토크"] == "Loc" and lex["김정은"] == "Per"
    assert "고양이" not in lex  # a gazetteer stopword (a town name that is mostly "cat")
    assert all(len(k) >= 2 for k in lex)


def test_tokenizer_v3_marks_survive_the_training_files(tmp_path):
    nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "dossier.KiwiTokenizer.v3"}}})
    doc = nlp("김정은 위원장이 블라디보스토크에서 푸틴 대통령과 만났다.")
    marks = {t.text: str(t.morph) for t in doc if str(t.morph)}
    assert marks["김정은"] == "Lex=PerB" and marks["블라디보스토크"] == "Lex=LocB"
    write_docbin([doc], tmp_path / "d.spacy")
    example = next(iter(create_pretokenized_corpus(str(tmp_path / "d.spacy"))(nlp)))
    assert [str(t.morph) for t in example.predicted] == [str(t.morph) for t in doc]
    v1 = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "dossier.KiwiTokenizer.v1"}}})
    assert [t.text for t in v1(doc.text)] == [t.text for t in doc]
    assert not any(str(t.morph) for t in v1(doc.text))


@pytest.mark.slow
def test_ko_lex_config_trains_and_loads_with_marks(tmp_path):
    import shutil
    from pathlib import Path

    from dossier.ner.train import MODELS, SOURCES, main

    data_dir = tmp_path / "datasets" / "ner"
    (data_dir / "ko").mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "fixtures" / "ner" / "ko.jsonl", data_dir / SOURCES["ko"]["main"])
    out = tmp_path / "model"
    assert main(["ner", "--lang", "ko", "--smoke", "--max-steps", "6", "--config", str(MODELS / "configs" / "ko-lex.cfg"),
                 "--workdir", str(tmp_path / "work"), "--output", str(out), "--data-dir", str(data_dir)]) == 0
    nlp = spacy.load(out)
    assert "MORPH" in nlp.config["components"]["tok2vec"]["model"]["embed"]["attrs"]
    doc = nlp("김정은이 블라디보스토크에서 푸틴과 만났다.")
    assert {t.text: str(t.morph) for t in doc}["블라디보스토크"] == "Lex=LocB"


def test_names_mostly_used_as_ordinary_words_are_not_marked():
    from dossier.ner.ko_lexicon import korean_lexicon

    lexicon = korean_lexicon()
    assert "경기" not in lexicon  # a match far more often than Gyeonggi Province (common_words.json)
    assert lexicon.get("경기도") == "Loc" and lexicon.get("블라디보스토크") == "Loc"

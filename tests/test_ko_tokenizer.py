"""Kiwi tokenizer: particles split off names, and the Doc keeps the exact input text."""

from __future__ import annotations

import functools

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.ner import ko_tokenizer
from dossier.ner.ko_tokenizer import KiwiTokenizer, get_kiwi, split_words


@functools.lru_cache(maxsize=1)
def _nlp():
    return spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "dossier.KiwiTokenizer.v1"}}})


def test_registered_and_used_by_blank_pipeline():
    assert isinstance(_nlp().tokenizer, KiwiTokenizer)


def test_particles_split_from_names():
    doc = _nlp()("김정은이 블라디보스토크에서 푸틴과 만났다.")
    words = [t.text for t in doc]
    assert words[:2] == ["김정은", "이"]
    assert "블라디보스토크" in words and "에서" in words
    assert doc.char_span(0, 3) is not None  # 김정은 is a whole-token span
    assert doc.char_span(5, 12) is not None  # 블라디보스토크


def test_contracted_morphemes_keep_surface_text():
    # 했 = 하 + 었 on one syllable: must come back as the original character, once.
    words, spaces = split_words("회담을 했다")
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == "회담을 했다"


def test_kiwi_is_built_once():
    assert get_kiwi() is get_kiwi()


def test_edge_cases_round_trip():
    nlp = _nlp()
    for text in ["", " ", "\n\n", "  앞뒤 공백  ", "😀 이모지와 English, हिन्दी 혼합\t탭", "a  b   c", "\u3000전각공백"]:
        assert nlp(text).text == text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("김정은이가에서 푸틴과\n\t.,!?abc123😀한국어 ")), max_size=40))
def test_any_text_round_trips(text):
    assert _nlp()(text).text == text


def test_pipeline_serialises_with_tokenizer(tmp_path):
    nlp = _nlp.__wrapped__()
    nlp.to_disk(tmp_path / "p")
    assert ko_tokenizer  # the import above is what registers the factory for loading
    loaded = spacy.load(tmp_path / "p")
    assert [t.text for t in loaded("김정은이")] == ["김정은", "이"]


def _align(text, entities, mode):
    from dossier.ner.data import AlignStats, record_to_doc

    stats = AlignStats()
    doc = record_to_doc(_nlp(), {"text": text, "entities": entities}, mode, stats)
    return doc, stats


def test_gold_spans_align_to_kiwi_tokens():
    text = "김정은이 블라디보스토크에서 푸틴과 만났다."
    doc, stats = _align(text, [[0, 3, "PER"], [5, 12, "LOC"], [15, 17, "PER"], [0, 1, "DATE"]], "strict")
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [(0, 3, "PER"), (5, 12, "LOC"), (15, 17, "PER")]
    assert stats.exact == 3 and stats.dropped == 0  # DATE is not a NER label here


def test_misaligned_span_expand_contract_strict():
    # Kiwi keeps 북미 as one token; a gold span on 북 alone sits inside it.
    text = "북미 정상회담"
    doc, stats = _align(text, [[0, 1, "ORG"]], "expand")
    assert [(e.start_char, e.end_char) for e in doc.ents] == [(0, 2)] and stats.adjusted == 1
    doc, stats = _align(text, [[0, 1, "ORG"]], "contract")
    assert doc is None and stats.dropped == 1 and stats.sentences_skipped == 1
    doc, stats = _align(text, [[0, 1, "ORG"]], "strict")
    assert doc is None and stats.dropped == 1


def test_v2_cuts_country_pair_words_and_v1_does_not():
    text = "남북 정상회담과 북미 협상, 한미일 공조, 북한과 남미"
    v2 = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "dossier.KiwiTokenizer.v2"}}})
    words = [t.text for t in v2(text)]
    assert words[:2] == ["남", "북"] and ["북", "미", "협상"] == words[5:8]
    assert ["한", "미", "일"] == words[9:12]
    assert "북한" in words and "남미" in words  # listed as whole words
    assert v2(text).text == text
    v1_words = [t.text for t in _nlp()(text)]
    assert "남북" in v1_words and "북미" in v1_words

"""Known-name marks for Hindi: untagged words, spaces inside names, the tokenizer that sets them and
reloads from a saved pipeline; and the Korean marks unchanged by the generalisation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from dossier.ner import hi_tokenizer  # noqa: F401  (registers dossier.HindiLexTokenizer.v1)
from dossier.ner.ko_lexicon import lexicon, lexicon_marks, name_key, name_prefixes

FIXTURES = Path(__file__).parent / "fixtures" / "ner"
LEX = {name_key("नई दिल्ली"): "Loc", name_key("दिल्ली"): "Loc", name_key("संयुक्त राष्ट्र"): "Org"}
LEX_TOKENIZER = {"@tokenizers": "dossier.HindiLexTokenizer.v1"}


def test_untagged_words_with_spaces_take_the_longest_name():
    words = ["नई", "दिल्ली", "में", "संयुक्त", "राष्ट्र", "और", "दिल्ली"]
    spaces = [True] * len(words)
    marks = lexicon_marks(words, None, LEX, name_prefixes(LEX), spaces)
    assert marks == ["Lex=LocB", "Lex=LocI", "", "Lex=OrgB", "Lex=OrgI", "", "Lex=LocB"]
    assert marks == lexicon_marks(words, None, LEX, None, spaces)


def test_words_without_a_space_between_them_are_not_a_spaced_name():
    # "नईदिल्ली" written as two tokens with no space between is not the key "नई दिल्ली"
    assert lexicon_marks(["नई", "दिल्ली"], None, LEX, spaces=[False, False]) == ["", "Lex=LocB"]


def test_punctuation_neither_starts_nor_ends_a_name():
    words = ["दिल्ली", ",", "संयुक्त", "राष्ट्र", "।"]
    marks = lexicon_marks(words, None, LEX, spaces=[False, True, True, False, False])
    assert marks == ["Lex=LocB", "", "Lex=OrgB", "Lex=OrgI", ""]


def test_korean_marks_are_the_ones_before_hindi_was_added():
    pytest.importorskip("kiwipiepy")
    from dossier.ner.ko_tokenizer import analyse

    records = [json.loads(line) for line in (FIXTURES / "ko.jsonl").read_text(encoding="utf-8").splitlines()]
    kinds = {"PER": "Per", "ORG": "Org", "LOC": "Loc"}
    lex = {name_key(r["text"][s:e]): kinds[label] for r in records for s, e, label in r["entities"]}
    expected = json.loads((FIXTURES / "ko_marks.json").read_text(encoding="utf-8"))["marks"]
    for record, want in zip(records, expected, strict=True):
        words, _, tags = analyse(record["text"])
        assert lexicon_marks(words, tags, lex) == want
        assert lexicon_marks(words, tags, lex, name_prefixes(lex)) == want


def test_repository_lexicon_has_devanagari_places_and_no_other_language():
    from dossier.text.scripts import has_devanagari, has_hangul

    hindi, korean = lexicon("hi"), lexicon("ko")
    assert hindi.get(name_key("नई दिल्ली")) == "Loc"
    # the KB's Hindi names may be Latin (CNN, a CLDR name); gazetteer places are Devanagari only
    assert sum(map(has_devanagari, hindi)) > 0.95 * len(hindi)
    assert not any(map(has_hangul, hindi)) and not any(map(has_devanagari, korean))


def test_tokenizer_keeps_spacy_tokens_adds_marks_and_reloads_offline(tmp_path):
    plain = spacy.blank("hi")
    nlp = spacy.blank("hi", config={"nlp": {"tokenizer": LEX_TOKENIZER}})
    text = "नई दिल्ली में संयुक्त राष्ट्र की बैठक हुई।"
    doc = nlp(text)
    assert [t.text for t in doc] == [t.text for t in plain(text)] and doc.text == text
    marks = {t.text: str(t.morph) for t in doc if str(t.morph)}
    assert marks["नई"] == "Lex=LocB" and marks["दिल्ली"] == "Lex=LocI"
    assert not any(str(t.morph) for t in plain(text))
    nlp.to_disk(tmp_path / "p")
    again = spacy.load(tmp_path / "p")
    assert [(t.text, str(t.morph)) for t in again(text)] == [(t.text, str(t.morph)) for t in doc]

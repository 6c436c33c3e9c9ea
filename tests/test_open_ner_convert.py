"""scripts/open_ner_to_jsonl.py: open English NER corpora -> the shared NER jsonl, on hand-written
files in each source format (tests/fixtures/open_ner)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests/fixtures/open_ner"

_spec = importlib.util.spec_from_file_location("open_ner_to_jsonl", ROOT / "scripts/open_ner_to_jsonl.py")
assert _spec and _spec.loader
conv = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = conv  # its dataclass looks its module up there
_spec.loader.exec_module(conv)


def surfaces(record: dict) -> list[tuple[str, str]]:
    return [(record["text"][s:e], label) for s, e, label in record["entities"]]


def test_uner_offsets_point_into_the_original_text_and_oth_is_dropped():
    first, _ = conv.uner_records(FIXTURES / "tiny.iob2", "uner-test")
    assert first["text"] == "DPA: Iraqi officials met Ahmad Chalabi in Baghdad, didn't they?"
    assert first["id"] == "uner-test:tiny-0001" and first["lang"] == "en" and first["source"] == "uner-test"
    # "Iraqi" is OTH (like CoNLL's MISC) and the stray "B-O" on "?" is no entity.
    assert surfaces(first) == [("DPA", "ORG"), ("Ahmad Chalabi", "PER"), ("Baghdad", "LOC")]


def test_uner_tokens_are_joined_with_spaces_when_the_text_line_does_not_fit():
    second = list(conv.uner_records(FIXTURES / "tiny.iob2", "uner"))[1]
    assert second["text"] == "New York Shell"
    assert surfaces(second) == [("New York", "LOC"), ("Shell", "ORG")]


def test_iob_spans_split_adjacent_entities_and_start_on_a_stray_inside_tag():
    assert conv.iob_spans(["B-PER", "B-PER", "I-PER", "O", "I-LOC", "I-ORG"]) == [
        (0, 0, "PER"), (1, 2, "PER"), (4, 4, "LOC"), (5, 5, "ORG")]


def test_wnut_groups_and_corporations_are_org_and_creative_works_are_dropped():
    first, second = conv.wnut_records(FIXTURES / "tiny.wnut")
    assert first["text"] == "Empire State Building = @joe loves Nike and Coldplay and Lost"
    assert surfaces(first) == [("Empire State Building", "LOC"), ("Nike", "ORG"), ("Coldplay", "ORG")]
    assert surfaces(second) == [("Paris", "LOC")]  # a line holding only "\r" ends a sentence


def test_conll_reads_space_separated_iob1_skips_docstart_and_drops_misc():
    first, second = conv.conll_records(FIXTURES / "tiny.conll", "wikigold")
    assert first["text"] == "The Blue Lantern Trio toured Norwegian clubs in Bergen and Oslo with Anna Lund ."
    assert first["id"] == "wikigold:tiny.conll:1" and first["source"] == "wikigold"
    # IOB1: "Bergen" (I-LOC) and "Oslo" (B-LOC) are two places; "toured Norwegian" (MISC) is dropped.
    assert surfaces(first) == [("The Blue Lantern Trio", "ORG"), ("Bergen", "LOC"), ("Oslo", "LOC"),
                               ("Anna Lund", "PER")]
    # Adjacent I- tags of different types are two entities; -DOCSTART- is no sentence of its own.
    assert second["text"] == "Paris Hilton ." and surfaces(second) == [("Paris", "LOC"), ("Hilton", "PER")]


def test_conll_reads_tab_separated_iob2_and_a_last_sentence_without_a_blank_line():
    first, second = conv.conll_records(FIXTURES / "tiny.btc", "btc")
    assert surfaces(first) == [("Mara Quist", "PER"), ("#Doyle", "PER"), ("#UN", "ORG")]
    assert second["text"] == "Happy New Year Leeds" and surfaces(second) == [("Leeds", "LOC")]


def test_cli_conll_format_names_the_source(tmp_path):
    out = tmp_path / "btc.jsonl"
    assert conv.main(["conll", str(FIXTURES / "tiny.btc"), "--source", "btc", "--output", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["btc:tiny.btc:1", "btc:tiny.btc:2"]
    assert {r["source"] for r in records} == {"btc"}


def test_crossner_folds_fine_types_to_three_and_drops_elections_and_nationalities():
    (record,) = conv.crossner_records(FIXTURES / "crossner/politics/train.txt")
    assert record["id"] == "crossner:politics/train.txt:1" and record["source"] == "crossner"
    # The election (with the country inside it) and the nationality are dropped, like CoNLL's MISC;
    # party -> ORG, country -> LOC, politician and writer -> PER, magazine -> ORG.
    assert surfaces(record) == [("Liberal Union", "ORG"), ("Norland", "LOC"), ("Ida Vance", "PER"),
                                ("Portvale", "LOC"), ("Ole Berg", "PER"), ("The Weekly Owl", "ORG")]


def test_gum_keeps_named_mentions_trimmed_to_the_name_and_skips_descriptions_and_pronouns():
    first, second = conv.gum_records(FIXTURES / "GUM_news_tiny.conllu")
    assert first["text"].startswith("Governor of Washington Chris Gregoire praised")
    # The person stops at the place nested in its mention; the organisation takes its nested place
    # in over "of" and loses "the" and "'s staff"; "the ... staff" (head: staff) and "she" are no names.
    assert surfaces(first) == [("Washington", "LOC"), ("Chris Gregoire", "PER"), ("University of Sydney", "ORG")]
    # "The city of Tulsa" is a description (head: city); only the nested name counts.
    assert surfaces(second) == [("Tulsa", "LOC")]


def test_entity_field_parser_reads_openings_closings_and_one_token_mentions():
    events = conv.parse_entity_field("(2-abstract-new-sssss-cf2-2-coref(3-substance-new-sssss-cf3-1-coref-Iodine)1)")
    assert events == [("open", "2-abstract-new-sssss-cf2-2-coref"),
                      ("single", "3-substance-new-sssss-cf3-1-coref-Iodine"), ("close", "1")]


def test_cli_reads_only_the_chosen_gum_genres(tmp_path, capsys):
    out = tmp_path / "gum.jsonl"
    files = [str(FIXTURES / "GUM_news_tiny.conllu"), str(FIXTURES / "GUM_fiction_tiny.conllu")]
    assert conv.main(["gum", *files, "--output", str(out)]) == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["gum:GUM_news_tiny-1", "gum:GUM_news_tiny-2"]  # fiction (CC BY-NC-SA) is skipped
    assert conv.main(["gum", *files, "--genres", "fiction", "--output", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert "2 sentences" in capsys.readouterr().err

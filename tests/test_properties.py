"""Property tests: whatever the input, ingest and segmentation keep the text and their offsets."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.ingest.decode import DecodeError, decode_bytes
from dossier.ingest.formats import FormatError, RawDoc, parse
from dossier.text.segment import segment, sentences

# Text drawn from the scripts the product meets, plus punctuation, newlines and odd characters.
ALPHABET = st.sampled_from(
    list("abcXYZ .,!?\n\t\"'“”’—-0123456789") + list("김정은블라디보스토크에서다.") + list("किमपुतिनरूस।")
    + ["\u200b", "\u200f", "\u202e", "\ufeff", "é", "€", "😀", "\r"]
)
TEXT = st.text(alphabet=ALPHABET, max_size=300)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXT)
def test_segments_and_sentences_stay_in_bounds_and_in_order(text: str) -> None:
    segs = segment(text)
    last = 0
    for s in segs:
        assert last <= s.start < s.end <= len(text)
        assert text[s.start:s.end].strip() == text[s.start:s.end]
        last = s.end
        if s.parallel_of is not None:
            assert 0 <= s.parallel_of < segs.index(s)
    prev = 0
    for sent in sentences(text, segs):
        assert prev <= sent.start < sent.end <= len(text)
        seg = segs[sent.segment]
        assert seg.start <= sent.start and sent.end <= seg.end
        prev = sent.end


@FAST
@given(TEXT)
def test_plain_text_round_trips_through_decode(text: str) -> None:
    try:
        decoded = decode_bytes(text.encode("utf-8"))
    except DecodeError:
        return  # empty, or binary-looking control characters: rejected with a reason
    expected = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if text.startswith("\ufeff"):
        expected = expected[1:]  # a leading BOM is an encoding mark, not text
    assert decoded.text == expected


@FAST
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_give_a_reason(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
        return
    assert unicodedata.is_normalized("NFC", decoded.text)


@FAST
@given(TEXT, st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".csv"]))
def test_parsers_never_crash(text: str, suffix: str) -> None:
    try:
        docs = parse(suffix, text)
    except FormatError as exc:
        assert str(exc)
        return
    for doc in docs:
        if isinstance(doc, RawDoc) and suffix in (".txt", ".md"):
            assert doc.text == text

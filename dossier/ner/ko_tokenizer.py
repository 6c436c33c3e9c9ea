"""Kiwi morphological tokenizer for the Korean spaCy pipeline.

Korean attaches particles to names (김정은이, 블라디보스토크에서); a whitespace tokenizer would make
the particle part of the entity. Kiwi splits morphemes, and we cut the text at Kiwi's morpheme
boundaries while keeping the original characters, so `doc.text == text` and every span offset is an
offset into the input.

Importing this module registers `dossier.KiwiTokenizer.v1`, `.v2` and `.v3` in spaCy's registry;
import it before `spacy.load` of the Korean pipeline. v2 also cuts country-pair words (남북, 북미) into
syllables, by the rules in data/lang/ko_tokens.yaml; v3 marks known names in token.morph
(dossier/ner/ko_lexicon.py). v1 is kept so a model trained on v1 tokens keeps getting them.
"""

from __future__ import annotations

import functools
import threading
import warnings
from collections.abc import Callable, Iterable
from typing import Any

import spacy
import yaml
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dossier.config import DATA_DIR

_KIWI_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def get_kiwi() -> Any:
    """The one Kiwi instance of the process (building it takes about a second)."""
    from kiwipiepy import Kiwi

    with warnings.catch_warnings():
        # num_workers=0: analyse in the calling thread; the machine's cores are shared.
        warnings.simplefilter("ignore", DeprecationWarning)
        return Kiwi(num_workers=0)


def morphemes(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, tag) character spans of Kiwi morphemes, in order.

    Kiwi reports contracted morphemes on shared characters (했 = 하 + 었 on one syllable), so
    overlapping morphemes are merged into one surface span whose tag joins theirs ("VV+EP").
    """
    if not text.strip():
        return []
    with _KIWI_LOCK:
        tokens = get_kiwi().tokenize(text)
    spans: list[tuple[int, int, str]] = []
    for tok in tokens:
        start, end = tok.start, tok.start + tok.len
        if end <= start:
            continue
        if spans and start < spans[-1][1]:
            prev_start, prev_end, prev_tag = spans[-1]
            spans[-1] = (min(prev_start, start), max(prev_end, end), f"{prev_tag}+{tok.tag}")
        else:
            spans.append((start, end, str(tok.tag)))
    return spans


@functools.lru_cache(maxsize=1)
def _country_rules() -> tuple[frozenset[str], frozenset[str]]:
    with open(DATA_DIR / "lang" / "ko_tokens.yaml", encoding="utf-8") as fh:
        rules = yaml.safe_load(fh)
    return frozenset(rules["country_syllables"]), frozenset(rules["whole_words"])


def split_country_pairs(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut nouns like 남북 / 한미일 (one syllable per country) into one token per syllable."""
    syllables, whole = _country_rules()
    out: list[tuple[int, int, str]] = []
    for start, end, tag in spans:
        word = text[start:end]
        if (tag.startswith("NN") and 2 <= len(word) <= 3 and word not in whole
                and set(word) <= syllables and len(set(word)) == len(word)):
            out.extend((i, i + 1, tag) for i in range(start, end))
        else:
            out.append((start, end, tag))
    return out


def morpheme_spans(text: str) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _ in morphemes(text)]


def split_words(text: str) -> tuple[list[str], list[bool]]:
    """Words and trailing-space flags that rebuild `text` exactly (spaCy's Doc convention)."""
    words, spaces, _ = analyse(text)
    return words, spaces


def analyse(text: str, country_pairs: bool = False) -> tuple[list[str], list[bool], list[str]]:
    """Words, trailing-space flags and Kiwi tags (whitespace "_SP", uncovered text "X");
    with `country_pairs`, 남북-like words are cut (split_country_pairs)."""
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []

    def add_gap(gap: str) -> None:
        # Characters Kiwi did not cover: a single space becomes the previous token's trailing
        # space; anything else is kept as tokens of its own so no character is lost.
        for piece in _split_gap(gap):
            if piece == " " and words and not spaces[-1]:
                spaces[-1] = True
            else:
                words.append(piece)
                spaces.append(False)
                tags.append("_SP" if piece.isspace() else "X")

    pos = 0
    spans = morphemes(text)
    if country_pairs:
        spans = split_country_pairs(text, spans)
    for start, end, tag in spans:
        add_gap(text[pos:start])
        words.append(text[start:end])
        spaces.append(False)
        tags.append(tag)
        pos = end
    add_gap(text[pos:])
    return words, spaces, tags


def _split_gap(gap: str) -> list[str]:
    """Split uncovered text into runs of whitespace and runs of non-whitespace."""
    pieces: list[str] = []
    current = ""
    for ch in gap:
        if current and current[-1].isspace() != ch.isspace():
            pieces.append(current)
            current = ""
        current += ch
    if current:
        pieces.append(current)
    # spaCy folds one trailing space into the token before it; keep that convention.
    out: list[str] = []
    for piece in pieces:
        if piece.isspace() and len(piece) > 1 and piece.endswith(" "):
            out.extend([piece[:-1], " "])
        else:
            out.append(piece)
    return out


class KiwiTokenizer:
    """spaCy tokenizer: text -> Doc cut at Kiwi morpheme boundaries."""

    def __init__(self, vocab: Vocab, country_pairs: bool = False, lexicon: bool = False) -> None:
        self.vocab = vocab
        self.country_pairs = country_pairs
        self.lexicon = lexicon

    def __call__(self, text: str) -> Doc:
        # Kiwi's part-of-speech tags go into token.tag_ so the NER model can use them as a
        # feature (NNP, proper noun, is the strongest single cue for a Korean name).
        words, spaces, tags = analyse(text, self.country_pairs)
        morphs = None
        if self.lexicon:
            # Known-name marks (dossier/ner/ko_lexicon.py) in token.morph, a feature like the tag.
            from dossier.ner.ko_lexicon import korean_lexicon, korean_prefixes, lexicon_marks

            morphs = lexicon_marks(words, tags, korean_lexicon(), korean_prefixes())
        return Doc(self.vocab, words=words, spaces=spaces, tags=tags, morphs=morphs)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # The tokenizer has no state of its own; these let nlp.to_disk / from_disk pass through.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> KiwiTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> KiwiTokenizer:
        return self


@spacy.registry.tokenizers("dossier.KiwiTokenizer.v1")
def create_kiwi_tokenizer() -> Callable[[Any], KiwiTokenizer]:
    def make(nlp: Any) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab)

    return make


@spacy.registry.tokenizers("dossier.KiwiTokenizer.v2")
def create_kiwi_tokenizer_v2(country_pairs: bool = True) -> Callable[[Any], KiwiTokenizer]:
    def make(nlp: Any) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab, country_pairs=country_pairs)

    return make


@spacy.registry.tokenizers("dossier.KiwiTokenizer.v3")
def create_kiwi_tokenizer_v3(country_pairs: bool = False, lexicon: bool = True) -> Callable[[Any], KiwiTokenizer]:
    """v1's tokens (v2's with country_pairs) plus known-name marks in token.morph (ko_lexicon)."""

    def make(nlp: Any) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab, country_pairs=country_pairs, lexicon=lexicon)

    return make

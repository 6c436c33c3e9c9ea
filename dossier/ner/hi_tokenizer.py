"""spaCy's Hindi tokenizer plus known-name marks in token.morph, for the Hindi NER pipeline.

The tokens are exactly spaCy's (the inner tokenizer is the one `spacy.blank("hi")` builds, saved and
loaded with the pipeline); each token inside the longest known Devanagari name of data/ gets
"Lex=<Kind>B/I" in token.morph (dossier/ner/ko_lexicon.py, `lexicon("hi")`), which the model reads
as one more hashed embedding (data/models/configs/hi-lex.cfg). The marks are set here, at
tokenisation, so training (spacy.Corpus.v1 re-tokenises each text) and run time see the same ones.

Importing this module registers `dossier.HindiLexTokenizer.v1`; import it before `spacy.load` of a
Hindi pipeline that names it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import spacy
from spacy.tokens import Doc


class HindiLexTokenizer:
    """Wraps spaCy's rule-based tokenizer; adds the known-name marks."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.vocab = inner.vocab

    def __call__(self, text: str) -> Doc:
        return self.mark(self.inner(text))

    @staticmethod
    def mark(doc: Doc) -> Doc:
        from dossier.ner.ko_lexicon import lexicon, lexicon_marks, prefixes

        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        for token, mark in zip(doc, lexicon_marks(words, None, lexicon("hi"), prefixes("hi"), spaces)):
            if mark:
                token.set_morph(mark)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # spaCy's tokenizer keeps its rules (exceptions, prefix/suffix patterns) in the pipeline
    # directory; pass serialisation through to it so the saved pipeline reloads offline.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> HindiLexTokenizer:
        self.inner.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path: Any, **kwargs: Any) -> HindiLexTokenizer:
        self.inner.from_disk(path, **kwargs)
        return self


@spacy.registry.tokenizers("dossier.HindiLexTokenizer.v1")
def create_hindi_lex_tokenizer() -> Callable[[Any], HindiLexTokenizer]:
    def make(nlp: Any) -> HindiLexTokenizer:
        inner = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        return HindiLexTokenizer(inner)

    return make

"""Named-entity recognition: trained spaCy pipelines per language -> PER / ORG / LOC spans.

Pipelines live in data/models/<lang>/ (trained by `python -m dossier train ner`). Text is fed to
the model one line at a time (long lines are cut at whitespace), so offsets stay offsets into the
original text and memory stays bounded whatever the article length.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dossier import config
from dossier.model import Span

MODELS_DIR = config.DOSSIER_MODELS
LABELS = ("PER", "ORG", "LOC")
# Internal labels a pipeline may use, as exported; anything else is not an entity for us.
LABEL_MAP = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}
MAX_CHUNK_CHARS = 2000  # a line longer than this is cut at whitespace (the CNN sees a 9-token window)

_NON_SPACE = re.compile(r"\S")


def model_dir(lang: str) -> Path:
    return MODELS_DIR / lang


def has_model(lang: str) -> bool:
    d = model_dir(lang)
    return bool(lang) and (d / "meta.json").is_file() and (d / "config.cfg").is_file()


def available_languages() -> list[str]:
    if not MODELS_DIR.is_dir():
        return []
    return sorted(p.name for p in MODELS_DIR.iterdir() if p.is_dir() and has_model(p.name))


@functools.lru_cache(maxsize=8)
def load_pipeline(lang: str) -> Any:
    """The spaCy pipeline for `lang` (loaded once per process)."""
    import spacy

    if lang == "ko":
        from dossier.ner import ko_tokenizer  # noqa: F401  (registers the Kiwi tokenizer before loading)
    elif lang == "hi":
        from dossier.ner import hi_tokenizer  # noqa: F401  (registers the name-marking tokenizer, if used)
    return spacy.load(model_dir(lang))


def chunks(text: str, max_chars: int = MAX_CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) for each non-blank line of `text`, long lines cut at whitespace."""
    pos = 0
    for line in text.splitlines(keepends=True):
        start = pos
        pos += len(line)
        while len(line) > max_chars:
            cut = line.rfind(" ", max_chars // 2, max_chars)
            if cut <= 0:
                cut = max_chars
            piece, line = line[:cut], line[cut:]
            if _NON_SPACE.search(piece):
                yield start, piece
            start += cut
        if _NON_SPACE.search(line):
            yield start, line


def recognize(text: str, lang: str) -> list[Span]:
    """PER / ORG / LOC spans in `text` (offsets into `text`); [] if `lang` has no model."""
    return recognize_many([text], lang)[0]


def recognize_many(texts: Iterable[str], lang: str, batch_size: int = 256) -> list[list[Span]]:
    """`recognize` for many texts of one language, batched through the model (much faster)."""
    texts = list(texts)
    results: list[list[Span]] = [[] for _ in texts]
    if not has_model(lang):
        return results
    nlp = load_pipeline(lang)
    owners: list[tuple[int, int]] = []  # (text index, chunk offset) per piece
    pieces: list[str] = []
    for i, text in enumerate(texts):
        for offset, piece in chunks(text):
            owners.append((i, offset))
            pieces.append(piece)
    for (i, offset), doc in zip(owners, nlp.pipe(pieces, batch_size=batch_size)):
        results[i].extend(_doc_spans(doc, offset))
    return results


def _doc_spans(doc: Any, offset: int) -> Iterator[Span]:
    text = doc.text  # built by joining every token: once per doc, not per entity edge
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        start, end = ent.start_char, ent.end_char
        # Tokens carry no spaces in practice, but never hand out a span with blank edges.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield Span(offset + start, offset + end, label)

"""NER jsonl (shared/datasets format) -> spaCy Docs / DocBin, aligned to the pipeline's tokenizer.

Gold spans are character offsets; the model predicts whole tokens. A gold span whose edges fall
inside a token cannot be represented exactly, so each is either widened to whole tokens
("expand"), narrowed to the tokens fully inside it ("contract") or dropped ("strict"). Dropping
would also teach the model that the text is *not* an entity, so a sentence with a dropped span is
left out of training entirely rather than kept with a false negative.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import filter_spans

NER_LABELS = ("PER", "ORG", "LOC")
ALIGNMENT_MODES = ("strict", "contract", "expand")


@dataclass
class AlignStats:
    sentences: int = 0
    spans: int = 0  # gold PER/ORG/LOC spans seen
    exact: int = 0  # token boundaries match the gold offsets
    adjusted: int = 0  # kept, but moved to token boundaries (expand/contract)
    dropped: int = 0  # could not be represented (no token inside, or overlaps another span)
    sentences_skipped: int = 0  # left out because a span was dropped
    by_label: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def make_blank(lang: str, tokenizer: dict | None = None) -> Language:
    """A blank pipeline with the tokenizer the trained model uses for `lang`: `tokenizer` is the
    training config's [nlp.tokenizer] block (default: Kiwi v1 for Korean, spaCy's for the rest)."""
    if lang == "ko":
        from dossier.ner import ko_tokenizer  # noqa: F401  (registers the Kiwi tokenizers)

        tokenizer = tokenizer or {"@tokenizers": "dossier.KiwiTokenizer.v1"}
    elif lang == "hi":
        from dossier.ner import hi_tokenizer  # noqa: F401  (registers the name-marking Hindi tokenizer)
    if tokenizer:
        return spacy.blank(lang, config={"nlp": {"tokenizer": dict(tokenizer)}})
    return spacy.blank(lang)


def record_to_doc(nlp: Language, record: dict, mode: str, stats: AlignStats) -> Doc | None:
    """One jsonl line -> Doc with gold entities, or None if the line should not be trained on."""
    if mode not in ALIGNMENT_MODES:
        raise ValueError(f"alignment mode must be one of {ALIGNMENT_MODES}, not {mode!r}")
    text = record["text"]
    doc = nlp.make_doc(text)
    stats.sentences += 1
    spans = []
    lost = False
    for start, end, label in record.get("entities", []):
        if label not in NER_LABELS:
            continue
        stats.spans += 1
        stats.by_label[label] = stats.by_label.get(label, 0) + 1
        span = doc.char_span(start, end, label=label)
        if span is not None:
            stats.exact += 1
        elif mode != "strict":
            span = doc.char_span(start, end, label=label, alignment_mode=mode)
            if span is not None and len(span) > 0:
                stats.adjusted += 1
            else:
                span = None
        if span is None:
            stats.dropped += 1
            lost = True
            continue
        spans.append(span)
    kept = filter_spans(spans)
    if len(kept) < len(spans):
        stats.dropped += len(spans) - len(kept)
        lost = True
    if lost:
        stats.sentences_skipped += 1
        return None
    doc.ents = kept
    return doc


def records_to_docs(nlp: Language, records: Iterable[dict], mode: str = "expand") -> tuple[list[Doc], AlignStats]:
    stats = AlignStats()
    docs = [d for r in records if (d := record_to_doc(nlp, r, mode, stats)) is not None]
    return docs, stats


def write_docbin(docs: Iterable[Doc], path: str | Path) -> int:
    # TAG and MORPH are kept so the pre-tokenised reader below can give the model Kiwi's tags and
    # the known-name marks (Korean).
    db = DocBin(attrs=["ORTH", "SPACY", "TAG", "MORPH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    n = 0
    for doc in docs:
        db.add(doc)
        n += 1
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


@spacy.registry.readers("dossier.PretokenizedCorpus.v1")
def create_pretokenized_corpus(path: str, limit: int = 0) -> Callable[[Language], Iterator[Example]]:
    """Like spacy.Corpus.v1, but the predicted Doc reuses the stored tokens, tags and morphs.

    The DocBin was made with the pipeline's own tokenizer (make_blank), so this gives the same
    Docs as re-tokenising, without running Kiwi over the whole corpus again every epoch.
    """

    def read(nlp: Language) -> Iterator[Example]:
        db = DocBin().from_disk(path)
        for i, ref in enumerate(db.get_docs(nlp.vocab)):
            if limit and i >= limit:
                break
            if not len(ref):
                continue
            tags = [t.tag_ for t in ref] if ref.has_annotation("TAG") else None
            morphs = [str(t.morph) for t in ref] if ref.has_annotation("MORPH") else None
            pred = Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref], tags=tags,
                       morphs=morphs)
            yield Example(pred, ref)

    return read


def split_holdout(records: list[dict], fraction: float, seed: int) -> tuple[list[dict], list[dict]]:
    """(train, held-out) split, shuffled with a fixed seed so the split is repeatable."""
    order = list(range(len(records)))
    random.Random(seed).shuffle(order)
    n_hold = round(len(records) * fraction)
    hold = sorted(order[:n_hold])
    train = sorted(order[n_hold:])
    return [records[i] for i in train], [records[i] for i in hold]


def iter_paths(paths: Iterable[str | Path]) -> Iterator[dict]:
    for path in paths:
        yield from read_jsonl(path)

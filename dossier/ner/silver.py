"""Silver NER labels for self-training: a trained pipeline labels unlabelled sentences, and only the
sentences it is sure about are kept (`python -m dossier train silver`).

"Sure" is measured with the model's own beam: spaCy's transition NER can decode with a beam and
give each candidate entity the summed probability of the beam parses containing it. A sentence is
kept when the greedy parse (what the pipeline outputs at run time) agrees with the beam: every
greedy entity has probability >= `keep`, and no entity the greedy parse left out has probability
above `reject`. Uncertain sentences are dropped whole, so no kept sentence carries a half-trusted
label or a likely missed name (a missed name would teach the model "not an entity").
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Ent = tuple[int, int, str]  # token start, token end, label


@dataclass
class SilverStats:
    sentences: int = 0  # raw lines read
    excluded: int = 0  # also in a scoring or gold file (never labelled)
    duplicates: int = 0  # repeated lines (labelled once)
    kept: int = 0
    kept_with_entities: int = 0
    entities: int = 0
    dropped_uncertain: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def confident_entities(greedy: Sequence[Ent], beam_scores: Mapping[Ent, float],
                       keep: float = 0.9, reject: float = 0.1) -> list[Ent] | None:
    """The greedy entities if the beam backs every one of them and nothing else; else None."""
    chosen = set(greedy)
    for ent in chosen:
        if beam_scores.get(ent, 0.0) < keep:
            return None
    for ent, score in beam_scores.items():
        if ent not in chosen and score > reject:
            return None
    return sorted(chosen)


def label_texts(nlp: Any, texts: Iterable[str], beam_width: int = 8, keep: float = 0.9,
                reject: float = 0.1, batch_size: int = 256) -> Iterable[tuple[str, list[list] | None]]:
    """(text, character-offset entities or None when the model is unsure) for each text."""
    ner = nlp.get_pipe("ner")
    batch: list[str] = []

    def flush() -> Iterable[tuple[str, list[list] | None]]:
        # tok2vec once. The beam runs on docs without entities (the NER keeps entities already
        # set on a doc), the greedy NER (the run-time output) on copies.
        docs = list(nlp.pipe(batch, disable=["ner"]))
        greedy_docs = list(ner.pipe([d.copy() for d in docs]))
        beams = ner.beam_parse(docs, beam_width=beam_width)
        for doc, gdoc, scores in zip(docs, greedy_docs, ner.scored_ents(beams)):
            greedy = [(e.start, e.end, e.label_) for e in gdoc.ents]
            named = {(s, e, nlp.vocab.strings[lab] if isinstance(lab, int) else lab): v
                     for (s, e, lab), v in scores.items()}
            ents = confident_entities(greedy, named, keep, reject)
            if ents is None:
                yield doc.text, None
            else:
                yield doc.text, [[doc[s:e].start_char, doc[s:e].end_char, lab] for s, e, lab in ents]

    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def make_silver(nlp: Any, lines: Iterable[str], exclude: set[str], out: Path, beam_width: int = 8,
                keep: float = 0.9, reject: float = 0.1) -> SilverStats:
    """Label `lines` (minus those in `exclude` and repeats) and write the sure ones as NER jsonl."""
    stats = SilverStats()
    started = time.monotonic()
    seen: set[str] = set()
    texts: list[str] = []
    for line in lines:
        text = line.strip()
        if not text:
            continue
        stats.sentences += 1
        if text in exclude:
            stats.excluded += 1
        elif text in seen:
            stats.duplicates += 1
        else:
            seen.add(text)
            texts.append(text)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for text, ents in label_texts(nlp, texts, beam_width, keep, reject):
            if ents is None:
                stats.dropped_uncertain += 1
                continue
            stats.kept += 1
            stats.kept_with_entities += bool(ents)
            stats.entities += len(ents)
            fh.write(json.dumps({"text": text, "entities": ents, "source": "silver"}, ensure_ascii=False) + "\n")
    stats.seconds = round(time.monotonic() - started, 1)
    return stats

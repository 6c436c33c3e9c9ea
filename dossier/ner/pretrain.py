"""Pretraining of the tok2vec layer on raw text (spaCy's character objective), within a budget.

Like `spacy pretrain`, the tok2vec is taught to predict the first and last characters of each
word from its context, so the CNN learns from unlabelled sentences before it sees any gold span.
Differences: the texts are tokenised once (Kiwi is slow) rather than every epoch, and the loop
stops at whole epochs after a wall-clock budget, so the epoch count it reports rebuilds the
same weights with `max_epochs` alone.

spaCy loads the weights at `[initialize] init_tok2vec` only when the config's `[pretraining]`
block is filled in; with an empty block they are silently ignored. `tok2vec_matches` is the
check that they really were loaded.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy
import srsly


@dataclass
class PretrainStats:
    texts: int = 0
    words: int = 0
    epochs: int = 0
    minutes: float = 0.0
    loss_per_epoch: list[float] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def pretrain_tok2vec(config, texts: Iterable[str], out_path: Path, *, seed: int, max_epochs: int,
                     minutes: float | None = None, lang: str = "") -> PretrainStats:
    """Pretrain the `[pretraining] component` of `config` (a loaded, un-interpolated spaCy Config)
    on `texts`; write its weights (averaged parameters) to `out_path` after every epoch."""
    from spacy.schemas import ConfigSchemaPretrain
    from spacy.training.pretrain import create_pretraining_model, make_update
    from spacy.util import fix_random_seed, load_model_from_config, registry

    if lang == "ko":
        from dossier.ner import ko_tokenizer  # noqa: F401  (registers the Kiwi tokenizer)
    elif lang == "hi":
        from dossier.ner import hi_tokenizer  # noqa: F401  (registers the name-marking tokenizer)
    if not config.get("pretraining"):
        raise SystemExit("the config has no [pretraining] block: pretrained weights would be ignored")
    fix_random_seed(seed)
    config = config.copy()
    config["initialize"]["init_tok2vec"] = None
    nlp = load_model_from_config(config, auto_fill=True)
    P = registry.resolve(nlp.config.interpolate()["pretraining"], schema=ConfigSchemaPretrain)
    model = create_pretraining_model(nlp, P)
    optimizer, batcher, objective = P["optimizer"], P["batcher"], model.attrs["loss"]

    stats = PretrainStats()
    docs = [doc for doc in nlp.tokenizer.pipe(texts) if len(doc) >= 3]
    stats.texts, stats.words = len(docs), sum(len(d) for d in docs)
    print(srsly.json_dumps({"pretrain_texts": stats.texts, "pretrain_words": stats.words}), flush=True)
    rng = random.Random(seed)
    started = time.monotonic()
    deadline = started + minutes * 60 if minutes else None
    out_path.parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(max_epochs):
        rng.shuffle(docs)
        loss = sum(make_update(model, batch, optimizer, objective) for batch in batcher(docs))
        with model.use_params(optimizer.averages):
            out_path.write_bytes(model.get_ref("tok2vec").to_bytes())
        stats.epochs = epoch + 1
        stats.loss_per_epoch.append(round(loss / max(stats.words, 1), 4))
        stats.minutes = round((time.monotonic() - started) / 60, 1)
        print(srsly.json_dumps({"pretrain_epoch": stats.epochs, "loss_per_word": stats.loss_per_epoch[-1],
                                "minutes": stats.minutes}), flush=True)
        if deadline is not None and time.monotonic() > deadline:
            break
    return stats


def tok2vec_matches(nlp, weights: bytes, component: str = "tok2vec") -> bool:
    """True if every parameter of the pipeline's tok2vec equals the one in `weights`
    (the bytes `pretrain_tok2vec` wrote): the proof that init_tok2vec was applied."""
    msg = srsly.msgpack_loads(weights)
    nodes = list(nlp.get_pipe(component).model.walk())
    if len(nodes) != len(msg["params"]):
        return False
    compared = 0
    for node, params in zip(nodes, msg["params"]):
        for name, value in params.items():
            if value is None:
                continue
            if not node.has_param(name) or not numpy.array_equal(node.ops.to_numpy(node.get_param(name)), value):
                return False
            compared += 1
    return compared > 0

"""Grouping names that no knowledge-base actor took, across articles and scripts.

`group_unlinked(mentions)` gives each (name, lang) a cluster id "x:<latin key>": the same phonetic
key shares a cluster, a close one joins the most similar representative (Latin-script first).
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import Indel

from dossier.linking.translit import latin_key, name_keys
from dossier.text.scripts import is_latin

GROUP_MIN = 0.8  # key similarity for grouping unlinked names across articles


def group_unlinked(mentions: list[tuple[str, str]],
                   threshold: float = GROUP_MIN) -> dict[tuple[str, str], tuple[str, float]]:
    """Group (name, lang) mentions that no KB actor took, across articles and scripts.

    Returns (name, lang) -> (cluster id "x:<latin key>", score). Names with the same phonetic key
    share a cluster at score 1.0; another name joins the cluster whose representative it resembles
    most if the best key similarity is at least `threshold` and the first consonants agree; its score
    is that similarity. Representatives are chosen Latin-script first, then by frequency, so the
    result does not depend on input order."""
    counts: dict[tuple[str, str], int] = {}
    for m in mentions:
        counts[m] = counts.get(m, 0) + 1
    by_key: dict[str, list[tuple[str, str]]] = {}
    for name, lang in counts:
        key = latin_key(name)
        if key:
            by_key.setdefault(key, []).append((name, lang))
    groups = sorted(
        by_key.items(),
        key=lambda kv: (
            not any(is_latin(n) for n, _ in kv[1]),
            -sum(counts[m] for m in kv[1]),
            kv[0],
        ),
    )
    reps: list[str] = []  # cluster keys, in the order their clusters were opened
    # per first letter: every key variant of every representative, and whose it is
    variants: dict[str, tuple[list[str], list[int]]] = {}
    result: dict[tuple[str, str], tuple[str, float]] = {}
    for key, members in groups:
        rep_name = members[0][0]
        # The representative most similar to this name (translit.name_similarity: the best pair of key
        # variants), the earliest on ties; rapidfuzz scores a whole bucket at once and skips the
        # variants that cannot reach the threshold, so grouping stays fast at 100k names.
        choices, owners = variants.setdefault(key[:1], ([], []))
        best_of: dict[int, float] = {}
        for v in name_keys(rep_name):
            # (the cutoff is loosened a hair: rapidfuzz turns it into a distance bound that can drop
            # a pair scoring exactly the threshold; the exact test follows)
            for _, sim, at in process.extract(v, choices, scorer=Indel.normalized_similarity,
                                              score_cutoff=threshold - 1e-6, limit=None):
                if sim < threshold:
                    continue
                r = owners[at]
                best_of[r] = max(best_of.get(r, 0.0), sim)
        if best_of:
            r, best_sim = min(best_of.items(), key=lambda rs: (-rs[1], rs[0]))
            cluster, score = reps[r], round(best_sim, 3)
        else:
            reps.append(key)
            for v in name_keys(rep_name):
                choices.append(v)
                owners.append(len(reps) - 1)
            cluster, score = key, 1.0
        for m in members:
            result[m] = (f"x:{cluster}", score)
    for m in counts:
        result.setdefault(m, (None, 0.0))  # type: ignore[arg-type]
    return result

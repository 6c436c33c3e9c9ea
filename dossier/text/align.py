"""Sentence alignment of a text and its translation (a segment and its ``parallel_of`` segment).

Dynamic programming over the two sentence lists, in the manner of Gale & Church: each step pairs
one sentence with one, one with two, two with one, or leaves one out. A pair scores by how well its
lengths match (after the two languages' typical length ratio) and by what the two sides share that
survives translation: numbers, Latin acronyms and linked entity ids.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.model import Entity, Sentence

# Cost of leaving a sentence unpaired, against a pair's cost (lower is better).
SKIP_COST = 4.0
# Merging two sentences into one pair costs this much extra (translations split and join sentences).
MERGE_COST = 1.2
# Each shared anchor (number, acronym, entity) lowers a pair's cost by this much, up to ANCHOR_CAP.
ANCHOR_BONUS = 0.8
ANCHOR_CAP = 3.0
_ANCHOR = re.compile(r"\d+|\b[A-Z]{2,}\b")


@dataclass(frozen=True)
class AlignedPair:
    left: tuple[int, ...]  # indices into the left sentence list (empty: no counterpart)
    right: tuple[int, ...]


def _anchors(text: str, s: Sentence, entities: Sequence[Entity]) -> set[str]:
    found = {a.lstrip("0") or "0" for a in _ANCHOR.findall(text[s.start:s.end])}
    found |= {e.entity_id for e in entities if e.entity_id and s.start <= e.start < s.end}
    return found


def align(
    text: str,
    left: Sequence[Sentence],
    right: Sequence[Sentence],
    entities: Sequence[Entity] = (),
) -> list[AlignedPair]:
    """Pairs of sentence groups, in order, covering every sentence of both sides once."""
    n, m = len(left), len(right)
    if not n or not m:
        return [AlignedPair((i,), ()) for i in range(n)] + [AlignedPair((), (j,)) for j in range(m)]
    llen = [max(1, s.end - s.start) for s in left]
    rlen = [max(1, s.end - s.start) for s in right]
    ratio = sum(rlen) / sum(llen)  # this pair of languages' length ratio, from the texts themselves
    lanc = [_anchors(text, s, entities) for s in left]
    ranc = [_anchors(text, s, entities) for s in right]

    def pair_cost(i0: int, i1: int, j0: int, j1: int) -> float:
        a = sum(llen[i0:i1]) * ratio
        b = sum(rlen[j0:j1])
        cost = abs(math.log(a / b)) * 3
        shared = set().union(*lanc[i0:i1]) & set().union(*ranc[j0:j1])
        cost -= min(ANCHOR_CAP, ANCHOR_BONUS * len(shared))
        if (i1 - i0) + (j1 - j0) > 2:
            cost += MERGE_COST
        return cost

    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    steps = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == inf:
                continue
            for di, dj in steps:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                step = SKIP_COST if di == 0 or dj == 0 else pair_cost(i, ni, j, nj)
                if best[i][j] + step < best[ni][nj]:
                    best[ni][nj] = best[i][j] + step
                    back[ni][nj] = (i, j)
    pairs: list[AlignedPair] = []
    i, j = n, m
    while (i, j) != (0, 0):
        prev = back[i][j]
        assert prev is not None
        pi, pj = prev
        pairs.append(AlignedPair(tuple(range(pi, i)), tuple(range(pj, j))))
        i, j = pi, pj
    return pairs[::-1]

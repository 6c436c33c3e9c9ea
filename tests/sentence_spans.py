"""Test helper: Sentence objects for a text, given the exact text of each sentence."""

from __future__ import annotations

from dossier.model import Sentence


def sentences_at(text: str, *parts: str) -> list[Sentence]:
    """One Sentence per part, each at its first occurrence after the previous one."""
    out, pos = [], 0
    for p in parts:
        start = text.index(p, pos)
        out.append(Sentence(start, start + len(p), 0))
        pos = start + len(p)
    return out

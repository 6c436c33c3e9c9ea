"""Quotations: which quotation each character is in, and re-joining the sentences the sentence
splitter cut inside a quotation, so that a quotation and the verb it is attributed to are read
together.
"""

from __future__ import annotations

from dossier.model import Sentence

MAX_MERGED_SENTENCES = 6  # a quotation the sentence splitter cut is re-joined up to this many sentences

_OPEN = {"“": "”", "«": "»", "„": "“", "「": "」", "『": "』"}
_DOUBLE_QUOTES = set('“”"«»„「」『』')
_CLOSERS = set('”"»」』')


def quote_regions(s: str, offset: int) -> tuple[list[int], list[tuple[int, int, int]]]:
    """Per character the id of the innermost quotation it is in (-1 outside), and the regions
    (start, end, parent id). Straight double quotes toggle; single quotes are not speech in Korean
    news (‘인정’ is emphasis), so they are ignored."""
    owner = [-1] * len(s)
    regions: list[list[int]] = []  # [start, end, parent]
    stack: list[tuple[str, int]] = []  # (closing char, region id)
    for i, ch in enumerate(s):
        cur = stack[-1][1] if stack else -1
        if ch == '"':
            # a straight quote closes any open double quotation: news text mixes “…" and "…”
            if stack and stack[-1][0] in ('"', "”"):
                regions[stack.pop()[1]][1] = offset + i + 1
                owner[i] = cur
                continue
            regions.append([offset + i, offset + len(s), cur])
            stack.append(('"', len(regions) - 1))
            owner[i] = len(regions) - 1
            continue
        if ch in _OPEN:
            regions.append([offset + i, offset + len(s), cur])
            stack.append((_OPEN[ch], len(regions) - 1))
            owner[i] = len(regions) - 1
            continue
        if stack and (ch == stack[-1][0] or (ch == "”" and stack[-1][0] == '"')):
            owner[i] = cur
            regions[stack.pop()[1]][1] = offset + i + 1
            continue
        owner[i] = cur
    return owner, [tuple(r) for r in regions]


def _open_quote(text: str, start: int, end: int) -> bool:
    """Whether a quotation opened in text[start:end] is still open at its end."""
    stack: list[str] = []
    for ch in text[start:end]:
        if ch == '"':
            if stack and stack[-1] in ('"', "”"):
                stack.pop()
            else:
                stack.append('"')
        elif ch in _OPEN:
            stack.append(_OPEN[ch])
        elif stack and (ch == stack[-1] or (ch == "”" and stack[-1] == '"')):
            stack.pop()
    return bool(stack)


def reading_units(text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Sentences, re-joined while a quotation is open (the splitter cuts “…. …” in two). A
    quotation that does not close within a few sentences is a stray mark: nothing is joined."""
    sents = sorted(sentences, key=lambda s: s.start)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(sents):
        start, end, last = sents[i].start, sents[i].end, i
        if _open_quote(text, start, end):
            k = i + 1
            while k < len(sents) and k - i < MAX_MERGED_SENTENCES and sents[k].segment == sents[i].segment:
                marks = [ch for ch in text[sents[k].start : sents[k].end] if ch in _DOUBLE_QUOTES]
                if not marks:
                    k += 1
                    continue
                # the next quotation mark must close the open one, else the marks are garbled
                if marks[0] in _CLOSERS and not _open_quote(text, start, sents[k].end):
                    end, last = sents[k].end, k
                break
        out.append((start, end))
        i = last + 1
    return out

"""One sentence as the frame rules read it: its trigger hits, quote regions, words, and what lies in it.

    find_hits(text, start, end, lang_table) -> list[Hit]
    SentenceView(text, sentence, lang, lang_table, table, entities, times, places, hits)

A quotation is a region of its own (region 0 is outside quotes), so a date inside a quote can be kept
to the triggers inside it. Offsets are character offsets into the article text, end exclusive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dossier.events.table import EventTable, LangTable
from dossier.model import Entity, Place, Sentence, Timex
from dossier.timex.value import TimeValue

__all__ = [
    "CLOSE_QUOTES", "OPEN_QUOTES", "TOGGLE_QUOTES", "Hit", "SentenceView", "ends_with_any", "find_hits",
]

OPEN_QUOTES = "“„«「『"
CLOSE_QUOTES = "”»」』"
TOGGLE_QUOTES = '"'
# Time expressions that can date an event (a duration or a set cannot).
_DATED_TYPES = ("DATE", "TIME")


@dataclass
class Hit:
    """A trigger or reporting verb found in the text."""

    start: int
    end: int
    type: str  # event type, or "" for a reporting verb
    pos: str

    @property
    def reporting(self) -> bool:
        return not self.type


def _regions(text: str, start: int, end: int) -> list[int]:
    """Region id per character of text[start:end]: 0 outside quotes, k for the k-th quotation."""
    out = [0] * (end - start)
    if not any(q in text[start:end] for q in OPEN_QUOTES + CLOSE_QUOTES + TOGGLE_QUOTES):
        return out
    stack: list[int] = []
    counter = 0
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN_QUOTES or (ch in TOGGLE_QUOTES and not (stack and stack[-1] < 0)):
            counter += 1
            stack.append(-counter if ch in TOGGLE_QUOTES else counter)
            out[i - start] = abs(stack[-1])
            continue
        if (ch in CLOSE_QUOTES or ch in TOGGLE_QUOTES) and stack:
            out[i - start] = abs(stack.pop())
            continue
        out[i - start] = abs(stack[-1]) if stack else 0
    return out


def find_hits(text: str, start: int, end: int, lt: LangTable) -> list[Hit]:
    sent = text[start:end]
    cands: list[Hit] = []
    for trig in lt.triggers:
        for m in trig.regex.finditer(sent):
            cands.append(Hit(start + m.start(), start + m.end(), trig.type, trig.pos))
    for rx in lt.reporting:
        for m in rx.finditer(sent):
            cands.append(Hit(start + m.start(), start + m.end(), "", "verb"))
    excluded = [(start + m.start(), start + m.end()) for rx in lt.exclude for m in rx.finditer(sent)]
    cands = [h for h in cands if not any(a <= h.start and h.end <= b for a, b in excluded)]
    # longest first; an overlapping shorter match is dropped
    cands.sort(key=lambda h: (-(h.end - h.start), h.start))
    kept: list[Hit] = []
    for h in cands:
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


class SentenceView:
    """Everything known about one sentence, with offset helpers."""

    def __init__(
        self,
        text: str,
        sent: Sentence,
        lang: str,
        lt: LangTable,
        table: EventTable,
        entities: list[Entity],
        times: list[Timex],
        places: list[Place],
        hits: list[Hit],
    ):
        self.text, self.s, self.e, self.lang, self.lt, self.table = (
            text,
            sent.start,
            sent.end,
            lang,
            lt,
            table,
        )
        self.region = _regions(text, sent.start, sent.end)
        self.hits = [h for h in hits if sent.start <= h.start and h.end <= sent.end]
        self.words = _words(text, sent.start, sent.end)
        self.entities = [x for x in entities if sent.start <= x.start and x.end <= sent.end]
        self.times = [t for t in times if sent.start <= t.start and t.end <= sent.end and _usable(t)]
        self.places = [p for p in places if sent.start <= p.start and p.end <= sent.end]

    def reg(self, off: int) -> int:
        return self.region[min(max(off - self.s, 0), len(self.region) - 1)]

    def word_index(self, off: int) -> int:
        for i, (a, b) in enumerate(self.words):
            if off < b:
                return i
        return len(self.words)

    def words_between(self, a: int, b: int) -> list[tuple[int, int]]:
        return [w for w in self.words if w[0] >= a and w[1] <= b]

    def in_entity(self, off: int) -> bool:
        return any(x.start <= off < x.end for x in self.entities)

    def region_start(self, off: int) -> int:
        r = self.reg(off)
        i = off
        while i > self.s and self.reg(i - 1) == r and self.text[i - 1] not in OPEN_QUOTES + TOGGLE_QUOTES:
            i -= 1
        return i


def ends_with_any(word: str, endings: Iterable[str]) -> bool:
    w = word.rstrip(".,!?;:”’\"'»」』)")
    return any(w.endswith(e) for e in endings)


def _usable(t: Timex) -> bool:
    return t.type in _DATED_TYPES and TimeValue.parse(t.value) is not None

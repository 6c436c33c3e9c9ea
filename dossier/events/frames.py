"""Sentence-level event frames: what happened (or is planned), who, where, when, with the sentence as proof.

    frames(text, lang, sentences, entities, times, places, published) -> list[Frame]

Trigger words, reporting verbs, modality cues and date modifiers per language live in
data/events/event_types.yaml (read by dossier.events.table); this module and dossier.events.attach only
decide which time expression, place and actors belong to which trigger. Rules of attachment, in order:

1. Quotes are separate regions: a date inside a quotation belongs to a trigger inside it.
2. A date in the reporter's stretch of a reporting verb ("The NYT reported on the 4th that …",
   "뉴욕타임스는 4일 … 보도했다", "मीडिया ने सोमवार को कहा कि") dates the report — it becomes a
   `statement` frame — and never the reported event.
3. Otherwise the date goes to the nearest event trigger in its region; Korean and Hindi put adverbs
   before the verb, so a trigger to the right is preferred there; an English fronted date
   ("On 10 September, …") belongs to the first verb after it.
4. A trigger chained to a dated one ("방문해 … 만나기도 했다") inherits its date.

A frame is `planned` when a modality cue stands next to its trigger (예정, plans to, संभव है) or its
date lies after the publication date. Offsets are character offsets into `text`, end exclusive.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.events.attach import (
    actors_of,
    assign_places,
    attach_times,
    date_modifier,
    joined,
    reporter_stretch,
    topic_slot,
)
from dossier.events.sentence import Hit, SentenceView, ends_with_any, find_hits
from dossier.events.table import EventTable, load_table
from dossier.model import Entity, EventFrame, Place, Segment, Sentence, Timex
from dossier.timex.value import TimeValue, as_date, date_interval

__all__ = ["STATUS_OCCURRED", "STATUS_PLANNED", "Frame", "frames"]

# Two triggers this close (characters between them) in one clause form a chain sharing one date.
MAX_CHAIN_GAP = 25
STATUS_OCCURRED = "occurred"
STATUS_PLANNED = "planned"


@dataclass
class Frame(EventFrame):
    """EventFrame plus the evidence and qualifiers the timeline and fusion need."""

    status: str = STATUS_OCCURRED  # occurred | planned
    precision: str | None = None  # day | week | month | year | ... of `date`
    date_mod: str | None = None  # AFTER | BEFORE: the text bounds the event on one side ("after the 9th")
    trigger_start: int = 0
    trigger_end: int = 0
    trigger: str = ""
    time_start: int | None = None  # the time expression the date came from
    time_end: int | None = None
    date_inherited: bool = False  # date taken from a chained trigger in the same clause

    def base(self) -> EventFrame:
        """The plain shared type (for `extract` JSON)."""
        return EventFrame(
            self.type,
            self.date,
            self.date_end,
            self.place_id,
            list(self.actor_ids),
            self.sentence_start,
            self.sentence_end,
        )



def _precision(t: Timex) -> str | None:
    if t.precision:
        return t.precision
    value = TimeValue.parse(t.value)
    if value is None:
        return None
    # without a stated precision a value was always read by its written length, so a quarter, half or
    # season (2023-Q3, seven characters) counts as a month; the resolver states those precisions itself
    return "month" if value.precision in ("quarter", "half", "season") else value.precision


# ---- one trigger ------------------------------------------------------------------------------------


def _planned(S: SentenceView, h: Hit) -> bool:
    lt = S.lt
    r = S.reg(h.start)
    wi = S.word_index(h.start)
    we = S.word_index(max(h.end - 1, h.start))
    before = [w for w in S.words[max(0, wi - lt.mod_window) : wi] if S.reg(w[0]) == r]
    after = [w for w in S.words[we : we + 1 + lt.mod_window] if S.reg(w[0]) == r]
    if before:
        seg = S.text[before[0][0] : h.start]
        if any(rx.search(seg) for rx in lt.mod_before):
            return True
    if lt.svo and _coordinated(S, h):
        # "Kim will take a train from Pyongyang to Vladivostok … and meet Putin": the modal of the
        # first verb reaches the second, however long the first verb's phrase (up to a clause break)
        far = [w for w in S.words[max(0, wi - 4 * lt.mod_window) : wi] if S.reg(w[0]) == r]
        if far:
            clause = re.split(r"[,;:]", S.text[far[0][0] : h.start])[-1]
            if any(rx.search(clause) for rx in lt.mod_before):
                return True
    if after:
        seg = S.text[h.end : after[-1][1]]
        # another event or report verb closes the window (Korean: "…회담을 계획하며" still counts)
        nxt = [o.start for o in S.hits if o.start >= h.end and o is not h]
        if nxt:
            seg = seg[: max(0, min(nxt) - h.end)]
        if any(rx.search(seg) for rx in lt.mod_after):
            return True
    if lt.future_endings and we < len(S.words):
        w0, w1 = S.words[we]
        word = S.text[w0:w1].rstrip(".,!?;:”’\"'»」』)")
        if word.endswith(tuple(lt.future_endings)) and h.end >= w0 + len(word) - 1:
            return True
    return False


def _coordinated(S: SentenceView, h: Hit) -> bool:
    """The trigger is the second of two joined verbs ("… and meet")."""
    before = S.text[max(S.s, h.start - 16) : h.start].rstrip().lower()
    return any(before == c or before.endswith(" " + c) for c in S.lt.conjunctions)


def _reclassify(S: SentenceView, h: Hit) -> str:
    rule = S.lt.reclassify.get(h.type)
    if not rule:
        return h.type
    to, window, cues = rule
    wi = S.word_index(h.start)
    we = S.word_index(max(h.end - 1, h.start))
    lo = S.words[max(0, wi - window)][0] if S.words else h.start
    hi = S.words[min(len(S.words) - 1, we + window)][1] if S.words else h.end
    seg = S.text[lo:hi]
    return to if any(rx.search(seg) for rx in cues) else h.type


def _sentence_frames(S: SentenceView, published: dt.date | None) -> list[Frame]:
    if not S.hits:
        return []
    dates = attach_times(S)
    stretches = {i: reporter_stretch(S, h) for i, h in enumerate(S.hits) if h.reporting}
    blocked: list[tuple[int, int]] = []
    for i, st in stretches.items():
        topic = topic_slot(S, S.hits[i], st) if S.lt.subject_endings else None
        if st[0] < st[1]:
            blocked.append(st)
        if topic:
            blocked.append(topic)
    placed = assign_places(S, blocked)
    # chained triggers share a date: "방문해 … 만나기도 했다", "visited X in April 2019 and met Y"
    inherited: dict[int, Timex] = {}
    for i, h in enumerate(S.hits):
        if h.reporting or i in dates:
            continue
        for j in (i - 1, i + 1):
            if not (0 <= j < len(S.hits)) or j not in dates or S.hits[j].reporting:
                continue
            o = S.hits[j]
            lo, hi = (o.end, h.start) if j < i else (h.end, o.start)
            gap = S.text[lo:hi]
            if (
                S.reg(o.start) != S.reg(h.start)
                or len(gap) > MAX_CHAIN_GAP
                or any(lo <= t.start < hi for t in S.times)
            ):
                continue
            # a comma or a new subject starts another clause ("…가졌으며, 푸틴 대통령은 … 방북 초청을")
            if (
                re.search(r"[,;:]", gap)
                or any(
                    ends_with_any(S.text[a:b], S.lt.subject_endings) and not S.in_entity(b - 1)
                    for a, b in S.words_between(lo, hi)
                )
                or any(f" {m} " in f" {gap} " for m in S.lt.subject_markers)
            ):
                continue
            if S.lt.svo and (h.pos != "verb" or o.pos != "verb" or not joined(gap, S.lt)):
                continue
            inherited[i] = dates[j]
            break
    out: list[Frame] = []
    for i, h in enumerate(S.hits):
        t = dates.get(i) or inherited.get(i)
        if h.reporting:
            if t is None or i in inherited:
                continue  # an undated "said" is provenance, not an event
            a, b = stretches[i]
            topic = topic_slot(S, h, (a, b)) if S.lt.subject_endings else None
            spans = [(a, b)] + ([topic] if topic else [])
            ents = [x for x in S.entities if any(p <= x.start < q for p, q in spans)]
            actor_ids = list(dict.fromkeys(x.entity_id for x in ents if x.entity_id))
            etype, place = "statement", None
        else:
            etype = _reclassify(S, h)
            place = placed.get(i)
            r = S.reg(h.start)
            ents = [
                x for x in S.entities if S.reg(x.start) == r and not any(p <= x.start < q for p, q in blocked)
            ]
            actor_ids = actors_of(ents, place, S.text, S.lt, S.places)
        frame = Frame(
            type=etype,
            date=None,
            date_end=None,
            place_id=place.place_id if place else None,
            actor_ids=actor_ids,
            sentence_start=S.s,
            sentence_end=S.e,
            trigger_start=h.start,
            trigger_end=h.end,
            trigger=S.text[h.start : h.end],
        )
        if frame.place_id is None and not h.reporting:
            frame.place_id = S.lt.implied_place.get(h.type, {}).get(frame.trigger)
        if t is not None:
            frame.date, frame.date_end = t.value, t.value_end
            frame.precision = _precision(t)
            frame.date_mod = date_modifier(S, t)
            frame.time_start, frame.time_end = t.start, t.end
            frame.date_inherited = i in inherited
        if not h.reporting:
            span = date_interval(frame.date, frame.date_end, frame.date_mod)
            future = published is not None and span is not None and span[0] > published
            frame.status = STATUS_PLANNED if (_planned(S, h) or future) else STATUS_OCCURRED
        out.append(frame)
    return _merge_same_type(out)


def _merge_same_type(fs: list[Frame]) -> list[Frame]:
    """Two triggers of one type in one sentence name one happening ("summit meeting … met"), unless
    they carry different dates."""
    out: list[Frame] = []
    for f in fs:
        twin = next(
            (
                o
                for o in out
                if o.type == f.type
                and (o.date is None or f.date is None or (o.date, o.date_end) == (f.date, f.date_end))
            ),
            None,
        )
        if twin is None:
            out.append(f)
            continue
        keep, other = (twin, f) if (twin.date or not f.date) else (f, twin)
        keep.actor_ids = list(dict.fromkeys(keep.actor_ids + other.actor_ids))
        keep.place_id = keep.place_id or other.place_id
        if other.status == STATUS_PLANNED:
            keep.status = STATUS_PLANNED
        if keep is not twin:
            out[out.index(twin)] = keep
    return out


# ---- public -----------------------------------------------------------------------------------------


def frames(
    text: str,
    lang: str,
    sentences: Sequence[Sentence],
    entities: Sequence[Entity],
    times: Sequence[Timex],
    places: Sequence[Place],
    published: dt.date | str | None,
    *,
    segments: Sequence[Segment] | None = None,
    table: EventTable | None = None,
) -> list[Frame]:
    """Event frames of one article in language `lang`.

    `sentences`, `entities`, `times`, `places` carry offsets into `text`; `published` anchors the
    planned/occurred decision (None: undated, only cue words decide). With `segments`, each sentence is
    read in its segment's language when the table has that language (a Korean article followed by its
    English translation), and sentences of a keyword line are skipped. Frames come sorted by sentence,
    then trigger offset; a sentence may give several. A language without a table gives no frames.
    """
    table = table or load_table()
    if not text:
        return []
    published = as_date(published)
    default = (lang or "").split("-")[0].lower()
    ents, tms, pls = list(entities), list(times), list(places)
    hits: dict[str, list[Hit]] = {}  # per language, found once per text: hundreds of patterns
    out: list[Frame] = []
    for sent in sentences:
        seg = segments[sent.segment] if segments is not None and 0 <= sent.segment < len(segments) else None
        if seg is not None and seg.kind == "keywords":
            continue
        code = default
        if seg is not None and (seg.lang or "").split("-")[0].lower() in table.langs:
            code = seg.lang.split("-")[0].lower()
        lt = table.langs.get(code)
        if lt is None or sent.end <= sent.start:
            continue
        if code not in hits:
            hits[code] = find_hits(text, 0, len(text), lt)
        S = SentenceView(text, sent, code, lt, table, ents, tms, pls, hits[code])
        out.extend(_sentence_frames(S, published))
    return sorted(out, key=lambda f: (f.sentence_start, f.trigger_start))
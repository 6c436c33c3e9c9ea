"""Which time, place and actors belong to which trigger of one sentence.

    attach_times(S) -> {hit index: Timex}      date_modifier(S, timex) -> AFTER | BEFORE | None
    reporter_stretch(S, hit), topic_slot(S, hit, stretch): who reports, and the report's own date slot
    assign_places(S, blocked) -> {hit index: Place}
    actors_of(entities, place, text, lang_table, places) -> entity ids

The rules (quotes as regions, a reporter's date dates the report, nearest trigger in the language's
word order, fronted English dates) are described at the top of dossier.events.frames. Words and cues
come from the trigger table (dossier.events.table); nothing here knows a word of any language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.events.sentence import CLOSE_QUOTES, OPEN_QUOTES, TOGGLE_QUOTES, Hit, SentenceView, ends_with_any
from dossier.events.table import WORD, LangTable
from dossier.model import Entity, Place, Timex

__all__ = [
    "actors_of", "assign_places", "attach_times", "date_modifier", "joined", "reporter_stretch", "topic_slot",
]

# An organisation this close (characters) to a person's name, with no punctuation between, is their title.
MAX_TITLE_GAP = 40


# ---- times ------------------------------------------------------------------------------------------


def reporter_stretch(S: SentenceView, h: Hit) -> tuple[int, int]:
    """The stretch naming who reports (and when): between the last clause boundary and the verb,
    or after "according to"-type phrases; Korean falls back to the sentence topic ("뉴욕타임스는")."""
    lt, text = S.lt, S.text
    for rx in lt.reporter_after:
        if rx.match(text, h.start):
            stop = h.end
            for a, b in S.words:
                if a < h.end:
                    continue
                stop = b
                if any(text[a:b].rstrip(',.;:”"').endswith(x) for x in (",", ";")) or text[b - 1] in ',;.”"':
                    break
            return h.end, stop
    left = S.region_start(h.start)
    if lt.suffixing:
        # go back over words until one closes a reported clause (…다고, …며, a closing quote)
        b = h.start
        for a, e in reversed(S.words_between(left, h.start)):
            word = text[a:e]
            if any(q in word for q in CLOSE_QUOTES + TOGGLE_QUOTES) or ends_with_any(
                word, lt.report_boundary
            ):
                break
            b = a
        return b, h.start
    b = left
    seg = text[left : h.start]
    for bound in lt.report_boundary:
        rx = re.compile(
            re.escape(bound) if not re.match(WORD, bound) else f"(?<!{WORD}){re.escape(bound)}(?!{WORD})",
            re.IGNORECASE,
        )
        for m in rx.finditer(seg):
            b = max(b, left + m.end())
    for q in CLOSE_QUOTES + TOGGLE_QUOTES + OPEN_QUOTES:
        i = seg.rfind(q)
        if i >= 0:
            b = max(b, left + i + 1)
    return b, h.start


def topic_slot(S: SentenceView, h: Hit, stretch: tuple[int, int]) -> tuple[int, int] | None:
    """Korean-style: when the report verb's own stretch names nobody ("…라고 밝혔다"), its subject is the topic
    that opens the region ("뉴욕타임스는 4일 …"): that word and everything before it."""
    a, b = stretch
    if any(rx.match(S.text, h.start) for rx in S.lt.impersonal):
        return None
    if any(a <= x.start < b for x in S.entities) or any(
        ends_with_any(S.text[w0:w1], S.lt.subject_endings) for w0, w1 in S.words_between(a, b)
    ):
        return None
    # the reporting verb must be the region's last trigger (the predicate of the whole sentence)
    r = S.reg(h.start)
    if any(o.start > h.start and S.reg(o.start) == r for o in S.hits):
        return None
    left = S.region_start(h.start)
    for i, (w0, w1) in enumerate(S.words_between(left, h.start)[:6]):
        if any(x.start <= w0 and w1 <= x.end for x in S.hits if not x.reporting):
            return None
        if S.reg(w0) != r:
            return None
        last = w1 - 1
        while last > w0 and S.text[last] in ".,!?;:”’\"'»」』)":
            last -= 1
        if (
            ends_with_any(S.text[w0 : last + 1], S.lt.subject_endings)
            and not S.in_entity(last)
            and last > w0
        ):
            return left, w1
    return None


def _gap_words(S: SentenceView, a: int, b: int) -> int:
    return len(S.words_between(a, b)) if a < b else 0


def _report_claims(
    S: SentenceView, t: Timex, h: Hit, stretch: tuple[int, int], topic: tuple[int, int] | None
) -> bool:
    """Is time expression `t` in the reporting verb `h`'s slot (the report's own date)?"""
    if S.reg(t.start) != S.reg(h.start):
        return False
    between_events = lambda a, b: any(a <= o.start < b and not o.reporting for o in S.hits)
    a, b = stretch
    if a <= t.start and t.end <= b and not between_events(t.end, h.start):
        return True
    if topic and topic[1] <= t.start and _gap_words(S, topic[1], t.start) == 0:
        return True
    if (
        S.lt.svo
        and t.start >= h.end
        and _gap_words(S, h.end, t.start) <= S.lt.date_gap_words
        and not between_events(h.end, t.start)
        and "," not in S.text[h.end : t.start]
        and " that " not in f" {S.text[h.end:t.start]} "
    ):
        return True
    return (
        not S.lt.svo
        and t.end <= h.start
        and _gap_words(S, t.end, h.start) <= S.lt.date_gap_words
        and not between_events(t.end, h.start)
    )


def _fronted(S: SentenceView, t: Timex) -> bool:
    """English "On 10 September, …": a date opening its clause and closed by a comma."""
    left = S.region_start(t.start)
    before = S.text[left : t.start].strip().lower()
    return before in S.lt.fronted_prefixes and S.text[t.end : t.end + 1] == ","


def attach_times(S: SentenceView) -> dict[int, Timex]:
    """hit index → the time expression that dates it."""
    out: dict[int, tuple[Timex, float]] = {}
    stretches = {i: reporter_stretch(S, h) for i, h in enumerate(S.hits) if h.reporting}
    topics = {
        i: (topic_slot(S, S.hits[i], st) if S.lt.subject_endings else None) for i, st in stretches.items()
    }
    for t in S.times:
        target: int | None = None
        score: float | None = None  # how well the time fits its target (lower is better)
        for i, st in stretches.items():
            if _report_claims(S, t, S.hits[i], st, topics[i]):
                target = i
                break
        if target is None and S.lt.svo and _fronted(S, t):
            for i, h in enumerate(S.hits):
                if h.start >= t.end and S.reg(h.start) == S.reg(t.start) and h.pos == "verb":
                    target = i
                    break
        if target is None:
            best: tuple[float, int] | None = None
            for i, h in enumerate(S.hits):
                if h.reporting or S.reg(h.start) != S.reg(t.start):
                    continue
                if h.start >= t.end:
                    d = h.start - t.end
                    d = d * 1.5 if S.lt.svo else d
                    # "left on Sunday evening and arrived …": the later verb is in another clause
                    if any(rx.search(S.text, t.end, h.start) for rx in S.lt.clause_openers):
                        d += 200
                else:
                    d = t.start - h.end
                    d = d if S.lt.svo else d * 2 + 10
                # crossing a reporting verb means crossing into another clause
                lo, hi = sorted((h.start, t.start))
                if any(lo < o.start < hi and o.reporting for o in S.hits):
                    d += 200
                if h.end <= t.start and _inside_other_phrase(S, h.end, t.start):
                    continue
                if best is None or d < best[0]:
                    best = (d, i)
            if best is not None and best[0] < 400:
                target, score = best[1], best[0]
        if target is None:
            continue
        if score is None:
            score = min(abs(S.hits[target].start - t.end), abs(t.start - S.hits[target].end))
        # of two times for one trigger the better fitting wins, clause penalties included
        if target not in out or score < out[target][1]:
            out[target] = (t, score)
    return {i: v[0] for i, v in out.items()}


def _inside_other_phrase(S: SentenceView, trigger_end: int, target_start: int) -> bool:
    """A phrase head ("since") between the trigger and a date or place, not right before it: the date
    or place sits inside a phrase about another happening ("visit since the start of the pandemic in
    North Korea in 2020")."""
    gap = S.text[trigger_end:target_start]
    for rx in S.lt.phrase_heads:
        for m in rx.finditer(gap):
            if gap[m.end():].strip():
                return True
    return False


def date_modifier(S: SentenceView, t: Timex) -> str | None:
    before = S.text[S.s : t.start]
    for rx, mod in S.lt.before_timex:
        for m in rx.finditer(before):
            if not before[m.end() :].strip():
                return mod
    after = S.text[t.end : S.e]
    for rx, mod in S.lt.after_timex:
        m = rx.match(after.lstrip())
        if m:
            return mod
    return None


# ---- places and actors ----------------------------------------------------------------------------


def _place_distance(S: SentenceView, h: Hit, p: Place) -> float:
    """How far place `p` is from trigger `h`, weighted by word order: Korean and Hindi name the place
    before the verb ("평양을 방문", "प्योंगयांग से रवाना"), English mostly after ("visited Pyongyang")."""
    if p.end <= h.start:
        d = h.start - p.end
        return d * 2 + 10 if S.lt.svo else d
    if p.start >= h.end:
        d = p.start - h.end
        return d if S.lt.svo else d * 3 + 40
    return 0


def _locative(S: SentenceView, p: Place) -> bool:
    """Is the toponym marked as a location (see `place.cues` in the table)?"""
    lt = S.lt
    if not lt.place_before and not lt.place_after:
        return True
    after = S.text[p.end : min(S.e, p.end + 12)]
    for suffix in lt.place_after:
        if after.startswith(suffix) and not re.match(WORD, after[len(suffix) : len(suffix) + 1] or " "):
            return True
        if after.startswith(" " + suffix) and not re.match(
            WORD, after[len(suffix) + 1 : len(suffix) + 2] or " "
        ):
            return True
    before = S.text[max(S.s, p.start - 30) : p.start]
    words = before.split()
    if words and any(rx.fullmatch(words[-1]) for rx in lt.place_before):
        return True
    if (
        len(words) >= 2
        and words[-1].lower() == "the"
        and any(rx.fullmatch(words[-2]) for rx in lt.place_before)
    ):
        return True
    # English direct object of a trigger verb: "visited Pyongyang", "departed Pyongyang"
    return S.lt.svo and any(h.pos == "verb" and not h.reporting and 0 <= p.start - h.end <= 1 for h in S.hits)


def assign_places(S: SentenceView, blocked: list[tuple[int, int]]) -> dict[int, Place]:
    """hit index → its place. Each place goes to its nearest event trigger only, so the origin of a
    departure does not also become the venue of the meeting named after it."""
    mine: dict[int, list[tuple[float, Place]]] = {}
    for p in S.places:
        if any(a <= p.start < b for a, b in blocked) or not _locative(S, p):
            continue
        best: tuple[float, int] | None = None
        for i, h in enumerate(S.hits):
            if h.reporting or S.reg(h.start) != S.reg(p.start):
                continue
            if h.end <= p.start and _inside_other_phrase(S, h.end, p.start):
                continue  # "visit since the start of the pandemic in North Korea": not the venue
            d = _place_distance(S, h, p)
            if best is None or d < best[0]:
                best = (d, i)
        if best is None or best[0] > S.table.place_max_distance:
            continue
        penalty = S.table.country_penalty if p.kind == "country" else 0
        mine.setdefault(best[1], []).append((best[0] + penalty, p))
    return {i: min(ps, key=lambda dp: (dp[0], dp[1].start))[1] for i, ps in mine.items()}


def _is_outlet(eid: str | None) -> bool:
    return bool(eid) and eid.startswith("outlet:")


def joined(gap: str, lt: LangTable) -> bool:
    """Does `gap` hold a conjunction ("Putin and Kim", "푸틴 대통령과 김 위원장")?"""
    for word in gap.split():
        w = word.strip(".,;:")
        if w.lower() in lt.conjunctions or (lt.suffixing and w.endswith(tuple(lt.conjunctions))):
            return True
    return any(" " in c and f" {c} " in f" {gap.lower()} " for c in lt.conjunctions)


def _is_title(x: Entity, ents: list[Entity], text: str, lt: LangTable) -> bool:
    """An organisation written as part of a person's title ("White House spokesman John Kirby",
    "김정은 조선노동당 총비서") describes the person; it is not a participant of its own."""
    if x.label != "ORG":
        return False
    for p in ents:
        if p.label != "PER":
            continue
        gap = (
            text[x.end : p.start] if x.end <= p.start else text[p.end : x.start] if p.end <= x.start else None
        )
        if (
            gap is not None
            and len(gap) <= MAX_TITLE_GAP
            and not re.search(r"[,;:.()“”\"]", gap)
            and not joined(gap, lt)
        ):
            return True
    return False


def actors_of(
    ents: list[Entity], place: Place | None, text: str, lt: LangTable, places: Sequence[Place]
) -> list[str]:
    ids: list[str] = []
    for x in ents:
        if not x.entity_id or _is_outlet(x.entity_id) or _is_title(x, ents, text, lt):
            continue
        if place and x.start < place.end and place.start < x.end:
            continue
        if _names_a_place(x, places):
            continue
        if x.entity_id not in ids:
            ids.append(x.entity_id)
    core = [i for i in ids if not i.startswith("country:")]
    return core if core else ids


def _names_a_place(x: Entity, places: Sequence[Place]) -> bool:
    """A city, region or site is where things happen, not who acts: an unlinked location name, or any
    name the geoparser read as a place that is not a country ("블라디보스토크" mislabelled PER), is no actor.
    Countries stay: "North Korea and Russia signed" names the parties."""
    eid = x.entity_id or ""
    if eid.startswith("country:"):
        return False
    if eid.startswith(("site:", "region:")) or (x.label == "LOC" and not eid.startswith(("per:", "org:"))):
        return True
    return any(p.kind != "country" and x.start < p.end and p.start < x.end for p in places)

"""Sentence-level event frames: what happened (or is planned), who, where, when, with the sentence as proof.

    frames(text, lang, sentences, entities, times, places, published) -> list[Frame]

Trigger words, reporting verbs, modality cues and date modifiers per language live in
data/events/event_types.yaml (read by `load_table`); this module only decides which time expression,
place and actors belong to which trigger. Rules of attachment, in order:

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
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

from dossier import config
from dossier.model import Entity, EventFrame, Place, Segment, Sentence, Timex

__all__ = ["Frame", "EventTable", "frames", "load_table", "date_interval", "as_date"]

TABLE_FILE = config.DATA_DIR / "events" / "event_types.yaml"

# Letters of the scripts we read; Python's \w misses Devanagari vowel signs.
_WORD = r"(?:\w|[\u0900-\u097F])"  # \w covers Hangul; Devanagari vowel signs are marks, not \w
_OPEN_QUOTES = "“„«「『"
_CLOSE_QUOTES = "”»」』"
_TOGGLE_QUOTES = '"'
# Time expressions that can date an event (a duration or a set cannot).
_DATED_TYPES = ("DATE", "TIME")
_USABLE_VALUE = re.compile(r"\d{4}(?:-(?:\d\d(?:-\d\d(?:T[\w:.]+)?)?|W\d\d|Q[1-4]|H[12]|SP|SU|FA|WI))?")
_PRECISION_OF = {4: "year", 7: "month", 10: "day"}
# Two triggers this close (characters between them) in one clause form a chain sharing one date.
MAX_CHAIN_GAP = 25
# An organisation this close (characters) to a person's name, with no punctuation between, is their title.
MAX_TITLE_GAP = 40
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


# ---- the table --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Trigger:
    regex: re.Pattern[str]
    type: str  # event type id, or "" for a reporting verb
    pos: str  # verb | noun


@dataclass
class _LangTable:
    triggers: list[_Trigger]
    reporting: list[re.Pattern[str]]
    report_boundary: list[str]
    reporter_after: list[re.Pattern[str]]
    subject_endings: list[str]
    exclude: list[re.Pattern[str]]
    mod_window: int
    mod_before: list[re.Pattern[str]]
    mod_after: list[re.Pattern[str]]
    future_endings: list[str]
    before_timex: list[tuple[re.Pattern[str], str]]
    after_timex: list[tuple[re.Pattern[str], str]]
    phrase_heads: list[re.Pattern[str]]
    reclassify: dict[str, tuple[str, int, list[re.Pattern[str]]]]
    impersonal: list[re.Pattern[str]]
    svo: bool  # word order (see `languages` in the table)
    suffixing: bool  # particles and endings attach to words (Korean): boundaries are word endings
    conjunctions: list[str]
    subject_markers: list[str]
    fronted_prefixes: list[str]
    clause_openers: list[re.Pattern[str]]
    date_gap_words: int
    implied_place: dict[str, dict[str, str]]  # type -> trigger word -> place id
    place_before: list[re.Pattern[str]]  # a location cue right before a toponym (English "in")
    place_after: list[str]  # a particle/postposition right after it (Korean 에서, Hindi में)


@dataclass
class EventTable:
    labels: dict[str, str]
    fuse_with: dict[str, set[str]]  # symmetric
    max_gap_days: dict[str, int]
    route: set[str]  # types whose place is an origin or a destination
    place_max_distance: int
    country_penalty: int
    langs: dict[str, _LangTable] = field(default_factory=dict)

    def types(self) -> list[str]:
        return list(self.labels)


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", str(s))


def _entry_regex(entry: str, match: str, ignore_case: bool) -> re.Pattern[str]:
    """One trigger entry → regex (see the matching notes at the top of event_types.yaml)."""
    entry = _nfc(entry).strip()
    anchored = entry.startswith("^")
    entry = entry.lstrip("^")
    star = entry.endswith("*")
    entry = entry.rstrip("*")
    body = r"\s+".join(re.escape(part) for part in entry.split())
    if star:
        body += _WORD + "*"
    if match == "word":
        pat = f"(?<!{_WORD}){body}" + ("" if star else f"(?!{_WORD})")
    else:
        pat = (f"(?<!{_WORD})" if anchored else "") + body
    return re.compile(pat, re.IGNORECASE if ignore_case else 0)


def _plain_regex(entry: str, ignore_case: bool) -> re.Pattern[str]:
    """A cue or boundary word: whole words, any script."""
    entry = _nfc(entry).strip()
    body = r"\s+".join(re.escape(p) for p in entry.split())
    if re.match(_WORD, entry[:1] or " "):
        body = f"(?<!{_WORD})" + body
    if re.match(_WORD, entry[-1:] or " "):
        body += f"(?!{_WORD})"
    return re.compile(body, re.IGNORECASE if ignore_case else 0)


def _as_pos_lists(raw: Any) -> list[tuple[str, str]]:
    if raw is None:
        return []
    if isinstance(raw, dict):
        return [(str(e), "verb") for e in raw.get("verbs", []) or []] + [
            (str(e), "noun") for e in raw.get("nouns", []) or []
        ]
    return [(str(e), "verb") for e in raw]


def _check_strings(node: Any, where: str) -> None:
    """YAML reads a bare on/off/yes/no as a boolean; a word list must hold only strings."""
    if isinstance(node, dict):
        for k, v in node.items():
            _check_strings(v, f"{where}.{k}")
    elif isinstance(node, list):
        for v in node:
            if not isinstance(v, str):
                raise ValueError(f"{where}: {v!r} is not a string (quote it in the YAML)")


def load_table_from(path: Path) -> EventTable:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("types", "languages", "exclude", "reporting", "modality", "place"):
        _check_strings(doc.get(key), f"{path.name}:{key}")
    types = doc["types"]
    labels = {t: spec.get("label", t) for t, spec in types.items()}
    fuse_with: dict[str, set[str]] = {t: set() for t in types}
    for t, spec in types.items():
        for other in spec.get("fuse_with", []) or []:
            if other not in types:
                raise ValueError(f"{path}: type {t!r} fuses with unknown type {other!r}")
            fuse_with[t].add(other)
            fuse_with[other].add(t)
    place = doc.get("place", {})
    table = EventTable(
        labels=labels,
        fuse_with=fuse_with,
        max_gap_days={t: int(spec.get("max_gap_days", 0)) for t, spec in types.items()},
        route={t for t, spec in types.items() if spec.get("route")},
        place_max_distance=int(place.get("max_distance_chars", 160)),
        country_penalty=int(place.get("country_penalty_chars", 60)),
    )
    pcues = place.get("cues", {}) or {}
    for lang, lconf in doc["languages"].items():
        match, icase = lconf.get("match", "word"), bool(lconf.get("ignore_case", False))
        trigs = [
            _Trigger(_entry_regex(e, match, icase), t, pos)
            for t, spec in types.items()
            for e, pos in _as_pos_lists((spec.get("triggers") or {}).get(lang))
        ]
        rep = doc.get("reporting", {}).get(lang, {})
        mod = doc.get("modality", {}).get(lang, {})
        dmod = doc.get("date_modifiers", {}).get(lang, {})
        recl = {}
        for t, spec in types.items():
            r = spec.get("reclassify")
            if r and (r.get("cues") or {}).get(lang):
                recl[t] = (
                    r["to"],
                    int(r.get("window", 4)),
                    [
                        _entry_regex(c, "word" if match == "word" else "substring", icase)
                        for c in r["cues"][lang]
                    ],
                )
        table.langs[lang] = _LangTable(
            triggers=trigs,
            reporting=[_entry_regex(e, match, icase) for e in rep.get("verbs", [])],
            report_boundary=[_nfc(b) for b in rep.get("boundary", [])],
            reporter_after=[_plain_regex(e, icase) for e in rep.get("reporter_after", [])],
            subject_endings=[_nfc(e) for e in rep.get("subject_endings", [])],
            exclude=[
                _plain_regex(e, icase) if match == "word" else re.compile(re.escape(_nfc(e)))
                for e in (doc.get("exclude", {}) or {}).get(lang, [])
            ],
            mod_window=int(mod.get("window", 4)),
            mod_before=[
                _plain_regex(e, icase) if match == "word" else re.compile(re.escape(_nfc(e)))
                for e in mod.get("before", [])
            ],
            mod_after=[
                _plain_regex(e, icase) if match == "word" else re.compile(re.escape(_nfc(e)))
                for e in mod.get("after", [])
            ],
            future_endings=[_nfc(e) for e in mod.get("future_endings", [])],
            before_timex=[(_plain_regex(k, icase), v) for k, v in (dmod.get("before_timex") or {}).items()],
            after_timex=[
                (re.compile(re.escape(_nfc(k)) + f"(?!{_WORD})"), v)
                for k, v in sorted((dmod.get("after_timex") or {}).items(), key=lambda kv: -len(kv[0]))
            ],
            phrase_heads=[_plain_regex(k, icase) for k in dmod.get("phrase_heads") or []],
            reclassify=recl,
            impersonal=[_entry_regex(e, match, icase) for e in rep.get("impersonal", [])],
            svo=str(lconf.get("order", "svo")).lower() == "svo",
            suffixing=match == "substring",
            conjunctions=[_nfc(c) for c in lconf.get("conjunctions", []) or []],
            subject_markers=[_nfc(c) for c in lconf.get("subject_markers", []) or []],
            fronted_prefixes=[_nfc(c).lower() for c in lconf.get("fronted_date_prefixes", []) or []],
            clause_openers=[_plain_regex(c, icase) for c in lconf.get("clause_openers", []) or []],
            date_gap_words=int(rep.get("date_gap_words", 1)),
            implied_place={
                t: {_nfc(k): str(v) for k, v in ((spec.get("implied_place") or {}).get(lang) or {}).items()}
                for t, spec in types.items()
                if (spec.get("implied_place") or {}).get(lang)
            },
            place_before=[_plain_regex(e, icase) for e in (pcues.get(lang) or {}).get("before", [])],
            place_after=sorted(
                (_nfc(e) for e in (pcues.get(lang) or {}).get("after", [])), key=len, reverse=True
            ),
        )
    return table


@lru_cache(maxsize=1)
def load_table() -> EventTable:
    return load_table_from(TABLE_FILE)


# ---- dates ------------------------------------------------------------------------------------------


def _parse_point(value: str) -> tuple[dt.date, dt.date] | None:
    """The days a TimeML value covers (first, last), or None when it is not a calendar date."""
    m = _USABLE_VALUE.fullmatch(value)
    if not m:
        return None
    try:
        y = int(value[:4])
        rest = value[5:]
        if not rest:
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if rest.startswith("W"):
            first = dt.date.fromisocalendar(y, int(rest[1:3]), 1)
            return first, first + dt.timedelta(days=6)
        if rest[0] in "QHSFW":
            spans = {
                "Q1": (1, 3),
                "Q2": (4, 6),
                "Q3": (7, 9),
                "Q4": (10, 12),
                "H1": (1, 6),
                "H2": (7, 12),
                "SP": (3, 5),
                "SU": (6, 8),
                "FA": (9, 11),
                "WI": (12, 14),
            }
            a, b = spans[rest[:2]]
            end_y, end_m = (y + 1, b - 12) if b > 12 else (y, b)
            return dt.date(y, a, 1), _month_end(end_y, end_m)
        month = int(rest[:2])
        if len(rest) == 2:
            return dt.date(y, month, 1), _month_end(y, month)
        day = dt.date(y, month, int(rest[3:5]))
        return day, day
    except (ValueError, KeyError):
        return None


def _month_end(y: int, m: int) -> dt.date:
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def date_interval(
    date: str | None, date_end: str | None = None, mod: str | None = None
) -> tuple[dt.date, dt.date] | None:
    """First and last day a date reading allows (AFTER/BEFORE open the interval on one side)."""
    if not date:
        return None
    a = _parse_point(date)
    if a is None:
        return None
    first, last = a
    if date_end:
        b = _parse_point(date_end)
        if b is not None and b[1] >= first:
            last = b[1]
    if mod == "AFTER":
        last = dt.date.max
    elif mod == "BEFORE":
        first = dt.date.min
    return first, last


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A publication date as given by any stage: date, datetime, ISO string (YYYY-MM-DD…) or None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None  # undated, never guessed


def _usable(t: Timex) -> bool:
    return t.type in _DATED_TYPES and _parse_point(t.value) is not None


def _precision(t: Timex) -> str | None:
    if t.precision:
        return t.precision
    core = t.value.split("T")[0]
    if "-W" in core:
        return "week"
    return _PRECISION_OF.get(len(core))


# ---- one sentence -----------------------------------------------------------------------------------


@dataclass
class _Hit:
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
    if not any(q in text[start:end] for q in _OPEN_QUOTES + _CLOSE_QUOTES + _TOGGLE_QUOTES):
        return out
    stack: list[int] = []
    counter = 0
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN_QUOTES or (ch in _TOGGLE_QUOTES and not (stack and stack[-1] < 0)):
            counter += 1
            stack.append(-counter if ch in _TOGGLE_QUOTES else counter)
            out[i - start] = abs(stack[-1])
            continue
        if (ch in _CLOSE_QUOTES or ch in _TOGGLE_QUOTES) and stack:
            out[i - start] = abs(stack.pop())
            continue
        out[i - start] = abs(stack[-1]) if stack else 0
    return out


def _find_hits(text: str, start: int, end: int, lt: _LangTable) -> list[_Hit]:
    sent = text[start:end]
    cands: list[_Hit] = []
    for trig in lt.triggers:
        for m in trig.regex.finditer(sent):
            cands.append(_Hit(start + m.start(), start + m.end(), trig.type, trig.pos))
    for rx in lt.reporting:
        for m in rx.finditer(sent):
            cands.append(_Hit(start + m.start(), start + m.end(), "", "verb"))
    excluded = [(start + m.start(), start + m.end()) for rx in lt.exclude for m in rx.finditer(sent)]
    cands = [h for h in cands if not any(a <= h.start and h.end <= b for a, b in excluded)]
    # longest first; an overlapping shorter match is dropped
    cands.sort(key=lambda h: (-(h.end - h.start), h.start))
    kept: list[_Hit] = []
    for h in cands:
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


class _Sentence:
    """Everything known about one sentence, with offset helpers."""

    def __init__(
        self,
        text: str,
        sent: Sentence,
        lang: str,
        lt: _LangTable,
        table: EventTable,
        entities: list[Entity],
        times: list[Timex],
        places: list[Place],
        hits: list[_Hit],
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
        while i > self.s and self.reg(i - 1) == r and self.text[i - 1] not in _OPEN_QUOTES + _TOGGLE_QUOTES:
            i -= 1
        return i


def _ends_with_any(word: str, endings: Iterable[str]) -> bool:
    w = word.rstrip(".,!?;:”’\"'»」』)")
    return any(w.endswith(e) for e in endings)


def _reporter_stretch(S: _Sentence, h: _Hit) -> tuple[int, int]:
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
            if any(q in word for q in _CLOSE_QUOTES + _TOGGLE_QUOTES) or _ends_with_any(
                word, lt.report_boundary
            ):
                break
            b = a
        return b, h.start
    b = left
    seg = text[left : h.start]
    for bound in lt.report_boundary:
        rx = re.compile(
            re.escape(bound) if not re.match(_WORD, bound) else f"(?<!{_WORD}){re.escape(bound)}(?!{_WORD})",
            re.IGNORECASE,
        )
        for m in rx.finditer(seg):
            b = max(b, left + m.end())
    for q in _CLOSE_QUOTES + _TOGGLE_QUOTES + _OPEN_QUOTES:
        i = seg.rfind(q)
        if i >= 0:
            b = max(b, left + i + 1)
    return b, h.start


def _topic_slot(S: _Sentence, h: _Hit, stretch: tuple[int, int]) -> tuple[int, int] | None:
    """Korean-style: when the report verb's own stretch names nobody ("…라고 밝혔다"), its subject is the topic
    that opens the region ("뉴욕타임스는 4일 …"): that word and everything before it."""
    a, b = stretch
    if any(rx.match(S.text, h.start) for rx in S.lt.impersonal):
        return None
    if any(a <= x.start < b for x in S.entities) or any(
        _ends_with_any(S.text[w0:w1], S.lt.subject_endings) for w0, w1 in S.words_between(a, b)
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
            _ends_with_any(S.text[w0 : last + 1], S.lt.subject_endings)
            and not S.in_entity(last)
            and last > w0
        ):
            return left, w1
    return None


def _gap_words(S: _Sentence, a: int, b: int) -> int:
    return len(S.words_between(a, b)) if a < b else 0


def _report_claims(
    S: _Sentence, t: Timex, h: _Hit, stretch: tuple[int, int], topic: tuple[int, int] | None
) -> bool:
    """Is time expression `t` in the reporting verb `h`'s slot (the report's own date)?"""
    if S.reg(t.start) != S.reg(h.start):
        return False
    between_events = lambda a, b: any(a <= o.start < b and not o.reporting for o in S.hits)  # noqa: E731
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
    if (
        not S.lt.svo
        and t.end <= h.start
        and _gap_words(S, t.end, h.start) <= S.lt.date_gap_words
        and not between_events(t.end, h.start)
    ):
        return True
    return False


def _fronted(S: _Sentence, t: Timex) -> bool:
    """English "On 10 September, …": a date opening its clause and closed by a comma."""
    left = S.region_start(t.start)
    before = S.text[left : t.start].strip().lower()
    return before in S.lt.fronted_prefixes and S.text[t.end : t.end + 1] == ","


def _attach_times(S: _Sentence) -> dict[int, Timex]:
    """hit index → the time expression that dates it."""
    out: dict[int, tuple[Timex, float]] = {}
    stretches = {i: _reporter_stretch(S, h) for i, h in enumerate(S.hits) if h.reporting}
    topics = {
        i: (_topic_slot(S, S.hits[i], st) if S.lt.subject_endings else None) for i, st in stretches.items()
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


def _inside_other_phrase(S: _Sentence, trigger_end: int, target_start: int) -> bool:
    """A phrase head ("since") between the trigger and a date or place, not right before it: the date
    or place sits inside a phrase about another happening ("visit since the start of the pandemic in
    North Korea in 2020")."""
    gap = S.text[trigger_end:target_start]
    for rx in S.lt.phrase_heads:
        for m in rx.finditer(gap):
            if gap[m.end():].strip():
                return True
    return False


def _date_mod(S: _Sentence, t: Timex) -> str | None:
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


def _planned(S: _Sentence, h: _Hit) -> bool:
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


def _coordinated(S: _Sentence, h: _Hit) -> bool:
    """The trigger is the second of two joined verbs ("… and meet")."""
    before = S.text[max(S.s, h.start - 16) : h.start].rstrip().lower()
    return any(before == c or before.endswith(" " + c) for c in S.lt.conjunctions)


def _reclassify(S: _Sentence, h: _Hit) -> str:
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


_KIND_RANK = {"site": 0, "city": 1, "region": 2, "country": 3}


def _place_distance(S: _Sentence, h: _Hit, p: Place) -> float:
    """How far place `p` is from trigger `h`, weighted by word order: Korean and Hindi name the place
    before the verb ("평양을 방문", "प्योंगयांग से रवाना"), English mostly after ("visited Pyongyang")."""
    if p.end <= h.start:
        d = h.start - p.end
        return d * 2 + 10 if S.lt.svo else d
    if p.start >= h.end:
        d = p.start - h.end
        return d if S.lt.svo else d * 3 + 40
    return 0


def _locative(S: _Sentence, p: Place) -> bool:
    """Is the toponym marked as a location (see `place.cues` in the table)?"""
    lt = S.lt
    if not lt.place_before and not lt.place_after:
        return True
    after = S.text[p.end : min(S.e, p.end + 12)]
    for suffix in lt.place_after:
        if after.startswith(suffix) and not re.match(_WORD, after[len(suffix) : len(suffix) + 1] or " "):
            return True
        if after.startswith(" " + suffix) and not re.match(
            _WORD, after[len(suffix) + 1 : len(suffix) + 2] or " "
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


def _assign_places(S: _Sentence, blocked: list[tuple[int, int]]) -> dict[int, Place]:
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


def _joined(gap: str, lt: _LangTable) -> bool:
    """Does `gap` hold a conjunction ("Putin and Kim", "푸틴 대통령과 김 위원장")?"""
    for word in gap.split():
        w = word.strip(".,;:")
        if w.lower() in lt.conjunctions or (lt.suffixing and w.endswith(tuple(lt.conjunctions))):
            return True
    return any(" " in c and f" {c} " in f" {gap.lower()} " for c in lt.conjunctions)


def _is_title(x: Entity, ents: list[Entity], text: str, lt: _LangTable) -> bool:
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
            and not _joined(gap, lt)
        ):
            return True
    return False


def _actors(
    ents: list[Entity], place: Place | None, text: str, lt: _LangTable, places: Sequence[Place]
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


def _sentence_frames(S: _Sentence, published: dt.date | None) -> list[Frame]:
    if not S.hits:
        return []
    dates = _attach_times(S)
    stretches = {i: _reporter_stretch(S, h) for i, h in enumerate(S.hits) if h.reporting}
    blocked: list[tuple[int, int]] = []
    for i, st in stretches.items():
        topic = _topic_slot(S, S.hits[i], st) if S.lt.subject_endings else None
        if st[0] < st[1]:
            blocked.append(st)
        if topic:
            blocked.append(topic)
    placed = _assign_places(S, blocked)
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
                    _ends_with_any(S.text[a:b], S.lt.subject_endings) and not S.in_entity(b - 1)
                    for a, b in S.words_between(lo, hi)
                )
                or any(f" {m} " in f" {gap} " for m in S.lt.subject_markers)
            ):
                continue
            if S.lt.svo and (h.pos != "verb" or o.pos != "verb" or not _joined(gap, S.lt)):
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
            topic = _topic_slot(S, h, (a, b)) if S.lt.subject_endings else None
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
            actor_ids = _actors(ents, place, S.text, S.lt, S.places)
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
            frame.date_mod = _date_mod(S, t)
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
    hits: dict[str, list[_Hit]] = {}  # per language, found once per text: hundreds of patterns
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
            hits[code] = _find_hits(text, 0, len(text), lt)
        S = _Sentence(text, sent, code, lt, table, ents, tms, pls, hits[code])
        out.extend(_sentence_frames(S, published))
    return sorted(out, key=lambda f: (f.sentence_start, f.trigger_start))

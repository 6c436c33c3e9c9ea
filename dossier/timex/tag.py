"""Temporal expressions: find them (exact offsets) and normalise them TimeML-style against the dct.

    tag(text, lang, dct) -> list[Timex]

Every word and pattern of a language lives in data/timex/<lang>.yaml (a new language is a new file);
this module runs the compiled patterns, keeps the longest non-overlapping matches, reads the tense of
the surrounding clause (past report vs. plan) and hands each match to timex_resolve for the calendar
arithmetic. The input text is never modified; offsets are character offsets into it, end exclusive.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from dossier.model import Timex
from dossier.timex.resolve import resolve
from dossier.timex.rules import LangRules, Pattern, load_rules
from dossier.timex.spec import prepare

__all__ = ["supported_languages", "tag", "tag_tuples"]

_MAX_TEXT = 2_000_000  # one article; a bigger input is cut into windows by the caller's segmenter


def supported_languages() -> list[str]:
    from dossier.timex.rules import available_languages

    return available_languages()


def tag(text: str, lang: str, dct: dt.date | None) -> list[Timex]:
    """Temporal expressions in `text` (language `lang`: en | ko | hi | any with a data file), resolved
    against the publication date `dct` (None: undated; relative expressions stay unresolved, e.g.
    XXXX-WXX-1, and a date without a year takes the year of the last month the text named, else stays
    XXXX-09-10). Sorted by start offset; spans never overlap."""
    rules = load_rules((lang or "").split("-")[0].lower())
    if rules is None or not text:
        return []
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    elif isinstance(dct, str):  # an ISO date from a sidecar; anything unreadable counts as undated
        try:
            dct = dt.date.fromisoformat(dct[:10])
        except ValueError:
            dct = None
    cands = _candidates(text[:_MAX_TEXT], rules)
    chosen = _select(cands)
    out: list[Timex] = []
    # the earlier dates anaphoric expressions point to, by the unit they need (D W M Y)
    anchors: dict[str, dt.date] = {}
    ctx = _Context(text, rules)
    last_day: tuple[int, dt.date] | None = None  # end offset and date of the latest day-precision date
    for i, (start, end, pat, m) in enumerate(chosen):
        spec = _bind(pat, m, rules, text)
        if spec is None:
            continue
        use_anchors = anchors
        if (rules.anchor == "first" and last_day is not None
                and not rules.sentence_end.search(text, last_day[0], start)):
            # "조선중앙통신은 14일 … 전날": a day named earlier in the same sentence is what 전날/이날 count
            # from; across sentences they keep to the article's first day
            use_anchors = {**anchors, "D": last_day[1]}
        if spec.pop("clock_only", False):
            # "Oct. 20, 1989, at 10 a.m." / "at 10:00 KST on Tuesday": a bare clock time is on the date
            # named right before or right after it in the same clause, not on the dct
            # (the date right after wins: "on Tuesday (2100 GMT Monday)")
            day = None
            if i + 1 < len(chosen):
                day = _day_right_after(text, rules, ctx, chosen[i + 1], end, dct, anchors)
            if day is None and last_day is not None and _same_clause(text, rules, last_day[0], start):
                day = last_day[1]
            if day is not None:
                spec["rel_unit"], spec["anchor_unit"], spec["rel_n"] = "ANCHOR", "D", 0
                use_anchors = {**anchors, "D": day}
        tense = ctx.tense(start, end)
        try:
            r = resolve(spec, dct, tense, use_anchors)
        except (ValueError, OverflowError, TypeError):
            continue
        value, value_end = r.value, r.value_end
        if dct is None and "M" in anchors:
            # an undated text (a wiki page) tells its story in order: "On 10 September" after "early
            # September 2023" is in the year of the last month it named (not of a bare year like "in 2019")
            story = anchors["M"]
            value, value_end = _with_story_year(value, story), _with_story_year(value_end, story)
        out.append(Timex(start=start, end=end, text=text[start:end], type=r.type, value=value,
                         value_end=value_end, precision=r.precision, mod=spec.get("mod")))
        _remember(anchors, value, first_day_only=rules.anchor == "first")
        day = _day_of(_DAY_VALUE.match(value))
        if day is not None:
            last_day = (end, day)
    return out


_DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


def _day_of(m: re.Match[str] | None) -> dt.date | None:
    """The calendar day a _DAY_VALUE match names (None for no match or an impossible date)."""
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
# what may stand between a reporting verb and the expression it dates ("said Tuesday", "said on Friday")
_REPORT_JOIN = re.compile(r"\s+(?:on\s+|late\s+|early\s+|in\s+)?")
_CLOCK_GAP = 30  # characters between a date and a bare clock time that belongs to it
# what may stand between a clock time and the date after it ("10:00 KST on Tuesday", "9 a.m., March 3")
_CLOCK_JOIN = re.compile(r"[\s,]*(?:(?:on|of)\s+)?(?:the\s+)?")


def _day_right_after(text: str, rules: LangRules, ctx: _Context, nxt: tuple[int, int, Pattern, re.Match[str]],
                     end: int, dct: dt.date | None, anchors: dict[str, dt.date]) -> dt.date | None:
    """The day the next expression names when it follows `end` closely in the same clause."""
    start2, end2, pat2, m2 = nxt
    if not _same_clause(text, rules, end, start2) or not _CLOCK_JOIN.fullmatch(text[end:start2]):
        return None
    spec2 = _bind(pat2, m2, rules, text)
    if spec2 is None or spec2.get("clock_only"):
        return None
    try:
        value = resolve(spec2, dct, ctx.tense(start2, end2), anchors).value
    except (ValueError, OverflowError, TypeError):
        return None
    return _day_of(_DAY_VALUE.fullmatch(value))


def _with_story_year(value: str | None, month_anchor: dt.date) -> str | None:
    """XXXX-09-10 → 2023-09-10 when the text last named a month of 2023."""
    if value is None or not _YEARLESS.match(value):
        return value
    return f"{month_anchor.year:04d}{value[4:]}"


_YEARLESS = re.compile(r"XXXX-(?:0[1-9]|1[0-2])(?![\d])")


def _same_clause(text: str, rules: LangRules, left_end: int, right_start: int) -> bool:
    gap = text[left_end:right_start]
    return 0 <= len(gap) <= _CLOCK_GAP and not rules.sentence_end.search(gap)


def tag_tuples(text: str, lang: str, dct: dt.date | None) -> list[list[Any]]:
    """The `annotate` shape: [[start, end, TYPE, VALUE], ...]."""
    return [[t.start, t.end, t.type, t.value] for t in tag(text, lang, dct)]


def _remember(anchors: dict[str, dt.date], value: str, first_day_only: bool) -> None:
    """Record a resolved value as the antecedent for every unit its precision can serve: a day serves
    "that day/week/month/year", a month "that month/year", a year only "that year". With
    `first_day_only` (Korean 이날) the day antecedent is the article's first dated day and never moves."""
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?![\d-])", value)
    if not m:
        return
    try:
        d = dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return
    units = ["Y"] + (["M"] if m.group(2) else []) + (["W", "D"] if m.group(3) else [])
    for u in units:
        if u in ("D", "W") and first_day_only and u in anchors:
            continue
        anchors[u] = d


def _candidates(text: str, rules: LangRules) -> list[tuple[int, int, Pattern, re.Match[str]]]:
    out = []
    for pat in rules.patterns:
        for m in pat.regex.finditer(text):
            s, e = m.span()
            # a pattern may swallow trailing spaces through an optional part; never return them
            while e > s and text[e - 1].isspace():
                e -= 1
            while s < e and text[s].isspace():
                s += 1
            if e <= s or _rejected(text, s, e, rules):
                continue
            if "pair_day" in pat.spec and _bind(pat, m, rules, text) is None:
                continue  # "5 और 10 फरवरी" is no range: the shorter "10 फरवरी" must stay a candidate
            out.append((s, e, pat, m))
    return out


def _rejected(text: str, s: int, e: int, rules: LangRules) -> bool:
    span = text[s:e]
    for rx_text, rx_before, rx_after in rules.reject_context:
        if not rx_text.fullmatch(span):
            continue
        if rx_before is not None and not rx_before.search(text[max(0, s - 60):s]):
            continue
        if rx_after is not None and not rx_after.match(text[e:e + 60]):
            continue
        return True
    return False


def _select(cands: list[tuple[int, int, Pattern, re.Match[str]]]) -> list[tuple[int, int, Pattern, re.Match[str]]]:
    """Longest first (then higher priority, then earlier); no two chosen spans overlap."""
    cands = sorted(cands, key=lambda c: (-(c[1] - c[0]), -c[2].priority, c[0]))
    used = bytearray(max((c[1] for c in cands), default=0))
    chosen = []
    for c in cands:
        if any(used[c[0]:c[1]]):
            continue
        used[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
        chosen.append(c)
    if any(c[2].spec.get("drop") for c in chosen):
        chosen = [c for c in chosen if not c[2].spec.get("drop")]
    return sorted(chosen, key=lambda c: c[0])


def _bind(pat: Pattern, m: re.Match[str], rules: LangRules, text: str) -> dict[str, Any] | None:
    """The pattern's `set:` spec with $group references replaced by the groups' values; `doc_if`
    overrides apply when the whole document matches their regex (e.g. earnings news about quarters)."""
    values: dict[str, Any] = {}
    for g, src in pat.groups.items():
        txt = m.group(g)
        if txt is not None:
            values[g] = rules.group_value(src, txt)

    def sub(v: Any) -> Any:
        if isinstance(v, dict):
            out = {}
            for k, x in v.items():
                y = sub(x)
                if y is not _MISSING:
                    out[k] = y
            return out
        if isinstance(v, str) and v.startswith("$"):
            for alt in v[1:].split("|"):  # "$day|day2": the first group that matched
                if alt.startswith("="):
                    return alt[1:]
                if alt in values:
                    return values[alt]
            return _MISSING
        return v

    spec = sub(pat.spec)
    for rx, override, window in pat.doc_if:
        if rx.search(text, max(0, m.start() - window) if window else 0, m.end() if window else len(text)):
            spec.update(sub(override))
    mod = spec.get("mod")
    if mod is None:  # the first qualifier word the match holds ("early", "the end of", "말", "लगभग")
        for g, src in pat.groups.items():
            if src in rules.mod_vocabs and g in values:
                mod = values[g]
                break
    clock_only = "hour" in spec and not any(
        k in spec for k in ("weekday", "day", "month", "rel_unit", "rel_n", "rel_anchor"))
    spec = prepare(spec)
    if spec is None:
        return None
    spec.pop("mod", None)
    if isinstance(mod, str) and mod.upper() in TIMEML_MODS:
        spec["mod"] = mod.upper()
    if "mul" in spec and "dur_n" in spec:  # "a couple of years", "two decades" written as counts
        try:
            spec["dur_n"] = float(spec["dur_n"]) * float(spec.pop("mul"))
        except (TypeError, ValueError):
            spec.pop("mul")
    if "dur_add" in spec:  # "two and a half years": 2 + 0.5
        try:
            spec["dur_n"] = float(spec["dur_n"]) + float(spec.pop("dur_add"))
        except (KeyError, TypeError, ValueError):
            spec.pop("dur_add", None)
    if "neg" in spec and "rel_n" in spec:  # "three weeks ago": the count goes backwards
        try:
            spec["rel_n"] = int(float(spec["rel_n"])) * int(spec.pop("neg"))
        except (TypeError, ValueError):
            return None
    if spec.get("drop"):
        return None
    if clock_only:
        spec["clock_only"] = True
    return spec


_MISSING = object()

# TimeML 1.2 values of a TIMEX3's mod attribute; anything else in a vocabulary means "no mod"
TIMEML_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
                         "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"})


class _Context:
    """Sentence ends and tense cues of one document, found once and looked up by offset."""

    def __init__(self, text: str, rules: LangRules) -> None:
        self.rules = rules
        self.text = text
        self.text_len = len(text)
        self.sent_ends = [m.end() for m in rules.sentence_end.finditer(text)]
        self.sent_starts = [m.start() for m in rules.sentence_end.finditer(text)]
        cues: list[tuple[int, int, str]] = []
        future_spans: list[tuple[int, int]] = []
        for label, rx in (("future", rules.tense_future), ("report", rules.tense_report),
                          ("past", rules.tense_past)):
            if rx is None:
                continue
            for m in rx.finditer(text):
                if m.end() <= m.start():
                    continue
                # a past form inside a future cue ("will be paid") is not a past report
                if label != "future" and _inside(future_spans, m.start()):
                    continue
                # "the case is heard in May": a participle after "is" is a present passive, not a past report
                if (label == "past" and rules.not_past_after is not None
                        and rules.not_past_after.search(text, max(0, m.start() - 16), m.start())):
                    continue
                if label == "future" and rules.tense_plan_past is not None and rules.tense_plan_past.fullmatch(
                        m.group(0)):
                    label = "plan_past"
                cues.append((m.start(), m.end(), label))
                if label in ("future", "plan_past"):
                    future_spans.append((m.start(), m.end()))
                    future_spans.sort()
        cues.sort()
        self.cues = cues
        self.cue_starts = [c[0] for c in cues]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_ends, start) - 1
        s = self.sent_ends[i] if i >= 0 else 0
        j = bisect.bisect_left(self.sent_starts, end)
        e = self.sent_starts[j] + 1 if j < len(self.sent_starts) else self.text_len
        return max(s, start - 400), min(e, end + 600)

    def tense(self, start: int, end: int) -> str | None:
        """past | future | None, from cue words of the clause around the expression (data: tense:)."""
        if not self.cues:
            return None
        rules = self.rules
        s, e = self.sentence(start, end)
        lo = bisect.bisect_left(self.cue_starts, s)
        hi = bisect.bisect_left(self.cue_starts, e)
        fronted = self._fronted(s, start, end, lo, hi)
        if fronted is not None:
            return fronted
        hits = []
        for c in self.cues[lo:hi]:
            if start <= c[0] < end or c[1] > e:
                continue
            if c[2] == "plan_past":
                # "planned to pay on Friday" points ahead; after the expression it dates only a fronted one
                # ("On Friday, the government planned to pay": _fronted), not "a rally on Saturday and
                # were planning to drive", whose Saturday is the planned rally's
                if c[1] > start:
                    continue
                c = (c[0], c[1], "future")
            if c[2] == "report":
                gap = start - c[1] if c[1] <= start else c[0] - end
                if gap > rules.report_window:
                    continue
            hits.append(c)
        if not hits:
            return None
        if rules.tense_scope == "after":  # verb-final languages: the verb of this clause comes after
            after = [h for h in hits if h[0] >= end]
            return _past(after[0][2]) if after else None

        def distance(h: tuple[int, int, str]) -> int:
            return start - h[1] if h[1] <= start else h[0] - end

        best = min(hits, key=lambda h: (distance(h), h[2] != "future"))
        for h in hits:  # "said on Tuesday he would …": the reporting verb right before dates the report
            if h[2] == "report" and h[1] <= start and _REPORT_JOIN.fullmatch(self.text, h[1], start):
                return "past"
        if best[2] == "past" and best[1] <= start and self._under_modal(hits, best, start):
            return "future"
        if rules.max_distance is not None and distance(best) > rules.max_distance:
            # no verb of this clause nearby: a sentence whose only tense is the future is a plan
            if all(h[2] == "future" for h in hits):
                return "future"
            return None
        return _past(best[2])

    def _fronted(self, sent_start: int, start: int, end: int, lo: int, hi: int) -> str | None:
        """An expression that opens its sentence and is set off by a comma ("On Tuesday, the league plans
        to ...", "In January, a bomb killed ...") dates the main clause: the tense is that of the first
        cue after it (a reporting verb included), however far, within `fronted_window` characters."""
        rules = self.rules
        if rules.fronted_lead is None or rules.tense_scope != "nearest":
            return None
        if not rules.fronted_lead.match(self.text, sent_start, start) or not self.text.startswith(",", end):
            return None
        limit = end + rules.fronted_window
        skip = ([m.span() for m in rules.fronted_skip.finditer(self.text, end, limit)]
                if rules.fronted_skip is not None else [])
        for c in self.cues[lo:hi]:
            if c[0] < end:
                continue
            if c[0] > limit:
                return None
            if any(a <= c[0] < b for a, b in skip):
                continue
            if c[2] == "plan_past":
                return "past"
            return _past(c[2])
        return None

    def _under_modal(self, hits: list[tuple[int, int, str]], past: tuple[int, int, str], start: int) -> bool:
        """A past-looking word between a future cue and the expression is in the future cue's clause
        ("would be paid on a still unspecified date in January"): the participle or adjective does not
        make the clause a past report. Only when the future cue is close and no clause ends between."""
        limit = self.rules.max_distance or 60
        ends = [self.rules.sentence_end] + ([self.rules.clause_end] if self.rules.clause_end else [])
        finite = self.rules.finite_past
        for h in hits:
            if (
                h[2] == "future"
                and h[1] <= past[0]
                and start - h[1] <= limit
                and not any(rx.search(self.text, h[1], start) for rx in ends)
                and not (finite is not None and finite.search(self.text, h[1], start))
            ):
                return True
        return False


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _past(label: str) -> str:
    return "past" if label == "report" else label

"""The event trigger table: event types and, per language, the words that signal them.

    load_table() -> EventTable   (data/events/event_types.yaml, read once)

Trigger words, reporting verbs, modality cues, date modifiers, place cues and the fusion rules of
each type (which types fuse, how many days apart two readings may be) live in the YAML; this module
reads and checks it and compiles each word into a regex (see the matching notes at the top of the
file). The frame rules in dossier.events.frames and dossier.events.attach read only this table.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from dossier import config
from dossier.text.scripts import DEVANAGARI_CLASS

__all__ = ["TABLE_FILE", "WORD", "EventTable", "LangTable", "Trigger", "load_table", "load_table_from"]

TABLE_FILE = config.DATA_DIR / "events" / "event_types.yaml"

# Letters of the scripts we read; Python's \w misses Devanagari vowel signs.
WORD = rf"(?:\w|[{DEVANAGARI_CLASS}])"  # \w covers Hangul; Devanagari vowel signs are marks, not \w
@dataclass(frozen=True)
class Trigger:
    regex: re.Pattern[str]
    type: str  # event type id, or "" for a reporting verb
    pos: str  # verb | noun


@dataclass
class LangTable:
    triggers: list[Trigger]
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
    langs: dict[str, LangTable] = field(default_factory=dict)

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
        body += WORD + "*"
    if match == "word":
        pat = f"(?<!{WORD}){body}" + ("" if star else f"(?!{WORD})")
    else:
        pat = (f"(?<!{WORD})" if anchored else "") + body
    return re.compile(pat, re.IGNORECASE if ignore_case else 0)


def _plain_regex(entry: str, ignore_case: bool) -> re.Pattern[str]:
    """A cue or boundary word: whole words, any script."""
    entry = _nfc(entry).strip()
    body = r"\s+".join(re.escape(p) for p in entry.split())
    if re.match(WORD, entry[:1] or " "):
        body = f"(?<!{WORD})" + body
    if re.match(WORD, entry[-1:] or " "):
        body += f"(?!{WORD})"
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
            Trigger(_entry_regex(e, match, icase), t, pos)
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
        table.langs[lang] = LangTable(
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
                (re.compile(re.escape(_nfc(k)) + f"(?!{WORD})"), v)
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


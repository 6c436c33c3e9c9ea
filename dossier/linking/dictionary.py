"""Dictionary recognition: knowledge-base names found in running text without an NER model.

`kb_matches(text, lang)` serves languages without a model and complements a model's recall: full
names, short forms and generic names in `lang` and English, longest match first, with word
boundaries per script; after a person's full name their family name alone is found too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from dossier.linking.kb import KnowledgeBase
from dossier.linking.lookup import KbIndex, cached_index, compound_spans, kb_index
from dossier.linking.names import fold_chars, is_acronym, kb_key
from dossier.model import Span
from dossier.text.scripts import DEVANAGARI_CLASS, is_hangul

TYPE_LABEL = {"person": "PER", "organisation": "ORG", "outlet": "ORG", "country": "LOC"}

_LATINISH = re.compile(rf"[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF{DEVANAGARI_CLASS}]")
_SEP_CHARS = set(" \t\n\r\u00a0-‐‑·・")


def _script_of(name: str) -> str:
    """hangul, cjk (kana and the main ideograph block: no word boundaries) or alpha, by the first
    Hangul or CJK letter; the kana and ideograph ranges are this test's own (narrower than
    scripts.char_script's HAN and KANA)."""
    for c in name:
        if is_hangul(c):
            return "hangul"
        if "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff":
            return "cjk"
    return "alpha"


def _match_form(s: str) -> str:
    """Same-length form for dictionary lookup: lowercase, every separator a plain space."""
    out = []
    for c in s:
        if c in _SEP_CHARS:
            out.append(" ")
        else:
            low = c.lower()
            out.append(low if len(low) == 1 else c)
    return "".join(out)


@dataclass
class _Matcher:
    names: dict[str, tuple[str, str, str]]  # match form -> (label, name as written, script)
    lengths: dict[str, list[int]]  # first char -> candidate lengths, longest first
    particles: list[str]
    suffixes: list[str]
    family: dict[str, dict[str, str]]  # match form of a full PER name -> {family match form: script}


def _add_names(names: dict, table, langs, label: str, ix: KbIndex, skip: set[str]) -> None:
    for lg in langs:
        for n in table.get(lg, ()):
            folded, _ = fold_chars(unicodedata.normalize("NFC", n))
            if len(folded) < 2 or kb_key(n) in ix.not_mentions or kb_key(n) in skip:
                continue
            names.setdefault(_match_form(folded), (label, folded, _script_of(folded)))


@lru_cache(maxsize=32)
def _matcher(lang: str, kb_id: int) -> _Matcher:
    ix = cached_index(kb_id)
    langs = (lang, "en")
    names: dict[str, tuple[str, str, str]] = {}
    family: dict[str, dict[str, str]] = {}
    skip = {kb_key(w) for w in ix.kb.rules.common_words.get(lang, ())}
    for a in ix.kb.actors.values():
        label = TYPE_LABEL[a.type]
        for table in (a.names, a.short, a.generic):
            _add_names(names, table, langs, label, ix, skip)
        if a.type == "person" and a.family:
            fams = {}
            for lg in langs:
                for f in a.family.get(lg, ()):
                    folded, _ = fold_chars(unicodedata.normalize("NFC", f))
                    fams[_match_form(folded)] = _script_of(folded)
            for lg in langs:
                for n in a.names.get(lg, ()):
                    folded, _ = fold_chars(unicodedata.normalize("NFC", n))
                    family.setdefault(_match_form(folded), {}).update(fams)
    lengths: dict[str, set[int]] = {}
    for form in names:
        lengths.setdefault(form[0], set()).add(len(form))
    return _Matcher(names, {c: sorted(ls, reverse=True) for c, ls in lengths.items()}, ix.particles,
                    ix.suffixes, family)


def _boundary_ok(text: str, start: int, end: int, script: str, particles: list[str],
                 suffixes: list[str] = ()) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if script == "cjk":
        return True
    if script == "hangul":
        if is_hangul(before):
            return False
        if not is_hangul(after):
            return True
        # a bound noun (국가안보실+장) and/or a postposition may follow, then the word ends
        for suf in ("", *suffixes):
            if suf and not text.startswith(suf, end):
                continue
            pos = end + len(suf)
            for p in ("", *particles):
                if p and not text.startswith(p, pos):
                    continue
                nxt = text[pos + len(p)] if pos + len(p) < len(text) else " "
                if (suf or p) and not is_hangul(nxt):
                    return True
        return False
    return not _LATINISH.match(before) and not _LATINISH.match(after)


def kb_matches(text: str, lang: str, kb: KnowledgeBase | None = None) -> list[Span]:
    """Spans of KB names (full names, short forms, generic names) in `text`, longest match first,
    word-boundary aware per script; a Korean name may be followed by a particle, which stays outside
    the span. Names in `lang` and English are looked for. After a person's full name, their family
    name alone is recognised too ("Kim" after "Kim Jong Un", किम after किम जोंग उन; a one-syllable
    Korean family name only when a space follows it). Labels: PER, ORG (organisations and outlets)
    or LOC (countries)."""
    kb_index(kb)
    m = _matcher(lang, 0 if kb is None else id(kb))
    folded, idx = fold_chars(text)
    low = _match_form(folded)
    spans: list[tuple[int, int, str]] = []  # in folded offsets
    family_after: dict[str, tuple[int, str]] = {}  # family form -> (position of full name end, script)
    i, n = 0, len(low)
    while i < n:
        hit = 0
        for length in m.lengths.get(low[i], ()):
            if i + length > n:
                continue
            form = low[i : i + length]
            entry = m.names.get(form)
            if entry is None:
                continue
            label, name, script = entry
            got = folded[i : i + length]
            if is_acronym(name) and got != name:
                continue  # "US" must not match "us"
            if name[:1].isupper() and got[:1].islower():
                continue  # "America" must not match "america" in running text
            if not _boundary_ok(folded, i, i + length, script, m.particles, m.suffixes):
                continue
            end, longer = _overlapping_longer(folded, low, i, i + length, label, m) if label == "PER" else (i + length, None)
            spans.append((i, end, label))
            for name_form in (form, longer):
                for fam, fscript in m.family.get(name_form, {}).items():
                    family_after.setdefault(fam, (end, fscript))
            hit = end - i
            break
        i += hit or 1
    spans += _family_mentions(folded, low, family_after, spans, m)
    ix = kb_index(kb)
    for cs, ce, label in compound_spans(folded, lang, ix):
        if all(ce <= s or cs >= e for s, e, _ in spans):
            spans.append((cs, ce, label))
    spans.sort()
    return [Span(idx[s], idx[e - 1] + 1, label) for s, e, label in spans]


def _overlapping_longer(folded: str, low: str, start: int, end: int, label: str,
                        m: _Matcher) -> tuple[int, str | None]:
    """The end of a person's match at `start`, carried on to the end of a person's name that begins
    inside it and goes further: "President Xi" (a short form) and "Xi Jinping" (the full name) in
    "President Xi Jinping" are one span, which loses its title later, rather than "President Xi" and
    a bare "Xi" that names nobody. (Organisations nest for real: "미국 백악관" and "백악관
    국가안보회의" are two.) Also returns the longer name's match form (None if there is none)."""
    best, longer = end, None
    for j in range(start + 1, end):
        if not low[j - 1].isspace():
            continue  # names begin at a word
        for length in m.lengths.get(low[j], ()):
            stop = j + length
            entry = m.names.get(low[j:stop]) if stop > best else None
            if entry is not None and entry[0] == label and _boundary_ok(folded, j, stop, entry[2], m.particles, m.suffixes):
                best, longer = stop, low[j:stop]
                break
    return best, longer


def _family_mentions(folded: str, low: str, family_after: dict[str, tuple[int, str]],
                     taken: list[tuple[int, int, str]], m: _Matcher) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    occupied = [(s, e) for s, e, _ in taken]
    for fam, (after, script) in family_after.items():
        pos = low.find(fam, after)
        while pos >= 0:
            end = pos + len(fam)
            free = all(end <= s or pos >= e for s, e in occupied)
            cased = not fam[:1].isalpha() or folded[pos].isupper() or not folded[pos].isascii()
            if script == "hangul" and len(fam) == 1:
                ok = end < len(folded) and folded[end] == " " and (pos == 0 or not is_hangul(folded[pos - 1]))
            else:
                ok = _boundary_ok(folded, pos, end, script, m.particles)
            if free and cased and ok:
                out.append((pos, end, "PER"))
                occupied.append((pos, end))
            pos = low.find(fam, end)
    return out

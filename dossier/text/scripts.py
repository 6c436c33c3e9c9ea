"""Which writing system a character or a text is in, and Devanagari spelling folds.

One home for the script tests that linking, geoparsing, segmentation, provenance and the
Korean-particle rules all need, so "is this Hangul?" means the same block everywhere.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Precomposed Hangul syllables (가..힣): Korean text as written in news; jamo blocks are not words.
HANGUL_FIRST, HANGUL_LAST = "\uac00", "\ud7a3"
# The Devanagari block (Hindi, Marathi, Nepali, Sanskrit).
DEVANAGARI_FIRST, DEVANAGARI_LAST = "\u0900", "\u097f"
# Character classes for regular expressions.
HANGUL_CLASS = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"  # syllables, jamo, compatibility jamo
DEVANAGARI_CLASS = "\u0900-\u097f"
# The nukta dot (क़ = क + ◌़): Hindi news writes the same word with and without it (अख़बार / अखबार).
NUKTA = "\u093c"


def is_hangul(ch: str) -> bool:
    return HANGUL_FIRST <= ch <= HANGUL_LAST


def is_devanagari(ch: str) -> bool:
    return DEVANAGARI_FIRST <= ch <= DEVANAGARI_LAST


def is_word_char(ch: str) -> bool:
    """A letter, digit or combining mark (Devanagari vowel signs), or a zero-width (non-)joiner inside
    an Indic word: what continues a written word."""
    return ch.isalnum() or unicodedata.category(ch)[0] == "M" or ch in "\u200c\u200d"


def has_hangul(text: str) -> bool:
    return any(HANGUL_FIRST <= ch <= HANGUL_LAST for ch in text)


def has_devanagari(text: str) -> bool:
    return any(DEVANAGARI_FIRST <= ch <= DEVANAGARI_LAST for ch in text)


def is_latin(s: str) -> bool:
    """Every letter of `s` is Latin (with its accents: below U+0250), and there is one."""
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(ord(c) < 0x250 for c in letters)


@lru_cache(maxsize=8192)
def char_script(ch: str) -> str:
    """Script of one character: the first word of its Unicode name (LATIN, HANGUL, DEVANAGARI,
    CYRILLIC, ...), HAN for ideographs, KANA for hiragana and katakana, '' when it has no name."""
    name = unicodedata.name(ch, "")
    if not name:
        return ""
    if name.startswith("CJK") or "IDEOGRAPH" in name:
        return "HAN"
    if name.startswith(("HIRAGANA", "KATAKANA")):
        return "KANA"
    return name.split(" ", 1)[0]


def first_script(text: str) -> str:
    """Script of the first letter of ``text`` (see ``char_script``), or '?' when it has no letter."""
    for ch in text:
        if ch.isalpha():
            return char_script(ch) or "?"
    return "?"


def fold_nukta(text: str) -> str:
    """Drop every nukta, so both spellings of a Hindi word compare equal."""
    return text.replace(NUKTA, "")


def particle_stems(word: str, particles: Iterable[str]) -> list[str]:
    """`word` without each trailing particle it ends with (서울에서 → 서울), in the order given — the
    rules list particles longest first, so the shortest stem comes first. A word that is only a
    particle has no stem."""
    return [word[: -len(p)] for p in particles if word.endswith(p) and len(word) > len(p)]

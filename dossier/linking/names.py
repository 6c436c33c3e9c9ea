"""The key under which the knowledge-base index stores a name, and the spelling folds behind it.

`kb_key` is the linker's key (KB names and mentions meet under it); the gazetteer has its own,
`dossier.geo.gazetteer.place_key`, with different rules (its stored file was built with that one).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dossier.text.scripts import DEVANAGARI_CLASS, NUKTA

_HI_FOLD = {
    NUKTA: "",  # nukta: ज़ -> ज, फ़ -> फ (spelled both ways)
    "\u0901": "\u0902",  # chandrabindu -> anusvara
    "ी": "ि", "ू": "ु", "ई": "इ", "ऊ": "उ",  # vowel length of foreign names varies (शोइगु / शोइगू)
    "ॉ": "ो", "ऑ": "ओ",  # candra o (जॉन / जोन)
    "ॅ": "े", "ऍ": "ए",
}
_HI_NASALS = "ङञणनम"
_RU_FOLD = {"ё": "е", "Ё": "Е"}
SEPARATORS = re.compile(r"[\s\-‐‑‒–—·・･_/]+")


def fold_chars(text: str) -> tuple[str, list[int]]:
    """Spelling-variant folding that keeps an offset map: folded[i] came from text[index[i]].
    Nothing is removed but Devanagari nukta; nasal consonant + virama before a consonant becomes
    anusvara (जोङ्ग = जोंग)."""
    out: list[str] = []
    idx: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _HI_NASALS and i + 2 < n and text[i + 1] == "\u094d" and "\u0915" <= text[i + 2] <= "\u0939":
            out.append("\u0902")
            idx.append(i)
            i += 2
            continue
        rep = _HI_FOLD.get(ch, _RU_FOLD.get(ch, ch))
        for r in rep:
            out.append(r)
            idx.append(i)
        i += 1
    return "".join(out), idx


def is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() and c.isascii() for c in letters)


_NEEDS_FOLD = re.compile(f"[{DEVANAGARI_CLASS}ёЁ]")


@lru_cache(maxsize=4096)
def _is_punct(c: str) -> bool:
    return unicodedata.category(c).startswith(("P", "S"))


@lru_cache(maxsize=65536)
def kb_key(name: str) -> str:
    """Lookup key of a name in the knowledge-base index: NFKC, spelling variants folded, punctuation
    and separators removed, case folded except for short all-capital acronyms ("US" is not "us")."""
    s = unicodedata.normalize("NFKC", name)
    if _NEEDS_FOLD.search(s):
        s, _ = fold_chars(s)
    s = "".join(c for c in s if not _is_punct(c))
    s = SEPARATORS.sub("", s)
    return s if is_acronym(s) else s.casefold()

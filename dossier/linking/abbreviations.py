"""An organisation's abbreviation and its full name in one article, read as one actor.

News defines an abbreviation once and then uses it: "Press Information Bureau (PIB)", "भारतीय अंतरिक्ष
अनुसंधान संगठन (इसरो)", "세계보건기구, WHO는" (the Korean style: the full name, a comma, the Latin
abbreviation), "ISRO (Indian Space Research Organisation)"; or it simply uses both, and the
abbreviation's letters are the initials of the name's words ("World Health Organization" ... "WHO",
"U.S. Geological Survey" ... "USGS"). `abbreviation_pair` reads the first kind off two neighbouring
mentions; `initials_of` gives what the second kind compares.
"""

from __future__ import annotations

import re

from dossier.model import Span

ACTOR_LABELS = ("ORG", "LOC")  # a person's name is never read as an abbreviation here
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "de", "du", "des", "la", "&"})
_LATIN_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&.\-]{1,9}")


def is_latin_abbreviation(mention: str) -> bool:
    """"WHO", "PIB", "U.S.", "ASEAN": two to ten capitals (digits, dots, '&' allowed), one word."""
    m = mention.strip()
    return bool(_LATIN_ABBREVIATION.fullmatch(m)) and sum(c.isupper() for c in m) >= 2


def _words(mention: str) -> list[str]:
    return mention.split()


def initials_of(mention: str) -> str:
    """The capital initials of a Latin multi-word name, connectors skipped and an abbreviated word
    kept whole ("U.S. Geological Survey" → "USGS"); "" for one word or a name in another script."""
    words = [w.strip(",;:()\"'") for w in _words(mention)]
    if len(words) < 2 or not all(w.isascii() for w in words):
        return ""
    out = []
    for w in words:
        if w.casefold() in _CONNECTORS:
            continue
        if not w[:1].isupper():
            return ""
        letters = w.replace(".", "")
        out.append(letters if is_latin_abbreviation(w) else w[0])
    return "".join(out)


def abbreviation_of(full: str, short: str) -> bool:
    """Is `short` the initials of the multi-word name `full`, with or without an abbreviated country
    in front ("USGS" of "U.S. Geological Survey", "FBI" of "U.S. Federal Bureau of Investigation")?"""
    bare = short.strip().replace(".", "")
    if len(bare) < 2:
        return False
    words = _words(full)
    without_front = " ".join(words[1:]) if len(words) > 2 and is_latin_abbreviation(words[0]) else ""
    return bare in (initials_of(full), initials_of(without_front) if without_front else "")


_MIN_REORDERED = 3


def reordered_abbreviation_of(full: str, short: str) -> bool:
    """Is `short` the initials of `full` in another order: an abbreviation taken from the name in the
    organisation's own language, whose words stand in another order than the English ones ("MPLA" of
    "People's Movement for the Liberation of Angola", "UNITA", "FARC" of "Revolutionary Armed Forces of
    Colombia")? Three letters at least: two letters swapped say too little."""
    bare = short.strip().replace(".", "")
    initials = initials_of(full)
    return len(bare) >= _MIN_REORDERED and bare != initials and sorted(bare) == sorted(initials)


def abbreviation_pair(text: str, left: Span, right: Span) -> bool:
    """Does the text define one of two neighbouring organisation mentions as the other's
    abbreviation: "Full Name (ABBR)", "ABBR (Full Name)", or a full name in another script followed
    by a comma and a Latin abbreviation ("세계보건기구, WHO")?"""
    # a glued Korean or Hindi name before a Latin organisation abbreviation may be one the recogniser
    # typed a person ("앙골라인민해방운동(MPLA)"): the abbreviation says what it is
    mistyped = left.label == "PER" and right.label == "ORG"
    if (left.label not in ACTOR_LABELS and not mistyped) or right.label not in ACTOR_LABELS or right.start < left.end:
        return False
    a, b = text[left.start : left.end], text[right.start : right.end]
    gap = text[left.end : right.start]
    if re.fullmatch(r"\s*[(（]\s*", gap) and re.match(r"\s*[)）]", text[right.end : right.end + 3]):
        # one of the two is a single word and the other is longer: a name and its abbreviation
        # ("Seoul (Korea)" — two names of two words each or one word each — is not read as one)
        # ("Ministry of Defence (Russia)" names where, not the same organisation)
        short_right = len(_words(b)) == 1 and len(_words(a)) >= 2 and (is_latin_abbreviation(b) or not b.isascii())
        short_left = len(_words(a)) == 1 and len(_words(b)) >= 2 and is_latin_abbreviation(a)
        # Korean and Hindi write a full name as one word: "유럽우주국(ESA)" — across scripts, a Latin
        # abbreviation after a name in another script is its abbreviation even then
        cross_script = is_latin_abbreviation(b) and not a.isascii() and len(a.strip()) >= 3
        if mistyped:
            return cross_script and len(_words(a)) == 1
        return short_right or short_left or cross_script
    if mistyped:
        return False
    if re.fullmatch(r"\s*[,，、]\s*", gap):
        # only across scripts, and not inside a list: in English "UNICEF, WHO and ..." is two
        # organisations, as is "유엔아동기금, WHO 등"
        after = text[right.end : right.end + 4].lstrip()
        in_list = after.startswith((",", "，", "、", "등", "및", "와", "과"))
        return is_latin_abbreviation(b) and not a.isascii() and len(a.strip()) >= 3 and not in_list
    return False


_DEFINED = re.compile(r"\s*[(（]\s*(" + _LATIN_ABBREVIATION.pattern + r")\s*[)）]")


def defined_abbreviations(text: str, spans: list[Span]) -> list[Span]:
    """Latin abbreviations defined in parentheses right after an organisation's name that the
    recogniser left untagged ("세계보건기구 (WHO)가", "भारतीय अंतरिक्ष अनुसंधान संगठन (ISRO)"), as
    organisation spans, so `abbreviation_pair` can join the two and every later "WHO" with them."""
    taken = [(s.start, s.end) for s in spans]
    out = []
    for sp in spans:
        if sp.label != "ORG":
            continue
        m = _DEFINED.match(text, sp.end)
        if m is None or not is_latin_abbreviation(m.group(1)):
            continue
        start, end = m.start(1), m.end(1)
        if not any(a < end and start < b for a, b in taken):
            out.append(Span(start, end, "ORG"))
    return out

"""The edges of a recognised name in Latin letters: where it really starts and ends.

The recogniser cuts "Lai Ching-te" at the hyphen and "Akufo-Addo" before it, and takes in the words
around a name: "of the" after it, a Title Case headline's verb ("Obama Welcomed"), an article ("The
Naro Space Center"), where a firm is based ("Miami-based"). dossier.linking.mentions calls
`complete_word` on every span and `latin_edges` on the Latin ones before it types them.
"""

from __future__ import annotations

import re

from dossier.linking.lookup import KbIndex, mention_forms
from dossier.linking.names import kb_key
from dossier.model import Span
from dossier.text.scripts import is_latin

WORD = re.compile(r"\S+")  # a whitespace-separated word
_HYPHENS = "-‐‑"


def complete_word(text: str, start: int, end: int) -> int:
    """The end of a Latin or Cyrillic span cut inside a word ("Lai Ching-" of "Lai Ching-te", "Ching"
    before "-te"): moved to the word's end. Hangul is left alone, where a particle follows a name."""
    n = len(text)

    def letter(i: int) -> bool:
        return 0 <= i < n and text[i].isalpha() and ord(text[i]) < 0x530

    if end <= start:
        return end
    if text[end - 1] in _HYPHENS and letter(end):
        pass  # cut right after the hyphen
    elif end < n and text[end] in _HYPHENS and letter(end + 1) and text[end + 1].islower() and letter(end - 1):
        pass  # cut right before "-te"
    elif not (letter(end - 1) and letter(end)):
        return end
    while end < n and (letter(end) or (text[end] in _HYPHENS and letter(end + 1))):
        end += 1
    return end


def hyphenated_surname(text: str, start: int, end: int, ix: KbIndex) -> int:
    """The end of a person's span of two or more words cut before the capitalised second part of a
    hyphenated surname ("Dankwah Akufo" of "Dankwah Akufo-Addo", "Jane Smith" of "Jane Smith-Jones"):
    after it. One word is left alone, and so is a second part that is a known person: there the
    hyphen joins two people ("the Kim-Putin summit")."""
    m = re.match(rf"[{_HYPHENS}]([A-Z][a-z]+)\b", text[end:])
    if m is None or len(text[start:end].split()) < 2 or not text[end - 1 : end].isalpha():
        return end
    key = kb_key(m.group(1))
    if key in ix.full or key in ix.short or key in ix.family:
        return end
    return end + m.end()


def _trim_lowercase_tail(text: str, start: int, end: int, trailing: frozenset[str] = frozenset()) -> int:
    """"Ko Wen-je of the" → "Ko Wen-je": a Latin name never ends in lowercase words, nor in a
    weekday (`trailing_words`: "in Washington Tuesday as ...")."""
    tokens = list(WORD.finditer(text, start, end))
    while len(tokens) > 1 and is_latin(tokens[-1].group()) and (
            tokens[-1].group()[:1].islower() or tokens[-1].group().rstrip(",.;:") in trailing):
        tokens.pop()
    return tokens[-1].end() if tokens else end


def _is_headline(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


def _trim_headline_verb(text: str, start: int, end: int, context: str = "") -> int:
    """"Obama Welcomed in Vietnam" → "Obama", "Boeing Launches Astronauts" → "Boeing": in a title-cased
    headline the words after a name are capitalised too, and the recogniser takes them in. Cut the
    last words when the article also writes each of them in lower case (any of -s, -es, -ed, -ing:
    "launch", "astronauts") and the rest is written elsewhere while the whole is not — so "Theresa
    May" (written whole in the text) keeps "May". `context`: the whole article, when `text` is only its
    headline segment."""
    tokens = list(WORD.finditer(text, start, end))
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if len(tokens) < 2 or not _is_headline(text[line_start:line_end if line_end >= 0 else len(text)]):
        return end
    elsewhere = text[:start] + " " + text[end:] + "\n" + context.replace(text, " ", 1)

    def written(s: str) -> bool:
        return re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", elsewhere) is not None

    def written_lower(word: str) -> bool:
        stem = re.sub(r"(?:es|s|ed|ing)$", "", word.lower()) if len(word) > 5 else word.lower()
        return word.lower() != word and re.search(
            r"(?<!\w)" + re.escape(stem) + r"(?:s|es|ed|d|ing)?(?!\w)", elsewhere) is not None

    if written(text[start:end]):
        return end
    for k in range(len(tokens) - 1, 0, -1):  # the longest name first
        if written(text[start : tokens[k - 1].end()]) and all(written_lower(t.group()) for t in tokens[k:]):
            return tokens[k - 1].end()
    return end


def _drop_leading_determiner(text: str, start: int, end: int, lang: str, determiners: frozenset[str],
                             ix: KbIndex) -> int:
    """"The Naro Space Center" → "Naro Space Center": the article is not part of the name, unless
    the knowledge base lists the name with it ("The Hindu")."""
    tokens = list(WORD.finditer(text, start, end))
    if len(tokens) > 1 and tokens[0].group() in determiners and not any(
            f in ix.full for f in mention_forms(text[start:end], lang, ix)[:1]):
        return tokens[1].start()
    return start


def based_modifier(word: str) -> bool:
    """"Miami-based": where a firm or person is based, no part of its name (no gold PER or ORG span of
    the English NER files holds "-based"; 21 times a name follows one)."""
    return word.lower().endswith("-based")


def _drop_based_modifier(text: str, start: int, end: int) -> int:
    """"Miami-based National Hurricane Center" → "National Hurricane Center"."""
    tokens = list(WORD.finditer(text, start, end))
    if len(tokens) > 1 and based_modifier(tokens[0].group()):
        return tokens[1].start()
    return start


def latin_edges(text: str, span: Span, lang: str, context: str, trailing_words: frozenset[str],
                determiners: frozenset[str], ix: KbIndex) -> tuple[int, int]:
    """A Latin span's start and end with the words around a name that the recogniser took in cut off:
    lowercase tail words, a headline's verb, an article, "Miami-based"; a hyphenated surname made whole."""
    start, end = span.start, span.end
    # a club or paper may end in a weekday (Sheffield Wednesday, The Independent on Sunday: the 9 gold
    # spans ending in one on the English NER data are all ORG); a place or person never does
    end = _trim_lowercase_tail(text, start, end, trailing_words if span.label in ("LOC", "PER") else frozenset())
    if span.label in ("PER", "ORG"):
        end = _trim_headline_verb(text, start, end, context)
    if span.label == "PER":
        end = hyphenated_surname(text, start, end, ix)
    start = _drop_leading_determiner(text, start, end, lang, determiners, ix)
    if span.label in ("PER", "ORG"):
        start = _drop_based_modifier(text, start, end)
    return start, end

"""Language segments and sentences of one article.

A segment is a run of lines in one language. The script decides where it can (Hangul is Korean);
text in shared scripts (Latin, Cyrillic, Arabic, Devanagari) goes to the lingua language
identifier, whose models ship inside its PyPI wheel and run offline. A body segment that follows
another in a different language and shares its numbers and acronyms is marked as its translation
(``parallel_of``), which is how a Korean article followed by its English version comes out.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

import yaml

from dossier.config import DATA_DIR
from dossier.model import Segment, Sentence
from dossier.text.function_words import function_word_shares
from dossier.text.scripts import char_script

UNDETERMINED = "und"
# Lines with fewer letters than this carry too little signal; they join a neighbouring segment.
MIN_LETTERS_FOR_ID = 3
# A title is a short first line without sentence-final punctuation.
MAX_TITLE_CHARS = 160
# A keyword line: at least this many comma-separated short items.
MIN_KEYWORDS = 5
MAX_WORDS_PER_KEYWORD = 5

_SCRIPT_LANG = {"HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "THAI": "th", "HEBREW": "he",
                "GREEK": "el", "GEORGIAN": "ka", "ARMENIAN": "hy", "BENGALI": "bn", "TAMIL": "ta",
                "TELUGU": "te", "GUJARATI": "gu", "GURMUKHI": "pa", "KANNADA": "kn", "MALAYALAM": "ml"}


@dataclass
class _Line:
    start: int
    end: int
    lang: str
    kind: str  # body | title | keywords


# -- language identification -------------------------------------------------------------


def _script_of(ch: str) -> str:
    """scripts.char_script, except that kana stay HIRAGANA and KATAKANA: each counts on its own
    towards the two letters that make a short line Japanese."""
    script = char_script(ch)
    return unicodedata.name(ch).split(" ", 1)[0] if script == "KANA" else script


def script_profile(text: str) -> Counter[str]:
    """Letters per script (first word of the Unicode character name: LATIN, HANGUL, ...)."""
    return Counter(_script_of(ch) for ch in text if ch.isalpha())


# Lingua's low-accuracy mode loads instantly and is reliable from about this many letters up; the
# high-accuracy models take seconds to load, so they are used only for short lines that cannot
# take the language of a neighbouring line in the same script.
LOW_ACCURACY_MIN_LETTERS = 120
_LINGUA_SCRIPTS = ("LATIN", "CYRILLIC", "ARABIC", "DEVANAGARI")


@lru_cache(maxsize=1)
def _language_rules() -> dict:
    with open(DATA_DIR / "lang" / "languages.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _candidates() -> dict[str, list[str]]:
    return _language_rules()["candidates"]


@cache
def _detector(script: str, precise: bool):  # -> lingua.LanguageDetector
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in _candidates()[script] if hasattr(IsoCode639_1, c.upper())]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    return builder.build() if precise else builder.with_low_accuracy_mode().build()


def dominant_script(text: str) -> str:
    profile = script_profile(text)
    return profile.most_common(1)[0][0] if profile else ""


def identify_language(text: str, *, allow_short: bool = True) -> str:
    """ISO 639-1 code of ``text``'s language, or ``und`` when there is too little to tell.

    With ``allow_short=False`` a short text in a script shared by many languages returns ``und``
    so the caller can take the language from its context instead of a shaky guess.
    """
    profile = script_profile(text)
    total = sum(profile.values())
    if total < MIN_LETTERS_FOR_ID:
        return UNDETERMINED
    script, _ = profile.most_common(1)[0]
    if total < LOW_ACCURACY_MIN_LETTERS:
        # In a short mixed line ("VOA 뉴스") Latin letters are usually acronyms or names, while
        # letters of a one-language script say which language the line is in.
        own = [sc for sc in profile if sc in _SCRIPT_LANG and profile[sc] >= 2]
        if own:
            script = max(own, key=lambda sc: profile[sc])
    if script == "HAN":
        # Kana anywhere means Japanese; Hangul mixed with Hanja is Korean.
        if profile["HIRAGANA"] or profile["KATAKANA"]:
            return "ja"
        return "ko" if profile["HANGUL"] else "zh"
    if script in _SCRIPT_LANG:
        return _SCRIPT_LANG[script]
    if script in _LINGUA_SCRIPTS:
        long_enough = total >= LOW_ACCURACY_MIN_LETTERS
        if not long_enough and not allow_short:
            return UNDETERMINED
        detector = _detector(script, not long_enough)
        if long_enough:
            confidences = _confidences(detector, [text])
        else:
            confidences = _confidences(detector, list({text, _without_names(text)}))
        return _prefer_model_language(script, text, confidences)
    return UNDETERMINED


def _confidences(detector, samples: list[str]) -> dict[str, float]:
    """lingua's confidence per language (0-1), averaged over the samples.

    Short text: the text with and without its capitalised words: the names carry the spelling, the
    rest the grammar words; either alone misleads on a short line."""
    scores: dict[str, float] = {}
    for sample in samples:
        for c in detector.compute_language_confidence_values(sample):
            lang = c.language.iso_code_639_1.name.lower()
            scores[lang] = scores.get(lang, 0.0) + c.value / len(samples)
    return scores


def _prefer_model_language(script: str, text: str, confidences: dict[str, float]) -> str:
    """The language of a line in a shared script: one Dossier has models for unless the evidence
    for another is strong (data/lang/languages.yaml says what strong means)."""
    rules = _language_rules()
    preferred = [lang for lang in rules["preferred"] if lang in _candidates()[script]]
    siblings = tuple(rules["function_word_languages"].get(script, ()))
    shares = function_word_shares(text, siblings) if siblings else {}

    def strong_words(lang: str) -> bool:
        """Its own function words are frequent and outnumber each sibling's."""
        rivals = [share for other, share in shares.items() if other != lang]
        return shares.get(lang, 0.0) >= rules["min_function_word_share"] and all(
            shares[lang] > rules["function_word_ratio"] * r for r in rivals)

    # A sibling lingua has no model for (Nepali) is known by its function words alone.
    for lang in siblings:
        if lang not in confidences and lang not in preferred and strong_words(lang):
            return lang
    if not confidences or max(confidences.values()) <= 0:
        return UNDETERMINED
    top = max(confidences, key=confidences.get)
    if top in preferred or not preferred:
        return top
    fallback = max(preferred, key=lambda lang: confidences.get(lang, 0.0))
    if confidences[top] - confidences.get(fallback, 0.0) < rules["min_confidence_gap"]:
        return fallback
    if top in siblings and shares[top] < shares.get(fallback, 0.0):
        return fallback  # the grammar words do not side with the other language
    return top


_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZА-ЯЁ][\w'’-]*")


def _without_names(text: str) -> str:
    """Short text without its capitalised words: in "Kim Jong Un met Vladimir Putin on the 13th"
    the names outweigh the few function words that tell the language. Kept whole when too little
    would remain."""
    stripped = _CAPITALISED.sub(" ", text.strip())
    return stripped if sum(ch.isalpha() for ch in stripped) >= MIN_LETTERS_FOR_ID * 3 else text


# -- segments -----------------------------------------------------------------------------


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, trimmed of surrounding whitespace."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        chunk = m.group()
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        out.append((m.start() + lead, m.start() + lead + len(stripped)))
    return out


def _is_keyword_line(line: str) -> bool:
    items = [i.strip() for i in re.split(r"[,、，;]", line)]
    if len(items) < MIN_KEYWORDS or not all(items):
        return False
    if line.rstrip()[-1:] in ".!?।。":
        return False
    return all(len(i.split()) <= MAX_WORDS_PER_KEYWORD for i in items)


def _is_title_line(line: str, has_more: bool) -> bool:
    return has_more and len(line) <= MAX_TITLE_CHARS and line.rstrip()[-1:] not in ".!?।。:;,"


def segment(text: str, lang_hint: str | None = None) -> list[Segment]:
    """Language segments of ``text``, in order; offsets into ``text``."""
    spans = _lines(text)
    if not spans:
        return []
    lines: list[_Line] = []
    for i, (start, end) in enumerate(spans):
        chunk = text[start:end]
        kind = "body"
        if _is_keyword_line(chunk):
            kind = "keywords"
        elif i == 0 and _is_title_line(chunk, has_more=len(spans) > 1):
            kind = "title"
        lines.append(_Line(start, end, identify_language(chunk, allow_short=False), kind))
    _fill_undetermined(text, lines, lang_hint)

    segments: list[Segment] = []
    for line in lines:
        last = segments[-1] if segments else None
        if last and last.lang == line.lang and last.kind == line.kind == "body":
            last.end = line.end
        else:
            segments.append(Segment(start=line.start, end=line.end, lang=line.lang, kind=line.kind))
    _mark_parallel(text, segments)
    return segments


def _fill_undetermined(text: str, lines: list[_Line], lang_hint: str | None) -> None:
    """Short lines take the language of the nearest line in the same script (previous first);
    only a short line with no such neighbour is identified on its own."""
    scripts = [dominant_script(text[ln.start:ln.end]) for ln in lines]
    for i, ln in enumerate(lines):
        if ln.lang != UNDETERMINED:
            continue
        order = list(range(i - 1, -1, -1)) + list(range(i + 1, len(lines)))
        for j in order:
            if lines[j].lang != UNDETERMINED and scripts[j] == scripts[i] and scripts[i]:
                ln.lang = lines[j].lang
                break
        else:
            ln.lang = identify_language(text[ln.start:ln.end])
    # Lines with (almost) no letters: numbers, bullets, "* * *" — join the previous line.
    previous = lang_hint or UNDETERMINED
    for ln in lines:
        if ln.lang == UNDETERMINED:
            ln.lang = previous
        previous = ln.lang


_ANCHOR = re.compile(r"\d+|\b[A-Z]{2,}\b")
# Two segments whose anchors (numbers, acronyms) overlap this much are a text and its translation.
MIN_ANCHOR_JACCARD = 0.5
MIN_SHARED_ANCHORS = 3


def _anchors(text: str) -> set[str]:
    return {a.lstrip("0") or "0" for a in _ANCHOR.findall(text)}


def _mark_parallel(text: str, segments: list[Segment]) -> None:
    body = [i for i, s in enumerate(segments) if s.kind == "body"]
    for a, b in itertools.pairwise(body):
        first, second = segments[a], segments[b]
        if first.lang == second.lang or first.parallel_of is not None:
            continue
        left, right = _anchors(text[first.start:first.end]), _anchors(text[second.start:second.end])
        shared = left & right
        if len(shared) < MIN_SHARED_ANCHORS:
            continue
        lines_a = text[first.start:first.end].count("\n") + 1
        lines_b = text[second.start:second.end].count("\n") + 1
        if len(shared) / len(left | right) >= MIN_ANCHOR_JACCARD and 0.5 <= lines_a / lines_b <= 2:
            second.parallel_of = a


# -- sentences ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _sentence_rules() -> dict:
    with open(DATA_DIR / "lang" / "sentences.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(_sentence_rules()["abbreviations"].get(lang, []))


def sentences(text: str, segments: list[Segment]) -> list[Sentence]:
    """Sentences inside each segment. A line break always ends a sentence."""
    rules = _sentence_rules()
    terminators, closers = rules["terminators"], rules["closers"]
    out: list[Sentence] = []
    for seg_idx, seg in enumerate(segments):
        abbreviations = _abbreviations(seg.lang)
        for line_start, line_end in _lines(text[seg.start:seg.end]):
            start, end = seg.start + line_start, seg.start + line_end
            sent_start = start
            i = start
            while i < end:
                ch = text[i]
                if ch in terminators:
                    j = i + 1
                    while j < end and text[j] in closers:
                        j += 1
                    if j < end and text[j].isspace() and not _is_abbreviation(text, sent_start, i, ch, abbreviations):
                        out.append(Sentence(sent_start, j, seg_idx))
                        while j < end and text[j].isspace():
                            j += 1
                        sent_start = j
                        i = j
                        continue
                i += 1
            if sent_start < end:
                out.append(Sentence(sent_start, end, seg_idx))
    return out


def _is_abbreviation(text: str, sent_start: int, dot: int, ch: str, abbreviations: frozenset[str]) -> bool:
    if ch != ".":
        return False
    m = re.search(r"([\w.]+)$", text[sent_start:dot])
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "John F. Kirby"
    return word.lower().rstrip(".") in abbreviations

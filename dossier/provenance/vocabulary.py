"""The per-language vocabulary of reporting, read from data/provenance/<lang>.yaml: reporting
verbs, citation and relay markers, subject markers, anonymous-source and media phrases, demonyms,
anaphors ("the newspaper", "통신"), whole-article credit patterns. Each list becomes a compiled
pattern with the word boundaries of its script; the code that reads sentences knows only their
shape, never a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from dossier import config
from dossier.text.scripts import HANGUL_CLASS, NUKTA, fold_nukta

LEXICON_DIR = config.DATA_DIR / "provenance"
LANGS = ("en", "ko", "hi")

# Devanagari letters and signs: the block without the danda । ॥ that end sentences.
DEVANAGARI_WORD_CLASS = "\u0900-\u0963\u0966-\u097f"


@dataclass
class Lexicon:
    """The compiled vocabulary of one language, as lexicon() reads it."""

    lang: str
    verb_final: bool
    speech: re.Pattern | None
    cite_verbs: re.Pattern | None
    cite_after: re.Pattern | None
    cite_before: re.Pattern | None
    reported_by: re.Pattern | None
    topic: tuple[str, ...]
    nominative: tuple[str, ...]
    genitive: tuple[str, ...]
    recipient: tuple[str, ...]
    negations: tuple[str, ...]
    quotatives: tuple[str, ...]
    relays: tuple[str, ...]
    recipient_anywhere: tuple[str, ...]
    not_recipient: tuple[str, ...]
    interview: re.Pattern | None
    sibling_endings: tuple[str, ...]
    marker_prefixes: tuple[str, ...]
    not_followed_by: tuple[str, ...]
    needs_content: frozenset[str]
    as_saying: re.Pattern | None
    anonymous: re.Pattern | None
    media: re.Pattern | None
    documents: re.Pattern | None
    np_words: re.Pattern | None
    official_words: tuple[str, ...]
    outlet_nouns: re.Pattern | None
    conjunctions: re.Pattern | None
    coordinators: tuple[str, ...]
    demonyms: dict[str, str | None]
    demonym_re: re.Pattern | None
    anaphors: dict[str, dict]
    anaphor_re: re.Pattern | None
    notes: list[re.Pattern]
    kb_kinds: dict[str, tuple[str, ...]]


def boundaries(lang: str, *, left: bool = True, right: bool = True) -> tuple[str, str]:
    """Word boundaries per script. Korean particles attach to nouns, so nouns have no right
    boundary; a Korean verb must start a word."""
    if lang == "ko":
        lb = rf"(?<![{HANGUL_CLASS}A-Za-z0-9])" if left else ""
        return lb, ""
    if lang == "hi":
        return ((rf"(?<![{DEVANAGARI_WORD_CLASS}])" if left else ""),
                (rf"(?![{DEVANAGARI_WORD_CLASS}])" if right else ""))
    return (r"(?<![\w])" if left else ""), (r"(?![\w])" if right else "")


def norm_key(s: str) -> str:
    """Lookup key of a matched phrase: single spaces, no nukta."""
    return fold_nukta(re.sub(r"\s+", " ", s))


def _word_pattern(word: str, lang: str) -> str:
    """A phrase as a regex: any run of spaces matches one space; in Hindi a consonant may carry a
    nukta or not (अखबार / अख़बार are the same word, spelled both ways)."""
    out = []
    for ch in word:
        if ch == " ":
            out.append(r"\s+")
        elif ch == NUKTA:
            continue
        elif lang == "hi" and "\u0915" <= ch <= "\u0939":
            out.append(re.escape(ch) + NUKTA + "?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _phrases(words, lang: str, *, left: bool = True, right: bool = True, flags: int = 0) -> re.Pattern | None:
    words = [str(w) for w in words or [] if str(w)]
    if not words:
        return None
    lb, rb = boundaries(lang, left=left, right=right)
    alts = "|".join(_word_pattern(w, lang) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(f"{lb}(?:{alts}){rb}", flags)


@lru_cache(maxsize=8)
def lexicon(lang: str) -> Lexicon:
    """The vocabulary of one language (data/provenance/<lang>.yaml); English for unknown languages."""
    path = LEXICON_DIR / f"{lang}.yaml"
    if not path.exists():
        path = LEXICON_DIR / "en.yaml"
        lang = "en"
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    en_kinds = raw.get("kb_kinds")
    if en_kinds is None and lang != "en":
        en_kinds = (yaml.safe_load((LEXICON_DIR / "en.yaml").read_text(encoding="utf-8")) or {}).get(
            "kb_kinds"
        )
    ci = re.IGNORECASE if lang == "en" else 0
    markers = raw.get("subject_markers") or {}
    noun_left = lang != "ko"  # Korean nouns compound without spaces (부대변인, 조선중앙통신)
    demonyms = {norm_key(str(k)): v for k, v in (raw.get("demonyms") or {}).items()}
    anaphors = {norm_key(str(k)): dict(v or {}) for k, v in (raw.get("anaphors") or {}).items()}
    return Lexicon(
        lang=lang,
        verb_final=raw.get("clause_order") == "verb_final",
        speech=_phrases(raw.get("speech_verbs"), lang, right=lang != "ko", flags=ci),
        cite_verbs=_phrases(raw.get("cite_verbs"), lang, flags=ci),
        cite_after=_phrases(raw.get("cite_after"), lang, flags=ci),
        cite_before=_phrases(raw.get("cite_before"), lang, left=False),
        reported_by=_phrases(raw.get("reported_by"), lang, flags=ci),
        topic=tuple(markers.get("topic") or ()),
        nominative=tuple(markers.get("nominative") or ()),
        genitive=tuple(markers.get("genitive") or ()),
        recipient=tuple(str(r) for r in raw.get("recipient") or ()),
        negations=tuple(str(n) for n in raw.get("negations") or ()),
        quotatives=tuple(str(q) for q in raw.get("quotatives") or ()),
        recipient_anywhere=tuple(str(q) for q in raw.get("recipient_anywhere") or ()),
        not_recipient=tuple(str(q) for q in raw.get("not_recipient") or ()),
        relays=tuple(re.sub(r"\s+", " ", str(q)).casefold() for q in raw.get("relays") or ()),
        interview=_phrases(raw.get("interview"), lang, left=False),
        sibling_endings=tuple(str(q) for q in raw.get("sibling_endings") or ()),
        marker_prefixes=tuple(str(q) for q in raw.get("before_subject_marker") or ()),
        not_followed_by=tuple(str(q).casefold() for q in raw.get("not_followed_by") or ()),
        needs_content=frozenset(str(q).casefold() for q in raw.get("needs_content") or ()),
        as_saying=_phrases(raw.get("as_saying"), lang, flags=ci),
        anonymous=_phrases(raw.get("anonymous"), lang, left=noun_left, right=lang != "ko", flags=ci),
        media=_phrases(raw.get("media"), lang, left=noun_left, right=lang != "ko", flags=ci),
        documents=_phrases(raw.get("documents"), lang, left=noun_left, right=lang != "ko", flags=ci),
        np_words=_phrases(raw.get("np_words"), lang, left=noun_left, right=lang != "ko", flags=ci),
        official_words=tuple(str(w).casefold() for w in raw.get("official_words") or ()),
        outlet_nouns=_phrases(raw.get("outlet_nouns"), lang, left=noun_left, right=lang != "ko", flags=ci),
        conjunctions=_phrases(raw.get("conjunctions"), lang, left=lang != "ko"),
        coordinators=tuple(str(c) for c in raw.get("coordinators") or ()),
        demonyms=demonyms,
        demonym_re=_phrases(list(demonyms), lang, right=lang != "ko"),
        anaphors=anaphors,
        anaphor_re=_phrases(list(anaphors), lang, left=True, right=lang != "ko"),
        notes=[re.compile(p, re.MULTILINE) for p in raw.get("article_notes") or ()],
        kb_kinds={k: tuple(str(w).casefold() for w in v or ()) for k, v in (en_kinds or {}).items()},
    )

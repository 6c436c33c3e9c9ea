"""Function-word evidence for telling sibling languages of one script apart (Hindi, Marathi, Nepali).

lingua alone calls some real Hindi sentences Marathi with high confidence (and has no Nepali model),
so the identifier also looks at the grammar words: the words of spaCy's stop-word list of one language
that the lists of its siblings (data/lang/languages.yaml `function_word_languages`) do not also hold.
A Nepali line is full of हरू, लाई, छ; a Marathi one of आहे, आणि, या; a Hindi one of है, की, और.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache


@lru_cache(maxsize=8)
def exclusive_function_words(languages: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Per language: its spaCy stop words that no other language in `languages` lists."""
    lists: dict[str, frozenset[str]] = {}
    for lang in languages:
        try:
            lists[lang] = frozenset(importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
        except (ImportError, AttributeError):  # no list for this language: it gets no evidence
            lists[lang] = frozenset()
    return {lang: words - frozenset().union(*(w for o, w in lists.items() if o != lang))
            for lang, words in lists.items()}


def words(text: str) -> list[str]:
    """Words of a line, Devanagari vowel signs and viramas kept inside the word."""
    return [w.lower() for w in re.findall(r"[\w\u0900-\u0963\u0966-\u097f\u200c\u200d]+", text)
            if not w.isdigit()]


def function_word_shares(text: str, languages: tuple[str, ...]) -> dict[str, float]:
    """Share of the line's words that are function words of each language alone (0-1)."""
    toks = words(text)
    if not toks:
        return dict.fromkeys(languages, 0.0)
    lists = exclusive_function_words(languages)
    return {lang: sum(t in lists[lang] for t in toks) / len(toks) for lang in languages}

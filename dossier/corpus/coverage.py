"""Which stages of the analysis a language gets, so the app can say what is missing for an article.

People and organisations come from a trained NER model where the language has one (data/models);
otherwise only the knowledge base's names are found (data/kb). Dates need the language's rules
(data/timex/<lang>.yaml); events need its trigger table (data/events/event_types.yaml). Places come
from the gazetteer in every language (names in every script, no model needed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import yaml

from dossier.config import DATA_DIR
from dossier.ner.recognise import has_model
from dossier.timex.rules import available_languages as timex_languages

UNDETERMINED = "und"


@dataclass(frozen=True)
class Coverage:
    lang: str
    ran: tuple[str, ...]  # what was extracted, as the analyst reads it
    missing: tuple[str, ...]  # what could not be, and why

    def note(self) -> str:
        """One line for the article's notes: "zh: no NER model for zh: people and organisations
        only from the knowledge base; no date rules for zh: dates not extracted"."""
        return f"{self.lang}: " + "; ".join(self.missing)


@lru_cache(maxsize=1)
def _event_languages() -> frozenset[str]:
    with open(DATA_DIR / "events" / "event_types.yaml", encoding="utf-8") as fh:
        return frozenset((yaml.safe_load(fh).get("languages") or {}).keys())


def coverage(lang: str) -> Coverage:
    ran = ["places (gazetteer)"]
    missing = []
    if has_model(lang):
        ran.append("people and organisations (NER model and knowledge base)")
    else:
        ran.append("people and organisations from the knowledge base")
        missing.append(f"no NER model for {lang}: people and organisations only from the knowledge base")
    if lang in timex_languages():
        ran.append("dates")
    else:
        missing.append(f"no date rules for {lang}: dates not extracted")
    if lang in _event_languages():
        ran.append("events")
    else:
        missing.append(f"no event triggers for {lang}: events not extracted")
    return Coverage(lang, tuple(ran), tuple(missing))


def article_coverage(langs: Iterable[str]) -> list[Coverage]:
    """Coverage of each language of an article that misses something, in first-seen order."""
    seen: list[str] = []
    for lang in langs:
        if lang and lang != UNDETERMINED and lang not in seen:
            seen.append(lang)
    return [c for c in map(coverage, seen) if c.missing]

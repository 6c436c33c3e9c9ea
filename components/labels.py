"""Human words for codes the store speaks: language names, segment roles, dates.

Pure functions (no Streamlit) so pages, charts and tests all say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from babel import Locale

from dossier.model import Segment


@lru_cache(maxsize=256)
def language_name(code: str) -> str:
    """``ko`` -> ``Korean``; an unknown code is shown as itself rather than guessed."""
    name = Locale("en").languages.get(code)
    if not name or code in ("und", "zxx"):
        return "unknown language" if code in ("und", "", "zxx") else code
    return name


def language_label(code: str, count: int | None = None) -> str:
    """``ko`` -> ``Korean (ko)``, with a count when given: ``Korean (ko) · 3``."""
    name = language_name(code)
    base = f"{name} ({code})" if name != code else code
    return base if count is None else f"{base} · {count}"


def segment_label(index: int, segments: Sequence[Segment]) -> str:
    """What a segment is, in words: ``Korean body``, ``English (translation of segment 1)``,
    ``keywords (Korean)``. Segment numbers shown to people start at 1."""
    seg = segments[index]
    lang = language_name(seg.lang)
    if seg.parallel_of is not None:
        return f"{lang} (translation of segment {seg.parallel_of + 1})"
    if seg.kind == "keywords":
        return f"keywords ({lang})"
    if seg.kind == "title":
        return f"{lang} title"
    return f"{lang} {seg.kind}"


def published_label(published: str | None) -> str:
    return published if published else "undated"

"""What Dossier could not extract from an article, per language (no NER model, no date rules ...)."""

from __future__ import annotations

import streamlit as st

from dossier.corpus.coverage import article_coverage
from dossier.store.rows import ArticleDetail


def coverage_lines(article: ArticleDetail | None) -> list[str]:
    """One line per language of the article that misses a stage; none when everything ran."""
    if article is None:
        return []
    return [c.note() for c in article_coverage(s.lang for s in article.segments)]


def render_coverage_note(article: ArticleDetail | None) -> None:
    lines = coverage_lines(article)
    if lines:
        st.info("Not everything could be extracted from this article:\n\n"
                + "\n".join(f"- {line}" for line in lines), icon=":material/info:")

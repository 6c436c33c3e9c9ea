"""Whole-article sources: the article's own outlet when it signs off on a line of its own
("VOA 뉴스"), and the outlets a whole-article credit names ("*이 기사는 AFP통신을 참조했습니다",
"Reuters contributed reporting"). Both head every chain of the article.
"""

from __future__ import annotations

from dossier.model import Entity
from dossier.provenance.links import KIND_OUTLET, ROLE_NOTE, ROLE_PUBLISHER, Link
from dossier.provenance.outlets import KB_ON, canonical_name, with_outlets
from dossier.provenance.vocabulary import lexicon

SIGN_OFF_MAX = 40  # chars: a line this short naming only an outlet is the article's sign-off


def publisher(text: str, lang: str, entities: list[Entity], *, use_kb: bool = True) -> Link | None:
    """The article's own outlet when it signs off on a line of its own ("VOA 뉴스")."""
    token = KB_ON.set(use_kb)
    try:
        return read_publisher(text, lang, entities, use_kb)
    finally:
        KB_ON.reset(token)


def read_publisher(text: str, lang: str, entities: list[Entity], use_kb: bool) -> Link | None:
    """publisher() for a caller that has set KB_ON already (chains() does)."""
    ents = list(entities)
    if use_kb:
        pos = 0
        for line in text.splitlines(keepends=True):
            if 0 < len(line.strip()) <= SIGN_OFF_MAX:
                ents = with_outlets(text, lang, ents, True, pos, pos + len(line))
            pos += len(line)
    for e in reversed(ents):
        if not (e.entity_id or "").startswith("outlet:"):
            continue
        line_start = text.rfind("\n", 0, e.start) + 1
        line_end = text.find("\n", e.end)
        line_end = len(text) if line_end < 0 else line_end
        rest = (text[line_start : e.start] + text[e.end : line_end]).strip(" \t*-—–·|")
        if not rest:
            return Link(
                e.text, e.start, e.end, KIND_OUTLET, e.entity_id, canonical_name(e), role=ROLE_PUBLISHER
            )
    return None


def article_attribution(text: str, lang: str, entities: list[Entity], *, use_kb: bool = True) -> list[Link]:
    """Outlets a whole article draws on ("*이 기사는 AFP통신을 참조했습니다", "Reuters contributed
    reporting"). Only outlets count: a credit naming the article's own reporters is not a source."""
    token = KB_ON.set(use_kb)
    try:
        return read_article_attribution(text, lang, entities, use_kb)
    finally:
        KB_ON.reset(token)


def read_article_attribution(text: str, lang: str, entities: list[Entity], use_kb: bool) -> list[Link]:
    """article_attribution() for a caller that has set KB_ON already (chains() does)."""
    lex = lexicon(lang)
    out: list[Link] = []
    seen: set[str] = set()
    for rx in lex.notes:
        for m in rx.finditer(text):
            a, b = m.span("src")
            ents = entities
            if not any(
                e.start >= a and e.end <= b and (e.entity_id or "").startswith("outlet:") for e in entities
            ):
                ents = with_outlets(text, lang, entities, use_kb, a, b)
            for e in ents:
                if (
                    e.start >= a
                    and e.end <= b
                    and (e.entity_id or "").startswith("outlet:")
                    and e.entity_id not in seen
                ):
                    seen.add(e.entity_id)
                    out.append(
                        Link(
                            e.text,
                            e.start,
                            e.end,
                            KIND_OUTLET,
                            e.entity_id,
                            canonical_name(e),
                            cue=m.group(0).strip(),
                            cue_start=m.start(),
                            cue_end=m.end(),
                            role=ROLE_NOTE,
                        )
                    )
    return out

"""From a noun phrase to its source: which tokens of the phrase are the source(s), what body or
country they belong to (affiliation), and the Link made of them. An anaphor ("the newspaper",
"he") resolves to the latest fitting source read before it, or to an unnamed one.
"""

from __future__ import annotations

import re

from dossier.provenance.links import (
    KIND_ANONYMOUS,
    KIND_DOCUMENT,
    KIND_OFFICIAL,
    KIND_OUTLET,
    KIND_PERSON,
    Link,
)
from dossier.provenance.outlets import canonical_name, outlet_kind
from dossier.provenance.units import Token, Unit


def is_possessive(unit: Unit, t: Token) -> bool:
    nxt = unit.text[t.end : t.end + 3].lstrip()  # tokenised text writes "Levrentyeva 's"
    return nxt.startswith(("'s", "’s"))


def after_preposition(unit: Unit, t: Token) -> bool:
    before = unit.text[max(unit.start, t.start - 9) : t.start].casefold()
    return bool(re.search(r"(?:\bfor|\bof|\bat|\bfrom)\s+(?:the\s+)?$", before))


def pick_sources(unit: Unit, items: list[Token], *, cited: bool = False) -> tuple[list[Token], Token | None]:
    """Which tokens of a noun phrase are the source(s), and what they belong to (affiliation).
    `items` are in text order. A person is the head over the body they speak for; a country is an
    affiliation unless nothing else is there; coordination ("A and B said") gives several."""
    lex = unit.lex
    if not cited and not lex.verb_final and items and items[-1].type == "conj":
        return [], None  # "Yomiuri cited a NYT report and said": "said" shares the subject of "cited"
    sources = [
        t
        for t in items
        if t.type in ("source", "anonymous", "media", "anaphor") or (cited and t.type == "document")
    ]
    if any(t.type != "anaphor" for t in sources):
        # "타스 통신이": the outlet noun is part of the name, not a reference back
        sources = [t for t in sources if t.type != "anaphor"]
    if not sources:
        return [], None
    countries = [
        t
        for t in sources
        if t.type == "source" and (t.entity and (t.entity.entity_id or "").startswith("country:"))
    ]
    affil_candidates = [t for t in items if t.type == "demonym" and t.country] + countries
    non_country = [t for t in sources if t not in countries]
    if cited and any(t.type != "document" for t in non_country):
        non_country = [t for t in non_country if t.type != "document"]
    has_conj = any(t.type == "conj" for t in items)
    if has_conj and len(non_country) > 1:
        heads = [t for t in non_country if not is_possessive(unit, t)]
        return heads, (affil_candidates[0] if affil_candidates else None)
    pool = non_country or countries
    pool = [t for t in pool if not is_possessive(unit, t)] or pool
    # "NHK 등 일본 언론", "Japanese media, including NHK": the named outlet over the generic word
    pool = [t for t in pool if t.type != "media"] or pool
    if cited and not lex.verb_final:
        head = pool[0]  # "according to KCNA, Chairman Kim …": the source is what the marker governs
        return [head], affiliation_of(unit, head, items, affil_candidates)
    persons = [t for t in pool if t.kind in (KIND_PERSON, KIND_OFFICIAL)]
    if lex.verb_final:
        head = persons[-1] if persons else pool[-1]
    elif persons:
        head = persons[0]
    else:
        free = [t for t in pool if not after_preposition(unit, t)]
        head = (free or pool)[-1]
    return [head], affiliation_of(unit, head, items, affil_candidates)


def affiliation_of(
    unit: Unit, head: Token, items: list[Token], affil_candidates: list[Token]
) -> Token | None:
    """The body or country a person, unnamed source or outlet belongs to, named in its phrase."""
    if head.kind not in (KIND_PERSON, KIND_OFFICIAL, KIND_ANONYMOUS, KIND_OUTLET):
        return None
    orgs = [
        t
        for t in items
        if t is not head
        and t.type == "source"
        and t.entity is not None
        and t.kind not in (KIND_PERSON, KIND_OFFICIAL, KIND_OUTLET)
        and not (t.entity.entity_id or "").startswith("country:")
    ]
    if orgs and head.kind != KIND_OUTLET:
        return orgs[-1] if unit.lex.verb_final else orgs[0]
    return affil_candidates[0] if affil_candidates else None


def link_for(
    unit: Unit,
    head: Token,
    affil: Token | None,
    run: list[Token],
    cue: re.Match | tuple[int, int, str],
    recent: list[Link],
) -> Link | None:
    """A Link for one source token (an anaphor resolves to the latest fitting source, or to nothing)."""
    text = unit.text
    if isinstance(cue, tuple):
        c_start, c_end, c_text = cue
    else:
        c_start, c_end, c_text = cue.start(), cue.end(), cue.group(0)
    affiliation = None
    if affil is not None:
        affiliation = (
            affil.country if affil.type == "demonym" else (affil.entity.entity_id if affil.entity else None)
        )

    def _unnamed(start: int, end: int, kind: str, affil_id: str | None) -> Link:
        # a source known only by its words ("officials", "the newspaper", "a report"): no identity
        return Link(text[start:end], start, end, kind, None, None, affil_id, c_text, c_start, c_end,
                    named=False)

    if head.type == "anaphor":
        want = head.anaphor.get("resolve")
        kind_contains = str(head.anaphor.get("kind_contains") or "").casefold()
        def _referring_back(prev: Link) -> Link:
            # the anaphor's own words and offsets, the identity of the source it refers back to
            return Link(text[head.start : head.end], head.start, head.end, prev.kind, prev.entity_id,
                        prev.canonical, prev.affiliation, c_text, c_start, c_end)

        if want == "person":
            # "he said" reads back to the last source only: a pronoun after "the NYT continued"
            # is the NYT's garbled translation, not a person named three sentences earlier
            for prev in reversed(recent):
                if prev.kind == KIND_DOCUMENT:
                    continue
                if prev.kind in (KIND_PERSON, KIND_OFFICIAL) and prev.named:
                    return _referring_back(prev)
                return None
            return None
        for prev in reversed(recent):
            if want == "outlet" and prev.kind != KIND_OUTLET:
                continue
            if want == "person" and prev.kind not in (KIND_PERSON, KIND_OFFICIAL):
                continue
            if not prev.named:
                continue
            if (
                kind_contains
                and prev.entity_id
                and kind_contains not in outlet_kind(prev.entity_id).casefold()
            ) and outlet_kind(prev.entity_id):
                continue
            return _referring_back(prev)
        # "अख़बार के अनुसार" with no newspaper named before: an outlet all the same, unnamed
        kind = str(head.anaphor.get("unresolved") or KIND_OUTLET)
        return _unnamed(head.start, head.end, kind, None)
    if head.type in ("anonymous", "media"):
        # an unnamed source's span takes the modifiers right before it ("अज्ञात दक्षिण कोरियाई
        # सरकारी सूत्रों", "미국 관리들"), not a coordinated name ("योनहाप … और कुछ अन्य मीडिया")
        span_start = head.start
        for t in sorted((t for t in run if t.end <= head.start), key=lambda t: t.start, reverse=True):
            country = t.type == "source" and (t.entity.entity_id or "").startswith("country:")
            if t.type in ("demonym", "word") or country:
                span_start = t.start
            else:
                break
        return _unnamed(span_start, head.end, head.kind, affiliation)
    if head.type == "document":
        return _unnamed(head.start, head.end, KIND_DOCUMENT, affiliation)
    e = head.entity
    kind = head.kind
    eid = e.entity_id if e.entity_id and not e.entity_id.startswith("x:") else None
    if kind == KIND_PERSON:
        words = [text[t.start : t.end].casefold() for t in run if t.type == "word"]
        if any(any(ow == w or ow in w for ow in unit.lex.official_words) for w in words):
            kind = KIND_OFFICIAL
    return Link(
        e.text,
        e.start,
        e.end,
        kind,
        eid or e.entity_id,
        canonical_name(e),
        affiliation,
        c_text,
        c_start,
        c_end,
    )

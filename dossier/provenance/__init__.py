"""Reporting chains: who says it, citing whom.

A chain is the path a statement travelled, from the outlet that published the sentence back to the
origin: "Reuters ← Yonhap ← South Korea's NIS". Links are read from the sentence with the
per-language vocabulary in data/provenance/<lang>.yaml (reporting verbs, citation markers,
anonymous-source phrases, whole-article credits); the code only knows sentence shape:

- quotes nest: a speaker inside a quotation is cited by whoever the quotation is attributed to;
- in a verb-final language (Korean, Hindi) the last reporting verb of a clause is the main one
  ("…말했다고 연합뉴스가 보도했다”고 밝혔다"), in English the first speaker is the outer one;
- a citation marker ("citing", "인용해", "के हवाले से") hangs its source under the speaker of its
  clause; a relay marker before the speaker ("according to X, Y said", "경찰에 따르면 A 씨는 …
  주장했다", "अख़बार के अनुसार … ने घोषणा की") puts its source above that speaker;
- unnamed sources ("officials", "관계자", "सूत्रों") are links of kind "anonymous", with the country
  or body named next to them as their affiliation.

Public functions: chains(), article_attribution(), publisher(), source_id() read an article;
independence(), independent_count(), supports_for(), origin_key() compare chains.

`independence()` groups the chains that support one claim by their origin, so that "Reuters citing
the NYT" and "the NYT" are one confirmation. It errs towards fewer independent confirmations: an
analyst misled into seeing two sources where there is one is worse off than the reverse.
"""

from __future__ import annotations


from dossier.model import Entity, Sentence
from dossier.provenance.links import (  # noqa: F401
    KIND_OUTLET,
    KIND_OFFICIAL,
    KIND_PERSON,
    KIND_ANONYMOUS,
    KIND_GOVERNMENT,
    KIND_ORGANISATION,
    KIND_DOCUMENT,
    ROLE_PUBLISHER,
    ROLE_NOTE,
    ROLE_TEXT,
    Link,
    Chain,
)
from dossier.provenance.origins import (  # noqa: F401
    ClaimSupport,
    OriginGroup,
    _key,
    origin_key,
    _ends_at_key,
    independence,
    supports_for,
    independent_count,
)
from dossier.provenance.vocabulary import (  # noqa: F401
    LEXICON_DIR,
    LANGS,
    HANGUL,
    DEVANAGARI,
    Lexicon,
    boundaries,
    norm_key,
    _word_pattern,
    _phrases,
    lexicon,
)
from dossier.provenance.outlets import (  # noqa: F401
    KB_ON,
    _kb,
    kb_actor,
    outlet_kind,
    canonical_name,
    _own_outlet_names,
    _surface_outlets,
    _kb_outlets,
    with_outlets,
    source_id,
)
from dossier.provenance.quotations import (  # noqa: F401
    MAX_MERGED_SENTENCES,
    _OPEN,
    _DOUBLE_QUOTES,
    _CLOSERS,
    quote_regions,
    _open_quote,
    reading_units,
)
from dossier.provenance.units import (  # noqa: F401
    Token,
    script_lang,
    _kind_of_entity,
    _unlinked_outlet,
    _tokens,
    Unit,
)
from dossier.provenance.sources import (  # noqa: F401
    is_possessive,
    after_preposition,
    pick_sources,
    affiliation_of,
    link_for,
)
from dossier.provenance.clauses import (  # noqa: F401
    is_negated,
    subject_candidates,
    is_embedded,
    recipient_of,
    INTERVIEW_WINDOW,
    AS_SAYING_MAX,
    PARENTHETICAL_MAX,
    PREPOSITION_TAIL,
    english_subject,
    quoted_as_saying,
)
from dossier.provenance.attributions import (  # noqa: F401
    IMMEDIATE_GAP,
    Attribution,
    find_attributions,
    reports_content_after,
    _is_relay,
)
from dossier.provenance.nesting import (  # noqa: F401
    _governor,
    _coordinated,
    build_tree,
    source_paths,
)


SIGN_OFF_MAX = 40  # chars: a line this short naming only an outlet is the article's sign-off


# --- Public functions ------------------------------------------------------------------------------


def publisher(text: str, lang: str, entities: list[Entity], *, use_kb: bool = True) -> Link | None:
    """The article's own outlet when it signs off on a line of its own ("VOA 뉴스")."""
    token = KB_ON.set(use_kb)
    try:
        return _publisher(text, lang, entities, use_kb)
    finally:
        KB_ON.reset(token)


def _publisher(text: str, lang: str, entities: list[Entity], use_kb: bool) -> Link | None:
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
            return Link(e.text, e.start, e.end, KIND_OUTLET, e.entity_id, canonical_name(e), role=ROLE_PUBLISHER)
    return None


def article_attribution(text: str, lang: str, entities: list[Entity], *, use_kb: bool = True) -> list[Link]:
    """Outlets a whole article draws on ("*이 기사는 AFP통신을 참조했습니다", "Reuters contributed
    reporting"). Only outlets count: a credit naming the article's own reporters is not a source."""
    token = KB_ON.set(use_kb)
    try:
        return _article_attribution(text, lang, entities, use_kb)
    finally:
        KB_ON.reset(token)


def _article_attribution(text: str, lang: str, entities: list[Entity], use_kb: bool) -> list[Link]:
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


def chains(
    text: str,
    lang: str,
    sentences: list[Sentence],
    entities: list[Entity],
    article_source_id: str | None = None,
    *,
    use_kb: bool = True,
    include_unattributed: bool = False,
) -> list[Chain]:
    """Reporting chains of an article, in text order.

    Each chain starts with the publisher (article_source_id, else a sign-off line such as "VOA 뉴스"),
    then any whole-article credit, then the sources named in the sentence from the outer speaker to
    the origin. A sentence with two independent sources gives two chains. With
    include_unattributed, a sentence without any source gets a chain of the publisher and credits
    only (its origin is the publisher's own reporting), if those are known.

    `lang` is the article's language; a sentence in another script (an English translation after a
    Korean body) is read with that script's vocabulary. `use_kb`: look up outlets the given entities
    missed with the knowledge base (dossier.link), or with data/kb/outlets.yaml if that is absent.
    """
    token = KB_ON.set(use_kb)
    try:
        return _chains(text, lang, sentences, entities, article_source_id, use_kb, include_unattributed)
    finally:
        KB_ON.reset(token)


def _chains(text, lang, sentences, entities, article_source_id, use_kb, include_unattributed) -> list[Chain]:
    lo = min((s.start for s in sentences), default=0)
    hi = max((s.end for s in sentences), default=0)
    ents = with_outlets(text, lang, entities, use_kb, lo, hi)
    head: list[Link] = []
    if article_source_id:
        actor = kb_actor(article_source_id)
        name = actor.name if actor is not None else article_source_id
        head.append(Link(name, None, None, KIND_OUTLET, article_source_id, name, role=ROLE_PUBLISHER))
    else:
        pub = _publisher(text, lang, ents, use_kb)
        if pub is not None:
            head.append(pub)
    for note in _article_attribution(text, lang, ents, use_kb):
        if all(note.entity_id != h.entity_id for h in head):
            head.append(note)

    out: list[Chain] = []
    recent: list[Link] = []
    for start, end in reading_units(text, sentences):
        ulang = script_lang(text[start:end], lang)
        lex = lexicon(ulang)
        unit = Unit(text, start, end, ents, lex)
        atts = find_attributions(unit, recent)
        if not atts:
            if include_unattributed and head and text[start:end].strip():
                out.append(Chain(start, end, ulang, list(head)))
            continue
        build_tree(unit, atts)
        found: list[list[Link]] = []
        for path in source_paths(atts):
            variants: list[list[Link]] = [[]]
            for att in path:
                variants = [v + att.via + [lk] for v in variants for lk in att.links]
            for v in variants:
                links = list(head) + _dedupe(v, head)
                if links:
                    found.append(links)
        for links in _distinct(found):
            out.append(Chain(start, end, ulang, links))
        for att in sorted(atts, key=lambda a: a.cue_start):
            recent.extend(att.via + att.links)
    return out


def _sig(links: list[Link]) -> tuple:
    return tuple(lk.entity_id or lk.text for lk in links)


def _distinct(found: list[list[Link]]) -> list[list[Link]]:
    """One chain per distinct path; a path that is the beginning of a longer one adds nothing
    ("the report said" after "NYT said … US officials said")."""
    sigs = [_sig(f) for f in found]
    out = []
    seen: set[tuple] = set()
    for f, sg in zip(found, sigs):
        if sg in seen:
            continue
        if any(len(o) > len(sg) and o[: len(sg)] == sg for o in sigs):
            continue
        seen.add(sg)
        out.append(f)
    return out


def _dedupe(links: list[Link], head: list[Link]) -> list[Link]:
    """Drop a link that repeats an earlier one (the publisher naming itself: "VOA said")."""
    out: list[Link] = []
    seen = {h.entity_id for h in head if h.entity_id}
    for lk in links:
        if lk.entity_id and lk.entity_id in seen:
            continue  # a source cannot cite itself: a repeat is a misread ("the report said" = NYT)
        out.append(lk)
        if lk.entity_id:
            seen.add(lk.entity_id)
    return out



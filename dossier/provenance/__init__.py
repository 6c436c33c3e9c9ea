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

import re
from dataclasses import dataclass, field

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


SIGN_OFF_MAX = 40  # chars: a line this short naming only an outlet is the article's sign-off
IMMEDIATE_GAP = 16  # chars: a subject this close before a verb-final verb is that verb's own subject


# --- Attributions ---------------------------------------------------------------------------------


@dataclass
class _Att:
    links: list[Link]
    region: int  # innermost quotation id of the cue, -1 outside quotes
    cue_start: int
    cue_end: int
    role: str  # speaker | cited
    via: list[Link] = field(default_factory=list)  # the outlet told ("he told the NYT")
    parent: _Att | None = None
    owner: _Att | None = None  # for cited sources: the speaker who cites them
    run_start: int = 0
    relay: bool = False  # "according to X, Y said": X reports Y, it is not cited by Y


def _is_possessive(unit: Unit, t: Token) -> bool:
    nxt = unit.text[t.end : t.end + 3].lstrip()  # tokenised text writes "Levrentyeva 's"
    return nxt.startswith(("'s", "’s"))


def _after_preposition(unit: Unit, t: Token) -> bool:
    before = unit.text[max(unit.start, t.start - 9) : t.start].casefold()
    return bool(re.search(r"(?:\bfor|\bof|\bat|\bfrom)\s+(?:the\s+)?$", before))


def _pick(unit: Unit, items: list[Token], *, cited: bool = False) -> tuple[list[Token], Token | None]:
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
        heads = [t for t in non_country if not _is_possessive(unit, t)]
        return heads, (affil_candidates[0] if affil_candidates else None)
    pool = non_country or countries
    pool = [t for t in pool if not _is_possessive(unit, t)] or pool
    # "NHK 등 일본 언론", "Japanese media, including NHK": the named outlet over the generic word
    pool = [t for t in pool if t.type != "media"] or pool
    if cited and not lex.verb_final:
        head = pool[0]  # "according to KCNA, Chairman Kim …": the source is what the marker governs
        return [head], _affiliation(unit, head, items, affil_candidates)
    persons = [t for t in pool if t.kind in (KIND_PERSON, KIND_OFFICIAL)]
    if lex.verb_final:
        head = persons[-1] if persons else pool[-1]
    elif persons:
        head = persons[0]
    else:
        free = [t for t in pool if not _after_preposition(unit, t)]
        head = (free or pool)[-1]
    return [head], _affiliation(unit, head, items, affil_candidates)


def _affiliation(unit: Unit, head: Token, items: list[Token], affil_candidates: list[Token]) -> Token | None:
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


def _link(
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
            ):
                if outlet_kind(prev.entity_id):
                    continue
            return _referring_back(prev)
        # "अख़बार के अनुसार" with no newspaper named before: an outlet all the same, unnamed
        kind = str(head.anaphor.get("unresolved") or KIND_OUTLET)
        return Link(
            text[head.start : head.end],
            head.start,
            head.end,
            kind,
            None,
            None,
            None,
            c_text,
            c_start,
            c_end,
            named=False,
        )
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
        return Link(
            text[span_start : head.end],
            span_start,
            head.end,
            head.kind,
            None,
            None,
            affiliation,
            c_text,
            c_start,
            c_end,
            named=False,
        )
    if head.type == "document":
        return Link(
            text[head.start : head.end],
            head.start,
            head.end,
            KIND_DOCUMENT,
            None,
            None,
            affiliation,
            c_text,
            c_start,
            c_end,
            named=False,
        )
    e = head.entity
    kind = head.kind
    eid = e.entity_id if e.entity_id and not e.entity_id.startswith("x:") else None
    if kind == KIND_PERSON:
        words = [text[t.start : t.end].casefold() for t in run if t.type == "word"]
        if any(any(ow == w or ow in w for ow in unit.lex.official_words) for w in words):
            kind = KIND_OFFICIAL
    return Link(
        e.text, e.start, e.end, kind, eid or e.entity_id, canonical_name(e), affiliation, c_text, c_start, c_end
    )


def _negated(unit: Unit, m_start: int, m_end: int) -> bool:
    lex = unit.lex
    if lex.lang == "en":
        after = unit.text[m_end : min(unit.end, m_end + 12)].lstrip().casefold()
        if any(after.startswith(f) for f in lex.not_followed_by):
            return True  # "CNIEC said to be helping": hearsay, not a statement
        verb = unit.text[m_start:m_end].casefold()
        if verb in lex.needs_content:
            # "Saeed Anwar continued their good form": not speech unless a quotation or "that" goes with it
            before = unit.text[max(unit.start, m_start - 60) : m_start]
            speech = (
                after[:1] in (",", ":", "“", '"')
                or after.startswith("that")
                or re.search(r"[”\"]\s*[^”\"“]{0,50}$", before)
            )
            if not speech:
                return True
        before = unit.text[max(unit.start, m_start - 14) : m_start].casefold()
        return any(re.search(rf"\b{re.escape(n)}\s*$", before) for n in lex.negations)
    # Korean negates after the stem (밝히지 않았다), Hindi before the verb (नहीं कहा)
    after = unit.text[m_end : min(unit.end, m_end + 12)]
    before = unit.text[max(unit.start, m_start - 12) : m_start].rstrip()
    for n in lex.negations:
        if after.startswith(n):
            return True
        if before.endswith(n) and re.search(rf"{boundaries(lex.lang)[0]}{re.escape(n)}$", before):
            return True
    return False


def _subject_candidates(unit: Unit) -> list[tuple[int, int, str, list[Token], int]]:
    """Verb-final languages: noun phrases followed by a subject marker, as
    (marker start, marker end, marker type, run tokens in text order, run start)."""
    lex = unit.lex
    out = []
    for t in unit.toks:
        q = t.end
        rest = unit.text[q : unit.end]
        skipped = len(rest) - len(rest.lstrip(")]’'」』"))
        rest = rest[skipped:]
        for suffix in lex.marker_prefixes:  # 소식통들이: a plural suffix between name and particle
            if rest.startswith(suffix):
                skipped += len(suffix)
                rest = rest[len(suffix) :]
                break
        for mtype, markers in (
            ("topic", lex.topic),
            ("nominative", lex.nominative),
            ("genitive", lex.genitive),
        ):
            for mk in sorted(markers, key=len, reverse=True):
                if lex.lang == "hi":
                    m = re.match(rf"\s+{re.escape(mk)}(?![{DEVANAGARI}])", rest)
                else:
                    m = re.match(rf"{re.escape(mk)}(?![{HANGUL}])", rest)
                if m:
                    items, rs = unit.run_back(q)
                    out.append(
                        (q + skipped + m.start(), q + skipped + m.end(), mtype, list(reversed(items)), rs)
                    )
                    break
            else:
                continue
            break
    return out


def _embedded(unit: Unit, pos: int, verb: int, cands: list) -> bool:
    """Whether a quotative ending not attached to a quotation stands between a subject and its verb:
    then the subject belongs to the reported clause ("러시아가 … 있다고 말했다"), unless the reported
    clause has a subject of its own after it ("애플이 법무부가 … 조사 중이라고 주장했다")."""
    lex = unit.lex
    if not lex.quotatives:
        return False
    vr = unit.region(verb)
    for q in lex.quotatives:
        for m in re.finditer(re.escape(q), unit.text[pos:verb]):
            qs = pos + m.start()
            if unit.region(qs) != vr or (qs - 1 >= pos and unit.region(qs - 1) != vr):
                continue  # inside a quotation, or attached to one: “…”고 말했다
            if any(c[2] == "nominative" and pos < c[0] < qs for c in cands):
                continue
            return True
    return False


def _recipient(unit: Unit, v_start: int, v_end: int, recent: list[Link]) -> Link | None:
    """The outlet a speaker told: "told the NYT", "NYT에 밝혔다", "एनडीटीवी से कहा"."""
    lex = unit.lex
    if lex.lang == "en":
        verb = unit.text[v_start:v_end].casefold()
        if verb not in [r.casefold() for r in lex.recipient]:
            return None
        items, _ = unit.run_fwd(v_end)
    else:
        before = unit.text[unit.start : v_start].rstrip()
        found = None
        for r in sorted(lex.recipient, key=len, reverse=True):
            pat = rf"\s+{re.escape(r)}$" if lex.lang == "hi" else rf"{re.escape(r)}$"
            m = re.search(pat, before)
            if m:
                found = unit.start + m.start()
                break
        if found is None and lex.interview is not None:
            # "NBC 방송과의 인터뷰에서 … 강조했다": an interview anywhere in the clause
            window = max(unit.start, v_start - INTERVIEW_WINDOW)
            hits = [
                m
                for m in lex.interview.finditer(unit.text, window, v_start)
                if not any(ch in unit.text[m.end() : v_start] for ch in '“”"')
            ]
            if hits:
                found = hits[-1].start()
        if found is None and lex.recipient_anywhere:
            # "IOK컴퍼니 관계자는 24일 스타뉴스에 “…”고 전했다": an outlet told, further back in the clause
            for t in sorted(unit.toks, key=lambda t: t.end, reverse=True):
                if t.end > v_start or v_start - t.end > INTERVIEW_WINDOW * 2:
                    continue
                if (
                    t.type != "source"
                    or t.kind != KIND_OUTLET
                    or unit.region(t.start) != unit.region(v_start)
                ):
                    continue
                rest = unit.text[t.end : t.end + 10]
                if any(re.match(rf"\s*{re.escape(r)}\s", rest) for r in lex.recipient_anywhere) and not any(
                    re.match(rf"\s*{re.escape(r)}\s*{re.escape(x)}", rest)
                    for r in lex.recipient_anywhere
                    for x in lex.not_recipient
                ):
                    found = t.end
                    break
        if found is None:
            return None
        items, _ = unit.run_back(found)
        items = list(reversed(items))
    outlets = [t for t in items if t.type == "source" and t.kind == KIND_OUTLET]
    if not outlets:
        return None
    t = outlets[0]
    return _link(unit, t, None, items, (v_start, v_end, unit.text[v_start:v_end]), recent)


def _attributions(unit: Unit, recent: list[Link]) -> list[_Att]:
    lex = unit.lex
    text = unit.text
    seg = text[unit.start : unit.end]
    atts: list[_Att] = []

    # 1. citation markers: the cited source, and a parenthetical the subject search jumps over
    cited: list[_Att] = []
    if lex.cite_after is not None:
        for m in lex.cite_after.finditer(seg):
            a, b = unit.start + m.start(), unit.start + m.end()
            items, run_end = unit.run_fwd(b, commas=False)  # "according to X, Y said": X only
            heads, affil = _pick(unit, items, cited=True)
            links = [lk for h in heads if (lk := _link(unit, h, affil, items, (a, b, m.group(0)), recent))]
            if links:
                cited.append(_Att(links, unit.region(a), a, b, "cited", relay=_is_relay(lex, m.group(0))))
                end = run_end
                while end < unit.end and text[end] in " ,":
                    end += 1
                start = a
                while start > unit.start and text[start - 1] in " ,":
                    start -= 1
                unit.skips[run_end] = start
                unit.skips[end] = start
    if lex.cite_before is not None:
        for m in lex.cite_before.finditer(seg):
            a, b = unit.start + m.start(), unit.start + m.end()
            items, rs = unit.run_back(a)
            items = list(reversed(items))
            heads, affil = _pick(unit, items, cited=True)
            if not heads:
                # "통신에 따르면": an outlet noun standing alone refers back to the last such outlet
                nouns = [
                    t
                    for t in items
                    if t.type in ("outlet_noun", "word")
                    and lex.anaphor_re is not None
                    and lex.anaphor_re.fullmatch(text[t.start : t.end])
                ]
                for t in nouns[-1:]:
                    t2 = Token(
                        t.start,
                        t.end,
                        "anaphor",
                        anaphor=lex.anaphors.get(norm_key(text[t.start : t.end]), {}),
                    )
                    heads, affil = [t2], None
            links = [lk for h in heads if (lk := _link(unit, h, affil, items, (a, b, m.group(0)), recent))]
            if links:
                cited.append(
                    _Att(links, unit.region(a), a, b, "cited", run_start=rs, relay=_is_relay(lex, m.group(0)))
                )

    # 1b. "Putin was quoted by TASS as saying": the subject speaks, the outlet after the marker relays
    relayed: list[_Att] = []
    if lex.reported_by is not None:
        for m in lex.reported_by.finditer(seg):
            a, b = unit.start + m.start(), unit.start + m.end()
            items, rs = unit.run_back(a)
            heads, affil = _pick(unit, list(reversed(items)))
            fwd, _ = unit.run_fwd(b)
            outlets = [t for t in fwd if t.type == "source" and t.kind == KIND_OUTLET]
            if not heads or not outlets:
                continue
            links = [
                lk
                for h in heads
                if (lk := _link(unit, h, affil, list(reversed(items)), (a, b, m.group(0)), recent))
            ]
            via = _link(unit, outlets[0], None, fwd, (a, b, m.group(0)), recent)
            if links and via is not None:
                att = _Att(links, unit.region(a), a, b, "speaker", via=[via], run_start=rs)
                relayed.append(att)
                for c in list(cited):
                    if c.cue_start < b and a < c.cue_end:
                        cited.remove(c)  # "quoted by TASS" is the relay, not a citation

    # 2. reporting verbs and their speakers
    verbs: list[tuple[int, int, str, bool]] = []  # (start, end, text, is_cite_verb)
    for rx, is_cite in ((lex.cite_verbs, True), (lex.speech, False)):  # "quoted" is both: citing wins
        if rx is None:
            continue
        for m in rx.finditer(seg):
            a, b = unit.start + m.start(), unit.start + m.end()
            if any(v[0] < b and a < v[1] for v in verbs):
                continue
            if _negated(unit, a, b):
                continue
            if any(r.cue_start <= a < r.cue_end + 12 for r in relayed):
                continue  # the verb of "was quoted by TASS as saying"
            verbs.append((a, b, m.group(0), is_cite))
    verbs.sort()
    speakers: list[_Att] = list(relayed)
    if lex.verb_final:
        cands = _subject_candidates(unit)
        used: set[int] = set()
        by_region: dict[int, list[tuple[int, int, str, bool]]] = {}
        for v in verbs:
            by_region.setdefault(unit.region(v[0]), []).append(v)
        for region, vs in by_region.items():
            prev_end = unit.start
            rc = [c for c in cands if unit.region(c[0]) == region]
            for i, (a, b, vt, _) in enumerate(vs):
                last = i == len(vs) - 1
                before = [
                    c
                    for c in rc
                    if c[1] <= a
                    and c[0] not in used
                    and (c[2] != "nominative" or not _embedded(unit, c[1], a, rc))
                ]
                pick = None
                gen = [c for c in before if c[2] == "genitive" and a - c[1] <= 2]
                if gen:
                    pick = gen[-1]
                elif last:
                    imm = [
                        c
                        for c in before
                        if c[2] in ("nominative", "topic")
                        and a - c[1] <= IMMEDIATE_GAP
                        and not any(ch in text[c[1] : a] for ch in '“”"')
                    ]
                    topics = [c for c in before if c[2] == "topic"]
                    noms = [c for c in before if c[2] == "nominative" and c[0] >= prev_end]
                    pick = (imm[-1:] or topics[:1] or noms[-1:] or [None])[0]
                else:
                    noms = [c for c in before if c[2] == "nominative" and c[0] >= prev_end]
                    topics = [c for c in before if c[2] == "topic" and c[0] >= prev_end]
                    pick = (noms[-1:] or topics[-1:] or [None])[0]
                prev_end = b
                if pick is None:
                    continue
                heads, affil = _pick(unit, pick[3])
                links = [lk for h in heads if (lk := _link(unit, h, affil, pick[3], (a, b, vt), recent))]
                if not links:
                    continue
                used.add(pick[0])
                att = _Att(links, region, a, b, "speaker", run_start=pick[4])
                rcp = _recipient(unit, a, b, recent)
                if rcp is not None and all(
                    (lk.entity_id or lk.text) != (rcp.entity_id or rcp.text) for lk in links
                ):
                    att.via = [rcp]
                speakers.append(att)
    else:
        for a, b, vt, is_cite in verbs:
            items, rs, paren = _en_subject(unit, a)
            heads, affil = _pick(unit, items)
            named = [t for t in paren if t.type == "source" and t.kind == KIND_OUTLET]
            if heads and heads[0].type == "media" and named:
                heads = named[:1]  # "Japanese media, including NHK, reported": the named outlet
            if heads and affil is None and paren:
                affil = _affiliation(
                    unit, heads[0], paren, [t for t in paren if t.type == "demonym" and t.country]
                )
            items = items + paren  # titles in the parenthetical make the speaker an official
            if not heads:
                # inverted after a quotation: ",” said Jin H. Lee" / ",” officials said"
                if re.search(r"[,.]?\s*[”\"]\s*$", text[unit.start : a]) or re.search(
                    r",\s*$", text[unit.start : a]
                ):
                    items, _ = unit.run_fwd(b)
                    heads, affil = _pick(unit, items)
                    rs = b
            if not heads:
                continue
            links = [lk for h in heads if (lk := _link(unit, h, affil, items, (a, b, vt), recent))]
            if not links:
                continue
            att = _Att(links, unit.region(a), a, b, "speaker", run_start=rs)
            if is_cite:
                items2, _ = unit.run_fwd(b)
                h2, af2 = _pick(unit, items2, cited=True)
                l2 = [lk for h in h2 if (lk := _link(unit, h, af2, items2, (a, b, vt), recent))]
                unnamed = _quoted_as_saying(unit, b, (a, b, vt))
                if unnamed is not None and (
                    not l2 or all(h.type == "source" and _is_possessive(unit, h) for h in h2)
                ):
                    l2 = [unnamed]
                if l2:
                    c = _Att(l2, unit.region(a), a, b, "cited")
                    c.owner = att
                    cited.append(c)
            rcp = _recipient(unit, a, b, recent)
            if rcp is not None and all(
                (lk.entity_id or lk.text) != (rcp.entity_id or rcp.text) for lk in links
            ):
                att.via = [rcp]
            speakers.append(att)

    # 3. who cites the cited: the speaker of the same clause
    for c in cited:
        if c.owner is not None:
            continue
        if c.relay and any(
            s.region == c.region and c.cue_end <= s.run_start and _reports_content_after(unit, s)
            for s in speakers
        ):
            continue  # placed above the speaker in _tree
        same = [s for s in speakers if s.region == c.region]
        if lex.verb_final:
            later = [s for s in same if s.cue_start >= c.cue_end]
            c.owner = later[0] if later else (same[-1] if same else None)
        else:
            before = [s for s in same if s.cue_end <= c.cue_start or s.run_start <= c.cue_start]
            # "NYT, citing an official, said": the speaker's name stands before, its verb after
            enclosing = [s for s in same if s.run_start <= c.cue_start]
            after = [s for s in same if s.cue_start >= c.cue_end]
            c.owner = (enclosing[-1:] or before[-1:] or after[:1] or [None])[0]
    atts = speakers + cited
    return atts


INTERVIEW_WINDOW = 80  # chars before a verb-final verb where "X와의 인터뷰에서" names the outlet told
AS_SAYING_MAX = 160  # chars between "quoted" and "as saying"
PARENTHETICAL_MAX = 160  # chars between the commas of "X, spokesman for …, said"
PREPOSITION_TAIL = re.compile(r"^\s+(?:in|of|at|from|for|with)\b[^,;.“”\"]{0,60}$")


def _en_subject(unit: Unit, verb: int) -> tuple[list[Token], int, list[Token]]:
    """The English subject noun phrase of a verb, in text order, and where it starts.

    "Adrian Watson, spokesman for the NSC, said" and "King Birendra, in Tibet …, said": the subject
    stands before a parenthetical; the parenthetical's tokens come back apart (third value: they
    may name the body the speaker belongs to, or a title). "Officials in the port of Whittier
    said": a place after a preposition is not the speaker, the noun before the phrase is."""
    text = unit.text
    items, rs = unit.run_back(verb)
    before = text[unit.start : verb].rstrip()
    if not items and before.endswith(","):
        close = unit.start + len(before) - 1
        open_ = text.rfind(",", max(unit.start, close - PARENTHETICAL_MAX), close)
        if (
            open_ >= 0
            and not any(ch in text[open_:close] for ch in '“”"')
            and unit.region(open_) == unit.region(verb)
        ):
            outer, ors = unit.run_back(open_)
            if outer:
                paren = [t for t in unit.toks if open_ < t.start and t.end <= close]
                return list(reversed(outer)), ors, paren
    ordered = list(reversed(items))
    sources = [t for t in ordered if t.type == "source"]
    if (
        sources
        and all(_after_preposition(unit, t) for t in sources)
        and all(t.type in ("source", "word", "demonym") for t in ordered)
    ):
        for t in sorted(
            (t for t in unit.toks if t.end <= rs and rs - t.end <= 80), key=lambda t: t.end, reverse=True
        ):
            if t.type not in ("source", "anonymous", "media"):
                continue
            if PREPOSITION_TAIL.match(text[t.end : rs]) and unit.region(t.start) == unit.region(verb):
                head_items, hrs = unit.run_back(t.end)
                return list(reversed(head_items)), hrs, ordered
            break
    return ordered, rs, []


def _quoted_as_saying(unit: Unit, pos: int, cue: tuple[int, int, str]) -> Link | None:
    """ "Interfax quoted Levrentyeva's colleagues as saying": whatever noun phrase stands between the
    verb and "as saying" is the source, named or not."""
    lex = unit.lex
    if lex.as_saying is None:
        return None
    m = lex.as_saying.search(unit.text, pos, min(unit.end, pos + AS_SAYING_MAX))
    if m is None:
        return None
    a, b = pos, m.start()
    while a < b and unit.text[a].isspace():
        a += 1
    while b > a and unit.text[b - 1].isspace():
        b -= 1
    if b <= a or any(ch in unit.text[a:b] for ch in '.;:“”"'):
        return None
    return Link(unit.text[a:b], a, b, KIND_ANONYMOUS, None, None, None, cue[2], cue[0], cue[1], named=False)


def _reports_content_after(unit: Unit, s: _Att) -> bool:
    """English: "According to X, Y said the talks…" relays Y; in "…, according to sources, O Globo
    said." the sentence ends at the verb, so the citation was inside what O Globo said. A
    verb-final language always ends with its verb: there the position says nothing."""
    if unit.lex.verb_final:
        return True
    return len(re.findall(r"\w+", unit.text[s.cue_end : unit.end])) >= 3


def _is_relay(lex: Lexicon, marker: str) -> bool:
    norm = re.sub(r"\s+", " ", marker).casefold()
    return any(norm == r or norm.endswith(r) for r in lex.relays)


def _governor(unit: Unit, region: int, atts: list[_Att]) -> _Att | None:
    """The speaker a quotation is attributed to: the speaker of the enclosing region whose cue is
    nearest the quotation."""
    if region < 0:
        return None
    q_start, q_end, parent_region = unit.regions[region]
    cands = [a for a in atts if a.role == "speaker" and a.region == parent_region]
    if not cands:
        return _governor(unit, parent_region, atts)

    def dist(a: _Att) -> int:
        if a.cue_end <= q_start:
            return q_start - a.cue_end
        if a.cue_start >= q_end:
            return a.cue_start - q_end
        return 0

    return min(cands, key=dist)


def _coordinated(unit: Unit, a: _Att, b: _Att) -> bool:
    """ "Kirby said X, and officials said Y": siblings. "KCNA reported that …, and that Kim said":
    the coordinator does not stand right before the second speaker, so Kim is nested."""
    between = unit.text[min(a.cue_end, b.run_start) : max(a.cue_end, b.run_start)]
    tail = between.rstrip()
    return any(tail.endswith(c.rstrip()) for c in unit.lex.coordinators)


def _tree(unit: Unit, atts: list[_Att]) -> None:
    lex = unit.lex
    speakers = sorted([a for a in atts if a.role == "speaker"], key=lambda a: a.cue_start)
    by_region: dict[int, list[_Att]] = {}
    for s in speakers:
        by_region.setdefault(s.region, []).append(s)
    for region, ss in by_region.items():
        gov = _governor(unit, region, atts)
        if lex.verb_final:
            main = ss[-1]
            main.parent = gov
            for s in ss[:-1]:
                # "메르켈 총리가 언급했음에도 … 아베 총리가 시사했다": a concessive clause
                # is not reported speech
                after = unit.text[s.cue_end : s.cue_end + 6]
                s.parent = gov if any(after.startswith(e) for e in lex.sibling_endings) else main
        else:
            main = ss[0]
            main.parent = gov
            for s in ss[1:]:
                s.parent = main.parent if _coordinated(unit, main, s) else main
    for c in atts:
        if c.role == "cited":
            c.parent = c.owner if c.owner is not None else _governor(unit, c.region, atts)
    # "경찰에 따르면 A 씨는 …고 주장했다", "अख़बार के अनुसार कप्तान … ने घोषणा की": a relay marker
    # before the clause's speaker puts its source above that speaker
    for c in atts:
        if c.role != "cited" or not c.relay:
            continue
        below = [
            s
            for s in speakers
            if s.region == c.region
            and c.cue_end <= s.run_start
            and (s.parent is None or s.parent.region != c.region)
            and _reports_content_after(unit, s)
        ]
        if below:
            s = below[-1] if lex.verb_final else below[0]
            c.parent, s.parent = s.parent, c
            c.owner = None


def _paths(atts: list[_Att]) -> list[list[_Att]]:
    has_child = {id(a.parent) for a in atts if a.parent is not None}
    out = []
    for a in atts:
        if id(a) in has_child:
            continue
        path = []
        cur: _Att | None = a
        guard = 0
        while cur is not None and guard < 20:
            path.append(cur)
            cur = cur.parent
            guard += 1
        out.append(list(reversed(path)))
    return out


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
        atts = _attributions(unit, recent)
        if not atts:
            if include_unattributed and head and text[start:end].strip():
                out.append(Chain(start, end, ulang, list(head)))
            continue
        _tree(unit, atts)
        found: list[list[Link]] = []
        for path in _paths(atts):
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



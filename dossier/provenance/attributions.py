"""Attributions of one reading unit: the speakers of its reporting verbs and the sources its
citation markers name, each with the cue that makes it a source. Which speaker cites which source
is decided here for citations inside one clause; the nesting across quotations is nesting.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dossier.provenance.clauses import (
    english_subject,
    is_embedded,
    is_negated,
    quoted_as_saying,
    recipient_of,
    subject_candidates,
)
from dossier.provenance.links import KIND_OUTLET, Link
from dossier.provenance.sources import affiliation_of, is_possessive, link_for, pick_sources
from dossier.provenance.units import Token, Unit
from dossier.provenance.vocabulary import Lexicon, norm_key

IMMEDIATE_GAP = 16  # chars: a subject this close before a verb-final verb is that verb's own subject


@dataclass
class Attribution:
    """Sources a unit names at one cue (a reporting verb or a citation marker), as speaker or cited."""

    links: list[Link]
    region: int  # innermost quotation id of the cue, -1 outside quotes
    cue_start: int
    cue_end: int
    role: str  # speaker | cited
    via: list[Link] = field(default_factory=list)  # the outlet told ("he told the NYT")
    parent: Attribution | None = None
    owner: Attribution | None = None  # for cited sources: the speaker who cites them
    run_start: int = 0
    relay: bool = False  # "according to X, Y said": X reports Y, it is not cited by Y


def find_attributions(unit: Unit, recent: list[Link]) -> list[Attribution]:
    lex = unit.lex
    text = unit.text
    seg = text[unit.start : unit.end]
    atts: list[Attribution] = []

    # 1. citation markers: the cited source, and a parenthetical the subject search jumps over
    cited: list[Attribution] = []
    if lex.cite_after is not None:
        for m in lex.cite_after.finditer(seg):
            a, b = unit.start + m.start(), unit.start + m.end()
            items, run_end = unit.run_fwd(b, commas=False)  # "according to X, Y said": X only
            heads, affil = pick_sources(unit, items, cited=True)
            links = [lk for h in heads if (lk := link_for(unit, h, affil, items, (a, b, m.group(0)), recent))]
            if links:
                relay = _is_relay(lex, m.group(0))
                cited.append(Attribution(links, unit.region(a), a, b, "cited", relay=relay))
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
            heads, affil = pick_sources(unit, items, cited=True)
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
            links = [lk for h in heads if (lk := link_for(unit, h, affil, items, (a, b, m.group(0)), recent))]
            if links:
                cited.append(
                    Attribution(
                        links, unit.region(a), a, b, "cited", run_start=rs, relay=_is_relay(lex, m.group(0))
                    )
                )

    # 1b. "Putin was quoted by TASS as saying": the subject speaks, the outlet after the marker relays
    relayed: list[Attribution] = []
    if lex.reported_by is not None:
        for m in lex.reported_by.finditer(seg):
            a, b = unit.start + m.start(), unit.start + m.end()
            items, rs = unit.run_back(a)
            heads, affil = pick_sources(unit, list(reversed(items)))
            fwd, _ = unit.run_fwd(b)
            outlets = [t for t in fwd if t.type == "source" and t.kind == KIND_OUTLET]
            if not heads or not outlets:
                continue
            links = [
                lk
                for h in heads
                if (lk := link_for(unit, h, affil, list(reversed(items)), (a, b, m.group(0)), recent))
            ]
            via = link_for(unit, outlets[0], None, fwd, (a, b, m.group(0)), recent)
            if links and via is not None:
                att = Attribution(links, unit.region(a), a, b, "speaker", via=[via], run_start=rs)
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
            if is_negated(unit, a, b):
                continue
            if any(r.cue_start <= a < r.cue_end + 12 for r in relayed):
                continue  # the verb of "was quoted by TASS as saying"
            verbs.append((a, b, m.group(0), is_cite))
    verbs.sort()
    speakers: list[Attribution] = list(relayed)
    if lex.verb_final:
        cands = subject_candidates(unit)
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
                    and (c[2] != "nominative" or not is_embedded(unit, c[1], a, rc))
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
                heads, affil = pick_sources(unit, pick[3])
                links = [lk for h in heads if (lk := link_for(unit, h, affil, pick[3], (a, b, vt), recent))]
                if not links:
                    continue
                used.add(pick[0])
                att = Attribution(links, region, a, b, "speaker", run_start=pick[4])
                rcp = recipient_of(unit, a, b, recent)
                if rcp is not None and all(
                    (lk.entity_id or lk.text) != (rcp.entity_id or rcp.text) for lk in links
                ):
                    att.via = [rcp]
                speakers.append(att)
    else:
        for a, b, vt, is_cite in verbs:
            items, rs, paren = english_subject(unit, a)
            heads, affil = pick_sources(unit, items)
            named = [t for t in paren if t.type == "source" and t.kind == KIND_OUTLET]
            if heads and heads[0].type == "media" and named:
                heads = named[:1]  # "Japanese media, including NHK, reported": the named outlet
            if heads and affil is None and paren:
                affil = affiliation_of(
                    unit, heads[0], paren, [t for t in paren if t.type == "demonym" and t.country]
                )
            items = items + paren  # titles in the parenthetical make the speaker an official
            # inverted after a quotation: ",” said Jin H. Lee" / ",” officials said"
            before = text[unit.start : a]
            if not heads and (re.search(r"[,.]?\s*[”\"]\s*$", before) or re.search(r",\s*$", before)):
                items, _ = unit.run_fwd(b)
                heads, affil = pick_sources(unit, items)
                rs = b
            if not heads:
                continue
            links = [lk for h in heads if (lk := link_for(unit, h, affil, items, (a, b, vt), recent))]
            if not links:
                continue
            att = Attribution(links, unit.region(a), a, b, "speaker", run_start=rs)
            if is_cite:
                items2, _ = unit.run_fwd(b)
                h2, af2 = pick_sources(unit, items2, cited=True)
                l2 = [lk for h in h2 if (lk := link_for(unit, h, af2, items2, (a, b, vt), recent))]
                unnamed = quoted_as_saying(unit, b, (a, b, vt))
                if unnamed is not None and (
                    not l2 or all(h.type == "source" and is_possessive(unit, h) for h in h2)
                ):
                    l2 = [unnamed]
                if l2:
                    c = Attribution(l2, unit.region(a), a, b, "cited")
                    c.owner = att
                    cited.append(c)
            rcp = recipient_of(unit, a, b, recent)
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
            s.region == c.region and c.cue_end <= s.run_start and reports_content_after(unit, s)
            for s in speakers
        ):
            continue  # placed above the speaker in build_tree
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


def reports_content_after(unit: Unit, s: Attribution) -> bool:
    """English: "According to X, Y said the talks…" relays Y; in "…, according to sources, O Globo
    said." the sentence ends at the verb, so the citation was inside what O Globo said. A
    verb-final language always ends with its verb: there the position says nothing."""
    if unit.lex.verb_final:
        return True
    return len(re.findall(r"\w+", unit.text[s.cue_end : unit.end])) >= 3


def _is_relay(lex: Lexicon, marker: str) -> bool:
    norm = re.sub(r"\s+", " ", marker).casefold()
    return any(norm == r or norm.endswith(r) for r in lex.relays)

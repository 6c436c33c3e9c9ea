"""The clause around a reporting verb: whether the verb is negated or not speech at all, which
noun phrases can be its subject (verb-final languages: those followed by a subject marker;
English: the phrase before the verb, across a parenthetical), the outlet the speaker told
("told the NYT", "NYT에 밝혔다"), and who is "quoted as saying".
"""

from __future__ import annotations

import re

from dossier.provenance.links import KIND_ANONYMOUS, KIND_OUTLET, Link
from dossier.provenance.sources import after_preposition, link_for
from dossier.provenance.units import Token, Unit
from dossier.provenance.vocabulary import DEVANAGARI_WORD_CLASS, boundaries
from dossier.text.scripts import HANGUL_CLASS

INTERVIEW_WINDOW = 80  # chars before a verb-final verb where "X와의 인터뷰에서" names the outlet told
AS_SAYING_MAX = 160  # chars between "quoted" and "as saying"
PARENTHETICAL_MAX = 160  # chars between the commas of "X, spokesman for …, said"
PREPOSITION_TAIL = re.compile(r"^\s+(?:in|of|at|from|for|with)\b[^,;.“”\"]{0,60}$")


def is_negated(unit: Unit, m_start: int, m_end: int) -> bool:
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


def subject_candidates(unit: Unit) -> list[tuple[int, int, str, list[Token], int]]:
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
                    m = re.match(rf"\s+{re.escape(mk)}(?![{DEVANAGARI_WORD_CLASS}])", rest)
                else:
                    m = re.match(rf"{re.escape(mk)}(?![{HANGUL_CLASS}])", rest)
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


def is_embedded(unit: Unit, pos: int, verb: int, cands: list) -> bool:
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


def recipient_of(unit: Unit, v_start: int, v_end: int, recent: list[Link]) -> Link | None:
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
    return link_for(unit, t, None, items, (v_start, v_end, unit.text[v_start:v_end]), recent)


def english_subject(unit: Unit, verb: int) -> tuple[list[Token], int, list[Token]]:
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
        and all(after_preposition(unit, t) for t in sources)
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


def quoted_as_saying(unit: Unit, pos: int, cue: tuple[int, int, str]) -> Link | None:
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

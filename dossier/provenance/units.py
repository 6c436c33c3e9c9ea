"""The unit reporting is read from: one sentence, or several the splitter cut inside a quotation,
with its tokens (every piece a source noun phrase can be made of: recognised entities, unnamed
sources, media words, documents, demonyms, anaphors...) and its quotation regions. Unit.run_back /
run_fwd read the noun phrase that ends or starts at a position.
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.model import Entity
from dossier.provenance import links as kinds  # the KIND_* values a token's source kind is one of
from dossier.provenance.outlets import kb_actor
from dossier.provenance.quotations import quote_regions
from dossier.provenance.vocabulary import Lexicon, norm_key
from dossier.text.scripts import is_devanagari, is_hangul


@dataclass
class Token:
    """One piece of a unit that a source noun phrase can be made of."""

    start: int
    end: int
    type: str  # source | anonymous | media | document | word | demonym | anaphor | outlet_noun | conj
    kind: str | None = None
    entity: Entity | None = None
    country: str | None = None  # demonym -> country id
    anaphor: dict | None = None


def script_lang(s: str, default: str) -> str:
    """The language whose script s is written in: `default` unless its letters are under 30% of
    another script's, or it is none of en/ko/hi (an English translation after a Korean body)."""
    counts = {"ko": 0, "hi": 0, "en": 0}
    for ch in s:
        if is_hangul(ch):
            counts["ko"] += 1
        elif is_devanagari(ch):
            counts["hi"] += 1
        elif ch.isascii() and ch.isalpha():
            counts["en"] += 1
    best = max(counts, key=lambda k: counts[k])
    if counts[best] == 0:
        return default
    if default in counts and counts[default] >= 0.3 * counts[best]:
        return default
    return best


def _kind_of_entity(e: Entity, lex: Lexicon) -> str | None:
    """The source kind of a recognised entity, or None if it cannot be a source."""
    eid = e.entity_id or ""
    if eid.startswith("outlet:"):
        return kinds.KIND_OUTLET
    if eid.startswith("per:") or (e.label == "PER"):
        actor = kb_actor(eid) if eid.startswith("per:") else None
        desc = (actor.description or "").casefold() if actor is not None else ""
        if desc and any(w in desc for w in lex.kb_kinds.get("official_words", ())):
            return kinds.KIND_OFFICIAL
        return kinds.KIND_PERSON
    if eid.startswith("country:"):
        return kinds.KIND_GOVERNMENT
    if eid.startswith("org:"):
        actor = kb_actor(eid)
        desc = (actor.description or "").casefold() if actor is not None else ""
        if (
            desc
            and not any(w in desc for w in lex.kb_kinds.get("non_government_words", ()))
            and any(w in desc for w in lex.kb_kinds.get("government_words", ()))
        ):
            return kinds.KIND_GOVERNMENT
        return kinds.KIND_ORGANISATION
    if e.label == "ORG":
        return kinds.KIND_ORGANISATION
    if e.label == "LOC":
        return kinds.KIND_GOVERNMENT  # only ever used as a speaker: "Pyongyang said" is its government
    return None


def _unlinked_outlet(text: str, e: Entity, lex: Lexicon) -> bool:
    """An organisation the KB does not know is an outlet when an outlet noun ends or follows its
    name ("Chosun Ilbo newspaper", "NBC 방송", "ANP news agency")."""
    if lex.outlet_nouns is None or (e.entity_id and not e.entity_id.startswith("x:")):
        return False
    if any(m.end() == len(e.text) for m in lex.outlet_nouns.finditer(e.text)):
        return True
    if lex.outlet_nouns.match(text[e.end : e.end + 20].lstrip()) is not None:
        return True
    before = text[max(0, e.start - 25) : e.start].rstrip()  # "news agency AP", "समाचार एजेंसी एपी"
    return any(m.end() == len(before) for m in lex.outlet_nouns.finditer(before))


def _tokens(text: str, start: int, end: int, entities: list[Entity], lex: Lexicon) -> list[Token]:
    """Every piece a source noun phrase can be made of, non-overlapping, entities first."""
    toks: list[Token] = []
    taken = bytearray(end - start)

    def free(a: int, b: int) -> bool:
        return a >= start and b <= end and not any(taken[a - start : b - start])

    def take(t: Token) -> None:
        for i in range(t.start - start, t.end - start):
            taken[i] = 1
        toks.append(t)

    for e in entities:
        if e.start >= start and e.end <= end and free(e.start, e.end):
            kind = _kind_of_entity(e, lex)
            if kind == kinds.KIND_ORGANISATION and _unlinked_outlet(text, e, lex):
                kind = kinds.KIND_OUTLET
            if kind is not None:
                take(Token(e.start, e.end, "source", kind, entity=e))
    seg = text[start:end]
    passes = [
        ("anaphor", lex.anaphor_re),
        ("anonymous", lex.anonymous),
        ("media", lex.media),
        ("document", lex.documents),
        ("demonym", lex.demonym_re),
        ("outlet_noun", lex.outlet_nouns),
        ("conj", lex.conjunctions),
        ("word", lex.np_words),
    ]
    for typ, rx in passes:
        if rx is None:
            continue
        pos = 0
        while (m := rx.search(seg, pos)) is not None:
            a, b = start + m.start(), start + m.end()
            if a == b or not free(a, b):
                pos = m.start() + 1  # a shorter phrase may still fit after an entity
                continue
            pos = m.end()
            t = Token(a, b, typ)
            if typ == "anonymous":
                t.kind = kinds.KIND_ANONYMOUS
            elif typ == "media":
                t.kind = kinds.KIND_OUTLET
            elif typ == "document":
                t.kind = kinds.KIND_DOCUMENT
            elif typ == "demonym":
                t.country = lex.demonyms.get(norm_key(m.group(0)))
            elif typ == "anaphor":
                t.anaphor = lex.anaphors.get(norm_key(m.group(0)), {})
            take(t)
    return sorted(toks, key=lambda t: t.start)


class Unit:
    """One sentence, or several the splitter cut inside a quotation, with its tokens and quotes."""

    def __init__(self, text: str, start: int, end: int, entities: list[Entity], lex: Lexicon):
        self.text, self.start, self.end, self.lex = text, start, end, lex
        self.toks = _tokens(text, start, end, entities, lex)
        self.by_end: dict[int, Token] = {}
        for t in self.toks:
            prev = self.by_end.get(t.end)
            if prev is None or t.start < prev.start:
                self.by_end[t.end] = t
        self.by_start = {t.start: t for t in self.toks}
        self.owner, self.regions = quote_regions(text[start:end], start)
        self.skips: dict[int, int] = {}  # end -> start of a parenthetical "citing X" the run jumps over

    def region(self, pos: int) -> int:
        return self.owner[pos - self.start] if self.start <= pos < self.end else -1

    def _token_at(self, table: dict[int, Token], pos: int, region: int) -> Token | None:
        """The token `table` has at `pos` (by_end or by_start), if it lies in quotation region `region`."""
        t = table.get(pos)
        return t if t is not None and self.region(t.start) == region else None

    def _skippable(self, ch: str, commas: bool) -> bool:
        if ch.isspace() or ch in "‘’'()[]「」·":
            return True
        return commas and ch == ","

    def run_back(self, pos: int, *, commas: bool = False) -> tuple[list[Token], int]:
        """Tokens of the noun phrase that ends at `pos`, nearest first, and where it starts.
        A parenthetical "citing X" is jumped over; commas are crossed only when asked."""
        items: list[Token] = []
        p = pos
        run_start = pos
        region = self.region(pos - 1) if pos > self.start else -1
        while p > self.start:
            q = p
            while q > self.start and self._skippable(self.text[q - 1], commas):
                q -= 1
            jump = next(
                (self.skips[x] for x in range(p, q - 1, -1) if x in self.skips and self.skips[x] < x), None
            )
            if jump is not None:
                p = jump
                continue
            if (t := self._token_at(self.by_end, q, region)) is None:
                break
            items.append(t)
            p = run_start = t.start
        return items, run_start

    def run_fwd(self, pos: int, *, commas: bool = True) -> tuple[list[Token], int]:
        """Tokens of the noun phrase that starts at `pos`, in order, and where it ends. English
        crosses commas (", said Jin H. Lee, senior fellow at …") unless told not to."""
        items: list[Token] = []
        p = pos
        run_end = pos
        region = self.region(pos) if pos < self.end else -1
        while p < self.end:
            q = p
            while q < self.end and self._skippable(self.text[q], commas and self.lex.lang == "en"):
                q += 1
            if (t := self._token_at(self.by_start, q, region)) is None:
                break
            items.append(t)
            p = run_end = t.end
        return items, run_end

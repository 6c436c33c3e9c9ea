"""The knowledge-base index the linker reads mentions against, and how one mention is read.

`kb_index(kb)` builds (once per KB) tables from `kb_key` to actor ids: full names, short forms,
family names, generic names, consonant skeletons for fuzzy matching, and the rule words (titles,
particles, articles). `mention_forms` gives the keys one mention may be looked up under; the
Korean country abbreviations (북러, 한미일) are read here too, since both the linker and the
dictionary recogniser need them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dossier.linking.kb import KnowledgeBase, load_kb
from dossier.linking.names import SEPARATORS, kb_key
from dossier.linking.translit import consonant_skeleton, name_keys
from dossier.text.scripts import is_hangul, particle_stems

# --- Index over the KB --------------------------------------------------------------------------


@dataclass
class KbIndex:
    kb: KnowledgeBase
    full: dict[str, set[str]] = field(default_factory=dict)
    short: dict[str, set[str]] = field(default_factory=dict)
    family: dict[str, set[str]] = field(default_factory=dict)
    generic: dict[str, set[str]] = field(default_factory=dict)
    skeleton: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # skeleton -> (key, id)
    actor_forms: dict[str, set[str]] = field(default_factory=dict)  # id -> short+family keys
    titles: set[str] = field(default_factory=set)
    particles: list[str] = field(default_factory=list)
    suffixes: list[str] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    not_mentions: set[str] = field(default_factory=set)
    # keys of countries' names that only other languages give in Latin letters (Finnish "Brasilia" for
    # Brazil): in a Latin-script text such a word may be a city's own name
    foreign_country_keys: set[str] = field(default_factory=set)


def _add(table: dict[str, set[str]], name: str, actor_id: str) -> None:
    key = kb_key(name)
    if key:
        table.setdefault(key, set()).add(actor_id)


_INDEXES: dict[int, KbIndex] = {}


def kb_index(kb: KnowledgeBase | None = None) -> KbIndex:
    kb = kb or load_kb()
    cached = _INDEXES.get(id(kb))
    if cached is not None and cached.kb is kb:
        return cached
    ix = KbIndex(kb=kb)

    for a in kb.actors.values():
        for ns in a.names.values():
            for n in ns:
                _add(ix.full, n, a.id)
                if a.type != "country":
                    for k in name_keys(n):
                        ix.skeleton.setdefault(consonant_skeleton(k), []).append((k, a.id))
        for ns in a.short.values():
            for n in ns:
                _add(ix.short, n, a.id)
                ix.actor_forms.setdefault(a.id, set()).add(kb_key(n))
        for ns in a.family.values():
            for n in ns:
                _add(ix.family, n, a.id)
                ix.actor_forms.setdefault(a.id, set()).add(kb_key(n))
        for ns in a.generic.values():
            for n in ns:
                _add(ix.generic, n, a.id)
    english = {kb_key(n) for a in kb.actors.values() for n in a.names.get("en", ())}
    ix.foreign_country_keys = {kb_key(n) for a in kb.actors.values() if a.type == "country"
                               for lang, ns in a.names.items() if lang != "en"
                               for n in ns if n.isascii()} - english
    rules = kb.rules
    ix.titles = {kb_key(t) for ts in rules.titles.values() for t in ts}
    ix.particles = sorted({p for ps in rules.particles.values() for p in ps}, key=len, reverse=True)
    ix.suffixes = sorted({p for ps in rules.suffixes.values() for p in ps}, key=len, reverse=True)
    ix.articles = {kb_key(t) for ts in rules.articles.values() for t in ts}
    ix.not_mentions = {kb_key(t) for ts in rules.not_mentions.values() for t in ts}
    _INDEXES.clear()
    _INDEXES[id(kb)] = ix
    return ix


def cached_index(kb_id: int) -> KbIndex:
    """The index built for the KB with this id (0: the default KB), for caches keyed on the id."""
    return kb_index(None) if kb_id == 0 else _INDEXES[kb_id]


# --- Reading one mention ------------------------------------------------------------------------


def strip_particle(token: str, ix: KbIndex) -> list[str]:
    """Forms of a Korean token without a trailing postposition (longest particle first)."""
    return particle_stems(token, ix.particles) if is_hangul(token[-1:]) else []


def mention_forms(mention: str, lang: str, ix: KbIndex) -> list[str]:
    """Lookup keys of a mention, most literal first: as written, without a Korean particle,
    without leading articles, without titles before or after the name."""
    tokens = [t for t in SEPARATORS.split(mention.strip()) if t]
    if not tokens:
        return []
    variants = [tokens]
    for stripped in strip_particle(tokens[-1], ix):
        variants.append(tokens[:-1] + [stripped])
    seen: dict[str, None] = {}
    for toks in variants:
        for cand in _without_titles(toks, ix):
            key = kb_key(" ".join(cand))
            if key:
                seen.setdefault(key, None)
    return list(seen)


def _without_titles(tokens: list[str], ix: KbIndex) -> list[list[str]]:
    out = [tokens]
    toks = list(tokens)
    while toks and kb_key(toks[0]) in ix.articles and len(toks) > 1:
        toks = toks[1:]
        out.append(toks)
    changed = True
    while changed and len(toks) > 1:
        changed = False
        for width in (3, 2, 1):
            head = kb_key(" ".join(toks[:width]))
            if len(toks) > width and (head in ix.titles or head in ix.not_mentions):
                toks = toks[width:]
                changed = True
                break
            if len(toks) > width and kb_key(" ".join(toks[-width:])) in ix.titles:
                toks = toks[:-width]
                changed = True
                break
        if changed:
            out.append(list(toks))
    # Titles glued to a name in scripts without spaces (プーチン大統領, 푸틴대통령).
    if len(toks) == 1:
        key = kb_key(toks[0])
        for t in ix.titles:
            if len(key) > len(t) and key.endswith(t) and not key.isascii():
                out.append([key[: -len(t)]])
    return out


def bare_title(mention: str, ix: KbIndex) -> bool:
    """The mention is a title and nothing else, once a particle and a leading article are gone."""
    tokens = [t for t in SEPARATORS.split(mention.strip()) if t]
    if tokens and kb_key(tokens[0]) in ix.articles:
        tokens = tokens[1:]
    return any(kb_key(" ".join(v)) in ix.titles for v in _particle_variants(tokens, ix))


def _particle_variants(tokens: list[str], ix: KbIndex) -> list[list[str]]:
    """The tokens as written, then with each particle the last one may end in stripped (김정은이 → 김정은)."""
    if not tokens:
        return []
    return [tokens] + [tokens[:-1] + [s] for s in strip_particle(tokens[-1], ix)]


def core_name(mention: str, forms: list[str], ix: KbIndex, *, titles: bool = True) -> str:
    """The mention without particle and (``titles``) titles, as written (for the cluster key). Only a
    person's name loses its titles: "राष्ट्रपति भवन" (the President's House) is a place's whole name."""
    tokens = [t for t in SEPARATORS.split(mention.strip()) if t]
    best = tokens
    for toks in _particle_variants(tokens, ix):
        cands = _without_titles(toks, ix) if titles else [toks]
        if cands and len(" ".join(cands[-1])) < len(" ".join(best)):
            best = cands[-1]
    return " ".join(best)


# --- Korean country abbreviations (북러, 한미일) ---------------------------------------------------


def country_syllables(ix: KbIndex, lang: str) -> dict[str, str]:
    """The country each one-syllable abbreviation stands for (미 = the United States): the knowledge
    base's one table (data/kb/country_aliases.yaml, `syllables`)."""
    return ix.kb.rules.syllables.get(lang, {})


def alone_country_syllables(ix: KbIndex, lang: str) -> tuple[str, ...]:
    """The abbreviations that also stand alone as a word before a name, a title or an organisation
    (미 국무부, 러 자하로바; `syllables_alone`)."""
    return ix.kb.rules.syllables_alone.get(lang, ())


def country_in_front(name: str, lang: str, ix: KbIndex) -> str:
    """A Korean organisation's name with the country in front written one way: "미 대법원" and
    "미국 대법원" are one court, as are "북 외무성" and "북한 외무성". The country word (abbreviated
    or whole) becomes the country's first Korean name in the knowledge base."""
    words = name.split()
    if lang != "ko" or len(words) < 2:
        return name
    cid = country_syllables(ix, lang).get(words[0])
    if cid is None:
        found = ix.full.get(kb_key(words[0])) or set()
        cid = next(iter(found)) if len(found) == 1 and next(iter(found)).startswith("country:") else None
    actor = ix.kb.actors.get(cid or "")
    names = actor.names.get(lang) if actor else None
    return " ".join([names[0], *words[1:]]) if names else name


def _compound_ok(text: str, pos: int, word: str, ix: KbIndex, lang: str) -> bool:
    """`word` stands at `pos` as a whole word, or is followed by a particle or a listed head noun."""
    if pos > 0 and is_hangul(text[pos - 1]):
        return False
    end = pos + len(word)
    nxt = text[end] if end < len(text) else " "
    if not is_hangul(nxt):
        return True
    for head in ix.kb.rules.compound_heads.get(lang, ()):
        if text.startswith(head, end):
            return True
    for p in ix.particles:
        if text.startswith(p, end):
            after = text[end + len(p)] if end + len(p) < len(text) else " "
            if not is_hangul(after):
                return True
    return False


def compound_part(text: str, start: int, end: int, lang: str, ix: KbIndex) -> str | None:
    """The country one syllable of a compound abbreviation stands for, if the span is that syllable."""
    if end - start != 1:
        return None
    for table_lang, table in ix.kb.rules.compounds.items():
        if table_lang != lang and lang not in ("", "und"):
            continue
        for word, ids in table.items():
            for k, _ in enumerate(word):
                pos = start - k
                if pos >= 0 and text.startswith(word, pos) and _compound_ok(text, pos, word, ix, table_lang):
                    return ids[k]
    return None


def compound_spans(text: str, lang: str, ix: KbIndex) -> list[tuple[int, int, str]]:
    out = []
    for word in ix.kb.rules.compounds.get(lang, {}):
        pos = text.find(word)
        while pos >= 0:
            if _compound_ok(text, pos, word, ix, lang):
                out.extend((pos + k, pos + k + 1, "LOC") for k in range(len(word)))
            pos = text.find(word, pos + len(word))
    return out

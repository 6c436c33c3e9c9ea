"""Entity linking: each mention -> one canonical actor id across scripts, with the evidence.

Three entry points:
- `link_entities(text, lang, spans)` links the recognised spans of one article (or segment).
- `kb_matches(text, lang)` recognises knowledge-base names by dictionary, for languages without an
  NER model and to complement NER recall.
- `group_unlinked(mentions)` groups names that are not in the KB across articles and scripts.

Order of evidence for one mention (first that decides wins; a tie between actors decides nothing):
  1. a full KB name (alias, 1.0)
  2. the family name or short form of an actor already mentioned in full earlier in the article
     (coref, 0.95): पुतिन after व्लादिमीर पुतिन, 김 위원장 after 김정은
  3. a short form the KB lists as naming the actor on its own, e.g. "Putin" (alias, 0.9)
  4. a generic name ("defence ministry") decided by the country named next to it (alias, 0.8);
     one syllable of a Korean country abbreviation, 북 and 러 in 북러 (alias, 0.9)
  5. a transliteration key close to one KB name, with the same consonant skeleton (fuzzy, ratio)
  6. nothing: an unlinked entity with a cluster id "x:<latin key>" (method "none")
A family name alone ("Kim") never links without an earlier full mention, and an ambiguous mention
stays unlinked: a missing link is recoverable, a wrong one misleads the analyst.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Indel

from dossier.linking.kb import Actor, KnowledgeBase, load_kb
from dossier.model import Entity, Span
from dossier.linking.translit import key_similarity, latin_key, name_keys, same_shape

SCORE_ALIAS = 1.0
SCORE_COREF = 0.95
SCORE_SHORT = 0.9
SCORE_GENERIC = 0.8
SCORE_COMPOUND = 0.9  # one syllable of a Korean country abbreviation (북러: 북 = North Korea)
FUZZY_MIN = 0.85  # key similarity for a fuzzy link to a KB name (also needs the same shape)
GROUP_MIN = 0.8  # key similarity for grouping unlinked names across articles

TYPE_LABEL = {"person": "PER", "organisation": "ORG", "outlet": "ORG", "country": "LOC"}
# Which actor types a recognised label may link to. NER often tags a government seat as LOC
# ("the Kremlin said") or a country acting as a party as ORG; a person is only ever PER.
LABEL_TYPES = {
    "PER": {"person"},
    "ORG": {"organisation", "outlet", "country"},
    "LOC": {"country", "organisation"},
}

# --- Normalisation ------------------------------------------------------------------------------

_HI_FOLD = {
    "\u093c": "",  # nukta: ज़ -> ज, फ़ -> फ (spelled both ways)
    "\u0901": "\u0902",  # chandrabindu -> anusvara
    "ी": "ि", "ू": "ु", "ई": "इ", "ऊ": "उ",  # vowel length of foreign names varies (शोइगु / शोइगू)
    "ॉ": "ो", "ऑ": "ओ",  # candra o (जॉन / जोन)
    "ॅ": "े", "ऍ": "ए",
}
_HI_NASALS = "ङञणनम"
_RU_FOLD = {"ё": "е", "Ё": "Е"}
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—·・･_/]+")


def fold_chars(text: str) -> tuple[str, list[int]]:
    """Spelling-variant folding that keeps an offset map: folded[i] came from text[index[i]].
    Nothing is removed but Devanagari nukta; nasal consonant + virama before a consonant becomes
    anusvara (जोङ्ग = जोंग)."""
    out: list[str] = []
    idx: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _HI_NASALS and i + 2 < n and text[i + 1] == "\u094d" and "\u0915" <= text[i + 2] <= "\u0939":
            out.append("\u0902")
            idx.append(i)
            i += 2
            continue
        rep = _HI_FOLD.get(ch, _RU_FOLD.get(ch, ch))
        for r in rep:
            out.append(r)
            idx.append(i)
        i += 1
    return "".join(out), idx


def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() and c.isascii() for c in letters)


_NEEDS_FOLD = re.compile("[\u0900-\u097FёЁ]")


@lru_cache(maxsize=4096)
def _is_punct(c: str) -> bool:
    return unicodedata.category(c).startswith(("P", "S"))


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Lookup key of a name: NFKC, spelling variants folded, punctuation and separators removed,
    case folded except for short all-capital acronyms ("US" is not "us")."""
    s = unicodedata.normalize("NFKC", name)
    if _NEEDS_FOLD.search(s):
        s, _ = fold_chars(s)
    s = "".join(c for c in s if not _is_punct(c))
    s = _SEPARATORS.sub("", s)
    return s if _is_acronym(s) else s.casefold()


# --- Index over the KB --------------------------------------------------------------------------


@dataclass
class _Index:
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


def _add(table: dict[str, set[str]], name: str, actor_id: str) -> None:
    key = normalise(name)
    if key:
        table.setdefault(key, set()).add(actor_id)


_INDEXES: dict[int, _Index] = {}


def _index(kb: KnowledgeBase | None = None) -> _Index:
    kb = kb or load_kb()
    cached = _INDEXES.get(id(kb))
    if cached is not None and cached.kb is kb:
        return cached
    ix = _Index(kb=kb)
    from dossier.linking.translit import consonant_skeleton

    for a in kb.actors.values():
        for _lang, ns in a.names.items():
            for n in ns:
                _add(ix.full, n, a.id)
                if a.type != "country":
                    for k in name_keys(n):
                        ix.skeleton.setdefault(consonant_skeleton(k), []).append((k, a.id))
        for _lang, ns in a.short.items():
            for n in ns:
                _add(ix.short, n, a.id)
                ix.actor_forms.setdefault(a.id, set()).add(normalise(n))
        for _lang, ns in a.family.items():
            for n in ns:
                _add(ix.family, n, a.id)
                ix.actor_forms.setdefault(a.id, set()).add(normalise(n))
        for _lang, ns in a.generic.items():
            for n in ns:
                _add(ix.generic, n, a.id)
    rules = kb.rules
    ix.titles = {normalise(t) for ts in rules.titles.values() for t in ts}
    ix.particles = sorted({p for ps in rules.particles.values() for p in ps}, key=len, reverse=True)
    ix.suffixes = sorted({p for ps in rules.suffixes.values() for p in ps}, key=len, reverse=True)
    ix.articles = {normalise(t) for ts in rules.articles.values() for t in ts}
    ix.not_mentions = {normalise(t) for ts in rules.not_mentions.values() for t in ts}
    _INDEXES.clear()
    _INDEXES[id(kb)] = ix
    return ix


# --- Reading one mention ------------------------------------------------------------------------

_HANGUL = re.compile(r"[가-힣]")


def _strip_particle(token: str, ix: _Index) -> list[str]:
    """Forms of a Korean token without a trailing postposition (longest particle first)."""
    out = []
    if _HANGUL.search(token[-1:] or ""):
        for p in ix.particles:
            if token.endswith(p) and len(token) > len(p):
                out.append(token[: -len(p)])
    return out


def _forms(mention: str, lang: str, ix: _Index) -> list[str]:
    """Lookup keys of a mention, most literal first: as written, without a Korean particle,
    without leading articles, without titles before or after the name."""
    tokens = [t for t in _SEPARATORS.split(mention.strip()) if t]
    if not tokens:
        return []
    variants = [tokens]
    for stripped in _strip_particle(tokens[-1], ix):
        variants.append(tokens[:-1] + [stripped])
    seen: dict[str, None] = {}
    for toks in variants:
        for cand in _without_titles(toks, ix):
            key = normalise(" ".join(cand))
            if key:
                seen.setdefault(key, None)
    return list(seen)


def _without_titles(tokens: list[str], ix: _Index) -> list[list[str]]:
    out = [tokens]
    toks = list(tokens)
    while toks and normalise(toks[0]) in ix.articles and len(toks) > 1:
        toks = toks[1:]
        out.append(toks)
    changed = True
    while changed and len(toks) > 1:
        changed = False
        for width in (3, 2, 1):
            head = normalise(" ".join(toks[:width]))
            if len(toks) > width and (head in ix.titles or head in ix.not_mentions):
                toks = toks[width:]
                changed = True
                break
            if len(toks) > width and normalise(" ".join(toks[-width:])) in ix.titles:
                toks = toks[:-width]
                changed = True
                break
        if changed:
            out.append(list(toks))
    # Titles glued to a name in scripts without spaces (プーチン大統領, 푸틴대통령).
    if len(toks) == 1:
        key = normalise(toks[0])
        for t in ix.titles:
            if len(key) > len(t) and key.endswith(t) and not key.isascii():
                out.append([key[: -len(t)]])
    return out


# --- Linking one article ------------------------------------------------------------------------


@dataclass
class _Antecedent:
    entity_id: str
    forms: set[str]  # keys a later short mention may use to refer back


_SENTENCE_END = re.compile(r"[.!?।。！？\n]")


def _antecedent_forms(entity_id: str, mention_forms: list[str], mention: str, label: str, ix: _Index) -> set[str]:
    forms = set(ix.actor_forms.get(entity_id, ()))
    actor = ix.kb.actors.get(entity_id)
    if label != "PER" or (actor is not None and actor.type != "person"):
        return forms - set(mention_forms)  # "House" does not refer back to "White House"
    tokens = [t for t in _SEPARATORS.split(mention.strip()) if t]
    if len(tokens) >= 2:
        # Latin, Cyrillic, Devanagari and foreign names in Hangul: the last token is the family
        # name; East Asian names written in Latin put it first ("Kim Min-seok"). KB actors list
        # their family names; for others the first token counts only if it is a known family name.
        forms.add(normalise(tokens[-1]))
        if entity_id.startswith("x:") and normalise(tokens[0]) in ix.family:
            forms.add(normalise(tokens[0]))  # "Kim Min-seok": a family name known to come first
    elif len(tokens) == 1 and 2 <= len(tokens[0]) <= 4 and all(_HANGUL.match(c) for c in tokens[0]):
        forms.add(normalise(tokens[0][0]))  # Korean name: family name is the first syllable
    forms -= set(mention_forms)
    forms.discard("")
    return forms


def _unique(ids: set[str] | None, allowed: set[str], ix: _Index) -> tuple[str | None, bool]:
    """(id, ambiguous): the one compatible actor, or None and whether several competed."""
    if not ids:
        return None, False
    ok = {i for i in ids if ix.kb.actors[i].type in allowed}
    if len(ok) == 1:
        return next(iter(ok)), False
    return None, len(ok) > 1


def _fuzzy(forms: list[str], mention: str, allowed: set[str], ix: _Index) -> tuple[str | None, float]:
    from dossier.linking.translit import consonant_skeleton

    best: dict[str, float] = {}
    for key in name_keys(mention):
        for cand_key, actor_id in ix.skeleton.get(consonant_skeleton(key), ()):
            if ix.kb.actors[actor_id].type not in allowed or not same_shape(key, cand_key):
                continue
            sim = key_similarity(key, cand_key)
            if sim >= FUZZY_MIN and sim > best.get(actor_id, 0.0):
                best[actor_id] = sim
    if not best:
        return None, 0.0
    top = max(best.values())
    winners = [i for i, s in best.items() if s == top]
    if len(winners) != 1 or _prefix_of_another(mention, winners[0], allowed, ix):
        return None, 0.0
    return winners[0], top


def _prefix_of_another(mention: str, winner: str, allowed: set[str], ix: _Index) -> bool:
    """A mention that is the start of another actor's full name ("Kim Jong" of "Kim Jong Un") is
    a cut name, not a misspelling of the fuzzy winner ("Kim Yo Jong"): too ambiguous to link."""
    head = _name_tokens(mention)
    if not head:
        return False
    for actor in ix.kb.actors.values():
        if actor.id == winner or actor.type not in allowed:
            continue
        for names in actor.names.values():
            if any(len(toks) > len(head) and toks[: len(head)] == head for toks in map(_name_tokens, names)):
                return True
    return False


def _name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-‐‑·.]+", name.casefold()) if t]


def _country_context(text: str, start: int, countries: list[tuple[int, str]]) -> str | None:
    """The country mentioned last before `start` in the same sentence."""
    sentence_start = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        sentence_start = m.end()
    before = [cid for pos, cid in countries if sentence_start <= pos < start]
    return before[-1] if before else None


def link_entities(text: str, lang: str, spans: list[Span], kb: KnowledgeBase | None = None) -> list[Entity]:
    """Link the recognised spans of one article (or segment) to KB actors.

    Returns one Entity per span, in text order, with entity_id (KB id, or "x:<latin key>" for a
    name not in the KB, or None when nothing could be read), canonical (English KB name), score
    and method (alias | coref | fuzzy | none)."""
    ix = _index(kb)
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    # Countries first: generic names ("the defence ministry") are resolved against them.
    countries: list[tuple[int, str]] = []
    for sp in ordered:
        part = _compound_part(text, sp.start, sp.end, lang, ix)
        if part:
            countries.append((sp.start, part))
            continue
        for f in _forms(text[sp.start : sp.end], lang, ix):
            cid, _ = _unique(ix.full.get(f), {"country"}, ix)
            if cid:
                countries.append((sp.start, cid))
                break
    article_countries = {cid for _, cid in countries}

    antecedents: list[_Antecedent] = []
    out: list[Entity] = []
    for sp in ordered:
        mention = text[sp.start : sp.end]
        allowed = LABEL_TYPES.get(sp.label, set())
        forms = _forms(mention, lang, ix)
        ent = Entity(start=sp.start, end=sp.end, text=mention, label=sp.label, method="none")
        actor_id, method, score = _decide(text, sp, mention, forms, allowed, antecedents, countries,
                                          article_countries, ix, lang)
        if actor_id:
            ent.entity_id, ent.method, ent.score = actor_id, method, score
            actor = ix.kb.actors.get(actor_id)
            ent.canonical = actor.name if actor else None
        elif method != "blocked" and forms:
            # a title on its own ("총비서는", "the President") names nobody: nothing to group
            key = None if _bare_title(mention, ix) else latin_key(_core_name(mention, forms, ix))
            ent.entity_id = f"x:{key}" if key else None
        if ent.entity_id and method in ("alias", "fuzzy", "none") and ent.entity_id != "x:":
            antecedents.append(_Antecedent(ent.entity_id, _antecedent_forms(ent.entity_id, forms, mention, sp.label, ix)))
        out.append(ent)
    return out


def is_bare_title(mention: str, kb: KnowledgeBase | None = None) -> bool:
    """Is the mention a title and nothing else ("총비서는", "the President")? Such a mention names
    nobody: it gets no cluster of its own, here or when names are grouped across the corpus."""
    return _bare_title(mention, _index(kb))


def _bare_title(mention: str, ix: _Index) -> bool:
    """The mention is a title and nothing else, once a particle and a leading article are gone."""
    tokens = [t for t in _SEPARATORS.split(mention.strip()) if t]
    if tokens and normalise(tokens[0]) in ix.articles:
        tokens = tokens[1:]
    return any(normalise(" ".join(v)) in ix.titles for v in _particle_variants(tokens, ix))


def _particle_variants(tokens: list[str], ix: _Index) -> list[list[str]]:
    """The tokens as written, then with each particle the last one may end in stripped (김정은이 → 김정은)."""
    if not tokens:
        return []
    return [tokens] + [tokens[:-1] + [s] for s in _strip_particle(tokens[-1], ix)]


def _core_name(mention: str, forms: list[str], ix: _Index) -> str:
    """The mention without particle and titles, as written (for the cluster key)."""
    tokens = [t for t in _SEPARATORS.split(mention.strip()) if t]
    best = tokens
    for toks in _particle_variants(tokens, ix):
        cands = _without_titles(toks, ix)
        if cands and len(" ".join(cands[-1])) < len(" ".join(best)):
            best = cands[-1]
    return " ".join(best)


def _decide(text, sp, mention, forms, allowed, antecedents, countries, article_countries, ix, lang):
    if not forms or not allowed:
        return None, "none", None
    if "country" in allowed:
        part = _compound_part(text, sp.start, sp.end, lang, ix)
        if part:
            return part, "alias", SCORE_COMPOUND
        if any(mention.strip() == w for table in ix.kb.rules.compounds.values() for w in table):
            return None, "blocked", None  # 북러 as one span names two countries: no single id
    if any(f in ix.not_mentions for f in forms[:1]) and "country" in allowed:
        return None, "blocked", None
    # 1. full KB name
    ambiguous = False
    for f in forms:
        actor_id, amb = _unique(ix.full.get(f), allowed, ix)
        if actor_id:
            return actor_id, "alias", SCORE_ALIAS
        ambiguous |= amb
    if ambiguous:
        return None, "none", None
    # 1b. a multi-word full name of a person or organisation under another label: the NER label
    #     is wrong ("Kim Jong-un" tagged LOC), the name is not; never a country from a PER span
    tokens = [t for t in _SEPARATORS.split(mention.strip()) if t]
    if len(tokens) >= 2 or (mention.strip() and not mention.strip().isascii() and len(mention.strip()) >= 3):
        for f in forms[:1]:
            ids = {i for i in ix.full.get(f, ()) if ix.kb.actors[i].type in ("person", "organisation", "outlet")}
            if len(ids) == 1:
                return next(iter(ids)), "alias", SCORE_SHORT
    elif len(mention.strip()) >= 4:
        # one Latin word: only a news outlet's own name crosses labels ("Yomiuri said", "Reuters
        # reported" tagged PER); "Wagner" as a person is not the Wagner Group
        for f in forms[:1]:
            ids = {i for i in ix.full.get(f, ()) if ix.kb.actors[i].type == "outlet"}
            if len(ids) == 1:
                return next(iter(ids)), "alias", SCORE_SHORT
    # 2. back-reference to an earlier full mention in the article
    for f in forms:
        hits = {a.entity_id for a in antecedents if f in a.forms}
        kb_hits = {h for h in hits if not h.startswith("x:") and ix.kb.actors[h].type in allowed}
        x_hits = {h for h in hits if h.startswith("x:")}
        if len(kb_hits) + len(x_hits) == 1:
            return next(iter(kb_hits | x_hits)), "coref", SCORE_COREF
        if kb_hits:
            return None, "blocked", None  # two earlier Kims: do not guess
        if x_hits:
            break  # several unlinked names share it: the mention keeps its own cluster
    # 3. short form that names the actor on its own
    for f in forms:
        actor_id, amb = _unique(ix.short.get(f), allowed, ix)
        if actor_id:
            return actor_id, "alias", SCORE_SHORT
        if amb:
            return None, "none", None
    # 4. generic name, decided by the country next to it
    for f in forms:
        cands = {i for i in ix.generic.get(f, ()) if ix.kb.actors[i].type in allowed}
        if not cands:
            continue
        near = _country_context(text, sp.start, countries)
        pick = {i for i in cands if ix.kb.actors[i].country == near} if near else set()
        if len(pick) != 1:
            pick = {i for i in cands if ix.kb.actors[i].country in article_countries}
        if len(pick) == 1:
            return next(iter(pick)), "alias", SCORE_GENERIC
        return None, "none", None
    # a family name of some KB actor with no antecedent: never guess ("Kim")
    if any(f in ix.family for f in forms):
        return None, "none", None
    # 5. fuzzy transliteration match to one KB name (not for countries: exact names only)
    fuzzy_allowed = allowed - {"country"}
    if fuzzy_allowed:
        actor_id, sim = _fuzzy(forms, _core_name(mention, forms, ix), fuzzy_allowed, ix)
        if actor_id:
            return actor_id, "fuzzy", round(sim, 3)
    return None, "none", None


# --- Korean country abbreviations (북러, 한미일) ---------------------------------------------------


def _compound_ok(text: str, pos: int, word: str, ix: _Index, lang: str) -> bool:
    """`word` stands at `pos` as a whole word, or is followed by a particle or a listed head noun."""
    if pos > 0 and "가" <= text[pos - 1] <= "힣":
        return False
    end = pos + len(word)
    nxt = text[end] if end < len(text) else " "
    if not ("가" <= nxt <= "힣"):
        return True
    for head in ix.kb.rules.compound_heads.get(lang, ()):
        if text.startswith(head, end):
            return True
    for p in ix.particles:
        if text.startswith(p, end):
            after = text[end + len(p)] if end + len(p) < len(text) else " "
            if not ("가" <= after <= "힣"):
                return True
    return False


def _compound_part(text: str, start: int, end: int, lang: str, ix: _Index) -> str | None:
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


def _compound_spans(text: str, lang: str, ix: _Index) -> list[tuple[int, int, str]]:
    out = []
    for word in ix.kb.rules.compounds.get(lang, {}):
        pos = text.find(word)
        while pos >= 0:
            if _compound_ok(text, pos, word, ix, lang):
                out.extend((pos + k, pos + k + 1, "LOC") for k in range(len(word)))
            pos = text.find(word, pos + len(word))
    return out


# --- Dictionary recognition ---------------------------------------------------------------------

_LATINISH = re.compile(r"[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0900-\u097F]")
_SEP_CHARS = set(" \t\n\r\u00a0-‐‑·・")


def _script_of(name: str) -> str:
    for c in name:
        if "가" <= c <= "힣":
            return "hangul"
        if "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff":
            return "cjk"
    return "alpha"


def _match_form(s: str) -> str:
    """Same-length form for dictionary lookup: lowercase, every separator a plain space."""
    out = []
    for c in s:
        if c in _SEP_CHARS:
            out.append(" ")
        else:
            low = c.lower()
            out.append(low if len(low) == 1 else c)
    return "".join(out)


@dataclass
class _Matcher:
    names: dict[str, tuple[str, str, str]]  # match form -> (label, name as written, script)
    lengths: dict[str, list[int]]  # first char -> candidate lengths, longest first
    particles: list[str]
    suffixes: list[str]
    family: dict[str, dict[str, str]]  # match form of a full PER name -> {family match form: script}


def _add_names(names: dict, table, langs, label: str, ix: _Index, skip: set[str]) -> None:
    for lg in langs:
        for n in table.get(lg, ()):
            folded, _ = fold_chars(unicodedata.normalize("NFC", n))
            if len(folded) < 2 or normalise(n) in ix.not_mentions or normalise(n) in skip:
                continue
            names.setdefault(_match_form(folded), (label, folded, _script_of(folded)))


@lru_cache(maxsize=32)
def _matcher(lang: str, kb_id: int) -> _Matcher:
    ix = _index(None) if kb_id == 0 else _INDEXES[kb_id]
    langs = (lang, "en")
    names: dict[str, tuple[str, str, str]] = {}
    family: dict[str, dict[str, str]] = {}
    skip = {normalise(w) for w in ix.kb.rules.common_words.get(lang, ())}
    for a in ix.kb.actors.values():
        label = TYPE_LABEL[a.type]
        for table in (a.names, a.short, a.generic):
            _add_names(names, table, langs, label, ix, skip)
        if a.type == "person" and a.family:
            fams = {}
            for lg in langs:
                for f in a.family.get(lg, ()):
                    folded, _ = fold_chars(unicodedata.normalize("NFC", f))
                    fams[_match_form(folded)] = _script_of(folded)
            for lg in langs:
                for n in a.names.get(lg, ()):
                    folded, _ = fold_chars(unicodedata.normalize("NFC", n))
                    family.setdefault(_match_form(folded), {}).update(fams)
    lengths: dict[str, set[int]] = {}
    for form in names:
        lengths.setdefault(form[0], set()).add(len(form))
    return _Matcher(names, {c: sorted(ls, reverse=True) for c, ls in lengths.items()}, ix.particles,
                    ix.suffixes, family)


def _is_hangul(c: str) -> bool:
    return "가" <= c <= "힣"


def _boundary_ok(text: str, start: int, end: int, script: str, particles: list[str],
                 suffixes: list[str] = ()) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if script == "cjk":
        return True
    if script == "hangul":
        if _is_hangul(before):
            return False
        if not _is_hangul(after):
            return True
        # a bound noun (국가안보실+장) and/or a postposition may follow, then the word ends
        for suf in ("", *suffixes):
            if suf and not text.startswith(suf, end):
                continue
            pos = end + len(suf)
            for p in ("", *particles):
                if p and not text.startswith(p, pos):
                    continue
                nxt = text[pos + len(p)] if pos + len(p) < len(text) else " "
                if (suf or p) and not _is_hangul(nxt):
                    return True
        return False
    return not _LATINISH.match(before) and not _LATINISH.match(after)


def kb_matches(text: str, lang: str, kb: KnowledgeBase | None = None) -> list[Span]:
    """Spans of KB names (full names, short forms, generic names) in `text`, longest match first,
    word-boundary aware per script; a Korean name may be followed by a particle, which stays outside
    the span. Names in `lang` and English are looked for. After a person's full name, their family
    name alone is recognised too ("Kim" after "Kim Jong Un", किम after किम जोंग उन; a one-syllable
    Korean family name only when a space follows it). Labels: PER, ORG (organisations and outlets)
    or LOC (countries)."""
    _index(kb)
    m = _matcher(lang, 0 if kb is None else id(kb))
    folded, idx = fold_chars(text)
    low = _match_form(folded)
    spans: list[tuple[int, int, str]] = []  # in folded offsets
    family_after: dict[str, tuple[int, str]] = {}  # family form -> (position of full name end, script)
    i, n = 0, len(low)
    while i < n:
        hit = 0
        for length in m.lengths.get(low[i], ()):
            if i + length > n:
                continue
            form = low[i : i + length]
            entry = m.names.get(form)
            if entry is None:
                continue
            label, name, script = entry
            got = folded[i : i + length]
            if _is_acronym(name) and got != name:
                continue  # "US" must not match "us"
            if name[:1].isupper() and got[:1].islower():
                continue  # "America" must not match "america" in running text
            if not _boundary_ok(folded, i, i + length, script, m.particles, m.suffixes):
                continue
            spans.append((i, i + length, label))
            for fam, fscript in m.family.get(form, {}).items():
                family_after.setdefault(fam, (i + length, fscript))
            hit = length
            break
        i += hit or 1
    spans += _family_mentions(folded, low, family_after, spans, m)
    ix = _index(kb)
    for cs, ce, label in _compound_spans(folded, lang, ix):
        if all(ce <= s or cs >= e for s, e, _ in spans):
            spans.append((cs, ce, label))
    spans.sort()
    return [Span(idx[s], idx[e - 1] + 1, label) for s, e, label in spans]


def _family_mentions(folded: str, low: str, family_after: dict[str, tuple[int, str]],
                     taken: list[tuple[int, int, str]], m: _Matcher) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    occupied = [(s, e) for s, e, _ in taken]
    for fam, (after, script) in family_after.items():
        pos = low.find(fam, after)
        while pos >= 0:
            end = pos + len(fam)
            free = all(end <= s or pos >= e for s, e in occupied)
            cased = not fam[:1].isalpha() or folded[pos].isupper() or not folded[pos].isascii()
            if script == "hangul" and len(fam) == 1:
                ok = end < len(folded) and folded[end] == " " and (pos == 0 or not _is_hangul(folded[pos - 1]))
            else:
                ok = _boundary_ok(folded, pos, end, script, m.particles)
            if free and cased and ok:
                out.append((pos, end, "PER"))
                occupied.append((pos, end))
            pos = low.find(fam, end)
    return out


# --- Grouping names that are not in the KB ------------------------------------------------------


def _is_latin(name: str) -> bool:
    return all(ord(c) < 0x250 for c in name if c.isalpha())


def group_unlinked(mentions: list[tuple[str, str]], threshold: float = GROUP_MIN) -> dict[tuple[str, str], tuple[str, float]]:
    """Group (name, lang) mentions that no KB actor took, across articles and scripts.

    Returns (name, lang) -> (cluster id "x:<latin key>", score). Names with the same phonetic key
    share a cluster at score 1.0; another name joins the cluster whose representative it resembles
    most if the best key similarity is at least `threshold` and the first consonants agree; its score
    is that similarity. Representatives are chosen Latin-script first, then by frequency, so the
    result does not depend on input order."""
    counts: dict[tuple[str, str], int] = {}
    for m in mentions:
        counts[m] = counts.get(m, 0) + 1
    by_key: dict[str, list[tuple[str, str]]] = {}
    for name, lang in counts:
        key = latin_key(name)
        if key:
            by_key.setdefault(key, []).append((name, lang))
    groups = sorted(
        by_key.items(),
        key=lambda kv: (
            not any(_is_latin(n) for n, _ in kv[1]),
            -sum(counts[m] for m in kv[1]),
            kv[0],
        ),
    )
    reps: list[str] = []  # cluster keys, in the order their clusters were opened
    # per first letter: every key variant of every representative, and whose it is
    variants: dict[str, tuple[list[str], list[int]]] = {}
    result: dict[tuple[str, str], tuple[str, float]] = {}
    for key, members in groups:
        rep_name = members[0][0]
        # The representative most similar to this name (translit.name_similarity: the best pair of key
        # variants), the earliest on ties; rapidfuzz scores a whole bucket at once and skips the
        # variants that cannot reach the threshold, so grouping stays fast at 100k names.
        choices, owners = variants.setdefault(key[:1], ([], []))
        best_of: dict[int, float] = {}
        for v in name_keys(rep_name):
            # (the cutoff is loosened a hair: rapidfuzz turns it into a distance bound that can drop
            # a pair scoring exactly the threshold; the exact test follows)
            for _, sim, at in process.extract(v, choices, scorer=Indel.normalized_similarity,
                                              score_cutoff=threshold - 1e-6, limit=None):
                if sim < threshold:
                    continue
                r = owners[at]
                best_of[r] = max(best_of.get(r, 0.0), sim)
        if best_of:
            r, best_sim = min(best_of.items(), key=lambda rs: (-rs[1], rs[0]))
            cluster, score = reps[r], round(best_sim, 3)
        else:
            reps.append(key)
            for v in name_keys(rep_name):
                choices.append(v)
                owners.append(len(reps) - 1)
            cluster, score = key, 1.0
        for m in members:
            result[m] = (f"x:{cluster}", score)
    for m in counts:
        result.setdefault(m, (None, 0.0))  # type: ignore[arg-type]
    return result


__all__ = [
    "link_entities", "kb_matches", "group_unlinked", "is_bare_title", "normalise", "fold_chars", "Actor",
]

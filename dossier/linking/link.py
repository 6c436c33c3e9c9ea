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
stays unlinked: a missing link is recoverable, a wrong one misleads the analyst. Short forms of
unknown organisations are then joined to their full names (dossier.linking.short_forms).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from dossier.linking.abbreviations import (
    ACTOR_LABELS,
    abbreviation_of,
    abbreviation_pair,
    is_latin_abbreviation,
    reordered_abbreviation_of,
)
from dossier.linking.dictionary import kb_matches
from dossier.linking.kb import KnowledgeBase
from dossier.linking.lookup import (
    KbIndex,
    alone_country_syllables,
    bare_title,
    compound_part,
    core_name,
    country_in_front,
    country_syllables,
    kb_index,
    mention_forms,
)
from dossier.linking.mentions import is_alias_pair, names_a_country, person_shape
from dossier.linking.names import SEPARATORS, kb_key
from dossier.linking.nicknames import given_name_variants
from dossier.linking.scores import SCORE_ALIAS, SCORE_COMPOUND, SCORE_COREF, SCORE_GENERIC, SCORE_SHORT
from dossier.linking.short_forms import join_short_forms
from dossier.linking.translit import consonant_skeleton, key_similarity, latin_key, name_keys, same_shape
from dossier.linking.unlinked import group_unlinked
from dossier.model import Entity, Span
from dossier.text.scripts import is_hangul

FUZZY_MIN = 0.85  # key similarity for a fuzzy link to a KB name (also needs the same shape)

# Which actor types a recognised label may link to. NER often tags a government seat as LOC
# ("the Kremlin said") or a country acting as a party as ORG; a person is only ever PER.
LABEL_TYPES = {
    "PER": {"person"},
    "ORG": {"organisation", "outlet", "country"},
    "LOC": {"country", "organisation"},
}

# --- Linking one article ------------------------------------------------------------------------


def abbreviated_country(mention: str, lang: str, ix: KbIndex) -> str | None:
    """The country a one-syllable abbreviation standing as a word names (미 = the United States in
    "미 국무부", 러 in "러 외무부"), as the compound abbreviations spell it."""
    if mention not in alone_country_syllables(ix, lang):
        return None
    return country_syllables(ix, lang).get(mention)


@dataclass
class _Antecedent:
    entity_id: str
    forms: set[str]  # keys a later short mention may use to refer back


_SENTENCE_END = re.compile(r"[.!?।。！？\n]")
_NAME_WORDS = re.compile(r"[\s·・･]+")


def _antecedent_forms(entity_id: str, own_forms: list[str], mention: str, label: str,
                      ix: KbIndex) -> set[str]:
    forms = set(ix.actor_forms.get(entity_id, ()))
    actor = ix.kb.actors.get(entity_id)
    # words split at spaces and dots only: a hyphenated given name is one word ("Ching-te")
    tokens = [t for t in _NAME_WORDS.split(mention.strip()) if t]
    if label != "PER" or (actor is not None and actor.type != "person"):
        if entity_id.startswith("x:") and len(tokens) >= 2 and names_a_country(tokens[0], ix):
            # an organisation named with its country first ("미 대법원", "US Supreme Court") is the
            # one named without it later ("대법원은"), the country being the article's
            forms.add(kb_key(" ".join(tokens[1:])))
        return forms - set(own_forms)  # "House" does not refer back to "White House"
    if len(tokens) >= 2:
        # Latin, Cyrillic, Devanagari and foreign names in Hangul: the last token is the family
        # name; East Asian names written in Latin put it first ("Kim Min-seok"). KB actors list
        # their family names; for others the first token counts if it is a known family name or
        # the name has the romanised East Asian shape ("Lai Ching-te": "Lai" refers back).
        forms.add(kb_key(tokens[-1]))
        # a foreign name in Hangul may put the family name first, as Japanese and Chinese ones
        # do ("아베 신조" ... "아베"); a one-syllable first token ("조 바이든") is too short to be one
        hangul_first = all(is_hangul(c) for c in tokens[0]) and len(tokens[0]) >= 2
        if entity_id.startswith("x:") and (kb_key(tokens[0]) in ix.family or person_shape(mention) or hangul_first):
            forms.add(kb_key(tokens[0]))
        elif entity_id.startswith("x:") and len(tokens) == 2 and tokens[0].isascii() and len(tokens[0]) >= 3:
            # an unknown person called by the given name later ("Michael Phelps" ... "Michael"): it
            # refers back only where exactly one person of the article has that name (_decide)
            forms.add(kb_key(tokens[0]))
        if entity_id.startswith("x:") and tokens[0].isascii():
            # the same person under a nickname or full given name ("Michael O'Sullivan" ... "Mike
            # O'Sullivan, VOA News")
            forms.update(kb_key(" ".join([variant, *tokens[1:]])) for variant in given_name_variants(tokens[0]))
        if entity_id.startswith("x:") and len(tokens) >= 3:
            # a three-word name without its last word ("मोहम्मद अशरफ" of "मोहम्मद अशरफ घनी") or its
            # middle ("Mohammad Ghani"): the same person, where no other one of the article has it
            forms.add(kb_key(" ".join(tokens[:-1])))
            forms.add(kb_key(f"{tokens[0]} {tokens[-1]}"))
            # ... or without its first words ("Mr. Dorbor Jallah" of "James Dorbor Jallah", "Suu Kyi" of
            # "Aung San Suu Kyi"), two words at least
            forms.update(kb_key(" ".join(tokens[k:])) for k in range(1, len(tokens) - 1))
    elif len(tokens) == 1 and 2 <= len(tokens[0]) <= 4 and all(is_hangul(c) for c in tokens[0]):
        forms.add(kb_key(tokens[0][0]))  # Korean name: family name is the first syllable
        if entity_id.startswith("x:") and len(tokens[0]) == 3:
            # ... and the given name its last two, by which reports call a person again ("순희" of
            # "계순희"), where no other person of the article has it
            forms.add(kb_key(tokens[0][1:]))
    forms -= set(own_forms)
    forms.discard("")
    return forms


def _unique(ids: set[str] | None, allowed: set[str], ix: KbIndex) -> tuple[str | None, bool]:
    """(id, ambiguous): the one compatible actor, or None and whether several competed."""
    if not ids:
        return None, False
    ok = {i for i in ids if ix.kb.actors[i].type in allowed}
    if len(ok) == 1:
        return next(iter(ok)), False
    return None, len(ok) > 1


_MIN_FUZZY_KEY = 4  # a key of three letters or fewer ("asi" of ASI) is too short to be misspelled
_SHORT_HANGUL_NAME = 3  # syllables: a Korean person's name, spelled one way in Hangul
_LATIN_SPELLING_MIN = 0.8  # letters: Shoigu / Shoygu 0.83, Nice / Nikkei 0.6
_LATIN_WORD_MIN = 0.7  # each word: Rebrov / Lavrov 0.67, Trade / Health


def _letters(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalpha())


def _spelling_agrees(mention: str, forms: list[str], actor_id: str, ix: KbIndex) -> bool:
    """A fuzzy match on sound keys checked against the letters, where the knowledge base names the
    actor in the mention's own script: the keys may agree where the letters plainly do not (김정훈
    and 김정은 share a key, the h being weak; "Nice" and Nikkei, "Asia" and ASI come close). A
    Hangul name of three syllables or fewer must be spelled exactly (a Korean person's name), a
    longer one closely (블라디보스톡 / 블라디보스토크); a Latin one closely (Shoigu / Shoygu)."""
    actor_names = [n for names in ix.kb.actors[actor_id].names.values() for n in names]
    for script, agrees in (("hangul", _hangul_close), ("latin", _latin_close)):
        # Latin: the mention as written (its words count); Hangul: its forms without a particle too
        written = [f for f in (mention, *(forms if script == "hangul" else ())) if f and _in_script(f, script)]
        known = [n for n in actor_names if _in_script(n, script)]
        if written and known:
            return any(agrees(w, k) for w in written for k in known)
    return True


def _in_script(name: str, script: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    return all(is_hangul(c) for c in letters) if script == "hangul" else all(c.isascii() for c in letters)


def _hangul_close(written: str, known: str) -> bool:
    w, k = _letters(written), _letters(known)
    if w == k:
        return True
    # compared letter by letter (jamo), not syllable by syllable: 톡 and 토크 share ㅌㅗ
    return min(len(w), len(k)) > _SHORT_HANGUL_NAME and key_similarity(
        unicodedata.normalize("NFD", w), unicodedata.normalize("NFD", k)) >= FUZZY_MIN


def _latin_close(written: str, known: str) -> bool:
    """Close as a whole and, where both have the same number of words, word by word ("World Trade
    Organisation" is not "World Health Organisation")."""
    if key_similarity(_letters(written), _letters(known)) < _LATIN_SPELLING_MIN:
        return False
    w_words, k_words = _name_tokens(written), _name_tokens(known)
    return len(w_words) != len(k_words) or all(
        key_similarity(_letters(a), _letters(b)) >= _LATIN_WORD_MIN for a, b in zip(w_words, k_words))


def _fuzzy(forms: list[str], mention: str, allowed: set[str], ix: KbIndex) -> tuple[str | None, float]:
    best: dict[str, float] = {}
    for key in name_keys(mention):
        if len(key) < _MIN_FUZZY_KEY:
            continue
        for cand_key, actor_id in ix.skeleton.get(consonant_skeleton(key), ()):
            if ix.kb.actors[actor_id].type not in allowed or not same_shape(key, cand_key) \
                    or len(cand_key) < _MIN_FUZZY_KEY or not _spelling_agrees(mention, forms, actor_id, ix):
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


def _prefix_of_another(mention: str, winner: str, allowed: set[str], ix: KbIndex) -> bool:
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


_DIGITS = re.compile(r"\d+")


def link_entities(text: str, lang: str, spans: list[Span], kb: KnowledgeBase | None = None) -> list[Entity]:
    """Link the recognised spans of one article (or segment) to KB actors.

    Returns one Entity per span, in text order, with entity_id (KB id, or "x:<latin key>" for a
    name not in the KB, or None when nothing could be read), canonical (English KB name), score
    and method (alias | coref | fuzzy | none)."""
    ix = kb_index(kb)
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    # Countries first: generic names ("the defence ministry") are resolved against them.
    countries: list[tuple[int, str]] = []
    for sp in ordered:
        part = compound_part(text, sp.start, sp.end, lang, ix) or abbreviated_country(text[sp.start : sp.end], lang, ix)
        if part:
            countries.append((sp.start, part))
            continue
        for f in mention_forms(text[sp.start : sp.end], lang, ix):
            cid, _ = _unique(ix.full.get(f), {"country"}, ix)
            if cid:
                countries.append((sp.start, cid))
                break
        else:
            # an organisation named with its country in front ("U.S. House of Representatives", "미국
            # 민주당") names the country for the generic names after it ("Republicans", "공화당")
            words = text[sp.start : sp.end].split()
            if sp.label == "ORG" and len(words) > 1:
                cid = abbreviated_country(words[0], lang, ix) or _unique(ix.full.get(kb_key(words[0])), {"country"}, ix)[0]
                if cid:
                    countries.append((sp.start, cid))
    article_countries = {cid for _, cid in countries}

    antecedents: list[_Antecedent] = []
    out: list[Entity] = []
    for sp in ordered:
        mention = text[sp.start : sp.end]
        allowed = LABEL_TYPES.get(sp.label, set())
        forms = mention_forms(mention, lang, ix)
        ent = Entity(start=sp.start, end=sp.end, text=mention, label=sp.label, method="none")
        actor_id, method, score = _decide(text, sp, mention, forms, allowed, antecedents, countries,
                                          article_countries, ix, lang)
        if actor_id:
            ent.entity_id, ent.method, ent.score = actor_id, method, score
            actor = ix.kb.actors.get(actor_id)
            ent.canonical = actor.name if actor else None
        elif method != "blocked" and forms:
            # a title on its own ("총비서는", "the President") names nobody: nothing to group
            core = core_name(mention, forms, ix, titles=sp.label == "PER")
            if sp.label == "ORG":
                core = country_in_front(core, lang, ix)  # 미 대법원 = 미국 대법원
            # an abbreviation is keyed by its letters: by sound "FBI" was "pi", two letters that
            # would gather unrelated names
            key = None if bare_title(mention, ix) else \
                core.replace(".", "").lower() if is_latin_abbreviation(core) else latin_key(core)
            if key:
                # the phonetic key keeps letters only: the numbers tell "G7" from "G20", 7함대 from 3함대
                key += "".join(_DIGITS.findall(mention))
            ent.entity_id = f"x:{key}" if key else None
        prev = out[-1] if out else None
        if (prev is not None and prev.entity_id and (ent.entity_id or "x:").startswith("x:")
                and is_alias_pair(text, lang, Span(prev.start, prev.end, prev.label), sp)):
            # "Lai Ching-te, also known as William Lai": this name is the one before it, and its
            # short forms ("Lai") refer back to that person too
            ent.entity_id, ent.canonical, ent.method, ent.score = prev.entity_id, prev.canonical, "coref", SCORE_COREF
        if ent.entity_id and method in ("alias", "fuzzy", "none") and ent.entity_id != "x:":
            antecedents.append(_Antecedent(ent.entity_id, _antecedent_forms(ent.entity_id, forms, mention, sp.label, ix)))
        out.append(ent)
    _refer_forward(out, ordered, lang, antecedents, ix)
    _merge_aliases(text, lang, out, ix)
    join_short_forms(out, lang)
    return out


def _refer_forward(entities: list[Entity], spans: list[Span], lang: str, antecedents: list[_Antecedent],
                   ix: KbIndex) -> None:
    """A short form before the full name ("반 총장은 ..." where the recogniser missed the first
    "반기문", a headline's "Lai" before "Lai Ching-te"): a person's name linked nowhere takes the id
    of the one unknown person named in full anywhere in the text whose short forms it matches."""
    for ent, sp in zip(entities, spans):
        if sp.label != "PER" or ent.method != "none" or not (ent.entity_id or "").startswith("x:"):
            continue
        forms = set(mention_forms(ent.text, lang, ix))
        hits = {a.entity_id for a in antecedents if a.entity_id != ent.entity_id and forms & a.forms}
        if len(hits) == 1 and next(iter(hits)).startswith("x:"):
            ent.entity_id, ent.method, ent.score = hits.pop(), "coref", SCORE_COREF


def _merge_aliases(text: str, lang: str, entities: list[Entity], ix: KbIndex) -> None:
    """Two names the text says are one actor take one id: "Li Wei (Lai Ching-te)" where only the
    second is a knowledge-base name (the first, and every short form already linked to it, takes the
    known id; the other way round is settled while linking: a name after its alias cue takes the
    earlier one's id); an organisation and its abbreviation ("Press Information Bureau (PIB)",
    "세계보건기구, WHO", or "WHO" anywhere after "World Health Organization")."""
    merged: dict[str, str] = {}
    typed_person: set[str] = set()  # ids the recogniser typed a person that an abbreviation shows are organisations

    def join(ids: list[str], abbreviation: bool) -> None:
        known = [i for i in ids if not i.startswith("x:")]
        if len(set(known)) == 2:
            return  # two known actors: the text is wrong or we read it wrong; keep both
        if abbreviation and any(ix.kb.actors[i].type == "country" for i in known if i in ix.kb.actors):
            return  # "Ministry of Defence (Russia)": where, not the same organisation
        target = known[0] if known else ids[0]
        for i in ids:
            if i != target:
                merged.setdefault(i, target)

    for left, right in pairwise(entities):
        if not (left.entity_id and right.entity_id) or left.entity_id == right.entity_id:
            continue
        lspan, rspan = Span(left.start, left.end, left.label), Span(right.start, right.end, right.label)
        if is_alias_pair(text, lang, lspan, rspan):
            join([left.entity_id, right.entity_id], abbreviation=False)
        elif abbreviation_pair(text, lspan, rspan):
            join([left.entity_id, right.entity_id], abbreviation=True)
            if left.label == "PER":  # "앙골라인민해방운동(MPLA)": named by an organisation's abbreviation
                typed_person.add(left.entity_id)
    for short in entities:
        # an abbreviation the recogniser took for a person ("John Mahama, NDC: 5,574,761 votes") is
        # still the organisation whose initials it spells
        if short.label not in (*ACTOR_LABELS, "PER") or not short.entity_id or not is_latin_abbreviation(short.text):
            continue
        # its initials in order, or else in the order of the organisation's own language (MPLA, UNITA: an
        # organisation's only)
        fulls = _spelled_by(entities, short, ACTOR_LABELS, abbreviation_of) \
            or _spelled_by(entities, short, ("ORG",), reordered_abbreviation_of)
        if short.label == "PER":
            fulls = {(i, label) for i, label in fulls if label == "ORG"}
        if len(fulls) == 1:
            full_id, _ = fulls.pop()
            if short.label == "PER":
                typed_person.add(short.entity_id)
            join([full_id, short.entity_id], abbreviation=True)
    if not merged:
        return
    for e in entities:
        if e.entity_id in typed_person:
            e.label = "ORG"
        target = merged.get(e.entity_id or "")
        if target:
            if e.entity_id != target and e.method == "none":
                e.method, e.score = "coref", SCORE_COREF
            e.entity_id = target
            actor = ix.kb.actors.get(target)
            e.canonical = actor.name if actor else None


def _spelled_by(entities: list[Entity], short: Entity, labels: tuple[str, ...],
                spells: Callable[[str, str], bool]) -> set[tuple[str, str]]:
    """(id, label) of the other mentions with one of `labels` whose name `short` abbreviates, as `spells` reads it."""
    return {(e.entity_id, e.label) for e in entities if e.entity_id and e.entity_id != short.entity_id
            and e.label in labels and spells(e.text, short.text)}


def unify_surfaces(entities: list[Entity]) -> None:
    """One written name, one actor in an article: a name linked nowhere in one segment (a headline's
    "WHO") takes the id the same name was given elsewhere in the article ("세계보건기구, WHO는" in the
    body), if that id is the only one it was given."""
    ids_of: dict[str, dict[str, Entity]] = {}
    for e in entities:
        if e.entity_id:
            ids_of.setdefault(e.text.strip(), {}).setdefault(e.entity_id, e)
    for e in entities:
        if not (e.entity_id or "").startswith("x:") or e.method != "none":
            continue
        others = {i: o for i, o in ids_of.get(e.text.strip(), {}).items() if i != e.entity_id}
        if len(others) == 1:
            (target, source), = others.items()
            e.entity_id, e.canonical, e.method, e.score = target, source.canonical, "coref", SCORE_COREF


def is_bare_title(mention: str, kb: KnowledgeBase | None = None) -> bool:
    """Is the mention a title and nothing else ("총비서는", "the President")? Such a mention names
    nobody: it gets no cluster of its own, here or when names are grouped across the corpus."""
    return bare_title(mention, kb_index(kb))


def _a_city_in_english(mention: str) -> bool:
    """Whether the gazetteer has a city by this exact name in English or GeoNames' own names."""
    from dossier.geo.gazetteer import load_gazetteer  # only for the rare foreign country name

    return any(c.place.kind == "city" and c.lang in ("en", "*") for c in load_gazetteer().lookup(mention.strip()))


def _decide(text, sp, mention, forms, allowed, antecedents, countries, article_countries, ix, lang):
    if not forms or not allowed:
        return None, "none", None
    if "country" in allowed:
        part = compound_part(text, sp.start, sp.end, lang, ix) or abbreviated_country(mention, lang, ix)
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
        if actor_id and f in ix.foreign_country_keys and _a_city_in_english(mention):
            return None, "none", None  # "Brasilia" in English is the city, not Finnish for Brazil
        if actor_id:
            return actor_id, "alias", SCORE_ALIAS
        ambiguous |= amb
    if ambiguous:
        return None, "none", None
    # 1b. a multi-word full name of a person or organisation under another label: the NER label
    #     is wrong ("Kim Jong-un" tagged LOC), the name is not; never a country from a PER span
    tokens = [t for t in SEPARATORS.split(mention.strip()) if t]
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
        # the country named last in the sentence decides; only where none is named does the article's
        # ("영국 하원" in an article that also names the US is not the US House)
        pick = {i for i in cands if ix.kb.actors[i].country == near} if near else \
            {i for i in cands if ix.kb.actors[i].country in article_countries}
        if len(pick) == 1:
            return next(iter(pick)), "alias", SCORE_GENERIC
        return None, "none", None
    # a family name of some KB actor with no antecedent: never guess ("Kim")
    if any(f in ix.family for f in forms):
        return None, "none", None
    # 5. fuzzy transliteration match to one KB name (not for countries: exact names only)
    fuzzy_allowed = allowed - {"country"}
    if fuzzy_allowed:
        actor_id, sim = _fuzzy(forms, core_name(mention, forms, ix), fuzzy_allowed, ix)
        if actor_id:
            return actor_id, "fuzzy", round(sim, 3)
    return None, "none", None


__all__ = ["group_unlinked", "is_bare_title", "kb_matches", "link_entities"]

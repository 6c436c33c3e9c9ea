"""Known-name matches as an input feature of the Korean and Hindi NER models (not a post-hoc override).

The Korean tokenizer (`dossier.KiwiTokenizer.v3`) marks each token that starts or continues a
known name in `token.morph` as `Lex=LocB` / `Lex=LocI` (place), `PerB`/`PerI` (person), `OrgB`/`OrgI`
(organisation, outlet); the model reads MORPH as one more hashed embedding beside NORM and TAG, and
learns how far to trust it (대구 the city and 대구 the fish get the same mark; context decides).

Names come only from this repository's data, so training and run time see the same marks:
- places: every Hangul name of the gazetteer (data/gazetteer: GeoNames cities, CLDR countries,
  curated regions and sites), without its Korean stopwords and the names the NER corpora mostly use
  as ordinary words (data/gazetteer/common_words.json: 경기, 세종);
- actors: the Korean full names of the knowledge base (data/kb: people, organisations, outlets,
  CLDR countries), without the KB's Korean common words. Short forms (김 위원장) are left out: they
  carry titles, which KLUE-style gold spans do not include.

Hindi (`dossier.HindiLexTokenizer.v1`, dossier/ner/hi_tokenizer.py) uses the same marks with the
Devanagari names of the same sources (`lexicon("hi")`); spaCy's Hindi tokens have no tags, so
`lexicon_marks(..., tags=None)` looks at the words alone.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence

from dossier.text.scripts import has_devanagari, has_hangul

MAX_TOKENS = 6  # longest name looked for, in non-space tokens (대한민국 국가정보원 is 3-4)
MIN_CHARS = 2  # a one-syllable "name" (북, 미) is a word far more often than a name
# Kiwi tags a token inside a name may have: nouns (NNG, NNP, NNB), foreign letters, hanja. A run that
# takes in a verb ending or a particle (하+기, 지나+ㄴ) is not a name even when the letters spell one.
NAME_TAGS = ("NN", "SL", "SH")
KIND_OF_ACTOR = {"person": "Per", "organisation": "Org", "outlet": "Org", "country": "Loc"}


def name_key(surface: str) -> str:
    """How names and token runs are compared: the gazetteer's key (spaces dropped for Hangul)."""
    from dossier.geo.gazetteer import place_key

    return place_key(surface)


IN_SCRIPT = {"ko": has_hangul, "hi": has_devanagari}  # which names belong to a language


@functools.cache
def lexicon(lang: str) -> Mapping[str, str]:
    """Name key -> kind (Loc / Per / Org) for every known name in `lang`'s script (ko: Hangul,
    hi: Devanagari); actors win over places."""
    from dossier.geo.gazetteer import load_gazetteer
    from dossier.geo.places import common_words
    from dossier.linking.kb import load_kb

    in_script = IN_SCRIPT[lang]
    gaz = load_gazetteer()
    # neither stop words nor the names the NER corpora mostly use as ordinary words (경기 = a
    # match far more often than Gyeonggi): marking those Loc taught nothing and, at run time, made
    # the model read "경기에서" in a sports report as a place
    stop = set(gaz.rules["stopwords"].get(lang, set())) | common_words().get(lang, frozenset())
    found: dict[str, str] = {}
    for key in gaz.index:
        if in_script(key) and key not in stop and len(key) >= MIN_CHARS:
            found[key] = "Loc"
    kb = load_kb()
    common = {name_key(w) for w in kb.rules.common_words.get(lang, ())}
    for actor in kb.actors.values():
        kind = KIND_OF_ACTOR.get(actor.type)
        for name in actor.names.get(lang, ()) if kind else ():
            key = name_key(name)
            if len(key) >= MIN_CHARS and key not in common:
                found[key] = kind
    return found


@functools.cache
def prefixes(lang: str) -> frozenset[str]:
    """Every prefix of a lexicon key: a run of tokens that is not one cannot grow into a name."""
    return name_prefixes(lexicon(lang))


def korean_lexicon() -> Mapping[str, str]:
    return lexicon("ko")


def korean_prefixes() -> frozenset[str]:
    return prefixes("ko")


def name_prefixes(lexicon: Mapping[str, str]) -> frozenset[str]:
    return frozenset(key[:n] for key in lexicon for n in range(1, len(key) + 1))


def lexicon_marks(words: Sequence[str], tags: Sequence[str] | None, lexicon: Mapping[str, str],
                  prefixes: Collection[str] | None = None, spaces: Sequence[bool] | None = None) -> list[str]:
    """One MORPH string per token: "Lex=<Kind>B" / "Lex=<Kind>I" inside the longest known name
    starting at each token (left to right, no overlaps), "" elsewhere. Every other token of a name
    has a NAME_TAGS tag (`tags` are Kiwi's, one per token); whitespace tokens neither start nor
    end a name but may sit inside one (뉴욕 타임스). `prefixes` (name_prefixes of the
    lexicon) only makes it faster. With `tags=None` (Hindi: no tagger) every word may be part of
    a name; `spaces` (spaCy's trailing-space flags) puts a space between the words of a name,
    for scripts whose keys keep spaces (Devanagari); Kiwi's words carry their spaces as tokens."""
    marks = [""] * len(words)
    i = 0
    while i < len(words):
        if words[i].isspace() or not _may_be_in_name(words, tags, i):
            i += 1
            continue
        best: tuple[int, str] | None = None
        surface = ""
        taken = 0
        j = i
        while j < len(words) and taken < MAX_TOKENS:
            if spaces is not None and j > i and spaces[j - 1]:
                surface += " "
            surface += words[j]
            if not words[j].isspace():
                if not _may_be_in_name(words, tags, j):
                    break
                taken += 1
                key = name_key(surface)
                if prefixes is not None and key not in prefixes:
                    break
                kind = lexicon.get(key) if len(key) >= MIN_CHARS else None
                if kind:
                    best = (j, kind)
            j += 1
        if best is None:
            i += 1
            continue
        end, kind = best
        for k in range(i, end + 1):
            if not words[k].isspace():
                marks[k] = f"Lex={kind}{'B' if k == i else 'I'}"
        i = end + 1
    return marks


def _may_be_in_name(words: Sequence[str], tags: Sequence[str] | None, i: int) -> bool:
    """A name's token has a NAME_TAGS tag; untagged (Hindi), it has a letter or digit that the
    name key keeps (a comma after अमेरिका is not part of the name though the key would match)."""
    if tags is not None:
        return tags[i].startswith(NAME_TAGS)
    return bool(name_key(words[i]))

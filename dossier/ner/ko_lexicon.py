"""Known-name matches as an input feature of the Korean NER model (not a post-hoc override).

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
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence

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


@functools.lru_cache(maxsize=1)
def korean_lexicon() -> Mapping[str, str]:
    """Name key -> kind (Loc / Per / Org) for every known Hangul name; actors win over places."""
    from dossier.geo.gazetteer import load_gazetteer
    from dossier.geo.places import common_words
    from dossier.linking.kb import load_kb
    from dossier.text.scripts import has_hangul

    gaz = load_gazetteer()
    # neither stop words nor the names the NER corpora mostly use as ordinary words (경기 = a
    # match far more often than Gyeonggi): marking those Loc taught nothing and, at run time, made
    # the model read "경기에서" in a sports report as a place
    stop = set(gaz.rules["stopwords"].get("ko", set())) | common_words().get("ko", frozenset())
    lexicon: dict[str, str] = {}
    for key in gaz.index:
        if has_hangul(key) and key not in stop and len(key) >= MIN_CHARS:
            lexicon[key] = "Loc"
    kb = load_kb()
    common = {name_key(w) for w in kb.rules.common_words.get("ko", ())}
    for actor in kb.actors.values():
        kind = KIND_OF_ACTOR.get(actor.type)
        for name in actor.names.get("ko", ()) if kind else ():
            key = name_key(name)
            if len(key) >= MIN_CHARS and key not in common:
                lexicon[key] = kind
    return lexicon


@functools.lru_cache(maxsize=1)
def korean_prefixes() -> frozenset[str]:
    """Every prefix of a lexicon key: a run of tokens that is not one cannot grow into a name."""
    return name_prefixes(korean_lexicon())


def name_prefixes(lexicon: Mapping[str, str]) -> frozenset[str]:
    return frozenset(key[:n] for key in lexicon for n in range(1, len(key) + 1))


def lexicon_marks(words: Sequence[str], tags: Sequence[str], lexicon: Mapping[str, str],
                  prefixes: Collection[str] | None = None) -> list[str]:
    """One MORPH string per token: "Lex=<Kind>B" / "Lex=<Kind>I" inside the longest known name
    starting at each token (left to right, no overlaps), "" elsewhere. Every other token of a name
    has a NAME_TAGS tag (`tags` are Kiwi's, one per token); whitespace tokens neither start nor
    end a name but may sit inside one (뉴욕 타임스). `prefixes` (name_prefixes of the
    lexicon) only makes it faster."""
    marks = [""] * len(words)
    i = 0
    while i < len(words):
        if words[i].isspace() or not tags[i].startswith(NAME_TAGS):
            i += 1
            continue
        best: tuple[int, str] | None = None
        surface = ""
        taken = 0
        j = i
        while j < len(words) and taken < MAX_TOKENS:
            surface += words[j]
            if not words[j].isspace():
                if not tags[j].startswith(NAME_TAGS):
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

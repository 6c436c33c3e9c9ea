"""Geoparsing: find the places an article names and resolve each to a gazetteer entry with coordinates.

Two sources of mentions, merged: the NER model's LOC spans (when the caller passes them) and a
longest-match scan of the text against the gazetteer (dossier.geo.gazetteer), which also works when no
NER model is available. Korean postpositions are stripped (블라디보스토크에서 -> 블라디보스토크),
Korean country abbreviations are split (북러 -> North Korea + Russia), typos are matched fuzzily
against well-known places only.

Ambiguous names are resolved by population, by the countries the article names, and by distance
to the other places it names ("Vostochny" next to Amur Oblast is the cosmodrome): dossier.geo.resolve.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from dossier.geo.cues import apply_cues, country_named_before, cue_before, cue_pattern, cue_words
from dossier.geo.demonyms import demonym_countries
from dossier.geo.gazetteer import RULES_FILE, Candidate, Gazetteer, load_gazetteer, needs_context, place_key
from dossier.geo.korean_places import (
    city_unit_follows,
    country_glued_to_noun,
    foreign_word_like,
    longest_compounds_first,
    syllable_chains,
    world_cities,
)
from dossier.geo.lists import listed_towns
from dossier.geo.region_towns import towns_in_named_regions, towns_of_regions
from dossier.geo.resolve import Mention, resolve
from dossier.model import Place
from dossier.text.scripts import (
    char_script,
    first_script,
    has_hangul,
    is_word_char,
    particle_stems,
)

# Languages whose stored names may match text written in `lang` when no NER span backs the mention.
# Other languages' names stay out: German/Danish "Island" (= Iceland) must not match English "Island".
NAME_LANGS = {"*", "en"}
RULES_DIR = RULES_FILE.parent
LOC_LABELS = ("LOC", "GPE", "FAC", "LOCATION")  # the design maps GPE to LOC; accept either


class SpanLike(Protocol):
    start: int
    end: int
    label: str


# ---- tokens ----------------------------------------------------------------------------------------


def _is_cjk(ch: str) -> bool:
    """Chinese characters and kana: written without spaces, so each is a token of its own and the
    scan reads names as runs of them (莫斯科 inside 普京在莫斯科会见)."""
    return char_script(ch) in ("HAN", "KANA")


def _tokens(text: str) -> list[tuple[int, int]]:
    out, i, n = [], 0, len(text)
    while i < n:
        if _is_cjk(text[i]):
            out.append((i, i + 1))
            i += 1
        elif is_word_char(text[i]):
            j = i + 1
            while j < n and is_word_char(text[j]) and not _is_cjk(text[j]):
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


# What may stand between two words of one name: a space, a hyphen or apostrophe or full stop
# ("Komsomolsk-on-Amur", "Workers' Party", "U.S."), or a closing quote before a space (‘유리 가가린’ 공장).
_JOIN = re.compile(r"[ \u00a0]?[-‐‑–—'’.]?[ \u00a0]?")


def _joinable(sep: str) -> bool:
    return 0 < len(sep) <= 3 and _JOIN.fullmatch(sep) is not None


# ---- rules -------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _rules() -> dict:
    gaz = load_gazetteer()
    r = dict(gaz.rules)
    r["ko_suffixes"] = sorted(set(r["ko_suffixes"]), key=len, reverse=True)
    r["ko_ambiguous"] = set(r["ko_ambiguous_suffixes"])
    r["blocker_keys"] = {place_key(b) for words in r["blockers"].values() for b in words}
    r["blocker_prefixes"] = {k[:n] for k in r["blocker_keys"] for n in range(1, len(k) + 1)}
    stop = {lang: set(words) for lang, words in r["stopwords"].items()}
    # spaCy's stop-word lists (function words) in each product language, so that no city named
    # "Of" or a Hindi postposition spelled like a town becomes a place.
    try:
        from spacy.lang.en.stop_words import STOP_WORDS as EN
        from spacy.lang.hi.stop_words import STOP_WORDS as HI
        from spacy.lang.ko.stop_words import STOP_WORDS as KO

        for lang, words in (("en", EN), ("hi", HI), ("ko", KO)):
            stop.setdefault(lang, set()).update(place_key(w) for w in words)
    except ImportError:  # spaCy is a runtime dependency; the curated lists still apply without it
        pass
    r["stop"] = stop
    # City names the NER corpora mostly use as ordinary words or person names (built by
    # scripts/build_gazetteer.py into data/gazetteer/common_words.json): never matched by the
    # gazetteer alone; behind an NER LOC span only where the article's other places support them.
    r["common"] = {lang: set(words) for lang, words in common_words().items()}
    for lang, words in (r.get("common_extra") or {}).items():
        r["common"].setdefault(lang, set()).update(place_key(w) for w in words)
    r["compound_followers"] = tuple(r.get("ko_compound_followers") or ())
    r["country_followers"] = tuple(r.get("ko_country_followers") or ())
    r["unit_words"] = {place_key(w) for w in r.get("unit_words") or ()}
    r["cue_pattern"] = cue_pattern(r.get("place_cues"), r.get("town_cues"))
    r["town_cue_pattern"] = cue_pattern(r.get("town_cues"))
    r["region_cue_pattern"] = cue_pattern(r.get("region_cues"))
    r["ko_part_words"] = frozenset(r.get("ko_country_parts") or ())
    r["ko_cue_words"] = cue_words("ko")
    return r


@lru_cache(maxsize=1)
def common_words() -> dict[str, frozenset[str]]:
    """Per language, the place keys the NER corpora mostly use as ordinary words or person names
    (data/gazetteer/common_words.json, built by scripts/build_gazetteer.py): 경기 (a match, and
    Gyeonggi), 세종, "Adams"."""
    common_file = RULES_DIR / "common_words.json"
    data = json.loads(common_file.read_text(encoding="utf-8")) if common_file.exists() else {}
    return {lang: frozenset(words) for lang, words in data.items()}


# ---- public API -------------------------------------------------------------------------------------


def geoparse(text: str, lang: str, spans: list | None = None) -> list[Place]:
    """Place mentions in `text` (language `lang`: en, ko, hi, ...), resolved to coordinates.

    `spans`: optional NER output, objects with .start/.end/.label (PER/ORG/LOC; GPE/FAC count as LOC),
    e.g. dossier.model.Span or Entity. LOC spans are looked up (exactly, then fuzzily); PER/ORG spans
    stop the gazetteer scan from reading a person or an organisation as a city (see
    _person_or_org_verdict). The text is always scanned as well, so the function works without NER.
    Offsets in the result are character offsets into `text`, end exclusive; a Korean particle after a
    name is not part of the mention. Loads the gazetteer on first call (a few seconds, then cached).
    """
    if not text:
        return []
    gaz = load_gazetteer()
    rules = _rules()
    lang = (lang or "en").split("-")[0].split("_")[0].lower()
    spans = list(spans or [])
    blocked = [(s.start, s.end) for s in spans if s.label in ("PER", "ORG")]

    found: list[Mention] = []
    if lang == "ko" or has_hangul(text):
        found.extend(syllable_chains(gaz, rules, text))
    for s in spans:
        if s.label in LOC_LABELS:
            m = _mention_from_span(gaz, rules, text, s.start, s.end, lang)
            if m is not None:
                found.append(m)
    for m in _scan(gaz, rules, text, lang):
        verdict = _person_or_org_verdict(m, blocked)
        if verdict == "drop":
            continue
        if verdict == "weak":
            m.weak = m.strong_only = True
        found.append(m)
    apply_cues(rules, text, found)
    for m in found:
        m.candidates = _native_namesakes_first(rules, m.key, m.candidates)
    # Overlaps: the longer reading wins ("North Korea" over an NER span "North"), then the NER one.
    mentions: list[Mention] = []
    for m in sorted(found, key=lambda m: (-(m.end - m.start), not m.ner, m.start)):
        if not any(_overlap(m, o) for o in mentions):
            mentions.append(m)
    mentions.sort(key=lambda m: m.start)
    resolve(mentions, demonym_countries(text, lang))
    places = []
    for m in mentions:
        c = m.chosen
        if c is None:
            continue
        p = c.place
        places.append(Place(start=m.start, end=m.end, text=text[m.start:m.end], place_id=p.id,
                            name=p.name, lat=p.lat, lon=p.lon, kind=p.kind))
    tokens = _tokens(text)
    places.extend(listed_towns(gaz, rules, text, tokens, places))
    places.extend(towns_of_regions(gaz, rules, text, tokens, places, blocked))
    places.extend(towns_in_named_regions(gaz, rules, text, tokens, places, blocked))
    return sorted(places, key=lambda p: p.start)


# ---- mention finding ------------------------------------------------------------------------------


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _person_or_org_verdict(m: Mention, blocked: list[tuple[int, int]]) -> str:
    """How a PER/ORG span over a gazetteer match counts: "keep", "weak" or "drop".

    NER models mislabel places ("Amur Oblast" as PER) and label metonyms as ORG, so a span only
    overrides the gazetteer where the two readings really compete: a city name inside a longer
    person or organisation name ("Vladimir Putin", "Washington Post") is dropped; a span that is
    exactly a city name ("Washington" the tennis player, "Tsiolkovsky") leaves the city only if it
    lies right next to other places the article names; countries, regions and curated sites are
    kept when the span is exactly the name, and curated sites also inside a longer ORG name
    ("Rector of Far Eastern Federal University")."""
    covering = [(s, e) for s, e in blocked if m.start < e and s < m.end]
    if not covering:
        return "keep"
    exact = any((s, e) == (m.start, m.end) for s, e in covering)
    if all(needs_context(c.place) for c in m.candidates):
        return "weak" if exact else "drop"
    if exact or any(c.place.kind == "site" and c.place.curated for c in m.candidates):
        return "keep"
    return "drop"


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not is_word_char(text[start]):
        start += 1
    while end > start and not is_word_char(text[end - 1]):
        end -= 1
    return start, end


def _mention_from_span(gaz: Gazetteer, rules: dict, text: str, start: int, end: int,
                       lang: str = "en") -> Mention | None:
    start, end = _strip_span(text, start, end)
    if end <= start:
        return None
    surface = text[start:end]
    variants = [(start, end, surface)]
    if surface.lower().startswith("the "):
        variants.append((start + 4, end, surface[4:]))
    if has_hangul(surface):
        variants += [(start, start + len(stem), stem) for stem in particle_stems(surface, rules["ko_suffixes"])]
    text_lang = _text_lang(surface, lang)

    def exact(form: str) -> list[Candidate]:
        # names in the text's language (and English, GeoNames) first, as the scan reads them: the
        # Finnish name of Brazil is "Brasilia", which in an English text is the city
        key = place_key(form)
        return gaz._candidates(key, 1.0, "exact", _lang_filter(text_lang)) or gaz._candidates(key, 1.0, "exact")

    lookups = {"exact": exact, "fuzzy": gaz.fuzzy, "phonetic": gaz.phonetic}
    for method, lookup in lookups.items():
        for s, e, form in variants:
            key = place_key(form)
            if key in rules["blocker_keys"]:
                return None
            cands = lookup(form)
            if cands:
                return _span_mention(rules, s, e, key, cands, lang, method)
    return None


# Scripts whose names of a country's places are its own (native_script_countries), so that a foreign
# namesake's name in them is only a transliteration. Han and Cyrillic are shared by too many countries.
_OWN_SCRIPT_FIRST = ("DEVANAGARI", "HANGUL")


def _native_namesakes_first(rules: dict, key: str, cands: list[Candidate]) -> list[Candidate]:
    """A Hindi or Korean name that is a place of a country writing that script and also a foreign
    place's transliteration means the former: गुजरात is Gujarat, not Gujrat in Pakistan (a GeoNames
    Devanagari alternate); 안산시 is Ansan, not Anshan in China (안산시 is a GeoNames name of both)."""
    script = first_script(key)
    if script not in _OWN_SCRIPT_FIRST:
        return cands
    native = rules["native_script_countries"].get(script, ())
    own = [c for c in cands if c.place.cc in native and c.place.kind in ("city", "region")]
    if not own or len(own) == len(cands):
        return cands
    return [c for c in cands if c.place.cc in native or c.place.kind == "country"]


def _near_miss_proves_nothing(word: str) -> bool:
    """A fuzzy match of a Devanagari word is as often a place of India the lists lack (अंडमान, Andaman,
    is two letters from अम्मान, Amman): the article must name the city's country or a place near it,
    and the near-miss is no evidence of its own country, tagged by the model or not. (Hangul
    near-misses are older spellings of the same place far more often: 블라딕보스톡.)"""
    return first_script(word) == "DEVANAGARI"


def _span_mention(rules: dict, s: int, e: int, key: str, cands: list[Candidate], lang: str,
                  method: str) -> Mention | None:
    """An NER LOC span that names a city still passes the word lists and, when the city is small or
    the match fuzzy, needs support from context (NER models tag "Kim" or "Pacific" as LOC too)."""
    caseless_near_miss = method == "fuzzy" and _near_miss_proves_nothing(key)
    if all(needs_context(c.place) for c in cands):
        text_lang = _text_lang(key, lang)
        if key in rules["stop"].get(text_lang, ()):
            return None
        # an NER model calling a region's name a place is support enough; a small town needs more
        small = all(c.place.kind == "city" for c in cands) and max(
            c.place.population for c in cands) < rules["min_population_without_context"]
        common = key in rules["common"].get(text_lang, ()) or foreign_word_like(key, cands)
        doubtful = common or method in ("fuzzy", "phonetic")
        # an everyday word tagged a place is no evidence of its own country: the article's other
        # places must name it (코로나 tagged LOC in a report on China is not Corona, California)
        return Mention(s, e, key, cands, ner=True, weak=small or doubtful, not_self=common or caseless_near_miss)
    return Mention(s, e, key, cands, ner=True, weak=caseless_near_miss, not_self=caseless_near_miss)


def _scan(gaz: Gazetteer, rules: dict, text: str, lang: str) -> Iterable[Mention]:
    toks = _tokens(text)
    n = len(toks)
    joins = [_joinable(text[toks[k][1]:toks[k + 1][0]])
             or (toks[k][1] == toks[k + 1][0] and _is_cjk(text[toks[k][0]]) and _is_cjk(text[toks[k + 1][0]]))
             for k in range(n - 1)]
    max_words = min(gaz.max_words, 8)
    i = 0
    while i < n:
        span_end = i
        while span_end + 1 < n and span_end - i + 1 < max_words and joins[span_end]:
            span_end += 1
        # The longest window i..j that reads as a name. Windows grow from one token; a longer window's
        # key extends a shorter one's, so growth stops once no name (or blocker) starts with the key.
        hits = []
        for j in range(i, span_end + 1):
            s, e = toks[i][0], toks[j][1]
            key = place_key(text[s:e])
            hit = _lookup_window(gaz, rules, text, s, e, key)
            if hit is not None:
                hits.append((j, hit))
            if not gaz.starts_a_key(key) and key not in rules["blocker_prefixes"]:
                break
        if not hits:
            m = _compound_or_fuzzy(gaz, rules, text, toks, i, lang)
            if m:
                yield from m
            i += 1
            continue
        # The longest reading first; when it is refused (a lower-case word inside: "Texas city
        # councils" is not Texas City), a shorter one may still be a name (Texas). A blocker ends it.
        next_i = hits[-1][0] + 1
        for j, (e, key, weak, blocker) in reversed(hits):
            if blocker:
                break
            m = _accept(gaz, rules, text, toks, i, j, toks[i][0], e, key, weak, lang)
            if m is not None:
                yield m
                next_i = j + 1
                break
        i = next_i


def _lookup_window(gaz: Gazetteer, rules: dict, text: str, s: int, e: int, key: str):
    """(end, key, weak, is_blocker) for the longest reading of text[s:e] (`key`: its normalised
    form) as a name, or None."""
    surface = text[s:e]
    if key in rules["blocker_keys"]:
        return e, key, False, True
    if key in gaz.index:
        return e, key, False, False
    if has_hangul(surface[-1:]):
        for stem_text in particle_stems(surface, rules["ko_suffixes"]):
            stem = place_key(stem_text)
            if stem in rules["blocker_keys"]:
                return e, stem, False, True
            if stem in gaz.index:
                return s + len(stem_text), stem, surface[len(stem_text):] in rules["ko_ambiguous"], False
    if " " not in key and char_script(surface[-1:] or " ") == "CYRILLIC":
        base = _russian_base(gaz, rules, key)
        if base is not None:
            return e, base, True, False
    return None


def _russian_base(gaz: Gazetteer, rules: dict, key: str) -> str | None:
    """The gazetteer key a declined Russian word stands for (москве -> москва), or None."""
    for written, base in rules.get("ru_endings") or ():
        stem = key[: -len(written)]
        if key.endswith(written) and len(stem) >= rules.get("ru_min_stem", 4) and stem + base in gaz.index:
            return stem + base
    return None


def _text_lang(written: str, lang: str) -> str:
    """The language whose names and word lists apply to a name as written: a name in Latin letters
    inside a Korean or Hindi text is read as English ("Vladivostok" in a Hindi article)."""
    return "en" if first_script(written) == "LATIN" else lang


def _lang_filter(lang: str):
    return lambda name_lang, place: name_lang in NAME_LANGS or name_lang == lang


def _capitalised_neighbour(text: str, toks: list, i: int, j: int) -> bool:
    """The name is glued (space or hyphen) to another capitalised word: part of a longer proper
    name such as "Vladimir Putin", "Wilson Center", "Bamtonnelstroy-Most"."""
    def glued(a: int, b: int) -> bool:
        sep = text[toks[a][1]:toks[b][0]]
        if sep == ". " and toks[a][1] - toks[a][0] == 1:  # an initial: "John F. Kirby"
            return True
        return sep in (" ", "-", "\u00a0", "‑")

    if j + 1 < len(toks) and glued(j, j + 1) and text[toks[j + 1][0]].isupper():
        return True
    return bool(
        i > 0
        and glued(i - 1, i)
        and text[toks[i - 1][0]].isupper()
        and not _sentence_start(text, toks[i - 1][0])
    )


def _sentence_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t\u00a0\"'“‘(":
        k -= 1
    return k < 0 or text[k] in ".!?\n:;"


def _accept(gaz, rules, text, toks, i, j, s, e, key, weak, lang) -> Mention | None:
    surface = text[s:e]
    script = first_script(surface)
    text_lang = _text_lang(surface, lang)
    cands = gaz._candidates(key, 1.0, "exact", _lang_filter(text_lang))
    if not cands:
        return None
    s, e = _strip_span(text, s, e)  # a closing quote swallowed by the window is not part of the name
    surface = text[s:e]
    stop = rules["stop"]
    # Short upper-case codes (US, UK, DPRK) are names only when written in capitals ("us" is a pronoun).
    is_code = script == "LATIN" and any(
        c.surface != c.surface.lower() and c.surface.replace(".", "").isupper()
        and len(c.surface.replace(".", "")) <= 4 for c in cands)
    written_as_code = is_code and surface.replace(".", "").isupper()
    if not written_as_code and (key in stop.get(text_lang, ()) or key in stop.get("en", ()) and script == "LATIN"):
        return None
    all_cities = all(needs_context(c.place) for c in cands)  # cities, and regions read like them
    only_cities = all(c.place.kind == "city" for c in cands)
    single = i == j or script in ("HAN", "KANA")  # a run of characters is one written word
    not_self = False
    if all_cities and single and key in rules["common"].get(text_lang, ()) and not cue_before(rules, text, s):
        return None  # a surname or an everyday word ("Moore"), unless a cue says it is one ("the town of Moore")
    if script == "LATIN":
        if not surface[0].isupper():
            return None
        if is_code and not written_as_code:
            return None
        if len(key.replace(" ", "")) < 4 and not is_code:
            return None
        # a lower-case unit word may end the name ("Yunnan province"); the name still needs context
        # like its bare first word, as "the Capital region" is no place
        last_is_unit = j > i and place_key(text[toks[j][0]:toks[j][1]]) in rules["unit_words"]
        words = toks[i:j] if last_is_unit else toks[i:j + 1]
        if not any(c.place.curated for c in cands) and any(
                not text[a].isupper() and place_key(text[a:b]) not in stop.get("en", ()) for a, b in words):
            return None  # "The meeting" is not a name: every word but function words is capitalised
        if last_is_unit and j == i + 1:
            single = True
        if all_cities and (single or only_cities) and _capitalised_neighbour(text, toks, i, j):
            return None  # a one-word region inside a name: "Punjab National Bank", "Kerry Group"
        if all_cities and single and _sentence_start(text, s) and re.search(
                r"(?<![\w])" + re.escape(surface.lower()) + r"(?![\w])", text):
            return None  # "Mobile phones ..." when "mobile" also occurs in lower case
    elif script == "HANGUL":
        if len(key) < 2:
            return None
        if all_cities and len(key) <= 2:
            # Two-syllable Hangul names of foreign cities are Sino-Korean readings (위해 = Weihai,
            # 연대 = Yantai) that are also everyday words ("for", "solidarity"); news spells foreign
            # cities phonetically (웨이하이). Only Korean cities keep a two-syllable name, and weakly.
            # Any occurrence of the name in the article after its country will do: "요르단 수도
            # 암만에서 ... 암만의" names Amman twice, the second time bare.
            named = set().union(*(country_named_before(gaz, text, k.start(), rules["ko_cue_words"],
                                                       rules["ko_part_words"])
                                  for k in re.finditer(re.escape(surface), text)))
            world = world_cities(cands)
            if not named and world and key not in rules["common"].get("ko", ()):
                # a world city spelled by sound (뉴욕, 런던, 파리, 도쿄) is what news means by it
                cands = world
            elif not named and city_unit_follows(rules, text, toks, j):
                weak = True  # "양곤 시": the unit word says it is a city; the article must still support it
                # ... perhaps a town no list names in Hangul whose Latin name sounds the same ("베니 시":
                # Beni in Congo, not Bolivia's Beni department, which has a Korean name)
                known = {c.place.id for c in cands}
                cands = cands + [c for c in gaz.phonetic(surface, hangul=True) if c.place.id not in known]
            else:
                cands = [c for c in cands if c.place.cc in ("KR", "KP") or c.place.cc in named]
                if not cands:
                    return None
                weak = not any(c.place.cc in named for c in cands)
    elif script == "CYRILLIC":
        if len(key.replace(" ", "")) < 3:
            return None
        if all_cities and (single or only_cities) and _capitalised_neighbour(text, toks, i, j):
            return None  # "Владимир Путин": a first name, not the city of Vladimir
    elif script in ("HAN", "KANA"):
        if len(key) < 2:
            return None
        if all_cities and len(key) == 2:
            # two characters are often an ordinary word too (合作 "cooperation" is also Hezuo): a
            # town only where another mention names its country or a place nearby
            weak = not_self = True
    elif len(key.replace(" ", "")) < 3:
        return None
    # A one-word region name in Latin letters (Jharkhand, Punjab), or in a script that is not its
    # country's own (the Hindi name of a Libyan region), needs the article's country or a place nearby,
    # like a small town; in its own script (झारखंड, 전라남도) it is unambiguous.
    own_script = any(c.place.cc in rules["native_script_countries"].get(script, ()) for c in cands)
    if all_cities and single and max(c.place.population for c in cands) < rules["min_population_without_context"] \
            and (only_cities or script == "LATIN" or not own_script) \
            and not gaz.written_with_unit(key, rules["ko_region_units"], {c.place.id for c in cands if c.place.kind == "region"}):
        weak = True
    return Mention(s, e, key, cands, weak=weak, not_self=not_self)


def _compound_or_fuzzy(gaz, rules, text, toks, i, lang) -> list[Mention]:
    s, e = toks[i]
    word = text[s:e]
    if has_hangul(word):
        for comp in longest_compounds_first(gaz):
            if word.startswith(comp):
                rest = word[len(comp):]
                if rest == "" or rest in rules["ko_suffixes"] or rest.startswith(rules["compound_followers"]):
                    out = []
                    for off, ln, pid in gaz.ko_compounds[comp]:
                        p = gaz.get(pid)
                        if p is not None:
                            out.append(Mention(s + off, s + off + ln, place_key(comp[off:off + ln]),
                                                [Candidate(p, comp, "ko", 1.0, "exact")]))
                    return out
                break
        glued = country_glued_to_noun(gaz, rules, word, s)
        if glued:
            return glued
        if city_unit_follows(rules, text, toks, i) and (cands := gaz.phonetic(word, hangul=True)):
            # "오소 시에": a town no list names in Hangul, whose Latin name sounds the same; weak: the
            # article must name its country or a place near it
            return [Mention(s, e, place_key(word), cands, weak=True)]
        stems = [(e, word)] + [(s + len(stem), stem) for stem in particle_stems(word, rules["ko_suffixes"])]
    elif first_script(word) == "LATIN":
        if not word[0].isupper() or word.isupper() or _capitalised_neighbour(text, toks, i, i):
            return []
        stems = [(e, word)]
    else:
        stems = [(e, word)]
    for end, stem in stems:
        key = place_key(stem)
        if key in rules["stop"].get(lang, ()) or gaz.is_inflection(key):
            continue
        cands = gaz.fuzzy(stem)
        if cands:
            # A typo of a city counts only where the article is about that part of the world. So does
            # any near-miss in a script without capitals, where nothing marks the word as a name:
            # भुगतान ("payment") is one letter from भूटान (Bhutan).
            caseless = first_script(word) != "LATIN"
            return [Mention(s, end, key, cands, weak=caseless or all(needs_context(c.place) for c in cands),
                            not_self=_near_miss_proves_nothing(word))]
    return []

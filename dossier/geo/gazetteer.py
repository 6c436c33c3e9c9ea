"""The place lookup: names in any script -> gazetteer entries with coordinates.

Loads data/gazetteer/places.jsonl.gz (built by scripts/build_gazetteer.py from GeoNames, CLDR and
Natural Earth) plus the curated data/kb/sites.yaml once per process, and answers "which places can
this written form mean?" exactly (after per-script normalisation) or, for typos, fuzzily.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from dossier import config
from dossier.linking.translit import fold_latin, romanize
from dossier.text.scripts import char_script, first_script, fold_nukta, has_hangul, is_devanagari, is_hangul

DATA = config.DATA_DIR
PLACES_FILE = DATA / "gazetteer" / "places.jsonl.gz"
SITES_FILE = DATA / "kb" / "sites.yaml"
RULES_FILE = DATA / "gazetteer" / "matching.yaml"

ANY_LANG = "*"  # GeoNames alternate names carry no language
_LANG_SCRIPT = {"ko": "HANGUL", "hi": "DEVANAGARI", "ru": "CYRILLIC", "ja": "KANA", "zh": "HAN"}
FUZZY_MAX_LENGTH_GAP = 3  # characters (Hangul: jamo) between a typo and the name it stands for


@dataclass(frozen=True)
class GazPlace:
    id: str  # country:<ISO2> | gn:<geonameid> | town:<CC>-<state>-<slug> | site:<slug> | region:<slug>
    kind: str  # country | region | city | site
    name: str  # English display name
    lat: float
    lon: float
    cc: str | None  # ISO 3166-1 alpha-2 of the country it lies in (its own code for a country)
    population: int = 0
    bbox: tuple[float, float, float, float] | None = None  # w, s, e, n (countries)
    near: tuple[str, ...] = ()  # ids of places it is next to (curated sites)
    curated: bool = False
    capital: bool = False  # its country's capital (GeoNames country info)


@dataclass(frozen=True)
class Candidate:
    place: GazPlace
    surface: str  # the stored name that matched
    lang: str  # language of that stored name ("*" = GeoNames, unknown)
    score: float  # 1.0 exact; rapidfuzz ratio / 100 when fuzzy
    method: str  # exact | fuzzy | phonetic


# ---- normalisation --------------------------------------------------------------------------------

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_DELETE = re.compile(r"['’ʼ`´.\u02bb\u02bc]")
_TO_SPACE = re.compile(r"[\-‐‑‒–—_/·・,]+")
_SPACES = re.compile(r"\s+")
# Korean writes a foreign name's final /s, z/ as 스 or 즈 (웨일스/웨일즈 for Wales, 텍사스): read alike.
_HANGUL_FINAL_Z = re.compile("즈(?= |$)")
_CHANDRABINDU, _ANUSVARA = "\u0901", "\u0902"
# Hindi writes foreign and regional names with either vowel length (काठमांडू / काठमांडु, दार्जिलिंग /
# दार्जीलिंग), with ॉ or ो for an English "o" (इंचियॉन / इंचियोन), and a nasal before a consonant
# either as anusvara or as the nasal letter (काठमाण्डू / काठमांडू), the sibilants श, ष and स of a
# transliterated name alike (विशाखापत्तनम / विसाखापत्तनम, शिमला / सिमला), and a word-final virama or
# none (विशाखपट्टणम् / विशाखापट्टणम): keys fold each pair to one form.
_DEVANAGARI_FOLD = str.maketrans({"\u0940": "\u093f", "\u0942": "\u0941", "\u0908": "\u0907",
                                  "\u090a": "\u0909", "\u0949": "\u094b", "\u0911": "\u0913",
                                  "\u0936": "\u0938", "\u0937": "\u0938",
                                  _CHANDRABINDU: _ANUSVARA})
_NASAL_CLUSTER = re.compile("[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u0939])")
_FINAL_VIRAMA = re.compile("\u094d(?![\u0900-\u097f\u200c\u200d])")


# Characters that can carry or be a diacritic worth stripping: precomposed Latin, Greek and
# Cyrillic letters, and combining marks. Text without any (Hangul, Devanagari, plain ASCII) skips the
# NFD round trip, which for Hangul decomposes every syllable into jamo for nothing.
_MAYBE_MARKED = re.compile(r"[\u00c0-\u052f\u1ab0-\u1aff\u1dc0-\u1fff\u20d0-\u20ff\ufe20-\ufe2f]")


def _strip_marks(text: str) -> str:
    """Drop diacritics on Latin, Greek and Cyrillic letters (Vladivostók, ё); keep Indic vowel signs."""
    if not _MAYBE_MARKED.search(text):
        return text
    decomposed = unicodedata.normalize("NFD", text)
    if not any(unicodedata.combining(ch) for ch in decomposed):
        return text
    out: list[str] = []
    base_script = "?"
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) == "Mn":
            if base_script in ("LATIN", "GREEK", "CYRILLIC"):
                continue
        elif ch.isalpha():
            base_script = char_script(ch)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=200_000)
def place_key(name: str) -> str:
    """The key under which the gazetteer stores a place name: case-folded, diacritics and
    punctuation folded, per-script rules. data/gazetteer/places.jsonl.gz was built with it: a change
    here means rebuilding that file (scripts/build_gazetteer.py). The linker's key is another one
    (dossier.linking.names.kb_key).

    Hangul: spaces removed (하바롭스크 주 == 하바롭스크주), a word-final 즈 read as 스 (웨일즈 ==
    웨일스). Devanagari: nukta dropped, chandrabindu read as anusvara (प्याँगयांग == प्यांगयांग), long
    and short i/u, ॉ/ो and श/ष/स read alike, a nasal letter before a consonant read as anusvara
    (काठमाण्डू == काठमांडु), a word-final virama dropped: the usual spelling variation in Hindi news.
    """
    if name.isascii():  # fast path: most of the 400k stored names
        s = name.lower()
    else:
        s = unicodedata.normalize("NFKC", name).translate(_ZERO_WIDTH).casefold()
        s = fold_nukta(s)
        if any("\u0900" <= ch <= "\u097f" for ch in s):
            s = _FINAL_VIRAMA.sub("", _NASAL_CLUSTER.sub(_ANUSVARA, s.translate(_DEVANAGARI_FOLD)))
        s = _strip_marks(s)
    s = _DELETE.sub("", s)
    s = _TO_SPACE.sub(" ", s)
    s = _SPACES.sub(" ", s).strip()
    if has_hangul(s):
        s = _HANGUL_FINAL_Z.sub("스", s).replace(" ", "")
    return s




# Romanised Devanagari names meet Latin city names (Gazetteer.phonetic) only for towns this big,
# through phonetic keys this long at least, and rank below exact and fuzzy matches.
PHONETIC_MIN_POPULATION = 15000
PHONETIC_MIN_KEY = 4
PHONETIC_SCORE = 0.9
PHONETIC_MIN_RATIO = 80  # rapidfuzz ratio of the romanised form and the Latin name ("viena"/"vienna" 91)


def fuzzy_form(key: str) -> str:
    """What fuzzy comparison sees: Hangul split into jamo so one wrong letter costs one letter, not a syllable."""
    return unicodedata.normalize("NFD", key) if first_script(key) == "HANGUL" else key


def written_length(key: str) -> int:
    return len(key.replace(" ", ""))


def script_class(key: str) -> str:
    s = first_script(key)
    return {"LATIN": "latin", "HANGUL": "hangul", "DEVANAGARI": "devanagari"}.get(s, "other")


# ---- the gazetteer --------------------------------------------------------------------------------


@dataclass
class Gazetteer:
    places: dict[str, GazPlace]
    index: dict[str, list[tuple[str, str, str]]]  # key -> [(place id, lang, surface)]
    rules: dict[str, Any]
    ko_compounds: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    max_words: int = 1
    _fuzzy_keys: dict[str, dict[str, dict[int, list[str]]]] = field(default_factory=dict)  # script -> first letter -> length -> forms
    _fuzzy_back: dict[str, dict[str, str]] = field(default_factory=dict)  # fuzzy form -> key
    _curated_names: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # id -> lang -> names
    _script_names: dict[str, list[str]] = field(default_factory=dict)  # city id -> Hangul/Devanagari keys
    _sorted_keys: list[str] = field(default_factory=list)  # every index key, sorted (built on first use)
    _phonetic: dict[str, list[str]] = field(default_factory=dict)  # phonetic key -> Latin city keys

    def starts_a_key(self, prefix: str) -> bool:
        """Whether some index key begins with `prefix`: a text scan stops widening a window once
        no name can start with what it has read so far."""
        if not self._sorted_keys:
            self._sorted_keys = sorted(self.index)
        keys = self._sorted_keys
        at = bisect_left(keys, prefix)
        return at < len(keys) and keys[at].startswith(prefix)

    def get(self, place_id: str) -> GazPlace | None:
        return self.places.get(place_id)

    def display_names(self, place_id: str, langs: tuple[str, ...] = ("en", "ko", "hi")) -> dict[str, str]:
        """One display name per language where known (for map tooltips): CLDR for countries,
        the curated names for sites and regions, GeoNames' Hangul/Devanagari names for cities."""
        p = self.places.get(place_id)
        if p is None:
            return {}
        out: dict[str, str] = {}
        curated = self._curated_names.get(place_id, {})
        for lang in langs:
            if lang == "en":
                out[lang] = p.name
            elif p.kind == "country" and p.cc:
                try:
                    from babel import Locale

                    name = Locale.parse(lang).territories.get(p.cc)
                except Exception:  # noqa: BLE001 - unknown locale: no name in that language
                    name = None
                if name:
                    out[lang] = name
            elif curated.get(lang):
                out[lang] = curated[lang][0]
            else:
                script = _LANG_SCRIPT.get(lang)
                names = self._script_names.get(place_id, ())
                name = next((k for k in names if first_script(k) == script), None)
                if name:
                    out[lang] = name
        return out

    def lookup(self, surface: str) -> list[Candidate]:
        """Exact candidates for a written form (after normalisation), best-known first."""
        return self._candidates(place_key(surface), 1.0, "exact")

    def _candidates(self, key: str, score: float, method: str, langs=None) -> list[Candidate]:
        """Candidates for a normalised key; `langs(lang, place) -> bool` filters by the name's language."""
        seen: dict[str, Candidate] = {}
        for pid, lang, surface in self.index.get(key, ()):
            if pid not in seen and pid in self.places and (langs is None or langs(lang, self.places[pid])):
                seen[pid] = Candidate(self.places[pid], surface, lang, score, method)
        return sorted(seen.values(), key=lambda c: (-_importance(c.place), c.place.id))

    def fuzzy(self, surface: str, limit: int = 5) -> list[Candidate]:
        """Typo-tolerant candidates among well-known places (see matching.yaml for the limits).

        A form that only extends a known name at its end ("Russian" vs "Russia", "러시아인",
        "अमेरिकी" vs "अमेरिका") is an inflection or demonym, not a typo, and never matches.
        """
        key = place_key(surface)
        cls = script_class(key)
        min_len = self.rules["fuzzy_min_length"].get(cls, self.rules["fuzzy_min_length"]["other"])
        if written_length(key) < min_len or self.is_inflection(key):
            return []
        return self._fuzzy_cached(key, cls, limit)

    def phonetic(self, surface: str, *, hangul: bool = False,
                 min_population: int = PHONETIC_MIN_POPULATION,
                 min_ratio: int = PHONETIC_MIN_RATIO) -> list[Candidate]:
        """Cities whose Latin name sounds like a Devanagari name (सोमा = Soma, प्रयागराज = Prayagraj,
        सांगली = Sangli): where GeoNames has no name of a town in Devanagari, the romanised form
        (dossier.linking.translit, the keys that match people's names across scripts) meets the
        Latin one. Only cities of PHONETIC_MIN_POPULATION or more, and only names of PHONETIC_MIN_KEY
        phonetic letters or more (short keys meet too many towns); the caller treats every such
        match as doubtful (it needs the article's support). Not Hangul: Korean words romanised
        meet foreign towns by chance (아시아 = Ashiya, 중동 = Jungpyong on KLUE's LOC spans), unless
        the caller has a cue that the word is a town (`hangul=True`: "베니 시에", the unit word after it).
        A caller that knows the region a town lies in may ask for smaller towns (`min_population`=0:
        districts of India with no population, such as वायनाड = Wayanad), and closer spellings
        (`min_ratio`), as small towns are many."""
        key = place_key(surface)
        allowed = ("devanagari", "hangul") if hangul else ("devanagari",)
        if script_class(key) not in allowed or self.is_inflection(key):  # रूसी, "Russian"
            return []
        if not self._phonetic:
            self._build_phonetic()
        seen: dict[str, Candidate] = {}
        for roman in dict.fromkeys(romanize(surface, variant=v) for v in (0, 1)):
            folded = fold_latin(roman)
            if len(folded) < PHONETIC_MIN_KEY:
                continue
            # the folds are loose (r/l, voicing): the letters themselves must still be close
            close = [k for k in self._phonetic.get(folded, ()) if fuzz.ratio(roman, k) >= min_ratio]
            for latin in close:
                for c in self._candidates(latin, PHONETIC_SCORE, "phonetic"):
                    if c.place.kind == "city" and c.place.population >= min_population:
                        seen.setdefault(c.place.id, c)
        return sorted(seen.values(), key=lambda c: (-_importance(c.place), c.place.id))

    def _build_phonetic(self) -> None:
        # built on first use (about 2 s, every city's Latin keys): only Hindi place names no list has pay for it
        for key, entries in self.index.items():
            if key.isascii() and any(pid in self.places and self.places[pid].kind == "city"
                                     for pid, _, _ in entries):
                self._phonetic.setdefault(fold_latin(key), []).append(key)

    def written_with_unit(self, key: str, units: Iterable[str], place_ids: set[str]) -> bool:
        """`key` is a bare name of one of `place_ids` with a unit word glued after it ("플로리다주" =
        플로리다 + 주): the unit says which kind of place it is. The bare name has two letters or more:
        "몬주" is as often a word cut short as Myanmar's Mon State."""
        return any(key.endswith(u) and len(key) > len(u) + 1 and place_ids & {pid for pid, _, _ in self.index.get(key[: -len(u)], ())}
                   for u in units)

    def is_inflection(self, key: str) -> bool:
        """A known name plus a short ending ("russian", "north korean", "러시아인", "अमेरिकी" is
        close to "अमेरिका" but ends differently): a demonym or derived word, not a typo."""
        return any(key[:k] in self.index for k in range(max(2, len(key) - 3), len(key)))

    # one Gazetteer lives for the whole process (load_gazetteer is cached), so the cache holding
    # `self` leaks nothing
    @lru_cache(maxsize=20000)  # noqa: B019
    def _fuzzy_cached(self, key: str, cls: str, limit: int) -> list[Candidate]:
        if not self._fuzzy_back:
            _build_fuzzy(self)  # built on first use: exact look-ups (fusion, the map) never pay for it
        query = fuzzy_form(key)
        # Only names with the same first letter and nearly the same length are compared: a typo
        # rarely hits the first letter, and this keeps one look-up under a millisecond.
        by_length = self._fuzzy_keys.get(cls, {}).get(query[:1], {})
        choices = sorted(f for n in range(len(query) - FUZZY_MAX_LENGTH_GAP, len(query) + FUZZY_MAX_LENGTH_GAP + 1)
                         for f in by_length.get(n, ()))  # alphabetical, as ties are broken by position
        if not choices:
            return []
        hits = process.extract(query, choices, scorer=fuzz.ratio, limit=limit * 3,
                               score_cutoff=self.rules["fuzzy_threshold"])
        out: list[Candidate] = []
        for form, score, _ in hits:
            target = self._fuzzy_back[cls][form]
            if target == key or _only_ending_differs(key, target):
                continue
            out.extend(self._candidates(target, score / 100.0, "fuzzy"))
        out.sort(key=lambda c: (-c.score, -_importance(c.place)))
        return out[:limit]

    def candidates(self, surface: str, *, fuzzy: bool = True) -> list[Candidate]:
        """Exact candidates, or fuzzy ones when there is no exact match."""
        exact = self.lookup(surface)
        return exact if exact or not fuzzy else self.fuzzy(surface)

    def __hash__(self) -> int:  # lets lru_cache key on the (single, long-lived) instance
        return id(self)


def _only_ending_differs(a: str, b: str) -> bool:
    """True when one form is the other plus/minus a short ending (Russia/Russian, अमेरिका/अमेरिकी)."""
    shorter, longer = sorted((a, b), key=len)
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= len(shorter) - 2 and len(longer) - common <= 3


def needs_context(p: GazPlace) -> bool:
    """Whether a name of this place is read like a city name: through the word lists, and needing
    the article's other places when it is a short, bare word. Cities, and the built regions (5,000
    first-level regions of the world include "Capital", "Central", "Kerry", "Punjab"); countries,
    curated sites and regions, and airports (their names say "Airport") do not."""
    return p.kind == "city" or (p.kind == "region" and not p.curated)


def _importance(p: GazPlace) -> float:
    # A built region that shares a city's name (Pyongyang, Busan: cities that are also first-level
    # units) ranks below the city, the reading news means and the more precise point.
    rank = 0 if needs_context(p) else {"country": 3, "region": 2, "site": 2}[p.kind]
    return rank * 1e12 + p.population


# ---- loading --------------------------------------------------------------------------------------


def _add(index: dict, key: str, pid: str, lang: str, surface: str) -> None:
    if key:
        index.setdefault(key, []).append((pid, lang, surface))


def _load_rules(path: Path) -> dict[str, Any]:
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules["stopwords"] = {lang: {place_key(w) for w in words} for lang, words in rules["stopwords"].items()}
    return rules


def _load_curated(path: Path, places: dict[str, GazPlace], index: dict,
                  names_out: dict[str, dict[str, list[str]]]) -> dict[str, list[tuple[int, int, str]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for section in ("sites", "regions"):
        for e in data.get(section) or []:
            place = GazPlace(id=e["id"], kind=e["kind"], name=e["name"], lat=float(e["lat"]),
                             lon=float(e["lon"]), cc=e.get("country"), population=0,
                             near=tuple(e.get("near") or ()), curated=True)
            places[place.id] = place
            _add(index, place_key(place.name), place.id, "en", place.name)
            for lang, names in (e.get("names") or {}).items():
                names_out.setdefault(place.id, {})[lang] = list(names)
                for n in names:
                    _add(index, place_key(n), place.id, lang, n)
    for pid, per_lang in (data.get("aliases") or {}).items():
        for lang, names in (per_lang or {}).items():
            for n in names or []:
                _add(index, place_key(n), pid, lang, n)
    compounds = {}
    for word, parts in (data.get("ko_compounds") or {}).items():
        compounds[word] = [(int(o), int(n), str(pid)) for o, n, pid in parts]
    return compounds


def load_gazetteer_from(places_file: Path = PLACES_FILE, sites_file: Path = SITES_FILE,
                        rules_file: Path = RULES_FILE) -> Gazetteer:
    places: dict[str, GazPlace] = {}
    index: dict[str, list[tuple[str, str, str]]] = {}
    script_names: dict[str, list[str]] = {}
    with gzip.open(places_file, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            bbox = tuple(r["bbox"]) if r.get("bbox") else None
            p = GazPlace(id=r["id"], kind=r["kind"], name=r["name"], lat=r["lat"], lon=r["lon"],
                         cc=r.get("cc"), population=int(r.get("pop") or 0), bbox=bbox,
                         capital=bool(r.get("capital")))
            places[p.id] = p
            # Keys were normalised at build time (scripts/build_gazetteer.py); the stored "surface"
            # is then the key itself, which is all the matcher needs from built entries.
            for lang, keys in r["keys"].items():
                for k in keys:
                    index.setdefault(k, []).append((p.id, lang, k))
                    if p.kind == "city" and (is_hangul(k[0]) or is_devanagari(k[0])):
                        script_names.setdefault(p.id, []).append(k)
    curated_names: dict[str, dict[str, list[str]]] = {}
    compounds = _load_curated(sites_file, places, index, curated_names)
    rules = _load_rules(rules_file)
    gaz = Gazetteer(places=places, index=index, rules=rules, ko_compounds=compounds,
                    _curated_names=curated_names, _script_names=script_names)
    gaz.max_words = max(k.count(" ") for k in index) + 1
    return gaz


def _build_fuzzy(gaz: Gazetteer) -> None:
    min_pop = gaz.rules["fuzzy_min_population"]
    keys: dict[str, set[str]] = {}
    for key, entries in gaz.index.items():
        # Built regions and airports have no population and are many: typos are matched only for
        # countries, curated places and big cities, as a near-miss of "Capital" is not a place.
        if any(p.kind == "country" or p.curated or p.population >= min_pop
               for p in (gaz.places[pid] for pid, _, _ in entries if pid in gaz.places)):
            keys.setdefault(script_class(key), set()).add(key)
    for cls, ks in keys.items():
        back = {fuzzy_form(k): k for k in ks}
        gaz._fuzzy_back[cls] = back
        buckets: dict[str, dict[int, list[str]]] = {}
        for form in sorted(back):
            buckets.setdefault(form[:1], {}).setdefault(len(form), []).append(form)
        gaz._fuzzy_keys[cls] = buckets


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded on first use, a few seconds; then cached)."""
    return load_gazetteer_from()

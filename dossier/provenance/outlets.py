"""Knowledge-base access and outlet look-up for provenance.

The knowledge base is optional: with use_kb=False (or without dossier.linking.kb / dossier.linking.link importable)
entities are read by their id prefix and the words around them only. Outlets the given entities
missed are looked up with dossier.linking.link, or with data/kb/outlets.yaml read directly.
source_id() maps an article's free-text source metadata to an outlet id.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from functools import lru_cache
from typing import TYPE_CHECKING

import yaml

from dossier.linking.kb import load_kb
from dossier.linking.link import kb_matches, link_entities
from dossier.model import Entity
from dossier.provenance.vocabulary import LEXICON_DIR

if TYPE_CHECKING:
    from dossier.linking.kb import Actor, KnowledgeBase


# False while a call runs with use_kb=False: entities are then read by their id prefix and the words
# around them only, so results do not depend on the knowledge base's contents.
KB_ON: ContextVar[bool] = ContextVar("provenance_kb_on", default=True)


def _kb() -> KnowledgeBase | None:
    if not KB_ON.get():
        return None
    return load_kb()


def kb_actor(entity_id: str | None) -> Actor | None:
    if not entity_id:
        return None
    kb = _kb()
    return kb.get(entity_id) if kb is not None else None


def outlet_kind(entity_id: str | None) -> str:
    actor = kb_actor(entity_id)
    return (actor.kind or "") if actor is not None else ""


def canonical_name(e: Entity) -> str | None:
    if e.canonical:
        return e.canonical
    actor = kb_actor(e.entity_id)
    return actor.name if actor is not None else None


# --- Outlet fallback: names the given entities missed ---------------------------------------------


@lru_cache(maxsize=1)
def _own_outlet_names() -> tuple[tuple[str, str, str], ...]:
    """(name, outlet id, canonical) from data/kb/outlets.yaml, read directly: the fallback when
    dossier.linking.link is not importable."""
    path = LEXICON_DIR.parent / "kb" / "outlets.yaml"
    if not path.exists():
        return ()
    out = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        for table in ("names", "short"):
            for names in (entry.get(table) or {}).values():
                for n in names or ():
                    out.append((str(n), entry["id"], entry.get("name") or entry["id"]))
    return tuple(sorted(out, key=lambda t: len(t[0]), reverse=True))


def _surface_outlets(text: str) -> list[Entity]:
    found: list[Entity] = []
    taken = [False] * len(text)
    for name, oid, canonical in _own_outlet_names():
        for m in re.finditer(rf"(?<![\w]){re.escape(name)}", text):
            if m.end() < len(text) and text[m.end()].isascii() and text[m.end()].isalnum():
                continue  # Latin names need a right boundary; Korean particles may follow Hangul
            if any(taken[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            found.append(Entity(m.start(), m.end(), m.group(0), "ORG", oid, canonical, 1.0, "surface"))
    return found


def _kb_outlets(text: str, lang: str) -> list[Entity]:
    spans = [sp for sp in kb_matches(text, lang) if sp.label == "ORG"]  # outlets are ORG; link nothing else
    ents = link_entities(text, lang, spans)
    return [e for e in ents if (e.entity_id or "").startswith("outlet:")]


def with_outlets(
    text: str, lang: str, entities: list[Entity], use_kb: bool, lo: int = 0, hi: int | None = None
) -> list[Entity]:
    """The given entities plus outlets they missed or left unlinked in text[lo:hi] (an outlet the
    KB knows wins over an overlapping unlinked entity)."""
    if not use_kb:
        return list(entities)
    hi = len(text) if hi is None else hi
    if hi <= lo:
        return list(entities)
    extra = []
    for e in _kb_outlets(text[lo:hi], lang):
        extra.append(
            Entity(e.start + lo, e.end + lo, e.text, e.label, e.entity_id, e.canonical, e.score, e.method)
        )
    out = list(entities)
    for x in extra:
        overlapping = [e for e in out if e.start < x.end and x.start < e.end]
        if any((e.entity_id or "").startswith("outlet:") for e in overlapping):
            continue
        if any(e.entity_id and not e.entity_id.startswith("x:") for e in overlapping):
            continue  # linked to something else: the linker decided, keep its answer
        out = [e for e in out if e not in overlapping] + [x]
    return sorted(out, key=lambda e: (e.start, -e.end))


def source_id(source: str | None, lang: str = "en") -> str | None:
    """The outlet id named by an article's free-text source metadata
    ("Voice of America (Korean service)" -> outlet:voa), or None."""
    if not source:
        return None
    for e in _kb_outlets(source, lang):
        return e.entity_id
    return None

"""What the store takes and gives: the article ingest hands over, and the typed rows every read returns.

Plain dataclasses with no SQL, so the app, the exports and the tests can use them without a database;
at the end, the two helpers the queries build them with (``from_row``, ``tally``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, TypeVar

from dossier.model import Entity, EventFrame, Place, Segment, Sentence, Timex

# How an article without a named source shows in facets and filters (stored as NULL).
UNKNOWN_SOURCE = "(unknown)"


@dataclass
class NewArticle:
    """Everything ingest hands to the store for one article (written in one transaction)."""

    id: str
    content_hash: str
    raw_sha256: str
    text: str
    origin: str
    encoding: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    lang_hint: str | None = None
    licence: str | None = None
    note: str | None = None
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[tuple[Entity, str]] = field(default_factory=list)  # (entity, language)
    times: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    frames: list[tuple[EventFrame, dict[str, Any]]] = field(default_factory=list)  # (frame, extra)
    chains: list[dict[str, Any]] = field(default_factory=list)  # sentence_start/end, lang, origin_key, description, links
    # The pipeline version that produced the fields above; "" = not analysed (metadata-only update).
    extraction_version: str = ""


@dataclass
class StoredArticle:
    """What the store already holds for some content, so ingest can skip unneeded analysis."""

    id: str
    published: str | None
    extraction_version: str


@dataclass
class SaveResult:
    article_id: str
    status: str  # created | unchanged | updated (metadata changed, same content) | re-extracted


@dataclass
class ArticleRow:
    id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    langs: list[str]
    n_chars: int
    snippet: str


@dataclass
class ArticleDetail(ArticleRow):
    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    origin: str = ""
    encoding: str = ""
    raw_sha256: str = ""
    licence: str | None = None
    note: str | None = None
    ingested_at: str = ""


@dataclass
class Facets:
    n_articles: int
    n_undated: int
    min_date: str | None
    max_date: str | None
    languages: dict[str, int]
    sources: dict[str, int]


@dataclass
class Overview:
    n_articles: int
    n_chars: int
    by_language: dict[str, int]
    by_source: dict[str, int]
    by_month: dict[str, int]


@dataclass
class ActorRow:
    entity_id: str
    canonical: str
    label: str  # the label most mentions carry: PER | ORG | LOC
    n_mentions: int
    n_articles: int
    by_lang: dict[str, int]
    aliases: list[str]  # surface forms seen, most frequent first


@dataclass
class MentionRow:
    article_id: str
    title: str | None
    published: str | None
    start: int
    end: int
    text: str
    label: str
    lang: str
    entity_id: str | None
    canonical: str | None
    score: float | None
    method: str | None
    sentence: str


@dataclass
class PlaceRow:
    place_id: str
    name: str
    lat: float
    lon: float
    kind: str
    n_mentions: int
    n_articles: int
    names: list[str] = field(default_factory=list)  # names seen in the articles, most frequent first


@dataclass
class CorrectionRow:
    id: int
    created_at: str
    kind: str
    target: str
    value: dict[str, Any]
    before: Any
    note: str | None
    undone_at: str | None
    # an active event correction whose event no longer exists (it merged into another event that
    # kept the other's id, or its sources are gone): it is kept but applies to nothing
    detached: bool = False


@dataclass
class SharedFacts:
    places: list[tuple[str, str]]  # (place id, name)
    events: list[tuple[str, str, str | None, str | None]]  # (event id, type, date, date_end)


@dataclass
class FilterOptions:
    actors: list[tuple[str, str, int]]  # (entity id, name, articles)
    places: list[tuple[str, str, int]]  # (place id, name, articles)
    event_types: list[tuple[str, int]]  # (type, events)


@dataclass
class EventRow:
    id: str
    type: str
    date: str | None
    date_end: str | None
    precision: str | None
    date_mod: str | None
    status: str
    place_id: str | None
    actor_ids: list[str]
    conflict: bool
    readings: list[dict[str, Any]]
    n_articles: int
    sources: list[dict[str, Any]]  # event_sources columns + title, published, outlet


@dataclass
class ChainRow:
    article_id: str
    title: str | None
    published: str | None
    lang: str
    sentence_start: int
    sentence_end: int
    sentence: str
    origin_key: str | None
    description: str
    links: list[dict[str, Any]]


def majority(items: list[str], prefer: str | None = None) -> str:
    """The most frequent item; a tie goes to ``prefer`` if it is among the tied, else to the first in
    sorted order, so an actor tagged PER and ORG equally often gets the same label in every process
    (set order changes with the hash seed)."""
    top = max(map(items.count, set(items)))
    tied = sorted(i for i in set(items) if items.count(i) == top)
    return prefer if prefer in tied else tied[0]


def grouped_label(entity_id: str) -> str | None:
    """The label a cross-article group of unknown names was formed under: ``x:<key>:<label>``
    (docs/DESIGN.md, Ids); None for other ids."""
    parts = entity_id.split(":")
    return parts[2].upper() if len(parts) == 3 and parts[0] == "x" else None


def tally(items: list[str]) -> dict[str, int]:
    """Occurrences per item, most frequent first (ties in first-seen order): how rows order the
    names they list (ActorRow.aliases, PlaceRow.names)."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


R = TypeVar("R")


def from_row(cls: type[R], row: Any, **computed: Any) -> R:
    """A row type from a database row: each field is the column of its name, unless ``computed``
    gives it (a decoded JSON column, a count, ...)."""
    return cls(**{name: row[name] for name in _field_names(cls) if name not in computed}, **computed)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))  # type: ignore[arg-type]

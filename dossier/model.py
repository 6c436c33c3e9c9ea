"""Plain data passed between pipeline stages (see DESIGN.md: each arrow is a function over these).

Every offset is a character offset into the article's stored (NFC-normalised) text, end exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A labelled stretch of text, as a recogniser emits it (before linking)."""

    start: int
    end: int
    label: str


@dataclass
class Segment:
    start: int
    end: int
    lang: str
    parallel_of: int | None = None  # index of the segment this one translates
    kind: str = "body"  # body | title | keywords


@dataclass
class Sentence:
    start: int
    end: int
    segment: int  # index into the article's segments


@dataclass
class Entity:
    start: int
    end: int
    text: str
    label: str  # PER | ORG | LOC
    entity_id: str | None = None  # canonical id from data/kb, or a cluster id "x:..." for unlinked names
    canonical: str | None = None  # English display name
    score: float | None = None  # linking evidence: 1.0 exact alias, <1 fuzzy/transliteration
    method: str | None = None  # alias | coref | fuzzy | kb-match | none


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    value_end: str | None = None
    precision: str | None = None  # day | week | month | year | ...
    mod: str | None = None  # TimeML mod: START | MID | END | APPROX | BEFORE | AFTER ("early", "end of", "말")


@dataclass
class Place:
    start: int
    end: int
    text: str
    place_id: str
    name: str
    lat: float
    lon: float
    kind: str  # country | region | city | site


@dataclass
class EventFrame:
    type: str
    date: str | None
    date_end: str | None
    place_id: str | None
    actor_ids: list[str]
    sentence_start: int
    sentence_end: int


@dataclass
class ArticleMeta:
    id: str
    title: str | None
    published: str | None  # YYYY-MM-DD or None (undated, never guessed)
    source: str | None
    url: str | None


@dataclass
class Extraction:
    """What `python -m dossier extract` prints for one article."""

    article: ArticleMeta
    segments: list[Segment] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[EventFrame] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "no NER model for language 'fr'"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

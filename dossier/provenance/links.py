"""What a reporting chain is made of: a Link is one source (an outlet, an official, an unnamed
source, a document...), a Chain is the links of one sentence from the publisher back to the origin.

The KIND_* and ROLE_* strings are the values of Link.kind and Link.role; they are stored with
each chain (Chain.to_json), so their spelling is part of the stored format.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

KIND_OUTLET = "outlet"
KIND_OFFICIAL = "official"
KIND_PERSON = "person"
KIND_ANONYMOUS = "anonymous"
KIND_GOVERNMENT = "government"
KIND_ORGANISATION = "organisation"
KIND_DOCUMENT = "document"

ROLE_PUBLISHER = "publisher"  # the outlet that published the article
ROLE_NOTE = "article-note"  # a whole-article credit ("이 기사는 AFP통신을 참조했습니다")
ROLE_TEXT = "text"  # read from the sentence itself


@dataclass(frozen=True)
class Link:
    """One source in a chain. Offsets are None only for a publisher known from article metadata."""

    text: str
    start: int | None
    end: int | None
    kind: str  # outlet | official | person | anonymous | government | organisation | document
    entity_id: str | None = None
    canonical: str | None = None
    affiliation: str | None = None  # entity id of the country/body an official or unnamed source belongs to
    cue: str | None = None  # the words that make it a source: "citing", "에 따르면", "said"
    cue_start: int | None = None
    cue_end: int | None = None
    role: str = ROLE_TEXT  # publisher | article-note | text
    named: bool = True  # False for unnamed sources ("officials", "South Korean media")

    def label(self) -> str:
        return self.canonical or self.text


@dataclass
class Chain:
    """Links from the publisher (first) back to the origin (last) for one sentence."""

    sentence_start: int
    sentence_end: int
    lang: str
    links: list[Link] = field(default_factory=list)

    @property
    def origin(self) -> Link:
        return self.links[-1]

    def describe(self) -> str:
        return " ← ".join(link.label() for link in self.links)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Chain:
        """Inverse of to_json (also reads a stored record with extra keys such as origin_key)."""
        fields = Link.__dataclass_fields__
        links = [Link(**{k: v for k, v in lk.items() if k in fields}) for lk in d.get("links") or []]
        return cls(int(d["sentence_start"]), int(d["sentence_end"]), str(d.get("lang") or ""), links)

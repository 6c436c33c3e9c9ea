"""How many independent origins confirm each event: its source sentences' reporting chains,
grouped by origin (Reuters citing the NYT and the NYT itself are one confirmation)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dossier import provenance
from dossier.linking.kb import load_kb
from dossier.store import ChainRow, EventRow


@dataclass
class EventConfirmation:
    event_id: str
    groups: list[provenance.OriginGroup]

    @property
    def independent(self) -> int:
        return len(self.groups)

    def describe(self) -> str:
        """"The New York Times (via Reuters, Yomiuri Shimbun) · Kyodo News" style summary."""
        parts = []
        for g in self.groups:
            relays = [o for o in g.outlets if o != g.origin.label()]
            parts.append(g.origin.label() + (f" (via {', '.join(relays)})" if relays else ""))
        return " · ".join(parts)


def _publisher_chain(article_id: str, source: str | None, lang: str, start: int, end: int) -> provenance.Chain | None:
    """A sentence with no source of its own is the publishing outlet's own reporting."""
    if not source:
        return None
    outlet_id = provenance.source_id(source, lang)
    actor = load_kb().get(outlet_id) if outlet_id else None
    link = provenance.Link(
        text=source, start=None, end=None, kind="outlet", entity_id=outlet_id,
        canonical=actor.name if actor else None, role="publisher",
    )
    return provenance.Chain(start, end, lang, [link])


def confirmations(
    events: Iterable[EventRow], chains_of: Callable[[str], list[ChainRow]]
) -> dict[str, EventConfirmation]:
    """For each event, its independent origins. ``chains_of(article_id)`` gives an article's
    stored reporting chains."""
    cache: dict[str, list[provenance.Chain]] = {}
    claims: list[provenance.ClaimSupport] = []
    event_ids = []
    for e in events:
        event_ids.append(e.id)
        for src in e.sources:
            aid = src["article_id"]
            if aid not in cache:
                cache[aid] = [provenance.Chain.from_json(_record(c)) for c in chains_of(aid)]
            own = _publisher_chain(aid, src.get("outlet"), src["lang"], src["sentence_start"], src["sentence_end"])
            claims.extend(
                provenance.supports_for(
                    e.id, src["sentence_start"], src["sentence_end"], cache[aid], article_id=aid, own=own
                )
            )
    grouped = provenance.independence(claims)
    return {eid: EventConfirmation(eid, grouped.get(eid, [])) for eid in event_ids}


def _record(c: ChainRow) -> dict:
    return {"sentence_start": c.sentence_start, "sentence_end": c.sentence_end, "lang": c.lang, "links": c.links}

"""Independence of confirmations: which chains go back to the same origin.

`independence()` groups the chains that support one claim by their origin, so that "Reuters citing
the NYT" and "the NYT" are one confirmation. It errs towards fewer independent confirmations: an
analyst misled into seeing two sources where there is one is worse off than the reverse.
`origin_key()` is the key a chain's origin is grouped (and stored) by.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from dossier.provenance.links import KIND_ANONYMOUS, KIND_DOCUMENT, KIND_OUTLET, Chain, Link


@dataclass
class ClaimSupport:
    """One chain supporting one claim/event (claim_id is the caller's key, e.g. an event id)."""

    claim_id: str
    chain: Chain
    article_id: str | None = None


@dataclass
class OriginGroup:
    """Chains that go back to one origin: together they are one independent confirmation."""

    key: str  # entity id, or "surface:<text>" for a named but unlinked source
    origin: Link
    supports: list[ClaimSupport] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        """Labels of the outlets that repeated this origin, in order of first appearance."""
        seen: dict[str, None] = {}
        for s in self.supports:
            for link in s.chain.links:
                if link.kind == KIND_OUTLET:
                    seen.setdefault(link.label(), None)
        return list(seen)


def _key(link: Link) -> str | None:
    if link.entity_id and not link.entity_id.startswith("x:"):
        return link.entity_id
    if link.named and link.kind not in (KIND_DOCUMENT, KIND_ANONYMOUS):
        norm = unicodedata.normalize("NFKC", link.text).casefold()
        return "surface:" + re.sub(r"\W+", " ", norm).strip()
    return None


def origin_key(chain: Chain) -> tuple[str, Link]:
    """The origin that makes a chain independent: its last identifiable link. Unnamed officials and
    documents are known only through whoever reported them, so they collapse onto that reporter:
    "NYT citing an official" goes back to the NYT."""
    for link in reversed(chain.links):
        k = _key(link)
        if k is not None:
            return k, link
    last = chain.links[-1]
    return "surface:" + last.text.casefold(), last


def _ends_at_key(chain: Chain, key: str) -> bool:
    return _key(chain.links[-1]) == key


def independence(claims: list[ClaimSupport]) -> dict[str, list[OriginGroup]]:
    """For each claim, its supporting chains grouped by origin: len(groups) is the number of
    independent confirmations. A chain whose origin is an intermediate of another chain ("Reuters
    citing the NYT" next to "the NYT citing officials") joins that chain's group."""
    result: dict[str, list[OriginGroup]] = {}
    by_claim: dict[str, list[ClaimSupport]] = {}
    for c in claims:
        if c.chain.links:
            by_claim.setdefault(c.claim_id, []).append(c)
    for claim_id, supports in by_claim.items():
        groups: list[OriginGroup] = []
        index: dict[str, OriginGroup] = {}
        for s in supports:
            k, link = origin_key(s.chain)
            g = index.get(k)
            if g is None:
                g = index[k] = OriginGroup(k, link)
                groups.append(g)
            elif not g.origin.named and link.named:
                g.origin = link
            g.supports.append(s)
        changed = True
        while changed:
            changed = False
            for g in list(groups):
                # only a source whose own source is unknown may be a relay of another chain:
                # "NYT citing officials" is the NYT's own sourcing, "Reuters citing the NYT" is not
                if not all(_ends_at_key(sup.chain, g.key) for sup in g.supports):
                    continue
                for h in groups:
                    if h is g:
                        continue
                    through = {_key(lk) for sup in h.supports for lk in sup.chain.links[:-1]} - {None}
                    if g.key in through:
                        h.supports.extend(g.supports)
                        groups.remove(g)
                        changed = True
                        break
                if changed:
                    break
        result[claim_id] = groups
    return result


def supports_for(
    claim_id: str,
    sentence_start: int,
    sentence_end: int,
    article_chains: list[Chain],
    *,
    article_id: str | None = None,
    own: Chain | None = None,
) -> list[ClaimSupport]:
    """The chains of one article that support a claim stated in text[sentence_start:sentence_end]
    (an event's source sentence): every chain of a sentence overlapping it. A sentence with no
    source of its own is the article's own reporting: `own` (e.g. a Chain of the publisher and
    the article's credits) stands for it when given."""
    hits = [c for c in article_chains if c.sentence_start < sentence_end and sentence_start < c.sentence_end]
    if not hits and own is not None and own.links:
        hits = [Chain(sentence_start, sentence_end, own.lang, list(own.links))]
    return [ClaimSupport(claim_id, c, article_id) for c in hits]


def independent_count(claims: list[ClaimSupport], claim_id: str) -> int:
    """How many independent origins support one claim."""
    return len(independence([c for c in claims if c.claim_id == claim_id]).get(claim_id, []))

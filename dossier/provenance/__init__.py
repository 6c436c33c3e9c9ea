"""Reporting chains: who says it, citing whom.

A chain is the path a statement travelled, from the outlet that published the sentence back to the
origin: "Reuters ← Yonhap ← South Korea's NIS". Links are read from the sentence with the
per-language vocabulary in data/provenance/<lang>.yaml (reporting verbs, citation markers,
anonymous-source phrases, whole-article credits); the code only knows sentence shape:

- quotes nest: a speaker inside a quotation is cited by whoever the quotation is attributed to;
- in a verb-final language (Korean, Hindi) the last reporting verb of a clause is the main one
  ("…말했다고 연합뉴스가 보도했다”고 밝혔다"), in English the first speaker is the outer one;
- a citation marker ("citing", "인용해", "के हवाले से") hangs its source under the speaker of its
  clause; a relay marker before the speaker ("according to X, Y said", "경찰에 따르면 A 씨는 …
  주장했다", "अख़बार के अनुसार … ने घोषणा की") puts its source above that speaker;
- unnamed sources ("officials", "관계자", "सूत्रों") are links of kind "anonymous", with the country
  or body named next to them as their affiliation.

Public functions: chains(), article_attribution(), publisher(), source_id() read an article;
independence(), independent_count(), supports_for(), origin_key() compare chains. They are
re-exported here from the modules that hold them:

- links.py: Link, Chain and the KIND_* / ROLE_* values (what a chain is made of);
- vocabulary.py: lexicon(), the per-language vocabulary read from data/provenance/<lang>.yaml;
- outlets.py: knowledge-base access, outlets the given entities missed, source_id();
- quotations.py, units.py: the unit a sentence is read as (quotation regions, tokens);
- sources.py, clauses.py, attributions.py, nesting.py: reading one unit (noun phrase to source,
  the clause around a reporting verb, speakers and cited sources, who reports whom);
- credits.py: publisher() and article_attribution(), the whole-article sources;
- extract.py: chains();
- origins.py: origin_key(), independence(), supports_for(), independent_count().

`independence()` groups the chains that support one claim by their origin, so that "Reuters citing
the NYT" and "the NYT" are one confirmation. It errs towards fewer independent confirmations: an
analyst misled into seeing two sources where there is one is worse off than the reverse.
"""

from __future__ import annotations

from dossier.provenance.attributions import IMMEDIATE_GAP
from dossier.provenance.clauses import AS_SAYING_MAX, INTERVIEW_WINDOW, PARENTHETICAL_MAX, PREPOSITION_TAIL
from dossier.provenance.credits import SIGN_OFF_MAX, article_attribution, publisher
from dossier.provenance.extract import chains
from dossier.provenance.links import (
    KIND_ANONYMOUS,
    KIND_DOCUMENT,
    KIND_GOVERNMENT,
    KIND_OFFICIAL,
    KIND_ORGANISATION,
    KIND_OUTLET,
    KIND_PERSON,
    ROLE_NOTE,
    ROLE_PUBLISHER,
    ROLE_TEXT,
    Chain,
    Link,
)
from dossier.provenance.origins import (
    ClaimSupport,
    OriginGroup,
    independence,
    independent_count,
    origin_key,
    supports_for,
)
from dossier.provenance.outlets import source_id
from dossier.provenance.quotations import MAX_MERGED_SENTENCES
from dossier.provenance.vocabulary import LANGS, LEXICON_DIR, lexicon

# The public names (the reading limits are kept importable from here, as before the split).
__all__ = [
    "AS_SAYING_MAX",
    "IMMEDIATE_GAP",
    "INTERVIEW_WINDOW",
    "KIND_ANONYMOUS",
    "KIND_DOCUMENT",
    "KIND_GOVERNMENT",
    "KIND_OFFICIAL",
    "KIND_ORGANISATION",
    "KIND_OUTLET",
    "KIND_PERSON",
    "LANGS",
    "LEXICON_DIR",
    "MAX_MERGED_SENTENCES",
    "PARENTHETICAL_MAX",
    "PREPOSITION_TAIL",
    "ROLE_NOTE",
    "ROLE_PUBLISHER",
    "ROLE_TEXT",
    "SIGN_OFF_MAX",
    "Chain",
    "ClaimSupport",
    "Link",
    "OriginGroup",
    "article_attribution",
    "chains",
    "independence",
    "independent_count",
    "lexicon",
    "origin_key",
    "publisher",
    "source_id",
    "supports_for",
]

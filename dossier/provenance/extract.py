"""Reading the reporting chains of an article: chains() runs the reading of each unit
(attributions, their nesting, the paths to each origin) and puts the publisher and whole-article
credits at the head of every chain.
"""

from __future__ import annotations

from dossier.model import Entity, Sentence
from dossier.provenance.attributions import find_attributions
from dossier.provenance.credits import read_article_attribution, read_publisher
from dossier.provenance.links import KIND_OUTLET, ROLE_PUBLISHER, Chain, Link
from dossier.provenance.nesting import build_tree, source_paths
from dossier.provenance.outlets import KB_ON, kb_actor, with_outlets
from dossier.provenance.quotations import reading_units
from dossier.provenance.units import Unit, script_lang
from dossier.provenance.vocabulary import lexicon


def chains(
    text: str,
    lang: str,
    sentences: list[Sentence],
    entities: list[Entity],
    article_source_id: str | None = None,
    *,
    use_kb: bool = True,
    include_unattributed: bool = False,
) -> list[Chain]:
    """Reporting chains of an article, in text order.

    Each chain starts with the publisher (article_source_id, else a sign-off line such as "VOA 뉴스"),
    then any whole-article credit, then the sources named in the sentence from the outer speaker to
    the origin. A sentence with two independent sources gives two chains. With
    include_unattributed, a sentence without any source gets a chain of the publisher and credits
    only (its origin is the publisher's own reporting), if those are known.

    `lang` is the article's language; a sentence in another script (an English translation after a
    Korean body) is read with that script's vocabulary. `use_kb`: look up outlets the given entities
    missed with the knowledge base (dossier.linking.link), or with data/kb/outlets.yaml if that is absent.
    """
    token = KB_ON.set(use_kb)
    try:
        return _chains(text, lang, sentences, entities, article_source_id, use_kb, include_unattributed)
    finally:
        KB_ON.reset(token)


def _chains(
    text: str,
    lang: str,
    sentences: list[Sentence],
    entities: list[Entity],
    article_source_id: str | None,
    use_kb: bool,
    include_unattributed: bool,
) -> list[Chain]:
    lo = min((s.start for s in sentences), default=0)
    hi = max((s.end for s in sentences), default=0)
    ents = with_outlets(text, lang, entities, use_kb, lo, hi)
    head: list[Link] = []
    if article_source_id:
        actor = kb_actor(article_source_id)
        name = actor.name if actor is not None else article_source_id
        head.append(Link(name, None, None, KIND_OUTLET, article_source_id, name, role=ROLE_PUBLISHER))
    else:
        pub = read_publisher(text, lang, ents, use_kb)
        if pub is not None:
            head.append(pub)
    for note in read_article_attribution(text, lang, ents, use_kb):
        if all(note.entity_id != h.entity_id for h in head):
            head.append(note)

    out: list[Chain] = []
    recent: list[Link] = []
    for start, end in reading_units(text, sentences):
        ulang = script_lang(text[start:end], lang)
        lex = lexicon(ulang)
        unit = Unit(text, start, end, ents, lex)
        atts = find_attributions(unit, recent)
        if not atts:
            if include_unattributed and head and text[start:end].strip():
                out.append(Chain(start, end, ulang, list(head)))
            continue
        build_tree(unit, atts)
        found: list[list[Link]] = []
        for path in source_paths(atts):
            variants: list[list[Link]] = [[]]
            for att in path:
                variants = [v + att.via + [lk] for v in variants for lk in att.links]
            for v in variants:
                links = list(head) + _dedupe(v, head)
                if links:
                    found.append(links)
        for links in _distinct(found):
            out.append(Chain(start, end, ulang, links))
        for att in sorted(atts, key=lambda a: a.cue_start):
            recent.extend(att.via + att.links)
    return out


def _sig(links: list[Link]) -> tuple:
    return tuple(lk.entity_id or lk.text for lk in links)


def _distinct(found: list[list[Link]]) -> list[list[Link]]:
    """One chain per distinct path; a path that is the beginning of a longer one adds nothing
    ("the report said" after "NYT said … US officials said")."""
    sigs = [_sig(f) for f in found]
    out = []
    seen: set[tuple] = set()
    for f, sg in zip(found, sigs):
        if sg in seen:
            continue
        if any(len(o) > len(sg) and o[: len(sg)] == sg for o in sigs):
            continue
        seen.add(sg)
        out.append(f)
    return out


def _dedupe(links: list[Link], head: list[Link]) -> list[Link]:
    """Drop a link that repeats an earlier one (the publisher naming itself: "VOA said")."""
    out: list[Link] = []
    seen = {h.entity_id for h in head if h.entity_id}
    for lk in links:
        if lk.entity_id and lk.entity_id in seen:
            continue  # a source cannot cite itself: a repeat is a misread ("the report said" = NYT)
        out.append(lk)
        if lk.entity_id:
            seen.add(lk.entity_id)
    return out

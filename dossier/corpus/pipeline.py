"""The per-article analysis: text → segments, sentences, entities, times, places, event frames,
reporting chains.

Stages run per language segment, so a Korean body and its English translation each go through
their own language's models; every offset is an offset into the article's text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from dossier import __version__, config, provenance
from dossier.corpus.coverage import article_coverage
from dossier.events import frames as events
from dossier.geo import places
from dossier.linking import abbreviations, cued_names, hangul_names, link, mentions, org_names, short_forms
from dossier.linking.kb import load_kb
from dossier.linking.lookup import kb_index
from dossier.model import Entity, Place, Segment, Sentence, Span, Timex
from dossier.ner import recognise as ner
from dossier.text.scripts import HANGUL_FIRST, HANGUL_LAST
from dossier.text.segment import segment, sentences
from dossier.timex import tag as timex

# Engine packages whose code decides what extraction finds, and the records the stages produce. The
# store, the exports and the CLI only move results around: editing them re-extracts nothing.
_STAGE_PACKAGES = ("ingest", "text", "ner", "linking", "timex", "geo", "events", "provenance", "corpus")
_STAGE_MODULES = ("model.py",)
_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # dossier/
# Data that decides what extraction finds. Model weights are represented by their meta.json.
_VERSIONED_DATA = ("kb", "timex", "events", "provenance", "lang", "gazetteer")


def _stage_sources() -> list[Path]:
    """The source of every extraction stage module."""
    files = [p for name in _STAGE_PACKAGES for p in (_PACKAGE_DIR / name).rglob("*.py")]
    files.extend(_PACKAGE_DIR / name for name in _STAGE_MODULES)
    return files


def _versioned_data() -> list[Path]:
    files: list[Path] = []
    for name in _VERSIONED_DATA:
        folder = config.DATA_DIR / name
        if folder.is_dir():
            files.extend(p for p in folder.rglob("*") if p.is_file())
    files.extend(config.DATA_DIR.glob("models/*/meta.json"))
    return files


def _read_bytes(path: Path) -> bytes:
    return path.read_bytes()


def _fingerprint() -> str:
    """A digest of the package version, the stage sources and the data, each file under its path."""
    digest = hashlib.sha256(__version__.encode())
    named = [(f"dossier/{p.relative_to(_PACKAGE_DIR).as_posix()}", p) for p in _stage_sources()]
    named += [(str(p.relative_to(config.DATA_DIR)), p) for p in _versioned_data()]
    for name, path in sorted(named):
        digest.update(name.encode())
        digest.update(hashlib.sha256(_read_bytes(path)).digest())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Changes whenever the code of an extraction stage, its data tables or its models change, so
    stored extraction from an older pipeline is redone on the next ingest of the same article.
    Computed once per process."""
    return _fingerprint()


@dataclass
class Analysis:
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[tuple[Entity, str]] = field(default_factory=list)  # (entity, segment language)
    times: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    frames: list[events.Frame] = field(default_factory=list)
    chains: list[provenance.Chain] = field(default_factory=list)
    attribution: list[provenance.Link] = field(default_factory=list)  # outlets the whole article draws on
    notes: list[str] = field(default_factory=list)


def _shift(items: list, offset: int) -> list:
    return [replace(x, start=x.start + offset, end=x.end + offset) for x in items]


def analyse(
    text: str,
    *,
    lang_hint: str | None = None,
    force_lang: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    stages: frozenset[str] = frozenset({"places", "events", "provenance"}),
    linked: bool = True,
) -> Analysis:
    """Analyse one article's text. ``force_lang`` overrides language identification;
    ``published`` anchors relative dates (None: they stay unresolved, never guessed); ``source``
    is the article's outlet from its metadata, the first link of its reporting chains. Segments,
    sentences, entities and times always run; ``stages`` picks the others. ``linked=False`` gives
    the recogniser's spans alone, unlinked (see ``recognised_spans``: what `annotate` reports)."""
    segs = segment(text, lang_hint=lang_hint)
    if force_lang:
        for seg in segs:
            seg.lang = force_lang
    result = Analysis(segments=segs, sentences=sentences(text, segs))
    publisher_id = provenance.source_id(source) if source and "provenance" in stages else None
    people: set[str] = set()  # found in earlier segments: a body may cut a name the headline gave whole
    for i, seg in enumerate(segs):
        piece = text[seg.start : seg.end]
        if linked:
            local_entities = recognise_entities(piece, seg.lang, text, frozenset(people))
            people.update(e.text for e in local_entities if e.label == "PER")
        else:
            local_entities = [Entity(x.start, x.end, piece[x.start : x.end], x.label) for x in recognised_spans(piece, seg.lang)]
        seg_entities = _shift(local_entities, seg.start)
        seg_times = _shift(timex.tag(piece, seg.lang, published), seg.start)
        result.entities.extend((e, seg.lang) for e in seg_entities)
        result.times.extend(seg_times)
        seg_places: list[Place] = []
        if "places" in stages:
            seg_places = _shift(places.geoparse(piece, seg.lang, place_evidence(piece, seg.lang, local_entities)), seg.start)
            result.places.extend(seg_places)
            relabel_places(seg_entities, seg_places)
            relabel_speakers(text, seg.lang, seg_entities, seg_places)
        if linked:
            relabel_known_organisations(seg_entities)
        seg_sentences = [s for s in result.sentences if s.segment == i]
        if "events" in stages:
            result.frames.extend(
                events.frames(text, seg.lang, seg_sentences, seg_entities, seg_times, seg_places, published, segments=segs)
            )
        if "provenance" in stages and seg.kind == "body":
            # the entities already hold the knowledge-base matches: no second dictionary pass
            result.chains.extend(provenance.chains(text, seg.lang, seg_sentences, seg_entities, publisher_id, use_kb=False))
            for credit in provenance.article_attribution(text, seg.lang, seg_entities, use_kb=False):
                # a credit line and its translation name the same outlet once
                if all((c.entity_id or c.text) != (credit.entity_id or credit.text) for c in result.attribution):
                    result.attribution.append(credit)
    if linked:
        link.unify_surfaces([e for e, _ in result.entities])
        added: list[tuple[Entity, str]] = []
        for lang in {lang for _, lang in result.entities}:
            same_lang = [e for e, seg_lang in result.entities if seg_lang == lang]
            added += [(e, lang) for e in short_forms.split_abbreviated_owner(same_lang, lang)]
            short_forms.join_short_forms(same_lang, lang)
        if added:  # an organisation's abbreviation cut off a person's span ("연준 옐런")
            result.entities = sorted(result.entities + added, key=lambda pair: (pair[0].start, pair[0].end))
    # what this article could not get, per language (shown by the app beside the article)
    result.notes.extend(c.note() for c in article_coverage(seg.lang for seg in segs))
    return result


def relabel_places(entities: list[Entity], found: list[Place]) -> None:
    """A person or organisation name no knowledge-base actor took, lying inside a city, region or site
    the geoparser found, is that place (the recogniser calls 블라디보스토크 and "Primorsky Krai" people):
    it becomes LOC, so it is not listed among people nor taken as an actor. Countries are left alone
    ("Russia said" may name the government)."""
    for e in entities:
        if e.label in ("PER", "ORG") and (not e.entity_id or e.entity_id.startswith("x:")) and any(
            p.kind != "country" and p.start <= e.start and e.end <= p.end for p in found
        ):
            e.label = "LOC"


def relabel_known_organisations(entities: list[Entity]) -> None:
    """A place span the knowledge base links to an organisation ("the White House congratulated",
    "the Kremlin said") is that organisation: it is listed among the actors as ORG. Runs after
    geoparsing, so a site of the same name found there stays on the map."""
    actors = load_kb().actors
    for e in entities:
        actor = actors.get(e.entity_id or "")
        if e.label == "LOC" and actor is not None and actor.type in ("organisation", "outlet"):
            e.label = "ORG"


def relabel_speakers(text: str, lang: str, entities: list[Entity], found: list[Place]) -> None:
    """A "place" no knowledge-base actor took and the geoparser could not place, followed by a
    reporting verb ("Zalmay Khalilzad says"), is an actor the recogniser mistyped: places do not
    speak. It becomes an organisation if its words say so ("... Agency said"), else a person when it
    has two or more words. Only where the verb follows its subject (English)."""
    lex = provenance.lexicon(lang)
    if lex.verb_final or lex.speech is None:
        return
    for e in entities:
        if e.label != "LOC" or (e.entity_id and not e.entity_id.startswith("x:")):
            continue
        if any(p.start < e.end and e.start < p.end for p in found):
            continue
        after = re.match(r"\s+", text[e.end : e.end + 3])
        if not after or not lex.speech.match(text, e.end + after.end()):
            continue
        if mentions.org_cue(e.text, lang, mentions.load_cues(), kb_index()):
            e.label = "ORG"
        elif len(e.text.split()) >= 2:
            e.label = "PER"


def place_evidence(text: str, lang: str, entities: list[Entity]) -> list[Entity]:
    """The entity spans geoparsing should trust.

    A LOC span is evidence of a place, unless (in Korean) it is only the front of a compound word
    (한국 in 한국전쟁, the Korean War; 러시아 in 러시아군): a place name is followed by a particle or
    nothing. A PER/ORG span blocks a place reading only when it links to a known actor: the
    recogniser also calls 블라디보스토크 a person, and an unlinked label is weak evidence."""
    particles = tuple(sorted(load_kb().rules.particles.get(lang, ()), key=len, reverse=True))
    out = []
    for e in entities:
        if e.label == "LOC":
            if lang == "ko" and _inside_compound(text, e.end, particles):
                continue
            out.append(e)
        elif e.entity_id and not e.entity_id.startswith("x:"):
            out.append(e)
    return out


_HANGUL_RUN = re.compile(f"[{HANGUL_FIRST}-{HANGUL_LAST}]+")


def _inside_compound(text: str, end: int, particles: tuple[str, ...]) -> bool:
    rest = _HANGUL_RUN.match(text, end)
    return bool(rest) and not rest.group().startswith(particles)


def _links_to_known_actor(text: str, lang: str, span: Span, *, countries: bool = True) -> bool:
    """Whether a span on its own names a knowledge-base actor (asked only of the few spans that
    contain dictionary or organisation names, so linking does not run twice over every span). With
    ``countries=False`` a country does not count: "Japan" in "Japan Meteorological Agency" gives way
    to the agency."""
    kb = load_kb()

    def known(entity_id: str | None) -> bool:
        if not entity_id:
            return False
        if countries:
            return not entity_id.startswith("x:")
        return entity_id in kb.actors and kb.actors[entity_id].type != "country"

    return any(known(e.entity_id) for e in link.link_entities(text, lang, [span]))


def recognise_entities(text: str, lang: str, article: str = "", names: frozenset[str] = frozenset()) -> list[Entity]:
    """NER spans plus knowledge-base matches and organisation names by their head word, linked to
    canonical actors. `article`: the whole text when `text` is one of its segments; `names`: the
    people found in its earlier segments."""
    spans = mentions.repair_spans(text, lang, entity_spans(text, lang), context=article, names=names)
    if lang == "ko":
        spans = hangul_names.mend_hangul_names(text, spans, kb_index())
    spans = org_names.merge_org_names(spans, org_names.org_name_spans(text, lang),
                                      lambda s: _links_to_known_actor(text, lang, s, countries=False))
    spans = sorted(spans + abbreviations.defined_abbreviations(text, spans), key=lambda s: s.start)
    return link.link_entities(text, lang, spans)


def recognised_spans(text: str, lang: str) -> list[Span]:
    """PER/ORG/LOC spans as the evaluation scores them: the trained model's where the language has
    one; the knowledge base's matches stand in only where it has none.

    Completing the model with knowledge-base names helps linking but lowers exact-match F1 against
    the datasets' conventions (KLUE tags many countries ORG; CoNLL tags teams by city), measured
    on the development files: en 0.915 → 0.911, hi 0.715 → 0.703, ko 0.911 → 0.887."""
    return ner.recognize(text, lang) if ner.has_model(lang) else link.kb_matches(text, lang)


def _cut_titled_names(text: str, titled: list[Span], model_spans: list[Span]) -> set[tuple[int, int]]:
    """Model person spans that cut a name after an honorific short ("[श्रीमती द्रौपदी] मुर्मु 18 से"),
    to be replaced by the honorific's name: only where the words the name adds are themselves a
    person's name elsewhere in the text, as the model or another honorific has it ("श्रीमती मुर्मु"
    later). Without that evidence the model wins: after an honorific the run of name words often takes
    in a word that is no name ("श्री नरेंद्र मोदी सरकार", "डॉ. अल्का शर्मा वैज्ञानिक": 11 such runs on
    IL-NER's train text, in each the model span is the gold person)."""
    cut = set()
    for t in titled:
        inside = [s for s in model_spans if s.start < t.end and t.start < s.end]
        if len(inside) != 1 or inside[0].label != "PER" or not inside[0].end < t.end:
            continue
        rest = text[inside[0].end : t.end].strip()
        elsewhere = [x for x in (*model_spans, *titled) if (x.label == "PER" and text[x.start : x.end] == rest
                                                            and not (t.start <= x.start < t.end))]
        if elsewhere:
            cut.add((inside[0].start, inside[0].end))
    return cut


_OF_PLACE = (" of ", " of the ")


_NAME_AFTER_FRONT_PLACE = re.compile(r" [A-Z][a-z]")


def _place_in_org_name(text: str, org: Span, match: Span) -> bool:
    """A place the dictionary found inside a model organisation span that is part of its name: after
    "of" ("Bank of Korea", "National Union for the Total Independence of Angola"; on the open English
    NER training files 395 gold organisations end in "of" + a country's name and 12 are written beside
    it as two names, "Fine Gael of Ireland"), or in front of it with the name's next word right after
    ("U.S. Centers for Disease Control and Prevention", "Japan Meteorological Agency"; not the owner
    in "Russia's Defence Ministry")."""
    if org.label != "ORG" or match.label != "LOC":
        return False
    if text[org.start : match.start].endswith(_OF_PLACE):
        return True
    return match.start == org.start and match.end < org.end and bool(_NAME_AFTER_FRONT_PLACE.match(text, match.end))


def entity_spans(text: str, lang: str) -> list[Span]:
    """The model's spans, completed by dictionary matches of the knowledge base.

    A dictionary match is added where the model found nothing; a longer dictionary name that
    overlaps a model span replaces it (the model cut "किम जोंग उन" to "किम जोंग", which would then
    resemble Kim Yo Jong); and where the model ran two names together into one span that links to
    nothing ("Russia Vladimir Putin"), the knowledge-base names inside it replace it."""
    ix = kb_index()
    # a span run over a sentence end is two mentions before anything is matched against it
    model_spans = [p for s in ner.recognize(text, lang) for p in mentions.split_at_sentence_end(text, s, lang, ix)]
    kb_spans = link.kb_matches(text, lang)
    spans: list[Span] = []
    # a name after an honorific that the dictionary did not find ("श्रीमती द्रौपदी मुर्मु"); like a
    # dictionary name it also replaces a model span it lies inside that names no known actor ("VOA
    # Correspondent Jane Doe" as one organisation), and model places or organisations it cuts across
    # that end within it and name no known actor ("श्री राम" + "नाईक" for "श्री राम नाईक": the honorific
    # says a person follows)
    titled = [t for t in cued_names.titled_names(text, lang) if all(t.end <= s.start or t.start >= s.end for s in kb_spans)]
    overruled = {(s.start, s.end) for t in titled for s in model_spans
                 if s.label != "PER" and s.start < t.end and t.start < s.end and s.end <= t.end
                 and (s.start, s.end) != (t.start, t.end) and not _links_to_known_actor(text, lang, s)}
    overruled |= _cut_titled_names(text, titled, model_spans)
    model_spans = [s for s in model_spans if (s.start, s.end) not in overruled]
    kb_spans += [t for t in titled
                 if all(t.end <= s.start or t.start >= s.end or (s.start <= t.start and t.end <= s.end)
                         for s in model_spans)]
    # a name after a role noun ("dictator Suharto"), an abbreviation before an organisation noun ("the
    # ALMA observatory"), a name in apposition to one ("His party, Servant of the People,"), only where
    # nothing at all was found: weaker cues
    weak = (cued_names.titled_names(text, lang, roles=True) + cued_names.abbreviations_before_org_nouns(text, lang)
            + cued_names.apposed_org_names(text, lang))
    kb_spans += [r for r in weak if all(r.end <= s.start or r.start >= s.end for s in (*model_spans, *kb_spans))]
    for s in model_spans:
        longer = [m for m in kb_spans if m.start < s.end and s.start < m.end and m.end - m.start > s.end - s.start]
        if longer:
            continue  # the dictionary names are added below
        inside = [m for m in kb_spans if s.start <= m.start and m.end <= s.end and (m.start, m.end) != (s.start, s.end)]
        if inside and all(_place_in_org_name(text, s, m) for m in inside):
            inside = []  # "People's Movement for the Liberation of Angola": the country is part of the name
        spans.extend(inside if inside and not _links_to_known_actor(text, lang, s) else [s])
    taken = [(s.start, s.end) for s in spans]
    for m in kb_spans:
        if all(m.end <= a or m.start >= b for a, b in taken):
            spans.append(m)
            taken.append((m.start, m.end))
    return sorted(spans, key=lambda s: (s.start, s.end))


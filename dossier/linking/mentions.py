"""Repairing and typing recognised name spans before they are linked, for names no knowledge base lists.

The recogniser's spans are good at finding names and weaker at their edges and types on news about
unfamiliar people: it cuts "Lai Ching-te" at the hyphen, runs "Kuomintang and Ko Wen-je of the"
together, keeps "श्रीमती" inside the name, calls a party a person and "Jan." a person, and misses a
name after an honorific it has not seen ("श्रीमती द्रौपदी मुर्मु"). `repair_spans` mends the edges and
types (names that follow an honorific are found by dossier.linking.cued_names), and `is_alias_pair`
reads "A, also known as B" / "A (B)". Every word these use is data: data/kb/name_cues.yaml and the titles of
data/kb/lang_rules.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from dossier.linking.abbreviations import is_latin_abbreviation
from dossier.linking.edges import WORD, complete_word, latin_edges
from dossier.linking.kb import KB_DIR
from dossier.linking.lookup import KbIndex, alone_country_syllables, kb_index, mention_forms, strip_particle
from dossier.linking.names import kb_key
from dossier.model import Span
from dossier.text.scripts import is_hangul, is_latin, is_word_char

CUES_FILE = KB_DIR / "name_cues.yaml"
# a romanised East Asian name: family name, then a hyphenated given name ("Ko Wen-je", "Hou You-ih")
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+[A-Z][a-z]+[-‐‑][a-z]+")


@dataclass(frozen=True)
class NameCues:
    honorifics_before: dict[str, frozenset[str]]
    roles_before: dict[str, frozenset[str]]
    org_roles_before: dict[str, frozenset[str]]  # ko: 무장반군, 테러단체 before a group's name
    org_appositions: dict[str, frozenset[str]]  # ko: 여당, 자회사 in "여당인 국민의힘"
    tenure_words: dict[str, frozenset[str]]  # ko: 전 ("former") in "보시라이 전 충칭시 당서기"
    org_nouns_after: dict[str, frozenset[str]]  # en: "observatory" in "the ALMA observatory"
    org_apposition_nouns: dict[str, frozenset[str]]  # en: "party" in "His party, Servant of the People, ..."
    trailing_words: dict[str, frozenset[str]]  # en: weekdays a name span never ends in
    person_only_after: dict[str, frozenset[str]]  # ko: 씨, after a person's name only
    name_stops: dict[str, frozenset[str]]
    org_words: dict[str, frozenset[str]]
    org_suffixes: dict[str, tuple[str, ...]]
    not_names: dict[str, frozenset[str]]
    leading_determiners: dict[str, frozenset[str]]
    alias_cues: dict[str, tuple[str, ...]]
    stop_initials: dict[str, frozenset[str]]
    company_tails: dict[str, frozenset[str]]  # en: Airlines, Motors: "Asiana" is "Asiana Airlines"
    org_heads: dict[str, frozenset[str]]  # en/hi: words that end an organisation's name; ko: endings of one word
    not_orgs: dict[str, frozenset[str]]  # ko: word endings that make such a word an everyday noun
    spelled_initials: dict[str, frozenset[str]]  # hi: Latin letters as Hindi writes them (जे = J)
    numbered_units: dict[str, frozenset[str]]  # ko: 함대, 사단 after a number: a military unit (미 7함대)
    firm_titles: dict[str, frozenset[str]]  # ko: 회장, 대표: the word before them is as often a firm
    office_lines: dict[str, frozenset[str]]  # hi: कार्यालय ending a line of its own: a release's issuing office


def _table(doc: dict, key: str) -> dict[str, list[str]]:
    raw = doc.get(key) or {}
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        raise ValueError(f"{CUES_FILE.name}: '{key}' must map a language to a list of words")
    return {lang: [str(w) for w in words] for lang, words in raw.items()}


@lru_cache(maxsize=4)
def load_cues(path: Path = CUES_FILE) -> NameCues:
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    doc = doc or {}

    def sets(key: str) -> dict[str, frozenset[str]]:
        return {lang: frozenset(ws) for lang, ws in _table(doc, key).items()}

    def longest_first(key: str) -> dict[str, tuple[str, ...]]:
        return {lang: tuple(sorted(ws, key=len, reverse=True)) for lang, ws in _table(doc, key).items()}

    return NameCues(
        honorifics_before=sets("honorifics_before"),
        roles_before=sets("roles_before"),
        org_roles_before=sets("org_roles_before"),
        org_appositions=sets("org_appositions"),
        tenure_words=sets("tenure_words"),
        org_nouns_after=sets("org_nouns_after"),
        org_apposition_nouns=sets("org_apposition_nouns"),
        trailing_words=sets("trailing_words"),
        person_only_after=sets("person_only_after"),
        name_stops=sets("name_stops"),
        org_words=sets("org_words"),
        org_suffixes=longest_first("org_suffixes"),
        not_names=sets("not_names"),
        leading_determiners=sets("leading_determiners"),
        alias_cues=longest_first("alias_cues"),
        stop_initials=sets("stop_initials"),
        company_tails=sets("company_tails"),
        org_heads=sets("org_heads"),
        not_orgs=sets("not_orgs"),
        spelled_initials=sets("spelled_initials"),
        numbered_units=sets("numbered_units"),
        firm_titles=sets("firm_titles"),
        office_lines=sets("office_lines"),
    )


def is_title(words: list[str], lang: str, ix: KbIndex) -> bool:
    """Are these words a title or office ("President", "대통령", "प्रधानमंत्री"), a Korean particle
    after one word allowed ("대통령은")?"""
    key = kb_key(" ".join(words))
    if key in ix.titles:
        return True
    return len(words) == 1 and any(kb_key(s) in ix.titles for s in strip_particle(words[0], ix))


def trim_titles(text: str, start: int, end: int, lang: str, ix: KbIndex) -> tuple[int, int]:
    """A person's span without titles and honorifics at either edge ("श्रीमती मुर्मु" → "मुर्मु",
    "President Lai" → "Lai", "윤석열 대통령은" → "윤석열"), if a name is left."""
    tokens = list(WORD.finditer(text, start, end))
    # "former" / "current" written apart next to a title ("도스 산토스 현 대통령", "전 대통령 조 바이든")
    tenure = load_cues().tenure_words.get(lang, frozenset())

    def edge(words: list[str]) -> bool:
        return is_title(words, lang, ix) or (len(words) == 1 and words[0] in tenure)

    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for width in (3, 2, 1):
            if len(tokens) > width and edge([t.group() for t in tokens[:width]]):
                tokens = tokens[width:]
                changed = True
                break
            if len(tokens) > width and edge([t.group() for t in tokens[-width:]]):
                tokens = tokens[:-width]
                changed = True
                break
    if len(tokens) > 1 and _title_word_cut(text, tokens[-1], lang, ix):
        tokens = tokens[:-1]
    return (tokens[0].start(), tokens[-1].end()) if tokens else (start, end)


def _title_word_cut(text: str, last: re.Match[str], lang: str, ix: KbIndex) -> bool:
    """A Korean span whose last word the recogniser cut out of a title ("[존 케리 국무]장관은": 국무 of
    국무장관): the whole written word, less its particle, is a title, so the cut piece is no name."""
    if lang != "ko" or last.end() >= len(text) or not is_hangul(text[last.end()]):
        return False
    word = WORD.match(text, last.start())
    return word is not None and word.end() > last.end() and is_title([word.group()], lang, ix)


def _name_after_demonym(text: str, start: int, end: int, ix: KbIndex) -> int | None:
    """Where a person's span is a nationality and a name ("Jamaican James Beckford"), the start of the
    name: two or three capitalised words after a demonym (data/kb: `not_mentions` and every
    country's English demonym) that are no place, title or knowledge-base name. Only for spans typed
    PER: a place span after a demonym is as often a region ("Russian Far East")."""
    tokens = list(WORD.finditer(text, start, end))
    for width in (2, 1):
        rest = tokens[width:]
        if len(tokens) <= width or kb_key(" ".join(t.group() for t in tokens[:width])) not in ix.not_mentions:
            continue
        words = [t.group() for t in rest]
        if 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words) \
                and not _is_place_name(words) and kb_key(" ".join(words)) not in ix.full \
                and not any(kb_key(w) in ix.titles for w in words):
            return rest[0].start()
    return None


def _korean_name_after_demonym(text: str, start: int, end: int, ix: KbIndex) -> int | None:
    """Where a Korean span is a nationality and a foreign name ("미국인 재스민 모그벨리", "러시아인 콘스탄틴
    보리소프", whatever the recogniser typed it), the start of the name: two or three Hangul words
    after a country's name of two syllables or more + 인 that are no title. In the Korean texts of
    bench/devset* and the sample corpus such a demonym is followed by a full name 5 times in 6 (the
    sixth: "미국인 연구가로", a role noun, which `is_title` or the recogniser leaves out)."""
    tokens = list(WORD.finditer(text, start, end))
    first = tokens[0].group() if tokens else ""
    rest = [t.group() for t in tokens[1:]]
    if not (first.endswith("인") and len(first) >= 3 and names_a_country(first[:-1], ix)):
        return None
    if 2 <= len(rest) <= 3 and all(w.isalpha() and all(is_hangul(c) for c in w) for w in rest) \
            and not any(is_title([w], "ko", ix) for w in rest):
        return tokens[1].start()
    return None


def _is_place_name(words: list[str]) -> bool:
    """A country, region or city of the gazetteer, written exactly (no particle, no fuzzy match)."""
    from dossier.geo.gazetteer import load_gazetteer

    return bool(load_gazetteer().lookup(" ".join(words)))


def place_after_cue(text: str, start: int, end: int, lang: str) -> Span | None:
    """A person's span that is a place cue and a place ("수도 워싱턴", "capital Kyiv", "राजधानी दिल्ली":
    the cue words of data/gazetteer/matching.yaml, `place_cues` and `town_cues`): the place alone."""
    from dossier.geo.cues import cue_words

    tokens = list(WORD.finditer(text, start, end))
    if len(tokens) >= 2 and tokens[0].group().lower() in cue_words(lang) and _is_place_name([t.group() for t in tokens[1:]]):
        return Span(tokens[1].start(), end, "LOC")
    return None


def cut_affiliation(text: str, start: int, end: int, lang: str, ix: KbIndex,
                    cues: NameCues) -> tuple[int, Span | None]:
    """Where a person's span runs on into the affiliation written between the name and the title,
    the end of the name, and the affiliation as an organisation span when it is one.

    Korean puts the affiliation after the name ("릭 스콧 플로리다 주지사", "마거릿 챈 WHO 사무총장",
    "존 케리 미 국무장관") and the recogniser often takes it into the name. Cut: a Latin acronym ending a
    Hangul or Devanagari span (an organisation: WHO, UN); a one-syllable country abbreviation
    (the knowledge base's `syllables_alone`); a place name right before a title. Two words of the name must be
    left for a place ("조지 워싱턴 대통령" is George Washington)."""
    tokens = list(WORD.finditer(text, start, end))
    if len(tokens) < 2:
        return end, None
    last = tokens[-1]
    if is_latin_abbreviation(last.group()) and not is_latin(text[start:tokens[-2].end()]):
        return tokens[-2].end(), Span(last.start(), last.end(), "ORG")
    if last.group() in alone_country_syllables(ix, lang):
        return tokens[-2].end(), None
    following = WORD.search(text, end)
    if following is None or text[end:following.start()].strip() or not is_title([following.group()], lang, ix):
        return end, None
    for width in (2, 1):
        if len(tokens) - width >= 2 and _is_place_name([t.group() for t in tokens[-width:]]):
            return tokens[-width - 1].end(), None
    return end, None


def cut_leading_affiliation(text: str, start: int, end: int, lang: str, ix: KbIndex) -> tuple[int, Span | None]:
    """A person's span that begins with a one-syllable country abbreviation ("미 연준 옐런", "러
    자하로바" in headlines, where the affiliation stands before the name): the name starts after it,
    and the abbreviation is a place span of its own (the country)."""
    tokens = list(WORD.finditer(text, start, end))
    if len(tokens) >= 2 and tokens[0].group() in alone_country_syllables(ix, lang):
        return tokens[1].start(), Span(tokens[0].start(), tokens[0].end(), "LOC")
    return start, None


# --- Types -------------------------------------------------------------------------------------


def org_cue(mention: str, lang: str, cues: NameCues, ix: KbIndex) -> bool:
    """Does the name say it is an organisation: a party/agency word in it ("Justice Party",
    "निर्वाचन आयोग"), or one word with a party/agency ending ("Kuomintang", "더불어민주당")?"""
    words = mention.split()
    org_words = cues.org_words.get(lang, frozenset())
    if any(w.strip(",.;:") in org_words for w in words):
        return True
    if len(words) == 1:
        forms = [words[0]] + strip_particle(words[0], ix)
        for suffix in cues.org_suffixes.get(lang, ()):
            if any(len(f) >= len(suffix) + 3 and f.casefold().endswith(suffix.casefold()) for f in forms):
                return True
    if lang == "ko" and len(words) >= 2:
        from dossier.linking.org_names import korean_org_word  # it reads this module's cues

        # a country and an organisation word ("미 대법원", "한국 국방부"): an organisation, not a person
        last = words[-1].strip(",.;:")
        heads = cues.org_heads.get("ko", frozenset())  # a bare head after a country: "미 대법원"
        return names_a_country(words[0], ix) and any(korean_org_word(f) or f in heads
                                                     for f in [last, *strip_particle(last, ix)])
    return False


def names_a_country(word: str, ix: KbIndex) -> bool:
    """A country's name or its one-syllable Korean abbreviation (미, 북, 러)."""
    if word in alone_country_syllables(ix, "ko"):
        return True
    return any(ix.kb.actors[i].type == "country" for i in ix.full.get(kb_key(word), ()))


def _kb_organisation(mention: str, lang: str, ix: KbIndex) -> bool:
    """The name as written is an organisation's or outlet's full name in the knowledge base, and no
    person's."""
    for f in mention_forms(mention, lang, ix)[:1]:
        types = {ix.kb.actors[i].type for i in ix.full.get(f, ())}
        return bool(types) and types <= {"organisation", "outlet"}
    return False


def person_shape(mention: str) -> bool:
    """A romanised East Asian name: family name first, then a hyphenated given name ("Ko Wen-je")."""
    return bool(_HYPHENATED_GIVEN.fullmatch(mention.strip()))


def _split_run_together(text: str, sp: Span, lang: str, cues: NameCues, ix: KbIndex) -> list[Span]:
    """"Kuomintang and Ko Wen-je": two names the recogniser ran together, split at "and" when the
    parts are plainly of different kinds (an organisation by its cue, a person by its shape)."""
    mention = text[sp.start : sp.end]
    if lang != "en" or " and " not in mention or kb_key(mention) in ix.full:
        return [sp]
    cut = sp.start + mention.index(" and ")
    left, right = Span(sp.start, cut, sp.label), Span(cut + len(" and "), sp.end, sp.label)
    kinds = []
    for part in (left, right):
        words = text[part.start : part.end]
        if not words[:1].isupper():
            return [sp]
        kinds.append("PER" if person_shape(words) else "ORG" if org_cue(words, lang, cues, ix) else None)
    if set(kinds) != {"PER", "ORG"}:
        return [sp]
    return [Span(left.start, left.end, kinds[0]), Span(right.start, right.end, kinds[1])]


_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z])")


def split_at_sentence_end(text: str, sp: Span, lang: str, ix: KbIndex) -> list[Span]:
    """"Bob Dylan. Dylan" as one span is two mentions: a Latin person or organisation span that runs
    over the end of a sentence (a word of four letters or more, five in an organisation's name where
    "Corp." ends no sentence, then a full stop and a capital) is cut there. A title with its dot
    ("Prof. John Smith", "Gen. Milley") is not a sentence end. A piece that begins with a person's
    title or honorific is a person ("National Institutes of Health. Doctor Collins")."""
    mention = text[sp.start : sp.end]
    if sp.label not in ("PER", "ORG") or not is_latin(mention):
        return [sp]
    honorifics = load_cues().honorifics_before.get(lang, frozenset())
    shortest = 4 if sp.label == "PER" else 5
    pieces, start = [], sp.start
    for m in _SENTENCE_END.finditer(text, sp.start, sp.end):
        words = text[start : m.start()].split()
        word = words[-1] if words else ""
        if len(word) < shortest or word + "." in honorifics or is_title([word], lang, ix) or is_title([word + "."], lang, ix):
            continue
        pieces.append((start, m.start()))
        start = m.end()
    if not pieces:
        return [sp]
    pieces.append((start, sp.end))
    out = []
    for a, b in pieces:
        first = text[a:b].split()[0]
        titled = first in honorifics or is_title([first], lang, ix)
        out.append(Span(a, b, "PER" if titled and len(text[a:b].split()) > 1 else sp.label))
    return out


_PARENTHESISED = re.compile(r"(\S.*?)\s*[(（]\s*([^()（）]*?\S)\s*[)）]")


def split_parenthesised(text: str, sp: Span) -> list[Span]:
    """"भारतीय अंतरिक्ष अनुसंधान संगठन (इसरो)" as one span is two names, the second in parentheses:
    two spans of the same label (linking then reads them as a name and its abbreviation)."""
    m = _PARENTHESISED.fullmatch(text, sp.start, sp.end)
    if not m:
        return [sp]
    return [Span(m.start(1), m.end(1), sp.label), Span(m.start(2), m.end(2), sp.label)]


def repair_spans(text: str, lang: str, spans: list[Span], ix: KbIndex | None = None,
                 context: str = "", names: frozenset[str] = frozenset()) -> list[Span]:
    """The spans with their edges and types mended (see the module doc); a span that is a month or
    weekday abbreviation ("Jan.") is dropped. Order and non-overlap are kept. `context`: the whole
    article when `text` is one segment of it (a headline is read against the body); `names`: the
    people found in the article's earlier segments (a name cut short here is completed from them)."""
    ix = ix or kb_index()
    cues = load_cues()
    not_names = cues.not_names.get(lang, frozenset())
    out: list[Span] = []
    for sp in [part for whole in spans for part in split_parenthesised(text, whole)]:
        if text[sp.start : sp.end].strip() in not_names:
            continue
        start, end = sp.start, complete_word(text, sp.start, sp.end)
        if is_latin(text[start:end]):
            start, end = latin_edges(text, Span(start, end, sp.label), lang, context, cues.trailing_words.get(lang, frozenset()),
                                     cues.leading_determiners.get(lang, frozenset()), ix)
        for part in _split_run_together(text, Span(start, end, sp.label), lang, cues, ix):
            start, stop, label = part.start, part.end, part.label
            affiliation = None
            if label == "PER" and is_latin(text[start:stop]):
                start = _name_after_demonym(text, start, stop, ix) or start
            if lang == "ko" and (named := _korean_name_after_demonym(text, start, stop, ix)) is not None:
                start, label = named, "PER"
            country = None
            if text[start:stop] in alone_country_syllables(ix, lang):
                label = "LOC"  # "러" alone before "외무부": the country, not a person
            elif lang == "ko" and label == "PER" and names_a_country(text[start:stop], ix):
                label = "LOC"  # "덴마크" of "덴마크인": KLUE's gold types no country name PER (0 of 483 spans)
            place = place_after_cue(text, start, stop, lang) if label == "PER" else None
            if place is not None:
                start, label = place.start, "LOC"
            if label == "ORG" and lang == "ko":
                # "일본 총리", "미국 국무장관" taken for an organisation: the country and a title
                trimmed = trim_titles(text, start, stop, lang, ix)
                if trimmed[0] == start and trimmed[1] < stop and names_a_country(text[start:trimmed[1]], ix):
                    stop, label = trimmed[1], "LOC"
            if label == "PER":
                start, country = cut_leading_affiliation(text, start, stop, lang, ix)
                start, stop = trim_titles(text, start, stop, lang, ix)
                stop, affiliation = cut_affiliation(text, start, stop, lang, ix, cues)
                mention = text[start:stop]
                if org_cue(mention, lang, cues, ix) or _kb_organisation(mention, lang, ix):
                    label = "ORG"
            if out and start < out[-1].end:
                continue  # grown into the next span: keep the first
            if country is not None:
                out.append(country)
            out.append(Span(start, stop, label))
            if affiliation is not None:
                out.append(affiliation)
    out = _completed_names(text, _join_split_names(text, _with_regnal_numbers(text, out), lang), names)
    if lang == "ko":
        out = _without_ordinal_prefix(text, out)
        out = _korean_family_names_joined(text, out, ix)
        out = _korean_names_rejoined_at_do(text, out, ix)
    return out


def _without_ordinal_prefix(text: str, spans: list[Span]) -> list[Span]:
    """A Korean span that took the ordinal prefix of the number after it ("[유엔기후변화협약 제]26차",
    "[개성공단 제]6차 실무회담"): 제 belongs to the number (2 such spans in 6,600 KLUE sentences, both this)."""
    return [Span(sp.start, sp.end - 2, sp.label)
            if text[sp.start : sp.end].endswith(" 제") and sp.end - sp.start > 2 and text[sp.end : sp.end + 1].isdigit()
            else sp for sp in spans]


def _completed_names(text: str, spans: list[Span], earlier: frozenset[str] = frozenset()) -> list[Span]:
    """A person's name the recogniser cut short where the text goes on with the rest of a longer name
    it found elsewhere, here or in an earlier segment such as the headline ("मोहम्मद अशरफ घनी" once,
    then "मोहम्मद अशरफ" + "घनी से"): the span takes the rest."""
    names = {text[s.start : s.end] for s in spans if s.label == "PER"} | earlier
    out: list[Span] = []
    for i, sp in enumerate(spans):
        if sp.label == "PER":
            short = text[sp.start : sp.end]
            nxt = spans[i + 1].start if i + 1 < len(spans) else len(text)
            longer = [n for n in names if n.startswith(short + " ") and text.startswith(n, sp.start)
                      and sp.start + len(n) <= nxt
                      and (sp.start + len(n) == len(text) or not is_word_char(text[sp.start + len(n)]))]
            if longer:
                sp = Span(sp.start, sp.start + len(max(longer, key=len)), "PER")
        out.append(sp)
    return out


def _korean_family_names_joined(text: str, spans: list[Span], ix: KbIndex) -> list[Span]:
    """A Korean person's span cut before the family name ("[아르칸] 세틴으로"), where the word after it,
    less its particle, is a person the text names on its own elsewhere ("세틴은", "세틴을"): the span takes
    it in. Not across a known actor (two leaders side by side in a headline, "김정은 푸틴"), nor into a word
    another span holds."""
    persons = {text[s.start : s.end] for s in spans if s.label == "PER"}
    out = list(spans)
    for i, sp in enumerate(spans):
        nxt = WORD.match(text, sp.end + 1) if text[sp.end : sp.end + 1] == " " else None
        if sp.label != "PER" or nxt is None or (i + 1 < len(spans) and spans[i + 1].start < nxt.end()):
            continue
        word = nxt.group().rstrip(",.;:!?)\"'’”")
        stem = next((f for f in [word, *strip_particle(word, ix)] if f in persons), None)
        if stem and not any(k in ix.full or k in ix.short for k in (kb_key(text[sp.start : sp.end]), kb_key(stem))):
            out[i] = Span(sp.start, nxt.start() + len(stem), "PER")
    return out


def _korean_names_rejoined_at_do(text: str, spans: list[Span], ix: KbIndex) -> list[Span]:
    """A foreign name written in parts whose middle word ends in 도, which Kiwi splits off as the
    particle 'also' ("[호세 에두아르]도 [도스 산토스]": Eduardo, Fernando, Ricardo), tagged as two
    people: one person. Only where the first span has two words or more (a Korean "A도 B" is "A, and
    also B") and neither part is a knowledge-base name."""
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.label == sp.label == "PER" and text[prev.end : sp.start] == "도 " \
                and " " in text[prev.start : prev.end] \
                and not any(kb_key(text[a.start : a.end]) in ix.full for a in (prev, sp)):
            out[-1] = Span(prev.start, sp.end, "PER")
            continue
        out.append(sp)
    return out


# II to XXIII; a lone "I" is left out: after a name it is far more often the pronoun ("Putin I think")
_REGNAL = re.compile(r" (?:X{0,2}(?:IX|IV|VI{0,3}|I{2,3})|X{1,2}I?)(?![\w.])")


def _with_regnal_numbers(text: str, spans: list[Span]) -> list[Span]:
    """"Abdullah II", "किंग अब्दुल्ला II", "Elizabeth II": a Roman numeral right after a person's name is
    part of it (the recogniser leaves it out, or tags it alone as an organisation, which grouped every
    "II" in a corpus under one key)."""
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.label == "PER" and sp.start == prev.end + 1 \
                and _REGNAL.fullmatch(text, prev.end, sp.end):
            out[-1] = Span(prev.start, sp.end, "PER")
            continue
        if sp.label == "PER":
            m = _REGNAL.match(text, sp.end)
            if m and not any(o.start < m.end() and sp.end < o.end for o in spans if o is not sp):
                sp = Span(sp.start, m.end(), "PER")
        out.append(sp)
    return out


_INITIALS = re.compile(r"(?:[^\W\d_][\u0900-\u097F]{0,2}\.\s?)+[^\W\d_]?[\u0900-\u097F]{0,2}\.?", re.UNICODE)


def _join_split_names(text: str, spans: list[Span], lang: str = "") -> list[Span]:
    """"ए.एस" + "किरण कुमार", "J.R." + "Smith": a person's initials the recogniser cut off from the
    name that follows them (only dots and a space between) are joined to it; so is a name the
    recogniser ended at a middle initial ("Donald J" + ". Trump", "डोनाल्ड जे" + ". ट्रंप"), and two
    person spans with nothing but one space between ("जॉन दरामनी" + "महामा"): two people are not
    written side by side without a comma or a conjunction. Not in Korean, where a Korean name is one
    word and informal text does list them so ("정운찬 고건"); hangul_names mends foreign names there."""
    initials = frozenset().union(*load_cues().spelled_initials.values())
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.label == "PER" and sp.label == "PER" and (
                ("." in text[prev.start : sp.start] and re.fullmatch(r"[.\s]{0,3}", text[prev.end : sp.start])
                 and _INITIALS.fullmatch(text[prev.start : prev.end] + text[prev.end : sp.start].strip()))
                or (re.fullmatch(r"\. ?", text[prev.end : sp.start])
                    and _ends_in_initial(text[prev.start : prev.end], initials))
                or (text[prev.end : sp.start] == " " and lang != "ko")):
            out[-1] = Span(prev.start, sp.end, "PER")
            continue
        out.append(sp)
    return out


def _ends_in_initial(name: str, spelled: frozenset[str]) -> bool:
    """Two or more words, the last one capital letter or a Latin letter spelled in another script."""
    words = name.split()
    return len(words) >= 2 and (re.fullmatch(r"[A-Z]", words[-1]) is not None or words[-1] in spelled)


# --- "A, also known as B" ----------------------------------------------------------------------


def is_alias_pair(text: str, lang: str, left: Span, right: Span) -> bool:
    """Does the text say the person `right` is the person `left`: "A, also known as B", "A (B)"?"""
    if left.label != "PER" or right.label != "PER" or right.start < left.end:
        return False
    gap = text[left.end : right.start]
    if re.fullmatch(r"\s*[(（]\s*", gap):
        return bool(re.match(r"\s*[)）]", text[right.end : right.end + 3]))
    words = gap.strip().lstrip(",，、").strip()
    return any(words.casefold() == cue.casefold() for cue in load_cues().alias_cues.get(lang, ()))

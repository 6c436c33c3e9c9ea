"""Organisation names the recogniser missed, found by the word that ends them.

On news far from its training data the recogniser tags "Japan" in "Japan Meteorological Agency" as a
country and nothing else, and misses "국민안전처" or "दार्जीलिंग टी एसोसिएशन" entirely. An
organisation's name usually ends in a head word (Agency, Survey, Association; 청, 처, 위원회;
संगठन, मंत्रालय): `org_name_spans` proposes an ORG span for such a name, in each language's way —
a run of capitalised words in English, one Hangul word with an organisation ending in Korean (or a
country then a head word: "한국 은행"), and the one to three words before a head word in Hindi,
which has no capitals. The words are data: `org_heads` and `not_orgs` in data/kb/name_cues.yaml
(read with the other name cues by mentions.load_cues).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from dossier.linking.edges import based_modifier
from dossier.linking.lookup import KbIndex, alone_country_syllables, kb_index, strip_particle
from dossier.linking.mentions import load_cues
from dossier.linking.names import kb_key
from dossier.model import Span
from dossier.text.scripts import is_hangul

_TOKEN = re.compile(r"\S+")
_EDGE_PUNCT = ",.;:!?।\"'“”‘’()[]"
# words that may join the capitalised words of an English organisation name ("Ministry of Health
# and Welfare", "Bank for International Settlements"); never the first or last word
_EN_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "&"})
_DETERMINERS = ("The", "A", "An")  # start a new name: "... the UK. The Met Office"
_MAX_HI_NAME_WORDS = 3  # words before a Hindi head word: "भारतीय अंतरिक्ष अनुसंधान संगठन"
_MIN_KO_STEM = 2  # syllables before a Korean ending: 기상청 (기상+청) yes, 요청 (요+청 'request') no


def _bare(word: str) -> str:
    return word.strip(_EDGE_PUNCT)


def _abbreviated(word: str) -> bool:
    """"U.S.", "Corp.", "St.": a dot that abbreviates, not one that ends a sentence ("Japan.")."""
    return word.endswith(".") and ("." in word[:-1] or len(word) <= 4) and word[:1].isupper()


def _en_runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words, connectors allowed inside; punctuation after a word ends its run."""
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for tok in _TOKEN.finditer(text):
        word = tok.group()
        if run and "\n" in text[run[-1].end() : tok.start()]:
            runs.append(run)  # a line break ends a name
            run = []
        bare = _bare(word)
        capital = bare[:1].isupper()
        if run and word == "the" and run[-1].group() == "and":
            # "Denver and the Chicago Tribune": "and the" joins two names, it is not inside one
            runs.append(run[:-1])
            run = []
            continue
        if capital or (run and bare in _EN_CONNECTORS and bare == word):
            if run and (word.startswith(("(", '"', "“")) or bare in _DETERMINERS):
                runs.append(run)
                run = []
            if word.endswith(("'s", "’s")):
                runs.append(run)  # "North Korea's Central Agency": the owner is not in the name
                run = []
                continue
            run.append(tok)
            if word.rstrip(_EDGE_PUNCT) != word and not _abbreviated(word):
                runs.append(run)  # "Agency," and "Japan." end the run ("U.S." does not)
                run = []
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _title_case_line(text: str, pos: int) -> bool:
    """A headline in Title Case ("Police Arrest Party Leader"): its capitals say nothing of names."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].strip()
    if line.endswith((".", "!", "?", '"', "”", ":")) or ". " in line:
        return False  # a sentence, however many names it holds
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _en_spans(text: str, heads: frozenset[str], ix: KbIndex) -> list[Span]:
    out = []
    for run in _en_runs(text):
        if not run or _title_case_line(text, run[0].start()):
            continue
        words = [_bare(t.group()) for t in run]
        last_head = max((i for i, w in enumerate(words) if w in heads), default=-1)
        if last_head < 0:
            continue
        end = last_head
        # "Bank of Korea", "Ministry of Foreign Affairs": the head may be followed by "of" + names
        if end + 2 < len(words) and words[end + 1] in ("of", "for"):
            # ... but not the title after it ("Bank of Korea Governor Lee")
            follow = end + 2
            while follow < len(words) and follow <= end + 4 and kb_key(words[follow]) not in ix.titles:
                follow += 1
            end = follow - 1
        while end > 0 and words[end] in _EN_CONNECTORS:
            end -= 1
        start = 0
        while start < end and (words[start] in _EN_CONNECTORS or words[start] in _DETERMINERS
                               or based_modifier(words[start])):
            start += 1
        if end - start < 1:
            continue  # one word ("Police said") is too weak on its own
        s = run[start].start() + (len(run[start].group()) - len(run[start].group().lstrip(_EDGE_PUNCT)))
        e = run[end].start() + len(run[end].group().rstrip(_EDGE_PUNCT))
        out.append(Span(s, e, "ORG"))
    return out


def _has_org_ending(word: str, endings: frozenset[str]) -> bool:
    return any(word.endswith(e) and len(word) >= len(e) + _MIN_KO_STEM for e in endings)


def _not_org(word: str, not_orgs: frozenset[str]) -> bool:
    return any(word.endswith(w) for w in not_orgs)


def korean_org_word(word: str) -> bool:
    """Does one Hangul word (no particle) end as an organisation's name does ("한나라당", "기상청")?"""
    cues = load_cues()
    return not _not_org(word, cues.not_orgs.get("ko", frozenset())) and _has_org_ending(word, cues.org_heads.get("ko", frozenset()))


def _country_before(tokens: list[re.Match[str]], i: int, ix: KbIndex) -> bool:
    """The word before token `i` is a country's name, with no punctuation between ("한국 은행")."""
    if i == 0:
        return False
    prev = tokens[i - 1].group()
    return prev == prev.rstrip(_EDGE_PUNCT) and any(
        ix.kb.actors[a].type == "country" for a in ix.full.get(kb_key(prev), ()))


def _ko_spans(text: str, endings: frozenset[str], not_orgs: frozenset[str], ix: KbIndex) -> list[Span]:
    tokens = list(_TOKEN.finditer(text))
    out = []
    for i, tok in enumerate(tokens):
        word = tok.group().rstrip(_EDGE_PUNCT)
        if not word or not all(is_hangul(c) for c in word):
            continue
        after_country = _country_before(tokens, i, ix)
        for bare in [word] + strip_particle(word, ix):
            if _not_org(bare, not_orgs):
                break
            if bare in endings and after_country:
                # "한국 은행": a country, then a bare head word
                out.append(Span(tokens[i - 1].start(), tok.start() + len(bare), "ORG"))
                break
            if _has_org_ending(bare, endings):
                # "북한 축구대표팀": the country written before the word is part of the name
                out.append(Span(tokens[i - 1].start() if after_country else tok.start(), tok.start() + len(bare), "ORG"))
                break
    return out


def _hi_spans(text: str, heads: frozenset[str], stops: frozenset[str], ix: KbIndex) -> list[Span]:
    tokens = list(_TOKEN.finditer(text))
    out = []
    for i, tok in enumerate(tokens):
        if _bare(tok.group()) not in heads:
            continue
        first = i
        while first > 0 and i - first < _MAX_HI_NAME_WORDS:
            prev = tokens[first - 1].group()
            if prev != prev.rstrip(_EDGE_PUNCT) or _bare(prev) in stops or _bare(prev) in heads:
                break
            if any(c.isdigit() for c in prev) or kb_key(prev) in ix.titles:
                break
            first -= 1
        if first == i:
            continue  # a head word alone ("मंत्रालय ने") names no one in particular
        end = tok.start() + len(tok.group().rstrip(_EDGE_PUNCT))
        out.append(Span(tokens[first].start(), end, "ORG"))
    return out


_KO_SERVICES = ("해군", "육군", "공군", "해병대")


@lru_cache(maxsize=4)
def _numbered_unit_pattern(units: frozenset[str], abbreviations: frozenset[str]) -> re.Pattern[str]:
    unit = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    before = "|".join(map(re.escape, sorted(abbreviations, key=len, reverse=True))) or "(?!)"
    service = "|".join(_KO_SERVICES)
    return re.compile(rf"(?<!\w)(?:(?:{before})\s+)?(?:(?:{service})\s*)?제?\d+\s*(?:{unit})")


def _ko_numbered_units(text: str, units: frozenset[str], abbreviations: frozenset[str]) -> list[Span]:
    """Military units named by a number and a unit word ("미 7함대", "제2사단", "미 해군 7함대"):
    organisations no recogniser trained on KLUE tags, with the country abbreviation and the service in
    front where the text writes them."""
    if not units:
        return []
    return [Span(m.start(), m.end(), "ORG") for m in _numbered_unit_pattern(units, abbreviations).finditer(text)]


_MAX_OFFICE_LINE_WORDS = 4  # "युवा कार्यक्रम एवं खेल मंत्रालय" has five: its head word alone finds it


def _office_line_spans(text: str, office_words: frozenset[str]) -> list[Span]:
    """A line that is nothing but an office's name ("प्रधानमंत्री कार्यालय" above a press release's
    headline): the whole line, where two to four words end in an office word and no sentence ends."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        words = line.group().split()
        if not 2 <= len(words) <= _MAX_OFFICE_LINE_WORDS or words[-1] not in office_words:
            continue
        if any(c.isdigit() for c in line.group()):
            continue
        start = line.start() + len(line.group()) - len(line.group().lstrip())
        out.append(Span(start, line.start() + len(line.group().rstrip()), "ORG"))
    return out


def _without_overlaps(first: list[Span], more: list[Span]) -> list[Span]:
    """`first` and each span of `more` that overlaps none of them, in text order."""
    return sorted(first + [m for m in more if all(m.end <= f.start or f.end <= m.start for f in first)],
                  key=lambda s: s.start)


def org_name_spans(text: str, lang: str, ix: KbIndex | None = None) -> list[Span]:
    """ORG spans for organisation names ending in a head word (see the module doc), and for a line
    that is only an office's name, in text order."""
    cues = load_cues()
    heads = cues.org_heads.get(lang)
    if not heads:
        return []
    ix = ix or kb_index()
    if lang == "ko":
        found = _ko_spans(text, heads, cues.not_orgs.get(lang, frozenset()), ix)
        units = _ko_numbered_units(text, cues.numbered_units.get(lang, frozenset()),
                                   frozenset(alone_country_syllables(ix, lang)))
        return _without_overlaps(found, units)
    found = _en_spans(text, heads, ix) if lang == "en" else _hi_spans(text, heads, cues.name_stops.get(lang, frozenset()), ix)
    return _without_overlaps(_office_line_spans(text, cues.office_lines.get(lang, frozenset())), found)


def merge_org_names(spans: list[Span], proposals: list[Span],
                    known: Callable[[Span], bool] = lambda s: False) -> list[Span]:
    """The recogniser's spans with each proposed organisation name added where it is compatible.

    A proposal fills what the recogniser missed or mistyped; an organisation it found keeps its
    edges. A proposal takes the place of the spans it covers ("Japan" in "Japan Meteorological
    Agency") and of a person's name it begins with ("ललित नारायण" of a university named after him);
    it is dropped if it would cut a span, swallow a person's name that follows its start, or swallow
    a span `known` says names a knowledge-base person or organisation (not a country)."""
    out = list(spans)
    for p in proposals:
        overlapping = [s for s in out if s.start < p.end and p.start < s.end]
        if any(s.start < p.start or s.end > p.end for s in overlapping):
            continue  # would cut a span the recogniser or the dictionary found
        if any(s.label == "PER" and s.start != p.start for s in overlapping):
            continue
        if any((s.start, s.end) == (p.start, p.end) and s.label == "ORG" for s in overlapping):
            continue
        if any(known(s) for s in overlapping):
            continue
        if overlapping and all(s.label == "ORG" for s in overlapping):
            continue  # the recogniser saw this organisation: its edges are kept
        out = [s for s in out if s not in overlapping] + [p]
    return sorted(out, key=lambda s: (s.start, s.end))

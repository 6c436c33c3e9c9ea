"""Foreign people's names written in Hangul, where the Korean recogniser cuts or misses them.

A foreign name in Hangul is two or three words ("낸시 펠로시", "피에르 보티에르"), often followed by a
title ("선수", "하원의장"). The recogniser trained on Korean names (one word) cuts them: "피에르" alone,
"낸시 펠로시 하원" (into the title word) typed as a place, or nothing before "찰스 하멜린 선수". The
morphological analyser (Kiwi, already the Korean tokenizer) tags such words as proper nouns (NNP);
with the title list of data/kb/lang_rules.yaml that is enough to mend the spans:

- `cut_before_title`: a span running into a title word ends before it, and is a person;
- `extend_names`: a person's span grows over the proper-noun word after it ("피에르" + "보티에르가"),
  or over two words when the second is recognised elsewhere in the text ("올레" + "아이나르 뵈른달렌");
- `names_before_titles`: two or three proper-noun words before a person's title are a person
  where nothing was found ("찰스 하멜린 선수"); so is one (a Korean name) when the person's
  affiliation stands between it and the title ("김민석 국방부 대변인"), or one of three syllables or
  more right before it ("나루히토 천황"), or a first name and a surname that is also a town's name
  ("바락 오바마 미국 대통령");
- `names_after_roles`: one to three proper-noun words after an occupation written before the name
  ("배우 톰 크루즈") are a person, after a group's role word ("무장반군 보코하람") an organisation;
- `orgs_in_apposition`: the word after "<kind of organisation>인" ("여당인 국민의힘은") an organisation.
"""

from __future__ import annotations

import re

from dossier.geo.gazetteer import load_gazetteer
from dossier.linking.abbreviations import is_latin_abbreviation
from dossier.linking.lookup import KbIndex, alone_country_syllables, strip_particle
from dossier.linking.mentions import load_cues, names_a_country
from dossier.linking.names import kb_key
from dossier.linking.org_names import korean_org_word
from dossier.model import Span
from dossier.text.scripts import is_hangul

_WORD = re.compile(r"\S+")
_MAX_NAME_WORDS = 3


def _hangul(word: str) -> bool:
    return bool(word) and all(is_hangul(c) for c in word)


class _Words:
    """The whitespace words of a text with what the analyser says of each."""

    def __init__(self, text: str, ix: KbIndex):
        # imported here: the Korean tokenizer module loads spaCy, which only Korean text needs
        from dossier.ner.ko_tokenizer import morphemes

        self.text, self.ix = text, ix
        self.words = list(_WORD.finditer(text))
        self.morphs = morphemes(text)

    def bare(self, i: int) -> str:
        """The word without a trailing particle, if the analyser agrees one is there."""
        w = self.words[i]
        stem_end = w.end()
        for start, end, tag in self.morphs:
            if w.start() <= start < w.end() and tag.startswith(("J", "SF", "SP", "SS")) and start > w.start():
                stem_end = min(stem_end, start)
        return self.text[w.start() : stem_end]

    def without_final_particle(self, i: int) -> int:
        """The end of the word less the particle the analyser finds at its end ("국민의힘은" → "국민의힘";
        `bare` stops at the first particle, "국민")."""
        w = self.words[i]
        end = w.end()
        inside = sorted((start, stop, tag) for start, stop, tag in self.morphs if w.start() < start < w.end())
        # from the end: punctuation ("국사편찬위원회,") and the one particle before it
        while inside and inside[-1][1] == end and inside[-1][2].startswith(("SF", "SP", "SS")):
            end = inside.pop()[0]
        if inside and inside[-1][1] == end and inside[-1][2].startswith("J"):
            end = inside[-1][0]
        return end

    def proper_noun(self, i: int) -> bool:
        """The word (less a particle) is all proper noun, and no knowledge-base name or title."""
        w = self.words[i]
        bare = self.bare(i)
        if not _hangul(bare):
            return False
        return self._all_proper_nouns(w.start(), w.start() + len(bare)) and not self.known(bare) \
            and not korean_org_word(bare)

    def _all_proper_nouns(self, start: int, end: int) -> bool:
        """Every morpheme the analyser finds in text[start:end] is a proper noun (NNP)."""
        tags = [tag for s, e, tag in self.morphs if s < end and start < e]
        return bool(tags) and all(t == "NNP" for t in tags)

    def known(self, bare: str) -> bool:
        """A knowledge-base name, a title, a place ("미하일 덱탸료프 하바롭스크 주지사": the city is
        not part of the governor's name) or a country's one-syllable abbreviation ("일레인 듀크 미
        국토안보부 장관": 미 is the United States)."""
        key = kb_key(bare)
        return key in self.ix.full or key in self.ix.titles or bool(load_gazetteer().lookup(bare)) \
            or bare in alone_country_syllables(self.ix, "ko")

    def town_in_name(self, i: int) -> bool:
        """A word the analyser calls a proper noun that is known only as a town's name, no actor's
        or title and no country or region (오바마: Obama, Japan): after a first name it is a surname."""
        w = self.words[i]
        bare = self.bare(i)
        if w.group() != bare or not _hangul(bare) or kb_key(bare) in self.ix.full or kb_key(bare) in self.ix.titles:
            return False
        places = load_gazetteer().lookup(bare)
        return self._all_proper_nouns(w.start(), w.end()) and bool(places) and all(c.place.kind == "city" for c in places)

    def title(self, i: int) -> bool:
        word = self.words[i].group().rstrip(",.;:!?")
        return any(kb_key(f) in self.ix.titles for f in [word, *strip_particle(word, self.ix)])

    def index_at(self, pos: int) -> int | None:
        for i, w in enumerate(self.words):
            if w.start() <= pos < w.end():
                return i
        return None


def people_before_honorifics(text: str, spans: list[Span], words: _Words) -> list[Span]:
    """A place or organisation span of proper nouns right before a word only a person takes
    (`person_only_after`: "미국인 조지 바이탈리 씨는", the recogniser's place) is a person; a leading
    demonym ("<country>인": 미국인, 중국인) is no part of the name."""
    honorifics = load_cues().person_only_after.get("ko", frozenset())
    out = []
    for sp in spans:
        first, last = words.index_at(sp.start), words.index_at(sp.end - 1)
        if sp.label == "PER" or first is None or last is None or last + 1 >= len(words.words) \
                or words.words[last].end() != sp.end or words.bare(last + 1) not in honorifics:
            out.append(sp)
            continue
        w = words.words[first].group()
        if last > first and w.endswith("인") and names_a_country(w[:-1], words.ix):
            first += 1  # 미국인 (American)
        if not _hangul(words.bare(first)) or names_a_country(words.bare(first), words.ix) \
                or first == last and words.known(words.bare(first)):  # "부산 씨": read no further
            out.append(sp)
            continue
        out.append(Span(words.words[first].start(), sp.end, "PER"))
    return out


def cut_before_title(text: str, spans: list[Span], words: _Words) -> list[Span]:
    """"낸시 펠로시 하원" of "낸시 펠로시 하원의장을": a span that runs into a title word ends before
    it, and the proper nouns left are a person."""
    out = []
    for sp in spans:
        last = words.index_at(sp.end - 1)
        first = words.index_at(sp.start)
        if last is None or first is None or last == first or not words.title(last):
            out.append(sp)
            continue
        if all(words.proper_noun(i) for i in range(first, last)):
            out.append(Span(sp.start, words.words[last - 1].end(), "PER"))
        else:
            out.append(sp)
    return out


def extend_names(text: str, spans: list[Span], words: _Words) -> list[Span]:
    """A person's span followed by the rest of the name: one proper-noun word, or two words whose
    second is recognised elsewhere in the text ("뵈른달렌은" later on its own). The recogniser also
    calls such a name's first word an organisation: it grows too, and is a person if a title follows."""
    elsewhere = {kb_key(strip_or_self(text[s.start : s.end], words.ix)) for s in spans}
    out: list[Span] = []
    for k, sp in enumerate(spans):
        nxt = spans[k + 1].start if k + 1 < len(spans) else len(text)
        last = words.index_at(sp.end - 1)
        if sp.label not in ("PER", "ORG") or last is None or kb_key(text[sp.start : sp.end]) in words.ix.full or words.words[last].end() != sp.end or not _hangul(text[sp.start : sp.end].replace(" ", "")):
            out.append(sp)
            continue
        end = sp.end
        i = last + 1
        while i < len(words.words) and i - last < _MAX_NAME_WORDS and text[end:words.words[i].start()].isspace():
            if (i + 1 < len(words.words) and _hangul(words.words[i].group()) and not words.title(i)
                    and not words.known(words.words[i].group()) and kb_key(words.bare(i + 1)) in elsewhere
                    and not words.title(i + 1) and not korean_org_word(words.bare(i + 1))):
                end = words.words[i + 1].start() + len(words.bare(i + 1))
                i += 2
            elif words.proper_noun(i) and not words.title(i):
                end = words.words[i].start() + len(words.bare(i))
                i += 1
            else:
                break
            if end != words.words[i - 1].end():
                break  # a particle ends the name
        if end > nxt or len(_WORD.findall(text[sp.start : end])) > _MAX_NAME_WORDS:
            end = sp.end  # into the next span, or longer than a name
        if end == sp.end:
            out.append(sp)
            continue
        # grown: a person's name stays one; an "organisation" grown into a name is a person when a
        # person's title follows it ("올레 아이나르 뵈른달렌 선수로"), and is left as it was otherwise
        after = words.index_at(end - 1)
        if sp.label == "PER" or after is not None and after + 1 < len(words.words) and words.title(after + 1):
            out.append(Span(sp.start, end, "PER"))
        else:
            out.append(sp)
    return out


def strip_or_self(word: str, ix: KbIndex) -> str:
    forms = strip_particle(word, ix)
    return forms[0] if forms else word


_MAX_AFFILIATION_WORDS = 2


def _affiliation(words: _Words, k: int) -> bool:
    """A word between a name and its title that says where the person works: an organisation's
    Latin abbreviation (WHO), a known name or place (유엔, 플로리다, 미) or an organisation word
    (국토안보부)."""
    bare = words.bare(k)
    return is_latin_abbreviation(bare) or words.known(bare) or korean_org_word(bare)


def _korean_name_before_organisation(words: _Words, k: int, title: int) -> bool:
    """A Korean name (one word of two to four proper-noun syllables) with the person's organisation
    between it and the title ("김민석 국방부 대변인"), which the recogniser misses beside the
    organisation. Only an organisation word or abbreviation will do there: a known name or place
    might be the rest of a longer name ("바락 오바마 미국 대통령": Obama is also a town in Japan)."""
    return k + 1 < title and all(korean_org_word(words.bare(i)) or is_latin_abbreviation(words.bare(i))
                                 for i in range(k + 1, title)) \
        and 2 <= len(words.bare(k)) <= 4 and words.words[k].group() == words.bare(k) and words.proper_noun(k)


def _foreign_name_word(words: _Words, k: int, title: int) -> bool:
    """One proper-noun word of three syllables or more right before a title ("나루히토 천황", "정현우
    대변인"): a person's name, foreign and spelled by sound or Korean, where the recogniser found none
    (a two-syllable word before a title is as often a place or a short form: "윤 후보"). Not before the
    titles of firms and schools (`firm_titles`: "영남제분 회장", "부산외대 총장" name the firm). On
    8,000 KLUE-train sentences with no recogniser spans: 169 such names, all inside gold PER spans."""
    bare = words.bare(k)
    title_word = words.words[title].group().rstrip(",.;:!?")
    heads_firms = any(title_word.startswith(t) for t in load_cues().firm_titles.get("ko", ()))
    return k + 1 == title and not heads_firms and len(bare) >= 3 and words.words[k].group() == bare \
        and words.proper_noun(k)


def _glossed(words: _Words, k: int) -> bool:
    """The word is a proper noun with its spelling in other letters in brackets ("보시라이(薄熙來)")."""
    word, bare = words.words[k].group(), words.bare(k)
    return word.startswith(bare + "(") and word.endswith(")") and words.proper_noun(k)


def _name_before_country(words: _Words, k: int, title: int) -> bool:
    """One proper-noun word, then only a country, then the title: "리창 중국 총리", "모디 인도 총리"
    (news names foreign leaders so; a place or a short form does not stand before a country)."""
    return k + 2 == title and names_a_country(words.bare(k + 1), words.ix) \
        and words.words[k].group() == words.bare(k) and len(words.bare(k)) >= 2 and words.proper_noun(k)


def _name_start(words: _Words, first: int, stop: int) -> int:
    """The first word of a name ending before `stop`: from `first`, back over bare proper nouns, up
    to _MAX_NAME_WORDS words in all."""
    while first > 0 and stop - first < _MAX_NAME_WORDS and words.words[first - 1].group() == words.bare(first - 1) \
            and words.proper_noun(first - 1):
        first -= 1
    return first


def names_before_titles(text: str, spans: list[Span], words: _Words) -> list[Span]:
    """Two or three proper-noun words right before a title ("찰스 하멜린 선수") where no span is,
    also with the person's affiliation between them ("마거릿 하퍼 WHO 사무총장", "… 미 국토안보부
    장관") and "former" before it (`tenure_words`); one glossed in other letters before that
    ("보시라이(薄熙來) 전 충칭시 당서기")."""
    tenure = load_cues().tenure_words.get("ko", frozenset())
    out = []
    for title in range(len(words.words)):
        if not words.title(title):
            continue
        stop = title  # the name ends before the title, or before the affiliation in front of it
        while title - stop < _MAX_AFFILIATION_WORDS and stop > 0 \
                and words.words[stop - 1].group() == words.bare(stop - 1) and _affiliation(words, stop - 1):
            stop -= 1
        if stop > 0 and words.words[stop - 1].group() in tenure:
            stop -= 1
        if stop > 0 and _glossed(words, stop - 1):
            # the gloss follows the whole name: "아베 신조(安倍晋三) 총리", "손흥민(23·토트넘) 선수"
            first = _name_start(words, stop - 1, stop)
            start, end = words.words[first].start(), words.words[stop - 1].start() + len(words.bare(stop - 1))
            if all(s.end <= start or s.start >= end for s in spans):
                out.append(Span(start, end, "PER"))
            continue
        first = _name_start(words, stop, stop)
        if stop - first == 1 and stop + 1 < title and words.town_in_name(stop):
            stop += 1  # "바락 오바마 미국 대통령": 오바마 is also a town in Japan, taken for the affiliation
        if stop - first < 2 and not (stop - first == 1 and (_korean_name_before_organisation(words, first, title)
                                                            or _foreign_name_word(words, first, title)
                                                            or _name_before_country(words, first, title))):
            continue  # one word before a title is the recogniser's own business ("윤 후보")
        start, end = words.words[first].start(), words.words[stop - 1].end()
        if all(s.end <= start or s.start >= end for s in spans):
            out.append(Span(start, end, "PER"))
    return out


def names_after_roles(text: str, spans: list[Span], words: _Words) -> list[Span]:
    """One to three proper-noun words right after a role noun where no span is: a person after a
    person's role ("배우 톰 크루즈", "소설가 한강"; `roles_before`), an organisation after a group's
    ("무장반군 보코하람의"; `org_roles_before`). Korean writes occupations before the name and titles
    after it; the name ends at its particle."""
    cues = load_cues()
    kinds = {**{w: "ORG" for w in cues.org_roles_before.get("ko", ())}, **{w: "PER" for w in cues.roles_before.get("ko", ())}}
    out = []
    for i, word in enumerate(words.words[:-1]):
        label = kinds.get(word.group())
        if label is None:
            continue
        last = i
        while last + 1 < len(words.words) and last - i < _MAX_NAME_WORDS and words.proper_noun(last + 1) \
                and not words.title(last + 1):
            last += 1
            if words.words[last].group() != words.bare(last):
                break  # a particle ends the name
        if last == i:
            continue
        start, end = words.words[i + 1].start(), words.words[last].start() + len(words.bare(last))
        if all(s.end <= start or s.start >= end for s in spans):
            out.append(Span(start, end, label))
    return out


def mend_hangul_names(text: str, spans: list[Span], ix: KbIndex) -> list[Span]:
    """The repairs of the module doc, in order, on Korean text."""
    if not any(is_hangul(c) for c in text):
        return spans
    words = _Words(text, ix)
    spans = people_before_honorifics(text, spans, words)
    spans = cut_before_title(text, spans, words)
    spans = extend_names(text, spans, words)
    found = names_before_titles(text, spans, words)
    found += names_after_roles(text, spans + found, words)
    found += orgs_in_apposition(text, spans + found, words)
    return sorted(spans + found, key=lambda s: (s.start, s.end))


def orgs_in_apposition(text: str, spans: list[Span], words: _Words) -> list[Span]:
    """The word after "<kind of organisation>인" ("여당인 국민의힘은", "위성정당인 국민의미래가"), less its
    final particle, is an organisation where no span is (`org_appositions`). The whole word is the
    name: the analyser reads a new party's name as ordinary words (국민 + 의 + 힘)."""
    kinds = load_cues().org_appositions.get("ko", frozenset())
    out = []
    for i, word in enumerate(words.words[:-1]):
        w = word.group()
        if not (w.endswith("인") and any(w[:-1].endswith(kind) for kind in kinds)):  # 전문기관인, 여당인
            continue
        start, end = words.words[i + 1].start(), words.without_final_particle(i + 1)
        name = text[start:end]
        # Hangul, and digits only beside it ("대남공작 부서인 225국")
        if end - start >= 2 and any(is_hangul(c) for c in name) and all(is_hangul(c) or c.isdigit() for c in name) \
                and all(s.end <= start or s.start >= end for s in spans):
            out.append(Span(start, end, "ORG"))
    return out

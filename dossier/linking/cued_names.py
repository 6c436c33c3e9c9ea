"""Names found by the words around them where the recogniser found none: after an honorific
("श्रीमती द्रौपदी मुर्मु", "Dr. Ravi Kumar"), after a role noun or phrase ("dictator Suharto", "a company
called OrbComm"), and an abbreviation before an organisation noun ("the ALMA observatory"). The words
are data: data/kb/name_cues.yaml and the titles of data/kb/lang_rules.yaml."""

from __future__ import annotations

import re

from dossier.linking.abbreviations import is_latin_abbreviation
from dossier.linking.lookup import KbIndex, kb_index
from dossier.linking.mentions import is_title, load_cues
from dossier.model import Span

_TOKEN = re.compile(r"\S+")  # a whitespace-separated word

_MAX_TITLED_WORDS = 3  # "श्रीमती द्रौपदी मुर्मु", "Dr. Ravi Kumar Singh": longer runs are not one name


def _name_word(bare: str, stops: frozenset[str], honorifics: frozenset[str], lang: str, ix: KbIndex) -> bool:
    return bool(bare) and bare not in stops and bare not in honorifics and not is_title([bare], lang, ix) \
        and not any(c.isdigit() for c in bare)


def titled_names(text: str, lang: str, ix: KbIndex | None = None, *, roles: bool = False) -> list[Span]:
    """PER spans for the one to three name words after an honorific ("श्रीमती द्रौपदी मुर्मु ने" →
    "द्रौपदी मुर्मु"; "Dr. Ravi Kumar said" → "Ravi Kumar"), the honorific left outside. In English
    the name words are capitalised; elsewhere a stop word (postposition, verb) or punctuation ends them.
    ``roles=True``: after a role noun instead ("dictator Suharto", "striker Kylian Mbappé"), a weaker
    cue that the caller uses only where nothing else was found; after an organisation's role phrase
    ("a company called OrbComm", `org_roles_before`) the span is an organisation."""
    if roles and lang == "ko":
        # Korean role nouns are read by hangul_names.names_after_roles, which ends the name at its
        # particle with Kiwi's parts of speech; here the run would go on ("톰 크루즈가 서울에")
        return []
    ix = ix or kb_index()
    cues = load_cues()
    honorifics = (cues.roles_before if roles else cues.honorifics_before).get(lang, frozenset())
    # phrases of one to three words before a name, and the type of what follows them
    phrases = {tuple(h.split()): "PER" for h in honorifics}
    if roles:
        phrases.update({tuple(h.split()): "ORG" for h in cues.org_roles_before.get(lang, ())})
    if not phrases:
        return []
    stops = cues.name_stops.get(lang, frozenset())
    initials = cues.stop_initials.get(lang, frozenset())
    spelled = cues.spelled_initials.get(lang, frozenset())
    heads = cues.org_heads.get(lang, frozenset())
    tokens = list(_TOKEN.finditer(text))
    out: list[Span] = []
    i = 0
    while i < len(tokens):
        # a cue glued after a comma is still the cue ("उत्तराखंड के राज्यपाल,डॉ॰ अज़ीज कुरेशी")
        label = next((phrases[k] for n in (3, 2, 1) if i + 1 >= n
                      and (k := tuple(t.group().rsplit(",", 1)[-1] for t in tokens[i + 1 - n : i + 1])) in phrases), None)
        if label is None:
            i += 1
            continue
        name: list[re.Match[str]] = []
        j = i + 1
        while j < len(tokens) and len(name) < _MAX_TITLED_WORDS:
            word = tokens[j].group()
            bare = word.rstrip(",.;:!?।")
            if not name and bare in initials and bare == word and j + 1 < len(tokens) and _name_word(
                    tokens[j + 1].group().rstrip(",.;:!?।"), stops, honorifics, lang, ix):
                name.append(tokens[j])  # "डॉ. के राधाकृष्णन": an initial, then the name
                j += 1
                continue
            if word.endswith(".") and word[:-1] == bare and (bare in spelled or re.fullmatch(r"[A-Z]", bare)) \
                    and j + 1 < len(tokens) and len(name) + 1 < _MAX_TITLED_WORDS:
                name.append(tokens[j])  # "डॉ. के. रोसैया", "Dr. S. Jaishankar": an initial and its dot
                j += 1
                continue
            if not bare or bare in stops or bare in honorifics or is_title([bare], lang, ix):
                break
            if any(c.isdigit() for c in bare) or (lang == "en" and not bare[:1].isupper()):
                break
            name.append(tokens[j])
            j += 1
            if bare != word:
                break  # punctuation ends the name
        # an institution named after the person ("डॉ॰ हरिसिंह गौर विश्वविद्यालय", "Dr. B.R. Ambedkar
        # National Institute"): an organisation's head word within the name or in the two words that
        # run on from it (not past a stop word or, in English, a lower-case one: "Mr. Lee of the Party")
        run_on = []
        for t in tokens[j : j + 2]:
            w = t.group().rstrip(",.;:!?।")
            if not w or w in stops or (lang == "en" and not w[:1].isupper()):
                break
            run_on.append(w)
        if name and label == "PER" and any(w in heads for w in [*(t.group().rstrip(",.;:!?।") for t in name), *run_on]):
            name = []
        if name:
            end = name[-1].start() + len(name[-1].group().rstrip(",.;:!?।"))
            if lang == "en" and text[end - 1 : end] == "." and end - name[-1].start() > 2:
                end -= 1
            out.append(Span(name[0].start(), end, label))
        i = max(j, i + 1)
    return out


def abbreviations_before_org_nouns(text: str, lang: str) -> list[Span]:
    """ORG spans for Latin abbreviations right before a lower-case organisation noun ("the ALMA
    observatory", `org_nouns_after`), not a country's code ("a UK bank"): a weak cue, which the caller
    uses only where nothing else was found."""
    nouns = load_cues().org_nouns_after.get(lang)
    if not nouns:
        return []
    out = []
    for m in re.finditer(r"(?<![\w.])([A-Z][A-Z0-9&]{1,9})\s+([a-z]+)\b", text):
        if m.group(2) in nouns and is_latin_abbreviation(m.group(1)) and not _is_country_code(m.group(1)):
            out.append(Span(m.start(1), m.end(1), "ORG"))
    return out


_CAPITALISED_RUN = r"[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|of|the|and|for))*"


def apposed_org_names(text: str, lang: str) -> list[Span]:
    """ORG spans for a capitalised name set off by commas after a lower-case noun for a kind of
    organisation ("His party, Servant of the People, is named", `org_apposition_nouns`): a weak cue,
    which the caller uses only where nothing else was found."""
    nouns = load_cues().org_apposition_nouns.get(lang)
    if not nouns:
        return []
    words = "|".join(re.escape(n) for n in sorted(nouns))
    pattern = re.compile(rf"\b(?:{words})\s*,\s+({_CAPITALISED_RUN})\s*,")
    return [Span(m.start(1), m.end(1), "ORG") for m in pattern.finditer(text)]


def _is_country_code(word: str) -> bool:
    from dossier.geo.gazetteer import load_gazetteer

    return any(c.place.kind == "country" for c in load_gazetteer().lookup(word))

"""Loads data/timex/<lang>.yaml and compiles its patterns into regular expressions.

The YAML holds every word of a language (vocabularies) and every pattern (a regex template whose
`{placeholders}` name vocabularies or macros); this module only turns them into compiled regexes and
knows how to read a matched group back into a value. See data/timex/README.md for the format.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from dossier import config

DATA_DIR = config.DATA_DIR / "timex"
_PLACEHOLDER = re.compile(r"\{([a-z][a-z_0-9]*)(?::([a-z][a-z_0-9]*))?\}")


@dataclass
class Pattern:
    name: str
    regex: re.Pattern[str]
    spec: dict[str, Any]
    groups: dict[str, str]  # regex group name → vocabulary/macro it came from
    priority: int = 0
    # (regex, override, window): the override applies when the regex occurs in the `window` characters
    # before the match (0 = anywhere in the document)
    doc_if: list[tuple[re.Pattern[str], dict[str, Any], int]] = field(default_factory=list)


@dataclass
class LangRules:
    lang: str
    patterns: list[Pattern]
    vocab: dict[str, dict[str, Any]]
    numbers: dict[str, int]
    number_joiners: list[str]
    tense_past: re.Pattern[str] | None
    tense_future: re.Pattern[str] | None
    tense_scope: str  # nearest | after
    tense_report: re.Pattern[str] | None  # reporting verbs: past, but only next to the expression
    report_window: int
    # what, right before a past-looking form, makes it a present passive ("is heard", "are held")
    not_past_after: re.Pattern[str] | None
    max_distance: int | None
    # a plan told in the past ("planned to pay"): a future cue for what follows it, a past one for a
    # time named before it ("On Friday, the government planned to pay" dates the planning)
    tense_plan_past: re.Pattern[str] | None
    # what may stand before an expression that opens its sentence ("On", "In", "Late"): a fronted
    # adverbial followed by a comma dates the main clause, whose verb is the first cue after it
    fronted_lead: re.Pattern[str] | None
    fronted_window: int
    # a parenthetical between the fronted expression and its main verb (", who was arrested last year,"):
    # its verbs are not the main clause's
    fronted_skip: re.Pattern[str] | None
    # a finite past verb ("had", "was"): one between a future cue and the expression starts a clause of
    # its own, so the expression is not under that cue's modal ("the unit to be acquired had revenue ...
    # for the year ended March 31")
    finite_past: re.Pattern[str] | None
    anchor: str  # last | first: which earlier day "that day"/이날 points to
    sentence_end: re.Pattern[str]
    clause_end: re.Pattern[str] | None
    reject_context: list[tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]] = field(
        default_factory=list)
    # vocabularies whose matched value is the TimeML mod of the expression ("early" → START, "말" → END)
    mod_vocabs: tuple[str, ...] = ()

    def group_value(self, source: str, text: str) -> Any:
        """The value of one matched placeholder: vocabulary lookup, parsed number, or the text itself."""
        if source in self.vocab:
            key = _norm(text)
            table = self.vocab[source]
            if key in table:
                return table[key]
            key2 = key.rstrip(".")
            if key2 in table:
                return table[key2]
            return text
        if source in ("number", "numword"):
            return parse_number(text, self.numbers, self.number_joiners)
        return text


def _norm(s: str) -> str:
    return re.sub(r"[\s\-‐‑–]+", " ", unicodedata.normalize("NFC", s).lower()).strip()


def parse_number(text: str, words: dict[str, int], joiners: list[str]) -> float | int | None:
    """'17' → 17, '१७' → 17, 'twenty four' → 24, 'two thousand' → 2000, '2 1/2' → 2.5, 'a' → 1."""
    t = text.strip().lower().replace(",", "")
    try:
        return int(t)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d+)\s+(\d)/(\d)", t)
    if m:
        return int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    try:
        return float(t)
    except ValueError:
        pass
    total, current = 0, 0
    seen = False
    for tok in re.split(r"[\s\-]+", t):
        if not tok or tok in joiners:
            continue
        if tok not in words:
            return None
        v = words[tok]
        seen = True
        if v in (100,):
            current = (current or 1) * v
        elif v >= 1000:
            total += (current or 1) * v
            current = 0
        else:
            current += v
    return total + current if seen else None


def _alternation(surfaces: list[str]) -> str:
    parts = []
    for s in sorted(set(surfaces), key=lambda x: (-len(x), x)):
        esc = re.escape(s).replace(r"\ ", r"\s+")
        parts.append(esc)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _compile_template(tmpl: str, vocab: dict[str, list[str]], macros: dict[str, str],
                      number_re: str) -> tuple[str, dict[str, str]]:
    groups: dict[str, str] = {}
    counter: dict[str, int] = {}

    def repl(m: re.Match[str]) -> str:
        src, alias = m.group(1), m.group(2)
        if src in vocab:
            body = _alternation(vocab[src])
        elif src in macros:
            body = macros[src]
        elif src == "number":
            body = number_re
        else:
            raise ValueError(f"unknown placeholder {{{src}}} in pattern {tmpl!r}")
        name = alias or src
        if name in groups:  # the same placeholder twice: number the later ones
            counter[name] = counter.get(name, 1) + 1
            name = f"{name}{counter[name]}"
        groups[name] = src
        return f"(?P<{name}>{body})"

    return _PLACEHOLDER.sub(repl, tmpl), groups


def _cue(words: list[str] | None) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile("|".join(f"(?:{w})" for w in words), re.IGNORECASE)


@functools.cache
def load_rules(lang: str) -> LangRules | None:
    """Rules for `lang`, or None when data/timex has no file for it (the tagger then finds nothing)."""
    path = DATA_DIR / f"{lang}.yaml"
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw_vocab = data.get("vocab") or {}
    vocab = {name: {_norm(str(k)): v for k, v in table.items()} for name, table in raw_vocab.items()}
    # the regexes use the surfaces as written ("mid-" keeps its hyphen); lookups use normalised keys
    surfaces = {name: [unicodedata.normalize("NFC", str(k)).lower() for k in table] for name, table in raw_vocab.items()}
    numbers = {_norm(str(k)): int(v) for k, v in (data.get("numbers") or {}).items()}
    joiners = [str(j) for j in data.get("number_joiners") or []]
    macros = {k: str(v) for k, v in (data.get("macros") or {}).items()}
    word = data.get("word_chars", r"\w")
    left = data.get("left_boundary", rf"(?<![{word}])")
    right = data.get("right_boundary", rf"(?![{word}])")
    if numbers:
        w = _alternation(list(numbers.keys()))
        j = "|".join(re.escape(x) for x in joiners)
        sep = rf"(?:[\s\-]+(?:(?:{j})[\s\-]+)?)" if j else r"[\s\-]+"
        numword = rf"{w}(?:{sep}{w}){{0,4}}"  # bounded: "twenty twenty twenty …" must not backtrack forever
        macros.setdefault("numword", numword)
        number_re = rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|{numword})"
    else:
        number_re = r"\d+(?:[.,]\d+)?"
    flags = re.IGNORECASE if data.get("ignore_case", True) else 0
    patterns: list[Pattern] = []
    for i, p in enumerate(data.get("patterns") or []):
        body, groups = _compile_template(str(p["re"]), surfaces, macros, number_re)
        lb = "" if p.get("no_left_boundary") else left
        rb = "" if p.get("no_right_boundary") else right
        regex = re.compile(f"{lb}(?:{body}){rb}", flags)
        patterns.append(Pattern(name=str(p.get("name", f"p{i}")), regex=regex, spec=dict(p.get("set") or {}),
                                groups=groups, priority=int(p.get("priority", 0)),
                                doc_if=[(re.compile(c["re"], flags), dict(c.get("set") or {}),
                                         int(c.get("window", 0)))
                                        for c in p.get("doc_if") or []]))
    tense = data.get("tense") or {}
    rejects = []
    for r in data.get("reject") or []:
        # case-sensitive on purpose: "may" the verb vs "May" the month
        rejects.append((re.compile(rf"(?:{r['text']})\Z"),
                        re.compile(rf"(?:{r['before']})\Z") if r.get("before") else None,
                        re.compile(rf"\A(?:{r['after']})") if r.get("after") else None))
    return LangRules(
        lang=lang, patterns=patterns, vocab=vocab, numbers=numbers, number_joiners=joiners,
        tense_past=_cue(tense.get("past")), tense_future=_cue(tense.get("future")),
        tense_scope=str(tense.get("scope", "nearest")),
        tense_report=_cue(tense.get("report")), report_window=int(tense.get("report_window", 20)),
        not_past_after=(re.compile(rf"(?:{tense['not_past_after']})\Z", re.IGNORECASE)
                        if tense.get("not_past_after") else None),
        max_distance=int(tense["max_distance"]) if tense.get("max_distance") else None,
        tense_plan_past=_cue(tense.get("plan_past")),
        fronted_lead=(re.compile(rf"(?:{tense['fronted_lead']})\Z", re.IGNORECASE)
                      if tense.get("fronted_lead") else None),
        fronted_window=int(tense.get("fronted_window", 150)),
        fronted_skip=re.compile(tense["fronted_skip"], re.IGNORECASE) if tense.get("fronted_skip") else None,
        finite_past=re.compile(tense["finite_past"], re.IGNORECASE) if tense.get("finite_past") else None,
        anchor=str(data.get("anchor", "last")),
        sentence_end=re.compile(data.get("sentence_end", r"[.!?।]\s|\n")),
        clause_end=re.compile(data["clause_end"]) if data.get("clause_end") else None,
        reject_context=rejects,
        mod_vocabs=tuple(str(v) for v in data.get("mod_vocabs") or ()),
    )


def available_languages() -> list[str]:
    return sorted(p.stem for p in DATA_DIR.glob("*.yaml"))

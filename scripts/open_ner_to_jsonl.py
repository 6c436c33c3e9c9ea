"""Openly licensed English NER corpora -> the shared NER jsonl format (PER / ORG / LOC).

    python scripts/open_ner_to_jsonl.py uner FILE.iob2 [...] --source NAME > out.jsonl
    python scripts/open_ner_to_jsonl.py gum FILE.conllu [...] --genres academic,bio,... > out.jsonl
    python scripts/open_ner_to_jsonl.py wnut FILE.conll [...] > out.jsonl
    python scripts/open_ner_to_jsonl.py conll FILE [...] --source NAME > out.jsonl
    python scripts/open_ner_to_jsonl.py crossner DOMAIN/SPLIT.txt [...] > out.jsonl

Why: the committed English model was trained on CoNLL-2003 ("research use"), and the brief allows
only data whose licence permits redistribution and any use. Two such corpora are on GitHub (fetched
with the `fetch` tool at build time; see data/models/README.md for repositories, commits and
licences):

- Universal NER (UNER) English-EWT / English-PUD, CC BY-SA: IOB2 files with PER / ORG / LOC / OTH.
  OTH (nationalities, events, products, like CoNLL's MISC) is dropped, as the shared files drop MISC.
- WNUT-17 emerging entities, CC BY 4.0: token<TAB>IOB2 tag files (person, location, corporation,
  group -> PER / LOC / ORG / ORG; creative-work and product dropped). No original text: tokens are
  joined with single spaces, as in the shared files.
- CoNLL-style token / tag files with PER / ORG / LOC (/ MISC) tags, IOB1 or IOB2, one token a line,
  tab- or space-separated, `-DOCSTART-` lines ignored: the Broad Twitter Corpus (CC BY 4.0) and
  wikigold (Wikipedia, CoNLL-2003 guidelines, CC BY 4.0). MISC and anything else is dropped; tokens
  are joined with single spaces.
- CrossNER (Wikipedia paragraphs in five domains, MIT licence): token<TAB>IOB2 files with fine types,
  folded to PER / ORG / LOC by CROSSNER_LABELS (politician, writer, ... -> PER; party, band, university,
  magazine, journal -> ORG; country -> LOC); works, events, awards, nationalities (misc) are dropped.
- GUM (Georgetown University Multilayer corpus), CoNLL-U with entity mentions in MISC `Entity=`.
  Annotations are CC BY 4.0, but the texts' licences differ by genre; only the genres whose text
  licence is open are read (--genres; GUM's LICENSE.txt lists them). GUM marks every mention (also
  "the city", "she"), so a mention becomes a named entity only if its type is person / place /
  organization and its syntactic head is a proper noun; it is then cut to the run of proper nouns
  around that head ("the University of Sydney's staff" -> "University of Sydney"), the CoNLL
  convention the rest of the pipeline and the dev files follow.

Offsets are character offsets into the sentence's own `# text` line, so the text reads as written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

UNER_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
# WNUT-17: corporations and groups (bands, teams, parties) are CoNLL's ORG; creative works and
# products are dropped like MISC.
WNUT_LABELS = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG"}
# CoNLL-style files (BTC, wikigold): the three types are kept as they are, MISC is dropped.
CONLL_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
# CrossNER's fine types folded to CoNLL's three (its own "misc" holds nationalities like CoNLL's
# MISC). Publications are ORG as in CoNLL-2003 ("The New Yorker"); everything else (books, songs,
# elections, awards, algorithms, conferences, ...) is dropped.
CROSSNER_LABELS = {
    "person": "PER", "politician": "PER", "writer": "PER", "musicalartist": "PER", "scientist": "PER",
    "researcher": "PER",
    "organisation": "ORG", "politicalparty": "ORG", "university": "ORG", "band": "ORG", "magazine": "ORG",
    "academicjournal": "ORG",
    "location": "LOC", "country": "LOC",
}
GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
# GUM genres whose text licence (GUM LICENSE.txt) allows redistribution and any use: CC BY (academic,
# news and interviews from Wikinews) and CC BY-SA (Wikipedia biographies, Wikivoyage). Court
# transcripts are also listed as CC BY there but come from the Santa Barbara Corpus, whose own terms
# differ, so they are left out; genres the LICENSE does not list, and NC / reddit ones, are left out.
GUM_OPEN_GENRES = ("academic", "bio", "interview", "news", "voyage")
# Tokens allowed inside a trimmed GUM name between proper nouns ("Bank of the West", "AT & T").
_NAME_GLUE_UPOS = {"ADP", "DET", "CCONJ"}
_NAME_GLUE_PUNCT = {"-", "&", ".", "'"}
# Glue over which an organisation or place name may take in a nested name ("University of Sydney").
_NESTED_NAME_GLUE = {"of", "the", "de", "du", "del", "des"}


@dataclass
class Token:
    form: str
    upos: str
    misc: str
    head: int = -1  # index of the head word in the sentence's token list; -1 for the root


def locate_tokens(text: str, forms: list[str]) -> list[tuple[int, int]] | None:
    """Character span of each token in `text`, searching left to right; None if one is missing."""
    spans = []
    pos = 0
    for form in forms:
        at = text.find(form, pos)
        if at < 0:
            return None
        spans.append((at, at + len(form)))
        pos = at + len(form)
    return spans


def _sentence_text(text: str | None, forms: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence text and token offsets; tokens joined by spaces when `# text` does not fit them."""
    if text:
        spans = locate_tokens(text, forms)
        if spans is not None:
            return text, spans
    joined = " ".join(forms)
    return joined, locate_tokens(joined, forms) or []


# --- Universal NER (IOB2, CoNLL-like columns: id, form, tag, ...) ---------------------------------

def read_uner(path: Path) -> Iterator[tuple[str, str | None, list[str], list[str]]]:
    """(sent_id, text, forms, tags) per sentence of a UNER .iob2 file."""
    sent_id, text, forms, tags = "", None, [], []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                if forms:
                    yield sent_id, text, forms, tags
                sent_id, text, forms, tags = "", None, [], []
            elif line.startswith("# sent_id = "):
                sent_id = line[len("# sent_id = "):].strip()
            elif line.startswith("# text = "):
                text = line[len("# text = "):]
            elif not line.startswith("#"):
                cols = line.split("\t")
                forms.append(cols[1])
                tags.append(cols[2] if len(cols) > 2 else "O")
    if forms:
        yield sent_id, text, forms, tags


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans [first, last] of IOB2 tags (an I- without a matching B- starts a span)."""
    out: list[tuple[int, int, str]] = []
    current: list = []
    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        if prefix == "I" and current and current[2] == label:
            current[1] = i
            continue
        if current:
            out.append(tuple(current))
            current = []
        if prefix in ("B", "I") and label and label != "O":
            current = [i, i, label]
    if current:
        out.append(tuple(current))
    return out


def read_token_tag(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """(forms, tags) per sentence of a token / tag file: blank line between sentences, the token in
    the first column and the tag in the last, split on tabs when the line has one (WNUT, BTC) and
    on spaces otherwise (wikigold); a `-DOCSTART-` line ends a sentence and is not a token."""
    forms: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            cols = line.split("\t") if "\t" in line else line.split()
            if len(cols) < 2 or not cols[0].strip() or cols[0] == "-DOCSTART-":
                if forms:
                    yield forms, tags
                forms, tags = [], []
                continue
            forms.append(cols[0])
            tags.append(cols[-1].strip())
    if forms:
        yield forms, tags


def conll_records(path: Path, source: str = "conll", labels: dict[str, str] = CONLL_LABELS,
                  name: str | None = None) -> Iterator[dict]:
    """PER / ORG / LOC spans of a CoNLL-style token / tag file (IOB1 or IOB2): the tags in `labels`
    become its values, the rest (MISC) is dropped. `name` stands for the file name in the ids."""
    for n, (forms, tags) in enumerate(read_token_tag(path), 1):
        text, spans = _sentence_text(None, forms)
        entities = [[spans[a][0], spans[b][1], labels[label]]
                    for a, b, label in iob_spans(tags) if label in labels]
        yield {"id": f"{source}:{name or path.name}:{n}", "lang": "en", "source": source, "text": text,
               "entities": entities}


def wnut_records(path: Path, source: str = "wnut17") -> Iterator[dict]:
    """WNUT-17's token / tag files: person, location, corporation and group (see WNUT_LABELS)."""
    return conll_records(path, source, WNUT_LABELS)


def crossner_records(path: Path) -> Iterator[dict]:
    """CrossNER's ner_data/<domain>/<split>.txt, ids naming domain and split (the file names repeat)."""
    return conll_records(path, "crossner", CROSSNER_LABELS, f"{path.parent.name}/{path.name}")


def uner_records(path: Path, source: str) -> Iterator[dict]:
    for sent_id, text, forms, tags in read_uner(path):
        text, spans = _sentence_text(text, forms)
        entities = [[spans[a][0], spans[b][1], UNER_LABELS[label]]
                    for a, b, label in iob_spans(tags) if label in UNER_LABELS]
        yield {"id": f"{source}:{sent_id}", "lang": "en", "source": source, "text": text, "entities": entities}


# --- GUM (CoNLL-U with Entity= mentions) ---------------------------------------------------------

_ENTITY_PART = re.compile(r"\(([^()]+)\)|\(([^()]+)|([^()]+)\)")


def parse_entity_field(value: str) -> list[tuple[str, str]]:
    """Events in one token's Entity= value: ("open", attrs), ("single", attrs), ("close", group id)."""
    events = []
    for single, opening, closing in _ENTITY_PART.findall(value):
        if single:
            events.append(("single", single))
        elif opening:
            events.append(("open", opening))
        elif closing:
            events.append(("close", closing))
    return events


def _misc_value(misc: str, key: str) -> str | None:
    for item in misc.split("|"):
        if item.startswith(key + "="):
            return item[len(key) + 1:]
    return None


def gum_mentions(tokens: list[Token], fields: list[str]) -> list[tuple[int, int, dict]]:
    """Every mention (first token, last token, attributes by field name) in one sentence."""
    open_by_group: dict[str, list[tuple[int, dict]]] = {}
    mentions = []
    for i, tok in enumerate(tokens):
        value = _misc_value(tok.misc, "Entity")
        if not value:
            continue
        for kind, payload in parse_entity_field(value):
            if kind == "close":
                stack = open_by_group.get(payload)
                if stack:
                    first, attrs = stack.pop()
                    mentions.append((first, i, attrs))
                continue
            attrs = dict(zip(fields, payload.split("-", len(fields) - 1)))
            if kind == "single":
                mentions.append((i, i, attrs))
            else:
                open_by_group.setdefault(attrs.get("GRP", ""), []).append((i, attrs))
    return mentions


def _is_glue(tok: Token, label: str) -> bool:
    """A token that may sit between two proper nouns of one name: "Bank of the West", "AT & T",
    "Cheuk - yan"; a person's name takes only hyphens and dots ("Lee Cheuk-yan of the Labour Party"
    is a person and an organisation, not one name)."""
    if tok.upos == "PUNCT":
        return tok.form in _NAME_GLUE_PUNCT
    return label != "PER" and tok.upos in _NAME_GLUE_UPOS and tok.form.islower() and len(tok.form) <= 4


def _is_name_word(tok: Token) -> bool:
    """A proper noun, or a capitalised adjective / noun / participle inside a name ("National Archives",
    "United States")."""
    return tok.upos == "PROPN" or (tok.upos in ("ADJ", "NOUN", "VERB") and tok.form[:1].isupper())


def _may_enter(tokens: list[Token], glue: range, label: str) -> bool:
    """Whether a name may run on into another name nested in its mention, over the `glue` tokens
    between them: an organisation or place may ("Durham University", "University of Sydney"); a
    person may not ("Governor of Washington Chris Gregoire"), nor may a name over "and" or "at"
    ("Brin and Djibonker", "Long Room at Auckland Castle": two names each)."""
    return label != "PER" and all(tokens[k].form.lower() in _NESTED_NAME_GLUE for k in glue)


def _extend(tokens: list[Token], at: int, step: int, limit: int, label: str, blocked: set[int]) -> int:
    """The last name word reached from `at` in direction `step` (not past `limit`), over glue;
    `blocked` tokens (other names nested in this mention) are entered only as `_may_enter` allows."""
    edge = at
    i = at + step
    while (i - limit) * step <= 0:
        j = i
        while (j - limit) * step <= 0 and not _is_name_word(tokens[j]) and _is_glue(tokens[j], label):
            j += step
        if (j - limit) * step > 0 or not _is_name_word(tokens[j]):
            break
        glue = range(i, j, step)
        if j in blocked and edge not in blocked and not _may_enter(tokens, glue, label):
            break
        edge = j
        i = j + step
    return edge


def mention_head(tokens: list[Token], first: int, last: int) -> int:
    """The mention's syntactic head: its first token whose head word lies outside it."""
    for i in range(first, last + 1):
        if not first <= tokens[i].head < last + 1:
            return i
    return first


def trim_to_name(tokens: list[Token], first: int, last: int, label: str,
                 blocked: set[int] = frozenset()) -> tuple[int, int] | None:
    """The run of name words around the mention's head, or None if the head is not a proper noun
    (a description or pronoun: "the city", "she", "Australian children"). `blocked` are the tokens
    of names nested inside this mention (see `_may_enter`)."""
    head = mention_head(tokens, first, last)
    if tokens[head].upos != "PROPN":
        return None
    return (_extend(tokens, head, -1, first, label, blocked),
            _extend(tokens, head, 1, last, label, blocked))


def _nested_tokens(mentions: list[tuple[int, int, dict]], first: int, last: int, head: int) -> set[int]:
    """Tokens of the person / place / organisation mentions strictly inside [first, last] that do not
    contain `head` (other nested mentions, such as an idea, may be part of the name)."""
    out: set[int] = set()
    for a, b, attrs in mentions:
        if attrs.get("etype") not in GUM_TYPES:
            continue
        if first <= a and b <= last and (a, b) != (first, last) and not a <= head <= b:
            out.update(range(a, b + 1))
    return out


def named_spans(tokens: list[Token], mentions: list[tuple[int, int, dict]]) -> list[tuple[int, int, str]]:
    """CoNLL-style PER/ORG/LOC token spans: named mentions, trimmed, outermost first, no overlaps."""
    candidates = []
    for first, last, attrs in mentions:
        label = GUM_TYPES.get(attrs.get("etype", ""))
        if not label:
            continue
        blocked = _nested_tokens(mentions, first, last, mention_head(tokens, first, last))
        core = trim_to_name(tokens, first, last, label, blocked)
        if core:
            candidates.append((core[0], core[1], label))
    candidates.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    chosen: list[tuple[int, int, str]] = []
    for a, b, label in candidates:
        if all(b < c or a > d for c, d, _ in chosen):
            chosen.append((a, b, label))
    return sorted(chosen)


def read_conllu(path: Path) -> Iterator[tuple[dict[str, str], list[Token]]]:
    """(comments, word tokens) per sentence; multiword-token ranges lend their form to their words."""
    comments: dict[str, str] = {}
    tokens: list[Token] = []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                if tokens:
                    yield comments, tokens
                comments, tokens = {}, []
            elif line.startswith("#"):
                key, _, value = line[1:].partition("=")
                comments[key.strip()] = value.strip()
            else:
                cols = line.split("\t")
                if "." in cols[0] or "-" in cols[0]:
                    continue  # empty nodes and multiword ranges: the words carry the annotation
                head = int(cols[6]) - 1 if cols[6].isdigit() else -1
                tokens.append(Token(cols[1], cols[3], cols[9] if len(cols) > 9 else "_", head))
    if tokens:
        yield comments, tokens


def gum_records(path: Path, fields: list[str] | None = None) -> Iterator[dict]:
    doc_fields = fields
    for comments, tokens in read_conllu(path):
        if "global.Entity" in comments:
            doc_fields = comments["global.Entity"].split("-")
        text, spans = _sentence_text(comments.get("text"), [t.form for t in tokens])
        if not spans:
            continue
        entities = [[spans[a][0], spans[b][1], label]
                    for a, b, label in named_spans(tokens, gum_mentions(tokens, doc_fields or ["GRP", "etype"]))]
        yield {"id": f"gum:{comments.get('sent_id', '')}", "lang": "en", "source": "gum", "text": text,
               "entities": entities}


def gum_genre(path: Path) -> str:
    """'news' for GUM_news_iodine.conllu; '' for files outside the main GUM naming."""
    parts = path.name.split("_")
    return parts[1] if len(parts) > 2 and parts[0] == "GUM" else ""


def write_jsonl(records: Iterable[dict], out) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("format", choices=["uner", "gum", "wnut", "conll", "crossner"])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--source", default=None, help="source name written on each uner / wnut / conll line")
    parser.add_argument("--genres", default=",".join(GUM_OPEN_GENRES),
                        help="gum: comma list of genres to read (files of other genres are skipped)")
    parser.add_argument("--output", type=Path, help="jsonl to write (default stdout)")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        parser.error(f"not found: {', '.join(missing)}")
    if args.format == "uner":
        records: Iterable[dict] = (r for p in args.files for r in uner_records(p, args.source or "uner"))
    elif args.format == "wnut":
        records = (r for p in args.files for r in wnut_records(p, args.source or "wnut17"))
    elif args.format == "conll":
        records = (r for p in args.files for r in conll_records(p, args.source or "conll"))
    elif args.format == "crossner":
        records = (r for p in args.files for r in crossner_records(p))
    else:
        genres = {g.strip() for g in args.genres.split(",") if g.strip()}
        records = (r for p in args.files if gum_genre(p) in genres for r in gum_records(p))
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            n = write_jsonl(records, out)
    else:
        n = write_jsonl(records, sys.stdout)
    print(f"{n} sentences", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

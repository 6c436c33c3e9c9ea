"""File formats → raw documents (text + metadata fields), one or many per file.

A multi-article file (JSON list, JSONL, CSV) yields one ``RawDoc`` per record, and a broken record
becomes a ``RecordError`` in the list instead of aborting the others.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup, Comment

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES

# Deeper JSON than this is refused (it is never an article, and recursion is a crash risk).
MAX_JSON_DEPTH = 32

# Field names accepted for each metadata field, in order of preference.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text"),
    "title": ("title", "headline", "name"),
    "published": ("published", "date", "published_at", "publication_date", "pubdate", "dct", "datetime"),
    "source": ("source", "outlet", "publisher", "site_name", "media"),
    "url": ("url", "link", "href", "canonical_url"),
    "language": ("language", "lang", "locale"),
    "licence": ("licence", "license", "rights"),
    "note": ("note", "notes", "comment"),
}

# Elements whose content is never visible text.
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head")
_BLOCK_TAGS = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
    "header", "footer", "blockquote", "pre", "figcaption", "dd", "dt", "table", "ul", "ol",
)


@dataclass
class RawDoc:
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    locator: str = ""  # "" for a whole file, "row 3" / "line 7" / "item 2" inside one


@dataclass
class RecordError:
    locator: str
    reason: str


class FormatError(ValueError):
    """The whole file is unusable in its declared format; the message is the reason."""


def parse(suffix: str, text: str) -> list[RawDoc | RecordError]:
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return [parse_html(text)]
    if suffix in JSON_SUFFIXES:
        return parse_json(text)
    if suffix in JSONL_SUFFIXES:
        return parse_jsonl(text)
    if suffix in CSV_SUFFIXES:
        return parse_csv(text, delimiter="\t" if suffix == ".tsv" else ",")
    if suffix in TEXT_SUFFIXES:
        return [parse_text(text, markdown=suffix in (".md", ".markdown"))]
    raise FormatError(f"unsupported file type {suffix or '(no extension)'}")


def parse_text(text: str, *, markdown: bool = False) -> RawDoc:
    meta: dict[str, Any] = {}
    if markdown:
        first = text.lstrip("\n").split("\n", 1)[0]
        m = re.match(r"#\s+(.+?)\s*#*\s*$", first)
        if m:
            meta["title"] = m.group(1)
    return RawDoc(text=text, meta=meta)


def parse_html(markup: str) -> RawDoc:
    soup = BeautifulSoup(markup, "lxml")
    meta: dict[str, Any] = {}
    if soup.title and soup.title.string and soup.title.string.strip():
        meta["title"] = soup.title.string.strip()
    for attrs, key in (
        ({"property": "og:title"}, "title"),
        ({"property": "article:published_time"}, "published"),
        ({"name": "date"}, "published"),
        ({"name": "pubdate"}, "published"),
        ({"property": "og:site_name"}, "source"),
        ({"property": "og:url"}, "url"),
    ):
        tag = soup.find("meta", attrs=attrs)
        if tag and tag.get("content") and key not in meta:
            meta[key] = str(tag["content"]).strip()
    canonical = soup.find("link", rel="canonical")
    if canonical and canonical.get("href") and "url" not in meta:
        meta["url"] = str(canonical["href"]).strip()
    html_tag = soup.find("html")
    if html_tag and html_tag.get("lang"):
        meta["language"] = str(html_tag["lang"]).split("-")[0].lower()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_INVISIBLE_TAGS):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    body = soup.body or soup
    lines = [" ".join(line.split()) for line in body.get_text().split("\n")]
    text = "\n".join(line for line in lines if line)
    if not text.strip():
        raise FormatError("HTML has no visible text")
    return RawDoc(text=text, meta=meta)


def parse_json(text: str) -> list[RawDoc | RecordError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    except RecursionError as exc:
        raise FormatError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels") from exc
    if _depth(data) > MAX_JSON_DEPTH:
        raise FormatError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    if isinstance(data, Mapping) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, list):
        if not data:
            raise FormatError("JSON list holds no articles")
        return [_record(item, f"item {i + 1}") for i, item in enumerate(data)]
    return [_record(data, "")]


def parse_jsonl(text: str) -> list[RawDoc | RecordError]:
    out: list[RawDoc | RecordError] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        locator = f"line {lineno}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(RecordError(locator, f"malformed JSON: {exc.msg} at column {exc.colno}"))
            continue
        except RecursionError:
            out.append(RecordError(locator, f"JSON nested deeper than {MAX_JSON_DEPTH} levels"))
            continue
        if _depth(item) > MAX_JSON_DEPTH:
            out.append(RecordError(locator, f"JSON nested deeper than {MAX_JSON_DEPTH} levels"))
            continue
        out.append(_record(item, locator))
    if not out:
        raise FormatError("JSONL file has no records")
    return out


def parse_csv(text: str, *, delimiter: str = ",") -> list[RawDoc | RecordError]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration as exc:
        raise FormatError("CSV file has no header row") from exc
    except csv.Error as exc:
        raise FormatError(f"malformed CSV header: {exc}") from exc
    names = [h.strip().lower() for h in header]
    if not any(n in FIELD_ALIASES["text"] for n in names):
        raise FormatError(
            "CSV has no text column (expected one of: " + ", ".join(FIELD_ALIASES["text"]) + ")"
        )
    out: list[RawDoc | RecordError] = []
    row_no = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row_no += 1
            out.append(RecordError(f"row {row_no}", f"malformed CSV row: {exc}"))
            continue
        row_no += 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            out.append(
                RecordError(f"row {row_no}", f"malformed CSV row: {len(row)} fields, header has {len(names)}")
            )
            continue
        out.append(_record(dict(zip(names, row)), f"row {row_no}"))
    if not out:
        raise FormatError("CSV has a header but no rows")
    return out


def pick(record: Mapping[str, Any], name: str) -> Any:
    """The first present, non-empty field among ``name``'s aliases (case-insensitive keys)."""
    lowered = {str(k).lower(): v for k, v in record.items()}
    for alias in FIELD_ALIASES[name]:
        value = lowered.get(alias)
        if value is not None and (not isinstance(value, str) or value.strip()):
            return value
    return None


def _record(item: Any, locator: str) -> RawDoc | RecordError:
    if not isinstance(item, Mapping):
        return RecordError(locator or "record", f"expected an object with a text field, got {type(item).__name__}")
    text = pick(item, "text")
    if text is None:
        return RecordError(locator or "record", "no text field (expected one of: " + ", ".join(FIELD_ALIASES["text"]) + ")")
    if not isinstance(text, str):
        return RecordError(locator or "record", f"text field is a {type(text).__name__}, not a string")
    meta = {k: pick(item, k) for k in FIELD_ALIASES if k != "text"}
    return RawDoc(text=text, meta={k: v for k, v in meta.items() if v is not None}, locator=locator)


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_JSON_DEPTH:
        return level
    if isinstance(value, Mapping):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level

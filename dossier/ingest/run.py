"""Files and folders → stored articles, with a report line for every file or record.

Each article is written in its own transaction, so a batch with broken files stores every good one,
and a killed ingest leaves only complete articles behind; running it again finishes the rest
(identity is the hash of the normalised text, so nothing is stored twice).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dossier import config, provenance
from dossier.corpus import corrections
from dossier.corpus.grouping import frame_extra
from dossier.corpus.pipeline import Analysis, analyse, pipeline_version
from dossier.ingest.decode import DecodeError, decode_bytes
from dossier.ingest.formats import SUPPORTED_SUFFIXES, FormatError, RawDoc, RecordError, parse
from dossier.store import NewArticle, Store, StoredArticle

# Files in a walked folder that document the folder rather than being articles.
_DOC_FILE = re.compile(r"^(readme|license|licence|changelog|copying|attribution)(\.|$)", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")
# A publication date this far past today is a mistake, not news.
FUTURE_TOLERANCE = dt.timedelta(days=1)


@dataclass
class ReportLine:
    path: str
    locator: str  # "" for a whole file, else "row 3" / "line 7" / "item 2"
    status: str  # created | updated | re-extracted | unchanged | rejected | skipped
    reason: str = ""
    article_id: str | None = None
    warnings: list[str] = field(default_factory=list)

    def where(self) -> str:
        return f"{self.path} ({self.locator})" if self.locator else self.path


@dataclass
class IngestReport:
    lines: list[ReportLine] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        return Counter(line.status for line in self.lines)

    @property
    def rejected(self) -> list[ReportLine]:
        return [line for line in self.lines if line.status == "rejected"]

    def summary(self) -> str:
        c = self.counts()
        parts = [f"{c.get(k, 0)} {k}" for k in ("created", "updated", "re-extracted", "unchanged", "rejected", "skipped")]
        return "ingest: " + ", ".join(parts)


class MetadataError(ValueError):
    pass


# -- walking ------------------------------------------------------------------------------


def _candidates(paths: Iterable[str | Path], report: IngestReport) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            report.lines.append(ReportLine(str(path), "", "rejected", "no such file or folder"))
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                rel_parts = child.relative_to(path).parts
                if any(part.startswith(".") for part in rel_parts) or not child.is_file():
                    continue
                if child.suffix.lower() not in SUPPORTED_SUFFIXES:
                    report.lines.append(ReportLine(str(child), "", "skipped", f"unsupported file type {child.suffix or '(none)'}"))
                elif _DOC_FILE.match(child.name):
                    report.lines.append(ReportLine(str(child), "", "skipped", "documentation file, not an article"))
                elif _sidecar_target(child):
                    continue  # read together with its article
                else:
                    yield child
        elif _sidecar_target(path):
            report.lines.append(ReportLine(str(path), "", "skipped", f"metadata sidecar of {_sidecar_target(path).name}"))
        else:
            yield path


def _sidecar_target(path: Path) -> Path | None:
    """For NAME.json beside NAME.txt (or .html, .csv, ...), the article file it describes."""
    if path.suffix.lower() != ".json":
        return None
    for suffix in SUPPORTED_SUFFIXES:
        if suffix == ".json":
            continue
        sibling = path.with_suffix(suffix)
        if sibling.exists():
            return sibling
    return None


def _sidecar_of(path: Path) -> Path | None:
    if path.suffix.lower() == ".json":
        return None
    candidate = path.with_suffix(".json")
    return candidate if candidate.is_file() else None


# -- metadata -----------------------------------------------------------------------------


def normalise_date(value: Any, *, today: dt.date | None = None) -> str | None:
    """A publication date as YYYY-MM-DD, None if absent; MetadataError if impossible or future."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise MetadataError(f"publication date {value!r} is not a date string")
    raw = value.strip()
    parsed: dt.date | None = None
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?", raw)
    if m:
        try:
            parsed = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError as exc:
            raise MetadataError(f"impossible publication date {raw!r}: {exc}") from exc
    else:
        try:
            parsed = email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        raise MetadataError(f"unreadable publication date {raw!r} (expected YYYY-MM-DD)")
    today = today or dt.date.today()
    if parsed > today + FUTURE_TOLERANCE:
        raise MetadataError(f"publication date {parsed.isoformat()} is in the future")
    return parsed.isoformat()


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value)).strip()
    return text or None


def _read_sidecar(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(decode_bytes(path.read_bytes()).text)
    except (OSError, DecodeError, json.JSONDecodeError) as exc:
        raise MetadataError(f"sidecar {path.name} unreadable: {exc}") from exc
    if not isinstance(data, dict):
        raise MetadataError(f"sidecar {path.name} is not a JSON object")
    return {k: v for k, v in data.items() if v is not None}


# -- the batch ----------------------------------------------------------------------------


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    *,
    max_bytes: int | None = None,
    progress: Callable[[ReportLine], None] | None = None,
    refresh: bool = True,
) -> IngestReport:
    """Ingest files and folders; then, if anything changed, rebuild the fused events
    (``refresh=False`` leaves that to the caller, e.g. after several batches)."""
    limit = config.DOSSIER_MAX_FILE_BYTES if max_bytes is None else max_bytes
    report = IngestReport()
    for path in _candidates(paths, report):
        try:
            for line in _ingest_file(path, store, limit):
                report.lines.append(line)
                if progress:
                    progress(line)
        except Exception as exc:  # noqa: BLE001 — one bad file must never stop the batch
            # Articles of this file stored before the failure stay (each is its own transaction).
            line = ReportLine(str(path), "", "rejected", f"internal error while reading: {type(exc).__name__}: {exc}")
            report.lines.append(line)
            if progress:
                progress(line)
    if refresh and any(line.status in ("created", "re-extracted") for line in report.lines):
        # grouping, fusion and the analysts' corrections, replayed over the new extraction
        corrections.rebuild(store)
    return report


def chain_record(chain: provenance.Chain) -> dict[str, Any]:
    key, _ = provenance.origin_key(chain)
    return {
        "sentence_start": chain.sentence_start,
        "sentence_end": chain.sentence_end,
        "lang": chain.lang,
        "origin_key": key,
        "description": chain.describe(),
        "links": [asdict(link) for link in chain.links],
    }


class LoadError(ValueError):
    """The file cannot be read as articles; the message is the reason."""


@dataclass
class LoadedFile:
    path: Path
    encoding: str
    raw_sha256: str
    docs: list[RawDoc | RecordError]
    sidecar: dict[str, Any]
    warnings: list[str]

    def metadata(self, doc: RawDoc) -> dict[str, Any]:
        # A sidecar describes a single-article file; for multi-record files it only fills gaps.
        single = len(self.docs) == 1 and not doc.locator
        return {**doc.meta, **self.sidecar} if single else {**self.sidecar, **doc.meta}


def load_file(path: Path, limit: int | None = None) -> LoadedFile:
    """Read, size-check, decode and parse one file, with its sidecar metadata."""
    limit = config.DOSSIER_MAX_FILE_BYTES if limit is None else limit
    try:
        size = path.stat().st_size
        if size > limit:
            raise LoadError(f"over the size limit ({size:,} bytes > {limit:,}; DOSSIER_MAX_FILE_BYTES)")
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror or exc}") from exc
    try:
        decoded = decode_bytes(data)
        docs = parse(path.suffix, decoded.text)
    except (DecodeError, FormatError) as exc:
        raise LoadError(str(exc)) from exc
    warnings: list[str] = []
    sidecar: dict[str, Any] = {}
    sidecar_path = _sidecar_of(path)
    if sidecar_path:
        try:
            sidecar = _read_sidecar(sidecar_path)
        except MetadataError as exc:
            warnings.append(str(exc))
    return LoadedFile(path, decoded.encoding, hashlib.sha256(data).hexdigest(), docs, sidecar, warnings)


def _ingest_file(path: Path, store: Store, limit: int) -> Iterator[ReportLine]:
    name = str(path)
    try:
        loaded = load_file(path, limit)
    except LoadError as exc:
        yield ReportLine(name, "", "rejected", str(exc))
        return
    for doc in loaded.docs:
        if isinstance(doc, RecordError):
            yield ReportLine(name, doc.locator, "rejected", doc.reason)
            continue
        line = _store_doc(name, doc, loaded.metadata(doc), loaded.encoding, loaded.raw_sha256, store)
        line.warnings = loaded.warnings + line.warnings
        yield line


def _store_doc(name: str, doc: RawDoc, meta: dict[str, Any], encoding: str, raw_sha: str, store: Store) -> ReportLine:
    prepared = prepare_doc(name, doc, meta, encoding, raw_sha)
    if isinstance(prepared, ReportLine):
        return prepared
    plan_analysis(prepared, store.find_by_content(prepared.content_hash))
    return save_article(prepared, article_of(prepared), store)


@dataclass
class PreparedDoc:
    """One article checked and normalised, before analysis: all a worker needs to analyse it
    (the distributed ingest sends these to Dask workers; see dossier/ingest/distributed.py)."""

    name: str
    locator: str
    text: str
    meta: dict[str, Any]
    encoding: str
    raw_sha: str
    published: str | None
    content_hash: str
    fixes: list[str]
    # set by plan_analysis: whether to analyse, and the date that anchors relative dates
    analyse: bool = True
    anchor: str | None = None

    @property
    def article_id(self) -> str:
        return self.content_hash[:16]


def prepare_doc(name: str, doc: RawDoc, meta: dict[str, Any], encoding: str, raw_sha: str) -> PreparedDoc | ReportLine:
    """Normalise one record's text and metadata, or the report line that rejects it."""
    text = unicodedata.normalize("NFC", doc.text)
    if not text.strip():
        return ReportLine(name, doc.locator, "rejected", "empty text")
    fixes: list[str] = []
    if _SURROGATE.search(text):
        # Only JSON escapes can produce these; they cannot be stored or encoded as UTF-8.
        text = _SURROGATE.sub("\ufffd", text)
        fixes.append("lone surrogate escapes replaced by U+FFFD")
    try:
        published = normalise_date(meta.get("published"))
    except MetadataError as exc:
        return ReportLine(name, doc.locator, "rejected", str(exc))
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return PreparedDoc(name, doc.locator, text, meta, encoding, raw_sha, published, content_hash, fixes)


def plan_analysis(prepared: PreparedDoc, known: StoredArticle | None) -> None:
    """Decide whether ``prepared`` needs analysis, given what the store holds for its content.

    Analysis is the expensive part: skip it when the stored one is current and the publication
    date (the anchor of relative dates) did not change."""
    prepared.anchor = prepared.published or (known.published if known else None)
    prepared.analyse = not (known and known.extraction_version == pipeline_version() and known.published == prepared.anchor)


def article_of(prepared: PreparedDoc) -> NewArticle:
    """The article to store, analysed if ``plan_analysis`` said so. Touches no store: this is
    what a Dask worker runs."""
    meta = prepared.meta
    lang_hint = _clean(meta.get("language"))
    if prepared.analyse:
        version = pipeline_version()
        analysis = analyse(
            prepared.text,
            lang_hint=lang_hint,
            published=dt.date.fromisoformat(prepared.anchor) if prepared.anchor else None,
            source=_clean(meta.get("source")),
        )
    else:
        analysis, version = Analysis(), ""
    return NewArticle(
        id=prepared.article_id,
        content_hash=prepared.content_hash,
        raw_sha256=prepared.raw_sha,
        text=prepared.text,
        origin=prepared.name + (f"#{prepared.locator}" if prepared.locator else ""),
        encoding=prepared.encoding,
        title=_clean(meta.get("title")),
        published=prepared.published,
        source=_clean(meta.get("source")),
        url=_clean(meta.get("url")),
        lang_hint=lang_hint,
        licence=_clean(meta.get("licence")),
        note=_clean(meta.get("note")),
        segments=analysis.segments,
        sentences=analysis.sentences,
        entities=analysis.entities,
        times=analysis.times,
        places=analysis.places,
        frames=[(f.base(), frame_extra(f)) for f in analysis.frames],
        chains=[chain_record(c) for c in analysis.chains],
        extraction_version=version,
    )


def save_article(prepared: PreparedDoc, article: NewArticle, store: Store) -> ReportLine:
    """Store one article (same content = same article, so saving twice stores it once)."""
    result = store.save_article(article)
    warnings = prepared.fixes + ([] if prepared.published else ["no publication date: stored as undated"])
    return ReportLine(prepared.name, prepared.locator, result.status, article_id=result.article_id, warnings=warnings)

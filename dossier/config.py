"""Named settings. Each can be overridden by an environment variable of the same name."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = REPO_ROOT / "data"


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from exc


# Files larger than this are rejected at ingest (a named, configurable limit; CLI: --max-bytes).
DOSSIER_MAX_FILE_BYTES = _int_env("DOSSIER_MAX_FILE_BYTES", 20 * 1024 * 1024)
# Default database and corpus the app opens with.
# A SQLite file, or a team's PostgreSQL database as a postgresql:// URL (kept a string: a Path would
# fold its '//'); dossier.store.store_target reads --db values the same way.
POSTGRES_URL_PREFIXES = ("postgresql://", "postgres://")
_DB = os.environ.get("DOSSIER_DB", "").strip() or str(REPO_ROOT / "var" / "dossier.db")
DOSSIER_DB: Path | str = _DB if _DB.startswith(POSTGRES_URL_PREFIXES) else Path(_DB)
DEFAULT_CORPUS = DATA_DIR / "articles"
# The shared development material (corpus, datasets) laid beside the clone; a new user has none, and
# everything that needs it says so and skips.
SHARED_DIR = Path(os.environ.get("DOSSIER_SHARED", str(REPO_ROOT.parent / "shared")))
# The NER pipelines, one directory per language: a candidate model is scored (dossier eval ner,
# bench/) by pointing this at a directory holding it, without replacing the committed one.
DOSSIER_MODELS = Path(os.environ.get("DOSSIER_MODELS", "").strip() or str(DATA_DIR / "models"))

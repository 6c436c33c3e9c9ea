#!/usr/bin/env bash
# Set up, ingest the default corpus (data/articles) if the database is new, and open the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export DOSSIER_DB=${DOSSIER_DB:-var/dossier.db}
.venv/bin/python -m dossier ingest data/articles --db "$DOSSIER_DB"
exec .venv/bin/python scripts/serve.py "$@"

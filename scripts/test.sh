#!/usr/bin/env bash
# Set up (with test tools), lint, and run the test suite: unit, AppTest and browser end-to-end tests.
# Arguments go to pytest, e.g. the fast lane: bash scripts/test.sh -m "not e2e and not slow"
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"

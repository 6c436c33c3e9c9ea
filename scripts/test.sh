#!/usr/bin/env bash
# Set up (with test tools) and run the whole test suite: unit, AppTest and browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
exec .venv/bin/python -m pytest "$@"

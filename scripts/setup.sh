#!/usr/bin/env bash
# Set up a fresh machine (Debian/Ubuntu) for Dossier: system packages, a virtualenv, Python packages.
# Idempotent: a second run only checks. Usage: bash scripts/setup.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's chromium drives PNG/SVG export (kaleido) and the browser tests; the fonts give Korean
# and Hindi glyphs in exported charts and screenshots.
APT_PACKAGES="chromium fonts-nanum fonts-lohit-deva"
# --dev: Debian's PostgreSQL server, which the store tests start as a throwaway cluster (as the
# package's `postgres` user when they run as root); the package's own cluster is not needed.
if [ "${1:-}" = "--dev" ]; then APT_PACKAGES="$APT_PACKAGES postgresql"; fi
missing=""
for pkg in $APT_PACKAGES; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = none ]; then
    echo "setup: cannot install$missing (not root, no sudo); PNG export and browser tests will be unavailable" >&2
  else
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
  fi
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "--dev" ]; then
  .venv/bin/python -m pip install -q -r requirements-dev.txt
else
  .venv/bin/python -m pip install -q -r requirements.txt
fi
echo "setup: ok"

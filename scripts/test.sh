#!/usr/bin/env bash
# Install everything (scripts/setup.sh), then lint and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
# Two workers on a 2-core machine: the suite is CPU-bound (figures in docs/performance.md).
.venv/bin/python -m pytest -p no:cacheprovider -n "${ARGMAP_TEST_WORKERS:-auto}" "$@"

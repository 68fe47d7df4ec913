#!/usr/bin/env bash
# Install everything (scripts/setup.sh), then lint and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
# One worker per core (pytest-xdist): the suite is CPU-bound. --dist worksteal: a worker that runs
# out of tests takes some of the other's, so neither ends long after the other (docs/performance.md).
.venv/bin/python -m pytest -p no:cacheprovider -n "${ARGMAP_TEST_WORKERS:-auto}" --dist worksteal "$@"

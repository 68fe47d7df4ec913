#!/usr/bin/env bash
# Install everything (scripts/setup.sh), check a shipped map, then open it in the explorer
# (on a terminal) or summarise it (without one).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
map=${1:-maps/china-catching-up.yaml}
[ -f "$map" ] || map=examples/car-free-downtown.yaml
.venv/bin/argmap check "$map" || true
if [ -t 0 ] && [ -t 1 ]; then
  exec .venv/bin/argmap tui "$map"
else
  .venv/bin/argmap show "$map"
fi

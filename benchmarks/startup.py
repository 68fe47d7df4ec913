"""How fast the command line starts, against a bare interpreter importing its libraries.

``python -m benchmarks.startup [--repeat N]`` runs, N times each, in fresh processes:

- the baseline: ``python -c "import pydantic, yaml, click"``;
- ``argmap --version``;
- ``argmap check examples/car-free-downtown.yaml`` (a small map);

and prints the median wall time of each and its ratio to the baseline. The targets (issue
"a CLI that behaves"): ``--version`` within 1.5 times the baseline, the small check within 3.
Figures are not asserted by any test: a shared machine's timings vary too much.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "car-free-downtown.yaml"
CLI = [sys.executable, "-m", "argmap"]
RUNS = {
    "bare: import pydantic, yaml, click": [sys.executable, "-c", "import pydantic, yaml, click"],
    "argmap --version": [*CLI, "--version"],
    "argmap check (14-claim example)": [*CLI, "check", str(EXAMPLE)],
}
TARGETS = {"argmap --version": 1.5, "argmap check (14-claim example)": 3.0}


def _median_time(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs of each command")
    args = parser.parse_args(argv)
    # Interleaved rounds, so that a burst of load on the machine hits every command alike.
    times: dict[str, list[float]] = {name: [] for name in RUNS}
    for _ in range(args.repeat):
        for name, command in RUNS.items():
            times[name].append(_median_time(command, 1))
    base = statistics.median(times[next(iter(RUNS))])
    print(f"{'command':<36} {'median':>8} {'ratio':>6} {'target':>7}")
    for name in RUNS:
        value = statistics.median(times[name])
        target = f"{TARGETS[name]:.1f}x" if name in TARGETS else ""
        print(f"{name:<36} {value * 1000:>6.0f}ms {value / base:>5.2f}x {target:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

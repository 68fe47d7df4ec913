"""Timing helpers: the median of several runs, and peak memory measured in a fresh process."""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Figure:
    """One measured figure: the process CPU time of each run (or bytes, for memory), and the
    wall-clock time of each run. ``median`` is the median CPU time: on a shared machine the wall
    clock also counts the time other processes held the cores."""

    name: str
    size: int
    runs: list[float] = field(default_factory=list)
    unit: str = "s"
    note: str = ""
    wall: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.runs) if self.runs else float("nan")

    @property
    def wall_median(self) -> float:
        return statistics.median(self.wall) if self.wall else float("nan")

    def shown(self, wall: bool = False) -> str:
        if not self.runs:
            return "n/a"
        if self.unit == "B":
            return f"{self.median / 2**20:,.0f} MiB"
        return seconds(self.wall_median if wall else self.median)


def seconds(value: float) -> str:
    """``value`` seconds as s, ms or µs."""
    if value != value:
        return "n/a"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.0f} µs"


SLOW = 3.0  # seconds: a first run this long is the only run (peers that crawl)


def measure(name: str, size: int, fn: Callable[[], Any], repeat: int,
            note: str = "") -> tuple[Figure, Any]:
    """Time ``fn``: a warm-up run, then ``repeat`` timed runs; the figure and the last result.

    A warm-up run slower than ``SLOW`` seconds is kept as the one run, so that a peer that
    takes minutes is run once.
    """
    figure = Figure(name, size, note=note)
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
    if first_cpu >= SLOW:
        figure.runs.append(first_cpu)
        figure.wall.append(first)
        figure.note = (note + "; " if note else "") + "1 run"
        return figure, result
    for _ in range(repeat):
        del result
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        figure.runs.append(time.process_time() - cpu)
        figure.wall.append(time.perf_counter() - start)
    return figure, result


# The peak resident size of this process since exec (VmHWM): getrusage's ru_maxrss is no good
# here, as Linux carries it over from the forked parent, the benchmark with its maps loaded.
_PEAK_RSS = """
def peak_rss():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
"""

_MEMORY_PROBE = _PEAK_RSS + """
import json, sys, tracemalloc
from argmap.io import load_map
stages = sys.argv[2].split(",")
if sys.argv[3] == "trace":
    tracemalloc.start()
amap = load_map(sys.argv[1])
keep = [amap]
if "analyse" in stages:
    from argmap.analysis import analyse
    keep.append(analyse(amap))
current, peak = tracemalloc.get_traced_memory()
print(json.dumps({"peak_traced": peak, "max_rss": peak_rss()}))
"""

_BASELINE_PROBE = _PEAK_RSS + """
import json
import argmap.io
print(json.dumps({"max_rss": peak_rss()}))
"""


def peak_memory(path: Path, stages: list[str]) -> dict[str, int]:
    """Peak memory of a fresh process that loads ``path`` (and analyses it, when asked).

    ``peak_traced`` is what tracemalloc saw Python allocate; ``max_rss`` the peak resident
    size of a process run without tracing (interpreter and libraries included); ``base_rss``
    that of a process that only imported argmap.
    """
    root = Path(__file__).resolve().parent.parent

    def probe(*args: str) -> dict[str, int]:
        cmd = [sys.executable, "-c", *args]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=root)
        return dict(json.loads(out.stdout.strip().splitlines()[-1]))

    result = probe(_MEMORY_PROBE, str(path), ",".join(stages), "rss")
    result["peak_traced"] = probe(_MEMORY_PROBE, str(path), ",".join(stages), "trace")[
        "peak_traced"]
    result["base_rss"] = probe(_BASELINE_PROBE)["max_rss"]
    return result

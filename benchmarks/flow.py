"""Timing of the flow sheet on generated maps: building the sheets, then writing all three formats.

    python -m benchmarks.flow            # 1,000 and 10,000 claims
    python -m benchmarks.flow 100000     # or the sizes given

Prints one line per size: sheets, rows, and the best of three runs of each step, in seconds.
"""

from __future__ import annotations

import sys
import time

from argmap.analysis import analyse
from argmap.model import ArgumentMap
from argmap.render.flow import flow_sheets
from argmap.render.flow_output import render_flow
from benchmarks.generate import Spec, generate


def best(step, runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(argv: list[str]) -> None:
    for size in [int(a) for a in argv] or [1000, 10000]:
        amap = ArgumentMap.model_validate(generate(Spec(claims=size)))
        analysis = analyse(amap)
        build, sheets = best(lambda a=analysis: flow_sheets(a))
        write, _ = best(lambda s=sheets, t=amap.title: [render_flow(s, t, f)
                                                        for f in ("md", "html", "csv")])
        rows = sum(len(s.rows) for s in sheets)
        print(f"{size:>7} claims  {len(sheets):>4} sheets  {rows:>6} rows  "
              f"build {build:.3f} s  write md+html+csv {write:.3f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
